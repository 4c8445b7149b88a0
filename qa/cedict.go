package qa

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
)

// The English glossary (lexicon/en.txt) knows the words of government
// reports; a question may use any other English word. For those, the
// English glosses of CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org; see
// scripts/gencedict) give the Chinese words they may stand for, and the
// index tells which of them reports use.

//go:embed lexicon/cedict-en.tsv.gz
var cedictData []byte

// cedictEntry is what an English gloss translates.
type cedictEntry struct {
	zh   []string
	verb bool // every sense is a verb
}

var (
	cedictOnce sync.Once
	cedictMap  map[string]cedictEntry
	cedictMax  int // longest gloss, in words
)

// cedict returns the English→Chinese word list, read on first use; it is
// read-only after and safe for concurrent use.
func cedict() map[string]cedictEntry {
	cedictOnce.Do(func() { cedictMap, cedictMax = loadCedict() })
	return cedictMap
}

// loadCedict parses the embedded word list; an unreadable list is empty,
// and English falls back to the glossary.
func loadCedict() (map[string]cedictEntry, int) {
	m := map[string]cedictEntry{}
	longest := 0
	zr, err := gzip.NewReader(bytes.NewReader(cedictData))
	if err != nil {
		return m, 0
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 {
			continue
		}
		m[f[0]] = cedictEntry{zh: strings.Split(f[1], "|"), verb: len(f) > 2 && f[2] == "v"}
		if n := strings.Count(f[0], " ") + 1; n > longest {
			longest = n
		}
	}
	return m, longest
}

// lookupCedict finds the gloss of words, trying singular and base forms.
func lookupCedict(words []string) (cedictEntry, bool) {
	d := cedict()
	phrase := strings.Join(words, " ")
	if e, ok := d[phrase]; ok {
		return e, true
	}
	if e, ok := d[singularAll(words)]; ok {
		return e, true
	}
	last := words[len(words)-1]
	for _, b := range verbBases(last) {
		if e, ok := d[strings.Join(append(words[:len(words)-1:len(words)-1], b), " ")]; ok {
			return e, true
		}
	}
	return cedictEntry{}, false
}

// maxCedictAlts bounds the Chinese words one English word stands for.
const maxCedictAlts = 4

// rankCedict returns the Chinese words of a gloss that reports use, the
// most used first (基地 and 基础 before 基址), at most maxCedictAlts; all
// of them, in the dictionary's order, when there is no index to ask.
func (a *Analyzer) rankCedict(e cedictEntry) []string {
	cands := append([]string(nil), e.zh...)
	if a.Freq != nil {
		df, total := a.Freq(cands)
		if total > 0 {
			var used []string
			for _, z := range cands {
				if df[z] > 0 {
					used = append(used, z)
				}
			}
			sortByDF(used, df)
			cands = used
		}
	}
	if len(cands) > maxCedictAlts {
		cands = cands[:maxCedictAlts]
	}
	return cands
}

// dictPhrases finds, among the words the glossary left, those CC-CEDICT
// translates into words of the reports, longest phrases first.
func (a *Analyzer) dictPhrases(words []string, skip, filler func(k int) bool) []englishMatch {
	var out []englishMatch
	for i := 0; i < len(words); {
		found := false
		for n := min(3, len(words)-i); n >= 1 && !found; n-- {
			// A filler word (low, high) may begin or end a phrase of the
			// dictionary (low altitude: 低空), not stand for one alone.
			ok, own := true, false
			for k := i; k < i+n; k++ {
				ok = ok && !skip(k)
				own = own || !filler(k)
			}
			if !ok || !own {
				continue
			}
			e, hit := lookupCedict(words[i : i+n])
			if !hit {
				continue
			}
			zh := a.rankCedict(e)
			if len(zh) == 0 {
				continue
			}
			out = append(out, englishMatch{at: i, n: n, phrase: strings.Join(words[i:i+n], " "),
				entry: englishEntry{zh: zh, verb: e.verb, dict: true}})
			i += n
			found = true
		}
		if !found {
			i++
		}
	}
	return out
}

// cedictFactor is the credit of a dictionary word other than the first.
const cedictFactor = 0.8

func sortByDF(ws []string, df map[string]int) {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && df[ws[j]] > df[ws[j-1]]; j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}
