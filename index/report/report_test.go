package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"reportkb/internal/testskip"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const seedPath = "../../seeds/hanyang_2020_plan_report.txt"

func readSeed(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func testReports(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{"hanyang_2020_plan_report": readSeed(t)}
	files, _ := filepath.Glob("../../testdata/reports/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".txt")] = data
	}
	if len(out) < 5 {
		t.Fatalf("found %d test reports, want the seed and those in testdata/reports", len(out))
	}
	return out
}

// sentenceWith returns the first sentence holding s.
func sentenceWith(t *testing.T, d *Doc, s string) Sentence {
	t.Helper()
	for _, st := range d.Sentences {
		if strings.Contains(st.Text, s) {
			return st
		}
	}
	t.Fatalf("no sentence holds %q", s)
	return Sentence{}
}

func TestSeedStructure(t *testing.T) {
	d := Parse("hanyang_2020_plan_report", readSeed(t))
	if d.Layout != LayoutPrinted {
		t.Errorf("layout = %s, want printed", d.Layout)
	}
	if want := "关于汉阳区2020年国民经济和社会发展计划执行情况与2021年国民经济和社会发展计划(草案)的报告"; d.Title != want {
		t.Errorf("title = %q, want %q", d.Title, want)
	}
	m := d.Meta
	if m.Region != "汉阳区" || m.Level != "district" || m.ReviewYear != 2020 || m.PlanYear != 2021 || m.Year != 2020 || m.Kind != PlanReport {
		t.Errorf("meta = %+v", m)
	}
	tests := []struct {
		text       string
		page, line int
		inferred   bool
	}{
		// The sentence starts before the footer "— 5 —" and ends after it.
		{"综合收入突破590亿元", 5, 219, true},
		// After the footer "— 9 —": page 10.
		{"新增养老床位6341张", 10, 394, true},
		{"以最快速度建造3座方舱医院", 2, 99, true},
		{"全年累计减税降费22.1亿元", 3, 129, true},
		{"力争新增就业1.6万人", 20, 767, true},
	}
	for _, tc := range tests {
		s := sentenceWith(t, d, tc.text)
		if s.Page != tc.page || s.Line != tc.line || s.PageInferred != tc.inferred {
			t.Errorf("sentence %q: page %d (inferred %v) line %d, want page %d (inferred %v) line %d", tc.text, s.Page, s.PageInferred, s.Line, tc.page, tc.inferred, tc.line)
		}
	}
	// The sentence across the footer holds no trace of it.
	s := sentenceWith(t, d, "综合收入突破590亿元")
	if strings.Contains(s.Text, "5—") || strings.Contains(s.Text, "—") {
		t.Errorf("footer left in %q", s.Text)
	}
	if len(d.Footers) != 3 || d.Footers[0].Page != 5 || d.Footers[1].Page != 9 || d.Footers[2].Page != 20 {
		t.Errorf("footers = %+v", d.Footers)
	}
	var headings []string
	for _, p := range d.Paragraphs {
		if p.Heading != "" {
			headings = append(headings, p.Heading)
		}
	}
	if len(headings) < 30 || headings[0] != "全力打赢疫情阻击战。" {
		t.Errorf("topic headings = %d, first %q", len(headings), headings[0])
	}
	if len(d.Sections) != 3 || d.Sections[0].Period != PeriodReview || d.Sections[1].Period != PeriodPlan || d.Sections[1].Year != 2021 {
		t.Errorf("sections = %+v", d.Sections)
	}
	var terms []string
	for _, p := range d.Paragraphs {
		if p.Kind == KindGlossary {
			terms = append(terms, p.Term)
		}
	}
	if want := "六稳 六保 万企千亿技改工程 五个一百工程 五育并举 网云智 五减五通 免申不用办"; strings.Join(terms, " ") != want {
		t.Errorf("glossary terms = %q, want %q", strings.Join(terms, " "), want)
	}
	var noise []string
	for _, p := range d.Paragraphs {
		if p.Kind == KindNoise {
			noise = append(noise, p.Text)
		}
	}
	if len(noise) != 1 || noise[0] != "张" {
		t.Errorf("noise = %q, want the stray 张", noise)
	}
}

func TestSeedTable(t *testing.T) {
	d := Parse("hanyang_2020_plan_report", readSeed(t))
	if len(d.Tables) != 1 {
		t.Fatalf("%d tables, want 1", len(d.Tables))
	}
	tb := d.Tables[0]
	wantCols := []string{"年度计划", "市级绩效目标·总量", "市级绩效目标·增幅", "2020年完成(预计)·总量", "2020年完成(预计)·增幅"}
	if strings.Join(tb.Columns, "|") != strings.Join(wantCols, "|") {
		t.Errorf("columns = %q, want %q", tb.Columns, wantCols)
	}
	var rows []string
	for _, r := range tb.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Text)
		}
		rows = append(rows, r.No+" "+r.Name+": "+strings.Join(cells, " | "))
	}
	golden(t, "seed_table.golden", strings.Join(rows, "\n")+"\n")
	// Cells point at their original bytes.
	data := readSeed(t)
	for _, r := range tb.Rows {
		for _, c := range r.Cells {
			if c.Text == "" {
				continue
			}
			if got := strings.Join(strings.Fields(string(data[c.Start:c.End])), ""); got != c.Text {
				t.Errorf("cell %q: original bytes %q", c.Text, got)
			}
		}
	}
}

func TestSeedParagraphsGolden(t *testing.T) {
	d := Parse("hanyang_2020_plan_report", readSeed(t))
	var b strings.Builder
	for i, p := range d.Paragraphs {
		text := p.Text
		if r := []rune(text); len(r) > 40 {
			text = string(r[:40]) + "…"
		}
		b.WriteString(strings.Join([]string{itoa(i), string(p.Kind), "L" + itoa(p.Line), "p" + itoa(p.Page), "s" + itoa(p.NumSentences), p.Heading, text}, "\t"))
		b.WriteByte('\n')
	}
	golden(t, "seed_paragraphs.golden", b.String())
	if n := len(d.Sentences); n < 200 || n > 300 {
		t.Errorf("%d sentences", n)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff\n got:\n%s", name, clipLines(got, 40))
	}
}

func clipLines(s string, n int) string {
	ls := strings.Split(s, "\n")
	if len(ls) > n {
		ls = ls[:n]
	}
	return strings.Join(ls, "\n")
}

// checkNothingLost checks that every non-space character of the original
// lands in exactly one paragraph, except page footers, and that the
// paragraph text is made of exactly those characters.
func checkNothingLost(t testing.TB, name string, data []byte, d *Doc) {
	t.Helper()
	owner := make([]int, len(data)) // paragraph+1 covering each byte
	for _, f := range d.Footers {
		for i := f.Start; i < f.End; i++ {
			owner[i] = -1
		}
	}
	// The marks of a Markdown heading (## 一、综合) are markup, not text.
	for start := 0; start < len(data); {
		end := start // lines end at \n, \r or \r\n, as splitLines reads them
		for end < len(data) && data[end] != '\n' && data[end] != '\r' {
			end++
		}
		s := start
		for s < end {
			r, n := utf8.DecodeRune(data[s:end])
			if !IsSpace(r) {
				break
			}
			s += n
		}
		for i := s; i < afterHeadingMarks(data, s, end); i++ {
			owner[i] = -1
		}
		start = end + 1
	}
	for pi, p := range d.Paragraphs {
		var rebuilt []byte
		for k, r := range p.OrigRanges() {
			pc := p.pieces[k]
			if r[0] < 0 || r[1] > len(data) || r[0] > r[1] {
				t.Fatalf("%s: paragraph %d: range %v out of the file", name, pi, r)
			}
			if !pc.replaced {
				rebuilt = append(rebuilt, data[r[0]:r[1]]...)
			} else {
				rebuilt = append(rebuilt, ' ')
			}
			for i := r[0]; i < r[1]; i++ {
				if owner[i] != 0 && !pc.replaced {
					t.Fatalf("%s: byte %d in paragraphs %d and %d", name, i, owner[i]-1, pi)
				}
				if !pc.replaced {
					owner[i] = pi + 1
				}
			}
		}
		if string(rebuilt) != p.Text {
			t.Fatalf("%s: paragraph %d text %q is not its original bytes %q", name, pi, p.Text, rebuilt)
		}
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if !IsSpace(r) && owner[i] == 0 {
			ln := bytes.Count(data[:i], []byte("\n")) + 1
			t.Fatalf("%s: character %q at byte %d (line %d) is in no paragraph", name, r, i, ln)
		}
		i += n
	}
	// Sentences lie inside their paragraphs, in order.
	for si, s := range d.Sentences {
		p := &d.Paragraphs[s.Para]
		if s.Off < 0 || s.Off+len(s.Text) > len(p.Text) || p.Text[s.Off:s.Off+len(s.Text)] != s.Text {
			t.Fatalf("%s: sentence %d is not at its offset in paragraph %d", name, si, s.Para)
		}
		if s.Start < p.Start || s.End > p.End || s.Start > s.End {
			t.Fatalf("%s: sentence %d bytes %d:%d outside paragraph %d:%d", name, si, s.Start, s.End, p.Start, p.End)
		}
		if s.Line < 1 || s.Line > len(d.lineStarts) {
			t.Fatalf("%s: sentence %d line %d", name, si, s.Line)
		}
	}
}

func TestNothingLost(t *testing.T) {
	for name, data := range testReports(t) {
		checkNothingLost(t, name, data, Parse(name, data))
	}
}

func TestCorpusLayouts(t *testing.T) {
	reports := testReports(t)
	tests := []struct {
		doc, title, region, level, kind string
		year, review, plan              int
	}{
		{"shanghai_2025_gov_work_report", "2025年上海市政府工作报告", "上海市", "province", "政府工作报告", 2025, 2024, 2025},
		{"shanghai_2026_gov_work_report", "2026年上海市政府工作报告", "上海市", "province", "政府工作报告", 2026, 2025, 2026},
		{"hubei_2025_gov_work_report", "2025年湖北省政府工作报告", "湖北省", "province", "政府工作报告", 2025, 2024, 2025},
		{"national_2017_gov_work_report", "政府工作报告", "全国", "national", "政府工作报告", 2017, 2016, 2017},
		{"guangdong_2026_gov_work_report", "政府工作报告", "广东省", "province", "政府工作报告", 2026, 2025, 2026},
		{"jiangxi_yichun_wanzai_2015_stat_bulletin", "万载县2015年国民经济和社会发展统计公报", "万载县", "county", "统计公报", 2016, 2015, 0},
	}
	for _, tc := range tests {
		d := Parse(tc.doc, reports[tc.doc])
		m := d.Meta
		if d.Layout != LayoutParagraphs || d.Title != tc.title || m.Region != tc.region || m.Level != tc.level || m.Kind != tc.kind || m.Year != tc.year || m.ReviewYear != tc.review || m.PlanYear != tc.plan {
			t.Errorf("%s: layout %s title %q meta %+v", tc.doc, d.Layout, d.Title, m)
		}
	}
	// Web-page furniture is not report text.
	d := Parse("shanghai_2026_gov_work_report", reports["shanghai_2026_gov_work_report"])
	for _, p := range d.Paragraphs {
		if p.Kind.Searchable() && (p.Text == "下载" || p.Text == "全屏" || strings.HasPrefix(p.Text, "来源：") || p.Text == "相关报道：") {
			t.Errorf("clutter %q kept as %s", p.Text, p.Kind)
		}
	}
	// Words that were links on their own lines are joined back.
	d = Parse("national_2017_gov_work_report", reports["national_2017_gov_work_report"])
	sentenceWith(t, d, "光缆线路550多万公里。")
	sentenceWith(t, d, "党的十八届六中全会正式明确习近平总书记的核心地位")
	// A glossary whose definitions sit on the line after the term.
	d = Parse("guangdong_2026_gov_work_report", reports["guangdong_2026_gov_work_report"])
	found := false
	for _, p := range d.Paragraphs {
		if p.Kind == KindGlossary && p.Term == "四好农村路" && strings.Contains(p.Text, "指建好、管好、护好、运营好农村公路") {
			found = true
		}
	}
	if !found {
		t.Error("guangdong 2026: glossary entry 四好农村路 with its definition not found")
	}
}

// TestWholeCorpus parses every report of the shared corpus, when present.
func TestWholeCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpus/reports/*.txt")
	if len(files) == 0 {
		testskip.Skip(t, "no ../shared/corpus/reports (the shared corpus beside the repository)")
	}
	noYear := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		d := Parse(name, data)
		checkNothingLost(t, name, data, d)
		if d.Title == "" {
			t.Errorf("%s: no title", name)
		}
		if d.Meta.Year == 0 {
			noYear++
		}
		if d.Layout != LayoutParagraphs {
			t.Errorf("%s: layout %s", name, d.Layout)
		}
	}
	if noYear > 0 {
		t.Errorf("%d reports without a year", noYear)
	}
	// Region and year agree with the corpus manifest.
	manifest, err := os.ReadFile("../../../shared/corpus/MANIFEST.tsv")
	if err != nil {
		t.Fatal(err)
	}
	pinyin := map[string]string{"anhui": "安徽", "beijing": "北京", "chongqing": "重庆", "fujian": "福建", "gansu": "甘肃",
		"guangdong": "广东", "guangxi": "广西", "guizhou": "贵州", "hainan": "海南", "hebei": "河北", "heilongjiang": "黑龙江",
		"henan": "河南", "hubei": "湖北", "hunan": "湖南", "jiangsu": "江苏", "jiangxi": "江西", "jilin": "吉林", "liaoning": "辽宁",
		"neimenggu": "内蒙古", "ningxia": "宁夏", "qinghai": "青海", "shaanxi": "陕西", "shandong": "山东", "shanghai": "上海",
		"shanxi": "山西", "sichuan": "四川", "tianjin": "天津", "xinjiang": "新疆", "xizang": "西藏", "yunnan": "云南",
		"zhejiang": "浙江", "national": "全国", "jiangxi/yichun": "宜春", "jiangxi/yichun/wanzai": "万载"}
	wrong := 0
	for _, line := range strings.Split(string(manifest), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			continue
		}
		name := strings.TrimSuffix(f[0], ".txt")
		data, err := os.ReadFile(filepath.Join("../../../shared/corpus/reports", f[0]))
		if err != nil {
			t.Fatal(err)
		}
		m := Parse(name, data).Meta
		year := m.Year
		if f[4] == "stat_bulletin" {
			year = m.ReviewYear
		}
		if !strings.HasPrefix(m.Region, pinyin[f[2]]) || !slugMatches(m, f[2]) || fmt.Sprint(year) != f[3] || manifestKinds[f[4]] != m.Kind {
			wrong++
			t.Logf("%s: region %s year %d kind %s, manifest says %s %s %s", name, m.Region, year, m.Kind, f[2], f[3], f[4])
		}
	}
	if wrong > 2 {
		t.Errorf("%d reports with a wrong region, kind or year", wrong)
	}
}

func TestFooterPage(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"— 5 —", 5}, {"—5—", 5}, {"- 12 -", 12}, {"－ 3 －", 3}, {"第 3 页", 3}, {"— 20 —", 20},
		{"一、2020 年", 0}, {"5", 0}, {"— 五 —", 0}, {"——2017年3月5日", 0}, {"", 0},
	}
	for _, tc := range tests {
		if got := footerPage(tc.in); got != tc.want {
			t.Errorf("footerPage(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestPageAt(t *testing.T) {
	fs := []Footer{{Page: 5, Line: 225}, {Page: 9, Line: 392}, {Page: 20, Line: 801}}
	lpp := (&Doc{Footers: fs}).linesPerPage()
	tests := []struct {
		line, page int
		inferred   bool
	}{
		{1, 1, true}, {219, 5, true}, {225, 5, true}, {227, 6, true}, {391, 9, true}, {394, 10, true}, {803, 21, true},
	}
	for _, tc := range tests {
		p, inf := pageAt(fs, tc.line, lpp)
		if p != tc.page || inf != tc.inferred {
			t.Errorf("pageAt(line %d) = %d, %v; want %d, %v", tc.line, p, inf, tc.page, tc.inferred)
		}
	}
	// Consecutive footers pin the page.
	fs = []Footer{{Page: 1, Line: 10}, {Page: 2, Line: 20}}
	if p, inf := pageAt(fs, 15, 10); p != 2 || inf {
		t.Errorf("between footers 1 and 2: page %d inferred %v", p, inf)
	}
	if p, _ := pageAt(nil, 15, 0); p != 0 {
		t.Errorf("no footers: page %d, want 0", p)
	}
}

func TestSplitSentences(t *testing.T) {
	text := "全力打赢疫情阻击战。围绕落实中央要求，区政府坚持“一盘棋”。“两江”水位超警！是否达标？最后一句"
	var got []string
	for _, sp := range splitSentences(text) {
		got = append(got, text[sp[0]:sp[1]])
	}
	want := []string{"全力打赢疫情阻击战。", "围绕落实中央要求，区政府坚持“一盘棋”。", "“两江”水位超警！", "是否达标？", "最后一句"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(string(readSeed(f)[:4000])))
	f.Add([]byte("下载\n打印\n2025年某省政府工作报告\n各位代表：\n一、2024年工作回顾\n全年生产总值增长5%。\n"))
	f.Add([]byte("序\n号\n指标名称\n1 地区生产总值 7% 775 亿\n— 5 —\n名词解释：\n1．“六稳”：稳就业。\n"))
	f.Add([]byte("\xff\xfe\x00a\r\n\r\n— 1 —\u200b\u3000"))
	// Tables by spaces and by tabs, pages, running headers, notes, captions.
	f.Add([]byte("表1 收入\n  单位：万元\n  项目   预算数   决算数\n一、税收  5,065  4,837\n1\n. 国防   8728  7297   83\n      .6   -18\n\f××市人民政府公报\n32\n"))
	f.Add([]byte("指标\t绝对数（亿千瓦时）\t比上年增长（%）\n全社会用电量\t457.73\t-6.8\n\t\t\n图4 增长\n注：数据。\n[1] 本公报。\n*\n"))
	f.Add([]byte("关于某市2025年预算\n及全市预算草案的报告\n各位代表：\n（一）全市及市级预算\n市本级收入34.9亿元。\n目录\n一、2025年 ······（1）\n"))
	f.Add([]byte("# 2021年某市统计公报\n\n　## 一、综合\n\n#食品\t-2.4\n#\n##   \n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := Parse("fuzz", data)
		checkNothingLost(t, "fuzz", data, d)
	})
}

func BenchmarkParseSeed(b *testing.B) {
	data := readSeed(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Parse("hanyang_2020_plan_report", data)
	}
}

func BenchmarkParseCorpus(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpus/reports/*.txt")
	if len(files) == 0 {
		b.Skip("../shared/corpus/reports not present; skipping the corpus benchmark")
	}
	var docs [][]byte
	var n int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		n += int64(len(data))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Parse("doc", d)
		}
	}
}

func TestUnnumberedPeriodHeadings(t *testing.T) {
	src := "2026年某省政府工作报告\n各位代表：\n" +
		"现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。\n" +
		"2025年工作回顾\n" +
		"过去一年，全省地区生产总值增长5.6%，新增专精特新中小企业1003户，发展质量稳步提升。\n" +
		"“十五五”时期的主要目标任务\n" +
		"到2030年，全省经济总量再上新台阶，基本实现新型工业化和农业农村现代化。\n" +
		"2026年重点工作\n" +
		"（一）扩大有效投资\n" +
		"新增专精特新中小企业100户，实施重点项目500个，带动全省投资稳定增长。\n"
	d := Parse("x", []byte(src))
	want := []struct {
		level  int
		title  string
		period Period
		year   int
	}{
		{0, "2025年工作回顾", PeriodReview, 2025},
		{0, "“十五五”时期的主要目标任务", PeriodPlan, 2030},
		{0, "2026年重点工作", PeriodPlan, 2026},
		{2, "扩大有效投资", PeriodPlan, 2026},
	}
	if len(d.Sections) != len(want) {
		t.Fatalf("sections = %+v", d.Sections)
	}
	for i, w := range want {
		s := d.Sections[i]
		if s.Level != w.level || s.Title != w.title || s.Period != w.period || s.Year != w.year {
			t.Errorf("section %d = %+v, want %+v", i, s, w)
		}
	}
	last := d.Paragraphs[len(d.Paragraphs)-1]
	if last.Section != 3 || !strings.HasPrefix(last.Text, "新增专精特新") {
		t.Errorf("last paragraph %q in section %d, want 3", last.Text, last.Section)
	}
	// The heading is no part of the paragraph after it.
	for _, p := range d.Paragraphs {
		if p.Kind == KindBody && strings.HasPrefix(p.Text, "2025年工作回顾") {
			t.Errorf("heading joined to its paragraph: %q", p.Text)
		}
	}
}

func TestGlossaryEndsAtAnnex(t *testing.T) {
	src := "2025年某省政府工作报告\n各位代表：\n" +
		"现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。\n" +
		"名词解释\n" +
		"1．六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n" +
		"2．六保：保居民就业、保基本民生、保市场主体。\n" +
		"　附件\n" +
		"2025年10件惠民实事\n" +
		"一、实施交通惠民工程\n" +
		"年度目标：对车流量较大的85个高速公路服务区充电站进行扩容增桩。\n"
	d := Parse("x", []byte(src))
	var glossary, body []string
	for _, p := range d.Paragraphs {
		switch p.Kind {
		case KindGlossary:
			glossary = append(glossary, p.Term)
		case KindBody:
			body = append(body, p.Text)
		}
	}
	if strings.Join(glossary, " ") != "六稳 六保" {
		t.Errorf("glossary = %q", glossary)
	}
	if len(body) == 0 || !strings.Contains(body[len(body)-1], "85个高速公路服务区充电站") {
		t.Errorf("the annex is not body text of its own: %q", body)
	}
}

func TestLaterYearIsPlan(t *testing.T) {
	src := "2025年某省政府工作报告\n各位代表：\n" +
		"现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。\n" +
		"一、2024年工作回顾\n" +
		"过去一年，高新技术企业达1.75万家，发展质量稳步提升，各项事业取得新进展。\n" +
		"二、关于2025年工作\n" +
		"（一）加快建设现代化产业体系\n" +
		"培育和支持创新型企业，高新技术企业总量突破1.8万家，推动产业升级。\n"
	d := Parse("x", []byte(src))
	if len(d.Sections) != 3 {
		t.Fatalf("sections = %+v", d.Sections)
	}
	for i, want := range []struct {
		per  Period
		year int
	}{{PeriodReview, 2024}, {PeriodPlan, 2025}, {PeriodPlan, 2025}} {
		if s := d.Sections[i]; s.Period != want.per || s.Year != want.year {
			t.Errorf("section %d %q: %s %d, want %s %d", i, s.Title, s.Period, s.Year, want.per, want.year)
		}
	}
}

// printed renders a report laid out one paragraph per line as an OCR'd
// printed report is: lines of width runes with a blank line after each,
// a page footer every perPage lines, and some decimals split (22. 1).
func printed(src string, width, perPage int) string {
	var out []string
	n, page := 0, 1
	for k, p := range strings.Split(src, "\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if k%3 == 0 {
			p = reDecimalForOCR.ReplaceAllString(p, "$1. $2")
		}
		first := true
		for rs := []rune(p); len(rs) > 0; {
			w := width
			if first {
				w -= 2
			}
			w = min(w, len(rs))
			line := string(rs[:w])
			rs = rs[w:]
			if first {
				line = "　　" + line
			}
			out = append(out, line, "")
			first = false
			if n++; n%perPage == 0 {
				out = append(out, fmt.Sprintf("— %d —", page), "")
				page++
			}
		}
	}
	return strings.Join(out, "\n")
}

var reDecimalForOCR = regexp.MustCompile(`(\d)\.(\d)`)

// The printed layout is rebuilt for any report, not only the seed: a
// corpus report rendered as OCR output parses into the same text, with
// its pages.
func TestPrintedLayoutOfOtherReports(t *testing.T) {
	for name, data := range testReports(t) {
		orig := Parse(name, data)
		if orig.Layout != LayoutParagraphs {
			continue
		}
		src := printed(string(data), 27, 38)
		d := Parse(name, []byte(src))
		if d.Layout != LayoutPrinted {
			t.Errorf("%s: rendered as printed, parsed as %s", name, d.Layout)
			continue
		}
		checkNothingLost(t, name+" (printed)", []byte(src), d)
		if d.Title != orig.Title || d.Meta.Region != orig.Meta.Region || d.Meta.Year != orig.Meta.Year {
			t.Errorf("%s: printed title %q region %q year %d, want %q %q %d", name, d.Title, d.Meta.Region, d.Meta.Year, orig.Title, orig.Meta.Region, orig.Meta.Year)
		}
		// Every sentence of the original is a sentence of the printed
		// report (the OCR's split decimals joined again).
		have := map[string]bool{}
		for _, s := range d.Sentences {
			have[strings.Join(strings.Fields(s.Text), "")] = true
		}
		missing := 0
		for _, s := range orig.Sentences {
			if !have[strings.Join(strings.Fields(s.Text), "")] {
				missing++
			}
		}
		if share := float64(missing) / float64(len(orig.Sentences)); share > 0.02 {
			t.Errorf("%s: %d of %d sentences differ once printed", name, missing, len(orig.Sentences))
		}
		if last := d.Paragraphs[len(d.Paragraphs)-1]; last.Page < 2 {
			t.Errorf("%s: last paragraph on page %d", name, last.Page)
		}
	}
}

// A top-level heading that numbers the next part of a printed report (二、
// after 一、) opens it even after stray figures of a broken table that end
// no sentence.
func TestNextPartAfterStrayFigures(t *testing.T) {
	part1 := printed("关于某市2018年预算执行情况和2019年预算草案的报告\n一、2018年预算执行情况\n全市一般公共预算收入完成360亿元，增长16%，完成预算的101.8%。全市一般公共预算支出完成530亿元，增长12%，完成预算的99.1%。\n收支相抵，当年结余12亿元，增长4", 27, 38)
	part2 := printed("二、2019年预算草案\n安排到期政府债务本息50.4亿元，防范化解地方债务风险。\n全市一般公共预算收入预期增长7%。", 27, 38)
	src := part1 + "\n165\n\n" + part2
	d := Parse("mou_2018_budget_report", []byte(src))
	for _, p := range d.Paragraphs {
		if !strings.Contains(p.Text, "50.4亿元") {
			continue
		}
		if path := d.SectionPath(p.Section); len(path) == 0 || !strings.HasPrefix(path[0], "二、") {
			t.Errorf("section of %q = %q, want under 二、2019年预算草案", p.Text, path)
		}
		return
	}
	t.Fatalf("no paragraph holds 50.4亿元: %+v", d.Paragraphs)
}

// A report saved as Markdown titles itself and its parts with heading
// marks (# …, ## 一、…): the marks are no part of the title or the
// headings; a # before text (#食品, an item of the row above) is text.
func TestMarkdownHeadings(t *testing.T) {
	src := "# 2021年某市国民经济和社会发展统计公报\n\n某市统计局\n\n## 一、综合\n\n全年全市实现地区生产总值1991.7亿元，比上年增长8.6%。\n\n## 二、农业\n\n全年粮食产量228.6万吨，增长1.2%。\n\n#食品\t-2.4\n"
	d := Parse("mou_2021_stat_bulletin", []byte(src))
	if d.Title != "2021年某市国民经济和社会发展统计公报" {
		t.Errorf("title = %q", d.Title)
	}
	checkNothingLost(t, "markdown", []byte(src), d)
	for _, p := range d.Paragraphs {
		if strings.Contains(p.Text, "228.6万吨") {
			if path := d.SectionPath(p.Section); len(path) == 0 || path[0] != "二、农业" {
				t.Errorf("section of %q = %q, want 二、农业", p.Text, path)
			}
		}
		if strings.Contains(p.Text, "食品") && !strings.Contains(p.Text, "#食品") {
			t.Errorf("paragraph %q lost the # of #食品", p.Text)
		}
	}
}

// The review of a five-year plan in a work report runs over several
// paragraphs, from one that opens with the span to one that opens with the
// year: those between speak of the five years. A span in a plan's section
// is the plan's own.
func TestSpanParagraphs(t *testing.T) {
	src := "2021年某省政府工作报告\n\n各位代表：\n\n一、“十三五”时期发展成就和2020年主要工作\n\n“十三五”时期是我省发展史上具有重大意义的五年。\n\n社会民生事业全面发展。城镇新增就业700万人。\n\n五年来，我们深入学习贯彻新思想。\n\n2020年是“十三五”规划收官之年。全省城镇新增就业134万人。\n\n二、“十四五”时期主要目标任务\n\n“十四五”时期我省经济社会发展的主要目标是：城镇新增就业600万人。\n"
	d := Parse("mou_2021_gov_work_report", []byte(src))
	want := map[string]bool{"“十三五”时期是": true, "社会民生事业": true, "五年来": true, "2020年是": false, "“十四五”时期我省": false}
	checkSpans(t, d, want)
}

// A paragraph that opens with a short sentence on the year that closed a
// plan and then turns to the five years (2015年是“十二五”收官之年。过去五年，…)
// reviews the five years; one that stays on the year does not.
func TestSpanAfterYearSentence(t *testing.T) {
	src := "2016年政府工作报告\n\n各位代表：\n\n一、2015年和“十二五”时期工作回顾\n\n2015年是“十二五”收官之年。过去五年，我国发展成就举世瞩目。城镇新增就业人数超过6400万人。\n\n2015年是极不平凡的一年。过去一年，城镇新增就业1312万人。\n"
	d := Parse("national_2016_gov_work_report", []byte(src))
	checkSpans(t, d, map[string]bool{"2015年是“十二五”": true, "2015年是极不平凡": false})
}

// A paragraph that opens with a short lead naming no figure (——地方财政实力
// 不断增强。) and then turns to the five years reviews them, as do the items
// after it; one whose lead states a figure does not turn to a span.
func TestSpanAfterLead(t *testing.T) {
	src := "关于某市2025年地方财政预算执行情况和2026年地方财政预算草案的报告\n\n二、“十四五”时期财政工作回顾\n\n" +
		"2025年，全市财政收入完成平稳。\n\n" +
		"——地方财政实力不断增强，综合保障能力持续提升。“十四五”期间，全市地方一般公共预算收入244.03亿元。财政支出强度不减，全市地方一般公共预算支出1275亿元。\n\n" +
		"——财政改革持续深化。全市各级财政部门加力向上争取。\n\n" +
		"三、2026年地方财政预算草案\n\n" +
		"全市收入增长3%，达到30亿元。“十五五”时期，收入保持增长。\n"
	d := Parse("mou_2025_budget_report", []byte(src))
	checkSpans(t, d, map[string]bool{"2025年，全市": false, "——地方财政": true, "——财政改革": true, "全市收入增长3%": false})
}

// A review of five years opened after the address and a sentence on the
// plan's last year (各位代表！2025年…顺利收官。回望过去五年，…) goes on
// through its numbered parts (（一）…), sections of their own.
func TestSpanThroughParts(t *testing.T) {
	src := "2026年某省政府工作报告\n\n各位代表：\n\n一、2025年和“十四五”时期工作回顾\n\n2025年极不平凡。城镇新增就业62.6万人。\n\n" +
		"各位代表！2025年主要目标任务的完成，标志着“十四五”规划顺利收官。回望过去五年，我省发展成就显著。\n\n" +
		"（一）全面转向高质量发展新阶段。新增等级民宿638家。\n\n（二）加力保障和改善民生。城镇新增就业300万人。\n\n" +
		"二、“十五五”时期主要目标任务\n\n“十五五”时期的主要目标是：城镇新增就业300万人。\n"
	d := Parse("mou_2026_gov_work_report", []byte(src))
	checkSpans(t, d, map[string]bool{"2025年极不平凡": false, "各位代表！2025年": true, "（一）全面": true, "（二）加力": true, "“十五五”时期的": false})
}

// A paragraph of a five-year review that turns to the year just past
// after a short lead-in (这里还要着重指出的是，在刚刚过去的１９８７年) speaks of
// that year, not of the five.
func TestYearAfterLeadInEndsSpan(t *testing.T) {
	src := "1988年政府工作报告\n\n各位代表：\n\n一、过去五年的回顾\n\n五年来，国民经济持续发展。\n\n对外承包工程迅速发展。\n\n　　这里还要着重指出的是，在刚刚过去的１９８７年，我国国民经济的发展继续保持了良好势头。外贸出口增长２７．８％。\n"
	d := Parse("national_1988_gov_work_report", []byte(src))
	checkSpans(t, d, map[string]bool{"五年来": true, "对外承包": true, "这里还要": false})
}

// A work report whose title names the year it reviews (a site's label:
// 2018年河北省政府工作报告) is of the year it was delivered in, printed in
// its front matter: its 今年 is 2019.
func TestWorkReportYearDelivered(t *testing.T) {
	src := "2018年河北省政府工作报告\n\n二〇一九年一月十四日在河北省第十三届人民代表大会第二次会议上\n河北省人民政府省长\n各位代表：\n" +
		"现在，我代表河北省人民政府向大会作政府工作报告，请予审议。\n" +
		"一、2018年工作回顾\n" +
		"过去的一年，全省生产总值增长6.6%左右。\n" +
		"二、2019年工作安排\n" +
		"今年经济社会发展的主要预期目标是：全省生产总值增长6.5%左右。\n"
	m := Parse("hebei_province_2019_gov_work_report", []byte(src)).Meta
	if m.Year != 2019 || m.ReviewYear != 2018 || m.PlanYear != 2019 {
		t.Errorf("years %d (review %d, plan %d), want 2019 (2018, 2019)", m.Year, m.ReviewYear, m.PlanYear)
	}
	src = strings.Replace(src, "二〇一九年一月十四日", "二〇一八年一月二十五日", 1)
	src = strings.Replace(src, "一、2018年工作回顾", "一、2017年工作回顾", 1)
	src = strings.Replace(src, "二、2019年工作安排", "二、2018年工作安排", 1)
	if m := Parse("hebei_2018_gov_work_report", []byte(src)).Meta; m.Year != 2018 {
		t.Errorf("a report delivered in the year its title names: year %d, want 2018", m.Year)
	}
}

// A page published years after the bulletin (a repost) does not move the
// year it was issued in; a release of the year's economy published the
// next year speaks of that year as 去年, and its site names its region.
func TestPublishedYears(t *testing.T) {
	src := "2024年宝鸡市国民经济和社会发展统计公报\n宝鸡市统计局\n发布日期：2027-10-15\n一、综合\n初步核算，全年全市地区生产总值2600亿元，比上年增长5.1%。\n"
	if m := Parse("shaanxi_baoji_2024_stat_bulletin", []byte(src)).Meta; m.Year != 2025 || m.ReviewYear != 2024 {
		t.Errorf("bulletin reposted in 2027: years %d (review %d), want 2025 (2024)", m.Year, m.ReviewYear)
	}
	src = "2025年全市经济总量实现新突破 高质量发展取得新成效\n南昌市人民政府\n发布日期：2026-01-26\n2025年，全市上下坚持稳中求进。\n根据地区生产总值统一核算结果，2025年，全市地区生产总值8141.69亿元，比上年增长4.7%。\n"
	if m := Parse("release", []byte(src)).Meta; m.Year != 2026 || m.ReviewYear != 2025 || m.Region != "南昌市" {
		t.Errorf("release: years %d (review %d) region %q, want 2026 (2025) 南昌市", m.Year, m.ReviewYear, m.Region)
	}
}

func TestHanYear(t *testing.T) {
	for s, want := range map[string]int{"二〇一九": 2019, "二○二一": 2021, "一九九八": 1998, "二零二五": 2025, "三〇一九": 0, "二〇": 0} {
		if got := hanYear(s); got != want {
			t.Errorf("hanYear(%s) = %d, want %d", s, got, want)
		}
	}
}

// A newspaper's masthead (贵州日报) above a reprinted report is not its
// title, though it ends in 报.
func TestNewspaperMastheadIsNoTitle(t *testing.T) {
	src := " 贵州日报 \n 当代先锋网 \n 2023年01月31日 \n 贵州省2022年预算执行情况和2023年预算草案的报告 \n （2023年1月13日在贵州省第十四届人民代表大会第一次会议上） \n 贵州省财政厅 各位代表： 受省人民政府委托，现将2022年预算执行情况和2023年预算草案提请省十四届人大一次会议审查。 一、2022年全省和省本级预算执行情况 全省一般公共预算收入完成1886.36亿元。\n"
	d := Parse("guizhou_province_2022_budget_report", []byte(src))
	if d.Title != "贵州省2022年预算执行情况和2023年预算草案的报告" || d.Meta.ReviewYear != 2022 || d.Meta.PlanYear != 2023 {
		t.Errorf("title %q, review %d, plan %d; want the report's title, 2022 and 2023", d.Title, d.Meta.ReviewYear, d.Meta.PlanYear)
	}
}

func TestFiveYearPlanEnd(t *testing.T) {
	for name, want := range map[string]int{"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "五年": 0, "二〇二一": 0} {
		if got := FiveYearPlanEnd(name); got != want {
			t.Errorf("FiveYearPlanEnd(%s) = %d, want %d", name, got, want)
		}
	}
}

// A top-level heading may be a title in two halves around a comma (八、居民
// 收入不断提高，物价市场保持平稳), but not a numbered sentence with a figure.
func TestTwoPartHeading(t *testing.T) {
	for s, want := range map[string]bool{
		"八、居民收入不断提高，物价市场保持平稳":           true,
		"二、聚焦决战决胜，以财政坚实底盘助力“十四五”规划顺利收官": true,
		"一、2024年工作回顾": true,
		"二、高质量做好2022年各项工作，以优异成绩迎接党的二十大胜利召开": true,
		"一、2022年收入增长5%，支出平稳":                false,
		"一、全年粮食产量216.94万吨，增长1.5%":           false,
		"一、坚持稳中求进，推动经济高质量发展，奋力谱写新篇章":        false,
		"（一）开源节流深挖潜力，增强财政保障能力":              false,
		"三、财政收支平稳有序。全市一般公共预算收入增长":           false,
	} {
		if got := isHeadingLine(s); got != want {
			t.Errorf("isHeadingLine(%s) = %v, want %v", s, got, want)
		}
	}
}

// A work report with no year in its title or front matter is of the year
// its file name gives (national_1980_gov_work_report), before the years
// its sections plan: the 1980 report plans 1980 and 1981, and its 去年 is
// 1979.
func TestWorkReportYearFromFileName(t *testing.T) {
	src := "政府工作报告\n\n各位代表：\n现在，我代表国务院向大会作政府工作报告。\n" +
		"一、1980年国民经济计划的执行情况\n今年上半年，工业总产值比去年同期增长9.5%。\n" +
		"二、1981年国民经济计划的安排\n明年钢产量计划3500万吨。\n"
	m := Parse("national_1980_gov_work_report", []byte(src)).Meta
	if m.Year != 1980 || m.PlanYear != 1981 {
		t.Errorf("years %d (review %d, plan %d), want 1980 (plan 1981)", m.Year, m.ReviewYear, m.PlanYear)
	}
}

// A work report without dated sections, delivered at the end of its year
// (the 1964 report, in December), estimates its own year and plans the
// next: its review year is its own. One delivered early in its year names
// the next year once in passing and keeps the year before as its review.
func TestWorkReportLateInYear(t *testing.T) {
	for _, tc := range []struct {
		src          string
		review, plan int
	}{
		{"一九六四年全国工业总产值，预计比一九六三年增长百分之十五以上。\n" +
			"明年发展国民经济的主要任务是发展农业。\n一九六五年计划草案拟定，农业总产值比一九六四年增长百分之五左右。\n" +
			"一九六五年工业总产值增长百分之十一。\n一九六五年国家预算收支平衡。\n", 1964, 1965},
		{"一九六三年工业总产值预计增长百分之八。\n今年要继续发展农业，明年再作安排。\n一九六五年以后另行规划。\n", 1963, 1964},
	} {
		m := Parse("national_1964_gov_work_report", []byte("政府工作报告\n\n各位代表：\n"+tc.src)).Meta
		if m.Year != 1964 || m.ReviewYear != tc.review || m.PlanYear != tc.plan {
			t.Errorf("%.20s…: years %d (review %d, plan %d), want 1964 (review %d, plan %d)", tc.src, m.Year, m.ReviewYear, m.PlanYear, tc.review, tc.plan)
		}
	}
}

// A heading that names the span (二、“十三五”时期我国发展取得的成就) opens
// a review of several years, whatever its first paragraph says.
func TestSpanHeading(t *testing.T) {
	src := "2021年政府工作报告\n\n一、2020年工作回顾\n\n过去一年，年初剩余的551万农村贫困人口全部脱贫。\n\n二、“十三五”时期我国发展取得的成就\n\n脱贫攻坚成果举世瞩目，5575万农村贫困人口实现脱贫。\n\n三、“十四五”时期主要目标任务\n\n粮食综合生产能力保持在1.3万亿斤以上。\n"
	d := Parse("national_2021_gov_work_report", []byte(src))
	want := map[string]bool{"过去一年": false, "脱贫攻坚": true, "粮食综合": false}
	checkSpans(t, d, want)
}

// A work report whose review of the year past stands before its numbered
// parts, unnumbered (首先报告2001年的工作), dates those paragraphs to it.
func TestUnnumberedLeadReview(t *testing.T) {
	src := "政府工作报告\n\n2002年3月5日在第九届全国人民代表大会第五次会议上\n\n各位代表：\n\n首先报告2001年的工作\n\n国民经济保持良好发展势头。全年国内生产总值达到95933亿元，比上年增长7.3%。\n\n按照这个总体要求，今年要着重做好以下八个方面工作。\n\n一、扩大和培育内需，促进经济较快增长\n\n今年拟发行长期建设国债1500亿元。\n"
	d := Parse("national_2002_gov_work_report", []byte(src))
	found := false
	for pi, p := range d.Paragraphs {
		if strings.Contains(p.Text, "95933") {
			found = true
			if per, year := d.ParagraphPeriod(pi); per != PeriodReview || year != 2001 {
				t.Errorf("lead review: %v %d, want review 2001", per, year)
			}
		}
	}
	if !found {
		t.Error("paragraph not found")
	}
}

// A review of several years that announces its parts (五年来，我们主要做了
// 以下工作：) goes on through the parts' headings, to the next first-level
// heading; the year's parts after it are not the span's.
func TestSpanThroughAnnouncedParts(t *testing.T) {
	src := "2011年政府工作报告\n\n各位代表：\n\n“十一五”时期是极不平凡的五年。\n\n五年来，我们主要做了以下工作：\n\n（一）加强和改善宏观调控\n\n我们注重把握宏观调控的方向。\n\n近两年，面对国际金融危机冲击，我们沉着应对。\n\n（二）毫不放松地做好“三农”工作\n\n去年，粮食产量达到1.09万亿斤。\n\n农业农村基础设施加快建设，完成7356座水库除险加固。\n\n二、2011年的主要任务\n\n今年城镇新增就业900万人。\n\n（一）保持宏观经济政策的连续性\n\n五年来，财政收入较快增长。\n\n（二）加快推进经济结构战略性调整\n\n今年粮食产量稳定。\n"
	d := Parse("national_2011_gov_work_report", []byte(src))
	checkSpans(t, d, map[string]bool{"五年来，我们": true, "我们注重": true, "近两年": true, "去年，粮食": false, "农业农村": true, "今年城镇": false, "今年粮食": false})
}

// A review headed 关于过去五年的政府工作, or opened by 过去的五年, speaks of
// the five years.
func TestSpanHeadingAbout(t *testing.T) {
	src := "1998年政府工作报告\n\n一、关于过去五年的政府工作\n\n第八届全国人民代表大会第一次会议以来的五年，我们取得了巨大成就。\n\n五年铁路正线铺轨总里程11344公里，高速公路增加4083公里。\n\n二、1998年的主要任务\n\n今年经济增长预期8%。\n"
	d := Parse("national_1998_gov_work_report", []byte(src))
	checkSpans(t, d, map[string]bool{"第八届": true, "五年铁路": true, "今年经济": false})
	src = "2003年政府工作报告\n\n一、过去五年工作回顾\n\n2002年经济增长8%。\n\n过去的五年，对外开放迈出新步伐。\n"
	d = Parse("national_2003_gov_work_report", []byte(src))
	checkSpans(t, d, map[string]bool{"2002年": false, "过去的五年": true})
}

// checkSpans checks the Span of the paragraphs that open with want's keys.
func checkSpans(t *testing.T, d *Doc, want map[string]bool) {
	t.Helper()
	for _, p := range d.Paragraphs {
		for prefix, span := range want {
			if strings.HasPrefix(p.Text, prefix) {
				if p.Span != span {
					t.Errorf("%q: span %v, want %v", p.Text, p.Span, span)
				}
				delete(want, prefix)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("paragraphs not found: %v", want)
	}
}

// A numbered line that nearly fills the printed width runs on when the
// next line gives up its indent (a numbered note wrapped under its
// number); one whose next line keeps the indent is a heading.
func TestNumberedLineRunsOn(t *testing.T) {
	body := strings.Repeat("  全年全市地区生产总值比上年增长百分之五点二，经济运行总体平稳\n，发展质量稳步提升，各项事业取得新的进展和成效显著，人民生活\n持续改善。\n", 6)
	src := "2025年某市国民经济和社会发展统计公报\n\n" + body +
		"  3.规模以上工业统计范围为年主营业务收入 2000 万元及以\n上的工业单位。\n" +
		"  （二）政策指导与示范点有效推进5G船舶产业绿色升级发展\n  在精准有力的政策指导下，全省率先提出电动船舶产业发\n展规划。\n"
	// Full lines are 60 wide; the note (52) and the heading (52) stand
	// between 85 % and 90 % of that, where only the indent decides.
	d := Parse("x_2025_stat_bulletin", []byte(src))
	if d.Layout != LayoutPrinted {
		t.Fatalf("layout %v, want printed", d.Layout)
	}
	var joined, heading bool
	for _, p := range d.Paragraphs {
		if strings.Contains(p.Text, "2000万元及以上的工业单位") || strings.Contains(p.Text, "2000 万元及以上的工业单位") {
			joined = true
		}
		if p.Kind == KindHeading && strings.Contains(p.Text, "船舶产业绿色升级") {
			heading = true
		}
	}
	if !joined {
		t.Errorf("the numbered note was cut at its line end: %+v", d.Paragraphs)
	}
	if !heading {
		t.Errorf("the numbered heading whose next line keeps the indent is no heading")
	}
}

// A short sentence that leads into the report (…情况如下：) is its body,
// not front matter, however short.
func TestShortLeadInIsBody(t *testing.T) {
	text := "2025年度某市财政决算收支情况\n\n某市人民政府\n\n经某市财政局汇总，2025年度全市及市本级财政决算收支情况如下：\n\n一、全市财政决算收支情况\n\n2025年全市一般公共预算收入750.55亿元，加上转移性收入等692.70亿元，收入决算结果1443.25亿元。\n"
	d := Parse("mou_2025_final_accounts_report", []byte(text))
	for _, p := range d.Paragraphs {
		if strings.HasPrefix(p.Text, "经某市财政局汇总") {
			if !p.Kind.Searchable() {
				t.Errorf("lead-in read as %s, want searchable", p.Kind)
			}
			return
		}
	}
	t.Errorf("no paragraph of the lead-in: %+v", d.Paragraphs)
}

// A heading whose words happen to spell a place (资金安排: 金安) names no
// region: the report is the city's it names and speaks of as 全市.
func TestRegionNotSpelledAcrossWords(t *testing.T) {
	src := "2025年全市及市本级财政预算执行情况\n\n" +
		"全市一般公共预算收入1262548万元，比上年同期减少91358万元，下降6.7％。赤峰市本级一般公共预算收入345199万元。\n\n" +
		"2026年重点领域资金安排及主要工作情况\n\n" +
		"全市一般公共预算预计收入128.8亿元，比上年增加2.6亿元，增长2％以上。赤峰全市总财力安排574.8亿元。\n"
	if m := Parse("budget", []byte(src)).Meta; m.Region != "赤峰市" {
		t.Errorf("region %q (%s), want 赤峰市", m.Region, m.Level)
	}
}

// A final-accounts report tells how money was arranged in the year it
// accounts for: （五）超收收入安排情况 reviews, where 下一步工作打算 plans.
func TestAccountsArrangedReview(t *testing.T) {
	src := "关于2018年某县财政决算情况的报告\n\n全县一般公共预算收入决算合计1,166,020万元。\n\n" +
		"（五）超收收入安排情况\n\n2018年，全县一般公共预算收入384,430万元，超收收入44,605万元转增预算稳定调节基金。\n\n" +
		"二、下一步工作安排\n\n2019年，全县将继续深化预算管理制度改革，一般公共预算收入增长8%。\n"
	d := Parse("mou_2018_final_accounts_report", []byte(src))
	if d.Meta.Kind != FinalAccounts || d.Meta.ReviewYear != 2018 {
		t.Fatalf("meta %+v", d.Meta)
	}
	want := map[string]Period{"超收收入安排情况": PeriodReview, "下一步工作安排": PeriodPlan}
	for _, s := range d.Sections {
		if w, ok := want[s.Title]; ok {
			if s.Period != w {
				t.Errorf("section %s: period %q, want %q", s.Title, s.Period, w)
			}
			delete(want, s.Title)
		}
	}
	if len(want) > 0 {
		t.Errorf("sections not found: %v", want)
	}
}

// A title typeset apart, as PDF text of some reports is (关  于  洛  阳  市),
// is found and joined over its lines as one set solid.
func TestTitleTypesetApart(t *testing.T) {
	src := "洛阳市十六届人大\n五次会议文件十八\n" +
		"关  于  洛  阳  市  2025年  预  算  执  行  情  况  和\n" +
		"2026年  预  算  （  草  案  ）  的  报  告\n" +
		"—  —  2026年  2月  7日  在  洛  阳  市  第  十  六  届  人  民  代  表  大  会  第  五  次  会  议  上\n" +
		"市  财  政  局\n各  位  代  表  ：\n" +
		"受  市  人  民  政  府  委  托  ，  现  将  洛  阳  市  2025年  预  算  执  行  情  况  报  告  如  下  。\n"
	d := Parse("x", []byte(src))
	if want := "关于洛阳市2025年预算执行情况和2026年预算（草案）的报告"; d.Title != want {
		t.Errorf("title %q, want %q", d.Title, want)
	}
}

// A committee's report on the budget has a title longer than a title line
// usually is, set after the page's clutter and before its signature.
func TestLongCommitteeTitle(t *testing.T) {
	src := "汕头市第十五届人民代表大会第八次会议_汕头人大\n网站首页\n文件公告\n" +
		"汕头市第十五届人民代表大会财政经济委员会关于汕头市2025年预算执行情况和2026年预算草案的审查结果报告\n" +
		"创建时间：\n2026-02-05 17:28\n汕头市第十五届人民代表大会\n庄　怀\n财政经济委员会副主任委员\n会议主席团:\n" +
		"汕头市第十五届人民代表大会第八次会议审查了市人民政府提出的报告。现将审查结果报告如下。\n" +
		"全市一般公共预算收入170.3亿元，增长21.7%。\n"
	d := Parse("guangdong_shantou_2025_budget_report", []byte(src))
	if want := "汕头市第十五届人民代表大会财政经济委员会关于汕头市2025年预算执行情况和2026年预算草案的审查结果报告"; d.Title != want {
		t.Errorf("title %q, want %q", d.Title, want)
	}
}

// An untitled work report that a zone's management committee delivers
// is titled after the committee its opening names, not synthesised from
// its file name: the committee is the body whose report it is.
func TestZoneCommitteeTitle(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"guangdong_shenzhen_dapeng_2014_gov_work_report",
			"各位代表：\n\n现在，我代表大鹏新区管理委员会向大会报告工作，请予审议。\n\n2013年，新区实现生产总值250亿元，增长8%。\n",
			"大鹏新区管理委员会2014年工作报告"},
		// A government delivers it: no committee to name.
		{"guangdong_shenzhen_dapeng_2014_gov_work_report",
			"各位代表：\n\n现在，我代表区人民政府向大会报告工作，请予审议。\n\n2013年，全区实现生产总值250亿元，增长8%。\n",
			""},
	} {
		d := Parse(tc.name, []byte(tc.src))
		if tc.want == "" {
			if strings.Contains(d.Title, "委员会") {
				t.Errorf("%s: title %q names a committee", tc.src[:30], d.Title)
			}
			continue
		}
		if d.Title != tc.want {
			t.Errorf("title %q, want %q", d.Title, tc.want)
		}
	}
}

// A digest of a work report that gives only this year's work opens with
// its targets, not with the year past: 经济社会发展的主要预期目标是 plans.
func TestOpeningTargetsPlan(t *testing.T) {
	src := "2024年保定市政府工作报告\n\n今年政府工作的总体要求是：坚持稳中求进工作总基调。\n\n" +
		"经济社会发展的主要预期目标是：生产总值增长6%以上，一般公共预算收入增长6%以上。\n\n" +
		"2023年，全市生产总值增长5.5%。\n\n" +
		"（一）聚力灾后恢复重建，提升防灾减灾救灾能力。推动各项任务落地落实。\n\n" +
		"（二）聚力创新驱动发展，推动产业转型升级。打造发展新引擎。\n"
	d := Parse("hebei_baoding_2024_gov_work_report", []byte(src))
	if d.Meta.PlanYear != 2024 || d.Meta.ReviewYear != 2023 {
		t.Fatalf("meta %+v", d.Meta)
	}
	for text, want := range map[string]Period{"主要预期目标是": PeriodPlan, "全市生产总值增长5.5%": PeriodReview} {
		s := sentenceWith(t, d, text)
		if per, _ := d.ParagraphPeriod(s.Para); per != want {
			t.Errorf("%q: period %q, want %q", s.Text, per, want)
		}
	}
}

// A plan paragraph that opens with the five years ahead (未来五年, “十四五”
// 时期) gives the targets of their last year; the section's title names
// its period with the situation (“十四五”时期和2021年形势任务).
func TestFiveYearTargets(t *testing.T) {
	src := "各位代表：\n现在，我代表光明区人民政府向大会作报告，请予审议，并请政协委员和其他列席人员提出意见。\n“十三五”时期主要成绩及2020年工作回顾\n\n全年实现地区生产总值1100.7亿元，增长5.7%。\n\n" +
		"“十四五”时期和2021年形势任务\n\n党的十九届五中全会深刻指出，我国已转向高质量发展阶段。\n\n" +
		"未来五年，政府要努力实现以下目标：经济总量质量迈上新台阶，地区生产总值达到1750亿元。\n\n" +
		"2021年工作安排\n\n今年主要预期目标是：地区生产总值增长6%以上。\n"
	d := Parse("guangdong_shenzhen_guangming_2021_gov_work_report", []byte(src))
	for text, want := range map[string]struct {
		per  Period
		year int
	}{
		"1100.7亿元":  {PeriodSpan, 2020},
		"1750亿元":    {PeriodPlan, 2025},
		"党的十九届五中全会": {PeriodPlan, 2021},
		"增长6%以上":    {PeriodPlan, 2021},
	} {
		s := sentenceWith(t, d, text)
		if per, year := d.ParagraphPeriod(s.Para); per != want.per || year != want.year {
			t.Errorf("%q: period %q %d, want %q %d", s.Text, per, year, want.per, want.year)
		}
	}
}

// The five years a plan paragraph opens with end in the future: “十四五”
// 时期 in the report on 2026 is the span past.
func TestPlanHorizon(t *testing.T) {
	d := &Doc{Meta: Meta{PlanYear: 2026}}
	for text, want := range map[string]int{
		"“十四五”时期，上海发展历程极不寻常。":     0,
		"“十五五”时期具有承前启后的重要地位。":     2030,
		"未来五年，政府要努力实现以下目标：":       2030,
		"各位代表！今后五年，我们要坚持稳中求进。":    2030,
		"今年主要预期目标是：地区生产总值增长5%左右。": 0,
	} {
		if got := d.planHorizon(text); got != want {
			t.Errorf("planHorizon(%q) = %d, want %d", text, got, want)
		}
	}
}

// A top-level heading that names its part and year, run into the paragraph
// after it on its own line (一、2013年工作回顾过去的一年，…), is split from
// it; a list item that names no year (一、今年的主要任务是…) is not.
func TestRunInPeriodHeading(t *testing.T) {
	src := "政府工作报告\n\n各位代表：现在，我代表市人民政府，向大会报告工作，请予审议，并请各位政协委员和其他列席人士提出意见。\n\n" +
		"一、2013年工作回顾过去的一年，面对复杂的经济形势和繁重的发展任务，全市上下团结奋进，全市生产总值达到1380亿元，增长9.5%。\n\n" +
		// A paragraph of more than a flattened page's bytes too.
		"二、2014年政府工作主要任务今年是全面贯彻落实党的十八届三中全会精神的开局之年，全市生产总值增长9.5%左右。" +
		strings.Repeat("坚持稳中求进，推动经济社会持续健康发展。", 60) + "\n\n" +
		"一、今年的主要任务是加快转型发展，推动经济社会持续健康发展，全年新增就业5万人以上。\n"
	d := Parse("henan_zhumadian_2014_gov_work_report", []byte(src))
	var titles []string
	for _, s := range d.Sections {
		titles = append(titles, s.Number+s.Title)
	}
	if want := []string{"一、2013年工作回顾", "二、2014年政府工作主要任务"}; !slices.Equal(titles, want) {
		t.Fatalf("sections %q, want %q", titles, want)
	}
	for text, want := range map[string]Period{"1380亿元": PeriodReview, "9.5%左右": PeriodPlan} {
		s := sentenceWith(t, d, text)
		if per, _ := d.ParagraphPeriod(s.Para); per != want {
			t.Errorf("%q: period %q, want %q", s.Text, per, want)
		}
	}
}

// A text without a title or an address is of the kind its file name says
// (guangming_2017_gov_work_report), whatever its opening mentions (“十三五”
// 规划总体目标).
func TestKindFromID(t *testing.T) {
	src := "一、2016年工作回顾\n2016年是“十三五”开局之年，光明新区在市委、市政府的坚强领导下，围绕新区“十三五”规划总体目标，全力推进经济社会发展，全面完成年初确定的各项目标任务。\n" +
		"（一）坚持调结构优质量，经济发展实现新跨越\n预计全年实现地区生产总值725亿元，增长9%。\n" +
		"二、2017年工作安排\n2017年，新区地区生产总值增长9%左右。\n"
	d := Parse("guangdong_shenzhen_guangming_2017_gov_work_report", []byte(src))
	if d.Meta.Kind != WorkReport || d.Meta.Year != 2017 {
		t.Errorf("kind %q year %d, want %q 2017", d.Meta.Kind, d.Meta.Year, WorkReport)
	}
	for id, want := range map[string]string{
		"hebei_handan_2024_stat_bulletin":          StatBulletin,
		"2019年政府工作报告":                              WorkReport,
		"hunan_liuyang_2024_final_accounts_report": FinalAccounts,
		"report": "",
	} {
		if got := idKind(id); got != want {
			t.Errorf("idKind(%s) = %q, want %q", id, got, want)
		}
	}
}

// A paragraph that says a five-year plan's targets were met, with the
// dash-led paragraphs after it, reviews the plan's years; the span ends
// with the dashes.
func TestPlanCompletedDashes(t *testing.T) {
	src := "各位代表：\n现在，我代表区人民政府向大会作工作报告，请予审议，并请政协委员和其他列席人员提出意见。\n" +
		"一、2020年工作回顾及“十三五”发展成绩\n" +
		"2020年，全区地区生产总值增长2.5%。\n" +
		"各位代表，过去的一年也是“十三五”规划的收官之年。在区委的坚强领导下，“十三五”目标任务圆满完成，重点领域取得突破性进展。\n" +
		"——综合实力大幅提升。地区生产总值年均增长8.0%。\n" +
		"——攻坚克难成效显著。全力推进水污染治理，完成治水投资391.6亿元。\n" +
		"同时，全区新增就业1.2万人。\n"
	d := Parse("guangdong_shenzhen_longgang_2021_gov_work_report", []byte(src))
	for text, want := range map[string]Period{"增长2.5%": PeriodReview, "391.6亿元": PeriodSpan, "年均增长8.0%": PeriodSpan, "1.2万人": PeriodReview} {
		s := sentenceWith(t, d, text)
		if per, _ := d.ParagraphPeriod(s.Para); per != want {
			t.Errorf("%q: period %q, want %q", s.Text, per, want)
		}
	}
}

// A crawled page with its body on one line, whose top-level headings name
// no period (一、深入贯彻新发展理念，“加油干2017”成果丰硕) and run into
// paragraphs that open as parts do (刚刚过去的一年, 2018年，是, 各位代表):
// the headings are cut where those openings start, and the parts are read
// by the year their titles name or their first paragraph looks back on.
func TestRunInHeadingsBeforeOpeners(t *testing.T) {
	fill := strings.Repeat("坚持稳中求进工作总基调，推动经济社会持续健康发展。", 30)
	src := "政府工作报告（2018）\n当前位置：首页政务公开政府工作报告 各位代表：现在，我代表管委会向大会报告工作，请予审议。" +
		"一、深入贯彻新发展理念，“加油干2017”成果丰硕刚刚过去的一年，全区地区生产总值增长10%，农村低保标准由3600元提高到3960元。" + fill +
		"二、做好“三篇文章”，全力推进2018年各项工作再上新台阶2018年，是贯彻党的十九大精神的开局之年，农村低保标准提高到4320元。" + fill +
		"三、强化使命担当，以更严更实标准加强政府自身建设各位代表，我们要做到心中有数。" + fill + "\n"
	d := Parse("fujian_pingtan_2018_gov_work_report", []byte(src))
	var titles []string
	for _, s := range d.Sections {
		titles = append(titles, s.Number+s.Title)
	}
	want := []string{"一、深入贯彻新发展理念，“加油干2017”成果丰硕", "二、做好“三篇文章”，全力推进2018年各项工作再上新台阶", "三、强化使命担当，以更严更实标准加强政府自身建设"}
	if !slices.Equal(titles, want) {
		t.Fatalf("sections %q, want %q", titles, want)
	}
	for text, want := range map[string]struct {
		per  Period
		year int
	}{"3960元": {PeriodReview, 2017}, "4320元": {PeriodPlan, 2018}} {
		s := sentenceWith(t, d, text)
		if per, year := d.ParagraphPeriod(s.Para); per != want.per || year != want.year {
			t.Errorf("%q: period %q %d, want %q %d", s.Text, per, year, want.per, want.year)
		}
	}
}

// A report in traditional characters is titled and placed as one in
// simplified ones: 關于溫縣…的報告 names 温县 and a final-accounts report.
func TestTraditionalTitleAndRegion(t *testing.T) {
	src := "關于溫縣2021年財政決算和2022年上半年財政預算執行情況的報告\n" +
		"—— 2022年8月在溫縣第十五屆人大常委會第4次會議上\n" +
		"溫縣財政局局長 唐芳\n主任、各位副主任、各位委員:\n" +
		"2021年,全縣財力收入總計498107萬元,其中:一般公共預算收入103200萬元。\n"
	d := Parse("henan_jiaozuo_2021_final_accounts", []byte(src))
	if m := d.Meta; m.Region != "温县" || m.Kind != FinalAccounts {
		t.Errorf("region %q, kind %q; want 温县, %s", m.Region, m.Kind, FinalAccounts)
	}
	if !strings.HasPrefix(d.Title, "關于溫縣") {
		t.Errorf("title %q, want the printed 關于溫縣…", d.Title)
	}
}

// The speaker's own name may hold a place's (白长海: 长海县 of Liaoning):
// the speaker's line is read up to the office.
func TestSpeakerNameNoPlace(t *testing.T) {
	src := "关于某旗2022年国民经济和社会发展计划执行情况的报告\n" +
		"——2023年1月1日在第十七届人民代表大会第二次会议上\n" +
		"某旗发展和改革委员会主任 白长海\n各位代表:\n" +
		"受旗人民政府委托,我向大会报告全旗2022年国民经济和社会发展计划执行情况。全旗地区生产总值增长5%。\n"
	if m := Parse("plan_2022", []byte(src)).Meta; m.Region == "长海县" {
		t.Errorf("region %q from the speaker's name", m.Region)
	}
}

// The end of a congress line broken over two (六次会议上) is no title: a
// speech without one is the government's work report; a report of the
// audit of a budget's execution (…收支的审计情况) is an audit report.
func TestCongressTailNoTitle(t *testing.T) {
	src := "——2025 年 3 月 30 日在某县第十五届人民代表大会\n六次会议上\n某县人民政府县长 王某\n各位代表:\n" +
		"现在,我代表县人民政府,向大会报告工作,请予审议。\n一、2024年工作回顾\n全县地区生产总值增长5%。\n"
	if m := Parse("mou_2025_work_report", []byte(src)).Meta; m.Kind != WorkReport {
		t.Errorf("kind %q, want %s", m.Kind, WorkReport)
	}
	audit := "省审计厅厅长 某某\n主任、各位副主任、秘书长、各位委员:\n" +
		"我受省人民政府委托,向省人大常委会报告2020年度省级预算执行和其他财政收支的审计情况,请予审议。\n审计发现问题金额40亿元。\n"
	if m := Parse("mou_2020", []byte(audit)).Meta; m.Kind != AuditReport {
		t.Errorf("audit: kind %q, want %s", m.Kind, AuditReport)
	}
}

// When and where a report was delivered, without its dash and broken over
// two lines, is no title; a work report that reviews the year it is
// delivered in plans the next; a date in an untitled report's opening says
// when, not what year it is of; a plan report reposted years later keeps
// the year it plans.
func TestYearsOfLateAndReposted(t *testing.T) {
	for _, c := range []struct {
		name, src              string
		kind                   string
		year, review, planYear int
	}{
		{"mou_2022_work_report", "2022年3月26日在某市第六届\n人民代表大会第一次会议上\n某市市长某某\n各位代表:\n现在,我代表市人民政府向大会报告工作,请予审议。\n一、2021年及本届政府工作回顾\n2021年,全市地区生产总值增长6%。\n",
			WorkReport, 2022, 2021, 2022},
		{"mou_2022_work_report", "——2022年12月24日在某区第十九届人民代表大会第二次会议上\n某区人民政府区长 某某\n各位代表:\n现在,我代表区政府向大会报告工作,请予审议。\n一、2022年政府工作回顾\n2022年,全区地区生产总值增长5%。\n",
			WorkReport, 2022, 2022, 2023},
		{"mou_audit_report", "根据审计法的规定,某县审计局派出审计组,自2025年4月8日至6月25日对2024年度县本级预算执行及决算草案情况进行了审计。\n审计结果表明,2024年度县本级预算执行情况总体较好。\n",
			AuditReport, 2025, 2024, 0},
		{"mou_plan_report", "国民经济和社会发展计划执行情况及国民经济和社会发展计划草案的报告\n\n时间:2022-03-27 10:17:00\n\n各位代表:\n\n受县人民政府委托,现将2007年国民经济和社会发展计划执行情况及2008年国民经济和社会发展计划草案提请县第十六届人大二次会议审议。\n\n一、2007年计划执行情况\n\n全县生产总值增长12%。\n",
			PlanReport, 2008, 2007, 2008},
	} {
		m := Parse(c.name, []byte(c.src)).Meta
		if m.Kind != c.kind || m.Year != c.year || m.ReviewYear != c.review || m.PlanYear != c.planYear {
			t.Errorf("%.30s: %s %d (reviews %d, plans %d); want %s %d (%d, %d)", c.src, m.Kind, m.Year, m.ReviewYear, m.PlanYear, c.kind, c.year, c.review, c.planYear)
		}
	}
}

// A news headline over a report (13.57万亿!全国首个) names no region and no
// kind: the opening tells both (省长…向大会作政府工作报告, the file name's
// province); an audit's published results (审计结果公告) are an audit report.
func TestHeadlineAndAuditResults(t *testing.T) {
	src := "13.57万亿!全国首个\n1月23日上午,广东省十四届人大二次会议在广州开幕。省长王伟中向大会作政府工作报告。\n报告指出:\n●2023年广东地区生产总值达到13.57万亿元、增长4.8%;\n"
	if m := Parse("guangdong_2024_work_report", []byte(src)).Meta; m.Kind != WorkReport || m.Region != "广东省" {
		t.Errorf("headline: kind %q, region %q; want %s of 广东省", m.Kind, m.Region, WorkReport)
	}
	audit := "厦门市审计局关于2014年度市本级预算执行和其他财政收支情况审计结果公告\n\n2014年,市本级一般公共预算收入完成调整后预算的100.5%。\n"
	if m := Parse("xiamen_audit", []byte(audit)).Meta; m.Kind != AuditReport {
		t.Errorf("audit results: kind %q, want %s", m.Kind, AuditReport)
	}
}
