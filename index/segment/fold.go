package segment

import "unicode/utf8"

// t2s maps traditional characters to simplified ones of the same UTF-8
// length (國 → 国), so that old reports answer questions in simplified
// Chinese.
var t2s = func() map[rune]rune {
	m := make(map[rune]rune, len(t2sPairs)/6)
	rs := []rune(t2sPairs)
	for i := 0; i+1 < len(rs); i += 2 {
		m[rs[i]] = rs[i+1]
		if rs[i] < 0x10000 {
			t2sBMP[rs[i]>>6] |= 1 << (rs[i] & 63)
		}
	}
	return m
}()

// t2sBMP has a bit set for each rune of the Basic Multilingual Plane that
// t2s maps: most Han characters are not traditional ones, and a bit is
// cheaper to read than the map.
var t2sBMP [0x10000 / 64]uint64

// toSimplified returns the simplified form of r and whether it has one.
func toSimplified(r rune) (rune, bool) {
	if r < 0x10000 && t2sBMP[r>>6]&(1<<(r&63)) == 0 {
		return r, false
	}
	s, ok := t2s[r]
	return s, ok
}

// FoldRune maps full-width ASCII (ＧＤＰ, ５．５％) and the ideographic
// space to their ASCII forms, upper-case Latin letters to lower case and
// traditional characters to simplified ones; other runes are returned
// unchanged.
func FoldRune(r rune) rune {
	if r >= 0x3400 && r < 0xff00 || r >= 0x20000 {
		s, _ := toSimplified(r)
		return s
	}
	switch {
	case r >= '！' && r <= '～':
		r = r - '！' + '!'
	case r == '\u3000':
		return ' '
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}

// Fold returns s repaired of OCR's confusions (RepairOCR) and with
// FoldRune applied to every rune, and, when any byte
// offset changed, a table mapping each byte offset of the result (and its
// end) to the offset in s. The table is nil when offsets are unchanged.
func Fold(s string) (string, []int) {
	s = RepairOCR(s)
	same := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			same = false
			break
		}
		if c >= 0x80 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if FoldRune(r) != r {
				same = false
				break
			}
		}
	}
	if same {
		return s, nil
	}
	out := make([]byte, 0, len(s))
	offs := make([]int, 0, len(s)+1)
	resized := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		f := FoldRune(r)
		before := len(out)
		if f == r {
			out = append(out, s[i:i+n]...)
		} else {
			out = utf8.AppendRune(out, f)
		}
		for k := before; k < len(out); k++ {
			offs = append(offs, i)
		}
		if len(out)-before != n {
			resized = true
		}
		i += n
	}
	offs = append(offs, len(s))
	if !resized {
		offs = nil
	}
	return string(out), offs
}

// FoldT2S maps traditional characters to simplified ones, and repairs
// what OCR confused (RepairOCR), leaving every byte offset where it was.
func FoldT2S(s string) string {
	s = RepairOCR(s)
	var b []byte
	for i, r := range s {
		if f, ok := toSimplified(r); ok {
			if b == nil {
				b = []byte(s)
			}
			utf8.EncodeRune(b[i:], f)
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}
