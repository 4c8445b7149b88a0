package qa

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"reportkb/index"
)

// noSpace removes white space, as OCR put it between characters.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\u200b' {
			return -1
		}
		return r
	}, s)
}

// TestFactOffsets checks, for every fact of the seed and of the test
// reports, that the original bytes at its offsets are its text.
func TestFactOffsets(t *testing.T) {
	dir := t.TempDir()
	x, err := index.Open(index.Config{Dir: dir, Segmenter: testSegmenter(), SegmenterName: "maxmatch"})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	files, _ := filepath.Glob("../testdata/reports/*.txt")
	files = append(files, "../seeds/hanyang_2020_plan_report.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := x.Add(filepath.Base(f), data); err != nil {
			t.Fatal(err)
		}
	}
	eng := New(Config{Index: x})
	total := 0
	for _, en := range x.Docs() {
		data := en.Text()
		facts := eng.Facts(en)
		if len(facts) < 50 {
			t.Errorf("%s: only %d facts", en.Doc.ID, len(facts))
		}
		for _, f := range facts {
			total++
			if f.Start < 0 || f.End > len(data) || f.Start >= f.End {
				t.Fatalf("%s: fact %q has offsets %d:%d", en.Doc.ID, f.Text, f.Start, f.End)
			}
			if got := noSpace(string(data[f.Start:f.End])); got != noSpace(f.Text) {
				t.Errorf("%s line %d: original bytes %q, fact text %q", en.Doc.ID, f.Line, got, f.Text)
			}
			if f.Line < 1 || !strings.Contains(f.Sentence, strings.ReplaceAll(f.Text, " ", "")) && f.Column == "" {
				t.Errorf("%s: fact %q not in its sentence %q", en.Doc.ID, f.Text, f.Sentence)
			}
		}
	}
	t.Logf("%d facts checked", total)
	seed, _ := x.Doc("hanyang_2020_plan_report")
	facts := eng.Facts(seed)
	if len(facts) < 200 {
		t.Errorf("the seed has %d facts, want several hundred", len(facts))
	}
	found := false
	for _, f := range facts {
		if f.Text == "6341张" {
			found = true
			if f.Subject != "养老床位" || f.Aspect != "新增" || f.Page != 10 || f.Period != 2020 || f.Plan {
				t.Errorf("fact 6341张 = %+v", f)
			}
		}
	}
	if !found {
		t.Error("no fact 6341张")
	}
	// Queries.
	got, total2, err := eng.QueryFacts(FactQuery{Doc: "hanyang_2020_plan_report", Subject: "床位", Unit: "张"})
	if err != nil || total2 == 0 || got[0].Unit != "张" {
		t.Errorf("query by subject and unit: %v %d %+v", err, total2, got)
	}
	got, _, _ = eng.QueryFacts(FactQuery{Doc: "hanyang_2020_plan_report", Period: 2021, Limit: 5})
	for _, f := range got {
		if f.Period != 2021 {
			t.Errorf("period filter let %+v through", f)
		}
	}
	if _, _, err := eng.QueryFacts(FactQuery{Doc: "nope"}); err == nil {
		t.Error("unknown document accepted")
	}
}

func TestSubjectOf(t *testing.T) {
	tests := []struct {
		text, figure, subject, aspect string
	}{
		{"新增养老床位6341张，", "6341张", "养老床位", "新增"},
		{"地区生产总值增长10%，", "10%", "地区生产总值", "增长"},
		{"以最快速度建造3座方舱医院，", "3座", "方舱医院", "建造"},
		{"在全区设立426个“无接触投递接收点”，", "426个", "无接触投递接收点", "设立"},
		{"全年累计减税降费22.1亿元。", "22.1亿元", "减税降费", "累计"},
		{"九江港完成货物吞吐量1.8亿吨,", "1.8亿吨", "九江港货物吞吐量", "完成"},
	}
	for _, tc := range tests {
		k := strings.Index(tc.text, tc.figure)
		subject, aspect := subjectOf(tc.text, k, k+len(tc.figure))
		if subject != tc.subject || aspect != tc.aspect {
			t.Errorf("subjectOf(%q) = %q, %q; want %q, %q", tc.text, subject, aspect, tc.subject, tc.aspect)
		}
	}
}
