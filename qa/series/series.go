// Package series lines up one indicator across reports: for every region
// and year, the target a report set and the outcome a later report gave,
// each with the sentence it stands in.
//
// A Builder derives the indicator figures of each document once per
// version of it; it is safe for concurrent use.
package series

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"

	"reportkb/index"
	"reportkb/index/report"
	"reportkb/qa"
	"reportkb/qa/indicator"
)

// Role says whether a figure is a target or an outcome.
type Role string

// The roles of figures.
const (
	Target  Role = "target"  // a plan year's 预期目标, 安排, 力争
	Outcome Role = "outcome" // a reviewed year's result
)

// Observation is a figure of a report that states an indicator.
type Observation struct {
	Indicator string  `json:"indicator"` // the indicator's id
	Role      Role    `json:"role"`
	Year      int     `json:"year"`
	Region    string  `json:"region"` // the report's region: 安徽省, 全国
	Level     string  `json:"level"`  // national, province, city, county, district
	Scope     string  `json:"scope,omitempty"`
	Estimate  bool    `json:"estimate,omitempty"`
	Low       float64 `json:"low"` // in the indicator's unit, a fall negative
	High      float64 `json:"high"`
	Fact      qa.Fact `json:"fact"`
	Title     string  `json:"title"`

	via                  string // which words named the indicator
	reviewYear, planYear int    // of the report
}

// Config configures a Builder.
type Config struct {
	Index  *index.Index
	Engine *qa.Engine
	// Catalogue defaults to the catalogue embedded in the binary.
	Catalogue *indicator.Catalogue
}

// Builder finds the indicator figures of the indexed reports and lines
// them up. It is safe for concurrent use.
type Builder struct {
	x   *index.Index
	eng *qa.Engine
	cat *indicator.Catalogue

	mu   sync.Mutex
	docs *lru.Cache[string, *docObs] // the observations of recent documents, by id
	// store says whether observations are stored with the index: with the
	// embedded catalogue only, which the build names (qa.DeriverVersion).
	store bool

	forms index.Versioned[[]placeForm] // of the indexed regions, longest first
}

type docObs struct {
	gen  int64
	once sync.Once
	obs  []Observation
	err  error
}

// maxDocObs is how many documents' observations a Builder keeps in
// memory; the others are read back from the index.
const maxDocObs = 1024

// obsName names the observations among a document's derived data.
const obsName = "series.obs"

// New returns a Builder over cfg.Index.
func New(cfg Config) *Builder {
	stored := cfg.Catalogue == nil
	if cfg.Catalogue == nil {
		cfg.Catalogue = indicator.Default()
	}
	b := &Builder{x: cfg.Index, eng: cfg.Engine, cat: cfg.Catalogue, store: stored}
	b.docs, _ = lru.New[string, *docObs](maxDocObs)
	return b
}

// Catalogue returns the builder's indicator catalogue.
func (b *Builder) Catalogue() *indicator.Catalogue { return b.cat }

// Observations returns the indicator figures of a document, in file
// order; the slice is shared and must not be modified.
func (b *Builder) Observations(en *index.Entry) []Observation {
	obs, _ := b.observations(en.Doc.ID, en.Gen, func() (*index.Entry, error) { return en, nil })
	return obs
}

// ObservationsOf returns the indicator figures of the document version
// sum describes, read from the index where they were stored, or derived
// from its facts and stored: a document is parsed for them once per
// version, not once per series.
func (b *Builder) ObservationsOf(sum *index.Summary) ([]Observation, error) {
	return b.observations(sum.ID, sum.Gen, func() (*index.Entry, error) {
		en, ok := b.x.Doc(sum.ID)
		if !ok || en.Gen != sum.Gen {
			return nil, fmt.Errorf("%w: %s (version %d)", qa.ErrUnknownDoc, sum.ID, sum.Gen)
		}
		return en, nil
	})
}

func (b *Builder) observations(id string, gen int64, entry func() (*index.Entry, error)) ([]Observation, error) {
	b.mu.Lock()
	d, ok := b.docs.Get(id)
	if !ok || d.gen != gen {
		d = &docObs{gen: gen}
		b.docs.Add(id, d)
	}
	b.mu.Unlock()
	d.once.Do(func() { d.obs, d.err = b.load(id, gen, entry) })
	return d.obs, d.err
}

// storedObs is an Observation as stored, with its unexported fields.
type storedObs struct {
	Obs                  Observation
	Via                  string
	ReviewYear, PlanYear int
}

// load reads the stored observations of a document version, or derives
// and stores them.
func (b *Builder) load(id string, gen int64, entry func() (*index.Entry, error)) ([]Observation, error) {
	ver := qa.DeriverVersion()
	if b.store {
		if data, err := b.x.Derived(id, gen, obsName, ver); err == nil && data != nil {
			var st []storedObs
			if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&st); err == nil {
				out := make([]Observation, len(st))
				for i, o := range st {
					out[i] = o.Obs
					out[i].via, out[i].reviewYear, out[i].planYear = o.Via, o.ReviewYear, o.PlanYear
				}
				return out, nil
			}
		}
	}
	en, err := entry()
	if err != nil {
		return nil, err
	}
	obs := b.observe(en)
	if !b.store {
		return obs, nil
	}
	st := make([]storedObs, len(obs))
	for i, o := range obs {
		st[i] = storedObs{Obs: o, Via: o.via, ReviewYear: o.reviewYear, PlanYear: o.planYear}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(st); err != nil {
		return obs, fmt.Errorf("encode observations of %s: %w", id, err)
	}
	if err := b.x.PutDerived(id, gen, obsName, ver, buf.Bytes()); err != nil {
		return obs, fmt.Errorf("store observations of %s: %w", id, err)
	}
	return obs, nil
}

// placeForms are the names of a region that may stand before an
// indicator's wording: 安徽省, 安徽, 广西壮族自治区, 广西.
func placeForms(region string) []string {
	forms := report.PlaceForms(region)
	if full, short := report.Province(region); full != "" {
		forms = append(forms, full, short)
	}
	sort.Slice(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
	return forms
}

func (b *Builder) observe(en *index.Entry) []Observation {
	m := en.Doc.Meta
	places := placeForms(m.Region)
	five := fiveYearParagraphs(en.Doc)
	var out []Observation
	for _, f := range b.eng.Facts(en) {
		if f.Span || f.Period == 0 || manyYears(f) || f.Paragraph < len(five) && five[f.Paragraph] && !yearSaid(f) {
			continue
		}
		switch f.Unit {
		case "%", "元", "人", "名", "吨", "公斤", "斤":
		default:
			continue
		}
		mt, ok := b.cat.Match(indicator.Mention{Lead: f.Lead, Subject: f.Subject, Context: f.Context, Unit: f.Unit,
			Places: places, National: m.Level == "national"})
		if !ok {
			continue
		}
		low, high, ok := amounts(f, mt)
		if !ok {
			continue
		}
		role := Outcome
		if f.Plan {
			role = Target
		}
		scope := mt.Scope
		if s := factScope(f); s != "" {
			scope = s
		}
		out = append(out, Observation{Indicator: mt.Indicator.ID, Role: role, Year: f.Period, Region: m.Region, Level: m.Level,
			Scope: scope, Estimate: mt.Estimate, Low: low, High: high, Fact: f, Title: en.Doc.Title, via: mt.Via,
			reviewYear: m.ReviewYear, planYear: m.PlanYear})
	}
	return out
}

var (
	// reFiveYear speaks of a five-year plan: its figures are no year's.
	reFiveYear = regexp.MustCompile(`五年|“[^”]{1,3}五”|[六七八九]五(计划|时期|期间)|十[一二三四五]?五(计划|规划|时期|期间)|规划纲要|纲要`)
	// reBase compares with a named year: 与2000年相比, 比2002年.
	reBase = regexp.MustCompile(`(与|同|比|较)\s*((?:19|20)[0-9]{2})\s*年`)
)

// manyYears reports whether a figure compares more than a year or states
// a five-year plan's target: 2005年与2000年相比，国内生产总值增长57.3%;
// “七五”计划草案规定，……，五年内全国工农业总产值增长百分之三十八.
func manyYears(f qa.Fact) bool {
	ctx := f.Context
	if k := strings.LastIndexAny(ctx, "：:"); k >= 0 {
		ctx = ctx[k:]
	}
	if reFiveYear.MatchString(ctx) {
		return true
	}
	for _, m := range reBase.FindAllStringSubmatch(indicator.AfterLastFigure(f.Context), -1) {
		if y, _ := strconv.Atoi(m[2]); y != f.Period-1 {
			return true
		}
	}
	return false
}

var (
	// reFiveYearOpener opens an account of five years: 这五年，我们…
	reFiveYearOpener = regexp.MustCompile(`^(这五年|过去的?五年|五年来|“?十[一二三四五]五”?(时期|期间|以来))`)
	// reYearOpener opens an account of one year: 刚刚过去的2025年, 过去一年.
	reYearOpener = regexp.MustCompile(`^(各位代表[！!，,]?)?(刚刚过去的|过去一年|一年来|去年|今年|(19|20)[0-9]{2}年[，,是])`)
)

// fiveYearParagraphs marks the paragraphs of an account of five years —
// from a paragraph that opens one (这五年, “十四五”时期是…的五年) to one
// that opens an account of a year or a section of its own: their figures
// are the five years', whatever year their section reviews.
func fiveYearParagraphs(d *report.Doc) []bool {
	out := make([]bool, len(d.Paragraphs))
	on, sec := false, -2
	for i := range d.Paragraphs {
		p := &d.Paragraphs[i]
		if p.Section != sec && on {
			// A new section keeps the account only while it is one of its parts.
			on = p.Section >= 0 && d.Sections[p.Section].Parent >= 0 && d.Sections[p.Section].Parent == sec ||
				p.Section >= 0 && sec >= 0 && d.Sections[p.Section].Parent == d.Sections[sec].Parent && d.Sections[sec].Parent >= 0
		}
		sec = p.Section
		switch {
		case reFiveYearOpener.MatchString(p.Text):
			on = true
		case reYearOpener.MatchString(p.Text):
			on = false
		}
		out[i] = on
	}
	return out
}

// yearSaid reports whether the sentence names the figure's year before
// it (2012年，……; 去年): a year's figure even in an account of five years.
func yearSaid(f qa.Fact) bool {
	y := strconv.Itoa(f.Period)
	wide := strings.Map(func(r rune) rune { return r - '0' + '０' }, y)
	for _, w := range []string{y + "年", wide + "年", "去年", "过去一年", "一年来"} {
		if strings.Contains(f.Context, w) {
			return true
		}
	}
	return false
}

// factScope returns the scope the facts give a figure (全市, 市本级), when
// they give one; the indicator match reads it from the lead otherwise.
func factScope(f qa.Fact) string {
	if f.Scope == qa.ScopeOwn {
		return "本级" // the government's own level: a part of the region (see partScope)
	}
	return ""
}

// amounts returns a figure's value, and the upper end of a range, in the
// indicator's unit with the sign of its verb.
func amounts(f qa.Fact, mt indicator.Match) (low, high float64, ok bool) {
	low, high = f.Value, f.Value
	if qs := qa.ParseQuantities(strings.ReplaceAll(f.Text, " ", "")); len(qs) > 0 && qs[0].Unit == f.Unit && qs[0].Value == f.Value {
		high = qs[0].Max
		if high < low {
			high = low
		}
	}
	unit := mt.Indicator.Unit
	if low, ok = indicator.Convert(low, f.Unit, unit); !ok {
		return 0, 0, false
	}
	high, _ = indicator.Convert(high, f.Unit, unit)
	if mt.Sign < 0 {
		low, high = -high, -low
	}
	if unit == "%" && (math.Abs(low) > 1000 || math.Abs(high) > 1000) {
		return 0, 0, false // no rate of a year
	}
	return round(low), round(high), true
}

func round(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// Query selects a series. Zero fields do not filter.
type Query struct {
	Indicator string   // any wording, id or English name: 地区生产总值增长, gdp_growth, GDP growth
	Region    string   // a place: 安徽, 安徽省, 全国
	Regions   []string // several places, for a comparison
	Level     string   // national, province, city, county or district
	Year      int
	From, To  int
	// Met keeps only the rows whose target was met ("met") or missed
	// ("unmet").
	Met string
}

// Levels are the levels a query may select.
var Levels = []string{"national", "province", "city", "county", "district"}

// Errors returned by Series.
var (
	ErrUnknownIndicator = errors.New("unknown indicator")
	ErrBadQuery         = errors.New("bad series query")
)

// Table is a series: one row per region and year.
type Table struct {
	Indicator string `json:"indicator"` // its name: 地区生产总值增长
	ID        string `json:"id"`
	English   string `json:"english"`
	Unit      string `json:"unit"`
	Kind      string `json:"kind"`
	Better    string `json:"better,omitempty"`
	MetRule   string `json:"met_rule"`
	Note      string `json:"note,omitempty"`
	Rows      []Row  `json:"rows"`
}

// Row is a region's target and outcome of a year.
type Row struct {
	Region  string `json:"region"`
	Level   string `json:"level"`
	Year    int    `json:"year"`
	Target  *Cell  `json:"target"`
	Outcome *Cell  `json:"outcome"`
	Met     *bool  `json:"met"`
}

// Cell is a figure of a series with where it stands.
type Cell struct {
	Text      string  `json:"text"` // as written: 5.5%左右
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier"`
	// Low and High are the figure in the series' unit, a fall negative;
	// they differ for a range (5%—5.5%).
	Low           float64 `json:"low"`
	High          float64 `json:"high"`
	Doc           string  `json:"doc"`
	Title         string  `json:"title"`
	Sentence      string  `json:"sentence"`
	Paragraph     int     `json:"paragraph"`
	Page          int     `json:"page"`
	Line          int     `json:"line"`
	Start         int     `json:"start"` // byte offsets of Text in the original file
	End           int     `json:"end"`
	SentenceStart int     `json:"sentence_start"`
	SentenceEnd   int     `json:"sentence_end"`
	Scope         string  `json:"scope,omitempty"`
	Estimate      bool    `json:"estimate,omitempty"`
}

// MetRule says how Row.Met is decided; the API documents it.
const MetRule = "met compares the outcome with the target: for an indicator where higher is better, " +
	"the outcome must reach the target (the lower end of a range; for a 左右/约 target, within half a " +
	"percentage point below it, or 1% of it for amounts); where lower is better (prices, unemployment), it " +
	"must not exceed the target (the upper end of a range; for 左右/约, by more than half a point or 1%). " +
	"null when either figure is missing or the indicator is not judged."

func cellOf(o *Observation) *Cell {
	if o == nil {
		return nil
	}
	f := o.Fact
	return &Cell{Text: f.Text, Value: f.Value, Unit: f.Unit, Qualifier: f.Qualifier, Low: o.Low, High: o.High,
		Doc: f.Doc, Title: o.Title, Sentence: f.Sentence, Paragraph: f.Paragraph, Page: f.Page, Line: f.Line,
		Start: f.Start, End: f.End, SentenceStart: f.SentenceStart, SentenceEnd: f.SentenceEnd, Scope: o.Scope, Estimate: o.Estimate}
}

// Series returns the series a query selects.
func (b *Builder) Series(q Query) (*Table, error) {
	ind := b.cat.Lookup(q.Indicator)
	if ind == nil {
		return nil, fmt.Errorf("%w: %q (see GET /api/v1/indicators)", ErrUnknownIndicator, q.Indicator)
	}
	if q.Level != "" && !contains(Levels, q.Level) {
		return nil, fmt.Errorf("%w: level must be one of %s", ErrBadQuery, strings.Join(Levels, ", "))
	}
	if q.From > 0 && q.To > 0 && q.From > q.To {
		return nil, fmt.Errorf("%w: from %d is after to %d", ErrBadQuery, q.From, q.To)
	}
	switch q.Met {
	case "", "met", "unmet":
	default:
		return nil, fmt.Errorf("%w: met must be met or unmet", ErrBadQuery)
	}
	regions := q.Regions
	if q.Region != "" {
		regions = append(regions, q.Region)
	}
	type key struct {
		region string
		year   int
	}
	type cell struct {
		target, outcome *Observation
		level, order    string
	}
	cells := map[key]*cell{}
	sums := b.x.Summaries()
	if q.Level != "" {
		sums = b.x.Select(index.Filter{Levels: []string{q.Level}})
	}
	for _, sum := range sums {
		m := sum.Meta
		if q.Level != "" && m.Level != q.Level {
			continue
		}
		if len(regions) > 0 && !matchesAny(regions, m.Region) {
			continue
		}
		obs, err := b.ObservationsOf(sum)
		if errors.Is(err, qa.ErrUnknownDoc) {
			continue // removed or replaced since
		}
		if err != nil {
			return nil, err
		}
		for i := range obs {
			o := &obs[i]
			if o.Indicator != ind.ID || q.Year > 0 && o.Year != q.Year || q.From > 0 && o.Year < q.From || q.To > 0 && o.Year > q.To {
				continue
			}
			k := key{o.Region, o.Year}
			c := cells[k]
			if c == nil {
				c = &cell{level: o.Level, order: sum.ID}
				cells[k] = c
			}
			if sum.ID < c.order {
				c.order = sum.ID
			}
			if o.Role == Target {
				if better(o, c.target) {
					c.target = o
				}
			} else if better(o, c.outcome) {
				c.outcome = o
			}
		}
	}
	t := &Table{Indicator: ind.Name, ID: ind.ID, English: ind.English, Unit: ind.Unit, Kind: string(ind.Kind),
		Better: ind.Better, MetRule: MetRule, Note: ind.Note, Rows: []Row{}}
	keys := make([]key, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := cells[keys[i]], cells[keys[j]]
		if ra, rb := levelRank(a.level), levelRank(b.level); ra != rb {
			return ra < rb
		}
		if a.order != b.order {
			return a.order < b.order
		}
		return keys[i].year < keys[j].year
	})
	for _, k := range keys {
		c := cells[k]
		r := Row{Region: k.region, Level: c.level, Year: k.year, Target: cellOf(c.target), Outcome: cellOf(c.outcome)}
		r.Met = Met(ind, r.Target, r.Outcome)
		switch {
		case q.Met == "met" && (r.Met == nil || !*r.Met):
			continue
		case q.Met == "unmet" && (r.Met == nil || *r.Met):
			continue
		}
		t.Rows = append(t.Rows, r)
	}
	return t, nil
}

func levelRank(l string) int {
	for i, x := range Levels {
		if x == l {
			return i
		}
	}
	return len(Levels)
}

// better reports whether observation o is a
// better source for its cell than the current one: a report's own year
// (the target in the plan year's report, the outcome in the next year's)
// before restatements, the whole region before a part of it, a final
// figure before an estimate, the words before the figure before words
// further off, and the first statement in the report.
func better(o, cur *Observation) bool {
	if cur == nil {
		return true
	}
	return rank(o) > rank(cur)
}

func rank(o *Observation) float64 {
	r := 0.0
	own := o.Role == Target && o.Year == o.planYear || o.Role == Outcome && o.Year == o.reviewYear
	if own {
		r += 8
	}
	if !partScope(o.Scope) {
		r += 4
	}
	if !o.Estimate {
		r += 2
	}
	switch o.via {
	case "lead":
		r += 1
	case "subject":
		r += 0.5
	}
	// Earlier in the report: the summary of the year before its details.
	r -= float64(o.Fact.Start) / 1e9
	return r
}

// partScope reports whether a scope is a part of the region (市本级).
func partScope(s string) bool {
	return strings.Contains(s, "本级") || strings.HasSuffix(s, "级")
}

// Met decides whether an outcome met its target by MetRule; nil when
// either is missing or the indicator is not judged.
func Met(ind *indicator.Indicator, target, outcome *Cell) *bool {
	if target == nil || outcome == nil || ind.Better == "" {
		return nil
	}
	tol := 0.5
	if ind.Unit != "%" {
		tol = 0.01 * math.Max(math.Abs(target.Low), math.Abs(target.High))
	}
	approx := target.Qualifier == "左右" || target.Qualifier == "约" || target.Qualifier == "上下"
	o := (outcome.Low + outcome.High) / 2
	const eps = 1e-9
	var ok bool
	if ind.Better == "higher" {
		need := target.Low
		if approx {
			need -= tol
		}
		ok = o >= need-eps
	} else {
		limit := target.High
		if approx {
			limit += tol
		}
		ok = o <= limit+eps
	}
	return &ok
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func matchesAny(places []string, region string) bool {
	for _, p := range places {
		if p == "全国" || p == "national" || p == "China" || p == "china" {
			if region == "全国" {
				return true
			}
			continue
		}
		if report.PlaceMatches(p, region) {
			return true
		}
	}
	return false
}
