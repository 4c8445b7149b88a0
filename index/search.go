package index

import (
	"context"
	"fmt"
	"html"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"reportkb/index/report"
	"reportkb/index/segment"
)

// Filter restricts a search to some documents. Zero fields do not filter.
type Filter struct {
	Doc    string   // one document id
	Docs   []string // any of these document ids
	Region string   // region name as detected (上海市, 汉阳区, 全国)
	Year   int      // a year the document speaks of
}

// WeightedTerm is a query word with its weight.
type WeightedTerm struct {
	Text  string // as indexed (see Terms)
	Boost float64
	// Prefix matches every indexed word that starts with Text: a single
	// character of a question (征) finds the words holding it (征地, 征收).
	Prefix bool
}

// Span is a byte range.
type Span struct{ Start, End int }

// Hit is a paragraph or sentence that matched a query.
type Hit struct {
	Entry *Entry
	// Para is the paragraph index; Sentence the sentence index, or -1 for
	// a paragraph hit.
	Para, Sentence int
	Score          float64
	// Matched maps each matched query word to its spans in the hit's text.
	Matched map[string][]Span
}

// Text returns the text of the hit: the sentence, or the paragraph.
func (h *Hit) Text() string {
	if h.Sentence >= 0 {
		return h.Entry.Doc.Sentences[h.Sentence].Text
	}
	return h.Entry.Doc.Paragraphs[h.Para].Text
}

// Query is a search over sentences or paragraphs.
type Query struct {
	Terms     []WeightedTerm
	Filter    Filter
	Size      int
	From      int
	Sentences bool // search sentences rather than paragraphs
	// HeadingBoost, when positive, also matches the words in paragraph
	// headings with this weight (paragraph searches only).
	HeadingBoost float64
	// Locations asks for the spans of the matched words (Hit.Matched).
	Locations bool
}

// SearchTerms runs q and returns the hits, best first, and the total
// number of hits.
func (x *Index) SearchTerms(q Query) ([]Hit, int, error) {
	if len(q.Terms) == 0 {
		return nil, 0, nil
	}
	if q.Filter.Region != "" {
		// Regions match by full or short name (上海市, 上海).
		var ids []string
		for _, e := range x.Docs() {
			if report.PlaceMatches(q.Filter.Region, e.Doc.Meta.Region) && (len(q.Filter.Docs) == 0 || containsStr(q.Filter.Docs, e.Doc.ID)) {
				ids = append(ids, e.Doc.ID)
			}
		}
		if len(ids) == 0 {
			return nil, 0, nil
		}
		q.Filter.Region, q.Filter.Docs = "", ids
	}
	if q.Size <= 0 {
		q.Size = 10
	}
	field := "ptext"
	if q.Sentences {
		field = "stext"
	}
	var should []query.Query
	for _, t := range q.Terms {
		var tq interface {
			query.Query
			SetField(string)
			SetBoost(float64)
		}
		if t.Prefix {
			tq = query.NewPrefixQuery(t.Text)
		} else {
			tq = query.NewTermQuery(t.Text)
		}
		tq.SetField(field)
		if t.Boost > 0 {
			tq.SetBoost(t.Boost)
		}
		should = append(should, tq)
		if !q.Sentences && q.HeadingBoost > 0 {
			hq := query.NewTermQuery(t.Text)
			hq.SetField("heading")
			hq.SetBoost(q.HeadingBoost * max(t.Boost, 0.01))
			should = append(should, hq)
		}
	}
	dis := query.NewDisjunctionQuery(should)
	dis.SetMin(1)
	var top query.Query = dis
	if fs := filterQueries(q.Filter); len(fs) > 0 {
		top = query.NewConjunctionQuery(append([]query.Query{dis}, fs...))
	}
	req := bleve.NewSearchRequestOptions(top, q.Size, q.From, false)
	req.IncludeLocations = q.Locations
	res, err := x.bleve.Search(req)
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		r, ok := parseHitID(h.ID)
		if !ok {
			continue
		}
		e, ok := x.Doc(r.doc)
		if !ok || e.Gen != r.gen {
			continue // replaced or removed meanwhile
		}
		hit := Hit{Entry: e, Score: h.Score, Sentence: -1}
		if r.kind == 's' {
			if r.n >= len(e.Doc.Sentences) {
				continue
			}
			hit.Sentence = r.n
			hit.Para = e.Doc.Sentences[r.n].Para
		} else {
			if r.n >= len(e.Doc.Paragraphs) {
				continue
			}
			hit.Para = r.n
		}
		hit.Matched = map[string][]Span{}
		for field, terms := range h.Locations {
			if field != "ptext" && field != "stext" {
				continue
			}
			for t, locs := range terms {
				for _, l := range locs {
					hit.Matched[t] = append(hit.Matched[t], Span{int(l.Start), int(l.End)})
				}
			}
		}
		hits = append(hits, hit)
	}
	return hits, int(res.Total), nil
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func term(field, value string) query.Query {
	q := query.NewTermQuery(value)
	q.SetField(field)
	q.SetBoost(0)
	return q
}

func filterQueries(f Filter) []query.Query {
	var qs []query.Query
	if f.Doc != "" {
		qs = append(qs, term("doc", f.Doc))
	}
	if len(f.Docs) > 0 {
		var ds []query.Query
		for _, d := range f.Docs {
			ds = append(ds, term("doc", d))
		}
		qs = append(qs, query.NewDisjunctionQuery(ds))
	}
	if f.Region != "" {
		qs = append(qs, term("region", f.Region))
	}
	if f.Year > 0 {
		qs = append(qs, term("years", strconv.Itoa(f.Year)))
	}
	return qs
}

// QueryTerms analyzes free text into query words, each once, in order.
func (x *Index) QueryTerms(text string) []WeightedTerm {
	seen := map[string]bool{}
	var out []WeightedTerm
	for _, t := range Terms(x.cfg.Segmenter, text) {
		if seen[t.Text] {
			continue
		}
		seen[t.Text] = true
		out = append(out, WeightedTerm{Text: t.Text, Boost: 1})
	}
	return out
}

// SearchResult is the answer to a full-text search.
type SearchResult struct {
	Total int
	Hits  []SearchHit
}

// SearchHit is a paragraph found by Search.
type SearchHit struct {
	Doc       string
	Title     string
	Paragraph int // index of the paragraph in the document
	Page      int
	Line      int
	Heading   string
	Section   string
	Text      string
	Fragments []string // HTML: escaped text with <mark> around matches
	Score     float64
}

// Search finds the paragraphs that best match text.
func (x *Index) Search(text string, f Filter, size, from int) (*SearchResult, error) {
	terms := x.QueryTerms(text)
	hits, total, err := x.SearchTerms(Query{Terms: terms, Filter: f, Size: size, From: from, HeadingBoost: 0.5, Locations: true})
	if err != nil {
		return nil, err
	}
	res := &SearchResult{Total: total, Hits: []SearchHit{}}
	for _, h := range hits {
		d := h.Entry.Doc
		p := &d.Paragraphs[h.Para]
		var spans []Span
		for _, ss := range h.Matched {
			spans = append(spans, ss...)
		}
		res.Hits = append(res.Hits, SearchHit{
			Doc: d.ID, Title: d.Title, Paragraph: h.Para, Page: p.Page, Line: p.Line,
			Heading: p.Heading, Section: strings.Join(d.SectionPath(p.Section), " / "),
			Text: p.Text, Fragments: Fragments(p.Text, spans, 80, 3), Score: h.Score,
		})
	}
	return res, nil
}

// Fragments returns up to n windows of about width runes of text around
// the spans, HTML-escaped, with each span wrapped in <mark>.
func Fragments(text string, spans []Span, width, n int) []string {
	if len(spans) == 0 {
		return []string{html.EscapeString(truncateRunes(text, width))}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	// Merge overlapping spans (search-mode words overlap).
	var merged []Span
	for _, s := range spans {
		if k := len(merged) - 1; k >= 0 && s.Start <= merged[k].End {
			merged[k].End = max(merged[k].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	var out []string
	used := -1 // end of the last window
	for i := 0; i < len(merged) && len(out) < n; i++ {
		s := merged[i]
		if s.Start < used {
			continue
		}
		start := backRunes(text, s.Start, width/4)
		if start < used {
			start = used
		}
		end := forwardRunes(text, start, width)
		if end < s.End {
			end = s.End
		}
		var b strings.Builder
		if start > 0 {
			b.WriteString("…")
		}
		pos := start
		for _, m := range merged {
			if m.End <= pos || m.Start >= end {
				continue
			}
			ms, me := max(m.Start, pos), min(m.End, end)
			b.WriteString(html.EscapeString(text[pos:ms]))
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(text[ms:me]))
			b.WriteString("</mark>")
			pos = me
		}
		b.WriteString(html.EscapeString(text[pos:end]))
		if end < len(text) {
			b.WriteString("…")
		}
		out = append(out, b.String())
		used = end
	}
	return out
}

func backRunes(s string, off, n int) int {
	for ; n > 0 && off > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:off])
		off -= size
	}
	return off
}

func forwardRunes(s string, off, n int) int {
	for ; n > 0 && off < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[off:])
		off += size
	}
	return off
}

func truncateRunes(s string, n int) string {
	end := forwardRunes(s, 0, n)
	if end < len(s) {
		return s[:end] + "…"
	}
	return s
}

// DocFreq returns how many indexed sentences contain each of the words
// (as indexed), and how many documents the index holds in all.
func (x *Index) DocFreq(words []string) (map[string]int, int) {
	out := make(map[string]int, len(words))
	adv, err := x.bleve.Advanced()
	if err != nil {
		return out, 0
	}
	r, err := adv.Reader()
	if err != nil {
		return out, 0
	}
	defer r.Close()
	total, err := r.DocCount()
	if err != nil {
		return out, 0
	}
	for _, w := range words {
		folded, _ := segment.Fold(w)
		tfr, err := r.TermFieldReader(context.Background(), []byte(folded), "stext", false, false, false)
		if err != nil {
			continue
		}
		out[w] = int(tfr.Count())
		tfr.Close()
	}
	return out, int(total)
}

// CoFreq returns how many indexed sentences hold all the words (as
// indexed) together: how rare a phrase the index holds as several words
// is (隐性债务 as 隐性 and 债务).
func (x *Index) CoFreq(words []string) int {
	if len(words) == 0 {
		return 0
	}
	var qs []query.Query
	for _, w := range words {
		folded, _ := segment.Fold(w)
		tq := query.NewTermQuery(folded)
		tq.SetField("stext")
		qs = append(qs, tq)
	}
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery(qs), 0, 0, false)
	res, err := x.bleve.Search(req)
	if err != nil {
		return 0
	}
	return int(res.Total)
}
