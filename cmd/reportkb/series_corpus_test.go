package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportkb/qa/series"
)

// provinceGDP2025 is each province's 2025 GDP growth target (its 2025
// report) and outcome (its 2026 report), checked by hand against the
// reports.
var provinceGDP2025 = map[string][2]string{
	"安徽省": {"5.5%以上", "5.5%"}, "北京市": {"5%左右", "5.4%"}, "重庆市": {"6%左右", "5.3%"}, "福建省": {"5.0%—5.5%", "5%"},
	"甘肃省": {"5.5%左右", "5.8%"}, "广东省": {"5%左右", "3.9%"}, "广西壮族自治区": {"5%左右", "5.1%"}, "贵州省": {"5.5%左右", "4.9%"},
	"海南省": {"6%以上", "4%"}, "河北省": {"5%以上", "5.6%"}, "黑龙江省": {"5%左右", "4.2%"}, "河南省": {"5.5%左右", "5.6%"},
	"湖北省": {"6％左右", "5.5%"}, "湖南省": {"5.5%左右", "4.8%"}, "江苏省": {"5%以上", "5.3%"}, "江西省": {"5%左右", "5.2%"},
	"吉林省": {"5.5％左右", "5%"}, "辽宁省": {"5%以上", "3.7%"}, "内蒙古自治区": {"6%左右", "4.7%"}, "宁夏回族自治区": {"5.5%左右", "5.3%"},
	"青海省": {"4.5%左右", "4.1%"}, "陕西省": {"5%左右", "5.1％"}, "山东省": {"5%以上", "5.5%"}, "上海市": {"5%左右", "5.4%"},
	"山西省": {"5%左右", "4%"}, "四川省": {"5.5%以上", "5.5%"}, "天津市": {"5％左右", "4.8%"}, "新疆维吾尔自治区": {"6%左右", "5.5%"},
	"西藏自治区": {"7%以上", "7%"}, "云南省": {"5%左右", "4.1%"}, "浙江省": {"5.5%左右", "5.5%"},
}

// nationalGDP is the national GDP growth target and outcome of each year
// 1992–2024 wherever the reports state them, read from the reports by
// hand: the target in the year's report, the outcome in the next year's
// ("" where the corpus does not state one: no report of 1996 and 2020,
// and the reports of 2000–2002 name no yearly target; those of 2000 and
// 2008 no yearly outcome).
var nationalGDP = map[int][2]string{
	1992: {"百分之六", "百分之十二点八"}, 1993: {"百分之八", "百分之十三点四"}, 1994: {"百分之九", "百分之十一点八"},
	1995: {"百分之八至九", ""}, 1996: {"", "９．７％"}, 1997: {"８％", "8．8％"}, 1998: {"8％", "7.8％"}, 1999: {"7％左右", ""},
	2001: {"", "７．３％"}, 2003: {"7%左右", "9.1%"}, 2004: {"7%左右", "9.5%"}, 2005: {"8%左右", "9.9%"}, 2006: {"8%左右", "10.7%"},
	2007: {"8%左右", ""}, 2008: {"8%左右", "9%"}, 2009: {"8%左右", "8.7%"}, 2010: {"8％左右", "10.3%"}, 2011: {"8%左右", "9.2％"},
	2012: {"7.5％", "7.8%"}, 2013: {"7.5%左右", "7.7%"}, 2014: {"7.5%左右", "7.4%"}, 2015: {"7%左右", "6.9%"},
	2016: {"6.5%－7%", "6.7%"}, 2017: {"6.5%左右", "6.9%"}, 2018: {"6.5%左右", "6.6%"}, 2019: {"6%－6.5%", ""},
	2020: {"", "2.3％"}, 2021: {"6%以上", "8.1%"}, 2022: {"5.5%左右", "3%"}, 2023: {"5%左右", "5.2%"}, 2024: {"5%左右", "5%"},
}

func text(c *series.Cell) string {
	if c == nil {
		return ""
	}
	return c.Text
}

// checkCite checks that a cell's byte offsets hold its figure, and its
// sentence offsets the sentence, in the report file.
func checkCite(t *testing.T, c *series.Cell) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir, c.Doc+".txt"))
	if err != nil {
		t.Errorf("cell cites %s: %v", c.Doc, err)
		return
	}
	squash := func(b []byte) string { return strings.Join(strings.Fields(string(b)), "") }
	if c.Start < 0 || c.End > len(data) || squash(data[c.Start:c.End]) != squash([]byte(c.Text)) {
		t.Errorf("%s %d–%d: the file holds %q, the cell says %q", c.Doc, c.Start, c.End, data[max(0, c.Start):min(len(data), c.End)], c.Text)
	}
	if c.SentenceStart > c.Start || c.SentenceEnd < c.End || !strings.Contains(squash(data[c.SentenceStart:c.SentenceEnd]), squash([]byte(c.Text))) {
		t.Errorf("%s: sentence %d–%d does not hold %q", c.Doc, c.SentenceStart, c.SentenceEnd, c.Text)
	}
}

// TestSeriesOverCorpus lines indicators up over the whole corpus: GDP
// growth of the 31 provinces in 2025 and of the nation 1992–2024 must be
// complete and right, cell by cell, with offsets that hold the figures;
// other indicators must keep their coverage.
func TestSeriesOverCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("indexing the whole corpus; skipped with -short")
	}
	eng := corpusKB(t)
	b := series.New(series.Config{Index: corpusIdx, Engine: eng})

	tbl, err := b.Series(series.Query{Indicator: "地区生产总值增长", Level: "province", Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range tbl.Rows {
		seen[r.Region] = true
		want, ok := provinceGDP2025[r.Region]
		if !ok {
			t.Errorf("row of %s", r.Region)
			continue
		}
		if text(r.Target) != want[0] || text(r.Outcome) != want[1] {
			t.Errorf("%s 2025: target %q outcome %q, want %q %q", r.Region, text(r.Target), text(r.Outcome), want[0], want[1])
		}
		for _, c := range []*series.Cell{r.Target, r.Outcome} {
			if c != nil {
				checkCite(t, c)
			}
		}
		if r.Target != nil && !strings.Contains(r.Target.Doc, "2025") || r.Outcome != nil && !strings.Contains(r.Outcome.Doc, "2026") {
			t.Errorf("%s: target from %s, outcome from %s", r.Region, r.Target.Doc, r.Outcome.Doc)
		}
	}
	for p := range provinceGDP2025 {
		if !seen[p] {
			t.Errorf("no row of %s", p)
		}
	}

	tbl, err = b.Series(series.Query{Indicator: "国内生产总值增长", Region: "全国", From: 1992, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int][2]string{}
	for _, r := range tbl.Rows {
		got[r.Year] = [2]string{text(r.Target), text(r.Outcome)}
		for _, c := range []*series.Cell{r.Target, r.Outcome} {
			if c != nil {
				checkCite(t, c)
			}
		}
	}
	filled, possible := 0, 0
	for y := 1992; y <= 2024; y++ {
		if got[y] != nationalGDP[y] {
			t.Errorf("national %d: target %q outcome %q, want %q %q", y, got[y][0], got[y][1], nationalGDP[y][0], nationalGDP[y][1])
		}
		for i := range 2 {
			if nationalGDP[y][i] != "" {
				possible++
				if got[y][i] != "" {
					filled++
				}
			}
		}
	}
	t.Logf("national GDP growth 1992–2024: %d of %d stated cells filled", filled, possible)

	// Coverage of other indicators, provinces 2025 (cells filled of 31
	// possible targets and 31 outcomes): it must not drop.
	for _, c := range []struct {
		ind              string
		targets, outcome int
	}{
		{"urban_jobs", 29, 21}, {"cpi", 26, 0}, {"budget_revenue_growth", 17, 18}, {"retail_sales_growth", 20, 20},
		{"fixed_asset_investment_growth", 19, 7}, {"industrial_value_added_growth", 15, 17}, {"unemployment_surveyed", 26, 7},
		{"grain", 17, 12}, {"income_urban_growth", 6, 10}, {"income_rural_growth", 5, 9},
	} {
		tbl, err := b.Series(series.Query{Indicator: c.ind, Level: "province", Year: 2025})
		if err != nil {
			t.Fatal(err)
		}
		nt, no := 0, 0
		for _, r := range tbl.Rows {
			for _, cell := range []*series.Cell{r.Target, r.Outcome} {
				if cell != nil {
					checkCite(t, cell)
				}
			}
			if r.Target != nil {
				nt++
			}
			if r.Outcome != nil {
				no++
			}
		}
		t.Logf("%-32s provinces 2025: targets %2d/31, outcomes %2d/31", c.ind, nt, no)
		if nt < c.targets || no < c.outcome {
			t.Errorf("%s: %d targets and %d outcomes, want at least %d and %d", c.ind, nt, no, c.targets, c.outcome)
		}
	}
}
