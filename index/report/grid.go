package report

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"reportkb/internal/rx"
)

// This file reads tables whose cells stand apart: by tabs (web pages and
// Word files, one row per line) or by runs of spaces, in columns aligned
// by position (PDF text in layout mode, 决算 tables in fixed columns).
// Flattened OCR tables (序号 / 指标名称, one cell per word) are read in
// table.go.

// tableStyle is how the cells of a table are set apart.
type tableStyle int

const (
	styleFlattened tableStyle = iota // OCR'd, cells by their order
	styleDelimited                   // tabs: column by index
	styleAligned                     // spaces: column by position
	styleStacked                     // one cell a line: a name, then its figures
)

// cellSpan is a cell of a table line: its text (spaces kept), byte range
// in the original and column range (in characters from the line's start;
// for tab-delimited lines, the cell's index).
type cellSpan struct {
	text       string
	start, end int
	col0, col1 int
}

// cellBar returns the bar that parts a line's cells where no tab does:
// | or ｜ when the line holds two of one or more, as the rows of Markdown
// tables and of web pages' tables copied as text do (建筑业 | 55070 |
// 23.93 | 16.1 |); "" for none.
func cellBar(s string) string {
	for _, bar := range []string{"|", "｜"} {
		if strings.Count(s, bar) >= 2 {
			return bar
		}
	}
	return ""
}

// splitCells splits a line into cells: at tabs, at bars (see cellBar), or
// at runs of two spaces or more (a full-width space counts as two).
func splitCells(data []byte, rawStart, start, end int) (cells []cellSpan, tabbed bool) {
	s := data[start:end]
	tabbed = strings.IndexByte(string(s), '\t') >= 0
	if !tabbed {
		if bar := cellBar(string(s)); bar != "" {
			return splitBars(data, start, end, bar), true
		}
	}
	// Column of start: characters from the line's raw start, form feeds
	// not counted.
	col := 0
	for o := rawStart; o < start; {
		r, n := utf8.DecodeRune(data[o:start])
		if r != '\f' {
			col += colWidth(r)
		}
		o += n
	}
	if tabbed {
		idx := 0
		cs := start
		for o := start; o <= end; o++ {
			if o == end || data[o] == '\t' {
				a, b := trimSpan(data, cs, o)
				cells = append(cells, cellSpan{text: string(data[a:b]), start: a, end: b, col0: idx, col1: idx + 1})
				idx++
				cs = o + 1
			}
		}
		return cells, true
	}
	cur := -1
	curCol := 0
	gap := 0
	gapStart := 0
	lastEnd := start
	for o := start; o < end; {
		r, n := utf8.DecodeRune(data[o:end])
		w := colWidth(r)
		if IsSpace(r) {
			if gap == 0 {
				gapStart = o
			}
			if r == '\u3000' {
				gap += 2
			} else {
				gap++
			}
			col += w
			o += n
			continue
		}
		if cur >= 0 && gap >= 2 {
			cells[cur].end = gapStart
			cells[cur].col1 = curCol
			cur = -1
		}
		if cur < 0 {
			cells = append(cells, cellSpan{start: o, col0: col})
			cur = len(cells) - 1
		}
		gap = 0
		col += w
		curCol = col
		o += n
		lastEnd = o
	}
	if cur >= 0 {
		cells[cur].end = lastEnd
		cells[cur].col1 = curCol
	}
	for i := range cells {
		cells[i].text = string(data[cells[i].start:cells[i].end])
	}
	return splitFigures(data, cells), false
}

// splitBars splits data[start:end] at bar into cells, as tabs split
// cells: the empty cells outside a row's first and last bars (| a | b |)
// are none of the row's.
func splitBars(data []byte, start, end int, bar string) []cellSpan {
	var cells []cellSpan
	sep := []byte(bar)
	idx, cs := 0, start
	for o := start; o <= end; {
		if o < end && !bytes.HasPrefix(data[o:end], sep) {
			o++
			continue
		}
		a, b := trimSpan(data, cs, o)
		if a < b || (idx > 0 && o < end) || (idx == 0 && o == end) {
			cells = append(cells, cellSpan{text: string(data[a:b]), start: a, end: b, col0: idx, col1: idx + 1})
			idx++
		}
		if o == end {
			break
		}
		o += len(bar)
		cs = o
	}
	return cells
}

// splitFigures splits cells that hold several figures apart by single
// spaces (243966 -2.3, where columns stand close) into one cell each.
func splitFigures(data []byte, cells []cellSpan) []cellSpan {
	var out []cellSpan
	for _, c := range cells {
		fs := strings.Fields(c.text)
		if len(fs) < 2 {
			out = append(out, c)
			continue
		}
		all := true
		for _, f := range fs {
			if !isNumberCell(f) || f == "-" && len(fs) > 2 {
				all = false
				break
			}
		}
		if !all {
			out = append(out, c)
			continue
		}
		col, o := c.col0, c.start
		for o < c.end {
			r, n := utf8.DecodeRune(data[o:c.end])
			if IsSpace(r) {
				col += colWidth(r)
				o += n
				continue
			}
			st, sc := o, col
			for o < c.end {
				r, n = utf8.DecodeRune(data[o:c.end])
				if IsSpace(r) {
					break
				}
				col += colWidth(r)
				o += n
			}
			out = append(out, cellSpan{text: string(data[st:o]), start: st, end: o, col0: sc, col1: col})
		}
	}
	return out
}

// colWidth is the width of a character in pdftotext's layout: one column
// per character, two for a full-width space.
func colWidth(r rune) int {
	if r == '\u3000' {
		return 2
	}
	return 1
}

func trimSpan(data []byte, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRune(data[a:b])
		if !IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRune(data[a:b])
		if !IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

var reNumCell = rx.MustCompile(`^[-+−－]?\d[\d,，]*(\.\d+)?\s*(%|％|‰)?$|^[-+−－]?\.\d+%?$`)

// isNumberCell reports whether a cell holds a figure ("5,065,965", "95.5",
// "-1.7", "12%") or marks one missing ("-", "—", "…").
func isNumberCell(s string) bool {
	if len(s) > 48 {
		return false
	}
	s = strings.Join(strings.Fields(s), "")
	if s == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); !isDigit(r) && !strings.ContainsRune("-+−－.—…/×*(", r) {
		return false
	}
	switch s {
	case "-", "—", "－", "…", "——", "/", "—-", "--", "×", "*":
		return true
	}
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && reNumCell.MatchString(s[1:len(s)-1]) {
		return true
	}
	return reNumCell.MatchString(s)
}

// tableLine tells what a line of a table is: cells with figures (a data
// row), cells of words (a header), or neither.
func (p *parser) tableCells(i int) ([]cellSpan, bool) {
	if p.cells == nil {
		p.cells = make([]lineCells, len(p.lines))
	}
	c := &p.cells[i]
	if !c.done {
		l := &p.lines[i]
		if !strings.Contains(l.text, "\t") && !strings.Contains(l.text, "  ") && !strings.Contains(l.text, "\u3000") && cellBar(l.text) == "" && l.runes > 60 {
			// A long line in one piece: a sentence, not cells.
			c.cells = []cellSpan{{text: l.text, start: l.start, end: l.end, col0: 0, col1: l.runes}}
		} else {
			c.cells, c.tabbed = splitCells(p.data, p.doc.lineStarts[l.no-1], l.start, l.end)
		}
		c.done = true
	}
	return c.cells, c.tabbed
}

// lineCells caches the cells of a line.
type lineCells struct {
	cells        []cellSpan
	tabbed, done bool
}

// isTableLine reports whether the text of a line is a row of a table of
// figures: two cells or more, apart by a tab or a run of spaces, one of
// them a figure after the first; or tab-separated cells of any kind.
func isTableLine(s string) bool {
	if !strings.Contains(s, "\t") && !strings.Contains(s, "  ") && !strings.Contains(s, "\u3000") && !strings.Contains(s, " ") && cellBar(s) == "" {
		return false // one piece
	}
	cells, tabbed := splitCells([]byte(s), 0, 0, len(s))
	if tabbed {
		n := 0
		for _, c := range cells {
			if c.text != "" {
				n++
			}
		}
		return n >= 2
	}
	return isDataCells(cells)
}

func isDataCells(cells []cellSpan) bool {
	if len(cells) < 2 {
		return false
	}
	nums, words := 0, 0
	for k, c := range cells {
		if isNumberCell(c.text) {
			if k > 0 || len(cells) >= 3 {
				nums++
			}
			continue
		}
		words++
		if strings.ContainsAny(c.text, "，。；") && utf8.RuneCountInString(c.text) > 12 {
			return false // a sentence
		}
	}
	return nums >= 1 && nums >= words-1
}

// isHeaderCells reports whether the cells of a line may head a table: two
// words or more, none of them a sentence.
func isHeaderCells(cells []cellSpan) bool {
	if len(cells) < 2 {
		return false
	}
	for _, c := range cells {
		if strings.ContainsAny(c.text, "，。；") || utf8.RuneCountInString(c.text) > 30 {
			return false
		}
	}
	return true
}

var (
	reUnitLine   = rx.MustCompile(`(?:^|\s)[（(]?\s*(计量|金额|数量|货币)?单\s*位\s*[：:]\s*([^\s）)]{1,8})\s*[）)]?$`)
	reTableTitle = rx.MustCompile(`^(附)?表\s*[0-9０-９一二三四五六七八九十]+|[表单]$|情况表|统计表|明细表|汇总表|决算表|预算表|总表|分类表`)
	reCaption    = rx.MustCompile(`^(图|表|附表|附图)\s*[0-9０-９一二三四五六七八九十]{1,3}(\s|[：:．.、]|$)`)
)

// unitOf returns the unit a line states for a table: 单位：万元 → 万元.
func unitOf(s string) string {
	s = strings.TrimSpace(s)
	if m := reUnitLine.FindStringSubmatch(strings.Join(strings.Fields(s), " ")); m != nil {
		return m[2]
	}
	return ""
}

// isTableTitleLine reports whether a short line names a table: 表1, …决算表,
// 2025年居民消费价格变动情况.
func isTableTitleLine(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	n := utf8.RuneCountInString(s)
	return n > 0 && n <= 50 && !strings.ContainsAny(s, "，。；") && reTableTitle.MatchString(s)
}

// isCaptionLine reports whether a line is the caption of a chart or table
// (图4 2021-2025年地区生产总值及其增长速度, 表1 …).
func isCaptionLine(s string) bool {
	if len(s) > 200 {
		return false
	}
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	return n <= 60 && reCaption.MatchString(s) && !strings.ContainsAny(s, "。；")
}

// headerLike reports whether a line read before the first row of a table
// belongs to its head: a unit, a title, or words in columns.
func (p *parser) headerLike(i int) bool {
	t := p.lines[i].text
	if unitOf(t) != "" || isTableTitleLine(t) || isCaptionLine(t) {
		return true
	}
	cells, _ := p.tableCells(i)
	if isDataCells(cells) || len(cells) == 1 && isNumberCell(t) {
		return false
	}
	if isHeaderCells(cells) {
		return true
	}
	// Header words apart by single spaces (决算数为调 决算数为上), or one
	// broken off: (% ), 数的%.
	n := utf8.RuneCountInString(t)
	return (n <= 10 || n <= 40 && len(strings.Fields(t)) >= 2) && !strings.ContainsAny(t, "，。；：:") && !isHeadingLine(t)
}

// gridTable reads a table of cells apart by tabs or spaces starting at
// body[k] (its first row; header lines were read before it into cur) and
// returns the index of the first body line after it. head are the lines
// of the open block that head the table; they are taken from it.
func (p *parser) gridTable(body []int, k int, head []int) int {
	ti := len(p.doc.Tables)
	_, tabbed := p.tableCells(body[k])
	t := Table{Header: -1, style: styleAligned}
	if tabbed {
		t.style = styleDelimited
	}
	// The title runs to its last line (…情况表), before the column
	// headers; a unit line (单位：万元) may stand anywhere.
	var title, header []int
	lastTitle := -1
	for k, i := range head {
		s := p.lines[i].text
		if cells, _ := p.tableCells(i); len(cells) >= 2 && unitOf(s) == "" && !isTableTitleLine(s) {
			break
		}
		if isTableTitleLine(s) || isCaptionLine(s) {
			lastTitle = k
		}
	}
	for k, i := range head {
		s := p.lines[i].text
		switch {
		case unitOf(s) != "" && t.Unit == "":
			t.Unit = unitOf(s)
			header = append(header, i)
		case k <= lastTitle:
			title = append(title, i)
		default:
			header = append(header, i)
		}
	}
	if len(title) > 0 {
		var b strings.Builder
		for _, i := range title {
			b.WriteString(strings.Join(strings.Fields(p.lines[i].text), ""))
		}
		// 表1:…及其构成 | |||: a Markdown row's bars are no part of it.
		t.Caption = strings.TrimRight(b.String(), "|｜")
		p.blocks = append(p.blocks, block{kind: KindCaption, lines: title, table: -1})
	}
	p.doc.Tables = append(p.doc.Tables, t)
	if len(header) > 0 {
		p.blocks = append(p.blocks, block{kind: KindTableHeader, lines: header, table: ti})
	}
	j := k
	var rows []block
	for ; j < len(body); j++ {
		i := body[j]
		s := p.lines[i].text
		cells, tab := p.tableCells(i)
		if tab != tabbed && !(tabbed && len(cells) == 1) {
			break
		}
		if tabbed {
			if len(cells) == 1 {
				// One cell: a caption, a note or text after the table.
				break
			}
			// Header rows of a tab table read as rows until the first
			// figure (see buildDelimited).
			rows = append(rows, block{kind: KindTableRow, lines: []int{i}, table: ti})
			continue
		}
		switch {
		case len(rows) > 0 && rows[len(rows)-1].numbered && len(rows[len(rows)-1].lines) == 1:
			rows[len(rows)-1].lines = append(rows[len(rows)-1].lines, i)
		case len(cells) == 1 && isNumberCell(s) && cells[0].col0 <= 2 && utf8.RuneCountInString(s) <= 3 && j+1 < len(body) && isDataCells(mustCells(p, body[j+1])):
			// The number of the row below, on a line of its own (1 / . 一般公共服务 …).
			rows = append(rows, block{kind: KindTableRow, lines: []int{i}, table: ti})
			rows[len(rows)-1].numbered = true
		case isDataCells(cells) && !(cells[0].col0 > 8 && isNumberCell(cells[0].text) && len(rows) > 0 && fragments(cells)):
			rows = append(rows, block{kind: KindTableRow, lines: []int{i}, table: ti})
		case len(rows) > 0 && fragments(cells):
			// The rest of figures broken over two lines (101 / .8).
			rows[len(rows)-1].lines = append(rows[len(rows)-1].lines, i)
		case len(rows) > 0 && len(cells) == 1 && !isNumberCell(s) && utf8.RuneCountInString(s) <= 24 &&
			!strings.ContainsAny(s, "，。；：:") && !isHeadingLine(s) && unitOf(s) == "" && !isTableTitleLine(s) && !isCaptionLine(s) && !isNoteLine(s):
			if last := &rows[len(rows)-1]; last.kind == KindTableRow && p.nameOnly(last.lines[0]) && len(last.lines) > 1 && !p.nameOnly(last.lines[len(last.lines)-1]) {
				// The rest of a name broken around its figures
				// (具有研究生培养资质 / 536 -2.2 … / 的科研机构).
				last.lines = append(last.lines, i)
				continue
			}
			// A row that names a group, or a name broken over two lines.
			rows = append(rows, block{kind: KindTableRow, lines: []int{i}, table: ti})
		case len(rows) > 0 && isHeaderCells(cells) && !hasNumber(cells) && p.repeatedHeader(header, cells):
			// The header again on the next page.
			rows = append(rows, block{kind: KindTableHeader, lines: []int{i}, table: ti})
		default:
			goto done
		}
	}
done:
	for len(rows) > 0 && rows[len(rows)-1].kind == KindTableRow && len(p.lines[rows[len(rows)-1].lines[0]].text) > 0 && !p.rowHasFigure(rows[len(rows)-1]) && j > k+1 {
		// A trailing line without figures is text after the table.
		j--
		rows = rows[:len(rows)-1]
	}
	if !p.rowsNamed(rows) {
		// Figures without names: the axes of a chart, not a table.
		if n := len(p.blocks); n > 0 && p.blocks[n-1].kind == KindTableHeader && p.blocks[n-1].table == ti {
			p.blocks[n-1].kind, p.blocks[n-1].table = KindNoise, -1
		}
		for r := range rows {
			rows[r].kind, rows[r].table = KindNoise, -1
		}
		p.doc.Tables = p.doc.Tables[:ti]
	}
	p.blocks = append(p.blocks, rows...)
	if j == k {
		j = k + 1
	}
	return j
}

// rowsNamed reports whether some row of a table names what it counts.
func (p *parser) rowsNamed(rows []block) bool {
	for _, r := range rows {
		cells, _ := p.tableCells(r.lines[0])
		for _, c := range cells {
			if c.text == "" {
				continue
			}
			if !isNumberCell(c.text) && hanCount(c.text) > 0 {
				return true
			}
			break
		}
	}
	return false
}

func mustCells(p *parser, i int) []cellSpan {
	c, _ := p.tableCells(i)
	return c
}

// nameOnly reports whether a table line holds one cell of words.
func (p *parser) nameOnly(i int) bool {
	c, _ := p.tableCells(i)
	return len(c) == 1 && !isNumberCell(c[0].text)
}

func (p *parser) rowHasFigure(b block) bool {
	for _, i := range b.lines {
		cells, _ := p.tableCells(i)
		if hasNumber(cells) {
			return true
		}
	}
	return false
}

func hasNumber(cells []cellSpan) bool {
	for k, c := range cells {
		if k > 0 && isNumberCell(c.text) {
			return true
		}
	}
	return false
}

// fragments reports whether the cells of a line are pieces of figures
// printed a line lower than their row: .8, 16, -2.
func fragments(cells []cellSpan) bool {
	if len(cells) == 0 {
		return false
	}
	for _, c := range cells {
		if !isNumberCell(c.text) || utf8.RuneCountInString(c.text) > 4 {
			return false
		}
	}
	return cells[0].col0 > 8
}

// repeatedHeader reports whether cells repeat the header of a table, as a
// table continued on the next page does.
func (p *parser) repeatedHeader(header []int, cells []cellSpan) bool {
	if len(header) == 0 {
		return false
	}
	var words []string
	for _, i := range header {
		words = append(words, strings.Fields(p.lines[i].text)...)
	}
	n := 0
	for _, c := range cells {
		for _, w := range words {
			if strings.Join(strings.Fields(c.text), "") == w {
				n++
				break
			}
		}
	}
	return n*2 >= len(cells)
}

var reNoteLine = rx.MustCompile(`^(?:(?:注|备注|说明|资料来源|数据来源)\s*\d*\s*[：:]|[\[［【]\s*\d{1,2}\s*[\]］】]\s*\S|[*＊]\s*\S|注\d)`)

// isNoteLine reports whether a line opens a footnote or endnote: 注：…,
// [1] 本公报…, *本报告….
func isNoteLine(s string) bool { return reNoteLine.MatchString(truncate(strings.TrimSpace(s), 12)) }

// buildGrid fills in the columns and cells of a table read by gridTable.
func (p *parser) buildGrid(ti int) {
	t := &p.doc.Tables[ti]
	switch t.style {
	case styleDelimited:
		p.buildDelimited(t)
	case styleStacked:
		p.buildStacked(t)
	default:
		p.buildAligned(t)
	}
	if ti > 0 && t.Unit == "" && t.Caption != "" && p.doc.Tables[ti-1].Caption == t.Caption {
		// The table continued on the next page, its unit line not repeated.
		t.Unit = p.doc.Tables[ti-1].Unit
	}
	// Units: a header's brackets (绝对数（亿千瓦时）) first, then a row's
	// unit column (单位: 万吨), then the table's (单位：万元).
	t.units = make([]string, len(t.Columns))
	for ci, c := range t.Columns {
		t.units[ci] = bracketUnit(c)
	}
	for ri := range t.Rows {
		row := &t.Rows[ri]
		for ci := range row.Cells {
			c := &row.Cells[ci]
			if c.Text == "" {
				c.Unit = ""
				continue
			}
			switch {
			case ci < len(t.units) && t.units[ci] != "":
				c.Unit = t.units[ci]
			case c.Unit != "":
			case ci < len(t.Columns):
				c.Unit = tableUnit(t.Unit, t.Columns[ci])
			default:
				c.Unit = tableUnit(t.Unit, "")
			}
		}
	}
}

// tableUnit returns the unit a table's unit line gives a column: 万元; of
// 人、% the rate for a column of growth (增速, 增长, %), else the first. A
// column of shares or rates (…的%, 增幅, 增长率) is in % whatever the table
// says.
func tableUnit(unit, col string) string {
	if isRateColumn(col) {
		return "%"
	}
	parts := strings.FieldsFunc(unit, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == '/' })
	if len(parts) <= 1 {
		return unit
	}
	rate := strings.Contains(col, "增") || strings.Contains(col, "%") || strings.Contains(col, "比") || strings.Contains(col, "率")
	for _, p := range parts {
		if (p == "%" || p == "％") == rate {
			return p
		}
	}
	return parts[0]
}

// isRateColumn reports whether a column holds percentages: its name says
// % or names a rate (增幅, 增速, 增长率, 比重).
func isRateColumn(col string) bool {
	if strings.Contains(col, "%") || strings.Contains(col, "％") {
		return true
	}
	for _, w := range []string{"增幅", "增速", "增长率", "比重", "比例", "完成率", "降幅"} {
		if strings.HasSuffix(col, w) {
			return true
		}
	}
	return strings.HasSuffix(col, "增长") && !strings.HasSuffix(col, "额增长")
}

var reBracketUnit = rx.MustCompile(`[（(]\s*([^（()）]{1,6}?)\s*[）)]\s*$`)

// bracketUnit returns the unit in the brackets that end a column name:
// 绝对数（亿千瓦时） → 亿千瓦时, 比上年增长（%） → %.
func bracketUnit(col string) string {
	m := reBracketUnit.FindStringSubmatch(col)
	if m == nil {
		return ""
	}
	u := strings.ReplaceAll(m[1], " ", "")
	if strings.ContainsAny(u, "0123456789") && u != "%" {
		return ""
	}
	// Not a unit: a period, a scope, or which figure the column gives
	// (2018年债务余额（决算数）, （调整后）).
	for _, w := range []string{"年", "月", "含", "不含", "以上", "草案", "数", "算", "执行", "预计", "调整", "合计", "口径"} {
		if strings.Contains(u, w) {
			return ""
		}
	}
	return u
}

// rowLines returns the lines of the block of row paragraph i.
func (p *parser) rowLines(para int) []int { return p.blockOf(para).lines }

// buildDelimited reads a tab table: the rows before the first with a
// figure are its header; a column's name joins the header cells above it,
// a cell left empty under a spanning header taking that header's text.
func (p *parser) buildDelimited(t *Table) {
	type row struct {
		para  int
		cells []cellSpan
	}
	var rows []row
	for _, r := range t.Rows {
		cells, _ := p.tableCells(p.rowLines(r.Para)[0])
		rows = append(rows, row{r.Para, cells})
	}
	var headers [][]cellSpan
	if t.Header >= 0 {
		for _, i := range p.blockOf(t.Header).lines {
			c, tab := p.tableCells(i)
			if tab && !isRule(p.lines[i].text) { // |---|---:|
				headers = append(headers, c)
			}
		}
	}
	first := len(rows)
	for ri, r := range rows {
		if hasNumber(r.cells) {
			first = ri
			break
		}
	}
	if first == len(rows) {
		first = 0 // a table of words: no header read from its rows
	}
	for _, r := range rows[:first] {
		if !isRule(p.lines[p.rowLines(r.para)[0]].text) { // |---|---:|
			headers = append(headers, r.cells)
		}
	}
	// Where the figures start: the first column holding one in most rows.
	k := 0
	for _, r := range rows[first:] {
		for ci, c := range r.cells {
			if ci > 0 && isNumberCell(c.text) {
				if k == 0 || ci < k {
					k = ci
				}
				break
			}
		}
	}
	if k == 0 {
		k = 1
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r.cells))
	}
	for _, h := range headers {
		width = max(width, len(h))
	}
	// A unit column (单位) between the names and the figures.
	unitCol := -1
	names := make([]string, width)
	for hi, h := range headers {
		filled := make([]string, width)
		last := ""
		for ci := 0; ci < width; ci++ {
			s := ""
			if ci < len(h) {
				s = strings.Join(strings.Fields(h[ci].text), "")
			}
			if s == "" && hi < len(headers)-1 && ci >= k {
				s = last // under a header spanning columns
			}
			filled[ci] = s
			if s != "" {
				last = s
			}
		}
		for ci, s := range filled {
			if s != "" && !strings.HasSuffix(names[ci], s) {
				if names[ci] != "" {
					names[ci] += "·"
				}
				names[ci] += s
			}
		}
	}
	for ci := 1; ci < k && ci < width; ci++ {
		if n := names[ci]; n == "单位" || n == "计量单位" {
			unitCol = ci
		}
	}
	// Two tables side by side (行业 | 增长 | 行业 | 增长): the right half's
	// rows are rows of their own.
	split := 0
	if names[0] != "" {
		for ci := k + 1; ci < width; ci++ {
			if names[ci] == names[0] {
				split = ci
				break
			}
		}
	}
	if split > 0 {
		width = split
	}
	t.Columns = append([]string(nil), names[min(k, width):width]...)
	var out []Row
	half := func(r row, from int) Row {
		nr := Row{Para: r.para}
		var name []string
		unit := ""
		for ci := from; ci < from+k && ci < len(r.cells); ci++ {
			s := strings.Join(strings.Fields(r.cells[ci].text), "")
			if ci-from == unitCol {
				unit = s
				continue
			}
			if s != "" {
				name = append(name, s)
			}
		}
		nr.Name = strings.Join(name, "·")
		for ci := from + k; ci < len(r.cells) && ci-from-k < len(t.Columns); ci++ {
			c := r.cells[ci]
			nr.Cells = append(nr.Cells, Cell{Text: strings.Join(strings.Fields(c.text), ""), Start: c.start, End: c.end, Unit: unit})
		}
		for len(nr.Cells) < len(t.Columns) {
			nr.Cells = append(nr.Cells, Cell{})
		}
		return nr
	}
	for ri, r := range rows {
		if ri < first {
			// Header rows read as rows become the header.
			p.doc.Paragraphs[r.para].Kind = KindTableHeader
			p.doc.Paragraphs[r.para].Row = -1
			if t.Header < 0 {
				t.Header = r.para
			}
			continue
		}
		p.doc.Paragraphs[r.para].Row = len(out)
		out = append(out, half(r, 0))
		if split > 0 && len(r.cells) > split {
			if nr := half(r, split); nr.Name != "" {
				out = append(out, nr)
			}
		}
	}
	t.Rows = out
}

// column is a column of an aligned table: its span in characters.
type column struct{ col0, col1 int }

// buildAligned reads a table aligned by spaces: the columns are where the
// figures of its rows stand; header words and figures belong to the column
// they overlap most.
func (p *parser) buildAligned(t *Table) {
	rowCells := make([][][]cellSpan, len(t.Rows))
	primary := make([][]cellSpan, len(t.Rows)) // the figures of a row's first line of them
	var spans []column
	nameEnd := 0 // where the longest row name ends
	for ri, r := range t.Rows {
		numbered := p.blockOf(r.Para).numbered
		for li, i := range p.rowLines(r.Para) {
			cells, _ := p.tableCells(i)
			rowCells[ri] = append(rowCells[ri], cells)
			if numbered && li == 0 || li > 0 && fragments(cells) {
				continue // a row's number, or pieces of figures above
			}
			vs := valueCells(cells)
			for _, c := range vs {
				spans = append(spans, column{c.col0, c.col1})
			}
			for _, c := range cells[:len(cells)-len(vs)] {
				nameEnd = max(nameEnd, c.col1)
			}
			if primary[ri] == nil && len(vs) > 0 {
				primary[ri] = vs
			}
		}
	}
	// Most rows hold a figure (or a dash) in every column: then the
	// columns go by order, which holds where pdftotext's spacing wavers
	// from row to row; else by position.
	count := map[int]int{}
	rowsWith := 0
	for _, pc := range primary {
		if len(pc) > 0 {
			count[len(pc)]++
			rowsWith++
		}
	}
	m, best := 0, 0
	for n, c := range count {
		if c > best || c == best && n > m {
			m, best = n, c
		}
	}
	byIndex := m > 0 && best*10 >= rowsWith*6
	var cols []column
	var first []cellSpan // the first full row, nearest the header
	if byIndex {
		cols = make([]column, m)
		ends := make([][]int, m)
		for _, pc := range primary {
			if len(pc) != m {
				continue
			}
			if first == nil {
				first = pc
			}
			for j, c := range pc {
				if len(ends[j]) == 0 || c.col0 < cols[j].col0 {
					cols[j].col0 = c.col0
				}
				ends[j] = append(ends[j], c.col1)
			}
		}
		for j := range cols {
			sort.Ints(ends[j])
			cols[j].col1 = ends[j][len(ends[j])/2]
			cols[j].col0 = min(cols[j].col0, cols[j].col1-1)
		}
	} else {
		cols = mergeColumns(spans)
	}
	if len(cols) == 0 {
		return
	}
	headCols := cols
	if first != nil {
		headCols = make([]column, len(first))
		for j, c := range first {
			headCols[j] = column{c.col0, c.col1}
		}
	}
	// Header words: by order when a line has one for every column, else
	// under the column they overlap most.
	names := make([]string, len(cols))
	var lines [][]cellSpan      // the words of each header line, outside the names' column
	var groupCells [][]cellSpan // the cells of each of those lines, apart by two spaces or more
	if t.Header >= 0 {
		titled := false
		for _, i := range p.blockOf(t.Header).lines {
			if unitOf(p.lines[i].text) != "" {
				continue
			}
			cells, _ := p.tableCells(i)
			if !titled && len(cells) == 1 && hanCount(cells[0].text) >= 6 && len(strings.Fields(cells[0].text)) <= 3 && cells[0].col0 < headCols[0].col0 {
				// The table's title, above its column headers.
				if t.Caption == "" {
					t.Caption = strings.Join(strings.Fields(cells[0].text), "")
				}
				continue
			}
			titled = true
			var ws []cellSpan
			nc := namesCell(cells, headCols[0].col0)
			for _, w := range joinBrackets(p.words(i)) {
				if !nameless(w, headCols[0].col0, nameEnd, nc) {
					ws = append(ws, w)
				}
			}
			if len(ws) == 0 {
				continue
			}
			lines = append(lines, ws)
			var groups []cellSpan
			for _, c := range cells {
				if !nameless(c, headCols[0].col0, nameEnd, nc) {
					groups = append(groups, c)
				}
			}
			groupCells = append(groupCells, groups)
		}
	}
	grouped := make([]bool, len(cols)) // a group heading ends the column's name so far
	for li, ws := range lines {
		if groups := groupCells[li]; spanning(groups, lines[li+1:], len(cols)) {
			// 2024年债务限额 over A=B+C, 一般债务, 专项债务: groups of as
			// many columns each head them in order; else each group heads
			// the columns nearer its center than any other's.
			for j, c := range headCols {
				var g int
				if len(headCols)%len(groups) == 0 {
					g = j / (len(headCols) / len(groups))
				} else {
					g = nearestCenter(groups, c)
				}
				names[j] += strings.Join(strings.Fields(groups[g].text), "")
				grouped[j] = true
			}
			continue
		}
		for k, ci := range alignWords(ws, headCols) {
			if ci >= 0 {
				if grouped[ci] {
					// Below a group heading, apart from it: 2024年债务限额·一般债务.
					names[ci] += "·"
					grouped[ci] = false
				}
				names[ci] += strings.TrimSpace(ws[k].text)
			}
		}
	}
	if g := groupedNames(lines, len(cols)); g != nil {
		names = g
	}
	t.Columns = names
	for ri := range t.Rows {
		row := &t.Rows[ri]
		row.Cells = make([]Cell, len(cols))
		put := func(k int, c cellSpan) {
			cell := &row.Cells[k]
			text := strings.Join(strings.Fields(c.text), "")
			if cell.Text == "" {
				cell.Text, cell.Start, cell.End = text, c.start, c.end
			} else {
				cell.Text += text
				cell.End = c.end
			}
		}
		// Where this row's own figures stand: pieces of figures broken
		// onto the next line go under them.
		own := cols
		full := byIndex && len(primary[ri]) == len(cols)
		if full {
			own = make([]column, len(cols))
			for j, c := range primary[ri] {
				own[j] = column{c.col0, c.col1}
			}
		}
		var name []string
		numbered := p.blockOf(row.Para).numbered
		for li, cells := range rowCells[ri] {
			if numbered && li == 0 {
				row.No = strings.TrimSpace(cells[0].text)
				continue
			}
			vs := valueCells(cells)
			for _, c := range cells[:len(cells)-len(vs)] {
				if li == 0 || len(name) > 0 || numbered && li == 1 {
					name = append(name, c.text)
				}
			}
			isPrimary := len(vs) > 0 && len(primary[ri]) > 0 && vs[0].start == primary[ri][0].start
			for j, c := range vs {
				k := j
				if !(full && isPrimary) {
					k = nearestColumn(own, c.col0, c.col1)
				}
				if k >= 0 {
					put(k, c)
				}
			}
		}
		row.Name = strings.TrimLeft(strings.Join(strings.Fields(strings.Join(name, "")), ""), ".．、")
	}
}

// reFormula is a header cell that says how columns add up (A=B+C) or
// letters a column (B).
var reFormula = rx.MustCompile(`^[A-Z](?:=[A-Z](?:[+\-][A-Z])+)?$`)

// nameless reports whether a header word or cell names no column of
// figures: it heads the rows' names, by where it stands (ending before
// the first column of figures and starting before the longest name ends)
// or as part of the names cell (项目, 地 区), or it says how the columns
// add up (A=B+C, B).
func nameless(w cellSpan, firstCol, nameEnd int, names column) bool {
	return w.col1 <= firstCol && w.col0 < nameEnd ||
		names.col1 > names.col0 && w.col0 >= names.col0 && w.col1 <= names.col1 ||
		reFormula.MatchString(strings.TrimSpace(w.text))
}

// namesHeaderWords are the words that head the rows' names, wherever
// they stand left of the figures.
var namesHeaderWords = map[string]bool{"地区": true, "项目": true, "科目": true, "科目名称": true, "项目名称": true,
	"指标": true, "指标名称": true, "单位名称": true, "公式": true, "栏次": true, "序号": true, "名称": true}

// namesCell returns the column span of the cell of a header line that
// heads the rows' names by its words (地 区, 公 式), or an empty span.
func namesCell(cells []cellSpan, firstCol int) column {
	for _, c := range cells {
		if c.col1 <= firstCol && namesHeaderWords[strings.Join(strings.Fields(c.text), "")] {
			return column{c.col0, c.col1}
		}
	}
	// The word may be spread over cells: 地   区.
	var b strings.Builder
	span := column{-1, -1}
	for _, c := range cells {
		if c.col1 > firstCol || reFormula.MatchString(strings.TrimSpace(c.text)) {
			break
		}
		if span.col0 < 0 {
			span.col0 = c.col0
		}
		span.col1 = c.col1
		b.WriteString(strings.Join(strings.Fields(c.text), ""))
	}
	if span.col0 < 0 || !namesHeaderWords[b.String()] {
		return column{}
	}
	return span
}

// spanning reports whether a header line of the cells groups spans the
// columns: two groups or more, each over two columns or more, with a line
// below it of at least two sub-headers a group (2024年债务限额 and 2024年
// 债务余额 over 一般债务 专项债务 一般债务 专项债务).
func spanning(groups []cellSpan, below [][]cellSpan, ncols int) bool {
	g := len(groups)
	if g < 2 || ncols < 2*g {
		return false
	}
	for _, ws := range below {
		if len(ws) >= 2*g {
			return true
		}
	}
	return false
}

// nearestCenter returns the group whose center is nearest the column's.
func nearestCenter(groups []cellSpan, c column) int {
	best, bestD := 0, -1.0
	for g, w := range groups {
		d := float64(w.col0+w.col1)/2 - float64(c.col0+c.col1)/2
		if d < 0 {
			d = -d
		}
		if bestD < 0 || d < bestD {
			best, bestD = g, d
		}
	}
	return best
}

// alignWords places the words of a header line under columns: one word a
// column, in order, as near their columns as can be (a word a column left
// or right of where pdftotext put it still lands under its own). It
// returns the column of each word; with more words than columns, each
// goes under the column nearest it.
func alignWords(ws []cellSpan, cols []column) []int {
	k, m := len(ws), len(cols)
	out := make([]int, k)
	if k > m {
		for i, w := range ws {
			out[i] = nearestColumn(cols, w.col0, w.col1)
		}
		return out
	}
	center := func(a, b int) float64 { return float64(a+b) / 2 }
	dist := func(i, j int) float64 {
		d := center(ws[i].col0, ws[i].col1) - center(cols[j].col0, cols[j].col1)
		if d < 0 {
			d = -d
		}
		return d
	}
	// f[i][j]: the least distance placing words i.. under columns j..
	const inf = 1e18
	f := make([][]float64, k+1)
	for i := range f {
		f[i] = make([]float64, m+1)
		for j := range f[i] {
			if i < k {
				f[i][j] = inf
			}
		}
	}
	for i := k - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			f[i][j] = min(f[i][j+1], dist(i, j)+f[i+1][j+1])
		}
	}
	for i, j := 0, 0; i < k; j++ {
		if f[i][j] == dist(i, j)+f[i+1][j+1] {
			out[i] = j
			i++
		}
	}
	return out
}

// valueCells returns the cells of a table line from its first figure on:
// the names before it stay out.
func valueCells(cells []cellSpan) []cellSpan {
	for k, c := range cells {
		if isNumberCell(c.text) && (k > 0 || c.col0 > 8) {
			return cells[k:]
		}
	}
	return nil
}

// groupedNames names the columns of a header of groups over sub-headers
// (招生 在校生 … over 绝对量 增速 绝对量 增速 …): the groups spread over
// the columns of their sub-headers, 招生·绝对量, 招生·增速. It returns nil
// for any other header.
func groupedNames(lines [][]cellSpan, n int) []string {
	for li := len(lines) - 1; li > 0; li-- {
		sub := lines[li]
		if len(sub) != n || hanCount(sub[0].text) == 0 {
			continue
		}
		k := 0
		for p := 2; p <= n/2; p++ {
			if n%p != 0 {
				continue
			}
			ok := true
			for i := p; i < n; i++ {
				if sub[i].text != sub[i-p].text {
					ok = false
					break
				}
			}
			if ok {
				k = p
				break
			}
		}
		if k == 0 {
			continue
		}
		for ui := li - 1; ui >= 0; ui-- {
			if up := lines[ui]; len(up) == n/k {
				out := make([]string, n)
				for c := 0; c < n; c++ {
					out[c] = strings.TrimSpace(up[c/k].text) + "·" + strings.TrimSpace(sub[c].text)
				}
				return out
			}
		}
	}
	return nil
}

// words splits a line into words at every run of spaces, with their
// columns.
func (p *parser) words(i int) []cellSpan {
	l := &p.lines[i]
	cells, _ := splitCells(p.data, p.doc.lineStarts[l.no-1], l.start, l.end)
	var out []cellSpan
	for _, c := range cells {
		col := c.col0
		o := c.start
		ws := -1
		wc := 0
		for o <= c.end {
			r, n := rune(' '), 1
			if o < c.end {
				r, n = utf8.DecodeRune(p.data[o:c.end])
			}
			if IsSpace(r) || o == c.end {
				if ws >= 0 {
					out = append(out, cellSpan{text: string(p.data[ws:o]), start: ws, end: o, col0: wc, col1: col})
					ws = -1
				}
			} else if ws < 0 {
				ws, wc = o, col
			}
			col += colWidth(r)
			o += n
		}
	}
	return out
}

// joinBrackets joins to the word before a word that only closes a
// bracket: (% ) is one word.
func joinBrackets(ws []cellSpan) []cellSpan {
	var out []cellSpan
	for _, w := range ws {
		if n := len(out); n > 0 && strings.Trim(w.text, ")）") == "" && w.col0-out[n-1].col1 <= 2 {
			out[n-1].text += w.text
			out[n-1].end, out[n-1].col1 = w.end, w.col1
			continue
		}
		out = append(out, w)
	}
	return out
}

// mergeColumns finds the columns of figures: figures stand right-aligned,
// so the spans whose right edges meet (within a character) make a column;
// spans apart from every such edge join the column they overlap.
func mergeColumns(spans []column) []column {
	if len(spans) == 0 {
		return nil
	}
	byEdge := append([]column(nil), spans...)
	sort.Slice(byEdge, func(i, j int) bool { return byEdge[i].col1 < byEdge[j].col1 })
	var cols []column
	var members []int
	for _, sp := range byEdge {
		if n := len(cols); n > 0 && sp.col1-cols[n-1].col1 <= 1 {
			cols[n-1].col0 = min(cols[n-1].col0, sp.col0)
			cols[n-1].col1 = sp.col1
			members[n-1]++
			continue
		}
		cols = append(cols, sp)
		members = append(members, 1)
	}
	// An edge of one figure alone is no column when others are shared: a
	// figure set off its column (in a row broken over lines) joins the
	// column it overlaps.
	shared := 0
	for _, m := range members {
		if m > 1 {
			shared++
		}
	}
	var out []column
	for i, c := range cols {
		if members[i] == 1 && shared > 0 && len(spans) > 2*len(cols) {
			continue
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		out = cols
	}
	sortColumns(out)
	// Columns that still overlap are one.
	merged := []column{out[0]}
	for _, c := range out[1:] {
		last := &merged[len(merged)-1]
		if c.col0 < last.col1 && c.col1 <= last.col1 {
			continue
		}
		merged = append(merged, c)
	}
	return merged
}

// overlapColumns merges overlapping spans into columns, left to right.
func overlapColumns(spans []column) []column {
	if len(spans) == 0 {
		return nil
	}
	sortColumns(spans)
	out := []column{spans[0]}
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.col0 < last.col1 {
			last.col1 = max(last.col1, s.col1)
			continue
		}
		out = append(out, s)
	}
	return out
}

func sortColumns(cs []column) {
	sort.Slice(cs, func(i, j int) bool {
		return cs[i].col0 < cs[j].col0 || cs[i].col0 == cs[j].col0 && cs[i].col1 < cs[j].col1
	})
}

// nearestColumn returns the column a span overlaps most, or the nearest
// one within four characters, or -1.
func nearestColumn(cols []column, a, b int) int {
	for ci, c := range cols {
		if c.col1 == b || c.col1 == b+1 {
			return ci // right-aligned under its column
		}
	}
	best, bestOv := -1, 0
	for ci, c := range cols {
		if ov := min(b, c.col1) - max(a, c.col0); ov > bestOv {
			best, bestOv = ci, ov
		}
	}
	if best >= 0 {
		return best
	}
	bestD := 5
	for ci, c := range cols {
		d := 0
		switch {
		case b <= c.col0:
			d = c.col0 - b
		case a >= c.col1:
			d = a - c.col1
		}
		if d < bestD {
			best, bestD = ci, d
		}
	}
	return best
}

// startsGrid reports whether body[k] opens a table of cells apart by tabs
// or spaces: a tab line, or a row of figures followed by another.
func (p *parser) startsGrid(body []int, k int) bool {
	cells, tabbed := p.tableCells(body[k])
	if tabbed {
		n := 0
		for _, c := range cells {
			if c.text != "" {
				n++
			}
		}
		return n >= 2
	}
	if k+2 < len(body) && len(cells) == 1 && isNumberCell(cells[0].text) && cells[0].col0 <= 2 && utf8.RuneCountInString(cells[0].text) <= 3 {
		// A row's number on a line of its own, its row below.
		next := mustCells(p, body[k+1])
		after := mustCells(p, body[k+2])
		return isDataCells(next) && (isDataCells(after) || fragments(after) || len(after) == 1 && isNumberCell(after[0].text))
	}
	if !isDataCells(cells) || k+1 >= len(body) {
		return false
	}
	next, tab := p.tableCells(body[k+1])
	return !tab && (isDataCells(next) || fragments(next) || len(next) == 1 && isNumberCell(next[0].text) && k+2 < len(body) && isDataCells(mustCells(p, body[k+2])))
}

// takeHead takes from the open block the lines at its end that head the
// table about to start: its title, unit and column headers; or the last
// block when it is a table's title alone.
func (p *parser) takeHead(cur **block) []int {
	var head []int
	if *cur != nil {
		ls := (*cur).lines
		n := len(ls)
		for n > 0 && len(ls)-n < 8 && p.headerLike(ls[n-1]) && (n == len(ls) || !p.pageBreakBetween(ls[n-1], ls[n])) {
			n--
		}
		head = append(head, ls[n:]...)
		if n == 0 {
			*cur = nil
		} else {
			(*cur).lines = ls[:n]
		}
		return head
	}
	for len(p.blocks) > 0 && len(head) < 3 {
		b := p.blocks[len(p.blocks)-1]
		if len(b.lines) != 1 || b.kind != KindBody && b.kind != KindCaption || !p.headerLike(b.lines[0]) {
			break
		}
		head = append([]int{b.lines[0]}, head...)
		p.blocks = p.blocks[:len(p.blocks)-1]
	}
	return head
}

// noteEnd returns the last body line of the footnote that body[k] opens
// (a marker, or a line such as 注：…), when the note runs to the foot of
// its page, to the next note or to the end; else -1.
func (p *parser) noteEnd(body []int, k int) int {
	for j := k; j < len(body) && j-k <= 8; j++ {
		if j+1 == len(body) || p.pageBreakBetween(body[j], body[j+1]) {
			return j
		}
		if next := p.lines[body[j+1]].text; isNoteLine(next) || isNoteMark(next) {
			return j
		}
	}
	return -1
}

// pageBreakBetween reports whether a page ends between lines a and b: a
// footer or running header stands between them, or a form feed.
func (p *parser) pageBreakBetween(a, b int) bool {
	if p.footerLines == nil {
		p.footerLines = map[int]bool{}
		for _, f := range p.doc.Footers {
			p.footerLines[f.Line] = true
		}
		for _, i := range p.running {
			p.footerLines[p.lines[i].no] = true
		}
	}
	for x := a + 1; x < b; x++ {
		if p.footerLines[p.lines[x].no] {
			return true
		}
	}
	return strings.IndexByte(string(p.data[p.lines[a].end:p.lines[b].start]), '\f') >= 0
}
