package jieba

import (
	"errors"
	"os"
	"testing"
)

func TestSegmentSharesPositions(t *testing.T) {
	s, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	text := "新增养老床位6341张，地区生产总值增长10%"
	toks := s.Segment(text)
	pos := map[string]int{}
	for _, tk := range toks {
		pos[text[tk.Start:tk.End]] = tk.Pos
	}
	for _, w := range []string{"养老床位", "养老", "床位", "地区生产总值", "生产", "6341"} {
		if _, ok := pos[w]; !ok {
			t.Fatalf("no token %q in %v", w, pos)
		}
	}
	if pos["养老"] != pos["养老床位"] || pos["床位"] != pos["养老床位"] {
		t.Errorf("sub-words of 养老床位 at %d, %d; the word at %d", pos["养老"], pos["床位"], pos["养老床位"])
	}
	if pos["生产"] != pos["地区生产总值"] {
		t.Errorf("生产 at %d, 地区生产总值 at %d", pos["生产"], pos["地区生产总值"])
	}
	if pos["新增"] >= pos["养老床位"] || pos["养老床位"] >= pos["6341"] {
		t.Errorf("positions out of order: %v", pos)
	}
	for _, tk := range toks {
		if w := text[tk.Start:tk.End]; w == "，" || w == "%" {
			t.Errorf("punctuation %q is a word", w)
		}
	}
	// One handle per dictionary directory.
	s2, err := Open("")
	if err != nil || s2 != s {
		t.Errorf("second Open returned another handle (%v)", err)
	}
}

func TestFindDictErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := FindDict(dir); !errors.Is(err, ErrNoDict) {
		t.Errorf("FindDict(empty dir) = %v, want ErrNoDict", err)
	}
	if _, err := Open(dir); !errors.Is(err, ErrNoDict) {
		t.Errorf("Open(empty dir) = %v, want ErrNoDict, not a panic", err)
	}
	t.Setenv(EnvDict, dir)
	if _, err := FindDict(""); !errors.Is(err, ErrNoDict) {
		t.Errorf("FindDict with $%s set to an empty dir = %v, want ErrNoDict", EnvDict, err)
	}
	os.Unsetenv(EnvDict)
}

func TestWords(t *testing.T) {
	ws := Words()
	if len(ws) < 300 {
		t.Errorf("user dictionary has %d words, want several hundred", len(ws))
	}
	seen := map[string]bool{}
	for _, w := range ws {
		if seen[w] {
			t.Errorf("%q twice in the user dictionary", w)
		}
		seen[w] = true
	}
}

// BenchmarkSegment measures search-mode segmentation with positions, on
// the seed report (MB/s of UTF-8 text).
func BenchmarkSegment(b *testing.B) {
	s, err := Open("")
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile("../../seeds/hanyang_2020_plan_report.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Segment(text)
	}
}

// Terms people ask in that gojieba alone splits across the words around
// them: 的保障房有多少 is 保障/房有 without the user dictionary, 一般公共预算花了
// 一般/公共/预算.
func TestUserTermsHold(t *testing.T) {
	s, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{"今年全省新开工的保障房有多少套": "保障房", "全市去年一般公共预算花了多少": "一般公共预算",
		"西安去年城市维护建设税收了多少": "城市维护建设税", "去年社零增长多少": "社零", "衡阳去年固投掉了多少个百分点": "固投"} {
		found := false
		for _, tk := range s.Segment(text) {
			found = found || text[tk.Start:tk.End] == want
		}
		if !found {
			t.Errorf("%s: no word %s in %v", text, want, s.Segment(text))
		}
	}
}
