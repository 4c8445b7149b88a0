package qa

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"reportkb/index/report"
)

// reYearSpans is the regexp yearSpans is written out from: its oracle.
var reYearSpans = regexp.MustCompile(`十[一二三四五六七八九十]五”?(?:时期|期间|以来|这五年|五年|规划|计划)|十五”(?:时期|期间|以来|这五年|五年|规划|计划)|十五(?:时期|期间)|这(?:[两三四五六七八九十]|\d)年(?:来|间|里|中|[，,]|[^规计行攻内后以前期来间累度份底末初中\P{Han}])|(?:[两三四五六七八九十]|\b\d)年(?:来|间|累计|内|共|一共|总共|合计|增长|增加|新增)|(?:过去|近)(?:[两三四五六七八九十]|\d)年`)

// reLeadSpan is the oracle of leadSpan: a span of years opening the text
// before a word of Han that is no stop.
var reLeadSpan = regexp.MustCompile(`^([两三四五六七八九十]年)[^规计行攻内后以前期来间累度份底末初中\P{Han}]`)

// reRecordAfter follows a span that frames a record, not a figure's years.
var reRecordAfter = regexp.MustCompile(`^(?:的新高|的最|最|首|新高|罕见|少有)`)

// reSpanTail follows a span that ends at its 年 (这五年，我们…, 五年共培养):
// the alternatives of reYearSpans that match one more character.
var reSpanTail = regexp.MustCompile(`^(?:[，,]|[^规计行攻内后以前期来间累度份底末初中里\P{Han}]|共|一共|总共|合计|增长|增加|新增)$`)

// reSpanCount opens a span with its count of years (五年来, 3年间).
var reSpanCount = regexp.MustCompile(`^(?:[两三四五六七八九]|\d)`)

// oracleSpans is what yearSpans must return.
func oracleSpans(s string) [][]int {
	var out [][]int
	for pos := 0; pos < len(s); {
		m := reYearSpans.FindStringIndex(s[pos:])
		if m == nil {
			break
		}
		m[0], m[1] = m[0]+pos, m[1]+pos
		if reSpanCount.MatchString(s[m[0]:]) && strings.ContainsAny(lastRunes(s[:m[0]], 1), "〇零○一二三四五六七八九") {
			// 一九六三年增长: a year, not three years.
			_, n := utf8.DecodeRuneInString(s[m[0]:])
			pos = m[0] + n
			continue
		}
		pos = m[1]
		if strings.HasSuffix(s[:m[1]], "年来") && reRecordAfter.MatchString(s[m[1]:]) {
			continue // 十年来的新高: a record
		}
		if strings.HasPrefix(s[m[0]:], "十五”") && !strings.HasSuffix(s[:m[0]], "“") {
			continue // 十五”: the tenth plan only when quoted
		}
		if k := strings.Index(s[m[0]:m[1]], "年") + len("年"); k >= len("年") && reSpanTail.MatchString(s[m[0]+k:m[1]]) {
			m[1] = m[0] + k // the span ends at its 年
			pos = m[1]
		}
		out = append(out, m)
	}
	if m := reLeadSpan.FindStringSubmatchIndex(s); m != nil && !(len(out) > 0 && out[0][0] == 0 && out[0][1] == m[3]) {
		out = append([][]int{{0, m[3]}}, out...)
	}
	// A span that opens a clause, as one that opens the sentence.
	for _, b := range reClauseBreak.FindAllStringIndex(s, -1) {
		m := reLeadSpan.FindStringSubmatchIndex(s[b[1]:])
		if m == nil || slices.ContainsFunc(out, func(o []int) bool { return o[0] <= b[1] && b[1] < o[1] }) {
			continue
		}
		k := sort.Search(len(out), func(i int) bool { return out[i][0] > b[1] })
		out = slices.Insert(out, k, []int{b[1], b[1] + m[3]})
	}
	return out
}

// reClauseBreak ends a clause.
var reClauseBreak = regexp.MustCompile(`[，,；;：:]`)

func TestYearSpans(t *testing.T) {
	for _, s := range []string{
		"“十四五”时期，全市一般公共预算收入总量达1670亿元",
		"十三五期间累计完成投资", "十三五以来", "十年来", "五年来，我们", "近五年来", "过去五年", "过去5年间",
		"3年累计", "2020年来", "2024年累计", "a3年来", "，5年间",
		"五年城镇新增就业445万人", "五年规划", "五年来", "三年行动", "五年", "五年，", "十年间全市", "十十五时期", "十四五", "十四五”", "近年来", "过去两年", "过去十年来",
		"过去", "近", "十", "十四", "年来", "", "\xff十四五时期\xe5", "十\xff五时期", "过去\xe5年",
		"十四五”时期十四五期间", "１０年来", "这五年来", "这5年间", "这五年", "“十一五”这五年", "“十五”期间", "十五期间", "十三五规划",
		"增速创下龙华十年来的新高，规模以上工业增加值1373亿元", "五年来最好", "十年来首次", "5年来新高", "三年来，我们",
		"年内完成6000套改造计划，力争3年内全部启动1.2万套改造任务", "五年内", "年内",
		"这五年城镇一共新增了多少就业", "这五年，我们", "这两年,", "这五年计划", "这五年来", "这五年十四五时期", "这五年里", "这五年年",
		"全力打好脱贫攻坚战，五年实现59.7万贫困人口稳定脱贫", "收入增长，五年来", "；三年行动", "：两年间增长",
		"五年共培养研究生１７．２万人", "粮食两年增长百分之四十六", "一九六三年增长", "一九五三年内", "二十年来", "3年新增",
	} {
		got, want := yearSpans(s), oracleSpans(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("yearSpans(%q) = %v, want %v", s, got, want)
		}
	}
}

// A plan of several years (力争3年内全部启动) is a span; 年内 is this year.
func TestYearSpansWithin(t *testing.T) {
	s := "年内完成6000套改造计划，力争3年内全部启动1.2万套改造任务"
	got := yearSpans(s)
	if len(got) != 1 || s[got[0][0]:got[0][1]] != "3年内" {
		t.Errorf("yearSpans(%q) = %v, want the one span 3年内", s, got)
	}
}

func FuzzYearSpans(f *testing.F) {
	for _, s := range []string{"“十四五”时期，全市收入达1670亿元", "近五年来", "过去5年间", "十三五以来3年累计"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := yearSpans(s), oracleSpans(s)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("yearSpans(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestPeriodWithYearsFoundOnce checks that dating figures from the years
// of their sentence found once agrees with finding them for each figure.
func TestPeriodWithYearsFoundOnce(t *testing.T) {
	data, err := os.ReadFile("../seeds/hanyang_2020_plan_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	sentences := strings.SplitAfter(string(data), "。")
	// A flattened table: years far back date nothing past the window.
	sentences = append(sentences, "2019年"+strings.Repeat("项目甲12.5亿元，增长3%，", 40)+"2020年预算30亿元，比2019年增长5%，一九七八年又比一九七七年增长8%")
	n := 0
	for _, s := range sentences {
		for _, f := range ParseQuantities(s) {
			pc := periodCtx{text: s, meta: report.Meta{Year: 2020, ReviewYear: 2019, PlanYear: 2020}}
			y1, p1 := period(pc, f.Start)
			pc.years = sentenceYears(s)
			y2, p2 := period(pc, f.Start)
			if y1 != y2 || p1 != p2 {
				t.Errorf("figure %q of %q: %d %v found per figure, %d %v found once", f.Text, s, y1, p1, y2, p2)
			}
			n++
		}
	}
	if n < 300 {
		t.Fatalf("only %d figures compared", n)
	}
}

// A relative year word dates the figures after it up to the next such
// word: 上年 dates the balance brought forward, 本年 leaves the year's
// figures to their section, and a base of comparison (比上年) dates nothing.
func TestPeriodRelativeWords(t *testing.T) {
	meta := report.Meta{Year: 2025, ReviewYear: 2024, PlanYear: 2025}
	for _, c := range []struct {
		text, figure string
		year         int
		plan         bool
	}{
		{"全州社会保险基金上年结余90.65亿元，本年收入80.06亿元，年终滚存结余100.42亿元。", "90.65亿元", 2024, false},
		{"全州社会保险基金上年结余90.65亿元，本年收入80.06亿元，年终滚存结余100.42亿元。", "100.42亿元", 2025, true},
		{"全市一般公共预算收入安排83亿元，比上年增长3%，其中税收收入60亿元。", "60亿元", 2025, true},
		// A word of time after a base of comparison dates the figure; a
		// budget item of the year before (上年结转) does not undo a year.
		{"两大市场年交易额是2011年的1.3倍；去年全县存款余额152.2亿元。", "152.2亿元", 2024, false},
		{"2025年全市政府性基金预算收入207.9亿元，加上上年结转收入2.1亿元。", "2.1亿元", 2025, true},
	} {
		pc := periodCtx{text: c.text, secPeriod: report.PeriodPlan, meta: meta}
		found := false
		for _, f := range ParseQuantities(c.text) {
			if f.Text != c.figure {
				continue
			}
			found = true
			if y, p := period(pc, f.Start); y != c.year || p != c.plan {
				t.Errorf("%s in %s: %d plan %v, want %d plan %v", c.figure, c.text, y, p, c.year, c.plan)
			}
		}
		if !found {
			t.Errorf("no figure %s in %s", c.figure, c.text)
		}
	}
	// A year in full-width digits dates its figures too.
	text := "２００１年国内生产总值达到９５９３３亿元，比上年增长７．３％。"
	pc := periodCtx{text: text, secPeriod: report.PeriodReview, meta: report.Meta{Year: 2002, ReviewYear: 2001, PlanYear: 2002}}
	for _, f := range ParseQuantities(text) {
		if y, _ := period(pc, f.Start); y != 2001 {
			t.Errorf("%s in %s: year %d, want 2001", f.Text, text, y)
		}
	}
}

// Plan cues are words, not characters: 主要 and 需要 hold no 要, 将近 no
// 将, and money secured (累计争取地方政府债券127.46亿元) is no target,
// while 争取实现增长6% is.
func TestPlanCues(t *testing.T) {
	meta := report.Meta{Year: 2020, ReviewYear: 2019, PlanYear: 2020}
	for _, c := range []struct {
		text string
		plan bool
	}{
		{"全市累计争取地方政府债券127.46亿元。", false},
		{"全市主要畜禽存栏235.86万头。", false},
		{"将近1.2万人受益。", false},
		{"争取实现地区生产总值增长6%。", true},
		{"全年要新增就业1.2万人。", true},
		{"将新建学校12所。", true},
		{"努力把全年零售物价上涨幅度控制在10%以内。", true},
		{"经过努力，全年零售物价上涨幅度控制在13%。", false},
	} {
		pc := periodCtx{text: c.text, secPeriod: report.PeriodReview, meta: meta}
		f := ParseQuantities(c.text)
		if len(f) == 0 {
			t.Fatalf("no figure in %s", c.text)
		}
		if _, p := period(pc, f[0].Start); p != c.plan {
			t.Errorf("%s: plan %v, want %v", c.text, p, c.plan)
		}
	}
}

// A figure compared with a year (比2024年执行数增加4.6%) is of the year
// after it, wherever its section stands.
func TestPeriodFromComparison(t *testing.T) {
	text := "全市安排119.05亿元用于教育领域支出，比2024年执行数113.84亿元增加4.6%。"
	pc := periodCtx{text: text, meta: report.Meta{Year: 2026, ReviewYear: 2025, PlanYear: 2026}}
	f := ParseQuantities(text)
	if y, _ := period(pc, f[0].Start); y != 2025 {
		t.Errorf("%s in %s: year %d, want 2025", f[0].Text, text, y)
	}
	// The changes after the base are of the year after it too; a base in
	// an earlier sentence dates nothing.
	text = "罚没收入预算数为11.5亿元，比2020年减收7.5亿元，下降39.4%，主要根据执法单位预计情况测算。"
	pc = periodCtx{text: text, meta: report.Meta{Year: 2021, ReviewYear: 2020, PlanYear: 2021}}
	for _, f := range ParseQuantities(text) {
		if y, _ := period(pc, f.Start); y != 2021 {
			t.Errorf("%s in %s: year %d, want 2021", f.Text, text, y)
		}
	}
	text = "比2020年减收7.5亿元。罚没收入下降39.4%。"
	pc.text = text
	f = ParseQuantities(text)
	if y, _ := period(pc, f[1].Start); y != 0 {
		t.Errorf("%s in %s: year %d, want 0", f[1].Text, text, y)
	}
}

// A sentence of no figure opening with its year (过去一年，…) dates the
// sentence after it.
func TestTopicYear(t *testing.T) {
	m := report.Meta{Year: 2011, ReviewYear: 2010, PlanYear: 2011}
	for text, want := range map[string]int{
		"过去一年，我们的各项工作取得了很大成绩。": 2010,
		"2009年，我们迎难而上。":        2009,
		"过去一年，国内生产总值增长10.3%。":  0,
		"我们的各项工作取得了很大成绩。":      0,
	} {
		if got := topicYear(text, m); got != want {
			t.Errorf("topicYear(%s) = %d, want %d", text, got, want)
		}
	}
}

// The year of a basis (按上年实际数额核减２０％) dates no figure.
func TestBasisYearDatesNothing(t *testing.T) {
	text := "今年的行政经费预算，一律削减１０％，集团购买力要按上年实际数额核减２０％。"
	pc := periodCtx{text: text, meta: report.Meta{Year: 1985, ReviewYear: 1984, PlanYear: 1985}}
	figs := ParseQuantities(text)
	if y, _ := period(pc, figs[1].Start); y == 1984 {
		t.Errorf("%s dated %d by the year of its basis", figs[1].Text, y)
	}
}

// The year of a bound a figure is held to (按不高于2019年支出控制数编制)
// dates nothing: the figure is of the year named before it.
func TestBoundYearDatesNothing(t *testing.T) {
	text := "各部门2020年“三公”经费预算按不高于2019年支出控制数编制，其中：公务接待费1340万元，下降20%。"
	pc := periodCtx{text: text, meta: report.Meta{Year: 2020, ReviewYear: 2019, PlanYear: 2020}}
	figs := ParseQuantities(text)
	if y, _ := period(pc, figs[0].Start); y != 2020 {
		t.Errorf("%s in %s: year %d, want 2020", figs[0].Text, text, y)
	}
}

// A year a figure is compared with dates the figure that follows it:
// 大大低于1985年增长44.6%的速度 speaks of 1985's growth.
func TestComparedYearDatesItsFigure(t *testing.T) {
	text := "全民所有制单位基本建设投资增长１６％，大大低于１９８５年增长４４．６％的速度。"
	pc := periodCtx{text: text, meta: report.Meta{Year: 1987, ReviewYear: 1986, PlanYear: 1987}}
	figs := ParseQuantities(text)
	if y, _ := period(pc, figs[len(figs)-1].Start); y != 1985 {
		t.Errorf("%s in %s: year %d, want 1985", figs[len(figs)-1].Text, text, y)
	}
}
