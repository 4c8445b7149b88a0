package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkTextLayer refuses the text of a PDF that has none worth reading:
// scanned pages without a text layer give (almost) nothing, and fonts
// without a Unicode mapping give runs of ASCII symbols (!"#$%&') or
// characters no report uses. Pages without text among pages with text
// are reported in Warnings.
func checkTextLayer(t *Text) error {
	pages := bytes.Split(t.Text, []byte("\f"))
	if len(pages) > 1 && len(bytes.TrimSpace(pages[len(pages)-1])) == 0 {
		pages = pages[:len(pages)-1]
	}
	var total charStats
	var empty []int
	for i, p := range pages {
		s := statsOf(p)
		total.add(s)
		if s.letters < 5 {
			empty = append(empty, i+1)
		}
	}
	if total.nonSpace >= 20 && total.garbage() {
		return fmt.Errorf("%w: the PDF's fonts map to no readable characters (pdftotext gives %q)", ErrNeedsOCR, sampleText(t.Text, 24))
	}
	if total.letters < 20 || total.letters < 10*len(pages) && len(empty)*2 > len(pages) {
		return fmt.Errorf("%w: the PDF has no text layer (%d pages, %d characters of text): its pages are images, such as scans", ErrNeedsOCR, len(pages), total.letters)
	}
	if len(empty) > 0 {
		t.Warnings = append(t.Warnings, fmt.Sprintf("PDF pages without text (blank, or images that need OCR): %s", pageList(empty)))
	}
	return nil
}

type charStats struct {
	nonSpace, letters, symbols, han, commonHan int
}

func (s *charStats) add(o charStats) {
	s.nonSpace += o.nonSpace
	s.letters += o.letters
	s.symbols += o.symbols
	s.han += o.han
	s.commonHan += o.commonHan
}

// garbage reports whether text is the output of fonts without a Unicode
// mapping: mostly ASCII symbols, private-use characters, or Chinese
// characters outside GB2312 (which holds 99.9% of a report's).
func (s charStats) garbage() bool {
	if s.nonSpace == 0 {
		return false
	}
	if s.symbols*100 > s.nonSpace*30 || s.letters*100 < s.nonSpace*40 {
		return true
	}
	return s.han >= 100 && s.commonHan*100 < s.han*70
}

func statsOf(b []byte) charStats {
	var s charStats
	for _, r := range string(b) {
		switch {
		case isSpaceRune(r) || r == '\f':
		case r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF:
			s.nonSpace++
			s.letters++
			s.han++
			if isGB2312Han(r) {
				s.commonHan++
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			s.nonSpace++
			if r >= 0xE000 && r <= 0xF8FF {
				s.symbols++
			} else {
				s.letters++
			}
		case r < 0x80 && strings.ContainsRune("!\"#$&'*+<=>?@[\\]^_`{|}~", r), r >= 0xE000 && r <= 0xF8FF, r == utf8.RuneError, r < ' ':
			s.nonSpace++
			s.symbols++
		default:
			s.nonSpace++
		}
	}
	return s
}

func sampleText(b []byte, n int) string {
	var out []rune
	for _, r := range string(b) {
		if isSpaceRune(r) || r == '\f' {
			continue
		}
		out = append(out, r)
		if len(out) == n {
			break
		}
	}
	return string(out)
}

// pageList writes page numbers as 1-3, 7.
func pageList(ps []int) string {
	var parts []string
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && ps[j+1] == ps[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", ps[i], ps[j]))
		} else {
			parts = append(parts, fmt.Sprint(ps[i]))
		}
		i = j + 1
	}
	if len(parts) > 12 {
		parts = append(parts[:12], "…")
	}
	return strings.Join(parts, ", ")
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			n++
		}
	}
	return n
}

// textRuns counts the runs of Chinese text in a line that are four
// characters or longer and stand apart by four spaces or more.
func textRuns(l string) int {
	runs := 0
	han, gap := 0, 99
	for _, r := range l {
		switch {
		case r == ' ' || r == '\u3000':
			gap++
			if gap >= 4 {
				if han >= 4 {
					runs++
				}
				han = 0
			}
		default:
			if gap >= 4 {
				han = 0
			}
			gap = 0
			if r >= 0x4E00 && r <= 0x9FFF {
				han++
			}
		}
	}
	if han >= 4 {
		runs++
	}
	return runs
}
