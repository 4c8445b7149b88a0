package index

import (
	"cmp"
	"context"
	"fmt"
	"html"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	lru "github.com/hashicorp/golang-lru/v2"

	"reportkb/index/segment"
)

// Filter restricts a search to some documents. Zero fields do not
// filter; the fields that are set must all hold. Every field is a term
// query (or a disjunction of them) on a field of the indexed sentences
// and paragraphs, so that a filter costs the same however many documents
// it lets through.
type Filter struct {
	Doc  string   // one document id
	Docs []string // any of these document ids
	// Region is a full or short name (上海市, 上海, 全国): it matches the
	// regions it names by report.PlaceMatches.
	Region  string
	Year    int      // a year the document speaks of
	Regions []string // any of these regions, as detected (上海市, 汉阳区, 全国)
	Levels  []string // any of these levels: national, province, city, county, district
	Kinds   []string // any of these kinds of report (政府工作报告, 统计公报 …)
	Years   []int    // any of these years the document speaks of
}

// WeightedTerm is a query word with its weight.
type WeightedTerm struct {
	Text  string // as indexed (see Terms)
	Boost float64
	// Prefix matches every indexed word that starts with Text: a single
	// character of a question (征) finds the words holding it (征地, 征收).
	Prefix bool
	// With are words that must all occur beside Text for the term to
	// match: the parts of a compound the index keeps apart (教育支出 as
	// 教育, 支出), scored as one when found together.
	With []string
}

// Span is a byte range.
type Span struct{ Start, End int }

// Hit is a paragraph or sentence that matched a query.
type Hit struct {
	// Entry is the parsed document (the compatibility path), nil when the
	// query asked for Records.
	Entry *Entry
	// Doc is the summary of the document.
	Doc *Summary
	// Para is the paragraph index; Sentence the sentence index, or -1 for
	// a paragraph hit.
	Para, Sentence int
	Score          float64
	// Matched maps each matched query word to its spans in the hit's text
	// (queries with Locations).
	Matched map[string][]Span
	// SentenceRec and ParagraphRec are the records of the hit, read from
	// disk, for queries with Records.
	SentenceRec  *Sentence
	ParagraphRec *Paragraph
}

// Text returns the text of the hit: the sentence, or the paragraph.
func (h *Hit) Text() string {
	switch {
	case h.SentenceRec != nil:
		return h.SentenceRec.Text
	case h.ParagraphRec != nil:
		return h.ParagraphRec.Text
	case h.Sentence >= 0:
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
	// headings, adding this share of a heading's score to its
	// paragraph's (paragraph searches only).
	HeadingBoost float64
	// Headings searches the topic headings of paragraphs only (not with
	// Sentences).
	Headings bool
	// Locations asks for the spans of the matched words (Hit.Matched).
	Locations bool
	// Records fills Hit.SentenceRec or Hit.ParagraphRec from disk instead
	// of Hit.Entry: no document is parsed.
	Records bool
	// AllWords keeps the words common in the library that a sentence
	// search across documents otherwise drops (see weakWords).
	AllWords bool
}

// SearchTerms runs q and returns the hits, best first, and the total
// number of hits.
func (x *Index) SearchTerms(q Query) ([]Hit, int, error) {
	if len(q.Terms) == 0 {
		return nil, 0, nil
	}
	if !q.Sentences && !q.Headings {
		return x.searchParagraphs(q)
	}
	if q.Filter.Region != "" {
		// Regions match by full or short name (上海市, 上海): resolved to
		// the regions of the documents, a few thousand at most.
		x.mu.RLock()
		regs := x.cat.regionsMatching(q.Filter.Region)
		x.mu.RUnlock()
		if len(q.Filter.Regions) > 0 {
			regs = slices.DeleteFunc(regs, func(r string) bool { return !containsStr(q.Filter.Regions, r) })
		}
		if len(regs) == 0 {
			return nil, 0, nil
		}
		q.Filter.Region, q.Filter.Regions = "", regs
	}
	scoped := q.Filter.Doc != ""
	if f, ok := x.asDocs(q.Filter); ok {
		if len(f.Docs) == 0 {
			return nil, 0, nil
		}
		q.Filter = f
	}
	if q.Size <= 0 {
		q.Size = 10
	}
	field := "stext"
	if q.Headings {
		field = "heading"
	}
	var should []query.Query
	var weak map[string]bool
	if q.Sentences && !scoped && !q.AllWords {
		// Within one document every match is cheap, and each counts:
		// a question asked of one report keeps all its words.
		weak = x.weakWords(q.Terms)
	}
	for _, t := range q.Terms {
		if len(t.With) > 0 {
			parts := make([]query.Query, 0, len(t.With)+1)
			for _, w := range append([]string{t.Text}, t.With...) {
				tq := query.NewTermQuery(w)
				tq.SetField(field)
				if t.Boost > 0 {
					tq.SetBoost(t.Boost) // a conjunction's own boost is not applied
				}
				parts = append(parts, tq)
			}
			should = append(should, query.NewConjunctionQuery(parts))
			continue
		}
		if weak[t.Text] && !t.Prefix {
			continue
		}
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
	}
	dis := query.NewDisjunctionQuery(should)
	dis.SetMin(1)
	var top query.Query = dis
	if fs := filterQueries(q.Filter); len(fs) > 0 {
		top = query.NewConjunctionQuery(append([]query.Query{dis}, fs...))
	}
	res, err := x.topHits(top, q.Size, q.From)
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		r, ok := parseHitID(h.ID)
		if !ok {
			continue
		}
		sum, ok := x.Summary(r.doc)
		if !ok || sum.Gen != r.gen {
			continue // not committed yet, or replaced or removed meanwhile
		}
		hit := Hit{Doc: sum, Score: h.Score, Sentence: -1, Para: r.n}
		if r.kind == 's' {
			if r.n >= sum.Sentences {
				continue
			}
			hit.Sentence = r.n
		} else if r.n >= sum.Paragraphs {
			continue
		}
		hit.Matched = map[string][]Span{}
		hits = append(hits, hit)
	}
	hits, err = x.fill(hits, q)
	if err != nil {
		return nil, 0, err
	}
	return hits, int(res.Total), nil
}

// fill reads what q asks of its hits: their records or parsed documents,
// and the spans of the words matched. A hit whose document was replaced
// or removed meanwhile is dropped.
func (x *Index) fill(hits []Hit, q Query) ([]Hit, error) {
	var err error
	if q.Records {
		err = x.fillRecords(hits, q.Sentences)
	} else {
		err = x.fillEntries(hits)
	}
	if err != nil {
		return nil, err
	}
	hits = slices.DeleteFunc(hits, func(h Hit) bool { return h.Entry == nil && h.SentenceRec == nil && h.ParagraphRec == nil })
	if q.Locations {
		for i := range hits {
			x.locate(&hits[i], q.Terms)
		}
	}
	return hits, nil
}

// paraRounds is how many times searchParagraphs reads more sentences,
// four times as many each time, when those read lie in too few paragraphs.
const paraRounds = 3

// searchParagraphs runs a paragraph search. Paragraphs are not indexed
// as text of their own (their sentences are, and indexing the words twice
// took a quarter of an add's time): a paragraph is found by its sentences,
// and scores as its best sentence, plus HeadingBoost times the score of
// its heading when the query's words are in it. The sentences are
// searched with all the query's words, as a paragraph search always was.
// The total is the number of paragraphs the sentences found, estimated
// from those read when there are more.
func (x *Index) searchParagraphs(q Query) ([]Hit, int, error) {
	if q.Size <= 0 {
		q.Size = 10
	}
	q.From = max(q.From, 0)
	want := q.From + q.Size
	type key struct {
		doc  *Summary
		para int
	}
	for fetch, round := 4*want+16, 1; ; fetch, round = fetch*4, round+1 {
		sq := q
		sq.Sentences, sq.AllWords, sq.Locations, sq.HeadingBoost = true, true, false, 0
		sq.Size, sq.From = fetch, 0
		sents, total, err := x.SearchTerms(sq)
		if err != nil {
			return nil, 0, err
		}
		score := map[key]float64{}
		var order []key
		for _, h := range sents {
			k := key{h.Doc, h.Para}
			if _, ok := score[k]; !ok {
				order = append(order, k)
			}
			score[k] = max(score[k], h.Score) // hits come best first
		}
		complete := len(sents) >= total
		if len(order) < want && !complete && round < paraRounds {
			continue // many sentences of few paragraphs: read further
		}
		if q.HeadingBoost > 0 {
			hq := q
			hq.Headings, hq.Locations, hq.HeadingBoost = true, false, 0
			hq.Size, hq.From = fetch, 0
			heads, _, err := x.SearchTerms(hq)
			if err != nil {
				return nil, 0, err
			}
			for _, h := range heads {
				k := key{h.Doc, h.Para}
				if _, ok := score[k]; !ok {
					order = append(order, k)
				}
				score[k] += q.HeadingBoost * h.Score
			}
		}
		n := len(order)
		if !complete && len(sents) > 0 {
			n = max(n, total*len(score)/len(sents))
		}
		slices.SortStableFunc(order, func(a, b key) int {
			if c := cmp.Compare(score[b], score[a]); c != 0 {
				return c
			}
			if c := cmp.Compare(a.doc.ID, b.doc.ID); c != 0 {
				return c
			}
			return cmp.Compare(a.para, b.para)
		})
		order = order[min(q.From, len(order)):min(want, len(order))]
		hits := make([]Hit, len(order))
		for i, k := range order {
			hits[i] = Hit{Doc: k.doc, Para: k.para, Sentence: -1, Score: score[k], Matched: map[string][]Span{}}
		}
		hits, err = x.fill(hits, q)
		if err != nil {
			return nil, 0, err
		}
		return hits, n, nil
	}
}

// maxFilterDocs is the most documents a filter by what documents are is
// searched as (see asDocs); a variable for tests.
var maxFilterDocs = 64

// asDocs returns f as the documents it selects, by the catalogue, when they
// are few: false when f selects no documents by what they are, or many. A
// year's, a level's or a kind's term is in a large share of a big library,
// and bleve advances through its postings entry by entry to each entry
// the question's words match; a few documents' own terms are short. The
// entries selected are the same: the filter fields of an entry are those
// of its document (see addParagraphs and catalog).
func (x *Index) asDocs(f Filter) (Filter, bool) {
	if f.Region == "" && len(f.Regions) == 0 && len(f.Levels) == 0 && len(f.Kinds) == 0 && f.Year == 0 && len(f.Years) == 0 {
		return f, false // by id only, or not at all
	}
	x.mu.RLock()
	ids, filtered := x.cat.selectIDs(f, x.docs)
	x.mu.RUnlock()
	if !filtered || len(ids) > maxFilterDocs {
		return f, false
	}
	docs := make([]string, 0, len(ids))
	for id := range ids {
		docs = append(docs, id)
	}
	sort.Strings(docs)
	return Filter{Docs: docs}, true
}

// A word is weak in a question when it is in more than weakShare of the
// index's entries and in more than weakMin, and weighs less than weakBoost
// of the question's weightiest word: 新 and 增加 as alternatives of 新增 in
// 新增养老床位多少张. A sentence that holds only weak words of a question
// is not among its candidates. Below weakMin, matching every entry costs
// little, and a small index keeps all its matches.
const (
	weakShare = 0.003
	weakMin   = 300
	weakBoost = 0.5
)

// weakWords returns the weak words of terms.
func (x *Index) weakWords(terms []WeightedTerm) map[string]bool {
	words := make([]string, 0, len(terms))
	top := 0.0
	for _, t := range terms {
		top = max(top, t.Boost)
		if !t.Prefix && len(t.With) == 0 {
			words = append(words, t.Text)
		}
	}
	df, total := x.DocFreq(words)
	if total == 0 {
		return nil
	}
	limit := max(int(weakShare*float64(total)), weakMin)
	weak := map[string]bool{}
	for _, t := range terms {
		// The weightiest word is never weak: some word is always searched.
		if !t.Prefix && len(t.With) == 0 && df[t.Text] > limit && t.Boost < weakBoost*top {
			weak[t.Text] = true
		}
	}
	return weak
}

// topHits returns the hits of top ranked from to from+size, best first.
// Equal scores are ordered by id, not by the order documents happened to
// be indexed in: the same question gets the same hits whichever way the
// index was built. Sorting on the id makes bleve read the id of every
// matching document, a fifth of a search's time; so the hits are fetched
// by score alone, with some to spare, and sorted here, and only a tie
// that reaches past the spare ones is fetched again sorted on the id.
func (x *Index) topHits(top query.Query, size, from int) (*bleve.SearchResult, error) {
	n := from + size
	fetch := n + n/4 + 8
	res, err := x.bleve.Search(bleve.NewSearchRequestOptions(top, fetch, 0, false))
	if err != nil {
		return nil, err
	}
	hits := res.Hits
	slices.SortStableFunc(hits, func(a, b *search.DocumentMatch) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	if len(hits) == fetch && hits[n-1].Score == hits[fetch-1].Score {
		// A tie at the last place wanted may go on past the hits
		// fetched: let bleve sort on the id.
		req := bleve.NewSearchRequestOptions(top, size, from, false)
		req.SortBy([]string{"-_score", "_id"})
		return x.bleve.Search(req)
	}
	res.Hits = hits[min(from, len(hits)):min(n, len(hits))]
	return res, nil
}

// locate finds the spans of the query's words in the text of a hit, as
// the index segments it.
func (x *Index) locate(h *Hit, terms []WeightedTerm) {
	for _, t := range Terms(x.cfg.Segmenter, h.Text()) {
		for _, q := range terms {
			if t.Text == q.Text || q.Prefix && strings.HasPrefix(t.Text, q.Text) {
				h.Matched[t.Text] = append(h.Matched[t.Text], Span{t.Start, t.End})
				break
			}
		}
	}
}

// fillRecords reads the records of the hits from disk. A hit whose
// version was replaced between the search and the read is dropped.
func (x *Index) fillRecords(hits []Hit, sentences bool) error {
	refs := make([]Ref, len(hits))
	for i, h := range hits {
		refs[i] = Ref{Doc: h.Doc.ID, Gen: h.Doc.Gen, N: h.Para}
		if sentences {
			refs[i].N = h.Sentence
		}
	}
	if sentences {
		rs, err := x.readSentences(refs, true)
		if err != nil {
			return err
		}
		for i, r := range rs {
			if r != nil {
				hits[i].SentenceRec, hits[i].Para = r, r.Para
			}
		}
		return nil
	}
	rs, err := x.readParagraphs(refs, true)
	if err != nil {
		return err
	}
	for i, r := range rs {
		hits[i].ParagraphRec = r
	}
	return nil
}

// fillEntries sets the parsed documents of the hits, parsing those not in
// the cache on all cores.
func (x *Index) fillEntries(hits []Hit) error {
	var sums []*Summary
	seen := map[*Summary]int{}
	for _, h := range hits {
		if _, ok := seen[h.Doc]; !ok {
			seen[h.Doc] = len(sums)
			sums = append(sums, h.Doc)
		}
	}
	entries := x.entries(sums)
	for i := range hits {
		e := entries[seen[hits[i].Doc]]
		if e == nil {
			continue
		}
		hits[i].Entry = e
		if hits[i].Sentence >= 0 {
			hits[i].Para = e.Doc.Sentences[hits[i].Sentence].Para
		}
	}
	return nil
}

// entries returns the parsed documents of sums (nil for one that cannot
// be read), parsing those not in the cache on all cores.
func (x *Index) entries(sums []*Summary) []*Entry {
	out := make([]*Entry, len(sums))
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := 0; w < min(runtime.NumCPU(), len(sums)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(sums) {
					return
				}
				e, err := x.entry(sums[i])
				if err != nil {
					x.log.Error("document cannot be read", "doc", sums[i].ID, "err", err)
					continue
				}
				out[i] = e
			}
		}()
	}
	wg.Wait()
	return out
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

// anyTerm is a disjunction of terms of a field, nil for no values.
func anyTerm(field string, values []string) query.Query {
	switch len(values) {
	case 0:
		return nil
	case 1:
		return term(field, values[0])
	}
	qs := make([]query.Query, len(values))
	for i, v := range values {
		qs[i] = term(field, v)
	}
	return query.NewDisjunctionQuery(qs)
}

func filterQueries(f Filter) []query.Query {
	var qs []query.Query
	add := func(q query.Query) {
		if q != nil {
			qs = append(qs, q)
		}
	}
	if f.Doc != "" {
		add(term("doc", f.Doc))
	}
	add(anyTerm("doc", f.Docs))
	if f.Region != "" {
		add(term("region", f.Region))
	}
	add(anyTerm("region", f.Regions))
	add(anyTerm("level", f.Levels))
	add(anyTerm("dkind", f.Kinds))
	if f.Year > 0 {
		add(term("years", strconv.Itoa(f.Year)))
	}
	var ys []string
	for _, y := range f.Years {
		ys = append(ys, strconv.Itoa(y))
	}
	add(anyTerm("years", ys))
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

// Search finds the paragraphs that best match text. It reads the
// paragraphs it returns from disk and parses no document.
func (x *Index) Search(text string, f Filter, size, from int) (*SearchResult, error) {
	terms := x.QueryTerms(text)
	hits, total, err := x.SearchTerms(Query{Terms: terms, Filter: f, Size: size, From: from, HeadingBoost: 0.5, Locations: true, Records: true})
	if err != nil {
		return nil, err
	}
	res := &SearchResult{Total: total, Hits: []SearchHit{}}
	for _, h := range hits {
		p := h.ParagraphRec
		var spans []Span
		for _, ss := range h.Matched {
			spans = append(spans, ss...)
		}
		res.Hits = append(res.Hits, SearchHit{
			Doc: h.Doc.ID, Title: h.Doc.Title, Paragraph: h.Para, Page: p.Page, Line: p.Line,
			Heading: p.Heading, Section: strings.Join(h.Doc.SectionPath(p.Section), " / "),
			Text: p.Text, Fragments: Fragments(p.Text, spans, 80, 3), Score: h.Score,
		})
	}
	return res, nil
}

// SectionPath returns the titles of section s and its ancestors,
// outermost first.
func (s *Summary) SectionPath(sec int) []string {
	var path []string
	for n := 0; sec >= 0 && sec < len(s.Sections) && n <= len(s.Sections); n++ {
		path = append([]string{s.Sections[sec].Number + s.Sections[sec].Title}, path...)
		sec = s.Sections[sec].Parent
	}
	return path
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
	if x.shardOf != nil {
		out := make(map[string]int, len(words))
		total := 0
		for _, s := range x.shards {
			f, n := s.DocFreq(words)
			for w, c := range f {
				out[w] += c
			}
			total += n
		}
		return out, total
	}
	out := make(map[string]int, len(words))
	ver := x.Version()
	fc := &x.freqs
	fc.mu.Lock()
	fc.at(ver)
	var missing []string
	for _, w := range words {
		if n, ok := fc.words.Get(w); ok {
			out[w] = n
		} else {
			missing = append(missing, w)
		}
	}
	total := fc.total
	fc.mu.Unlock()
	if len(missing) == 0 && total >= 0 {
		return out, total
	}
	adv, err := x.bleve.Advanced()
	if err != nil {
		return out, 0
	}
	r, err := adv.Reader()
	if err != nil {
		return out, 0
	}
	defer r.Close()
	n, err := r.DocCount()
	if err != nil {
		return out, 0
	}
	total = int(n)
	found := map[string]int{}
	for _, w := range missing {
		folded, _ := segment.Fold(w)
		tfr, err := r.TermFieldReader(context.Background(), []byte(folded), "stext", false, false, false)
		if err != nil {
			continue
		}
		out[w] = int(tfr.Count())
		found[w] = out[w]
		tfr.Close()
	}
	fc.mu.Lock()
	if fc.ver == ver {
		fc.total = total
	}
	fc.put(ver, found)
	fc.mu.Unlock()
	return out, total
}

// freqCache keeps the sentence frequencies of words DocFreq looked up,
// for one version of the documents: questions share most of their words.
type freqCache struct {
	mu    sync.Mutex
	ver   uint64
	total int // sentences in all; -1 when not read
	words *lru.Cache[string, int]
}

// freqCacheSize is how many words' frequencies are kept.
const freqCacheSize = 64 << 10

// at empties the cache when it holds counts of another version of the
// documents than ver; fc.mu is held.
func (fc *freqCache) at(ver uint64) {
	if fc.words == nil || fc.ver != ver {
		fc.words, _ = lru.New[string, int](freqCacheSize)
		fc.ver, fc.total = ver, -1
	}
}

// put keeps counts made at version ver, unless the documents changed
// meanwhile; fc.mu is held.
func (fc *freqCache) put(ver uint64, counts map[string]int) {
	if fc.ver != ver {
		return
	}
	for w, c := range counts {
		fc.words.Add(w, c)
	}
}

// CoFreq returns how many indexed sentences hold all the words (as
// indexed) together: how rare a phrase the index holds as several words
// is (隐性债务 as 隐性 and 债务).
func (x *Index) CoFreq(words []string) int {
	if len(words) == 0 {
		return 0
	}
	// The phrases are the lexicons' alternatives, shared by most
	// questions: each is counted once per version of the documents.
	key := strings.Join(words, "\x00")
	ver := x.Version()
	fc := &x.cofreqs
	fc.mu.Lock()
	fc.at(ver)
	n, ok := fc.words.Get(key)
	fc.mu.Unlock()
	if ok {
		return n
	}
	n, err := x.coFreq(words)
	if err != nil {
		return 0
	}
	fc.mu.Lock()
	fc.put(ver, map[string]int{key: n})
	fc.mu.Unlock()
	return n
}

func (x *Index) coFreq(words []string) (int, error) {
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
		return 0, err
	}
	return int(res.Total), nil
}
