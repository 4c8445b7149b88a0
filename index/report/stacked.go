package report

import (
	"strings"
	"unicode/utf8"

	"reportkb/internal/rx"
)

// A web page's table copied as text often gives one cell a line, rows
// read left to right:
//
//	2022年全县一般公共预算收支平衡表
//	单位:万元
//	收入 / 执行数 / 支出 / 执行数
//	总计 / 846531 / 总计 / 846531
//	一、本级收入 / 167500 / 一、本级支出 / 701553
//
// Whatever the columns, each name is followed by its figures, so the
// table is read as rows of a name and the figures after it.

// maxStackedName is the longest a cell naming a row of a stacked table
// may be, in characters.
const maxStackedName = 24

// stackedName reports whether line i may name a row of a stacked table:
// short, no figure, no sentence.
func (p *parser) stackedName(i int) bool {
	l := &p.lines[i]
	return l.runes <= maxStackedName && !isNumberCell(l.text) && !strings.ContainsAny(l.text, "，。；;") && unitOf(l.text) == ""
}

// stackedFigure reports whether line i is one figure alone, or with its
// unit (162817吨).
func (p *parser) stackedFigure(i int) bool {
	l := &p.lines[i]
	return l.runes <= 24 && len(strings.Fields(l.text)) == 1 && (isNumberCell(l.text) || reFigureWithUnit.MatchString(l.text) && !reYearCell.MatchString(l.text))
}

// reYearCell is a year heading a column (2023年), no figure.
var reYearCell = rx.MustCompile(`^(?:19|20)\d{2}年(?:度)?$`)

// reFigureWithUnit is a figure and its unit alone: 162817吨, 3.5万亩.
var reFigureWithUnit = rx.MustCompile(`^[-+−－]?\d[\d,，]*(?:\.\d+)?(?:%|％|‰|\p{Han}{1,3})$`)

// stackedTable reads a table of one cell a line starting at its title,
// body[k], and returns the index of the first body line after it, or k
// when no such table starts there: a title (…表), a unit line or header
// words, then three rows or more of a name and its figures.
func (p *parser) stackedTable(body []int, k int) int {
	t := p.lines[body[k]].text
	if strings.ContainsAny(t, "，。；,;:：") || isHeadingLine(t) {
		return k
	}
	// A title that says it is a table (…平衡表), or a short name over
	// header words (主要产品产量 / 2023年 / 较上年增长(%)).
	titled := isTableTitleLine(t)
	if !titled && p.lines[body[k]].runes > 16 {
		return k
	}
	j := k + 1
	var header []int
	unit := ""
	for j < len(body) {
		i := body[j]
		if u := unitOf(p.lines[i].text); u != "" && unit == "" {
			unit = u
			header = append(header, i)
			j++
			continue
		}
		// A header word: a name that no figure follows.
		if p.stackedName(i) && utf8.RuneCountInString(p.lines[i].text) <= 12 && j+1 < len(body) && !p.stackedFigure(body[j+1]) {
			header = append(header, i)
			j++
			continue
		}
		break
	}
	type row struct{ lines []int }
	var rows []row
	for j+1 < len(body) && p.stackedName(body[j]) && p.stackedFigure(body[j+1]) {
		r := row{lines: []int{body[j], body[j+1]}}
		j += 2
		for j < len(body) && p.stackedFigure(body[j]) {
			r.lines = append(r.lines, body[j])
			j++
		}
		rows = append(rows, r)
	}
	if len(rows) < 3 || len(header) == 0 && unit == "" || !titled && len(header) == 0 {
		return k
	}
	ti := len(p.doc.Tables)
	p.doc.Tables = append(p.doc.Tables, Table{Header: -1, style: styleStacked, Unit: unit,
		Caption: strings.Join(strings.Fields(t), "")})
	p.blocks = append(p.blocks, block{kind: KindCaption, lines: []int{body[k]}, table: -1})
	if len(header) > 0 {
		p.blocks = append(p.blocks, block{kind: KindTableHeader, lines: header, table: ti})
	}
	for _, r := range rows {
		p.blocks = append(p.blocks, block{kind: KindTableRow, lines: r.lines, table: ti})
	}
	return j
}

// buildStacked fills in the rows of a table read by stackedTable: each
// row's first line names it, the others are its cells. Its one column is
// the header word the names' column heads (收入 / 执行数 / 支出 / 执行数:
// 执行数), when the header pairs them so.
func (p *parser) buildStacked(t *Table) {
	width := 0
	for ri := range t.Rows {
		row := &t.Rows[ri]
		lines := p.rowLines(row.Para)
		l := &p.lines[lines[0]]
		row.Name = strings.Join(strings.Fields(l.text), "")
		for _, i := range lines[1:] {
			c := &p.lines[i]
			a, b := trimSpan(p.data, c.start, c.end)
			row.Cells = append(row.Cells, Cell{Text: strings.Join(strings.Fields(string(p.data[a:b])), ""), Start: a, End: b})
		}
		width = max(width, len(row.Cells))
	}
	if t.Header < 0 {
		return
	}
	var words []string
	for _, i := range p.rowLines(t.Header) {
		if s := p.lines[i].text; unitOf(s) == "" {
			words = append(words, strings.Join(strings.Fields(s), ""))
		}
	}
	if width > 1 {
		// 2023年 / 较上年增长(%) over rows of a name and two figures: one
		// word a column, after the names' own if the header has it.
		switch len(words) {
		case width:
			t.Columns = words
		case width + 1:
			t.Columns = words[1:]
		}
		return
	}
	if n := len(words); n >= 2 && n%2 == 0 {
		col := words[1]
		for k := 3; k < n; k += 2 {
			if words[k] != col {
				return
			}
		}
		t.Columns = []string{col}
	}
}
