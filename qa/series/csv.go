package series

import (
	"encoding/csv"
	"io"
	"regexp"
	"strconv"
	"unicode/utf8"
)

// CSVColumns are the columns of a series as CSV.
var CSVColumns = []string{"indicator", "unit", "region", "level", "year",
	"target", "target_low", "target_high", "target_doc", "target_page", "target_line", "target_start", "target_end", "target_sentence",
	"outcome", "outcome_low", "outcome_high", "outcome_doc", "outcome_page", "outcome_line", "outcome_start", "outcome_end", "outcome_sentence",
	"met"}

// WriteCSV writes the table as CSV in UTF-8 with a byte-order mark (so
// that Excel and WPS read it right), with CRLF line ends. Every cell is
// neutralised against formula injection (see SafeCell).
func (t *Table) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(CSVColumns)
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	cell := func(c *Cell) []string {
		if c == nil {
			return make([]string, 9)
		}
		return []string{c.Text, num(c.Low), num(c.High), c.Doc, strconv.Itoa(c.Page), strconv.Itoa(c.Line),
			strconv.Itoa(c.Start), strconv.Itoa(c.End), c.Sentence}
	}
	for _, r := range t.Rows {
		met := ""
		if r.Met != nil {
			met = strconv.FormatBool(*r.Met)
		}
		row := append([]string{t.Indicator, t.Unit, r.Region, r.Level, strconv.Itoa(r.Year)}, cell(r.Target)...)
		row = append(append(row, cell(r.Outcome)...), met)
		for i := range row {
			row[i] = SafeCell(row[i])
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// plainNumber matches the numbers of numeric columns (-5, 3.25), which a
// spreadsheet reads as numbers, not formulas.
var plainNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// SafeCell neutralises a cell that a spreadsheet would run as a formula
// (OWASP's rule against CSV injection): a cell starting with =, +, -, @,
// a tab or a carriage return, or their full-width forms ＝＋－＠, gets a
// leading apostrophe, so that Excel, WPS and LibreOffice show it as text.
// Plain numbers (-5, +3.2) are left as they are. Every CSV the product
// writes goes through it.
func SafeCell(s string) string {
	if s == "" || plainNumber.MatchString(s) {
		return s
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠':
		return "'" + s
	}
	return s
}
