package qa

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sort"
	"strings"
	"sync"

	"reportkb/index/segment"
)

// The thesaurus is a table derived from HanLP's CoreSynonym (同义词词林扩展版
// format; see scripts/genthesaurus): groups of synonyms (=) and of related
// words of one kind (#). A question word the reports seldom use is expanded
// with its synonyms that the indexed reports do use, the most used first.
// Related words are not used: they are siblings (初中生, 小学生), and a
// figure of a sibling answers another question.

//go:embed lexicon/thesaurus.txt.gz
var thesaurusData []byte

const (
	thesaurusFactor = 0.7  // a synonym of the question's word
	relatedFactor2  = 0.35 // a related word of the same kind
	maxSynonyms     = 4    // synonyms kept per word, by use in the reports
	maxRelated      = 2
	// thesaurusRare is how few passages may hold a question word for the
	// thesaurus to expand it.
	thesaurusRare = 5
)

type thesGroup struct {
	related bool // a # group of related words, not synonyms
	words   []string
}

var (
	thesOnce   sync.Once
	thesGroups []thesGroup
	thesByWord map[string][]int
)

func thesaurus() ([]thesGroup, map[string][]int) {
	thesOnce.Do(func() {
		thesByWord = map[string][]int{}
		zr, err := gzip.NewReader(bytes.NewReader(thesaurusData))
		if err != nil {
			return
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			return
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 3 {
				continue
			}
			g := thesGroup{related: f[1] == "#"}
			for _, w := range strings.Fields(f[2]) {
				w, _ = segment.Fold(w)
				g.words = append(g.words, w)
			}
			k := len(thesGroups)
			thesGroups = append(thesGroups, g)
			for _, w := range g.words {
				thesByWord[w] = append(thesByWord[w], k)
			}
		}
	})
	return thesGroups, thesByWord
}

// expandThesaurus adds to each concept the synonyms and related words the
// thesaurus gives for it and the reports use.
func (a *Analyzer) expandThesaurus(q *Question) {
	groups, byWord := thesaurus()
	type cand struct {
		ci      int
		word    string
		related bool
	}
	var cands []cand
	var words []string
	for ci := range q.Concepts {
		c := &q.Concepts[ci]
		if c.Weight == placeWeight || isNumberWord(c.Word) {
			continue
		}
		seen := map[string]bool{}
		for _, alt := range c.Alts {
			seen[alt.Text] = true
		}
		for _, g := range byWord[c.Word] {
			if groups[g].related {
				// Related words of one kind are siblings (初中生, 小学生):
				// for a question they name another thing.
				continue
			}
			for _, w := range groups[g].words {
				if seen[w] {
					continue
				}
				seen[w] = true
				cands = append(cands, cand{ci, w, groups[g].related})
				words = append(words, w)
			}
		}
	}
	if len(cands) == 0 || a.Freq == nil {
		return
	}
	for _, c := range q.Concepts {
		words = append(words, c.Word)
	}
	df, _ := a.Freq(words)
	// Only a word the reports seldom use is expanded: 人口 is a report's
	// word and means 人口, not 人员; 退休金 is not, and means 养老金.
	rare := map[int]bool{}
	for ci, c := range q.Concepts {
		rare[ci] = df[c.Word] < thesaurusRare
	}
	sort.SliceStable(cands, func(i, j int) bool { return df[cands[i].word] > df[cands[j].word] })
	nSyn := map[int]int{}
	nRel := map[int]int{}
	for _, cd := range cands {
		if df[cd.word] == 0 || !rare[cd.ci] {
			continue
		}
		c := &q.Concepts[cd.ci]
		factor := thesaurusFactor
		if cd.related {
			if nRel[cd.ci] >= maxRelated {
				continue
			}
			nRel[cd.ci]++
			factor = relatedFactor2
		} else {
			if nSyn[cd.ci] >= maxSynonyms {
				continue
			}
			nSyn[cd.ci]++
		}
		c.Alts = addAlt(c.Alts, Alt{Text: cd.word, Factor: factor})
	}
}
