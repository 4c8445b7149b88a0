package qa

import (
	"strings"
	"testing"

	"reportkb/index"
	"reportkb/index/segment"
)

// TestQuestionScope: 全市/市本级 and their everyday wordings set the scope
// and make no concept.
func TestQuestionScope(t *testing.T) {
	a := testAnalyzer()
	for _, c := range []struct{ q, scope string }{
		{"江门市本级政府债务余额是多少", ScopeOwn},
		{"全市一般公共预算收入是多少", ScopeWhole},
		{"市里自己的三公经费花了多少", ScopeOwn},
		{"省级一般公共预算收入是多少", ScopeOwn},
		{"省级重点项目有多少个", ""},
		{"新增养老床位多少张", ""},
		// Where a figure ranks is not whose it is.
		{"去年进出口增长了多少，听说增速全省第一？", ""},
		{"全市GDP在全省排名第几", ScopeWhole},
		{"What was Langfang's citywide debt balance?", ScopeWhole},
		{"What is Kaifeng's city-level budget revenue?", ScopeOwn},
	} {
		q := a.Analyze(c.q)
		if q.Scope != c.scope {
			t.Errorf("%s: scope %q, want %q", c.q, q.Scope, c.scope)
		}
		for _, cp := range q.Concepts {
			if strings.Contains(cp.Word, "本级") || cp.Word == "全市" {
				t.Errorf("%s: scope word %q is a concept", c.q, cp.Word)
			}
		}
	}
}

func TestFigureScope(t *testing.T) {
	text := "全市一般公共预算收入77.2亿元，增长5%，其中市本级12.8亿元，县区64.4亿元。"
	marks := scopeMarks(text)
	for _, c := range []struct{ fig, want string }{{"77.2亿元", ScopeWhole}, {"12.8亿元", ScopeOwn}} {
		if got := scopeAtFigure("", marks, strings.Index(text, c.fig)); got != c.want {
			t.Errorf("%s: scope %q, want %q", c.fig, got, c.want)
		}
	}
	if scopeFit(&Question{}, ScopeOwn) >= scopeFit(&Question{}, ScopeWhole) {
		t.Error("with no scope asked, the own level's figure fits as well as the whole's")
	}
	if scopeFit(&Question{Scope: ScopeWhole}, ScopeOwn) >= scopeFit(&Question{Scope: ScopeWhole}, "") {
		t.Error("a figure of the other scope fits no better than one of unknown scope")
	}
}

// TestFillersAndEverydayWords: filler words make no concept, everyday
// words reach the report's terms.
func TestFillersAndEverydayWords(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("福建全省去年卖地收入到底有多少万元？")
	var words []string
	alts := map[string]bool{}
	for _, c := range q.Concepts {
		words = append(words, c.Word)
		for _, al := range c.Alts {
			alts[al.Text] = true
		}
	}
	if strings.Contains(strings.Join(words, " "), "到底") {
		t.Errorf("filler 到底 is a concept: %v", words)
	}
	if !alts["国有土地使用权出让收入"] {
		t.Errorf("卖地收入 does not reach 国有土地使用权出让收入: %v", alts)
	}
	// 看病 is the health heading of a budget or a bulletin's spending.
	alts = map[string]bool{}
	for _, c := range a.Analyze("宝鸡去年看病这块财政支出变化多少？").Concepts {
		for _, al := range c.Alts {
			alts[al.Text] = true
		}
	}
	for _, c := range a.Analyze("去年老百姓买东西一共花了多少？").Concepts {
		for _, al := range c.Alts {
			alts[al.Text] = true
		}
		if c.Word == "老百姓" {
			t.Error("老百姓买东西: 老百姓 is a concept of its own")
		}
	}
	found := false
	for _, c := range a.Analyze("去年新增就业人数是多少？").Concepts {
		for _, al := range c.Alts {
			found = found || al.Text == "城镇新增就业" && al.Factor >= 0.8
		}
	}
	if !found {
		t.Error("新增就业人数 does not reach 城镇新增就业")
	}
	if !alts["社会消费品零售总额"] {
		t.Errorf("老百姓买东西 does not reach 社会消费品零售总额: %v", alts)
	}
	if !alts["卫生健康"] {
		t.Errorf("看病 does not reach 卫生健康: %v", alts)
	}
	q = a.Analyze("驻马店全市去年在教育上花了多少亿元")
	for _, c := range q.Concepts {
		if c.Word == "花" && !c.Aspect {
			t.Error("花 is no aspect verb")
		}
	}
}

func TestRelativeYearNotComparisonBase(t *testing.T) {
	a := testAnalyzer()
	for _, c := range []struct {
		q   string
		rel int
	}{
		{"荆州去年出口比前年涨了百分之多少", -1},
		{"前年出口是多少", -2},
		{"今年比去年多收多少", 0},
	} {
		q := a.Analyze(c.q)
		if !q.HasRel || q.Rel != c.rel {
			t.Errorf("%s: rel %d (%v), want %d", c.q, q.Rel, q.HasRel, c.rel)
		}
	}
}

func TestExcludedAndAsides(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("银川市本级去年一般公共预算支出是多少亿元？（不含补助下级、还债这些）")
	for _, c := range q.Concepts {
		if strings.Contains(c.Word, "补助") || strings.Contains(c.Word, "下级") || strings.Contains(c.Word, "还债") {
			t.Errorf("excluded word %q is a concept", c.Word)
		}
	}
	q = a.Analyze("苏州地铁（含有轨电车）去年客运量多少人次")
	for _, c := range q.Concepts {
		if strings.Contains(c.Word, "轨") && !c.Optional {
			t.Errorf("aside word %q is required", c.Word)
		}
	}
}

func TestWhyQuestions(t *testing.T) {
	a := testAnalyzer()
	for _, c := range []struct {
		q        string
		why, use bool
	}{
		{"平顶山2019年个人所得税为啥掉了四成？", true, false},
		{"Why did Lvliang's VAT revenue fall in 2018?", true, false},
		{"开封今年的国有资本经营预算收入主要拿去干什么用？", false, true},
		{"新增养老床位多少张", false, false},
		// special-purpose names the bonds, and asks no use.
		{"How much special-purpose bond money does Guangming aim to issue in 2025?", false, false},
		{"What is the special-purpose bond money used for?", false, true},
		{"For what purpose is the fund set up?", false, true},
	} {
		q := a.Analyze(c.q)
		if q.Why != c.why || q.Use != c.use {
			t.Errorf("%s: why %v use %v", c.q, q.Why, q.Use)
		}
		if (c.why || c.use) && q.Kind != KindText {
			t.Errorf("%s: kind %s", c.q, q.Kind)
		}
		for _, cp := range q.Concepts {
			if cp.Word == "四成" {
				t.Errorf("%s: the size of the change is a concept", c.q)
			}
		}
	}
	q := &Question{Why: true}
	if cueIn(q, "主要是实施个人所得税专项附加扣除") == 0 || cueIn(q, "个人所得税收入7189万元") != 0 {
		t.Error("cause cues")
	}
}

func TestContractionLists(t *testing.T) {
	text := "城乡常住居民人均可支配收入分别完成37820元、28104元，同比分别增长6.5%、9.4%。"
	l := clauses(text)
	figs := ParseQuantities(text)
	ct := contractionLists(text, l, figs)
	second := figs[1]
	if c, ok := ct[second.Start]; !ok || c.index != 1 {
		t.Fatalf("28104元: %+v %v", c, ok)
	}
	q := &Question{Concepts: []Concept{{Word: "农村居民"}, {Word: "城镇化率"}}}
	occ := make([][]occurrence, 2)
	out, ok := pinContracted(q, occ, ct[second.Start], second.Start)
	if !ok || len(out[0]) != 1 || out[0][0].pinned != 1 || len(out[1]) != 0 {
		t.Errorf("农村居民 not tied to the second figure, or 城镇化率 tied: %+v", out)
	}
}

// The parts' figures may be joined by 和 without 分别; a pair of figures
// after no contraction is no such list.
func TestJoinedContractions(t *testing.T) {
	for text, want := range map[string]int{
		"城乡居民人均可支配收入完成2.57万元和1.68万元，增长8.5%和9.1%。": 1,
		"一般公共预算收入完成7亿元和8亿元。":                      -1,
	} {
		l, figs := clauses(text), ParseQuantities(text)
		c, ok := contractionLists(text, l, figs)[figs[1].Start]
		if got := map[bool]int{true: c.index, false: -1}[ok]; got != want {
			t.Errorf("%s: second figure's place %d, want %d", text, got, want)
		}
	}
}

func TestThesaurusExpandsRareWords(t *testing.T) {
	a := testAnalyzer()
	a.Freq = func(words []string) (map[string]int, int) {
		df := map[string]int{}
		for _, w := range words {
			switch w {
			case "人口", "人员", "床位":
				df[w] = 500
			}
		}
		return df, 10000
	}
	q := &Question{Concepts: []Concept{{Word: "铺位", Alts: []Alt{{Text: "铺位", Factor: 1}}}, {Word: "人口", Alts: []Alt{{Text: "人口", Factor: 1}}}}}
	a.expandThesaurus(q)
	has := func(c Concept, w string) bool {
		for _, al := range c.Alts {
			if al.Text == w {
				return true
			}
		}
		return false
	}
	if !has(q.Concepts[0], "床位") {
		t.Errorf("铺位 (rare) is not expanded to 床位: %+v", q.Concepts[0].Alts)
	}
	if has(q.Concepts[1], "人员") {
		t.Errorf("人口 (a report word) is expanded to 人员")
	}
}

func TestPlaceRelation(t *testing.T) {
	for _, c := range []struct {
		name, region string
		want         int
	}{
		{"江门", "江门市", placeSame},
		{"新会区", "江门市", placeWithin},
		{"湘西州", "湘西自治州", placeSame},
		{"北京", "江门市", placeOther},
		{"呼市", "呼和浩特市", placeSame},
	} {
		if got := placeRelation(c.name, c.region); got != c.want {
			t.Errorf("placeRelation(%s, %s) = %d, want %d", c.name, c.region, got, c.want)
		}
	}
}

func TestEmbeddedModel(t *testing.T) {
	m, err := loadModel(weightsData)
	if err != nil {
		t.Fatal(err)
	}
	for name := range m.Weights {
		found := false
		for _, n := range featureNames {
			found = found || n == name
		}
		if !found {
			t.Errorf("weights.json names an unknown feature %q", name)
		}
	}
	if m.Threshold <= 0 || m.Threshold >= 1 {
		t.Errorf("threshold %v", m.Threshold)
	}
	if m.pw[pCoverage] <= 0 {
		t.Errorf("passage weights %v: coverage must count", m.Passage)
	}
	if _, err := loadModel([]byte(`{"threshold": 0.5, "passage": {"coverage": 2, "lenght": 1}}`)); err == nil {
		t.Error("a passage weight of an unknown feature is accepted")
	}
}

func TestFactScope(t *testing.T) {
	x, err := index.Open(index.Config{Dir: t.TempDir(), Segmenter: testSegmenter(), SegmenterName: "maxmatch"})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if _, err := x.Add("jm_2025_budget_report.txt", []byte("关于江门市2025年预算执行情况的报告\n一、2025年预算执行情况\n全市一般公共预算收入77.2亿元，其中市本级12.8亿元。\n")); err != nil {
		t.Fatal(err)
	}
	eng := New(Config{Index: x})
	en, _ := x.Doc("jm_2025_budget_report")
	scopes := map[string]string{}
	for _, f := range eng.Facts(en) {
		scopes[f.Text] = f.Scope
	}
	if scopes["77.2亿元"] != ScopeWhole || scopes["12.8亿元"] != ScopeOwn {
		t.Errorf("fact scopes %v", scopes)
	}
}

// TestFlowClash: a question about spending is not answered by the
// revenue figure beside it, and the reverse.
func TestFlowClash(t *testing.T) {
	text := "全市一般公共预算收入45.6亿元，一般公共预算支出43.6亿元。"
	l := clauses(text)
	for _, c := range []struct{ q, fig, qflow, fflow string }{
		{"去年一共花了多少钱", "43.6亿元", flowOut, flowOut},
		{"去年一共花了多少钱", "45.6亿元", flowOut, flowIn},
		{"财政收上来多少", "45.6亿元", flowIn, flowIn},
		{"How much revenue was collected?", "43.6亿元", flowIn, flowOut},
		{"收支差额是多少", "45.6亿元", "", flowIn},
	} {
		q := &Question{Raw: c.q, Norm: c.q}
		if got := questionFlow(q); got != c.qflow {
			t.Errorf("questionFlow(%s) = %q, want %q", c.q, got, c.qflow)
		}
		if got := figureFlow(text, l, strings.Index(text, c.fig)); got != c.fflow {
			t.Errorf("figureFlow(%s) = %q, want %q", c.fig, got, c.fflow)
		}
	}
}

// TestZonesAreOtherPlaces: a development zone's figure beside the whole's
// is another place's, unless the question names the zone.
func TestZonesAreOtherPlaces(t *testing.T) {
	text := "全市完成收入209亿元，其中高新区完成12亿元。"
	zone := strings.Index(text, "高新区")
	for _, c := range []struct {
		q    string
		want bool
	}{{"全市收入是多少", true}, {"高新区收入是多少", false}} {
		found := false
		for _, m := range otherPlaces(&Question{Raw: c.q, Norm: c.q}, "银川市", "", placesOf(text)) {
			found = found || m.start == zone && m.other
		}
		if found != c.want {
			t.Errorf("%s: zone marked other = %v, want %v", c.q, found, c.want)
		}
	}
	// Asked in English (Suzhou Industrial Park), the zone is a concept's
	// alternative, not a word of the question.
	text = "2025年园区一般公共预算收入432.6亿元。"
	q := &Question{Raw: "How much revenue did the Suzhou Industrial Park collect?", Lang: "en",
		Concepts: []Concept{{Word: "产业园", Alts: []Alt{{Text: "产业园", Factor: 1}, {Text: "园区", Factor: 0.9}}}}}
	for _, m := range otherPlaces(q, "苏州市", "", placesOf(text)) {
		if m.other {
			t.Errorf("%s: the park marked another place", q.Raw)
		}
	}
}

// TestEnglishUnitAsked: "in 100 million yuan" names the unit of the
// answer, and is no concept.
func TestEnglishUnitAsked(t *testing.T) {
	a := testAnalyzer()
	for _, c := range []struct{ q, unit string }{
		{"What was the general public budget revenue last year, in 100 million yuan?", "元"},
		{"How much land-sale income was there (10,000 yuan)?", "元"},
		{"How much grain was produced in tonnes?", "吨"},
	} {
		q := a.Analyze(c.q)
		if q.Unit != c.unit || q.UnitSoft {
			t.Errorf("%s: unit %q (soft %v), want %q", c.q, q.Unit, q.UnitSoft, c.unit)
		}
		for _, cp := range q.Concepts {
			if cp.Word == "亿" || cp.Word == "million" || cp.Word == "yuan" {
				t.Errorf("%s: unit word %q is a concept", c.q, cp.Word)
			}
		}
	}
}

// TestEverydayUnitYieldsToFullUnit: 多少平方米 asks in square metres, not
// in an everyday 平方.
func TestEverydayUnitYieldsToFullUnit(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("新增城市绿地多少平方米")
	if q.Unit != "平方米" {
		t.Errorf("unit %q, want 平方米", q.Unit)
	}
	for _, cp := range q.Concepts {
		if cp.Word == "米" || cp.Word == "平方" {
			t.Errorf("unit word %q is a concept", cp.Word)
		}
	}
}

// English terms of the reports that the glossary reads whole, not word by
// word (property → 属性, households → 人家, through → 借由).
func TestEnglishReportTerms(t *testing.T) {
	a := testAnalyzer()
	for q, want := range map[string]string{
		"By how much did property development investment in Baoshan drop in 2024?":         "房地产开发投资",
		"How many foreign nationals entered or left Shenzhen through its ports last year?": "出入境",
		"What was Pingtan's composite air quality index for 2023?":                         "空气质量综合指数",
		"How many biomedical companies does Pingshan have now?":                            "生物医药企业",
		"What is the monthly minimum wage in Shenyang's main urban districts?":             "月最低工资标准",
	} {
		an := a.Analyze(q)
		var words []string
		found := false
		for _, c := range an.Concepts {
			words = append(words, c.Word)
			found = found || c.Word == want
			if c.Word == "借由" || c.Word == "属性" {
				t.Errorf("%s: concept %s", q, c.Word)
			}
		}
		if !found {
			t.Errorf("%s: concepts %v, want %s", q, words, want)
		}
	}
}

// An everyday word the reports seldom write (省里) weighs as its report
// wordings (省级, 省本级) do, not as a rare word: it must not outweigh the
// subject asked of (资金).
func TestEverydayWordWeighsAsItsWording(t *testing.T) {
	a := testAnalyzer()
	a.Freq = func(words []string) (map[string]int, int) {
		df := map[string]int{}
		for _, w := range words {
			switch w {
			case "省里":
				df[w] = 3
			case "省级", "省本级", "省":
				df[w] = 2000
			case "资金":
				df[w] = 100
			}
		}
		return df, 10000
	}
	q := a.Analyze("2023年省里拨付的科学技术资金有多少？")
	var prov, sci float64
	for _, c := range q.Concepts {
		switch c.Word {
		case "省里":
			prov = c.Weight
		case "资金":
			sci = c.Weight
		}
	}
	if prov == 0 || sci == 0 || prov >= sci {
		t.Errorf("省里 weighs %.2f, 资金 %.2f: want 省里 lighter", prov, sci)
	}
}

// The items of a budget's balance are terms, asked as the reports write
// them: 本级收入 names no scope and keeps its 本级 (a pronoun to the
// tagger), 上年结转 asks no year, 调入资金 is one concept.
func TestBalanceItems(t *testing.T) {
	seg := taggedSeg{segment.NewMaxMatch([]string{"本级", "收入", "政府性基金", "预算", "上年", "结转", "调入", "资金", "一般公共预算", "过来", "的", "钱"}),
		map[string]string{"本级": "r", "上年": "t"}}
	a := &Analyzer{Seg: seg, Lex: LoadLexicon()}
	words := func(q *Question) string {
		var ws []string
		for _, c := range q.Concepts {
			ws = append(ws, c.Word)
		}
		return strings.Join(ws, " ")
	}
	q := a.Analyze("政府性基金预算本级收入是多少万元")
	if q.Scope != "" || !strings.Contains(words(q), "本级") {
		t.Errorf("本级收入: scope %q, concepts %s", q.Scope, words(q))
	}
	if q = a.Analyze("市本级收入是多少"); q.Scope != ScopeOwn {
		t.Errorf("市本级收入: scope %q, want own", q.Scope)
	}
	if q = a.Analyze("一般公共预算上年结转过来的钱有多少"); q.HasRel || !strings.Contains(words(q), "上年结转") {
		t.Errorf("上年结转: rel %d (%v), concepts %s", q.Rel, q.HasRel, words(q))
	}
	if q = a.Analyze("上年收入是多少"); !q.HasRel || q.Rel != -1 {
		t.Errorf("上年收入: rel %d (%v), want -1", q.Rel, q.HasRel)
	}
	if q = a.Analyze("一般公共预算调入资金多少"); !strings.Contains(" "+words(q)+" ", " 调入资金 ") {
		t.Errorf("调入资金: concepts %s", words(q))
	}
}
