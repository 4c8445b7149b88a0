package qa

import (
	"slices"
	"testing"

	"reportkb/index"
)

func TestSpelledIn(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       []string
	}{
		{"打好“洱海保护治理”攻坚战，投入洱海保护资金13.61亿元。", "erhai", []string{"洱海", "洱海"}},
		{"合肥新桥国际机场旅客吞吐量增长12%。", "xinqiao", []string{"新桥"}},
		{"吕梁市冬季清洁取暖试点。", "lvliang", []string{"吕梁"}}, // ü written v
		{"重庆市", "chongqing", []string{"重庆"}},        // a second reading of 重
		{"海口市", "hai", nil}, // one character is no name
		{"保护湖泊", "erhai", nil},
	} {
		if got := spelledIn(c.text, c.name); !slices.Equal(got, c.want) {
			t.Errorf("spelledIn(%s, %s) = %v, want %v", c.text, c.name, got, c.want)
		}
	}
}

// TestResolveSpelled: a name an English question spells becomes the
// concept of the Chinese word the hits write most.
func TestResolveSpelled(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("How much did Dali put into protecting Erhai Lake in 2025?")
	hit := func(s string) index.Hit { return index.Hit{SentenceRec: &index.Sentence{Text: s}} }
	hits := []index.Hit{
		hit("剑湖入选2025年全国幸福河湖。"),
		hit("投入洱海保护资金13.61亿元。"),
		hit("支持洱海保护精准治理。"),
	}
	before := len(q.Concepts)
	if !a.resolveSpelled(q, []string{"erhai"}, hits) {
		t.Fatal("erhai not resolved")
	}
	word := ""
	for _, c := range q.Concepts[before:] {
		word += c.Word
		if c.Weight <= 0 || len(c.Alts) == 0 || c.Alts[0].folded == "" {
			t.Errorf("concept %s not weighed or prepared: %+v", c.Word, c)
		}
	}
	if word != "洱海" {
		t.Errorf("added concepts spell %q, want 洱海", word)
	}
	if a.resolveSpelled(q, []string{"xinqiao"}, hits) {
		t.Error("xinqiao resolved in hits that do not hold it")
	}
}

// BenchmarkSpelledIn looks for a pinyin name in a report's sentence, as
// an English question's names are looked for in 300 hits.
func BenchmarkSpelledIn(b *testing.B) {
	text := "扎实推进洱海保护治理，洱海水质总体保持优良，完成环湖截污治污体系提质增效，新增湿地面积1.2万亩，建成生态廊道。"
	b.ReportAllocs()
	for b.Loop() {
		spelledIn(text, "erhai")
	}
}
