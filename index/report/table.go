package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"reportkb/internal/rx"
)

// Table is a table of figures: an indicator table rebuilt from its
// flattened OCR lines, a table of a web page or Word file (cells apart by
// tabs), or one of a PDF (cells aligned in columns).
type Table struct {
	Caption string   // its title (表1 2025年居民消费价格变动情况) or the sentence that introduces it
	Columns []string // value columns, after 序号 and the row names; "市级绩效目标·总量", "决算数为调整预算数的%"
	Unit    string   // the unit the table states for its figures (单位：万元), if any
	Header  int      // paragraph index of the header, -1 for none
	Rows    []Row

	style tableStyle
	units []string // per column: the unit of its figures
}

// Row is one row of a table.
type Row struct {
	Para  int    // paragraph index of the row
	No    string // the row number as printed
	Name  string // the indicator name, without spaces
	Cells []Cell // one per column; an empty Text is an empty cell
}

// Cell is one cell of a row.
type Cell struct {
	Text       string // as printed, spaces removed; "无" and "-" are kept
	Start, End int    // byte offsets in the original file; 0, 0 when missing
	// Unit is the unit the table gives the figure elsewhere: in its
	// column's header (绝对数（亿千瓦时）), a unit column (单位: 万吨) or for
	// the whole table (单位：万元); "" when the text carries its own or none
	// is given.
	Unit string
}

// Empty reports whether the cell holds no figure: missing, 无 or a dash.
func (c Cell) Empty() bool {
	switch c.Text {
	case "", "无", "-", "—", "－", "/":
		return true
	}
	return false
}

// printedTable reads a flattened table starting at body[k] and returns the
// index of the first body line after it.
func (p *parser) printedTable(body []int, k, full int) int {
	ti := len(p.doc.Tables)
	t := Table{Header: -1}
	// The caption is the last paragraph if it announces the table.
	if n := len(p.blocks); n > 0 && p.blocks[n-1].kind == KindBody {
		last := p.blocks[n-1].lines
		if s := p.lines[last[len(last)-1]].text; strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":") {
			t.Caption = s
		}
	}
	p.doc.Tables = append(p.doc.Tables, t)
	// The first line opens the table whatever it holds, so the table
	// always consumes at least one line.
	header := block{kind: KindTableHeader, table: ti, lines: []int{body[k]}}
	var rows []block
	wantNo := 1
	j := k + 1
	for ; j < len(body); j++ {
		l := &p.lines[body[j]]
		s := l.text
		if isHeadingLine(s) || strings.HasPrefix(s, "备注") || strings.HasPrefix(s, "注：") {
			break
		}
		if (strings.ContainsAny(s, "，。；") && l.width*2 > full) || topicSentence(s) > 0 {
			break
		}
		if reRowStart.MatchString(s) && atoi(s) == wantNo {
			rows = append(rows, block{kind: KindTableRow, lines: []int{body[j]}, table: ti})
			wantNo++
			continue
		}
		if n := len(rows); n > 0 {
			rows[n-1].lines = append(rows[n-1].lines, body[j])
		} else {
			header.lines = append(header.lines, body[j])
		}
	}
	if len(header.lines) > 0 {
		p.blocks = append(p.blocks, header)
	}
	p.blocks = append(p.blocks, rows...)
	return j
}

// token is a white-space separated piece of a table line.
type token struct {
	text       string
	start, end int
}

// tokens splits the lines of a block into tokens with their offsets.
func (p *parser) tokens(lines []int) []token {
	var out []token
	for _, i := range lines {
		l := &p.lines[i]
		s := p.data[l.start:l.end]
		for o := 0; o < len(s); {
			r, n := utf8.DecodeRune(s[o:])
			if IsSpace(r) {
				o += n
				continue
			}
			st := o
			for o < len(s) {
				r, n = utf8.DecodeRune(s[o:])
				if IsSpace(r) {
					break
				}
				o += n
			}
			out = append(out, token{text: string(s[st:o]), start: l.start + st, end: l.start + o})
		}
	}
	return out
}

var reNumTok = rx.MustCompile(`^[-+−－]?\d+(\.\d*)?%?$`)

func isNumTok(s string) bool { return reNumTok.MatchString(s) }

// unitStart holds the characters a unit token may begin with.
const unitStart = "亿万千百元人个户家项所座张件套吨亩次公平米台辆%"

// mergeTokens rebuilds the cells OCR broke apart: "775" "亿" → "775亿",
// "22." "1" → "22.1", "-" "19%" → "-19%", "2020" "年完成" "(预计)".
func mergeTokens(ts []token) []token {
	var out []token
	for _, t := range ts {
		if n := len(out); n > 0 {
			prev := &out[n-1]
			first, _ := utf8.DecodeRuneInString(t.text)
			switch {
			case isNumTok(prev.text) && !strings.HasSuffix(prev.text, "%") && strings.ContainsRune(unitStart, first) && utf8.RuneCountInString(t.text) <= 3:
			case strings.HasSuffix(prev.text, ".") && unicode.IsDigit(first):
			case (prev.text == "-" || prev.text == "－" || prev.text == "—") && unicode.IsDigit(first):
			case isNumTok(prev.text) && strings.HasPrefix(t.text, "年"):
			case first == '(' || first == '（':
			default:
				out = append(out, t)
				continue
			}
			prev.text += t.text
			prev.end = t.end
			continue
		}
		out = append(out, t)
	}
	return out
}

// nameSuffix holds the characters an indicator name usually ends with.
const nameSuffix = "值额率入资数量排价比重度积耗出"

func isValueTok(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsDigit(r) || r == '-' || r == '－' || r == '—' || r == '+' {
		return true
	}
	switch s {
	case "无", "/", "正增长", "负增长":
		return true
	}
	return false
}

type cellType int

const (
	cellEmpty cellType = iota
	cellPct
	cellAmount
	cellText
)

func typeOf(s string) cellType {
	switch {
	case Cell{Text: s}.Empty():
		return cellEmpty
	case strings.Contains(s, "%") || strings.Contains(s, "百分点"):
		return cellPct
	case isValueTok(s) && s != "正增长" && s != "负增长":
		return cellAmount
	}
	return cellText
}

func columnType(name string) cellType {
	switch {
	case strings.Contains(name, "增幅") || strings.Contains(name, "增速") || strings.Contains(name, "增长") || strings.Contains(name, "%"):
		return cellPct
	case strings.Contains(name, "总量") || strings.Contains(name, "绝对") || strings.Contains(name, "金额") || strings.Contains(name, "数量"):
		return cellAmount
	}
	return cellText
}

// buildTable fills in the columns and the cells of table ti.
func (p *parser) buildTable(ti int) {
	d := p.doc
	t := &d.Tables[ti]
	if t.Header >= 0 {
		t.Columns = p.columns(t.Header)
	}
	for ri := range t.Rows {
		row := &t.Rows[ri]
		ts := mergeTokens(p.tokens(p.blockOf(row.Para).lines))
		if len(ts) == 0 {
			continue
		}
		row.No = ts[0].text
		ts = ts[1:]
		var name []string
		for len(ts) > 0 && !isValueTok(ts[0].text) {
			name = append(name, ts[0].text)
			ts = ts[1:]
			if r, _ := utf8.DecodeLastRuneInString(name[len(name)-1]); strings.ContainsRune(nameSuffix, r) {
				break
			}
		}
		row.Name = strings.Join(name, "")
		// Consecutive words of text make one cell.
		var cells []Cell
		for _, tk := range ts {
			if n := len(cells); n > 0 && typeOf(tk.text) == cellText && typeOf(cells[n-1].Text) == cellText {
				cells[n-1].Text += tk.text
				cells[n-1].End = tk.end
				continue
			}
			cells = append(cells, Cell{Text: tk.text, Start: tk.start, End: tk.end})
		}
		row.Cells = align(cells, t.Columns)
	}
}

// blockOf returns the block that became paragraph i.
func (p *parser) blockOf(i int) *block { return &p.blocks[i] }

// columns reads the column names from a table header: group headers, with
// sub-headers (总量 增幅) spread over the last groups.
func (p *parser) columns(header int) []string {
	bl := p.blockOf(header)
	var words []string
	var subs []string
	pending := ""
	for _, li := range bl.lines {
		ts := mergeTokens(p.tokens([]int{li}))
		if len(ts) > 1 && repeats(ts) {
			for _, tk := range ts {
				subs = append(subs, tk.text)
			}
			continue
		}
		if len(ts) == 1 && utf8.RuneCountInString(ts[0].text) <= 2 {
			// 序 / 号, 年度 / 计划: one word broken over lines.
			pending += ts[0].text
			if utf8.RuneCountInString(pending) >= 4 || pending == "序号" {
				words = append(words, pending)
				pending = ""
			}
			continue
		}
		if pending != "" {
			words = append(words, pending)
			pending = ""
		}
		for _, tk := range ts {
			words = append(words, tk.text)
		}
	}
	if pending != "" {
		words = append(words, pending)
	}
	var groups []string
	for _, w := range words {
		switch w {
		case "序号", "指标名称", "指标", "项目", "名称":
			continue
		}
		groups = append(groups, w)
	}
	if len(subs) == 0 || len(groups) == 0 {
		return groups
	}
	distinct := map[string]bool{}
	for _, s := range subs {
		distinct[s] = true
	}
	k := len(distinct)
	ng := min(len(subs)/k, len(groups))
	var cols []string
	for gi, g := range groups {
		if gi < len(groups)-ng {
			cols = append(cols, g)
			continue
		}
		for _, s := range subs[:k] {
			cols = append(cols, g+"·"+s)
		}
	}
	return cols
}

// repeats reports whether a header line repeats its words (总量 增幅 总量
// 增幅), as sub-headers under several groups do.
func repeats(ts []token) bool {
	seen := map[string]bool{}
	for _, t := range ts {
		if seen[t.text] {
			return true
		}
		seen[t.text] = true
	}
	return false
}

// align places the cells of a row under the columns, in order, so that
// percentages fall under growth columns and amounts under total columns;
// columns left over stay empty.
func align(cells []Cell, cols []string) []Cell {
	n, m := len(cols), len(cells)
	if n == 0 {
		return cells
	}
	out := make([]Cell, n)
	if m >= n {
		copy(out, cells[:n-1])
		last := cells[n-1]
		for _, c := range cells[n:] {
			last.Text += " " + c.Text
			last.End = c.End
		}
		out[n-1] = last
		return out
	}
	cost := func(c Cell, col string) float64 {
		ct, kt := typeOf(c.Text), columnType(col)
		switch {
		case ct == cellEmpty:
			return 0
		case kt == cellText:
			return 0.1
		case ct == cellText:
			return 0.5
		case ct != kt:
			return 3
		}
		return 0
	}
	const skip = 1.0
	inf := 1e9
	f := make([][]float64, m+1)
	for i := range f {
		f[i] = make([]float64, n+1)
		for j := range f[i] {
			f[i][j] = inf
		}
	}
	f[0][0] = 0
	for j := 1; j <= n; j++ {
		f[0][j] = float64(j) * skip
	}
	for i := 1; i <= m; i++ {
		for j := i; j <= n; j++ {
			f[i][j] = min(f[i][j-1]+skip, f[i-1][j-1]+cost(cells[i-1], cols[j-1]))
		}
	}
	for i, j := m, n; i > 0; j-- {
		if f[i][j] == f[i-1][j-1]+cost(cells[i-1], cols[j-1]) {
			out[j-1] = cells[i-1]
			i--
		}
	}
	return out
}
