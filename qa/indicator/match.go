package indicator

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Mention is what a report says a figure measures.
type Mention struct {
	// Lead is the text of the figure's clause before it (全省地区生产总值增长
	// for 全省地区生产总值增长5.5%), without its qualifier (约, 突破).
	Lead string
	// Subject is what the figure measures as the facts read it; it is
	// used when the lead names nothing (、增长5.5%: the subject of the
	// figure before).
	Subject string
	// Context is the sentence before the figure: 今年经济增长速度的宏观调控
	// 目标，定为 for 百分之八至九. Its words after the figure before are
	// used when neither lead nor subject names the indicator.
	Context string
	// Unit is the figure's unit without its scale: %, 元, 人, 斤.
	Unit string
	// Places are the forms of the report's region (安徽省, 安徽, 全省) that
	// may stand before the wording.
	Places []string
	// National allows 全国 before the wording.
	National bool
}

// Match is a figure found to state an indicator.
type Match struct {
	Indicator *Indicator
	// Sign is -1 when the figure is stated as a fall of a growth rate
	// (下降3.3%) or of a change measured upwards, +1 otherwise.
	Sign int
	// Scope is the part of the region the figure covers, as the report
	// writes it (全市, 市本级, 全省), or "" when it does not say.
	Scope string
	// Estimate is set for a figure the report gives as an estimate (预计).
	Estimate bool
	// Via says which text named the indicator: lead, subject or context.
	Via string
}

// frameWords may stand before an indicator's wording without changing
// what it measures: times, estimates, the whole region, verbs that open
// a clause. Scope words are recorded.
var frameWords = []string{
	"据初步核算", "经初步核算", "初步核算", "初步统计", "初步预计", "据统计", "预计", "全年", "今年", "去年", "上年", "本年", "当年",
	"年末", "年底", "年度", "同期", "其中", "同时", "实现", "完成", "计划", "力争", "确保", "争取", "预期", "要求", "要", "使", "的",
	"全部", "合计", "共", "总", "再", "在", "保持",
}

// scopeWords say which part of a region a figure covers.
var scopeWords = []string{"市本级", "省本级", "区本级", "县本级", "州本级", "本级", "省级", "市级", "区级", "县级",
	"全市", "全省", "全区", "全县", "全州", "全盟", "全旗", "全自治区", "我省", "我市", "我区", "我县", "本市", "本省", "本区", "本县"}

// tailWords may stand between the wording and the figure.
var tailWords = []string{
	"按可比价格计算", "扣除价格因素", "考虑价格因素", "扣除物价上涨因素", "比上年同期", "比上年", "比去年", "较上年", "比上一年", "同比",
	"预期目标", "宏观调控目标", "调控目标", "主要目标", "目标", "预期", "计划", "定为", "预计", "初步", "实际", "名义",
	"增长率", "增长速度", "增速", "增幅", "涨幅", "降幅", "增长", "上涨", "上升", "下降到", "降低到", "下降", "降低", "减少", "回落到", "回落",
	"提高到", "增加到", "上升到", "提升到", "增加", "降到", "降至", "达到", "达", "为", "是", "突破", "超过", "约", "控制在", "保持在",
	"稳定在", "保持", "力争", "确保", "争取", "要", "将", "在", "分别", "均", "了", "的", "年末", "全年", "总量", "总额", "总计", "合计",
	"以上", "左右", "速度",
}

// spanWords make a figure one of several years (年均增长): no year's.
var spanWords = []string{"年均", "平均每年", "每年平均", "累计", "五年", "十年", "三年", "两年", "以来"}

var (
	growthVerbs = []string{"增长率", "增长速度", "增速", "增幅", "涨幅", "降幅", "增长", "上涨", "上升", "下降", "降低", "减少", "回落"}
	downVerbs   = []string{"降幅", "下降", "降低", "减少", "回落"}
	toVerbs     = []string{"下降到", "降低到", "回落到", "提高到", "增加到", "上升到", "提升到", "降到", "降至"}
	reYear      = regexp.MustCompile(`^[0-9０-９一二三四五六七八九〇零○]{4}年(度)?`)
	reParen     = regexp.MustCompile(`[（(][^（）()]{0,20}[）)]`)
)

// Match finds the indicator a figure states, if any.
func (c *Catalogue) Match(m Mention) (Match, bool) {
	for _, try := range []struct {
		via, text string
		comma     bool
	}{{"lead", m.Lead, false}, {"subject", m.Subject, false}, {"context", m.Context, true}} {
		t := clean(try.text)
		if try.via == "context" {
			t = AfterLastFigure(t)
		}
		if t == "" {
			continue
		}
		if try.via == "lead" && (hasFigure(t) || strings.Contains(t, "分别")) {
			// 5.3万亿元、增长5.5%: the lead is the figure before's, and in
			// a 分别 list the items are paired with the figures: the subject
			// says what this one measures. No context then.
			if r, ok := c.matchText(clean(m.Subject)+afterFigure(t), m, false); ok {
				r.Via = "subject"
				return r, true
			}
			return Match{}, false
		}
		if try.via == "subject" {
			t += afterFigure(clean(m.Lead))
		}
		if r, ok := c.matchText(t, m, try.comma); ok {
			r.Via = try.via
			return r, true
		}
		if try.via == "lead" && !onlyTail(t) {
			// The lead names something else (人均地区生产总值 is no GDP).
			return Match{}, false
		}
	}
	// 国内生产总值达到９５９３３亿元，比上年增长７．３％: the growth of what
	// the figure before measures.
	if lead := clean(m.Lead); onlyTail(lead) {
		ctx := clean(m.Context)
		if loc := lastFigure(ctx); loc != nil && strings.TrimLeft(ctx[loc[1]:], "，,、") == lead {
			prev := ctx[:loc[0]]
			if k := strings.LastIndexAny(prev, "，,；;：:。"); k >= 0 {
				_, n := utf8.DecodeRuneInString(prev[k:])
				prev = prev[k+n:]
			}
			prev = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(prev, "达到"), "为"), "突破")
			if r, ok := c.matchText(prev+lead, m, false); ok {
				r.Via = "previous"
				return r, true
			}
		}
	}
	return Match{}, false
}

// lastFigure returns the span of the last figure of s (a year is none).
func lastFigure(s string) []int {
	var last []int
	for _, loc := range reFigure.FindAllStringIndex(s, -1) {
		if !strings.HasPrefix(s[loc[1]:], "年") {
			last = loc
		}
	}
	return last
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

var reYearAny = regexp.MustCompile(`[0-9０-９]{4}年`)

var reFigure = regexp.MustCompile(`[0-9０-９][0-9０-９.．]*\s*(%|％|‰|万|亿|元|人|个|吨|斤)*|百分之[〇零一二三四五六七八九十百点至到]+`)

// AfterLastFigure returns the text after the last figure of s (a year is
// none).
func AfterLastFigure(s string) string {
	last := -1
	for _, loc := range reFigure.FindAllStringIndex(s, -1) {
		if strings.HasPrefix(s[loc[1]:], "年") {
			continue
		}
		last = loc[1]
	}
	if last < 0 {
		return s
	}
	return s[last:]
}

// afterFigure returns the verbs of a lead after the figure before and the
// list marks (5.3万亿元、增长 → 增长), when they are only verbs.
func afterFigure(lead string) string {
	whole := lead
	k := strings.LastIndexAny(lead, "0123456789０１２３４５６７８９%％、元人")
	if k >= 0 {
		_, n := utf8.DecodeRuneInString(lead[k:])
		lead = lead[k+n:]
	}
	if k := strings.LastIndex(lead, "分别"); k >= 0 {
		lead = lead[k:]
	}
	if _, ok := stripTail(lead, false); ok && lead != "" {
		return lead
	}
	if lead == "" && len(whole) > 0 {
		// 分别增长4.4%、5.9%: the verbs before the list's first figure.
		if loc := reFigure.FindStringIndex(whole); loc != nil {
			return trailingTail(whole[:loc[0]])
		}
	}
	return ""
}

// trailingTail returns the tail words at the end of s (收入分别增长 → 分别增长).
func trailingTail(s string) string {
	end := len(s)
	for changed := true; changed; {
		changed = false
		for _, w := range tailWords {
			if strings.HasSuffix(s[:end], w) {
				end -= len(w)
				changed = true
				break
			}
		}
	}
	return s[end:]
}

// hasFigure reports whether t holds a figure (a year is none).
func hasFigure(t string) bool {
	t = reYearAny.ReplaceAllString(t, "")
	return strings.IndexFunc(t, isDigit) >= 0 || strings.Contains(t, "百分之")
}

// clean removes white space and short brackets (（不含农户）) and keeps the
// text after the last figure.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\t' || r == '\n' || r == '\r' || r == '“' || r == '”' || r == '"' {
			return -1
		}
		return r
	}, s)
	return reParen.ReplaceAllString(s, "")
}

// onlyTail reports whether t holds no more than tail and frame words.
func onlyTail(t string) bool {
	t, _, _ = stripFrame(t, nil, false)
	_, ok := stripTail(t, false)
	return ok
}

// matchText finds the wording nearest the end of t whose prefix is frame
// and whose tail is verbs, and checks that the unit and verbs fit.
func (c *Catalogue) matchText(t string, m Mention, comma bool) (Match, bool) {
	if t == "" {
		return Match{}, false
	}
	for _, w := range spanWords {
		if strings.Contains(t, w) {
			return Match{}, false
		}
	}
	bestEnd, bestLen := -1, 0
	var best wording
	var bestTail string
	for _, w := range c.words {
		if w.qOnly {
			continue
		}
		for from := 0; ; {
			k := strings.Index(t[from:], w.text)
			if k < 0 {
				break
			}
			k += from
			from = k + len(w.text)
			end := k + len(w.text)
			if end < bestEnd || end == bestEnd && len(w.text) <= bestLen {
				continue
			}
			tail, ok := stripTail(t[end:], comma)
			if !ok {
				continue
			}
			best, bestEnd, bestLen, bestTail = w, end, len(w.text), tail
			_ = k
		}
	}
	if bestEnd < 0 {
		return Match{}, false
	}
	start := bestEnd - bestLen
	pre := t[:start]
	if comma {
		if k := strings.LastIndexAny(pre, "，,；;：:。"); k >= 0 {
			pre = pre[k+utf8.RuneLen([]rune(pre[k:])[0]):]
		}
	}
	rest, scope, estimate := stripFrame(pre, m.Places, m.National)
	if rest != "" && !saidBy(rest) {
		return Match{}, false
	}
	if strings.Contains(t, "预计") {
		estimate = true
	}
	return c.judge(best, bestTail, m.Unit, scope, estimate)
}

// judge picks the member of the wording's family that the verbs and the
// unit fit, if one does.
func (c *Catalogue) judge(w wording, tail, unit, scope string, estimate bool) (Match, bool) {
	growth, down, to := false, false, false
	for _, v := range toVerbs {
		if strings.Contains(tail, v) {
			to = true
			tail = strings.ReplaceAll(tail, v, "")
		}
	}
	for _, v := range growthVerbs {
		growth = growth || strings.Contains(tail, v)
	}
	for _, v := range downVerbs {
		down = down || strings.Contains(tail, v)
	}
	if strings.Contains(tail, "增长") || strings.Contains(tail, "上涨") || strings.Contains(tail, "上升") {
		// 由下降转为增长: the last verb counts.
		down = lastOf(tail, downVerbs) > lastOf(tail, []string{"增长", "上涨", "上升"})
	}
	cands := c.members(w.family)
	if w.own != nil {
		cands = []*Indicator{w.own}
	}
	for _, ind := range cands {
		if !unitFits(ind, unit) {
			continue
		}
		r := Match{Indicator: ind, Sign: 1, Scope: scope, Estimate: estimate}
		switch ind.Kind {
		case Growth:
			if !growth && w.own == nil || to {
				continue
			}
			if down {
				r.Sign = -1
			}
		case Change:
			if to {
				continue
			}
			if down != ind.Down && (growth || ind.Down) {
				r.Sign = -1
			}
			if ind.Down && !growth {
				continue // 能耗强度3%: no cut said
			}
		case Level:
			if growth && !to {
				continue
			}
		}
		return r, true
	}
	return Match{}, false
}

func lastOf(s string, words []string) int {
	last := -1
	for _, w := range words {
		if k := strings.LastIndex(s, w); k > last {
			last = k
		}
	}
	return last
}

// unitFits reports whether a figure's unit can be stated in the
// indicator's unit.
func unitFits(ind *Indicator, unit string) bool {
	_, ok := Convert(1, unit, ind.Unit)
	return ok
}

// Convert converts an amount in a figure's unit without scale (元, 人, 斤,
// %) to an indicator's unit (亿元, 万人, 万吨, %).
func Convert(v float64, from, to string) (float64, bool) {
	switch to {
	case "%":
		return v, from == "%"
	case "亿元":
		return v / 1e8, from == "元"
	case "元":
		return v, from == "元"
	case "万人":
		return v / 1e4, from == "人" || from == "名"
	case "万吨":
		switch from {
		case "吨":
			return v / 1e4, true
		case "公斤":
			return v / 1e7, true
		case "斤":
			return v / 2e7, true
		}
	}
	return 0, false
}

// sayVerbs end a prefix that says who set a figure (中央提出今年经济增长
// 预期目标为7%左右), which is no part of what it measures.
var sayVerbs = []string{"提出", "确定", "要求", "规定", "明确", "安排", "建议", "提出了", "确定了"}

// saidBy reports whether a prefix ends in a saying verb, after the time
// and frame words before the wording.
func saidBy(pre string) bool {
	for changed := true; changed; {
		changed = false
		for _, w := range []string{"今年", "全年", "的", "本年", "明年"} {
			if strings.HasSuffix(pre, w) {
				pre, changed = strings.TrimSuffix(pre, w), true
			}
		}
	}
	for _, v := range sayVerbs {
		if strings.HasSuffix(pre, v) {
			return true
		}
	}
	return false
}

// stripFrame removes frame words, years, scope words and the region's
// names from the front of s, and returns what is left, the scope and
// whether an estimate was said.
func stripFrame(s string, places []string, national bool) (rest, scope string, estimate bool) {
	for changed := true; changed && s != ""; {
		changed = false
		if loc := reYear.FindStringIndex(s); loc != nil {
			s, changed = s[loc[1]:], true
			continue
		}
		for _, w := range scopeWords {
			if strings.HasPrefix(s, w) {
				s, scope, changed = s[len(w):], w, true
			}
		}
		if national && strings.HasPrefix(s, "全国") {
			s, scope, changed = s[len("全国"):], "全国", true
		}
		for _, p := range places {
			if p != "" && strings.HasPrefix(s, p) {
				s, changed = s[len(p):], true
			}
		}
		for _, w := range frameWords {
			if strings.HasPrefix(s, w) {
				if w == "预计" || w == "初步预计" {
					estimate = true
				}
				s, changed = s[len(w):], true
			}
		}
		if strings.HasPrefix(s, "，") || strings.HasPrefix(s, "、") {
			s, changed = s[len("，"):], true
		}
	}
	return s, scope, estimate
}

// stripTail removes tail words from the front of s; ok is false when
// something else is left. With comma, clause breaks may stand there too
// (经济增长速度的宏观调控目标，定为).
func stripTail(s string, comma bool) (tail string, ok bool) {
	var b strings.Builder
	for s != "" {
		found := false
		for _, w := range tailWords {
			if strings.HasPrefix(s, w) {
				b.WriteString(w)
				s, found = s[len(w):], true
				break
			}
		}
		if !found && comma {
			for _, p := range []string{"，", ","} {
				if strings.HasPrefix(s, p) {
					s, found = s[len(p):], true
				}
			}
		}
		if !found {
			return "", false
		}
	}
	return b.String(), true
}
