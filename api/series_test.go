package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"reportkb/index"
	"reportkb/index/segment"
	"reportkb/internal/testskip"
	"reportkb/qa"
	"reportkb/qa/series"
)

var (
	seriesOnce sync.Once
	seriesCfg  Config
	seriesErr  error
)

// seriesConfig is a knowledge base of the seed and the test reports: two
// national reports and two years of Anhui and Shanghai.
func seriesConfig(t *testing.T) Config {
	t.Helper()
	seriesOnce.Do(func() {
		dir, err := testskip.TempDir("reportkb-series-")
		if err != nil {
			seriesErr = err
			return
		}
		x, err := index.Open(index.Config{Dir: dir, Segmenter: segment.Bigram{}, SegmenterName: "bigram"})
		if err != nil {
			seriesErr = err
			return
		}
		files, _ := filepath.Glob("../testdata/reports/*.txt")
		files = append(files, "../seeds/hanyang_2020_plan_report.txt")
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				seriesErr = err
				return
			}
			if _, err := x.Add(filepath.Base(f), data); err != nil {
				seriesErr = err
				return
			}
		}
		seriesCfg = Config{Index: x, Engine: qa.New(qa.Config{Index: x, Home: []string{"hanyang_2020_plan_report"}}), ReadToken: "reader"}
	})
	if seriesErr != nil {
		t.Fatal(seriesErr)
	}
	return seriesCfg
}

func getAs(t *testing.T, h http.Handler, path string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Authorization", "Bearer reader")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// checkCell checks that a cell's offsets hold its figure and sentence in
// the original file.
func checkCell(t *testing.T, x *index.Index, c *series.Cell) {
	t.Helper()
	en, ok := x.Doc(c.Doc)
	if !ok {
		t.Fatalf("cell cites unknown document %s", c.Doc)
	}
	data := en.Text()
	if got := strings.Join(strings.Fields(string(data[c.Start:c.End])), ""); got != strings.Join(strings.Fields(c.Text), "") {
		t.Errorf("%s: bytes %d–%d hold %q, cell says %q", c.Doc, c.Start, c.End, got, c.Text)
	}
	if c.SentenceStart > c.Start || c.SentenceEnd < c.End || c.Line < 1 {
		t.Errorf("%s: sentence %d–%d line %d does not hold the figure at %d–%d", c.Doc, c.SentenceStart, c.SentenceEnd, c.Line, c.Start, c.End)
	}
}

func TestSeriesEndpoint(t *testing.T) {
	cfg := seriesConfig(t)
	h := New(cfg)
	q := url.QueryEscape
	rec := getAs(t, h, "/api/v1/series?q="+q("国内生产总值增长")+"&region="+q("全国"), nil)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var tbl series.Table
	if err := json.Unmarshal(rec.Body.Bytes(), &tbl); err != nil {
		t.Fatal(err)
	}
	if tbl.ID != "gdp_growth" || tbl.Unit != "%" || tbl.MetRule == "" {
		t.Errorf("table %+v", tbl)
	}
	byYear := map[int]series.Row{}
	for _, r := range tbl.Rows {
		if r.Region != "全国" {
			t.Errorf("row of %s in a national series", r.Region)
		}
		byYear[r.Year] = r
	}
	// 2016: a range target (6.5%－7%) and the outcome from the next year's report.
	r := byYear[2016]
	if r.Target == nil || r.Target.Low != 6.5 || r.Target.High != 7 || r.Target.Doc != "national_2016_gov_work_report" {
		t.Fatalf("2016 target %+v", r.Target)
	}
	if r.Outcome == nil || r.Outcome.Low != 6.7 || r.Outcome.Doc != "national_2017_gov_work_report" || r.Met == nil || !*r.Met {
		t.Fatalf("2016 outcome %+v met %v", r.Outcome, r.Met)
	}
	if r := byYear[2017]; r.Target == nil || r.Target.Text != "6.5%左右" || r.Outcome != nil || r.Met != nil {
		t.Errorf("2017: %+v", r)
	}
	for _, r := range tbl.Rows {
		for _, c := range []*series.Cell{r.Target, r.Outcome} {
			if c != nil {
				checkCell(t, cfg.Index, c)
			}
		}
	}

	// Province level: Anhui's target and outcome of 2025; any wording.
	rec = getAs(t, h, "/api/v1/series?q="+q("GDP growth")+"&level=province&year=2025", nil)
	json.Unmarshal(rec.Body.Bytes(), &tbl)
	found := false
	for _, r := range tbl.Rows {
		if r.Region == "安徽省" {
			found = true
			if r.Target == nil || r.Target.Text != "5.5%以上" || r.Outcome == nil || r.Outcome.Text != "5.5%" || r.Met == nil || !*r.Met {
				t.Errorf("安徽 2025: %+v %+v %v", r.Target, r.Outcome, r.Met)
			}
		}
		if r.Level != "province" || r.Year != 2025 {
			t.Errorf("row %s %s %d in a province series of 2025", r.Region, r.Level, r.Year)
		}
	}
	if !found {
		t.Errorf("no row of 安徽省: %s", rec.Body)
	}

	// The figures of a 分别 list go with their items.
	rec = getAs(t, h, "/api/v1/series?q="+q("农村居民人均可支配收入增长")+"&region="+q("安徽")+"&year=2025", nil)
	json.Unmarshal(rec.Body.Bytes(), &tbl)
	if len(tbl.Rows) != 1 || tbl.Rows[0].Outcome == nil || tbl.Rows[0].Outcome.Text != "5.9%" {
		t.Errorf("安徽 rural income growth 2025: %s", rec.Body)
	}

	// CSV: UTF-8 with BOM, formula cells neutralised.
	rec = getAs(t, h, "/api/v1/series?format=csv&q="+q("国内生产总值增长")+"&region="+q("全国"), nil)
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") || !bytes.HasPrefix(rec.Body.Bytes(), []byte("\ufeff")) {
		t.Fatalf("csv: %d %s", rec.Code, rec.Header())
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(rec.Body.Bytes(), []byte("\ufeff")))).ReadAll()
	if err != nil || len(rows) != len(byYear)+1 || rows[0][2] != "region" {
		t.Fatalf("csv rows %v: %v", rows, err)
	}

	for _, c := range []struct {
		path string
		code int
	}{
		{"/api/v1/series", 400},
		{"/api/v1/series?q=" + q("没有这个指标"), 404},
		{"/api/v1/series?q=gdp&level=galaxy", 400},
		{"/api/v1/series?q=gdp&from=2020&to=2010", 400},
		{"/api/v1/series?q=gdp&year=x", 400},
		{"/api/v1/series?q=gdp&format=xml", 400},
		{"/api/v1/series?q=gdp&met=maybe", 400},
		{"/api/v1/series?q=" + strings.Repeat("x", 200), 400},
	} {
		if rec := getAs(t, h, c.path, nil); rec.Code != c.code || !strings.Contains(rec.Body.String(), `"error"`) {
			t.Errorf("%s: %d %s, want %d", c.path, rec.Code, rec.Body, c.code)
		}
	}
	if rec := getAs(t, h, "/api/v1/series?q=gdp", map[string]string{"Authorization": "Bearer wrong"}); rec.Code != 401 {
		t.Errorf("wrong read token: %d", rec.Code)
	}
	rec = getAs(t, h, "/api/v1/indicators", nil)
	var list IndicatorsResponse
	if json.Unmarshal(rec.Body.Bytes(), &list); len(list.Indicators) < 20 {
		t.Errorf("indicators: %s", rec.Body)
	}
}

func TestSafeCSVCells(t *testing.T) {
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "+1": "+1", "-3.3": "-3.3", "-3.3%": "'-3.3%", "@x": "'@x", "\tx": "'\tx",
		"\rx": "'\rx", "5.5%": "5.5%", "": "", "地区": "地区"} {
		if got := series.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
	// A table whose cells start with formula characters writes them as text.
	tbl := &series.Table{Indicator: "=cmd|' /C calc'!A0", Unit: "%", Rows: []series.Row{{Region: "@evil", Year: 2025,
		Target: &series.Cell{Text: "+1", Doc: "-d", Sentence: "=HYPERLINK(\"x\")", Low: -1, High: -1}}}}
	var buf bytes.Buffer
	if err := tbl.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range rows[1] {
		// Plain numbers (-1) are numbers to a spreadsheet, not formulas.
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !plainNumberRe.MatchString(cell) {
			t.Errorf("cell %q can run as a formula", cell)
		}
	}
}

func TestAskSeriesAndChat(t *testing.T) {
	cfg := seriesConfig(t)
	h := New(cfg)
	rec := getAs(t, h, "/api/v1/ask?q="+url.QueryEscape("全国历年GDP增长目标和实际增长"), nil)
	var resp struct {
		Question string          `json:"question"`
		Answers  []qa.Answer     `json:"answers"`
		Passages json.RawMessage `json:"passages"`
		Series   *series.Table   `json:"series"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || rec.Code != 200 {
		t.Fatalf("%d %v %s", rec.Code, err, rec.Body)
	}
	if resp.Series == nil || resp.Series.ID != "gdp_growth" || len(resp.Series.Rows) < 2 || resp.Answers == nil || resp.Passages == nil {
		t.Fatalf("ask across years: %s", rec.Body)
	}
	for _, r := range resp.Series.Rows {
		if r.Region != "全国" {
			t.Errorf("row of %s for a national question", r.Region)
		}
	}
	// A question of one figure gets no series.
	rec = getAs(t, h, "/api/v1/ask?q="+url.QueryEscape("新增养老床位多少张"), nil)
	if strings.Contains(rec.Body.String(), `"series"`) {
		t.Errorf("series for a one-figure question: %s", rec.Body)
	}

	body := `{"model":"reportkb","messages":[{"role":"user","content":"哪些省份没有完成2025年的增长目标？"}]}`
	req := httptest.NewRequest("POST", "/v1/chat/completions", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer reader")
	crec := httptest.NewRecorder()
	h.ServeHTTP(crec, req)
	var chat struct {
		Choices []struct {
			Message struct{ Content string } `json:"message"`
		} `json:"choices"`
	}
	json.Unmarshal(crec.Body.Bytes(), &chat)
	if len(chat.Choices) == 0 {
		t.Fatalf("chat: %s", crec.Body)
	}
	content := chat.Choices[0].Message.Content
	// Anhui and Shanghai met their targets: no province of the test
	// reports missed one.
	if !strings.Contains(content, "地区生产总值增长") || !strings.Contains(content, "都不符合这个条件") {
		t.Errorf("chat reply to an unmet question:\n%s", content)
	}
	body = `{"messages":[{"role":"user","content":"上海各年城镇新增就业对比"}]}`
	req = httptest.NewRequest("POST", "/v1/chat/completions", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer reader")
	crec = httptest.NewRecorder()
	h.ServeHTTP(crec, req)
	json.Unmarshal(crec.Body.Bytes(), &chat)
	content = chat.Choices[0].Message.Content
	for _, want := range []string{"| 上海市 | 2025 | 60万人以上 [", "64.1万人 [", "| 完成 |", "《2026年上海市政府工作报告》（shanghai_2026_gov_work_report）"} {
		if !strings.Contains(content, want) {
			t.Errorf("chat reply lacks %q:\n%s", want, content)
		}
	}
}

// TestMCP lists the tools and calls them with the SDK's client, over
// memory and over streamable HTTP with the read token.
func TestMCP(t *testing.T) {
	cfg := seriesConfig(t)
	ctx := context.Background()
	client := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "1"}, nil)

	st, ct := mcp.NewInMemoryTransports()
	if _, err := NewMCPServer(cfg).Connect(ctx, st, nil); err != nil {
		t.Fatal(err)
	}
	mem, err := client.Connect(ctx, ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()

	hs := httptest.NewServer(New(cfg))
	defer hs.Close()
	httpc := &http.Client{Transport: bearerTransport{"reader", http.DefaultTransport}}
	web, err := client.Connect(ctx, &mcp.StreamableClientTransport{Endpoint: hs.URL + "/mcp", HTTPClient: httpc}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer web.Close()

	for name, cs := range map[string]*mcp.ClientSession{"memory": mem, "http": web} {
		tools, err := cs.ListTools(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, tool := range tools.Tools {
			names = append(names, tool.Name)
			if tool.InputSchema == nil || tool.OutputSchema == nil || tool.Description == "" {
				t.Errorf("%s: tool %s lacks a schema or description", name, tool.Name)
			}
		}
		if got := strings.Join(names, ","); !strings.Contains(got, "ask") || len(names) != 6 {
			t.Errorf("%s: tools %s", name, got)
		}
		call := func(tool string, args any, out any) *mcp.CallToolResult {
			t.Helper()
			res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: tool, Arguments: args})
			if err != nil {
				t.Fatalf("%s %s: %v", name, tool, err)
			}
			if out != nil {
				b, _ := json.Marshal(res.StructuredContent)
				if err := json.Unmarshal(b, out); err != nil {
					t.Fatalf("%s %s: %v", name, tool, err)
				}
			}
			return res
		}
		var ask MCPAskOutput
		if res := call("ask", map[string]any{"question": "新增养老床位多少张"}, &ask); res.IsError || len(ask.Answers) == 0 {
			t.Fatalf("%s ask: %+v", name, res)
		}
		if a := ask.Answers[0]; a.Text != "6341张" || a.Doc != "hanyang_2020_plan_report" || a.Page != 10 || a.Start == 0 || a.Sentence == "" {
			t.Errorf("%s ask: %+v", name, a)
		}
		var tbl series.Table
		call("series", map[string]any{"indicator": "国内生产总值增长", "region": "全国", "from": 2015, "to": 2017}, &tbl)
		if tbl.ID != "gdp_growth" || len(tbl.Rows) == 0 {
			t.Fatalf("%s series: %+v", name, tbl)
		}
		for _, r := range tbl.Rows {
			if r.Year < 2015 || r.Year > 2017 {
				t.Errorf("%s series: row of %d", name, r.Year)
			}
			if r.Target != nil {
				checkCell(t, cfg.Index, r.Target)
			}
		}
		if res := call("series", map[string]any{"indicator": "no such thing"}, nil); !res.IsError {
			t.Errorf("%s: an unknown indicator is no error", name)
		}
		if res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "ask", Arguments: map[string]any{"question": 3}}); err == nil && !res.IsError {
			t.Errorf("%s: a question of the wrong type is accepted", name)
		}
		var facts FactsResponse
		call("facts", map[string]any{"subject": "养老床位", "limit": 5}, &facts)
		var loc LocateResponse
		call("locate", map[string]any{"text": "新增养老床位6341张"}, &loc)
		var docs MCPDocumentsOutput
		call("documents", map[string]any{}, &docs)
		var search SearchResponse
		call("search", map[string]any{"query": "方舱医院", "size": 2}, &search)
		if facts.Total == 0 || len(loc.Places) == 0 || len(docs.Documents) < 5 || search.Total == 0 {
			t.Errorf("%s: facts %d, places %d, documents %d, hits %d", name, facts.Total, len(loc.Places), len(docs.Documents), search.Total)
		}
	}

	// The read token applies to /mcp.
	res, err := http.Post(hs.URL+"/mcp", "application/json", strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`))
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("/mcp without the read token: %d", res.StatusCode)
	}
}

// bearerTransport adds a bearer token to requests.
type bearerTransport struct {
	token string
	next  http.RoundTripper
}

func (b bearerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return b.next.RoundTrip(r)
}

var plainNumberRe = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)
