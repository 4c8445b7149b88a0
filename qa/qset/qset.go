// Package qset reads question sets (the JSON Lines format of
// ../shared/eval/dev.jsonl) and judges answers to them by the rules of
// ../shared/eval/score.py. It holds no state and is safe for concurrent
// use.
package qset

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"

	"reportkb/qa"
)

// Item is a question of a set.
type Item struct {
	ID       string   `json:"id"`
	Q        string   `json:"q"`
	Lang     string   `json:"lang"`
	Kind     string   `json:"kind"` // number, text or none
	Gold     []string `json:"gold"`
	Evidence *string  `json:"evidence"`
	Doc      string   `json:"doc"`
}

// Read reads a question set.
func Read(path string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Item
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it Item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, it)
	}
	return out, sc.Err()
}

var (
	reSpace    = regexp.MustCompile(`\s+`)
	reThousand = regexp.MustCompile(`(\d),(\d{3})`)
)

// Norm folds text as score.py does: NFKC, no white space, no thousands
// separators.
func Norm(s string) string {
	s = norm.NFKC.String(s)
	s = reSpace.ReplaceAllString(s, "")
	return reThousand.ReplaceAllString(s, "$1$2")
}

// HoldsNumber reports whether text holds the gold number as a whole
// number, not inside a longer one.
func HoldsNumber(text, gold string) bool {
	g := regexp.QuoteMeta(Norm(gold))
	re := regexp.MustCompile(`(^|[^\d.])` + g + `($|[^\d.]|\.[^\d])`)
	return re.MatchString(Norm(text))
}

// evidence returns the item's evidence, folded, or "".
func (it Item) evidence() string {
	if it.Evidence == nil {
		return ""
	}
	return Norm(*it.Evidence)
}

// Answers reports whether an answer (its text and sentence) answers a
// number item.
func (it Item) Answers(a qa.Answer) bool {
	ok := false
	for _, g := range it.Gold {
		ok = ok || HoldsNumber(a.Text, g)
	}
	if !ok {
		return false
	}
	ev := it.evidence()
	return ev == "" || strings.Contains(Norm(a.Sentence), ev)
}

// Judge tells whether a response passes the item, and why not.
func Judge(it Item, r *qa.Response) (bool, string) {
	switch it.Kind {
	case "none":
		if len(r.Answers) == 0 {
			return true, ""
		}
		return false, fmt.Sprintf("answered %q from %q", r.Answers[0].Text, r.Answers[0].Sentence)
	case "number":
		if len(r.Answers) == 0 {
			return false, "no answer"
		}
		a := r.Answers[0]
		if !it.Answers(a) {
			return false, fmt.Sprintf("answer %q from %q, want %v", a.Text, a.Sentence, it.Gold)
		}
		return true, ""
	}
	ev := it.evidence()
	var cands []string
	if len(r.Answers) > 0 {
		cands = append(cands, Norm(r.Answers[0].Sentence))
	}
	if len(r.Passages) > 0 {
		cands = append(cands, Norm(r.Passages[0].Text))
	}
	for _, c := range cands {
		if strings.Contains(c, ev) {
			return true, ""
		}
	}
	return false, "evidence not in the top answer or passage"
}
