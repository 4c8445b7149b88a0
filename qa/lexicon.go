package qa

import (
	"bufio"
	_ "embed"
	"sort"
	"strings"
	"unicode/utf8"

	"reportkb/index/segment"
)

//go:embed lexicon/synonyms.txt
var synonymsData string

//go:embed lexicon/en.txt
var englishData string

//go:embed lexicon/classes.txt
var classesData string

//go:embed lexicon/everyday.txt
var everydayData string

//go:embed lexicon/fillers.txt
var fillersData string

// Alt is an alternative wording of a question word, with the factor its
// matches count for.
type Alt struct {
	Text   string
	Factor float64
	folded string  // Text folded as report text is; set by Analyze
	runes  runeSet // runesOf(folded)
}

// Weights of alternative wordings relative to the user's own word.
const (
	synonymFactor = 0.75
	relatedFactor = 0.4
	glossFactor   = 0.9 // the second and later Chinese terms of an English entry
	// everydayFactor weighs the report terms an everyday word stands for
	// (卖地 → 国有土地使用权出让收入); ambiguousFactor those of a word with
	// several readings (收入: of people, of a budget).
	everydayFactor  = 0.85
	ambiguousFactor = 0.55
)

// Lexicon holds the synonym groups, the English glossary and the unit
// hints. It is read-only after Load and safe for concurrent use.
type Lexicon struct {
	alts     map[string][]Alt // word → its synonyms and related terms
	english  map[string]englishEntry
	maxWords int // longest English phrase, in words
	classes  map[string]string
	suffixes []struct{ suf, class string }

	verbs map[string]bool // everyday verbs (花了, 收上来): aspects
	nouns map[string]bool // everyday nouns (低保, 卖地): things, whatever the tagger says
	// terms are the report terms of each everyday word, as everyday.txt
	// lists them (经济增长 → 地区生产总值, 生产总值).
	terms map[string][]string
	// reportTerm holds every report term everyday.txt names (一般公共预算,
	// 赤字): words the reports write as one.
	reportTerm map[string]bool
	scopes     []wordMap       // everyday scope words → report wording (市里自己 → 市本级), longest first
	units      []wordMap       // everyday units → report units (块钱 → 元), longest first
	fillers    map[string]bool // words with no content (到底, 目前)
}

type englishEntry struct {
	zh   []string
	unit string // unit or unit class hint
	verb bool   // an action word (install, carry out), weighed as an aspect
	dict bool   // from CC-CEDICT, not the glossary: its words are guesses
}

// LoadLexicon parses the lexicon files embedded in the binary.
func LoadLexicon() *Lexicon {
	lx := &Lexicon{alts: map[string][]Alt{}, english: map[string]englishEntry{}, classes: map[string]string{},
		verbs: map[string]bool{}, nouns: map[string]bool{}, fillers: map[string]bool{}, terms: map[string][]string{}, reportTerm: map[string]bool{}}
	syn := map[string][]string{} // the synonyms of each word, of "=" groups
	for _, line := range lines(synonymsData) {
		f := strings.Fields(line)
		if len(f) < 3 || f[0] != "=" && f[0] != "~" {
			continue
		}
		factor := synonymFactor
		if f[0] == "~" {
			factor = relatedFactor
		}
		words := f[1:]
		for i, w := range words {
			words[i], _ = segment.Fold(w)
		}
		for _, w := range words {
			for _, o := range words {
				if o != w {
					lx.alts[w] = addAlt(lx.alts[w], Alt{Text: o, Factor: factor})
					if f[0] == "=" {
						syn[w] = append(syn[w], o)
					}
				}
			}
		}
	}
	for _, line := range lines(everydayData) {
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			continue
		}
		word, _ := segment.Fold(strings.TrimSpace(f[0]))
		terms := strings.Split(f[1], "|")
		switch f[2] {
		case "noun", "verb":
			factor := everydayFactor
			if len(f) > 3 && f[3] == "ambiguous" {
				factor = ambiguousFactor
			}
			// The question frame drops 的 (空气好的天数 is read as 空气好
			// 天数): the word is known without it too.
			forms := []string{word}
			if bare := strings.ReplaceAll(word, "的", ""); bare != word && utf8.RuneCountInString(bare) >= 2 {
				forms = append(forms, bare)
			}
			for _, w := range forms {
				for _, t := range terms {
					t, _ = segment.Fold(strings.TrimSpace(t))
					if t != "" {
						lx.reportTerm[t] = true
					}
					if t != "" && t != w {
						lx.alts[w] = addAlt(lx.alts[w], Alt{Text: t, Factor: factor})
						lx.terms[w] = append(lx.terms[w], t)
						// A thing's report term's synonyms too (旅游接待人数
						// → 旅游接待总人数).
						for _, o := range syn[t] {
							if o != w && f[2] == "noun" && !aspectWords[t] {
								lx.alts[w] = addAlt(lx.alts[w], Alt{Text: o, Factor: factor * synonymFactor})
							}
						}
					}
				}
				if f[2] == "verb" {
					lx.verbs[w] = true
				} else {
					lx.nouns[w] = true
				}
			}
		case "scope":
			lx.scopes = append(lx.scopes, wordMap{word, terms[0]})
		case "unit":
			lx.units = append(lx.units, wordMap{word, terms[0]})
		}
	}
	for _, ws := range [][]wordMap{lx.scopes, lx.units} {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i].from) > len(ws[j].from) })
	}
	for _, line := range lines(fillersData) {
		w, _ := segment.Fold(line)
		lx.fillers[w] = true
	}
	for _, line := range lines(englishData) {
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		e := englishEntry{zh: strings.Split(f[1], "|")}
		if len(f) > 2 {
			e.unit = strings.TrimSpace(f[2])
			if e.unit == "verb" {
				// An action, weighed like 新增 or 建成: it says how the
				// figure came about, not what it counts.
				e.unit, e.verb = "", true
			}
		}
		key := strings.TrimSpace(f[0])
		lx.english[key] = e
		if k := strings.ReplaceAll(key, "-", " "); k != key {
			// Questions have their hyphens split: fixed-asset → fixed asset.
			if _, ok := lx.english[k]; !ok {
				lx.english[k] = e
			}
			if n := len(strings.Fields(k)); n > lx.maxWords {
				lx.maxWords = n
			}
		}
		if n := len(strings.Fields(key)); n > lx.maxWords {
			lx.maxWords = n
		}
	}
	for _, line := range lines(classesData) {
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			continue
		}
		if f[1] == "none" {
			f[1] = "" // a word a suffix would misread (消费 is no 费)
		}
		if strings.HasPrefix(f[0], "*") {
			lx.suffixes = append(lx.suffixes, struct{ suf, class string }{f[0][1:], f[1]})
			continue
		}
		lx.classes[f[0]] = f[1]
	}
	return lx
}

func lines(s string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

func addAlt(alts []Alt, a Alt) []Alt {
	for i, x := range alts {
		if x.Text == a.Text {
			if a.Factor > x.Factor {
				alts[i].Factor = a.Factor
			}
			return alts
		}
	}
	return append(alts, a)
}

// Alternatives returns the synonyms and related terms of a word (folded
// to half width and lower case).
func (lx *Lexicon) Alternatives(word string) []Alt {
	w, _ := segment.Fold(word)
	return lx.alts[w]
}

// wordMap maps an everyday word to a report's.
type wordMap struct{ from, to string }

// Filler reports whether a question word carries no content (到底, 目前).
func (lx *Lexicon) Filler(word string) bool { return lx.fillers[word] }

// Known reports whether the lexicon knows word as one term: a word with
// synonyms, or a report term of everyday.txt.
func (lx *Lexicon) Known(word string) bool {
	w, _ := segment.Fold(word)
	return len(lx.alts[w]) > 0 || lx.reportTerm[w]
}

// Terms returns the report terms everyday.txt gives an everyday word.
func (lx *Lexicon) Terms(word string) []string { return lx.terms[word] }

// Noun reports whether an everyday word names a thing (低保, 卖地).
func (lx *Lexicon) Noun(word string) bool { return lx.nouns[word] }

// Verb reports whether an everyday word says what happened to a thing
// (花了, 收上来) rather than what it is.
func (lx *Lexicon) Verb(word string) bool { return lx.verbs[word] }

// Hint returns the unit or unit class a question about text expects, from
// the longest word of the hint table that text contains (or ends with, for
// suffix entries), or "".
func (lx *Lexicon) Hint(text string) string {
	best, bestLen := "", 0
	for w, c := range lx.classes {
		if len(w) > bestLen && strings.Contains(text, w) {
			best, bestLen = c, len(w)
		}
	}
	if best != "" {
		return best
	}
	for _, s := range lx.suffixes {
		if strings.HasSuffix(text, s.suf) {
			return s.class
		}
	}
	return ""
}

// WordHint is Hint for a single word: exact entries and suffixes only.
func (lx *Lexicon) WordHint(word string) string {
	if c, ok := lx.classes[word]; ok {
		return c
	}
	for _, s := range lx.suffixes {
		if strings.HasSuffix(word, s.suf) && utf8.RuneCountInString(word) > utf8.RuneCountInString(s.suf) {
			return s.class
		}
	}
	return ""
}

// englishPhrases returns the glossary phrases found in words, longest
// first, each word used once.
func (lx *Lexicon) englishPhrases(words []string) []englishMatch {
	var out []englishMatch
	used := make([]bool, len(words))
	for n := lx.maxWords; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			free := true
			for k := i; k < i+n; k++ {
				if used[k] {
					free = false
					break
				}
			}
			if !free {
				continue
			}
			phrase := strings.Join(words[i:i+n], " ")
			e, ok := lx.english[phrase]
			if !ok && strings.Contains(phrase, "-") {
				// cross border e-commerce: a word kept whole because the
				// glossary knows it (e-commerce) inside a phrase written
				// with the hyphen (cross-border e-commerce).
				e, ok = lx.english[strings.ReplaceAll(phrase, "-", " ")]
			}
			if !ok {
				e, ok = lx.english[singularAll(words[i:i+n])]
			}
			for _, b := range verbBases(words[i+n-1]) {
				if ok {
					break
				}
				e, ok = lx.english[strings.Join(append(words[i:i+n-1:i+n-1], b), " ")]
			}
			if !ok && n == 2 {
				// A phrasal verb bends its first word: phased out, lined up.
				for _, b := range verbBases(words[i]) {
					if e, ok = lx.english[b+" "+words[i+1]]; ok {
						break
					}
				}
			}
			if !ok {
				continue
			}
			for k := i; k < i+n; k++ {
				used[k] = true
			}
			out = append(out, englishMatch{at: i, n: n, phrase: phrase, entry: e})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].at < out[b].at })
	return out
}

type englishMatch struct {
	at, n  int
	phrase string
	entry  englishEntry
}

// knowsEnglish reports whether the glossary has an entry for phrase.
func (lx *Lexicon) knowsEnglish(phrase string) bool {
	_, ok := lx.english[phrase]
	return ok
}

// verbBases returns the base forms an inflected English verb may have,
// most likely first: installed → install, renovated → renovate,
// planned → plan, supplied → supply.
func verbBases(w string) []string {
	var out []string
	for _, suf := range []string{"ed", "ing"} {
		if !strings.HasSuffix(w, suf) || len(w) < len(suf)+3 {
			continue
		}
		stem := w[:len(w)-len(suf)]
		out = append(out, stem, stem+"e")
		if n := len(stem); n >= 3 && stem[n-1] == stem[n-2] {
			out = append(out, stem[:n-1]) // planned → plan
		}
		if suf == "ed" && strings.HasSuffix(stem, "i") {
			out = append(out, stem[:len(stem)-1]+"y") // supplied → supply
		}
	}
	return out
}

// singularAll turns every word of a phrase into its singular.
func singularAll(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = singular(w)
	}
	return strings.Join(out, " ")
}

// singular turns the last word of an English phrase into its singular.
func singular(phrase string) string {
	k := strings.LastIndexByte(phrase, ' ')
	head, w := "", phrase
	if k >= 0 {
		head, w = phrase[:k+1], phrase[k+1:]
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && len(w) > 3 && hasSuffixAny(w, []string{"ss", "ous", "us", "is", "ics", "gas"}) == "":
		// Not autonomous, census, basis, statistics, gas: no plurals.
		w = w[:len(w)-1]
	}
	return head + w
}
