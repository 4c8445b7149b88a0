package report

import (
	"slices"
	"strings"
	"unicode/utf8"

	"reportkb/index/place"
	"reportkb/internal/rx"
)

// Budget and final-accounts reports give each figure for a scope: the
// whole region (全市, 全省, 全州) or its own level of government (市本级,
// 省本级, 州本级); and for one of the four budgets (一般公共预算, 政府性基金
// 预算, 国有资本经营预算, 社会保险基金预算) or the government's debt, on
// the side of revenue (收入) or spending (支出). This file marks sections,
// paragraphs and sentences with what their headings and openings say.

// The funds a figure of a budget belongs to (Section.Fund).
const (
	FundGeneral  = "一般公共预算"
	FundGov      = "政府性基金预算"
	FundCapital  = "国有资本经营预算"
	FundSocial   = "社会保险基金预算"
	FundDebt     = "政府债务"
	FlowRevenue  = "收入"
	FlowSpending = "支出"
)

var (
	reScopeWhole = rx.MustCompile(`全(国|省|市|州|区|县|旗|盟)`)
	reScopeOwn   = rx.MustCompile(`(自治区|自治州|中央|省|市|州|区|县|旗|盟)(本级|级)`)
)

// scopeLevel returns the character that names a report's own level: 市 for
// a city, 州 for an autonomous prefecture, 区 for a district or an
// autonomous region.
func scopeLevel(m Meta) string {
	switch {
	case m.Level == "national":
		return "国"
	case strings.HasSuffix(m.Region, "自治区"):
		return "区"
	case strings.HasSuffix(m.Region, "自治州"):
		return "州"
	}
	r, _ := utf8.DecodeLastRuneInString(m.Region)
	if r == utf8.RuneError {
		return ""
	}
	return string(r)
}

// scopesIn returns the scopes s names, normalized (全市, 市本级; 市级 and
// 自治区本级 read as 市本级 and 区本级, 市级 only in a city's report), in
// order, at most one of each.
func scopesIn(s, level string) []string {
	if !strings.Contains(s, "全") && !strings.Contains(s, "级") {
		return nil
	}
	type hit struct {
		at    int
		scope string
	}
	var hits []hit
	for _, m := range reScopeWhole.FindAllStringSubmatchIndex(s, -1) {
		hits = append(hits, hit{m[0], "全" + s[m[2]:m[3]]})
	}
	for _, m := range reScopeOwn.FindAllStringSubmatchIndex(s, -1) {
		unit, suffix := s[m[2]:m[3]], s[m[4]:m[5]]
		switch unit {
		case "自治区":
			unit = "区"
		case "自治州":
			unit = "州"
		}
		if suffix == "级" {
			// 市级 is 市本级 only where the report is the city's; 县级
			// in a province's report means all counties.
			if unit != level || m[0] > 0 && strings.ContainsRune("城县乡", firstRuneBefore(s, m[0])) {
				continue
			}
		}
		if unit == "中央" {
			hits = append(hits, hit{m[0], "中央本级"})
			continue
		}
		hits = append(hits, hit{m[0], unit + "本级"})
	}
	// In order of appearance.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var out []string
	for _, h := range hits {
		dup := false
		for _, o := range out {
			dup = dup || o == h.scope
		}
		if !dup {
			out = append(out, h.scope)
		}
	}
	return out
}

func firstRuneBefore(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// scopeOf returns the scope a heading names: 全市, 市本级, or both joined
// (全市及市本级); "" for none.
func scopeOf(s, level string) string {
	return strings.Join(scopesIn(s, level), "及")
}

// regionBudgets are the words after a report's own region that make a
// title about all of the region's budgets (红河州地方政府一般债务, 平顶山市
// 一般公共预算).
var regionBudgets = []string{"地方政府", "政府债务", "政府性基金", "政府一般债务", "政府专项债务", "一般公共预算",
	"国有资本经营", "社会保险基金", "社保基金", "财政预算", "财政收入", "财政收支", "财政总收入"}

// RegionOpens reports whether a title opens, after its number, with the
// report's own region and then a budget: 一、红河州地方政府一般债务限额和余额
// 情况 is the whole prefecture's, beside 二、红河州州本级政府一般债务…, as
// 全州 would say.
func RegionOpens(title, region string) bool {
	if region == "" {
		return false
	}
	_, t := splitNumber(strings.TrimSpace(title))
	if !strings.ContainsAny(t, "省市州区县旗盟") {
		return false
	}
	ms := place.Find(t)
	if len(ms) == 0 || ms[0].Start != 0 ||
		!slices.ContainsFunc(ms[0].Divisions, func(d *place.Division) bool { return d.Name == region }) {
		return false
	}
	after := t[ms[0].End:]
	for _, b := range regionBudgets {
		if strings.HasPrefix(after, b) {
			return true
		}
	}
	return false
}

// titleScopeOf returns the scope a heading or a paragraph's opening names
// (scopeOf), else the whole region's (全州) when it opens with the
// report's own region before a budget (RegionOpens).
func titleScopeOf(s, region, level string) string {
	if sc := scopeOf(s, level); sc != "" || level == "" || level == "国" || !RegionOpens(s, region) {
		return sc
	}
	return "全" + level
}

// fundOf returns the fund and the flow a heading names: 一般公共预算 and
// 收入 of 1.一般公共预算收入情况; the flow is "" when it names both (收支).
func fundOf(s string) (fund, flow string) {
	switch {
	case strings.Contains(s, "一般公共预算"):
		fund = FundGeneral
	case strings.Contains(s, "政府性基金"):
		fund = FundGov
	case strings.Contains(s, "国有资本经营"):
		fund = FundCapital
	case strings.Contains(s, "社会保险基金") || strings.Contains(s, "社保基金"):
		fund = FundSocial
	case strings.Contains(s, "债务") || strings.Contains(s, "债券"):
		fund = FundDebt
	}
	rev := strings.Contains(s, "收入")
	spend := strings.Contains(s, "支出")
	switch {
	case strings.Contains(s, "收支") || rev && spend:
	case rev:
		flow = FlowRevenue
	case spend:
		flow = FlowSpending
	}
	return fund, flow
}

// lead returns the opening of a text where its scope is named: the first
// 16 characters after its number, up to the end of its first sentence.
func lead(s string) string {
	rest := s
	if r, _ := utf8.DecodeRuneInString(s); r < 0x80 || strings.ContainsRune("一二三四五六七八九十（(", r) {
		_, rest = splitNumber(truncate(s, 24))
	}
	rest = truncate(rest, 16)
	if k := strings.IndexAny(rest, "。！？；"); k >= 0 {
		rest = rest[:k]
	}
	return rest
}

// scopes marks the sections, paragraphs and sentences of a budget report
// with their scope, fund and flow: a section by its heading, else its
// parent's; a paragraph by its opening, a table's rows by its title,
// else its section's; a sentence by its opening, else the sentence
// before in its paragraph, else its paragraph's.
func (p *parser) scopes() {
	d := p.doc
	level := scopeLevel(d.Meta)
	for i := range d.Sections {
		s := &d.Sections[i]
		s.Scope = titleScopeOf(s.Title, d.Meta.Region, level)
		s.Fund, s.Flow = fundOf(s.Title)
		if s.Parent >= 0 {
			ps := &d.Sections[s.Parent]
			if s.Scope == "" {
				s.Scope = ps.Scope
			}
			if s.Fund == "" {
				s.Fund = ps.Fund
				if s.Flow == "" {
					s.Flow = ps.Flow
				}
			}
		}
	}
	for pi := range d.Paragraphs {
		para := &d.Paragraphs[pi]
		if para.Section >= 0 {
			s := &d.Sections[para.Section]
			para.Scope, para.Fund, para.Flow = s.Scope, s.Fund, s.Flow
		}
		if pi > 0 && para.Kind == KindBody && headingLevel(para.Text) == 0 {
			// A paragraph that opens no item of its own goes on with the
			// budget of the one before (1．一般公共预算… / 市本级收入…).
			if prev := &d.Paragraphs[pi-1]; prev.Kind == KindBody && prev.Section == para.Section && prev.Fund != "" {
				para.Fund, para.Flow = prev.Fund, prev.Flow
			}
		}
		own := lead(para.Text)
		if para.Table >= 0 && para.Table < len(d.Tables) {
			own = d.Tables[para.Table].Caption
		}
		if sc := titleScopeOf(own, d.Meta.Region, level); sc != "" {
			para.Scope = sc
		}
		if f, fl := fundOf(own); f != "" {
			para.Fund, para.Flow = f, fl
		}
		scope := para.Scope
		for si := para.FirstSentence; si < para.FirstSentence+para.NumSentences; si++ {
			st := &d.Sentences[si]
			if sc := scopesIn(lead(st.Text), level); len(sc) > 0 {
				scope = sc[0]
			}
			st.Scope = scope
		}
	}
}

// reSpanOpens opens a paragraph that reviews several years: “十三五”时期是
// 广东发展史上具有重大意义的五年, 过去五年, 过去的五年, 五年来.
var reSpanOpens = rx.MustCompile(`^(?:各位代表[！!，,]\s*)?(?:回望|回顾|回首|纵观|综观)?(?:“?十[一二三四五六]五”?(?:时期|期间|以来)|(?:过去的?|这|近)(?:五|[两三四六七八九十])年|[两三四五六七八九十]年来)`)

// reSpanHeading opens a heading of a review of several years: “十三五”
// 时期我国发展取得的成就, 过去五年的工作回顾, 关于过去五年的政府工作.
var reSpanHeading = rx.MustCompile(`^(?:关于)?(?:[“"]?十[一二三四五六]五[”"]?(?:时期|期间|以来)|(?:过去的?|近)(?:五|[两三四六七八九十])年)`)

// reYearOpens opens a paragraph about one year, which ends a review of
// several: 2020年是“十三五”规划收官之年, 刚刚过去的2022年, 过去一年, 一年来,
// also after a short lead-in (这里还要着重指出的是，在刚刚过去的１９８７年).
var reYearOpens = rx.MustCompile(`^[\s　]*(?:各位代表[！!，,]\s*)?(?:[^，,。；]{0,14}(?:的是|指出|看到|来看)[，,]\s*在?)?(?:刚刚过去的|刚过去的|过去的)?(?:(?:19|20|１９|２０)[0-9０-９]{2}年|过去一年|一年来|一年|今年|去年)`)

// reAddress opens a paragraph with the address to the deputies.
var reAddress = rx.MustCompile(`^[\s　]*各位代表[！!，,]\s*`)

// spanAfterYear reports whether para opens with a short sentence on the
// year that closed a plan, then turns to the span: 2015年是“十二五”收官之年。
// 过去五年，我国发展成就举世瞩目。 An address (各位代表！) may come first.
func (d *Doc) spanAfterYear(para *Paragraph) bool {
	i, end := para.FirstSentence, para.FirstSentence+para.NumSentences
	if i < end && strings.TrimSpace(reAddress.ReplaceAllString(d.Sentences[i].Text, "")) == "" {
		i++ // 各位代表！, a sentence of its own
	}
	if end-i < 2 {
		return false
	}
	first, second := d.Sentences[i].Text, d.Sentences[i+1].Text
	// The address (各位代表！) is no part of the sentence's length.
	short := utf8.RuneCountInString(reAddress.ReplaceAllString(first, "")) <= 32
	return reYearOpens.MatchString(first) && short && reSpanOpens.MatchString(second)
}

// spanAfterLead reports whether para opens with a short lead that names
// no figure and no year, then turns to the span: ——地方财政实力不断增强，
// 综合保障能力持续提升。“十四五”期间，全市地方一般公共预算收入244.03亿元…
func (d *Doc) spanAfterLead(para *Paragraph) bool {
	i, end := para.FirstSentence, para.FirstSentence+para.NumSentences
	if end-i < 2 {
		return false
	}
	first := strings.TrimLeft(strings.TrimSpace(d.Sentences[i].Text), "—－-－ 　")
	if utf8.RuneCountInString(first) > 32 || strings.ContainsAny(first, "0123456789０１２３４５６７８９") || reYearOpens.MatchString(first) {
		return false
	}
	return reSpanOpens.MatchString(d.Sentences[i+1].Text)
}

// spans marks the paragraphs of a review of several years (Paragraph.Span):
// from a heading or paragraph that opens with the span, through those
// after it in the same section and in its parts (sections within it:
// （一）全面转向高质量发展新阶段。…), until one opens with a year of its
// own; a span in a plan's section is the plan's.
func (p *parser) spans() {
	d := p.doc
	on, sec := false, -1
	// list is set while the span was opened by a paragraph that announces
	// its parts (五年来，我们主要做了以下工作：): a paragraph on one year
	// among them (去年，…) does not end it.
	list := false
	// dashes is set while the span runs through the dash-led paragraphs
	// after a plan's completion (“十三五”目标任务圆满完成。 ——综合实力大幅
	// 提升…): a paragraph without the dash ends it.
	dashes := false
	for pi := range d.Paragraphs {
		para := &d.Paragraphs[pi]
		if dashes {
			if para.Kind == KindBody && dashLed(para.Text) {
				para.Span = true
				continue
			}
			on, dashes = false, false
		}
		if para.Kind == KindBody && d.planCompleted(pi) {
			// 各位代表，过去的一年也是“十三五”规划的收官之年。…“十三五”目标
			// 任务圆满完成: the dashes after it review the plan's years.
			if per, _ := d.PeriodOf(para.Section); per != PeriodPlan {
				on, list, dashes, sec = true, false, true, para.Section
				para.Span = true
				continue
			}
		}
		inside := on && (para.Section == sec || d.within(para.Section, sec))
		if para.Kind != KindBody {
			if para.Kind == KindHeading && inside && para.Section != sec {
				continue // the heading of one of the span's parts
			}
			if para.Kind == KindHeading || para.Kind == KindTitle {
				on, list = false, false
				// 二、“十三五”时期我国发展取得的成就: a heading that names
				// the span reviews it, through its paragraphs.
				if _, title := splitNumber(strings.TrimSpace(para.Text)); para.Kind == KindHeading && reSpanHeading.MatchString(title) {
					per, _ := d.PeriodOf(para.Section)
					on, sec = per != PeriodPlan, para.Section
				}
			}
			continue
		}
		if on && !inside {
			on, list = false, false
		}
		switch {
		case on && list:
			// 近两年，…: within an announced part, the span's own years;
			// 去年，…: that year's paragraph, and the span goes on after it.
			para.Span = !reYearOpens.MatchString(para.Text)
			continue
		case reSpanOpens.MatchString(para.Text) || d.spanAfterYear(para) || d.spanAfterLead(para):
			// “十四五”时期的主要目标 under a plan: the plan's years.
			per, _ := d.PeriodOf(para.Section)
			on, sec = per != PeriodPlan, para.Section
			list = on && announcesParts(para.Text)
		case reYearOpens.MatchString(para.Text):
			on, list = false, false
		}
		para.Span = on
	}
}

// rePlanCompleted says a five-year plan's targets were met: “十三五”目标任务
// 圆满完成, “十三五”规划主要目标全面完成.
var rePlanCompleted = rx.MustCompile(`十[一二三四五六]五[”"]?(?:规划)?(?:的)?(?:主要)?(?:目标任务|目标|规划)(?:\p{Han}{0,4})?(?:圆满|胜利|全面|顺利)(?:完成|实现|收官)`)

// planCompleted reports whether paragraph pi says a five-year plan's
// targets were met and names no figure, and the paragraph after it opens
// with a dash: the dashes review the plan's years.
func (d *Doc) planCompleted(pi int) bool {
	t := d.Paragraphs[pi].Text
	if !rePlanCompleted.MatchString(t) || strings.ContainsAny(t, "0123456789０１２３４５６７８９%％") || pi+1 >= len(d.Paragraphs) {
		return false
	}
	next := d.Paragraphs[pi+1]
	return next.Kind == KindBody && dashLed(next.Text)
}

// dashLed reports whether a paragraph opens with a dash (——综合实力大幅提升).
func dashLed(text string) bool { return strings.HasPrefix(strings.TrimLeft(text, " 　"), "——") }

// within reports whether section s lies inside section outer (-1: before
// or outside every numbered part): s is one of outer's subsections, at any
// depth, or, for outer -1, a section below the first level with no
// first-level parent.
func (d *Doc) within(s, outer int) bool {
	if s < 0 || s >= len(d.Sections) {
		return false
	}
	if outer < 0 {
		for s >= 0 {
			if d.Sections[s].Level <= 1 {
				return false
			}
			s = d.Sections[s].Parent
		}
		return true
	}
	for s = d.Sections[s].Parent; s >= 0; s = d.Sections[s].Parent {
		if s == outer {
			return true
		}
	}
	return false
}

// announcesParts reports whether a paragraph ends by announcing the parts
// that follow it: 五年来，我们主要做了以下工作：
func announcesParts(text string) bool {
	t := strings.TrimRight(text, " \t　")
	return utf8.RuneCountInString(t) <= 40 && (strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":"))
}
