package series

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
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

// SafeCell neutralises a CSV cell against formula injection: a cell that
// starts with = + - @, a tab or a carriage return is prefixed with ' so
// that spreadsheets show it as text instead of running it.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
