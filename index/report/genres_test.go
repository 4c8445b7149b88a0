package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"reportkb/index/ingest"
)

// The practice documents copied to testdata read as a person says they
// are, in every format, with nothing lost.
func TestTestdataPractice(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/practice/*.*")
	read := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		var want identity
		for _, id := range practiceIdentity {
			if id.file == filepath.Base(f) {
				want = id
			}
		}
		if want.file == "" {
			t.Fatalf("%s: no identity given", f)
		}
		text, err := extract(t, f)
		if errors.Is(err, ingest.ErrNoPdftotext) {
			t.Logf("%s: %v", f, err)
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		read++
		d := Parse("doc", text)
		if bad := wrongIdentity(d, want); len(bad) > 0 {
			t.Errorf("%s: %s", want.file, strings.Join(bad, "; "))
		}
		checkNothingLost(t, want.file, text, d)
		switch want.file {
		case "hunan_xiangxi_2025_stat_bulletin.pdf":
			if n := namedFigures(d); n < 30 {
				t.Errorf("%s: %d table rows with names and named columns", want.file, n)
			}
			if d.Paragraphs[len(d.Paragraphs)-1].Page < 10 {
				t.Errorf("%s: last paragraph on PDF page %d", want.file, d.Paragraphs[len(d.Paragraphs)-1].Page)
			}
		case "liaoning_fuxin_2025_final_accounts_report.html":
			// 全市 and 市本级 figures told apart, by budget.
			s := sentenceWith(t, d, "市本级2025年一般公共预算收入为14.63亿元")
			if s.Scope != "市本级" || d.Paragraphs[s.Para].Fund != FundGeneral {
				t.Errorf("%s: scope %q fund %q of %q", want.file, s.Scope, d.Paragraphs[s.Para].Fund, s.Text)
			}
			s = sentenceWith(t, d, "全市2025年政府性基金预算收入为22.79亿元")
			if s.Scope != "全市" || d.Paragraphs[s.Para].Fund != FundGov {
				t.Errorf("%s: scope %q fund %q of %q", want.file, s.Scope, d.Paragraphs[s.Para].Fund, s.Text)
			}
		}
	}
	if read < 3 {
		t.Errorf("read %d of the practice documents in testdata", read)
	}
}

// A gazette's running headers and page numbers fall anywhere, mid-sentence
// too: they are kept out of the text, and the page is the PDF's.
func TestGazette(t *testing.T) {
	pdf := "××市人民政府公报  2023年第5期\n关于××市2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n" +
		"各位代表：\n一、2022年计划执行情况\n全市经济持续恢复，工业生产稳中有升，全年\n规模\n32\n\f" +
		"××市人民政府公报  2023年第5期\n以上工业增加值增长5.2%，固定资产投资增长\n6.1%。\n33\n\f" +
		"××市人民政府公报  2023年第5期\n二、2023年计划安排\n地区生产总值增长6%左右。\n34\n\f" +
		"××市人民政府公报  2023年第5期\n城镇新增就业3万人。\n35\n\f"
	d := Parse("gazette", []byte(pdf))
	checkNothingLost(t, "gazette", []byte(pdf), d)
	s := sentenceWith(t, d, "规模以上工业增加值增长5.2%")
	if !strings.Contains(s.Text, "全年规模以上工业增加值增长5.2%，固定资产投资增长6.1%。") {
		t.Errorf("sentence across the page: %q", s.Text)
	}
	if s.Page != 1 {
		t.Errorf("sentence on page %d, want the PDF's page 1", s.Page)
	}
	if p := sentenceWith(t, d, "城镇新增就业3万人"); p.Page != 4 {
		t.Errorf("last sentence on page %d, want 4", p.Page)
	}
	for _, p := range d.Paragraphs {
		if strings.Contains(p.Text, "人民政府公报") && p.Kind.Searchable() {
			t.Errorf("running header in %s paragraph %q", p.Kind, p.Text)
		}
	}
	if len(d.Footers) != 4 || d.Footers[0].Page != 32 {
		t.Errorf("footers = %+v, want the printed pages 32–35", d.Footers)
	}
	// The same as text without form feeds: the masthead and the page
	// numbers beside it.
	text := strings.ReplaceAll(pdf, "\f", "")
	d = Parse("gazette", []byte(text))
	checkNothingLost(t, "gazette text", []byte(text), d)
	s = sentenceWith(t, d, "规模以上工业增加值增长5.2%")
	if !strings.Contains(s.Text, "全年规模以上工业") {
		t.Errorf("sentence across the page: %q", s.Text)
	}
	if s.Page != 32 {
		t.Errorf("printed page %d, want 32: the footer 32 closes the page it starts on", s.Page)
	}
	if p := sentenceWith(t, d, "城镇新增就业3万人"); p.Page != 35 {
		t.Errorf("last sentence on printed page %d, want 35", p.Page)
	}
}

// A report that prints no title (it opens with 各位代表：) is named from
// what it says of itself, the names marked inferred.
func TestUntitled(t *testing.T) {
	text := "各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议，并请市政协委员和其他列席人员提出意见。\n" +
		"一、2012年宜春市政府工作回顾\n2012年，面对复杂严峻的形势，全市上下攻坚克难，我市经济保持平稳较快增长。全市地区生产总值增长11%。\n" +
		"二、2013年工作安排\n2013年全市经济社会发展的主要预期目标是：地区生产总值增长10%。\n"
	d := Parse("untitled", []byte(text))
	m := d.Meta
	if d.Title != "2013年宜春市政府工作报告" || m.Region != "宜春市" || m.Level != "city" || m.Kind != WorkReport ||
		m.Year != 2013 || m.ReviewYear != 2012 || m.PlanYear != 2013 {
		t.Errorf("title %q meta %+v", d.Title, m)
	}
	if !m.IsInferred(InferredTitle) || !m.IsInferred(InferredKind) || m.IsInferred(InferredRegion) {
		t.Errorf("inferred = %v, want title and kind (the region is in a heading)", m.Inferred)
	}
	// Only the text says where: the place it names most at the level it
	// speaks of itself (全市, 我市).
	text = "各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n一、过去一年的工作回顾\n" +
		"过去一年，全市上下奋力拼搏，我市地区生产总值突破千亿元，吉安经济实力明显增强。吉安获评全国文明城市，井冈山、遂川县、万安县旅游收入增长20%。\n" +
		"二、今年的主要任务\n全市地区生产总值增长8%，吉安要在全省争先进位。\n"
	d = Parse("吉安", []byte(text))
	if m := d.Meta; m.Region != "吉安市" || !m.IsInferred(InferredRegion) {
		t.Errorf("region %q inferred %v, want 吉安市 inferred", m.Region, m.Inferred)
	}
	// A county-level city's own report (全市, 江阴市 named) is the
	// county-level city's; a city's report that names one of its
	// county-level cities beside three of its other counties and districts
	// is the city's.
	for _, c := range []struct{ text, want, level string }{
		{"过去一年，全市上下奋力拼搏，江阴市地区生产总值增长6%。\n全市一般公共预算收入增长5%，江阴市综合实力继续位居全国百强县前列。\n", "江阴市", "county"},
		{"全市一般公共预算收入增长5%。\n汝州市、舞钢市、叶县、郏县、鲁山县收入均有增长，汝州市增长8%。\n全市支出增长3%。\n", "平顶山市", "city"},
	} {
		d = Parse("doc", []byte(c.text))
		if m := d.Meta; m.Region != c.want || m.Level != c.level {
			t.Errorf("%s: region %q (%s), want %s (%s)", c.text, m.Region, m.Level, c.want, c.level)
		}
	}
}

// Figures on lines of their own stay apart (a table flattened to lines,
// 17.8 and 16), while a figure a printed line wraps reads whole.
func TestFiguresApart(t *testing.T) {
	text := "地区生产总值增速\n17.8\n16\n全年完成。\n"
	d := Parse("apart", []byte(text))
	if s := sentenceWith(t, d, "地区生产总值增速"); !strings.Contains(s.Text, "17.8 16") {
		t.Errorf("sentence %q fuses the figures", s.Text)
	}
	// Printed lines of 20 characters, one breaking a figure: 202 / 5年.
	para := "过去一年全区上下团结一心攻坚克难各项工作取得新进展地区生产总值比上年增长了202" + // 40 characters
		"5年的目标，人民生活水平持续提高，社会大局保持稳定，各项事业全面进步，发展质量稳步提升。" +
		strings.Repeat("这是一段足够长的印刷文字用来撑满一整行的宽度而已没有别的意思只为测试", 8)
	lines := []string{"关于某区2025年工作的报告", "各位代表："}
	for rs := []rune(para); len(rs) > 0; {
		n := min(20, len(rs))
		lines = append(lines, string(rs[:n]))
		rs = rs[n:]
	}
	printed := strings.Join(lines, "\n") + "\n"
	d = Parse("printed", []byte(printed))
	if d.Layout != LayoutPrinted {
		t.Fatalf("layout %s", d.Layout)
	}
	if s := sentenceWith(t, d, "地区生产总值比上年增长了"); !strings.Contains(s.Text, "增长了2025年") {
		t.Errorf("wrapped figure: %q", s.Text)
	}
}

// Statistical bulletins: chart captions stand apart, notes are notes.
func TestCaptionsAndNotes(t *testing.T) {
	text := "2025年某市国民经济和社会发展统计公报[1]\n一、综合[2]\n全年地区生产总值5000亿元，比上年增长5.0%。\n" +
		"图4 2021-2025年地区生产总值及其增长速度\n年末常住人口900万人。\n注：本公报中部分数据因四舍五入的原因，存在总计与分项合计不等的情况。\n" +
		"[1] 本公报中数据均为初步统计数。\n[2] 规模以上工业指年主营业务收入2000万元及以上的工业企业。\n"
	d := Parse("bulletin", []byte(text))
	if d.Title != "2025年某市国民经济和社会发展统计公报" {
		t.Errorf("title %q: the endnote marker is no part of it", d.Title)
	}
	kinds := map[string]Kind{}
	for _, p := range d.Paragraphs {
		kinds[p.Text] = p.Kind
	}
	for text, want := range map[string]Kind{
		"图4 2021-2025年地区生产总值及其增长速度":        KindCaption,
		"年末常住人口900万人。":                     KindBody,
		"[1]本公报中数据均为初步统计数。":                KindNote,
		"[2]规模以上工业指年主营业务收入2000万元及以上的工业企业。": KindNote,
	} {
		if kinds[text] != want {
			t.Errorf("%q is %q, want %q (%v)", text, kinds[text], want, kinds)
		}
	}
	if d.Meta.Kind != StatBulletin || d.Meta.ReviewYear != 2025 || d.Meta.Year != 2026 {
		t.Errorf("meta %+v", d.Meta)
	}
}

// Budget reports: whose figures (全市, 市本级), which budget, which side.
func TestScopes(t *testing.T) {
	text := "关于宜春市2025年预算执行情况和2026年预算草案的报告\n各位代表：\n一、2025年预算执行情况\n（一）全市及市级预算执行情况\n" +
		"1．一般公共预算完成情况。全市收入311.8亿元，增长1.8%。支出618.7亿元，增长3.2%。\n" +
		"市本级收入34.9亿元。支出157.9亿元，下降16.4%。\n" +
		"2．政府性基金预算完成情况。全市收入86.8亿元。\n" +
		"（二）市本级社会保险基金预算\n收入102.8亿元，增长10.8%。\n"
	d := Parse("budget", []byte(text))
	for _, c := range []struct{ sentence, scope, fund string }{
		{"全市收入311.8亿元", "全市", FundGeneral},
		{"支出618.7亿元", "全市", FundGeneral},
		{"市本级收入34.9亿元", "市本级", FundGeneral},
		{"支出157.9亿元", "市本级", FundGeneral},
		{"全市收入86.8亿元", "全市", FundGov},
		{"收入102.8亿元", "市本级", FundSocial},
	} {
		s := sentenceWith(t, d, c.sentence)
		if s.Scope != c.scope || d.Paragraphs[s.Para].Fund != c.fund {
			t.Errorf("%q: scope %q fund %q, want %q %q", s.Text, s.Scope, d.Paragraphs[s.Para].Fund, c.scope, c.fund)
		}
	}
	if sec := d.Sections[1]; sec.Scope != "全市及市本级" {
		t.Errorf("section %q scope %q", sec.Title, sec.Scope)
	}
}

// A title that opens with the report's own region before a budget is the
// whole region's, beside one of its own level (州本级), and no other
// level's scope carries into it.
func TestRegionTitleScope(t *testing.T) {
	text := "关于红河州2025年预算执行情况和2026年预算草案的报告\n各位代表：\n" +
		"一、州本级“三公”经费和政府债务情况\n州本级“三公”经费预算安排0.2亿元。\n" +
		"（一）红河州地方政府一般债务限额和余额情况\n2024年末地方政府一般债务余额271.74亿元。\n" +
		"（二）红河州州本级政府一般债务限额和余额情况\n2024年末地方政府一般债务余额127.92亿元。\n" +
		"（三）昆明市地方政府一般债务情况\n余额8.8亿元。\n"
	d := Parse("budget", []byte(text))
	if d.Meta.Region != "红河哈尼族彝族自治州" {
		t.Fatalf("region %q", d.Meta.Region)
	}
	for _, c := range []struct{ sentence, scope string }{
		{"余额271.74亿元", "全州"},
		{"余额127.92亿元", "州本级"},
		{"余额8.8亿元", "州本级"}, // another region's: the section's scope holds
	} {
		if s := sentenceWith(t, d, c.sentence); s.Scope != c.scope {
			t.Errorf("%q: scope %q, want %q", s.Text, s.Scope, c.scope)
		}
	}
	for _, c := range []struct {
		title string
		want  bool
	}{
		{"一、红河州地方政府一般债务限额和余额情况", true},
		{"（二）红河州一般公共预算收支情况", true},
		{"红河州州本级政府一般债务", false},
		{"红河州经济社会发展情况", false},
		{"昆明市地方政府一般债务", false},
	} {
		if got := RegionOpens(c.title, "红河哈尼族彝族自治州"); got != c.want {
			t.Errorf("RegionOpens(%q) = %v, want %v", c.title, got, c.want)
		}
	}
}

// An unnumbered part title (关于2020年市级一般公共支出预算的说明) in a
// page of one paragraph per line heads the numbered sections after it and
// dates them; it is not run into the paragraph that follows.
func TestPartTitle(t *testing.T) {
	text := "全市和市级2019年预算执行情况及2020年预算编制说明\n一、2019年预算执行情况\n2019年市级一般公共预算支出完成61.5亿元，增长5.2%。\n" +
		"关于2020年市级一般公共支出预算的说明\n2020年市级一般公共支出预算总计82.5亿元。\n一、市级主要项目支出情况\n2、预备费1.5亿元。\n"
	d := Parse("budget", []byte(text))
	s := sentenceWith(t, d, "预备费1.5亿元")
	if per, year := d.ParagraphPeriod(s.Para); per != PeriodPlan || year != 2020 {
		t.Errorf("%q: period %q %d, want plan 2020", s.Text, per, year)
	}
	if s := sentenceWith(t, d, "预算总计82.5亿元"); strings.Contains(s.Text, "说明") {
		t.Errorf("the part title ran into its paragraph: %q", s.Text)
	}
	for _, c := range []struct {
		line string
		want bool
	}{
		{"关于2020年市级一般公共支出预算的说明", true},
		{"关于2019年政府债务举借情况的说明", true},
		{"关于加快推进新型工业化的意见，现提出如下", false},
		{"一、关于2020年预算的说明", false},
	} {
		if got := isPartTitle(c.line); got != c.want {
			t.Errorf("isPartTitle(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// In a printed layout a part title may run over two lines (关于 2024 年度
// 全省一般公共预算 / 收入决算情况的说明); it heads what follows, whose scope
// it names, and is not run into the paragraph after it.
func TestPartTitlePrinted(t *testing.T) {
	text := "2024年度某省财政决算收支情况\n\n   一、全省财政决算收支情况\n" +
		"   2024 年全省一般公共预算收入 3615.29 亿元，债务收入 1200.5 亿元，转移性收入\n3800.9 亿元，收入总计 8616.7 亿元，支出总计 8600.1 亿元，收支相抵后结余\n16.6 亿元。\n" +
		"   二、省本级财政决算收支情况\n" +
		"   2024 年省本级一般公共预算收入 352.9 亿元，债务收入 497.5 亿元，转移性收入\n3800.9 亿元，收入总计 4651.3 亿元，支出总计 4640.2 亿元，收支相抵后结余\n11.1 亿元。\n" +
		"           关于 2024 年度全省一般公共预算\n                收入决算情况的说明\n\n" +
		"   2024 年全省地方一般公共预算收入决算数为 3615.29 亿元，比上年决算数增加\n\n23.25 亿元，增长 0.6%。具体情况如下：\n\n" +
		"   12.契税决算数为 1677822 万元，比上年决算数减少 282210 万元，下降 14.4%。\n"
	d := Parse("final", []byte(text))
	if s := sentenceWith(t, d, "契税决算数"); s.Scope != "全省" {
		t.Errorf("%q: scope %q, want 全省", s.Text, s.Scope)
	}
	if s := sentenceWith(t, d, "决算数为3615.29亿元"); strings.Contains(s.Text, "说明") {
		t.Errorf("the part title ran into its paragraph: %q", s.Text)
	}
}

// Tables of cells apart by spaces (a PDF's layout) and by tabs (a web
// page): rows named, figures under named columns, units.
func TestGridTables(t *testing.T) {
	aligned := "2024年度某省一般公共预算支出决算表\n" +
		"                                                       单位：万元\n" +
		"                                            决算数为调整 决算数为上\n" +
		"      项目         调整预算数         决算数\n" +
		"                                             预算数的% 年决算数的%\n" +
		"一、一般公共服务支出         5,065,965    4,837,947       95.5     101.4\n" +
		"二、公共安全支出           3,817,802    3,715,822       97.3     106.1\n" +
		"十四、金融支出              149,212      107,269       71.9      53.3\n"
	d := Parse("aligned", []byte(aligned))
	if len(d.Tables) != 1 {
		t.Fatalf("%d tables", len(d.Tables))
	}
	tb := d.Tables[0]
	wantCols := "调整预算数|决算数|决算数为调整预算数的%|决算数为上年决算数的%"
	if strings.Join(tb.Columns, "|") != wantCols || tb.Unit != "万元" || tb.Caption != "2024年度某省一般公共预算支出决算表" {
		t.Errorf("columns %q unit %q caption %q", tb.Columns, tb.Unit, tb.Caption)
	}
	row := tb.Rows[2]
	if row.Name != "十四、金融支出" || len(row.Cells) != 4 || row.Cells[1].Text != "107,269" || row.Cells[1].Unit != "万元" || row.Cells[3].Unit != "%" {
		t.Errorf("row %+v", row)
	}
	if got := aligned[row.Cells[1].Start:row.Cells[1].End]; got != "107,269" {
		t.Errorf("cell bytes %q", got)
	}
	tabbed := "表2 2025年全社会用电量\n指标\t绝对数（亿千瓦时）\t比上年增长（%）\n全社会用电量\t457.73\t-6.8\n第一产业\t1.87\t3.4\n" +
		"表3 主要产品产量\n产品名称\t单位\t产量\t比上年增长（%）\n天然原油\t万吨\t652.43\t0.7\n"
	d = Parse("tabbed", []byte(tabbed))
	if len(d.Tables) != 2 {
		t.Fatalf("%d tables", len(d.Tables))
	}
	t1, t2 := d.Tables[0], d.Tables[1]
	if t1.Caption != "表22025年全社会用电量" || strings.Join(t1.Columns, "|") != "绝对数（亿千瓦时）|比上年增长（%）" ||
		t1.Rows[0].Name != "全社会用电量" || t1.Rows[0].Cells[0].Unit != "亿千瓦时" || t1.Rows[0].Cells[1].Unit != "%" {
		t.Errorf("table 1: %+v", t1)
	}
	if strings.Join(t2.Columns, "|") != "产量|比上年增长（%）" || t2.Rows[0].Name != "天然原油" ||
		t2.Rows[0].Cells[0].Unit != "万吨" || t2.Rows[0].Cells[1].Unit != "%" {
		t.Errorf("table 2: %+v", t2)
	}
	checkNothingLost(t, "tabbed", []byte(tabbed), d)
}

// Tables whose cells bars part: a Markdown table (its |---| rule under
// the header no header of its own) and a web page's table copied as text
// (建筑业 | 55070 | 23.93 |), read as tabbed tables are, cell offsets and
// all.
func TestBarTables(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"markdown", "全年全县地区生产总值341881万元，比上年增长7.23%。\n\n表1　2023年全县地区生产总值\n\n" +
			"| 指标 | 绝对数（万元） | 增长（%） |\n|---|---:|:---:|\n| 地区生产总值 | 341881 | 7.23 |\n| 建筑业 | 55070 | 23.93 |\n\n全年粮食产量10.2万吨。\n"},
		{"web", "全年全县地区生产总值341881万元，比上年增长7.23%。\n表1:2023年全县地区生产总值 | |||\n" +
			"指标 | 绝对数（万元） | 增长（%） |\n地区生产总值 | 341881 | 7.23 |\n分行业 | -- | -- |\n建筑业 | 55070 | 23.93 |\n全年粮食产量10.2万吨。\n"},
	} {
		d := Parse(tc.name, []byte(tc.src))
		if len(d.Tables) != 1 {
			t.Errorf("%s: %d tables", tc.name, len(d.Tables))
			continue
		}
		tb := d.Tables[0]
		if tb.Caption != "表12023年全县地区生产总值" && tb.Caption != "表1:2023年全县地区生产总值" {
			t.Errorf("%s: caption %q", tc.name, tb.Caption)
		}
		if got := strings.Join(tb.Columns, "|"); got != "绝对数（万元）|增长（%）" {
			t.Errorf("%s: columns %q", tc.name, got)
		}
		var row *Row
		for i := range tb.Rows {
			if tb.Rows[i].Name == "建筑业" {
				row = &tb.Rows[i]
			}
		}
		if row == nil || len(row.Cells) != 2 || row.Cells[0].Unit != "万元" || row.Cells[1].Unit != "%" {
			t.Errorf("%s: rows %+v", tc.name, tb.Rows)
			continue
		}
		if got := tc.src[row.Cells[0].Start:row.Cells[0].End]; got != "55070" {
			t.Errorf("%s: cell bytes %q", tc.name, got)
		}
		checkNothingLost(t, tc.name, []byte(tc.src), d)
	}
}

// A web page's table copied as text one cell a line (收入 / 执行数 / 支出 /
// 执行数, then names each followed by their figure) is read as rows of a
// name and its figures, the prose after it a paragraph of its own.
func TestStackedTable(t *testing.T) {
	src := "关于某县2022年预算执行情况和2023年预算草案的报告\n\n一、2022年预算执行情况\n\n1.全县一般公共预算\n\n2022年全县一般公共预算收支平衡表\n\n单位:万元\n\n收    入\n\n执行数\n\n支    出\n\n执行数\n\n" +
		"总   计\n\n846531\n\n总   计\n\n846531\n\n一、本级收入\n\n167500\n\n一、本级支出\n\n701553\n\n调入资金\n\n69100\n\n" +
		"——全县一般公共预算收入完成16.75亿元，增长23%。\n"
	d := Parse("chongqing_pengshui_2023_budget_report", []byte(src))
	if len(d.Tables) != 1 {
		t.Fatalf("%d tables", len(d.Tables))
	}
	tb := d.Tables[0]
	if tb.Caption != "2022年全县一般公共预算收支平衡表" || tb.Unit != "万元" || strings.Join(tb.Columns, "|") != "执行数" {
		t.Errorf("caption %q unit %q columns %q", tb.Caption, tb.Unit, tb.Columns)
	}
	var names []string
	for _, r := range tb.Rows {
		names = append(names, r.Name)
		if len(r.Cells) != 1 || r.Cells[0].Unit != "万元" || src[r.Cells[0].Start:r.Cells[0].End] != r.Cells[0].Text {
			t.Errorf("row %q cells %+v", r.Name, r.Cells)
		}
	}
	if got := strings.Join(names, "|"); got != "总计|总计|一、本级收入|一、本级支出|调入资金" {
		t.Errorf("rows %s", got)
	}
	s := sentenceWith(t, d, "16.75亿元")
	if !strings.HasPrefix(s.Text, "——全县") {
		t.Errorf("prose joined to the table: %q", s.Text)
	}
	checkNothingLost(t, "stacked", []byte(src), d)
	// Short lines of words, no title before them: no table.
	d = Parse("x", []byte("二、主要措施\n\n加强管理\n\n2023\n\n优化服务\n\n2024\n\n提升效能\n\n2025\n"))
	if len(d.Tables) != 0 {
		t.Errorf("%d tables in a list without a title", len(d.Tables))
	}
}

// A title-less table a page's text gives one cell a line (主要产品产量 /
// 2023年 / 较上年增长(%) / 粮食总产量 / 162817吨 / 0.5 …) is read with its
// header words as columns; a year over them is no figure.
func TestStackedTableColumns(t *testing.T) {
	src := "2023年子洲县国民经济和社会发展统计公报\n\n二、农业\n\n全年粮食总产量16.28万吨，较上年增长0.5%。\n\n主要产品产量\n\n\n2023年\n\n较上年增长(%)\n\n" +
		"粮食总产量\n\n162817吨\n\n0.5\n\n其中:谷物\n\n97658吨\n\n-9.7\n\n          豆类\n\n26084吨\n\n49.1\n\n" +
		"畜牧业生产情况\n\n2023年\n\n较上年增长(%)\n\n当年出栏猪\n\n44383头\n\n4.4\n"
	d := Parse("shaanxi_yulin_zizhou_2023_stat_bulletin", []byte(src))
	if len(d.Tables) != 1 {
		t.Fatalf("%d tables", len(d.Tables))
	}
	tb := d.Tables[0]
	if tb.Caption != "主要产品产量" || strings.Join(tb.Columns, "|") != "2023年|较上年增长(%)" || len(tb.Rows) != 3 {
		t.Fatalf("caption %q columns %q rows %+v", tb.Caption, tb.Columns, tb.Rows)
	}
	r := tb.Rows[2]
	if r.Name != "豆类" || len(r.Cells) != 2 || r.Cells[0].Text != "26084吨" || r.Cells[1].Text != "49.1" || r.Cells[1].Unit != "%" {
		t.Errorf("row %+v", r)
	}
	checkNothingLost(t, "stacked columns", []byte(src), d)
}

// TestGarbledFront: the debris of a font without a text layer at the head
// of a text (ದնੂՑ, čĎ) is no title.
func TestGarbledFront(t *testing.T) {
	text := " \nದնੂՑ\nčĎ\n——ࢽ\nၿԫ൧ҍᆟऄ\n各位代表：\n受市人民政府委托，现将银川市2025年预算执行情况和2026年预算草案提请市十六届人大五次会议审议。\n" +
		"一、2025年预算执行情况\n全市一般公共预算收入完成176.71亿元，增长3%。\n"
	d := Parse("garbled", []byte(text))
	for _, bad := range []string{"ದ", "č", "ࢽ", "ၿ"} {
		if strings.Contains(d.Title, bad) {
			t.Errorf("title %q holds the debris %q", d.Title, bad)
		}
	}
	for _, p := range d.Paragraphs {
		if p.Kind != KindClutter && strings.ContainsAny(p.Text, "ದčࢽၿ") {
			t.Errorf("debris kept as %s: %q", p.Kind, p.Text)
		}
	}
	for _, c := range []struct {
		s    string
		want bool
	}{{"ದնੂՑ", true}, {"čĎ", true}, {"——", false}, {"一、综合", false}, {"GDP", false}, {"Café 2025", false}} {
		if got := garbled(c.s); got != c.want {
			t.Errorf("garbled(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// A report whose first lines are glyphs a PDF's fonts mapped to no known
// characters, and whose title is lost: the junk titles nothing, and the
// opening sentence says what kind of report it is.
func TestJunkTitleLines(t *testing.T) {
	text := "ದնੂՑ\n\nꯁ ꯔ\n\n各位代表：\n受市人民政府委托，向大会报告2025年银川市及市本级预算执行情况和2026年银川市及市本级预算草案，请予审议。\n" +
		"一、2025年预算执行情况\n全市一般公共预算收入完成176.71亿元，增长3%。\n"
	d := Parse("ningxia_yinchuan_2025_budget_report", []byte(text))
	if d.Meta.Kind != BudgetReport || strings.ContainsAny(d.Title, "ದնੂՑꯁ") {
		t.Errorf("title %q, kind %q; want a budget report titled by its text", d.Title, d.Meta.Kind)
	}
	for s, want := range map[string]bool{"ದնੂՑ": false, "政府工作报": true, "告": true, "ꯁ ꯔ 报": false} {
		if got := readable(s); got != want {
			t.Errorf("readable(%q) = %v, want %v", s, got, want)
		}
	}
	for opening, want := range map[string]string{
		"现在，我代表市人民政府，向大会报告政府工作，请予审议。":               "",
		"受市人民政府委托，向大会报告2025年预算执行情况和2026年预算草案，请予审议。": BudgetReport,
		"受市人民政府委托，现将2024年市级决算情况报告如下。":               FinalAccounts,
	} {
		if got := reportedKind(opening); got != want {
			t.Errorf("reportedKind(%q) = %q, want %q", opening, got, want)
		}
	}
}

// A saved page's header of fields (标题, 发文单位, 发文时间, 来源URL, 正文)
// gives the title; the other fields are clutter, and the title's span is
// that of the title alone.
func TestFieldHeader(t *testing.T) {
	text := "标题：2025年保定市政府工作报告\n发文单位：保定市人民政府\n发文时间：未知\n" +
		"来源URL：http://district.ce.cn/newarea/roll/202502/17/t20250217_39294147.shtml\n\n正文：\n\n" +
		"——2025年1月21日在保定市第十六届人民代表大会第六次会议上\n闫继红\n各位代表：\n" +
		"现在，我代表保定市人民政府向大会报告工作，请予审议。\n一、2024年工作回顾\n全市生产总值增长5.5%。\n" +
		"二、2025年主要目标\n生产总值增长5.5%左右。\n"
	d := Parse("doc", []byte(text))
	m := d.Meta
	if d.Title != "2025年保定市政府工作报告" || m.Kind != WorkReport || m.Region != "保定市" ||
		m.Year != 2025 || m.ReviewYear != 2024 || m.PlanYear != 2025 {
		t.Errorf("title %q meta %+v", d.Title, m)
	}
	for _, p := range d.Paragraphs {
		if p.Kind == KindTitle && text[p.Start:p.End] != "2025年保定市政府工作报告" {
			t.Errorf("title span %q", text[p.Start:p.End])
		}
		if p.Kind != KindClutter && (strings.HasPrefix(p.Text, "发文") || strings.HasPrefix(p.Text, "来源URL") || strings.HasPrefix(p.Text, "正文")) {
			t.Errorf("field line %q read as %v", p.Text, p.Kind)
		}
	}
}

// The header of fields may be written in Markdown under a heading of the
// wrapper's own (# 源材料, - **标题**：…): the title field still gives the
// title, the heading and the other fields, long ones too, are clutter.
func TestMarkdownFieldHeader(t *testing.T) {
	text := "# 源材料（真实世界材料 · 未经改写）\n\n- **标题**：中华人民共和国2024年国民经济和社会发展统计公报\n" +
		"- **发布机构**：国家统计局\n- **发布日期**：2025年2月28日\n" +
		"- **转换说明**：curl 原样抓取；仅去除 HTML 标签与站点导航噪音；**表格按行还原**（单元格以「 | 」分隔），正文未改写。\n\n---\n\n" +
		"初步核算，全年国内生产总值1349084亿元，比上年增长5.0%。其中，第一产业增加值91414亿元，比上年增长3.5%。\n"
	d := Parse("doc", []byte(text))
	m := d.Meta
	if d.Title != "中华人民共和国2024年国民经济和社会发展统计公报" || m.Kind != StatBulletin || m.ReviewYear != 2024 {
		t.Errorf("title %q meta %+v", d.Title, m)
	}
	for _, p := range d.Paragraphs {
		if p.Kind != KindClutter && p.Kind != KindTitle && !strings.Contains(p.Text, "国内生产总值") {
			t.Errorf("%q read as %v", p.Text, p.Kind)
		}
	}
}

// A scraper's header in English (SOURCE:, FETCHED:, SHA256(raw):) and the
// rule under it are clutter.
func TestScraperHeader(t *testing.T) {
	text := "SOURCE: https://szb.example.cn/pc/cont/202301/31/content_85005.html\nFETCHED: 2026-06-13\n" +
		"SHA256(raw): 405136d6105285d7b7ad340dc7b789cb48ec3eb609c827b4ec8dc88bbd3a4419\nPROVINCES: 贵州\n" +
		"============================================================\n\n贵州省2022年预算执行情况和2023年预算草案的报告\n\n" +
		"各位代表：\n\n受省人民政府委托，现将2022年预算执行情况和2023年预算草案提请审查。全省一般公共预算收入1886.4亿元。\n"
	d := Parse("doc", []byte(text))
	for _, p := range d.Paragraphs {
		if p.Kind != KindClutter && (strings.HasPrefix(p.Text, "SOURCE") || strings.HasPrefix(p.Text, "FETCHED") ||
			strings.HasPrefix(p.Text, "SHA256") || strings.HasPrefix(p.Text, "PROVINCES") || strings.HasPrefix(p.Text, "===")) {
			t.Errorf("header line %q read as %v", p.Text, p.Kind)
		}
	}
	if d.Title != "贵州省2022年预算执行情况和2023年预算草案的报告" || d.Meta.PlanYear != 2023 {
		t.Errorf("title %q meta %+v", d.Title, d.Meta)
	}
}

// A file of tables is named by its first table's caption, its table and
// page numbers dropped; group headings over sub-headings (2024年债务限额
// over 一般债务, 专项债务) head all the columns under them, and formula
// letters (A=B+C, B) name none.
func TestTableFile(t *testing.T) {
	data, err := os.ReadFile("../../testdata/debt_tables.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	d := Parse("doc", []byte(text))
	if m := d.Meta; d.Title != "青海省2024年地方政府债务限额及余额预算情况表" || m.Region != "青海省" || m.Year != 2024 {
		t.Errorf("title %q meta %+v", d.Title, m)
	}
	if len(d.Tables) == 0 {
		t.Fatal("no tables")
	}
	want := []string{"2024年债务限额", "2024年债务限额·一般债务", "2024年债务限额·专项债务",
		"2024年债务余额预计执行数", "2024年债务余额预计执行数·一般债务", "2024年债务余额预计执行数·专项债务"}
	if got := d.Tables[0].Columns; !slices.Equal(got, want) {
		t.Errorf("columns %q, want %q", got, want)
	}
	// The names' header spread over cells (地   区) names no column either.
	spread := strings.NewReplacer("地 区", "地   区", "公 式", "公   式").Replace(text)
	d = Parse("doc", []byte(spread))
	if got := d.Tables[0].Columns; !slices.Equal(got, want) {
		t.Errorf("地   区: columns %q, want %q", got, want)
	}
}

// A column's brackets give its unit (绝对数（亿千瓦时）) but not which
// figure it is (2018年债务余额（决算数）) nor its period or scope.
func TestBracketUnit(t *testing.T) {
	for col, want := range map[string]string{
		"绝对数（亿千瓦时）":      "亿千瓦时",
		"比上年增长(%)":       "%",
		"2018年债务余额（决算数）": "",
		"支出（调整后）":        "",
		"收入（含开发区）":       "",
	} {
		if got := bracketUnit(col); got != want {
			t.Errorf("bracketUnit(%q) = %q, want %q", col, got, want)
		}
	}
}

// Unnumbered headings that open the plan part: 2026年主要工作, 今年工作重点;
// a review stays a review.
func TestPlanHeadings(t *testing.T) {
	for title, want := range map[string]Period{
		"2026年主要工作":     PeriodPlan,
		"今年工作重点":        PeriodPlan,
		"2025年主要工作回顾":   PeriodReview,
		"“十五五”时期主要目标任务": PeriodPlan,
		// A year's budget as drawn up plans; what was done reviews.
		"2023年财政预算情况":     PeriodPlan,
		"2023年预算编制指导思想":   PeriodPlan,
		"2022年财政预算执行情况":   PeriodReview,
		"2022年财政主要工作开展情况": PeriodReview,
	} {
		if got, _ := sectionPeriod(title); got != want || !isPeriodHeading(title) {
			t.Errorf("sectionPeriod(%q) = %v (heading %v), want %v", title, got, isPeriodHeading(title), want)
		}
	}
}

// A district's work report with no title: the speaker names the district
// (我代表宝安区人民政府), or the file name does (guangdong_shenzhen_futian_…)
// where the speaker says only 区人民政府; 党中央、国务院 in the opening
// makes no national report.
func TestUntitledWorkReportRegion(t *testing.T) {
	opening := "各位代表：\n现在，我代表%s人民政府向大会作工作报告，请予审议。\n一、2022年工作回顾\n" +
		"过去一年，我们认真贯彻落实党中央、国务院、省委省政府、市委市政府和区委的决策部署，全区经济社会发展取得新成效。全区地区生产总值增长5%%。全区新增学位1.2万座。\n"
	for _, c := range []struct{ id, speaker, want string }{
		{"report", "宝安区", "宝安区"},
		{"guangdong_shenzhen_futian_2023_gov_work_report", "区", "福田区"},
		{"guangdong_shenzhen_pingshan_2021_gov_work_report", "区", "坪山区"},
	} {
		d := Parse(c.id, []byte(fmt.Sprintf(opening, c.speaker)))
		if d.Meta.Region != c.want {
			t.Errorf("%s, speaker %s: region %q, want %q", c.id, c.speaker, d.Meta.Region, c.want)
		}
	}
}

// A web page's body saved as one line: the headings run into the text
// around them, and the parts of the report are still found.
func TestFlattenedPage(t *testing.T) {
	review := strings.Repeat("全年地区生产总值增长5.6%，固定资产投资增长8%。", 40)
	plan := strings.Repeat("今年要抓好招商引资，推动项目建设。", 40)
	text := "标题: 政府工作报告（2024）\n发布机构: 平潭综合实验区管委会\n\n" +
		"各位代表：现在，我代表平潭县人民政府向大会报告工作，请予审议。一、2023年工作回顾2023年是全面贯彻党的二十大精神的开局之年。" + review +
		"（一）以落实国家战略为契机，创新成果不断涌现。新增学位1200个。二、稳稳地做、实实地干，扎实做好2024年工作2024年是实施“十四五”规划的关键一年。主要预期目标是：地区生产总值增长7%左右。" + plan +
		"三、坚持党的全面领导，持之以恒加强自身建设。各位代表，奋进新征程，使命无上光荣。\n"
	d := Parse("fujian_fuzhou_pingtan_2024_gov_work_report", []byte(text))
	titles := topTitles(d)
	if len(titles) < 3 || titles[0] != "2023年工作回顾" || titles[1] != "稳稳地做、实实地干，扎实做好2024年工作" {
		t.Fatalf("top sections %q", titles)
	}
	s := sentenceWith(t, d, "地区生产总值增长7%左右")
	if per, year := d.ParagraphPeriod(s.Para); per != PeriodPlan || year != 2024 {
		t.Errorf("%q: period %q %d, want plan 2024", s.Text, per, year)
	}
	if s.Line != 4 {
		t.Errorf("%q: line %d, want 4", s.Text, s.Line)
	}
}

// A section of the situation and the tasks (当前国内形势和基本任务) is
// neither a review nor a plan; one of the situation abroad is no plan.
func TestSituationAndTasks(t *testing.T) {
	for title, want := range map[string]Period{
		"当前国内形势和基本任务":       PeriodNone,
		"关于国际形势和外交工作":       PeriodNone,
		"适应新的形势，全面提高对外开放水平": PeriodNone,
		"今后五年的主要任务":         PeriodPlan,
		// With a year or a plan's period, the tasks are that time's.
		"“十四五”时期和2021年形势任务": PeriodPlan,
		// A title that says what was achieved reviews; one that says
		// what to strive for does not.
		"牢记殷殷嘱托，在接续奋斗中新福建建设取得新成效": PeriodReview,
		"为取得社会主义建设的新胜利而奋斗":        PeriodNone,
		"牢记历史使命，在中国式现代化建设中奋勇争先":   PeriodNone,
		// An action plan is carried out in either year: no cue.
		"产业发展动力持续提升实施产业培育壮大行动计划，加大招商引资工作": PeriodNone,
		"2017年计划安排": PeriodPlan,
		// 部署 plans as the noun closing a title, not as a deed done.
		"2014年工作总体部署": PeriodPlan,
		"积极统筹部署和指导监督，高效推进法治政府建设": PeriodNone,
		"坚持政治引领，贯彻落实党中央决策部署":     PeriodNone,
		// 成效 names what was achieved, unless it is wanting.
		"工作成效":       PeriodReview,
		"成效和主要经验做法":  PeriodReview,
		"促进农民组织成效不足": PeriodNone,
	} {
		if got, _ := sectionPeriod(title); got != want {
			t.Errorf("sectionPeriod(%q) = %v, want %v", title, got, want)
		}
	}
}

// A flattened page whose header runs into its first heading (…微信 微博
// QQ空间 一、综 合 初步核算…) keeps that part apart from the header; a
// plan report's 一、2016年计划执行情况 is a heading of its own.
func TestFlattenedHeaderIntoHeading(t *testing.T) {
	body := strings.Repeat("全区规模以上工业增加值下降23.8%，同比回落26.9个百分点。", 60)
	text := "标题: 2020年平潭综合实验区国民经济和社会发展统计公报\n发布机构: 平潭综合实验区统计局\n\n" +
		"当前位置： 首页政务公开统计信息统计公报 2020年平潭综合实验区国民经济和社会发展统计公报 时间：2022-10-31 13:26 微信 微博 QQ空间 一、综 合 初步核算，全年实现生产总值301.43亿元，按可比价格计算，比上年增长5.4%。二、工业" + body + "三、农业全年农林牧渔业总产值68.44亿元。\n"
	d := Parse("fujian_fuzhou_pingtan_2020_stat_bulletin", []byte(text))
	s := sentenceWith(t, d, "全年实现生产总值301.43亿元")
	if k := d.Paragraphs[s.Para].Kind; !k.Searchable() {
		t.Errorf("%q in a paragraph of kind %s", s.Text, k)
	}
	plan := "标题: 关于平潭县2016年国民经济和社会发展计划执行情况及2017年国民经济和社会发展计划(草案)的报告\n\n" +
		"现将计划执行情况报告如下，请予审议。 一、2016年计划执行情况 2016年，全县地区生产总值增长9%。" + body + "二、2017年计划安排 2017年地区生产总值增长8.5%。\n"
	d = Parse("fujian_fuzhou_pingtan_2016_plan_report", []byte(plan))
	titles := topTitles(d)
	if len(titles) < 1 || titles[0] != "2016年计划执行情况" {
		t.Errorf("top sections %q, want 2016年计划执行情况 first", titles)
	}
}

// A crawled page keeps a run-in heading apart from its text by a space
// (三、关于2019年预算草案 2019年是…): the heading ends there, whatever it
// names, and the plan it opens is found.
func TestFlattenedSpacedHeading(t *testing.T) {
	body := strings.Repeat("全镇一般公共预算总收入2841.71万元，增长15.64%。", 60)
	text := "标题: 潭城镇2018年预算执行情况和2019年预算草案的报告\n\n" +
		"请予审议。 一、关于2018年预算执行情况 2018年是全面贯彻党的十九大精神的开局之年。" + body +
		" 二、2018年预算执行的主要特点 2018年财政工作面临诸多压力与困难。" + body +
		" 三、关于2019年预算草案 2019年是新中国成立70周年。农业支出802万元；林业支出3万元。" +
		" 四、2019年财政工作主要措施 2019年是聚焦高质量发展落实赶超之年。\n"
	d := Parse("fujian_pingtan_tancheng_2018_budget_report", []byte(text))
	titles := topTitles(d)
	if want := []string{"关于2018年预算执行情况", "2018年预算执行的主要特点", "关于2019年预算草案", "2019年财政工作主要措施"}; !slices.Equal(titles, want) {
		t.Errorf("top sections %q, want %q", titles, want)
	}
	s := sentenceWith(t, d, "农业支出802万元")
	if per, year := d.ParagraphPeriod(s.Para); per != PeriodPlan || year != 2019 {
		t.Errorf("%q: period %q %d, want plan 2019", s.Text, per, year)
	}
}

// topTitles returns the titles of d's top-level sections, in order.
func topTitles(d *Doc) []string {
	var titles []string
	for _, s := range d.Sections {
		if s.Level == 1 {
			titles = append(titles, s.Title)
		}
	}
	return titles
}

// A budget report's part headed by a year of public finance with no cue
// (2023年财政政策和财政工作) plans when the year is the plan's and reviews
// when it is the year past's; a year-led line of another kind
// (2026年省十件民生实事) heads nothing.
func TestBudgetYearParts(t *testing.T) {
	src := "周口市2022年预算执行情况和2023年预算（草案）报告\n\n" +
		"2022年财政预算执行情况\n\n全市一般公共预算收入完成177亿元，增长11.9%。\n\n" +
		"2023年财政政策和财政工作\n\n●支持周钢等“三个一批”重大项目。\n\n" +
		"2022年财政工作\n\n全年压减一般性支出3亿元。\n"
	d := Parse("henan_zhoukou_2022_budget_report", []byte(src))
	want := map[string]Period{"2022年财政预算执行情况": PeriodReview, "2023年财政政策和财政工作": PeriodPlan, "2022年财政工作": PeriodReview}
	for _, s := range d.Sections {
		if w, ok := want[s.Title]; ok {
			if s.Period != w {
				t.Errorf("%s: period %v, want %v", s.Title, s.Period, w)
			}
			delete(want, s.Title)
		}
	}
	if len(want) > 0 {
		t.Errorf("no sections %v", want)
	}
	if isPeriodHeading("2026年省十件民生实事") {
		t.Error("2026年省十件民生实事 read as a heading")
	}
}

// An untitled report signed and dated at its end (深圳市龙华区人民政府2019年
// 12月18日), whose last part plans the next year, tells of the year it is
// dated in, not of the first year its opening names.
func TestSignedAtTheEnd(t *testing.T) {
	body := strings.Repeat("区司法局定期召集相关部门召开法治政府建设工作推进会，不断提升法治政府建设工作成效。", 20)
	text := "现将有关情况报告如下：\n一、积极统筹部署和指导监督，高效推进法治政府建设\n近年来，我区法治政府建设水平逐年提高，2018年，在全市考评中名列第二。" + body +
		"\n二、加强制度建设\n今年以来，共审查区规范性文件28件。" + body +
		"\n三、2020年法治政府建设工作计划\n（一）有力推进法治政府建设工作。" + body + "\n专此报告。\n深圳市龙华区人民政府2019年12月18日\n"
	d := Parse("guangdong_shenzhen_longhua_2019_rule_of_law_report", []byte(text))
	if m := d.Meta; m.Year != 2019 || m.ReviewYear != 2019 || m.PlanYear != 2020 {
		t.Errorf("years %d, review %d, plan %d; want 2019, 2019, 2020", m.Year, m.ReviewYear, m.PlanYear)
	}
	for _, s := range d.Sections {
		if strings.Contains(s.Title, "积极统筹部署") && s.Period == PeriodPlan {
			t.Errorf("%q read as a plan", s.Title)
		}
	}
	for _, c := range []struct {
		line string
		want int
	}{
		{"2019年12月18日", 2019},
		{"二〇一九年十二月十八日", 2019},
		{"深圳市龙华区人民政府2019年12月18日", 2019},
		{"截至2019年12月18日，共受理案件91宗。", 0},
	} {
		d := &Doc{Paragraphs: []Paragraph{{Text: "专此报告。"}, {Text: c.line}}}
		if got := closingYear(d); got != c.want {
			t.Errorf("closingYear(%q) = %d, want %d", c.line, got, c.want)
		}
	}
}

// A page that lost its line breaks runs a part's first item into its
// heading (（二）深化国资国企改革一是国企改革三年行动任务如期完成): the heading
// ends before 一是. A report on the work of 2022 whose part is headed
// 2023年工作 plans 2023 there; its 2022年主要工作 reviews.
func TestRunInItemAndLaterYearPart(t *testing.T) {
	if got := sectionLead("（二）深化国资国企改革一是国企改革三年行动任务如期完成。"); got != "（二）深化国资国企改革" {
		t.Errorf("sectionLead = %q, want （二）深化国资国企改革", got)
	}
	body := strings.Repeat("区属国企累计完成固定资产投资总额122.88亿元，同比增长66.96%。", 20)
	text := "平潭综合实验区国有资产管理局关于2022年度国资国企监管工作情况的报告\n发布时间: 2023-12-15 09:43\n\n一、2022年主要工作\n" +
		"（一）深化国资国企改革一是国企改革三年行动任务如期完成。" + body + "\n二、2023年工作\n（一）继续深化国资国企改革。" + body + "\n"
	d := Parse("fujian_pingtan_2022_state_assets_report", []byte(text))
	if d.Meta.ReviewYear != 2022 || d.Meta.PlanYear != 2023 {
		t.Errorf("review %d, plan %d; want 2022, 2023", d.Meta.ReviewYear, d.Meta.PlanYear)
	}
	for _, s := range d.Sections {
		want := PeriodReview // 2022年主要工作, in a report on 2022
		if strings.Contains(s.Title, "2023") || strings.Contains(s.Title, "继续") {
			want = PeriodPlan
		}
		if s.Period != want {
			t.Errorf("%q: period %q, want %q", s.Title, s.Period, want)
		}
	}
}

// An untitled speech reviewing 2015 and planning 2016 (2015年工作回顾 …
// 2016年主要工作任务) was delivered in 2016: its 去年 is 2015.
func TestUntitledReviewAndPlan(t *testing.T) {
	body := strings.Repeat("新区经济继续保持较快增长，完成地区生产总值670.6亿元，同比增长9.4%。", 20)
	text := "2015年工作回顾\n2015年，新区经济继续保持较快增长。" + body + "\n一、主要经济指标持续向好\n" + body +
		"\n2016年主要工作\n一、坚持以城市管理治理为核心\n" + body + "\n"
	d := Parse("guangdong_shenzhen_guangming_2016_gov_work_report", []byte(text))
	if m := d.Meta; m.Year != 2016 || m.ReviewYear != 2015 || m.PlanYear != 2016 {
		t.Errorf("years %d, review %d, plan %d; want 2016, 2015, 2016 (%+v)", m.Year, m.ReviewYear, m.PlanYear, m)
	}
}

// A flattened page whose top heading runs straight into its first part's
// mark (一、2022年主要工作（一）基本情况截止2022年底…) has that heading.
func TestL1IntoL2(t *testing.T) {
	body := strings.Repeat("区属国企累计完成固定资产投资总额122.88亿元，同比增长66.96%。", 60)
	text := "关于2022年度国资国企监管工作情况的报告\n2022年以来，实验区国资系统克服疫情影响。一、2022年主要工作（一）基本情况截止2022年底，区属国企共有企业197家。" + body +
		"（二）深化国资国企改革。" + body + "二、2023年工作（一）继续深化国资国企改革。" + body + "\n"
	d := Parse("fujian_pingtan_2022_state_assets_report", []byte(text))
	found := false
	for _, s := range d.Sections {
		found = found || s.Title == "2022年主要工作" && s.Level == 1
	}
	if !found {
		var titles []string
		for _, s := range d.Sections {
			titles = append(titles, s.Title)
		}
		t.Errorf("no section 2022年主要工作: %q", titles)
	}
}

// A title whose year is in Chinese digits with a letter for the zero
// (二O一二年政府工作报告) names that year, over a date of the page it was
// reposted on; a review heading run into its text on a long line (一、过去
// 五年工作的回顾2007年以来…) is a heading.
func TestHanYearTitleAndReviewHeading(t *testing.T) {
	body := strings.Repeat("全市生产总值年均增长12%，地方财政一般预算收入年均增长20%。", 120)
	text := "标题：二O一二年政府工作报告\n发布时间：2014年02月12日\n\n一、过去五年工作的回顾2007年以来，市二届人民政府在省委的正确领导下。" + body + "\n二、2012年工作\n" + body + "\n"
	d := Parse("henan_zhumadian_2012_gov_work_report", []byte(text))
	if d.Meta.Year != 2012 || d.Meta.ReviewYear != 2011 {
		t.Errorf("year %d, review %d; want 2012, 2011", d.Meta.Year, d.Meta.ReviewYear)
	}
	found := false
	for _, s := range d.Sections {
		found = found || s.Title == "过去五年工作的回顾" && s.Period == PeriodReview
	}
	if !found {
		t.Errorf("no review heading 过去五年工作的回顾: %+v", d.Sections)
	}
	if YearDigits("二O一二") != 2012 {
		t.Errorf("YearDigits(二O一二) = %d", YearDigits("二O一二"))
	}
}
