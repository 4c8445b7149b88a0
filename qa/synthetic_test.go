package qa

// Tests over small reports written for them: one report, one rule.

import (
	"context"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"reportkb/index"
	"reportkb/index/segment"
)

// A budget report titles a paragraph with what its figures are of
// ("1．一般公共预算完成情况。全市收入311.8亿元"): the figure's sentence holds
// none of the words of 一般公共预算收入, yet answers it.
const headedReport = `关于2024年预算执行情况的报告

一、2024年预算执行情况

（一）全市预算执行情况

1．一般公共预算完成情况。全市收入311.8亿元，增长1.8%。支出618.7亿元，增长3.2%。

2．政府性基金预算完成情况。全市收入120.5亿元，下降5%。支出200.1亿元，下降2%。

二、着力保障和改善民生

全市新建学校12所，新增养老床位500张。
`

func TestSubjectHeadingAnswers(t *testing.T) {
	e := smallEngine(t, "headed_2024_budget_report.txt", headedReport)
	askAll(t, e, map[string]string{
		"全市一般公共预算收入是多少亿元？": "311.8亿元",
		"政府性基金预算支出多少亿元？":   "200.1亿元",
	})
}

func TestSubjectHeading(t *testing.T) {
	for h, want := range map[string]bool{
		"1．一般公共预算完成情况。": true, "政府性基金预算": true, "社会保险基金收支情况": true, "（二）全市债务": true,
		"着力保障和改善民生": false, "二、2025年工作安排": false, "": false,
	} {
		if got := isSubjectHeading(h); got != want {
			t.Errorf("isSubjectHeading(%q) = %v, want %v", h, got, want)
		}
	}
}

// A district asked of its city's report: a figure of the whole city is not
// the district's, and the report gives none of the district's own.
const cityReport = `关于达州市2025年预算执行情况和2026年预算草案的报告

一、2025年预算执行情况

全市地方一般公共预算收入完成200.3亿元，增长2%。市本级地方一般公共预算收入完成37.3亿元。

宣汉县一般公共预算收入完成21.5亿元，增长3%。
`

func TestDistrictOfCityReport(t *testing.T) {
	e := smallEngine(t, "sichuan_dazhou_2025_budget_report.txt", cityReport)
	other := slices.Index(FeatureNames(), "other_place")
	// Per question, whether each figure is marked as another place's.
	for q, want := range map[string]map[string]bool{
		"达州2025年一般公共预算收入是多少？":  {"200.3亿元": false, "21.5亿元": true},
		"宣汉县2025年一般公共预算收入是多少？": {"200.3亿元": true, "21.5亿元": false},
		"通川区2025年一般公共预算收入是多少？": {"200.3亿元": true, "37.3亿元": true, "21.5亿元": true},
	} {
		cs, err := e.Candidates(context.Background(), Request{Question: q, Doc: "sichuan_dazhou_2025_budget_report"})
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, c := range cs {
			w, ok := want[c.Text]
			if !ok {
				continue
			}
			seen++
			if got := c.Features[other] == 1; got != w {
				t.Errorf("%s %s: other_place %v, want %v", q, c.Text, got, w)
			}
		}
		if seen < len(want) {
			t.Errorf("%s: %d of the %d figures scored", q, seen, len(want))
		}
	}
}

// TestVerbIsNoPlace: 新建 is 新建区's short name and a verb of the reports;
// unwritten in full it names no place, in a question or a report.
func TestVerbIsNoPlace(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("四川2025年新建改建农村公路多少公里")
	if q.Place != "四川" || slices.Contains(q.Places, "新建") {
		t.Errorf("place %q, places %q; want 四川 alone", q.Place, q.Places)
	}
	if q := a.Analyze("新建区2025年一般公共预算收入多少"); q.Place != "新建区" {
		t.Errorf("place %q, want 新建区 written in full", q.Place)
	}
	for _, m := range otherPlaces(&Question{}, "全国", "", placesOf("全年城镇新建住宅2亿平方米。")) {
		if m.other {
			t.Errorf("新建 of 新建住宅 read as another place: %+v", m)
		}
	}
}

// A term defined in a sentence with full-width brackets, asked with where
// it was read: 公报里说的第一产业指的是什么.
func TestDefinitionWithBrackets(t *testing.T) {
	doc := "2022年济源国民经济和社会发展统计公报\n\n全年地区生产总值806.21亿元。\n\n" +
		"注释：三次产业分类依据国家统计局2018年修订的《三次产业划分规定》，第一产业是指农、林、牧、渔业（不含农、林、牧、渔专业及辅助性活动）；第二产业是指采矿业，制造业，建筑业。\n"
	e := smallEngine(t, "henan_jiyuan_2022_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{"公报里说的第一产业指的是什么？": "农、林、牧、渔业（不含农、林、牧、渔专业及辅助性活动）"})
	for in, want := range map[string]string{"公报里说的第一产业": "第一产业", "济源统计公报里的工业传统产业": "工业传统产业",
		"所谓的六稳": "六稳", "报告中提到的“三保”": "三保", "规模以上工业": "规模以上工业", "“3+4”重点产业，具体": "3+4重点产业"} {
		if got := cleanTerm(in); got != want {
			t.Errorf("cleanTerm(%q) = %q, want %q", in, got, want)
		}
	}
}

// A term defined after a colon (三保：保基本民生、保工资、保运转), asked in
// Chinese or in English with the Chinese term and a frame before it.
func TestDefinitionAfterColon(t *testing.T) {
	doc := "关于银川市2025年预算执行情况的报告\n\n全市一般公共预算收入176.71亿元。\n\n名词解释\n\n三保：保基本民生、保工资、保运转。\n"
	e := smallEngine(t, "ningxia_yinchuan_2025_budget_report.txt", doc)
	for _, q := range []string{"三保是什么意思？", `In Yinchuan's budget report, what does "san bao" (三保) stand for?`} {
		r, err := e.Ask(context.Background(), Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Answers) == 0 || r.Answers[0].Text != "保基本民生、保工资、保运转" {
			t.Errorf("%s: %+v", q, r.Answers)
		}
	}
}

// A question that asks for a whole (一共) is answered by the figure named
// a total (粮食总产量, 进出口总额) before its parts (亩产, 一般贸易).
func TestAsksTotal(t *testing.T) {
	doc := "2025年某市国民经济和社会发展统计公报\n\n粮食亩产498.68公斤，下降0.13%。粮食种植面积568.07万亩，增长0.1%。全年粮食总产量283.28万吨，增长0.01%。\n\n" +
		"一般贸易进出口11764.5亿元，增长7.0%。全年货物进出口总额28119.3亿元，增长7.4%。\n"
	e := smallEngine(t, "mou_2025_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{
		"去年粮食一共打了多少？":    "283.28万吨",
		"去年外贸进出口一共做了多少？": "28119.3亿元",
	})
}

// A term is defined by a statistical note's scope (规模以上工业统计范围包括…)
// or by the aside that lists what it includes (市级（包括…，下同）), asked
// in the ways people ask it.
func TestDefinitionByScopeAndAside(t *testing.T) {
	doc := "2025年某市国民经济和社会发展统计公报\n\n规模以上工业增加值增长5.1%。\n\n" +
		"市级（包括市本级和经济技术开发区、高新技术开发区，下同）一般公共预算收入47.61亿元。\n\n" +
		"中心城区（含淮阳区、川汇区）收入完成70.9亿元。\n\n注释\n\n[6]规模以上工业统计范围包括年主营业务收入2000万元及以上的工业法人单位。\n"
	e := smallEngine(t, "mou_2025_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{
		"统计公报里说的规模以上工业是按什么标准算的？": "年主营业务收入2000万元及以上的工业法人单位",
		"规模以上工业是指多大的企业？":         "年主营业务收入2000万元及以上的工业法人单位",
		"报告里说的“市级”具体包括哪些？":       "市本级和经济技术开发区、高新技术开发区",
		"某市说的“中心城区”包括哪几块？":       "淮阳区、川汇区",
	})
}

// A short heading run into a paragraph (支持美好教育。) names the subject of
// the sentence after it that has none (拨付174.9亿元。).
func TestRunInHeading(t *testing.T) {
	doc := "某市财政局2025年工作总结\n\n（三）聚焦民生福祉。支持就业和社会保障。拨付153.5亿元。支持新增城镇就业14.2万人。" +
		"支持美好教育。拨付174.9亿元。新增学位3030个。支持健康城市。拨付125.6亿元。\n"
	e := smallEngine(t, "mou_2025_work_summary.txt", doc)
	askAll(t, e, map[string]string{
		"2025年给教育拨了多少钱？": "174.9亿元",
		"2025年给健康拨了多少钱？": "125.6亿元",
	})
}

// A change on another basis told in a sentence of its own (按可比口径测算，
// 同比增加…，增长5.2％。) is of the figure of the sentence before.
func TestRestatedOnAnotherBasis(t *testing.T) {
	doc := "某市2025年财政预算执行情况和2026年财政预算草案的报告\n\n全市一般公共预算收入1262548万元，比上年同期减少91358万元，下降6.7％。" +
		"按可比口径测算，同比增加62743万元，增长5.2％。全市一般公共预算支出6872676万元，同比减少7960万元，下降0.1％。\n\n" +
		"全市政府性基金预算收入466850万元，同比增加35985万元，增长8.4％。\n"
	e := smallEngine(t, "mou_2026_budget_report.txt", doc)
	askAll(t, e, map[string]string{
		"按可比口径算，去年一般公共预算收入增长了多少？": "5.2％",
	})
}

// A concept found inside a longer word that is one of its own wordings
// (游客 in 接待游客总数) is not narrowed by it, and 一年 is a period, not a
// subject.
func TestOwnWordingIsNotNarrower(t *testing.T) {
	doc := "2025年某市国民经济和社会发展统计公报\n\n旅游全年全市接待游客总数2853.51万人次，比上年增长9.3%；其中过夜游客1963.26万人次，增长7.4%。\n"
	e := smallEngine(t, "mou_2025_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{"一年来了多少游客？": "2853.51万人次"})
}

// A term is found through the quotes the report puts around part of it
// (“三公”经费 for 三公经费), at whichever of its occurrences a defining word
// follows, and asked of with the place and level before it (江苏省级的).
func TestDefinitionQuotedTerm(t *testing.T) {
	doc := "关于江苏省2018年预算执行情况的报告\n\n三、“三公”经费、机关运行经费情况说明（一）“三公”经费是指省级部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。\n\n“三公”经费支出合计40135万元。\n"
	e := smallEngine(t, "jiangsu_2018_budget_report.txt", doc)
	askAll(t, e, map[string]string{"江苏省级的三公经费具体包括哪几块？": "省级部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费"})
}

// What money is for, right after it (安排77.74亿元用于卫生健康领域支出),
// counts as much as a subject before it.
func TestUsedForAfterFigure(t *testing.T) {
	doc := "关于某市2025年预算执行情况和2026年预算草案的报告\n\n一般公共服务支出73829万元，卫生健康支出378919万元，教育支出64726万元。\n\n全市安排77.74亿元用于卫生健康领域支出，比2024年执行数增加10.4%。\n"
	e := smallEngine(t, "mou_2025_budget_report.txt", doc)
	askAll(t, e, map[string]string{"卫生健康安排了多少钱？": "77.74亿元"})
}

// candidatesWith returns the scored candidates of question and the index
// of feature name in their features.
func candidatesWith(t *testing.T, e *Engine, question, name string) ([]Scored, int) {
	t.Helper()
	cs, err := e.Candidates(context.Background(), Request{Question: question})
	if err != nil {
		t.Fatal(err)
	}
	return cs, slices.Index(FeatureNames(), name)
}

// askAll asks e each question and checks the first answer's text.
// featureOf returns feature name of the candidate whose text is text, of
// the question's candidates, and false when no candidate has that text.
func featureOf(t *testing.T, e *Engine, question, text, name string) (float64, bool) {
	t.Helper()
	cs, k := candidatesWith(t, e, question, name)
	for _, c := range cs {
		if c.Text == text {
			return c.Features[k], true
		}
	}
	return 0, false
}

func askAll(t *testing.T, e *Engine, want map[string]string) {
	t.Helper()
	for q, w := range want {
		r, err := e.Ask(context.Background(), Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Answers) == 0 || r.Answers[0].Text != w {
			t.Errorf("%s: %+v, want %s", q, r.Answers, w)
		}
	}
}

// askNone checks that e answers none of the questions: the report does
// not say.
func askNone(t *testing.T, e *Engine, questions ...string) {
	t.Helper()
	for _, q := range questions {
		r, err := e.Ask(context.Background(), Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Answers) > 0 {
			t.Errorf("%s: answered %s, want none", q, r.Answers[0].Text)
		}
	}
}

// smallEngine answers from one report, the text given as the file name,
// segmented with the test segmenter; the index goes with the test.
func smallEngine(t *testing.T, name, text string) *Engine {
	t.Helper()
	return smallEngineSeg(t, testSegmenter(), "maxmatch", name, text)
}

// smallEngineSeg is smallEngine with the segmenter seg, registered as
// segName.
func smallEngineSeg(t *testing.T, seg segment.Segmenter, segName, name, text string) *Engine {
	t.Helper()
	x, err := index.Open(index.Config{Dir: t.TempDir(), Segmenter: seg, SegmenterName: segName,
		Seeds: []index.Source{{Name: name, Data: []byte(text)}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return New(Config{Index: x})
}

// A province's table of its divisions answers for a division the row
// names, from the column the question asks for and not the parts under
// it (2024年债务限额, not its 一般债务); rows of no division are the
// province's. A row dated in its name (二、2025年末…) is of that year.
func TestDivisionTable(t *testing.T) {
	doc, err := os.ReadFile("../testdata/debt_tables.txt")
	if err != nil {
		t.Fatal(err)
	}
	e := smallEngine(t, "qinghai_2024_debt_tables.txt", string(doc))
	askAll(t, e, map[string]string{
		"格尔木市的政府债务限额是多少亿？": "92.06",
		"2025年末债务余额是多少？":   "3,800.00",
	})
	// A division an English question spells, asked of its province's
	// report.
	for _, doc := range []string{"", "qinghai_2024_debt_tables"} {
		r, err := e.Ask(context.Background(), Request{Question: "What is the government debt limit of Geermu city?", Doc: doc})
		if err != nil || len(r.Answers) == 0 || r.Answers[0].Text != "92.06" {
			t.Errorf("Geermu city (doc %q): %+v %v, want 92.06", doc, r, err)
		}
	}
	cs, err := e.Candidates(context.Background(), Request{Question: "格尔木市的政府债务限额是多少亿？"})
	if err != nil {
		t.Fatal(err)
	}
	feature := func(text, name string) float64 {
		k := slices.Index(FeatureNames(), name)
		for _, c := range cs {
			if c.Text == text {
				return c.Features[k]
			}
		}
		t.Errorf("no candidate %s", text)
		return 0
	}
	if feature("26.00", "other_place") != 1 || feature("46.04", "narrower") != 1 || feature("92.06", "narrower") != 0 {
		t.Errorf("the province's row is not another place's, or a part column not narrower: %+v", cs)
	}
}

// A question of a whole (一共) prefers the figure whose clause counts
// everything (全市共有各级各类学校) to a part's (中等职业学校27所).
func TestTotalClause(t *testing.T) {
	doc := "某市2025年国民经济和社会发展统计公报\n\n十、教育\n\n全市共有各级各类学校1597所，在校学生88.40万人，专任教师5.2万人，教育经费投入120亿元，生均经费增长3%，毕业生26.1万人。\n\n中等职业学校27所，技工学校8所。\n"
	e := smallEngine(t, "mou_2025_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{"学校一共有多少所？": "1597所"})
}

// A figure of a part (城镇居民, 私人汽车) does not answer for the whole
// when the whole has its own figure, unless the question names the part,
// in its own words or everyday ones (农民 for 农村居民).
func TestPartBesideWhole(t *testing.T) {
	doc := "某市2025年国民经济和社会发展统计公报\n\n八、人民生活\n\n按常住地分，城镇居民人均可支配收入50412元，增长4.6%；农村居民人均可支配收入27078元，增长5.8%。全市全体居民人均可支配收入41785元，比上年增长5.1%。\n\n年末全市汽车保有量59.61万辆，比上年增长3.5%。其中，私人汽车保有量55.78万辆，增长3.3%。\n"
	e := smallEngine(t, "mou_2025_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{
		"老百姓人均可支配收入有多少？": "41785元",
		"农民人均可支配收入有多少？":  "27078元",
		"年末汽车保有量有多少？":    "59.61万辆",
	})
}

// A term quoted in part (“5个1000”行动) is defined by a note that quotes it
// the same way, and a thing made is counted as well as weighed (冰箱产量:
// 639.8万台).
func TestQuotedPartAndCountedOutput(t *testing.T) {
	doc := "2024年某市国民经济和社会发展统计公报\n\n“5个1000”行动累计入库项目1290个。全年冰箱639.8万台，增长15.3%。粮食产量98.2万吨。\n\n注释\n\n[4]“5个1000”行动：即全市每年招商入库1000个项目，完成投资1000亿元以上。\n"
	e := smallEngine(t, "mou_2024_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{
		"“5个1000”行动具体指什么？": "全市每年招商入库1000个项目，完成投资1000亿元以上",
		"2024年冰箱产量是多少？":    "639.8万台",
	})
}

// A sentence whose words before its figure are only a level, a total and
// money (市级共安排资金6000万元) takes its subject from the run-in heading
// before it, as one that opens with a verb does.
func TestRunInHeadingGenericLead(t *testing.T) {
	doc := "关于某市2025年预算执行情况的报告\n\n1.助力打赢攻坚战。一是支持全面打赢疫情防控阻击战。市级共安排资金6000万元，统筹用于医疗救治、医务人员补助。二是支持脱贫攻坚。市级安排资金18875万元，确保如期实现脱贫目标。\n"
	e := smallEngine(t, "mou_2025_budget_report.txt", doc)
	askAll(t, e, map[string]string{
		"市级为疫情防控安排了多少钱？": "6000万元",
		"市级为脱贫攻坚安排了多少钱？": "18875万元",
	})
}

// A number of days is not answered by years (近五年), and 个 counts jobs
// given in people (多少个就业岗位: 2915人).
func TestTimeUnitAndJobs(t *testing.T) {
	doc := "2018年某市政府工作报告\n\n一、2017年工作回顾\n\nPM2.5浓度较2013年下降37.8%，全年优良天数159天，比2013年增加85天，空气质量达到近五年最好。全年城镇新增就业2915人，农村劳动力转移就业1.2万人。\n"
	e := smallEngine(t, "mou_2018_work_report.txt", doc)
	askAll(t, e, map[string]string{
		"How many good-air-quality days did the city have in 2017?": "159天",
		"2017年城镇新增了多少个就业岗位？":                                        "2915人",
	})
}

// A definition may stand a few words after its term (国民总收入，原称国民
// 生产总值，是指…; 城镇新增就业人数是指…), asked in Chinese with a term that
// sounds like a figure (收入) or in English with words the glossary renders
// in parts; a province an English question names is no report's region
// here, so a national bulletin's regional figure does not answer it.
func TestDefinitionAfterAside(t *testing.T) {
	doc := "中华人民共和国2024年国民经济和社会发展统计公报\n\n全年国内生产总值1349084亿元。全年京津冀地区生产总值115394亿元，比上年增长5.2%。全年城镇新增就业1256万人。\n\n注释\n\n" +
		"[3]国民总收入，原称国民生产总值，是指一个国家或地区所有常住单位在一定时期内所获得的初次分配收入总额。\n\n[7]城镇新增就业人数是指报告期内城镇累计新就业人员数与自然减员人数之差。\n"
	e := smallEngine(t, "national_2024_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{
		"公报里的“国民总收入”是什么意思？":                                            "一个国家或地区所有常住单位在一定时期内所获得的初次分配收入总额",
		"How does the bulletin define 'newly added urban employment'?": "报告期内城镇累计新就业人员数与自然减员人数之差",
	})
	r, err := e.Ask(context.Background(), Request{Question: "What was Guangdong province's GDP in 2024?"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Answers) > 0 {
		t.Errorf("Guangdong's GDP answered from a national bulletin: %s (%s)", r.Answers[0].Text, r.Answers[0].Sentence)
	}
}

// An English question that names several provinces is asked of the first
// (Hebei absorbed from Beijing and Tianjin): the others are no places the
// figure must name.
func TestEnglishSeveralProvinces(t *testing.T) {
	doc := "2024年河北省政府工作报告\n\n一、2023年工作回顾\n\n积极打造创新应用场景，全省技术合同成交额增长22.1%。与京津共同组织开展基础研究，全省吸纳京津技术合同成交额增长101.1%。\n"
	e := smallEngine(t, "hebei_province_2024_work_report.txt", doc)
	askAll(t, e, map[string]string{
		"By what percentage did the value of technology contracts Hebei absorbed from Beijing and Tianjin grow in 2023?": "101.1%",
	})
	a := testAnalyzer()
	for i := 0; i < 20; i++ {
		if q := a.Analyze("How much did Hebei absorb from Beijing and Tianjin?"); q.Place != "河北" || len(q.Places) != 0 {
			t.Fatalf("place %q places %v, want 河北 and no places to find", q.Place, q.Places)
		}
	}
}

// A figure the question itself states is given, not asked (6个工业园区里
// …有多少家); a statistical scope after a colon defines its term (规模以上
// 工业统计范围：…); a compound classifier (头只) is one unit.
func TestGivenFigureScopeColonAndUnits(t *testing.T) {
	doc := "2025年某市国民经济和社会发展统计公报\n\n全市有工业园区6个。园区投产工业企业达791家。年末全市各类牲畜存栏168.82万头只。\n\n注释\n\n[2]规模以上工业统计范围：年主营业务收入2000万元及以上的工业法人单位和工业个体经营户。\n"
	e := smallEngine(t, "mou_2025_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{
		"6个工业园区里投产的工业企业有多少家？":     "791家",
		"公报里说的“规模以上工业”是按什么标准统计的？": "年主营业务收入2000万元及以上的工业法人单位和工业个体经营户",
		"各类牲畜存栏一共有多少？":            "168.82万头只",
	})
}

// Places in a bracketed aside say what the subject comprises (6个工业园区
// （…安源工业园区、湘东工业园区…）), not whose the figure is; the question
// gives 6个, it does not ask it.
// A place that names an event (汶川地震, 杭州亚运会) is no place the
// question asks of: a national report tells of the earthquake.
func TestPlaceNamingEvent(t *testing.T) {
	a := testAnalyzer()
	for _, s := range []string{"汶川地震时从废墟里救出来多少万人？", "杭州亚运会新建了多少个场馆？"} {
		if q := a.Analyze(s); q.Place != "" {
			t.Errorf("%s: place %q, want none", s, q.Place)
		}
	}
	if q := a.Analyze("汶川县去年地区生产总值是多少？"); q.Place == "" {
		t.Errorf("汶川县去年…: no place, want 汶川县")
	}
}

func TestPlacesInAside(t *testing.T) {
	doc := "2025年萍乡市国民经济和社会发展统计公报\n\n年末6个工业园区（萍乡经济技术开发区、安源工业园区、湘东工业园区、莲花工业园区、上栗工业园区、芦溪工业园区）投产工业企业达791家，安置从业人员12.5万人。\n"
	e := smallEngine(t, "jiangxi_pingxiang_2025_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{"萍乡6个工业园区里投产的工业企业有多少家？": "791家"})
}

// A note that opens with its term defines it with 为 in words; the
// figure after 为 in the text states the term's value, no definition.
func TestDefinitionByWei(t *testing.T) {
	doc := "2025年某省国民经济和社会发展统计公报\n\n全年全员劳动生产率[3]为24.1万元/人，比上年增长5.5%。\n\n注释\n\n[3]全员劳动生产率为地区生产总值（现价）与全部就业人员年平均人数的比率，增长速度按不变价格计算。\n"
	e := smallEngine(t, "mou_2025_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{
		"公报里的“全员劳动生产率”是怎么定义的？": "地区生产总值（现价）与全部就业人员年平均人数的比率，增长速度按不变价格计算",
		"全员劳动生产率是怎么算的？":        "地区生产总值（现价）与全部就业人员年平均人数的比率，增长速度按不变价格计算",
	})
}

// aloneSeg segments like jieba does a numbered term: whole when it stands
// alone (两区), cut into its characters inside a sentence (两/区是指).
type aloneSeg struct{ words map[string]bool }

func (s aloneSeg) Segment(text string) []segment.Token {
	if s.words[text] {
		return []segment.Token{{Start: 0, End: len(text)}}
	}
	return testSegmenter().Segment(text)
}

// TestDefinitionOfCutTerm: a short term the segmenter cuts apart in the
// note that defines it is found by its characters.
func TestDefinitionOfCutTerm(t *testing.T) {
	doc := "北京市2025年国民经济和社会发展统计公报\n\n继续深化“两区”[15]建设。\n\n注释：\n\n[15]“两区”是指国家服务业扩大开放综合示范区、中国（北京）自由贸易试验区。\n"
	e := smallEngineSeg(t, aloneSeg{map[string]bool{"两区": true}}, "alone", "beijing_2025_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{"“两区”是指什么？": "国家服务业扩大开放综合示范区、中国（北京）自由贸易试验区"})
}

// TestFiveYearReviewNamesItsPlan: a review of five years is about the plan
// that ended in the year it reviews; "the 13th Five-Year Plan period" names
// that span, and asks for no target.
func TestFiveYearReviewNamesItsPlan(t *testing.T) {
	doc := "河北省2021年政府工作报告\n\n一、“十三五”时期和2020年工作回顾\n\n五年来，基础设施水平全面跃升，高速公路从6333公里增加到7809公里，港口货物年吞吐量突破12亿吨。\n\n2020年是极不平凡的一年。全省新增高速公路通车里程200公里。\n\n二、2021年工作安排\n\n今年新增高速公路通车里程300公里。\n"
	e := smallEngine(t, "hebei_2021_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{
		"How long was Hebei's expressway network at the end of the 13th Five-Year Plan period?": "7809公里",
	})
	if q := testAnalyzer().Analyze("How long was the expressway network at the end of the 13th Five-Year Plan period?"); q.Plan {
		t.Error("the Five-Year Plan read as a plan cue")
	}
	if q := testAnalyzer().Analyze("What is the GDP growth target of the 14th Five-Year Plan?"); !q.Plan {
		t.Error("a target of the plan not read as a plan")
	}
}

// TestSharedHeadOfListItems: the words after the last item of a 分别 list
// may be the head of every item (补助水平 of both 城乡居民基本养老保险 and
// 城乡居民基本医疗保险), but not when the question's words name no item of
// the figure's own (游客 stands in both 接待游客人次 and 游客总花费).
func TestSharedHeadOfListItems(t *testing.T) {
	doc := "关于某市2025年预算执行情况和2026年预算草案的报告\n\n一、2025年预算执行情况\n\n" +
		"城乡居民基本养老保险、城乡居民基本医疗保险补助水平分别提高至331元/人/月、700元/人/年。\n\n" +
		"接待游客人次、游客总花费分别增长10.4%、10.2%。\n\n" +
		"细颗粒物（PM2.5）、可吸入颗粒物（PM10）年均浓度分别为27.0微克/立方米、48微克/立方米，分别比上年下降11.5%、11.1%。\n"
	e := smallEngine(t, "mou_2025_budget_report.txt", doc)
	askAll(t, e, map[string]string{
		"城乡居民基本养老保险的补助提高到每人每月多少钱？": "331元/人/月",
		"游客总花费增长了多少？":              "10.2%",
		"PM2.5年均浓度是多少？":            "27.0微克/立方米",
	})
	if c := UnitClass("元/人/月"); c != "money" {
		t.Errorf("UnitClass(元/人/月) = %q, want money", c)
	}
}

// TestDetailCutAtSemicolon: a long list of 其中 parts cut into sentences at
// a semicolon goes on with its subject (一般公共预算支出) in the next.
func TestDetailCutAtSemicolon(t *testing.T) {
	items := []string{"一般公共服务支出82.56亿元，同比下降1.0%", "公共安全支出44.51亿元，同比增长2.8%",
		"节能环保支出9.12亿元，同比增长1.1%", "城乡社区支出60.02亿元，同比下降3.4%", "农林水支出55.37亿元，同比增长2.2%",
		"交通运输支出14.80亿元，同比下降7.5%", "住房保障支出12.31亿元，同比增长0.9%", "卫生健康支出52.48亿元，同比增长4.1%",
		"资源勘探工业信息等支出7.75亿元，同比增长5.0%", "商业服务业等支出3.02亿元，同比下降2.0%", "自然资源海洋气象等支出4.44亿元，同比增长1.7%",
		"粮油物资储备支出1.23亿元，同比增长0.4%", "灾害防治及应急管理支出2.61亿元，同比下降6.2%", "社会保障和就业支出98.40亿元，同比增长3.3%",
		"教育支出111.10亿元，同比增长6.6%", "科学技术支出20.58亿元，同比增长23.1%"}
	text := "全市一般公共预算收入376.33亿元，增长4.2%。全市一般公共预算支出717.88亿元，同比下降1.5%，其中" + strings.Join(items, "；") + "。"
	doc := "某市2025年国民经济和社会发展统计公报\n\n某市统计局\n\n十、财政\n\n" + text + "\n\n全市教育系统共有专任教师4.1万人。\n"
	e := smallEngine(t, "mou_2025_stat_bulletin.txt", doc)
	r, err := e.Ask(context.Background(), Request{Question: "How much did the city spend on education from its general public budget?"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Answers) == 0 || r.Answers[0].Text != "111.10亿元" || !slices.ContainsFunc(r.Answers[0].Matched, func(w string) bool { return strings.Contains(w, "一般公共预算") }) {
		t.Errorf("answers %+v, want 111.10亿元 with 一般公共预算 matched from the sentence before", r.Answers)
	}
	for text, want := range map[string]bool{"支出717.88亿元，其中一般公共服务支出82.56亿元；": true, "其中一般公共服务支出82.56亿元。": false, "支出717.88亿元；": false} {
		if got := continuesDetail(text); got != want {
			t.Errorf("continuesDetail(%s) = %v, want %v", text, got, want)
		}
	}
}

// TestPeopleNamedAfterFigure: a figure without a unit counts the people
// named right after it (33万贫困人口脱贫).
func TestPeopleNamedAfterFigure(t *testing.T) {
	doc := "某省2019年政府工作报告\n\n一、2018年工作回顾\n\n全省经济平稳增长。\n\n二、2019年工作安排\n\n确保所有贫困县摘帽出列、33万贫困人口脱贫。关心关爱特困人员、残疾人等群体，为5万名贫困残疾人提供基本康复服务，为4万名贫困残疾人适配基本型辅助器具。\n"
	e := smallEngine(t, "mou_2019_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{"How many people did the province aim to lift out of poverty in 2019?": "33万", "2019年要让多少人脱贫？": "33万"})
	for after, want := range map[string]bool{"贫困人口脱贫": true, "农民工返乡": true, "亩高标准农田": false} {
		if got := peopleAfter(after); got != want {
			t.Errorf("peopleAfter(%s) = %v, want %v", after, got, want)
		}
	}
}

// TestOneReportRules asks a small report per rule, each answered only when
// the rule holds.
func TestOneReportRules(t *testing.T) {
	for _, c := range []struct {
		name, file, doc string
		want            map[string]string
	}{
		// A change in percentage points answers only a question of a
		// change: 城镇化率现在是多少 is 62.1%, not 提升0.9个百分点.
		{"percentage points", "hunan_2025_gov_work_report.txt", "湖南省2025年政府工作报告\n\n一、2024年工作回顾\n\n全面放开城镇落户限制，城镇化率提升0.9个百分点、达62.1%。\n", map[string]string{"城镇化率现在是多少？": "62.1%", "城镇化率提高了多少个百分点？": "0.9个百分点"}},
		// A question of the level a thing fell to (降到了多少) is not
		// answered by the size of a fall (下降14%).
		{"level", "mou_2021_gov_work_report.txt", "某省2021年政府工作报告\n\n一、2020年工作回顾\n\n全省PM2.5平均浓度下降14%，蓝天白云越来越多。\n\n全省PM2.5平均浓度从2015年的74微克/立方米降至44.8微克/立方米。\n", map[string]string{"PM2.5平均浓度降到了多少？": "44.8微克/立方米"}},
		// 年初预算合计 gives the budget, not what came in.
		{"budget total", "mou_2018_budget_report.txt", "关于某市2018年预算执行情况和2019年预算草案的报告\n\n一、2018年预算执行情况\n\n各级人代会批准的2018年全市一般公共预算收入年初预算合计1164078万元，实际完成1202017万元，为预算的103.3%。\n", map[string]string{"2018年全市一般公共预算收入一共收了多少？": "1202017万元"}},
		// The subject named before a figure (教育方面，投入…) is its own,
		// though a narrower word of it (义务教育) follows the figure.
		{"subject before", "mou_2018_budget_report.txt", "关于某市2018年预算执行情况和2019年预算草案的报告\n\n一、2018年预算执行情况\n\n教育方面，投入413764万元落实学前、义务教育、高中、职业教育经费保障，改善中小学办学条件；投入27835万元支持文化传媒事业发展。\n", map[string]string{"2018年在教育上投了多少钱？": "413764万元"}},
		// A bracketed aside between a subject and its figure
		// (存款余额（本外币合计，下同）33245.80亿元) is no distance.
		{"aside", "mou_2025_stat_bulletin.txt", "某市2025年国民经济和社会发展统计公报\n\n某市统计局\n\n八、金融\n\n年末金融机构各项存款余额（本外币合计，下同）33245.80亿元，比年初增加1988.68亿元；其中住户存款余额13765.59亿元，比年初增加1341.72亿元。\n", map[string]string{"年末存款余额是多少？": "33245.80亿元",
			"What was the year-end balance of deposits in the city's financial institutions?": "33245.80亿元"}},
		// A note that defines a term (即, 是指) comes before a sentence
		// that only says what the thing is like (是).
		{"defining word", "mou_2023_stat_bulletin.txt", "某市2023年国民经济和社会发展统计公报\n\n某市统计局\n\n一、综合\n\n第三产业是发展重点。\n\n注释：\n\n3.三次产业分类依据国家统计局2018年修订的《三次产业划分规定》，第三产业即服务业，是指除第一产业、第二产业以外的其他行业（剔除国际组织）。\n", map[string]string{"公报里第三产业是怎么界定的？": "除第一产业、第二产业以外的其他行业（剔除国际组织）"}},
		// A list's first item starts after the verb that introduces the
		// items (用于科技), and an item with the tail the list shares
		// (卫生 of 卫生和文化事业) is the whole word (卫生事业).
		{"shared tail", "national_2007_gov_work_report.txt", "政府工作报告\n\n一、2006年工作回顾\n\n全年中央财政用于科技、教育、卫生和文化事业的支出分别为774亿元、536亿元、138亿元和123亿元，比上年增长29.2%、39.4%、65.4%和23.9%。\n", map[string]string{"去年中央财政在卫生事业上花了多少钱？": "138亿元", "去年中央财政在科技上花了多少钱？": "774亿元"}},
		// Items joined by 和 and as many figures joined the same way are a
		// list, 分别 unsaid.
		{"joined list", "national_2012_gov_work_report.txt", "政府工作报告\n\n一、2011年工作回顾\n\n城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％。\n", map[string]string{"去年农村居民人均纯收入实际涨了多少？": "11.4％", "去年城镇居民人均可支配收入实际涨了多少？": "8.4％"}},
		// A quota (额度) is a kind of figure reports leave unsaid: 安排地方政府专项
		// 债券3.75万亿元 answers 专项债券额度.
		{"quota", "national_2020_gov_work_report.txt", "政府工作报告\n\n今年拟安排地方政府专项债券3.75万亿元，比去年增加1.6万亿元。\n", map[string]string{"今年给地方政府安排的专项债券额度是多少？": "3.75万亿元"}},
		// The paragraphs of a five-year review give the span's figures: a
		// question of one year is answered by the year's own, a level the span
		// ends at (达到280.7亿元) being its last year's.
		{"five-year review", "mou_2021_gov_work_report.txt", "2021年某省政府工作报告\n\n各位代表：\n\n一、“十三五”时期发展成就和2020年主要工作\n\n“十三五”时期是我省发展史上具有重大意义的五年。\n\n社会民生事业全面发展，人民生活水平持续提升。坚持就业优先，实施三项工程，城镇新增就业700万人、占全国1/10，城镇登记失业率控制在3.5%以内。经济总量跃上新台阶，一般公共预算收入达到280.7亿元。\n\n2020年是“十三五”规划收官之年，我们走过一段极不平凡的历程。\n\n全力稳住经济基本盘。出台“2.0版促进就业9条”，加大援企稳岗力度，发放失业保险稳岗返还资金130亿元，开展补贴性职业技能培训308万人次，承办首届全国职业技能大赛，高校毕业生就业率超过97%，全省城镇新增就业134万人。\n", map[string]string{"2020年城镇一共新增了多少人就业？": "134万人",
			"2020年一般公共预算收入有多少？": "280.7亿元"}},
		// A title naming the report's own region before a budget
		// (红河州地方政府一般债务…) is the whole region's, as 全州 is.
		{"region title", "yunnan_honghe_2025_budget_report.txt", "关于红河州2025年预算执行情况和2026年预算草案的报告\n\n各位代表：\n\n一、州本级“三公”经费和政府债务情况\n\n州本级“三公”经费预算安排0.2亿元。\n\n（一）红河州地方政府一般债务限额和余额情况\n\n2024年末地方政府一般债务余额271.74亿元。\n\n（二）红河州州本级政府一般债务限额和余额情况\n\n2024年末地方政府一般债务余额127.92亿元。\n", map[string]string{"红河全州的政府一般债务余额是多少？": "271.74亿元",
			"红河州本级的政府一般债务余额是多少？": "127.92亿元"}},
		// A part titled 关于2020年…预算的说明 is the plan of 2020, the year
		// the 2019 report plans for: asked in the past tense (留了多少),
		// that plan is what the report can say.
		{"part title", "henan_zhoukou_2019_budget_report.txt", "周口市全市和市级2019年预算执行情况及2020年预算编制说明\n一、2019年预算执行情况\n2019年市级一般公共预算支出完成61.5亿元，增长5.2%。\n关于2020年市级一般公共支出预算的说明\n2020年市级一般公共支出预算总计82.5亿元。\n一、市级主要项目支出情况\n1、一般公共服务支出8.8亿元，比上年预算数增加3018万元，增长3.5%。\n2、预备费1.5亿元。根据《预算法》规定，按照一般公共预算支出的1-3%安排。\n", map[string]string{"周口2020年预备费留了多少？": "1.5亿元"}},
		// What an aside leaves out (不含高速公路) is not what the figure
		// counts.
		{"excluded", "mou_2025_stat_bulletin.txt", "某市2025年国民经济和社会发展统计公报\n\n某市统计局\n\n六、交通\n\n年末公路通车里程（不含高速公路）16546公里，高速公路里程416公里。\n", map[string]string{"有多少公里高速公路？": "416公里"}},
		// The noun right after 多少 is what is counted (有多少贫困人口被纳
		// 入…: people), not the words after it (低保); 将 before what it
		// moves (将全市…纳入) is no future tense.
		{"counted after", "mou_2025_budget_report.txt", "关于某市2025年预算执行情况和2026年预算草案的报告\n\n一、2025年预算执行情况\n\n健全社会救助体系，将全市3.2万贫困人口纳入低保范围，发放低保资金6.3亿元。\n", map[string]string{"有多少贫困人口被纳入了低保？": "3.2万"}},
		// 一、二级 is one item, grades run together, not two items of a
		// list whose words belong to an earlier figure.
		{"ordinal join", "mou_2025_stat_bulletin.txt", "某市2025年国民经济和社会发展统计公报\n\n某市统计局\n\n十、环境\n\n全市空气质量指数为一、二级的天数占98.4%、比上年提高2个百分点；空气质量指数为三级的天数占1.4%、比上年降低1.3个百分点。\n", map[string]string{"空气质量一、二级的天数占比多少？": "98.4%"}},
		// A note defines a set by what it holds (包含), and 都 before the
		// ask is no part of the term.
		{"includes", "mou_2024_stat_bulletin.txt", "某市2024年国民经济和社会发展统计公报\n\n某市统计局\n\n二、工业\n\n全年全市战略性新兴产业增加值比上年增长7.2％。\n\n注释：\n\n4、战略性新兴产业包含新一代信息技术产业、高端装备制造产业、新材料产业等9大领域。\n", map[string]string{"公报里说的战略性新兴产业都包括哪些？": "新一代信息技术产业、高端装备制造产业、新材料产业等9大领域"}},
		// The parts of a subject (其中，…) are of the year the sentence
		// before names: a revised figure of the year before.
		{"detail year", "mou_2025_stat_bulletin.txt", "某市2025年国民经济和社会发展统计公报\n\n某市统计局\n\n一、综合\n\n注：2024年全市地区生产总值修订为1205.90亿元。其中，第一产业增加值134.52亿元，第三产业增加值444.80亿元。\n\n初步核算，全年全市地区生产总值1235.32亿元，比上年增长5.8%。其中，第一产业增加值148.65亿元，第三产业增加值480.25亿元。\n", map[string]string{"去年第三产业增加值有多少？": "480.25亿元", "第三产业增加值有多少？": "480.25亿元"}},
	} {
		t.Run(c.name, func(t *testing.T) { askAll(t, smallEngine(t, c.file, c.doc), c.want) })
	}
}

// A clause that names no flow goes on with the one the sentence named
// before it, back to a semicolon: 执行中调整为2483767万元 is still revenue.
func TestFigureFlowBefore(t *testing.T) {
	for _, c := range []struct{ text, fig, want string }{
		{"全市一般公共预算收入年初预算合计2536214万元，执行中调整为2483767万元，实际完成2251266万元。", "2483767", flowIn},
		{"收入45.6亿元，支出43.6亿元。", "43.6", flowOut},
		{"支出预算合计4026009万元，执行中调整为5008315万元，实际完成4525745万元。", "4525745", flowOut},
		{"全年完成投资120亿元。", "120", ""},
		// After a semicolon the sentence has turned to another topic.
		{"财政收入增长7.4%，扭转了增速放缓态势；进出口增长14.2%，实际使用外资1363亿美元、创历史新高。", "1363", ""},
		// A transfer in is revenue of the budget it enters.
		{"全省国有资本经营预算支出6.8亿元，增长6.1%，加上调入一般公共预算2.9亿元，支出总计9.7亿元。", "2.9", flowIn},
		// Money secured comes in.
		{"2019年，全市共争取一般公共预算资金486.6亿元，比上年增加49.9亿元。", "486.6", flowIn},
	} {
		at := strings.Index(c.text, c.fig)
		if got := figureFlow(c.text, clauses(c.text), at); got != c.want {
			t.Errorf("figureFlow(%q, %s) = %q, want %q", c.text, c.fig, got, c.want)
		}
	}
}

// Predicates of a sentence's words, each read in a few cases: 将 is a
// plan cue only where it says what will be, not before what a verb moves
// (将全市19.91万低收入对象纳入); the people a figure with no unit counts
// may be named right after it (低收入对象); 一、二级 is one item, not two.
func TestWordPredicates(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func(string) bool
		s    string
		want bool
	}{
		{"plan 将", func(s string) bool { return planCueIn(s, "将") }, "今年将新建学校5所", true},
		{"plan 将", func(s string) bool { return planCueIn(s, "将") }, "将全市19.91万低收入对象纳入保障范围", false},
		{"plan 将", func(s string) bool { return planCueIn(s, "将") }, "将3家企业列入名单", false},
		{"plan 将", func(s string) bool { return planCueIn(s, "将") }, "将近5万人", false},
		{"people after", peopleAfter, "贫困人口脱贫", true},
		{"people after", peopleAfter, "低收入对象纳入保障范围", true},
		{"people after", peopleAfter, "亩粮食", false},
		{"asks method", asksMethod, "工业战略性新兴产业是按什么标准划定的？", true},
		{"asks method", asksMethod, "年末常住人口是怎么得出来的？", true},
		{"asks method", asksMethod, "工业战略性新兴产业是什么？", false},
		{"ordinal join", func(s string) bool { return ordinalJoin(s, strings.Index(s, "、")) }, "一、二级的天数", true},
		{"ordinal join", func(s string) bool { return ordinalJoin(s, strings.Index(s, "、")) }, "三、四季度", true},
		{"ordinal join", func(s string) bool { return ordinalJoin(s, strings.Index(s, "、")) }, "教育、医疗", false},
		{"ordinal join", func(s string) bool { return ordinalJoin(s, strings.Index(s, "、")) }, "100个、200个", false},
	} {
		if got := c.f(c.s); got != c.want {
			t.Errorf("%s(%q) = %v, want %v", c.name, c.s, got, c.want)
		}
	}
}

// How a figure is had (怎么得出来的) is answered by the note that says
// what it is reckoned from (数据根据1%人口抽样进行推算), a few words after
// the term.
func TestDefinitionMethod(t *testing.T) {
	doc := "某市2025年国民经济和社会发展统计公报\n\n某市统计局\n\n一、综合\n\n全市年末常住人口438.39万人，下降0.7%。\n\n注释：\n\n2、年末常住人口数据根据1%人口抽样进行推算。\n"
	e := smallEngine(t, "mou_2025_stat_bulletin.txt", doc)
	r, err := e.Ask(context.Background(), Request{Question: "公报里的年末常住人口是怎么得出来的？"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Answers) == 0 || !strings.Contains(r.Answers[0].Text, "抽样") {
		t.Errorf("answers %+v, want the note on the sample", r.Answers)
	}
}

// A second 分别 list of the same items: the share of 高新技术产业 is the
// second of the second list, and its growth rate no share.
const listedReport = `2022年统计公报

全年规模以上工业增加值比上年增长7.1%。战略性新兴产业、高新技术产业、装备制造业增加值分别增长20.6%、16.9%、17.3%，占规模以上工业比重分别为27.1%、40.5%、30.9%。
`

func TestListedShares(t *testing.T) {
	e := smallEngine(t, "listed_2022_stat_bulletin.txt", listedReport)
	askAll(t, e, map[string]string{
		"高新技术产业占规模以上工业的比重是多少？": "40.5%",
		"高新技术产业的比重是多少？":        "40.5%",
		"装备制造业占规上工业比重多少？":      "30.9%",
	})
}

// 万元GDP能耗 in a list of targets is energy use per unit of GDP: its fall
// answers no question about GDP.
const targetsReport = `2020年政府工作报告

今年我区经济社会发展主要预期目标：本区生产总值增长6.5%左右，一般公共预算收入增长5.0%，万元GDP能耗、水耗分别下降4.3%、2.5%。
`

func TestIntensityBase(t *testing.T) {
	e := smallEngine(t, "yantian_2020_gov_work_report.txt", targetsReport)
	askAll(t, e, map[string]string{
		"What GDP growth target did the district set for this year?": "6.5%左右",
		"今年GDP预期增长多少？":                                               "6.5%左右",
	})
}

// A note that opens with its term may name the term's kind before the
// colon (14.“城市管家+街区制”模式：…); 怎么回事 and 是个什么模式 ask what a
// term means. A term inside a sentence about its figures (市本级预算稳定
// 调节基金情况：…安排…2亿元) is not defined there.
const notesReport = `2024年龙岗区政府工作报告

一、2023年工作回顾

首创“城市管家+街区制”模式并获全市推广。创新构建“942”治安陆海防控体系，刑事警情下降17%。市本级预算稳定调节基金情况：2024年市本级安排预算稳定调节基金2亿元。

二、名词解释

14.“城市管家+街区制”模式：“城市管家”指以一个街道整体为一个标段，将环卫、绿化等多项城市管理业务打包招标。

2.“942”治安陆海防控体系：在全区9个出入口设立交巡联勤卡口开展勤务。
`

func TestNoteDefinitions(t *testing.T) {
	e := smallEngine(t, "longgang_2024_gov_work_report.txt", notesReport)
	askAll(t, e, map[string]string{
		"报告里说的“城市管家+街区制”到底是个什么模式？": "“城市管家”指以一个街道整体为一个标段，将环卫、绿化等多项城市管理业务打包招标",
		"“942”治安陆海防控体系具体是怎么回事？":    "在全区9个出入口设立交巡联勤卡口开展勤务",
	})
	r, err := e.Ask(context.Background(), Request{Question: "预算稳定调节基金是什么意思？"})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range r.Answers {
		if a.Kind == "definition" && strings.Contains(a.Text, "2亿元") {
			t.Errorf("预算稳定调节基金 defined by a sentence of its figures: %q", a.Text)
		}
	}
}

// A list of districts' shares: the figure after the district asked is its
// own, though other districts stand before it in the clause.
const allocationReport = `关于深圳市2025年预算执行情况和2026年预算草案的报告

一、2026年预算草案

财政部下达我市2026年提前批新增债务限额529亿元。其中：分配市本级330.9亿元；转贷区级189.1亿元，包括：福田区31.1亿元、罗湖区27.4亿元、南山区11亿元、宝安区39.1亿元、龙岗区21.4亿元。
`

func TestDistrictInList(t *testing.T) {
	e := smallEngine(t, "guangdong_shenzhen_2026_budget_report.txt", allocationReport)
	askAll(t, e, map[string]string{
		"新增债务限额宝安区分到了多少？": "39.1亿元",
		"罗湖区分到多少新增债务限额？":  "27.4亿元",
	})
}

// Why 全市's spending fell is said beside 全市's figure, not 市级's.
const reasonsReport = `关于临沧市2025年预算执行情况和2026年预算草案的报告

一、2025年预算执行情况

市级地方一般公共预算支出完成565421万元，同比下降3.78%，主要是亚行贷款项目提款未达预期。全市地方一般公共预算支出完成2665184万元，同比下降1.65%，主要是受增发国债政策退出影响。
`

func TestReasonOfScope(t *testing.T) {
	e := smallEngine(t, "yunnan_lincang_2026_budget_report.txt", reasonsReport)
	r, err := e.Ask(context.Background(), Request{Question: "全市一般公共预算支出为什么比前年少了？"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Answers) == 0 || !strings.Contains(r.Answers[0].Text, "增发国债") {
		t.Errorf("全市's reason: %+v", r.Answers)
	}
}

// A sentence that shares out what the one before names (本次计划分配：…)
// is of its subject, as a 其中 sentence is.
const shareOutReport = `关于江门市2025年预算调整方案的报告

一、新增债务限额情况

本次增加下达专项债务限额83亿元，全部用于项目建设。本次计划分配：市本级14.78亿元、蓬江区11.09亿元、新会区25.19亿元、台山市8.76亿元。
`

func TestShareOutSentence(t *testing.T) {
	e := smallEngine(t, "guangdong_jiangmen_2025_budget_adjustment_report.txt", shareOutReport)
	askAll(t, e, map[string]string{"这次的专项债务限额，新会区分到多少？": "25.19亿元"})
	for text, want := range map[string]bool{"本次计划分配：市本级14.78亿元。": true, "其中，税收收入5亿元。": true, "分配给各区的资金较上年增加。": false} {
		if got := isDetail(text); got != want {
			t.Errorf("isDetail(%s) = %v, want %v", text, got, want)
		}
	}
}

// A sentence that opens with a balance (当年收支结余…，年末滚存结余…) is the
// balance of the fund the sentences before it name.
const balanceReport = `关于呼和浩特市2024年预算执行情况和2025年预算草案的报告

1.盘活存量资金。收回部门结余资金3.2亿元，统筹使用结转结余资金5.1亿元，清理项目结余资金2.3亿元，结余资金全部用于民生。

2.政府性基金预算收支情况。全市政府性基金收入52.3亿元，支出60.1亿元。年末结转4.2亿元。

3.国有资本经营预算收支情况。全市国有资本经营预算收入1.6亿元，支出1.1亿元。当年收支结余0.5亿元，年末滚存结余1.19亿元。

4.社会保险基金预算收支情
况。全市社会保险基金收入121.46亿元，为预算的101.32%，同比增长3.06%。全市社会保险基金支出111.73亿元，完成预算的94.86%，同比下降1.97%。当年收支结余9.73亿元，年末滚存结余141.88亿元。
`

func TestBalanceOfFundBefore(t *testing.T) {
	e := smallEngine(t, "neimenggu_huhehaote_2025_budget_report.txt", balanceReport)
	askAll(t, e, map[string]string{
		"呼市全市社保基金去年底滚存结余多少亿元？": "141.88亿元",
		"社保基金当年结余了多少？":         "9.73亿元",
	})
	if creditInherited(t, e, "当年收支结余9.73亿元", "社保基金滚存结余多少？", "社保基金") == 0 {
		t.Errorf("当年收支结余9.73亿元… does not inherit 社保基金 from the sentence before")
	}
	for text, want := range map[string]bool{
		"当年收支结余9.73亿元，年末滚存结余141.88亿元。": true,
		"收支相抵，年末滚存结余5638.11亿元。":        true,
		"年终结转12亿元。":                    true,
		"全市社会保险基金结余9.73亿元。":            false,
		"拨付174.9亿元。":                   false,
	} {
		if got := balanceLead(text); got != want {
			t.Errorf("balanceLead(%s) = %v, want %v", text, got, want)
		}
	}
}

// An item of a list told sentence by sentence (一是…。二是…。) is of the
// subject its lead tells before its first figure, and a detail that opens
// a paragraph (具体分配结果：…) is of the sentence before it.
const listItemsReport = `关于某省2022年省级财政预算调整方案的报告

一、新增债务限额情况

本次财政部下达新增专项债务限额235亿元，拟全部发行使用。本次新增债务限额下达后，财政部共下达新增债务限额4322亿元。

二、分配安排

本次增加下达的新增专项债务限额，全部用于发行地方政府专项债券。一是安排省级承贷11.4亿元，具体用于铁路建设7亿元、学校建设2.54亿元。二是安排转贷市县223.6亿元，其中100亿元专门支持南沙。

财政部下达外债转贷规模3.2亿元，积极发挥外债资金对扩大有效投资的作用。
具体分配结果：省级承贷1.2亿元，转贷市县2亿元。

三、民生支出

全市民生支出507.2亿元，占一般公共预算支出的82.2%。一是投入资金132.6亿元，支持教育优先发展。二是投入资金87.6亿元，支持提升社会保障水平。全市一般公共预算收入311.8亿元，增长1.8%。
`

func TestListItemsTakeTheLeadsSubject(t *testing.T) {
	e := smallEngine(t, "mou_2022_budget_adjustment_report.txt", listItemsReport)
	askAll(t, e, map[string]string{
		"省级承贷的专项债，用于修铁路的有多少？": "7亿元",
		"全市一般公共预算收入多少亿元？":     "311.8亿元",
		"外债转贷里省级承贷多少？":        "1.2亿元",
	})
	tests := []struct {
		sentence, question, concept string
		inherited                   bool
	}{
		{"一是安排省级承贷", "专项债用于修铁路的有多少？", "专项债", true},
		{"二是安排转贷市县", "专项债转贷市县多少？", "专项债", true},
		{"具体分配结果：", "外债转贷里省级承贷多少？", "外债", true},
		// 一般公共预算 is in the lead, but not in what it tells of.
		{"一是投入资金132.6亿元", "一般公共预算支出是多少？", "一般公共预算支出", false},
	}
	for _, tt := range tests {
		if got := creditInherited(t, e, tt.sentence, tt.question, tt.concept) > 0; got != tt.inherited {
			t.Errorf("%s… asked %s: %s inherited = %v, want %v", tt.sentence, tt.question, tt.concept, got, tt.inherited)
		}
	}
}

// creditInherited is the credit the sentence of the only document of e
// that starts with prefix inherits for a question's concept.
func creditInherited(t *testing.T, e *Engine, prefix, question, concept string) float64 {
	t.Helper()
	sums := e.x.Summaries()
	if len(sums) != 1 {
		t.Fatalf("%d documents, want 1", len(sums))
	}
	sum := sums[0]
	q := e.an.Analyze(question)
	for n := 0; n < sum.Sentences; n++ {
		recs, err := e.x.Sentences([]index.Ref{{Doc: sum.ID, Gen: sum.Gen, N: n}})
		if err != nil || len(recs) != 1 || recs[0] == nil {
			t.Fatalf("sentence %d: %v", n, err)
		}
		if !strings.HasPrefix(recs[0].Text, prefix) {
			continue
		}
		vw := e.newViewer()
		ctx := make([]float64, len(q.Concepts))
		vw.inheritSubject(q, vw.viewOf(sum, recs[0]), ctx)
		for ci, c := range q.Concepts {
			if c.Word == concept {
				return ctx[ci]
			}
		}
		t.Fatalf("%s: no concept %s in %+v", question, concept, q.Concepts)
	}
	t.Fatalf("no sentence starts with %s", prefix)
	return 0
}

// A list quoted before a term names its parts (打造“智造为本、双向赋能、样板
// 示范、要素集聚”的数字经济龙华模式), and a term the question quotes keeps
// its place (“龙华模式”); 哪几方面 asks no cubic metres.
func TestQuotedPartsBeforeTerm(t *testing.T) {
	doc := "深圳市龙华区2022年政府工作报告\n\n二、今年工作安排\n\n要坚持数字赋能产业升级，以打造“智造为本、双向赋能、样板示范、要素集聚”的数字经济龙华模式为目标，以政府管理服务数字化变革为抓手。\n\n加快构建“党委领导、政府负责、数据支撑、协同治理”的数字治理龙华模式。\n"
	e := smallEngine(t, "guangdong_shenzhen_longhua_2022_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{"龙华想打造的数字经济“龙华模式”具体包括哪几方面？": "智造为本、双向赋能、样板示范、要素集聚"})
	if q := testAnalyzer().Analyze("“龙华模式”具体包括哪几方面？"); q.Unit != "" {
		t.Errorf("哪几方面: unit %q, want none", q.Unit)
	}
}

// In a 分别 list the places pair with the figures in order (厦门、福州机场
// 旅客吞吐量分别达2790.6万人次、1529.9万人次): the nearer place does not make
// the first figure another place's.
func TestListedPlacesPairInOrder(t *testing.T) {
	doc := "2025年福建省政府工作报告\n\n一、2024年工作回顾\n\n全省接待旅游总人数6.5亿人次，厦门、福州机场旅客吞吐量分别达2790.6万人次、1529.9万人次，均创历史新高。\n"
	e := smallEngine(t, "fujian_2025_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{"厦门机场去年旅客吞吐量有多少人次？": "2790.6万人次"})
}

// A term whose sentence ends in a colon is answered with the sentence
// after it (做到“五个更加注重”：| ——更加注重强化战略引领…).
func TestColonEndedTermDefinedNext(t *testing.T) {
	doc := "2026年某省政府工作报告\n\n二、“十五五”主要目标\n\n实现上述目标，必须在工作推进中做到“五个更加注重”：\n\n——更加注重强化战略引领，突出战略导向。\n"
	e := smallEngine(t, "mou_2026_gov_work_report.txt", doc)
	r, err := e.Ask(context.Background(), Request{Question: "“五个更加注重”都是哪几条？"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Answers) == 0 || !strings.Contains(r.Answers[0].Sentence, "更加注重强化战略引领") {
		t.Errorf("answers %+v, want the sentence after the colon", r.Answers)
	}
}

// A span asked (过去五年) is answered by the figure of the span, not by
// the last year's flow told in the review of that year.
const spanReport = `2021年政府工作报告

一、2020年工作回顾

过去一年，脱贫攻坚取得决定性胜利，年初剩余的551万农村贫困人口全部脱贫、52个贫困县全部摘帽。

二、“十三五”时期我国发展取得的成就

脱贫攻坚成果举世瞩目，5575万农村贫困人口实现脱贫，960多万建档立卡贫困人口通过易地扶贫搬迁摆脱了困境。
`

func TestSpanAskedAnswersSpan(t *testing.T) {
	e := smallEngine(t, "national_2021_gov_work_report.txt", spanReport)
	askAll(t, e, map[string]string{
		"过去五年全国一共有多少农村贫困人口实现脱贫？": "5575万",
		"去年有多少农村贫困人口脱贫？":         "551万",
	})
}

// When nothing answers, the first passage is the sentence holding most of
// what was asked in the period asked, not the one retrieval ranks first for
// repeating the question's words: 今年打算…楼市稳 finds the plan's
// 房地产市场止跌回稳, not the year past's 楼市企稳，房地产市场回稳.
const housingReport = `福建省2025年政府工作报告

一、2024年工作回顾

房地产突出稳市场促回暖，楼市企稳，房地产市场回稳。

二、2025年工作安排

加强风险防范。促进房地产市场止跌回稳，完善支持住房消费政策，盘活存量用地和商办用房。严防金融风险，加强地方法人中小金融机构风险防控。
`

func TestPassagesByCoverage(t *testing.T) {
	e := smallEngine(t, "fujian_2025_gov_work_report.txt", housingReport)
	r, err := e.Ask(context.Background(), Request{Question: "今年打算怎么让楼市稳下来？"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Passages) == 0 || !strings.Contains(r.Passages[0].Text, "止跌回稳") {
		t.Errorf("first passage %+v, want the plan's 止跌回稳", r.Passages)
	}
}

// A question about problems ranks first, among passages nothing answers,
// the paragraph that speaks of them (存在……问题), and a paragraph whose
// topic heading names the thing asked: the features say so, and the
// fitted weights put such a sentence before one of equal coverage that
// retrieval alone ranks first, among passages and among the sentences
// that answer.
func TestPassagesProblemAndHeading(t *testing.T) {
	doc := "某省2025年政府工作报告\n\n一、2024年工作回顾\n\n" +
		"经济运行平稳，经济结构优化。\n\n" +
		"同时，经济发展中还存在一些问题，主要是需求不足、消费不振，部分企业生产经营困难，就业压力较大。\n\n" +
		"二、2025年工作安排\n\n" +
		"推进乡村建设。加快建设农村公路，推进农村道路改造提升。\n\n" +
		"扩大有效投资。实施农村道路、城市道路一批重大项目。\n"
	e := smallEngine(t, "mou_2025_gov_work_report.txt", doc)
	for _, c := range []struct {
		q, sentence string
		feature     int
		want        float64
	}{
		{"眼下经济还有哪些毛病？", "需求不足", pProblem, 1},
		{"眼下经济还有哪些毛病？", "经济运行平稳", pProblem, 0},
		{"乡村建设方面道路有什么安排？", "加快建设农村公路", pHeading, 0.1},
		{"乡村建设方面道路有什么安排？", "实施农村道路", pHeading, 0},
	} {
		hits, _, err := e.PassageHits(context.Background(), Request{Question: c.q})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range hits {
			if strings.Contains(h.Sentence, c.sentence) {
				found = true
				if got := h.Features[c.feature]; c.want == 0 && got != 0 || c.want > 0 && got < c.want {
					t.Errorf("%s: %s %s = %.2f, want %.2f", c.q, c.sentence, passageFeatureNames[c.feature], got, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no passage hit holds %s (hits %+v)", c.q, c.sentence, hits)
		}
	}
	m := DefaultModel()
	problem := passageFeatures{pCoverage: 0.5, pRetrieval: 0.6, pCore: 0.5, pProblem: 1}
	repeat := passageFeatures{pCoverage: 0.5, pRetrieval: 1, pCore: 0.5}
	if m.passageScore(&problem) <= m.passageScore(&repeat) {
		t.Errorf("passage weights %v rank a better-retrieved sentence of equal coverage over one that speaks of the problems asked", m.Passage)
	}
	if m.sentenceScore(&problem) <= m.sentenceScore(&repeat) {
		t.Errorf("sentence weights %v choose a better-retrieved sentence of equal coverage over one that speaks of the problems asked", m.Sentence)
	}
}

// A figure with 超 or 以上 right before a noun it classes (超200亿元县,
// 百亿元以上企业) bounds what is counted after it: no outcome itself.
func TestClassBound(t *testing.T) {
	doc := "陕西省2025年政府工作报告\n\n一、2024年工作回顾\n\n全省生产总值超200亿元县（区）达26个，县域经济增速高于全省1个百分点。\n\n地区生产总值35538亿元、增长5.3%。\n"
	e := smallEngine(t, "shaanxi_2025_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{"陕西去年生产总值是多少亿元？": "35538亿元"})
	cs, th := candidatesWith(t, e, "陕西去年生产总值是多少亿元？", "threshold")
	for _, c := range cs {
		if c.Text == "200亿元" && c.Features[th] != 1 {
			t.Errorf("超200亿元县: features %v, want threshold", c.Features)
		}
	}
	for after, want := range map[string]bool{"县（区）达26个": true, "以上企业12家": true, "，增长5%": false} {
		q := "超"
		if strings.HasPrefix(after, "以上") {
			q = ""
		}
		if got := classBound(q, after); got != want {
			t.Errorf("classBound(%q, %q) = %v, want %v", q, after, got, want)
		}
	}
}

// A report in traditional characters reads as one in simplified: 從X降低到Y
// gives the old state first, and a base year shortened as people say it
// (比五〇年) is the one asked.
const traditionalReport = `政府工作報告

一九五四年九月二十三日

財政支出中的國家機構經費所佔的比重，其中國防費從百分之四十一點五降低到百分之二十一點一。

參加投票的選民共二億七千八百零九萬人，佔登記選民總數的百分之八十五點八八。婦女參加投票的佔登記婦女選民總數的百分之八十四點零一。

一九五三年按貨幣計算的平均工資比一九五〇年增加了百分之八十四。同年產品成本比一九五二年平均降低了百分之三點二。
`

func TestTraditionalReport(t *testing.T) {
	e := smallEngine(t, "national_1954_gov_work_report.txt", traditionalReport)
	askAll(t, e, map[string]string{
		"国防费占财政支出的比重降到百分之几了？": "百分之二十一點一（21.1%）",
		"五三年职工平均工资比五〇年涨了多少？":  "百分之八十四（84%）",
	})
}

// What X is, asked of a term no report defines, is answered by the
// sentence that says it before any figure near its words.
func TestUndefinedTermBySentence(t *testing.T) {
	doc := "政府工作报告\n\n今后电力工业方面，长期建设的重点发电站共有一百零一个。\n\n今后电力工业的建设，应当坚决执行以水电为主、火电为辅的长期建设方针。\n"
	e := smallEngine(t, "national_1958_gov_work_report.txt", doc)
	r, err := e.Ask(context.Background(), Request{Question: "电力工业今后的长期建设方针是什么？"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Answers) == 0 || !strings.Contains(r.Answers[0].Sentence, "以水电为主") {
		t.Errorf("answers %+v, want the sentence of 以水电为主、火电为辅", r.Answers)
	}
}

// A figure per head (每人平均四百斤) does not answer a question of the
// whole that asks no amount per person; asked per person, in English too
// (per farmer, per-person), it does.
func TestPerHeadFigureIsNoWhole(t *testing.T) {
	doc := "政府工作报告\n\n一九五六年，全国粮食产量达到三千六百五十亿斤，按全国人口计算，每人平均六百零八斤。\n"
	e := smallEngine(t, "national_1957_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{
		"一九五六年全国粮食打了多少斤？":  "三千六百五十亿斤（3650亿斤）",
		"一九五六年每人平均有多少斤粮食？": "六百零八斤（608斤）",
	})
	a := testAnalyzer()
	for _, q := range []string{"What was the average net income per farmer last year?", "What will the per-person subsidy be raised to?"} {
		if !a.Analyze(q).PerUnit {
			t.Errorf("%s: PerUnit = false", q)
		}
	}
}

// A paragraph's lead that opens with its year (2015年，外贸出口形势良好。)
// is a run-in heading all the same: it names the subject of the sentence
// after it that has none (全年共出口2.7亿美元).
func TestRunInHeadingAfterYear(t *testing.T) {
	doc := "某县2015年国民经济和社会发展统计公报\n\n2015年，外贸出口形势良好。全年共出口2.7亿美元，同比增长13.3%；利用外资快速增长，实际利用外资5350万美元，同比增长9.2%。\n"
	e := smallEngine(t, "mou_2015_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{"2015年外贸出口总共多少亿美元？": "2.7亿美元"})
	if !runInHeading("2015年，外贸出口形势良好。") || runInHeading("2015年，出口2.7亿美元。") {
		t.Error("runInHeading: a year's lead not read, or a figure read as a heading")
	}
}

// The same value said twice, in 万元 and in 亿元, answers in the scale
// the question asks (多少亿元).
func TestScaleAskedFirst(t *testing.T) {
	mk := func(text string, v, p float64) candidate {
		return candidate{Answer: Answer{Text: text, Kind: "number", Doc: "d"}, value: v, class: "money", prob: p, gate: p}
	}
	m := &Model{Threshold: 0.35, Confident: 0.5, Second: 0.6}
	for _, tc := range []struct {
		cands []candidate
		scale float64
		want  string
	}{
		{[]candidate{mk("6315769万元", 63157690000, 0.717), mk("631.58亿元", 63158000000, 0.716)}, 1e8, "631.58亿元"},
		{[]candidate{mk("57764403", 577644030000, 0.635), mk("5776.4亿元", 577640000000, 0.62)}, 1e8, "5776.4亿元"},
		{[]candidate{mk("6315769万元", 63157690000, 0.717), mk("631.58亿元", 63158000000, 0.716)}, 1e4, "6315769万元"},
		{[]candidate{mk("6315769万元", 63157690000, 0.717), mk("631.58亿元", 63158000000, 0.716)}, 0, "6315769万元"},
		{[]candidate{mk("6315769万元", 63157690000, 0.717), mk("700亿元", 70000000000, 0.716)}, 1e8, "6315769万元"},
		{[]candidate{mk("6315769万元", 63157690000, 0.717), mk("631.58亿元", 63158000000, 0.5)}, 1e8, "6315769万元"},
	} {
		got := pick(tc.cands, false, tc.scale, m)
		if len(got) == 0 || got[0].Text != tc.want {
			t.Errorf("scale %g: pick = %+v, want %s first", tc.scale, got, tc.want)
		}
	}
}

// A comparison clause with a plan word before its verb (，比1980年预计增长
// 5.5％) goes on about the subject before it.
func TestComparisonClauseWithPlanWord(t *testing.T) {
	checkSecondClauseGoesOn(t, map[string]bool{
		"工农业总产值，比1980年预计增长5.5％，其中，农业总产值增长4％。": true,
		"工农业总产值，比1980年计划增长5.5％。":              true,
		"工农业总产值，计划投资增长5.5％。":                  false,
	})
}

// A pair of figures after a contraction (产销量, 城乡低保标准) answers
// for each part, measured from the list's head as the items of any
// 分别 list are; 一个月 and 每月 ask an amount per unit.
func TestContractionPartsAnswer(t *testing.T) {
	text := "红旗汽车产销量分别增长22.9％和17.4％。"
	figs := ParseQuantities(text)
	ct := contractionLists(text, clauses(text), figs)
	first, second := figs[0], figs[1]
	c, ok := ct[second.Start]
	if !ok || c.index != 1 || c.head.Start != first.Start {
		t.Fatalf("17.4％: %+v %v, want the second part with the first figure as head", c, ok)
	}
	q := &Question{Concepts: []Concept{{Word: "销量"}}}
	if out, ok := pinContracted(q, make([][]occurrence, 1), c, second.Start); !ok || out[0][0].pinned != 1 {
		t.Errorf("销量 not tied to the second figure: %+v", out)
	}
	if out, ok := pinContracted(q, make([][]occurrence, 1), ct[first.Start], first.Start); !ok || out[0][0].pinned == 1 {
		t.Errorf("销量 tied to the first figure: %+v", out)
	}
	a := testAnalyzer()
	for _, q := range []string{"城里的低保一个月多少钱？", "低保每月多少钱？"} {
		if !a.Analyze(q).PerUnit {
			t.Errorf("%s: PerUnit = false", q)
		}
	}
}

// A line repeated on every page (a table's title, a note) is one candidate, not
// fifty: the sentence that answers is still among those scored.
func TestRepeatedLinesDoNotCrowdOut(t *testing.T) {
	doc := "某省2023年财政决算报告\n\n财政部对我省2023年决算批复后，全省一般公共预算收入1396.1亿元，增长8.2%；全省一般公共预算支出5776.4亿元，增长6%。\n\n" +
		strings.Repeat("2023年全省一般公共预算支出决算情况详见附表。\n\n", 120)
	e := smallEngine(t, "mou_2023_final_accounts_report.txt", doc)
	askAll(t, e, map[string]string{"2023年全省一般公共预算支出多少亿元？": "5776.4亿元"})
}

// A count asked of one noun (多少个省会城市) is not answered by the
// classifier of another (３４个开放口岸); a change asked with 比…多V了多少
// is a change (增产１１９９万吨, not the level ３９１０９万吨), and one asked
// with no unit is answered by a rate too (增长１０％以上).
func TestCountedNounAndAskedChange(t *testing.T) {
	doc := "政府工作报告\n\n对外开放的范围和领域显著扩大，新开放了５个沿江城市、１８个省会城市、１３个沿边城市，增加了３４个开放口岸，形成了全方位开放的新格局。\n\n" +
		"粮食产量达到３９１０９万吨，比上年增产１１９９万吨。\n\n糖料产量将比去年增长１０％以上。\n"
	e := smallEngine(t, "national_1993_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{
		"粮食比上年多打了多少万吨？":  "１１９９万吨",
		"糖料产量预计比去年多出多少？": "１０％以上",
	})
	q := &Question{Norm: "去年新开放了多少个省会城市？", Unit: "个"}
	text := "新开放了５个沿江城市、１８个省会城市、１３个沿边城市，增加了３４个开放口岸。"
	for _, f := range ParseQuantities(text) {
		want := strings.HasPrefix(text[f.End:], "开放口岸")
		if got := countsOther(q, countedNoun(q.Norm), text[f.End:], f); got != want {
			t.Errorf("countsOther(%s) = %v, want %v", f.Text, got, want)
		}
	}
}

// A comparison with a year's end (比1995年底增加920亿美元) goes on about the
// subject before it, and so does a clause whose share of the budget is
// told around an aside (为调整预算（以下简称预算）的102.9%，增长11%).
func TestContinuesPastYearEndAndAside(t *testing.T) {
	checkSecondClauseGoesOn(t, map[string]bool{
		"国家外汇储备2000年底达1656亿美元，比1995年底增加920亿美元。":     true,
		"实际完成1713919万元，为调整预算（以下简称预算）的102.9%，增长11%。": true,
		"实际完成1713919万元，全省（不含汝州）税收收入增长11%。":          false,
	})
}

// A figure the words after it call a target (略低于8％的预定目标) is a
// target, its clause going on about the subject before; a question of
// the state before a change (改革之前) is answered by its old value.
func TestTargetAfterAndStateBefore(t *testing.T) {
	doc := "政府工作报告\n\n国内生产总值比上年增长7.8％，虽然略低于8％的预定目标，但这是在抵御亚洲金融危机的冲击的情况下取得的。\n\n" +
		"国务院组成部门从40个减少到29个，部门内设机构精简1／4。\n"
	e := smallEngine(t, "national_1999_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{
		"国内生产总值增长的预定目标是多少？":  "8％",
		"国内生产总值比上年增长了多少？":    "7.8％",
		"机构改革之前国务院组成部门有多少个？": "40个",
		"国务院组成部门减少到多少个？":     "29个",
	})
	// The first of a list of targets (降低4%左右、减少2%的目标) is one too.
	if !reTargetAfter.MatchString("4%左右、主要污染物排放总量减少2%的目标。") || reTargetAfter.MatchString("4%左右，主要污染物排放总量减少2%的目标") {
		t.Error("reTargetAfter: the first of a list of targets not read, or read across a comma")
	}
	if !reTargetAfter.MatchString("8％的预定目标，但") || !reTargetAfter.MatchString("7%左右的预期目标") || reTargetAfter.MatchString("8％，但这是") {
		t.Error("reTargetAfter: a target after a figure not read, or read where none is")
	}
	if l := clauses("国内生产总值比上年增长7.8％，虽然略低于8％的预定目标。"); len(l.continues) < 2 || !l.continues[1] {
		t.Error("虽然略低于8％: the clause does not go on about the subject before")
	}
}

// The words that lead a later item of a list (基本建成470万套、新开工630万套:
// 新开工) are that item's, not the figure's before them; a noun after the
// last figure (6个国家级、20个省级开发区) stays every item's. A unit in
// brackets (多少利润（亿元）) is the answer's unit, no term for the words
// before it.
func TestNextItemLeadAndBracketedUnit(t *testing.T) {
	text := "今年城镇保障性住房基本建成470万套、新开工630万套，继续推进农村危房改造。"
	l := clauses(text)
	at := strings.Index(text, "新开工")
	first := ParseQuantities(text)[0]
	if !l.leadsNextItem(first.End, at, at+len("新开工")) {
		t.Error("新开工 not read as the next item's lead")
	}
	text2 := "新建6个国家级、20个省级开发区。"
	l2 := clauses(text2)
	at2 := strings.Index(text2, "开发区")
	if l2.leadsNextItem(ParseQuantities(text2)[0].End, at2, at2+len("开发区")) {
		t.Error("开发区 after the last figure read as a later item's lead")
	}
	a := testAnalyzer()
	q := a.Analyze("苏州规上工业企业2025年赚了多少利润（亿元）？")
	found := false
	for _, c := range q.Concepts {
		found = found || c.Word == "利润"
	}
	if !found {
		t.Errorf("利润 lost to a bracketed unit: %+v", q.Concepts)
	}
}

// The points a share rose by (占一般公共预算收入比重70.4%，较上年提高1.4
// 个百分点) are no growth of the thing shared; asked of the share, they
// are its change.
func TestShareChangeIsNoGrowth(t *testing.T) {
	text := "税收收入占一般公共预算收入比重70.4%，较上年提高1.4个百分点。"
	l := clauses(text)
	if !shareBefore(text, l, strings.Index(text, "1.4")) {
		t.Error("1.4个百分点: the share before not found")
	}
	text2 := "一般公共预算收入139.3亿元，增长20.9%。"
	if shareBefore(text2, clauses(text2), strings.Index(text2, "20.9")) {
		t.Error("20.9%: a share found where none is")
	}
}

// A sentence listing what was built (已建成的主要有：…) details the subject
// of the one before, as a 其中 does; a clause after money that says what
// it does (，办好34项民生实事) says what it is for.
func TestBuiltListAndPurpose(t *testing.T) {
	for text, want := range map[string]bool{
		"已建成的主要有：加固大江大河大湖堤防近6100公里；增加铁路新线1423公里、复线643公里。": true,
		"主要有：新增公路通车里程1.2万公里。":                             true,
		"全年建成高速公路3358公里。":                                 false,
	} {
		if got := isDetail(text); got != want {
			t.Errorf("isDetail(%s) = %v, want %v", text, got, want)
		}
	}
	if l := clauses("坚持民生为大，安排资金136亿元，办好34项民生实事。"); len(l.purpose) < 3 || !l.purpose[2] {
		t.Error("办好34项民生实事: no purpose")
	}
}

// A change that goes on from an amount per head (人均地区生产总值21.3万元，
// 比上年增长5.0%) is that amount's growth, not the whole's.
func TestPerUnitChain(t *testing.T) {
	text := "按常住人口计算，人均地区生产总值21.3万元，比上年增长5.0%。"
	if !perUnitChain(text, clauses(text), strings.Index(text, "5.0")) {
		t.Error("5.0%: the per-head lead not found")
	}
	text2 := "全年实现地区生产总值27695.1亿元，比上年增长5.4%。"
	if perUnitChain(text2, clauses(text2), strings.Index(text2, "5.4")) {
		t.Error("5.4%: a per-head lead found where none is")
	}
}

// 上年结余收入 is an item of the budget of the year planned, the balance
// carried into it: 上年 there dates nothing.
func TestCarriedOverIsNoDate(t *testing.T) {
	doc := "关于某省2021年省级一般公共预算收入预算的说明\n\n五、上年结余收入44亿元，比2020年增加17.5亿元，增长66%。\n"
	e := smallEngine(t, "mou_2021_budget_revenue_note.txt", doc)
	askAll(t, e, map[string]string{"2021年上年结余收入有多少亿元？": "44亿元"})
}

// A budget's sum (收入总计390.02亿元) is named so right before its figure;
// the revenue itself (完成176.71亿元) is not.
func TestSumBefore(t *testing.T) {
	text := "全市一般公共预算收入预期目标增长3%，完成176.71亿元，加上级补助收入136.43亿元，全市一般公共预算收入总计390.02亿元。"
	for _, f := range ParseQuantities(text) {
		want := f.Text == "390.02亿元"
		if got := sumBefore(text, f.Prefix); got != want {
			t.Errorf("sumBefore(%s) = %v, want %v", f.Text, got, want)
		}
	}
}

// checkSecondClauseGoesOn checks, per text, whether its second clause
// goes on about the subject of the first (layout.continues).
func checkSecondClauseGoesOn(t *testing.T, want map[string]bool) {
	t.Helper()
	for text, w := range want {
		if l := clauses(text); len(l.continues) < 2 || l.continues[1] != w {
			t.Errorf("%s: second clause goes on = %v, want %v", text, !w, w)
		}
	}
}

// TestLooseParts: a word's characters no dictionary word inside it covers
// (钢 of 钢产量) are a part of it too: a sentence with its head alone
// (渔业的产量) does not answer it, one with both parts does.
func TestLooseParts(t *testing.T) {
	seg := segment.NewMaxMatch([]string{"钢产量", "产量", "渔业", "生产", "海洋", "淡水", "达到", "全国", "粮食", "钢铁", "工业", "发展"})
	for _, c := range []struct {
		doc  string
		want string // "" for no answer
	}{
		{"海洋和淡水的渔业生产，一九五九年的产量达到五百零二万吨。", ""},
		{"钢铁工业发展很快，一九五九年钢的产量达到一千三百三十五万吨。", "一千三百三十五万吨（1335万吨）"},
	} {
		e := smallEngineSeg(t, seg, "maxmatch-loose", "national_1960_gov_work_report.txt", "1960年政府工作报告\n\n"+c.doc+"\n")
		r, err := e.Ask(context.Background(), Request{Question: "一九五九年全国钢产量是多少？"})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(r.Answers) > 0 {
			got = r.Answers[0].Text
		}
		if got != c.want {
			t.Errorf("%s: answered %q, want %q", c.doc, got, c.want)
		}
	}
	for _, c := range []struct {
		word string
		subs []string
		want []string
	}{
		{"钢产量", []string{"产量"}, []string{"钢", "产量"}},
		{"粮食总产量", []string{"粮食", "产量"}, []string{"粮食", "产量"}}, // 总 says little alone
		{"满意度", []string{"满意"}, []string{"满意"}},
		{"养老床位", nil, nil},
		{"新增养老床位", []string{"新增", "养老", "床位"}, []string{"新增", "养老", "床位"}},
		// 通高 straddles 普通 and 高校: no part (普通高中 holds it).
		{"普通高校", []string{"普通", "通高", "高校"}, []string{"普通", "高校"}},
	} {
		if got := leftoverParts(c.word, c.subs); !slices.Equal(got, c.want) {
			t.Errorf("leftoverParts(%s, %v) = %v, want %v", c.word, c.subs, got, c.want)
		}
	}
}

// TestHeadingIsNoAnswer: a bare heading (2.政府性基金预算) names a topic and
// answers nothing; the passage it opens comes with the paragraph after it.
func TestHeadingIsNoAnswer(t *testing.T) {
	doc := "某市2018年预算执行情况的报告\n\n2.政府性基金预算\n\n全市政府性基金预算收入184.7亿元，增长57.8%，增幅较高主要是因为国有土地使用权出让收入增加较多。\n\n3.国有资本经营预算\n\n全市国有资本经营预算收入1.2亿元。\n"
	e := smallEngine(t, "mou_2018_budget_report.txt", doc)
	r, err := e.Ask(context.Background(), Request{Question: "政府性基金预算收入增幅为什么这么高？"})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range r.Answers {
		if headingOnly(a.Sentence) {
			t.Errorf("answer %q is a bare heading", a.Sentence)
		}
	}
	if len(r.Passages) == 0 || !strings.Contains(r.Passages[0].Text, "增幅较高") {
		t.Errorf("passages %+v, want the first to hold the reason", r.Passages)
	}
}

// TestAnnouncingPassage: a paragraph that ends announcing what follows
// (重点是做三件事：) is given with the paragraph after it, which says what
// the three things are.
func TestAnnouncingPassage(t *testing.T) {
	doc := "某省2025年政府工作报告\n\n体制改革，头绪纷繁。今后三年内，重点是做三件事：\n\n一是对国营企业逐步推行以税代利；二是改革商业流通体制；三是改革劳动工资制度。\n\n其他工作也要抓紧。\n"
	e := smallEngine(t, "mou_2025_gov_work_report.txt", doc)
	r, err := e.Ask(context.Background(), Request{Question: "今后三年体制改革重点是做哪三件事？"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Passages) == 0 || !strings.Contains(r.Passages[0].Text, "以税代利") {
		t.Errorf("passages %+v, want the first to hold the three things", r.Passages)
	}
	for text, want := range map[string]bool{"重点是做三件事：": true, "采取如下措施:\n": true, "做好三件事。": false,
		"2.政府性基金预算": true, "二、1981年国民经济计划的任务和主要指标": true,
		"今年我省创新民生实事遴选工作机制，首次由省人大常委会测评候选项目": false,
		"（三）大力发展现代能源经济，建设国家重要能源和战略资源基地":    false} {
		if got := announces(text); got != want {
			t.Errorf("announces(%q) = %v, want %v", text, got, want)
		}
	}
}

// A level a span of years moves to (这两年中，钢产量由…增加到…) is of the
// span's last year, the year the report reviews; a figure in 亿度 written
// in Chinese numerals is one; a sum reached over a span (“十四五”时期…总量
// 达) is no year's.
func TestSpanEndLevel(t *testing.T) {
	seg := segment.NewMaxMatch([]string{"钢产量", "发电量", "增加", "全国", "全市", "一般公共预算收入", "总量", "时期", "两年", "增长"})
	doc := "1979年政府工作报告\n\n这两年中，钢产量由二千零四十六万吨增加到三千一百七十八万吨，增长百分之五十五点三；发电量由二千零三十亿度增加到二千五百六十亿度，增长百分之二十六。\n"
	e := smallEngineSeg(t, seg, "maxmatch-spanend", "national_1979_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{
		"1978年钢产量达到多少万吨？":  "三千一百七十八万吨（3178万吨）",
		"1978年全国发电量有多少亿度？": "二千五百六十亿度（2560亿度）",
	})
	doc = "2026年廊坊市政府工作报告\n\n“十四五”时期，全市一般公共预算收入总量达1670亿元。\n\n2025年，全市一般公共预算收入311.8亿元，增长1.8%。\n"
	e = smallEngineSeg(t, seg, "maxmatch-spanend2", "hebei_langfang_2026_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{
		"2025年全市一般公共预算收入是多少亿元？": "311.8亿元",
	})
}

// A level a figure moves to in a year (增加到2012年的1923亿元) is the
// level, not what was added: it answers how much there is.
func TestMovedToDatedLevel(t *testing.T) {
	seg := segment.NewMaxMatch([]string{"补贴资金", "补贴", "资金", "种粮", "农民", "增加", "标准", "逐年", "提高", "制度", "建立健全"})
	doc := "2013年政府工作报告\n\n建立健全种粮农民补贴制度，补贴标准逐年提高，补贴资金从2007年的639亿元增加到2012年的1923亿元。\n"
	e := smallEngineSeg(t, seg, "maxmatch-movedto", "national_2013_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{
		"2012年种粮农民补贴资金有多少亿？": "1923亿元",
	})
}

// The same sum written twice, in 亿元 and in 万元: a question that asks in
// 万元 gets the figure as written in 万元, one in 亿元 the other.
const twiceReport = `关于吴忠市2024年财政决算的报告

一、2025年上半年预算执行情况

上半年，全市地方一般公共预算收入完成25.4亿元，增长8%，为年度预算的55.6%。

上半年，全市地方一般公共预算收入完成254,482万元，为预算的55.6%，增长8%。
`

func TestWrittenScale(t *testing.T) {
	e := smallEngine(t, "twice_2024_final_accounts_report.txt", twiceReport)
	askAll(t, e, map[string]string{
		"上半年全市一般公共预算收入完成了多少万元？": "254,482万元",
		"上半年全市一般公共预算收入完成了多少亿元？": "25.4亿元",
	})
}

// The growth of the economy is the growth of its output, not a sector's
// contribution to that growth (对经济增长的贡献率), which names 经济增长 as
// what it adds to; a question about the contribution gets the contribution.
func TestContributionIsNoGrowth(t *testing.T) {
	seg := segment.NewMaxMatch([]string{"经济", "增长", "经济增长", "增速", "贡献率", "贡献", "地区生产总值", "三次产业", "全市", "同比", "完成", "服务业", "第三产业"})
	doc := "2025年某市经济运行情况\n\n某市统计局\n\n一、经济总量\n\n全年全市地区生产总值完成1235.32亿元，按不变价格计算同比增长5.8%。\n\n从增长贡献看，三次产业对经济增长的贡献率分别为11.91%、36.49%、51.60%。\n"
	e := smallEngineSeg(t, seg, "maxmatch-contribution", "mou_2025_economic_review.txt", doc)
	askAll(t, e, map[string]string{
		"经济增速多少？":           "5.8%",
		"第三产业对经济增长的贡献率是多少？": "51.60%",
	})
}

// The three sectors' figures after 第一、二、三产业…分别为 are each its own
// (the list names 第一 once, 三产业 too), and a list of their
// contributions after a clause that names them (三次产业结构比为…,
// 对经济增长的贡献率分别为) is theirs in order, 服务业 the third.
func TestSectorListsElided(t *testing.T) {
	seg := segment.NewMaxMatch([]string{"经济", "增长", "经济增长", "贡献率", "贡献", "三次产业", "服务业", "第一产业", "第二产业", "第三产业", "三产", "增加值", "产业", "结构"})
	doc := "2022年某市国民经济和社会发展统计公报\n\n某市统计局\n\n一、综合\n\n" +
		"初步核算,2022年全市实现地区生产总值557.93亿元,比上年增长7.8%。第一、二、三产业增加值分别为112.46、96.6、348.87亿元,分别比上年增长6.2%、11.2%、7.5%。三次产业结构比为20.2:17.3:62.5,对经济增长的贡献率分别为16.5%、22.2%、61.3%。\n"
	e := smallEngineSeg(t, seg, "maxmatch-sectors-elided", "mou_2022_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{
		"第一产业增加值是多少亿元？":     "112.46",
		"服务业对经济增长的贡献率是多少？":  "61.3%",
		"第三产业对经济增长的贡献率是多少？": "61.3%",
		"第二产业贡献率多少？":        "22.2%",
		"三产对经济增长的贡献率是多少":    "61.3%",
	})
}

// A growth told against a year five years back (较2020年增长30%) is no
// one year's growth, asked of 2025; a share's change in points (比重(城镇化
// 率)为40.3%，比上年提高0.79个百分点) is the rate's own change; 地均 asks
// a figure per area.
func TestLongBasePointsPerArea(t *testing.T) {
	doc := "某区人民政府工作报告(2026年)\n\n各位代表:\n\n一、“十四五”时期和2025年工作回顾\n\n" +
		"综合实力再上台阶。地区生产总值实现1781.8亿元、较2020年增长30%,人均突破31万元、地均迈上76亿元/平方公里新台阶。社会消费品零售总额跃升至1851.7亿元,居全市第2。\n\n" +
		"年末常住人口250.58万人。其中,城镇人口100.99万人,占常住人口的比重(常住人口城镇化率)为40.3%,比上年提高0.79个百分点。\n"
	seg := segment.NewMaxMatch([]string{"地区生产总值", "增长", "人均", "地均", "社会消费品零售总额", "全市", "城镇化率", "常住人口城镇化率", "城镇人口", "常住人口", "比重", "提高", "百分点", "多少", "百分之", "排老几", "排", "社零"})
	e := smallEngineSeg(t, seg, "maxmatch-long-base", "mou_2026_work_report.txt", doc)
	askNone(t, e, "2025年地区生产总值增长了百分之多少？")
	askAll(t, e, map[string]string{
		"城镇化率提高了几个百分点？":                         "0.79个百分点",
		"What is the GDP per square kilometre?": "76亿元/平方公里",
	})
}

// A change told clauses after its level, past a share of the budget done,
// what was collected over it and the change's basis (一般公共预算收入46900
// 万元,完成预算46508万元的100.8%,超收392万元,同比增长6.8%), is that
// level's change.
func TestChangePastOverCollection(t *testing.T) {
	doc := "关于某县2023年财政决算的报告\n\n一、财政收支完成情况\n\n" +
		"2023年,全县大口径财政收入累计完成99895万元,占预算92390万元的108.1%,较上年同期110374万元下降9.5%,减收10479万元。其中:一般公共预算收入46900万元,完成预算46508万元的100.8%,超收392万元,同比增长6.8%,增收3003万元;政府性基金收入34519万元,完成预算20000万元的172.6%,超收14519万元,同比减收11469万元,下降24.9%。\n"
	seg := segment.NewMaxMatch([]string{"一般公共预算收入", "财政收入", "大口径", "政府性基金收入", "比上年", "增长", "上年", "完成", "预算", "同比"})
	e := smallEngineSeg(t, seg, "maxmatch-over-collection", "mou_2023_final_accounts.txt", doc)
	askAll(t, e, map[string]string{"一般公共预算收入比上年涨了多少个点？": "6.8%"})
}

// 去年 asked of a report delivered at the end of the year it reviews is
// that year: the asker speaks after it.
func TestLastYearOfLateReport(t *testing.T) {
	doc := "——2022年12月24日在某区第十九届人民代表大会第二次会议上\n某区人民政府区长 某某\n各位代表:\n现在,我代表区政府向大会报告工作,请予审议。\n" +
		"一、2022年政府工作回顾\n全年实现地区生产总值285亿元,增长5.5%,比2021年的270亿元多15亿元。\n"
	e := smallEngine(t, "mou_2022_work_report.txt", doc)
	askAll(t, e, map[string]string{"去年地区生产总值多少亿？": "285亿元"})
}

// The structure told from one year's to another's (三次产业结构比由2006年的
// 40.7:14.5:44.8调整到2007年的40.1:16.9:43) gives each year's shares; a
// share is no sector's growth.
func TestStructureFromTo(t *testing.T) {
	doc := "关于某县2007年国民经济和社会发展计划执行情况及2008年计划草案的报告\n\n各位代表:\n\n一、2007年计划执行情况\n\n" +
		"全年实现地区生产总值24.9亿元,比上年增长10.0%。其中一、二、三产业增加值分别达到9.98亿元、4.2亿元、10.72亿元,分别增长2.4%、30.7%和10.7%;三次产业结构比由2006年的40.7:14.5:44.8调整到2007年的40.1:16.9:43。\n"
	seg := segment.NewMaxMatch([]string{"第一产业", "第二产业", "第三产业", "三产", "一产", "二产", "增速", "增长", "比重", "占比", "三次产业", "结构", "增加值", "地区生产总值"})
	e := smallEngineSeg(t, seg, "maxmatch-structure-from-to", "mou_2007_plan_report.txt", doc)
	askAll(t, e, map[string]string{
		"第二产业增速多少？":         "30.7%",
		"2007年三产占比多少？":      "43",
		"2006年第一产业占的比重是多少？": "40.7",
	})
}

// 当年 asked of a report is the year it tells of, not the asker's own.
func TestThatYearIsTheReportsYear(t *testing.T) {
	doc := "2015年某省国民经济和社会发展统计公报\n\n某省统计局\n2016年2月1日\n\n一、固定资产投资\n\n全年施工项目2979个,增长4.6%;其中本年新开工项目1163个,增长18.1%。\n"
	e := smallEngine(t, "mou_2015_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{"当年新开工的项目有几个？": "1163个"})
}

// Items set one a line under a lead that sets targets (今年…主要预期目标
// 是：/ ◆社会消费品零售总额增长6%) are that year's targets; items under a
// lead that tells results (报告指出：/ ●…增长5.8%) are not.
func TestListItemsTakeTheirLead(t *testing.T) {
	doc := "某省政府工作报告要点\n1月23日上午,某省人大会议开幕。省长某某向大会作政府工作报告。\n报告指出:\n" +
		"●2023年全省地区生产总值达到13.57万亿元、增长4.8%;\n●社会消费品零售总额达4.7万亿元、增长5.8%;\n" +
		"报告提出,今年全省经济社会发展的主要预期目标是:\n◆地区生产总值增长5%;\n◆固定资产投资增长4%,社会消费品零售总额增长6%;\n"
	e := smallEngine(t, "mou_2024_work_report.txt", doc)
	askAll(t, e, map[string]string{
		"去年社会消费品零售总额增长了多少？":  "5.8%",
		"今年社会消费品零售总额预期增长多少？": "6%",
	})
}

// A budget as set at the year's start and as adjusted are two figures: 年初
// asks the first, 后来调到了多少 the second, though the verb has 了.
func TestBudgetStages(t *testing.T) {
	doc := "关于某市2021年预算执行情况和2022年预算草案的报告\n\n一、2021年预算执行情况\n\n" +
		"全市一般公共预算支出预算43.78亿元,因转移支付补助、新增债券等因素,支出预算调整为52.5亿元,实际完成42.44亿元,为调整预算的80.8%。\n"
	seg := segment.NewMaxMatch([]string{"全市", "一般公共预算支出", "一般公共预算", "支出", "预算", "年初", "后来", "调到", "调整为", "调整", "实际", "完成", "转移支付", "新增债券"})
	e := smallEngineSeg(t, seg, "maxmatch-budget-stages", "mou_2021_budget_report.txt", doc)
	askAll(t, e, map[string]string{
		"全市一般公共预算支出年初预算是多少？": "43.78亿元",
		"全市一般公共预算支出后来调到了多少？": "52.5亿元",
		"全市一般公共预算支出实际完成了多少？": "42.44亿元",
	})
}

// 政府性基金收入 is one term: a report that gives the general budget's
// revenue and a sum moved in from the fund gives no fund revenue.
func TestFundRevenueIsOneTerm(t *testing.T) {
	doc := "关于某区2024年财政决算的报告\n\n(一)2024年一般公共预算收支决算情况\n\n" +
		"2024年区一般公共预算收入180.97亿元,为预算的102.27%。加上上级补助收入35.61亿元、调入资金16.65亿元、动用预算稳定调节基金26亿元,收入总计266.84亿元。\n"
	e := smallEngine(t, "mou_2024_final_accounts.txt", doc)
	askNone(t, e, "2024年政府性基金预算收入多少？", "2024年政府性基金收入是多少？")
}

// The income of the country's residents is not that of all residents: a
// report that gives only 居民人均可支配收入 answers no question of 农村居民's.
func TestRuralIncomeIsNoResidentsIncome(t *testing.T) {
	doc := "关于某市2023年计划执行情况的报告\n\n一、2023年计划执行情况\n\n全市实现地区生产总值4800亿元,增长6%;居民人均可支配收入45900元,增长6.5%。\n"
	e := smallEngine(t, "mou_2023_plan_report.txt", doc)
	askNone(t, e, "农村居民人均可支配收入是多少？")
	askAll(t, e, map[string]string{"居民人均可支配收入是多少？": "45900元"})
	both := "2023年某县统计公报\n\n全年城镇居民人均可支配收入41200元,增长5.1%;农村居民人均可支配收入21800元,增长7.3%。\n"
	askAll(t, smallEngine(t, "mou_2023_stat_bulletin.txt", both), map[string]string{"农村居民人均可支配收入是多少？": "21800元"})
}

// A question of the state capital budget's revenue is none of the
// general budget's: the budget's revenue is one term.
func TestStateCapitalBudgetIsOneTerm(t *testing.T) {
	doc := "关于某县2021年财政决算的报告\n\n一、2021年财政决算情况\n\n" +
		"2021年,全县财力收入总计498107万元,其中:一般公共预算收入103200万元,政府性基金收入132610万元,上级补助收入175454万元。\n"
	seg := segment.NewMaxMatch([]string{"国有资本", "经营", "预算", "收入", "一般公共预算收入", "政府性基金", "政府性基金收入", "上级补助收入", "全县", "财力", "总计", "多少"})
	e := smallEngineSeg(t, seg, "maxmatch-state-capital", "mou_2021_final_accounts.txt", doc)
	askNone(t, e, "2021年国有资本经营预算收入多少？")
	askAll(t, e, map[string]string{"2021年政府性基金收入多少？": "132610万元"})
}

// A debt balance (债务余额) is what is outstanding: money paid back
// (偿还到期政府债务本息26亿元) does not answer it, and a report that gives
// only repayments gives no balance.
const repaidReport = `关于2025年预算执行情况和2026年预算草案的报告

一、2025年预算执行情况

全市一般公共预算收入完成40.2亿元，增长3.1%。全市一般公共预算支出完成182.1亿元，增长2.5%。

加大政府债务风险化解力度，按期偿还到期政府债务本息26亿元，全年完成政府债务还本付息30.5亿元，没有发生债务违约风险。
`

func TestRepaymentIsNoBalance(t *testing.T) {
	e := smallEngine(t, "repaid_2025_budget_report.txt", repaidReport)
	for _, q := range []string{"2025年末全市政府债务余额是多少亿元？", "去年底政府债务余额还有多少？"} {
		r, err := e.Ask(context.Background(), Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Answers) > 0 {
			t.Errorf("%s: answered %s (%s), want none", q, r.Answers[0].Text, r.Answers[0].Sentence)
		}
	}
	askAll(t, e, map[string]string{"全年政府债务还本付息多少亿元？": "30.5亿元"})
}

// A debt's ceiling is not its balance: 政府债务限额为10657.4亿元 answers
// 债务限额, not 债务余额, and the reverse.
func TestDebtLimitIsNoBalance(t *testing.T) {
	doc := "2024年某省财政决算报告\n\n经省人民代表大会常务委员会批准，2024年我省新增债务收入670亿元。全省政府债务还本付息额762.1亿元，均全部如期偿还。截至2024年底，全省政府债务限额为10657.4亿元。\n"
	e := smallEngine(t, "mou_2024_final_accounts_report.txt", doc)
	r, err := e.Ask(context.Background(), Request{Question: "截至2024年底全省政府债务余额是多少？"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Answers) > 0 {
		t.Errorf("债务余额: answered %s (%s), want none", r.Answers[0].Text, r.Answers[0].Sentence)
	}
	askAll(t, e, map[string]string{"2024年底全省政府债务限额是多少？": "10657.4亿元"})
}

// A pair said with 城乡 and 分别 gives the towns' figure first and the
// countryside's second: 城里 asks the first, 农村 the second.
func TestUrbanRuralPair(t *testing.T) {
	doc := "2025年某市国民经济和社会发展统计公报\n\n全市城乡最低生活保障标准分别提高到每人每年7680元、5652元，特困人员基本生活标准按不低于最低保障标准的1.3倍执行。\n\n全年城乡居民人均可支配收入分别增长4.5%和6.8%。\n"
	e := smallEngine(t, "pair_2025_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{
		"城里的低保标准一年多少钱？":      "7680元",
		"城镇最低生活保障标准提高到多少元？":  "7680元",
		"农村最低生活保障标准每人每年多少元？": "5652元",
		"农村居民人均可支配收入增长多少？":   "6.8%",
		"城镇居民人均可支配收入增长多少？":   "4.5%",
	})
}

// 多少张床 counts beds: 个 after the institutions before it counts them,
// not beds, however near the question's other words stand.
func TestClassifierCountsAnotherNoun(t *testing.T) {
	doc := "某市2025年国民经济和社会发展统计公报\n\n年末共有各级各类医疗卫生机构2674个（含村卫生室），床位17322张，卫生技术人员22217人。\n"
	e := smallEngine(t, "mou_2025_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{"全市医疗卫生机构一共多少张床？": "17322张", "全市有多少家医疗卫生机构？": "2674个"})
}

// "How much money" asks a sum: money is no word its sentence must hold. A
// bracketed list after a quoted term glosses it, and adds no subject.
func TestEnglishMoneyAndGloss(t *testing.T) {
	doc := "关于某市2024年预算执行情况和2025年预算草案的报告\n\n拨付37亿元，支持优化教育资源配置，提高普通高中学位供给。\n\n2024年，全市“三保”支出296.66亿元，执行进度91.9%。\n"
	e := smallEngine(t, "mou_2025_budget_report.txt", doc)
	askAll(t, e, map[string]string{
		"How much money did the city put into education?":                                              "37亿元",
		"How much did the city spend on the 'three guarantees' (wages, operations, basic livelihood)?": "296.66亿元",
	})
}

// A year's revenue is not the sum over the five years (累计完成911亿元).
func TestCumulativeIsNoYearsRevenue(t *testing.T) {
	doc := "关于某市2025年预算执行情况和2026年预算草案的报告\n\n一、2025年预算执行情况\n\n收入层面，全市一般公共预算收入累计完成911亿元，较“十三五”期间增加329亿元，增幅达56.5%。\n\n全年全市一般公共预算收入完成175.39亿元，总量全省排名第六。\n"
	e := smallEngine(t, "mou_2025_budget_report.txt", doc)
	askAll(t, e, map[string]string{"2025年全市一般公共预算收入完成多少？": "175.39亿元"})
	// Nor is a sum whose sentence gives its yearly average growth
	// (累计达688.5亿元，年均增长9.1%).
	doc = "周口市2022年预算执行情况和2023年预算（草案）报告解读\n\n财政实力大幅提升。全市一般公共预算收入累计达688.5亿元，年均增长9.1%；上级补助资金累计达2174.1亿元，年均增长5.3%。\n\n2022年全市一般公共预算收入完成165.6亿元，增长6.2%。\n"
	e = smallEngine(t, "mou_2022_budget_report.txt", doc)
	askAll(t, e, map[string]string{"2022年全市一般公共预算收入完成多少？": "165.6亿元"})
	cands, added := candidatesWith(t, e, "2022年全市一般公共预算收入完成多少？", "stock_added")
	for _, c := range cands {
		if c.Text == "688.5亿元" && c.Features[added] != 1 {
			t.Errorf("688.5亿元: stock_added %v, want 1 (a sum over years)", c.Features[added])
		}
	}
}

// 卖多少钱一平 asks the price of a square metre: 均价, not the sales.
func TestPricePerSquareMetre(t *testing.T) {
	doc := "某县2020年国民经济和社会发展统计公报\n\n全年商品房销售额72.87亿元，下降10.1%；商品房屋销售面积66.38万平方米，下降9.7%；商品房屋销售均价10978元/㎡，同比下降0.5%。\n"
	e := smallEngine(t, "mou_2020_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{"商品房卖多少钱一平？": "10978元/㎡", "商品房一共卖了多少钱？": "72.87亿元"})
}

func TestPricePerSquareMetreAsked(t *testing.T) {
	q := testAnalyzer().Analyze("平潭商品房卖多少钱一平？")
	if !q.PerUnit {
		t.Errorf("多少钱一平: PerUnit false, want a price per square metre")
	}
	for _, c := range q.Concepts {
		if c.Word == "一平" && (!c.Aspect || !slices.ContainsFunc(c.Alts, func(a Alt) bool { return a.Text == "均价" })) {
			t.Errorf("一平: %+v, want an aspect found as 均价", c)
		}
	}
}

// 全年累计化解 sums up the year asked: the year's own figure.
func TestCumulativeOfTheYear(t *testing.T) {
	doc := "关于某市2025年预算执行情况和2026年预算草案的报告\n\n一、2025年预算执行情况\n\n全年累计化解隐性债务225,865万元，偿还法定债务本息158,716万元，债务风险总体可控。\n"
	e := smallEngine(t, "mou_2025_budget_report.txt", doc)
	askAll(t, e, map[string]string{"2025年化解了多少隐性债务？": "225,865万元"})
}

// 全市教育累计支出 in a year's final accounts sums the year.
func TestCumulativeInAYearsAccounts(t *testing.T) {
	doc := "关于某市2024年财政决算的报告\n\n一、2024年一般公共预算收支决算情况\n\n全市教育累计支出126.48亿元，同比增长5.6%。下达各阶段教育专项资金6.07亿元、学校建设及运转类资金4.5亿元。\n"
	e := smallEngine(t, "mou_2024_final_accounts_report.txt", doc)
	askAll(t, e, map[string]string{"2024年全市教育支出多少？": "126.48亿元", "How much did the city spend on education in 2024?": "126.48亿元"})
}

// 不要总收入 leaves the total out.
func TestNotThis(t *testing.T) {
	q := testAnalyzer().Analyze("不要总收入，平潭地方一般公共预算收入是多少？")
	for _, c := range q.Concepts {
		if c.Word == "总收入" && !c.Optional {
			t.Errorf("不要总收入: %+v required, want it left out", c)
		}
	}
}

// 按美元算 asks the figure in dollars.
func TestCurrencyAsked(t *testing.T) {
	doc := "某市2024年国民经济和社会发展统计公报\n\n人均地区生产总值84439元，按2024年平均汇率计算为11857美元。\n"
	e := smallEngine(t, "mou_2024_stat_bulletin.txt", doc)
	askAll(t, e, map[string]string{"人均GDP按美元算是多少？": "11857美元", "人均GDP是多少元？": "84439元"})
}

// 累计 asked is the sum over the years, not a year's figure beside it.
func TestCumulativeAsked(t *testing.T) {
	doc := "关于某市2025年预算执行情况和2026年预算草案的报告\n\n“十四五”时期，全市地方一般公共预算收入由2021年的37.5亿元，增加到2025年的47.5亿元，五年累计完成203.6亿元，年均增长5.9%。\n"
	e := smallEngine(t, "mou_2025_budget_report.txt", doc)
	askAll(t, e, map[string]string{
		"十四五五年全市地方一般公共预算收入累计完成多少？": "203.6亿元",
		"2025年地方一般公共预算收入是多少？":      "47.5亿元",
	})
	cands, added := candidatesWith(t, e, "五年累计完成地方一般公共预算收入多少？", "stock_added")
	for _, c := range cands {
		if want := c.Text != "203.6亿元"; c.Unit == "元" && (c.Features[added] == 1) != want {
			t.Errorf("%s: stock_added %v, want %v (only the sum over the years answers 累计)", c.Text, c.Features[added], want)
		}
	}
}

// A question that asks for the whole in so many words (全市…涨了多少) finds
// only a clash in a district's figure, where a question without 全市 finds
// another place's figure.
func TestWholeAskedOfDistrictFigure(t *testing.T) {
	doc := "海东市2024年国民经济和社会发展统计公报\n\n全年乐都区居民消费价格总水平比上年下降0.5%，平安区居民消费价格总水平比上年上涨0.4%。\n\n全年全市地区生产总值增长5.2%。\n"
	e := smallEngine(t, "qinghai_haidong_2024_stat_bulletin.txt", doc)
	for q, want := range map[string]float64{"海东全市居民消费价格总水平涨了多少？": 1, "海东居民消费价格总水平涨了多少？": 0} {
		got, found := featureOf(t, e, q, "0.4%", "flow_clash")
		if !found {
			t.Errorf("%s: no candidate 0.4%%", q)
		} else if got != want {
			t.Errorf("%s: 0.4%% flow_clash %v, want %v", q, got, want)
		}
	}
}

// Items of a list with a verb each (房屋签约207座、拆除211座): the asked verb
// picks its item's figure, though the shared noun stands in the first.
func TestLaterItemAsked(t *testing.T) {
	doc := "某乡2019年财政预算报告\n\n2018年，我乡用力推进高铁建设项目，共完成房屋签约207座、拆除211座，共发放各类补偿费约3.6亿元。\n"
	e := smallEngine(t, "fujian_mou_2019_budget_report.txt", doc)
	cs, clash := candidatesWith(t, e, "2018年拆了多少座房子？", "flow_clash")
	got := map[string]float64{}
	for _, c := range cs {
		got[c.Text] = c.Features[clash]
	}
	if got["207座"] != 1 || got["211座"] != 0 {
		t.Errorf("拆除 asked: flow_clash %v, want 207座 1 and 211座 0", got)
	}
	cs, _ = candidatesWith(t, e, "2018年签约了多少座房屋？", "flow_clash")
	for _, c := range cs {
		if c.Features[clash] != 0 {
			t.Errorf("签约 asked: %s flow_clash %v, want 0", c.Text, c.Features[clash])
		}
	}
}

// A total whose members stand in brackets (存栏（猪牛羊禽）235.86万头), and
// a next sentence that gives them (其中：牛189.4万头…；羊32.23万只): the
// member asked picks its own figure, not the total's.
func TestDetailedNext(t *testing.T) {
	doc := "某市2025年国民经济和社会发展统计公报\n\n2025年末，全市主要畜禽存栏（猪牛羊禽）235.86万头（只），比上年末减少5.51万头（只）。其中：牛189.4万头，增加2.01万头；羊32.23万只，减少4.81万只。\n"
	e := smallEngine(t, "xizang_mou_2025_stat_bulletin.txt", doc)
	for q, want := range map[string]float64{
		"现在牛存栏有多少头？":  1,
		"年末羊存栏多少只？":   1,
		"主要畜禽存栏一共多少？": 0,
		"猪牛羊禽存栏多少万头？": 0,
	} {
		got, found := featureOf(t, e, q, "235.86万头", "flow_clash")
		if !found {
			t.Errorf("%s: no candidate 235.86万头", q)
		} else if got != want {
			t.Errorf("%s: 235.86万头 flow_clash %v, want %v", q, got, want)
		}
	}
}

// 外贸出口 is all of the exports; 高新技术产品出口 a part of them.
func TestExportsWholeAndPart(t *testing.T) {
	doc := "某市2006年政府工作报告\n\n2005年全市外贸出口1015亿美元，成为全国首个出口超千亿美元的城市。高新技术产品出口达470.9亿美元，占全市出口总额的46.4%。\n"
	e := smallEngine(t, "guangdong_mou_2006_gov_work_report.txt", doc)
	cs, narrower := candidatesWith(t, e, "2005年出口做到了多少亿美元", "narrower")
	got := map[string]float64{}
	for _, c := range cs {
		got[c.Text] = c.Features[narrower]
	}
	if got["1015亿美元"] != 0 || got["470.9亿美元"] != 1 {
		t.Errorf("narrower %v, want 1015亿美元 0 and 470.9亿美元 1", got)
	}
}

// A sum over the years a review tells of (累计建成保障性住房3.49万套) answers
// a question about those years, though the part reviews a year.
func TestCumulativeInReviewAnswersSpan(t *testing.T) {
	doc := "某市2012年政府工作报告\n\n一、过去五年工作的回顾\n2007年以来，全市经济快速发展。\n（一）城乡面貌明显改善。\n保障性住房建设加快推进，累计建成保障性住房3.49万套。\n二、2012年工作安排\n加快实施保障性住房建设，开工建设各类保障性住房2.6万套。\n"
	e := smallEngine(t, "henan_mou_2012_gov_work_report.txt", doc)
	got, found := featureOf(t, e, "这五年累计建成保障性住房多少万套？", "3.49万套", "span_miss")
	if !found {
		t.Error("no candidate 3.49万套")
	} else if got != 0 {
		t.Errorf("3.49万套: span_miss %v", got)
	}
}

// A mark passed (跨过5000亿元大关) yields to the level reached.
func TestMarkPassedYields(t *testing.T) {
	doc := "某区2024年政府工作报告\n\n" +
		"一、2023年工作回顾\n" +
		"经济发展凯歌频传，GDP一跃跨过5000亿元大关。\n" +
		"全区GDP同比增长8.5%、比全市高2.5个百分点，增速连续三年排名第一；总量跃升到5202.01亿元。\n"
	e := smallEngine(t, "guangdong_mou_2024_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{"2023年GDP总量多少": "5202.01亿元"})
}

// A figure after a 其中 that names another subject (户籍人口) counts a part
// of the word asked whole before it (实有人口); not when the part is the
// one asked (专项债务, 第四季度), when the 其中 stays inside brackets, nor
// when 分别 pairs the figure with the whole too.
func TestUnaskedPart(t *testing.T) {
	for _, tc := range []struct {
		text, norm string
		words      []string // the question's concepts, found whole in text
		figure     string
		want       bool // the figure stands in a part not asked
	}{
		{"全区实有人口一年增加42万、总量达537.32万，其中户籍人口增加9.82万人、达到108.48万人。", "实有人口多少万", []string{"实有人口"}, "108.48万人", true},
		{"全区实有人口一年增加42万、总量达537.32万，其中户籍人口增加9.82万人、达到108.48万人。", "实有人口多少万", []string{"实有人口"}, "537.32万", false},
		{"市本级政府债务余额594.1亿元，其中，一般债务108.6亿元，专项债务485.5亿元。", "市本级专项债务余额有多少", []string{"专项债务", "余额"}, "485.5亿元", false},
		{"全镇财政收入80.04万元（其中:增值税完成63.60万元），比上年同期73.65万元增长6.39%。", "财政收入增长了多少", []string{"财政收入"}, "6.39%", false},
		{"外贸总额达4743亿美元，其中出口2492亿美元，分别比1995年增长67%和67.5%。", "外贸总额涨了多少", []string{"外贸总额"}, "67%", false},
		{"职工工资总额比上年增长19%，其中第四季度增长38%。", "第四季度职工工资总额涨了多少", []string{"职工工资总额"}, "38%", false},
		{"完成一般预算收入11.09亿元，为调整后预算的104%，其中市本级完成2.4亿元。", "2001年市本级一般预算收入是多少", []string{"一般预算收入"}, "2.4亿元", false},
	} {
		q := &Question{Norm: tc.norm}
		var occ [][]occurrence
		for _, w := range tc.words {
			q.Concepts = append(q.Concepts, Concept{Word: w})
			at := strings.Index(tc.text, w)
			occ = append(occ, []occurrence{{start: at, end: at + len(w), factor: 1, part: -1}})
		}
		at := strings.Index(tc.text, tc.figure)
		if got := unaskedPart(q, occ, clauses(tc.text), at, at+len(tc.figure)) >= 0; got != tc.want {
			t.Errorf("%s in %q: unasked part %v, want %v", tc.figure, tc.text, got, tc.want)
		}
	}
}

// A clause that opens naming an aspect of the subject (，增速…；总量…)
// carries the subject of the first item on, when the word asked is whole.
func TestBackReferenceCarriesSubject(t *testing.T) {
	text := "全区GDP同比增长8.5%、比全市高2.5个百分点，增速连续三年排名第一；总量跃升到5202.01亿元。"
	l := clauses(text)
	at, fig := strings.Index(text, "GDP"), strings.Index(text, "5202.01亿元")
	whole := occurrence{start: at, end: at + len("GDP"), factor: 1, part: -1}
	if p := proximity(whole, l, fig, fig+len("5202.01亿元")); p < 0.85 {
		t.Errorf("GDP for 5202.01亿元: proximity %.2f, want at least 0.85", p)
	}
	part := whole
	part.part = 0
	if p := proximity(part, l, fig, fig+len("5202.01亿元")); p >= 0.85 {
		t.Errorf("a part of a word for 5202.01亿元: proximity %.2f, want below 0.85", p)
	}
}

// A figure that bounds a class of things (投资在3000万元以上的重点项目) is
// no answer to the things' sums; a count with 以上 (实施1000个以上省重点
// 项目) is the count.
func TestClassBoundBeforeModifiedNoun(t *testing.T) {
	for _, tc := range []struct {
		qualifier, after string
		want             bool
	}{
		{"", "以上的重点项目70个", true},
		{"以上", "的重点项目70个", true},
		{"以上", "的企业实现利润", true},
		{"以上", "省重点项目", false},
		{"以上", "来自国有企业", false},
		{"以上", "的增长", false},
	} {
		if got := classBound(tc.qualifier, tc.after); got != tc.want {
			t.Errorf("classBound(%q, %q) = %v, want %v", tc.qualifier, tc.after, got, tc.want)
		}
	}
}

// The figure of a part not asked (其中户籍人口…108.48万人) is scored as no
// answer to the whole (常住人口): far below the whole's own figure.
func TestUnaskedPartScoresLow(t *testing.T) {
	doc := "某区2024年政府工作报告\n\n一、2023年工作回顾\n全区常住人口一年增加42万、总量达537.32万，其中户籍人口增加9.82万人、达到108.48万人。\n"
	e := smallEngine(t, "guangdong_mou_2024_gov_work_report.txt", doc)
	cs, _ := candidatesWith(t, e, "常住人口有多少万人？", "narrower")
	score := map[string]float64{}
	for _, c := range cs {
		score[c.Text] = c.Score
	}
	if whole, part := score["537.32万"], score["108.48万人"]; whole == 0 || part > whole/2 {
		t.Errorf("537.32万 scores %.2f, 108.48万人 %.2f; want the part's below half the whole's", whole, part)
	}
}

// OCR's confusions are read through (segment.RepairOCR): 4l.38 is 41.38,
// 收人 is 收入; the answer quotes the original at its offsets.
func TestOCRConfusionsReadThrough(t *testing.T) {
	doc := "某市2002年政府工作报告\n\n一、2001年工作回顾\n在遭受严重旱灾的情况下，粮食总产量仍达4l.38亿公斤。财政因灾减收，完成一般预算收人11.09亿元。\n"
	e := smallEngine(t, "henan_mou_2002_gov_work_report.txt", doc)
	for q, want := range map[string]float64{"2001年粮食总产量多少亿公斤？": 41.38e8, "2001年一般预算收入是多少？": 11.09e8} {
		r, err := e.Ask(context.Background(), Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Answers) == 0 || math.Abs(r.Answers[0].Value-want) > 1 {
			t.Errorf("%s: %+v, want %v", q, r.Answers, want)
			continue
		}
		if a := r.Answers[0]; doc[a.Start:a.End] != a.Text {
			t.Errorf("%s: span %q of the original, answer %q", q, doc[a.Start:a.End], a.Text)
		}
	}
}

// A sentence of no figure that names the year alone (过去的一年，…) dates
// the sentences after it in its paragraph that name none of their own,
// not only the next one: a plan part's review of last year.
func TestTopicYearReachesBack(t *testing.T) {
	doc := "某市1996年政府工作报告\n\n一、1995年工作回顾\n全市经济稳定发展。\n二、努力做好1996年的工作\n" +
		"过去的一年，我市改革开放和经济社会发展取得新的成就。全市生产总值比上年增长10.2%，零售物价涨幅从21.7%回落到14.8%。农业战胜了比较严重的自然灾害，粮食总产量达到46.5亿公斤，增产将近2亿公斤。\n" +
		"今年要加强农业，粮食总产量力争达到49亿公斤。\n"
	e := smallEngine(t, "henan_mou_1996_gov_work_report.txt", doc)
	askAll(t, e, map[string]string{"去年粮食总产量是多少亿公斤": "46.5亿公斤"})
}

// A change over a span of years (五年翻了一番) dates its own clause only: a
// figure of a later clause is no sum of the span; one right after a span
// of its own (五年累计…) is.
func TestSpanChangeDatesItsClause(t *testing.T) {
	for _, tc := range []struct {
		text, figure string
		want         bool
	}{
		{"来源于我市的公共财政收入5560亿元，五年翻了一番，其中地方一般公共预算收入2082亿元，是五年前的2.4倍。", "2082亿元", false},
		{"固定资产投资2717亿元，五年累计突破1万亿元。", "1万亿元", true},
		{"五年来全市生产总值增长了1.5倍，达到1.6万亿元。", "1.5倍", true},
	} {
		at := strings.Index(tc.text, tc.figure)
		if got := spanBefore(tc.text, yearSpans(tc.text), at); got != tc.want {
			t.Errorf("%s in %q: span before %v, want %v", tc.figure, tc.text, got, tc.want)
		}
	}
}

// A bulletin's table of the gross product by industry gives each
// industry's 增加值 without naming it, its shares in a column of their own
// beside the growth, and the population's change in the 万 it is asked in.
const industryTableReport = `2022年某县国民经济和社会发展统计公报

一、综合

初步核算，全年全县地区生产总值341881万元，比上年增长7.23%。

表1:2022年全县地区生产总值及其构成 | |||
指标 | 绝对数(万元) | 增长(%) | 构成(%) |
地区生产总值 | 341881 | 7.23 | 100 |
建筑业 | 55070 | 23.93 | 16.1 |
房地产业 | 24707 | -0.42 | 7.2 |

2022年末全县常住人口20.58万人，比上年末增加0.02万人。
`

func TestIndustryTable(t *testing.T) {
	e := smallEngine(t, "gansu_linxia_hezheng_2022_stat_bulletin.txt", industryTableReport)
	askAll(t, e, map[string]string{
		"2022年建筑业增加值有多少万元？": "55070",
		"房地产业占GDP的比重是多少？":   "7.2",
		"房地产业增长了多少？":        "-0.42",
		"常住人口比上年末多了多少万人？":   "0.02万人",
	})
}

func TestRowSubject(t *testing.T) {
	for _, c := range []struct{ name, caption, want string }{
		{"建筑业", "表1:2022年全县地区生产总值及其构成", "建筑业增加值"},
		{"第一产业", "地区生产总值", "第一产业增加值"},
		{"地区生产总值", "地区生产总值及其构成", "地区生产总值"},
		{"工业增加值", "地区生产总值", "工业增加值"},
		{"建筑业", "分行业从业人员", "建筑业"},
	} {
		if got := rowSubject(c.name, c.caption); got != c.want {
			t.Errorf("rowSubject(%q, %q) = %q, want %q", c.name, c.caption, got, c.want)
		}
	}
}

// A change given in the clause after its level (单位数较上年增加22家) is the
// change of the level's subject; the change of a share is not its base's.
const levelChangeReport = `2022年某区国民经济和社会发展统计公报

三、建筑业

全区有资质等级的总承包与专业承包建筑单位144家，单位数较上年增加22家。完成建筑业总产值57.3亿元，比上年增长9.9%。

2022年末全区常住人口20.58万人，比上年末增加0.02万人。

五、固定资产投资

全年固定资产投资比上年下降6.5%。工业投资占固定资产投资的比重为39.4%，较上年提高4.8个百分点。

全年规模以上工业企业实现利润2202亿元，比上年增长52%；其中国有控股工业企业实现利润967亿元，增长77.7%。

七、财政收支

全区完成一般公共预算支出251.45亿元，完成调整后支出预算的96.3%，同比下降6.87%。其中，民生支出189.5亿元，占一般公共预算支出的比重为75.4%。
`

func TestChangeOfLevel(t *testing.T) {
	e := smallEngine(t, "anhui_wuhu_jinghu_2022_stat_bulletin.txt", levelChangeReport)
	askAll(t, e, map[string]string{
		"有资质的建筑企业比前一年多了几家？": "22家",
		"常住人口比上年末多了多少万人？":   "0.02万人",
		"固定资产投资比上年降了几个点？":   "6.5%",
		"工业企业利润比上年涨了百分之几？":  "52%",
		"去年财政支出同比少了多少？":     "6.87%",
	})
}

// An audit report looks back on the year it audits: an undated figure is
// that year's, not another asked, unless it counts from a year on
// (2020年以来).
const auditReport = `关于2023年度县级预算执行和其他财政收支的审计工作报告

——2024年9月27日在仪陇县第十八届人大常委会第二十三次会议上

县人大常委会:

现就我县2023年度县级预算执行和其他财政收支的审计情况报告如下,请予审议。

——财政政策措施有效落地。全年新增税收优惠1.435亿元,争取上级各类转移支付资金49.95亿元,新增专项债券11.69亿元。

——重点领域风险防范化解有力有效。全年偿还政府债务本息16.38亿元,化解隐性债务2.28亿元。

一、县级预算执行审计情况

中下游350个洲滩圩垸退出与整治工程至2024年9月底逾期未开工,2020年以来发生各类险情1075次。
`

func TestAuditYear(t *testing.T) {
	e := smallEngine(t, "sichuan_nanchong_yilong_2023_audit_report.txt", auditReport)
	askAll(t, e, map[string]string{
		"2023年争取到的上级转移支付是多少?":    "49.95亿元",
		"2023年还政府债,本金加利息一共还了多少?": "16.38亿元",
		"2020年以来发生了多少次险情？":       "1075次",
	})
	askNone(t, e, "2022年争取到的上级转移支付是多少?") // the 2023 audit's figure
}

// A bulletin that gives the second and third sectors only does not answer
// for the first; its budget's spending by function is read from English.
const sectorsReport = `2022年某区国民经济和社会发展统计公报

一、综合

全年地区生产总值982.3亿元，增长5.1%。分产业看，第二产业增加值715.2亿元，增长6.5%；第三产业增加值267.1亿元，增长1.2%。

二、财政

自然资源气象等事务支出4264万元，增长2.6%；粮油物资储备管理事务支出3585万元，增长13.3%。
`

func TestOtherSectorAnswer(t *testing.T) {
	e := smallEngine(t, "liaoning_shenyang_dadong_2022_stat_bulletin.txt", sectorsReport)
	askAll(t, e, map[string]string{
		"第三产业增加值是多少?":                                                             "267.1亿元",
		"How much did spending on grain, oil and material reserves grow in 2022?": "13.3%",
	})
	askNone(t, e, "去年第一产业增加值是多少?")
}

// A list of counts each of its own noun (23家重点成长型企业、38家龙头企业和
// 110家重点企业) answers a count of one of them with its own figure, not a
// sibling's whose noun shares words with it.
func TestCountedSibling(t *testing.T) {
	const text = "2022年计划执行情况\n\n一、经济运行\n\n对全市23家重点成长型企业、38家龙头企业和110家重点企业进行跟踪服务，促进企业稳健发展。\n"
	e := smallEngine(t, "fujian_sanming_2023_plan_report.txt", text)
	askAll(t, e, map[string]string{
		"对多少家重点成长型企业做了跟踪服务？": "23家",
		"跟踪服务的龙头企业一共几家？":     "38家",
	})
}

// A level a change is told from (较上年28899万元) is the year before's;
// the share of the budget done is the one after 预算数…的, not a share of
// a total (占…收入的57.7%).
const baseLevelReport = `周至县2023年财政预算执行情况和2024年财政预算草案的报告

一、2023年预算执行情况

1.一般公共预算执行情况。全年县级一般公共预算收入31751万元，完成预算数31220万元的101.7%，较上年28899万元增长9.9%，税收收入占县级一般公共预算收入的57.7%。
`

func TestBaseLevelAndCompletion(t *testing.T) {
	e := smallEngine(t, "shaanxi_xian_zhouzhi_2024_budget_report.txt", baseLevelReport)
	askAll(t, e, map[string]string{
		"2022年县级一般公共预算收入是多少万元？":   "28899万元",
		"2023年县级一般公共预算收入是多少万元？":   "31751万元",
		"2023年县级财政收入完成了预算的百分之多少？": "101.7%",
	})
}

// A place a figure is told without (剔除温州湾新区基数划转因素后) does not
// make the figure that place's.
func TestExcludedPlace(t *testing.T) {
	const text = "关于龙湾区2023年财政决算的报告\n\n一、一般公共预算\n\n2023年区本级一般公共预算收入22.88亿元，自然口径下降20.7%，剔除温州湾新区基数划转因素后同口径增长7.4%，完成调整预算的100.3%。\n"
	e := smallEngine(t, "zhejiang_wenzhou_longwan_2023_final_accounts_report.txt", text)
	askAll(t, e, map[string]string{
		"区本级收入剔除基数划转后，同口径增长多少？": "7.4%",
	})
	for _, c := range []struct {
		text string
		want bool
	}{
		{"剔除温州湾新区", true},
		{"扣除", true},
		{"全市", false},
		{"剔除因素后，温州", false},
	} {
		if got := excludedPlace(c.text, len(c.text)); got != c.want {
			t.Errorf("excludedPlace(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
