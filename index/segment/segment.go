// Package segment declares how text is split into words for indexing and
// question analysis, and provides a simple segmenter for tests.
//
// The real segmenter (gojieba, through cgo) lives in package jieba; every
// other package depends only on the Segmenter interface declared here.
package segment

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text.
type Token struct {
	Start, End int // byte offsets into the text
	// Pos is the ordinal of the top-level word the token belongs to: the
	// shorter words found inside a long word share its position, so that
	// phrase and proximity scoring do not drift.
	Pos int
}

// Segmenter splits text into words. Implementations are safe for
// concurrent use.
type Segmenter interface {
	// Segment returns the words of text in search mode: each top-level
	// word, and the dictionary words inside long ones, ordered by Pos.
	// White space and punctuation are not words.
	Segment(text string) []Token
}

// IsWordRune reports whether r can be part of a word: letters and digits
// of any script, and the decimal point and percent sign inside figures.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '%'
}

// Bigram is a dictionary-free Segmenter for tests: runs of Han characters
// become overlapping two-character words, runs of Latin letters and digits
// one word each.
type Bigram struct{}

// Segment implements Segmenter.
func (Bigram) Segment(text string) []Token {
	var out []Token
	pos := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.Is(unicode.Han, r):
			// A run of Han characters.
			var offs []int
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.Is(unicode.Han, r2) {
					break
				}
				offs = append(offs, j)
				j += n2
			}
			offs = append(offs, j)
			if len(offs) == 2 {
				out = append(out, Token{Start: offs[0], End: offs[1], Pos: pos})
				pos++
			}
			for k := 0; k+2 < len(offs); k++ {
				out = append(out, Token{Start: offs[k], End: offs[k+2], Pos: pos})
				pos++
			}
			i = j
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			j := i
			for j < len(text) {
				c := text[j]
				if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' && j > i) {
					break
				}
				j++
			}
			out = append(out, Token{Start: i, End: j, Pos: pos})
			pos++
			i = j
		default:
			i += n
		}
	}
	return out
}

// MaxMatch is a dictionary segmenter for tests: forward maximum matching
// over a word list, with the dictionary words inside a long word given
// its position, as gojieba's search mode does. Han characters that start
// no word stand alone; runs of Latin letters and digits are one word.
type MaxMatch struct {
	words  map[string]bool
	maxLen int // longest word, in runes
}

// NewMaxMatch returns a MaxMatch segmenter over words.
func NewMaxMatch(words []string) *MaxMatch {
	m := &MaxMatch{words: map[string]bool{}}
	for _, w := range words {
		if w == "" {
			continue
		}
		m.words[w] = true
		if n := utf8.RuneCountInString(w); n > m.maxLen {
			m.maxLen = n
		}
	}
	return m
}

// Segment implements Segmenter.
func (m *MaxMatch) Segment(text string) []Token {
	var out []Token
	pos := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.Is(unicode.Han, r):
			// The longest dictionary word starting here.
			end := i + n
			j, k := i, 0
			for j < len(text) && k < m.maxLen {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.Is(unicode.Han, r2) && !(r2 < 0x80 && (unicode.IsLetter(r2) || unicode.IsDigit(r2))) {
					break
				}
				j += n2
				k++
				if m.words[text[i:j]] {
					end = j
				}
			}
			// Dictionary words inside it share its position.
			for a := i; a < end; {
				_, na := utf8.DecodeRuneInString(text[a:])
				for b := a + na; b <= end; {
					if (a != i || b != end) && m.words[text[a:b]] {
						out = append(out, Token{Start: a, End: b, Pos: pos})
					}
					if b == end {
						break
					}
					_, nb := utf8.DecodeRuneInString(text[b:])
					b += nb
				}
				a += na
			}
			out = append(out, Token{Start: i, End: end, Pos: pos})
			pos++
			i = end
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			j := i
			for j < len(text) {
				c := text[j]
				if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' && j > i) {
					break
				}
				j++
			}
			out = append(out, Token{Start: i, End: j, Pos: pos})
			pos++
			i = j
		default:
			i += n
		}
	}
	return out
}
