package qa

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"slices"
	"strings"
	"sync"

	"reportkb/index/place"
)

// An English question may spell a Chinese word in pinyin (affordable
// (pu-hui) childcare, Luban Workshops, 'lüju' visitors). The spellings of
// CC-CEDICT's words of two to four characters (CC BY-SA 4.0; see
// scripts/gencedict -pinyin) give the words a spelling may be, and the
// index tells which of them reports use.

//go:embed lexicon/cedict-pinyin.tsv.gz
var pinyinData []byte

// pinyinWords returns the toneless-pinyin → words table, read on first
// use; it is read-only after and safe for concurrent use.
var pinyinWords = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	zr, err := gzip.NewReader(bytes.NewReader(pinyinData))
	if err != nil {
		return m
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "\t"); ok {
			m[k] = strings.Split(v, "|")
		}
	}
	return m
})

// PinyinKey folds a pinyin spelling to the key of the pinyin table:
// letters only, lower case, ü (u: in CC-CEDICT) as v; spaces, tone numbers,
// hyphens and apostrophes dropped (lu:3 ju1, Lüju, pu-hui, Xi'an); "" when
// it holds anything else. scripts/gencedict writes the table's keys with it.
func PinyinKey(w string) string {
	w = strings.ToLower(strings.NewReplacer("u:", "v", "ü", "v", "Ü", "v").Replace(w))
	var b strings.Builder
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == ' ' || r >= '0' && r <= '9' || r == '-' || r == '\'' || r == '’':
		default:
			return ""
		}
	}
	return b.String()
}

// minPinyinKey is the shortest spelling read as pinyin: two syllables
// (puhui), never a short English word.
const minPinyinKey = 4

// pinyinPhrases finds, among the words neither the glossary nor CC-CEDICT
// read, runs of one to three that spell in pinyin a word the reports use
// (pu hui: 普惠), longest first.
func (a *Analyzer) pinyinPhrases(words []string, skip func(k int) bool) []englishMatch {
	if a.Freq == nil {
		return nil // no index to tell a word from a homophone
	}
	table := pinyinWords()
	var out []englishMatch
	for i := 0; i < len(words); {
		found := false
		for n := min(3, len(words)-i); n >= 1 && !found; n-- {
			key := ""
			for k := i; k < i+n; k++ {
				if skip(k) {
					key = ""
					break
				}
				p := PinyinKey(words[k])
				if p == "" {
					key = ""
					break
				}
				key += p
			}
			if len(key) < minPinyinKey {
				continue
			}
			cands := table[key]
			if len(cands) == 0 || slices.ContainsFunc(cands, isPlaceName) {
				continue // Hanyang, Dali: a place's name, found as a place
			}
			df, total := a.Freq(cands)
			if total == 0 {
				continue
			}
			var used []string
			for _, z := range cands {
				if df[z] > 0 {
					used = append(used, z)
				}
			}
			if len(used) == 0 {
				continue
			}
			sortByDF(used, df)
			if len(used) > maxCedictAlts {
				used = used[:maxCedictAlts]
			}
			out = append(out, englishMatch{at: i, n: n, phrase: strings.Join(words[i:i+n], " "),
				entry: englishEntry{zh: used, dict: true}})
			i += n
			found = true
		}
		if !found {
			i++
		}
	}
	return out
}

// isPlaceName reports whether z is the name of a division, whole (汉阳,
// 大理): English names places in pinyin, and finds them as places, so a
// spelling one of whose words is a place (Hanyang: 汉阳, 涵养) is read as
// none of them.
func isPlaceName(z string) bool {
	for _, m := range place.Find(z) {
		if m.Start == 0 && m.End == len(z) {
			return true
		}
	}
	return false
}
