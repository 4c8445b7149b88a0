package report

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
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
)

// cellSpan is a cell of a table line: its text (spaces kept), byte range
// in the original and column range (in characters from the line's start;
// for tab-delimited lines, the cell's index).
type cellSpan struct {
	text       string
	start, end int
	col0, col1 int
}

// splitCells splits a line into cells: at tabs, or at runs of two spaces
// or more (a full-width space counts as two).
func splitCells(data []byte, rawStart, start, end int) (cells []cellSpan, tabbed bool) {
	s := data[start:end]
	tabbed = strings.IndexByte(string(s), '\t') >= 0
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
	return cells, false
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

var reNumCell = regexp.MustCompile(`^[-+−－]?\d[\d,，]*(\.\d+)?\s*(%|％|‰)?$|^[-+−－]?\.\d+%?$`)

// isNumberCell reports whether a cell holds a figure ("5,065,965", "95.5",
// "-1.7", "12%") or marks one missing ("-", "—", "…").
func isNumberCell(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	if s == "" {
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
	l := &p.lines[i]
	return splitCells(p.data, p.doc.lineStarts[l.no-1], l.start, l.end)
}

// isTableLine reports whether the text of a line is a row of a table of
// figures: two cells or more, apart by a tab or a run of spaces, one of
// them a figure after the first; or tab-separated cells of any kind.
func isTableLine(s string) bool {
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
	reUnitLine   = regexp.MustCompile(`(?:^|\s)[（(]?\s*(计量)?单\s*位\s*[：:]\s*([^\s）)]{1,8})\s*[）)]?$`)
	reTableTitle = regexp.MustCompile(`^(附)?表\s*[0-9０-９一二三四五六七八九十]+|[表单]$|情况表|统计表|明细表|汇总表|决算表|预算表|总表|分类表`)
	reCaption    = regexp.MustCompile(`^(图|表|附表|附图)\s*[0-9０-９一二三四五六七八九十]{1,3}(\s|[：:．.、]|$)`)
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
	var title, header []int
	for _, i := range head {
		s := p.lines[i].text
		switch {
		case unitOf(s) != "" && t.Unit == "":
			t.Unit = unitOf(s)
			header = append(header, i)
		case len(header) == 0 && (isTableTitleLine(s) || isCaptionLine(s)):
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
		t.Caption = b.String()
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
			if len(rows) == 0 && !hasNumber(cells) && len(header) == 0 {
				// Header rows of a tab table read as rows until the first figure.
			}
			rows = append(rows, block{kind: KindTableRow, lines: []int{i}, table: ti})
			continue
		}
		switch {
		case isDataCells(cells) && !(cells[0].col0 > 8 && isNumberCell(cells[0].text) && len(rows) > 0 && fragments(cells)):
			rows = append(rows, block{kind: KindTableRow, lines: []int{i}, table: ti})
		case len(rows) > 0 && fragments(cells):
			// The rest of figures broken over two lines (101 / .8).
			rows[len(rows)-1].lines = append(rows[len(rows)-1].lines, i)
		case len(rows) > 0 && len(cells) == 1 && !isNumberCell(s) && utf8.RuneCountInString(s) <= 24 &&
			!strings.ContainsAny(s, "，。；：:") && !isHeadingLine(s) && unitOf(s) == "" && !isTableTitleLine(s) && !isCaptionLine(s) && !isNoteLine(s):
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

var reNoteLine = regexp.MustCompile(`^(注|备注|说明|资料来源|数据来源)\s*\d*\s*[：:]|^[\[［【]\s*\d{1,2}\s*[\]］】]\s*\S|^[*＊]\s*\S|^注\d`)

// isNoteLine reports whether a line opens a footnote or endnote: 注：…,
// [1] 本公报…, *本报告….
func isNoteLine(s string) bool { return reNoteLine.MatchString(strings.TrimSpace(s)) }

// buildGrid fills in the columns and cells of a table read by gridTable.
func (p *parser) buildGrid(ti int) {
	t := &p.doc.Tables[ti]
	if t.style == styleDelimited {
		p.buildDelimited(t)
	} else {
		p.buildAligned(t)
	}
	// Units: from a header's brackets (绝对数（亿千瓦时）), else the table's.
	t.units = make([]string, len(t.Columns))
	for ci, c := range t.Columns {
		if u := bracketUnit(c); u != "" {
			t.units[ci] = u
		} else {
			t.units[ci] = t.Unit
		}
	}
	for ri := range t.Rows {
		row := &t.Rows[ri]
		for ci := range row.Cells {
			c := &row.Cells[ci]
			if c.Unit == "" && ci < len(t.units) && c.Text != "" {
				c.Unit = t.units[ci]
			}
		}
	}
}

var reBracketUnit = regexp.MustCompile(`[（(]\s*([^（()）]{1,6}?)\s*[）)]\s*$`)

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
	for _, w := range []string{"年", "月", "含", "不含", "以上", "草案"} {
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
			if tab {
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
		headers = append(headers, r.cells)
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
	t.Columns = append([]string(nil), names[min(k, width):]...)
	var out []Row
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
		nr := Row{Para: r.para}
		var name []string
		unit := ""
		for ci := 0; ci < k && ci < len(r.cells); ci++ {
			s := strings.Join(strings.Fields(r.cells[ci].text), "")
			if ci == unitCol {
				unit = s
				continue
			}
			if s != "" {
				name = append(name, s)
			}
		}
		nr.Name = strings.Join(name, "·")
		for ci := k; ci < len(r.cells) && ci-k < len(t.Columns); ci++ {
			c := r.cells[ci]
			nr.Cells = append(nr.Cells, Cell{Text: strings.Join(strings.Fields(c.text), ""), Start: c.start, End: c.end, Unit: unit})
		}
		for len(nr.Cells) < len(t.Columns) {
			nr.Cells = append(nr.Cells, Cell{})
		}
		p.doc.Paragraphs[r.para].Row = len(out)
		out = append(out, nr)
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
	var spans []column
	nameEnd := 1 << 30
	for ri, r := range t.Rows {
		for li, i := range p.rowLines(r.Para) {
			cells, _ := p.tableCells(i)
			rowCells[ri] = append(rowCells[ri], cells)
			for ci, c := range cells {
				if isNumberCell(c.text) && (ci > 0 || li > 0 || c.col0 > 8) {
					spans = append(spans, column{c.col0, c.col1})
				}
			}
			if li == 0 && len(cells) > 1 && !isNumberCell(cells[0].text) && isNumberCell(cells[1].text) {
				nameEnd = min(nameEnd, cells[1].col0)
			}
		}
	}
	cols := mergeColumns(spans)
	if len(cols) == 0 {
		return
	}
	if nameEnd == 1<<30 {
		nameEnd = cols[0].col0
	}
	// Header words, each under the column it overlaps most.
	names := make([]string, len(cols))
	if t.Header >= 0 {
		for _, i := range p.blockOf(t.Header).lines {
			if unitOf(p.lines[i].text) != "" {
				continue
			}
			for _, w := range p.words(i) {
				if w.col1 <= nameEnd && w.col1 <= cols[0].col0 {
					continue // the names' header: 项目, 科目名称
				}
				if ci := nearestColumn(cols, w.col0, w.col1); ci >= 0 {
					names[ci] += strings.TrimSpace(w.text)
				}
			}
		}
	}
	t.Columns = names
	for ri := range t.Rows {
		row := &t.Rows[ri]
		row.Cells = make([]Cell, len(cols))
		var name []string
		for li, cells := range rowCells[ri] {
			for ci, c := range cells {
				num := isNumberCell(c.text)
				if !num && (ci == 0 || c.col1 <= cols[0].col0) {
					if li == 0 || len(name) > 0 {
						name = append(name, c.text)
					}
					continue
				}
				k := nearestColumn(cols, c.col0, c.col1)
				if k < 0 {
					continue
				}
				cell := &row.Cells[k]
				text := strings.Join(strings.Fields(c.text), "")
				if cell.Text == "" {
					cell.Text, cell.Start, cell.End = text, c.start, c.end
				} else {
					cell.Text += text
					cell.End = c.end
				}
			}
		}
		row.Name = strings.Join(strings.Fields(strings.Join(name, "")), "")
	}
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

// mergeColumns merges overlapping spans into columns, left to right.
func mergeColumns(spans []column) []column {
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
	if !isDataCells(cells) || k+1 >= len(body) {
		return false
	}
	next, tab := p.tableCells(body[k+1])
	return !tab && (isDataCells(next) || fragments(next))
}

// takeHead takes from the open block the lines at its end that head the
// table about to start: its title, unit and column headers; or the last
// block when it is a table's title alone.
func (p *parser) takeHead(cur **block) []int {
	var head []int
	if *cur != nil {
		ls := (*cur).lines
		n := len(ls)
		for n > 0 && len(ls)-n < 8 && p.headerLike(ls[n-1]) {
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
