package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportkb/qa"
)

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCLIUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{nil, 2, "Usage"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"ask"}, 2, "missing question"},
		{[]string{"search"}, 2, "missing query"},
		{[]string{"ask", "-nope", "x"}, 2, "flag provided but not defined"},
		{[]string{"serve", "extra"}, 2, "unexpected arguments"},
		{[]string{"ask", "-dict", "/nonexistent", "-index", "/tmp/x", "问题"}, 1, "jieba dictionary not found"},
	}
	for _, tc := range tests {
		code, out, errs := runCLI(tc.args...)
		if code != tc.code || !strings.Contains(out+errs, tc.msg) {
			t.Errorf("reportkb %q: exit %d, output %q %q; want exit %d and %q", tc.args, code, out, errs, tc.code, tc.msg)
		}
	}
}

func TestCLIAsk(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCLI("ask", "-index", dir, "新增养老床位多少张？")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"6341张", "新增养老床位6341张", "第10页", "hanyang_2020_plan_report"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, errs = runCLI("ask", "-json", "-index", dir, "连续几次获评省级双拥模范城？")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r qa.Response
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("-json output: %v\n%s", err, out)
	}
	// The figure in Chinese numerals gets its digits (七次（7次）); the
	// file's own text stays in Printed.
	if len(r.Answers) == 0 || r.Answers[0].Printed != "七次" || r.Answers[0].Value != 7 || !strings.HasPrefix(r.Answers[0].Text, "七次") {
		t.Errorf("answers = %+v", r.Answers)
	}
	code, out, _ = runCLI("ask", "-index", dir, "汉阳区有多少所大学？")
	if code != 0 || !strings.Contains(out, "没有找到") {
		t.Errorf("unanswerable: exit %d, %q", code, out)
	}
	code, out, _ = runCLI("search", "-index", dir, "方舱医院")
	if code != 0 || !strings.Contains(out, "【方舱医院】") {
		t.Errorf("search: exit %d, %q", code, out)
	}
}

func TestCLILocked(t *testing.T) {
	dir := t.TempDir()
	var c common
	c.index = dir
	x, _, err := c.open(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	code, _, errs := runCLI("ask", "-index", dir, "新增养老床位多少张？")
	if code != 1 || !strings.Contains(errs, "in use") {
		t.Errorf("ask on a locked index: exit %d, %q", code, errs)
	}
}

func TestCLIFacts(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCLI("facts", "-index", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "\ufeffdoc,page,line,start,end,text,value") {
		t.Errorf("CSV does not start with a BOM and the header: %q", out[:40])
	}
	if n := strings.Count(out, "\n"); n < 200 {
		t.Errorf("%d rows of facts", n)
	}
	if !strings.Contains(out, "6341张") {
		t.Error("CSV lacks 6341张")
	}
	code, out, _ = runCLI("facts", "-index", dir, "-format", "json", "-subject", "养老床位")
	if code != 0 || !strings.Contains(out, `"text": "6341张"`) {
		t.Errorf("json facts: %d %s", code, out)
	}
	if code, _, _ := runCLI("facts", "-index", dir, "-format", "xml"); code != 2 {
		t.Errorf("bad format: exit %d", code)
	}
	code, out, _ = runCLI("locate", "-index", dir, "新增养老床位 ６３４１ 张")
	if code != 0 || !strings.Contains(out, "第10页") || !strings.Contains(out, "新增养老床位 6341 张") {
		t.Errorf("locate: %d %s", code, out)
	}
}

// TestCLIFactsNeutralised exports the facts of a report with a formula
// in a line: no CSV or TSV cell may start a formula.
func TestCLIFactsNeutralised(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "hostile_2025.txt")
	report := "2025年某县政府工作报告\n一、2024年工作回顾\n=HYPERLINK(\"http://evil.example/x\",\"新增养老床位500张\")\n@SUM(1+1)新增就业岗位1200个。\n"
	if err := os.WriteFile(file, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI("add", "-index", dir, file); code != 0 {
		t.Fatalf("add: exit %d: %s", code, errs)
	}
	for _, format := range []string{"csv", "tsv"} {
		code, out, errs := runCLI("facts", "-index", dir, "-doc", "hostile_2025", "-format", format)
		if code != 0 {
			t.Fatalf("facts -format %s: exit %d: %s", format, code, errs)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
		if format == "tsv" {
			r.Comma = '\t'
		}
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		found := false
		for _, row := range rows[1:] {
			for _, c := range row {
				found = found || strings.Contains(c, "HYPERLINK")
				if c != "" && strings.ContainsRune("=+-@\t\r", []rune(c)[0]) && strings.Trim(c, "+-0123456789.") != "" {
					t.Errorf("%s cell %q starts a formula", format, c)
				}
			}
		}
		if !found {
			t.Errorf("%s: no cell holds the HYPERLINK line:\n%s", format, out)
		}
	}
}

// TestServeFlagsFromEnv sets the environment variable of every flag of
// reportkb serve and reads it back from the flag.
func TestServeFlagsFromEnv(t *testing.T) {
	fs, _ := serveFlags(io.Discard)
	want := map[string]string{}
	fs.VisitAll(func(f *flag.Flag) {
		v := "x-" + f.Name
		switch f.DefValue {
		case "false":
			v = "true"
		case "0", "4096", "192", "32", "52428800":
			v = "7"
		case "30s", "10s":
			v = "7s"
		}
		want[f.Name] = v
		t.Setenv(envName(f.Name), v)
		if !strings.Contains(f.Usage, "$"+envName(f.Name)) {
			t.Errorf("-%s does not name $%s in its help", f.Name, envName(f.Name))
		}
	})
	if err := envDefaults(fs); err != nil {
		t.Fatal(err)
	}
	fs.VisitAll(func(f *flag.Flag) {
		if got := f.Value.String(); got != want[f.Name] {
			t.Errorf("-%s = %q from $%s=%q", f.Name, got, envName(f.Name), want[f.Name])
		}
	})
	for _, name := range []string{"addr", "rate", "trust-proxy", "cache", "mem-limit", "max-upload", "token", "read-token"} {
		if _, ok := want[name]; !ok {
			t.Errorf("serve has no -%s", name)
		}
	}
	// The command line wins; a bad value is a usage error.
	t.Setenv("REPORTKB_RATE", "lots")
	if code, _, errs := runCLI("serve", "-index", t.TempDir()); code != 2 || !strings.Contains(errs, "REPORTKB_RATE") {
		t.Errorf("bad $REPORTKB_RATE: exit %d, %q", code, errs)
	}
	t.Setenv("REPORTKB_RATE", "")
	if code, _, errs := runCLI("serve", "-trusted-proxies", "10.0.0.0/8,nonsense"); code != 2 || !strings.Contains(errs, "nonsense") {
		t.Errorf("bad -trusted-proxies: exit %d, %q", code, errs)
	}
	// Secrets from the environment never show in the help.
	t.Setenv("REPORTKB_TOKEN", "s3cret-token")
	if _, out, errs := runCLI("serve", "-h"); strings.Contains(out+errs, "s3cret-token") {
		t.Error("serve -h prints the token of $REPORTKB_TOKEN")
	}
}

// TestDebugHandler checks that -debug-addr serves the profiles' index.
func TestDebugHandler(t *testing.T) {
	srv := httptest.NewServer(debugHandler())
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/debug/pprof/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "heap") {
		t.Errorf("/debug/pprof/: %d %.200s", resp.StatusCode, body)
	}
}

// `reportkb add -cpuprofile F` writes a CPU profile of the add, and a
// profile that cannot be written stops the add before it starts.
func TestAddCPUProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "add.prof")
	report := "../../testdata/reports/shanghai_2025_gov_work_report.txt"
	if code, _, errs := runCLI("add", "-index", filepath.Join(dir, "index"), "-cpuprofile", prof, report); code != 0 {
		t.Fatalf("add -cpuprofile: exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		t.Errorf("the profile is not a gzipped pprof profile: %d bytes", len(data))
	}
	code, _, errs := runCLI("add", "-index", filepath.Join(dir, "index2"), "-cpuprofile", filepath.Join(dir, "no", "such", "dir", "add.prof"), report)
	if code == 0 || !strings.Contains(errs, "cpu profile") {
		t.Errorf("add with an unwritable profile: exit %d, %q; want a failure naming the profile", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "index2")); err == nil {
		t.Errorf("the add went on without its profile")
	}
}
