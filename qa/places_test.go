package qa

import (
	"slices"
	"strings"
	"testing"

	"reportkb/index"
	"reportkb/index/report"
)

// 国家 asked of the nation's report names the report's own area: it
// helps and is not required, and 中央 (a part of the nation) no longer
// stands for it; asked of a province's report it is the centre.
func TestOwnNation(t *testing.T) {
	national := []*index.Summary{{ID: "n", Meta: report.Meta{Level: "national", Region: "全国"}}}
	province := []*index.Summary{{ID: "p", Meta: report.Meta{Level: "province", Region: "广西壮族自治区"}}}
	mk := func() *Question {
		return &Question{Concepts: []Concept{
			{Word: "国家", Weight: 4, Alts: []Alt{{Text: "国家", Factor: 1}, {Text: "中央", Factor: 0.85}, {Text: "全国", Factor: 0.85}}},
			{Word: "财政赤字", Weight: 8, Alts: []Alt{{Text: "财政赤字", Factor: 1}}},
		}}
	}
	q := mk()
	ownNation(q, national)
	c := q.Concepts[0]
	if !c.Optional || c.Weight != 4*optionalFactor || slices.ContainsFunc(c.Alts, func(a Alt) bool { return a.Text == "中央" }) {
		t.Errorf("national: 国家 = %+v, want optional, weight %v, no 中央", c, 4*optionalFactor)
	}
	if q.Concepts[1].Optional {
		t.Errorf("national: 财政赤字 made optional")
	}
	q = mk()
	ownNation(q, province)
	if c := q.Concepts[0]; c.Optional || len(c.Alts) != 3 {
		t.Errorf("province: 国家 = %+v, want it unchanged", c)
	}
	q = mk()
	ownNation(q, append(national, province...))
	if q.Concepts[0].Optional {
		t.Errorf("national and province in scope: 国家 made optional")
	}
}

func TestIDPlaces(t *testing.T) {
	got := idPlaces("jiangxi_yichun_2022_stat_bulletin")
	if !slices.Equal(got, []string{"jiangxi", "yichun"}) {
		t.Errorf("idPlaces = %q", got)
	}
}

func TestEnglishPlaceNames(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("What was Yichun's public security expenditure?")
	if !slices.Contains(q.Names, "yichun") || slices.Contains(q.Unknown, "yichun") {
		t.Errorf("names %q, unknown %q: a capitalized place is a name, not an unknown word", q.Names, q.Unknown)
	}
	q = a.Analyze("how much did wanzai spend on education")
	if !slices.Contains(q.Names, "wanzai") {
		t.Errorf("names %q: an unknown word may be a place too", q.Names)
	}
}

func TestEnglishHyphensAndUnitWords(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("How many times has the district been named a provincial double-support model city?")
	if len(q.Unknown) != 0 || q.Unit != "次" {
		t.Errorf("unknown %q, unit %q: want the hyphenated phrase found and 次", q.Unknown, q.Unit)
	}
	q = a.Analyze("How many shantytown renovation housing units started construction?")
	if len(q.Unknown) != 0 || q.Unit != "套" {
		t.Errorf("unknown %q, unit %q: want no unknown word and 套", q.Unknown, q.Unit)
	}
	for _, c := range q.Concepts {
		if c.Word == "套" || c.Word == "区" {
			t.Errorf("concept %q names a unit or a level, not a subject", c.Word)
		}
	}
}

func TestCedictWords(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("How large is the organic food base area?")
	if !hasAlt(q, func(t string) bool { return t == "有机" }) || slices.Contains(q.Unknown, "organic") {
		t.Errorf("concepts %+v, unknown %q: want organic translated by CC-CEDICT", q.Concepts, q.Unknown)
	}
	// A filler word (low) may begin a dictionary phrase (low altitude:
	// 低空), though alone it says nothing.
	q = a.Analyze("How many low altitude flight routes were opened?")
	if !hasAlt(q, func(t string) bool { return t == "低空" }) {
		t.Errorf("concepts %+v: want low altitude translated as 低空", q.Concepts)
	}
	// A dictionary verb is an aspect, not a subject.
	q = a.Analyze("How many projects did they tackle?")
	for _, c := range q.Concepts {
		if c.Word == "对付" && !c.Aspect {
			t.Errorf("tackle → %q should be an aspect", c.Word)
		}
	}
}

func TestAskedNounDecidesUnit(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("How much investment did the provincial key projects complete?")
	if q.Unit != "" || q.Class != "money" {
		t.Errorf("unit %q class %q: the investment is measured, not the projects", q.Unit, q.Class)
	}
	q = a.Analyze("How many kilometers of standard seawalls will Zhejiang build in 2026?")
	if q.Unit != "公里" {
		t.Errorf("unit %q, want 公里", q.Unit)
	}
	for _, c := range q.Concepts {
		if c.Word == "公里" {
			t.Errorf("the unit became a subject: %+v", q.Concepts)
		}
	}
}

func TestEnglishRealIsFrame(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("How much did real estate investment grow?")
	if !hasAlt(q, func(t string) bool { return strings.Contains(t, "房地产") }) {
		t.Errorf("real estate lost: %+v", q.Concepts)
	}
	q = a.Analyze("What was the real GDP growth rate?")
	for _, c := range q.Concepts {
		if c.Word == "实际" || c.Word == "real" {
			t.Errorf("real made a concept: %+v", q.Concepts)
		}
	}
}

// hasAlt reports whether an alternative wording of a concept of q passes ok.
func hasAlt(q *Question, ok func(text string) bool) bool {
	for _, c := range q.Concepts {
		for _, alt := range c.Alts {
			if ok(alt.Text) {
				return true
			}
		}
	}
	return false
}

// A phrase of the glossary is found whether its hyphenated words were kept
// whole (e-commerce, which the glossary knows) or not, and words CC-CEDICT
// would render by a sense reports do not use are the glossary's.
func TestEnglishGlossaryPhrases(t *testing.T) {
	a := testAnalyzer()
	for q, want := range map[string]string{
		"By how much did Suzhou's cross-border e-commerce trade grow in 2025?":       "跨境电商",
		"How many tourists, domestic and foreign combined, did Harbin receive?":      "国内外",
		"How much general-debt principal did Jiangsu repay in 2018?":                 "本金",
		"How much does the central government give each year for the heating pilot?": "试点",
		"How large was the trade deficit in 2025?":                                   "贸易逆差",
		"How many babies were born in 2025?":                                         "出生人口",
		"How many pupils were enrolled in primary schools?":                          "学生",
		"What government debt limit was set for 2019?":                               "政府债务限额",
		"How many kilometres of expressway are open to traffic?":                     "通车",
		"How many pigs were slaughtered in 2025?":                                    "出栏",
		"How many farming households benefited?":                                     "农户",
		"What debt limit did the provincial finance department set for the city?":    "省财政厅",
		"许昌这一年空气质量好的日子有几天？":                                                          "优良天数",
		"营口年底户口在册的人口是多少？":                                                            "户籍人口",
		"How many inbound foreign tourist visits did Shanghai receive in 2025?":      "入境游客",
		"How many laid-off and unemployed workers found new jobs last year?":         "再就业",
		"How much in central government transfers does the province count on?":       "中央补助收入",
		"What was the three-year preschool enrollment rate last year?":               "入园率",
		"What was the total contracted value of newly signed projects?":              "签约额",
	} {
		got := a.Analyze(q)
		var words []string
		for _, c := range got.Concepts {
			words = append(words, c.Word)
			for _, a := range c.Alts {
				words = append(words, a.Text)
			}
		}
		if !slices.Contains(words, want) {
			t.Errorf("%s: concepts %q, want %s among them", q, words, want)
		}
	}
}

// Each English phrase has one line in the glossary: a later line would
// silently replace an earlier one's words and unit.
func TestGlossaryKeysUnique(t *testing.T) {
	seen := map[string]int{}
	for i, line := range strings.Split(englishData, "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		key := strings.TrimSpace(strings.Split(line, "\t")[0])
		if j, ok := seen[key]; ok {
			t.Errorf("en.txt lines %d and %d both gloss %q", j+1, i+1, key)
		}
		seen[key] = i
	}
}

// Each everyday word has one line per kind (noun, verb, scope, unit) in
// the lexicon: two lines of a kind would merge their readings silently,
// and the second is easily taken for the whole entry.
func TestEverydayKeysUnique(t *testing.T) {
	seen := map[[2]string]int{}
	for i, line := range strings.Split(everydayData, "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			t.Errorf("everyday.txt line %d has %d fields, want 3 or 4: %q", i+1, len(f), line)
			continue
		}
		key := [2]string{strings.TrimSpace(f[0]), f[2]}
		if j, ok := seen[key]; ok {
			t.Errorf("everyday.txt lines %d and %d both read %q as a %s", j+1, i+1, key[0], key[1])
		}
		seen[key] = i
	}
}

// A word for money after the noun of what the money is (bond funding)
// adds nothing to it: an aspect, not a subject.
func TestEnglishMoneyAfterNoun(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("How much local government bond funding did Nanyang secure in 2019?")
	for _, c := range q.Concepts {
		if c.Word == "资金" && !c.Aspect {
			t.Errorf("funding after bond should be an aspect: %+v", q.Concepts)
		}
	}
	// How much money asks a sum: no subject of its own.
	q = a.Analyze("How much money did Wuxi put into education in 2025?")
	if q.Class != "money" || slices.ContainsFunc(q.Concepts, func(c Concept) bool { return c.Word == "资金" }) {
		t.Errorf("how much money: class %q, concepts %+v, want money and no 资金", q.Class, q.Concepts)
	}
	q = a.Analyze("How much funding was arranged for epidemic prevention in 2020?")
	for _, c := range q.Concepts {
		if c.Word == "资金" && c.Aspect {
			t.Errorf("funding alone is the subject: %+v", q.Concepts)
		}
	}
}

// How much railway investment asks a sum: the compound's head says what
// is measured, not the modifier's unit (railway: 公里).
func TestEnglishCompoundHeadIsMeasured(t *testing.T) {
	q := testAnalyzer().Analyze("How much railway investment is China planning to complete in 2016?")
	if q.Class != "money" || q.Unit == "公里" {
		t.Errorf("class %q unit %q, want money", q.Class, q.Unit)
	}
}

// A phrasal verb is found with its first word bent (phased out → phase
// out), and abbreviations of report modifiers (规上) stand for them.
func TestPhrasalVerbsAndAbbreviations(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("How many boilers are to be phased out in 2017?")
	if !hasAlt(q, func(s string) bool { return s == "淘汰" }) {
		t.Errorf("phased out: concepts %+v, want 淘汰", q.Concepts)
	}
	q = a.Analyze("规上工业总产值去年增长了多少？")
	if !hasAlt(q, func(s string) bool { return s == "规模以上" }) {
		t.Errorf("规上: concepts %+v, want 规模以上 among the alternatives", q.Concepts)
	}
}

// "What did X do to …" asks for what was done: a sentence, not a figure.
func TestEnglishWhatWasDone(t *testing.T) {
	a := testAnalyzer()
	for _, s := range []string{"What did Benxi do in 2024 to implement zero-based budgeting?", "What measures were taken to stabilise employment?"} {
		if q := a.Analyze(s); q.Kind != KindText {
			t.Errorf("%s: kind %q, want text", s, q.Kind)
		}
	}
	if q := a.Analyze("What was the GDP in 2024?"); q.Kind != KindNumber {
		t.Errorf("What was the GDP: kind %q, want number", q.Kind)
	}
}

// "Across the prefecture" is the whole region, and an average per
// resident is the reports' 人均.
func TestEnglishAcrossAndPerResident(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("What was the average disposable income per resident across Changji prefecture in 2025?")
	if q.Scope != ScopeWhole {
		t.Errorf("across … prefecture: scope %q, want the whole", q.Scope)
	}
	if !slices.ContainsFunc(q.Concepts, func(c Concept) bool { return c.Word == "人均可支配收入" }) {
		t.Errorf("average disposable income: concepts %+v, want 人均可支配收入 as one concept", q.Concepts)
	}
}

// The end of a year said as a time is no subject, as 年末 in a Chinese
// question is not; the year it names is still asked, and year-end naming a
// thing (the year-end balance) stays.
func TestEnglishYearEnd(t *testing.T) {
	a := testAnalyzer()
	for q, year := range map[string]int{
		"What was the outstanding balance of RMB loans at financial institutions in Suihua at year-end 2024?": 2024,
		"How many pigs were in stock at the end of 2023?":                                                     2023,
		"What was the loan balance at the end of the year?":                                                   0,
	} {
		an := a.Analyze(q)
		if an.Year != year {
			t.Errorf("%s: year %d, want %d", q, an.Year, year)
		}
		for _, c := range an.Concepts {
			if c.Word == "年末" || c.Word == "年底" {
				t.Errorf("%s: the end of the year is a concept: %+v", q, an.Concepts)
			}
		}
	}
	if got := dropYearEnd("what was the year-end balance of the fund"); !strings.Contains(got, "year-end balance") {
		t.Errorf("year-end balance: %q", got)
	}
}

// A sentence that gives figures by area (分区域看，长株潭地区…) gives those of
// parts of the region: each is another place than the region asked, unless
// the question names it.
func TestByAreaParts(t *testing.T) {
	text := "分区域看，长株潭地区全体居民人均可支配收入58851元，增长4.4%；湘南地区全体居民人均可支配收入36869元，增长5.3%。"
	sp := placesOf(text)
	var names []string
	for _, a := range sp.areas {
		names = append(names, a.name)
	}
	if !slices.Equal(names, []string{"长株潭", "湘南"}) {
		t.Fatalf("areas %q, want 长株潭 and 湘南", names)
	}
	others := func(q string) (n int) {
		for _, m := range otherPlaces(&Question{Raw: q, Norm: q}, "湖南省", "", sp) {
			if m.other {
				n++
			}
		}
		return n
	}
	if n := others("居民人均可支配收入是多少"); n != 2 {
		t.Errorf("the province asked: %d parts of it are other places, want 2", n)
	}
	if n := others("湘南地区居民人均可支配收入是多少"); n != 1 {
		t.Errorf("湘南 asked: %d other places, want 1 (长株潭)", n)
	}
	if sp := placesOf("长株潭地区全体居民人均可支配收入58851元。"); len(sp.areas) != 0 {
		t.Errorf("no 分区域看: areas %+v, want none", sp.areas)
	}
}

// 中央 before a budget of the central government's own level is the
// nation's 本级, beside 全国; 中央 before money sent down (中央转移支付) in
// a city's report sets no scope.
func TestCentralScope(t *testing.T) {
	for text, want := range map[string]string{
		"中央一般公共预算收入总量108844.06亿元": ScopeOwn,
		"中央财政赤字33400亿元":           ScopeOwn,
		"全国一般公共预算收入219702亿元":      ScopeWhole,
		"中央转移支付到位36.4亿元":          "",
		"中央预算内投资安排7000亿元":         "",
	} {
		if got, _ := scopeAt(text, 0); got != want {
			t.Errorf("scopeAt(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestAllItemsIsNoPlace: 全口径 (all items counted) after another scope
// mark says what is counted, not where.
func TestAllItemsIsNoPlace(t *testing.T) {
	for text, want := range map[string]string{
		"市本级全口径债务率为273％":   ScopeOwn,
		"全市全口径债务率为143％":    ScopeWhole,
		"全口径一般公共预算收入100亿元": ScopeWhole,
	} {
		if got := lastScope(text); got != want {
			t.Errorf("lastScope(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestPlaceBeforeYearIsNoComparison: the last character of a place (大同)
// before a year word is not the 同 of a comparison (同去年).
func TestPlaceBeforeYearIsNoComparison(t *testing.T) {
	for before, want := range map[string]bool{"大同": false, "收入同": true, "比": true, "共和": false, "收入": false, "民生投入占": true} {
		if got := comparedTo(before); got != want {
			t.Errorf("comparedTo(%q) = %v, want %v", before, got, want)
		}
	}
	if q := testAnalyzer().Analyze("大同去年一般公共预算收入完成了多少？"); !q.HasRel || q.Rel != -1 {
		t.Errorf("大同去年: rel %d (%v), want -1", q.Rel, q.HasRel)
	}
	if q := testAnalyzer().Analyze("民生投入占当年财政支出的比例有多大？"); q.HasRel {
		t.Errorf("占当年: rel %d, want none (the base of the share)", q.Rel)
	}
}

// 新增城镇就业 holds 增城 across 新增 and 城镇: no place; 增城区 is one.
func TestPlaceAcrossVerb(t *testing.T) {
	for text, want := range map[string]int{
		"新增城镇就业120万人。":  0,
		"增城区新增城镇就业2万人。": 1,
	} {
		if got := len(placesOf(text).mentions); got != want {
			t.Errorf("%s: %d places, want %d", text, got, want)
		}
	}
}

// A report of the whole country names counties in full: a county's short
// form inside its running text (镇安 of 在城镇安排) is a word, a city's
// (湛江) a place.
func TestNationalShortForms(t *testing.T) {
	for text, want := range map[string]bool{
		"劳动就业，在城镇安排600万人。":      false,
		"进一步开放湛江、北海等十四个沿海港口城市。": true,
	} {
		got := false
		for _, m := range otherPlaces(&Question{}, "全国", "", placesOf(text)) {
			got = got || m.other
		}
		if got != want {
			t.Errorf("%s: other place %v, want %v", text, got, want)
		}
	}
}

// A scope named in a parenthesis holds inside it: the figures after the
// parenthesis closes take the scope set before it.
func TestScopeInParenthesis(t *testing.T) {
	text := "2025年全市“三公”经费支出0.22亿元，下降5.8%（市本级0.09亿元，下降0.4%）；教育支出30.58亿元，增长5.7%（市本级4.01亿元）。"
	marks := scopeMarks(text)
	for fig, want := range map[string]string{"0.22": ScopeWhole, "0.09": ScopeOwn, "30.58": ScopeWhole, "4.01": ScopeOwn} {
		if got := scopeBefore(marks, strings.Index(text, fig)); got != want {
			t.Errorf("scope of %s: %q, want %q", fig, got, want)
		}
	}
	if got := lastScope("全省一般公共预算收入3000亿元（省本级800亿元）"); got != ScopeWhole {
		t.Errorf("lastScope after a closed parenthesis: %q, want %q", got, ScopeWhole)
	}
	if got := lastScope("全省收入3000亿元，其中：省本级（含开发区）800亿元"); got != ScopeOwn {
		t.Errorf("lastScope: %q, want %q", got, ScopeOwn)
	}
}

// 市级 beside 市本级 in one text is the city's level with its zones: a
// question about 市本级 takes the 市本级 figure, one about 市级 the 市级
// figure; 市级 alone is the city's own level.
func TestCityLevelBesideOwnLevel(t *testing.T) {
	text := "分级次看：市级债务限额371.1亿元，余额353.9亿元；市本级债务限额252.3亿元，余额232.7亿元。"
	marks := scopeMarks(text)
	at := func(fig string) string { return scopeBefore(marks, strings.Index(text, fig)) }
	if at("353.9") != ScopeLevel || at("232.7") != ScopeOwn {
		t.Errorf("scopes %q, %q; want %q, %q", at("353.9"), at("232.7"), ScopeLevel, ScopeOwn)
	}
	if got := lastScope("市级债务余额353.9亿元"); got != ScopeOwn {
		t.Errorf("市级 alone: %q, want %q", got, ScopeOwn)
	}
	own := &Question{Norm: "市本级政府债务余额是多少", Scope: ScopeOwn}
	level := &Question{Norm: "市级政府债务余额是多少", Scope: ScopeOwn}
	if scopeFit(own, ScopeLevel) >= scopeFit(own, ScopeOwn) {
		t.Errorf("市本级 asked: the 市级 figure fits %v, the 市本级 one %v", scopeFit(own, ScopeLevel), scopeFit(own, ScopeOwn))
	}
	if scopeFit(level, ScopeLevel) < 1 {
		t.Errorf("市级 asked: the 市级 figure fits %v, want 1", scopeFit(level, ScopeLevel))
	}
}

// A question answered yes or no asks for the sentence that says so, not
// a figure.
func TestEnglishYesNoIsText(t *testing.T) {
	a := testAnalyzer()
	for s, want := range map[string]string{
		"Can Luoyang spend any money before the congress approves the 2026 budget, and on what basis?": KindText,
		"Is the city going to build a new airport?":                                                    KindText,
		"How much did the city spend on education?":                                                    KindNumber,
	} {
		if q := a.Analyze(s); q.Kind != want {
			t.Errorf("%s: kind %q, want %q", s, q.Kind, want)
		}
	}
}

// Spot-checked is 抽查, as budget reports write it (重点抽查20个乡镇).
func TestEnglishSpotCheck(t *testing.T) {
	q := testAnalyzer().Analyze("How many townships were spot-checked in Pu'er's 2025 fiscal inspection?")
	if !hasAlt(q, func(s string) bool { return s == "抽查" }) {
		t.Errorf("spot-checked: concepts %+v, want 抽查", q.Concepts)
	}
}

// A township its report's title names is the report's own place: a
// question naming it makes no concept of it (潭城镇, segmented 潭 + 城镇).
func TestOwnTown(t *testing.T) {
	for _, tc := range []struct {
		title, q string
		gone     []string
	}{
		{"潭城镇2018年预算执行情况和2019年预算草案的报告", "2019年潭城镇农业支出安排了多少？", []string{"潭", "城镇"}},
		{"关于2023年城关镇财政预算执行情况的报告", "城关镇去年财政收入多少", []string{"城关镇", "城关"}},
		// The name without 镇, as an English question spells it (Aodong town).
		{"敖东镇2018年预算执行情况和2019年预算草案的报告", "敖东 镇 2018 美丽乡村 投入", []string{"敖东", "镇"}},
		// Not a title of a township: 城镇 stays a word to find.
		{"关于2023年某县财政预算执行情况的报告", "城镇居民收入多少", nil},
	} {
		q := &Question{Norm: tc.q}
		for _, w := range []string{"潭", "城镇", "城关", "城关镇", "农业支出", "财政收入", "居民", "敖东", "镇", "美丽乡村"} {
			if strings.Contains(tc.q, w) {
				q.Concepts = append(q.Concepts, Concept{Word: w})
			}
		}
		n := len(q.Concepts)
		ownTown(q, &index.Summary{Title: tc.title})
		for _, c := range q.Concepts {
			if slices.Contains(tc.gone, c.Word) {
				t.Errorf("%s | %s: concept %s kept", tc.title, tc.q, c.Word)
			}
		}
		if len(tc.gone) == 0 && len(q.Concepts) != n {
			t.Errorf("%s | %s: concepts dropped: %+v", tc.title, tc.q, q.Concepts)
		}
	}
}

// The body a report's title names as its author (海坛片区管理局, 社会事业局)
// is the report's own when a question names it: its words are not looked
// for in the text. A word of it the question also asks of stays.
func TestOwnIssuer(t *testing.T) {
	for _, tc := range []struct {
		title, q string
		words    []string
		gone     []string
	}{
		{"平潭综合实验区海坛片区管理局2024年度工作总结及2025年工作思路", "2024年海坛片区搞了多少场现场警示教育活动", []string{"海坛", "片区", "活动"}, []string{"海坛", "片区"}},
		{"平潭综合实验区社会事业局2024年工作总结及2025年工作思路", "社会事业局2024年新增城镇就业多少人", []string{"社会事业", "局", "新增城镇就业"}, []string{"社会事业", "局"}},
		// Not named whole: 资产 is what is asked.
		{"平潭综合实验区国有资产管理局关于2022年度国资国企监管工作情况的报告", "区属国企资产总额多少", []string{"区属", "国企", "资产"}, nil},
		// Named, and asked of elsewhere: 资产 stays.
		{"平潭综合实验区国有资产管理局关于2022年度国资国企监管工作情况的报告", "国有资产管理局今年处置了多少资产", []string{"国有资产", "资产", "处置"}, []string{"国有资产"}},
		// A zone's committee, the title composed from the opening.
		{"大鹏新区管理委员会2014年工作报告", "大鹏新区2013年GDP有多少", []string{"gdp", "大鹏", "新区"}, []string{"大鹏", "新区"}},
	} {
		q := &Question{Norm: tc.q}
		for _, w := range tc.words {
			q.Concepts = append(q.Concepts, Concept{Word: w})
		}
		ownIssuer(q, &index.Summary{Title: tc.title})
		var kept []string
		for _, c := range q.Concepts {
			kept = append(kept, c.Word)
		}
		for _, w := range tc.words {
			if slices.Contains(kept, w) == slices.Contains(tc.gone, w) {
				t.Errorf("%s | %s: kept %v, want %v dropped", tc.title, tc.q, kept, tc.gone)
				break
			}
		}
	}
}
