package qa

import (
	"strings"
	"testing"
)

func TestRuneSetNeverMisses(t *testing.T) {
	texts := []string{"新增养老床位6341张", "全市一般公共预算收入318.1亿元", "", "\xe5\xe5\xb9\xb4来", "ａｂｃ123"}
	words := []string{"养老床位", "床位", "一般公共预算", "收入", "6341", "年来", "年", "\xb9\xb4", "\xe5", "abc", "", "支出"}
	for _, s := range texts {
		ts := textRunes(s)
		for _, w := range words {
			ws := runesOf(w)
			if strings.Contains(s, w) && !ts.mayHold(&ws) {
				t.Errorf("set of %q says it cannot hold %q", s, w)
			}
		}
	}
	ts, ws := textRunes("新增养老床位6341张"), runesOf("支出")
	if ts.mayHold(&ws) {
		t.Errorf("the set of a sentence without 支 and 出 may hold 支出: the sets are too coarse to help")
	}
}

func FuzzRuneSet(f *testing.F) {
	f.Add("新增养老床位6341张", "床位")
	f.Add("\xe5\xe5\xb9\xb4", "年")
	f.Fuzz(func(t *testing.T, s, w string) {
		ts, ws := textRunes(s), runesOf(w)
		if strings.Contains(s, w) && !ts.mayHold(&ws) {
			t.Fatalf("set of %q says it cannot hold %q", s, w)
		}
	})
}
