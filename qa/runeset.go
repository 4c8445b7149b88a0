package qa

import "unicode/utf8"

// runeSet is a 256-bit signature of the runes of a string: a word whose
// runes are not all in a text's set does not occur in it. Scoring looks
// for every word of a question in every candidate sentence, its heading
// and its section; the sets let most of those searches end before they
// start. The zero set is in every set.
type runeSet [4]uint64

// runesOf returns the set of the runes of s. A string that is not valid
// UTF-8 gets the zero set, which says nothing, as a word: a stray byte of
// a word may sit inside a rune of the text.
func runesOf(s string) runeSet {
	var rs runeSet
	if !utf8.ValidString(s) {
		return rs
	}
	for _, r := range s {
		h := uint32(r) * 2654435761 >> 24
		rs[h>>6] |= 1 << (h & 63)
	}
	return rs
}

// textRunes returns the set of the runes of a text words are looked for
// in. Invalid bytes count as utf8.RuneError, which no valid word holds.
func textRunes(s string) runeSet {
	var rs runeSet
	for _, r := range s {
		h := uint32(r) * 2654435761 >> 24
		rs[h>>6] |= 1 << (h & 63)
	}
	return rs
}

// mayHold reports whether a text of set t may hold a word of set w.
func (t *runeSet) mayHold(w *runeSet) bool {
	return t[0]&w[0] == w[0] && t[1]&w[1] == w[1] && t[2]&w[2] == w[2] && t[3]&w[3] == w[3]
}
