package main

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func TestCLISeries(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCLI("series", "-index", dir, "地区生产总值增长")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// The seed (汉阳区) sets its 2021 target: 地区生产总值增长10%.
	if !strings.Contains(out, "汉阳区") || !strings.Contains(out, "2021") || !strings.Contains(out, "10%") {
		t.Errorf("series output:\n%s", out)
	}
	code, out, _ = runCLI("series", "-index", dir, "-format", "csv", "GDP growth")
	if code != 0 || !strings.HasPrefix(out, "\ufeffindicator,unit,region") {
		t.Errorf("csv: exit %d\n%s", code, out)
	}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"series", "-index", dir}, "missing indicator"},
		{[]string{"series", "-index", dir, "没有这个指标"}, "unknown indicator"},
		{[]string{"series", "-index", dir, "-level", "galaxy", "gdp"}, "level must be"},
		{[]string{"series", "-index", dir, "-format", "xml", "gdp"}, "-format must be"},
	} {
		if code, out, errs := runCLI(tc.args...); code != 2 || !strings.Contains(out+errs, tc.msg) {
			t.Errorf("reportkb %q: exit %d %q %q", tc.args, code, out, errs)
		}
	}
	if code, out, _ := runCLI("series", "-list"); code != 0 || !strings.Contains(out, "gdp_growth") {
		t.Errorf("series -list: %d %s", code, out)
	}
}

// TestCLIMCP runs "reportkb mcp" on pipes and talks to it with the SDK's
// client.
func TestCLIMCP(t *testing.T) {
	dir := t.TempDir()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	old := stdin
	stdin = inR
	defer func() { stdin = old }()
	done := make(chan int)
	go func() {
		var errb strings.Builder
		code := run([]string{"mcp", "-index", dir}, outW, &errb)
		outW.Close()
		if code != 0 {
			t.Errorf("reportkb mcp: exit %d: %s", code, errb.String())
		}
		done <- code
	}()
	ctx := context.Background()
	client := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "1"}, nil)
	cs, err := client.Connect(ctx, &mcp.IOTransport{Reader: outR, Writer: inW}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tools, err := cs.ListTools(ctx, nil)
	if err != nil || len(tools.Tools) != 6 {
		t.Fatalf("tools: %v %v", tools, err)
	}
	res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "ask", Arguments: map[string]any{"question": "新增养老床位多少张"}})
	if err != nil || res.IsError {
		t.Fatalf("ask: %v %+v", err, res)
	}
	b, _ := json.Marshal(res.StructuredContent)
	if !strings.Contains(string(b), `"text":"6341张"`) || !strings.Contains(string(b), `"page":10`) {
		t.Errorf("ask result: %s", b)
	}
	cs.Close()
	<-done
}
