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

// A sum of money named by its head (租金, 补偿金) expects money; words that
// end alike but are no money (黄金, 冶金) do not.
func TestMoneyHeads(t *testing.T) {
	lx := LoadLexicon()
	for word, want := range map[string]string{
		"租金": "money", "补偿金": "money", "住房公积金": "money", "营业额": "money",
		"黄金": "weight", "冶金": "",
	} {
		if got := lx.WordHint(word); got != want {
			t.Errorf("WordHint(%s) = %q, want %q", word, got, want)
		}
	}
}
