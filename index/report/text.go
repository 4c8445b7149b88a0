package report

import (
	"unicode/utf8"
)

// textBuilder joins lines of the original into paragraph text, dropping
// the white space OCR put between characters and the line breaks, and
// records where every byte of the text came from.
type textBuilder struct {
	data    []byte
	text    []byte
	pieces  []piece
	last    rune // last rune emitted, 0 at the start
	lastEnd int  // original offset just past the last emitted rune

	// keepSpaces keeps every run of white space (and every line break) as
	// one space: table cells are told apart by them.
	keepSpaces bool
}

func (b *textBuilder) reset() {
	b.text = b.text[:0]
	b.pieces = nil
	b.last = 0
	b.lastEnd = 0
}

// emit appends the original bytes data[o:o+n] as text.
func (b *textBuilder) emit(r rune, o, n int) {
	if k := len(b.pieces) - 1; k >= 0 {
		pc := &b.pieces[k]
		if !pc.replaced && pc.orig+pc.origLen == o && pc.text+pc.textLen == len(b.text) {
			pc.textLen += n
			pc.origLen += n
			b.text = append(b.text, b.data[o:o+n]...)
			b.last, b.lastEnd = r, o+n
			return
		}
	}
	b.pieces = append(b.pieces, piece{text: len(b.text), orig: o, textLen: n, origLen: n})
	b.text = append(b.text, b.data[o:o+n]...)
	b.last, b.lastEnd = r, o+n
}

// emitSpace appends one ASCII space standing for the n original bytes at o.
func (b *textBuilder) emitSpace(o, n int) {
	if n == 1 && b.data[o] == ' ' {
		b.emit(' ', o, 1)
		return
	}
	b.pieces = append(b.pieces, piece{text: len(b.text), orig: o, textLen: 1, origLen: n, replaced: true})
	b.text = append(b.text, ' ')
	b.last, b.lastEnd = ' ', o+n
}

// addRange appends the original range [start, end) of one line. A run of
// white space survives as one space only between two ASCII letters or
// digits ("Open WebUI"); elsewhere ("建造 3 座", "22. 1 亿元") it goes.
// wrapped says whether the line before ran on to this one (a full printed
// line): figures apart by a line break that is no wrap stay apart (17.8 /
// 16 is not 17.816).
func (b *textBuilder) addRange(start, end int, wrapped bool) {
	if len(b.text) > 0 && start < end {
		// A line break: keep words of Latin script apart, and figures.
		r, _ := utf8.DecodeRune(b.data[start:end])
		if b.keepSpaces || isASCIILetter(b.last) && isASCIILetter(r) && b.lastEnd < start ||
			!wrapped && isFigureEnd(b.last) && isDigit(r) && b.lastEnd < start {
			b.emitSpace(b.lastEnd, 1)
		}
	}
	for o := start; o < end; {
		r, n := utf8.DecodeRune(b.data[o:end])
		if !IsSpace(r) {
			b.emit(r, o, n)
			o += n
			continue
		}
		// A run of spaces.
		sp := o
		for o < end {
			r2, n2 := utf8.DecodeRune(b.data[o:end])
			if !IsSpace(r2) {
				break
			}
			o += n2
		}
		if o < end && len(b.text) > 0 && b.keepSpaces {
			_, n0 := utf8.DecodeRune(b.data[sp:])
			b.emitSpace(sp, n0)
		} else if o < end && isASCIIAlnum(b.last) {
			next, _ := utf8.DecodeRune(b.data[o:end])
			if isASCIIAlnum(next) {
				_, n0 := utf8.DecodeRune(b.data[sp:])
				b.emitSpace(sp, n0)
			}
		}
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isFigureEnd reports whether r may end a figure: a digit, a point, %.
func isFigureEnd(r rune) bool { return isDigit(r) || r == '.' || r == '%' || r == '％' }

func (b *textBuilder) paragraph(kind Kind) Paragraph {
	p := Paragraph{Kind: kind, Text: string(b.text), Section: -1, Table: -1, Row: -1}
	p.pieces = append([]piece(nil), b.pieces...)
	if len(p.pieces) > 0 {
		p.Start = p.pieces[0].orig
		last := p.pieces[len(p.pieces)-1]
		p.End = last.orig + last.origLen
	}
	return p
}

// maxSentence is the length in bytes beyond which a sentence is split at
// semicolons as well.
const maxSentence = 600

// splitSentences returns the byte ranges of the sentences of text. A
// sentence ends at 。！？ (with any closing quotes after it); one that is
// very long also ends at ；.
func splitSentences(text string) [][2]int {
	var out [][2]int
	start := 0
	lastSemi := -1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		end := false
		switch r {
		case '。', '！', '？', '!', '?':
			end = true
		case '；', ';':
			lastSemi = i
		}
		if !end && i-start > maxSentence && lastSemi > start {
			out = append(out, [2]int{start, lastSemi})
			start = lastSemi
		}
		if !end {
			continue
		}
		for i < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[i:])
			if !isClosing(r2) && r2 != '。' && r2 != '！' && r2 != '？' {
				break
			}
			i += n2
		}
		out = append(out, [2]int{start, i})
		start = i
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}
