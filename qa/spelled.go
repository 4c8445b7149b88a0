package qa

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"

	"reportkb/index"
)

// English questions name lakes, airports, parks and zones in pinyin
// (Erhai Lake, Xinqiao Airport, Minning town) that no glossary holds. A
// name that is no report's place and no division is looked for in the
// sentences the first search found: the Chinese word whose pinyin it is
// (洱海 for Erhai) becomes a concept of the question, and the search is
// run again with it.

// spelledNames returns the capitalized words of an English question that
// name neither the place of a report nor a division: words to find in
// the text by their pinyin.
func (e *Engine) spelledNames(q *Question) []string {
	if q.Lang != "en" || len(q.Names) == 0 {
		return nil
	}
	proper := properNames(q.Raw)
	var out []string
	for _, n := range q.Names {
		if !proper[n] || len(n) < 4 || provincesEn[n] != "" || len(e.x.Spelled(n)) > 0 || len(index.DivisionsSpelled(n)) > 0 {
			continue
		}
		out = append(out, n)
	}
	return out
}

// resolveSpelled finds, in the texts of hits, the Chinese word each of
// names spells (the one written most often, the first of a tie) and adds
// it to the question's concepts. It reports whether it added any.
func (a *Analyzer) resolveSpelled(q *Question, names []string, hits []index.Hit) bool {
	added := false
	for _, n := range names {
		count := map[string]int{}
		var order []string
		for i := range hits {
			for _, w := range spelledIn(hits[i].Text(), n) {
				if count[w] == 0 {
					order = append(order, w)
				}
				count[w]++
			}
		}
		if len(order) == 0 {
			continue
		}
		best := order[0]
		for _, w := range order[1:] {
			if count[w] > count[best] {
				best = w
			}
		}
		tmp := &Question{Lang: "zh"}
		a.concepts(tmp, best)
		a.expandThesaurus(tmp)
		a.weigh(tmp)
		for _, c := range tmp.Concepts {
			if !slices.ContainsFunc(q.Concepts, func(o Concept) bool { return o.Word == c.Word }) {
				c.prepare()
				q.Concepts = append(q.Concepts, c)
				added = true
			}
		}
	}
	return added
}

// respell adds to the question the Chinese words of the names it spells
// (see spelledNames) found in hits, and then searches again with them;
// else it returns terms and hits as they are.
func (e *Engine) respell(q *Question, terms []index.WeightedTerm, f index.Filter, hits []index.Hit) ([]index.WeightedTerm, []index.Hit, error) {
	names := e.spelledNames(q)
	if len(names) == 0 {
		return terms, hits, nil
	}
	// The name's word may stand in none of the best sentences (洱海 of
	// "Erhai Lake" when 湖 weighs most): look in more of them, by all the
	// question's words in the reports of the place it names.
	wq := index.Query{Terms: terms, Filter: f, Size: spellHits, Sentences: true, Records: true}
	wq.AllWords = f.Doc != "" || len(f.Docs) > 0 || len(f.Regions) > 0
	wide, _, err := e.x.SearchTerms(wq)
	if err != nil {
		return nil, nil, err
	}
	if !e.an.resolveSpelled(q, names, append(hits[:len(hits):len(hits)], wide...)) {
		return terms, hits, nil
	}
	if f.Doc != "" {
		// Aodong town asked of 敖东镇's report: the name is its own place.
		if sum, ok := e.x.Summary(f.Doc); ok {
			ownTown(q, sum)
			ownIssuer(q, sum)
		}
	}
	terms = e.queryTerms(q)
	hits, err = e.candidates(q, terms, f)
	return terms, hits, err
}

// spellHits is how many sentences are searched for the words of spelled
// names.
const spellHits = 300

// maxSpelled is the most Chinese characters a spelled name is matched to.
const maxSpelled = 6

var spellArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Heteronym = true
	return a
}()

// spelledIn returns the runs of two or more Chinese characters of text
// whose toneless pinyin, any reading of each character, is name: 洱海 for
// erhai.
func spelledIn(text, name string) []string {
	var out []string
	runes := []rune(text)
	readings := make([][]string, len(runes))
	for i, r := range runes {
		if unicode.Is(unicode.Han, r) {
			readings[i] = readingsOf(r)
		}
	}
	// spells reports whether runes[i:] spell name[pos:] in at least two
	// characters, returning the end of the shortest such run.
	var spells func(i, pos, n int) int
	spells = func(i, pos, n int) int {
		if pos == len(name) {
			if n >= 2 {
				return i
			}
			return -1
		}
		if i >= len(runes) || n >= maxSpelled {
			return -1
		}
		for _, r := range readings[i] {
			if strings.HasPrefix(name[pos:], r) {
				if end := spells(i+1, pos+len(r), n+1); end >= 0 {
					return end
				}
			}
		}
		return -1
	}
	for i := range runes {
		if !anyPrefix(readings[i], name) {
			continue
		}
		if end := spells(i, 0, 0); end >= 0 {
			out = append(out, string(runes[i:end]))
		}
	}
	return out
}

// readingCache holds the toneless readings of each character read so
// far (rune → []string): go-pinyin works them out afresh, with
// allocations, on every call. Safe for concurrent use; it grows to the
// characters of the reports, a few thousand.
var readingCache sync.Map

// readingsOf returns the toneless readings of r, every one (heteronyms).
// The slice is shared and must not be modified.
func readingsOf(r rune) []string {
	if v, ok := readingCache.Load(r); ok {
		return v.([]string)
	}
	rs := pinyin.SinglePinyin(r, spellArgs)
	readingCache.Store(r, rs)
	return rs
}

// anyPrefix reports whether name starts with any of the readings.
func anyPrefix(readings []string, name string) bool {
	for _, r := range readings {
		if strings.HasPrefix(name, r) {
			return true
		}
	}
	return false
}
