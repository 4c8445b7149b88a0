package index

import (
	"sort"
	"strings"
	"unicode/utf8"

	"reportkb/index/report"
	"reportkb/index/segment"
)

// Place is where a piece of text stands in a document.
type Place struct {
	Doc       string `json:"doc"`
	Title     string `json:"title"`
	Page      int    `json:"page"`
	Line      int    `json:"line"`
	Start     int    `json:"start"` // byte offsets in the file as given
	End       int    `json:"end"`
	Original  string `json:"original"` // the exact text of the source, spaces and line breaks included
	Paragraph int    `json:"paragraph"`
	Sentence  string `json:"sentence"`
}

// skeleton is a document's text without white space and page footers,
// folded to half width, lower case and simplified characters, with the
// offset of each byte in the text.
type skeleton struct {
	gen  int64
	text string
	offs []int32
}

// skeletonOf builds the skeleton of a document.
func skeletonOf(e *Entry) *skeleton {
	data := e.text
	skip := make([][2]int, 0, len(e.Doc.Footers))
	for _, f := range e.Doc.Footers {
		skip = append(skip, [2]int{f.Start, f.End})
	}
	var b strings.Builder
	b.Grow(len(data))
	offs := make([]int32, 0, len(data))
	k := 0
	for i := 0; i < len(data); {
		for k < len(skip) && skip[k][1] <= i {
			k++
		}
		if k < len(skip) && i >= skip[k][0] {
			i = skip[k][1]
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if !report.IsSpace(r) {
			f := segment.FoldRune(r)
			before := b.Len()
			b.WriteRune(f)
			for j := before; j < b.Len(); j++ {
				offs = append(offs, int32(i))
			}
		}
		i += n
	}
	offs = append(offs, int32(len(data)))
	return &skeleton{gen: e.Gen, text: b.String(), offs: offs}
}

// foldQuery folds text as skeletons are folded.
func foldQuery(text string) string {
	var b strings.Builder
	for _, r := range text {
		if !report.IsSpace(r) {
			b.WriteRune(segment.FoldRune(r))
		}
	}
	return b.String()
}

// Locate finds where text stands in the documents (all, or doc): however
// its spaces, line breaks and character widths differ from the source.
// It returns at most limit places, in document and file order.
func (x *Index) Locate(text, doc string, limit int) []Place {
	q := foldQuery(text)
	if q == "" {
		return nil
	}
	var out []Place
	sums := x.Summaries()
	if doc != "" {
		sums = nil
		if s, ok := x.Summary(doc); ok {
			sums = []*Summary{s}
		}
	}
	for _, s := range sums {
		if len(out) >= limit {
			break
		}
		it, err := x.cacheItem(s)
		if err != nil {
			continue
		}
		e := it.e
		it.skOnce.Do(func() { it.sk = skeletonOf(e) })
		sk := it.sk
		for from := 0; from < len(sk.text) && len(out) < limit; {
			k := strings.Index(sk.text[from:], q)
			if k < 0 {
				break
			}
			s, end := from+k, from+k+len(q)
			start, stop := int(sk.offs[s]), int(sk.offs[end-1])
			_, n := utf8.DecodeRune(e.text[stop:])
			stop += n
			out = append(out, x.place(e, start, stop))
			from = end
		}
	}
	return out
}

func (x *Index) place(e *Entry, start, end int) Place {
	d := e.Doc
	p := Place{Doc: d.ID, Title: d.Title, Line: d.LineAt(start), Start: e.FileOffset(start), End: e.FileOffset(end),
		Original: string(e.text[start:end]), Paragraph: -1}
	p.Page, _ = d.PageAt(p.Line)
	// The sentence that holds the start.
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > start })
	if i < len(d.Sentences) && d.Sentences[i].Start <= start {
		p.Sentence, p.Paragraph = d.Sentences[i].Text, d.Sentences[i].Para
	}
	return p
}
