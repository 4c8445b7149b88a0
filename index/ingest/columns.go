package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportkb/internal/rx"
)

// Pages set in several columns of running text (a newspaper page) come out
// of pdftotext's layout mode with the lines of neighbouring columns side
// by side. Such pages are read again from the boxes of their words
// (pdftotext -bbox): the gutters between the columns are found where no
// word stands, and each column is written out whole, left to right, with
// the lines that span the columns (titles) before them.

// word is a word of a PDF page with its box, in points.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

// bboxPage reads the words of one page from pdftotext -bbox output.
func bboxPage(r io.Reader) (words []word, width float64, err error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var cur *word
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "page":
				width = attrFloat(t, "width")
			case "word":
				cur = &word{xMin: attrFloat(t, "xMin"), yMin: attrFloat(t, "yMin"), xMax: attrFloat(t, "xMax"), yMax: attrFloat(t, "yMax")}
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(t)
			}
		case xml.EndElement:
			if t.Name.Local == "word" && cur != nil {
				if s := strings.TrimSpace(cur.text); s != "" {
					cur.text = s
					words = append(words, *cur)
				}
				cur = nil
			}
		}
	}
	return words, width, nil
}

func attrFloat(t xml.StartElement, name string) float64 {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			v, _ := strconv.ParseFloat(a.Value, 64)
			return v
		}
	}
	return 0
}

// columnsOf finds the columns of running text of a page: the x ranges
// between gutters no word crosses, each wide and holding Chinese prose.
// It returns nil when the page is not set in two columns or more.
func columnsOf(words []word, width float64) [][2]float64 {
	if len(words) < 40 || width <= 0 {
		return nil
	}
	n := int(math.Ceil(width)) + 1
	cover := make([]int, n)
	for _, w := range words {
		for x := max(0, int(w.xMin)); x < min(n, int(math.Ceil(w.xMax))); x++ {
			cover[x]++
		}
	}
	peak := 0
	for _, c := range cover {
		peak = max(peak, c)
	}
	// Gutters: runs of at least 4 points crossed by hardly any word (a few
	// cross them where pdftotext ran two columns' lines into one word).
	low := max(2, peak/20)
	var cols [][2]float64
	start := -1
	for x := 0; x <= n; x++ {
		inText := x < n && cover[x] > low
		switch {
		case inText && start < 0:
			start = x
		case !inText && start >= 0:
			// Look ahead: a gap narrower than 4 points is no gutter.
			gap := 0
			for gap < 4 && x+gap < n && cover[x+gap] <= low {
				gap++
			}
			if gap < 4 && x+gap < n {
				x += gap - 1
				continue
			}
			cols = append(cols, [2]float64{float64(start), float64(x)})
			start = -1
		}
	}
	// Columns of prose: wide, their words mostly Chinese.
	var prose [][2]float64
	for _, c := range cols {
		if c[1]-c[0] < width*0.1 {
			continue
		}
		han, all := 0, 0
		var in []word
		for _, w := range words {
			if mid := (w.xMin + w.xMax) / 2; mid < c[0] || mid >= c[1] {
				continue
			}
			in = append(in, w)
			for _, r := range w.text {
				all++
				if unicode.Is(unicode.Han, r) || strings.ContainsRune("，。、；：“”（）", r) {
					han++
				}
			}
		}
		if all == 0 || han*100 < all*60 {
			continue
		}
		// Running text: many lines, most of them long, many with a comma
		// or a full stop (a table's column of names has neither).
		lines := wordLines(in)
		long, punct := 0, 0
		for _, l := range lines {
			if utf8.RuneCountInString(l) >= 10 {
				long++
			}
			if strings.ContainsAny(l, "，。；") {
				punct++
			}
		}
		if len(lines) >= 8 && long*100 >= len(lines)*60 && punct*100 >= len(lines)*30 {
			prose = append(prose, c)
		}
	}
	if len(prose) < 2 {
		return nil
	}
	return prose
}

// columnText writes the words of a page column by column: the lines that
// cross the gutters first (titles), then each column top to bottom.
func columnText(words []word, cols [][2]float64) []byte {
	words = splitAtGutters(words, cols)
	colOf := func(w word) int {
		// A line may hang its opening quote or bracket a character's
		// width into the margin (“十四五”时期，…): that much slack on the
		// left, so the line stays in its column.
		slack, left := 2.0, 2.0
		if r, _ := utf8.DecodeRuneInString(w.text); strings.ContainsRune("“‘《（(「『【〔", r) {
			left = max(2, w.yMax-w.yMin)
		}
		for ci, c := range cols {
			if w.xMin >= c[0]-left && w.xMax <= c[1]+slack {
				return ci
			}
		}
		return -1
	}
	groups := make([][]word, len(cols)+1) // the last: words across columns or outside them
	for _, w := range words {
		if ci := colOf(w); ci >= 0 {
			groups[ci] = append(groups[ci], w)
		} else {
			groups[len(cols)] = append(groups[len(cols)], w)
		}
	}
	var out bytes.Buffer
	for _, g := range append(groups[len(cols):], groups[:len(cols)]...) {
		for _, l := range wordLines(g) {
			out.WriteString(l)
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}

// splitAtGutters splits the words that run across a gutter (two columns'
// lines read as one word) where it lies, placing their characters by the
// share of the word's width they take (a Chinese character twice a
// Latin one).
func splitAtGutters(words []word, cols [][2]float64) []word {
	var out []word
	for _, w := range words {
		crosses := false
		for k := 1; k < len(cols); k++ {
			g := (cols[k-1][1] + cols[k][0]) / 2
			if w.xMin < g && w.xMax > g {
				crosses = true
			}
		}
		if !crosses {
			out = append(out, w)
			continue
		}
		rs := []rune(w.text)
		weights := make([]float64, len(rs))
		total := 0.0
		for i, r := range rs {
			weights[i] = 0.55
			if r >= 0x2E80 {
				weights[i] = 1
			}
			total += weights[i]
		}
		x := w.xMin
		piece := word{yMin: w.yMin, yMax: w.yMax, xMin: x}
		col := -1
		for i, r := range rs {
			cw := (w.xMax - w.xMin) * weights[i] / total
			mid := x + cw/2
			c := len(cols)
			for k, cl := range cols {
				if mid < cl[1]+(func() float64 {
					if k+1 < len(cols) {
						return (cols[k+1][0] - cl[1]) / 2
					}
					return 1e9
				})() {
					c = k
					break
				}
			}
			if col >= 0 && c != col && piece.text != "" {
				piece.xMax = x
				out = append(out, piece)
				piece = word{yMin: w.yMin, yMax: w.yMax, xMin: x}
			}
			col = c
			piece.text += string(r)
			x += cw
		}
		if piece.text != "" {
			piece.xMax = w.xMax
			out = append(out, piece)
		}
	}
	return out
}

// wordLines groups words into lines by their height on the page, left to
// right, with a space only where words stand apart by more than a third
// of their height (letter-spaced text reads whole).
func wordLines(ws []word) []string {
	var lines []string
	for _, l := range lineWords(ws) {
		var b strings.Builder
		for k, w := range l {
			if k > 0 {
				gap := w.xMin - l[k-1].xMax
				h := min(w.yMax-w.yMin, l[k-1].yMax-l[k-1].yMin)
				last, _ := utf8.DecodeLastRuneInString(l[k-1].text)
				first, _ := utf8.DecodeRuneInString(w.text)
				if gap > h/3 || last < 0x80 && first < 0x80 && gap > h/8 {
					b.WriteByte(' ')
				}
			}
			b.WriteString(w.text)
		}
		lines = append(lines, b.String())
	}
	return lines
}

// lineWords groups words into lines, each left to right: words whose
// middles stand within 40% of the height of the line's smallest word
// from its middle; figures set in a taller font stand in the line of
// their characters.
func lineWords(ws []word) [][]word {
	mid := func(w word) float64 { return (w.yMin + w.yMax) / 2 }
	ws = slices.Clone(ws)
	sort.SliceStable(ws, func(i, j int) bool { return mid(ws[i]) < mid(ws[j]) })
	var lines [][]word
	var cur []word
	flush := func() {
		if len(cur) == 0 {
			return
		}
		sort.SliceStable(cur, func(i, j int) bool { return cur[i].xMin < cur[j].xMin })
		lines = append(lines, cur)
		cur = nil
	}
	for _, w := range ws {
		if len(cur) > 0 {
			// Measured from the line's smallest word, its body text.
			ref := cur[0]
			for _, c := range cur {
				if c.yMax-c.yMin < ref.yMax-ref.yMin {
					ref = c
				}
			}
			h := min(w.yMax-w.yMin, ref.yMax-ref.yMin)
			if mid(w)-mid(ref) > h*0.4 {
				flush()
			}
		}
		cur = append(cur, w)
	}
	flush()
	return lines
}

// spacedLines writes the words of a page as layout text: lines as
// lineWords groups them, each indented from the page's left edge and its
// words set apart by as many spaces as their gap holds half-width
// characters (a table's cells stay apart, a paragraph's indent stays);
// overlapping words (a figure and its fraction, 519 and .7) join.
func spacedLines(ws []word) []string {
	if len(ws) == 0 {
		return nil
	}
	left := ws[0].xMin
	for _, w := range ws {
		left = min(left, w.xMin)
	}
	var lines []string
	for _, l := range lineWords(ws) {
		h := l[0].yMax - l[0].yMin
		for _, w := range l {
			h = min(h, w.yMax-w.yMin)
		}
		half := max(h*0.45, 1)
		var b strings.Builder
		b.WriteString(strings.Repeat(" ", int(math.Round((l[0].xMin-left)/half))))
		for k, w := range l {
			if k > 0 {
				if gap := w.xMin - l[k-1].xMax; gap > h/3 {
					b.WriteString(strings.Repeat(" ", max(1, int(math.Round(gap/half)))))
				}
			}
			b.WriteString(w.text)
		}
		lines = append(lines, b.String())
	}
	return lines
}

// reLoneFraction is a line of layout text that starts with the fraction
// of a decimal (.7 亿元): its whole stands on another line.
var reLoneFraction = rx.MustCompile(`(?m)^[ \t]*\.[0-9]`)

// readTallFigures reads again, from the boxes of their words, the pages
// of layout text (other than those in skip) where figures set in a
// taller font than their characters broke the lines: some typesetting
// systems box a figure that high, and pdftotext's layout then puts its
// fraction, or the figure itself, on a line of its own above or below
// (全市收入完成 519 / .7 亿元,占). It returns the text and the pages it
// read so.
func readTallFigures(bin, file string, text []byte, skip []int) ([]byte, []int, error) {
	suspect := func(n int, page []byte) bool {
		return !slices.Contains(skip, n) && len(reLoneFraction.FindAllIndex(page, 2)) >= 2
	}
	return rereadPages(bin, file, text, suspect, func(words []word, _ float64) []byte {
		if !tallFigures(words) {
			return nil
		}
		return []byte(strings.Join(spacedLines(words), "\n") + "\n")
	})
}

// tallFigures reports whether a page sets its figures in boxes much taller
// (1.5 times) than those of its Chinese words.
func tallFigures(words []word) bool {
	var han, fig []float64
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w.text)
		switch {
		case unicode.Is(unicode.Han, r):
			han = append(han, w.yMax-w.yMin)
		case r >= '0' && r <= '9' || r == '.':
			fig = append(fig, w.yMax-w.yMin)
		}
	}
	if len(han) < 10 || len(fig) < 3 {
		return false
	}
	slices.Sort(han)
	slices.Sort(fig)
	return fig[len(fig)/2] >= 1.5*han[len(han)/2]
}

// readColumns reads the pages of layout text set in columns again, column
// by column, from the boxes of their words; it returns the text and the
// pages it read so.
func readColumns(bin, file string, text []byte) ([]byte, []int, error) {
	suspect := func(_ int, page []byte) bool { return looksColumned(page) }
	return rereadPages(bin, file, text, suspect, func(words []word, width float64) []byte {
		if cols := columnsOf(words, width); cols != nil {
			return columnText(words, cols)
		}
		return nil
	})
}

// rereadPages reads again, from the boxes of their words (pdftotext
// -bbox), the pages of layout text that suspect says may be misread (it
// is given each page's number, from 1, and text);
// reread writes a page's text from its words, or returns nil to keep the
// layout text. It returns the text and the pages it rewrote.
func rereadPages(bin, file string, text []byte, suspect func(n int, page []byte) bool, reread func(words []word, width float64) []byte) ([]byte, []int, error) {
	pages := bytes.Split(text, []byte("\f"))
	var done []int
	for i, page := range pages {
		if !suspect(i+1, page) {
			continue
		}
		out, err := pdftotext(bin, "-bbox", "-f", strconv.Itoa(i+1), "-l", strconv.Itoa(i+1), file)
		if err != nil {
			return nil, nil, err
		}
		words, width, err := bboxPage(bytes.NewReader(out))
		if err != nil {
			return nil, nil, fmt.Errorf("%w: pdftotext -bbox: %v", ErrCorrupt, err)
		}
		if t := reread(words, width); t != nil {
			pages[i] = t
			done = append(done, i+1)
		}
	}
	if len(done) == 0 {
		return text, nil, nil
	}
	return bytes.Join(pages, []byte("\f")), done, nil
}

// looksColumned reports whether a page of layout text has most of its
// lines of Chinese in two runs or more far apart: columns side by side.
func looksColumned(page []byte) bool {
	lines, runs := 0, 0
	for _, l := range strings.Split(string(page), "\n") {
		if hanCount(l) < 8 {
			continue
		}
		lines++
		if textRuns(l) >= 2 {
			runs++
		}
	}
	return lines >= 10 && runs*100 >= lines*40
}
