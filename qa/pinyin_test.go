package qa

import (
	"slices"
	"testing"
)

func TestPinyinKey(t *testing.T) {
	for w, want := range map[string]string{"pu-hui": "puhui", "Lüju": "lvju", "lvju": "lvju", "Xi'an": "xian", "PM2.5": "", "时": "", "lu:3 ju1": "lvju"} {
		if got := PinyinKey(w); got != want {
			t.Errorf("PinyinKey(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestPinyinPhrases: words spelled in pinyin are read as the report words
// they spell that the index holds; a spelling one of whose words is a
// place (Hanyang: 汉阳) is left to the places; short words are English.
func TestPinyinPhrases(t *testing.T) {
	used := map[string]int{"普惠": 12, "鲁班": 3, "涵养": 5}
	a := &Analyzer{Freq: func(words []string) (map[string]int, int) {
		df := map[string]int{}
		for _, w := range words {
			df[w] = used[w]
		}
		return df, 100
	}}
	none := func(int) bool { return false }
	for _, c := range []struct {
		words []string
		want  []string
	}{
		{[]string{"affordable", "pu", "hui", "childcare"}, []string{"普惠"}},
		{[]string{"luban", "workshops"}, []string{"鲁班"}},
		{[]string{"hanyang"}, nil},
		{[]string{"an", "he"}, nil},
	} {
		var got []string
		for _, m := range a.pinyinPhrases(c.words, none) {
			got = append(got, m.entry.zh...)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%v: %v, want %v", c.words, got, c.want)
		}
	}
}
