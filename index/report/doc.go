// Package report rebuilds the structure of a government report from its
// plain text: title and metadata, sections, paragraphs, sentences, printed
// pages, the indicator table and the glossary.
//
// It is pure Go and knows nothing about segmentation or search. Every
// position it reports is a byte offset into the original file, so that an
// answer can always be traced to the exact bytes it came from.
package report

import (
	"sort"
	"strings"

	"reportkb/internal/rx"
)

// Layout is how the text of a report is laid out in its file.
type Layout string

const (
	// LayoutParagraphs has one paragraph per line (web pages, Word files).
	LayoutParagraphs Layout = "paragraphs"
	// LayoutPrinted has one printed line per line (OCR of a printed
	// report): sentences break mid-line and page footers sit in the text.
	LayoutPrinted Layout = "printed"
)

// Kind says what a paragraph is.
type Kind string

// Paragraph kinds. Only body, heading, table rows and glossary entries are
// worth searching; front matter, clutter and noise are kept so that no
// character of the original is lost.
const (
	KindTitle       Kind = "title"        // the document title
	KindFront       Kind = "front"        // cover lines, date, speaker, salutation
	KindHeading     Kind = "heading"      // a section heading (一、… （一）…)
	KindBody        Kind = "body"         // running text
	KindTableHeader Kind = "table_header" // the column headers of a table
	KindTableRow    Kind = "table_row"    // one row of a table
	KindGlossary    Kind = "glossary"     // one entry of the 名词解释
	KindCaption     Kind = "caption"      // the caption of a chart or table (图4 …, 表1 …)
	KindNote        Kind = "note"         // a footnote or endnote ([1] 本公报…, 注：…)
	KindContents    Kind = "contents"     // a line of the table of contents
	KindNoise       Kind = "noise"        // a stray OCR character, a lone note marker
	KindClutter     Kind = "clutter"      // web-page furniture and running headers, not part of the report
)

// Searchable reports whether paragraphs of kind k carry report content
// worth indexing.
func (k Kind) Searchable() bool {
	switch k {
	case KindBody, KindHeading, KindTableRow, KindTableHeader, KindGlossary, KindTitle, KindCaption, KindNote:
		return true
	}
	return false
}

// Period says whether a section reviews past work or plans future work.
type Period string

// Section periods.
const (
	PeriodNone   Period = ""
	PeriodReview Period = "review" // 回顾, 执行情况, 过去一年
	PeriodPlan   Period = "plan"   // 计划, 安排, 目标, 草案
	// PeriodSpan is a run of paragraphs about several years: the review of
	// a five-year plan (“十三五”时期是…的五年) before the year's own.
	PeriodSpan Period = "span"
)

// Doc is a parsed report. It is immutable after Parse returns and safe for
// concurrent readers.
type Doc struct {
	ID         string
	Title      string
	Layout     Layout
	Meta       Meta
	Size       int // bytes of the original file
	Sections   []Section
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tables     []Table
	Footers    []Footer // page footers, in file order

	lineStarts []int // byte offset of the start of each line
	formFeeds  []int // byte offsets of form feeds: page breaks of PDF text
}

// Meta describes what a report is.
type Meta struct {
	Kind       string // one of Kinds: 政府工作报告, 统计公报, 决算报告, …, 其他
	Region     string // the division's full name (index/place): 汉阳区, 上海市, 湘西土家族苗族自治州, 全国
	Code       string // the division's GB/T 2260 code, 000000 for the nation, "" when unknown
	Level      string // national, province, city, county, district, or ""
	Year       int    // the year the report was delivered or issued (今年 in its text)
	ReviewYear int    // the year whose work or accounts it reviews
	PlanYear   int    // the year it plans or budgets, 0 for none
	// Inferred lists the facts above that were inferred rather than read
	// from the title, congress, issuer or a printed date (InferredTitle,
	// InferredKind, InferredRegion, InferredYear).
	Inferred []string
}

// IsInferred reports whether fact (InferredTitle, …) was inferred.
func (m Meta) IsInferred(fact string) bool {
	for _, f := range m.Inferred {
		if f == fact {
			return true
		}
	}
	return false
}

// Section is a numbered part of the report (一、… or （一）…).
type Section struct {
	Level     int    // 1 for 一、, 2 for （一）, 3 for 1．; 0 for an unnumbered part (2026年重点工作)
	Title     string // the heading text without its number
	Number    string // 一、 or （一）
	Parent    int    // index of the enclosing section, -1 for none
	Paragraph int    // index of the heading paragraph
	Period    Period // review or plan, inherited from the parent when unknown
	Year      int    // the year the section speaks of, 0 when unknown
	// Scope is whose figures the section gives, as its heading says or
	// its parent's: the whole region (全市, 全省, 全州, 全区, 全县, 全国),
	// the region's own level of government (市本级, 省本级, 州本级, 区本级,
	// 县本级, 中央本级), both (全市及市本级), or "" when unsaid.
	Scope string
	// Fund is the budget the section is about (FundGeneral, FundGov,
	// FundCapital, FundSocial, FundDebt) and Flow its revenue or spending
	// side (FlowRevenue, FlowSpending); "" when unsaid or both.
	Fund, Flow string
}

// Paragraph is a paragraph of the report rebuilt from its lines.
type Paragraph struct {
	Kind    Kind
	Text    string // the text with OCR spaces and line breaks removed
	Section int    // index of the innermost section, -1 for none
	Heading string // the topic sentence that opens the paragraph, if any
	Term    string // for glossary entries: the term defined
	Table   int    // for table rows and headers: index into Doc.Tables
	Row     int    // for table rows: index into Table.Rows
	// Scope, Fund and Flow are as for sections: the paragraph's own when
	// its opening (or its table's title) names them, else its section's.
	Scope, Fund, Flow string

	Start, End   int  // byte offsets of the paragraph in the original file
	Line         int  // 1-based line of the original file where it starts
	Page         int  // printed page where it starts, 0 when unknown
	PageInferred bool // Page was inferred between footers, not printed

	FirstSentence, NumSentences int // its sentences in Doc.Sentences

	// Span is set on the paragraphs of a review of several years (“十三五”
	// 时期是…的五年 up to 2020年是…): their figures are the span's.
	Span bool

	pieces []piece
}

// Sentence is a sentence of a paragraph.
type Sentence struct {
	Para         int    // index into Doc.Paragraphs
	Text         string // the sentence text
	Off          int    // byte offset of Text in the paragraph text
	Start, End   int    // byte offsets in the original file
	Line         int    // 1-based line of the original file where it starts
	Page         int    // printed page where it starts, 0 when unknown
	PageInferred bool
	// Scope is as for sections: named at the sentence's opening (市本级收入
	// 34.9亿元), else the sentence's before it in the paragraph, else the
	// paragraph's.
	Scope string
}

// Footer is a page footer such as "— 5 —". It closes printed page Page.
type Footer struct {
	Page       int
	Line       int
	Start, End int
}

// A piece maps a run of paragraph text to the original bytes it came from.
// Copied runs have equal lengths; a replaced run (a line break turned into
// a space) maps text bytes to origLen original bytes.
type piece struct {
	text, orig       int // start offsets
	textLen, origLen int
	replaced         bool // the text is not a copy of the original bytes
}

// Orig returns the original byte offset of byte off of the paragraph text.
// off may equal len(Text), giving the end of the paragraph.
func (p *Paragraph) Orig(off int) int {
	if len(p.pieces) == 0 {
		return p.Start
	}
	i := sort.Search(len(p.pieces), func(i int) bool { return p.pieces[i].text > off }) - 1
	if i < 0 {
		return p.pieces[0].orig
	}
	pc := p.pieces[i]
	if off >= pc.text+pc.textLen {
		return pc.orig + pc.origLen
	}
	if pc.replaced {
		return pc.orig
	}
	return pc.orig + off - pc.text
}

// OrigSpan returns the original byte range of the paragraph text range
// [start, end).
func (p *Paragraph) OrigSpan(start, end int) (int, int) {
	if end <= start {
		o := p.Orig(start)
		return o, o
	}
	return p.Orig(start), p.Orig(end-1) + 1 + p.tail(end-1)
}

// tail returns how many more original bytes the byte at text offset off
// stands for beyond one: non-zero only inside replaced pieces.
func (p *Paragraph) tail(off int) int {
	i := sort.Search(len(p.pieces), func(i int) bool { return p.pieces[i].text > off }) - 1
	if i < 0 {
		return 0
	}
	pc := p.pieces[i]
	if pc.replaced && off == pc.text+pc.textLen-1 {
		return pc.origLen - 1
	}
	return 0
}

// OrigRanges returns the original byte ranges the paragraph text was
// built from, in order. Together they hold every non-space character of
// the paragraph.
func (p *Paragraph) OrigRanges() [][2]int {
	r := make([][2]int, 0, len(p.pieces))
	for _, pc := range p.pieces {
		r = append(r, [2]int{pc.orig, pc.orig + pc.origLen})
	}
	return r
}

// LineAt returns the 1-based line of the original file holding byte off.
func (d *Doc) LineAt(off int) int {
	return sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off })
}

// PageAt returns the page of the original line (1-based) and whether it
// was inferred rather than read. Text extracted from a PDF (pages apart by
// form feeds) gives the PDF's page, as a PDF viewer numbers it; other
// text gives the printed page, from the footers (— 9 —).
func (d *Doc) PageAt(line int) (page int, inferred bool) {
	if len(d.formFeeds) > 0 && line >= 1 && line <= len(d.lineStarts) {
		// Text from a PDF: a form feed starts each page.
		start := d.lineStarts[line-1]
		return 1 + sort.Search(len(d.formFeeds), func(i int) bool { return d.formFeeds[i] > start }), false
	}
	return pageAt(d.Footers, line, d.linesPerPage())
}

// SectionPath returns the titles of section s and its ancestors, outermost
// first.
func (d *Doc) SectionPath(s int) []string {
	var path []string
	for s >= 0 && s < len(d.Sections) {
		path = append([]string{d.Sections[s].Number + d.Sections[s].Title}, path...)
		s = d.Sections[s].Parent
	}
	return path
}

// SentencesOf returns the sentences of paragraph i.
func (d *Doc) SentencesOf(i int) []Sentence {
	p := &d.Paragraphs[i]
	return d.Sentences[p.FirstSentence : p.FirstSentence+p.NumSentences]
}

// ParagraphPeriod returns the period and year of paragraph pi: those of
// its section, or PeriodSpan for a paragraph of a review of several years;
// the paragraphs of a work report before its first numbered part review
// the year past.
func (d *Doc) ParagraphPeriod(pi int) (Period, int) {
	p := &d.Paragraphs[pi]
	if p.Section < 0 && len(d.Sections) > 0 && pi < d.Sections[0].Paragraph && d.Meta.Kind == WorkReport && d.Meta.ReviewYear > 0 {
		if d.Meta.PlanYear > 0 && statesTargets(p.Text) {
			// 经济社会发展的主要预期目标是：生产总值增长6%以上 before the
			// parts of a digest that gives only this year's work.
			return PeriodPlan, d.Meta.PlanYear
		}
		// 首先报告2001年的工作, unnumbered, before the numbered parts of
		// this year's work: a work report opens with the year past.
		return PeriodReview, d.Meta.ReviewYear
	}
	per, year := d.PeriodOf(p.Section)
	if p.Span {
		return PeriodSpan, year
	}
	if per == PeriodPlan {
		if end := d.planHorizon(p.Text); end > year {
			// 未来五年，政府要努力实现以下目标：…地区生产总值达到1750亿元:
			// the targets of the five years' end, not of this year.
			return PeriodPlan, end
		}
	}
	return per, year
}

// reHorizonOpens opens a paragraph of a plan's targets for five years:
// 未来五年, 今后五年, “十四五”时期.
var reHorizonOpens = rx.MustCompile(`^(?:各位代表[！!，,]\s*)?(?:(?:未来|今后)(?:五|5)年|[“"]?十[一二三四五六]五[”"]?(?:时期|期间))`)

// planHorizon returns the last year of the five a plan paragraph opens
// with (reHorizonOpens), or 0.
func (d *Doc) planHorizon(text string) int {
	m := reHorizonOpens.FindString(text)
	if m == "" {
		return 0
	}
	if end := FiveYearPlanEnd(m); end > 0 {
		// “十四五”时期 in the report on 2026 is the span past.
		if end >= d.Meta.PlanYear {
			return end
		}
		return 0
	}
	if d.Meta.PlanYear > 0 {
		return d.Meta.PlanYear + 4 // 未来五年
	}
	return 0
}

// statesTargets reports whether a paragraph states this year's targets
// or tasks: 今年…, 主要预期目标是, 总体要求是 (not 完成了预期目标, a result).
func statesTargets(text string) bool {
	return strings.HasPrefix(text, "今年") || strings.Contains(text, "预期目标是") || strings.Contains(text, "预期目标为") ||
		strings.Contains(text, "总体要求是")
}

// PeriodOf returns the period and year of section s (review or plan).
func (d *Doc) PeriodOf(s int) (Period, int) {
	if s < 0 || s >= len(d.Sections) {
		return PeriodNone, 0
	}
	return d.Sections[s].Period, d.Sections[s].Year
}
