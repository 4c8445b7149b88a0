package report

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// block is a run of lines that becomes one paragraph.
type block struct {
	kind  Kind
	lines []int // indices into the lines
	table int   // table index for table rows and headers
}

// Parse rebuilds the report held in data. id names the document (its file
// name without the extension). data should be UTF-8; invalid bytes are
// kept as they are. Parse never fails: text it cannot place lands in a
// paragraph of its own, so no character is lost.
func Parse(id string, data []byte) *Doc {
	lines, starts := splitLines(data)
	d := &Doc{ID: id, Size: len(data), lineStarts: starts}
	for i, c := range data {
		if c == '\f' {
			d.formFeeds = append(d.formFeeds, i)
		}
	}
	for _, l := range lines {
		if l.footer > 0 {
			d.Footers = append(d.Footers, Footer{Page: l.footer, Line: l.no, Start: l.start, End: l.end})
		}
	}
	d.Footers = monotonicFooters(d.Footers)
	footer := make(map[int]bool, len(d.Footers))
	for _, f := range d.Footers {
		footer[f.Line] = true
	}
	// Content lines: not blank, not a page footer.
	var content []int
	for i := range lines {
		if !lines[i].blank() && !footer[lines[i].no] {
			content = append(content, i)
		}
	}
	d.Layout = detectLayout(lines, content)
	p := &parser{doc: d, data: data, lines: lines, content: content}
	p.run()
	return d
}

// monotonicFooters keeps the footers whose page numbers rise through the
// file; a number out of order is more likely OCR noise than a page.
func monotonicFooters(fs []Footer) []Footer {
	var out []Footer
	for _, f := range fs {
		if len(out) > 0 && f.Page <= out[len(out)-1].Page {
			continue
		}
		out = append(out, f)
	}
	return out
}

// detectLayout tells a printed-line file (OCR: short lines that mostly
// break mid-sentence) from one paragraph per line.
func detectLayout(lines []line, content []int) Layout {
	if len(content) < 8 {
		return LayoutParagraphs
	}
	var chars, longChars, open int
	for _, i := range content {
		l := &lines[i]
		chars += l.runes
		if l.runes >= 60 {
			longChars += l.runes
		}
		if !endsSentence(l.text) {
			open++
		}
	}
	if longChars*5 < chars && open*2 > len(content) {
		return LayoutPrinted
	}
	return LayoutParagraphs
}

type parser struct {
	doc     *Doc
	data    []byte
	lines   []line
	content []int // indices of content lines
	blocks  []block
}

func (p *parser) run() {
	body, tail := p.frame()
	if p.doc.Layout == LayoutPrinted {
		p.printedBlocks(body)
	} else {
		p.paragraphBlocks(body)
	}
	for _, i := range tail {
		p.blocks = append(p.blocks, block{kind: KindClutter, lines: []int{i}, table: -1})
	}
	p.materialize()
	p.structure()
	p.sentences()
	p.doc.Meta = detectMeta(p.doc)
	if p.doc.Title == "" {
		p.doc.Title = syntheticTitle(p.doc.Meta)
	}
}

var (
	reL1       = regexp.MustCompile(`^[一二三四五六七八九十]{1,3}\s*[、．.]`)
	reL2       = regexp.MustCompile(`^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]`)
	reL3       = regexp.MustCompile(`^\d{1,2}\s*[．.、](\D|$)`)
	reGlossary = regexp.MustCompile(`^(附件\s*\d*\s*)?名词(解释|注释)\s*[：:]?$`)
	reRowStart = regexp.MustCompile(`^\d{1,2}(\s|$)`)
	reSalute   = regexp.MustCompile(`^(各位代表|各位委员|同志们|代表们)[，,：:！!]`)
)

// headingLevel returns the section level of a heading line, or 0.
func headingLevel(s string) int {
	switch {
	case reGlossary.MatchString(s):
		return 1
	case reL1.MatchString(s):
		return 1
	case reL2.MatchString(s):
		return 2
	case reL3.MatchString(s):
		return 3
	}
	return 0
}

// isHeadingLine reports whether a whole line is a section heading: a
// numbered line short enough to be a title, without a full stop inside.
func isHeadingLine(s string) bool {
	lv := headingLevel(s)
	if lv == 0 {
		return false
	}
	n := utf8.RuneCountInString(s)
	if lv == 3 && n > 30 || n > 50 {
		return false
	}
	body := strings.TrimRight(s, "。")
	return !strings.ContainsAny(body, "。，；")
}

// isPeriodHeading reports whether s is an unnumbered heading that opens
// the review or the plan part of a report: 2024年工作回顾, 2026年重点工作,
// “十五五”时期的主要目标任务.
func isPeriodHeading(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 4 || n > 30 || headingLevel(s) > 0 || strings.ContainsAny(s, "。，；：:,;！？") {
		return false
	}
	per, year := sectionPeriod(s)
	return per != PeriodNone && (year > 0 || strings.Contains(s, "时期") || strings.Contains(s, "今年") || strings.Contains(s, "明年") || strings.Contains(s, "过去"))
}

var reAnnex = regexp.MustCompile(`^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?$`)

// isAnnexLine reports whether s is the line that opens an annex: 附件, 附件2：.
func isAnnexLine(s string) bool {
	return reAnnex.MatchString(strings.TrimSpace(strings.ReplaceAll(s, "\u3000", "")))
}

var clutterExact = map[string]bool{
	"下载": true, "打印": true, "全屏": true, "收藏": true, "分享": true, "加大": true, "还原": true,
	"减小": true, "】": true, "【": true, "关闭": true, "Public domain": true, "false": true,
	"true": true, "相关报道": true, "相关报道：": true, "相关链接": true, "相关链接：": true,
	"附件：": true, "附件": true, "打印本页": true, "关闭窗口": true, "【打印本页】【关闭窗口】": true,
	"扫一扫在手机打开当前页": true, "大": true, "中": true, "小": true, "字号": true,
	"【字号：": true, "字号：": true, "返回顶部": true, "上一篇": true, "下一篇": true,
}

var clutterPrefix = []string{
	"您的位置", "您现在的位置", "当前位置", "来源：", "来源:", "时间：", "时间:", "发布时间", "日期：",
	"作者：", "责任编辑", "编辑：", "【字号", "字号：", "浏览次数", "点击数", "阅读次数", "扫一扫",
	"【打印", "【关闭", "分享到", "相关报道", "相关阅读", "稿源：", "文章来源", "信息来源：", "首页>", "首页 >",
}

func isClutter(s string) bool {
	if clutterExact[s] {
		return true
	}
	for _, pre := range clutterPrefix {
		if strings.HasPrefix(s, pre) {
			return true
		}
	}
	return false
}

// frame sets apart the web-page clutter at the head of the content lines
// as blocks of its own and returns the report lines and the clutter lines
// at the tail.
func (p *parser) frame() (body, tail []int) {
	c := p.content
	i := 0
	for i < len(c) && isClutter(p.lines[c[i]].text) {
		i++
	}
	j := len(c)
	for j > i && isClutter(p.lines[c[j-1]].text) {
		j--
	}
	for _, k := range c[:i] {
		p.blocks = append(p.blocks, block{kind: KindClutter, lines: []int{k}, table: -1})
	}
	return c[i:j], c[j:]
}

// splitFront returns how many of the body lines are front matter: cover
// lines, the title, date and speaker, up to and including the salutation.
func (p *parser) splitFront(body []int) int {
	limit := len(body)
	if limit > 24 {
		limit = 24
	}
	for k := 0; k < limit; k++ {
		t := p.lines[body[k]].text
		if reSalute.MatchString(t) && utf8.RuneCountInString(t) <= 12 {
			return k + 1
		}
	}
	for k := 0; k < limit; k++ {
		l := &p.lines[body[k]]
		if isHeadingLine(l.text) {
			return k
		}
		if p.doc.Layout == LayoutParagraphs && l.runes >= 40 && strings.ContainsAny(l.text, "，。") {
			return k
		}
		if p.doc.Layout == LayoutPrinted && strings.ContainsAny(l.text, "，。") {
			return k
		}
	}
	return 0
}

// addFront turns front matter lines into blocks: the title (joined over
// the lines it is broken into) and one block per other line, with any
// clutter line kept apart.
func (p *parser) addFront(front []int) {
	title := -1
	for k, i := range front {
		t := p.lines[i].text
		if utf8.RuneCountInString(t) > 50 || strings.ContainsAny(t, "，。") {
			continue
		}
		if strings.HasPrefix(t, "关于") || strings.Contains(t, "报告") || strings.Contains(t, "公报") || strings.HasSuffix(t, "报") {
			title = k
			break
		}
	}
	if title < 0 {
		for k, i := range front {
			t := p.lines[i].text
			if !isClutter(t) && !reSalute.MatchString(t) && utf8.RuneCountInString(t) <= 50 && !strings.ContainsAny(t, "，。") {
				title = k
				break
			}
		}
	}
	for k := 0; k < len(front); k++ {
		i := front[k]
		t := p.lines[i].text
		switch {
		case k == title:
			b := block{kind: KindTitle, lines: []int{i}, table: -1}
			joined := t
			for k+1 < len(front) && !titleComplete(joined) && len(b.lines) < 4 {
				next := p.lines[front[k+1]].text
				if reSalute.MatchString(next) || isClutter(next) || strings.HasPrefix(next, "——") {
					break
				}
				k++
				b.lines = append(b.lines, front[k])
				joined += next
			}
			if !titleComplete(joined) && len(b.lines) > 1 {
				// Not a broken title after all: keep the first line only.
				k -= len(b.lines) - 1
				b.lines = b.lines[:1]
			}
			p.blocks = append(p.blocks, b)
		case isClutter(t):
			p.blocks = append(p.blocks, block{kind: KindClutter, lines: []int{i}, table: -1})
		default:
			p.blocks = append(p.blocks, block{kind: KindFront, lines: []int{i}, table: -1})
		}
	}
}

func titleComplete(s string) bool {
	s = strings.TrimRight(s, " )）")
	for _, suf := range []string{"报告", "公报", "草案", "决算", "预算", "纲要", "规划", "讲话"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// topicSentence returns the length in bytes of the short topic sentence
// that opens s ("全力保障群众正常生活。"), or 0.
func topicSentence(s string) int {
	n := 0
	for i, r := range s {
		switch r {
		case '。', '！':
			if n >= 4 {
				return i + utf8.RuneLen(r)
			}
			return 0
		case '，', '、', '；', '：', ',', ';', ':':
			return 0
		}
		n++
		if n > 24 {
			return 0
		}
	}
	return 0
}

// printedBlocks groups the lines of an OCR'd printed report into
// paragraphs. A paragraph ends where a line ends a sentence and either is
// visibly shorter than a full printed line or is followed by a line that
// opens with a topic sentence; headings, tables and stray characters stand
// apart.
func (p *parser) printedBlocks(body []int) {
	nf := p.splitFront(body)
	p.addFront(body[:nf])
	body = body[nf:]
	full := fullWidth(p.lines, body)
	var cur *block
	inGlossary := false
	flush := func() {
		if cur != nil {
			p.blocks = append(p.blocks, *cur)
			cur = nil
		}
	}
	for k := 0; k < len(body); k++ {
		i := body[k]
		l := &p.lines[i]
		t := l.text
		if inGlossary && reL3.MatchString(t) {
			flush()
			cur = &block{kind: KindGlossary, lines: []int{i}, table: -1}
			continue
		}
		// A line that continues a sentence is no heading, whatever it
		// starts with (……老旧小区 / 1. 1万个。: an OCR-split decimal).
		midSentence := cur != nil && !inGlossary && !endsParagraph(p.lines[cur.lines[len(cur.lines)-1]].text)
		if (isHeadingLine(t) || isAnnexLine(t)) && !midSentence && !(l.width*100 >= full*90 && headingLevel(t) > 0 && !endsSentence(t) && k+1 < len(body)) {
			flush()
			inGlossary = reGlossary.MatchString(t)
			p.blocks = append(p.blocks, block{kind: KindHeading, lines: []int{i}, table: -1})
			continue
		}
		if headingLevel(t) > 0 && !inGlossary && !midSentence {
			// A numbered line that fills the printed width runs on: a long
			// heading or a numbered paragraph starts here.
			flush()
		}
		if !inGlossary && isTableStart(t) {
			flush()
			k = p.printedTable(body, k, full) - 1
			continue
		}
		prevEnds := cur != nil && endsParagraph(p.lines[cur.lines[len(cur.lines)-1]].text)
		if cur != nil && prevEnds && l.runes == 1 && !isTerminal([]rune(t)[0]) {
			// A stray character alone on a line between paragraphs.
			flush()
			p.blocks = append(p.blocks, block{kind: KindNoise, lines: []int{i}, table: -1})
			continue
		}
		if cur != nil {
			prev := &p.lines[cur.lines[len(cur.lines)-1]]
			short := prev.width*100 < full*85
			if prevEnds && (short || topicSentence(t) > 0) {
				flush()
			}
		}
		if cur == nil {
			kind := KindBody
			if inGlossary {
				kind = KindGlossary
			}
			cur = &block{kind: kind, table: -1}
		}
		cur.lines = append(cur.lines, i)
	}
	flush()
}

// fullWidth estimates the display width of a full printed line: the 80th
// percentile of the widths of the lines.
func fullWidth(lines []line, idx []int) int {
	if len(idx) == 0 {
		return 0
	}
	ws := make([]int, 0, len(idx))
	for _, i := range idx {
		ws = append(ws, lines[i].width)
	}
	sort.Ints(ws)
	return ws[len(ws)*8/10]
}

// isTableStart reports whether a line opens a flattened table: its header
// begins with 序号 (often broken as 序 / 号) or names the indicators.
func isTableStart(s string) bool {
	return s == "序" || strings.HasPrefix(s, "序号") || strings.HasPrefix(s, "指标名称")
}

// paragraphBlocks groups the lines of a report laid out one paragraph per
// line. A line that does not end a sentence continues on the next (web
// pages split sentences around links), unless it is a heading.
func (p *parser) paragraphBlocks(body []int) {
	nf := p.splitFront(body)
	p.addFront(body[:nf])
	body = body[nf:]
	var cur *block
	inGlossary := false
	flush := func() {
		if cur != nil {
			p.blocks = append(p.blocks, *cur)
			cur = nil
		}
	}
	for _, i := range body {
		t := p.lines[i].text
		lv := headingLevel(t)
		switch {
		case lv > 0 && reGlossary.MatchString(t):
			flush()
			inGlossary = true
			p.blocks = append(p.blocks, block{kind: KindHeading, lines: []int{i}, table: -1})
			continue
		case inGlossary && reL3.MatchString(t):
			flush()
			cur = &block{kind: KindGlossary, lines: []int{i}, table: -1}
			continue
		case inGlossary && (isHeadingLine(t) || isPeriodHeading(t) || isAnnexLine(t)):
			// The glossary ends where an annex or a new part begins.
			flush()
			inGlossary = false
			p.blocks = append(p.blocks, block{kind: KindHeading, lines: []int{i}, table: -1})
			continue
		case isAnnexLine(t):
			flush()
			p.blocks = append(p.blocks, block{kind: KindHeading, lines: []int{i}, table: -1})
			continue
		case inGlossary:
			if cur == nil {
				cur = &block{kind: KindGlossary, table: -1}
			}
			cur.lines = append(cur.lines, i)
			continue
		case isHeadingLine(t) || isPeriodHeading(t):
			flush()
			p.blocks = append(p.blocks, block{kind: KindHeading, lines: []int{i}, table: -1})
			continue
		}
		if cur != nil && lv == 0 && !endsSentence(p.lines[cur.lines[len(cur.lines)-1]].text) {
			cur.lines = append(cur.lines, i)
			continue
		}
		flush()
		cur = &block{kind: KindBody, lines: []int{i}, table: -1}
	}
	flush()
}

// materialize turns blocks into paragraphs.
func (p *parser) materialize() {
	b := &textBuilder{data: p.data}
	for _, bl := range p.blocks {
		b.reset()
		b.keepSpaces = bl.kind == KindTableRow || bl.kind == KindTableHeader
		for _, i := range bl.lines {
			b.addRange(p.lines[i].start, p.lines[i].end)
		}
		para := b.paragraph(bl.kind)
		para.Table = bl.table
		if para.Kind == KindTableRow {
			t := &p.doc.Tables[bl.table]
			para.Row = len(t.Rows)
			t.Rows = append(t.Rows, Row{Para: len(p.doc.Paragraphs)})
		}
		if para.Kind == KindTableHeader {
			p.doc.Tables[bl.table].Header = len(p.doc.Paragraphs)
		}
		para.Line = p.lines[bl.lines[0]].no
		para.Page, para.PageInferred = p.doc.PageAt(para.Line)
		p.doc.Paragraphs = append(p.doc.Paragraphs, para)
	}
	for ti := range p.doc.Tables {
		p.buildTable(ti)
	}
}

// structure finds the title, the section tree, topic headings and glossary
// terms.
func (p *parser) structure() {
	d := p.doc
	cur := [4]int{-1, -1, -1, -1} // innermost open section per level
	lastL1Period := PeriodNone
	for i := range d.Paragraphs {
		para := &d.Paragraphs[i]
		switch para.Kind {
		case KindTitle:
			if d.Title == "" {
				d.Title = para.Text
			}
			continue
		case KindFront, KindClutter:
			continue
		}
		lv, title := -1, ""
		if para.Kind == KindHeading {
			lv = headingLevel(para.Text)
			title = para.Text
			if lv == 0 {
				lv = -1
				if isPeriodHeading(para.Text) {
					// Above the numbered sections: 2026年重点工作 holds 一、… or （一）….
					lv = 0
				}
			}
		} else if para.Kind == KindBody && headingLevel(para.Text) > 0 && headingLevel(para.Text) < 3 {
			// "（四）推进正风肃纪，增强……。巩固拓展……": the first sentence heads the section.
			lv = headingLevel(para.Text)
			if k := strings.IndexAny(para.Text, "。！"); k > 0 {
				title = para.Text[:k]
			} else {
				title = para.Text
			}
			para.Heading = strings.TrimSpace(title)
		}
		if lv >= 0 {
			num, rest := splitNumber(title)
			s := Section{Level: lv, Title: strings.TrimRight(rest, "。：:"), Number: num, Parent: -1, Paragraph: i}
			for l := lv - 1; l >= 0; l-- {
				if cur[l] >= 0 {
					s.Parent = cur[l]
					break
				}
			}
			s.Period, s.Year = sectionPeriod(s.Title)
			if s.Parent >= 0 && d.Sections[s.Parent].Level == 0 && lv == 1 && s.Period != PeriodNone {
				// 一、2025年工作回顾 under an unnumbered heading says its own period.
			} else if s.Parent >= 0 {
				// Below the top level, headings name topics, not periods.
				ps := d.Sections[s.Parent]
				s.Period = ps.Period
				if s.Year == 0 {
					s.Year = ps.Year
				}
			} else if s.Period == PeriodNone && lastL1Period == PeriodPlan && !reGlossary.MatchString(title) {
				s.Period = PeriodPlan
			}
			if lv <= 1 {
				lastL1Period = s.Period
			}
			d.Sections = append(d.Sections, s)
			cur[lv] = len(d.Sections) - 1
			for l := lv + 1; l < len(cur); l++ {
				cur[l] = -1
			}
		}
		for l := len(cur) - 1; l >= 0; l-- {
			if cur[l] >= 0 {
				para.Section = cur[l]
				break
			}
		}
		switch para.Kind {
		case KindBody:
			if para.Heading == "" {
				if n := topicSentence(para.Text); n > 0 && n < len(para.Text) {
					para.Heading = para.Text[:n]
				}
			}
		case KindGlossary:
			para.Term = glossaryTerm(para.Text)
		}
	}
	p.laterYearsPlan()
}

// laterYearsPlan marks as plans the top sections that name a year later
// than a reviewed one but no period of their own (二、关于2025年工作 after
// 一、2024年工作回顾), and their subsections.
func (p *parser) laterYearsPlan() {
	d := p.doc
	reviewed := 0
	for _, s := range d.Sections {
		if s.Level <= 1 && s.Period == PeriodReview && s.Year > reviewed {
			reviewed = s.Year
		}
	}
	if reviewed == 0 {
		return
	}
	changed := map[int]bool{}
	for i := range d.Sections {
		s := &d.Sections[i]
		if s.Level <= 1 && s.Period == PeriodNone && s.Year > reviewed {
			s.Period = PeriodPlan
			changed[i] = true
		}
	}
	for i := range d.Sections {
		s := &d.Sections[i]
		if s.Parent >= 0 && changed[s.Parent] && s.Period == PeriodNone {
			s.Period = PeriodPlan
			if s.Year == 0 {
				s.Year = d.Sections[s.Parent].Year
			}
			changed[i] = true
		}
	}
}

func truncate(s string, runes int) string {
	n := 0
	for i := range s {
		if n == runes {
			return s[:i]
		}
		n++
	}
	return s
}

// splitNumber splits "一、2020年…" into "一、" and "2020年…".
func splitNumber(s string) (string, string) {
	for _, re := range []*regexp.Regexp{reL1, reL2, reL3} {
		if loc := re.FindStringIndex(s); loc != nil {
			end := loc[1]
			if re == reL3 && end > 0 && end <= len(s) {
				// reL3 matched one rune past the number.
				for end > 0 {
					r, n := utf8.DecodeLastRuneInString(s[:end])
					if r == '．' || r == '.' || r == '、' {
						break
					}
					end -= n
				}
			}
			return s[:end], strings.TrimSpace(s[end:])
		}
	}
	return "", s
}

var reYear = regexp.MustCompile(`(19|20)\d{2}\s*年`)

// sectionPeriod tells from a section title whether it reviews or plans,
// and which year it speaks of.
func sectionPeriod(title string) (Period, int) {
	year := 0
	if m := reYear.FindString(title); m != "" {
		year = atoi(m[:4])
	}
	for _, w := range []string{"回顾", "执行情况", "过去", "工作总结", "主要成绩", "取得的成绩", "完成情况", "成就"} {
		if strings.Contains(title, w) {
			return PeriodReview, year
		}
	}
	for _, w := range []string{"计划", "安排", "目标", "任务", "草案", "打算", "建议", "展望", "部署", "重点工作", "总体要求"} {
		if strings.Contains(title, w) {
			if year == 0 {
				// “十五五”时期的主要目标任务 looks to the plan's last year.
				year = fiveYearPlanEnd(title)
			}
			return PeriodPlan, year
		}
	}
	return PeriodNone, year
}

// fiveYearPlanEnd returns the last year of the five-year plan a title
// names (十四五 → 2025), or 0.
func fiveYearPlanEnd(title string) int {
	for n, w := range []string{"十一五", "十二五", "十三五", "十四五", "十五五", "十六五"} {
		if strings.Contains(title, w) {
			return 2010 + 5*n
		}
	}
	return 0
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// glossaryTerm returns the term a glossary entry defines: the text between
// its number and the first colon, without quotes.
func glossaryTerm(s string) string {
	_, rest := splitNumber(s)
	k := strings.IndexAny(rest, "：:")
	if k < 0 {
		return ""
	}
	term := strings.Trim(rest[:k], " “”\"「」『』")
	if utf8.RuneCountInString(term) > 30 {
		return ""
	}
	return term
}

// sentences splits every paragraph into sentences and places them.
func (p *parser) sentences() {
	d := p.doc
	for i := range d.Paragraphs {
		para := &d.Paragraphs[i]
		para.FirstSentence = len(d.Sentences)
		if para.Kind == KindClutter || para.Kind == KindNoise {
			continue
		}
		spans := [][2]int{{0, len(para.Text)}}
		if para.Kind == KindBody || para.Kind == KindGlossary {
			spans = splitSentences(para.Text)
		}
		for _, sp := range spans {
			s := Sentence{Para: i, Text: para.Text[sp[0]:sp[1]], Off: sp[0]}
			s.Start, s.End = para.OrigSpan(sp[0], sp[1])
			s.Line = d.LineAt(s.Start)
			s.Page, s.PageInferred = d.PageAt(s.Line)
			d.Sentences = append(d.Sentences, s)
		}
		para.NumSentences = len(d.Sentences) - para.FirstSentence
	}
}
