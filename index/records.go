package index

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"reportkb/index/ingest"
	"reportkb/index/place"
	"reportkb/index/report"
	"reportkb/index/segment"
)

// Summary is what the index keeps in memory of a document: what it is,
// how large, and its section tree; a few KB. It is immutable.
type Summary struct {
	ID       string
	Title    string
	Gen      int64 // generation: a new one each time the document is added
	SHA256   string
	Added    time.Time
	File     string // the file name as given: ID plus its extension
	Format   string // txt, md, pdf or docx
	Encoding string // of a text file: utf-8, gb18030, utf-16le …
	Layout   report.Layout
	Meta     report.Meta
	Size     int // bytes of the original file

	Paragraphs, Sentences, Pages, Tables int
	Sections                             []report.Section
	// Places are the forms of the region (上海市, 上海); Spellings the
	// pinyin of its short form (shanghai), every reading of a polyphonic
	// character counted, at most 16.
	Places, Spellings []string
	// Warnings say what of the file could not be read well (PDF pages
	// without text, pages set in columns).
	Warnings []string

	text, original string // names of the stored files in docs/
}

// Extracted reports whether the document's text was extracted from a
// PDF, Word or HTML file: then its positions count bytes of that text,
// stored beside the original.
func (s *Summary) Extracted() bool { return ingest.Extracted(s.Format) }

// Years returns the years the document speaks of: the year it was
// delivered, the year it reviews and the year it plans.
func (s *Summary) Years() []int {
	var out []int
	for _, y := range []int{s.Meta.Year, s.Meta.ReviewYear, s.Meta.PlanYear} {
		if y > 0 && !containsInt(out, y) {
			out = append(out, y)
		}
	}
	return out
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Ref names a sentence or a paragraph of one version of a document.
type Ref struct {
	Doc string
	Gen int64
	N   int // index of the sentence or paragraph in the document
}

// Sentence is what a question needs of one sentence, read from disk: its
// text and folded text, where it stands (paragraph, page, line, byte
// offsets in the text and in the original file), its paragraph's heading
// and kind, its section, and for table rows the row with its cells.
type Sentence struct {
	Ref
	Para int    // index of its paragraph
	Text string // the sentence text
	// Folded is Text folded to half width and lower case (segment.Fold),
	// when it is read; TextOffset maps its offsets back to Text.
	Folded string
	Off    int // byte offset of Text in its paragraph's text
	// Start and End are byte offsets in the document's text (Entry.Text);
	// FileStart and FileEnd in the file as given.
	Start, End         int
	FileStart, FileEnd int
	Line, Page         int // where it starts: 1-based line, printed page (0: unknown)
	PageInferred       bool
	Kind               report.Kind // of its paragraph
	Heading            string      // the topic heading of its paragraph
	Section            int         // innermost section, -1 for none (see Summary.Sections)
	Period             report.Period
	Year               int       // the year its section speaks of, 0 when unknown
	Row                *TableRow // for table rows and headers
	// Scope is whose figures the sentence gives (report.Sentence.Scope:
	// 全市, 市本级, 全市及市本级 …), "" when unsaid.
	Scope string

	folds        runs    // Folded offset → Text offset; nil when they agree
	starts, ends runs    // text offset → file offset of a rune's start, of a rune's end
	lineStarts   []int32 // file offsets of the lines that start inside the sentence
	linePages    []int32 // page of each line from Line on; negative when inferred
}

// fold sets Folded: folding the sentences a question reads costs less
// than storing the folded text of every sentence.
func (s *Sentence) fold() {
	var b []byte
	var rb runBuilder
	resized, changed := false, false
	for i := 0; i < len(s.Text); {
		r, n := utf8.DecodeRuneInString(s.Text[i:])
		f := segment.FoldRune(r)
		if b == nil && f != r {
			b = append(make([]byte, 0, len(s.Text)), s.Text[:i]...)
			changed = true
		}
		before := i
		if b != nil {
			before = len(b)
			if f == r {
				b = append(b, s.Text[i:i+n]...)
			} else {
				b = utf8.AppendRune(b, f)
			}
			resized = resized || len(b)-before != n
		}
		rb.add(before, i)
		i += n
	}
	if !changed {
		s.Folded = s.Text
		return
	}
	rb.add(len(b), len(s.Text))
	s.Folded = string(b)
	if resized {
		s.folds = rb.rs
	}
}

// TextOffset maps the offset of a rune of Folded (or its end) to the
// offset of the rune of Text it was folded from.
func (s *Sentence) TextOffset(folded int) int {
	if s.folds == nil {
		return folded
	}
	return s.folds.at(folded)
}

// Span returns the byte range in the original file of Text[start:end];
// start and end are offsets of rune boundaries of Text.
func (s *Sentence) Span(start, end int) (fileStart, fileEnd int) {
	fs := s.starts.at(start)
	if end <= start {
		return fs, fs
	}
	return fs, s.ends.at(end)
}

// LineAt returns the 1-based line of the original file that holds file
// offset off, an offset inside the sentence.
func (s *Sentence) LineAt(off int) int {
	return s.Line + sort.Search(len(s.lineStarts), func(i int) bool { return int(s.lineStarts[i]) > off })
}

// PageAt returns the printed page of a line of the sentence (see LineAt)
// and whether it was inferred between footers.
func (s *Sentence) PageAt(line int) (page int, inferred bool) {
	i := line - s.Line
	if i < 0 || i >= len(s.linePages) {
		return s.Page, s.PageInferred
	}
	p := int(s.linePages[i])
	if p < 0 {
		return -p, true
	}
	return p, false
}

// TableRow is a row of an indicator table with its columns.
type TableRow struct {
	Table   int    // index of the table in the document
	Caption string // the sentence that introduces the table
	No      string // the row number as printed
	Name    string // the indicator
	Columns []string
	// Cells has one cell per column; Start and End are offsets in the file
	// as given.
	Cells []report.Cell
}

// Paragraph is a paragraph of a document, read from disk.
type Paragraph struct {
	Ref
	Kind    report.Kind
	Text    string
	Heading string
	Term    string // for glossary entries: the term defined
	Section int    // innermost section, -1 for none
	// Start and End are byte offsets in the file as given.
	Start, End                  int
	Line, Page                  int
	PageInferred                bool
	FirstSentence, NumSentences int
	Row                         *TableRow // for table rows and headers
}

// run is a piece of a piecewise linear map of offsets: v(i) = v + step*(i-at)
// for at ≤ i below the next run's at.
type run struct {
	at, v int32
	step  int8
}

type runs []run

func (rs runs) at(i int) int {
	k := sort.Search(len(rs), func(k int) bool { return int(rs[k].at) > i }) - 1
	if k < 0 {
		if len(rs) == 0 {
			return 0
		}
		k = 0
	}
	r := rs[k]
	return int(r.v) + int(r.step)*(i-int(r.at))
}

// buildRuns maps the rune boundaries of a sentence to file offsets.
func buildRuns(text string, startOf, endOf func(i, n int) int) (starts, ends runs) {
	var sb, eb runBuilder
	for i := 0; i < len(text); {
		_, n := utf8.DecodeRuneInString(text[i:])
		sb.add(i, startOf(i, n))
		eb.add(i+n, endOf(i, n))
		i += n
	}
	end := endOf(len(text), 0)
	if len(text) > 0 {
		end = eb.last()
	}
	sb.add(len(text), end)
	return sb.rs, eb.rs
}

// runBuilder builds runs from points: a run holds while each point lies on
// its line of slope 1 or slope 0.
type runBuilder struct {
	rs     runs
	points int // points in the last run
}

func (b *runBuilder) add(i, v int) {
	if n := len(b.rs); n > 0 {
		r := &b.rs[n-1]
		d, dv := i-int(r.at), v-int(r.v)
		if b.points == 1 && (dv == d || dv == 0) {
			r.step = 1
			if dv == 0 {
				r.step = 0
			}
			b.points++
			return
		}
		if b.points > 1 && dv == int(r.step)*d {
			b.points++
			return
		}
	}
	b.rs = append(b.rs, run{at: int32(i), v: int32(v), step: 1})
	b.points = 1
}

func (b *runBuilder) last() int {
	r := b.rs[len(b.rs)-1]
	return int(r.v)
}

// buildSummary derives the summary of a parsed document.
func buildSummary(e *Entry, text, original string) *Summary {
	d := e.Doc
	sum := &Summary{ID: d.ID, Title: d.Title, Gen: e.Gen, SHA256: e.SHA256, Added: e.Added, File: e.File, Format: e.Format,
		Encoding: e.Encoding, Layout: d.Layout, Meta: d.Meta, Size: d.Size, Paragraphs: len(d.Paragraphs), Sentences: len(d.Sentences),
		Tables: len(d.Tables), Sections: d.Sections, Warnings: e.Warnings, text: text, original: original}
	for _, p := range d.Paragraphs {
		sum.Pages = max(sum.Pages, p.Page)
	}
	if r := d.Meta.Region; r != "" {
		sum.Places = report.PlaceForms(r)
		if r != "全国" {
			sum.Spellings = spellings(sum.Places[len(sum.Places)-1])
		}
	}
	return sum
}

// records are the encoded records of paragraphs [from, to) of a version
// of a document and of their sentences.
type records struct {
	doc        string
	gen        int64
	paragraphs []numbered
	headings   []numbered // the topic headings of the paragraphs that have one
	sentences  []numbered
}

type numbered struct {
	n int
	v []byte
}

// buildRecords derives the records of paragraphs [from, to) of a parsed
// document and of their sentences.
func buildRecords(e *Entry, from, to int) *records {
	d := e.Doc
	rec := &records{doc: d.ID, gen: e.Gen}
	row := func(para int) *TableRow {
		p := &d.Paragraphs[para]
		if p.Kind != report.KindTableRow || p.Table < 0 || p.Table >= len(d.Tables) {
			return nil
		}
		t := &d.Tables[p.Table]
		if p.Row < 0 || p.Row >= len(t.Rows) || t.Rows[p.Row].Para != para {
			return nil
		}
		r := &t.Rows[p.Row]
		tr := &TableRow{Table: p.Table, Caption: t.Caption, No: r.No, Name: r.Name, Columns: t.Columns}
		for _, c := range r.Cells {
			c.Start, c.End = e.FileOffset(c.Start), e.FileOffset(c.End)
			tr.Cells = append(tr.Cells, c)
		}
		return tr
	}
	lpp := pageMemo{d: d}
	data := e.text
	for i := from; i < to; i++ {
		p := &d.Paragraphs[i]
		tr := row(i)
		pr := &Paragraph{Ref: Ref{d.ID, e.Gen, i}, Kind: p.Kind, Text: p.Text, Heading: p.Heading, Term: p.Term, Section: p.Section,
			Start: e.FileOffset(p.Start), End: e.FileOffset(p.End), Line: p.Line, Page: p.Page, PageInferred: p.PageInferred,
			FirstSentence: p.FirstSentence, NumSentences: p.NumSentences, Row: tr}
		rec.paragraphs = append(rec.paragraphs, numbered{i, encodeParagraph(pr)})
		if p.Heading != "" {
			rec.headings = append(rec.headings, numbered{i, []byte(p.Heading)})
		}
		per, year := d.ParagraphPeriod(i)
		for si := p.FirstSentence; si < p.FirstSentence+p.NumSentences; si++ {
			s := &d.Sentences[si]
			sr := &Sentence{Ref: Ref{d.ID, e.Gen, si}, Para: s.Para, Text: s.Text, Off: s.Off, Start: s.Start, End: s.End,
				FileStart: e.FileOffset(s.Start), FileEnd: e.FileOffset(s.End), Line: s.Line, Page: s.Page, PageInferred: s.PageInferred,
				Kind: p.Kind, Heading: p.Heading, Section: p.Section, Period: per, Year: year, Row: tr, Scope: s.Scope}
			sr.starts, sr.ends = buildRuns(s.Text, func(k, n int) int {
				a, _ := p.OrigSpan(s.Off+k, s.Off+k+n)
				return e.FileOffset(a)
			}, func(k, n int) int {
				if n == 0 {
					return e.FileOffset(s.End)
				}
				_, b := p.OrigSpan(s.Off+k, s.Off+k+n)
				return e.FileOffset(b)
			})
			if s.Start >= 0 && s.End <= len(data) {
				for k := s.Start; k < s.End; k++ {
					if data[k] == '\n' {
						sr.lineStarts = append(sr.lineStarts, int32(e.FileOffset(k+1)))
					}
				}
			}
			for l := 0; l <= len(sr.lineStarts); l++ {
				pg, inf := lpp.pageAt(s.Line + l)
				if inf {
					pg = -pg
				}
				sr.linePages = append(sr.linePages, int32(pg))
			}
			rec.sentences = append(rec.sentences, numbered{si, encodeSentence(sr)})
		}
	}
	return rec
}

// pageMemo remembers the page of the last line asked: the lines of a
// sentence are asked in turn, and Doc.PageAt costs a pass over the footers.
type pageMemo struct {
	d        *report.Doc
	line     int
	page     int
	inferred bool
}

func (m *pageMemo) pageAt(line int) (int, bool) {
	if line != m.line || m.line == 0 {
		m.line = line
		m.page, m.inferred = m.d.PageAt(line)
	}
	return m.page, m.inferred
}

// spellings returns the spellings of a place's short name for English
// questions (place.Spellings); none for a long name.
func spellings(short string) []string {
	if utf8.RuneCountInString(short) > 6 {
		return nil
	}
	return place.Spellings(short)
}

// Record formats. A reader refuses another.
const (
	summaryFormat   = 2 // 2: region code, inferred facts, warnings, scopes of sections
	sentenceFormat  = 3 // 2: units of table cells; 3: scope
	paragraphFormat = 2
)

func encodeSummary(s *Summary) []byte {
	e := &enc{}
	e.uint(summaryFormat)
	e.str(s.ID)
	e.str(s.Title)
	e.int(s.Gen)
	e.str(s.SHA256)
	e.int(s.Added.UnixNano())
	e.str(s.File)
	e.str(s.Format)
	e.str(s.Encoding)
	e.str(string(s.Layout))
	m := s.Meta
	e.str(m.Kind)
	e.str(m.Region)
	e.str(m.Level)
	e.int(int64(m.Year))
	e.int(int64(m.ReviewYear))
	e.int(int64(m.PlanYear))
	e.str(m.Code)
	e.strs(m.Inferred)
	e.strs(s.Warnings)
	e.int(int64(s.Size))
	for _, n := range []int{s.Paragraphs, s.Sentences, s.Pages, s.Tables} {
		e.int(int64(n))
	}
	e.uint(uint64(len(s.Sections)))
	for _, sec := range s.Sections {
		e.int(int64(sec.Level))
		e.str(sec.Title)
		e.str(sec.Number)
		e.int(int64(sec.Parent))
		e.int(int64(sec.Paragraph))
		e.str(string(sec.Period))
		e.int(int64(sec.Year))
		e.str(sec.Scope)
		e.str(sec.Fund)
		e.str(sec.Flow)
	}
	e.strs(s.Places)
	e.strs(s.Spellings)
	e.str(s.text)
	e.str(s.original)
	return e.b
}

func decodeSummary(b []byte) (*Summary, error) {
	d := &dec{b: b}
	if v := d.uint(); v != summaryFormat {
		return nil, fmt.Errorf("summary format %d, want %d", v, summaryFormat)
	}
	s := &Summary{}
	s.ID = d.str()
	s.Title = d.str()
	s.Gen = d.int()
	s.SHA256 = d.str()
	s.Added = time.Unix(0, d.int()).UTC()
	s.File = d.str()
	s.Format = d.str()
	s.Encoding = d.str()
	s.Layout = report.Layout(d.str())
	s.Meta.Kind = d.str()
	s.Meta.Region = d.str()
	s.Meta.Level = d.str()
	s.Meta.Year = int(d.int())
	s.Meta.ReviewYear = int(d.int())
	s.Meta.PlanYear = int(d.int())
	s.Meta.Code = d.str()
	s.Meta.Inferred = d.strs()
	s.Warnings = d.strs()
	s.Size = int(d.int())
	for _, p := range []*int{&s.Paragraphs, &s.Sentences, &s.Pages, &s.Tables} {
		*p = int(d.int())
	}
	if n := d.len(); n > 0 {
		s.Sections = make([]report.Section, n)
		for i := range s.Sections {
			sec := &s.Sections[i]
			sec.Level = int(d.int())
			sec.Title = d.str()
			sec.Number = d.str()
			sec.Parent = int(d.int())
			sec.Paragraph = int(d.int())
			sec.Period = report.Period(d.str())
			sec.Year = int(d.int())
			sec.Scope = d.str()
			sec.Fund = d.str()
			sec.Flow = d.str()
		}
	}
	s.Places = d.strs()
	s.Spellings = d.strs()
	s.text = d.str()
	s.original = d.str()
	if d.err != nil {
		return nil, fmt.Errorf("summary: %w", d.err)
	}
	return s, nil
}

func encodeRow(e *enc, r *TableRow) {
	if r == nil {
		e.bool(false)
		return
	}
	e.bool(true)
	e.int(int64(r.Table))
	e.str(r.Caption)
	e.str(r.No)
	e.str(r.Name)
	e.strs(r.Columns)
	e.uint(uint64(len(r.Cells)))
	for _, c := range r.Cells {
		e.str(c.Text)
		e.int(int64(c.Start))
		e.int(int64(c.End))
		e.str(c.Unit)
	}
}

func decodeRow(d *dec) *TableRow {
	if !d.bool() {
		return nil
	}
	r := &TableRow{}
	r.Table = int(d.int())
	r.Caption = d.str()
	r.No = d.str()
	r.Name = d.str()
	r.Columns = d.strs()
	if n := d.len(); n > 0 {
		r.Cells = make([]report.Cell, n)
		for i := range r.Cells {
			r.Cells[i].Text = d.str()
			r.Cells[i].Start = int(d.int())
			r.Cells[i].End = int(d.int())
			r.Cells[i].Unit = d.str()
		}
	}
	return r
}

func encodeRuns(e *enc, rs runs) {
	e.uint(uint64(len(rs)))
	for _, r := range rs {
		e.int(int64(r.at))
		e.int(int64(r.v))
		e.int(int64(r.step))
	}
}

func decodeRuns(d *dec) runs {
	n := d.len()
	if n == 0 {
		return nil
	}
	rs := make(runs, n)
	for i := range rs {
		rs[i].at = int32(d.int())
		rs[i].v = int32(d.int())
		rs[i].step = int8(d.int())
	}
	return rs
}

// Sentence records do not repeat the document id and generation: they
// are stored under them.
func encodeSentence(s *Sentence) []byte {
	e := &enc{b: make([]byte, 0, 2*len(s.Text)+64)}
	e.uint(sentenceFormat)
	e.int(int64(s.N))
	e.int(int64(s.Para))
	e.str(s.Text)
	for _, v := range []int{s.Off, s.Start, s.End, s.FileStart, s.FileEnd, s.Line, s.Page, s.Section, s.Year} {
		e.int(int64(v))
	}
	e.bool(s.PageInferred)
	e.str(string(s.Kind))
	e.str(string(s.Period))
	e.str(s.Scope)
	encodeRow(e, s.Row)
	encodeRuns(e, s.starts)
	encodeRuns(e, s.ends)
	e.ints(s.lineStarts)
	e.ints(s.linePages)
	return e.b
}

func decodeSentence(doc string, gen int64, b []byte) (*Sentence, error) {
	d := &dec{b: b}
	if v := d.uint(); v != sentenceFormat {
		return nil, fmt.Errorf("sentence format %d, want %d", v, sentenceFormat)
	}
	s := &Sentence{Ref: Ref{Doc: doc, Gen: gen}}
	s.N = int(d.int())
	s.Para = int(d.int())
	s.Text = d.str()
	for _, p := range []*int{&s.Off, &s.Start, &s.End, &s.FileStart, &s.FileEnd, &s.Line, &s.Page, &s.Section, &s.Year} {
		*p = int(d.int())
	}
	s.PageInferred = d.bool()
	s.Kind = report.Kind(d.str())
	s.Period = report.Period(d.str())
	s.Scope = d.str()
	s.Row = decodeRow(d)
	s.starts = decodeRuns(d)
	s.ends = decodeRuns(d)
	s.lineStarts = d.ints()
	s.linePages = d.ints()
	if d.err != nil {
		return nil, fmt.Errorf("sentence %s/%d/%d: %w", doc, gen, s.N, d.err)
	}
	s.fold()
	return s, nil
}

func encodeParagraph(p *Paragraph) []byte {
	e := &enc{b: make([]byte, 0, len(p.Text)+64)}
	e.uint(paragraphFormat)
	e.int(int64(p.N))
	e.str(string(p.Kind))
	e.str(p.Text)
	e.str(p.Heading)
	e.str(p.Term)
	for _, v := range []int{p.Section, p.Start, p.End, p.Line, p.Page, p.FirstSentence, p.NumSentences} {
		e.int(int64(v))
	}
	e.bool(p.PageInferred)
	encodeRow(e, p.Row)
	return e.b
}

func decodeParagraph(doc string, gen int64, b []byte) (*Paragraph, error) {
	d := &dec{b: b}
	if v := d.uint(); v != paragraphFormat {
		return nil, fmt.Errorf("paragraph format %d, want %d", v, paragraphFormat)
	}
	p := &Paragraph{Ref: Ref{Doc: doc, Gen: gen}}
	p.N = int(d.int())
	p.Kind = report.Kind(d.str())
	p.Text = d.str()
	p.Heading = d.str()
	p.Term = d.str()
	for _, v := range []*int{&p.Section, &p.Start, &p.End, &p.Line, &p.Page, &p.FirstSentence, &p.NumSentences} {
		*v = int(d.int())
	}
	p.PageInferred = d.bool()
	p.Row = decodeRow(d)
	if d.err != nil {
		return nil, fmt.Errorf("paragraph %s/%d/%d: %w", doc, gen, p.N, d.err)
	}
	return p, nil
}

var (
	divSpellOnce sync.Once
	divBySpell   map[string][]*place.Division
)

// DivisionsSpelled returns the divisions of the gazetteer whose full name
// or short form a lower-case pinyin spells (yanbian → 延边朝鲜族自治州 and
// 盐边县; suixian → 随县), higher levels first. The map is built on first
// use and shared; it is safe for concurrent use.
func DivisionsSpelled(pinyin string) []*place.Division {
	divSpellOnce.Do(func() {
		divBySpell = map[string][]*place.Division{}
		for _, d := range place.All() {
			for _, form := range d.Forms() {
				for _, sp := range spellings(form) {
					if !slices.Contains(divBySpell[sp], d) {
						divBySpell[sp] = append(divBySpell[sp], d)
					}
				}
			}
		}
	})
	return divBySpell[strings.ToLower(pinyin)]
}
