package report

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportkb/index/segment"
	"reportkb/internal/rx"
)

// block is a run of lines that becomes one paragraph.
type block struct {
	kind     Kind
	lines    []int // indices into the lines
	table    int   // table index for table rows and headers
	numbered bool  // a table row whose first line is its number alone
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
	edges := edgeLines(lines, starts, data)
	running := runningHeaders(lines, edges, len(d.formFeeds)+1)
	for i := range lines {
		l := &lines[i]
		if l.footer == 0 && !running[i] && (edges[i] && len(d.formFeeds) > 0 || nextTo(lines, i, running)) {
			// A bare page number at the foot or head of a PDF page, or
			// beside a running header.
			l.footer = barePage(l.text)
		}
		if l.footer > 0 {
			d.Footers = append(d.Footers, Footer{Page: l.footer, Line: l.no, Start: l.start, End: l.end})
		}
	}
	d.Footers = monotonicFooters(d.Footers)
	footer := make(map[int]bool, len(d.Footers))
	for _, f := range d.Footers {
		footer[f.Line] = true
	}
	// Content lines: not blank, not a page footer, not a running header.
	var content, headers []int
	for i := range lines {
		switch {
		case lines[i].blank() || footer[lines[i].no]:
		case running[i]:
			headers = append(headers, i)
		default:
			content = append(content, i)
		}
	}
	d.Layout = detectLayout(lines, content)
	if len(d.formFeeds) > 0 {
		// Text from a PDF: printed lines, pages apart.
		d.Layout = LayoutPrinted
	}
	p := &parser{doc: d, data: data, lines: lines, content: content, running: headers}
	p.run()
	return d
}

// edgeLines returns the lines that open or close a PDF page (the first
// and last two that are not blank), where running headers, footers and
// page numbers stand; without form feeds, none.
func edgeLines(lines []line, starts []int, data []byte) map[int]bool {
	edges := map[int]bool{}
	var page []int
	closePage := func() {
		for k, i := range page {
			if k < 2 || k >= len(page)-2 {
				edges[i] = true
			}
		}
		page = page[:0]
	}
	any := false
	for i, l := range lines {
		// The line's leading bytes: from its start in the file, or, for a
		// piece of a flattened line, from the piece before.
		from := starts[l.no-1]
		if i > 0 && lines[i-1].no == l.no {
			from = lines[i-1].end
		}
		raw := data[from:l.start]
		if strings.IndexByte(string(raw), '\f') >= 0 {
			closePage()
			any = true
		}
		if !l.blank() {
			page = append(page, i)
		}
	}
	if !any {
		return edges
	}
	closePage()
	return edges
}

var reDigits = rx.MustCompile(`[0-9０-９]+`)

// runningHeaders returns the lines that repeat at the head or foot of the
// pages: a gazette's ××市人民政府公报 (with its issue and page numbers),
// a report's running title. Without form feeds, a short line repeated on
// many pages is one.
func runningHeaders(lines []line, edges map[int]bool, pages int) map[int]bool {
	key := func(l *line) string {
		k := reDigits.ReplaceAllString(l.text, "#")
		return strings.Join(strings.Fields(k), "")
	}
	count := map[string]int{}
	for i := range lines {
		l := &lines[i]
		if l.blank() || l.runes > 40 || !edges[i] && pages > 1 {
			continue
		}
		count[key(l)]++
	}
	out := map[int]bool{}
	for i := range lines {
		l := &lines[i]
		if l.blank() || l.runes > 40 || !edges[i] && pages > 1 || l.footer > 0 {
			continue
		}
		k := key(l)
		n := count[k]
		need := max(3, pages/3)
		if pages <= 1 {
			need = 4
		}
		if n < need || hanCount(k) < 4 || strings.ContainsAny(k, "，。；：！") || isHeadingLine(l.text) || isTableLine(l.text) || reSalute.MatchString(l.text) {
			continue
		}
		if pages <= 1 && !strings.Contains(k, "公报") && !strings.Contains(k, "政报") && !strings.Contains(k, "期") {
			// Without pages, only a gazette's masthead is told from a
			// line a speech repeats.
			continue
		}
		out[i] = true
	}
	return out
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if isCJK(r) {
			n++
		}
	}
	return n
}

// nextTo reports whether the nearest line before or after line i that is
// not blank is one of set.
func nextTo(lines []line, i int, set map[int]bool) bool {
	if len(set) == 0 {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		if !lines[j].blank() {
			if set[j] {
				return true
			}
			break
		}
	}
	for j := i + 1; j < len(lines); j++ {
		if !lines[j].blank() {
			return set[j]
		}
	}
	return false
}

// barePage returns the page number of a line that holds only one (32,
// - 32, 32 -), or 0.
func barePage(s string) int {
	s = strings.Trim(s, " -－—–·")
	rs := []rune(s)
	if len(rs) == 0 || len(rs) > 4 {
		return 0
	}
	return atoiSpaced(rs)
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
		if isTableLine(l.text) {
			continue
		}
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
	running []int // indices of running header lines
	blocks  []block
	full    int // display width of a full printed line, 0 when not printed

	footerLines map[int]bool // line numbers of footers and running headers
	cells       []lineCells  // the table cells of each line, once split
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
	for _, i := range p.running {
		p.blocks = append(p.blocks, block{kind: KindClutter, lines: []int{i}, table: -1})
	}
	// Blocks taken out of the flow (running headers, footnotes) stand
	// where they begin.
	sort.SliceStable(p.blocks, func(a, b int) bool { return p.blocks[a].lines[0] < p.blocks[b].lines[0] })
	p.materialize()
	p.structure()
	p.sentences()
	p.doc.Meta = p.detectMeta()
	p.accountsArranged()
	p.workReportParts()
	p.budgetParts()
	p.laterYearParts()
	if p.doc.Title == "" {
		p.doc.Title = committeeTitle(p.front().opening, p.doc.Meta)
	}
	if p.doc.Title == "" {
		p.doc.Title = syntheticTitle(p.doc.Meta)
	}
	p.scopes()
	p.spans()
}

var (
	reL1       = rx.MustCompile(`^[一二三四五六七八九十]{1,3}\s*[、．.]`)
	reL2       = rx.MustCompile(`^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]`)
	reL3       = rx.MustCompile(`^\d{1,2}\s*[．.、](\D|$)`)
	reGlossary = rx.MustCompile(`^(附件\s*\d*\s*)?名词(解释|注释)\s*[：:]?$`)
	reRowStart = rx.MustCompile(`^\d{1,2}(\s|$)`)
	reSalute   = rx.MustCompile(`^(各位代表|各位委员|同志们|代表们)[，,：:！!]`)
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

// l1Ordinal returns the number of a top-level heading (二、… is 2, 十一、…
// is 11), or 0.
func l1Ordinal(s string) int {
	n := 0
	for _, r := range s {
		d := strings.IndexRune("一二三四五六七八九十", r)
		if d < 0 {
			break
		}
		d = d/len("一") + 1
		switch {
		case d == 10 && n == 0:
			n = 10
		case d == 10:
			n *= 10
		default:
			n += d
		}
	}
	return n
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
	if lv == 1 && twoPartTitle(body) {
		return true
	}
	return !strings.ContainsAny(body, "。，；,;")
}

// lineTitle reports whether a numbered line of a layout of one paragraph
// per line, at level lv, is the title of the paragraph after it though it
// has commas: (一)乡村全面振兴扎实推进，为保障国家粮食安全作出新贡献 —
// short, ending no sentence, with no full stop or semicolon inside and no
// figure but a year (1.一般公共服务支出82.56亿元 is an item, no title).
func lineTitle(s string, lv int) bool {
	return lv > 1 && utf8.RuneCountInString(s) <= maxLineTitle && !endsSentence(s) && !strings.ContainsAny(s, "。；;！!？?") &&
		!strings.ContainsAny(reTitleYear.ReplaceAllString(strings.TrimLeft(s, "（(0123456789．.、) "), "年"), "0123456789０１２３４５６７８９%％")
}

// maxLineTitle is the longest line, in runes, lineTitle takes for a title.
const maxLineTitle = 60

// reQuotedYear is a year closing a quoted name (“加油干2017”).
var reQuotedYear = rx.MustCompile(`(?:19|20)\d{2}[”"」]`)

// twoPartTitle reports whether a top-level heading is a title in two
// halves around one comma, without a figure but a year: 八、居民收入不断
// 提高，物价市场保持平稳 (the sections of a city's annual economic
// release), 二、高质量做好2022年各项工作，以优异成绩迎接党的二十大胜利召开.
func twoPartTitle(s string) bool {
	if utf8.RuneCountInString(s) > 36 || strings.Count(s, "，") != 1 || strings.HasSuffix(s, "，") ||
		strings.ContainsAny(reQuotedYear.ReplaceAllString(reTitleYear.ReplaceAllString(s, "年"), "年"), "。；,;0123456789%") {
		return false
	}
	a, b, _ := strings.Cut(s, "，")
	return utf8.RuneCountInString(a) >= 5 && utf8.RuneCountInString(b) >= 4
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
	if per == PeriodNone {
		// 2023年财政政策和财政工作: a short line of public finance that
		// opens with a year and names nothing else in figures heads a
		// budget's part on that year; budgetParts reads which part it is.
		rest := reYearLead.ReplaceAllString(s, "")
		return n <= 20 && rest != s && !strings.ContainsAny(rest, "0123456789０１２３４５６７８９%％") &&
			(strings.Contains(rest, "财政") || strings.Contains(rest, "预算"))
	}
	return year > 0 || strings.Contains(s, "时期") || strings.Contains(s, "今年") || strings.Contains(s, "明年") || strings.Contains(s, "过去")
}

// reYearLead is a year opening a heading: 2023年.
var reYearLead = rx.MustCompile(`^(?:19|20)\d{2}年`)

// isPartTitle reports whether s is the unnumbered title of a part of a
// report that joins several (关于2020年市级一般公共支出预算的说明 in a
// budget's explanations): it heads what follows, above its numbered
// sections, and says its year.
func isPartTitle(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 8 || n > 40 || headingLevel(s) > 0 || strings.ContainsAny(s, "。，；：:,;！？") || !strings.HasPrefix(s, "关于") {
		return false
	}
	for _, end := range []string{"说明", "报告", "情况", "草案", "安排"} {
		if strings.HasSuffix(s, end) {
			return true
		}
	}
	return false
}

// partTitleLines returns how many lines from body[k] make a part title
// (isPartTitle): one, two when the title runs on to the next line, or 0.
func (p *parser) partTitleLines(body []int, k int) int {
	t := strings.TrimSpace(p.lines[body[k]].text)
	if !strings.HasPrefix(t, "关于") {
		return 0
	}
	if isPartTitle(t) {
		return 1
	}
	if k+1 < len(body) && isPartTitle(t+strings.TrimSpace(p.lines[body[k+1]].text)) {
		return 2
	}
	return 0
}

// reNoteInside finds endnote markers inside a title broken around one.
var reNoteInside = rx.MustCompile(`[\[［【]\d{1,2}[\]］】]`)

var reAnnex = rx.MustCompile(`^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?$`)

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
	// The fields of a saved page's header (see fieldTitle).
	"发文单位", "发布单位", "发文机关", "发文时间", "发文日期", "发布日期", "成文日期", "来源URL", "来源网址", "原文链接",
	"原文地址", "网址：", "链接：", "URL：", "报告人：", "索引号", "发文字号", "文号：", "正文：", "正文:",
	"正文（", "正文(", "发布机构", "发文机构", "抓取时间", "采集时间", "转换说明", "字符数", "来源 URL", "用途：",
	// A scraper's header in English: SOURCE: …, FETCHED: …, SHA256(raw): ….
	"SOURCE:", "Source:", "FETCHED:", "Fetched:", "SHA256", "PROVINCES:", "URL:", "Url:", "RETRIEVED:", "DATE:",
}

// isRule reports whether s is a rule drawn under a header: ---, ***,
// =====, or |---|---:| under a Markdown table's.
func isRule(s string) bool {
	if len(s) >= 3 && strings.Trim(s, "-=*_") == "" {
		return true
	}
	return strings.Contains(s, "|") && strings.Contains(s, "---") && strings.Trim(s, "-|: ") == ""
}

// reFieldDecor is the Markdown a header of fields may be written in: a
// list item or heading mark before the field and bold around its name
// (- **标题**：…).
var reFieldDecor = rx.MustCompile(`^(?:[-*+>]\s+|#{1,6}\s*)?(?:\*\*|__)?`)

// bareField returns s without the Markdown decoration of a header field:
// - **发布机构**：国家统计局 → 发布机构：国家统计局.
func bareField(s string) string {
	m := reFieldDecor.FindStringIndex(s)
	if m == nil || m[1] == 0 {
		return s
	}
	rest := s[m[1]:]
	for _, d := range []string{"**", "__"} {
		if i := strings.Index(rest, d); i > 0 && i <= 18 {
			rest = rest[:i] + rest[i+len(d):]
		}
	}
	return rest
}

func isClutter(s string) bool {
	s = bareField(s)
	if clutterExact[s] || garbled(s) || isRule(s) {
		return true
	}
	for _, pre := range clutterPrefix {
		if strings.HasPrefix(s, pre) {
			return true
		}
	}
	return false
}

// titleFields are the names a saved page's header gives its title field:
// 标题：2025年保定市政府工作报告.
var titleFields = []string{"标题：", "标题:", "题目：", "题目:", "文章标题：", "文件名称："}

// fieldTitle makes a title field at the head of the text (the header of
// fields a saved web page opens with: 标题, 发文单位, 发文时间, 来源, 正文)
// a line of the title alone, without its field name, so that the title
// is found as any other; the other fields are clutter (see clutterPrefix).
//
// The fields may be written in Markdown (- **标题**：…), and what comes
// before the title field is the wrapper's own heading: fieldTitle returns
// how many content lines come before the title field, 0 when there is none.
func (p *parser) fieldTitle() int {
	for n, k := range p.content[:min(len(p.content), 8)] {
		l := &p.lines[k]
		text, decor := l.text, 0
		if m := reFieldDecor.FindStringIndex(text); m != nil {
			decor = m[1]
		}
		for _, f := range titleFields {
			name := strings.TrimRight(f, "：:")
			rest, ok := strings.CutPrefix(text[decor:], name)
			if !ok {
				continue
			}
			skip := decor + len(name)
			for _, d := range []string{"**", "__"} {
				if strings.HasPrefix(rest, d) {
					rest, skip = rest[len(d):], skip+len(d)
				}
			}
			if sep := f[len(name):]; strings.HasPrefix(rest, sep) && strings.Trim(rest[len(sep):], " *_") != "" {
				*l = makeLine(p.data, l.no, l.start+skip+len(sep), l.end)
				return n
			}
		}
	}
	return 0
}

// frame sets apart the web-page clutter at the head of the content lines
// as blocks of its own and returns the report lines and the clutter lines
// at the tail.
func (p *parser) frame() (body, tail []int) {
	c := p.content
	i := p.fieldTitle()
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
	limit := min(len(body), 24)
	for k := 0; k < limit; k++ {
		t := p.lines[body[k]].text
		if reSalute.MatchString(t) && utf8.RuneCountInString(t) <= 12 {
			return k + 1
		}
	}
	toc := false
	for k := 0; k < len(body) && (k < limit || toc && k < 600); k++ {
		l := &p.lines[body[k]]
		if isContentsHead(l.text) {
			toc = true
			continue
		}
		if toc {
			// A table of contents runs on, headings and all, to the first
			// table or sentence; the table's head lines are not front.
			if p.startsGrid(body, k) || strings.ContainsAny(l.text, "，。") && !isContentsLine(l.text) {
				n := k
				for n > 0 && k-n < 8 && p.headerLike(body[n-1]) && !isContentsLine(p.lines[body[n-1]].text) {
					n--
				}
				// The heading the first table stands under, on its page.
				for h := n - 1; h >= 0 && n-h <= 3; h-- {
					if isHeadingLine(p.lines[body[h]].text) && !p.pageBreakBetween(body[h], body[n]) {
						n = h
						break
					}
				}
				return n
			}
			continue
		}
		if isHeadingLine(l.text) {
			return k
		}
		if isClutter(l.text) {
			continue // a field of a saved page's header (转换说明：…，…)
		}
		if p.doc.Layout == LayoutParagraphs && l.runes >= 40 && strings.ContainsAny(l.text, "，。") {
			return k
		}
		if reLeadIn.MatchString(l.text) {
			// 经福州市财政局汇总，2025年度…情况如下：the report's own first
			// sentence, however short.
			return k
		}
		if p.doc.Layout == LayoutPrinted && strings.ContainsAny(l.text, "，。") {
			return k
		}
	}
	return 0
}

// reLeadIn is a sentence that leads into what follows (…报告如下：,
// …情况如下：): the body has begun.
var reLeadIn = rx.MustCompile(`\p{Han}，.*如下[：:，,]`)

// isContentsHead reports whether a line heads a table of contents: 目录.
func isContentsHead(s string) bool {
	return strings.Join(strings.Fields(s), "") == "目录"
}

// addFront turns front matter lines into blocks: the title (joined over
// the lines it is broken into) and one block per other line, with any
// clutter line and table of contents line kept apart.
func (p *parser) addFront(front []int) {
	first, last := p.titleLines(front)
	toc := false
	for k := 0; k < len(front); k++ {
		i := front[k]
		t := p.lines[i].text
		if isContentsHead(t) {
			toc = true
		}
		switch {
		case toc:
			p.blocks = append(p.blocks, block{kind: KindContents, lines: []int{i}, table: -1})
		case k == first:
			b := block{kind: KindTitle, table: -1}
			for ; k <= last; k++ {
				b.lines = append(b.lines, front[k])
			}
			k--
			p.blocks = append(p.blocks, b)
		case isClutter(t):
			p.blocks = append(p.blocks, block{kind: KindClutter, lines: []int{i}, table: -1})
		case isContentsLine(t):
			p.blocks = append(p.blocks, block{kind: KindContents, lines: []int{i}, table: -1})
		default:
			p.blocks = append(p.blocks, block{kind: KindFront, lines: []int{i}, table: -1})
		}
	}
}

// titleWords are words a title line holds.
var titleWords = []string{"报告", "公报", "决算", "预算", "说明", "纲要", "规划", "分析", "报表", "方案", "讲话", "计划", "情况"}

// frontOnly reports whether a front matter line is something other than
// a piece of the title: clutter, a congress file mark, the issuer or
// speaker, a date, the salutation, the contents.
func frontOnly(t string) bool {
	// 六次会议上: the end of the congress line (——2025年3月30日在…人民代表大会
	// / 六次会议上), broken over two.
	return isClutter(t) || reSalute.MatchString(t) || isConferenceFile(t) || isIssuer(t) || isDateLine(t) || strings.HasSuffix(t, "会议上") || reDeliveredAt.MatchString(t) ||
		isContentsLine(t) || strings.HasPrefix(t, "——") || strings.HasPrefix(t, "—") || strings.Contains(t, "|") ||
		strings.HasPrefix(t, "目") && strings.HasSuffix(t, "录") || strings.HasPrefix(t, "（") && reDate.MatchString(t)
}

// reDeliveredAt opens the line of when and where a report was delivered,
// without its dash (2022年3月26日在渭南市第六届 / 人民代表大会第一次会议上).
var reDeliveredAt = rx.MustCompile(`^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*在`)

var reDateLine = rx.MustCompile(`^[（(]?\s*(19|20)\d{2}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*(星期.)?\s*[）)]?$`)

func isDateLine(t string) bool { return reDateLine.MatchString(t) }

var reNoteMark = rx.MustCompile(`^(?:[\[［【]\s*\d{1,2}\s*[\]］】]|[*＊])$`)

// isNoteMark reports whether a line is only an endnote marker: [1], *.
func isNoteMark(t string) bool { return len(t) <= 12 && reNoteMark.MatchString(t) }

var reContents = rx.MustCompile(`[·.…．]{4,}\s*[（(]?\s*\d+\s*[）)]?$|[·.…．]{6,}`)

// contentsLeader is what a contents line holds: dots leading to a page.
const contentsLeader = "·.…．"

// isContentsLine reports whether a line belongs to a table of contents:
// an entry with a leader to its page number.
func isContentsLine(t string) bool {
	return strings.ContainsAny(t, contentsLeader) && reContents.MatchString(t)
}

// titleLines returns the front matter lines (indices into front) that
// hold the title, first to last, or -1, -1. The title is the first line
// that names a kind of report or opens with 关于, with the lines it is
// broken over: the pieces before it (2025年哈尔滨市 / 国民经济和社会发展统计
// 公报), and those after it until the title is complete.
func (p *parser) titleLines(front []int) (int, int) {
	conj := func(k int) bool {
		r, _ := utf8.DecodeRuneInString(p.lines[front[k]].text)
		return strings.ContainsRune("及与和暨并的", r)
	}
	// Read in simplified characters: 關於…的報告 is a title too.
	text := func(k int) string { return segment.FoldT2S(p.lines[front[k]].text) }
	// A line typeset apart (关  于  洛  阳  市) names its kind as one set
	// solid does.
	solid := func(k int) string { return strings.Join(strings.Fields(text(k)), "") }
	piece := func(k int) bool {
		t := text(k)
		if frontOnly(t) || strings.ContainsAny(t, "，。；：:") || !readable(t) {
			return false
		}
		// A committee's title runs long (汕头市第十五届人民代表大会财政经济
		// 委员会关于汕头市2025年预算执行情况和2026年预算草案的审查结果报告):
		// a line that is a whole 关于…报告 title may.
		n := utf8.RuneCountInString(t)
		return n <= 50 || n <= 100 && strings.Contains(t, "关于") && titleComplete(t)
	}
	anchor := -1
	for k := range front {
		t := solid(k)
		if !piece(k) {
			continue
		}
		if strings.HasPrefix(t, "关于") || strings.HasSuffix(t, "报") && !reNewspaper.MatchString(t) {
			anchor = k
			break
		}
		for _, w := range titleWords {
			if strings.Contains(t, w) {
				anchor = k
				break
			}
		}
		if anchor >= 0 {
			break
		}
	}
	if anchor < 0 {
		// No line names a kind of report: the first short line that is
		// not front matter of another kind, when the report is not an
		// untitled speech.
		for k := range front {
			if reSalute.MatchString(text(k)) {
				break
			}
			if piece(k) && !isNoteMark(text(k)) {
				return k, k
			}
		}
		return -1, -1
	}
	first, last := anchor, anchor
	// Pieces before: adjacent lines, not complete titles themselves.
	whole := strings.Contains(solid(anchor), "关于") && titleComplete(text(anchor)) // 委员会关于…的审查结果报告
	for first > 0 && anchor-first < 2 && !whole && !strings.HasPrefix(solid(first), "关于") && piece(first-1) && !isNoteMark(text(first-1)) &&
		!titleComplete(text(first-1)) && p.lines[front[first]].no-p.lines[front[first-1]].no <= 2 {
		first--
	}
	joined := func() string {
		var b strings.Builder
		for k := first; k <= last; k++ {
			if !isNoteMark(text(k)) {
				b.WriteString(text(k))
			}
		}
		return b.String()
	}
	for last+1 < len(front) && (!titleComplete(joined()) || conj(last+1)) && last-first < 5 && piece(last+1) {
		last++
	}
	if !titleComplete(joined()) && last > anchor {
		// Not a broken title after all: keep the lines up to the anchor.
		last = anchor
	}
	for last > first && isNoteMark(text(last)) {
		last--
	}
	return first, last
}

// reNewspaper is the name of a newspaper (贵州日报) in the masthead of a
// page that reprints a report: no title of a report, though it ends in 报.
var reNewspaper = rx.MustCompile(`(?:日|晚|早|时|商|周|都市|青年|法治|法制|经济|科技|农民|工人|财经)报$`)

// readable reports whether a line can be a title: a Chinese character at
// least, and mostly Chinese, digits, Latin letters and punctuation. A
// PDF whose fonts map glyphs to no known characters yields lines of other
// scripts (ದնੂՑ), which title nothing.
func readable(t string) bool {
	han, ok, n := 0, 0, 0
	for _, r := range t {
		if unicode.IsSpace(r) {
			continue
		}
		n++
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			ok++
		case r < 0x80 || unicode.IsPunct(r) || unicode.IsDigit(r) || unicode.Is(unicode.Latin, r) || r >= 0xFF00 && r <= 0xFFEF:
			ok++
		}
	}
	return han >= 1 && ok*10 >= n*8
}

var reTrailingMark = rx.MustCompile(`(\s*[\[［【]\s*\d{1,2}\s*[\]］】]|\s*[*＊])+$`)

// cleanTitle drops endnote markers from a title: …统计公报[1].
func cleanTitle(s string) string {
	s = reTrailingMark.ReplaceAllString(s, "")
	return strings.TrimSpace(s)
}

var reTitleTail = rx.MustCompile(`[（(](书面|草案|征求意见稿|代拟稿|摘要|全文|送审稿)[）)]$`)

func titleComplete(s string) bool {
	// A title typeset apart (关  于  …  的  报  告) is complete as it would be
	// set solid.
	s = cleanTitle(strings.Join(strings.Fields(s), ""))
	s = reTitleTail.ReplaceAllString(s, "")
	s = strings.TrimRight(s, " )）")
	if strings.HasPrefix(s, "关于") {
		// 关于…的报告: complete with what it is.
		for _, suf := range []string{"报告", "说明", "讲话", "方案", "决议", "决定", "意见", "通知"} {
			if strings.HasSuffix(s, suf) {
				return true
			}
		}
		return false
	}
	for _, suf := range []string{"报告", "公报", "草案", "决算", "预算", "纲要", "规划", "讲话", "说明", "报表", "情况", "分析", "方案"} {
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
	p.full = full
	var cur *block
	inGlossary := false
	lastL1 := 0 // the number of the last top-level heading (一、 is 1)
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
		if midSentence && lastL1 > 0 && headingLevel(t) == 1 && isHeadingLine(t) && l1Ordinal(t) == lastL1+1 {
			// 二、2019年财政预算草案 after 一、…, under a broken table's
			// stray figures: the next part of the report, not a sentence
			// going on.
			midSentence = false
		}
		if !inGlossary && p.startsGrid(body, k) {
			head := p.takeHead(&cur)
			flush()
			k = p.gridTable(body, k, head) - 1
			continue
		}
		if !inGlossary {
			if end := p.stackedTable(body, k); end > k {
				flush()
				k = end - 1
				continue
			}
		}
		if !inGlossary && (isNoteMark(t) || isNoteLine(t)) {
			if end := p.noteEnd(body, k); end >= 0 {
				// A footnote at the foot of the page, out of the flow of
				// the text it interrupts.
				kind := KindNote
				if end == k && isNoteMark(t) {
					kind = KindNoise
				}
				if !midSentence {
					flush()
				}
				p.blocks = append(p.blocks, block{kind: kind, lines: append([]int(nil), body[k:end+1]...), table: -1})
				k = end
				continue
			}
			if isNoteMark(t) {
				// A lone note marker ([2] under a heading).
				p.blocks = append(p.blocks, block{kind: KindNoise, lines: []int{i}, table: -1})
				continue
			}
			flush()
			cur = &block{kind: KindNote, lines: []int{i}, table: -1}
			continue
		}
		if isCaptionLine(t) && !isHeadingLine(t) {
			// 图4 …: a chart's caption stands apart from the text.
			if !midSentence {
				flush()
			}
			p.blocks = append(p.blocks, block{kind: KindCaption, lines: []int{i}, table: -1})
			continue
		}
		if n := p.partTitleLines(body, k); n > 0 && !inGlossary && !midSentence {
			// 关于2024年度全省一般公共预算 / 收入决算情况的说明: the title of a
			// part, over one or two lines.
			flush()
			p.blocks = append(p.blocks, block{kind: KindHeading, lines: append([]int(nil), body[k:k+n]...), table: -1})
			k += n - 1
			continue
		}
		if (isHeadingLine(t) || isAnnexLine(t) || lineTitle(t, headingLevel(t)) && p.startsParagraph(body, k+1)) && !midSentence && !p.runsOn(body, k, full) {
			flush()
			inGlossary = reGlossary.MatchString(t)
			if n := l1Ordinal(t); n > 0 && headingLevel(t) == 1 {
				lastL1 = n
			}
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
			} else if !prevEnds && short && cur.kind == KindBody && p.indent(i) > p.indent(cur.lines[len(cur.lines)-1]) && p.blockTitle(cur) {
				// （一）奋力落实…建设重要使命，城市核心功能进一步强化 over two
				// lines, the next paragraph indented after it: a title.
				cur.kind = KindHeading
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

// runsOn reports whether the numbered line body[k] is the first line of a
// numbered paragraph rather than a heading: it does not end a sentence
// and fills the printed width (90 %), or nearly (85 %, as wraps judges a
// line) and the next line starts further left, the paragraph's indent
// gone (  3.规模以上工业统计范围为年主营业务收入 2000 万元及以 / 上的工业
// 单位。); a heading's next line keeps the indent.
func (p *parser) runsOn(body []int, k, full int) bool {
	l := &p.lines[body[k]]
	if headingLevel(l.text) == 0 || endsSentence(l.text) || k+1 >= len(body) {
		return false
	}
	if l.width*100 >= full*90 {
		return true
	}
	return l.width*100 >= full*85 && p.indent(body[k+1]) < p.indent(body[k])
}

// blockTitle reports whether the lines of b, run together, are a
// numbered title (see lineTitle).
func (p *parser) blockTitle(b *block) bool {
	if len(b.lines) > 3 {
		return false
	}
	var sb strings.Builder
	for _, i := range b.lines {
		sb.WriteString(strings.TrimSpace(p.lines[i].text))
	}
	t := sb.String()
	return lineTitle(t, headingLevel(t))
}

// startsParagraph reports whether body[k] starts a paragraph: it is
// indented more than the line after it, or the last line.
func (p *parser) startsParagraph(body []int, k int) bool {
	if k >= len(body) {
		return false
	}
	return k+1 >= len(body) || p.indent(body[k]) > p.indent(body[k+1])
}

// indent is the display width of the white space line i starts with.
func (p *parser) indent(i int) int {
	b := p.lines[i].start
	for b > 0 && p.data[b-1] != '\n' {
		b--
	}
	w := 0
	for _, r := range string(p.data[b:p.lines[i].start]) {
		if r == '\t' {
			w += 2
		} else {
			w += runeWidth(r)
		}
	}
	return w
}

// fullWidth estimates the display width of a full printed line: the 80th
// percentile of the widths of the lines.
func fullWidth(lines []line, idx []int) int {
	if len(idx) == 0 {
		return 0
	}
	ws := make([]int, 0, len(idx))
	for _, i := range idx {
		if !isTableLine(lines[i].text) {
			ws = append(ws, lines[i].width)
		}
	}
	if len(ws) == 0 {
		return 0
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
	for k := 0; k < len(body); k++ {
		i := body[k]
		t := p.lines[i].text
		lv := headingLevel(t)
		if !inGlossary && p.startsGrid(body, k) {
			head := p.takeHead(&cur)
			flush()
			k = p.gridTable(body, k, head) - 1
			continue
		}
		if !inGlossary {
			if end := p.stackedTable(body, k); end > k {
				flush()
				k = end - 1
				continue
			}
		}
		switch {
		case !inGlossary && isNoteMark(t):
			p.blocks = append(p.blocks, block{kind: KindNoise, lines: []int{i}, table: -1})
			continue
		case !inGlossary && isNoteLine(t):
			flush()
			p.blocks = append(p.blocks, block{kind: KindNote, lines: []int{i}, table: -1})
			continue
		case isCaptionLine(t) && !isHeadingLine(t):
			flush()
			p.blocks = append(p.blocks, block{kind: KindCaption, lines: []int{i}, table: -1})
			continue
		}
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
		case isHeadingLine(t) || isPeriodHeading(t) || isPartTitle(t) || lineTitle(t, lv) && k+1 < len(body):
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

// wraps reports whether printed line i runs on to the next: it fills the
// printed width. In a layout of one paragraph per line, no line wraps.
func (p *parser) wraps(i int) bool {
	return p.doc.Layout == LayoutPrinted && p.lines[i].width*100 >= p.full*85
}

// materialize turns blocks into paragraphs.
func (p *parser) materialize() {
	b := &textBuilder{data: p.data}
	for _, bl := range p.blocks {
		b.reset()
		b.keepSpaces = bl.kind == KindTableRow || bl.kind == KindTableHeader
		for k, i := range bl.lines {
			b.addRange(p.lines[i].start, p.lines[i].end, k > 0 && p.wraps(bl.lines[k-1]))
		}
		para := b.paragraph(bl.kind)
		para.Table = bl.table
		if para.Kind == KindTableRow {
			t := &p.doc.Tables[bl.table]
			para.Row = len(t.Rows)
			t.Rows = append(t.Rows, Row{Para: len(p.doc.Paragraphs)})
		}
		if para.Kind == KindTableHeader && p.doc.Tables[bl.table].Header < 0 {
			p.doc.Tables[bl.table].Header = len(p.doc.Paragraphs)
		}
		para.Line = p.lines[bl.lines[0]].no
		para.Page, para.PageInferred = p.doc.PageAt(para.Line)
		p.doc.Paragraphs = append(p.doc.Paragraphs, para)
	}
	for ti := range p.doc.Tables {
		if p.doc.Tables[ti].style == styleFlattened {
			p.buildTable(ti)
		} else {
			p.buildGrid(ti)
		}
	}
}

// reTableNo is a table's number and the page number a printed caption
// leads with: 表1-1 63 (青海省2024年地方政府债务限额及余额预算情况表).
var reTableNo = rx.MustCompile(`^(?:表\s*[0-9０-９]+(?:\s*[-－—–]\s*[0-9０-９]+)?[：:.．、]?\s*)?(?:[0-9]{1,4}\s*)?`)

// tableTitle returns the caption of the table a report without a title
// opens with, its table and page numbers dropped: a file of tables is
// named by its first (青海省2024年地方政府债务限额及余额预算情况表). It
// returns "" when the report opens otherwise.
func tableTitle(d *Doc) string {
	for _, para := range d.Paragraphs {
		switch para.Kind {
		case KindFront, KindClutter, KindContents:
			continue
		case KindCaption:
			t := strings.TrimSpace(reTableNo.ReplaceAllString(para.Text, ""))
			if hanCount(t) >= 6 {
				return cleanTitle(t)
			}
		}
		return ""
	}
	return ""
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
				d.Title = cleanTitle(reNoteInside.ReplaceAllString(para.Text, ""))
			}
			continue
		case KindFront, KindClutter, KindContents:
			continue
		}
		lv, title := -1, ""
		if para.Kind == KindHeading {
			lv = headingLevel(para.Text)
			title = para.Text
			if lv == 0 {
				lv = -1
				if isPeriodHeading(para.Text) || isPartTitle(para.Text) {
					// Above the numbered sections: 2026年重点工作 holds 一、… or （一）….
					lv = 0
				}
			}
		} else if para.Kind == KindBody && headingLevel(para.Text) > 0 && headingLevel(para.Text) < 3 && sectionLead(para.Text) != "" {
			// "（四）推进正风肃纪，增强……。巩固拓展……": the first sentence heads the section.
			lv = headingLevel(para.Text)
			title = sectionLead(para.Text)
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
	if d.Title == "" {
		d.Title = tableTitle(d)
	}
	p.laterYearsPlan()
}

// sectionLead returns the first sentence of a numbered paragraph when it
// heads a section: short and without figures ("（四）推进正风肃纪，增强……"),
// not an item of a list ("一、一般公共服务支出决算数为4837947万元，…").
func sectionLead(text string) string {
	title := text
	if k := strings.IndexAny(text, "。！"); k > 0 {
		title = text[:k]
	}
	// A page that lost its line breaks runs the first item into the
	// heading (（二）深化国资国企改革一是国企改革三年行动任务如期完成): 一是
	// opens an item, never a heading's words.
	if k := strings.Index(title, "一是"); k > 0 {
		if _, rest := splitNumber(title[:k]); utf8.RuneCountInString(strings.TrimSpace(rest)) >= 4 {
			title = title[:k]
		}
	}
	_, rest := splitNumber(title)
	if utf8.RuneCountInString(rest) > 40 || strings.ContainsAny(rest, "0123456789０１２３４５６７８９%") {
		return ""
	}
	return title
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
	for _, re := range []*rx.Regexp{reL1, reL2, reL3} {
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

var reYear = rx.MustCompile(`(19|20)\d{2}\s*年`)

// sectionPeriod tells from a section title whether it reviews or plans,
// and which year it speaks of.
func sectionPeriod(title string) (Period, int) {
	year := 0
	if m := reYear.FindString(title); m != "" {
		year = atoi(m[:4])
	}
	for _, w := range []string{"回顾", "执行情况", "过去", "工作总结", "主要成绩", "取得的成绩", "完成情况", "成就", "工作情况", "落实情况", "开展情况", "进展情况", "推进情况"} {
		if strings.Contains(title, w) {
			return PeriodReview, year
		}
	}
	// 工作成效, 成效和主要经验做法, “十四五”时期财政工作成效: what was
	// achieved (not 成效不足 or 成效有待提升, a problem).
	if t := strings.TrimRight(title, "。：: "); (strings.HasSuffix(t, "成效") || strings.HasPrefix(t, "成效") || strings.HasPrefix(t, "工作成效") || strings.HasPrefix(t, "主要成效")) &&
		!strings.Contains(t, "不足") && !strings.Contains(t, "有待") && !strings.Contains(t, "尚不") && !strings.Contains(t, "和“") {
		return PeriodReview, year
	}
	if year > 0 && reBudgetOfYear.MatchString(title) {
		// 2023年财政预算情况, 2023年预算编制指导思想: the budget of a year,
		// not its execution (reviewed above), is its plan.
		return PeriodPlan, year
	}
	// 在接续奋斗中新福建建设取得新成效: what was achieved, unless it is
	// what to strive for (为取得…而奋斗, 努力取得).
	if k := strings.Index(title, "取得"); k >= 0 && !strings.Contains(title[:k], "为") && !strings.Contains(title[:k], "努力") && !strings.Contains(title[:k], "力争") && !strings.Contains(title[k:], "奋斗") {
		return PeriodReview, year
	}
	// 实施产业培育壮大行动计划: an action plan is a programme carried out
	// in the year past as in the year ahead, no cue of either.
	cued := strings.ReplaceAll(title, "行动计划", "")
	// 2014年工作总体部署 plans; 积极统筹部署和指导监督 tells what was done,
	// and 贯彻落实党中央决策部署 whose decisions were carried out.
	if t := strings.TrimRight(cued, "。：: "); strings.Contains(t, "部署") && (!strings.HasSuffix(t, "部署") || strings.HasSuffix(t, "决策部署")) {
		cued = strings.ReplaceAll(cued, "部署", "")
	}
	for _, w := range []string{"计划", "安排", "目标", "任务", "草案", "打算", "建议", "展望", "部署", "重点工作", "总体要求", "主要工作", "工作重点"} {
		if k := strings.Index(cued, w); k >= 0 {
			if j := strings.Index(cued, "形势"); j >= 0 && j < k && year == 0 && FiveYearPlanEnd(title) == 0 {
				// 当前国内形势和基本任务: the situation (the year past) and
				// the tasks ahead, both; the sentences tell which. With a
				// year or a plan's period (“十四五”时期和2021年形势任务) the
				// tasks are that time's.
				return PeriodNone, year
			}
			if year == 0 {
				// “十五五”时期的主要目标任务 looks to the plan's last year.
				year = FiveYearPlanEnd(title)
			}
			return PeriodPlan, year
		}
	}
	return PeriodNone, year
}

// reBudgetOfYear is a title of a year's budget as drawn up: 2023年财政预算
// 情况, 2023年预算编制指导思想.
var reBudgetOfYear = rx.MustCompile(`预算情况$|预算编制`)

// budgetParts reads the periods of a budget or plan report's top-level
// parts whose titles name a year and give no cue (2023年财政政策和财政工作):
// the plan year's plans, the year past's reviews; their parts without a
// cue of their own follow them.
func (p *parser) budgetParts() {
	d := p.doc
	m := d.Meta
	if m.Kind != BudgetReport && m.Kind != PlanReport || m.PlanYear == 0 || m.ReviewYear == m.PlanYear {
		return
	}
	for i := range d.Sections {
		s := &d.Sections[i]
		if s.Period != PeriodNone || s.Parent >= 0 {
			continue
		}
		switch s.Year {
		case m.PlanYear:
			s.Period = PeriodPlan
		case m.ReviewYear:
			s.Period = PeriodReview
		}
	}
	inheritPeriods(d)
}

// laterYearParts reads as plans the top-level parts of a report of no
// work, budget or plan kind whose titles name a year after the one it
// reviews and give no cue (二、2023年工作 in a report on the work of 2022),
// and their parts; the first such year is the report's plan year when it
// had none.
func (p *parser) laterYearParts() {
	d := p.doc
	m := &d.Meta
	switch m.Kind {
	case WorkReport, BudgetReport, PlanReport:
		return
	}
	if m.ReviewYear == 0 {
		return
	}
	changed := map[int]bool{}
	for i := range d.Sections {
		s := &d.Sections[i]
		if s.Parent >= 0 || s.Level > 1 {
			continue
		}
		switch {
		case s.Period != PeriodReview && s.Year > m.ReviewYear:
			if s.Period == PeriodNone {
				s.Period, changed[i] = PeriodPlan, true
			}
			if m.PlanYear == 0 {
				m.PlanYear = s.Year
				if m.Year == m.ReviewYear && m.IsInferred(InferredYear) {
					// Read as delivered in the year it tells of, it is
					// rather delivered in the year it plans for, as
					// reports on a year and the next are.
					m.Year = m.PlanYear
				}
			}
		case s.Period == PeriodPlan && s.Year == m.ReviewYear && m.Year > m.ReviewYear && !reStrongPlan.MatchString(s.Title):
			// 一、2022年主要工作 in a report on 2022: the work done.
			s.Period, changed[i] = PeriodReview, true
		}
	}
	if len(changed) == 0 {
		return
	}
	for i := range d.Sections {
		s := &d.Sections[i]
		if s.Parent >= 0 && changed[s.Parent] {
			s.Period, changed[i] = d.Sections[s.Parent].Period, true
			if s.Year == 0 {
				s.Year = d.Sections[s.Parent].Year
			}
		}
	}
}

// reStrongPlan is a cue of a plan that no year makes a review: 计划, 安排,
// 目标, 打算 (主要工作 and 重点工作 are the year's, whichever it is).
var reStrongPlan = rx.MustCompile(`计划|安排|目标|任务|打算|草案|展望|部署|思路|建议`)

// workReportParts reads the periods of a work report's top-level parts
// whose titles give no cue (一、深入贯彻新发展理念，“加油干2017”成果丰硕; 二、
// 做好“三篇文章”，全力推进2018年各项工作再上新台阶): a part whose title
// names the year the report plans for plans it, one whose first paragraph
// opens with the year past (刚刚过去的一年, 2017年，) reviews it; their
// parts without a cue of their own follow them.
func (p *parser) workReportParts() {
	d := p.doc
	m := d.Meta
	if m.Kind != WorkReport || m.PlanYear == 0 || m.ReviewYear == m.Year {
		return // a report delivered late in its year speaks of it as 今年
	}
	changed := false
	for i := range d.Sections {
		s := &d.Sections[i]
		if s.Period != PeriodNone || s.Parent >= 0 || s.Level > 1 {
			continue
		}
		switch {
		case s.Year == m.PlanYear:
			s.Period, changed = PeriodPlan, true
		case s.Year == 0 || s.Year == m.ReviewYear:
			if t := d.firstBodyText(s.Paragraph); reviewOpens(t, m.ReviewYear) {
				s.Period, s.Year, changed = PeriodReview, m.ReviewYear, true
			}
		}
	}
	if changed {
		inheritPeriods(d)
	}
}

// inheritPeriods gives the sections without a period of their own their
// parent's, and its year where they name none.
func inheritPeriods(d *Doc) {
	for i := range d.Sections {
		s := &d.Sections[i]
		if s.Period == PeriodNone && s.Parent >= 0 && s.Parent < i {
			if par := d.Sections[s.Parent]; par.Period != PeriodNone {
				s.Period = par.Period
				if s.Year == 0 {
					s.Year = par.Year
				}
			}
		}
	}
}

// firstBodyText returns the text of the first body paragraph after
// paragraph pi, or "".
func (d *Doc) firstBodyText(pi int) string {
	for k := pi + 1; k < len(d.Paragraphs) && k <= pi+3; k++ {
		if d.Paragraphs[k].Kind == KindBody {
			return d.Paragraphs[k].Text
		}
	}
	return ""
}

// reviewOpens reports whether a paragraph opens with the year past: 刚刚
// 过去的一年, 过去一年, 一年来, or the review year (2017年，).
func reviewOpens(text string, reviewYear int) bool {
	t := strings.TrimLeft(text, " 　")
	for _, w := range []string{"刚刚过去的一年", "刚刚过去的", "过去的一年", "过去一年", "一年来"} {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return reviewYear > 0 && strings.HasPrefix(t, strconv.Itoa(reviewYear)+"年")
}

// accountsArranged reads the sections of a final-accounts report that tell
// how money was arranged (（五）超收收入安排情况, 预备费安排使用情况) as the
// review they are: such a report accounts for a year past, and only a
// section with another cue of the future (下一步工作打算, 2020年工作重点)
// or of a later year plans.
func (p *parser) accountsArranged() {
	d := p.doc
	if d.Meta.Kind != FinalAccounts || d.Meta.ReviewYear == 0 {
		return
	}
	flipped := map[int]bool{}
	for i := range d.Sections {
		s := &d.Sections[i]
		if s.Period != PeriodPlan || s.Year > d.Meta.ReviewYear {
			continue
		}
		if s.Parent >= 0 && d.Sections[s.Parent].Period == PeriodPlan {
			continue // a heading below a plan names a topic of the plan
		}
		if s.Parent >= 0 && flipped[s.Parent] || arrangedOnly(s.Title) {
			s.Period = PeriodReview
			flipped[i] = true
		}
	}
}

// arrangedOnly reports whether 安排 is a title's only cue of a plan
// (超收收入安排情况, not 下一步工作安排 or 2019年预算安排).
func arrangedOnly(title string) bool {
	rest := strings.ReplaceAll(title, "安排", "")
	if rest == title || strings.Contains(rest, "下一步") {
		return false
	}
	per, _ := sectionPeriod(rest)
	return per != PeriodPlan
}

// FiveYearPlanEnd returns the last year of the five-year plan a title
// names (十四五 → 2025), or 0.
func FiveYearPlanEnd(title string) int {
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
		if para.Kind == KindBody || para.Kind == KindGlossary || para.Kind == KindNote {
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

// garbled reports whether a line is the debris of a font without a usable
// text layer (ದնੂՑ, čĎ, ၿԫ൧ҍ): letters, none of them Chinese or ASCII.
func garbled(s string) bool {
	letters := false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			return false
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			return false
		case unicode.IsLetter(r):
			letters = true
		}
	}
	return letters
}
