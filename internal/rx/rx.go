// Package rx is regexp with a literal prefilter. Most of the product's
// patterns are alternations of Chinese words (提高|增加|提升…) that Go's
// regexp tries at every position of a sentence; a match of such a pattern
// needs one of a few literal strings, and one pass over the sentence that
// looks for them rules most sentences out at a fraction of the cost. A
// Regexp answers exactly as the regexp.Regexp it wraps; it is safe for
// concurrent use, as that is.
package rx

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// Regexp is a compiled regexp.Regexp and the literals one of which every
// match contains (none: no such set, every input is tried). Methods not
// overridden here are the embedded regexp's.
type Regexp struct {
	*regexp.Regexp
	needs []string
	first firstRunes
}

// firstRunes is a set of the literals' first runes, hashed to their low 12
// bits: a position whose rune is not in it opens none of the literals.
type firstRunes [64]uint64

func (f *firstRunes) add(r rune)      { h := uint32(r) & 4095; f[h>>6] |= 1 << (h & 63) }
func (f *firstRunes) has(r rune) bool { h := uint32(r) & 4095; return f[h>>6]&(1<<(h&63)) != 0 }

// maxNeeds bounds the literal set: past it, looking for each literal costs
// about what the regexp does.
const maxNeeds = 48

// MustCompile is regexp.MustCompile with the prefilter; it panics, as that
// does, on a pattern that does not parse.
func MustCompile(expr string) *Regexp {
	r := &Regexp{Regexp: regexp.MustCompile(expr)}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return r
	}
	re = re.Simplify()
	if prog, err := syntax.Compile(re); err != nil || prog.StartCond()&syntax.EmptyBeginText != 0 {
		return r // anchored at the start: regexp tries one position only
	}
	r.needs = required(re)
	for _, w := range r.needs {
		first, _ := utf8.DecodeRuneInString(w)
		r.first.add(first)
	}
	return r
}

// Needs returns the literals one of which every match contains, nil when
// the pattern has no such set.
func (r *Regexp) Needs() []string { return r.needs }

// may reports whether s holds one of the literals a match needs: one pass
// over s, trying the literals only where a rune opens one of them.
func (r *Regexp) may(s string) bool {
	if r.needs == nil {
		return true
	}
	if len(r.needs) <= 2 {
		for _, w := range r.needs {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		if r.first.has(c) {
			for _, w := range r.needs {
				if strings.HasPrefix(s[i:], w) {
					return true
				}
			}
		}
		i += size
	}
	return false
}

// mayBytes is may for a byte slice.
func (r *Regexp) mayBytes(b []byte) bool { return r.needs == nil || r.may(string(b)) }

func (r *Regexp) MatchString(s string) bool { return r.may(s) && r.Regexp.MatchString(s) }
func (r *Regexp) Match(b []byte) bool       { return r.mayBytes(b) && r.Regexp.Match(b) }

func (r *Regexp) FindString(s string) string {
	if !r.may(s) {
		return ""
	}
	return r.Regexp.FindString(s)
}

func (r *Regexp) FindStringIndex(s string) []int {
	if !r.may(s) {
		return nil
	}
	return r.Regexp.FindStringIndex(s)
}

func (r *Regexp) FindStringSubmatch(s string) []string {
	if !r.may(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatch(s)
}

func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	if !r.may(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatchIndex(s)
}

func (r *Regexp) FindAllString(s string, n int) []string {
	if !r.may(s) {
		return nil
	}
	return r.Regexp.FindAllString(s, n)
}

func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !r.may(s) {
		return nil
	}
	return r.Regexp.FindAllStringIndex(s, n)
}

func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.may(s) {
		return nil
	}
	return r.Regexp.FindAllStringSubmatch(s, n)
}

func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.may(s) {
		return nil
	}
	return r.Regexp.FindAllStringSubmatchIndex(s, n)
}

func (r *Regexp) Find(b []byte) []byte {
	if !r.mayBytes(b) {
		return nil
	}
	return r.Regexp.Find(b)
}

func (r *Regexp) FindSubmatchIndex(b []byte) []int {
	if !r.mayBytes(b) {
		return nil
	}
	return r.Regexp.FindSubmatchIndex(b)
}

func (r *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	if !r.mayBytes(b) {
		return nil
	}
	return r.Regexp.FindAllSubmatchIndex(b, n)
}

func (r *Regexp) ReplaceAllString(src, repl string) string {
	if !r.may(src) {
		return src
	}
	return r.Regexp.ReplaceAllString(src, repl)
}

func (r *Regexp) ReplaceAllLiteralString(src, repl string) string {
	if !r.may(src) {
		return src
	}
	return r.Regexp.ReplaceAllLiteralString(src, repl)
}

func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	if !r.may(src) {
		return src
	}
	return r.Regexp.ReplaceAllStringFunc(src, repl)
}

// required returns literals one of which every match of re contains, or
// nil when there is no such set within maxNeeds.
func required(re *syntax.Regexp) []string {
	if set, ok := exact(re); ok {
		if slices.Contains(set, "") {
			return nil
		}
		return dedupe(set)
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil
		}
		return required(re.Sub[0])
	case syntax.OpConcat:
		// A run of subexpressions with finite sets of matches needs one of
		// their products (提 then 高|升 needs 提高 or 提升); any other
		// subexpression needs what it needs alone.
		var best []string
		consider := func(set []string) {
			if set != nil && !slices.Contains(set, "") && better(set, best) {
				best = set
			}
		}
		var run []string // the product of the current run, nil: none
		for _, sub := range re.Sub {
			set, ok := exact(sub)
			if !ok {
				run = nil
				consider(required(sub))
				continue
			}
			if run == nil {
				run = set
			} else if run = product(run, set); run == nil {
				run = set // too many: the run starts again here
			}
			consider(dedupe(run))
		}
		return best
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			need := required(sub)
			if need == nil || len(out)+len(need) > maxNeeds {
				return nil
			}
			out = append(out, need...)
		}
		return dedupe(out)
	}
	return nil
}

// exact returns every string re matches, when they are at most maxNeeds.
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi-lo >= maxNeeds || len(out)+int(hi-lo)+1 > maxNeeds {
				return nil, false
			}
			for c := lo; c <= hi; c++ {
				if !utf8.ValidRune(c) {
					return nil, false
				}
				out = append(out, string(c))
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpQuest:
		set, ok := exact(re.Sub[0])
		if !ok || len(set)+1 > maxNeeds {
			return nil, false
		}
		return append(slices.Clip(set), ""), true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set, ok := exact(sub)
			if !ok || len(out)+len(set) > maxNeeds {
				return nil, false
			}
			out = append(out, set...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			set, ok := exact(sub)
			if !ok {
				return nil, false
			}
			if out = product(out, set); out == nil {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// product returns every a followed by every b, nil past maxNeeds.
func product(a, b []string) []string {
	if len(a)*len(b) > maxNeeds {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// better reports whether the literal set a rules out more inputs than b
// (nil b: none): its shortest literal is longer, or as long with fewer
// literals.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	la, lb := shortest(a), shortest(b)
	if la != lb {
		return la > lb
	}
	return len(a) < len(b)
}

func shortest(set []string) int {
	n := -1
	for _, w := range set {
		if n < 0 || len(w) < n {
			n = len(w)
		}
	}
	return n
}

// dedupe drops repeated literals and literals that contain another of the
// set (a string holding 提高到 holds 提高).
func dedupe(set []string) []string {
	var out []string
	for i, w := range set {
		keep := true
		for j, v := range set {
			if i != j && strings.Contains(w, v) && (len(v) < len(w) || j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, w)
		}
	}
	return out
}
