package qa

import (
	"context"
	"testing"

	"reportkb/index"
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
	x, err := index.Open(index.Config{Dir: t.TempDir(), Segmenter: testSegmenter(), SegmenterName: "maxmatch",
		Seeds: []index.Source{{Name: "headed_2024_budget_report.txt", Data: []byte(headedReport)}}})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	e := New(Config{Index: x})
	for q, want := range map[string]string{
		"全市一般公共预算收入是多少亿元？": "311.8亿元",
		"政府性基金预算支出多少亿元？":   "200.1亿元",
	} {
		r, err := e.Ask(context.Background(), Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Answers) == 0 || r.Answers[0].Text != want {
			t.Errorf("%s: %+v, want %s", q, r.Answers, want)
		}
	}
}

func TestSubjectHeading(t *testing.T) {
	for h, want := range map[string]bool{
		"1．一般公共预算完成情况。": true, "政府性基金预算": true, "社会保险基金收支情况": true, "（二）全市债务": true,
		"着力保障和改善民生": false, "二、2025年工作安排": false, "": false,
	} {
		v := &sentView{heading: h}
		if got := v.subjectHeading(); got != want {
			t.Errorf("subjectHeading(%q) = %v, want %v", h, got, want)
		}
	}
}
