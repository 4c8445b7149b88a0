package qa

import (
	"strings"
	"sync"
	"unicode/utf8"

	"reportkb/index"
	"reportkb/index/report"
	"reportkb/index/segment"
	"reportkb/internal/rx"
)

// A question reads the records of the sentences it retrieved, never a
// whole document: a sentView is one candidate sentence with what scoring
// needs of it and of its document, built from the index's records. Its
// cost does not grow with the library. What a view holds depends on the
// sentence alone, not on the question, so views are kept in the engine's
// cache (see Engine.views) and shared: a view is immutable once built,
// and what it derives on demand it derives once (sync.Once).
type sentView struct {
	sum *index.Summary
	rec *index.Sentence

	folded string // the folded text, optional marks dropped (see dropOptional)
	offs   []int  // offsets of folded in rec.Text; nil when equal
	// simp is rec.Text with traditional characters read as simplified
	// (從…降低到, 萬, 億), every byte offset where it was; rec.Text itself
	// when it has none.
	simp string

	figsOnce sync.Once
	figs     []Quantity  // the figures of the sentence (none for table rows)
	cells    []tableCell // the cells of a table row

	heading string // folded topic heading of the paragraph
	section string // folded title of the innermost section
	// subject is set when the heading names what the paragraph's figures
	// are of (see reSubjectHeading).
	subject bool

	// The runes of folded, heading and section: words that cannot occur
	// there are not looked for.
	runes, headRunes, secRunes runeSet
	scope                      string // ScopeWhole, ScopeOwn or "": the scope set before the sentence

	startOnce sync.Once
	startYear int // period(periodCtx(), 0)
	startPlan bool

	inheritOnce   sync.Once
	inheritFrom   string // see viewer.inheritance
	inheritCredit float64

	prevLeadOnce sync.Once
	prevLead     string // the lead of the sentence before in the paragraph (see viewer.carryOver)

	figInfoOnce sync.Once
	figInfo     *figureInfo

	// Derived from the text on demand, each once (see layout and the rest).
	layOnce    sync.Once
	lay        *layout // clauses(rec.Text)
	marksOnce  sync.Once
	marks      []scopeMark // scopeMarks(rec.Text)
	spansOnce  sync.Once
	spans      [][]int // yearSpans(rec.Text)
	yearsOnce  sync.Once
	years      [][]int // sentenceYears(rec.Text)
	placedOnce sync.Once
	placed     sentPlaces // placesOf(rec.Text)
}

// viewer builds the views of one question's hits, and keeps where the
// question's concepts stand in each (see concepts); it belongs to one
// question and is not safe for concurrent use.
type viewer struct {
	e *Engine
	// occs holds findConcepts of each view for the concepts in occsOf.
	occs   map[*sentView][][]occurrence
	occsOf []Concept
	// seen are the views this question has read, by sentence: a question
	// reads many of them more than once, and the engine's cache is shared.
	seen map[index.Ref]*sentView
}

// concepts returns findConcepts of the view's sentence for q, found once
// a question: a copy the caller may change.
func (vw *viewer) concepts(q *Question, v *sentView) [][]occurrence {
	if len(q.Concepts) == 0 {
		return findConcepts(q, v.folded, v.offs, &v.runes)
	}
	if len(vw.occsOf) != len(q.Concepts) || &vw.occsOf[0] != &q.Concepts[0] {
		// The question's concepts changed (a spelled name added words).
		vw.occs, vw.occsOf = map[*sentView][][]occurrence{}, q.Concepts
	}
	occ, ok := vw.occs[v]
	if !ok {
		occ = findConcepts(q, v.folded, v.offs, &v.runes)
		vw.occs[v] = occ
	}
	return copyOccurrences(occ)
}

// copyOccurrences returns a copy of occ sharing nothing with it.
func copyOccurrences(occ [][]occurrence) [][]occurrence {
	n := 0
	for _, o := range occ {
		n += len(o)
	}
	flat := make([]occurrence, 0, n)
	out := make([][]occurrence, len(occ))
	for ci, o := range occ {
		if o == nil {
			continue
		}
		k := len(flat)
		flat = append(flat, o...)
		out[ci] = flat[k:len(flat):len(flat)]
	}
	return out
}

func (e *Engine) newViewer() *viewer {
	return &viewer{e: e}
}

// defaultViews is how many sentence views an engine keeps.
const defaultViews = 16 << 10

// What scoring reads of the sentence's text alone is derived on demand,
// each part once: a sentence without figures needs only its years.

// yearSpans returns yearSpans(rec.Text); it must not be modified.
func (v *sentView) yearSpans() [][]int {
	v.spansOnce.Do(func() { v.spans = yearSpans(v.rec.Text) })
	return v.spans
}

// places returns placesOf(rec.Text); it must not be modified.
func (v *sentView) places() sentPlaces {
	v.placedOnce.Do(func() { v.placed = placesOf(v.rec.Text) })
	return v.placed
}

// layout returns clauses(rec.Text); it must not be modified.
func (v *sentView) layout() *layout {
	v.layOnce.Do(func() { v.lay = clauses(v.rec.Text) })
	return v.lay
}

// scopeMarks returns scopeMarks(rec.Text); it must not be modified.
func (v *sentView) scopeMarks() []scopeMark {
	v.marksOnce.Do(func() { v.marks = scopeMarks(v.rec.Text) })
	return v.marks
}

// sentenceYears returns sentenceYears(rec.Text); it must not be modified.
func (v *sentView) sentenceYears() [][]int {
	v.yearsOnce.Do(func() { v.years = sentenceYears(v.rec.Text) })
	return v.years
}

// view returns the view of a hit with records, or nil when the hit has no
// sentence record.
func (vw *viewer) view(h index.Hit) *sentView {
	if h.SentenceRec == nil || h.Doc == nil {
		return nil
	}
	return vw.viewOf(h.Doc, h.SentenceRec)
}

func (vw *viewer) viewOf(sum *index.Summary, rec *index.Sentence) *sentView {
	if v, ok := vw.seen[rec.Ref]; ok && v.sum == sum {
		return v
	}
	views := vw.e.views
	if views != nil {
		if v, ok := views.Get(rec.Ref); ok && v.sum == sum {
			vw.keep(v)
			return v
		}
	}
	v := newView(vw.e, sum, rec)
	if views != nil {
		views.Add(rec.Ref, v)
	}
	vw.keep(v)
	return v
}

// keep remembers a view the question read.
func (vw *viewer) keep(v *sentView) {
	if vw.seen == nil {
		vw.seen = map[index.Ref]*sentView{}
	}
	vw.seen[v.rec.Ref] = v
}

// newView builds the view of a sentence record of the document sum.
func newView(e *Engine, sum *index.Summary, rec *index.Sentence) *sentView {
	v := &sentView{sum: sum, rec: rec, simp: segment.FoldT2S(rec.Text)}
	v.folded, v.offs = dropOptional(segment.Fold(rec.Text))
	v.heading, _ = segment.Fold(rec.Heading)
	v.subject = isSubjectHeading(v.heading)
	if rec.Section >= 0 && rec.Section < len(sum.Sections) {
		v.section, _ = segment.Fold(sum.Sections[rec.Section].Title)
	}
	v.runes, v.headRunes, v.secRunes = textRunes(v.folded), textRunes(v.heading), textRunes(v.section)
	v.scope = scopeOfLabel(rec.Scope)
	if v.scope == "" {
		v.scope = lastScope(rec.Heading)
	}
	for sec := rec.Section; v.scope == "" && sec >= 0 && sec < len(sum.Sections); sec = sum.Sections[sec].Parent {
		v.scope = scopeOfLabel(sum.Sections[sec].Scope)
		if v.scope == "" {
			v.scope = lastScope(sum.Sections[sec].Title)
		}
	}
	if rec.Row != nil {
		v.cells = e.rowCells(rec.Row)
	}
	return v
}

// scopeOfLabel reads a scope the parser gave (全市, 市本级, 全市及市本级).
func scopeOfLabel(s string) string {
	switch {
	case s == "":
		return ""
	case strings.Contains(s, "及"):
		return "" // both
	case strings.Contains(s, "本级"), strings.HasSuffix(s, "级"):
		return ScopeOwn
	case strings.HasPrefix(s, "全"):
		return ScopeWhole
	}
	return ""
}

// figures returns the figures of the sentence, parsed once; the slice
// must not be modified.
func (v *sentView) figures() []Quantity {
	v.figsOnce.Do(func() {
		if v.rec.Kind == report.KindTableRow || v.rec.Kind == report.KindTableHeader {
			return
		}
		qs := ParseQuantities(v.simp)
		for k := range qs {
			qs[k].Text = v.rec.Text[qs[k].Start:qs[k].End]
		}
		v.figs = qs
	})
	return v.figs
}

// periodCtx is what dating a figure of the sentence reads.
func (v *sentView) periodCtx() periodCtx {
	return periodCtx{text: v.simp, secPeriod: v.rec.Period, secYear: v.rec.Year, meta: v.sum.Meta, years: v.sentenceYears()}
}

// startPeriod returns period(v.periodCtx(), 0), the period the sentence
// speaks of before its first word, derived once.
func (v *sentView) startPeriod() (year int, plan bool) {
	v.startOnce.Do(func() { v.startYear, v.startPlan = period(v.periodCtx(), 0) })
	return v.startYear, v.startPlan
}

// neighbour returns sentence n of the view's document when it stands in
// the same paragraph, or nil.
func (vw *viewer) neighbour(v *sentView, n int) *sentView {
	return vw.sentenceAt(v, n, true)
}

// sentenceAt is neighbour, across paragraphs unless samePara.
func (vw *viewer) sentenceAt(v *sentView, n int, samePara bool) *sentView {
	if n < 0 || n >= v.sum.Sentences {
		return nil
	}
	ref := index.Ref{Doc: v.rec.Doc, Gen: v.rec.Gen, N: n}
	nv, ok := vw.seen[ref]
	if !ok || nv.sum != v.sum {
		if views := vw.e.views; views != nil {
			if nv, ok = views.Get(ref); ok && nv.sum == v.sum {
				vw.keep(nv)
			}
		}
	}
	if ok && nv.sum == v.sum {
		if samePara && nv.rec.Para != v.rec.Para {
			return nil
		}
		return nv
	}
	recs, err := vw.e.x.Sentences([]index.Ref{ref})
	if err != nil || len(recs) != 1 || recs[0] == nil || samePara && recs[0].Para != v.rec.Para {
		return nil
	}
	return vw.viewOf(v.sum, recs[0])
}

// rowCells reads the figures of a table row's cells: the row names the
// subject, the column the period.
func (e *Engine) rowCells(row *index.TableRow) []tableCell {
	var out []tableCell
	fn := rowSubject(row.Name, row.Caption)
	for ci, c := range row.Cells {
		if c.Empty() {
			continue
		}
		column := ""
		if ci < len(row.Columns) {
			column = row.Columns[ci] // a table whose header was not read has cells all the same
		}
		qv, ok := e.cellQuantity(row.Name, c)
		if !ok {
			continue
		}
		fc, _ := segment.Fold(column)
		out = append(out, tableCell{q: qv, column: column, cell: c, foldedName: fn, foldedColumn: fc})
	}
	return out
}

// rowSubject returns the folded subject of a table row's figures: its
// name, and in a table of the gross product by industry (地区生产总值及
// 其构成) an industry's 增加值, which such a table's rows give without
// naming it (建筑业 | 55070 is 建筑业增加值55070万元).
func rowSubject(name, caption string) string {
	fn, _ := segment.Fold(name)
	if strings.Contains(caption, "生产总值") && !strings.Contains(fn, "增加值") && !strings.Contains(fn, "生产总值") &&
		(strings.HasSuffix(fn, "业") || strings.HasSuffix(fn, "产业")) {
		fn += "增加值"
	}
	return fn
}

// cellQuantity reads the figure of a table cell, with the unit the table
// gives it.
func (e *Engine) cellQuantity(rowName string, c report.Cell) (Quantity, bool) {
	text := strings.ReplaceAll(c.Text, " ", "")
	qs := ParseQuantities(text)
	if len(qs) > 0 && qs[0].Unit == "" && c.Unit != "" {
		// The unit the table gives elsewhere (单位：万元, a column's （%）).
		qs = ParseQuantities(text + c.Unit)
	}
	if len(qs) == 0 {
		return Quantity{}, false
	}
	qv := qs[0]
	if qv.Unit == "" && qv.Value != 0 && qv.Value >= 1e4 {
		// "775亿" in a table of money: the unit is in the row name.
		if hintClass(e.lex.Hint(rowName)) == "money" {
			qv.Unit = "元"
		}
	}
	qv.Text = c.Text
	return qv, true
}

// answerOf builds an answer for figure f at [start, end) of the view's
// sentence text.
func (v *sentView) answerOf(start, end int, f Quantity) Answer {
	fs, fe := v.rec.Span(start, end)
	a := v.answerAt(fs, fe)
	a.Text, a.Value, a.Unit, a.Qualifier = f.Text, f.Value, f.Unit, f.Qualifier
	return a
}

// answerAt fills in where the sentence stands; start and end, when not
// negative, are the file offsets of the answer.
func (v *sentView) answerAt(start, end int) Answer {
	r := v.rec
	if start < 0 {
		start, end = r.FileStart, r.FileEnd
	}
	return Answer{
		Sentence: r.Text, Doc: v.sum.ID, Title: v.sum.Title, Paragraph: r.Para, Page: r.Page, Line: r.Line,
		Start: start, End: end, PageInferred: r.PageInferred,
		SentenceStart: r.FileStart, SentenceEnd: r.FileEnd, Matched: []string{},
	}
}

// reSubjectHeading is a heading that names what its paragraph's figures
// are of, as budget and accounts reports title their parts: 一般公共预算
// 完成情况, 政府性基金预算, 社会保险基金收支. A heading that says what was
// done (着力保障和改善民生) only sets a topic.
var reSubjectHeading = rx.MustCompile(`(?:预算|决算|收入|支出|收支|基金|债务|资金|经费)(?:执行|完成|收支|调整|安排)?(?:情况)?[。.:]?$`)

// isSubjectHeading reports whether a folded heading names the subject of
// its paragraph's figures (see reSubjectHeading).
func isSubjectHeading(h string) bool {
	return h != "" && utf8.RuneCountInString(h) <= 24 && reSubjectHeading.MatchString(h)
}
