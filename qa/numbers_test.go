package qa

import (
	"slices"
	"strings"
	"testing"

	"reportkb/index/report"
	"reportkb/index/segment"
)

func TestRespectively(t *testing.T) {
	tests := []struct {
		text string
		// per figure text: the item it belongs to, or "" for none
		want map[string]string
	}{
		{
			text: "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内。",
			want: map[string]string{"5%": "城镇调查失业率", "3%以内": "居民消费价格涨幅"},
		},
		{
			text: "文化旅游亮点纷呈、火爆出圈，累计接待游客17.52亿人次、旅游花费1.27万亿元，分别增长32.9%、41.6%。",
			want: map[string]string{"32.9%": "累计接待游客17.52亿人次", "41.6%": "旅游花费1.27万亿元"},
		},
		{
			// One subject for both figures: no list to pair.
			text: "城乡居民人均可支配收入分别增长8%和10%。",
			want: map[string]string{"8%": "", "10%": ""},
		},
		{
			// A second list of the same items does not repeat them.
			text: "战略性新兴产业、高新技术产业、装备制造业增加值分别增长20.6%、16.9%、17.3%，占规模以上工业比重分别为27.1%、40.5%、30.9%。",
			want: map[string]string{"16.9%": "高新技术产业", "40.5%": "高新技术产业", "30.9%": "装备制造业增加值"},
		},
		{
			// A verb alone after the list goes on with its items.
			text: "城镇、农村居民人均可支配收入分别达到5.2万元和2.3万元，增长4.5%、6.1%。",
			want: map[string]string{"2.3万元": "农村居民人均可支配收入", "6.1%": "农村居民人均可支配收入"},
		},
		{
			// 中 after a noun sets off the list's lead (空气中), unless it
			// opens a word (中小企业).
			text: "城市环境空气中可吸入颗粒物（PM10）和细颗粒物（PM2.5）年均浓度分别为57微克/立方米和33.9微克/立方米。",
			want: map[string]string{"57微克/立方米": "可吸入颗粒物（PM10）", "33.9微克/立方米": "细颗粒物（PM2.5）年均浓度"},
		},
		{
			text: "全市中小企业贷款和大型企业贷款分别增长12%和5%。",
			want: map[string]string{"12%": "全市中小企业贷款", "5%": "大型企业贷款"},
		},
		{
			// Items without figures of their own are not the list.
			text: "深化改革，扩大开放，分别增长8%和10%。",
			want: map[string]string{"8%": "", "10%": ""},
		},
	}
	for _, tc := range tests {
		figs := ParseQuantities(tc.text)
		lists := respectively(tc.text, clauses(tc.text), figs)
		for _, f := range figs {
			want, ok := tc.want[f.Text]
			if !ok {
				continue
			}
			lp, found := lists[f.Start]
			got := ""
			if found {
				it := lp.items[lp.index]
				got = tc.text[it.start:it.end]
			}
			if got != want {
				t.Errorf("%s: figure %s belongs to %q, want %q", tc.text, f.Text, got, want)
			}
		}
	}
}

func TestProximityAcrossListItems(t *testing.T) {
	text := "改造建设100个乡镇综合养老服务中心和300个村级互助幸福院。"
	l := clauses(text)
	figs := ParseQuantities(text)
	if len(figs) != 2 {
		t.Fatalf("figures of %q: %+v", text, figs)
	}
	w := "养老服务中心"
	at := strings.Index(text, w)
	o := occurrence{start: at, end: at + len(w), factor: 1, part: -1}
	first := proximity(o, l, figs[0].Prefix, figs[0].End)
	second := proximity(o, l, figs[1].Prefix, figs[1].End)
	if first <= second {
		t.Errorf("the counted noun after 100个 scores %.2f, the previous item's noun before 300个 %.2f; want the first higher", first, second)
	}
}

// The start of a change told with its old value stands between a subject
// and its new value without setting them apart.
func TestProximityAcrossFromTo(t *testing.T) {
	text := "全省经济综合实力迈上新台阶，地区生产总值从2010年的4.60万亿元增加到2015年的7.28万亿元。"
	l := clauses(text)
	var to Quantity
	for _, f := range ParseQuantities(text) {
		if f.Text == "7.28万亿元" {
			to = f
		}
	}
	w := "地区生产总值"
	at := strings.Index(text, w)
	o := occurrence{start: at, end: at + len(w), factor: 1, part: -1}
	if p := proximity(o, l, to.Prefix, to.End); p < 0.8 {
		t.Errorf("地区生产总值 before 从…增加到 is %.2f near 7.28万亿元, want ≥ 0.8", p)
	}
}

func TestStockQuestions(t *testing.T) {
	a := testAnalyzer()
	tests := []struct {
		q     string
		stock bool
	}{
		{"汉阳区有多少家医院", true},
		{"甘肃有多少个机场", true},
		{"How many airports does Gansu have?", true},
		{"新建了多少个机场", false},
		{"去年新增多少家医院", false},
		{"How many airports were built?", false},
		{"GDP是多少", false},
		// The question's own term names what was added.
		{"2017年高阳城镇新增就业有多少人", false},
	}
	for _, tc := range tests {
		if got := a.Analyze(tc.q).Stock; got != tc.stock {
			t.Errorf("Analyze(%q).Stock = %v, want %v", tc.q, got, tc.stock)
		}
	}
	for q, want := range map[string]string{"at the end of 2025": "end", "by the end of the year": "end", "at the beginning of 2024": "start", "年初的债务限额": "start", "in 2025": ""} {
		if got := yearPoint(q); got != want {
			t.Errorf("yearPoint(%q) = %q, want %q", q, got, want)
		}
	}
}

// A question of a whole (总里程) is not answered by what is new of it.
func TestTotalAskedNotNew(t *testing.T) {
	a := testAnalyzer()
	if !totalAsked(a.Analyze("高速公路通车总里程是多少公里？")) || totalAsked(a.Analyze("新增高速公路通车总里程多少公里？")) || totalAsked(a.Analyze("高速公路通车里程是多少公里？")) {
		t.Error("totalAsked")
	}
	text := "新增高速公路通车里程1523公里，总里程达8667公里。"
	l := clauses(text)
	figs := ParseQuantities(text)
	if !newFigure(text, l, figs[0].Prefix) || newFigure(text, l, figs[1].Prefix) {
		t.Errorf("newFigure of %s", text)
	}
}

func TestAddedFigure(t *testing.T) {
	tests := []struct {
		text, fig string
		added     bool
	}{
		{"新建通航机场5个，兰州中川国际机场三期建成投运。", "5个", true},
		{"确定4家定点救治医院，迅速扩容床位6000余张。", "4家", true},
		{"年末全市共有博物馆11个，公共图书馆10个。", "11个", false},
		{"全省民用运输机场达到9个。", "9个", false},
		{"国家级高新技术企业从0.94万家增加到1.55万家。", "1.55万家", false},
	}
	for _, tc := range tests {
		pos := strings.Index(tc.text, tc.fig)
		if got := addedFigure(tc.text, clauses(tc.text), pos); got != tc.added {
			t.Errorf("addedFigure(%q, %s) = %v, want %v", tc.text, tc.fig, got, tc.added)
		}
	}
}

func TestLevelQuestions(t *testing.T) {
	a := testAnalyzer()
	for q, want := range map[string]bool{
		"湖南城镇化率提高到了多少":                             true,
		"城镇化率提高了多少":                                false,
		"森林覆盖率达到多少":                                true,
		"What did the urbanization rate rise to?":  true,
		"How much did the urbanization rate rise?": false,
	} {
		if got := a.Analyze(q).Level; got != want {
			t.Errorf("Analyze(%q).Level = %v, want %v", q, got, want)
		}
	}
}

func TestDropOptional(t *testing.T) {
	tests := []struct{ in, want string }{
		{"累计修补主(次)干道车行路面", "累计修补主次干道车行路面"},
		{"新(改)建农村公路", "新改建农村公路"},
		{"发放生活(医疗)垃圾", "发放生活医疗垃圾"},
		{"计划(草案的说明)", "计划(草案的说明)"}, // too long to be optional
		{"no brackets", "no brackets"},
	}
	for _, tc := range tests {
		got, offs := dropOptional(tc.in, nil)
		if got != tc.want {
			t.Errorf("dropOptional(%q) = %q, want %q", tc.in, got, tc.want)
			continue
		}
		if offs != nil {
			// Every kept byte maps back to the same byte of the input.
			for i := 0; i < len(got); i++ {
				if got[i] != tc.in[offs[i]] {
					t.Errorf("dropOptional(%q): byte %d maps to %d", tc.in, i, offs[i])
					break
				}
			}
		}
	}
}

func TestFromValue(t *testing.T) {
	for text, want := range map[string]string{
		"国家级高新技术企业从0.94万家增加到1.55万家、科技型中小企业达到2.8万家。": "0.94万家",
		// A few words may name the old state: 由年初预算X调整为Y.
		"一般公共预算支出由年初预算111.10亿元调整为195.22亿元。": "111.10亿元",
		// The old state's year is no figure: 从2024年的人均每年94元提高到99元.
		"投入6.47亿元推动基本公共卫生服务财政补助标准从2024年的人均每年94元提高到99元。": "94元",
		// Nor is its month: 增速从2月增长3.0%加快至全年增长6.7%.
		"2025年，全市规模以上工业增加值增速从2月增长3.0%加快至全年增长6.7%。": "3.0%",
		// The old values may be a list: 从A和B分别提高到C和D.
		"城镇和农村居民人均可支配收入从46503元和16935元分别提高到51821元和21691元。": "46503元 16935元",
		// Last year's value in an aside beside this year's.
		"国家高新技术企业总量达到6759家（上年5842家），连续五年居全国区县第一。": "5842家",
		// 由X减为Y: X the old value.
		"非常设机构由85个减为26个。": "85个",
		// 由X降低为Y, 由X提升为Y: a verb of two characters before 为.
		"城乡居民大病保险起付线由2.7万元降低为1.3万元，支付比例由50%提升为60%。": "2.7万元 50%",
	} {
		l := clauses(text)
		var from []string
		for _, f := range ParseQuantities(text) {
			if fromValue(text, l, f) {
				from = append(from, f.Text)
			}
		}
		if strings.Join(from, " ") != want {
			t.Errorf("%s: starting values %q, want only %s", text, from, want)
		}
	}
}

// TestPlannedBeforeActual: the figure planned, where the sentence goes on
// to what was done, is not what a question of the actual asks; a share
// of the plan or a cut from it is no plan.
func TestPlannedBeforeActual(t *testing.T) {
	for text, want := range map[string]string{
		"2018年市本级一般公共预算安排预备费10000万元，支出6790万元。":                 "10000万元",
		"企业研发费用后补助计划补助企业1600家、实际完成1970家。":                      "1600家",
		"全市一般公共预算收入完成171.59亿元，增长5%。":                           "",
		"自治区本级“三公”经费支出合计7677万元，占年初预算数的74.3%，较2023年决算数增加206万元。": "",
		"省级“三公”经费支出2.44亿元，比年初预算压减1.54亿元，其中：因公出国（境）费支出0.31亿元。":  "",
		// 支出预算 right before a figure names the budget.
		"支出预算155.1亿元，执行中因上级新增转移支付补助等，支出预算调整为206.2亿元；支出完成166.1亿元，同比下降5.2%。": "155.1亿元",
	} {
		l := clauses(text)
		figs := ParseQuantities(text)
		var got []string
		for _, f := range figs {
			if plannedBeforeActual(text, l, figs, f) {
				got = append(got, f.Text)
			}
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s: planned %q, want %q", text, got, want)
		}
	}
}

// TestCumulativeFigure: a figure summed up to now (累计达到120.5万亩) is not
// what a question of the year's addition (去年建成的) asks.
func TestCumulativeFigure(t *testing.T) {
	text := "建成高标准农田8.9万亩、累计达到120.5万亩，耕地保护和粮食安全责任制全面落实。"
	l := clauses(text)
	var got []string
	for _, f := range ParseQuantities(text) {
		if cumulativeFigure(text, l, f.Prefix) {
			got = append(got, f.Text)
		}
	}
	if strings.Join(got, " ") != "120.5万亩" {
		t.Errorf("cumulative figures %q, want 120.5万亩", got)
	}
	a := testAnalyzer()
	for q, want := range map[string]bool{"去年建成的高标准农田有多少万亩？": true, "2024年新增了多少家企业？": true,
		"累计建成的高标准农田有多少万亩？": false, "现在一共建成多少个": false,
		"社保基金当年结余多少": true, "What was the current-year balance of the social insurance funds?": true,
		"社保基金累计结余多少": false, "社保基金当年累计结余多少": false} {
		if got := asksYearsAddition(a.Analyze(q)); got != want {
			t.Errorf("asksYearsAddition(%s) = %v, want %v", q, got, want)
		}
	}
}

func TestDropQuotes(t *testing.T) {
	in := "国家级专精特新“小巨人”企业增至3022家"
	got, offs := dropOptional(in, nil)
	if got != "国家级专精特新小巨人企业增至3022家" {
		t.Fatalf("dropOptional(%q) = %q", in, got)
	}
	k := strings.Index(got, "小巨人企业")
	if s, e := offs[k], offs[k+len("小巨人企业")]; in[s:e] != "小巨人”企业" {
		t.Errorf("the match maps back to %q", in[s:e])
	}
}

func TestYearValue(t *testing.T) {
	for in, want := range map[string]int{"2020": 2020, "一九五二": 1952, "二〇二一": 2021, "二零零八": 2008, "十五": 0} {
		if got := yearValue(in); got != want {
			t.Errorf("yearValue(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestComparisonBase(t *testing.T) {
	text := "工业总产值一九七七年比一九七六年增长百分之十四点三，一九七八年又比一九七七年增长百分之十三点五"
	ms := reSentYear.FindAllStringSubmatchIndex(text, -1)
	var bases []int
	for _, m := range ms {
		if isComparisonBase(text, m[0]) {
			bases = append(bases, yearValue(text[m[2]:m[3]]))
		}
	}
	if len(bases) != 2 || bases[0] != 1976 || bases[1] != 1977 {
		t.Errorf("comparison bases = %v, want [1976 1977]", bases)
	}
	for text, want := range map[string]bool{
		"与2020年比（下同），GDP同比增长11.3%": true,
		"与2020年相比，增长5%":            true,
		"和2020年比重相同":               false,
		"与2020年实现的目标":              false,
	} {
		if got := isComparisonBase(text, len("与")); got != want {
			t.Errorf("isComparisonBase(%s) = %v, want %v", text, got, want)
		}
	}
}

// A year a figure is a multiple of (是2011年的1.76倍) does not date the
// figures after it.
func TestMultipleOfYearDatesNothing(t *testing.T) {
	text := "2016年，全县生产总值完成96.3亿元，是2011年的1.1倍；全部财政收入完成10.3亿元，是2011年的1.76倍。"
	pc := periodCtx{text: text, years: sentenceYears(text)}
	if y, _ := period(pc, strings.Index(text, "10.3")); y != 2016 {
		t.Errorf("period of 10.3亿元 = %d, want 2016", y)
	}
}

func TestSectorLists(t *testing.T) {
	text := "三次产业对GDP增长的贡献率分别为8.3%、53.9%和37.9%。"
	figs := ParseQuantities(text)
	got := sectorLists(text, clauses(text), figs)
	want := map[string]int{"8.3%": 1, "53.9%": 2, "37.9%": 3}
	for _, f := range figs {
		if got[f.Start] != want[f.Text] {
			t.Errorf("%s: sector %d, want %d", f.Text, got[f.Start], want[f.Text])
		}
	}
	// A second list of the three, named in a clause before it only.
	text = "三次产业结构比为20.2:17.3:62.5,对经济增长的贡献率分别为16.5%、22.2%、61.3%。"
	figs = ParseQuantities(text)
	got = sectorLists(text, clauses(text), figs)
	want = map[string]int{"16.5%": 1, "22.2%": 2, "61.3%": 3}
	for _, f := range figs {
		if w, ok := want[f.Text]; ok && got[f.Start] != w {
			t.Errorf("%s: sector %d, want %d", f.Text, got[f.Start], w)
		}
	}
	if len(sectorLists("城乡居民收入分别增长8%和10%。", clauses("城乡居民收入分别增长8%和10%。"), ParseQuantities("城乡居民收入分别增长8%和10%。"))) != 0 {
		t.Error("a list without the three sectors paired with them")
	}
}

func TestSharedHeadOfFigures(t *testing.T) {
	text := "新建6个国家级、20个省级临床重点专科。"
	l := clauses(text)
	figs := ParseQuantities(text)
	if len(figs) != 2 {
		t.Fatalf("figures: %+v", figs)
	}
	w := "临床重点专科"
	at := strings.Index(text, w)
	o := occurrence{start: at, end: at + len(w), factor: 1, part: -1}
	first := proximity(o, l, figs[0].Prefix, figs[0].End)
	if first < 0.5 {
		t.Errorf("the noun shared by both figures counts %.2f for the first", first)
	}
	// A noun after a join that leads to no figure belongs to its own item.
	text2 := "建成6个国家级实验室、省级临床重点专科。"
	l2 := clauses(text2)
	f2 := ParseQuantities(text2)
	at2 := strings.Index(text2, w)
	o2 := occurrence{start: at2, end: at2 + len(w), factor: 1, part: -1}
	if p := proximity(o2, l2, f2[0].Prefix, f2[0].End); p >= first {
		t.Errorf("a noun of another item counts %.2f, as much as a shared one (%.2f)", p, first)
	}
}

func TestAsksCount(t *testing.T) {
	a := testAnalyzer()
	for q, want := range map[string]bool{
		"新增养老床位多少张":                               true,
		"建了几座方舱医院":                                true,
		"How many city hoardings were removed?":   true,
		"How much was invested in education?":     true,
		"谁牵头实施五个一百工程":                             false,
		"What is the GDP growth target for 2021?": false,
	} {
		if got := a.Analyze(q).AsksCount; got != want {
			t.Errorf("Analyze(%q).AsksCount = %v, want %v", q, got, want)
		}
	}
}

func TestSpanFigure(t *testing.T) {
	for _, c := range []struct {
		text, fig string
		want      bool
	}{
		{"“十四五”时期，全市一般公共预算收入总量达1670亿元，居全省第四位。", "1670亿元", true},
		{"过去五年，累计新增城镇就业62万人。", "62万人", true},
		{"五年来，2025年全市收入达311.8亿元。", "311.8亿元", false},
		{"全市收入311.8亿元，增长1.8%。", "311.8亿元", false},
	} {
		if got := spanBefore(c.text, yearSpans(c.text), strings.Index(c.text, c.fig)); got != c.want {
			t.Errorf("spanBefore(%s, %s) = %v, want %v", c.text, c.fig, got, c.want)
		}
	}
}

func TestAsksChange(t *testing.T) {
	a := testAnalyzer()
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"全市政府性基金去年花的钱比前年涨了百分之多少？", true},
		{"今年土地增值税预计比去年多收多少亿元？", true},
		{"农村居民收入去年涨了多少？", true},
		{"今年市本级政府性基金收入预计涨多少？", true},
		{"户籍人口一年少了多少？", true},
		{"去年粮食是增产还是减产？变了多少？", true},
		{"第二产业去年是涨是跌，变了多少？", true},
		{"今年比去年多了多少人？", true},
		{"去年一般公共预算收入是多少？", false},
		{"重工业今年产值大概下滑了多少？", true},
		{"出口价格回落了多少？", true},
		{"青壮年里不识字的比例降到多少了？", false},
		{"税收占财政收入的比重提高到多少？", false},
		// An adjustment's size: 调减49,700万元, not the level it was set to.
		{"这次调整一般公共预算财力调减了多少万元", true},
		// A cut's amount is stated after its object (压减支出1.72亿元).
		{"政府过紧日子，去年压缩了多少亿元开支？", false},
		// 掉 of a comparison falls; 消化掉 and 砍掉 say an amount done.
		{"一般公共预算收入比上年掉了多少？", true},
		{"猪肉价格跌了多少？", true},
		{"市本级去年消化掉了多少政府债务？", false},
		{"省里去年砍掉了多少亿非刚性开支？", false},
	} {
		if got := a.Analyze(c.q).AsksChange; got != c.want {
			t.Errorf("%s: AsksChange = %v, want %v", c.q, got, c.want)
		}
	}
}

// TestBareScaleIsMoney: 结余141.88亿 (亿 alone) may answer a question in 元.
func TestBareScaleIsMoney(t *testing.T) {
	f := ParseQuantities("年末滚存结余141.88亿。")
	if len(f) != 1 {
		t.Fatalf("quantities %+v", f)
	}
	if unitFit(&Question{Unit: "元", Class: "money"}, f[0]) == 0 {
		t.Error("141.88亿 cannot answer a question in 元")
	}
	if unitFit(&Question{Unit: "吨", Class: "weight"}, f[0]) != 0 {
		t.Error("141.88亿 answers a question in 吨")
	}
}

// 户 counts firms as well as homes: 多少家 is answered by 3382户, and 多少户
// by 120家; 多少吨 by neither.
func TestFirmsInHouseholds(t *testing.T) {
	for _, c := range []struct {
		unit, text string
		fits       bool
	}{
		{"家", "规上工业企业从1832户增加到3382户。", true},
		{"户", "新增国家级专精特新企业120家。", true},
		{"吨", "规上工业企业3382户。", false},
	} {
		f := ParseQuantities(c.text)
		q := &Question{Unit: c.unit, Class: UnitClass(c.unit)}
		if got := unitFit(q, f[len(f)-1]) > 0.5; got != c.fits {
			t.Errorf("多少%s: %s fits %v, want %v", c.unit, c.text, got, c.fits)
		}
	}
}

// A sum per person is never an aggregate in 亿元.
func TestPerHeadIsNoAggregate(t *testing.T) {
	q := &Question{Class: "money", PerUnit: true}
	for text, want := range map[string]bool{"达到23562亿元。": false, "人均地区生产总值8.1万元。": true} {
		f := ParseQuantities(text)
		if got := unitFit(q, f[0]) > 0.5; got != want {
			t.Errorf("%s: fits a sum per person %v, want %v", text, got, want)
		}
	}
}

func TestPartsInContext(t *testing.T) {
	parts := []string{"一般公共预算", "收入"}
	view := func(sentence, heading string) *sentView {
		return &sentView{folded: sentence, heading: heading, runes: textRunes(sentence), headRunes: textRunes(heading)}
	}
	for _, withRunes := range []bool{true, false} {
		c := Concept{Word: "一般公共预算收入", foldedParts: parts, PartWeights: []float64{2, 1}}
		if withRunes {
			c.partRunes = []runeSet{runesOf(parts[0]), runesOf(parts[1])}
		}
		if got := partsInContext(c, view("收入预算安排318.1亿元", "1.一般公共预算"), "1.一般公共预算", ""); got < 0.5 {
			t.Errorf("parts split between heading and sentence credit %.2f, want ≥ 0.5 (rune sets %v)", got, withRunes)
		}
		if got := partsInContext(c, view("收入预算安排318.1亿元", ""), "", ""); got != 0 {
			t.Errorf("no part in the context credits %.2f, want 0 (rune sets %v)", got, withRunes)
		}
	}
}

// TestContinuingClause: a clause that only states a change (比上年增长5.6%)
// is about the subject of the clause before it.
func TestContinuingClause(t *testing.T) {
	text := "2025年全市实现地区生产总值4770.9亿元，比上年增长5.6%。"
	l := clauses(text)
	subj := strings.Index(text, "地区生产总值")
	o := occurrence{start: subj, end: subj + len("地区生产总值"), part: -1}
	fig := strings.Index(text, "5.6%")
	if p := proximity(o, l, fig, fig+len("5.6%")); p < 0.8 {
		t.Errorf("proximity across a continuing clause = %.2f, want ≥ 0.8", p)
	}
	text = "全市生产总值4770.9亿元，财政收入增长5.6%。"
	l = clauses(text)
	fig = strings.Index(text, "5.6%")
	if p := proximity(o, l, fig, fig+len("5.6%")); p > 0.6 {
		t.Errorf("proximity across a clause with its own subject = %.2f, want ≤ 0.6", p)
	}
}

func TestDeltaFigure(t *testing.T) {
	text := "今年中央财政将安排832亿元，比上年增加167亿元，支持卫生事业改革和发展。"
	for _, c := range []struct {
		fig  string
		want bool
	}{{"832亿元", false}, {"167亿元", true}} {
		if got := deltaFigure(text, strings.Index(text, c.fig)); got != c.want {
			t.Errorf("deltaFigure(%s) = %v, want %v", c.fig, got, c.want)
		}
	}
	// 增产 is a change, its base unsaid.
	text = "全疆粮食播种面积4440万亩、新增202.9万亩，粮食增产42.2亿斤，总产466亿斤。"
	for _, c := range []struct {
		fig  string
		want bool
	}{{"42.2亿斤", true}, {"466亿斤", false}, {"4440万亩", false}} {
		if got := deltaFigure(text, strings.Index(text, c.fig)); got != c.want {
			t.Errorf("deltaFigure(%s) = %v, want %v", c.fig, got, c.want)
		}
	}
}

// TestJoinedFiguresShareTheVerb: the figures of a list share the change
// verb before the first (提高75元和55元: 55元 is a change too).
func TestJoinedFiguresShareTheVerb(t *testing.T) {
	for _, c := range []struct {
		text, fig string
		want      bool
	}{
		{"城乡低保人均每月提高75元和55元，跃居西北省会前列。", "55元", true},
		{"城镇、农村居民收入分别增长4.4%、5.9%。", "5.9%", true},
		{"全年收入达到75元和55元。", "55元", false},
		{"收入增长5%，支出55元。", "55元", false},
		// A harvest's change: 比上年减产1.8%.
		{"全年粮食产量2151.9万吨，比上年减产1.8%。", "1.8%", true},
		// Prices go up and down: 上涨, 下跌.
		{"全年居民消费价格比上年上涨2.9%。", "2.9%", true},
		{"工业生产者出厂价格比上年下跌1.2%。", "1.2%", true},
		// A rate that restates the change before it (，即百分之七点八).
		{"总产量达到三亿零四百七十五万吨，比上一年增产二千二百万吨，即百分之七点八。", "百分之七点八", true},
		{"总产量达到三亿零四百七十五万吨，即百分之七点八。", "百分之七点八", false},
	} {
		if got := changeFigure(c.text, strings.Index(c.text, c.fig)); got != c.want {
			t.Errorf("changeFigure(%s, %s) = %v, want %v", c.text, c.fig, got, c.want)
		}
	}
}

func TestChangeAndShareAskForRates(t *testing.T) {
	a := testAnalyzer()
	for _, q := range []string{"西安去年财政收入掉了多少？", "南宁社零总额去年涨了多少？", "市本级民生支出占一般公共预算支出多少？"} {
		if c := a.Analyze(q).Class; c != "percent" {
			t.Errorf("%s: class %q, want percent", q, c)
		}
	}
	for _, q := range []string{"去年教育上用掉了多少钱？", "涨了多少元？"} {
		if c := a.Analyze(q).Class; c != "money" {
			t.Errorf("%s: class %q, want money", q, c)
		}
	}
}

func TestNarrowed(t *testing.T) {
	seg := segment.NewMaxMatch([]string{"户籍", "总人口", "人口", "进出口", "居民家庭", "家庭", "恩格尔系数"})
	for _, c := range []struct {
		question, text, head string
		fig                  int // which figure of text
		want                 bool
	}{
		{"年底常住人口多少", "其中,城镇常住人口1754.2万人,常住人口城镇化率81.46%。", "常住人口", 0, true},
		{"城镇常住人口多少", "其中,城镇常住人口1754.2万人,常住人口城镇化率81.46%。", "常住人口", 0, false},
		// 总人口 is the whole of 人口, though the segmenter reads one word.
		{"户籍人口少了多少", "年末全市户籍总人口为215.9万人，比上年减少5.4万人。", "人口", 1, false},
		// 居民家庭 is the 家庭 a bulletin speaks of.
		{"农村家庭恩格尔系数是多少", "农村居民家庭恩格尔系数为31.1%。", "家庭", 0, false},
	} {
		k := strings.Index(c.text, c.head)
		occ := []occurrence{{start: k, end: k + len(c.head), part: -1, text: c.head}}
		f := ParseQuantities(c.text)[c.fig]
		if got := narrowed(&Question{Raw: c.question, Norm: c.question}, c.text, occ, clauses(c.text), f, seg); got != c.want {
			t.Errorf("%s: %s in %s narrowed = %v, want %v", c.question, c.head, c.text, got, c.want)
		}
	}
}

// TestSubAreaBefore: a zone or some counties named before a figure make
// it a part's, unless the question asks for them, the report is the
// zone's own, or the whole region is named again after them.
func TestSubAreaBefore(t *testing.T) {
	for _, c := range []struct {
		question, text, region, title string
		want                          bool
	}{
		{"2014年全市固定资产投资完成了多少亿元", "全市产业集聚区完成固定资产投资786亿元，增长24%。", "驻马店市", "", true},
		{"2016年固定资产投资完成了多少亿元", "服务业“两区”建设进展顺利，2016年完成固定资产投资114亿元。", "驻马店市", "", true},
		{"2021年一般公共预算收入多少亿元", "6个县GDP增速超全市平均水平，4个县一般公共预算收入超过15亿元。", "驻马店市", "", true},
		{"产业集聚区完成投资多少", "全市产业集聚区完成固定资产投资786亿元。", "驻马店市", "", false},
		{"一般公共预算收入多少", "全区一般公共预算收入完成171251万元。", "平潭综合实验区", "", false},
		{"财政收入多少", "实验区财政收入完成17亿元。", "平潭综合实验区", "", false},
		{"新区GDP多少", "新区地区生产总值完成300亿元。", "深圳市", "大鹏新区政府工作报告", false},
		{"固定资产投资多少", "开发区建设加快；全市完成固定资产投资500亿元。", "某市", "", false},
		{"固定资产投资多少", "开发区建设加快，全市完成固定资产投资500亿元。", "某市", "", false},
		{"固定资产投资多少", "全市完成固定资产投资500亿元。", "某市", "", false},
		// A zone named into a clause is no subject.
		{"投资亿元以上项目新开工多少个", "建立“投资、项目、园区”问题库，年投资亿元以上项目新开工43个以上，完成投资100亿元。", "海南省", "", false},
		{"固定资产投资多少", "加快建设国家级经济技术开发区，全年完成固定资产投资500亿元。", "某市", "", false},
		{"改造的老小区有多少个", "推进重点片区建设，加快实施西站南片区等更新，启动建设15个新项目，完成投资50亿元。", "天津市", "", false},
	} {
		f := ParseQuantities(c.text)
		var at int
		for _, q := range f {
			if strings.Contains(q.Text, "亿元") || strings.Contains(q.Text, "万元") {
				at = q.Prefix
				break
			}
		}
		if got := subAreaBefore(&Question{Raw: c.question, Norm: c.question}, c.text, clauses(c.text), at, c.region, c.title); got != c.want {
			t.Errorf("%s: %s: subAreaBefore = %v, want %v", c.question, c.text, got, c.want)
		}
	}
}

func TestChangeColumn(t *testing.T) {
	for col, want := range map[string]bool{"比上年增长%": true, "增减(±%)": true, "年末数": false, "比重%": false, "": false} {
		if got := changeColumn(col); got != want {
			t.Errorf("changeColumn(%q) = %v, want %v", col, got, want)
		}
	}
}

func TestInsideWord(t *testing.T) {
	seg := testSegmenter()
	for _, c := range []struct {
		text, word string
		want       bool
	}{{"全年实现进出口总额153.2亿元", "出口", true}, {"继续推进棚户区改造", "棚户区", false}} {
		if got := insideWord(seg.Segment(c.text), strings.Index(c.text, c.word)); got != c.want {
			t.Errorf("insideWord(%s, %s) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
}

func TestMilestone(t *testing.T) {
	text := "粮食总产量首次突破35万吨，达到36.05万吨，比上年增加1.83万吨。"
	figs := ParseQuantities(text)
	var got []string
	for _, f := range figs {
		if milestone(text, figs, f) {
			got = append(got, f.Text)
		}
	}
	if strings.Join(got, " ") != "35万吨" {
		t.Errorf("milestones %q, want 35万吨", got)
	}
	text = "全市生产总值突破1000亿元。"
	figs = ParseQuantities(text)
	if milestone(text, figs, figs[0]) {
		t.Error("a mark passed with nothing reached after it is the figure")
	}
	text = "进出口总额接连突破8万亿元、9万亿元，年实际使用外资保持在千亿元以上。"
	figs = ParseQuantities(text)
	if !milestone(text, figs, figs[0]) || milestone(text, figs, figs[1]) {
		t.Error("of marks passed in turn, all but the last are milestones")
	}
	text = "地区生产总值迈上6万亿元台阶，达到62661亿元。"
	figs = ParseQuantities(text)
	if !milestone(text, figs, figs[0]) || milestone(text, figs, figs[1]) {
		t.Error("a step climbed (6万亿元台阶) is a milestone before the level reached")
	}
	text = "经济总量连跨5万亿元、6万亿元两个台阶，社会大局和谐稳定。"
	figs = ParseQuantities(text)
	if !milestone(text, figs, figs[0]) {
		t.Error("the first of steps climbed in turn (5万亿元、6万亿元两个台阶) is a milestone")
	}
}

// TestGenericClassifierFitsCounts: 个 counts anything, so 医院186个 fits 多少家
// better than a figure counted with another classifier (床位5.46万张).
func TestGenericClassifierFitsCounts(t *testing.T) {
	q := &Question{Unit: "家", Class: "count"}
	ge := ParseQuantities("其中医院186个。")
	beds := ParseQuantities("医院床位5.46万张。")
	if len(ge) != 1 || len(beds) != 1 {
		t.Fatalf("quantities %+v %+v", ge, beds)
	}
	if g, b := unitFit(q, ge[0]), unitFit(q, beds[0]); g <= b {
		t.Errorf("unitFit(多少家): 186个 %.2f, 5.46万张 %.2f; want 个 first", g, b)
	}
	if unitFit(&Question{Unit: "元", Class: "money"}, ge[0]) != 0 {
		t.Error("186个 answers a question in 元")
	}
	// The same when the classifier is only inferred from the subject
	// (how many hospitals: 座).
	soft := &Question{Unit: "座", UnitSoft: true, Class: "count"}
	if g, b := unitFit(soft, ge[0]), unitFit(soft, beds[0]); g <= b {
		t.Errorf("unitFit(hospitals, 座 inferred): 186个 %.2f, 5.46万张 %.2f; want 个 first", g, b)
	}
}

// TestPerHeadFitsCounts: a figure per so many people (每千人口托位数) is
// written with what it counts (4.32个), which fits it; a ratio asked as 几比
// 一 is no count.
func TestPerHeadFitsCounts(t *testing.T) {
	f := ParseQuantities("每千人口托位数达4.32个。")
	if len(f) != 1 {
		t.Fatalf("quantities %+v", f)
	}
	if got := unitFit(&Question{Class: "ratio", PerHead: true}, f[0]); got < 0.5 {
		t.Errorf("unitFit(每千人口托位数, 4.32个) = %.2f, want ≥ 0.5", got)
	}
	if got := unitFit(&Question{Class: "ratio"}, f[0]); got > 0.1 {
		t.Errorf("unitFit(几比一, 4.32个) = %.2f, want ≤ 0.1", got)
	}
}

// TestBasisClauseContinues: 按不变价格计算 between a subject and its change
// does not part them.
func TestBasisClauseContinues(t *testing.T) {
	text := "全市地区生产总值1419.15亿元，按不变价格计算，比上年增长2.8%。"
	l := clauses(text)
	if len(l.continues) < 3 || !l.continues[1] || !l.continues[2] {
		t.Errorf("continues = %v, want the basis clause and the change to go on about the subject", l.continues)
	}
}

// TestBaseValueClauseContinues: a change that states its base's value
// (较上年执行数940259万元增长8.07%) goes on about the subject before it.
func TestBaseValueClauseContinues(t *testing.T) {
	text := "全市社会保险基金预算收入1016177万元，较上年执行数940259万元增长8.07%，主要是城乡居民医疗保险财政补助资金人均提高30元。"
	l := clauses(text)
	if len(l.continues) < 3 || !l.continues[1] || l.continues[2] {
		t.Errorf("continues = %v, want the change, and not the reason, to go on about the subject", l.continues)
	}
	// 完成53.68亿元, 建成1444套: what was done of the subject before.
	for _, text := range []string{"全市一般公共预算收入，完成53.68亿元，增长7.3%。", "筹集建设保障性住房近2.7万套，建成1444套。"} {
		if l := clauses(text); len(l.continues) < 2 || !l.continues[1] {
			t.Errorf("%s: continues = %v, want the clause of the deed to go on about the subject", text, l.continues)
		}
	}
	// 按可比价计算 (价 without 格) is a basis too: the change after it is
	// of the figure before it.
	text = "实现地区生产总值4658.19亿元，按可比价计算，比上年增长4.5%。"
	if l := clauses(text); len(l.continues) < 3 || !l.continues[1] || !l.continues[2] {
		t.Errorf("%s: continues = %v, want the basis and the change to go on about the subject", text, l.continues)
	}
	// 达101.64亿元: the level reached, after a milestone.
	text = "旅游业总收入首次突破100亿元，达101.64亿元，增长10.6%。"
	if l := clauses(text); len(l.continues) < 3 || !l.continues[1] {
		t.Errorf("%s: continues = %v, want 达 to go on about the subject", text, l.continues)
	}
}

// TestSubperiodClauseContinues: 上半年增长7.2% after 一季度地区生产总值
// 增长5.7% is the same subject's change over another part of the year.
func TestSubperiodClauseContinues(t *testing.T) {
	text := "分季度看，一季度全市地区生产总值同比增长5.7%；上半年增长7.2%；前三季度增长6.6%。"
	l := clauses(text)
	if len(l.continues) < 4 || l.continues[1] || !l.continues[2] || !l.continues[3] {
		t.Errorf("continues = %v, want the half year and the three quarters to go on about the subject", l.continues)
	}
}

// TestGrowthIsNoShare: a question about growth is not answered by a share
// or a contribution rate, unless it asks for one.
func TestGrowthIsNoShare(t *testing.T) {
	text := "第一、二、三产业增加值占地区生产总值的比重分别为10.6%、19.3%和70.1%，对经济增长的贡献率分别为10.9%、23.1%和66.0%，全市生产总值比上年增长4.7%。"
	l := clauses(text)
	want := map[string]bool{"70.1%": true, "10.9%": true, "4.7%": false}
	for _, f := range ParseQuantities(text) {
		if w, ok := want[f.Text]; ok && shareFigure(text, l, f.Prefix) != w {
			t.Errorf("shareFigure(%s) = %v, want %v", f.Text, !w, w)
		}
	}
	// 占 alone states a share too: 民生支出153.4亿元，占一般公共预算支出75.5%.
	if t2 := "全市民生支出达到153.4亿元，占一般公共预算支出75.5%。"; !shareFigure(t2, clauses(t2), strings.Index(t2, "75.5")) {
		t.Error("占一般公共预算支出75.5% is no share")
	}
	if l2 := clauses("比重提高2.1个百分点。"); shareFigure("比重提高2.1个百分点。", l2, len("比重提高")) {
		t.Error("a change of a share is read as a share")
	}
	// The level a share rose to, and a ratio (之比), are shares.
	for _, t3 := range []string{"服务业增加值占国内生产总值比重上升到51.6%。", "全社会研发经费支出与国内生产总值之比达到2.08%。"} {
		if !shareFigure(t3, clauses(t3), strings.Index(t3, "%")-4) {
			t.Errorf("%s: no share", t3)
		}
	}
	a := testAnalyzer()
	for q, want := range map[string]bool{"南宁GDP增速多少": true, "What was the real GDP growth rate?": true,
		"第二产业对GDP增长的贡献率是多少": false, "民生支出占比多少": false, "GDP多少亿元": false} {
		if got := asksGrowth(a.Analyze(q)); got != want {
			t.Errorf("asksGrowth(%q) = %v, want %v", q, got, want)
		}
	}
	// A share however it is named (比重, 占比, 比例; the share of the
	// budget done: 完成了年初预算的百分之几), not its change.
	for q, want := range map[string]bool{"民生支出占比多少": true, "税收占到了多少比例？": true, "服务业比重是多少": true,
		"政府性基金收入只完成了年初预算的百分之几？": true, "一般公共预算收入的预算执行率是多少？": true,
		"税收占比提高了多少": false, "GDP增速多少": false, "政府性基金收入比预算下降了百分之几？": false} {
		if got := asksShare(a.Analyze(q)); got != want {
			t.Errorf("asksShare(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestRespectivelyBeforeAndAfter: 分别由A、B提高到C、D gives two figures to
// each item, the first pair the old values.
func TestRespectivelyBeforeAndAfter(t *testing.T) {
	text := "将社会散居和福利机构供养的孤儿养育标准分别由每人每月600元、1000元提高到1000元、1500元。"
	l := clauses(text)
	figs := ParseQuantities(text)
	lists := respectively(text, l, figs)
	want := []struct {
		index int
		from  bool
	}{{0, true}, {1, true}, {0, false}, {1, false}}
	if len(figs) != len(want) {
		t.Fatalf("figures %+v", figs)
	}
	for i, f := range figs {
		lp, ok := lists[f.Start]
		if !ok || lp.index != want[i].index || len(lp.items) != 2 {
			t.Errorf("%s (figure %d): list place %+v, %v; want item %d of 2", f.Text, i, lp, ok, want[i].index)
		}
		if got := fromValue(text, l, f); got != want[i].from {
			t.Errorf("fromValue(%s, figure %d) = %v, want %v", f.Text, i, got, want[i].from)
		}
	}
}

// TestTargetIsNoThreshold: 目标为7%以上 in a sentence that calls the target
// 指导性的 is a target with a floor, not the threshold of a definition.
func TestTargetIsNoThreshold(t *testing.T) {
	q := testAnalyzer().Analyze("2020年全市一般公共预算收入预期增长目标定的多少？")
	for sentence, want := range map[string]bool{
		"2020年全市一般公共预算收入预期增长目标为7%以上，这一目标是指导性的。": false,
		"规模以上工业是指年主营业务收入2000万元以上的工业企业。":         true,
	} {
		fs := ParseQuantities(sentence)
		if len(fs) == 0 {
			t.Fatalf("no figure in %s", sentence)
		}
		if got := thresholdFigure(q, sentence, fs[len(fs)-1]); got != want {
			t.Errorf("thresholdFigure(%s) = %v, want %v", sentence, got, want)
		}
	}
}

// TestThresholdOfAskedClass: 规模以上 in the question names the firms the
// bound defines; it does not ask for the bound.
func TestThresholdOfAskedClass(t *testing.T) {
	sentence := "规模以上工业企业统计口径为年主营业务收入2000万元及以上的工业企业。"
	fs := ParseQuantities(sentence)
	for q, want := range map[string]bool{"规模以上工业企业全年营业收入总额是多少？": true, "规模以上工业企业的统计标准是多少": false} {
		if got := thresholdFigure(testAnalyzer().Analyze(q), sentence, fs[0]); got != want {
			t.Errorf("%s: thresholdFigure = %v, want %v", q, got, want)
		}
	}
}

// TestRaisedToAsksTheLevel: 提高到多少 asks for the new level, in the
// thing's own unit, where 提高了多少 asks for a rate.
func TestRaisedToAsksTheLevel(t *testing.T) {
	a := testAnalyzer()
	if c := a.Analyze("城乡居民医保财政补助标准提高到多少？").Class; c == "percent" {
		t.Errorf("提高到多少: class %q", c)
	}
	if c := a.Analyze("城乡居民医保财政补助标准提高了多少？").Class; c != "percent" {
		t.Errorf("提高了多少: class %q, want percent", c)
	}
}

// TestCauseBeforeSo: 明确将5家企业税收调整划入高新区，故市级收入增幅为0.6%
// gives the cause before 故.
func TestCauseBeforeSo(t *testing.T) {
	q := &Question{Why: true}
	if cueIn(q, "明确将原入市级国库的5家企业税收3,700万元调整划入高新区，故市级一般公共预算收入增幅为0.6%。") == 0 {
		t.Error("故 not read as giving a cause")
	}
	if cueIn(q, "市级一般公共预算收入增长0.6%。") != 0 {
		t.Error("a sentence with no cause read as one")
	}
}

// TestReachedContinues: 首次突破35万吨，达到36.05万吨 — the clause that says
// what was reached is the subject's, like a change.
func TestReachedContinues(t *testing.T) {
	l := clauses("粮食总产量首次突破35万吨，达到36.05万吨，比上年增加1.83万吨。")
	if len(l.continues) < 3 || !l.continues[1] || !l.continues[2] {
		t.Errorf("continues = %v", l.continues)
	}
}

// TestPurposeAndReached: 拨付37亿元，支持优化教育资源配置 — the clause after
// the money says what it is for; 提高62元、达到2988元 — the first figure is
// the change, the second the level, and 、达到 joins no list.
func TestPurposeAndReached(t *testing.T) {
	text := "拨付37亿元，支持优化教育资源配置。"
	l := clauses(text)
	k := strings.Index(text, "教育")
	f := ParseQuantities(text)[0]
	if p := proximity(occurrence{start: k, end: k + len("教育")}, l, f.Start, f.End); p < 0.7 {
		t.Errorf("a purpose clause's word weighs %.2f for the money before it", p)
	}
	text = "企业退休人员养老金月人均提高62元、达到2988元。"
	l = clauses(text)
	if len(l.joins) != 0 {
		t.Errorf("、达到 read as a list join: %v", l.joins)
	}
	fs := ParseQuantities(text)
	a := testAnalyzer()
	level, change := a.Analyze("养老金现在月人均多少钱？"), a.Analyze("养老金月人均提高了多少钱？")
	if !reachedAfter(text[fs[0].End:]) || reachedAfter(text[fs[1].End:]) {
		t.Error("the level after the change not found")
	}
	if !changeUnasked(level, text, fs[0].Prefix) || changeUnasked(change, text, fs[0].Prefix) {
		t.Error("提高62元 is the change only a question about the level does not ask")
	}
	if c := a.Analyze("泰州去年GDP多少？").Class; c != "money" {
		t.Errorf("GDP多少: class %q, want money", c)
	}
}

// A head modifier makes a word another thing even before a word of place
// (人均地区生产总值 is no 生产总值), unless the question has it; so does
// 进 before 出口 (进出口: all trade).
func TestClashesThroughPlaceWord(t *testing.T) {
	for _, c := range []struct {
		question, w, before string
		want                bool
	}{
		{"朔州gdp总共多少", "生产总值", "人均地区", true},
		{"朔州gdp总共多少", "地区生产总值", "人均", true},
		{"人均生产总值是多少", "生产总值", "人均地区", false},
		{"朔州gdp总共多少", "生产总值", "全市完成地区", false},
		{"农村居民人均可支配收入", "居民人均可支配收入", "城镇", true},
		// 出口 inside 进出口 is the total of trade, unless that is asked.
		{"出口", "出口", "全年进", true},
		{"进口多少", "进口总额", "货物进出口总额中，", false},
		{"进出口总额多少", "出口", "全年进", false},
		{"出口", "出口", "其中，", false},
		// 户籍人口城镇化率 for 常住人口城镇化率, and the reverse.
		{"常住人口城镇化率是多少", "城镇化率", "其中，城镇人口110.8万人，户籍人口", true},
		{"户籍人口城镇化率是多少", "城镇化率", "常住人口", true},
		{"城镇化率是多少", "城镇化率", "常住人口", false},
	} {
		if got := clashes(c.question, c.w, c.before); got != c.want {
			t.Errorf("clashes(%q, %q, %q) = %v, want %v", c.question, c.w, c.before, got, c.want)
		}
	}
}

// A figure the question states with its unit is given, not asked.
func TestGivenIn(t *testing.T) {
	for _, tc := range []struct {
		q, fig, unit string
		want         bool
	}{
		{"萍乡6个工业园区里投产的工业企业有多少家？", "6个", "个", true},
		{"萍乡16个工业园区里投产的工业企业有多少家？", "6个", "个", false},
		{"萍乡工业园区里投产的工业企业有多少家？", "6个", "个", false},
		{"2025年GDP是多少？", "2025", "", false},
	} {
		q := &Question{Norm: tc.q, Lang: "zh"}
		if got := givenIn(q, Quantity{Text: tc.fig, Unit: tc.unit}); got != tc.want {
			t.Errorf("givenIn(%q, %s) = %v, want %v", tc.q, tc.fig, got, tc.want)
		}
	}
}

// A sentence is subjectless when the clause of its first figure names no
// subject of its own before it.
func TestSubjectless(t *testing.T) {
	for text, want := range map[string]bool{
		"拨付174.9亿元。": true,
		"市级共安排资金6000万元，统筹用于医疗救治。":                true,
		"重点片区和工程建设热火朝天、日新月异，完成投资1104亿元，安置房相继交付。": true,
		"全市一般公共预算收入200.3亿元。":                     false,
		"重点片区建设加快，容东片区安置房939栋相继交付。":              false,
	} {
		if got := subjectless(text); got != want {
			t.Errorf("subjectless(%s) = %v, want %v", text, got, want)
		}
	}
}

// A word's parts count where they stand: 赤字 beside 334亿元, with 财政 in
// the heading, makes it 财政赤字's figure, not that of the revenue before
// it, which only 中央 stands beside.
func TestPartsBesideFigure(t *testing.T) {
	text := "中央一般公共预算收入总量1088.06亿元、支出总量1422.06亿元，赤字334亿元，与预算持平。"
	q := &Question{Concepts: []Concept{
		{Word: "中央", Weight: 3},
		{Word: "财政赤字", Weight: 6, Parts: []string{"财政", "赤字"}, foldedParts: []string{"财政", "赤字"}, PartWeights: []float64{1, 1}},
	}}
	at := func(s string) int { return strings.Index(text, s) }
	occ := [][]occurrence{
		{{start: 0, end: len("中央"), factor: 1, text: "中央", part: -1}},
		{{start: at("赤字"), end: at("赤字") + len("赤字"), factor: 1, text: "赤字", part: 1}},
	}
	l := clauses(text)
	withClauses(occ, l)
	heading := [][]float64{nil, {0.6, 0}} // 财政 in 一、中央财政管理审计情况
	ctx := make([]float64, 2)
	figure := func(f string) match {
		return measure(q, occ, l, at(f), at(f)+len(f), ctx, heading)
	}
	deficit, revenue := figure("334亿元"), figure("1088.06亿元")
	if deficit.coverage <= revenue.coverage {
		t.Errorf("coverage of the deficit %.2f, of the revenue %.2f: want the deficit's higher", deficit.coverage, revenue.coverage)
	}
}

// A share in a clause of its own (占比74%) is of the subject before it, as
// a change is.
func TestShareClauseContinues(t *testing.T) {
	l := clauses("全市民生支出488.3亿元，占比74%，重点民生政策得到有力保障。")
	if len(l.continues) < 2 || !l.continues[1] || l.continues[2] {
		t.Errorf("continues = %v, want only the share's clause to go on about the subject", l.continues)
	}
}

func TestSubperiodOf(t *testing.T) {
	for text, want := range map[string]string{
		"佳木斯上半年GDP增速是多少？":                "h1",
		"分季度看，一季度全市地区生产总值同比增长":           "q1",
		"分季度看，一季度全市地区生产总值同比增长5.7%；上半年增长": "h1",
		"前三季度增长": "q1-3",
		"第四季度":   "q4",
		"1—6月，全市规模以上工业增加值": "h1",
		"1-11月完成":       "m1-11",
		"一至九月":          "q1-3",
		"上半年增长4%，全年增长":  "",
		"全市地区生产总值比上年增长": "",
	} {
		if got := subperiodOf(text); got != want {
			t.Errorf("subperiodOf(%q) = %q, want %q", text, got, want)
		}
	}
}

// A report that only looks back (克州2025年经济运行情况分析, issued in 2026)
// dates an undated figure to the year it reviews, as a bulletin does.
func TestReviewOnlyReportDatesFigures(t *testing.T) {
	m := report.Meta{Kind: report.OtherReport, Year: 2026, ReviewYear: 2025}
	text := "全年全市城镇新增就业90078人。"
	if y, _ := period(periodCtx{text: text, meta: m}, strings.Index(text, "90078")); y != 2025 {
		t.Errorf("year %d, want 2025", y)
	}
	m.PlanYear = 2026 // a report that plans too: its sections tell
	if y, _ := period(periodCtx{text: text, meta: m}, strings.Index(text, "90078")); y != 0 {
		t.Errorf("with a plan year: year %d, want 0", y)
	}
}

// TestRateFit: a sum per month fits 每月, per year 每年; the points a part
// adds to a whole's growth are no growth unless asked.
func TestRateFit(t *testing.T) {
	text := "城市最低生活保障标准达到735元／人／月，农村最低生活保障标准达到6,400元／人／年。"
	fs := ParseQuantities(text)
	if len(fs) != 2 || fs[0].Unit != "元/人/月" || fs[1].Unit != "元/人/年" {
		t.Fatalf("quantities %+v", fs)
	}
	monthly := ratesAsked(&Question{Raw: "城里低保每人每月能拿多少钱"})
	if monthly.fit("", fs[0]) != 1 || monthly.fit("", fs[1]) >= 1 {
		t.Errorf("每月: fits %v %v", monthly.fit("", fs[0]), monthly.fit("", fs[1]))
	}
	text = "中央企业增长6.7%，拉动规上工业增加值增长6.4个百分点。"
	pts := ParseQuantities(text)[1]
	if ratesAsked(&Question{Raw: "规上工业增加值涨了多少"}).fit("拉动规上工业增加值增长", pts) >= 1 {
		t.Error("拉动…6.4个百分点 fits 涨了多少")
	}
	if ratesAsked(&Question{Raw: "中央企业拉动规上工业增长多少个百分点"}).fit("拉动规上工业增加值增长", pts) != 1 {
		t.Error("拉动…6.4个百分点 does not fit what asks for it")
	}
}

// TestSameModifier: 城里 asks for what 城市 narrows to.
func TestSameModifier(t *testing.T) {
	if !asksModifier(&Question{Raw: "城里低保每人每月能拿多少钱"}, "城市") || asksModifier(&Question{Raw: "低保每人每月能拿多少钱"}, "城市") {
		t.Error("城里 and 城市")
	}
}

// TestLevelWithBase: 与上年持平 compares with the year before; it does not
// date the figures after it to that year.
func TestLevelWithBase(t *testing.T) {
	m := report.Meta{Kind: report.BudgetReport, Year: 2026, ReviewYear: 2025, PlanYear: 2026}
	text := "其中：因公出国（境）费用10万元，与上年持平；公务接待费391万元，下降3.5％。"
	if y, _ := period(periodCtx{text: text, meta: m}, strings.Index(text, "391")); y == 2025 {
		t.Errorf("公务接待费391万元 dated %d, the base of 与上年持平", y)
	}
	text = "上年结余90.65亿元，本年收入80.06亿元。"
	if y, _ := period(periodCtx{text: text, meta: m}, strings.Index(text, "90.65")); y != 2025 {
		t.Errorf("上年结余90.65亿元 dated %d, want 2025", y)
	}
}

// TestNextYearOfABudget: 明年 asked of a budget report on 2025 and the
// budget for 2026 is the year it plans for, when it speaks of no later
// year; a work report's 明年 stays the year after its own.
func TestNextYearOfABudget(t *testing.T) {
	q := &Question{Rel: 1, HasRel: true}
	m := report.Meta{Kind: report.BudgetReport, Year: 2026, ReviewYear: 2025, PlanYear: 2026}
	if r, _ := periodFit(q, m, 2026, true); r < 0.9 {
		t.Errorf("明年 of a 2025/2026 budget: the 2026 budget fits %v", r)
	}
	if r, _ := periodFit(q, m, 2025, false); r > 0.5 {
		t.Errorf("明年 of a 2025/2026 budget: 2025's outcome fits %v", r)
	}
	// Asked of a year, an undated target ranks below an undated outcome.
	y := &Question{Year: 2016}
	pm := report.Meta{Kind: report.PlanReport, Year: 2017, ReviewYear: 2016, PlanYear: 2017}
	if rp, gp := periodFit(y, pm, 0, true); rp >= func() float64 { r, _ := periodFit(y, pm, 0, false); return r }() || gp <= 0 {
		t.Errorf("an undated target ranks %v, gate %v: want below an undated outcome, still gated", rp, gp)
	}
	w := report.Meta{Kind: report.WorkReport, Year: 1954, ReviewYear: 1953, PlanYear: 1954}
	if r, _ := periodFit(q, w, 1954, true); r > 0.5 {
		t.Errorf("明年 of the 1954 work report: 1954's plan fits %v", r)
	}
}

// TestSectorMeasure: a sector asked with no measure asks its value added,
// not its investment (第二产业投资增长19.6%).
func TestSectorMeasure(t *testing.T) {
	q := &Question{Concepts: []Concept{{Word: "第二产业"}, {Word: "涨", Aspect: true}}}
	if bareSector(q) != "第二产业" {
		t.Fatalf("bareSector = %q", bareSector(q))
	}
	if bareSector(&Question{Concepts: []Concept{{Word: "第二产业"}, {Word: "投资"}}}) != "" {
		t.Error("第二产业投资 asked: no bare sector")
	}
	for clause, want := range map[string]bool{"第二产业投资增长": true, "第二产业增加值328.6亿元，下降": false, "第三产业用电量增长": false} {
		if got := sectorMeasure(clause, "第二产业"); got != want {
			t.Errorf("sectorMeasure(%s) = %v, want %v", clause, got, want)
		}
	}
}

// The leading part of a word of revenue found before spending is of the
// spending: 一般公共预算 of 一般公共预算收入 in 占一般公共预算地方本级支出.
func TestOtherFlow(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64
	}{
		{"占一般公共预算地方本级支出比重达七成以上", 0.3},
		{"一般公共预算完成收入311.8亿元", 1},
		{"一般公共预算，支出200亿元", 1}, // another clause
	} {
		s := strings.Index(c.text, "一般公共预算")
		occ := []occurrence{{start: s, end: s + len("一般公共预算"), factor: 1, part: 0}}
		otherFlow(occ, c.text, nil, "收入")
		if occ[0].factor != c.want {
			t.Errorf("%s: factor %v, want %v", c.text, occ[0].factor, c.want)
		}
	}
}

// A word right after 万元 or 单位 is the base of an intensity (万元GDP能耗),
// not the measure itself; 5000万元 is a sum.
func TestPerUnitOf(t *testing.T) {
	for before, want := range map[string]bool{
		"万元": true, "，万元": true, "单位": true, "能耗、": false, "5000万元": false, "5.5万元": false, "十万元": false,
	} {
		if got := perUnitOf(before); got != want {
			t.Errorf("perUnitOf(%q) = %v, want %v", before, got, want)
		}
	}
}

// What was added (新增病床6400张) answers how much a thing grew, unless the
// question asks against a base (比上年) or a rate; 增加值 is no addition.
func TestAddedAnswersGrowth(t *testing.T) {
	a := testAnalyzer()
	tests := []struct {
		q, text, fig string
		want         bool
	}{
		{"去年全市医院一共多了多少张病床？", "推进57项重大医疗卫生项目建设，新增病床6400张。", "6400", true},
		{"病床比上年多了多少张？", "推进57项重大医疗卫生项目建设，新增病床6400张。", "6400", false},
		{"第二产业去年是涨是跌，变了多少？", "第二产业增加值328.6亿元，下降0.3%。", "328.6", false},
		{"病床增长了百分之几？", "新增病床6400张。", "6400", false},
	}
	for _, tt := range tests {
		q := a.Analyze(tt.q)
		pos := strings.Index(tt.text, tt.fig)
		if got := addedAnswers(q, tt.text, clauses(tt.text), pos); got != tt.want {
			t.Errorf("%s / %s: addedAnswers = %v, want %v", tt.q, tt.text, got, tt.want)
		}
	}
}

// The years of the basis a change is told on (在１９７９到１９８３年平均每年
// 递增７．９％的基础上) do not date the change after it.
func TestBasisYearsDateNothing(t *testing.T) {
	text := "１９８４年，我国工农业总产值突破一万亿元，在１９７９到１９８３年平均每年递增７．９％的基础上，比上年增长１４．２％，各方面的经济效益也有提高。"
	at := strings.Index(text, "１４．２")
	pc := periodCtx{text: text, meta: report.Meta{Year: 1985, ReviewYear: 1984, PlanYear: 1985}}
	if y, _ := period(pc, at); y != 1984 {
		t.Errorf("period of １４．２％ = %d, want 1984", y)
	}
}

// The year of the start of a change (由一九七八年的…调整到) and a base said
// as 同一九七八年相比 date neither the level reached nor the change.
func TestStartAndBaseYearsDateNothing(t *testing.T) {
	m := report.Meta{Year: 1983, ReviewYear: 1982, PlanYear: 1983}
	for _, tc := range []struct{ text, fig string }{
		{"到一九八二年，积累率由一九七八年的百分之三十六点五调整到百分之二十九，消费基金有了较大增长。", "百分之二十九"},
		{"一九八二年同一九七八年相比，社会商品零售总额由一千五百五十九亿元增加到二千五百七十亿元。", "二千五百七十亿元"},
	} {
		pc := periodCtx{text: tc.text, meta: m, years: sentenceYears(tc.text)}
		if y, _ := period(pc, strings.Index(tc.text, tc.fig)); y != 1982 {
			t.Errorf("period of %s = %d, want 1982", tc.fig, y)
		}
	}
}

// The year of the prices a figure is counted in (按一九五二年不变价格计算)
// dates nothing.
func TestPriceBaseYearDatesNothing(t *testing.T) {
	m := report.Meta{Year: 1957, ReviewYear: 1956, PlanYear: 1957}
	for _, text := range []string{
		"一九五六年工业总产值（按一九五二年不变价格计算）达到六百零三亿五千万元。",
		"一九五六年工业总产值按1952年的不变价格计算达到603.5亿元。",
	} {
		fig := strings.Index(text, "达到") + len("达到")
		pc := periodCtx{text: text, meta: m, years: sentenceYears(text)}
		if y, _ := period(pc, fig); y != 1956 {
			t.Errorf("%s: period %d, want 1956", text, y)
		}
	}
}

// 五年来年均 holds no 来年 (next year), and a year typeset apart (1 9 9 7年)
// dates the sentence.
func TestNoNextYearInSpan(t *testing.T) {
	text := "1 9 9 7年，城镇居民人均可支配收入达到5 1 6 0元，五年来年均实际增长6％；农村居民人均纯收入达到2 0 9 0元，年均实际增长5．4％。"
	pc := periodCtx{text: text, meta: report.Meta{Year: 1998, ReviewYear: 1997, PlanYear: 1998}, years: sentenceYears(text)}
	if y, _ := period(pc, strings.Index(text, "2 0 9 0")); y != 1997 {
		t.Errorf("period of 2 0 9 0元 = %d, want 1997", y)
	}
	// The span dates its own clause, not the one after the semicolon.
	if spanBefore(text, yearSpans(text), strings.Index(text, "2 0 9 0")) {
		t.Errorf("2 0 9 0元 read as of 五年来")
	}
	if lead := "五年来，城镇新增就业3555万人；农村劳动力转移1200万人。"; !spanBefore(lead, yearSpans(lead), strings.Index(lead, "1200")) {
		t.Errorf("a leading span does not date the sentence's clauses")
	}
}

// A clause that passes a mark (，突破8700万人次) goes on about the subject of
// the one before it.
func TestPassingMarkContinues(t *testing.T) {
	l := clauses("成都国际航空枢纽年旅客吞吐量增长16.6%，突破8700万人次、居全国第3位。")
	if len(l.continues) < 2 || !l.continues[1] {
		t.Errorf("continues %v: ，突破8700万人次 does not go on about 旅客吞吐量", l.continues)
	}
}

// A change told against a base two years or more before its own year
// (2005年与2000年相比，…增长57.3%) is of a span; against the year before
// (一九七八年又比一九七七年增长), of one year.
func TestLongBase(t *testing.T) {
	m := report.Meta{Year: 2006, ReviewYear: 2005, PlanYear: 2006}
	for _, tc := range []struct {
		text, fig string
		want      bool
	}{
		{"2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%。", "57.3", true},
		{"全年国内生产总值达到18.23万亿元，比上年增长9.9%。", "9.9", false},
		// A level reached is no change, whatever its base.
		{"１９９２年同１９８７年相比，钢产量增长百分之四十二，达到８０００万吨。", "８０００", false},
		// The base of the clause before, with its own figure, is not this one's.
		{"PM2.5浓度较2013年下降37.8%，全年优良天数159天，比2013年增加85天。", "159", false},
		{"工业总产值一九七七年比一九七六年增长百分之十四点三，一九七八年又比一九七七年增长百分之十三点五。", "百分之十三点五", false},
	} {
		pc := periodCtx{text: tc.text, meta: m, years: sentenceYears(tc.text)}
		at := strings.Index(tc.text, tc.fig)
		year, _ := period(pc, at)
		if got := longBase(pc, at, year); got != tc.want {
			t.Errorf("longBase(%s, %s) = %v, want %v", tc.text, tc.fig, got, tc.want)
		}
	}
}

// Older reports write years and figures in full-width digits: a base of
// comparison (同１９８７年相比) and a change's start (由今年预计的３％提高到)
// read as they do in half width.
func TestFullWidthComparisons(t *testing.T) {
	text := "１９９２年同１９８７年相比，钢产量增长百分之四十二，达到８０００万吨；原油产量继续增长，达到１．４２亿吨。"
	if !isComparisonBase(text, strings.Index(text, "１９８７")) {
		t.Errorf("同１９８７年相比 is no base")
	}
	pc := periodCtx{text: text, meta: report.Meta{Year: 1993, ReviewYear: 1992, PlanYear: 1993}, years: sentenceYears(text)}
	if y, _ := period(pc, strings.Index(text, "１．４２")); y != 1992 {
		t.Errorf("period of １．４２亿吨 = %d, want 1992", y)
	}
	if l := clauses("要求工农业总产值的增长速度由今年预计的３％提高到４％。"); len(l.fromTo) != 1 {
		t.Errorf("from–to spans %v, want 由今年预计的３％提高到", l.fromTo)
	}
	// This year dates the start; the level reached is the plan's.
	plan := "１９８２年的计划，要求工农业总产值的增长速度由今年预计的３％提高到４％，并在执行中力争超过。"
	pc = periodCtx{text: plan, meta: report.Meta{Year: 1981, ReviewYear: 1981, PlanYear: 1982}, years: sentenceYears(plan)}
	if y, _ := period(pc, strings.Index(plan, "４％")); y != 1982 {
		t.Errorf("period of ４％ = %d, want 1982", y)
	}
}

// A base may be named with a few words between 比 and its year; a figure
// followed by the total it adds to (、总量达到…) is what was added.
func TestNamedBaseAndTotalAfter(t *testing.T) {
	text := "粮食产量将要达到３，９８９亿斤，比五年计划原定１９５７年３，８５６亿斤的水平超过１３３亿斤；棉花产量将要达到３，５５６万担。"
	if !isComparisonBase(text, strings.Index(text, "１９５７")) {
		t.Error("比五年计划原定１９５７年: no base")
	}
	for _, text := range []string{"高新技术产业比重2024年提高到30%。", "比如2024年新建学校10所。"} {
		if isComparisonBase(text, strings.Index(text, "2024")) {
			t.Errorf("%s: 2024 read as a base", text)
		}
	}
	for after, want := range map[string]bool{
		"、总量达到6437万千瓦": true, "，总数达到３３．９万张": true, "，比上年增长5%": false, "、新增202.9万亩": false,
	} {
		if got := totalAfter(after); got != want {
			t.Errorf("totalAfter(%s) = %v, want %v", after, got, want)
		}
	}
	if !totalClause("新增新能源装机1258万千瓦、总量达到") {
		t.Error("总量达到 counts no total")
	}
}

// Parts of a year set in full-width digits (１至９月) are read as ASCII
// ones; a question's 到10月 asks the first ten months; a level reached in
// Chinese numerals (达到四百九十四亿元) makes the figure before it a change.
func TestFullWidthSubperiodsAndUpToMonth(t *testing.T) {
	if got := subperiodOf("在城镇中，今年１至９月安排了"); got != "q1-3" {
		t.Errorf("１至９月: %q, want q1-3", got)
	}
	if got := subperiodOf("今年１到１０月增加了"); got != "m1-10" {
		t.Errorf("１到１０月: %q, want m1-10", got)
	}
	if got := questionSubperiod("到今年10月，城乡居民储蓄存款一共有多少？"); got != "m1-10" {
		t.Errorf("到今年10月: %q, want m1-10", got)
	}
	if got := questionSubperiod("去年储蓄存款有多少？"); got != "" {
		t.Errorf("no month: %q", got)
	}
	if !reachedAfter("，达到四百九十四亿元") {
		t.Error("达到四百九十四亿元 is no level reached")
	}
}

// A clause that opens with its year and a level reached (，2024年达到1.3万
// 亿元) goes on about the subject before it.
func TestYearLedClauseContinues(t *testing.T) {
	text := "全省地区生产总值连跨4个千亿台阶，2024年达到1.3万亿元、增长5.8%。"
	l := clauses(text)
	c := clauseOf(l.breaks, strings.Index(text, "1.3"))
	if c == 0 || !l.continues[c] {
		t.Errorf("2024年达到…: clause %d does not continue (%v)", c, l.continues)
	}
}

// 出口 inside 进出口 is another indicator: it counts for little; a list of
// items before a contraction (对东盟、…国家进出口总额分别) pairs with the
// figures, not the contraction's parts.
func TestTradeInsideAndListedContraction(t *testing.T) {
	if !insideTrade("出口增长了多少", "出口", "进") || insideTrade("进出口增长了多少", "出口", "进") {
		t.Error("insideTrade")
	}
	if !otherLevy("增值税预算多少", "增值税", "6.土地") || otherLevy("土地增值税预算多少", "增值税", "6.土地") || otherLevy("增值税预算多少", "增值税", "1.") {
		t.Error("otherLevy")
	}
	text := "对东盟、共建“一带一路”国家进出口总额分别增长10.4%、12.1%。"
	if got := contractionLists(text, clauses(text), ParseQuantities(text)); len(got) != 0 {
		t.Errorf("contraction read over a list: %+v", got)
	}
	text = "城乡居民人均可支配收入分别增长5.1%和6.6%。"
	if got := contractionLists(text, clauses(text), ParseQuantities(text)); len(got) != 2 {
		t.Errorf("城乡…分别: %+v", got)
	}
	// A verb alone after the list goes on with its parts; a clause with a
	// subject of its own does not.
	text = "城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%。"
	got := contractionLists(text, clauses(text), ParseQuantities(text))
	if ct, ok := got[strings.Index(text, "5.3%")]; !ok || ct.index != 1 {
		t.Errorf("城乡…分别…，增长A、B: %+v", got)
	}
	text = "城乡居民人均可支配收入分别达6.9万元、3.4万元，工业利润增长4.2%、5.3%。"
	if got := contractionLists(text, clauses(text), ParseQuantities(text)); len(got) != 2 {
		t.Errorf("a clause with its own subject went on with the list: %+v", got)
	}
}

// A five-year plan named in a question (“十一五”这五年里, “十五”期间) and
// 这五年里 are spans.
func TestFivePlanSpans(t *testing.T) {
	for s, want := range map[string]bool{
		"“十一五”这五年里，单位GDP能耗打算降低百分之多少？": true,
		"“十五”这五年外商直接投资一共用了多少？":        true,
		"这五年里城镇新增就业多少人？":              true,
		"十五个项目完成了多少投资？":               false,
		"这五年城镇一共新增了多少就业？":             true,
		"五年共培养研究生１７．２万人":              true,
		"一九六三年增长百分之十五以上":              false,
	} {
		if got := len(yearSpans(s)) > 0; got != want {
			t.Errorf("yearSpans(%s): %v, want %v", s, got, want)
		}
	}
	if !totalClause("实际利用外商直接投资累计达到") {
		t.Error("累计 counts no total")
	}
}

// A yearly average (平均每年增长8.3%) is a span's; 单位国内生产总值 is what
// another measure is per; 每增长1个百分点 is a step of a rule; the items of a
// 分别 list may stand in the clause before its year.
func TestAveragesStepsAndListsBeforeYear(t *testing.T) {
	if !averageFigure("国内生产总值2000年达89404亿元，平均每年增长") || averageFigure("国内生产总值达到67.7万亿元，增长") ||
		!averageFigure("每年城镇新增就业") {
		t.Error("averageFigure")
	}
	if !perUnitOf("单位国内") || perUnitOf("全国国内") {
		t.Error("perUnitOf")
	}
	if !reEachStep.MatchString("现在国内生产总值每增长") || reEachStep.MatchString("国内生产总值增长") {
		t.Error("reEachStep")
	}
	text := "农村居民人均纯收入和城镇居民人均可支配收入，2000年分别达到2253元和6280元。"
	figs := ParseQuantities(text)
	lists := respectively(text, clauses(text), figs)
	if lp, ok := lists[figs[0].Start]; !ok || lp.index != 0 || len(lp.items) != 2 {
		t.Errorf("2253元: %+v %v", lp, ok)
	}
	// A 分别 that opens its clause: the items are the clause before.
	text2 := "地方财政一般预算收入和全口径财政收入跃上新台阶，分别为1106.8亿元和3507亿元。"
	figs2 := ParseQuantities(text2)
	if lp, ok := respectively(text2, clauses(text2), figs2)[figs2[1].Start]; !ok || lp.index != 1 || len(lp.items) != 2 {
		t.Errorf("3507亿元: %+v %v", lp, ok)
	}
	l := clauses("国内生产总值2000年达89404亿元，平均每年增长8.3%。")
	if len(l.continues) < 2 || !l.continues[1] {
		t.Errorf("平均每年增长 does not continue: %v", l.continues)
	}
}

// Figures joined in a clause after a 分别 list, as many as its items, are
// the same items' again; a rate named before its figure (增长速度…为7%)
// is a change.
func TestSecondListAndRateOfChange(t *testing.T) {
	text := "农村居民人均纯收入和城镇居民人均可支配收入，2000年分别达到2253元和6280元，平均每年实际增长4.7％和5.7％。"
	figs := ParseQuantities(text)
	lists := respectively(text, clauses(text), figs)
	for i, f := range figs {
		lp, ok := lists[f.Start]
		if !ok || lp.index != i%2 || len(lp.items) != 2 {
			t.Errorf("%s: list place %+v, %v; want item %d of 2", f.Text, lp, ok, i%2)
		}
	}
	if !rateOfChange("“十五”期间年均经济增长速度预期目标为") || rateOfChange("地区生产总值达到") {
		t.Error("rateOfChange")
	}
	for s, want := range map[string]bool{"十五期间经济每年大概打算增长多少？": true, "十五个县": false} {
		if got := len(yearSpans(s)) > 0; got != want {
			t.Errorf("yearSpans(%s) = %v", s, got)
		}
	}
}

// An amount per unit (粮食单产1050斤) is no whole.
func TestPerUnitNoun(t *testing.T) {
	for before, want := range map[string]bool{"、全国排名上升到第13位，粮食单产": true, "全年粮食总产": false, "城镇居民人均可支配收入": true} {
		if got := perUnitNoun(before); got != want {
			t.Errorf("perUnitNoun(%s) = %v", before, got)
		}
	}
}

// An amount per hundred yuan or thousand people (每百元营业收入成本为91.23元，
// 同比下降0.87元) is no whole, in its clause and the clause going on from it.
func TestPerBaseChain(t *testing.T) {
	text := "全年规模以上工业企业每百元营业收入成本为91.23元，同比下降0.87元；营业收入利润率为3.33%。"
	l := clauses(text)
	var got []string
	for _, f := range ParseQuantities(text) {
		if perBaseChain(text, l, f.Prefix) {
			got = append(got, f.Text)
		}
	}
	if strings.Join(got, " ") != "91.23元 0.87元" {
		t.Errorf("per-base figures %q, want 91.23元 0.87元", got)
	}
	// Per area too: 每平方公里GDP产出达到4亿元 is no GDP.
	area := "2008年，全市每平方公里GDP产出达到4亿元，比上年提高0.52亿元。"
	if f := ParseQuantities(area)[1]; !perBaseChain(area, clauses(area), f.Prefix) {
		t.Errorf("%s: not per area", f.Text)
	}
	for q, want := range map[string]bool{"营业收入总额是多少": false, "每万人发明专利有几件": true, "how many doctors per 1,000 people": true} {
		if got := reAsksPerBase.MatchString(q); got != want {
			t.Errorf("reAsksPerBase(%s) = %v, want %v", q, got, want)
		}
	}
}

// 头一个季度 is the first quarter; a clause that opens with its year and 为
// (，１９８２年为２７０元) goes on about the subject before it.
func TestFirstQuarterAndYearIs(t *testing.T) {
	a := testAnalyzer()
	if q := a.Analyze("今年头一个季度工业生产比去年同期涨了多少？"); questionSubperiod(q.Norm) != "q1" {
		t.Errorf("头一个季度: norm %q", q.Norm)
	}
	l := clauses("农民人均纯收入，１９８２年为２７０元，１９８７年提高到４６３元。")
	if len(l.continues) < 3 || !l.continues[1] || !l.continues[2] {
		t.Errorf("continues %v", l.continues)
	}
}

// A wording of the question's own before the head (新能源汽车产量 for
// 新能源车产量) makes it no narrower; 海洋生产总值 is a part of the economy.
func TestOwnWordingBeforeHead(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("去年广东新能源车产量涨了多少？")
	if !endsWithAsked(q, "工业增加值，新能源汽车") || endsWithAsked(q, "工业机器人") {
		t.Error("endsWithAsked")
	}
	q = a.Analyze("辽宁去年GDP增长了多少？")
	text := "沿海经济带协同效应显现，海洋生产总值增长6%左右。"
	k := strings.Index(text, "生产总值增长")
	occ := []occurrence{{start: k, end: k + len("生产总值增长"), text: "生产总值增长", part: -1, factor: 0.75}}
	if !narrowedAt(q, text, occ, 0, nil) {
		t.Error("海洋生产总值 is read as the GDP")
	}
}

// A year compared against with words before the comparison (同一九四九年
// 産量比較) and the year a figure is a multiple of (等於一九四九年的二點五倍)
// date nothing.
func TestComparedYearsWithWords(t *testing.T) {
	text := "拿幾項最重要的工業産品的一九五四年預計産量來同一九四九年産量比較一下：原煤八千一百九十九萬噸，等於一九四九年的二點五倍；生鐵三百零三萬噸。"
	for _, y := range []string{"一九四九年産量比較", "一九四九年的二點五倍"} {
		if !isComparisonBase(text, strings.Index(text, y)) {
			t.Errorf("%s: no base", y)
		}
	}
	if isComparisonBase(text, strings.Index(text, "一九五四年")) {
		t.Error("一九五四年 read as a base")
	}
}

// The total a figure adds to is counted in its unit: 收入83.9亿元，累计22种
// starts another count.
func TestTotalAfterSameUnit(t *testing.T) {
	for text, want := range map[string]bool{
		"新增新能源装机1258万千瓦、总量达到6437万千瓦。":         true,
		"医疗旅游人次86.5万、收入83.9亿元，累计22种药械产品通过审批。": false,
	} {
		figs := ParseQuantities(text)
		f := figs[len(figs)-2]
		if got := totalAfter(text[f.End:]) && sameUnitNext(figs, f); got != want {
			t.Errorf("%s: %s adds to a total %v, want %v", text, f.Text, got, want)
		}
	}
}

// Another product's output (粮食总产量 for 棉花总产量) is no match.
func TestOtherProduct(t *testing.T) {
	for _, c := range []struct {
		q, w, before string
		want         bool
	}{
		{"去年全国棉花总产量一共有多少斤？", "总产量", "全国粮食", true},
		{"去年全国棉花总产量一共有多少斤？", "总产量", "全国棉花", false},
		{"去年全国钢产量有多少万吨？", "产量", "粮食", true},
		{"去年全国钢产量有多少万吨？", "产量", "全年钢", false},
		{"去年全国粮食产量是多少？", "增加值", "粮食", false},
	} {
		if got := otherProduct(c.q, c.w, c.before); got != c.want {
			t.Errorf("otherProduct(%s, %s, %s) = %v", c.q, c.w, c.before, got)
		}
	}
}

// 今年 counts from the year a report was delivered; when that year was
// inferred and is no later than the year reviewed, from the year after the
// review, unless the report reads as delivered at the end of the year it
// reviews, planning the next (the 1964 report): then from its own year.
func TestAnchorYear(t *testing.T) {
	inferred := []string{report.InferredYear}
	for _, tc := range []struct {
		m    report.Meta
		want int
	}{
		{report.Meta{Year: 2025, ReviewYear: 2024, PlanYear: 2025}, 2025},
		{report.Meta{Year: 2024, ReviewYear: 2024, Inferred: inferred}, 2025},
		{report.Meta{Year: 1964, ReviewYear: 1964, PlanYear: 1965, Inferred: inferred}, 1964},
		{report.Meta{ReviewYear: 2023}, 2024},
	} {
		if got := anchorYear(tc.m); got != tc.want {
			t.Errorf("anchorYear(%+v) = %d, want %d", tc.m, got, tc.want)
		}
	}
}

// A figure of a sentence that scores nearly as well as the table cell
// ranked first answers before it; one that scores clearly less does not.
func TestSentenceBeforeTableTie(t *testing.T) {
	mk := func(text, kind string, p float64) candidate {
		return candidate{Answer: Answer{Text: text, Kind: kind}, prob: p, gate: p}
	}
	for _, tc := range []struct {
		cands []candidate
		want  string
	}{
		{[]candidate{mk("24,894,728", "table", 0.709), mk("6,978,762", "table", 0.709), mk("2489.5亿元", "number", 0.704)}, "2489.5亿元"},
		{[]candidate{mk("-8.4", "table", 0.70), mk("8.2%", "number", 0.60)}, "-8.4"},
		{[]candidate{mk("8.4%", "number", 0.70), mk("-8.4", "table", 0.69)}, "8.4%"},
	} {
		got := pick(tc.cands, false, 0, &Model{Threshold: 0.5, Confident: 0.5, Second: 0.6})
		if len(got) == 0 || got[0].Text != tc.want {
			t.Errorf("pick: %+v, want %s first", got, tc.want)
		}
	}
}

// A figure the model is confident of answers before any it is not,
// whatever their probabilities (a figure whose year the period gate
// doubts ranks by the model but passes only the lower threshold); below
// the threshold nothing answers; the home reports come first only among
// confident figures.
func TestPickConfidentFirst(t *testing.T) {
	mk := func(text string, p, gate float64, home bool) candidate {
		return candidate{Answer: Answer{Text: text, Kind: "number"}, value: p, prob: p, gate: gate, home: home}
	}
	m := &Model{Threshold: 0.35, Confident: 0.5, Second: 0.6}
	for _, tc := range []struct {
		name  string
		cands []candidate
		home  bool
		want  []string
	}{
		{"confident before likelier", []candidate{mk("1670亿元", 0.62, 0.45, false), mk("311.8亿元", 0.55, 0.55, false)}, false, []string{"311.8亿元", "1670亿元"}},
		{"unsure answers alone", []candidate{mk("1670亿元", 0.62, 0.45, false), mk("9亿元", 0.30, 0.30, false)}, false, []string{"1670亿元"}},
		{"below the threshold", []candidate{mk("1670亿元", 0.40, 0.34, false)}, false, nil},
		{"home among confident", []candidate{mk("8亿元", 0.70, 0.70, false), mk("7亿元", 0.60, 0.60, true)}, true, []string{"7亿元", "8亿元"}},
		{"home not before confident", []candidate{mk("8亿元", 0.70, 0.70, false), mk("7亿元", 0.45, 0.45, true)}, true, []string{"8亿元", "7亿元"}},
	} {
		var got []string
		for _, a := range pick(tc.cands, tc.home, 0, m) {
			got = append(got, a.Text)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: pick = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestPickTies: of two equally probable figures, the one of the report
// first in id order answers and, in one report, the earlier one, in
// whatever order the search returned them.
func TestPickTies(t *testing.T) {
	mk := func(text, doc string, start int) candidate {
		return candidate{Answer: Answer{Text: text, Kind: "number", Doc: doc, Start: start}, value: float64(start), prob: 0.6, gate: 0.6}
	}
	m := &Model{Threshold: 0.35, Confident: 0.5, Second: 0.6}
	for _, tc := range []struct {
		name  string
		cands []candidate
		want  string
	}{
		{"earlier in the report", []candidate{mk("81,350万元", "a", 20218), mk("583,530万元", "a", 18970)}, "583,530万元"},
		{"report first by id", []candidate{mk("7亿元", "b", 10), mk("8亿元", "a", 900)}, "8亿元"},
	} {
		for _, cands := range [][]candidate{tc.cands, {tc.cands[1], tc.cands[0]}} {
			got := pick(cands, false, 0, m)
			if len(got) == 0 || got[0].Text != tc.want {
				t.Errorf("%s: pick = %v, want %s first", tc.name, got, tc.want)
			}
		}
	}
}

// TestPickLoneFigure: below the threshold, a figure answers alone when no
// figure of another value comes near it; a close rival, or a figure
// below the lone threshold, leaves the question unanswered.
func TestPickLoneFigure(t *testing.T) {
	mk := func(text string, v, p float64) candidate {
		return candidate{Answer: Answer{Text: text, Kind: "number", Doc: "a", Start: int(v)}, value: v, prob: p, gate: p}
	}
	m := &Model{Threshold: 0.35, Confident: 0.5, Second: 0.6, Lone: 0.32, LoneRival: 0.4}
	off := &Model{Threshold: 0.35, Confident: 0.5, Second: 0.6}
	for _, tc := range []struct {
		name  string
		m     *Model
		cands []candidate
		want  string
	}{
		{"alone", m, []candidate{mk("88%", 88, 0.33)}, "88%"},
		{"same value twice", m, []candidate{mk("88%", 88, 0.33), mk("88%", 88, 0.30)}, "88%"},
		{"far rival", m, []candidate{mk("121.9亿元", 121.9, 0.33), mk("162.6万辆", 162.6, 0.011)}, "121.9亿元"},
		{"close rival", m, []candidate{mk("4608亿元", 4608, 0.343), mk("2100亿元", 2100, 0.316)}, ""},
		{"below the lone threshold", m, []candidate{mk("20万", 20, 0.26)}, ""},
		{"turned off", off, []candidate{mk("88%", 88, 0.33)}, ""},
		{"above the threshold", m, []candidate{mk("7亿元", 7, 0.6), mk("8亿元", 8, 0.5)}, "7亿元"},
	} {
		got := pick(append([]candidate(nil), tc.cands...), false, 0, tc.m)
		text := ""
		if len(got) > 0 {
			text = got[0].Text
		}
		if text != tc.want || tc.want == "" && len(got) > 0 {
			t.Errorf("%s: pick = %v, want %q", tc.name, got, tc.want)
		}
	}
}

// TestBaseClauseHoldsAfterFigures: a base set apart as a clause of its own
// (１９８６年同１９７８年相比，) holds for the figures after it, figures
// between or not.
func TestBaseClauseHoldsAfterFigures(t *testing.T) {
	for _, c := range []struct {
		text string
		fig  string
		want bool
	}{
		{"１９８６年同１９７８年相比，国民收入由３０１０亿元增加到７７９０亿元，按可比价格计算增长９４．９％。", "９４．９％", true},
		{"国民收入７７９０亿元，比上年增长７．４％。", "７．４％", false},
		{"比１９７８年的３０１０亿元，今年收入增长７．４％。", "７．４％", false},
	} {
		at := strings.Index(c.text, c.fig)
		if got := longBase(periodCtx{text: c.text}, at, 1986); got != c.want {
			t.Errorf("%s: longBase = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestOppositeModifierCoversItsParts: a word under a modifier opposite to
// the question's (农村居民 for 城镇居民) matches the question's concept
// weakly, and so do the words inside it (可支配收入, 收入).
func TestOppositeModifierCoversItsParts(t *testing.T) {
	q := testAnalyzer().Analyze("去年安徽城镇居民人均可支配收入具体是多少元？")
	text := "脱贫地区农村居民人均可支配收入突破2万元、居全国第3位。"
	rs := runesOf(text)
	for i, occ := range findConcepts(q, text, nil, &rs) {
		for _, o := range occ {
			if o.factor > 0.3 {
				t.Errorf("concept %s: %s matches at %.2f under 农村居民, want at most 0.3", q.Concepts[i].Word, o.text, o.factor)
			}
		}
	}
}

// TestAbbreviated: a two-character word stands for the two words its
// characters open (特教 for 特殊教育), never for a level (省级 for 省本级)
// nor across punctuation.
func TestAbbreviated(t *testing.T) {
	for _, c := range []struct {
		word, text string
		want       string
	}{
		{"特教", "将义务教育阶段特殊教育生均公用经费", "特殊教育"},
		{"税费", "落实减税降费优惠政策", "税降费优"},
		{"基建", "全民所有制单位基本建设投资", "基本建设"},
		{"省级", "省本级一般公共预算收入", ""},
		{"特教", "特殊，教育", ""},
		{"特教", "特殊教", ""},
	} {
		rs := runesOf(c.text)
		occ := abbreviated(c.word, c.text, nil, &rs)
		got := ""
		if len(occ) > 0 {
			got = c.text[occ[0].start:occ[0].end]
		}
		if got != c.want {
			t.Errorf("abbreviated(%q, %q) = %q, want %q", c.word, c.text, got, c.want)
		}
	}
}

// TestSetListedBefore: the members of a numbered set listed right before
// its name (稳定、发展、生态、强边四件大事) define it; a list of another
// length does not.
func TestSetListedBefore(t *testing.T) {
	for _, c := range []struct{ text, term, want string }{
		{"系统提出新时代党的治藏方略，明确稳定、发展、生态、强边四件大事。", "四件大事", "明确稳定、发展、生态、强边"},
		{"统筹推进稳定、发展和生态三件大事。", "三件大事", "统筹推进稳定、发展和生态"},
		{"明确稳定、发展、生态四件大事。", "四件大事", ""},
		{"推动经济发展四件大事。", "四件大事", ""},
	} {
		at := strings.Index(c.text, c.term)
		ds, de := setListedBefore(c.text, at, c.term)
		if got := c.text[ds:de]; got != c.want {
			t.Errorf("%s: %q, want %q", c.text, got, c.want)
		}
	}
}

// TestPartsAndPlacesCounted: the words between 其中 and a head make a part
// of the whole; places listed before 等十四个…城市 are what it counts; the
// points a part pulls a growth down by (下拉…2.6、1.1个百分点) are no growth.
func TestPartsAndPlacesCounted(t *testing.T) {
	for before, want := range map[string]string{
		"全州授权专利469件，其中发明": "发明",
		"支出100亿元，其中，教育":   "教育",
		"全州授权":            "",
		"其中":              "",
	} {
		if got := partModifier(before); got != want {
			t.Errorf("partModifier(%q) = %q, want %q", before, got, want)
		}
	}
	q := testAnalyzer().Analyze("拖欠农民工的工资清了多少？")
	if !asksSomeOf(q, "清付农民工") || asksSomeOf(q, "发明") {
		t.Errorf("asksSomeOf: want 清付农民工 asked (农民工), 发明 not")
	}
	text := "进一步开放大连、秦皇岛、天津等十四个沿海港口城市和海南岛。"
	for _, f := range ParseQuantities(text) {
		if !countsPlaces(text, f) {
			t.Errorf("%s: want the places before counted", f.Text)
		}
	}
	pulled := "分别下拉规上工业增加值增速2.6、1.1个百分点。"
	for _, f := range ParseQuantities(pulled) {
		if fit := (rateAsk{}).fit(pulled[:f.Prefix], f); fit >= 1 {
			t.Errorf("%s: fit %.2f, want less for a part's pull on a growth", f.Text, fit)
		}
	}
}

// TestRatioWrittenBare: 缩到几倍 is answered by a ratio written bare
// (由3.27缩小至2.93) or as a ratio (2.31:1).
func TestRatioWrittenBare(t *testing.T) {
	q := testAnalyzer().Analyze("城乡收入差距现在缩到几倍了？")
	for _, text := range []string{"城乡居民收入比值由3.27缩小至2.93。", "城乡居民收入比缩小至2.31:1。"} {
		figs := ParseQuantities(text)
		if len(figs) == 0 {
			t.Fatalf("%s: no figure", text)
		}
		if fit := unitFit(q, figs[len(figs)-1]); fit < 0.9 {
			t.Errorf("%s: unitFit %.2f for %s, want 0.9", text, fit, figs[len(figs)-1].Text)
		}
	}
}

// TestDurationIsNoAmount: a span of years (连续三年) fits a question of how
// much less than a figure of time asked without a span does.
func TestDurationIsNoAmount(t *testing.T) {
	q := testAnalyzer().Analyze("今年油料又增产了多少？")
	var span, rate float64
	for _, f := range ParseQuantities("油料在连续三年大增产的基础上，又增长17%左右。") {
		switch f.Unit {
		case "年":
			span = unitFit(q, f)
		case "%":
			rate = unitFit(q, f)
		}
	}
	if span >= 0.5 || span >= rate {
		t.Errorf("三年 fits %.2f, 17%% %.2f: want the span to fit less than 0.5 and less than the rate", span, rate)
	}
}

// TestFromValueOfCut: 从97个精简为75个 gives 97 as the old state.
func TestFromValueOfCut(t *testing.T) {
	text := "市本级专项数量从97个精简为75个，压降行政运行成本3.49亿元。"
	l := clauses(text)
	for _, f := range ParseQuantities(text) {
		if got, want := fromValue(text, l, f), f.Text == "97个"; got != want {
			t.Errorf("%s: fromValue %v, want %v", f.Text, got, want)
		}
	}
}

// A sentence whose subject is what the sentence before says (这是…首要任务)
// is answered by that sentence.
func TestAnaphor(t *testing.T) {
	for text, want := range map[string]bool{
		"这是今年宏观调控的首要任务，也是处理好三者关系的关键。": true,
		"这些都是发展的短板。":   true,
		"此为第一步。":       true,
		"这次会议审议通过了预算。": false,
		"以上数据为初步统计数。":  false,
	} {
		if got := reAnaphor.MatchString(text); got != want {
			t.Errorf("reAnaphor(%s) = %v, want %v", text, got, want)
		}
	}
}

// A change after a join (、增长4.8%) goes on about the subject of the
// clause; another item's change (、农业增长3%) does not.
func TestJoinGoesOn(t *testing.T) {
	for text, want := range map[string]bool{
		"全省地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%。": true,
		"全省地区生产总值达到5.53万亿元、同比增长4.8%。":       true,
		"全省地区生产总值增长5%、农业增加值增长4.8%。":         false,
	} {
		l := clauses(text)
		subj := strings.Index(text, "地区生产总值") + len("地区生产总值")
		fig := strings.Index(text, "4.8%")
		if got := l.goesOnTo(subj, fig); got != want {
			t.Errorf("%s: goesOnTo = %v, want %v", text, got, want)
		}
		p := proximity(occurrence{start: subj - len("地区生产总值"), end: subj, factor: 1, part: -1}, l, fig, fig+len("4.8%"))
		if want && p < 0.85 {
			t.Errorf("%s: proximity %.2f, want ≥ 0.85", text, p)
		}
	}
}

// 年初 and 年末 are points of a year a question and a figure name.
func TestYearPoint(t *testing.T) {
	for text, want := range map[string]string{
		"2025年初江门全市政府债务限额是多少亿元？": "start",
		"到去年年底存款余额有多少":           "end",
		"年末全市常住人口多少":             "end",
		"全年粮食产量多少":               "",
	} {
		if got := yearPoint(text); got != want {
			t.Errorf("yearPoint(%s) = %q, want %q", text, got, want)
		}
	}
	text := "2025年初，我市政府债务限额为1,263.55亿元，预计2025年末我市政府债务限额为1,436.75亿元。"
	figs := ParseQuantities(text)
	if a, b := pointAt(text, figs[0].Prefix), pointAt(text, figs[1].Prefix); a != "start" || b != "end" {
		t.Errorf("pointAt: %q, %q", a, b)
	}
}

// The count an intensity is per (每万城镇常住人口) is its base.
func TestPerBase(t *testing.T) {
	for before, want := range map[string]bool{
		"每万城镇":   true,
		"每千":     true,
		"全市年末":   false,
		"每年新增城镇": false,
	} {
		if got := rePerBase.MatchString(before); got != want {
			t.Errorf("rePerBase(%s) = %v, want %v", before, got, want)
		}
	}
}

// 有多少万 asks a magnitude: no rate answers it.
func TestScaleAskedNoRate(t *testing.T) {
	q := testAnalyzer().Analyze("云南去年来旅居的人有多少万？")
	figs := ParseQuantities("旅居人数达389.75万、增长20.7%。")
	if a, b := unitFit(q, figs[0]), unitFit(q, figs[1]); a <= b || b > 0.1 {
		t.Errorf("unitFit: 389.75万 %.2f, 20.7%% %.2f", a, b)
	}
}

// The level a rise or a fall ends at is a level reached.
func TestLevelReached(t *testing.T) {
	for clause, want := range map[string]bool{
		"农村贫困人口由4960万人减少到": true,
		"城乡居民收入比值由3.27缩小至": true,
		"粮食产量达到":           true,
		"粮食产量增长":           false,
	} {
		if got := levelReached(clause); got != want {
			t.Errorf("levelReached(%s) = %v, want %v", clause, got, want)
		}
	}
}

// A clause opening with the start of a change (，由1997年的5160元增加到…)
// or with the share of the budget reached (，为预算的100.28%) goes on about
// the subject before it.
func TestFromClauseContinues(t *testing.T) {
	text := "城镇居民家庭人均可支配收入，由1997年的5160元增加到2002年的7703元，平均每年实际增长8.6%。"
	if l := clauses(text); len(l.continues) < 2 || !l.continues[1] {
		t.Errorf("continues = %v", l.continues)
	}
	text = "全市一般公共预算收入268.61亿元，为预算的100.28%，同比增长5.29%。"
	if l := clauses(text); len(l.continues) < 3 || !l.continues[1] || !l.continues[2] {
		t.Errorf("%s: continues = %v", text, l.continues)
	}
}

// A part named after a figure in a 其中 clause is not what it counts.
func TestPartAfterFigure(t *testing.T) {
	text := "公路通车里程增加到176万公里，其中高速公路增加到2.52万公里。"
	l := clauses(text)
	figs := ParseQuantities(text)
	k := strings.Index(text, "高速公路")
	o := occurrence{start: k, end: k + len("高速公路"), factor: 1, part: -1}
	if p := proximity(o, l, figs[0].Prefix, figs[0].End); p > 0.1 {
		t.Errorf("高速公路 after 其中 is %.2f near 176万公里, want ≤ 0.1", p)
	}
	if p := proximity(o, l, figs[1].Prefix, figs[1].End); p < 0.5 {
		t.Errorf("高速公路 is %.2f near its own 2.52万公里", p)
	}
}

// The noun a classifier counts stands right after the figure.
func TestNounAfter(t *testing.T) {
	for rest, want := range map[string]string{
		"国家、179个站点城市": "国家",
		"，比上年增长":      "",
		"站点城市很多很多":    "站点城市",
		"人":           "",
	} {
		if got := nounAfter(rest); got != want {
			t.Errorf("nounAfter(%s) = %q, want %q", rest, got, want)
		}
	}
}

// The lead of a long first item is every item's (市民服务热线诉求解决率、
// 满意率); the short last item's word is its own.
func TestListSharedLead(t *testing.T) {
	text := "市民服务热线诉求解决率、满意率分别达97.3%和97.7%。"
	l := clauses(text)
	figs := ParseQuantities(text)
	lists := respectively(text, l, figs)
	lp, ok := lists[figs[0].Start]
	if !ok {
		t.Fatal("no list")
	}
	k := strings.Index(text, "满意率")
	occ := [][]occurrence{{{start: k, end: k + len("满意率"), factor: 1, part: -1}}, {{start: 0, end: len("市民服务热线"), factor: 1, part: -1}}}
	pinned := lp.pin(occ)
	if p := pinned[0][0].pinned; p > 0.5 {
		t.Errorf("满意率 pinned %.2f to 97.3%%, want the second item's own", p)
	}
	if p := pinned[1][0].pinned; p != 1 {
		t.Errorf("市民服务热线 pinned %.2f to 97.3%%, want 1", p)
	}
	lp2 := lists[figs[1].Start]
	if p := lp2.pin(occ)[1][0].pinned; p != 1 {
		t.Errorf("市民服务热线 pinned %.2f to 97.7%%, want 1 (the lead is every item's)", p)
	}
}

// A level word opening the first item (国家级) is every item's when no
// other item names a level.
func TestListLevelLead(t *testing.T) {
	text := "国家级制造业单项冠军、专精特新“小巨人”分别达到43家、322家。"
	l := clauses(text)
	figs := ParseQuantities(text)
	lp, ok := respectively(text, l, figs)[figs[1].Start]
	if !ok {
		t.Fatal("no list")
	}
	occ := [][]occurrence{{{start: 0, end: len("国家级"), factor: 1, part: -1}}}
	if p := lp.pin(occ)[0][0].pinned; p != 1 {
		t.Errorf("国家级 pinned %.2f to 322家, want 1", p)
	}
	text = "国家级、省级临床重点专科分别达到6个、20个。"
	figs = ParseQuantities(text)
	if lp, ok := respectively(text, clauses(text), figs)[figs[1].Start]; ok && lp.levelLead() != 0 {
		t.Errorf("levels listed as items are no shared lead")
	}
}

// A target met or beaten (超过预期目标, 完成年度计划) is an outcome: it
// makes no later figure of the sentence a plan; a sentence that sets
// targets still does.
func TestTargetMetIsNoPlan(t *testing.T) {
	for _, tc := range []struct {
		text, figure string
		plan         bool
	}{
		{"城镇新增就业980万人，超过预期目标；城镇居民人均可支配收入9422元", "9422", false},
		{"全年完成年度计划；粮食产量达到1.2亿吨", "1.2", false},
		{"今年经济社会发展主要预期目标是：国内生产总值增长8%左右；城镇新增就业900万人", "900", true},
		{"力争实现预期目标，城镇新增就业900万人", "900", true},
	} {
		at := strings.Index(tc.text, tc.figure)
		if _, plan := period(periodCtx{text: tc.text}, at); plan != tc.plan {
			t.Errorf("%s: %s plan %v, want %v", tc.text, tc.figure, plan, tc.plan)
		}
	}
}

// 价格 of 扣除价格因素 (in real terms) is no part of 居民消费价格.
func TestSetPhraseIsNoPart(t *testing.T) {
	q := testAnalyzer().Analyze("居民消费价格涨了多少？")
	text := "城镇居民人均可支配收入9422元，扣除价格因素，实际增长7.7%。"
	folded, _ := segment.Fold(text)
	var rs runeSet = textRunes(folded)
	for ci, occ := range findConcepts(q, folded, nil, &rs) {
		for _, o := range occ {
			if o.text == "价格" {
				t.Errorf("concept %s: 价格 found at %d, inside 扣除价格因素", q.Concepts[ci].Word, o.start)
			}
		}
	}
	long := strings.Repeat("价格因素", 4)
	if !inSetPhrase("扣除价格因素", len("扣除"), len("扣除价格")) || inSetPhrase("价格上涨", 0, len("价格")) || inSetPhrase(long, 0, len(long)) {
		t.Error("inSetPhrase: want 扣除价格因素 a set phrase and 价格上涨 none")
	}
}

// A medal of a tally answers only for its own metal.
func TestOtherMedal(t *testing.T) {
	gold, silver := Quantity{Text: "8金", Unit: "枚"}, Quantity{Text: "9银", Unit: "枚"}
	a := testAnalyzer()
	for _, tc := range []struct {
		q    string
		f    Quantity
		want bool
	}{
		{"拿了几块金牌？", gold, false},
		{"拿了几块金牌？", silver, true},
		{"一共拿了多少枚奖牌？", gold, true},
		{"获得多少枚金牌", Quantity{Text: "62枚", Unit: "枚"}, false},
	} {
		if got := otherMedal(a.Analyze(tc.q), tc.f); got != tc.want {
			t.Errorf("%s, %s: otherMedal %v, want %v", tc.q, tc.f.Text, got, tc.want)
		}
	}
}

// TestSameCounter: classifiers that count the same things (趟 and 列 of
// trains) fit each other better than 个, which counts anything.
func TestSameCounter(t *testing.T) {
	q := &Question{Unit: "趟", Class: "count"}
	trains := ParseQuantities("全年开行1002列。")
	countries := ParseQuantities("覆盖20个国家。")
	if len(trains) != 1 || len(countries) != 1 {
		t.Fatalf("quantities %+v %+v", trains, countries)
	}
	if tr, co := unitFit(q, trains[0]), unitFit(q, countries[0]); tr <= co {
		t.Errorf("unitFit(多少趟): 1002列 %.2f, 20个 %.2f; want 列 first", tr, co)
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{{"趟", "列", true}, {"所", "座", true}, {"家", "户", false}, {"列", "列", false}, {"张", "个", false}} {
		if got := sameCounter(c.a, c.b); got != c.want {
			t.Errorf("sameCounter(%s, %s) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestHeldFloor: 稳定在800亿斤以上 is a floor the measure is held above,
// no outcome: it does not answer 去年打了多少粮食, but it is the target a
// plan question asks and the floor a question of the floor asks.
func TestHeldFloor(t *testing.T) {
	for _, c := range []struct {
		sentence, norm string
		plan, want     bool
	}{
		{"粮食产量稳定在800亿斤以上。", "去年安徽打了多少亿斤粮食", false, true},
		{"粮食产量保持在430亿斤以上。", "去年粮食总产量是多少", false, true},
		{"粮食产量稳定在800亿斤以上。", "今年粮食产量计划多少", true, false},
		{"粮食产量稳定在800亿斤以上。", "粮食产量稳定在多少以上", false, false},
		{"粮食产量838.6亿斤、再创历史新高。", "去年粮食产量多少", false, false},
		{"引进亿元以上项目793个。", "去年引进了多少个项目", false, false},
	} {
		fs := ParseQuantities(c.sentence)
		if len(fs) == 0 {
			t.Fatalf("no quantity in %s", c.sentence)
		}
		f := fs[0]
		q := &Question{Norm: c.norm, Plan: c.plan}
		if got := heldFloor(q, c.sentence, f, c.sentence[min(f.End, len(c.sentence)):]); got != c.want {
			t.Errorf("heldFloor(%s | %s, plan %v) = %v, want %v", c.sentence, c.norm, c.plan, got, c.want)
		}
	}
}

// A word under a negating prefix is the other thing: 税收 of 非税收入, 成年人
// of 未成年人; unless the question puts the prefix there itself.
func TestNegated(t *testing.T) {
	for _, tc := range []struct {
		norm, w, before string
		want            bool
	}{
		{"市本级税收降了百分之多少", "税收", "市本级非", true},
		{"市本级非税收入降了百分之多少", "税收", "市本级非", false},
		{"成年人有多少", "成年人", "保护未", true},
		{"市本级税收降了百分之多少", "税收", "市本级", false},
		{"非字头的收入", "收", "非", false}, // one character says too little
	} {
		if got := negated(tc.norm, tc.w, tc.before); got != tc.want {
			t.Errorf("negated(%s, %s, %s) = %v, want %v", tc.norm, tc.w, tc.before, got, tc.want)
		}
	}
	a := testAnalyzer()
	q := a.Analyze("市本级的税收下降了百分之多少")
	text := "非税收入下降50.5%"
	rs := runesOf(text)
	occ := findConcepts(q, text, nil, &rs)
	found := false
	for ci, c := range q.Concepts {
		if c.Word == "税收" {
			found = true
			for _, o := range occ[ci] {
				if o.text == "税收" {
					t.Errorf("税收 found in 非税收入: %+v", o)
				}
			}
		}
	}
	if !found {
		t.Errorf("no concept 税收 in %+v", q.Concepts)
	}
}

// 救助的人一共有多少万 asks a count of people in ten thousands.
func TestPeopleCountedInWan(t *testing.T) {
	q := testAnalyzer().Analyze("吃低保这些救助的人一共有多少万？")
	if q.Unit != "人" {
		t.Errorf("unit %q, want 人", q.Unit)
	}
}

// A yearly average change earlier in the sentence, with no year named,
// makes the sentence one of several years; a yearly mean is one year's.
func TestYearlyAverageBefore(t *testing.T) {
	for _, tc := range []struct {
		before string
		want   bool
	}{
		{"人均可支配收入年均增长6%，城镇新增就业超", true},
		{"“十四五”时期地区生产总值年均增速5.5%，", true},
		{"细颗粒物年均浓度30.5微克/立方米、下降6.2%，优良天数达到", false},
		{"2025年地区生产总值增长5%，近五年年均增长5.5%，", false},
		{"城镇新增就业", false},
	} {
		if got := yearlyAverageBefore(tc.before); got != tc.want {
			t.Errorf("yearlyAverageBefore(%q) = %v, want %v", tc.before, got, tc.want)
		}
	}
}

// A figure after a join that names the whole (、总量达1224家) counts no
// new things, though the clause opened with 新增.
func TestNewFigureAfterWholeJoin(t *testing.T) {
	for _, tc := range []struct {
		text, fig string
		want      bool
	}{
		{"新增境内外上市公司45家、总量达1224家", "45家", true},
		{"新增境内外上市公司45家、总量达1224家", "1224家", false},
		{"新增711家、累计达2215家", "2215家", false},
		{"新增高速公路、铁路通车里程1523公里", "1523公里", true},
	} {
		pos := strings.Index(tc.text, tc.fig)
		if got := newFigure(tc.text, clauses(tc.text), pos); got != tc.want {
			t.Errorf("newFigure(%q at %s) = %v, want %v", tc.text, tc.fig, got, tc.want)
		}
	}
}

// A sum over the years (累计超过41万人) is no level reached, however high.
func TestCumulativeIsNoLevel(t *testing.T) {
	for clause, want := range map[string]bool{"城镇新增就业累计超过": false, "常住人口城镇化率达到": true, "粮食产量突破": true} {
		if got := levelReached(clause); got != want {
			t.Errorf("levelReached(%s) = %v, want %v", clause, got, want)
		}
	}
}

// The pieces that date and place a figure of the older reports: a topic
// clause, the base of a change, and a level moved to in a year.
func TestTopicBaseAndLevel(t *testing.T) {
	for _, c := range []struct {
		text  string
		topic bool
	}{
		{"在工业农业总产值方面：一九五三年比一九五二年增长百分之十四点四", true},
		{"教育方面，投入413764万元", true},
		{"全年完成地区生产总值5000亿元，增长5%", false},
		{"在这方面我们还有很多工作要做，必须加强", false},
	} {
		if got := clauses(c.text).topic; got != c.topic {
			t.Errorf("clauses(%q).topic = %v, want %v", c.text, got, c.topic)
		}
	}
	a := testAnalyzer()
	for _, c := range []struct {
		q    string
		base int
	}{
		{"1954年工业总产值比1952年增长了多少？", 1952},
		{"一九五四年工业总产值比一九五二年增长了多少？", 1952},
		{"1954年工业总产值比上年增长了多少？", 0},
	} {
		if got := askedBaseYear(a.Analyze(c.q)); got != c.base {
			t.Errorf("askedBaseYear(%q) = %d, want %d", c.q, got, c.base)
		}
	}
	for _, c := range []struct {
		text string
		at   string // the figure
		base int
	}{
		{"一九五三年比一九五二年增长百分之十四点四，一九五四年又比一九五三年增长百分之九点四。", "百分之九点四", 1953},
		{"一九五四年工业总产值比一九五二年增长了百分之五十三点七。", "百分之五十三点七", 1952},
		{"同１９８７年相比，粮食达到８０００万吨。", "８０００万吨", 0},
	} {
		pc := periodCtx{text: c.text}
		if got := baseYear(pc, strings.Index(c.text, c.at)); got != c.base {
			t.Errorf("baseYear(%q at %s) = %d, want %d", c.text, c.at, got, c.base)
		}
	}
	for _, c := range []struct {
		before string
		level  bool
	}{
		{"补贴资金从2007年的639亿元增加到2012年的", true},
		{"在校学生由一九八○年的一百一十四万人增加到一九八五年的", true},
		{"新增城镇就业人数达到", true},
		{"新增城镇就业", false},
		{"研发投入增加到", true},
		{"新增", false},
	} {
		if got := reToLevel.MatchString(c.before); got != c.level {
			t.Errorf("reToLevel(%q) = %v, want %v", c.before, got, c.level)
		}
	}
}

func TestAverageFigure(t *testing.T) {
	for _, c := range []struct {
		before string
		avg    bool
	}{
		{"地区生产总值年均增长", true},
		{"每年城镇新增就业", true},
		{"PM2.5年均浓度降至", false},
		{"细颗粒物年均浓度", false},
		// A standard per person and year is no average over years.
		{"完善城乡居民基本医保，财政补助标准每人每年再提高", false},
		{"农民人均年纯收入", false},
	} {
		if got := averageFigure(c.before); got != c.avg {
			t.Errorf("averageFigure(%q) = %v, want %v", c.before, got, c.avg)
		}
	}
}

// A sentence that opens with a plan cue (将A从50元提高到55元，B从450元提高到
// 490元) plans in the clauses that carry its change on; a clause of its
// own verb (为……5506间教室配置空调) is not made a plan by it.
func TestOpeningPlanCue(t *testing.T) {
	for _, tc := range []struct {
		text, fig string
		plan      bool
	}{
		{"将基本公共卫生服务人均补助标准从50元提高到55元，城乡居民医保人均补助标准从450元提高到490元。", "490", true},
		{"将基本公共卫生服务人均补助标准从50元提高到55元，城乡居民医保人均补助标准从450元提高到490元。", "55元", true},
		{"将生均公用经费标准分别提高至940元和720元，为167所公办中小学校5506间教室配置空调。", "5506", false},
		{"城乡居民医保人均补助标准从450元提高到490元。", "490", false},
	} {
		if _, plan := period(periodCtx{text: tc.text}, strings.Index(tc.text, tc.fig)); plan != tc.plan {
			t.Errorf("%s: %s plan %v, want %v", tc.text, tc.fig, plan, tc.plan)
		}
	}
}

// A sentence of the same report that gives a table cell's value (生产总值
// 3501.64 6.0; 地区生产总值3501.64亿元，比上年增长6.0%) goes first when it
// scores nearly as well; another figure must come closer (tableTie).
func TestSentenceBeforeItsTable(t *testing.T) {
	cell := candidate{Answer: Answer{Text: "6.0", Kind: "table", Doc: "a"}, value: 6, prob: 0.675, gate: 0.675}
	for _, c := range []struct {
		other candidate
		first string
	}{
		{candidate{Answer: Answer{Text: "6.0%", Kind: "number", Doc: "a"}, value: 6, prob: 0.651, gate: 0.651}, "6.0%"},
		{candidate{Answer: Answer{Text: "5.4%", Kind: "number", Doc: "a"}, value: 5.4, prob: 0.651, gate: 0.651}, "6.0"},
		{candidate{Answer: Answer{Text: "6.0%", Kind: "number", Doc: "b"}, value: 6, prob: 0.651, gate: 0.651}, "6.0"},
		{candidate{Answer: Answer{Text: "6.0%", Kind: "number", Doc: "a"}, value: 6, prob: 0.5, gate: 0.5}, "6.0"},
	} {
		cands := []candidate{cell, c.other}
		sentenceFirst(cands, 0.3)
		if cands[0].Text != c.first {
			t.Errorf("table %s (%.3f), sentence %s of %s (%.3f): first %s, want %s", cell.Text, cell.prob, c.other.Text, c.other.Doc, c.other.prob, cands[0].Text, c.first)
		}
	}
}

// A figure of other people than the question asks (常住 or 户籍, all
// residents or the urban ones), or of another stage of building (在建,
// 竣工), is another measure.
func TestOtherPopulationAndStage(t *testing.T) {
	for _, tc := range []struct {
		q, before, clause string
		want              bool
	}{
		{"2013年平潭常住人口有多少万人", "按户籍口径统计，全区总户数118331户；总人口", "总人口", true},
		{"2013年平潭户籍人口有多少", "按户籍口径统计，全区总户数118331户；总人口", "总人口", false},
		{"户籍人口有多少", "年末常住人口", "年末常住人口", true},
		{"常住人口有多少", "年末常住人口", "年末常住人口", false},
		{"全体居民人均可支配收入是多少", "城镇居民人均可支配收入", "城镇居民人均可支配收入", true},
		{"全体居民人均可支配收入是多少", "全体居民人均可支配收入", "全体居民人均可支配收入", false},
		{"城镇居民人均可支配收入是多少", "城镇居民人均可支配收入", "城镇居民人均可支配收入", false},
	} {
		if got := otherPopulation(populationAsked(tc.q), tc.before, tc.clause); got != tc.want {
			t.Errorf("%s of %s: other people %v, want %v", tc.q, tc.clause, got, tc.want)
		}
	}
	for _, tc := range []struct {
		q, clause string
		want      bool
	}{
		{"2013年那6个安置小区一共在建多少套安置房", "累计竣工", true},
		{"2013年那6个安置小区一共在建多少套安置房", "全力推进岚城等6个安置小区", false},
		{"2016年坪山保障性住房竣工了多少套", "新开工建设保障性住房", true},
		{"2016年坪山保障性住房竣工了多少套", "竣工", false},
		{"建成区面积多少平方公里", "新开工", false},
		{"保障房开工建成多少套", "竣工", false},
	} {
		if got := otherStage(stageOf(tc.q), tc.clause); got != tc.want {
			t.Errorf("%s of %s: other stage %v, want %v", tc.q, tc.clause, got, tc.want)
		}
	}
}

// An approximate figure (约1100亿元, in a review of five years) yields to
// another of the same year and kind that gives it exactly (1100.7亿元);
// alone, or beside a figure of another value, it stands.
func TestSettleApprox(t *testing.T) {
	e := &Engine{model: DefaultModel()}
	mk := func(text string, value float64, qual string, year int) candidate {
		c := candidate{value: value, class: "money"}
		c.Text, c.Unit, c.Qualifier, c.Period, c.Sentence = text, "元", qual, year, text
		c.prob = e.model.prob(&c.feat)
		return c
	}
	cands := []candidate{
		mk("1100亿元", 1100e8, "约", 2020),
		mk("1100.7亿元", 1100.7e8, "", 2020),
		mk("约900亿元", 900e8, "约", 2020),
		mk("约1750亿元", 1750e8, "约", 2025),
		mk("1750.2亿元", 1750.2e8, "", 2021),
	}
	e.settleApprox(&Question{Norm: "光明区2020年地区生产总值是多少"}, cands)
	for i, want := range []float64{1, 0, 0, 0, 0} {
		if cands[i].feat[fApproxTwin] != want {
			t.Errorf("%s: approx_twin %v, want %v", cands[i].Text, cands[i].feat[fApproxTwin], want)
		}
	}
	if cands[0].prob >= cands[1].prob {
		t.Errorf("约1100亿元 %v ranks with 1100.7亿元 %v", cands[0].prob, cands[1].prob)
	}
	// A mark passed yields to the level reached a little above it, even
	// asked roughly; not to one far above, nor to another mark.
	floors := []candidate{mk("突破5000亿元", 5000e8, "突破", 2021), mk("约5300亿元", 5300e8, "约", 2021),
		mk("突破200亿元", 200e8, "突破", 2021), mk("超过300亿元", 300e8, "超过", 2021), mk("突破50亿元", 50e8, "突破", 2021)}
	e.settleApprox(&Question{Norm: "福田区2021年地区生产总值大概多少亿"}, floors)
	for i, want := range []float64{1, 0, 0, 0, 0} {
		if floors[i].feat[fApproxTwin] != want {
			t.Errorf("%s: approx_twin %v, want %v", floors[i].Text, floors[i].feat[fApproxTwin], want)
		}
	}
	// Asked roughly, or of rates, nothing is marked.
	rough := []candidate{mk("1100亿元", 1100e8, "约", 2020), mk("1100.7亿元", 1100.7e8, "", 2020)}
	e.settleApprox(&Question{Norm: "光明区2020年地区生产总值大概多少"}, rough)
	rates := []candidate{mk("5%左右", 5, "左右", 2020), mk("5%以内", 5, "以内", 2020)}
	rates[0].Unit, rates[1].Unit = "%", "%"
	e.settleApprox(&Question{Norm: "今年GDP增长目标定的多少"}, rates)
	if rough[0].feat[fApproxTwin] != 0 || rates[0].feat[fApproxTwin] != 0 {
		t.Errorf("marked: asked roughly %v, a rate %v", rough[0].feat[fApproxTwin], rates[0].feat[fApproxTwin])
	}
}

// A figure of another measure of debt than the question asks (its
// ceiling, its balance, the interest paid) does not answer it.
func TestOtherDebtMeasure(t *testing.T) {
	for _, tc := range []struct {
		q, clause string
		want      bool
	}{
		{"全省政府债务余额是多少", "全省政府债务限额为", true},
		{"政府债务限额是多少", "政府债务余额", true},
		{"2017年平潭政府债务付息支出安排了多少？", "省财政厅2017年下达我区政府债务限额", true},
		{"2017年平潭政府债务付息支出安排了多少？", "安排政府债务付息支出", false},
		{"2017年平潭政府债务付息支出安排了多少？", "4.调增地方政府专项债务还本支出", true},
		{"还本付息支出多少", "政府债务还本付息", false},
		{"债务限额和余额分别是多少", "政府债务限额", false},
		{"What was Fujian's government debt balance?", "全省政府债务限额为", true},
		{"新增债券多少", "政府债务限额", false},
		{"到2023年底全县政府债务余额是多少？", "地方政府专项债务转贷收入", true},
		{"专项债务转贷收入多少", "地方政府专项债务转贷收入", false},
	} {
		q := &Question{Raw: tc.q, Norm: tc.q}
		if got := otherDebtMeasure(debtAsked(q), tc.clause); got != tc.want {
			t.Errorf("%s of %s: other measure %v, want %v", tc.q, tc.clause, got, tc.want)
		}
	}
}

// The base of a share (占地区生产总值13.1%) is not what the figures around
// it count: neither the figure before it nor those of later clauses; the
// share itself keeps it. 占地 (land) is no share.
func TestProximityShareBase(t *testing.T) {
	text := "一般公共预算总收入250155万元（占地区生产总值13.1%，比上年提高2.4个百分点），比上年增收67155万元。"
	l := clauses(text)
	w := "地区生产总值"
	at := strings.Index(text, w)
	o := occurrence{start: at, end: at + len(w), factor: 1, part: -1}
	fig := func(s string) (int, int) {
		for _, f := range ParseQuantities(text) {
			if f.Text == s {
				return f.Prefix, f.End
			}
		}
		t.Fatalf("no figure %s in %q", s, text)
		return 0, 0
	}
	for s, max := range map[string]float64{"250155万元": 0.3, "67155万元": 0.3} {
		qs, qe := fig(s)
		if p := proximity(o, l, qs, qe); p > max {
			t.Errorf("%s: the share's base scores %.2f, want at most %.2f", s, p, max)
		}
	}
	qs, qe := fig("13.1%")
	if p := proximity(o, l, qs, qe); p < 0.9 {
		t.Errorf("13.1%%: its own base scores %.2f", p)
	}
	for _, s := range []string{"新建项目占地面积120亩，总投资5亿元。", "积累所占的比重，相应地由36.5%降到30%左右。"} {
		if l := clauses(s); len(l.shares) != 0 {
			t.Errorf("%q read as a share's base: %v", s, l.shares)
		}
	}
}

// TestGap: points measured against another rate (高于全市规模以上工业增加值
// 增速8.9个百分点) are a gap, which only a question comparing rates asks.
func TestGap(t *testing.T) {
	for clause, want := range map[string]bool{
		"规模以上高技术制造业、装备制造业增加值分别增长17.8%和14.4%，高于全市规模以上工业增加值增速12.3个和": true,
		"比全国平均水平快":      true,
		"拉动规模以上工业增加值增长": false,
		"城镇化率提高":        false,
	} {
		if got := reGapBefore.MatchString(clause); got != want {
			t.Errorf("reGapBefore(%s) = %v, want %v", clause, got, want)
		}
	}
	for q, want := range map[string]bool{
		"规上工业增加值涨了多少":                      false,
		"比上年增长多少":                          false,
		"比去年提高了多少":                         false,
		"高技术制造业增速比全市高多少":                   true,
		"比全省平均水平快几个百分点":                    true,
		"How far above the national rate?": true,
	} {
		if got := reAsksGap.MatchString(strings.ToLower(q)); got != want {
			t.Errorf("reAsksGap(%s) = %v, want %v", q, got, want)
		}
	}
}

// A route named by its ends' first characters (福平铁路) is found where the
// report spells the ends out (福州至平潭铁路), and only before its own kind
// of route.
func TestRouteSpelled(t *testing.T) {
	q := &Question{Norm: "2015年给福平铁路投了多少钱"}
	route := routeAsked(q, "福平")
	if route != "福平铁路" {
		t.Fatalf("routeAsked(福平) = %q, want 福平铁路", route)
	}
	if got := routeAsked(q, "铁路"); got != "" {
		t.Errorf("routeAsked(铁路) = %q, want none", got)
	}
	for text, want := range map[string]int{
		"投入78100万元用于福州至平潭铁路工程建设。": 1,
		"投入43431万元用于福平大道建设。":      0,
		"福州至平潭高速公路建成通车。":          0,
	} {
		if got := len(routeSpelled(routeRegexp(route), text, nil)); got != want {
			t.Errorf("routeSpelled(%s) found %d, want %d", text, got, want)
		}
	}
}

// 今年以来 in a part headed 2022年主要工作, of a report on the year's work
// published in 2023, is 2022; in a work report's review it stays the year
// the report is delivered in.
func TestThisYearInReview(t *testing.T) {
	text := "今年以来区属国企累计完成固定资产投资总额122.88亿元。"
	at := strings.Index(text, "122.88")
	other := report.Meta{Kind: report.OtherReport, Year: 2023, ReviewYear: 2022, PlanYear: 2023}
	if y, _ := period(periodCtx{text: text, meta: other, secPeriod: report.PeriodReview, secYear: 2022}, at); y != 2022 {
		t.Errorf("a year's work report: %d, want 2022", y)
	}
	work := report.Meta{Kind: report.WorkReport, Year: 1984, ReviewYear: 1983, PlanYear: 1984}
	if y, _ := period(periodCtx{text: text, meta: work, secPeriod: report.PeriodReview, secYear: 1983}, at); y != 1984 {
		t.Errorf("a work report: %d, want 1984", y)
	}
}

// The subject of a sentence's first item (区属国企) is that of the items
// after its semicolons that open with a verb (；实现营业收入…), not of an
// item with a subject of its own (；工业增加值…).
func TestSharedSubject(t *testing.T) {
	for text, want := range map[string]float64{
		"截至目前，区属国企合计资产总额1,132.92亿元、同比增长3.56%；实现营业收入24.91亿元、同比增长26.38%。": 0.85,
		"截至目前，区属国企合计资产总额1,132.92亿元、同比增长3.56%；工业增加值24.91亿元、同比增长26.38%。":  0.5,
	} {
		l := clauses(text)
		at := strings.Index(text, "区属国企")
		o := occurrence{start: at, end: at + len("区属国企"), factor: 1, part: -1}
		qs := strings.Index(text, "26.38")
		if got := proximity(o, l, qs, qs+len("26.38%")); got != want {
			t.Errorf("%s: proximity %.2f, want %.2f", text, got, want)
		}
	}
}

// An English question's part of the year: from January to November is
// the first eleven months, as 1-11月 is.
func TestEnglishSubperiod(t *testing.T) {
	for q, want := range map[string]string{
		"How much VAT credit refund was approved from January to November 2022?": "m1-11",
		"What was retail sales growth in the first half of 2024?":                "h1",
		"How much was invested in the first three quarters?":                     "q1-3",
		"How much was invested through September?":                               "q1-3",
		"How much was invested in 2024?":                                         "",
	} {
		if got := questionSubperiod(q); got != want {
			t.Errorf("%s: %q, want %q", q, got, want)
		}
	}
}

// A sentence of a plan and its outcome (年度计划投资99.8亿元，…完成年度目标
// 比率73.73%): the rate of the target met is no target.
func TestTargetMetRate(t *testing.T) {
	text := "年度计划投资99.8亿元，截至目前已完成投资73.58亿元，完成年度目标比率73.73%。"
	if _, plan := period(periodCtx{text: text}, strings.Index(text, "73.73")); plan {
		t.Error("73.73%: read as a target")
	}
	text2 := "年度计划投资99.8亿元，目标是完成投资110亿元。"
	if _, plan := period(periodCtx{text: text2}, strings.Index(text2, "110")); !plan {
		t.Error("110亿元: not read as a target")
	}
}

// A change after its level in the next clause, or after a clause giving the
// share of a budget done, is the level's; the change of a part (其中) is
// no level's here.
func TestChangeOfLevelFigure(t *testing.T) {
	for _, c := range []struct{ text, change, level string }{
		{"全区有资质等级的建筑单位144家，单位数较上年增加22家。", "22家", "144家"},
		{"全区完成一般公共预算支出251.45亿元，完成调整后支出预算的96.3%，同比下降6.87%。", "6.87%", "251.45亿元"},
		{"地区生产总值287.9亿元，增长8.9%。", "8.9%", "287.9亿元"},
		{"其中国有工业企业实现利润967亿元，增长77.7%。", "77.7%", ""},
		{"全市新建学校12所，新增养老床位500张。", "500张", ""},
	} {
		figs := ParseQuantities(c.text)
		var f Quantity
		for _, g := range figs {
			if g.Text == c.change {
				f = g
			}
		}
		if f.End == 0 {
			t.Fatalf("%s: no figure %s in %+v", c.text, c.change, figs)
		}
		lv, ok := changeOfLevel(c.text, clauses(c.text), figs, f)
		got := ""
		if ok {
			got = c.text[lv.Start:lv.End]
		}
		if got != c.level {
			t.Errorf("%s: level of %s = %q, want %q", c.text, c.change, got, c.level)
		}
	}
}

func TestOtherSector(t *testing.T) {
	for _, c := range []struct {
		asked  int
		clause string
		want   bool
	}{
		{1, "分产业看,第二产业增加值", true},
		{1, "第一产业增加值", false},
		{3, "第一产业、第二产业、第三产业增加值占生产总值的比重分别为", false},
		{1, "第一、二、三产业增加值分别为", false},
		{1, "服务业增加值", true},
		{2, "三产增加值", true},
		{1, "全县地区生产总值", false},
		{0, "第二产业增加值", false},
	} {
		if got := otherSector(c.asked, c.clause); got != c.want {
			t.Errorf("otherSector(%d, %q) = %v, want %v", c.asked, c.clause, got, c.want)
		}
	}
}

// A sector ratio typeset with the ratio sign (6.6∶40.2∶53.2) is read as
// with colons; one sector asked of the structure is its part, not the
// whole.
func TestSectorRatioSign(t *testing.T) {
	whole, parts := sectorRatios("三次产业结构占比为6.6∶40.2∶53.2。")
	if len(whole) != 1 || len(parts) != 3 || parts[2].Value != 53.2 {
		t.Errorf("whole %+v, parts %+v; want one ratio and three parts", whole, parts)
	}
	// Every ratio after the structure is named, each dated by its year:
	// the 比 of 结构比 compares nothing, and a ratio's colons part no
	// clauses.
	text := "三次产业结构比由2006年的40.7:14.5:44.8调整到2007年的40.1:16.9:43。"
	if whole, parts := sectorRatios(text); len(whole) != 2 || len(parts) != 6 {
		t.Errorf("from-to ratios: whole %+v, parts %+v; want two ratios and six parts", whole, parts)
	}
	pc := periodCtx{text: text, years: sentenceYears(text)}
	for w, want := range map[string]int{"44.8": 2006, "43。": 2007} {
		if y, _ := period(pc, strings.Index(text, w)); y != want {
			t.Errorf("period of %s = %d, want %d", w, y, want)
		}
	}
	if l := clauses(text); len(l.breaks) != 1 {
		t.Errorf("breaks %v, want the full stop alone", l.breaks)
	} else if !shareFigure(text, l, strings.Index(text, "16.9")) {
		t.Error("a part of a structure read as no share")
	}
	a := testAnalyzer()
	if q := a.Analyze("一产在三次产业结构里占多少"); asksStructure(q) {
		t.Errorf("one sector's part read as the structure: %q", conceptWords(q))
	}
	if q := a.Analyze("三次产业结构是多少"); !asksStructure(q) {
		t.Errorf("the structure not read as asked: %q", conceptWords(q))
	}
}

// A budget's stage is asked only of a budget: 调整了多少个项目 asks none.
func TestBudgetStageAsked(t *testing.T) {
	for q, want := range map[string]int{
		"全市一般公共预算支出后来调到了多少？":   budgetAdjusted,
		"全市支出年初预算是多少":          budgetInitial,
		"全市今年停掉或调整了多少个政府投资项目？": 0,
		"一般公共预算支出完成多少":         0,
	} {
		if got := budgetStageAsked(&Question{Raw: q}); got != want {
			t.Errorf("%s: stage %d, want %d", q, got, want)
		}
	}
}

// The share of a budget done is read past a budget written with thousands
// commas (为年初预算205,000万元的77.7%), and the change after it is the
// level's (较上年决算数下降4.3%).
func TestCompletionShareWithCommas(t *testing.T) {
	if !completionShare("为年初预算205,000万元的") {
		t.Error("为年初预算205,000万元的: no share of the budget done")
	}
	text := "全州政府性基金预算收入159,365万元，为年初预算205,000万元的77.7%，较上年决算数下降4.3%。"
	figs := ParseQuantities(text)
	for _, f := range figs {
		if f.Text == "4.3%" {
			if lv, ok := changeOfLevel(text, clauses(text), figs, f); !ok || lv.Text != "159,365万元" {
				t.Errorf("level of 4.3%% = %q, %v; want 159,365万元", lv.Text, ok)
			}
		}
	}
}
