package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"reportkb/internal/testskip"
	"strings"
	"testing"

	"reportkb/api"
)

// goldenMeta reads the identity of the practice documents from the
// parser's golden file (index/report/testdata/practice_meta.golden, which
// the parser's tests check against a reader's word and the manifest): by
// document id, "kind region level year review plan".
func goldenMeta(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open("../../index/report/testdata/practice_meta.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	id := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "\t") {
			id = line
			continue
		}
		if !strings.Contains(line, "kind=") {
			continue
		}
		kv := map[string]string{}
		for _, f := range strings.Fields(line) {
			if k, v, ok := strings.Cut(f, "="); ok {
				kv[k] = v
			}
		}
		out[id] = strings.Join([]string{kv["kind"], kv["region"], kv["level"], kv["year"], kv["review"], kv["plan"]}, " ")
	}
	return out
}

func infoMeta(d api.DocumentInfo) string {
	return fmt.Sprintf("%s %s %s %d %d %d", d.Kind, d.Region, d.Level, d.Year, d.ReviewYear, d.PlanYear)
}

// addAndList adds a directory of reports to a new index and lists them.
func addAndList(t *testing.T, dir string) (added string, docs map[string]api.DocumentInfo) {
	t.Helper()
	idx := t.TempDir()
	code, out, errs := runCLI("add", "-index", idx, dir)
	if code != 0 {
		t.Fatalf("reportkb add %s: exit %d\n%s\n%s", dir, code, out, errs)
	}
	code, list, errs := runCLI("ls", "-index", idx)
	if code != 0 {
		t.Fatalf("reportkb ls: exit %d: %s", code, errs)
	}
	code, js, errs := runCLI("ls", "-json", "-index", idx)
	if code != 0 {
		t.Fatalf("reportkb ls -json: exit %d: %s", code, errs)
	}
	var infos []api.DocumentInfo
	if err := json.Unmarshal([]byte(js), &infos); err != nil {
		t.Fatal(err)
	}
	docs = map[string]api.DocumentInfo{}
	for _, d := range infos {
		docs[d.ID] = d
		if !strings.Contains(list, d.ID) || !strings.Contains(list, d.Kind) || d.Region != "" && !strings.Contains(list, d.Region) {
			t.Errorf("ls does not show %s as %s of %s:\n%s", d.ID, d.Kind, d.Region, list)
		}
	}
	return out, docs
}

// `reportkb add testdata/practice` adds a web page, a Word file, a PDF and
// a text file, and `reportkb ls` shows what each is.
func TestCLIAddPractice(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		testskip.Skip(t, "no pdftotext (apt-get install poppler-utils)")
	}
	out, docs := addAndList(t, "../../testdata/practice")
	if !strings.Contains(out, "added 4 of 4 files") {
		t.Errorf("add: %s", out)
	}
	golden := goldenMeta(t)
	for _, id := range []string{"liaoning_fuxin_2025_final_accounts_report", "hainan_2021_budget_revenue_note",
		"hunan_xiangxi_2025_stat_bulletin", "yunnan_chuxiong_chuxiong_2025_budget_report"} {
		d, ok := docs[id]
		if !ok {
			t.Errorf("%s not listed", id)
			continue
		}
		if got := infoMeta(d); got != golden[id] {
			t.Errorf("%s: %s, want %s", id, got, golden[id])
		}
		wantOffsets := "text"
		if strings.HasPrefix(id, "yunnan") {
			wantOffsets = "file"
		}
		if d.Offsets != wantOffsets {
			t.Errorf("%s: offsets into the %s, want the %s", id, d.Offsets, wantOffsets)
		}
	}
}

// `reportkb add ../shared/corpus/practice` adds every document of the
// practice corpus, and `reportkb ls` shows each as the golden file says.
func TestCLIAddWholePractice(t *testing.T) {
	const dir = "../../../shared/corpus/practice"
	if _, err := os.Stat(dir); err != nil {
		testskip.Skip(t, "no ../shared/corpus/practice")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		testskip.Skip(t, "no pdftotext (apt-get install poppler-utils)")
	}
	golden := goldenMeta(t)
	out, docs := addAndList(t, dir)
	if want := fmt.Sprintf("added %d of %d files", len(golden), len(golden)); !strings.Contains(out, want) {
		t.Errorf("add: %s; want %s", out, want)
	}
	for id, want := range golden {
		if got := infoMeta(docs[id]); got != want {
			t.Errorf("%s: %s, want %s", id, got, want)
		}
	}
}
