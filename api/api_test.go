package api

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"reportkb/index"
	"reportkb/index/segment"
	"reportkb/qa"
)

var (
	srvOnce sync.Once
	srv     *httptest.Server
	srvErr  error
)

func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	srvOnce.Do(func() {
		data, err := os.ReadFile("../seeds/hanyang_2020_plan_report.txt")
		if err != nil {
			srvErr = err
			return
		}
		dir, err := os.MkdirTemp("", "reportkb-api-")
		if err != nil {
			srvErr = err
			return
		}
		x, err := index.Open(index.Config{Dir: dir, Segmenter: segment.Bigram{}, SegmenterName: "bigram",
			Seeds: []index.Source{{Name: "hanyang_2020_plan_report.txt", Data: data}}})
		if err != nil {
			srvErr = err
			return
		}
		srv = httptest.NewServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x})}))
	})
	if srvErr != nil {
		t.Fatal(srvErr)
	}
	return srv
}

func get(t *testing.T, path string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Get(testServer(t).URL + path)
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, resp)
}

func decode(t *testing.T, resp *http.Response) (int, map[string]any) {
	t.Helper()
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q, want JSON", ct)
	}
	body, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %q", body)
	}
	return resp.StatusCode, m
}

func TestHealth(t *testing.T) {
	code, m := get(t, "/healthz")
	if code != 200 || m["status"] != "ok" {
		t.Errorf("healthz: %d %v", code, m)
	}
}

func TestAskGET(t *testing.T) {
	code, m := get(t, "/api/v1/ask?q="+url.QueryEscape("新增养老床位多少张？"))
	if code != 200 {
		t.Fatalf("status %d: %v", code, m)
	}
	answers := m["answers"].([]any)
	if len(answers) == 0 {
		t.Fatalf("no answers: %v", m)
	}
	a := answers[0].(map[string]any)
	for _, f := range []string{"text", "value", "unit", "qualifier", "sentence", "doc", "paragraph", "page", "line", "start", "end", "score"} {
		if _, ok := a[f]; !ok {
			t.Errorf("answer lacks %q", f)
		}
	}
	if a["text"] != "6341张" || a["value"].(float64) != 6341 || a["unit"] != "张" || a["page"].(float64) != 10 || a["doc"] != "hanyang_2020_plan_report" {
		t.Errorf("answer = %v", a)
	}
	ps := m["passages"].([]any)
	if len(ps) == 0 {
		t.Fatal("no passages")
	}
	for _, f := range []string{"doc", "paragraph", "page", "heading", "text", "score"} {
		if _, ok := ps[0].(map[string]any)[f]; !ok {
			t.Errorf("passage lacks %q", f)
		}
	}
}

func TestAskPOST(t *testing.T) {
	resp, err := http.Post(testServer(t).URL+"/api/v1/ask", "application/json", strings.NewReader(`{"question":"全年安排防疫资金多少？","doc":"hanyang_2020_plan_report","k":1}`))
	if err != nil {
		t.Fatal(err)
	}
	code, m := decode(t, resp)
	if code != 200 {
		t.Fatalf("status %d: %v", code, m)
	}
	answers := m["answers"].([]any)
	if len(answers) != 1 || answers[0].(map[string]any)["value"].(float64) != 8.66e8 {
		t.Errorf("answers = %v", answers)
	}
}

func TestAskAbstains(t *testing.T) {
	code, m := get(t, "/api/v1/ask?q="+url.QueryEscape("汉阳区有多少所大学？"))
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	if a := m["answers"].([]any); len(a) != 0 {
		t.Errorf("answers = %v, want none", a)
	}
}

func TestBadInput(t *testing.T) {
	long := strings.Repeat("养", 1001)
	tests := []struct {
		method, path, body string
		status             int
	}{
		{"GET", "/api/v1/ask", "", 400},
		{"GET", "/api/v1/ask?q=", "", 400},
		{"GET", "/api/v1/ask?q=%20%20", "", 400},
		{"GET", "/api/v1/ask?q=" + url.QueryEscape(long), "", 400},
		{"GET", "/api/v1/ask?q=%ff%fe", "", 400},
		{"GET", "/api/v1/ask?q=a%00b", "", 400},
		{"GET", "/api/v1/ask?q=x&k=abc", "", 400},
		{"GET", "/api/v1/ask?q=x&k=-1", "", 400},
		{"GET", "/api/v1/ask?q=x&k=1000", "", 400},
		{"GET", "/api/v1/ask?q=x&doc=nope", "", 404},
		{"POST", "/api/v1/ask", "{", 400},
		{"POST", "/api/v1/ask", `{"question":""}`, 400},
		{"POST", "/api/v1/ask", `{"question":"x","extra":1}`, 400},
		{"POST", "/api/v1/ask", `{"question":"x","k":"3"}`, 400},
		{"POST", "/api/v1/ask", `{"question":"` + strings.Repeat("a", 70000) + `"}`, 413},
		{"DELETE", "/api/v1/ask", "", 405},
		{"GET", "/api/v1/search", "", 400},
		{"GET", "/api/v1/search?q=x&size=0", "", 200},
		{"GET", "/api/v1/search?q=x&size=101", "", 400},
		{"GET", "/api/v1/search?q=x&from=-3", "", 400},
		{"GET", "/api/v1/search?q=x&doc=nope", "", 404},
		{"GET", "/api/v1/documents/nope", "", 404},
		{"GET", "/no/such/path", "", 404},
		{"GET", "/api/v1/ask?q=" + url.QueryEscape(`+养老 -床位 "方舱 text:养老* /.*/ 床位~100 (a OR b) \`), "", 200},
		{"GET", "/api/v1/search?q=" + url.QueryEscape(`doc:x AND 养老^5 [1 TO 2] {a}`), "", 200},
	}
	for _, tc := range tests {
		req, _ := http.NewRequest(tc.method, testServer(t).URL+tc.path, strings.NewReader(tc.body))
		if tc.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		code, m := decode(t, resp)
		if code != tc.status {
			t.Errorf("%s %s: status %d, want %d (%v)", tc.method, clip(tc.path), code, tc.status, m)
		}
		if code >= 400 {
			if msg, _ := m["error"].(string); msg == "" {
				t.Errorf("%s %s: error body %v lacks a message", tc.method, clip(tc.path), m)
			}
		}
	}
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func TestSearch(t *testing.T) {
	code, m := get(t, "/api/v1/search?q="+url.QueryEscape("养老床位")+"&size=3")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	hits := m["hits"].([]any)
	if m["total"].(float64) == 0 || len(hits) == 0 || len(hits) > 3 {
		t.Fatalf("search: %v", m)
	}
	h := hits[0].(map[string]any)
	frag := h["fragments"].([]any)[0].(string)
	if !strings.Contains(frag, "<mark>") {
		t.Errorf("fragment %q has no marks", frag)
	}
	for _, f := range []string{"doc", "paragraph", "page", "heading", "text", "score"} {
		if _, ok := h[f]; !ok {
			t.Errorf("hit lacks %q", f)
		}
	}
}

func TestDocuments(t *testing.T) {
	code, m := get(t, "/api/v1/documents")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	docs := m["documents"].([]any)
	if len(docs) != 1 {
		t.Fatalf("documents = %v", docs)
	}
	d := docs[0].(map[string]any)
	if d["id"] != "hanyang_2020_plan_report" || d["pages"].(float64) < 20 || d["paragraphs"].(float64) < 50 || d["region"] != "汉阳区" {
		t.Errorf("document = %v", d)
	}
	code, m = get(t, "/api/v1/documents/hanyang_2020_plan_report")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	ps := m["paragraphs"].([]any)
	if len(ps) < 50 {
		t.Errorf("%d paragraphs", len(ps))
	}
	found := false
	for _, p := range ps {
		if strings.Contains(p.(map[string]any)["text"].(string), "新增养老床位6341张") {
			found = true
		}
	}
	if !found {
		t.Error("document lacks the 6341 sentence")
	}
}
