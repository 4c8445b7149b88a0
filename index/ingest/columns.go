package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
		for ci, c := range cols {
			if w.xMin >= c[0]-2 && w.xMax <= c[1]+2 {
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
	mid := func(w word) float64 { return (w.yMin + w.yMax) / 2 }
	sort.SliceStable(ws, func(i, j int) bool { return mid(ws[i]) < mid(ws[j]) })
	var lines []string
	var cur []word
	flush := func() {
		if len(cur) == 0 {
			return
		}
		sort.SliceStable(cur, func(i, j int) bool { return cur[i].xMin < cur[j].xMin })
		var b strings.Builder
		for k, w := range cur {
			if k > 0 {
				gap := w.xMin - cur[k-1].xMax
				h := min(w.yMax-w.yMin, cur[k-1].yMax-cur[k-1].yMin)
				last, _ := utf8.DecodeLastRuneInString(cur[k-1].text)
				first, _ := utf8.DecodeRuneInString(w.text)
				if gap > h/3 || last < 0x80 && first < 0x80 && gap > h/8 {
					b.WriteByte(' ')
				}
			}
			b.WriteString(w.text)
		}
		lines = append(lines, b.String())
		cur = cur[:0]
	}
	// A line: words whose middles stand within 40% of the height of the
	// smallest; figures set in a taller font stand in the line of their
	// characters.
	for _, w := range ws {
		if len(cur) > 0 {
			h := w.yMax - w.yMin
			for _, c := range cur {
				h = min(h, c.yMax-c.yMin)
			}
			if mid(w)-mid(cur[0]) > h*0.4 {
				flush()
			}
		}
		cur = append(cur, w)
	}
	flush()
	return lines
}

// readColumns reads the pages of layout text set in columns again, column
// by column, from the boxes of their words; it returns the text and the
// pages it read so.
func readColumns(bin, file string, text []byte) ([]byte, []int, error) {
	pages := bytes.Split(text, []byte("\f"))
	var done []int
	for i, page := range pages {
		if !looksColumned(page) {
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
		cols := columnsOf(words, width)
		if cols == nil {
			continue
		}
		pages[i] = columnText(words, cols)
		done = append(done, i+1)
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
