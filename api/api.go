// Package api serves the knowledge base over HTTP: questions, search and
// the documents, as JSON.
//
// Every error is a JSON object {"error": "..."} with a fitting status.
package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/gorilla/mux"

	"reportkb/api/bot"
	"reportkb/index"
	"reportkb/index/ingest"
	"reportkb/index/report"
	"reportkb/qa"
	"reportkb/qa/series"
)

// Config configures the HTTP handler.
type Config struct {
	Index  *index.Index
	Engine *qa.Engine
	Logger *slog.Logger
	// MaxQuestion is the longest question accepted, in characters;
	// default 1000.
	MaxQuestion int
	// AskTimeout bounds the time spent answering one question; default 10s.
	AskTimeout time.Duration
	// Token is the API token that adding and removing documents require;
	// empty disables those endpoints.
	Token string
	// MaxUpload is the largest document accepted, in bytes; default 50 MB.
	MaxUpload int64
	// UploadTimeout bounds reading, extracting and indexing an upload; it
	// replaces the server's read and write timeouts for uploads. Default
	// and least: ingest.PdftotextTimeout plus two minutes.
	UploadTimeout time.Duration
	// ChatKey, when set, is the bearer key the OpenAI-compatible chat
	// endpoints require.
	ChatKey string
	// DingTalkSecret is the app secret of the DingTalk robot; empty
	// disables /bots/dingtalk.
	DingTalkSecret string
	// WeCom opens and seals the messages of the WeCom robot; nil disables
	// /bots/wecom.
	WeCom *bot.WeCom
	// BotWindow is how far from now the timestamp of a robot's callback
	// may be; default bot.Window. Callbacks are remembered that long, and
	// one that comes again is refused.
	BotWindow time.Duration
	// ReadToken, when set, is required to read the API and /metrics too.
	ReadToken string
	// CORSOrigins lists the origins allowed to call the API from a
	// browser ("*" for any); empty turns CORS off.
	CORSOrigins []string
	// RateLimit is the sustained requests per second allowed per client
	// on the API; 0 or negative turns the limit off. RateBurst is the
	// burst allowed, default 2×RateLimit.
	RateLimit float64
	RateBurst int
	// TrustProxy takes the client address from X-Forwarded-For, as the
	// rightmost entry that is not one of TrustedProxies (see clientAddr).
	// TrustedProxies lists the addresses of the reverse proxies in front
	// of the server; setting it implies TrustProxy.
	TrustProxy     bool
	TrustedProxies []netip.Prefix
	// AllowedHosts, when set, lists the host names (without port) the
	// server answers to; requests for another Host get 421. Against DNS
	// rebinding: a web page cannot then make a browser read a token-less
	// server on the LAN or loopback through a name of the attacker's.
	// /healthz answers any host.
	AllowedHosts []string
	// CacheSize is how many answers are kept for questions asked again;
	// 0 means 4096, negative turns the cache off.
	CacheSize int
	// Series lines indicators up across reports; nil builds one over
	// Index and Engine.
	Series *series.Builder
}

// Limits on requests.
const (
	maxJSONBody = 64 << 10
	maxK        = 20
	maxSize     = 100
	maxFrom     = 10000
	maxReplays  = 100000 // robot callbacks remembered
)

type server struct {
	cfg     Config
	log     *slog.Logger
	wecom   *bot.WeCom
	started time.Time
	metrics *metrics
	limiter *limiter
	cache   *answerCache
	replays *bot.Replays
	uploads chan struct{} // one upload read and added at a time
	waiting atomic.Int32  // uploads waiting for their turn
}

// New returns the HTTP handler of the API.
func New(cfg Config) http.Handler {
	s, r := newRouter(cfg)
	return recoverer(s.log, securityHeaders(s.observe(r, s.guard(r))))
}

// newRouter builds the routes of the API.
func newRouter(cfg Config) (*server, *mux.Router) {
	if cfg.MaxQuestion <= 0 {
		cfg.MaxQuestion = 1000
	}
	if cfg.AskTimeout <= 0 {
		cfg.AskTimeout = 10 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if least := ingest.PdftotextTimeout + 2*time.Minute; cfg.UploadTimeout < least {
		cfg.UploadTimeout = least
	}
	if cfg.BotWindow <= 0 {
		cfg.BotWindow = bot.Window
	}
	if cfg.Series == nil {
		cfg.Series = series.New(series.Config{Index: cfg.Index, Engine: cfg.Engine})
	}
	s := &server{cfg: cfg, log: cfg.Logger, wecom: cfg.WeCom, started: time.Now(), replays: bot.NewReplays(cfg.BotWindow, maxReplays),
		uploads: make(chan struct{}, 1)}
	s.metrics = newMetrics(s)
	switch {
	case cfg.CacheSize == 0:
		s.cache = newAnswerCache(4096)
	case cfg.CacheSize > 0:
		s.cache = newAnswerCache(cfg.CacheSize)
	}
	if cfg.RateLimit > 0 {
		burst := cfg.RateBurst
		if burst <= 0 {
			burst = int(2*cfg.RateLimit) + 1
		}
		s.limiter = newLimiter(cfg.RateLimit, burst)
	}
	r := mux.NewRouter()
	r.Handle("/metrics", s.metrics.handler()).Methods(http.MethodGet)
	r.HandleFunc("/healthz", s.health).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/v1/ask", s.ask).Methods(http.MethodGet, http.MethodPost)
	r.HandleFunc("/api/v1/search", s.search).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/documents", s.documents).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/documents", s.addDocument).Methods(http.MethodPost)
	r.HandleFunc("/api/v1/documents/{id}", s.document).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/documents/{id}", s.deleteDocument).Methods(http.MethodDelete)
	r.HandleFunc("/api/v1/openapi.json", openapi).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/facts", s.facts).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/series", s.series).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/indicators", s.indicators).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/locate", s.locate).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/documents/{id}/tables", s.tables).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/documents/{id}/checks", s.checks).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/documents/{id}/text", s.documentText).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/documents/{id}/original", s.documentOriginal).Methods(http.MethodGet)
	r.HandleFunc("/v1/models", s.models).Methods(http.MethodGet)
	r.HandleFunc("/v1/chat/completions", s.chat).Methods(http.MethodPost)
	r.Handle("/mcp", s.mcpHandler()).Methods(http.MethodPost)
	r.HandleFunc("/bots/dingtalk", s.dingtalk).Methods(http.MethodPost)
	r.HandleFunc("/bots/wecom", s.wecomVerify).Methods(http.MethodGet)
	r.HandleFunc("/bots/wecom", s.wecomMessage).Methods(http.MethodPost)
	page, static := webHandler()
	r.HandleFunc("/", page).Methods(http.MethodGet, http.MethodHead)
	r.PathPrefix("/static/").Handler(static).Methods(http.MethodGet, http.MethodHead)
	r.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
	})
	r.MethodNotAllowedHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed on "+r.URL.Path)
	})
	return s, r
}

// recoverer turns a panic in a handler into a 500 and a log line.
func recoverer(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic serving request", "path", r.URL.Path, "panic", fmt.Sprint(v))
				writeError(w, http.StatusInternalServerError, "internal error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeJSONBytes writes an encoded JSON body with status 200.
func writeJSONBytes(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// A known length lets net/http send the body unchunked, in one write.
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// Error is the body of every error response.
type Error struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, Error{Error: msg})
}

func (s *server) health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "documents": s.cfg.Index.Len()})
}

// askRequest is the body of POST /api/v1/ask.
type askRequest struct {
	Question string `json:"question"`
	Doc      string `json:"doc"`
	K        int    `json:"k"`
	Region   string `json:"region"`
	Year     int    `json:"year"`
	Explain  bool   `json:"explain"`
}

func (s *server) ask(w http.ResponseWriter, r *http.Request) {
	var req askRequest
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, maxJSONBody)
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", maxJSONBody))
				return
			}
			writeError(w, http.StatusBadRequest, "invalid JSON body: "+err.Error())
			return
		}
	} else {
		v := r.URL.Query()
		req.Question = v.Get("q")
		req.Doc = v.Get("doc")
		req.Region = v.Get("region")
		req.Explain = v.Get("explain") == "1" || v.Get("explain") == "true"
		var err error
		if req.K, err = intParam(v.Get("k"), 0, maxK, "k"); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		if req.Year, err = intParam(v.Get("year"), 0, 9999, "year"); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
	}
	if req.K < 0 || req.K > maxK {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("k must be between 1 and %d", maxK))
		return
	}
	if msg := s.checkQuestion(req.Question); msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	key := fmt.Sprintf("%q|%s|%d|%s|%d|%v", strings.TrimSpace(req.Question), req.Doc, req.K, req.Region, req.Year, req.Explain)
	version := s.cfg.Index.Version()
	if body, ok := s.cache.get(key, version); ok {
		s.metrics.cacheHits.Inc()
		writeJSONBytes(w, body)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.AskTimeout)
	defer cancel()
	resp, err := s.cfg.Engine.Ask(ctx, qa.Request{Question: req.Question, Doc: req.Doc, K: req.K, Region: req.Region, Year: req.Year, Explain: req.Explain})
	switch {
	case errors.Is(err, qa.ErrUnknownDoc):
		writeError(w, http.StatusNotFound, err.Error())
		return
	case errors.Is(err, qa.ErrEmptyQuestion):
		writeError(w, http.StatusBadRequest, "missing question: give q (GET) or question (POST)")
		return
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "answering took too long")
		return
	case err != nil:
		s.log.Error("ask", "question", req.Question, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	s.countAnswer(resp)
	body, err := encodeJSON(AskResponse{Response: resp, Series: s.askSeries(req.Question)})
	if err != nil {
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	s.cache.put(key, version, body)
	writeJSONBytes(w, body)
}

// AskResponse is the body of /api/v1/ask: the answer contract, and for a
// question across regions or years (各省, 历年, 哪些省份, 对比, compare)
// the series it asks for.
type AskResponse struct {
	*qa.Response
	Series *series.Table `json:"series,omitempty"`
}

// countAnswer counts an answer or an abstention.
func (s *server) countAnswer(resp *qa.Response) {
	if len(resp.Answers) > 0 {
		s.metrics.answers.WithLabelValues("answered").Inc()
	} else {
		s.metrics.answers.WithLabelValues("abstained").Inc()
	}
}

// checkQuestion returns why a question is not acceptable, or "".
func (s *server) checkQuestion(q string) string {
	switch {
	case strings.TrimSpace(q) == "":
		return "missing question: give q (GET) or question (POST)"
	case !utf8.ValidString(q):
		return "question is not valid UTF-8"
	case strings.ContainsRune(q, 0):
		return "question contains a NUL character"
	case utf8.RuneCountInString(q) > s.cfg.MaxQuestion:
		return fmt.Sprintf("question longer than %d characters", s.cfg.MaxQuestion)
	}
	return ""
}

func intParam(s string, def, max int, name string) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > max {
		return 0, fmt.Errorf("%s must be a whole number between 0 and %d", name, max)
	}
	return n, nil
}

// SearchResponse is the body of GET /api/v1/search.
type SearchResponse struct {
	Query string      `json:"query"`
	Total int         `json:"total"`
	Hits  []SearchHit `json:"hits"`
}

// SearchHit is one paragraph found.
type SearchHit struct {
	Doc       string   `json:"doc"`
	Title     string   `json:"title"`
	Paragraph int      `json:"paragraph"`
	Page      int      `json:"page"`
	Line      int      `json:"line"`
	Heading   string   `json:"heading"`
	Section   string   `json:"section"`
	Text      string   `json:"text"`
	Fragments []string `json:"fragments"`
	Score     float64  `json:"score"`
}

func (s *server) search(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q := v.Get("q")
	if msg := s.checkQuestion(q); msg != "" {
		writeError(w, http.StatusBadRequest, strings.Replace(msg, "question", "query", 1))
		return
	}
	size, err := intParam(v.Get("size"), 10, maxSize, "size")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if size == 0 {
		size = 10
	}
	from, err := intParam(v.Get("from"), 0, maxFrom, "from")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	year, err := intParam(v.Get("year"), 0, 9999, "year")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	f := index.Filter{Doc: v.Get("doc"), Region: v.Get("region"), Year: year}
	if f.Doc != "" {
		if _, ok := s.cfg.Index.Doc(f.Doc); !ok {
			writeError(w, http.StatusNotFound, "unknown document: "+f.Doc)
			return
		}
	}
	res, err := s.cfg.Index.Search(q, f, size, from)
	if err != nil {
		s.log.Error("search", "query", q, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	out := SearchResponse{Query: q, Total: res.Total, Hits: []SearchHit{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, SearchHit{
			Doc: h.Doc, Title: h.Title, Paragraph: h.Paragraph, Page: h.Page, Line: h.Line, Heading: h.Heading,
			Section: h.Section, Text: h.Text, Fragments: h.Fragments, Score: h.Score,
		})
	}
	writeJSON(w, http.StatusOK, out)
}

// DocumentInfo describes a document in listings.
type DocumentInfo struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Kind       string    `json:"kind"`
	Region     string    `json:"region"`
	Level      string    `json:"level"`
	Year       int       `json:"year"`
	ReviewYear int       `json:"review_year"`
	PlanYear   int       `json:"plan_year"`
	Layout     string    `json:"layout"`
	Paragraphs int       `json:"paragraphs"`
	Sentences  int       `json:"sentences"`
	Pages      int       `json:"pages"`
	Bytes      int       `json:"bytes"`
	File       string    `json:"file"`
	Added      time.Time `json:"added"`
	// Code is the region's GB/T 2260 code; Inferred lists what of the
	// title, kind, region and year was inferred rather than read.
	Code     string   `json:"code,omitempty"`
	Inferred []string `json:"inferred,omitempty"`
	// Offsets says what start and end count bytes of: "file", the file
	// as given (text files), or "text", the text extracted from a PDF,
	// Word or HTML file, served at /api/v1/documents/{id}/text.
	Offsets string `json:"offsets"`
	// Warnings say what of the file could not be read well.
	Warnings []string `json:"warnings,omitempty"`
}

// Info describes an indexed document, from its summary.
func Info(d *index.Summary) DocumentInfo {
	info := DocumentInfo{
		ID: d.ID, Title: d.Title, Kind: d.Meta.Kind, Region: d.Meta.Region, Level: d.Meta.Level,
		Year: d.Meta.Year, ReviewYear: d.Meta.ReviewYear, PlanYear: d.Meta.PlanYear, Layout: string(d.Layout),
		Paragraphs: d.Paragraphs, Sentences: d.Sentences, Pages: d.Pages, Bytes: d.Size, File: d.File, Added: d.Added,
		Code: d.Meta.Code, Inferred: d.Meta.Inferred, Offsets: "file", Warnings: d.Warnings,
	}
	if d.Extracted() {
		info.Offsets = "text"
	}
	return info
}

func (s *server) documents(w http.ResponseWriter, r *http.Request) {
	out := struct {
		Documents []DocumentInfo `json:"documents"`
	}{Documents: []DocumentInfo{}}
	for _, d := range s.cfg.Index.Summaries() {
		out.Documents = append(out.Documents, Info(d))
	}
	writeJSON(w, http.StatusOK, out)
}

// ParagraphInfo is a paragraph of a document.
type ParagraphInfo struct {
	Index        int    `json:"index"`
	Kind         string `json:"kind"`
	Text         string `json:"text"`
	Heading      string `json:"heading,omitempty"`
	Section      string `json:"section,omitempty"`
	Page         int    `json:"page"`
	PageInferred bool   `json:"page_inferred"`
	Line         int    `json:"line"`
	Start        int    `json:"start"`
	End          int    `json:"end"`
	Sentences    int    `json:"sentences"`
	Scope        string `json:"scope,omitempty"` // 全市, 市本级, … (budget reports)
	Fund         string `json:"fund,omitempty"`  // 一般公共预算, 政府性基金预算, …
	Flow         string `json:"flow,omitempty"`  // 收入 or 支出
}

// SectionInfo is a section of a document.
type SectionInfo struct {
	Level     int    `json:"level"`
	Number    string `json:"number"`
	Title     string `json:"title"`
	Parent    int    `json:"parent"`
	Paragraph int    `json:"paragraph"`
	Period    string `json:"period"`
	Year      int    `json:"year"`
	Scope     string `json:"scope,omitempty"`
	Fund      string `json:"fund,omitempty"`
	Flow      string `json:"flow,omitempty"`
}

// DocumentDetail is a whole document.
type DocumentDetail struct {
	Document   DocumentInfo    `json:"document"`
	Sections   []SectionInfo   `json:"sections"`
	Paragraphs []ParagraphInfo `json:"paragraphs"`
}

func (s *server) document(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	e, ok := s.cfg.Index.Doc(id)
	if !ok {
		writeError(w, http.StatusNotFound, "unknown document: "+id)
		return
	}
	writeJSON(w, http.StatusOK, Detail(e))
}

// Detail describes a document with its sections and paragraphs.
func Detail(e *index.Entry) DocumentDetail {
	d := e.Doc
	out := DocumentDetail{Document: Info(e.Summary), Sections: []SectionInfo{}, Paragraphs: []ParagraphInfo{}}
	for _, sec := range d.Sections {
		out.Sections = append(out.Sections, SectionInfo{Level: sec.Level, Number: sec.Number, Title: sec.Title,
			Parent: sec.Parent, Paragraph: sec.Paragraph, Period: string(sec.Period), Year: sec.Year,
			Scope: sec.Scope, Fund: sec.Fund, Flow: sec.Flow})
	}
	for i, p := range d.Paragraphs {
		if p.Kind == report.KindClutter {
			continue
		}
		out.Paragraphs = append(out.Paragraphs, ParagraphInfo{
			Index: i, Kind: string(p.Kind), Text: p.Text, Heading: p.Heading,
			Section: strings.Join(d.SectionPath(p.Section), " / "), Page: p.Page, PageInferred: p.PageInferred,
			Line: p.Line, Start: e.FileOffset(p.Start), End: e.FileOffset(p.End), Sentences: p.NumSentences,
			Scope: p.Scope, Fund: p.Fund, Flow: p.Flow,
		})
	}
	return out
}
