package api

import (
	"encoding/csv"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gorilla/mux"

	"reportkb/index"
	"reportkb/qa"
	"reportkb/qa/series"
)

// FactsResponse is the body of GET /api/v1/facts.
type FactsResponse struct {
	Total int       `json:"total"`
	Facts []qa.Fact `json:"facts"`
}

func (s *server) facts(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	format := v.Get("format")
	if format != "" && format != "json" && format != "csv" {
		writeError(w, http.StatusBadRequest, "format must be json or csv")
		return
	}
	maxLimit := maxFactsPage
	if format == "csv" {
		maxLimit = maxFactsExport
	}
	limit, err := intParam(v.Get("limit"), 100, maxLimit, "limit")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error()+" (page with offset; format=csv exports up to "+strconv.Itoa(maxFactsExport)+" rows)")
		return
	}
	offset, err := intParam(v.Get("offset"), 0, 1<<30, "offset")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	period, err := intParam(v.Get("period"), 0, 9999, "period")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	for _, p := range []string{"q", "subject", "unit", "doc"} {
		if x := v.Get(p); !utf8.ValidString(x) || utf8.RuneCountInString(x) > s.cfg.MaxQuestion {
			writeError(w, http.StatusBadRequest, p+" is too long or not valid UTF-8")
			return
		}
	}
	fs, total, err := s.cfg.Engine.QueryFacts(qa.FactQuery{Doc: v.Get("doc"), Q: v.Get("q"), Subject: v.Get("subject"),
		Unit: v.Get("unit"), Period: period, Limit: limit, Offset: offset})
	if errors.Is(err, qa.ErrUnknownDoc) {
		writeError(w, http.StatusNotFound, "unknown document: "+v.Get("doc"))
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="facts.csv"`)
		w.Header().Set("X-Total-Count", strconv.Itoa(total))
		WriteFactTable(w, fs, false)
		return
	}
	writeJSON(w, http.StatusOK, FactsResponse{Total: total, Facts: fs})
}

// Page sizes of GET /api/v1/facts: a JSON page, and a CSV export (written
// row by row as it is encoded).
const (
	maxFactsPage   = 1000
	maxFactsExport = 10000
)

// WriteFactTable writes facts for spreadsheets: CSV in UTF-8 with a
// byte-order mark (which Excel and WPS need to read UTF-8) and CRLF line
// ends, or with tsv one tab-separated line per fact, tabs and line breaks
// in cells turned into spaces. Every cell goes through SafeCell. Rows are
// flushed as they are written.
func WriteFactTable(w io.Writer, facts []qa.Fact, tsv bool) error {
	if !tsv {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = !tsv
	if tsv {
		cw.Comma = '\t'
	}
	flat := strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")
	cw.Write(FactColumns)
	for i, f := range facts {
		row := FactRow(f)
		for j, c := range row {
			if tsv {
				c = flat.Replace(c)
			}
			row[j] = SafeCell(c)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
		if i%500 == 499 {
			cw.Flush()
		}
	}
	cw.Flush()
	return cw.Error()
}

// SafeCell neutralises a cell that a spreadsheet would run as a formula;
// see series.SafeCell, which every CSV the product writes goes through.
func SafeCell(s string) string { return series.SafeCell(s) }

// FactColumns are the columns of a facts export.
var FactColumns = []string{"doc", "page", "line", "start", "end", "text", "value", "unit", "qualifier", "subject", "aspect", "period", "plan", "column", "section", "sentence"}

// FactRow is a fact as a row of FactColumns.
func FactRow(f qa.Fact) []string {
	return []string{f.Doc, strconv.Itoa(f.Page), strconv.Itoa(f.Line), strconv.Itoa(f.Start), strconv.Itoa(f.End), f.Text,
		strconv.FormatFloat(f.Value, 'f', -1, 64), f.Unit, f.Qualifier, f.Subject, f.Aspect, strconv.Itoa(f.Period),
		strconv.FormatBool(f.Plan), f.Column, f.Section, f.Sentence}
}

// TableCell is a cell of a table row.
type TableCell struct {
	Column string `json:"column"`
	Text   string `json:"text"`
	Unit   string `json:"unit,omitempty"` // the unit the table gives it (单位：万元, a column's （%）)
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// TableRow is a row of a table.
type TableRow struct {
	Paragraph int         `json:"paragraph"`
	No        string      `json:"no"`
	Name      string      `json:"name"`
	Cells     []TableCell `json:"cells"`
}

// TableInfo is a table of a document.
type TableInfo struct {
	Caption string     `json:"caption"`
	Unit    string     `json:"unit,omitempty"`
	Columns []string   `json:"columns"`
	Rows    []TableRow `json:"rows"`
}

// Tables returns the tables of a document with named columns; an empty
// cell has empty text (无 and - are kept as printed).
func Tables(e *index.Entry) []TableInfo {
	out := []TableInfo{}
	for _, t := range e.Doc.Tables {
		ti := TableInfo{Caption: t.Caption, Unit: t.Unit, Columns: append([]string{}, t.Columns...), Rows: []TableRow{}}
		for _, row := range t.Rows {
			tr := TableRow{Paragraph: row.Para, No: row.No, Name: row.Name, Cells: []TableCell{}}
			for i, c := range row.Cells {
				col := ""
				if i < len(t.Columns) {
					col = t.Columns[i]
				}
				tc := TableCell{Column: col, Text: c.Text, Unit: c.Unit}
				if c.Text != "" {
					tc.Start, tc.End = e.FileOffset(c.Start), e.FileOffset(c.End)
				}
				tr.Cells = append(tr.Cells, tc)
			}
			ti.Rows = append(ti.Rows, tr)
		}
		out = append(out, ti)
	}
	return out
}

func (s *server) tables(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	e, ok := s.cfg.Index.Doc(id)
	if !ok {
		writeError(w, http.StatusNotFound, "unknown document: "+id)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"doc": id, "tables": Tables(e)})
}

func (s *server) checks(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	e, ok := s.cfg.Index.Doc(id)
	if !ok {
		writeError(w, http.StatusNotFound, "unknown document: "+id)
		return
	}
	findings := s.cfg.Engine.Check(e)
	if findings == nil {
		findings = []qa.Finding{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"doc": id, "findings": findings})
}

// LocateResponse is the body of GET /api/v1/locate.
type LocateResponse struct {
	Text   string        `json:"text"`
	Places []index.Place `json:"places"`
}

func (s *server) locate(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	text := v.Get("text")
	switch {
	case strings.TrimSpace(text) == "":
		writeError(w, http.StatusBadRequest, "missing text: give the sentence or figure to locate as ?text=")
		return
	case !utf8.ValidString(text) || strings.ContainsRune(text, 0):
		writeError(w, http.StatusBadRequest, "text is not valid UTF-8")
		return
	case utf8.RuneCountInString(text) > 4*s.cfg.MaxQuestion:
		writeError(w, http.StatusBadRequest, "text too long")
		return
	}
	limit, err := intParam(v.Get("limit"), 20, 1000, "limit")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	doc := v.Get("doc")
	if doc != "" {
		if _, ok := s.cfg.Index.Doc(doc); !ok {
			writeError(w, http.StatusNotFound, "unknown document: "+doc)
			return
		}
	}
	places := s.cfg.Index.Locate(text, doc, limit)
	if places == nil {
		places = []index.Place{}
	}
	writeJSON(w, http.StatusOK, LocateResponse{Text: text, Places: places})
}
