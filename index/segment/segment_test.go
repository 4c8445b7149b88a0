package segment

import (
	"testing"
)

func TestBigram(t *testing.T) {
	text := "新增养老床位6341张，GDP增长"
	var got []string
	for _, tk := range (Bigram{}).Segment(text) {
		got = append(got, text[tk.Start:tk.End])
	}
	want := []string{"新增", "增养", "养老", "老床", "床位", "6341", "张", "gdp", "增长"}
	want[7] = "GDP"
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
		mapped   bool
	}{
		{"新增床位", "新增床位", false},
		{"GDP增长", "gdp增长", false},
		{"ＧＤＰ增长５．５％", "gdp增长5.5%", true},
		{"全\u3000年", "全 年", true},
		{"國務院報告", "国务院报告", false},
	}
	for _, tc := range tests {
		got, offs := Fold(tc.in)
		if got != tc.want || (offs != nil) != tc.mapped {
			t.Errorf("Fold(%q) = %q, %v; want %q, mapped %v", tc.in, got, offs, tc.want, tc.mapped)
		}
		if offs != nil {
			if len(offs) != len(got)+1 || offs[len(got)] != len(tc.in) {
				t.Errorf("Fold(%q): offset table %v does not end at %d", tc.in, offs, len(tc.in))
			}
		}
	}
	// Offsets map folded words back to the original.
	in := "ＧＤＰ增长５．５％"
	got, offs := Fold(in)
	if s := in[offs[0]:offs[3]]; s != "ＧＤＰ" || got[:3] != "gdp" {
		t.Errorf("folded gdp maps back to %q", s)
	}
}

func FuzzFold(f *testing.F) {
	f.Add("ＧＤＰ增长５．５％")
	f.Add("\xff\xfeabc")
	f.Fuzz(func(t *testing.T, s string) {
		got, offs := Fold(s)
		if offs == nil {
			if len(got) != len(s) {
				t.Fatalf("no offset table but length changed: %q → %q", s, got)
			}
			return
		}
		if len(offs) != len(got)+1 || offs[len(got)] != len(s) {
			t.Fatalf("bad offset table for %q", s)
		}
		for i := 1; i < len(offs); i++ {
			if offs[i] < offs[i-1] {
				t.Fatalf("offsets go back in %q", s)
			}
		}
	})
}

func TestMaxMatch(t *testing.T) {
	m := NewMaxMatch([]string{"养老床位", "养老", "床位", "新增", "方舱医院"})
	text := "新增养老床位6341张，建方舱医院"
	type tok struct {
		w   string
		pos int
	}
	var got []tok
	for _, tk := range m.Segment(text) {
		got = append(got, tok{text[tk.Start:tk.End], tk.Pos})
	}
	want := []tok{{"新增", 0}, {"养老", 1}, {"床位", 1}, {"养老床位", 1}, {"6341", 2}, {"张", 3}, {"建", 4}, {"方舱医院", 5}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestFoldT2S(t *testing.T) {
	in := "全國糧食產量達到一萬億斤，GDP"
	got := FoldT2S(in)
	if got != "全国粮食产量达到一万亿斤，GDP" || len(got) != len(in) {
		t.Errorf("FoldT2S(%q) = %q", in, got)
	}
}

// The bitmap in front of t2s says yes for exactly the runes t2s maps.
func TestSimplifiedBitmap(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		want, wok := t2s[r]
		got, ok := toSimplified(r)
		if ok != wok || ok && got != want {
			t.Fatalf("toSimplified(%U) = %c, %v; want %c, %v", r, got, ok, want, wok)
		}
	}
}
