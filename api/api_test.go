package api

import (
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"reportkb/index"
	"reportkb/index/segment"
	"reportkb/internal/testskip"
	"reportkb/qa"
)

var (
	srvOnce sync.Once
	srv     *httptest.Server
	srvErr  error
	srvIdx  *index.Index
)

// testIndex returns the index of the shared test server.
func testIndex(t *testing.T) *index.Index {
	testServer(t)
	return srvIdx
}

func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	srvOnce.Do(func() {
		data, err := os.ReadFile("../seeds/hanyang_2020_plan_report.txt")
		if err != nil {
			srvErr = err
			return
		}
		dir, err := testskip.TempDir("reportkb-api-")
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
		srvIdx = x
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

func tokenServer(t *testing.T) *httptest.Server {
	t.Helper()
	x, err := index.Open(index.Config{Dir: t.TempDir(), Segmenter: segment.Bigram{}, SegmenterName: "bigram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	s := httptest.NewServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), Token: "s3cret", MaxUpload: 1 << 20}))
	t.Cleanup(s.Close)
	return s
}

func do(t *testing.T, method, url, token, ctype string, body io.Reader) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, resp)
}

func TestWritesDisabledWithoutToken(t *testing.T) {
	code, m := do(t, "POST", testServer(t).URL+"/api/v1/documents?name=a.txt", "any", "text/plain", strings.NewReader("2025年报告\n新增床位5张。"))
	if code != 403 {
		t.Errorf("POST without a configured token: %d %v", code, m)
	}
	code, _ = do(t, "DELETE", testServer(t).URL+"/api/v1/documents/hanyang_2020_plan_report", "any", "", nil)
	if code != 403 {
		t.Errorf("DELETE without a configured token: %d", code)
	}
}

func TestUploadAndDelete(t *testing.T) {
	s := tokenServer(t)
	report := "2025年某县政府工作报告\n各位代表：\n一、2024年工作回顾\n全年新增养老床位520张，城镇新增就业1.2万人。\n二、2025年工作安排\n力争新增就业1.3万人。\n"
	tests := []struct {
		name, token, ctype string
		body               io.Reader
		status             int
	}{
		{"missing token", "", "text/plain", strings.NewReader(report), 401},
		{"wrong token", "guess", "text/plain", strings.NewReader(report), 401},
		{"no name", "s3cret", "text/plain", strings.NewReader(report), 400},
	}
	for _, tc := range tests {
		code, m := do(t, "POST", s.URL+"/api/v1/documents", tc.token, tc.ctype, tc.body)
		if code != tc.status {
			t.Errorf("%s: %d %v, want %d", tc.name, code, m, tc.status)
		}
	}
	code, m := do(t, "POST", s.URL+"/api/v1/documents?name=xian_2025.txt", "s3cret", "text/plain", strings.NewReader(report))
	if code != 201 || m["replaced"] != false {
		t.Fatalf("raw upload: %d %v", code, m)
	}
	code, m = get2(t, s.URL+"/api/v1/ask?doc=xian_2025&q="+url.QueryEscape("2024年新增养老床位多少张"))
	if code != 200 || len(m["answers"].([]any)) == 0 || m["answers"].([]any)[0].(map[string]any)["value"].(float64) != 520 {
		t.Fatalf("ask the uploaded report: %d %v", code, m)
	}
	// Multipart, replacing it.
	var buf strings.Builder
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "xian_2025.txt")
	fw.Write([]byte(strings.Replace(report, "520张", "530张", 1)))
	mw.Close()
	code, m = do(t, "POST", s.URL+"/api/v1/documents", "s3cret", mw.FormDataContentType(), strings.NewReader(buf.String()))
	if code != 201 || m["replaced"] != true {
		t.Fatalf("multipart upload: %d %v", code, m)
	}
	// The answer cache does not serve the old version's answer.
	code, m = get2(t, s.URL+"/api/v1/ask?doc=xian_2025&q="+url.QueryEscape("2024年新增养老床位多少张"))
	if code != 200 || len(m["answers"].([]any)) == 0 || m["answers"].([]any)[0].(map[string]any)["value"].(float64) != 530 {
		t.Fatalf("ask the replaced report: %d %v", code, m)
	}
	bad := []struct {
		name   string
		body   []byte
		status int
	}{
		{"a.exe", []byte("MZ\x90\x00"), 415},
		{"empty.txt", nil, 422},
		{"binary.txt", []byte("\x00\x01\x02\x03\x00binary"), 422},
		{"broken.docx", []byte("PK\x03\x04broken"), 422},
		{".hidden.txt", []byte(report), 400},
		{"big.txt", []byte(strings.Repeat("报告", 1<<19)), 413},
	}
	for _, tc := range bad {
		code, m := do(t, "POST", s.URL+"/api/v1/documents?name="+url.QueryEscape(tc.name), "s3cret", "application/octet-stream", strings.NewReader(string(tc.body)))
		if code != tc.status || m["error"] == "" {
			t.Errorf("upload %s: %d %v, want %d", tc.name, code, m, tc.status)
		}
	}
	code, _ = do(t, "DELETE", s.URL+"/api/v1/documents/nope", "s3cret", "", nil)
	if code != 404 {
		t.Errorf("DELETE unknown: %d", code)
	}
	code, _ = do(t, "DELETE", s.URL+"/api/v1/documents/xian_2025", "", "", nil)
	if code != 401 {
		t.Errorf("DELETE without token: %d", code)
	}
	code, m = do(t, "DELETE", s.URL+"/api/v1/documents/xian_2025", "s3cret", "", nil)
	if code != 200 || m["deleted"] != "xian_2025" {
		t.Errorf("DELETE: %d %v", code, m)
	}
	if code, _ := get2(t, s.URL+"/api/v1/documents/xian_2025"); code != 404 {
		t.Errorf("deleted document still served: %d", code)
	}
}

func get2(t *testing.T, u string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, resp)
}

func TestFactsLocateTables(t *testing.T) {
	code, m := get(t, "/api/v1/facts?doc=hanyang_2020_plan_report&subject="+url.QueryEscape("养老床位")+"&unit="+url.QueryEscape("张"))
	if code != 200 || m["total"].(float64) < 1 {
		t.Fatalf("facts: %d %v", code, m)
	}
	f := m["facts"].([]any)[0].(map[string]any)
	if f["text"] != "6341张" || f["page"].(float64) != 10 {
		t.Errorf("fact = %v", f)
	}
	for _, path := range []string{"/api/v1/facts?limit=-1", "/api/v1/facts?period=abc"} {
		if code, _ := get(t, path); code != 400 {
			t.Errorf("%s: %d", path, code)
		}
	}
	if code, _ := get(t, "/api/v1/facts?doc=nope"); code != 404 {
		t.Errorf("facts of an unknown doc: %d", code)
	}
	code, m = get(t, "/api/v1/locate?text="+url.QueryEscape("新增养老床位 ６３４１ 张"))
	if code != 200 || len(m["places"].([]any)) != 1 {
		t.Fatalf("locate: %d %v", code, m)
	}
	if p := m["places"].([]any)[0].(map[string]any); p["original"] != "新增养老床位 6341 张" || p["page"].(float64) != 10 {
		t.Errorf("place = %v", p)
	}
	if code, _ := get(t, "/api/v1/locate?text="); code != 400 {
		t.Errorf("locate without text: %d", code)
	}
	code, m = get(t, "/api/v1/documents/hanyang_2020_plan_report/tables")
	if code != 200 {
		t.Fatalf("tables: %d", code)
	}
	tables := m["tables"].([]any)
	rows := tables[0].(map[string]any)["rows"].([]any)
	first := rows[0].(map[string]any)
	if len(tables) != 1 || len(rows) != 9 || first["name"] != "地区生产总值" {
		t.Errorf("tables = %v", tables)
	}
	cells := first["cells"].([]any)
	if c := cells[3].(map[string]any); c["column"] != "2020年完成(预计)·总量" || c["text"] != "700亿" {
		t.Errorf("cell = %v", c)
	}
	code, m = get(t, "/api/v1/documents/hanyang_2020_plan_report/checks")
	if code != 200 || m["findings"] == nil {
		t.Errorf("checks: %d %v", code, m)
	}
	if code, _ := get(t, "/api/v1/documents/nope/tables"); code != 404 {
		t.Errorf("tables of unknown doc: %d", code)
	}
}

func TestUploadLimitsAndQueue(t *testing.T) {
	x, err := index.Open(index.Config{Dir: t.TempDir(), Segmenter: segment.Bigram{}, SegmenterName: "bigram", MaxText: 4000})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	s := httptest.NewServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), Token: "s3cret", MaxUpload: 1 << 20}))
	t.Cleanup(s.Close)
	// A text over the index's limit is refused with 413 and says why.
	code, m := do(t, "POST", s.URL+"/api/v1/documents?name=big.txt", "s3cret", "text/plain",
		strings.NewReader(strings.Repeat("新增养老床位6341张。", 300)))
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(fmt.Sprint(m["error"]), "max-text") {
		t.Errorf("text over the limit: %d %v", code, m)
	}
	// Concurrent uploads wait their turn and all succeed.
	var wg sync.WaitGroup
	codes := make([]int, 6)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/documents?name=r%d.txt", s.URL, i),
				strings.NewReader(fmt.Sprintf("2025年第%d报告\n新增床位%d张。\n", i, i)))
			req.Header.Set("Authorization", "Bearer s3cret")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			codes[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != http.StatusCreated {
			t.Errorf("upload %d: %d", i, c)
		}
	}
	if x.Len() != len(codes) {
		t.Errorf("%d documents after %d uploads", x.Len(), len(codes))
	}
}
