// Package qa answers questions about the reports in an index: it analyzes
// a question, retrieves candidate sentences, scores every figure in them
// and returns the best with its unit and the sentence it stands in — or
// nothing, when the reports do not say.
package qa

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	lru "github.com/hashicorp/golang-lru/v2"

	"reportkb/index"
	"reportkb/index/place"
	"reportkb/index/report"
	"reportkb/index/segment"
	"reportkb/internal/rx"
)

// Config configures an Engine.
type Config struct {
	Index *index.Index
	// Lexicon defaults to the lexicon embedded in the binary.
	Lexicon *Lexicon
	// Home names the documents the knowledge base is for: when a question
	// does not say which report it means, their answers come first.
	Home []string
	// Candidates is how many sentences are scored per question; default 50.
	Candidates int
	// Model scores candidate figures; defaults to the weights embedded in
	// the binary.
	Model *Model
}

// Engine answers questions. It is safe for concurrent use.
type Engine struct {
	x     *index.Index
	lex   *Lexicon
	an    *Analyzer
	cands int
	model *Model

	home map[string]bool

	mu    sync.Mutex
	facts *lru.Cache[string, *docFacts] // the facts of a few documents, by id

	// views keeps the views of the sentences questions retrieved (see
	// sentView), by record: a record names one version of a document, so
	// a view never goes stale.
	views *lru.Cache[index.Ref, *sentView]

	regions   index.Versioned[*regionIndex] // of the reports' regions
	placeList index.Versioned[[]string]     // see places
}

// New returns an engine over cfg.Index.
func New(cfg Config) *Engine {
	if cfg.Lexicon == nil {
		cfg.Lexicon = LoadLexicon()
	}
	if cfg.Candidates <= 0 {
		cfg.Candidates = 50
	}
	if cfg.Model == nil {
		cfg.Model = DefaultModel()
	}
	e := &Engine{x: cfg.Index, lex: cfg.Lexicon, cands: cfg.Candidates, model: cfg.Model, home: map[string]bool{}}
	for _, id := range cfg.Home {
		e.home[id] = true
	}
	e.views, _ = lru.New[index.Ref, *sentView](defaultViews)
	e.facts, _ = lru.New[string, *docFacts](maxDocFacts)
	e.an = &Analyzer{Seg: cfg.Index.Segmenter(), Lex: cfg.Lexicon, Freq: cfg.Index.DocFreq, CoFreq: cfg.Index.CoFreq, Places: e.places}
	return e
}

// Warm reads the English word list, the thesaurus and the gazetteer's
// spellings ahead of the first questions, so that they do not pay for it.
// Questions read the records of the sentences they retrieve: nothing is
// derived per document ahead.
func (e *Engine) Warm() {
	cedict()
	thesaurus()
	index.DivisionsSpelled("")
}

// Analyzer returns the engine's question analyzer.
func (e *Engine) Analyzer() *Analyzer { return e.an }

// places lists the regions of the indexed reports, cached until the
// documents change.
func (e *Engine) places() []string {
	return e.placeList.Get(e.x.Version(), e.listPlaces)
}

func (e *Engine) listPlaces() []string {
	seen := map[string]bool{}
	var out []string
	for _, sum := range e.x.Summaries() {
		if r := sum.Meta.Region; r != "" && r != "全国" && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, p := range report.Provinces() {
		if full, _ := report.Province(p); !seen[full] {
			seen[full] = true
			out = append(out, full)
		}
	}
	return out
}

// Request is a question and where to look for its answer.
type Request struct {
	Question string
	Doc      string // restrict to one document
	Region   string // restrict to reports of a region
	Year     int    // restrict to reports speaking of a year
	K        int    // at most K answers and passages; default 3 answers, 5 passages
	Explain  bool   // add the analysis of the question to the response
}

// Response is the answer contract of the HTTP API.
type Response struct {
	Question string    `json:"question"`
	Answers  []Answer  `json:"answers"`
	Passages []Passage `json:"passages"`
	Analysis *Analysis `json:"analysis,omitempty"`
}

// Analysis shows how a question was understood.
type Analysis struct {
	Lang     string        `json:"lang"`
	Kind     string        `json:"kind"`
	Concepts []ConceptInfo `json:"concepts"`
	Unit     string        `json:"unit,omitempty"`
	Class    string        `json:"class,omitempty"`
	Year     int           `json:"year,omitempty"`
	Relative *int          `json:"relative_year,omitempty"`
	Plan     bool          `json:"plan"`
	Done     bool          `json:"done"`
	Place    string        `json:"place,omitempty"`
	Levels   []string      `json:"levels,omitempty"`
	Term     string        `json:"term,omitempty"`
	Unknown  []string      `json:"unknown,omitempty"`
	Docs     []string      `json:"docs,omitempty"`
}

// ConceptInfo is a concept of the analysis.
type ConceptInfo struct {
	Word   string   `json:"word"`
	Weight float64  `json:"weight"`
	Aspect bool     `json:"aspect"`
	Alts   []string `json:"alts"`
}

func explain(q *Question, f index.Filter) *Analysis {
	a := &Analysis{Lang: q.Lang, Kind: q.Kind, Unit: q.Unit, Class: q.Class, Year: q.Year, Plan: q.Plan, Done: q.Done,
		Place: q.Place, Levels: q.Levels, Term: q.Term, Unknown: q.Unknown, Docs: f.Docs, Concepts: []ConceptInfo{}}
	if q.HasRel {
		rel := q.Rel
		a.Relative = &rel
	}
	if f.Doc != "" {
		a.Docs = []string{f.Doc}
	}
	for _, c := range q.Concepts {
		ci := ConceptInfo{Word: c.Word, Weight: round(c.Weight), Aspect: c.Aspect}
		for _, alt := range c.Alts {
			ci.Alts = append(ci.Alts, fmt.Sprintf("%s×%.2f", alt.Text, alt.Factor))
		}
		a.Concepts = append(a.Concepts, ci)
	}
	return a
}

// Answer is a figure (or a definition, or a sentence) that answers the
// question, with where it stands in the sources.
type Answer struct {
	Text      string  `json:"text"`      // the figure as written: 6341张; in Chinese numerals, with its digits after it: 四倍（4倍）
	Value     float64 `json:"value"`     // with 万/亿 applied: 8.66亿元 → 866000000
	Unit      string  `json:"unit"`      // without the scale: 元
	Qualifier string  `json:"qualifier"` // 余, 约, 以内 …
	// Printed is the figure exactly as the file prints it, [Start, End),
	// when Text adds its digits: 四倍 for 四倍（4倍）.
	Printed   string  `json:"printed,omitempty"`
	Sentence  string  `json:"sentence"` // the whole source sentence
	Doc       string  `json:"doc"`
	Title     string  `json:"title"`
	Paragraph int     `json:"paragraph"` // index of the paragraph in the document
	Page      int     `json:"page"`      // printed page, 0 when unknown
	Line      int     `json:"line"`      // 1-based line where the sentence starts
	Start     int     `json:"start"`     // byte offsets of Text in the original file
	End       int     `json:"end"`
	Score     float64 `json:"score"`

	Kind         string   `json:"kind"`             // number, table, definition or text
	Period       int      `json:"period,omitempty"` // the year the figure belongs to
	Plan         bool     `json:"plan"`             // a target or plan rather than a result
	Column       string   `json:"column,omitempty"` // for table answers
	Matched      []string `json:"matched"`          // the question words found near the figure
	English      string   `json:"english,omitempty"`
	PageInferred bool     `json:"page_inferred"`
	// SentenceStart and SentenceEnd are the byte offsets of the sentence.
	SentenceStart int `json:"sentence_start"`
	SentenceEnd   int `json:"sentence_end"`
}

// Passage is a paragraph close to the question.
type Passage struct {
	Doc       string  `json:"doc"`
	Title     string  `json:"title"`
	Paragraph int     `json:"paragraph"`
	Page      int     `json:"page"`
	Line      int     `json:"line"`
	Heading   string  `json:"heading"`
	Text      string  `json:"text"`
	Score     float64 `json:"score"`
}

// Errors returned by Ask.
var (
	ErrEmptyQuestion = errors.New("empty question")
	ErrUnknownDoc    = errors.New("unknown document")
)

// Ask answers a question.
func (e *Engine) Ask(ctx context.Context, req Request) (*Response, error) {
	if err := e.checkRequest(req); err != nil {
		return nil, err
	}
	k := req.K
	if k <= 0 {
		k = 3
	}
	q := e.an.Analyze(req.Question)
	filter, ok := e.route(q, req)
	resp := &Response{Question: req.Question, Answers: []Answer{}, Passages: []Passage{}}
	if req.Explain {
		resp.Analysis = explain(q, filter)
	}
	if !ok {
		return resp, nil
	}
	terms := e.queryTerms(q)
	var answers []Answer
	undefined := false // a definition asked of a term the reports do not define
	if ask := identityAsked(q); ask != 0 {
		// Who delivered the report, when, at which meeting: its front
		// matter says.
		answers = e.identify(q, ask, filter)
	}
	switch {
	case len(answers) > 0:
	case q.Kind == KindDefinition:
		answers = e.define(q, filter)
		if len(answers) == 0 {
			// Not a term the reports define: perhaps a figure after all.
			q.Kind, undefined = KindNumber, true
		}
	}
	var hits []index.Hit
	vw := e.newViewer()
	// The retrieved sentences scored as passages, once a question: the
	// sentence answer and the order of passages read the same features.
	var scored *scoredPassages
	passagesOf := func() scoredPassages {
		if scored == nil {
			ph := e.passageHits(q, vw, hits)
			scored = &ph
		}
		return *scored
	}
	if len(answers) == 0 && len(terms) > 0 {
		var err error
		hits, err = e.candidates(q, terms, filter)
		n := len(q.Concepts)
		if err == nil {
			terms, hits, err = e.respell(q, terms, filter, hits)
		}
		if err != nil {
			return nil, err
		}
		if req.Explain && len(q.Concepts) != n {
			resp.Analysis = explain(q, filter) // with the words of spelled names
		}
		switch q.Kind {
		case KindNumber:
			var cands []candidate
			cands, hits = e.numberCands(q, vw, terms, filter, hits)
			answers = pick(cands, e.homeFirst(q), q.Scale, e.model)
			if q.Unit == "" && !q.AsksCount && len(q.Concepts) > 0 &&
				(q.Class == "" || q.Lang == "zh") && (len(answers) == 0 || undefined) {
				// "What is X" may be answered by a sentence; "how many X"
				// not. Asked as a definition, a sentence that says it
				// comes before a figure. A Chinese question that asks no
				// count (no 多少, 几) falls back to a sentence whatever
				// class its words hint (保粮食安全最要紧的是哪两样: no
				// weight asked); in English "What is the debt ceiling"
				// asks a sum.
				if s := e.sentences(q, vw, passagesOf()); len(s) > 0 {
					answers = s
				}
			}
		case KindText:
			if q.Why || q.Use || q.How {
				answers = e.reasons(q, vw, hits)
			}
			if len(answers) == 0 {
				answers = e.sentences(q, vw, passagesOf())
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(answers) > k {
		answers = answers[:k]
	}
	resp.Answers = append(resp.Answers, answers...)
	for i := range resp.Answers {
		if a := &resp.Answers[i]; a.Kind == "number" || a.Kind == "table" {
			if d := WithDigits(a.Text); d != a.Text {
				a.Printed, a.Text = a.Text, d
			}
		}
	}
	if q.Lang == "en" {
		for i := range resp.Answers {
			resp.Answers[i].English = english(resp.Answers[i], q.EnNoun)
		}
	}
	if len(answers) == 0 && q.Kind != KindDefinition && len(q.Concepts) > 0 && len(hits) > 1 {
		hits = e.byCoverage(passagesOf(), hits)
	}
	passages, err := e.passages(terms, filter, answers, hits, max(k, 5))
	if err != nil {
		return nil, err
	}
	resp.Passages = passages
	return resp, nil
}

// Scored is a candidate figure with the features the model scored it by
// (see FeatureNames), for fitting the model's weights.
type Scored struct {
	Answer
	Features []float64
}

// Candidates returns every figure the engine considered for a number
// question, scored but not thresholded, best first; nil for questions
// that ask for no figure.
func (e *Engine) Candidates(ctx context.Context, req Request) ([]Scored, error) {
	if err := e.checkRequest(req); err != nil {
		return nil, err
	}
	q, terms, filter, hits, err := e.retrieve(req)
	if err != nil || q == nil || q.Kind != KindNumber {
		return nil, err
	}
	cands, _ := e.numberCands(q, e.newViewer(), terms, filter, hits)
	sort.SliceStable(cands, func(i, j int) bool { return tieOrder(&cands[i], &cands[j]) })
	out := make([]Scored, len(cands))
	for i, c := range cands {
		out[i] = Scored{Answer: c.Answer, Features: append([]float64(nil), c.feat[:]...)}
	}
	return out, ctx.Err()
}

// checkRequest reports a request no question can be asked by: an empty
// question, or a document the index does not hold.
func (e *Engine) checkRequest(req Request) error {
	if strings.TrimSpace(req.Question) == "" {
		return ErrEmptyQuestion
	}
	if req.Doc != "" {
		if _, ok := e.x.Summary(req.Doc); !ok {
			return fmt.Errorf("%w: %s", ErrUnknownDoc, req.Doc)
		}
	}
	return nil
}

// retrieve analyses a request's question and retrieves its candidate
// sentences as Ask does, a definition the reports do not give read as a
// figure asked (for Candidates and PassageHits, which describe what Ask
// weighs); q is nil when there is nothing to search.
func (e *Engine) retrieve(req Request) (q *Question, terms []index.WeightedTerm, filter index.Filter, hits []index.Hit, err error) {
	q = e.an.Analyze(req.Question)
	filter, ok := e.route(q, req)
	terms = e.queryTerms(q)
	if !ok || len(terms) == 0 {
		return nil, nil, filter, nil, nil
	}
	if q.Kind == KindDefinition && len(e.define(q, filter)) == 0 {
		q.Kind = KindNumber
	}
	hits, err = e.candidates(q, terms, filter)
	if err == nil {
		terms, hits, err = e.respell(q, terms, filter, hits)
	}
	if err != nil {
		return nil, nil, filter, nil, err
	}
	return q, terms, filter, hits, nil
}

// route picks the documents to search: the request's filters, narrowed
// to the reports of the place, level and year the question names. ok is
// false when the question names a place no report covers. It reads the
// index's catalogue of regions, levels and years, never every document.
func (e *Engine) route(q *Question, req Request) (f index.Filter, ok bool) {
	f = index.Filter{Doc: req.Doc}
	if f.Doc != "" {
		if sum, ok := e.x.Summary(f.Doc); ok {
			if used := namedBy(q.Unknown, sum); len(used) > 0 {
				q.Unknown = slices.DeleteFunc(q.Unknown, func(w string) bool { return contains(used, w) })
			}
			if q.Place == "" && len(q.Names) > 0 && len(e.spelled(q.Names)) == 0 {
				// Yanbian asked of Jilin's report: a division in it.
				e.gazetteerPlace(q, sum.Meta.Region)
			}
			// The report's own place is satisfied by the report (它说我市,
			// 全市); a place within it or elsewhere must be found.
			e.placeConcepts(q, []*index.Summary{sum})
			ownNation(q, []*index.Summary{sum})
			ownTown(q, sum)
			ownIssuer(q, sum)
		}
		return f, true
	}
	if req.Region != "" {
		f.Regions = e.regionsNamed(req.Region, false)
		if len(f.Regions) == 0 {
			return f, false
		}
	}
	if req.Year > 0 {
		f.Years = []int{req.Year}
	}
	switch {
	case q.Place != "":
		// The reports of the place; else those of a region it lies in
		// (a district's figures in its city's report).
		regions := e.regionsNamed(q.Place, false)
		if len(regions) == 0 {
			regions = e.regionsNamed(q.Place, true)
		}
		if !e.placeFilter(q, &f, regions) {
			return f, false
		}
	case len(q.Names) > 0 && len(e.spelled(q.Names)) > 0:
		// A place an English question names in pinyin is no unknown word.
		regions, used := e.spelledRegions(q.Names)
		if len(f.Regions) > 0 {
			regions = intersect(regions, f.Regions)
		}
		if len(regions) > 0 {
			f.Regions = regions
			q.Unknown = slices.DeleteFunc(q.Unknown, func(w string) bool { return contains(used, w) })
			q.named = true
		}
	case len(q.Names) > 0 && e.gazetteerPlace(q, "") != "":
		// A division an English question spells that no report is of
		// (Yanbian, Suixian county): as a place named in Chinese, found
		// in the reports of the regions it lies in.
		if !e.placeFilter(q, &f, e.regionsNamed(q.Place, true)) {
			return f, false
		}
	case len(q.Levels) > 0:
		lf := f
		lf.Levels = q.Levels
		if len(e.x.Select(lf)) > 0 {
			f.Levels = q.Levels
		}
	}
	if q.Year > 0 && len(f.Years) == 0 {
		yf := f
		yf.Years = []int{q.Year}
		if len(e.x.Select(yf)) > 0 {
			f.Years = []int{q.Year}
		}
	}
	return f, true
}

// regionsNamed returns the regions of indexed reports that a place name
// names (within: that hold the place named, for a district asked of its
// city's report).
func (e *Engine) regionsNamed(name string, within bool) []string {
	return e.regionIndex().named(name, within)
}

// regionIndex returns the index of the regions of the reports, built
// once per version of the documents.
func (e *Engine) regionIndex() *regionIndex {
	return e.regions.Get(e.x.Version(), func() *regionIndex { return newRegionIndex(e.x.Regions()) })
}

// spelled returns the documents whose region a pinyin name spells.
func (e *Engine) spelled(names []string) []*index.Summary {
	var out []*index.Summary
	for _, n := range names {
		out = append(out, e.x.Spelled(n)...)
	}
	return out
}

// spelledRegions returns the regions the pinyin names spell and the names
// that spelled one.
func (e *Engine) spelledRegions(names []string) (regions, used []string) {
	for _, n := range names {
		sums := e.x.Spelled(n)
		if len(sums) == 0 {
			continue
		}
		used = append(used, n)
		for _, s := range sums {
			if !contains(regions, s.Meta.Region) {
				regions = append(regions, s.Meta.Region)
			}
		}
	}
	return regions, used
}

// placeFilter narrows f to the regions of the question's place (within
// those f already has) and adds the place's concepts for their reports;
// it reports false when no region is left.
func (e *Engine) placeFilter(q *Question, f *index.Filter, regions []string) bool {
	if len(f.Regions) > 0 {
		regions = intersect(regions, f.Regions)
	}
	if len(regions) == 0 {
		return false
	}
	f.Regions = regions
	e.placeConcepts(q, e.x.Select(index.Filter{Regions: regions}))
	return true
}

// gazetteerPlace finds a division of the gazetteer that a name of an
// English question spells and that lies in the region of an indexed
// report (in region, when given: the report asked), the level the
// question names (county, prefecture) breaking a tie. It sets q.Place and
// q.Places to it, drops the name from the unknown words and returns it,
// or returns "" when no one division fits.
func (e *Engine) gazetteerPlace(q *Question, region string) string {
	raw := strings.ToLower(q.Raw)
	var in []*place.Division // the divisions of the report asked, if one is
	if region != "" {
		in = place.Lookup(region)
	}
	for _, n := range q.Names {
		var fit []*place.Division
		for _, d := range index.DivisionsSpelled(n) {
			if region != "" && !slices.ContainsFunc(in, func(r *place.Division) bool { return d.Within(r) && d != r }) {
				continue
			}
			if len(e.regionsNamed(d.Name, true)) > 0 && !slices.Contains(fit, d) {
				fit = append(fit, d)
			}
		}
		if len(fit) > 1 {
			// Yanbian Korean Autonomous Prefecture; Suixian county.
			word := levelAfter(raw, n)
			fit = slices.DeleteFunc(fit, func(d *place.Division) bool { return !levelNamed(d, word) })
		}
		if len(fit) != 1 {
			continue
		}
		q.Place = fit[0].Name
		q.Places = append(q.Places, q.Place)
		q.Unknown = slices.DeleteFunc(q.Unknown, func(w string) bool { return w == n })
		return q.Place
	}
	return ""
}

// reLevelAfter is a word naming a level of division, a few words after a
// name: Yanbian Korean Autonomous Prefecture.
var reLevelAfter = rx.MustCompile(`^(?:\s+[a-z]+){0,3}?\s+(province|prefecture|city|county|district)\b`)

// levelAfter returns the level word that follows name in an English
// question, or "".
func levelAfter(raw, name string) string {
	for from := 0; ; {
		k := strings.Index(raw[from:], name)
		if k < 0 {
			return ""
		}
		from += k + len(name)
		if m := reLevelAfter.FindStringSubmatch(raw[from:]); m != nil {
			return m[1]
		}
	}
}

// levelNamed reports whether an English level word names d's level.
func levelNamed(d *place.Division, word string) bool {
	switch word {
	case "province":
		return d.Level == place.Province
	case "prefecture":
		return d.Level == place.City
	case "city":
		return d.Level == place.City || strings.HasSuffix(d.Name, "市")
	case "county":
		return d.Level == place.County && !strings.HasSuffix(d.Name, "市")
	case "district":
		return d.Level == place.District
	}
	return false
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// candidates retrieves the sentences to score, with their records. When
// the home reports are in scope, their best sentences are retrieved too,
// so that many other reports cannot crowd them out.
func (e *Engine) candidates(q *Question, terms []index.WeightedTerm, f index.Filter) ([]index.Hit, error) {
	if q.Kind == KindNumber && (q.Class != "" || q.Unit != "") {
		// A figure asked for: its sentence may be a long list.
		terms = append(terms[:len(terms):len(terms)], e.compounds(q)...)
	}
	hits, err := e.distinctHits(index.Query{Terms: terms, Filter: f, Size: e.cands, Sentences: true, Records: true})
	if err != nil || q.Place != "" || q.named || f.Doc != "" || len(e.home) == 0 {
		return hits, err
	}
	var home []string
	for id := range e.home {
		if _, ok := e.x.Summary(id); ok {
			home = append(home, id)
		}
	}
	sort.Strings(home)
	if len(home) == 0 || len(home) == e.x.Len() {
		return hits, nil
	}
	hf := f
	hf.Docs = home
	more, _, err := e.x.SearchTerms(index.Query{Terms: terms, Filter: hf, Size: e.cands / 2, Sentences: true, Records: true})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, h := range hits {
		seen[fmt.Sprintf("%s/%d", h.Doc.ID, h.Sentence)] = true
	}
	for _, h := range more {
		if !seen[fmt.Sprintf("%s/%d", h.Doc.ID, h.Sentence)] {
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// distinctHits runs a sentence search and keeps the first of the hits
// that repeat one sentence under one heading of one document (a table's
// title printed again on each of its pages), searching further, up to
// maxDistinctRounds times as deep, so that repeats do not crowd the
// other sentences out of the query's Size.
func (e *Engine) distinctHits(q index.Query) ([]index.Hit, error) {
	want := q.Size
	for round := 0; ; round++ {
		hits, _, err := e.x.SearchTerms(q)
		if err != nil {
			return nil, err
		}
		seen := make(map[hitKey]bool, len(hits))
		out := hits[:0:0]
		for _, h := range hits {
			k := hitKey{doc: h.Doc.ID, text: h.Text()}
			if h.SentenceRec != nil {
				k.heading = h.SentenceRec.Heading
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			if out = append(out, h); len(out) == want {
				break
			}
		}
		if len(out) == len(hits) || len(out) == want || len(hits) < q.Size || round == maxDistinctRounds {
			return out, nil
		}
		q.Size *= 2
	}
}

// hitKey is what makes two sentence hits the same sentence.
type hitKey struct{ doc, heading, text string }

// maxDistinctRounds bounds how many times distinctHits deepens a search.
const maxDistinctRounds = 2

// numberCands scores the figures of the hits. When none of them would be
// given as an answer, the sentences under headings that hold the
// question's words are retrieved too (see headed) and their figures
// scored as well; the hits are returned with them.
func (e *Engine) numberCands(q *Question, vw *viewer, terms []index.WeightedTerm, f index.Filter, hits []index.Hit) ([]candidate, []index.Hit) {
	cands := e.numberCandidates(q, vw, hits)
	best := 0.0
	for _, c := range cands {
		best = max(best, c.gate)
	}
	if best >= e.model.Confident || best < headedFloor*e.model.Confident {
		// Answered; or so far from an answer that the question is
		// likely not one the reports answer, and worth no second search.
		return cands, hits
	}
	more := e.headed(terms, f, hits)
	if len(more) == 0 {
		return cands, hits
	}
	top := 0.0
	for _, h := range hits {
		top = max(top, h.Score)
	}
	return append(cands, e.numberCandidatesOf(q, vw, more, top)...), append(hits, more...)
}

// headed's second retrieval reads the first headedSentences sentences of
// headedParagraphs paragraphs, and is tried only when the best figure of
// the first search reached headedFloor of the confident probability.
const (
	headedSentences  = 6
	headedParagraphs = 6
	headedFloor      = 0.8
)

// headed retrieves, for a question no candidate answered, the first
// sentences of the paragraphs whose topic headings hold its words: in
// "1．一般公共预算完成情况。全市收入311.8亿元" the figure's sentence names
// none of the words of 一般公共预算收入 and is never found by them. Their
// retrieval score is the lowest of the first search's hits.
func (e *Engine) headed(terms []index.WeightedTerm, f index.Filter, hits []index.Hit) []index.Hit {
	paras, _, err := e.x.SearchTerms(index.Query{Terms: terms, Filter: f, Size: headedParagraphs, Headings: true, Records: true})
	if err != nil || len(paras) == 0 {
		return nil
	}
	score := math.Inf(1)
	seen := map[index.Ref]bool{}
	for _, h := range hits {
		score = math.Min(score, h.Score)
		if h.SentenceRec != nil {
			seen[h.SentenceRec.Ref] = true
		}
	}
	if math.IsInf(score, 1) {
		score = 0
	}
	var refs []index.Ref
	var sums []*index.Summary
	for _, p := range paras {
		pr := p.ParagraphRec
		if pr == nil || p.Doc == nil {
			continue
		}
		for n := pr.FirstSentence; n < pr.FirstSentence+min(pr.NumSentences, headedSentences); n++ {
			r := index.Ref{Doc: p.Doc.ID, Gen: p.Doc.Gen, N: n}
			if !seen[r] {
				seen[r] = true
				refs = append(refs, r)
				sums = append(sums, p.Doc)
			}
		}
	}
	if len(refs) == 0 {
		return nil
	}
	recs, err := e.x.Sentences(refs)
	if err != nil {
		return nil
	}
	var out []index.Hit
	for i, rec := range recs {
		if rec != nil {
			out = append(out, index.Hit{Doc: sums[i], Para: rec.Para, Sentence: rec.N, Score: score, SentenceRec: rec})
		}
	}
	return out
}

// coversYear reports whether a report speaks of year: the year it reviews
// or the year it plans.
func coversYear(m report.Meta, year int) bool {
	return year == m.ReviewYear || year == m.PlanYear
}

// homeFirst reports whether answers from the home reports (the ones the
// knowledge base was built for) rank before all others: when the question
// does not say which report it means.
func (e *Engine) homeFirst(q *Question) bool {
	return q.Place == "" && !q.named && len(q.Levels) == 0 && len(e.home) > 0
}

// queryTerms turns the concepts into weighted index words.
func (e *Engine) queryTerms(q *Question) []index.WeightedTerm {
	best := map[string]float64{}
	var order []string
	seg := e.an.altSeg()
	for _, c := range q.Concepts {
		for _, alt := range c.Alts {
			w := c.Weight * alt.Factor
			for _, t := range index.Terms(seg, alt.Text) {
				if _, ok := best[t.Text]; !ok {
					order = append(order, t.Text)
				}
				if w > best[t.Text] {
					best[t.Text] = w
				}
			}
		}
	}
	// A question word of one character (征 of 征了) is held by the index
	// only inside longer words (征地): search those too.
	for _, c := range q.Concepts {
		if utf8.RuneCountInString(c.Word) == 1 && isHanString(c.Word) && !stopWords[c.Word] {
			out := index.WeightedTerm{Text: c.Word, Boost: c.Weight * 0.5, Prefix: true}
			key := "prefix:" + c.Word
			if _, ok := best[key]; !ok {
				order = append(order, key)
				best[key] = out.Boost
			}
		}
	}
	// The year asked about, as reports write it (2020年, 一九五四年), helps
	// find its sentence among many alike.
	if q.Year > 0 {
		for _, form := range []string{strconv.Itoa(q.Year) + "年", chineseYear(q.Year) + "年"} {
			for _, t := range index.Terms(seg, form) {
				if t.Text != form && t.Text != strconv.Itoa(q.Year) {
					continue // 一九, 四年: parts of the year match other years
				}
				if _, ok := best[t.Text]; !ok {
					order = append(order, t.Text)
					best[t.Text] = yearBoost
				}
			}
		}
	}
	out := make([]index.WeightedTerm, 0, len(order))
	for _, t := range order {
		if w, ok := strings.CutPrefix(t, "prefix:"); ok {
			out = append(out, index.WeightedTerm{Text: w, Boost: best[t], Prefix: true})
			continue
		}
		out = append(out, index.WeightedTerm{Text: t, Boost: best[t]})
	}
	return out
}

// compounds returns the concepts the index keeps in parts (教育支出 as 教育,
// 支出) as terms that match them whole, so that a long sentence that holds
// one (教育支出95.5亿元，…；科学技术支出…) outranks the short ones that hold
// only its commonest part.
func (e *Engine) compounds(q *Question) []index.WeightedTerm {
	seg := e.an.altSeg()
	var groups []index.WeightedTerm
	for _, c := range q.Concepts {
		if c.Optional || len(c.Alts) == 0 {
			continue
		}
		ts := index.Terms(seg, c.Alts[0].Text)
		if len(ts) < 2 || len(ts) > 4 {
			continue
		}
		g := index.WeightedTerm{Text: ts[0].Text, Boost: c.Weight * c.Alts[0].Factor}
		for _, t := range ts[1:] {
			if t.Text != g.Text && !slices.Contains(g.With, t.Text) {
				g.With = append(g.With, t.Text)
			}
		}
		if len(g.With) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// yearBoost is the weight of the question's year among its search words:
// that of a common word.
const yearBoost = 4.0

// chineseYear writes a year digit by digit in Chinese numerals: 一九五四.
func chineseYear(y int) string {
	const digits = "〇一二三四五六七八九"
	var b strings.Builder
	for _, c := range strconv.Itoa(y) {
		b.WriteString(string([]rune(digits)[c-'0']))
	}
	return b.String()
}

// passages returns the paragraphs closest to the question: those of the
// answers first, then those of the best sentence hits, or, without
// sentence hits, the best paragraph hits.
func (e *Engine) passages(terms []index.WeightedTerm, f index.Filter, answers []Answer, sentHits []index.Hit, n int) ([]Passage, error) {
	out := []Passage{}
	seen := map[string]bool{}
	var refs []index.Ref
	var scores []float64
	add := func(sum *index.Summary, para int, score float64) {
		key := fmt.Sprintf("%s/%d", sum.ID, para)
		if seen[key] || len(refs) >= n {
			return
		}
		seen[key] = true
		refs = append(refs, index.Ref{Doc: sum.ID, Gen: sum.Gen, N: para})
		scores = append(scores, score)
	}
	for _, a := range answers {
		if sum, ok := e.x.Summary(a.Doc); ok && a.Paragraph < sum.Paragraphs {
			add(sum, a.Paragraph, a.Score)
		}
	}
	if len(sentHits) > 0 {
		for _, h := range sentHits {
			if h.Doc != nil {
				add(h.Doc, h.Para, h.Score)
			}
		}
	} else if len(terms) > 0 {
		hits, _, err := e.x.SearchTerms(index.Query{Terms: terms, Filter: f, Size: n, HeadingBoost: 0.3, Records: true})
		if err != nil {
			return nil, err
		}
		for _, h := range hits {
			if h.Doc != nil {
				add(h.Doc, h.Para, h.Score)
			}
		}
	}
	if len(refs) == 0 {
		return out, nil
	}
	ps, err := e.x.Paragraphs(refs)
	if err != nil && !errors.Is(err, index.ErrNotFound) {
		return nil, err
	}
	for i, p := range ps {
		if p == nil {
			continue // replaced or removed meanwhile
		}
		sum, ok := e.x.Summary(p.Doc)
		if !ok || sum.Gen != p.Gen {
			continue
		}
		out = append(out, Passage{Doc: p.Doc, Title: sum.Title, Paragraph: p.N, Page: p.Page, Line: p.Line, Heading: p.Heading, Text: p.Text, Score: round(scores[i])})
	}
	e.completeAnnounced(out)
	return out, nil
}

// completeAnnounced appends to each passage that announces what follows
// (重点是做三件事：) the paragraph after it, which says what they are; the
// paragraphs are read in one call.
func (e *Engine) completeAnnounced(ps []Passage) {
	var refs []index.Ref
	var of []int
	for i, p := range ps {
		if !announces(p.Text) {
			continue
		}
		if sum, ok := e.x.Summary(p.Doc); ok && p.Paragraph+1 < sum.Paragraphs {
			refs = append(refs, index.Ref{Doc: p.Doc, Gen: sum.Gen, N: p.Paragraph + 1})
			of = append(of, i)
		}
	}
	if len(refs) == 0 {
		return
	}
	next, err := e.x.Paragraphs(refs)
	if err != nil && !errors.Is(err, index.ErrNotFound) {
		return // the passages stand as read
	}
	for j, n := range next {
		if j < len(of) && n != nil {
			ps[of[j]].Text += "\n" + n.Text
		}
	}
}

// announces reports whether a paragraph ends by announcing what follows
// (采取如下措施：, 重点是做三件事：): without the next paragraph it says
// nothing of its own.
//
// A heading standing as a paragraph of its own (2.政府性基金预算) announces
// its section the same way: it is no answer, the paragraph after it may be.
func announces(text string) bool {
	t := strings.TrimRight(text, " \t\n")
	return strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") || headingOnly(t)
}

// headingOnly reports whether a paragraph is a bare heading: short, with
// no sentence ended or clause broken in it.
func headingOnly(t string) bool {
	return t != "" && utf8.RuneCountInString(t) <= maxHeadingRunes && !strings.ContainsAny(t, "。！？；!?;，,：:")
}

// maxHeadingRunes is the longest a paragraph read as a bare heading is.
const maxHeadingRunes = 30

func round(v float64) float64 { return math.Round(v*1000) / 1000 }

// docInfo holds what the engine derives from a whole document for its
// facts (the facts API, the series, the checks): the figures of every
// sentence, the folded text, the table cells. Questions do not use it,
// and it lives only while the facts are derived.
type docInfo struct {
	quantities [][]Quantity // by sentence
	folded     []string     // folded sentence text, by sentence
	foldOffs   [][]int      // offsets of folded text in the sentence, nil when equal
	table      map[int][]tableCell
	headings   []string // folded topic heading, by paragraph
	sections   []string // folded section title, by section
	scopes     []string // the scope set before each sentence (see contextScopes)
}

type tableCell struct {
	q      Quantity
	column string
	cell   report.Cell

	foldedName, foldedColumn string
}

// docInfo derives the docInfo of a document; it is not kept (see Facts).
func (e *Engine) docInfo(en *index.Entry) *docInfo {
	d := en.Doc
	di := &docInfo{quantities: make([][]Quantity, len(d.Sentences)), folded: make([]string, len(d.Sentences)),
		foldOffs: make([][]int, len(d.Sentences)), table: map[int][]tableCell{},
		headings: make([]string, len(d.Paragraphs)), sections: make([]string, len(d.Sections))}
	for i := range d.Paragraphs {
		di.headings[i], _ = segment.Fold(d.Paragraphs[i].Heading)
	}
	for i := range d.Sections {
		di.sections[i], _ = segment.Fold(d.Sections[i].Title)
	}
	di.scopes = contextScopes(d)
	for i, s := range d.Sentences {
		di.folded[i], di.foldOffs[i] = dropOptional(segment.Fold(s.Text))
		if k := d.Paragraphs[s.Para].Kind; k != report.KindTableRow && k != report.KindTableHeader {
			// Traditional characters (萬, 億) read as simplified; offsets stay.
			qs := ParseQuantities(segment.FoldT2S(s.Text))
			for k := range qs {
				qs[k].Text = s.Text[qs[k].Start:qs[k].End]
			}
			di.quantities[i] = qs
		}
	}
	for _, t := range d.Tables {
		for _, row := range t.Rows {
			p := &d.Paragraphs[row.Para]
			if p.NumSentences == 0 {
				continue
			}
			si := p.FirstSentence
			for ci, c := range row.Cells {
				if c.Empty() {
					continue
				}
				column := ""
				if ci < len(t.Columns) {
					column = t.Columns[ci] // a table whose header was not read has cells all the same
				}
				text := strings.ReplaceAll(c.Text, " ", "")
				qs := ParseQuantities(text)
				if len(qs) > 0 && qs[0].Unit == "" && c.Unit != "" {
					// The unit the table gives elsewhere (单位：万元, a column's （%）).
					qs = ParseQuantities(text + c.Unit)
				}
				if len(qs) == 0 {
					continue
				}
				qv := qs[0]
				if qv.Unit == "" && qv.Value != 0 && qv.Value >= 1e4 {
					// "775亿" in a table of money: the unit is in the row name.
					if hintClass(e.lex.Hint(row.Name)) == "money" {
						qv.Unit = "元"
					}
				}
				qv.Text = c.Text
				fn := rowSubject(row.Name, t.Caption)
				fc, _ := segment.Fold(column)
				di.table[si] = append(di.table[si], tableCell{q: qv, column: column, cell: c, foldedName: fn, foldedColumn: fc})
			}
		}
	}
	return di
}

// dropOptional removes the quotation marks around terms (“小巨人”企业) and
// the brackets around one or two characters that a report marks as
// optional (主(次)干道, 新(改)建), so that question words are found across
// them; offs maps the result to the sentence as segment.Fold's offsets do.
func dropOptional(folded string, offs []int) (string, []int) {
	if !strings.Contains(folded, "(") && !strings.ContainsAny(folded, quoteRunes) {
		return folded, offs
	}
	out := make([]byte, 0, len(folded))
	noffs := make([]int, 0, len(folded)+1)
	orig := func(i int) int {
		if offs == nil {
			return i
		}
		return offs[i]
	}
	changed := false
	for i := 0; i < len(folded); {
		if r, n := utf8.DecodeRuneInString(folded[i:]); strings.ContainsRune(quoteRunes, r) {
			// 专精特新“小巨人”企业 reads as 专精特新小巨人企业.
			i += n
			changed = true
			continue
		}
		if folded[i] == '(' {
			if j := strings.IndexByte(folded[i:], ')'); j > 1 {
				inner := folded[i+1 : i+j]
				if n := utf8.RuneCountInString(inner); n <= 2 && isHanString(inner) {
					for k := i + 1; k < i+j; k++ {
						out = append(out, folded[k])
						noffs = append(noffs, orig(k))
					}
					i += j + 1
					changed = true
					continue
				}
			}
		}
		out = append(out, folded[i])
		noffs = append(noffs, orig(i))
		i++
	}
	if !changed {
		return folded, offs
	}
	noffs = append(noffs, orig(len(folded)))
	return string(out), noffs
}

// quoteRunes are the quotation marks reports put around terms.
const quoteRunes = "“”‘’「」『』\"《》"

func isHanString(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return s != ""
}
