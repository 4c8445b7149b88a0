package qa

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"reportkb/index"
	"reportkb/index/segment"
)

// Fact is a figure of a report as a citable record.
type Fact struct {
	Doc       string  `json:"doc"`
	Page      int     `json:"page"`
	Line      int     `json:"line"`
	Start     int     `json:"start"` // byte offsets of the figure in the original file
	End       int     `json:"end"`
	Text      string  `json:"text"` // the figure as written
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier"`
	Subject   string  `json:"subject"` // what is measured: 养老床位, 地区生产总值
	Aspect    string  `json:"aspect"`  // 新增, 增长, 完成, 目标 …
	Period    int     `json:"period"`  // the year it belongs to, 0 when unknown
	Plan      bool    `json:"plan"`    // a target rather than a result
	Section   string  `json:"section"`
	Sentence  string  `json:"sentence"`
	Paragraph int     `json:"paragraph"`
	Column    string  `json:"column,omitempty"` // for table cells
	// Span says the figure covers several years or compares two states
	// (累计, 年均, 五年, 从…到): it is not the figure of its period alone.
	Span bool `json:"span,omitempty"`
	// Scope says whether the figure is the whole area's (全市, 全省: all
	// levels of government) or the government's own level's (市本级, 省本级),
	// where the report says; "" otherwise.
	Scope string `json:"scope,omitempty"`
	// SentenceStart and SentenceEnd are the byte offsets of the sentence
	// in the original file.
	SentenceStart int `json:"sentence_start"`
	SentenceEnd   int `json:"sentence_end"`
	// Lead is the text of the figure's clause before it (全省地区生产总值增长
	// for 5.5%), or a table cell's row name; Context is the sentence before
	// the figure.
	Lead    string `json:"lead,omitempty"`
	Context string `json:"-"`
}

// spanWords in the clause of a figure make it a multi-year or
// before-and-after figure.
var spanWords = []string{"累计", "年均", "五年", "十年", "三年", "以来", "从", "由", "提高到", "增加到", "提升到", "下降到"}

func spanning(clause string) bool {
	for _, w := range spanWords {
		if strings.Contains(clause, w) {
			return true
		}
	}
	return false
}

// aspectTerms are the words that say what happened to a measured thing,
// longest first so that 新开工 wins over 开工.
var aspectTerms = []string{
	"同比增长", "比上年增长", "同比下降", "比上年下降", "新开工", "累计完成", "预计完成", "力争达到", "控制在",
	"新增", "新建", "改建", "建成", "建造", "修建", "建设", "完成", "实现", "达到", "突破", "超过", "增长", "增加", "提高", "上升",
	"下降", "减少", "降低", "压减", "发放", "投入", "安排", "筹集", "设立", "引进", "举办", "拆除", "救助", "开展",
	"累计", "共计", "目标", "计划", "力争", "预计", "预期", "保持", "达", "为",
}

// frameWords open a clause without naming what is measured.
var frameWords = []string{"同比", "比上年", "比去年", "全年", "全区", "全市", "全省", "全县", "全国", "其中", "我区", "我市", "我省", "今年", "去年", "明年",
	"共", "约", "近", "超", "以", "在", "并", "和", "及", "与", "的", "了", "已", "均", "总", "又", "再", "其", "比", "较"}

// subjectOf finds what a figure at [qs, qe) of text measures: the words
// before it in its clause, without the verbs and frame words; or, when
// nothing is left (设立426个“无接触投递接收点”), the words after it.
func subjectOf(text string, qs, qe int) (subject, aspect string) {
	start := strings.LastIndexAny(text[:qs], "，；。：,;:、！？")
	if start < 0 {
		start = 0
	} else {
		_, n := utf8.DecodeRuneInString(text[start:])
		start += n
	}
	pre := text[start:qs]
	// 建造3座方舱医院: with a measure word, the thing counted follows.
	if end := strings.IndexAny(text[qe:], "，；。：,;:、！？"); end != 0 {
		if end < 0 {
			end = len(text) - qe
		}
		if after := stripFrame(text[qe : qe+end]); utf8.RuneCountInString(after) >= 2 && countUnit(text[qs:qe]) {
			for _, a := range aspectTerms {
				if strings.Contains(pre, a) {
					aspect = a
					break
				}
			}
			return clipSubject(after), aspect
		}
	}
	// The aspect word nearest the figure (增长 in 地区生产总值增长, not the
	// 增加 inside 增加值 further back).
	best, bestEnd := "", -1
	for _, a := range aspectTerms {
		if k := strings.LastIndex(pre, a); k >= 0 && (k+len(a) > bestEnd || k+len(a) == bestEnd && len(a) > len(best)) {
			if a == "增加" && strings.HasPrefix(pre[k+len(a):], "值") {
				continue
			}
			best, bestEnd = a, k+len(a)
		}
	}
	if best != "" {
		aspect = best
		k := bestEnd - len(best)
		// The subject is what the verb joins: the entity before it and the
		// thing after it (九江港完成货物吞吐量 → 九江港货物吞吐量), the thing
		// after it alone (新增养老床位), or the thing before it when nothing
		// follows (地区生产总值增长).
		pre = stripFrame(pre[:k]) + stripFrame(pre[bestEnd:])
	}
	subject = stripFrame(pre)
	if utf8.RuneCountInString(subject) < 2 {
		// 设立426个“无接触投递接收点”: the thing follows the figure.
		end := strings.IndexAny(text[qe:], "，；。：,;:、！？")
		if end < 0 {
			end = len(text) - qe
		}
		if after := stripFrame(text[qe : qe+end]); utf8.RuneCountInString(after) >= 2 {
			subject = after
		}
	}
	return clipSubject(subject), aspect
}

func clipSubject(s string) string {
	if utf8.RuneCountInString(s) > 24 {
		return lastRunes(s, 24)
	}
	return s
}

// countUnit reports whether a figure ends in a measure word of counted
// things (个, 座, 家, 所, 项 …).
func countUnit(figure string) bool {
	for _, q := range ParseQuantities(figure) {
		return q.Class() == "count" && q.Unit != "次"
	}
	return false
}

func stripFrame(s string) string {
	s = strings.NewReplacer("“", "", "”", "", "\"", "", "‘", "", "’", "", "「", "", "」", "", "《", "", "》", "").Replace(s)
	s = strings.Trim(s, " ()（）")
	for changed := true; changed; {
		changed = false
		for _, w := range frameWords {
			if strings.HasPrefix(s, w) {
				s, changed = s[len(w):], true
			}
			if strings.HasSuffix(s, w) {
				s, changed = s[:len(s)-len(w)], true
			}
		}
		s = strings.Trim(s, " “”\"‘’「」《》()（）")
	}
	for _, r := range s {
		if !isHan(r) && !(r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')) && r != '·' {
			return ""
		}
	}
	return s
}

// Facts returns the facts of a document, in file order. They are derived
// once per version of the document and stored with it in the index (see
// FactsOf); the slice is shared and must not be modified.
func (e *Engine) Facts(en *index.Entry) []Fact {
	fs, err := e.factsOf(en.Doc.ID, en.Gen, func() (*index.Entry, error) { return en, nil })
	if err != nil {
		slog.Error("facts", "doc", en.Doc.ID, "err", err)
	}
	return fs
}

// FactsOf returns the facts of the document version sum describes, read
// from the index where an earlier call (of this build) stored them, or
// derived from the parsed document and stored: a document is parsed for
// its facts once per version, not once per query or per process. The
// slice is shared and must not be modified.
func (e *Engine) FactsOf(sum *index.Summary) ([]Fact, error) {
	return e.factsOf(sum.ID, sum.Gen, func() (*index.Entry, error) {
		en, ok := e.x.Doc(sum.ID)
		if !ok || en.Gen != sum.Gen {
			return nil, fmt.Errorf("%w: %s (version %d)", ErrUnknownDoc, sum.ID, sum.Gen)
		}
		return en, nil
	})
}

// docFacts are the facts of a version of a document, derived once.
type docFacts struct {
	gen   int64
	once  sync.Once
	facts []Fact
	err   error
}

// maxDocFacts is how many documents' facts the engine keeps in memory;
// the others are read back from the index.
const maxDocFacts = 64

// factsName names the facts among a document's derived data.
const factsName = "qa.facts"

func (e *Engine) factsOf(id string, gen int64, entry func() (*index.Entry, error)) ([]Fact, error) {
	e.mu.Lock()
	df, ok := e.facts.Get(id)
	if !ok || df.gen != gen {
		df = &docFacts{gen: gen}
		e.facts.Add(id, df)
	}
	e.mu.Unlock()
	df.once.Do(func() { df.facts, df.err = e.loadFacts(id, gen, entry) })
	return df.facts, df.err
}

// loadFacts reads the stored facts of a document version, or derives and
// stores them.
func (e *Engine) loadFacts(id string, gen int64, entry func() (*index.Entry, error)) ([]Fact, error) {
	ver := DeriverVersion()
	if data, err := e.x.Derived(id, gen, factsName, ver); err == nil && data != nil {
		var fs []Fact
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&fs); err == nil {
			return fs, nil
		}
	}
	en, err := entry()
	if err != nil {
		return nil, err
	}
	fs := e.buildFacts(en, e.docInfo(en))
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(fs); err != nil {
		return fs, fmt.Errorf("encode facts of %s: %w", id, err)
	}
	if err := e.x.PutDerived(id, gen, factsName, ver, buf.Bytes()); err != nil {
		return fs, fmt.Errorf("store facts of %s: %w", id, err)
	}
	return fs, nil
}

// DeriverVersion names this build of the program, for data it derives
// from documents and stores in the index (Index.PutDerived): a digest of
// the running executable, so that a rebuild with other rules derives
// afresh rather than reading what an older build stored.
var DeriverVersion = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err == nil {
		if f, err := os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err == nil {
				return hex.EncodeToString(h.Sum(nil)[:12])
			}
		}
	}
	return fmt.Sprintf("pid-%d-%d", os.Getpid(), time.Now().UnixNano()) // never read back by another process
})

func (e *Engine) buildFacts(en *index.Entry, di *docInfo) []Fact {
	d := en.Doc
	var out []Fact
	for si := range d.Sentences {
		s := &d.Sentences[si]
		p := &d.Paragraphs[s.Para]
		section := strings.Join(d.SectionPath(p.Section), " / ")
		if cells, ok := di.table[si]; ok {
			row := d.Tables[p.Table].Rows[p.Row]
			_, secYear := d.PeriodOf(p.Section)
			for _, c := range cells {
				year := secYear
				if ms := reSentYear.FindStringSubmatch(c.column); ms != nil {
					year = yearValue(ms[1])
				}
				line := d.LineAt(c.cell.Start)
				page, _ := d.PageAt(line)
				out = append(out, Fact{
					Scope: scopeAtFigure(di.scopes[si], nil, 0),
					Doc:   d.ID, Page: page, Line: line, Start: en.FileOffset(c.cell.Start), End: en.FileOffset(c.cell.End),
					Text: c.q.Text, Value: c.q.Value, Unit: c.q.Unit, Qualifier: c.q.Qualifier, Subject: row.Name,
					Aspect: columnAspect(c.column), Period: year, Plan: strings.Contains(c.column, "计划") || strings.Contains(c.column, "目标"),
					Section: section, Sentence: s.Text, Paragraph: s.Para, Column: c.column,
					SentenceStart: en.FileOffset(s.Start), SentenceEnd: en.FileOffset(s.End), Lead: row.Name,
				})
			}
			continue
		}
		prev := ""
		first := len(out)
		marks := scopeMarks(s.Text)
		pc := sentencePeriod(d, si)
		for _, q := range di.quantities[si] {
			subject, aspect := subjectOf(s.Text, q.Prefix, q.End)
			if subject == "" || subject == "增速" || subject == "增幅" {
				// "……办件量70余万件，同比增长210%": the rate of the thing before.
				subject = prev
			}
			prev = subject
			year, plan := period(pc, q.Start)
			start, end := p.OrigSpan(s.Off+q.Start, s.Off+q.End)
			line := d.LineAt(start)
			page, _ := d.PageAt(line)
			clauseStart := strings.LastIndexAny(s.Text[:q.Prefix], "，；。,;") + 1
			clauseEnd := strings.IndexAny(s.Text[q.End:], "，；。,;")
			if clauseEnd < 0 {
				clauseEnd = len(s.Text) - q.End
			}
			out = append(out, Fact{
				Doc: d.ID, Page: page, Line: line, Start: en.FileOffset(start), End: en.FileOffset(end),
				Text: q.Text, Value: q.Value, Unit: q.Unit, Qualifier: q.Qualifier, Subject: subject, Aspect: aspect,
				Period: year, Plan: plan, Section: section, Sentence: s.Text, Paragraph: s.Para,
				Span:          spanning(s.Text[clauseStart : q.End+clauseEnd]),
				Scope:         scopeAtFigure(di.scopes[si], marks, q.Start),
				SentenceStart: en.FileOffset(s.Start), SentenceEnd: en.FileOffset(s.End),
			})
		}
		refineSentence(d, si, di.quantities[si], out[first:])
	}
	return out
}

func columnAspect(col string) string {
	switch {
	case strings.Contains(col, "增幅") || strings.Contains(col, "增速"):
		return "增长"
	case strings.Contains(col, "完成"):
		return "完成"
	case strings.Contains(col, "计划") || strings.Contains(col, "目标"):
		return "目标"
	}
	return ""
}

// FactQuery selects facts. Zero fields do not filter.
type FactQuery struct {
	Doc     string
	Q       string // words to find in the subject or the sentence
	Subject string // words to find in the subject
	Unit    string
	Period  int
	Limit   int // default 100
	Offset  int
}

// QueryFacts returns the facts that match fq, in document and file order,
// and how many match in all.
func (e *Engine) QueryFacts(fq FactQuery) ([]Fact, int, error) {
	if fq.Limit <= 0 {
		fq.Limit = 100
	}
	q, _ := segment.Fold(strings.Join(strings.Fields(fq.Q), ""))
	subj, _ := segment.Fold(strings.Join(strings.Fields(fq.Subject), ""))
	out := []Fact{}
	total := 0
	sums := e.x.Summaries()
	if fq.Doc != "" {
		sum, ok := e.x.Summary(fq.Doc)
		if !ok {
			return nil, 0, ErrUnknownDoc
		}
		sums = []*index.Summary{sum}
	}
	for _, sum := range sums {
		fs, err := e.FactsOf(sum)
		if errors.Is(err, ErrUnknownDoc) {
			continue // removed or replaced since
		}
		if err != nil {
			return nil, 0, err
		}
		for _, f := range fs {
			if fq.Unit != "" && f.Unit != fq.Unit || fq.Period != 0 && f.Period != fq.Period {
				continue
			}
			if subj != "" && !strings.Contains(foldString(f.Subject), subj) {
				continue
			}
			if q != "" && !strings.Contains(foldString(f.Subject), q) && !strings.Contains(foldString(f.Sentence), q) {
				continue
			}
			if total >= fq.Offset && len(out) < fq.Limit {
				out = append(out, f)
			}
			total++
		}
	}
	return out, total, nil
}

func foldString(s string) string {
	f, _ := segment.Fold(s)
	return f
}

// Finding is a set of figures of one report that give different values
// for the same thing in the same period.
type Finding struct {
	Doc     string `json:"doc"`
	Subject string `json:"subject"`
	Period  int    `json:"period"`
	Plan    bool   `json:"plan"`
	Facts   []Fact `json:"facts"`
}

// Check lists the figures of a document that disagree: the same subject,
// period and kind of unit, targets and results apart, with values that
// differ by more than rounding. A table cell and a sentence of the text
// are compared when one subject contains the other (新增就业人数, 城镇新增就业).
func (e *Engine) Check(en *index.Entry) []Finding {
	facts := e.Facts(en)
	type key struct {
		period int
		plan   bool
		class  string
		aspect string
	}
	groups := map[key][]Fact{}
	for _, f := range facts {
		if f.Period == 0 || f.Span || f.Qualifier != "" || f.Unit == "" || !indicatorName(f.Subject) {
			continue
		}
		k := key{f.Period, f.Plan, UnitClass(f.Unit), normalizeAspect(f.Aspect)}
		groups[k] = append(groups[k], f)
	}
	var out []Finding
	for k, fs := range groups {
		// Cluster by subject: equal, or one within the other.
		used := make([]bool, len(fs))
		for i := range fs {
			if used[i] {
				continue
			}
			cluster := []Fact{fs[i]}
			used[i] = true
			for j := i + 1; j < len(fs); j++ {
				if !used[j] && sameSubject(fs[i], fs[j]) {
					cluster = append(cluster, fs[j])
					used[j] = true
				}
			}
			if disagree(cluster) && spread(cluster) {
				out = append(out, Finding{Doc: en.Doc.ID, Subject: fs[i].Subject, Period: k.period, Plan: k.plan, Facts: cluster})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Facts[0].Start < out[j].Facts[0].Start })
	return out
}

// spread reports whether a cluster's figures stand in more than one
// sentence: figures side by side in one sentence or table row are
// different things (市级绩效目标 and 年度计划, 6所幼儿园 and 4所高中).
func spread(fs []Fact) bool {
	for _, f := range fs[1:] {
		if f.Sentence != fs[0].Sentence || f.Paragraph != fs[0].Paragraph {
			return true
		}
	}
	return false
}

func normalizeAspect(a string) string {
	switch a {
	case "新增", "新建", "改建", "建成", "新开工", "引进", "设立", "举办":
		return "新增"
	case "增长", "增加", "提高", "上升", "同比增长", "比上年增长":
		return "增长"
	case "下降", "减少", "降低", "同比下降", "比上年下降", "压减":
		return "下降"
	}
	return ""
}

// indicatorName reports whether a subject names an indicator, whose
// figure a report should give once per period: 地区生产总值, 城镇调查失业率,
// 一般公共预算收入 — not 惠及企业 or 重大项目建设.
func indicatorName(s string) bool {
	if utf8.RuneCountInString(s) < 3 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("值额率入资数量价比重积耗出", r)
}

// sameSubject reports whether two facts measure the same thing: equal
// subjects, or a table row and a sentence where one holds the other
// (新增就业人数, 城镇新增就业).
func sameSubject(f, g Fact) bool {
	norm := func(s string) string {
		for _, suf := range []string{"人数", "总量", "总额"} {
			s = strings.TrimSuffix(s, suf)
		}
		return s
	}
	a, b := norm(f.Subject), norm(g.Subject)
	if a == b {
		return true
	}
	if (f.Column == "") == (g.Column == "") {
		return false
	}
	return utf8.RuneCountInString(a) >= 4 && strings.Contains(b, a) || utf8.RuneCountInString(b) >= 4 && strings.Contains(a, b)
}

// disagree reports whether a cluster holds values that differ by more
// than rounding (1%) and are not one a range around the other.
func disagree(fs []Fact) bool {
	if len(fs) < 2 {
		return false
	}
	// A result from the text and from a table sometimes repeat: compare all pairs.
	for i := range fs {
		for j := i + 1; j < len(fs); j++ {
			a, b := fs[i].Value, fs[j].Value
			if a == 0 || b == 0 {
				continue
			}
			if relDiff(a, b) > 0.01 {
				return true
			}
		}
	}
	return false
}
