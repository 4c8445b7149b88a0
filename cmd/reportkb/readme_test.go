package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"reportkb/api"
	"reportkb/internal/testskip"
)

var update = flag.Bool("update", false, "rewrite the example outputs of README.md from what the commands print now")

// readmePath is the README whose examples TestREADMEExamples keeps true.
const readmePath = "../../README.md"

// An example is a ```console block of the README, after a line
// <!-- example NAME -->: commands and what they print. The test runs the
// commands (the CLI in process; curl as a request to the API's handler,
// with the jq filter shown done in Go) and compares, or with -update
// rewrites the block.
type example struct {
	name   string
	corpus bool // needs ../shared/corpus/reports
	run    func(t *testing.T, e *exampleEnv) string
}

// exampleEnv is what examples run against: the API of a fresh server on
// the embedded report, and index directories for the CLI.
type exampleEnv struct {
	api    http.Handler
	seed   string // index directory with the embedded report
	corpus string // index directory with the corpus added, once made
}

// sh renders a command and its output as a console transcript.
func sh(cmd, out string) string {
	if out != "" && !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	return "$ " + cmd + "\n" + out
}

// curl runs GET (or POST with body) path on the API and returns the body.
func (e *exampleEnv) curl(t *testing.T, path, body string) []byte {
	t.Helper()
	u, err := url.Parse(path)
	if err != nil {
		t.Fatal(err)
	}
	u.RawQuery = u.Query().Encode()
	method := "GET"
	if body != "" {
		method = "POST"
	}
	r := httptest.NewRequest(method, u.String(), strings.NewReader(body))
	rec := httptest.NewRecorder()
	e.api.ServeHTTP(rec, r)
	if rec.Code != 200 {
		t.Fatalf("%s %s: %d %s", method, path, rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}

// cli runs reportkb with args and returns what it printed.
func cli(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := runCLI(args...)
	if code != 0 {
		t.Fatalf("reportkb %q: exit %d: %s", args, code, errs)
	}
	return out
}

// jq picks, from JSON, the fields of path (like jq's .a.b[0]) and then
// the named fields of an object, in their order, and prints the result
// as jq does: two-space indents, UTF-8 as it stands.
func jq(t *testing.T, data []byte, path []any, fields ...string) string {
	t.Helper()
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	for _, p := range path {
		switch p := p.(type) {
		case string:
			v = v.(map[string]any)[p]
		case int:
			v = v.([]any)[p]
		}
	}
	var raw []byte
	if len(fields) == 0 {
		raw = ordered(t, data, path)
	} else {
		var b bytes.Buffer
		b.WriteString("{")
		for i, f := range fields {
			if i > 0 {
				b.WriteString(",")
			}
			k, _ := json.Marshal(f)
			b.Write(k)
			b.WriteString(":")
			b.Write(encode(t, v.(map[string]any)[f]))
		}
		b.WriteString("}")
		raw = b.Bytes()
	}
	var out bytes.Buffer
	if err := json.Indent(&out, raw, "", "  "); err != nil {
		t.Fatal(err)
	}
	return out.String() + "\n"
}

// ordered returns the JSON at path in data with its keys in their order.
func ordered(t *testing.T, data []byte, path []any) []byte {
	t.Helper()
	raw := json.RawMessage(data)
	for _, p := range path {
		switch p := p.(type) {
		case string:
			var m map[string]json.RawMessage
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatal(err)
			}
			raw = m[p]
		case int:
			var a []json.RawMessage
			if err := json.Unmarshal(raw, &a); err != nil {
				t.Fatal(err)
			}
			raw = a[p]
		}
	}
	return raw
}

func encode(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSpace(b.Bytes())
}

// head returns the first n lines of s.
func head(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	return strings.Join(lines[:min(n, len(lines))], "")
}

var examples = []example{
	{"ask-api", false, func(t *testing.T, e *exampleEnv) string {
		body := e.curl(t, "/api/v1/ask?q=新增养老床位多少张&k=1", "")
		return sh(`curl -s 'localhost:8080/api/v1/ask?q=新增养老床位多少张&k=1' | jq '.answers[0]'`, jq(t, body, []any{"answers", 0}))
	}},
	{"passage-api", false, func(t *testing.T, e *exampleEnv) string {
		body := e.curl(t, "/api/v1/ask?q=汉阳区有多少所大学", "")
		return sh(`curl -s 'localhost:8080/api/v1/ask?q=汉阳区有多少所大学' | jq '.answers, .passages[0]'`,
			jq(t, body, []any{"answers"})+jq(t, body, []any{"passages", 0}))
	}},
	{"english-api", false, func(t *testing.T, e *exampleEnv) string {
		body := e.curl(t, "/api/v1/ask?q=How many makeshift hospitals were built?&k=1", "")
		return sh(`curl -s 'localhost:8080/api/v1/ask?q=How%20many%20makeshift%20hospitals%20were%20built%3F&k=1' | jq '.answers[0] | {text, value, unit, english, sentence, page, line, start, end}'`,
			jq(t, body, []any{"answers", 0}, "text", "value", "unit", "english", "sentence", "page", "line", "start", "end"))
	}},
	{"search-api", false, func(t *testing.T, e *exampleEnv) string {
		body := e.curl(t, "/api/v1/search?q=方舱医院&size=1", "")
		return sh(`curl -s 'localhost:8080/api/v1/search?q=方舱医院&size=1' | jq '.total, (.hits[0] | {doc, paragraph, page, line, heading, fragments})'`,
			jq(t, body, []any{"total"})+jq(t, body, []any{"hits", 0}, "doc", "paragraph", "page", "line", "heading", "fragments"))
	}},
	{"facts-api", false, func(t *testing.T, e *exampleEnv) string {
		body := e.curl(t, "/api/v1/facts?subject=养老床位&unit=张&limit=1", "")
		return sh(`curl -s 'localhost:8080/api/v1/facts?subject=养老床位&unit=张&limit=1' | jq '.total, (.facts[0] | {doc, page, line, start, end, text, value, unit, subject, aspect, period, plan})'`,
			jq(t, body, []any{"total"})+jq(t, body, []any{"facts", 0}, "doc", "page", "line", "start", "end", "text", "value", "unit", "subject", "aspect", "period", "plan"))
	}},
	{"locate-api", false, func(t *testing.T, e *exampleEnv) string {
		body := e.curl(t, "/api/v1/locate?text=新增养老床位 ６３４１ 张", "")
		return sh(`curl -s 'localhost:8080/api/v1/locate?text=新增养老床位%20６３４１%20张' | jq '.places[0]'`, jq(t, body, []any{"places", 0}))
	}},
	{"tables-api", false, func(t *testing.T, e *exampleEnv) string {
		body := e.curl(t, "/api/v1/documents/hanyang_2020_plan_report/tables", "")
		return sh(`curl -s localhost:8080/api/v1/documents/hanyang_2020_plan_report/tables | jq '.tables[0].columns, .tables[0].rows[0].cells[3]'`,
			jq(t, body, []any{"tables", 0, "columns"})+jq(t, body, []any{"tables", 0, "rows", 0, "cells", 3}))
	}},
	{"chat-api", false, func(t *testing.T, e *exampleEnv) string {
		req := `{"model":"reportkb","messages":[{"role":"user","content":"新增养老床位多少张？"}]}`
		body := e.curl(t, "/v1/chat/completions", req)
		var content string
		if err := json.Unmarshal(ordered(t, body, []any{"choices", 0, "message", "content"}), &content); err != nil {
			t.Fatal(err)
		}
		return sh(`curl -s localhost:8080/v1/chat/completions -d '`+req+`' | jq -r '.choices[0].message.content'`, content)
	}},
	{"cli-ask", false, func(t *testing.T, e *exampleEnv) string {
		var b strings.Builder
		for _, q := range []string{"2021年GDP增长目标是多少", "什么是六稳", "汉阳区有多少所大学"} {
			b.WriteString(sh("reportkb ask "+q, cli(t, "ask", "-index", e.seed, q)))
		}
		return b.String()
	}},
	{"cli-facts", false, func(t *testing.T, e *exampleEnv) string {
		return sh("reportkb facts -subject 养老床位 -unit 张 -format tsv | cut -f1-12",
			cutFields(cli(t, "facts", "-index", e.seed, "-subject", "养老床位", "-unit", "张", "-format", "tsv"), 12)) +
			sh("reportkb locate 新增养老床位6341张", cli(t, "locate", "-index", e.seed, "新增养老床位6341张"))
	}},
	{"corpus", true, func(t *testing.T, e *exampleEnv) string {
		var b strings.Builder
		b.WriteString(sh("reportkb add ../shared/corpus/reports/ | tail -1", lastLine(cli(t, "add", "-index", e.corpus, corpusDir))))
		b.WriteString(sh("reportkb ls | head -3", head(cli(t, "ls", "-index", e.corpus), 3)))
		for _, q := range []string{"上海2024年新增了多少养老床位", "甘肃旅游花费增长了多少", "安徽境内上市公司数量居全国第几位", "What was Yichun's public security expenditure?"} {
			arg := q
			if strings.Contains(q, " ") {
				arg = `"` + q + `"`
			}
			b.WriteString(sh("reportkb ask -k 1 "+arg, cli(t, "ask", "-k", "1", "-index", e.corpus, q)))
		}
		b.WriteString(sh("reportkb rm shanghai_2025_gov_work_report", cli(t, "rm", "-index", e.corpus, "shanghai_2025_gov_work_report")))
		return b.String()
	}},
	{"practice", true, func(t *testing.T, e *exampleEnv) string {
		if _, err := os.Stat(practiceDir); err != nil {
			testskip.Skip(t, "no ../shared/corpus/practice")
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			testskip.Skip(t, "no pdftotext (apt-get install poppler-utils)")
		}
		return sh("reportkb add ../shared/corpus/practice/ | tail -1", lastLine(cli(t, "add", "-index", e.corpus, practiceDir))) +
			sh("reportkb ls", cli(t, "ls", "-index", e.corpus))
	}},
}

func cutFields(s string, n int) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(strings.TrimSuffix(s, "\n"), "\n") {
		f := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		b.WriteString(strings.Join(f[:min(n, len(f))], "\t") + "\n")
	}
	return b.String()
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1] + "\n"
}

// timing matches what changes from run to run: how long an add took.
var timing = regexp.MustCompile(`in (?:[0-9]+h)?(?:[0-9]+m)?[0-9.]+(?:m|µ|n)?s \([0-9.]+ MB/s\)`)

var exampleBlock = regexp.MustCompile("(?s)<!-- example ([a-z-]+) -->\n```console\n(.*?)```\n")

// TestREADMEExamples keeps the README's example outputs what the commands
// print. When answers change on purpose, rewrite them with
//
//	go test ./cmd/reportkb -run TestREADMEExamples -update
func TestREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string]string{}
	for _, m := range exampleBlock.FindAllStringSubmatch(string(readme), -1) {
		blocks[m[1]] = m[2]
	}
	e := &exampleEnv{seed: t.TempDir()}
	// The API of a fresh "reportkb serve" on the embedded report.
	c := common{index: e.seed}
	x, eng, err := c.open(nil)
	if err != nil {
		t.Fatal(err)
	}
	e.api = api.New(api.Config{Index: x, Engine: eng})
	got := map[string]string{}
	for _, ex := range examples {
		if _, ok := blocks[ex.name]; !ok {
			t.Errorf("README.md has no example %q (<!-- example %s --> before a ```console block)", ex.name, ex.name)
		}
		if strings.HasSuffix(ex.name, "-api") {
			got[ex.name] = ex.run(t, e)
		}
	}
	x.Close() // the CLI opens the index itself
	for _, ex := range examples {
		switch {
		case strings.HasSuffix(ex.name, "-api"):
		case ex.corpus:
			t.Run(ex.name, func(t *testing.T) {
				if _, err := os.Stat(corpusDir); err != nil {
					testskip.Skip(t, "no ../shared/corpus/reports (the shared corpus beside the repository)")
				}
				if testing.Short() {
					testskip.Skip(t, "skipped with -short (run without it)")
				}
				e.corpus = t.TempDir()
				got[ex.name] = ex.run(t, e)
			})
		default:
			got[ex.name] = ex.run(t, e)
		}
	}
	if *update {
		out := exampleBlock.ReplaceAllStringFunc(string(readme), func(block string) string {
			m := exampleBlock.FindStringSubmatch(block)
			if g, ok := got[m[1]]; ok {
				return "<!-- example " + m[1] + " -->\n```console\n" + g + "```\n"
			}
			return block
		})
		if err := os.WriteFile(readmePath, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for name, g := range got {
		if want, ok := blocks[name]; ok && timing.ReplaceAllString(want, "") != timing.ReplaceAllString(g, "") {
			t.Errorf("README.md example %q is out of date; rewrite it with\n\tgo test ./cmd/reportkb -run TestREADMEExamples -update\nit prints now:\n%s", name, g)
		}
	}
}
