package series

import (
	"testing"

	"reportkb/qa/indicator"
)

func TestMet(t *testing.T) {
	cat := indicator.Default()
	growth, cpi, jobs, spend := cat.ByID("gdp_growth"), cat.ByID("cpi"), cat.ByID("urban_jobs"), cat.ByID("budget_expenditure")
	cell := func(lo, hi float64, qual string) *Cell { return &Cell{Low: lo, High: hi, Qualifier: qual} }
	tests := []struct {
		name            string
		ind             *indicator.Indicator
		target, outcome *Cell
		want            any // true, false or nil
	}{
		{"reached", growth, cell(5, 5, ""), cell(5, 5, ""), true},
		{"short", growth, cell(5, 5, ""), cell(4.9, 4.9, ""), false},
		{"左右 within half a point", growth, cell(5, 5, "左右"), cell(4.5, 4.5, ""), true},
		{"左右 beyond half a point", growth, cell(5, 5, "左右"), cell(4.4, 4.4, ""), false},
		{"以上 strictly", growth, cell(5, 5, "以上"), cell(4.9, 4.9, ""), false},
		{"range: the lower end", growth, cell(6.5, 7, ""), cell(6.7, 6.7, ""), true},
		{"range missed", growth, cell(6.5, 7, ""), cell(6.4, 6.4, ""), false},
		{"prices under the ceiling", cpi, cell(3, 3, "左右"), cell(0.2, 0.2, ""), true},
		{"prices over it by more than half a point", cpi, cell(2, 2, "左右"), cell(2.6, 2.6, ""), false},
		{"prices at a 以内 ceiling", cpi, cell(3, 3, "以内"), cell(3, 3, ""), true},
		{"amounts: 1% for 左右", jobs, cell(65, 65, "左右"), cell(64.5, 64.5, ""), true},
		{"amounts missed", jobs, cell(65, 65, ""), cell(64.5, 64.5, ""), false},
		{"not judged", spend, cell(1, 1, ""), cell(2, 2, ""), nil},
		{"no outcome", growth, cell(5, 5, ""), nil, nil},
	}
	for _, tc := range tests {
		got := Met(tc.ind, tc.target, tc.outcome)
		switch want := tc.want.(type) {
		case nil:
			if got != nil {
				t.Errorf("%s: met %v, want null", tc.name, *got)
			}
		case bool:
			if got == nil || *got != want {
				t.Errorf("%s: met %v, want %v", tc.name, got, want)
			}
		}
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "@SUM": "'@SUM", "-2": "-2", "+2": "+2", "-2x": "'-2x", "＝1": "'＝1", "\t": "'\t", "\r": "'\r", "2": "2", "安徽": "安徽"} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q", in, got)
		}
	}
}
