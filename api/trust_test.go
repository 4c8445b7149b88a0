package api

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"reportkb/api/bot"
	"reportkb/index"
	"reportkb/index/ingest"
	"reportkb/index/segment"
	"reportkb/internal/testskip"
	"reportkb/qa"
)

// hostileReport is a report whose lines carry spreadsheet formulas,
// Markdown and HTML, as a report from an untrusted source may.
const hostileReport = "2025年某县政府工作报告\n各位代表：\n一、2024年工作回顾\n" +
	"=HYPERLINK(\"http://evil.example/x\",\"新增养老床位500张\")\n" +
	"全年新增就业岗位1200个，详见[官方通知](http://evil.example/notice)<img src=x onerror=alert(1)>，![x](http://evil.example/track.png)。\n" +
	"二、2025年工作安排\n力争新增就业岗位1300个。\n"

// hostileServer serves an index holding hostileReport, with cfg's options.
func hostileServer(t *testing.T, cfg Config) (*httptest.Server, *index.Index) {
	t.Helper()
	x, err := index.Open(index.Config{Dir: t.TempDir(), Segmenter: segment.Bigram{}, SegmenterName: "bigram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	if _, err := x.Add("hostile_2025.txt", []byte(hostileReport)); err != nil {
		t.Fatal(err)
	}
	cfg.Index, cfg.Engine = x, qa.New(qa.Config{Index: x})
	if cfg.RateLimit == 0 {
		cfg.RateLimit = -1
	}
	s := httptest.NewServer(New(cfg))
	t.Cleanup(s.Close)
	return s, x
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "",
		"6341张":             "6341张",
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"+1+2":              "'+1+2",
		"-2+3":              "'-2+3",
		"@SUM(A1)":          "'@SUM(A1)",
		"\t=1":              "'\t=1",
		"\r=1":              "'\r=1",
		"＝1+1":              "'＝1+1",
		"-5":                "-5",
		"+3.25":             "+3.25",
		"-Inf":              "'-Inf",
		"养老床位=500":          "养老床位=500",
		"'already":          "'already",
		"2020年完成(预计)·总量":    "2020年完成(预计)·总量",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFactsCSVNeutralised reads the CSV export of a report with a formula
// in a line: no cell may start a formula.
func TestFactsCSVNeutralised(t *testing.T) {
	s, _ := hostileServer(t, Config{})
	resp, err := http.Get(s.URL + "/api/v1/facts?format=csv&limit=10000")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	rows, err := csv.NewReader(resp.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, rows)
}

// checkCells fails for a cell that a spreadsheet would run as a formula,
// and when no cell held the formula of hostileReport at all.
func checkCells(t *testing.T, rows [][]string) {
	t.Helper()
	found := false
	for _, row := range rows[1:] {
		for _, c := range row {
			if strings.Contains(c, "HYPERLINK") {
				found = true
			}
			if c != "" && strings.ContainsRune("=+-@\t\r", []rune(c)[0]) && !regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`).MatchString(c) {
				t.Errorf("cell %q starts a formula", c)
			}
		}
	}
	if !found {
		t.Errorf("no cell holds the HYPERLINK line: %q", rows)
	}
}

func TestFactsPageSize(t *testing.T) {
	for path, want := range map[string]int{
		"/api/v1/facts?limit=1000":             200,
		"/api/v1/facts?limit=1001":             400,
		"/api/v1/facts?limit=10000":            400,
		"/api/v1/facts?format=csv&limit=10000": 200,
		"/api/v1/facts?format=csv&limit=10001": 400,
		"/api/v1/facts?format=xml":             400,
	} {
		resp, err := http.Get(testServer(t).URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s: %d, want %d", path, resp.StatusCode, want)
		}
	}
	_ = url.QueryEscape
}

var anchor = regexp.MustCompile(`<a href="([^"]*)"[^>]*>(.*?)</a>`)

// renderMarkdown renders a reply as a chat client does: GitHub-flavoured
// Markdown with raw HTML let through.
func renderMarkdown(t *testing.T, md string) string {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// checkRendered fails when report text came out as live markup (a link,
// an image, HTML, a heading or list of the report's), or when keep, text
// of the report's, does not come out as it stands.
func checkRendered(t *testing.T, where, md string, keep ...string) {
	t.Helper()
	html := renderMarkdown(t, md)
	for _, bad := range []string{"<img", "<h1", "<li", "<del", "<table", "<code"} {
		if strings.Contains(html, bad) {
			t.Errorf("%s: report text rendered as markup %q:\n%s\n%s", where, bad, md, html)
		}
	}
	// A bare URL may be linked by the client, as it stands; a link whose
	// text hides its target may not.
	for _, m := range anchor.FindAllStringSubmatch(html, -1) {
		if m[1] != m[2] {
			t.Errorf("%s: report text rendered as a link %q:\n%s", where, m[0], md)
		}
	}
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(html, "")
	for _, keep := range keep {
		if !strings.Contains(text, keep) {
			t.Errorf("%s: the reply lost the report's text %q:\n%s", where, keep, html)
		}
	}
}

func TestMarkdownEscapesReportText(t *testing.T) {
	hostile := "![x](http://evil.example/track.png)，详见[官方通知](http://evil.example/notice)<img src=x onerror=alert(1)>"
	keep := []string{"![x](http://evil.example/track.png)", "[官方通知](http://evil.example/notice)", "&lt;img src=x onerror=alert(1)&gt;"}
	a := qa.Answer{Text: "1200个", Sentence: "全年新增就业岗位1200个" + hostile + "。", Title: "# 标题" + hostile,
		Doc: "hostile_2025", Page: 3, Line: 4, Period: 2024}
	for _, english := range []bool{false, true} {
		checkRendered(t, "answer", markdown(&qa.Response{Answers: []qa.Answer{a, a}}, english), keep...)
		checkRendered(t, "passage", markdown(&qa.Response{Passages: []qa.Passage{{Text: "- " + hostile + "\n# 标题\n1. 列表", Title: hostile}}}, english), keep...)
	}
	for in, want := range map[string]string{
		"1. 列表":         `1\. 列表`,
		"- 项":           `\- 项`,
		"# 标题":          `\# 标题`,
		"2.5%":          `2\.5%`,
		"增长2.5%":        "增长2.5%",
		"a_b*c`d~e|f$g": "a_b\\*c\\`d\\~e\\|f\\$g",
		"_a_ 养_老":       "\\_a\\_ 养_老",
		"第一行\n    第二行":  "第一行 第二行",
	} {
		if got := mdText(in); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRepliesEscapeReportText asks the chat endpoint and both robots about
// a report whose sentence carries Markdown and HTML.
func TestRepliesEscapeReportText(t *testing.T) {
	w, err := bot.NewWeCom("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := hostileServer(t, Config{DingTalkSecret: "ding", WeCom: w})
	const question = "2024年新增就业岗位多少个"

	resp, err := http.Post(s.URL+"/v1/chat/completions", "application/json",
		strings.NewReader(`{"messages":[{"role":"user","content":"`+question+`"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	_, m := decode(t, resp)
	keep := []string{"[官方通知](http://evil.example/notice)", "&lt;img src=x onerror=alert(1)&gt;"}
	checkRendered(t, "chat", m["choices"].([]any)[0].(map[string]any)["message"].(map[string]any)["content"].(string), keep...)
	checkRendered(t, "dingtalk", dingtalkAsk(t, s.URL, "ding", question), keep...)
	checkRendered(t, "wecom", wecomAsk(t, s.URL, w, question), keep...)
}

// dingtalkAsk sends a signed DingTalk callback and returns the reply's
// markdown text.
func dingtalkAsk(t *testing.T, base, secret, question string) string {
	t.Helper()
	ts := strconv.FormatInt(time.Now().UnixMilli(), 10)
	req, _ := http.NewRequest("POST", base+"/bots/dingtalk", strings.NewReader(`{"msgtype":"text","text":{"content":"`+question+`"}}`))
	req.Header.Set("timestamp", ts)
	req.Header.Set("sign", bot.DingTalkSign(ts, secret))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	code, m := decode(t, resp)
	if code != 200 {
		t.Fatalf("dingtalk: %d %v", code, m)
	}
	return m["markdown"].(map[string]any)["text"].(string)
}

// wecomAsk sends a sealed WeCom message and returns the content of the
// markdown reply.
func wecomAsk(t *testing.T, base string, w *bot.WeCom, question string) string {
	t.Helper()
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	nonce := randomID()[:8]
	msg := `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>` + ts +
		`</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[` + question + `]]></Content></xml>`
	enc, sig, err := w.Seal([]byte(msg), ts, nonce)
	if err != nil {
		t.Fatal(err)
	}
	u := base + "/bots/wecom?" + url.Values{"msg_signature": {sig}, "timestamp": {ts}, "nonce": {nonce}}.Encode()
	resp, err := http.Post(u, "application/xml", strings.NewReader(`<xml><Encrypt><![CDATA[`+enc+`]]></Encrypt></xml>`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var env wecomEnvelope
	if err := xml.NewDecoder(resp.Body).Decode(&env); err != nil || resp.StatusCode != 200 {
		t.Fatalf("wecom: %d %v", resp.StatusCode, err)
	}
	plain, err := w.Open(env.MsgSignature, env.TimeStamp, env.Nonce, env.Encrypt)
	if err != nil {
		t.Fatal(err)
	}
	var reply struct {
		Markdown struct {
			Content string `xml:"Content"`
		} `xml:"Markdown"`
	}
	if err := xml.Unmarshal(plain, &reply); err != nil {
		t.Fatal(err)
	}
	return reply.Markdown.Content
}

func TestClientAddr(t *testing.T) {
	proxies := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("::1/128")}
	tests := []struct {
		peer    string
		xff     []string
		trust   bool
		proxies []netip.Prefix
		want    string
	}{
		{"203.0.113.9:5000", []string{"1.2.3.4"}, false, nil, "203.0.113.9"},
		// One proxy, none listed: the rightmost entry, which it wrote.
		{"127.0.0.1:5000", []string{"6.6.6.6, 203.0.113.9"}, true, nil, "203.0.113.9"},
		{"127.0.0.1:5000", []string{"6.6.6.6", "203.0.113.9"}, true, nil, "203.0.113.9"},
		{"127.0.0.1:5000", nil, true, nil, "127.0.0.1"},
		// Listed proxies are skipped from the right.
		{"10.0.0.2:5000", []string{"6.6.6.6, 203.0.113.9, 10.0.0.5"}, true, proxies, "203.0.113.9"},
		{"[::1]:5000", []string{"6.6.6.6,2001:db8::7 , 10.1.2.3"}, true, proxies, "2001:db8::7"},
		{"10.0.0.2:5000", []string{"10.0.0.9, 10.0.0.5"}, true, proxies, "10.0.0.9"},
		{"10.0.0.2:5000", []string{"203.0.113.9:4711"}, true, proxies, "203.0.113.9"},
		// A peer that is not a listed proxy is the client.
		{"198.51.100.1:5000", []string{"6.6.6.6"}, true, proxies, "198.51.100.1"},
	}
	for _, tc := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tc.peer
		for _, v := range tc.xff {
			r.Header.Add("X-Forwarded-For", v)
		}
		if got := clientAddr(r, tc.trust, tc.proxies); got != tc.want {
			t.Errorf("peer %s, X-Forwarded-For %q: client %q, want %q", tc.peer, tc.xff, got, tc.want)
		}
	}
	if limitKey("2001:db8::7") != limitKey("2001:db8::8") || limitKey("1.2.3.4") == limitKey("1.2.3.5") {
		t.Error("IPv6 clients are not limited by /64, or IPv4 ones are grouped")
	}
}

// TestForgedForwardedFor sends requests with a new forged leftmost
// X-Forwarded-For entry each, through one proxy: the limit holds.
func TestForgedForwardedFor(t *testing.T) {
	x := testIndex(t)
	s := httptest.NewServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), RateLimit: 5, TrustProxy: true}))
	defer s.Close()
	passed := 0
	for i := 0; i < 40; i++ {
		req, _ := http.NewRequest("GET", s.URL+"/api/v1/documents", nil)
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("192.0.2.%d, 203.0.113.9", i))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode == 200 {
			passed++
		}
	}
	if passed > 15 {
		t.Errorf("%d of 40 requests with forged X-Forwarded-For passed a limit of 5/s", passed)
	}
}

func TestLimiterBounded(t *testing.T) {
	l := newLimiter(1, 1)
	l.max = 100
	now := time.Unix(1e9, 0)
	l.now = func() time.Time { return now }
	for i := 0; i < 1000; i++ {
		l.allow(fmt.Sprint("client", i))
	}
	if n := l.len(); n != 100 {
		t.Errorf("limiter holds %d clients, want at most 100", n)
	}
	if l.allow("client999") {
		t.Error("a recent client's bucket was dropped")
	}
	now = now.Add(limiterIdle + time.Second)
	l.allow("new")
	if n := l.len(); n != 1 {
		t.Errorf("after %s idle the limiter holds %d clients, want 1", limiterIdle, n)
	}
}

// TestSlowPDFGets422 uploads a PDF that pdftotext (here a stand-in that
// hangs) cannot read before the server's write timeout: the reply is
// still the 422 of the extraction's own limit, not a cut connection.
func TestSlowPDFGets422(t *testing.T) {
	if runtime.GOOS == "windows" {
		testskip.Skip(t, "the stand-in pdftotext is a shell script: runs on Unix")
	}
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "pdftotext"), []byte("#!/bin/sh\nexec sleep 30\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	defer func(d time.Duration) { ingest.PdftotextTimeout = d }(ingest.PdftotextTimeout)
	ingest.PdftotextTimeout = 2 * time.Second

	x, err := index.Open(index.Config{Dir: t.TempDir(), Segmenter: segment.Bigram{}, SegmenterName: "bigram"})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	s := httptest.NewUnstartedServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), Token: "s3cret"}))
	s.Config.ReadTimeout, s.Config.WriteTimeout = time.Second, time.Second
	s.Start()
	defer s.Close()
	code, m := do(t, "POST", s.URL+"/api/v1/documents?name=slow.pdf", "s3cret", "application/pdf", strings.NewReader("%PDF-1.4\n%slow\n"))
	if code != 422 || !strings.Contains(m["error"].(string), "pdftotext took over") {
		t.Errorf("slow PDF: %d %v, want 422", code, m)
	}
}

func TestUploadMinor(t *testing.T) {
	s := tokenServer(t)
	report := "2025年某县政府工作报告\n一、2024年工作回顾\n全年新增养老床位520张。\n"
	// Windows device names are no ids.
	for _, name := range []string{"CON.txt", "nul.txt", "aux.md", "com1.txt", "LPT9.txt", "con.report.txt"} {
		if code, m := do(t, "POST", s.URL+"/api/v1/documents?name="+url.QueryEscape(name), "s3cret", "text/plain", strings.NewReader(report)); code != 400 {
			t.Errorf("upload %s: %d %v, want 400", name, code, m)
		}
	}
	// The scheme of Authorization is case-insensitive.
	if code, m := do(t, "POST", s.URL+"/api/v1/documents?name=first.txt", "", "text/plain", strings.NewReader(report)); code != 401 {
		t.Errorf("no token: %d %v", code, m)
	}
	req, _ := http.NewRequest("POST", s.URL+"/api/v1/documents?name=first.txt", strings.NewReader(report))
	req.Header.Set("Authorization", "bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if code, m := decode(t, resp); code != 201 {
		t.Errorf("lowercase bearer: %d %v", code, m)
	}
	// Of concurrent uploads of one new name, exactly one did not replace.
	const n = 8
	replaced := make(chan bool, n)
	for i := 0; i < n; i++ {
		go func() {
			code, m := do(t, "POST", s.URL+"/api/v1/documents?name=same.txt", "s3cret", "text/plain", strings.NewReader(report))
			replaced <- code == 201 && m["replaced"] == true
		}()
	}
	fresh := 0
	for i := 0; i < n; i++ {
		if !<-replaced {
			fresh++
		}
	}
	if fresh != 1 {
		t.Errorf("%d of %d concurrent uploads of one new name say they replaced nothing, want 1", fresh, n)
	}
}

// TestChatKeyAndReadToken: the chat key opens the chat endpoints only;
// the read token the read API; both take the scheme in any case.
func TestChatKeyAndReadToken(t *testing.T) {
	x := testIndex(t)
	s := httptest.NewServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), ChatKey: "chat", ReadToken: "read", RateLimit: -1}))
	defer s.Close()
	call := func(method, path, auth string) int {
		body := `{"messages":[{"role":"user","content":"新增养老床位多少张"}]}`
		req, _ := http.NewRequest(method, s.URL+path, strings.NewReader(body))
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, tc := range []struct {
		method, path, auth string
		want               int
	}{
		{"POST", "/v1/chat/completions", "Bearer chat", 200},
		{"POST", "/v1/chat/completions", "bearer chat", 200},
		{"POST", "/v1/chat/completions", "BEARER  chat", 200},
		{"GET", "/v1/models", "bearer chat", 200},
		{"POST", "/v1/chat/completions", "", 401},
		{"POST", "/v1/chat/completions", "Bearer read", 401},
		{"GET", "/api/v1/documents", "Bearer chat", 401},
		{"GET", "/api/v1/documents", "bearer read", 200},
		{"GET", "/metrics", "Bearer chat", 401},
	} {
		if got := call(tc.method, tc.path, tc.auth); got != tc.want {
			t.Errorf("%s %s with %q: %d, want %d", tc.method, tc.path, tc.auth, got, tc.want)
		}
	}
}

func TestAllowedHosts(t *testing.T) {
	x := testIndex(t)
	h := New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), AllowedHosts: []string{"localhost", "127.0.0.1", "::1", "kb.example.gov.cn"}, RateLimit: -1})
	for host, want := range map[string]int{
		"localhost:8080":       200,
		"127.0.0.1:8080":       200,
		"[::1]:8080":           200,
		"KB.example.gov.cn":    200,
		"kb.example.gov.cn.":   200,
		"rebind.attacker.test": 421,
		"127.0.0.1.nip.io":     421,
		"":                     421,
	} {
		for _, path := range []string{"/api/v1/documents", "/"} {
			r := httptest.NewRequest("GET", path, nil)
			r.Host = host
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			if rec.Code != want {
				t.Errorf("GET %s for host %q: %d, want %d", path, host, rec.Code, want)
			}
		}
	}
	r := httptest.NewRequest("GET", "/healthz", nil)
	r.Host = "10.1.2.3:8080"
	rec := httptest.NewRecorder()
	if h.ServeHTTP(rec, r); rec.Code != 200 {
		t.Errorf("healthz for another host: %d", rec.Code)
	}
}
