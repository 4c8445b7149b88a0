package main

import (
	"bytes"
	"encoding/json"
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
	if len(r.Answers) == 0 || r.Answers[0].Text != "七次" {
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
