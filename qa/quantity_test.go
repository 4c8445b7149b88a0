package qa

import (
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseQuantities(t *testing.T) {
	type want struct {
		text  string
		value float64
		unit  string
		qual  string
	}
	tests := []struct {
		in   string
		want []want
	}{
		{"紧紧围绕区十五届人大五次会议确定的目标，连续七次获评", []want{{"七次", 7, "次", ""}}},
		{"工业总产值比一九五二年增长百分之二十二点五", []want{{"百分之二十二点五", 22.5, "%", ""}}},
		{"出生率为千分之七点一九", []want{{"千分之七点一九", 7.19, "‰", ""}}},
		{"粮食增产一点四倍，棉花增产四点七倍", []want{{"一点四倍", 1.4, "倍", ""}, {"四点七倍", 4.7, "倍", ""}}},
		{"国民收入达到二千五百点五亿元", []want{{"二千五百点五亿元", 2500.5e8, "元", ""}}},
		{"下午三点钟开会，有一点儿晚", nil},
		{"2025年医疗旅游人次86.5万、增长20%", []want{{"86.5万", 865000, "人次", ""}, {"20%", 20, "%", ""}}},
		{"粮食产量达到三千零五十亿斤，增长百分之十以上", []want{{"三千零五十亿斤", 3.05e11, "斤", ""}, {"百分之十以上", 10, "%", "以上"}}},
		{"新增养老床位6341张", []want{{"6341张", 6341, "张", ""}}},
		// An indicator's acronym before its figure; a code is no figure.
		{"全年实现GDP3464.09亿元，增长9%", []want{{"3464.09亿元", 3464.09e8, "元", ""}, {"9%", 9, "%", ""}}},
		{"通过ISO9001认证，PM2.5浓度下降", nil},
		{"全年增长19·5％，实际增长4·3％", []want{{"19·5％", 19.5, "%", ""}, {"4·3％", 4.3, "%", ""}}},
		{"有力应对“6·9”持续性极端降雨", []want{{"6", 6, "", ""}, {"9", 9, "", ""}}},
		{"分别投入48.47、51.50、39.07亿元", []want{{"48.47", 48.47e8, "元", ""}, {"51.50", 51.5e8, "元", ""}, {"39.07亿元", 39.07e8, "元", ""}}},
		{"契税收入6,351,016万元", []want{{"6,351,016万元", 6351016e4, "元", ""}}},
		{"债务余额1,432.01亿元", []want{{"1,432.01亿元", 1432.01e8, "元", ""}}},
		{"分别为12,34,567", []want{{"12", 12, "", ""}, {"34,567", 34567, "", ""}}},
		{"预计全年安排防疫资金8.66亿元", []want{{"8.66亿元", 8.66e8, "元", ""}}},
		{"全年累计减税降费22.1亿元。", []want{{"22.1亿元", 22.1e8, "元", ""}}},
		{"扩容床位6000余张", []want{{"6000余张", 6000, "张", "余"}}},
		{"全年新增市场主体8000余户", []want{{"8000余户", 8000, "户", "余"}}},
		{"投入约1600余万元", []want{{"1600余万元", 1.6e7, "元", "约余"}}},
		{"线上线下办件量共计70余万件", []want{{"70余万件", 7e5, "件", "余"}}},
		{"城镇新增就业1.7万人", []want{{"1.7万人", 17000, "人", ""}}},
		{"服务学子近2万名。", []want{{"2万名", 20000, "名", "近"}}},
		{"城镇登记失业率控制在3.6%以内", []want{{"3.6%以内", 3.6, "%", "以内"}}},
		{"地区生产总值增长10%", []want{{"10%", 10, "%", ""}}},
		{"增长5%左右", []want{{"5%左右", 5, "%", "左右"}}},
		{"优良率同比上升21.7个百分点", []want{{"21.7个百分点", 21.7, "百分点", ""}}},
		{"综合收入突破590亿元", []want{{"590亿元", 5.9e10, "元", "突破"}}},
		{"发放纾困资金超过40亿元", []want{{"40亿元", 4e9, "元", "超过"}}},
		{"连续七次获评", []want{{"七次", 7, "次", ""}}},
		{"以最快速度建造3座方舱医院，确定4家定点救治医院", []want{{"3座", 3, "座", ""}, {"4家", 4, "家", ""}}},
		{"建成停车泊位1.6万个，充电桩3200个", []want{{"1.6万个", 16000, "个", ""}, {"3200个", 3200, "个", ""}}},
		{"新增5G基站200座", []want{{"200座", 200, "座", ""}}},
		{"PM2.5年均浓度为26.3微克/立方米", []want{{"26.3微克/立方米", 26.3, "微克/立方米", ""}}},
		{"PM2.5年均浓度29μg/m³，PM10年均浓度41微克/立方米", []want{{"29μg/m³", 29, "微克/立方米", ""}, {"41微克/立方米", 41, "微克/立方米", ""}}},
		{"PM2.5浓度由32微克每立方米下降到17.4微克每立方米", []want{{"32微克每立方米", 32, "微克/立方米", ""}, {"17.4微克每立方米", 17.4, "微克/立方米", ""}}},
		{"新建道路120km，集装箱吞吐量20TEU", []want{{"120km", 120, "公里", ""}, {"20TEU", 20, "标箱", ""}}},
		{"建成5G基站3000个", []want{{"3000个", 3000, "个", ""}}},
		{"完成30个项目2.55万套还建房", []want{{"30个", 30, "个", ""}, {"2.55万套", 25500, "套", ""}}},
		{"预期目标增长4.5%—5%", []want{{"4.5%—5%", 4.5, "%", ""}}},
		{"提高2—3个百分点", []want{{"2—3个百分点", 2, "百分点", ""}}},
		{"3至5年", []want{{"3至5年", 3, "年", ""}}},
		{"2020年12月在武汉市", nil},
		{"自8月起连续4个月保持正增长", []want{{"4个月", 4, "月", ""}}},
		{"第二届健博会", nil},
		{"构建“1+6”现代产业体系", nil},
		{"加大985、211高校毕业生", nil},
		{"地铁12号线", nil},
		{"一是宏观经济下行压力", nil},
		{"十四五规划的开局之年", nil},
		{"千方百计提升", nil},
		{"两江堤防超设防运行81天", []want{{"81天", 81, "天", ""}}},
		{"总降雨量1067毫米", []want{{"1067毫米", 1067, "毫米", ""}}},
		{"共征地735.91亩，征收3.61万平方米", []want{{"735.91亩", 735.91, "亩", ""}, {"3.61万平方米", 36100, "平方米", ""}}},
		{"新建排水管网约50公里", []want{{"50公里", 50, "公里", "约"}}},
		{"实际利用外资预计完成7.9亿美元", []want{{"7.9亿美元", 7.9e8, "美元", ""}}},
		{"千名老人床位数达到50.46。", []want{{"50.46", 50.46, "", ""}}},
		{"国内生产总值达到74.4万亿元", []want{{"74.4万亿元", 74.4e12, "元", ""}}},
		{"全年城镇新增就业1314万人", []want{{"1314万人", 1.314e7, "人", ""}}},
		{"农村贫困人口减少1240万，", []want{{"1240万", 1.24e7, "", ""}}},
		{"新增第四代移动通信用户3.4亿、光缆线路550多万公里", []want{{"3.4亿", 3.4e8, "", ""}, {"550多万公里", 5.5e6, "公里", "多"}}},
		{"新增装机容量1200万千瓦", []want{{"1200万千瓦", 1.2e7, "千瓦", ""}}},
		{"完成投资1,234.5亿元", []want{{"1,234.5亿元", 1234.5e8, "元", ""}}},
		{"ＧＤＰ增长５．５％", []want{{"５．５％", 5.5, "%", ""}}},
		{"两千余名医护人员", []want{{"两千余名", 2000, "名", "余"}}},
		{"三千二百个", []want{{"三千二百个", 3200, "个", ""}}},
		{"十五个", []want{{"十五个", 15, "个", ""}}},
		{"引进数字经济重点企业30个以上", []want{{"30个以上", 30, "个", "以上"}}},
		{"普惠性园幼儿园占比达到80%以上", []want{{"80%以上", 80, "%", "以上"}}},
		{"社会消费品零售总额-19%", []want{{"-19%", -19, "%", ""}}},
		{"同比增长14.95%。", []want{{"14.95%", 14.95, "%", ""}}},
		{"集装箱吞吐量1500万标箱", []want{{"1500万标箱", 1.5e7, "标箱", ""}}},
		{"粮食产量达到1300亿斤", []want{{"1300亿斤", 1.3e11, "斤", ""}}},
		{"人均预期寿命78.2岁", []want{{"78.2岁", 78.2, "岁", ""}}},
		{"增加了1.5倍", []want{{"1.5倍", 1.5, "倍", ""}}},
		{"出生率为7.5‰", []want{{"7.5‰", 7.5, "‰", ""}}},
		{"完成造林100万公顷", []want{{"100万公顷", 1e6, "公顷", ""}}},
		{"新开工亿元以上重大项目31个", []want{{"31个", 31, "个", ""}}},
		{"救助外地滞汉人员741人次，发放215.85万元", []want{{"741人次", 741, "人次", ""}, {"215.85万元", 2158500, "元", ""}}},
		{"截至2025年底", nil},
		// Full-width digits and commas (1950s reports).
		{"收入合计２７，２０３，３１９，０００元", []want{{"２７，２０３，３１９，０００元", 27203319000, "元", ""}}},
		{"粮食总产量达到３，６８０亿斤，", []want{{"３，６８０亿斤", 3.68e11, "斤", ""}}},
		// Digits typeset apart (scanned 1990s reports).
		{"国内生产总值达到7 4 7 7 2亿元", []want{{"7 4 7 7 2亿元", 7.4772e12, "元", ""}}},
		{"分别为12 34吨", []want{{"12", 12, "", ""}, {"34吨", 34, "吨", ""}}},
		{"存款余额达到4 6 2 8 0 亿元。", []want{{"4 6 2 8 0 亿元", 4.628e12, "元", ""}}},
		{"平均期望寿命达到7 0 ．8 岁", []want{{"7 0 ．8 岁", 70.8, "岁", ""}}},
		{"城乡居民收入比缩小至2.04∶1。", []want{{"2.04", 2.04, "", ""}}},
		{"在全国冬运会上获得62枚金牌。", []want{{"62枚", 62, "枚", ""}}},
		// A tally of medals by metal.
		{"在巴黎奥运会上斩获8金4银4铜，", []want{{"8金", 8, "枚", ""}, {"4银", 4, "枚", ""}, {"4铜", 4, "枚", ""}}},
		{"获得4金2银好成绩", []want{{"4金", 4, "枚", ""}, {"2银", 2, "枚", ""}}},
		{"白银产量4.5万吨", []want{{"4.5万吨", 45000, "吨", ""}}},
		{"举办展会27场", []want{{"27场", 27, "场", ""}}},
		{"4S店和5.5智造园", nil},
		{"三次产业的比重为12.89：56.87：30.24", []want{{"12.89", 12.89, "", ""}, {"56.87", 56.87, "", ""}, {"30.24", 30.24, "", ""}}},
		{"日均消杀面积约2.85万平方米", []want{{"2.85万平方米", 28500, "平方米", "约"}}},
		{"开支要比去年预算执行数节约１０％", []want{{"１０％", 10, "%", ""}}},
		{"最近5年新建学校", []want{{"5年", 5, "年", ""}}},
		{"一万零五百人", []want{{"一万零五百人", 10500, "人", ""}}},
		{"高等学校二百○八所", []want{{"二百○八所", 208, "所", ""}}},
		{"算力规模突破160Eflops", []want{{"160Eflops", 160, "EFLOPS", "突破"}}},
		{"累计实施改造的楼栋数达200余栋", []want{{"200余栋", 200, "栋", "余"}}},
		{"货物周转量1468.83亿吨公里", []want{{"1468.83亿吨公里", 1468.83e8, "吨公里", ""}}},
	}
	for _, tc := range tests {
		got := ParseQuantities(tc.in)
		if len(got) != len(tc.want) {
			t.Errorf("ParseQuantities(%q) = %d quantities %+v, want %d", tc.in, len(got), got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			if g.Text != w.text || math.Abs(g.Value-w.value) > 1e-6*math.Max(1, math.Abs(w.value)) || g.Unit != w.unit || g.Qualifier != w.qual {
				t.Errorf("ParseQuantities(%q)[%d] = {%q %v %q %q}, want {%q %v %q %q}", tc.in, i, g.Text, g.Value, g.Unit, g.Qualifier, w.text, w.value, w.unit, w.qual)
			}
			if tc.in[g.Start:g.End] != g.Text {
				t.Errorf("ParseQuantities(%q)[%d]: offsets %d:%d give %q, not %q", tc.in, i, g.Start, g.End, tc.in[g.Start:g.End], g.Text)
			}
		}
	}
}

func TestRangeMax(t *testing.T) {
	q := ParseQuantities("增长4.5%—5%")
	if len(q) != 1 || q[0].Value != 4.5 || q[0].Max != 5 {
		t.Fatalf("got %+v, want 4.5 to 5", q)
	}
}

func TestParseChineseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"七", 7, true}, {"十", 10, true}, {"十五", 15, true}, {"二十", 20, true}, {"两千", 2000, true},
		{"三千二百", 3200, true}, {"一万零五百", 10500, true}, {"三亿五千万", 3.5e8, true}, {"二百○八", 208, true},
		{"二〇二〇", 2020, true}, {"十四五", 0, false}, {"万", 1e4, true}, {"", 0, false}, {"百", 0, false},
	}
	for _, tc := range tests {
		got, ok := ParseChineseNumber(tc.in)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("ParseChineseNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzParseQuantities(f *testing.F) {
	for _, s := range []string{"新增养老床位6341张", "22.1亿元", "4.5%—5%", "连续七次", "1,234.5亿元", "ＧＤＰ增长５．５％", "三亿五千万元", "-19%", "2—3个百分点", "9999999999999999999999999999万亿元"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		qs := ParseQuantities(s)
		last := 0
		for _, q := range qs {
			if q.Start < last || q.End <= q.Start || q.End > len(s) || q.Prefix > q.Start {
				t.Fatalf("bad offsets %+v in %q", q, s)
			}
			if s[q.Start:q.End] != q.Text {
				t.Fatalf("text %q is not s[%d:%d] of %q", q.Text, q.Start, q.End, s)
			}
			if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
				t.Fatalf("value %v for %q", q.Value, q.Text)
			}
			if utf8.ValidString(s) && !utf8.ValidString(q.Text) {
				t.Fatalf("invalid UTF-8 text %q", q.Text)
			}
			if strings.TrimSpace(q.Text) == "" {
				t.Fatalf("empty figure in %q", s)
			}
			last = q.End
		}
	})
}

func BenchmarkParseQuantities(b *testing.B) {
	data, err := os.ReadFile("../seeds/hanyang_2020_plan_report.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		ParseQuantities(text)
	}
}

func TestParseRanks(t *testing.T) {
	tests := []struct {
		text string
		want []string
		vals []float64
	}{
		{"境内上市公司数量增至184家、居全国第7位。", []string{"第7位"}, []float64{7}},
		{"沿海港口货物吞吐量突破20亿吨、居全国首位，内陆港达到51个。", []string{"首位"}, []float64{1}},
		{"综合实力跃居全省第三，", []string{"第三"}, []float64{3}},
		{"第二产业增加值增长5%，第一批试点", nil, nil},
	}
	for _, tc := range tests {
		got := ParseRanks(tc.text)
		var texts []string
		var vals []float64
		for _, q := range got {
			texts = append(texts, q.Text)
			vals = append(vals, q.Value)
		}
		if !slices.Equal(texts, tc.want) || !slices.Equal(vals, tc.vals) {
			t.Errorf("ParseRanks(%q) = %q %v, want %q %v", tc.text, texts, vals, tc.want, tc.vals)
		}
	}
}

func TestScaledHasNoNoise(t *testing.T) {
	for text, want := range map[string]float64{"652.43万吨": 6524300, "108844.06亿元": 10884406000000, "0.94万家": 9400, "4.5万—5.5万人": 45000} {
		q := ParseQuantities(text)
		if len(q) == 0 || q[0].Value != want {
			t.Errorf("%s: %+v, want value %v", text, q, want)
		}
	}
}

// Full-width thousands separators (878，631万元) make one figure and no
// clause break; a comma after a figure of more than three digits, or
// before fewer than three, is a clause break.
func TestFullWidthThousands(t *testing.T) {
	for text, want := range map[string][]float64{
		"全市债务余额5，176，067万元，较2024年增加768，805万元": {5176067e4, 768805e4},
		"收入59．34亿元，增长10．31%":                  {59.34e8, 10.31},
		"新建学校1200，新增学位2，500个":                 {1200, 2500},
		"分别为12，34，56个":                        {12, 34, 56},
	} {
		var got []float64
		for _, q := range ParseQuantities(text) {
			got = append(got, q.Value)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: values %v, want %v", text, got, want)
		}
	}
	text := "全市债务余额5，176，067万元，较2024年增加768，805万元"
	if l := clauses(text); len(l.breaks) != 1 {
		t.Errorf("%s: clause breaks at %v, want one", text, l.breaks)
	}
}

// A note mark ([2]) is no figure, stands aside, and leaves the change verb
// before it the figure's.
func TestFootnoteMarks(t *testing.T) {
	qs := ParseQuantities("初步核算，全年国内生产总值[2]1349084亿元，比上年增长5.0%。")
	if len(qs) != 2 || qs[0].Text != "1349084亿元" {
		t.Errorf("figures %+v, want 1349084亿元 and 5.0%%", qs)
	}
	text := "全年房地产开发投资100280亿元，比上年下降[47]10.6%。"
	if at := strings.Index(text, "10.6"); !changeFigure(text, at) {
		t.Errorf("下降[47]10.6%%: not a change")
	}
	if got := asideSpans("生产总值[2]1349084亿元"); len(got) != 1 {
		t.Errorf("asides %v, want the note mark", got)
	}
}
