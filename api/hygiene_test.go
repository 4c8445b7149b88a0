package api

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"reportkb/qa"
)

func TestRateLimit(t *testing.T) {
	x := testIndex(t)
	s := httptest.NewServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), RateLimit: 2, RateBurst: 3}))
	defer s.Close()
	codes := map[int]int{}
	for i := 0; i < 10; i++ {
		resp, err := http.Get(s.URL + "/api/v1/documents")
		if err != nil {
			t.Fatal(err)
		}
		codes[resp.StatusCode]++
		if resp.StatusCode == 429 && resp.Header.Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
		resp.Body.Close()
	}
	if codes[200] < 3 || codes[429] == 0 {
		t.Errorf("status counts %v: want a burst of 200s, then 429s", codes)
	}
	// Health checks are never limited.
	for i := 0; i < 10; i++ {
		if code, _ := get2(t, s.URL+"/healthz"); code != 200 {
			t.Fatalf("healthz limited: %d", code)
		}
	}
}

func TestReadTokenAndCORS(t *testing.T) {
	x := testIndex(t)
	s := httptest.NewServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), ReadToken: "r3ad",
		CORSOrigins: []string{"https://portal.example.gov.cn"}, RateLimit: -1}))
	defer s.Close()
	if code, _ := get2(t, s.URL+"/api/v1/documents"); code != 401 {
		t.Errorf("read without token: %d", code)
	}
	req, _ := http.NewRequest("GET", s.URL+"/api/v1/documents", nil)
	req.Header.Set("Authorization", "Bearer r3ad")
	req.Header.Set("Origin", "https://portal.example.gov.cn")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Access-Control-Allow-Origin") != "https://portal.example.gov.cn" {
		t.Errorf("read with token from an allowed origin: %d, ACAO %q", resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
	}
	req.Header.Set("Origin", "https://evil.example")
	resp, _ = http.DefaultClient.Do(req)
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS allowed a foreign origin")
	}
	pre, _ := http.NewRequest("OPTIONS", s.URL+"/api/v1/ask", nil)
	pre.Header.Set("Origin", "https://portal.example.gov.cn")
	pre.Header.Set("Access-Control-Request-Method", "POST")
	resp, _ = http.DefaultClient.Do(pre)
	resp.Body.Close()
	if resp.StatusCode != 204 || !strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	// The page itself stays open; /metrics needs the token.
	if code, _ := get2(t, s.URL+"/healthz"); code != 200 {
		t.Errorf("healthz: %d", code)
	}
	resp, _ = http.Get(s.URL + "/metrics")
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("metrics without token: %d", resp.StatusCode)
	}
	// Without configured origins, CORS is off.
	req2, _ := http.NewRequest("GET", testServer(t).URL+"/api/v1/documents", nil)
	req2.Header.Set("Origin", "https://portal.example.gov.cn")
	resp, _ = http.DefaultClient.Do(req2)
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS on by default")
	}
}

func TestMetricsAndAccessLog(t *testing.T) {
	x := testIndex(t)
	var logs bytes.Buffer
	s := httptest.NewServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), Token: "supersecret",
		Logger: slog.New(slog.NewJSONHandler(&logs, nil)), RateLimit: -1}))
	defer s.Close()
	get2(t, s.URL+"/api/v1/ask?q="+url.QueryEscape("新增养老床位多少张"))
	get2(t, s.URL+"/api/v1/ask?q="+url.QueryEscape("汉阳区有多少所大学"))
	get2(t, s.URL+"/api/v1/nope")
	req, _ := http.NewRequest("POST", s.URL+"/api/v1/documents?name=x.txt", strings.NewReader("2025年报告\n机密内容ABC123新增床位5张。"))
	req.Header.Set("Authorization", "Bearer supersecret")
	resp, _ := http.DefaultClient.Do(req)
	resp.Body.Close()
	resp, err := http.Get(s.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := string(body)
	for _, want := range []string{
		`reportkb_http_requests_total{code="200",method="GET",route="/api/v1/ask"} 2`,
		`reportkb_http_requests_total{code="404",method="GET",route="unmatched"} 1`,
		`reportkb_questions_total{result="answered"} 1`,
		`reportkb_questions_total{result="abstained"} 1`,
		`reportkb_http_request_duration_seconds_bucket`,
		`reportkb_documents 2`,
		`reportkb_index_bytes`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	l := logs.String()
	if !strings.Contains(l, `"route":"/api/v1/ask"`) || !strings.Contains(l, `"status":200`) {
		t.Errorf("access log lacks the request: %s", l)
	}
	if strings.Contains(l, "supersecret") || strings.Contains(l, "ABC123") {
		t.Errorf("access log leaks a token or an upload: %s", l)
	}
	x.Remove("x")
}

func TestPanicRecovered(t *testing.T) {
	var logs bytes.Buffer
	h := recoverer(slog.New(slog.NewTextHandler(&logs, nil)), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("boom")
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/ask?q=x", nil))
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), `"error"`) || !strings.Contains(logs.String(), "boom") {
		t.Errorf("panic: %d %q, log %q", rec.Code, rec.Body.String(), logs.String())
	}
}

// FuzzHandlers sends arbitrary questions, parameters and bodies to the
// API: every answer is JSON with a status below 500.
func FuzzHandlers(f *testing.F) {
	for _, s := range []string{"新增养老床位多少张", "", "\x00", "\xff\xfe", "a&k=1000", "%zz", `{"question":1}`, `+-:^~*?()[]{}"\/`, strings.Repeat("多", 2000)} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, q, body string) {
		h := testHandler(t)
		for _, req := range []*http.Request{
			httptest.NewRequest("GET", "/api/v1/ask?q="+url.QueryEscape(q), nil),
			httptest.NewRequest("GET", "/api/v1/search?q="+url.QueryEscape(q)+"&size=3", nil),
			httptest.NewRequest("GET", "/api/v1/facts?q="+url.QueryEscape(q)+"&limit=2", nil),
			httptest.NewRequest("GET", "/api/v1/locate?text="+url.QueryEscape(q), nil),
			httptest.NewRequest("POST", "/api/v1/ask", strings.NewReader(body)),
			httptest.NewRequest("POST", "/v1/chat/completions", strings.NewReader(body)),
		} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("%s %s: %d %s", req.Method, req.URL, rec.Code, rec.Body.String())
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Fatalf("%s %s: Content-Type %q", req.Method, req.URL, ct)
			}
		}
	})
}

// testHandler is the handler of the shared test server's index.
func testHandler(t *testing.T) http.Handler {
	x := testIndex(t)
	return New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), RateLimit: -1})
}
