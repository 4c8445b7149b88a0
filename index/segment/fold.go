package segment

import "unicode/utf8"

// FoldRune maps full-width ASCII (ＧＤＰ, ５．５％) and the ideographic
// space to their ASCII forms and upper-case Latin letters to lower case;
// other runes are returned unchanged.
func FoldRune(r rune) rune {
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

// Fold returns s with FoldRune applied to every rune, and, when any byte
// offset changed, a table mapping each byte offset of the result (and its
// end) to the offset in s. The table is nil when offsets are unchanged.
func Fold(s string) (string, []int) {
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
	var offs []int
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
