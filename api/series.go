package api

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"reportkb/qa/series"
)

// seriesQuery reads the query of GET /api/v1/series.
func (s *server) seriesQuery(r *http.Request) (series.Query, error) {
	v := r.URL.Query()
	q := series.Query{Indicator: strings.TrimSpace(v.Get("q")), Region: strings.TrimSpace(v.Get("region")), Level: v.Get("level"), Met: v.Get("met")}
	for _, p := range []string{"q", "region", "level", "met"} {
		if x := v.Get(p); !utf8.ValidString(x) || strings.ContainsRune(x, 0) || utf8.RuneCountInString(x) > 100 {
			return q, fmt.Errorf("%s is too long or not valid UTF-8", p)
		}
	}
	if q.Indicator == "" {
		return q, errors.New("missing indicator: give q, e.g. ?q=地区生产总值增长 (GET /api/v1/indicators lists them)")
	}
	var err error
	if q.Year, err = intParam(v.Get("year"), 0, 9999, "year"); err != nil {
		return q, err
	}
	if q.From, err = intParam(v.Get("from"), 0, 9999, "from"); err != nil {
		return q, err
	}
	if q.To, err = intParam(v.Get("to"), 0, 9999, "to"); err != nil {
		return q, err
	}
	return q, nil
}

func (s *server) series(w http.ResponseWriter, r *http.Request) {
	q, err := s.seriesQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "json" && format != "csv" {
		writeError(w, http.StatusBadRequest, "format must be json or csv")
		return
	}
	t, err := s.cfg.Series.Series(q)
	switch {
	case errors.Is(err, series.ErrUnknownIndicator):
		writeError(w, http.StatusNotFound, err.Error())
		return
	case errors.Is(err, series.ErrBadQuery):
		writeError(w, http.StatusBadRequest, err.Error())
		return
	case err != nil:
		s.log.Error("series", "q", q.Indicator, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="series-`+t.ID+`.csv"`)
		t.WriteCSV(w)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

// IndicatorsResponse is the body of GET /api/v1/indicators.
type IndicatorsResponse struct {
	Indicators []IndicatorInfo `json:"indicators"`
}

// IndicatorInfo describes an indicator of the catalogue.
type IndicatorInfo struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	English string   `json:"english"`
	Kind    string   `json:"kind"`
	Unit    string   `json:"unit"`
	Better  string   `json:"better,omitempty"`
	Words   []string `json:"words"`
	Note    string   `json:"note,omitempty"`
}

// Indicators lists the indicators of a series builder's catalogue.
func Indicators(b *series.Builder) IndicatorsResponse {
	out := IndicatorsResponse{Indicators: []IndicatorInfo{}}
	for _, ind := range b.Catalogue().All() {
		out.Indicators = append(out.Indicators, IndicatorInfo{ID: ind.ID, Name: ind.Name, English: ind.English, Kind: string(ind.Kind),
			Unit: ind.Unit, Better: ind.Better, Words: ind.Words, Note: ind.Note})
	}
	return out
}

func (s *server) indicators(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, Indicators(s.cfg.Series))
}

// askSeries returns the series a question asks for across regions or
// years, or nil.
func (s *server) askSeries(question string) *series.Table {
	q, ok := s.cfg.Series.FromQuestion(question)
	if !ok {
		return nil
	}
	t, err := s.cfg.Series.Series(q)
	if err != nil {
		return nil
	}
	if len(t.Rows) == 0 && q.Met != "" {
		// 哪些省份没有完成: none is an answer when some were compared.
		q.Met = ""
		if all, err := s.cfg.Series.Series(q); err == nil && len(all.Rows) > 0 {
			return t
		}
	}
	if len(t.Rows) == 0 {
		return nil
	}
	return t
}
