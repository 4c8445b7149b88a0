package index

import (
	"testing"

	"github.com/blevesearch/bleve/v2/mapping"

	"reportkb/index/segment"
)

func TestTextField(t *testing.T) {
	// 教育支出增长 segmented in search mode: 教育, 支出, 教育支出 … with
	// offsets into the paragraph 教育支出增长。教育优先。
	terms := []Term{
		{Text: "教育", Start: 0, End: 6},
		{Text: "支出", Start: 6, End: 12},
		{Text: "增长", Start: 12, End: 18},
		{Text: "教育", Start: 21, End: 27},
		{Text: "优先", Start: 27, End: 33},
	}
	tests := []struct {
		name     string
		from, to int
		n        int
		freqs    map[string]int
	}{
		{"paragraph", 0, 0, 5, map[string]int{"教育": 2, "支出": 1, "增长": 1, "优先": 1}},
		{"first sentence", 0, 21, 3, map[string]int{"教育": 1, "支出": 1, "增长": 1}},
		{"second sentence", 21, 36, 2, map[string]int{"教育": 1, "优先": 1}},
		{"word across the edge", 9, 36, 3, map[string]int{"增长": 1, "教育": 1, "优先": 1}},
	}
	for _, tc := range tests {
		f := textField("stext", "教育支出增长。教育优先。", terms, tc.from, tc.to)
		if f.AnalyzedLength() != tc.n {
			t.Errorf("%s: length %d, want %d", tc.name, f.AnalyzedLength(), tc.n)
		}
		got := map[string]int{}
		for k, tf := range f.AnalyzedTokenFrequencies() {
			if string(tf.Term) != k {
				t.Errorf("%s: term %q under key %q", tc.name, tf.Term, k)
			}
			got[k] = tf.Frequency()
		}
		if len(got) != len(tc.freqs) {
			t.Errorf("%s: freqs %v, want %v", tc.name, got, tc.freqs)
		}
		for k, v := range tc.freqs {
			if got[k] != v {
				t.Errorf("%s: freqs %v, want %v", tc.name, got, tc.freqs)
				break
			}
		}
	}
}

func TestKeywordField(t *testing.T) {
	f := keywordField("years", "2020", "2021", "2020", "")
	if f.AnalyzedLength() != 4 {
		t.Errorf("length %d, want 4", f.AnalyzedLength())
	}
	want := map[string]int{"2020": 2, "2021": 1, "": 1}
	got := map[string]int{}
	for k, tf := range f.AnalyzedTokenFrequencies() {
		got[k] = tf.Frequency()
	}
	if len(got) != len(want) || got["2020"] != 2 || got["2021"] != 1 || got[""] != 1 {
		t.Errorf("freqs %v, want %v", got, want)
	}
	if f.Options().IsStored() || f.Options().IncludeTermVectors() || !f.Options().IsIndexed() {
		t.Errorf("options %v: want indexed only", f.Options())
	}
}

// TestFieldsAsMapped checks that the fields built by hand (see field) are
// indexed as the mapping declares them, so that a change to the mapping
// cannot silently part from the documents written.
func TestFieldsAsMapped(t *testing.T) {
	registerSegmenter("bigram", segment.Bigram{})
	x := &Index{cfg: Config{SegmenterName: "bigram"}}
	im, ok := x.mapping().(*mapping.IndexMappingImpl)
	if !ok {
		t.Fatalf("mapping is %T", x.mapping())
	}
	for _, name := range []string{"doc", "region", "level", "dkind", "years", "stext", "heading"} {
		dm := im.DefaultMapping.Properties[name]
		if dm == nil || len(dm.Fields) != 1 {
			t.Errorf("%s: not mapped as one field", name)
			continue
		}
		fm := dm.Fields[0]
		if got := fm.Options(); got != fieldOptions {
			t.Errorf("%s: mapped with options %v, built with %v", name, got, fieldOptions)
		}
		if fm.DocValues || fm.IncludeInAll {
			t.Errorf("%s: mapped with doc values or in _all, built without", name)
		}
	}
}
