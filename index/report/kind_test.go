package report

import "testing"

// A report's kind is read from its title, in the words budget and other
// reports are published under.
func TestKindOfTitle(t *testing.T) {
	for title, want := range map[string]string{
		"中卫市2026年政府预算信息公开":                BudgetReport,
		"关于南阳市2019年预算执行情况和2020年市级预算草案的报告": BudgetReport,
		"江门市人民政府关于2025年江门市本级财政预算调整方案的报告":  OtherReport,
		"2024年度市本级决算公开":                   FinalAccounts,
		"2025年某市国民经济和社会发展统计公报":            StatBulletin,
		"政府工作报告": WorkReport,
	} {
		if got := kindOf(title); got != want {
			t.Errorf("kindOf(%s) = %q, want %q", title, got, want)
		}
	}
}

// A budget published as 预算信息公开 plans the year its title names and
// reviews the year before.
func TestBudgetDisclosureYears(t *testing.T) {
	text := "中卫市 2026 年政府预算信息公开\n\n关于 2025 年全市及市本级预算执行情况和 2026 年全市及市本级预算草案的报告\n\n2025年，全市地方一般公共预算收入33.67亿元，增长5.2%。2026年全市地方一般公共预算收入预计35亿元。\n"
	m := Parse("ningxia_zhongwei_2025_budget_report", []byte(text)).Meta
	if m.Kind != BudgetReport || m.ReviewYear != 2025 || m.PlanYear != 2026 || m.Year != 2026 {
		t.Errorf("meta %s, review %d, plan %d, year %d; want a budget report reviewing 2025 for 2026, of 2026", m.Kind, m.ReviewYear, m.PlanYear, m.Year)
	}
}
