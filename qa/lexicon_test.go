package qa

import (
	"strings"
	"testing"
)

// A plural is made singular only where the word is one: autonomous,
// census and statistics keep their s, so "autonomous prefectures" is the
// glossary's "autonomous prefecture".
func TestSingularKeepsWordsEndingInS(t *testing.T) {
	for in, want := range map[string]string{
		"autonomous prefectures": "autonomous prefecture",
		"ports":                  "port",
		"census":                 "census",
		"statistics":             "statistics",
		"cities":                 "city",
		"taxes":                  "tax",
	} {
		if got := singularAll(strings.Fields(in)); got != want {
			t.Errorf("singularAll(%s) = %s, want %s", in, got, want)
		}
	}
	lx := LoadLexicon()
	if ms := lx.englishPhrases([]string{"autonomous", "prefectures"}); len(ms) != 1 || ms[0].entry.zh[0] != "自治州" {
		t.Errorf("autonomous prefectures: %+v, want 自治州", ms)
	}
}
