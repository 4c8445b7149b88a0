package indicator

import (
	"math"
	"testing"
)

func TestCatalogue(t *testing.T) {
	c := Default()
	if n := len(c.All()); n < 30 {
		t.Errorf("%d indicators", n)
	}
	// The indicators the catalogue must hold.
	for _, id := range []string{"gdp", "gdp_growth", "gdp_per_capita", "budget_revenue", "budget_revenue_growth", "budget_expenditure",
		"fixed_asset_investment_growth", "retail_sales_growth", "trade", "trade_growth", "industrial_value_added_growth", "cpi",
		"urban_jobs", "unemployment_surveyed", "unemployment_registered", "income_urban", "income_rural_growth", "grain",
		"energy_intensity_cut", "government_debt", "gross_social_product_growth"} {
		if c.ByID(id) == nil {
			t.Errorf("no indicator %s", id)
		}
	}
	for _, bad := range []string{`{`, `{"families":[{"family":"x","indicators":[{"id":"a","name":"A","unit":"%","kind":"rate"}]}]}`,
		`{"families":[{"family":"x","words":["甲"],"indicators":[{"id":"a","name":"A","unit":"%","kind":"level"}]},{"family":"y","words":["甲"],"indicators":[{"id":"b","name":"B","unit":"%","kind":"level"}]}]}`} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%s) accepted", bad)
		}
	}
}

func TestLookup(t *testing.T) {
	c := Default()
	for name, want := range map[string]string{
		"地区生产总值增长": "gdp_growth", "国内生产总值增长": "gdp_growth", "GDP growth": "gdp_growth", "gdp_growth": "gdp_growth",
		"经济增长": "gdp_growth", "GDP增速": "gdp_growth", "地区生产总值": "gdp", "国民生产总值": "gdp", "人均GDP": "gdp_per_capita",
		"城镇新增就业": "urban_jobs", "new urban jobs": "urban_jobs", "CPI": "cpi", "居民消费价格涨幅": "cpi",
		"农村居民人均可支配收入增长": "income_rural_growth", "单位GDP能耗": "energy_intensity_cut", "社会总产值增长": "gross_social_product_growth",
		"surveyed urban unemployment rate": "unemployment_surveyed", "各省2025年GDP增长目标是多少": "gdp_growth",
	} {
		if ind := c.Lookup(name); ind == nil || ind.ID != want {
			t.Errorf("Lookup(%q) = %v, want %s", name, ind, want)
		}
	}
	if ind := c.Lookup("养老床位"); ind != nil {
		t.Errorf("Lookup(养老床位) = %s", ind.ID)
	}
}

func TestMatch(t *testing.T) {
	c := Default()
	anhui := []string{"安徽省", "安徽"}
	tests := []struct {
		m    Mention
		want string // id, or "" for none; a leading - for a fall
	}{
		{Mention{Lead: "全省地区生产总值增长", Unit: "%", Places: anhui}, "gdp_growth"},
		{Mention{Lead: "安徽省地区生产总值比上年增长", Unit: "%", Places: anhui}, "gdp_growth"},
		{Mention{Lead: "预计全市地区生产总值增长", Unit: "%"}, "gdp_growth"},
		{Mention{Lead: "全省地区生产总值", Unit: "元", Places: anhui}, "gdp"},
		{Mention{Lead: "全省地区生产总值5.3万亿元、增长", Subject: "地区生产总值", Unit: "%"}, "gdp_growth"},
		{Mention{Lead: "人均地区生产总值", Unit: "元"}, "gdp_per_capita"},
		{Mention{Lead: "单位地区生产总值能耗下降", Unit: "%"}, "energy_intensity_cut"},
		{Mention{Lead: "单位地区生产总值能耗上升", Unit: "%"}, "-energy_intensity_cut"},
		{Mention{Lead: "城市副中心和平原新城地区生产总值增长", Unit: "%"}, ""},
		{Mention{Lead: "地区生产总值年均增长", Unit: "%"}, ""},
		{Mention{Lead: "全国国内生产总值增长", Unit: "%", Places: anhui}, ""},
		{Mention{Lead: "全国国内生产总值增长", Unit: "%", National: true}, "gdp_growth"},
		{Mention{Lead: "固定资产投资下降", Unit: "%"}, "-fixed_asset_investment_growth"},
		{Mention{Lead: "固定资产投资（不含农户）增长", Unit: "%"}, "fixed_asset_investment_growth"},
		{Mention{Lead: "居民消费价格涨幅", Unit: "%"}, "cpi"},
		{Mention{Lead: "居民消费价格下降", Unit: "%"}, "-cpi"},
		{Mention{Lead: "城镇调查失业率控制在", Unit: "%"}, "unemployment_surveyed"},
		{Mention{Lead: "年末城镇调查失业率降到", Unit: "%"}, "unemployment_surveyed"},
		{Mention{Lead: "城镇调查失业率下降", Unit: "百分点"}, ""},
		{Mention{Lead: "城镇新增就业", Unit: "人"}, "urban_jobs"},
		{Mention{Lead: "粮食产量稳定在", Unit: "斤"}, "grain"},
		{Mention{Lead: "进出口总额", Unit: "美元"}, ""},
		{Mention{Lead: "出口增长", Unit: "%"}, "exports_growth"},
		{Mention{Lead: "进出口增长", Unit: "%"}, "trade_growth"},
		{Mention{Lead: "今年的经济增长预期为", Unit: "%", National: true}, "gdp_growth"},
		{Mention{Lead: "中央提出今年经济增长预期目标为", Unit: "%", National: true}, "gdp_growth"},
		{Mention{Lead: "定为", Context: "今年经济增长速度的宏观调控目标，定为", Unit: "%", National: true}, "gdp_growth"},
		{Mention{Lead: "比上年增长", Context: "２００１年国内生产总值达到９５９３３亿元，比上年增长", Unit: "%", National: true}, "gdp_growth"},
		{Mention{Lead: "城镇、农村常住居民人均可支配收入分别增长4.4%、", Subject: "农村常住居民人均可支配收入", Unit: "%"}, "income_rural_growth"},
		{Mention{Lead: "城镇、农村常住居民人均可支配收入分别增长", Subject: "城镇常住居民人均可支配收入", Unit: "%"}, "income_urban_growth"},
		{Mention{Lead: "新增养老床位", Unit: "张"}, ""},
	}
	for _, tc := range tests {
		m, ok := c.Match(tc.m)
		got := ""
		if ok {
			got = m.Indicator.ID
			if m.Sign < 0 {
				got = "-" + got
			}
		}
		if got != tc.want {
			t.Errorf("Match(%+v) = %q (via %s), want %q", tc.m, got, m.Via, tc.want)
		}
	}
}

func TestConvert(t *testing.T) {
	for _, tc := range []struct {
		v        float64
		from, to string
		want     float64
		ok       bool
	}{
		{5.3e12, "元", "亿元", 53000, true}, {2.8076e10, "斤", "万吨", 1403.8, true}, {6.5e5, "人", "万人", 65, true},
		{5, "%", "%", 5, true}, {1, "美元", "亿元", 0, false}, {1, "百分点", "%", 0, false},
	} {
		got, ok := Convert(tc.v, tc.from, tc.to)
		if ok != tc.ok || ok && math.Abs(got-tc.want) > 1e-6 {
			t.Errorf("Convert(%v, %s, %s) = %v, %v", tc.v, tc.from, tc.to, got, ok)
		}
	}
}
