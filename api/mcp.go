package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"reportkb/index"
	"reportkb/index/report"
	"reportkb/qa"
	"reportkb/qa/series"
)

// The tools of the MCP server. Their inputs and results are JSON objects
// whose schemas the SDK derives from these types; every figure of a
// result carries its citation (document, page, line, byte offsets).

// MCPAskInput is the input of the ask tool.
type MCPAskInput struct {
	Question string `json:"question" jsonschema:"the question, in Chinese or English: 新增养老床位多少张? / How many beds were added?"`
	Doc      string `json:"doc,omitempty" jsonschema:"answer from this document id only"`
	Region   string `json:"region,omitempty" jsonschema:"answer from reports of this region only (安徽, 全国)"`
	Year     int    `json:"year,omitempty" jsonschema:"answer from reports speaking of this year only"`
	K        int    `json:"k,omitempty" jsonschema:"at most this many answers (1-20, default 3)"`
}

// MCPAskOutput is the result of the ask tool: the answer contract of
// /api/v1/ask.
type MCPAskOutput struct {
	Question string        `json:"question"`
	Answers  []qa.Answer   `json:"answers" jsonschema:"the figures that answer, best first, each with its sentence, document, page, line and byte offsets; empty when the reports do not say"`
	Passages []qa.Passage  `json:"passages" jsonschema:"the paragraphs closest to the question"`
	Series   *series.Table `json:"series,omitempty" jsonschema:"for a question across regions or years, the series it asks for"`
}

// MCPSearchInput is the input of the search tool.
type MCPSearchInput struct {
	Query  string `json:"query" jsonschema:"words to find in the reports"`
	Doc    string `json:"doc,omitempty" jsonschema:"search this document id only"`
	Region string `json:"region,omitempty" jsonschema:"search reports of this region only"`
	Year   int    `json:"year,omitempty" jsonschema:"search reports speaking of this year only"`
	Size   int    `json:"size,omitempty" jsonschema:"at most this many paragraphs (1-100, default 10)"`
}

// MCPSeriesInput is the input of the series tool.
type MCPSeriesInput struct {
	Indicator string `json:"indicator" jsonschema:"the indicator, any wording or its id: 地区生产总值增长, 国内生产总值增长, GDP growth, urban_jobs"`
	Region    string `json:"region,omitempty" jsonschema:"only this region (安徽, 全国)"`
	Level     string `json:"level,omitempty" jsonschema:"only reports of this level: national, province, city, county or district"`
	Year      int    `json:"year,omitempty" jsonschema:"only this year"`
	From      int    `json:"from,omitempty" jsonschema:"from this year on"`
	To        int    `json:"to,omitempty" jsonschema:"up to this year"`
	Met       string `json:"met,omitempty" jsonschema:"only rows whose target was met (met) or missed (unmet)"`
}

// MCPFactsInput is the input of the facts tool.
type MCPFactsInput struct {
	Q       string `json:"q,omitempty" jsonschema:"words in the subject or the sentence"`
	Subject string `json:"subject,omitempty" jsonschema:"words in the subject (what is measured)"`
	Doc     string `json:"doc,omitempty" jsonschema:"facts of this document id only"`
	Unit    string `json:"unit,omitempty" jsonschema:"only facts in this unit (元, 张, %)"`
	Period  int    `json:"period,omitempty" jsonschema:"only facts of this year"`
	Limit   int    `json:"limit,omitempty" jsonschema:"at most this many (1-1000, default 50)"`
}

// MCPLocateInput is the input of the locate tool.
type MCPLocateInput struct {
	Text  string `json:"text" jsonschema:"a sentence or a figure as quoted, OCR spaces and line breaks allowed"`
	Doc   string `json:"doc,omitempty" jsonschema:"look in this document id only"`
	Limit int    `json:"limit,omitempty" jsonschema:"at most this many places (default 20)"`
}

// MCPDocumentsInput is the input of the documents tool.
type MCPDocumentsInput struct {
	Region string `json:"region,omitempty" jsonschema:"only reports of this region"`
}

// MCPDocumentsOutput is the result of the documents tool.
type MCPDocumentsOutput struct {
	Documents []DocumentInfo `json:"documents"`
}

// NewMCPServer returns the MCP server of the knowledge base with the
// tools ask, search, series, facts, locate and documents. It is served
// at /mcp by the HTTP handler and over stdio by "reportkb mcp".
func NewMCPServer(cfg Config) *mcp.Server {
	s, _ := newRouter(cfg)
	return s.mcpServer()
}

func (s *server) mcpServer() *mcp.Server {
	srv := mcp.NewServer(&mcp.Implementation{Name: "reportkb", Title: "报告知识库 reportkb", Version: "1.0.0"}, &mcp.ServerOptions{
		Instructions: "reportkb answers questions about Chinese government reports (work reports, plan reports, statistical bulletins) " +
			"with the figure, its unit and the sentence it stands in, cited by document, page, line and byte offsets. " +
			"Use ask for a question, series for one indicator across regions and years (targets against outcomes), " +
			"search for full text, facts for every figure, locate to find where a quoted sentence stands, documents to list the reports.",
	})
	mcp.AddTool(srv, &mcp.Tool{Name: "ask", Title: "Ask the reports",
		Description: "Answer a question about the reports with the figure, its unit, the sentence it stands in and where (document, page, line, byte offsets). Questions across regions or years (各省, 历年, 哪些省份, 对比, compare) also get the series."},
		s.mcpAsk)
	mcp.AddTool(srv, &mcp.Tool{Name: "search", Title: "Search the reports",
		Description: "Full-text search: the paragraphs that hold the words, with highlighted fragments, page and line."}, s.mcpSearch)
	mcp.AddTool(srv, &mcp.Tool{Name: "series", Title: "One indicator across regions and years",
		Description: "Line an indicator (GDP growth, budget revenue, new urban jobs, CPI …) up across the reports: one row per region and year with the target and the outcome, each citing its sentence, and whether the target was met. " + series.MetRule},
		s.mcpSeries)
	mcp.AddTool(srv, &mcp.Tool{Name: "facts", Title: "Figures of the reports",
		Description: "Every figure of the reports as a citable record: subject, aspect, year, target or outcome, sentence, page, line and byte offsets."}, s.mcpFacts)
	mcp.AddTool(srv, &mcp.Tool{Name: "locate", Title: "Locate a quotation",
		Description: "Find where a quoted sentence or figure stands in the original files: document, page, line and byte offsets."}, s.mcpLocate)
	mcp.AddTool(srv, &mcp.Tool{Name: "documents", Title: "List the reports",
		Description: "The indexed reports: id, title, kind, region, level, the years they review and plan."}, s.mcpDocuments)
	return srv
}

// mcpHandler serves the MCP server over streamable HTTP, statelessly.
func (s *server) mcpHandler() http.Handler {
	srv := s.mcpServer()
	return mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return srv },
		&mcp.StreamableHTTPOptions{Stateless: true, JSONResponse: true, MaxRequestBodyBytes: maxChatBody})
}

// checkText returns an error when a tool's text argument is unusable.
func (s *server) checkText(name, text string, required bool) error {
	switch {
	case required && strings.TrimSpace(text) == "":
		return fmt.Errorf("missing %s", name)
	case !utf8.ValidString(text) || strings.ContainsRune(text, 0):
		return fmt.Errorf("%s is not valid UTF-8", name)
	case utf8.RuneCountInString(text) > 4*s.cfg.MaxQuestion:
		return fmt.Errorf("%s is too long", name)
	}
	return nil
}

func (s *server) mcpAsk(ctx context.Context, _ *mcp.CallToolRequest, in MCPAskInput) (*mcp.CallToolResult, MCPAskOutput, error) {
	if msg := s.checkQuestion(in.Question); msg != "" {
		return nil, MCPAskOutput{}, errors.New(msg)
	}
	if in.K < 0 || in.K > maxK {
		return nil, MCPAskOutput{}, fmt.Errorf("k must be between 1 and %d", maxK)
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.AskTimeout)
	defer cancel()
	resp, err := s.cfg.Engine.Ask(ctx, qa.Request{Question: in.Question, Doc: in.Doc, Region: in.Region, Year: in.Year, K: in.K})
	if err != nil {
		return nil, MCPAskOutput{}, err
	}
	s.countAnswer(resp)
	return nil, MCPAskOutput{Question: resp.Question, Answers: resp.Answers, Passages: resp.Passages, Series: s.askSeries(in.Question)}, nil
}

func (s *server) mcpSearch(ctx context.Context, _ *mcp.CallToolRequest, in MCPSearchInput) (*mcp.CallToolResult, SearchResponse, error) {
	if err := s.checkText("query", in.Query, true); err != nil {
		return nil, SearchResponse{}, err
	}
	size := in.Size
	if size <= 0 {
		size = 10
	}
	if size > maxSize {
		return nil, SearchResponse{}, fmt.Errorf("size must be between 1 and %d", maxSize)
	}
	if in.Doc != "" {
		if _, ok := s.cfg.Index.Doc(in.Doc); !ok {
			return nil, SearchResponse{}, fmt.Errorf("unknown document: %s", in.Doc)
		}
	}
	res, err := s.cfg.Index.Search(in.Query, index.Filter{Doc: in.Doc, Region: in.Region, Year: in.Year}, size, 0)
	if err != nil {
		return nil, SearchResponse{}, err
	}
	out := SearchResponse{Query: in.Query, Total: res.Total, Hits: []SearchHit{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, SearchHit{Doc: h.Doc, Title: h.Title, Paragraph: h.Paragraph, Page: h.Page, Line: h.Line,
			Heading: h.Heading, Section: h.Section, Text: h.Text, Fragments: h.Fragments, Score: h.Score})
	}
	return nil, out, nil
}

func (s *server) mcpSeries(_ context.Context, _ *mcp.CallToolRequest, in MCPSeriesInput) (*mcp.CallToolResult, *series.Table, error) {
	for _, f := range []struct{ name, v string }{{"indicator", in.Indicator}, {"region", in.Region}, {"level", in.Level}, {"met", in.Met}} {
		if err := s.checkText(f.name, f.v, f.name == "indicator"); err != nil {
			return nil, nil, err
		}
	}
	t, err := s.cfg.Series.Series(series.Query{Indicator: in.Indicator, Region: in.Region, Level: in.Level, Year: in.Year,
		From: in.From, To: in.To, Met: in.Met})
	if err != nil {
		return nil, nil, err
	}
	return nil, t, nil
}

func (s *server) mcpFacts(_ context.Context, _ *mcp.CallToolRequest, in MCPFactsInput) (*mcp.CallToolResult, FactsResponse, error) {
	for _, f := range []struct{ name, v string }{{"q", in.Q}, {"subject", in.Subject}, {"doc", in.Doc}, {"unit", in.Unit}} {
		if err := s.checkText(f.name, f.v, false); err != nil {
			return nil, FactsResponse{}, err
		}
	}
	limit := in.Limit
	if limit <= 0 {
		limit = 50
	}
	if limit > 1000 {
		return nil, FactsResponse{}, errors.New("limit must be between 1 and 1000")
	}
	fs, total, err := s.cfg.Engine.QueryFacts(qa.FactQuery{Doc: in.Doc, Q: in.Q, Subject: in.Subject, Unit: in.Unit, Period: in.Period, Limit: limit})
	if err != nil {
		return nil, FactsResponse{}, err
	}
	return nil, FactsResponse{Total: total, Facts: fs}, nil
}

func (s *server) mcpLocate(_ context.Context, _ *mcp.CallToolRequest, in MCPLocateInput) (*mcp.CallToolResult, LocateResponse, error) {
	if err := s.checkText("text", in.Text, true); err != nil {
		return nil, LocateResponse{}, err
	}
	if in.Doc != "" {
		if _, ok := s.cfg.Index.Doc(in.Doc); !ok {
			return nil, LocateResponse{}, fmt.Errorf("unknown document: %s", in.Doc)
		}
	}
	limit := in.Limit
	if limit <= 0 || limit > 1000 {
		limit = 20
	}
	places := s.cfg.Index.Locate(in.Text, in.Doc, limit)
	if places == nil {
		places = []index.Place{}
	}
	return nil, LocateResponse{Text: in.Text, Places: places}, nil
}

func (s *server) mcpDocuments(_ context.Context, _ *mcp.CallToolRequest, in MCPDocumentsInput) (*mcp.CallToolResult, MCPDocumentsOutput, error) {
	out := MCPDocumentsOutput{Documents: []DocumentInfo{}}
	for _, d := range s.cfg.Index.Summaries() {
		if in.Region != "" && !report.PlaceMatches(in.Region, d.Meta.Region) {
			continue
		}
		out.Documents = append(out.Documents, Info(d))
	}
	return nil, out, nil
}
