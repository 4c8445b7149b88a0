package place

import (
	"strings"
	"testing"
)

func TestShortForms(t *testing.T) {
	for _, c := range []struct{ name, level, want string }{
		{"喀什地区", City, "喀什"},
		{"楚雄彝族自治州", City, "楚雄州 楚雄"},
		{"恩施土家族苗族自治州", City, "恩施州 恩施"},
		{"克孜勒苏柯尔克孜自治州", City, "克孜勒苏州 克孜勒苏"},
		{"巴音郭楞蒙古自治州", City, "巴音郭楞州 巴音郭楞"},
		{"大理白族自治州", City, "大理州 大理"},
		{"锡林郭勒盟", City, "锡林郭勒"},
		{"保定市", City, "保定"},
		{"广西壮族自治区", Province, "广西"},
		{"内蒙古自治区", Province, "内蒙古"},
		{"上海市", Province, "上海"},
		{"海拉尔区", District, "海拉尔"},
		{"滨海新区", District, "滨海"},
		{"管城回族区", District, "管城区 管城"},
		{"梅里斯达斡尔族区", District, "梅里斯区 梅里斯"},
		{"回民区", District, "回民"},
		{"长阳土家族自治县", County, "长阳"},
		{"和县", County, ""},
		{"准格尔旗", County, "准格尔"},
		{"科尔沁右翼中旗", County, "科尔沁右翼中 科右中旗"},
		{"察哈尔右翼后旗", County, "察哈尔右翼后 察右后旗"},
		{"土默特左旗", County, "土默特左 土左旗"},
		{"杭锦后旗", County, "杭锦后 杭后旗"},
		{"鄂托克旗", County, "鄂托克"},
		{"正镶白旗", County, "正镶白"},
		{"莫力达瓦达斡尔族自治旗", County, "莫力达瓦"},
		{"楚雄市", County, "楚雄"},
		{"神农架林区", County, "神农架"},
	} {
		if got := strings.Join(ShortForms(c.name, c.level), " "); got != c.want {
			t.Errorf("ShortForms(%s) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestLookup(t *testing.T) {
	for _, c := range []struct {
		name string
		want string // full names with levels, in order
	}{
		{"喀什", "喀什地区/city 喀什市/county"},
		{"恩施州", "恩施土家族苗族自治州/city"},
		{"吉林", "吉林省/province 吉林市/city"},
		{"汉阳区", "汉阳区/district"},
		{"克州", "克孜勒苏柯尔克孜自治州/city"},
		{"呼市", "呼和浩特市/city"},
		{"全国", "全国/national"},
		{"中国", "全国/national"},
		{"海淀", "海淀区/district"},
		{"火星", ""},
		// County-level cities (codes ending 81–99) are counties; codes
		// ending 71–79 are development zones.
		{"靖江", "靖江市/county"},
		{"江阴市", "江阴市/county"},
		{"石家庄高新技术产业开发区", "石家庄高新技术产业开发区/zone"},
	} {
		var got []string
		for _, d := range Lookup(c.name) {
			got = append(got, d.Name+"/"+d.Level)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("Lookup(%s) = %q, want %q", c.name, g, c.want)
		}
	}
}

func TestHierarchy(t *testing.T) {
	hy := Lookup("汉阳区")[0]
	if hy.City() == nil || hy.City().Name != "武汉市" || hy.Province().Name != "湖北省" {
		t.Fatalf("汉阳区: city %v province %v", hy.City(), hy.Province())
	}
	if !hy.Within(Lookup("湖北")[0]) || !hy.Within(Nation) || hy.Within(Lookup("湖南")[0]) {
		t.Error("Within")
	}
	// A district of a municipality lies in the municipality.
	hd := Lookup("海淀区")[0]
	if hd.Parent == nil || hd.Parent.Name != "北京市" {
		t.Errorf("海淀区 parent = %v", hd.Parent)
	}
	// A county under the province directly.
	xt := Lookup("仙桃市")[0]
	if xt.Parent == nil || xt.Parent.Name != "湖北省" || xt.Level != County {
		t.Errorf("仙桃市: %+v", xt)
	}
	if p := ByCode("4201"); p == nil || p.Name != "武汉市" {
		t.Errorf("ByCode(4201) = %v", p)
	}
	var path []string
	for _, d := range hy.Path() {
		path = append(path, d.Name)
	}
	if strings.Join(path, ">") != "湖北省>武汉市>汉阳区" {
		t.Errorf("Path = %v", path)
	}
}

func TestFind(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"喀什去年GDP多少", "喀什"},
		{"恩施州的粮食产量", "恩施州"},
		{"湖北省武汉市汉阳区", "湖北省 武汉市 汉阳区"},
		{"和平区有多少学校", "和平区"},
		{"世界和平与发展", ""},  // 和平 is a word
		{"城区人口", ""},     // 城区 too
		{"大兴调查研究之风", ""}, // 大兴 of 大兴区
		{"呼市的税收", "呼市"},
		// A short form across two words is no name: 资金|安排, 隆重|庆祝,
		// 中小|金融, 医保|定点. Its full name, a suffix, or a neighbour
		// that makes no word with it names the place.
		{"资金安排主要用于", ""},
		{"我们隆重庆祝改革开放", ""},
		{"推进中小金融机构", ""},
		{"医保定点社区", ""},
		{"重庆去年GDP", "重庆"},
		{"在重庆召开", "重庆"},
		{"资金安排到金安区", "金安区"},
		{"金安的资金安排", "金安"},
	} {
		var got []string
		for _, m := range Find(c.text) {
			got = append(got, m.Text)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("Find(%s) = %q, want %q", c.text, g, c.want)
		}
	}
}

func TestTable(t *testing.T) {
	n := map[string]int{}
	for _, d := range All() {
		n[d.Level]++
		if d.Level != Province && d.Parent == nil {
			t.Errorf("%s %s has no parent", d.Code, d.Name)
		}
	}
	if n[Province] != 34 || n[City] < 330 || n[County] < 1500 || n[District] < 900 {
		t.Errorf("levels = %v", n)
	}
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("关于楚雄市2025年地方财政预算执行情况和2026年地方财政预算草案的报告，全州一般公共预算收入", 10)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Find(text)
	}
}

func TestFromSlug(t *testing.T) {
	for _, c := range []struct {
		id, want string
		words    int
	}{
		{"guangdong_shenzhen_futian_2023_gov_work_report", "福田区", 3},
		{"henan_hebi_2025_stat_bulletin", "鹤壁市", 2},
		{"jiangsu_taizhou_2025_stat_bulletin", "泰州市", 2},       // not 台州 of Zhejiang
		{"zhejiang_taizhou_2025_stat_bulletin", "台州市", 2},      // not 泰州 of Jiangsu
		{"jiangxi_yichun_wanzai_2015_stat_bulletin", "万载县", 3}, // 宜春, not 伊春
		{"hainan_2023_budget_report", "海南省", 1},                // the province, not 海南州
		{"neimenggu_hohhot_2025_budget_report", "呼和浩特市", 2},
		{"hanyang_2020_plan_report", "汉阳区", 1},
		{"jiangxi_nanchang_nanchangxian_2019_stat_bulletin", "南昌县", 2}, // the full name spelled (nanchang: the city or the county)
		{"henan_jiaozuo_wenxian_2021_final_accounts", "温县", 3},         // a county of one syllable
		{"neimenggu_xinganmeng_keyouzhongqi_2022_plan_report", "科尔沁右翼中旗", 3},
		{"national_2024_audit_report", "", 0},
		{"seed", "", 0},
	} {
		d, n := FromSlug(c.id)
		got := ""
		if d != nil {
			got = d.Name
		}
		if got != c.want || n != c.words {
			t.Errorf("FromSlug(%s) = %s, %d; want %s, %d", c.id, got, n, c.want, c.words)
		}
	}
}
