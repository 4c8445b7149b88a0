package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportkb/index/place"
	"reportkb/index/segment"
	"reportkb/internal/rx"
)

// The kinds of report (Meta.Kind), a fixed taxonomy.
const (
	WorkReport    = "政府工作报告"
	PlanReport    = "计划执行情况与计划草案的报告"
	BudgetReport  = "预算执行情况和预算草案的报告"
	FinalAccounts = "决算报告"
	StatBulletin  = "统计公报"
	AuditReport   = "审计工作报告"
	PlanOutline   = "规划纲要"
	OtherReport   = "其他"
)

// Kinds lists the kinds of report.
var Kinds = []string{WorkReport, PlanReport, BudgetReport, FinalAccounts, StatBulletin, AuditReport, PlanOutline, OtherReport}

// Facts of a report's identity that can be inferred rather than read
// (Meta.Inferred).
const (
	InferredTitle  = "title"  // composed: the report prints none
	InferredKind   = "kind"   // from the text, not from a title
	InferredRegion = "region" // from the places the text names, not from its title, congress or issuer
	InferredYear   = "year"   // the year delivered, by the kind's rule, not from a printed date
)

// provinces maps the short name of each province-level region to its full
// name.
var provinces = map[string]string{
	"北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市",
	"河北": "河北省", "山西": "山西省", "辽宁": "辽宁省", "吉林": "吉林省", "黑龙江": "黑龙江省",
	"江苏": "江苏省", "浙江": "浙江省", "安徽": "安徽省", "福建": "福建省", "江西": "江西省",
	"山东": "山东省", "河南": "河南省", "湖北": "湖北省", "湖南": "湖南省", "广东": "广东省",
	"海南": "海南省", "四川": "四川省", "贵州": "贵州省", "云南": "云南省", "陕西": "陕西省",
	"甘肃": "甘肃省", "青海": "青海省", "台湾": "台湾省",
	"内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
	"宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
	"香港": "香港特别行政区", "澳门": "澳门特别行政区",
}

// Province returns the full and short name of the province-level region
// that name (full or short) names, or "", "".
func Province(name string) (full, short string) {
	for s, f := range provinces {
		if name == s || name == f || strings.HasPrefix(name, s) && len(name) <= len(f) && strings.HasPrefix(f, name) {
			return f, s
		}
	}
	return "", ""
}

// Provinces returns the short names of all province-level regions.
func Provinces() []string {
	out := make([]string, 0, len(provinces))
	for s := range provinces {
		out = append(out, s)
	}
	return out
}

// hanYearDigits is a year in Chinese digits, its zero written any way
// (二〇一二, 二○一二, 二零一二, 二O一二).
const hanYearDigits = `[一二][〇○零ＯO0一二三四五六七八九]{3}`

var (
	reTitleYear = rx.MustCompile(`((?:19|20)\d{2})\s*年`)
	// reMonthAfter opens the month of a date after its year: 4月8日.
	reMonthAfter = rx.MustCompile(`^\s*\d{1,2}\s*月`)
	reCongress   = rx.MustCompile(`(?:在|向)(\p{Han}{0,16}?)第?[一二三四五六七八九十\d]+届(全国)?人民代表大会`)
	reIDYear     = rx.MustCompile(`(19|20)\d{2}`)
	reNational   = rx.MustCompile(`代表国务院|国务院总理|全国人民代表大会`)
	reDelegate   = rx.MustCompile(`我代表(\p{Han}{2,12}?)人民政府`)
	reSpeaker    = rx.MustCompile(`(\p{Han}{2,8}?(?:省|市|自治区|县|区|州|盟|旗))(?:人民政府)?(?:代)?(?:省长|市长|主席|县长|区长|州长|盟长|旗长)`)
	reDate       = rx.MustCompile(`((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月`)
	// reTitleHanYear is a year in Chinese digits.
	reTitleHanYear = rx.MustCompile(`(` + hanYearDigits + `)\s*年`)
	reDateHan      = rx.MustCompile(`(` + hanYearDigits + `)\s*年\s*[一二三四五六七八九十]{1,3}\s*月`)
	reWebDate      = rx.MustCompile(`(?:发布|时间|日期)\S{0,4}[:：]\s*((?:19|20)\d{2})[-/.年]`)
	reFiveYear     = rx.MustCompile(`十[一二三四五六]五`)
)

// idKinds are the kinds a document's id names in snake case, as
// collections name files (hebei_handan_2024_stat_bulletin).
var idKinds = []struct{ word, kind string }{
	{"gov_work_report", WorkReport}, {"work_report", WorkReport}, {"budget_report", BudgetReport},
	{"final_accounts", FinalAccounts}, {"stat_bulletin", StatBulletin}, {"statistical_bulletin", StatBulletin},
	{"plan_report", PlanReport}, {"audit_report", AuditReport},
}

// idKind returns the kind a document's id names (kindOf of a Chinese id,
// or one of idKinds), or "".
func idKind(id string) string {
	if k := kindOf(id); k != "" && k != PlanOutline {
		return k
	}
	id = strings.ToLower(id)
	for _, ik := range idKinds {
		if strings.Contains(id, ik.word) {
			return ik.kind
		}
	}
	return ""
}

// kindOf tells the kind of a report from its title (or, for a report
// without one, from its opening words).
func kindOf(s string) string {
	s = segment.FoldT2S(s) // 關於…的報告
	switch {
	case strings.Contains(s, "审计工作报告") || strings.Contains(s, "审计报告") || strings.Contains(s, "收支的审计情况") || strings.Contains(s, "审计结果"):
		return AuditReport
	case strings.Contains(s, "决算"):
		return FinalAccounts
	case strings.Contains(s, "统计公报"):
		return StatBulletin
	case strings.Contains(s, "预算调整"):
		return OtherReport
	case strings.Contains(s, "预算执行") || strings.Contains(s, "预算草案") || strings.Contains(s, "预算（草案）") || strings.Contains(s, "预算(草案)") ||
		strings.Contains(s, "预算信息公开") || strings.Contains(s, "预算公开"):
		// 中卫市2026年政府预算信息公开: the budget published with the
		// report on it.
		return BudgetReport
	case strings.Contains(s, "计划执行") || strings.Contains(s, "计划草案") || strings.Contains(s, "计划（草案）") || strings.Contains(s, "计划(草案)") || strings.Contains(s, "发展计划"):
		return PlanReport
	case strings.Contains(s, "规划纲要") || reFiveYear.MatchString(s) && strings.Contains(s, "规划"):
		return PlanOutline
	case strings.Contains(s, "政府工作报告"):
		return WorkReport
	}
	return ""
}

// reportedKind returns the kind of report the opening sentence that
// reports or submits on the government's behalf names (受市人民政府委托，向
// 大会报告…预算执行情况和…预算草案), or "" when there is none.
func reportedKind(opening string) string {
	opening = segment.FoldT2S(opening)
	for _, cue := range []string{"报告", "提请"} {
		i := strings.Index(opening, cue)
		if i < 0 || i > 600 {
			continue
		}
		sentence := opening[strings.LastIndex(opening[:i], "。")+1:]
		if j := strings.Index(sentence, "。"); j >= 0 {
			sentence = sentence[:j]
		}
		if !strings.Contains(sentence, "委托") {
			// A department reports on the government's behalf (受市人民
			// 政府委托); the head of government speaks for it (我代表).
			continue
		}
		switch k := kindOf(sentence); k {
		case BudgetReport, FinalAccounts, PlanReport, StatBulletin, AuditReport:
			return k
		}
	}
	return ""
}

// frontText is what a report says of itself before its body: the title,
// the front matter lines and, for a report without a title, its opening
// paragraphs.
type frontText struct {
	title   string   // the title as printed, markers dropped
	lines   []string // front matter lines, title excluded, clutter included
	opening string   // the first body paragraphs
	heads   []string // the top section headings
	body    string   // the text of the report, up to a limit
}

// folded returns f with traditional characters folded to simplified ones
// (segment.FoldT2S), byte offsets unchanged.
func (f frontText) folded() frontText {
	g := f
	g.title, g.opening, g.body = segment.FoldT2S(f.title), segment.FoldT2S(f.opening), segment.FoldT2S(f.body)
	g.lines = make([]string, len(f.lines))
	for i, l := range f.lines {
		g.lines[i] = segment.FoldT2S(l)
	}
	g.heads = make([]string, len(f.heads))
	for i, h := range f.heads {
		g.heads[i] = segment.FoldT2S(h)
	}
	return g
}

func (p *parser) front() frontText {
	d := p.doc
	var f frontText
	f.title = d.Title
	var opening, body strings.Builder
	n := 0
	for _, para := range d.Paragraphs {
		switch para.Kind {
		case KindFront, KindClutter:
			if body.Len() == 0 {
				f.lines = append(f.lines, para.Text)
			}
		case KindBody, KindHeading, KindTableRow, KindTableHeader, KindCaption, KindNote:
			if para.Kind == KindBody && n < 8 {
				opening.WriteString(para.Text)
				n++
			}
			if body.Len() < 64<<10 {
				body.WriteString(para.Text)
				body.WriteByte('\n')
			}
		}
	}
	for _, s := range d.Sections {
		if s.Level <= 1 && len(f.heads) < 12 {
			f.heads = append(f.heads, s.Title)
		}
	}
	f.opening, f.body = opening.String(), body.String()
	return f
}

// detectMeta tells what a report is from its title, front matter and text.
func (p *parser) detectMeta() Meta {
	d := p.doc
	f := p.front()
	var m Meta
	inferred := map[string]bool{}
	title := f.title
	frontAll := strings.Join(f.lines, "\n")

	// Kind: from the title, else from what the opening says. A title
	// that names no report and carries a figure (13.57万亿!全国首个) is a
	// news headline over one, whose opening tells what it reports.
	m.Kind = kindOf(title)
	headline := m.Kind == "" && strings.ContainsFunc(title, unicode.IsDigit)
	if m.Kind == "" {
		opening := segment.FoldT2S(frontAll + f.opening)
		reported := ""
		if title == "" {
			reported = reportedKind(f.opening)
		}
		switch {
		case reported != "":
			// 受市人民政府委托，向大会报告2025年银川市预算执行情况和2026年
			// 预算草案: the opening names what is reported.
			m.Kind = reported
			inferred[InferredKind] = true
		case (title == "" || headline) && (strings.Contains(opening, "报告政府工作") || strings.Contains(opening, "作政府工作报告") ||
			strings.Contains(opening, "报告过去") && strings.Contains(opening, "政府工作") ||
			reSalute.MatchString(strings.TrimSpace(f.opening)) && (strings.Contains(opening, "政府工作") || strings.Contains(frontAll, "各位代表"))):
			m.Kind = WorkReport
			inferred[InferredKind] = true
		case title == "" && isBulletinText(frontAll, f):
			m.Kind = StatBulletin
			inferred[InferredKind] = true
		case title == "" && strings.Contains(frontAll, "各位代表"):
			// A speech to a people's congress without a title: the
			// government's work report.
			m.Kind = WorkReport
			inferred[InferredKind] = true
		case title == "" && idKind(d.ID) != "":
			// A text without a title, named by its file: the name the
			// user gave it (guangming_2017_gov_work_report) over words of
			// its opening (围绕新区“十三五”规划总体目标).
			m.Kind = idKind(d.ID)
			inferred[InferredKind] = true
		default:
			if k := kindOf(opening); k != "" && title == "" {
				m.Kind = k
				inferred[InferredKind] = true
			} else {
				m.Kind = OtherReport
			}
		}
	}

	// Region.
	div, regionInferred := detectRegion(d.ID, title, f)
	if div != nil {
		m.Region, m.Level, m.Code = div.Name, div.Level, div.Code
		if div.Level == place.Zone {
			m.Level = place.District
		}
		if regionInferred {
			inferred[InferredRegion] = true
		}
	}

	// Years.
	c := yearClues{title: title, delivered: deliveredYear(f.lines), id: d.ID}
	if c.delivered == 0 {
		// Signed and dated at its end (深圳市龙华区人民政府 2019年12月18日).
		c.delivered = closingYear(d)
	}
	for _, s := range reTitleYear.FindAllStringSubmatch(title, -1) {
		c.titleYears = append(c.titleYears, atoi(s[1]))
	}
	if len(c.titleYears) == 0 {
		// 二〇一二年政府工作报告, 二O一二年…: the year in Chinese digits.
		for _, s := range reTitleHanYear.FindAllStringSubmatch(title, -1) {
			if y := hanYear(s[1]); y > 0 {
				c.titleYears = append(c.titleYears, y)
			}
		}
	}
	c.review, c.plan = sectionYears(d)
	c.lateIn = func(y int) bool { return lateInYear(d, y) }
	if len(c.titleYears) == 0 && m.Kind != WorkReport {
		// A report without a year in its title: the year its opening
		// speaks of (2025年是…, 2025年，全市…).
		// A date (自2025年4月8日至6月25日对2024年度…进行了审计) says when,
		// not what year the report is of: the first year that is no date.
		for _, loc := range reTitleYear.FindAllStringSubmatchIndex(f.opening, -1) {
			if reMonthAfter.MatchString(f.opening[loc[1]:]) {
				continue
			}
			c.titleYears = []int{atoi(f.opening[loc[2]:loc[3]])}
			c.fromOpening = true
			inferred[InferredYear] = true
			break
		}
	}
	if c.setYears(&m) {
		inferred[InferredYear] = true
	}
	if title == "" {
		inferred[InferredTitle] = true
	}
	for _, k := range []string{InferredTitle, InferredKind, InferredRegion, InferredYear} {
		if inferred[k] {
			m.Inferred = append(m.Inferred, k)
		}
	}
	return m
}

// yearClues are what tells the years of a report.
type yearClues struct {
	title        string
	titleYears   []int // the years its title names, in order
	delivered    int   // the year of the date printed in its front matter
	review, plan int   // the years its review and plan sections name
	id           string
	// fromOpening: titleYears is the year the opening of an untitled
	// report names first, no title's.
	fromOpening bool
	// lateIn reports whether the text speaks as late in year y: it
	// estimates y's outcome (一九六四年…预计…) and plans y+1 (明年,
	// 一九六五年计划草案).
	lateIn func(y int) bool
}

// setYears sets the years of m by the rule of its kind, and reports
// whether one of them was inferred rather than read.
func (c yearClues) setYears(m *Meta) (inferred bool) {
	first := 0
	if len(c.titleYears) > 0 {
		first = c.titleYears[0]
	}
	delivered := func(fallback int) int {
		if c.delivered > 0 || fallback == 0 {
			return c.delivered
		}
		inferred = true
		return fallback
	}
	switch {
	case m.Kind == StatBulletin || m.Kind == FinalAccounts || m.Kind == AuditReport:
		// A bulletin, final accounts or an audit report looks back on the
		// year its title names, in the year after.
		m.ReviewYear = first
		if first > 0 {
			m.Year = delivered(first + 1)
			if m.Year > first+1 {
				// A page published years later (a repost) does not move
				// the year the bulletin was issued in.
				m.Year = first + 1
			}
		} else if m.Year = delivered(0); m.Year > 0 {
			m.ReviewYear = m.Year - 1
			inferred = true
		}
	case m.Kind == BudgetReport || m.Kind == PlanReport:
		// A budget or plan report reviews the year its title names first
		// and plans the next.
		m.ReviewYear = first
		switch {
		case first > 0 && (strings.Contains(c.title, "预算信息公开") || strings.Contains(c.title, "预算公开")):
			// 中卫市2026年政府预算信息公开: the budget of the year named,
			// published with the report on the year before.
			m.ReviewYear, m.PlanYear = first-1, first
		case len(c.titleYears) > 1:
			m.PlanYear = c.titleYears[1]
		case first > 0:
			m.PlanYear = first + 1
		}
		m.Year = delivered(m.PlanYear)
		if m.PlanYear > 0 && m.Year > m.PlanYear {
			// A page published years later (时间:2022-03-27 over a plan
			// for 2008) does not move the year the report was delivered in.
			m.Year = m.PlanYear
		}
		if c.review > 0 && (m.PlanYear == 0 || c.review < m.PlanYear) {
			m.ReviewYear = c.review
		}
		if c.plan > 0 && c.plan > m.ReviewYear {
			m.PlanYear = c.plan
		}
	case m.Kind == OtherReport && c.title != "":
		m.ReviewYear = first
		switch {
		case strings.Contains(c.title, "预算调整"):
			// The adjusted budget of the year under way.
			m.PlanYear = first
		case strings.Contains(c.title, "预算") && !strings.Contains(c.title, "执行"):
			// A budget for the year named, set against the year before.
			m.PlanYear = first
			if first > 0 {
				m.ReviewYear = first - 1
			}
		}
		m.Year = delivered(first)
	default:
		// A work report (or one of no known kind): delivered in the year
		// its title names, reviewing the year before and planning its own.
		// The date it was delivered on, where printed, wins over a title
		// that names the year reviewed (2018年河北省政府工作报告, delivered
		// on 二〇一九年一月十四日).
		idYear := reIDYear.FindString(c.id)
		if c.fromOpening && c.delivered > 0 {
			// The date an untitled report was signed on tells its year
			// better than the first year its opening happens to name
			// (近年来…2018年，在全市考评中名列第二).
			first = 0
		}
		switch {
		case c.delivered > 0 && first > 0 && c.delivered == first+1 && c.review == first:
			m.Year = c.delivered
		case first > 0:
			m.Year = first
		case c.delivered > 0:
			m.Year = c.delivered
		case idYear != "":
			// A year in the file name ("2019政府工作报告.txt",
			// national_1980_gov_work_report) is the year of delivery, as
			// collections name work reports: the 1980 report plans 1980
			// and 1981, and its 去年 is 1979.
			m.Year, inferred = atoi(idYear), true
		case c.plan > 0:
			m.Year, inferred = c.plan, true
		case c.review > 0:
			m.Year, inferred = c.review+1, true
		}
		if m.Year > 0 {
			m.ReviewYear, m.PlanYear = m.Year-1, m.Year
			if c.review == 0 && c.plan == 0 && c.lateIn != nil && c.lateIn(m.Year) {
				// Delivered at the year's end (the 1964 report, in
				// December): it reviews its own year and plans the next.
				m.ReviewYear, m.PlanYear = m.Year, m.Year+1
			}
		}
		if c.review > 0 {
			m.ReviewYear = c.review
			if c.plan == 0 && c.review == m.Year {
				// Reviewing the year it is delivered in (一、2022年政府
				// 工作回顾, delivered on 2022年12月24日): it plans the next.
				m.PlanYear = m.Year + 1
			}
		}
		if c.plan > 0 {
			m.PlanYear = c.plan
			if c.review == 0 && first == 0 && c.delivered > 0 && c.plan-1 > m.ReviewYear {
				// An untitled report, dated, whose plan is for 2020 (2020
				// 年法治政府建设工作计划) reviews 2019: it was delivered
				// at the end of the year it tells of.
				m.ReviewYear = c.plan - 1
			}
		}
	}
	return inferred
}

// reClosingDate is a date alone on a line, or after the name of who signs
// it, as a report is signed: 2019年12月18日, 二〇一九年十二月十八日, 深圳市
// 龙华区人民政府2019年12月18日.
var reClosingDate = rx.MustCompile(`^(?:\p{Han}{2,24}?(?:人民政府|政府|委员会|管委会|管理委员会|办公室|办公厅|财政局|财政厅|统计局|审计局|审计厅|局|厅)\s*)?(?:((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(` + hanYearDigits + `)\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)$`)

// closingYear returns the year of the date a report is signed with, on
// one of its last lines, or 0.
func closingYear(d *Doc) int {
	for i, n := len(d.Paragraphs)-1, 0; i >= 0 && n < 4; i-- {
		t := strings.TrimSpace(d.Paragraphs[i].Text)
		if t == "" {
			continue
		}
		n++
		if m := reClosingDate.FindStringSubmatch(t); m != nil {
			if m[1] != "" {
				return atoi(m[1])
			}
			return hanYear(m[2])
		}
	}
	return 0
}

// isBulletinText reports whether a report without a title is a
// statistical bulletin: issued by a statistics bureau, with the parts a
// bulletin has (一、综合).
func isBulletinText(front string, f frontText) bool {
	if !strings.Contains(front, "统计局") && !strings.Contains(front, "调查队") {
		return false
	}
	for _, h := range f.heads {
		if h == "综合" || strings.HasPrefix(h, "综合") || strings.Contains(h, "农业") || strings.Contains(h, "工业") {
			return true
		}
	}
	return strings.Contains(f.opening, "统计公报")
}

// sectionYears returns the years of the review and plan sections, where
// their headings say.
func sectionYears(d *Doc) (review, plan int) {
	for _, s := range d.Sections {
		if s.Level > 1 || s.Year == 0 || !reYear.MatchString(s.Title) {
			// Not 十五五时期的主要目标任务: its year is the plan's end, not the report's.
			continue
		}
		if s.Period == PeriodReview && review == 0 {
			review = s.Year
		}
		if s.Period == PeriodPlan && plan == 0 {
			plan = s.Year
		}
	}
	return review, plan
}

// lateInYear reports whether d speaks from late in year y: it says 明年,
// estimates y's outcome at least once (一九六四年全国工业总产值，预计比…)
// and names y+1 at least three times, as a report on next year's plan
// delivered at the end of y does. A report of early y names y+1 rarely,
// and estimates y-1 instead.
func lateInYear(d *Doc, y int) bool {
	next, cur := yearForms(y+1), yearForms(y)
	var tomorrow, estimated bool
	named := 0
	for _, p := range d.Paragraphs {
		t := p.Text
		tomorrow = tomorrow || strings.Contains(t, "明年")
		for _, f := range next {
			named += strings.Count(t, f)
		}
		for _, f := range cur {
			estimated = estimated || estimatedAfter(t, f)
		}
	}
	return tomorrow && estimated && named >= 3
}

// estimatedAfter reports whether a sentence of t that names year (f, as
// yearForms writes it) goes on to 预计 before the sentence ends.
func estimatedAfter(t, f string) bool {
	for i := 0; ; {
		k := strings.Index(t[i:], f)
		if k < 0 {
			return false
		}
		i += k + len(f)
		end := strings.IndexAny(t[i:], "。；")
		if end < 0 {
			end = len(t) - i
		}
		if strings.Contains(t[i:i+end], "预计") {
			return true
		}
	}
}

// yearForms returns the ways a report writes year y followed by 年: in
// digits, full-width digits and Chinese digits with 〇 or ○.
func yearForms(y int) []string {
	d := strconv.Itoa(y)
	var full, han strings.Builder
	for _, r := range d {
		full.WriteRune(r - '0' + '０')
		han.WriteRune([]rune("〇一二三四五六七八九")[r-'0'])
	}
	return []string{d + "年", full.String() + "年", han.String() + "年", strings.ReplaceAll(han.String(), "〇", "○") + "年"}
}

// deliveredYear returns the year a report was delivered or issued, from
// a date in its front matter (——2026年2月5日在…, （2026年6月3日）, 2026年5月),
// else from the date a web page was published; 0 when none is printed.
func deliveredYear(lines []string) int {
	for _, l := range lines {
		if strings.Contains(l, "目录") || strings.Contains(l, "目 录") {
			break
		}
		if m := reDate.FindStringSubmatch(l); m != nil {
			return atoi(m[1])
		}
		if m := reDateHan.FindStringSubmatch(l); m != nil {
			return hanYear(m[1])
		}
	}
	for _, l := range lines {
		if m := reWebDate.FindStringSubmatch(l); m != nil {
			return atoi(m[1])
		}
	}
	return 0
}

// hanYear reads a year written in Chinese digits (二〇一九 → 2019), or 0.
func hanYear(s string) int {
	if y := YearDigits(s); y >= 1900 && y <= 2100 {
		return y
	}
	return 0
}

// YearDigits reads a number written in ASCII, full-width or Chinese
// digits, as years are (2019, ２０１９, 二〇一九, 二○二一), or returns 0.
func YearDigits(s string) int {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	const digits = "〇一二三四五六七八九"
	n := 0
	for _, r := range s {
		d := strings.IndexRune(digits, r)
		switch {
		case r == '○' || r == '零' || r == 'Ｏ' || r == 'O' || r == 'o' || r == '0':
			d = 0 // 二O一二: a letter typed for the zero
		case r == '两':
			d = 2
		case d < 0:
			return 0
		default:
			d /= len("一") // each digit is 3 bytes in UTF-8
		}
		n = n*10 + d
	}
	return n
}

// detectRegion finds the division a report is about: named in its title
// (2025年上海市政府工作报告, 关于汉阳区2020年…), the congress it is
// delivered to (在海南省第七届人民代表大会…), its speaker or issuer
// (昌都市统计局, 海拉尔区人民政府代区长), its headings (一、2012年××市政府工作
// 回顾); else, inferred, the place the text names most at the level it
// speaks of itself (全市, 我州), or the city most of the counties and
// districts it names lie in; else the file name.
func detectRegion(id, title string, f frontText) (*place.Division, bool) {
	// A report in traditional characters (溫縣財政局) names its places as
	// the gazetteer does once folded.
	title, f = segment.FoldT2S(title), f.folded()
	// The province of the text, found when a name is ambiguous.
	var ctxDiv *place.Division
	ctxDone := false
	ctx := func() *place.Division {
		if !ctxDone {
			ctxDiv, ctxDone = provinceContext(title+"\n"+strings.Join(f.lines, "\n")+"\n"+f.body), true
		}
		return ctxDiv
	}
	if d := placeIn(title, ctx); d != nil && !(d == place.Nation && kindOf(title) == "") {
		// 全国 in a title that names no report (全国首个) is a boast,
		// no region.
		return d, false
	}
	front := strings.Join(f.lines, "\n") + "\n" + f.opening
	if m := reCongress.FindStringSubmatch(front); m != nil {
		if m[2] != "" {
			return place.Nation, false
		}
		if d := placeIn(m[1], ctx); d != nil {
			return d, false
		}
	}
	for _, l := range f.lines {
		if isIssuer(l) || reSpeaker.MatchString(l) {
			if strings.Contains(l, "国务院") || strings.HasPrefix(l, "审计署") || strings.HasPrefix(l, "财政部") {
				return place.Nation, false
			}
			if d := placeIn(issuerBody(l), ctx); d != nil {
				return d, false
			}
		}
	}
	// 国务院 in the front matter, or as the speaker: a national report.
	// An opening that follows 党中央、国务院 is no national one.
	if strings.Contains(strings.Join(f.lines, "\n"), "国务院") || reNational.MatchString(f.opening) {
		return place.Nation, false
	}
	for _, h := range f.heads {
		if d := placeIn(h, ctx); d != nil && (strings.Contains(h, "政府") || strings.Contains(h, "工作") || strings.Contains(h, "回顾")) {
			return d, false
		}
	}
	// The speaker: 现在，我代表龙岗区人民政府向大会作工作报告.
	if m := reDelegate.FindStringSubmatch(f.opening); m != nil {
		if d := placeIn(m[1], ctx); d != nil {
			return d, false
		}
	}
	// The file name as collections write it (guangdong_shenzhen_futian_
	// 2023_gov_work_report), and the place the text speaks of as its own
	// (全区, 我市): the narrower when one lies in the other; the file
	// name's when they differ and it names a province and a place in it.
	slug, words := place.FromSlug(id)
	self := selfNamed(f.body, ctx)
	switch {
	case slug != nil && self != nil:
		if self.Within(slug) && !slug.Within(self) || !slug.Within(self) && words < 2 {
			return self, true
		}
		return slug, true
	case self != nil:
		return self, true
	case slug != nil:
		return slug, true
	}
	// Last resort: the file name's Chinese ("national_1985…", "上海2024年…").
	lower := strings.ToLower(id)
	switch {
	case strings.Contains(lower, "national") || strings.Contains(id, "全国") || strings.Contains(id, "国务院"):
		return place.Nation, true
	default:
		for _, m := range place.Find(id) {
			return pick(m, ctx), true
		}
	}
	return nil, false
}

// provinceContext returns the province a text names most, to tell apart
// places of the same name (吉林 the city, 朝阳区 of Beijing or Changchun).
func provinceContext(text string) *place.Division {
	if len(text) > 16<<10 {
		text = text[:16<<10]
	}
	count := map[*place.Division]int{}
	for _, m := range place.Find(text) {
		if len(m.Divisions) == 1 || m.Full() {
			for _, d := range m.Divisions {
				if m.Full() && d.Name != m.Text {
					continue
				}
				if p := d.Province(); p != nil {
					count[p]++
				}
			}
		}
	}
	var best *place.Division
	for p, n := range count {
		if best == nil || n > count[best] || n == count[best] && p.Code < best.Code {
			best = p
		}
	}
	return best
}

// pick chooses the division a mention means: the one of its full name,
// else one in the province of the text (ctx, called only then), else the
// highest.
func pick(m place.Mention, ctx func() *place.Division) *place.Division {
	for _, d := range m.Divisions {
		if d.Name == m.Text {
			return d
		}
	}
	if len(m.Divisions) == 1 {
		return m.Divisions[0]
	}
	if c := ctx(); c != nil {
		for _, d := range m.Divisions {
			if d.Within(c) {
				return d
			}
		}
	}
	return m.Divisions[0]
}

// placeIn returns the division a phrase names: its first place, or the
// innermost of places named one inside the other (呼伦贝尔市海拉尔区).
func placeIn(s string, ctx func() *place.Division) *place.Division {
	ms := place.Find(s)
	if len(ms) == 0 {
		return nil
	}
	cur := pick(ms[0], ctx)
	for _, m := range ms[1:] {
		var inner *place.Division
		for _, d := range m.Divisions {
			if d != cur && d.Within(cur) {
				inner = d
				break
			}
		}
		if inner == nil {
			break
		}
		cur = inner
	}
	return cur
}

// selfWords are the words a report uses for its own place, by the
// suffix of the place's name: 全市 and 我市 in a city's report.
var selfWords = []struct {
	suffix string
	words  []string
	levels []string
}{
	{"省", []string{"全省", "我省", "本省"}, []string{place.Province}},
	{"区", []string{"全区", "我区", "本区"}, []string{place.Province, place.District}},
	{"州", []string{"全州", "我州", "本州"}, []string{place.City}},
	{"盟", []string{"全盟", "我盟"}, []string{place.City}},
	{"市", []string{"全市", "我市", "本市"}, []string{place.City, place.County, place.Province}},
	{"县", []string{"全县", "我县", "本县"}, []string{place.County}},
	{"旗", []string{"全旗", "我旗"}, []string{place.County}},
}

// selfNamed infers the place a text speaks of as its own: the level from
// the words it uses for itself (全市 more than 全省), the place the most
// named of that level, or the city most of the counties and districts it
// names lie in.
func selfNamed(body string, ctx func() *place.Division) *place.Division {
	best, bestN := -1, 0
	for i, w := range selfWords {
		n := 0
		for _, word := range w.words {
			n += strings.Count(body, word)
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 || bestN < 2 {
		return nil
	}
	sw := selfWords[best]
	count := map[*place.Division]int{}
	parents := map[*place.Division]map[*place.Division]bool{}
	for _, m := range place.Find(body) {
		d := pick(m, ctx)
		for _, lv := range sw.levels {
			if d.Level == lv && strings.HasSuffix(d.Name, sw.suffix) {
				count[d]++
			}
		}
		if (d.Level == place.County || d.Level == place.District) && d.Parent != nil {
			if parents[d.Parent] == nil {
				parents[d.Parent] = map[*place.Division]bool{}
			}
			parents[d.Parent][d] = true
		}
	}
	var top *place.Division
	for d, n := range count {
		if top == nil || n > count[top] || n == count[top] && d.Code < top.Code {
			top = d
		}
	}
	if top != nil && count[top] >= 2 {
		if up := top.Parent; top.Level == place.County && up != nil && len(parents[up]) >= 4 && parents[up][top] {
			// A county-level city named beside three or more of its
			// city's other counties and districts (汝州市 and 舞钢市,
			// 叶县, 郏县… in a 全市 report): the report is its city's.
			return up
		}
		return top
	}
	// 全市 with only its counties named: their city.
	var city *place.Division
	for c, kids := range parents {
		if city == nil || len(kids) > len(parents[city]) || len(kids) == len(parents[city]) && c.Code < city.Code {
			city = c
		}
	}
	if city != nil && len(parents[city]) >= 3 && (city.Level == place.City || city.Level == place.Province && sw.suffix != "州") {
		return city
	}
	return nil
}

// roles are the offices of the people who deliver reports.
const roles = `局长|厅长|署长|审计长|主任|市长|省长|区长|县长|州长|盟长|旗长|主席`

var reIssuer = rx.MustCompile(`(局|厅|署|办公室|调查队|调查总队|人民政府|秘书处|委员会|财政部)$|(` + roles + `)`)

// reRole is the office of the person who delivers a report.
var reRole = rx.MustCompile(roles)

// issuerBody returns an issuer or speaker line up to the office of the
// person named after it (科右中旗发展和改革委员会主任 白长海): a name (白长海)
// may hold a place's (长海).
func issuerBody(l string) string {
	if locs := reRole.FindAllStringIndex(l, -1); len(locs) > 0 {
		return l[:locs[len(locs)-1][1]]
	}
	return l
}

// isIssuer reports whether a front matter line names the body that issues
// or delivers the report (海南省财政厅, 昌都市统计局, 廊坊市财政局局长 程广翔).
func isIssuer(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	return utf8.RuneCountInString(s) <= 40 && reIssuer.MatchString(s) && !strings.ContainsAny(s, "，。")
}

// isConferenceFile reports whether a line marks the report as a file of a
// congress session (廊坊市八届人大 / 八次会议文件（15）).
func isConferenceFile(s string) bool {
	return strings.Contains(s, "会议文件") || strings.Contains(s, "届人大") || strings.HasSuffix(s, "人大")
}

// reZoneDelegate is the opening of a report a zone's management
// committee delivers: 我代表大鹏新区管理委员会向大会作工作报告. Such a zone
// (新区, 开发区) is no division of the gazetteer, so its report's region
// is the division around it.
var reZoneDelegate = rx.MustCompile(`我代表(\p{Han}{2,10}?(?:新区|开发区|实验区|片区|高新区|示范区|合作区|园区))(管理委员会|管委会)`)

// committeeTitle composes the title of an untitled work report that a
// zone's management committee delivers, from its opening: 大鹏新区管理委员会
// 2014年工作报告, naming the body whose report it is; "" for any other.
func committeeTitle(opening string, m Meta) string {
	sm := reZoneDelegate.FindStringSubmatch(opening)
	if sm == nil || m.Kind != WorkReport {
		return ""
	}
	if m.Year > 0 {
		return fmt.Sprintf("%s%s%d年工作报告", sm[1], sm[2], m.Year)
	}
	return sm[1] + sm[2] + "工作报告"
}

// syntheticTitle names a report that prints no title of its own.
func syntheticTitle(m Meta) string {
	kind := m.Kind
	switch kind {
	case "", OtherReport:
		kind = "报告"
	case StatBulletin:
		kind = "国民经济和社会发展统计公报"
	case BudgetReport, PlanReport, FinalAccounts, AuditReport:
		kind = strings.TrimSuffix(kind, "的报告")
	}
	place := m.Region
	if m.Level == "national" {
		place = ""
	}
	year := m.Year
	if m.Kind == StatBulletin || m.Kind == FinalAccounts || m.Kind == AuditReport {
		year = m.ReviewYear
	}
	if m.Kind == StatBulletin && year > 0 {
		return fmt.Sprintf("%s%d年%s", place, year, kind)
	}
	if year > 0 {
		return fmt.Sprintf("%d年%s%s", year, place, kind)
	}
	return place + kind
}

// PlaceForms returns the ways a place is named: 上海市 and 上海, 汉阳区 and
// 汉阳, 湘西土家族苗族自治州 and 湘西州 and 湘西. Forms that are ordinary
// words (和平 of 和平区) are left out.
func PlaceForms(p string) []string {
	for _, d := range place.Lookup(p) {
		if d.Name == p {
			forms := []string{p}
			for _, s := range d.Short {
				if !d.Common(s) {
					forms = append(forms, s)
				}
			}
			return forms
		}
	}
	forms := []string{p}
	for _, suf := range []string{"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "区", "县"} {
		if strings.HasSuffix(p, suf) && utf8.RuneCountInString(p)-utf8.RuneCountInString(suf) >= 2 {
			forms = append(forms, strings.TrimSuffix(p, suf))
			break
		}
	}
	return forms
}

// CommonPlaceForms returns the forms of a place that are ordinary words
// (光明 of 光明区, 和平 of 和平区), which PlaceForms leaves out: they name
// the place only where the words around them say so.
func CommonPlaceForms(p string) []string {
	var out []string
	for _, d := range place.Lookup(p) {
		if d.Name != p {
			continue
		}
		for _, s := range d.Short {
			if d.Common(s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// PlaceMatches reports whether place (a full or short name: 上海, 上海市,
// 湘西州) names region.
func PlaceMatches(place, region string) bool {
	if region == "" || place == "" {
		return false
	}
	for _, f := range PlaceForms(region) {
		if f == place {
			return true
		}
	}
	if strings.Contains(region, place) {
		return true
	}
	return lookupMatches(place, region)
}

func lookupMatches(name, region string) bool {
	for _, d := range place.Lookup(name) {
		if d.Name == region {
			return true
		}
	}
	return false
}
