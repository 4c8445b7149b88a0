package segment

import (
	"strings"
	"unicode/utf8"
)

// RepairOCR undoes the character confusions OCR and retyping leave in
// reports, for reading only: every replacement has the length of what it
// replaces, so each byte offset stays where it was in the original.
//   - A letter l, I, O or o among digits is the digit it looks like
//     (4l.38亿公斤, 1O％, lO.5％), unless a Latin letter stands beside the
//     run (CO2, No.1).
//   - 人 after a verb that takes 入 (收人, 投人, 纳人, 深人, 列人) is 入,
//     unless a noun of people follows (吸收人才, 接收人员).
func RepairOCR(s string) string {
	if !strings.ContainsAny(s, "lIOo人") {
		return s
	}
	var b []byte
	set := func(i int, c byte) {
		if b == nil {
			b = []byte(s)
		}
		b[i] = c
	}
	// Digits: runs of digits, dots and look-alike letters.
	for i := 0; i < len(s); {
		if !digitLike(s[i]) {
			i++
			continue
		}
		j := i
		digits := false
		for j < len(s) && digitLike(s[j]) {
			digits = digits || s[j] >= '0' && s[j] <= '9'
			j++
		}
		if digits && !latinAt(s, i-1) && !latinAt(s, j) && hasLookAlike(s[i:j]) {
			for k := i; k < j; k++ {
				switch s[k] {
				case 'l', 'I':
					set(k, '1')
				case 'O', 'o':
					set(k, '0')
				}
			}
		}
		i = j
	}
	// 收人 → 收入.
	for k := strings.Index(s, "人"); k >= 0; {
		if prev, _ := utf8.DecodeLastRuneInString(s[:k]); strings.ContainsRune(intoVerbs, prev) {
			if next, _ := utf8.DecodeRuneInString(s[k+len("人"):]); !strings.ContainsRune(peopleNouns, next) {
				if b == nil {
					b = []byte(s)
				}
				copy(b[k:], "入")
			}
		}
		n := strings.Index(s[k+len("人"):], "人")
		if n < 0 {
			break
		}
		k += len("人") + n
	}
	if b == nil {
		return s
	}
	return string(b)
}

// intoVerbs take 入 (收入, 投入, 纳入…) and seldom 人 (收人 is no word).
const intoVerbs = "收投纳深输列融注介植录"

// peopleNouns follow 人 in a noun of people after such a verb: 吸收人才,
// 接收人员, 投人力 is rare enough to leave.
const peopleNouns = "才员口群民士家们数次手选"

// digitLike reports whether c may stand in a figure: a digit, a dot or a
// letter OCR reads for a digit.
func digitLike(c byte) bool {
	return c >= '0' && c <= '9' || c == '.' || c == 'l' || c == 'I' || c == 'O' || c == 'o'
}

// hasLookAlike reports whether run holds a letter OCR reads for a digit.
func hasLookAlike(run string) bool { return strings.ContainsAny(run, "lIOo") }

// latinAt reports whether s holds a Latin letter at byte i.
func latinAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
