package api

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/gorilla/mux"

	"reportkb/api/bot"
	"reportkb/index"
	"reportkb/index/segment"
	"reportkb/qa"
)

// TestOpenAPI checks the description and validates real responses of
// every endpoint, good and bad, against it.
func TestOpenAPI(t *testing.T) {
	ctx := context.Background()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(openAPISpec)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(ctx); err != nil {
		t.Fatalf("invalid OpenAPI description: %v", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	data := seedData(t)
	x, err := index.Open(index.Config{Dir: t.TempDir(), Segmenter: segment.Bigram{}, SegmenterName: "bigram",
		Seeds: []index.Source{{Name: "hanyang_2020_plan_report.txt", Data: data}}})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	wc, _ := bot.NewWeCom("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7")
	h := New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), Token: "tok", DingTalkSecret: "ding", WeCom: wc})

	var mp bytes.Buffer
	mw := multipart.NewWriter(&mp)
	fw, _ := mw.CreateFormFile("file", "upload_2025.txt")
	fw.Write([]byte("2025年某县政府工作报告\n各位代表：\n全年新增养老床位520张。\n"))
	mw.Close()
	ts := strconv.FormatInt(time.Now().UnixMilli(), 10)
	q := url.QueryEscape
	type call struct {
		method, path, ctype, body string
		header                    map[string]string
	}
	calls := []call{
		{"GET", "/healthz", "", "", nil},
		{"GET", "/metrics", "", "", nil},
		{"GET", "/api/v1/ask?q=" + q("新增养老床位多少张"), "", "", nil},
		{"GET", "/api/v1/ask?explain=1&k=2&q=" + q("How many beds were added?"), "", "", nil},
		{"GET", "/api/v1/ask?q=", "", "", nil},
		{"GET", "/api/v1/ask?q=x&doc=nope", "", "", nil},
		{"POST", "/api/v1/ask", "application/json", `{"question":"什么是六稳","k":1}`, nil},
		{"POST", "/api/v1/ask", "application/json", `{"question":""}`, nil},
		{"GET", "/api/v1/search?q=" + q("方舱医院") + "&size=2", "", "", nil},
		{"GET", "/api/v1/search?q=x&size=500", "", "", nil},
		{"GET", "/api/v1/documents", "", "", nil},
		{"GET", "/api/v1/documents/hanyang_2020_plan_report", "", "", nil},
		{"GET", "/api/v1/documents/nope", "", "", nil},
		{"POST", "/api/v1/documents", mw.FormDataContentType(), mp.String(), map[string]string{"Authorization": "Bearer tok"}},
		{"POST", "/api/v1/documents?name=a.exe", "application/octet-stream", "MZ", map[string]string{"Authorization": "Bearer tok"}},
		{"POST", "/api/v1/documents?name=a.txt", "text/plain", "x", nil},
		{"DELETE", "/api/v1/documents/upload_2025", "", "", map[string]string{"Authorization": "Bearer tok"}},
		{"DELETE", "/api/v1/documents/nope", "", "", map[string]string{"Authorization": "Bearer tok"}},
		{"GET", "/api/v1/openapi.json", "", "", nil},
		{"GET", "/v1/models", "", "", nil},
		{"POST", "/v1/chat/completions", "application/json", `{"model":"reportkb","messages":[{"role":"user","content":"新增养老床位多少张"}]}`, nil},
		{"POST", "/v1/chat/completions", "application/json", `{"messages":[]}`, nil},
		{"POST", "/bots/dingtalk", "application/json", `{"msgtype":"text","text":{"content":"新增养老床位多少张"}}`,
			map[string]string{"timestamp": ts, "sign": bot.DingTalkSign(ts, "ding")}},
		{"POST", "/bots/dingtalk", "application/json", `{}`, map[string]string{"timestamp": ts, "sign": "bad"}},
		{"GET", "/api/v1/facts?doc=hanyang_2020_plan_report&limit=3", "", "", nil},
		{"GET", "/api/v1/facts?limit=x", "", "", nil},
		{"GET", "/api/v1/locate?text=" + q("新增养老床位 6341张"), "", "", nil},
		{"GET", "/api/v1/locate?text=", "", "", nil},
		{"GET", "/api/v1/documents/hanyang_2020_plan_report/tables", "", "", nil},
		{"GET", "/api/v1/documents/nope/tables", "", "", nil},
		{"GET", "/api/v1/documents/hanyang_2020_plan_report/checks", "", "", nil},
		{"GET", "/api/v1/series?q=" + q("地区生产总值增长"), "", "", nil},
		{"GET", "/api/v1/series?q=" + q("GDP growth") + "&format=csv", "", "", nil},
		{"GET", "/api/v1/series?q=nope", "", "", nil},
		{"GET", "/api/v1/series?q=gdp&level=planet", "", "", nil},
		{"GET", "/api/v1/indicators", "", "", nil},
		{"POST", "/mcp", "application/json", `{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}`,
			map[string]string{"Accept": "application/json, text/event-stream", "MCP-Protocol-Version": "2025-06-18"}},
		{"GET", "/api/v1/ask?q=" + q("汉阳区历年地区生产总值增长目标"), "", "", nil},
		{"GET", "/api/v1/documents/hanyang_2020_plan_report/text", "", "", nil},
		{"GET", "/api/v1/documents/nope/text", "", "", nil},
		{"GET", "/api/v1/documents/hanyang_2020_plan_report/original", "", "", nil},
		{"GET", "/api/v1/documents/nope/original", "", "", nil},
		{"GET", "/bots/wecom?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr=" +
			q("P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="), "", "", nil},
	}
	seen := map[string]bool{}
	for _, c := range calls {
		req := httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
		if c.ctype != "" {
			req.Header.Set("Content-Type", c.ctype)
		}
		for k, v := range c.header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		route, params, err := router.FindRoute(req)
		if err != nil {
			t.Errorf("%s %s: not in the description: %v", c.method, c.path, err)
			continue
		}
		seen[c.method+" "+route.Path] = true
		in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{ExcludeRequestBody: true, ExcludeRequestQueryParams: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
		out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code, Header: rec.Header(),
			Body: io.NopCloser(bytes.NewReader(rec.Body.Bytes())), Options: &openapi3filter.Options{IncludeResponseStatus: true}}
		if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
			t.Errorf("%s %s → %d: response does not match the description: %v\n%s", c.method, c.path, rec.Code, err, clip(rec.Body.String()))
		}
	}
	// Every route of the server is described.
	_, r := newRouter(Config{Index: x, Engine: qa.New(qa.Config{Index: x})})
	r.Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		path, err := route.GetPathTemplate()
		if err != nil || path == "/" || strings.HasPrefix(path, "/static/") {
			return nil
		}
		methods, _ := route.GetMethods()
		for _, m := range methods {
			if m == "HEAD" {
				continue
			}
			if item := doc.Paths.Find(path); item == nil || item.GetOperation(m) == nil {
				t.Errorf("%s %s is served but not described", m, path)
			}
		}
		return nil
	})
	// Every operation of the description was called.
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			if path == "/bots/wecom" && method == "POST" {
				continue // covered by TestWeComHandlers
			}
			if !seen[method+" "+path] {
				t.Errorf("%s %s is described but not tested", method, path)
			}
		}
	}
}

func seedData(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../seeds/hanyang_2020_plan_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	return data
}
