package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"reportkb/index"
	"reportkb/index/segment"
	"reportkb/internal/testskip"
	"reportkb/qa"
)

func TestMain(m *testing.M) {
	if dir := os.Getenv("REPORTKB_CRASH_CHILD"); dir != "" {
		crashChild(dir)
		return
	}
	testskip.Main(m)
}

// versions returns two versions of each test report, told apart by a
// sentence of their own.
func versions() (names []string, a, b map[string][]byte, err error) {
	a, b = map[string][]byte{}, map[string][]byte{}
	files, _ := filepath.Glob("../../testdata/reports/*.txt")
	var all []byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, nil, err
		}
		name := filepath.Base(f)
		names = append(names, name)
		a[name] = append(append([]byte{}, data...), "\n版本甲：新增测试床位111张。\n"...)
		b[name] = append(append([]byte{}, data...), "\n版本乙：新增测试床位222张。\n"...)
		all = append(append(all, data...), '\n')
	}
	// A document large enough to go into the index in several chunks,
	// added first, so that kills fall in it too.
	names = append([]string{"combined_large.txt"}, names...)
	a["combined_large.txt"] = append(append([]byte{}, all...), "\n版本甲：新增测试床位111张。\n"...)
	b["combined_large.txt"] = append(append([]byte{}, all...), "\n版本乙：新增测试床位222张。\n"...)
	return names, a, b, nil
}

// crashChild adds the two versions of the test reports in turn, forever,
// saying after each add which version is in; the parent kills it.
func crashChild(dir string) {
	x, err := index.Open(index.Config{Dir: dir, Segmenter: segment.Bigram{}, SegmenterName: "bigram"})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	names, a, b, err := versions()
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	// Start with the version the index does not hold, so that the first
	// add replaces the large document.
	start := 0
	if e, ok := x.Doc("combined_large"); ok && bytes.Equal(e.Text(), a["combined_large.txt"]) {
		start = 1
	}
	for round := start; ; round++ {
		for _, n := range names {
			v := a
			if round%2 == 1 {
				v = b
			}
			if _, err := x.Add(n, v[n]); err != nil {
				fmt.Println("error", err)
				os.Exit(1)
			}
			fmt.Println("added", n, round%2)
		}
	}
}

// TestCrashDuringAdd kills a process with SIGKILL in the middle of adding
// documents, reopens the index and checks that it opens, answers and holds
// for each document either its old or its new version, never a half.
func TestCrashDuringAdd(t *testing.T) {
	if testing.Short() {
		testskip.Skip(t, "skipped with -short (run without it)")
	}
	_, a, b, err := versions()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// Each child is killed a while after its first add (the large
	// document, which goes in chunks) or after a first delay, so that the
	// kills fall at different points of the adds however fast the machine.
	for i, wait := range []time.Duration{150 * time.Millisecond, 400 * time.Millisecond, 0, 30 * time.Millisecond, 200 * time.Millisecond, 700 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "REPORTKB_CRASH_CHILD="+dir)
		pipe, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		first := make(chan struct{})
		copied := make(chan struct{})
		go func() {
			sc := bufio.NewScanner(pipe)
			once := false
			for sc.Scan() {
				out.WriteString(sc.Text() + "\n")
				if !once && strings.HasPrefix(sc.Text(), "added") {
					once = true
					close(first)
				}
			}
			close(copied)
		}()
		if i < 2 {
			time.Sleep(wait)
		} else {
			select {
			case <-first:
			case <-time.After(2 * time.Minute):
				t.Fatalf("kill %d: no add done in two minutes", i)
			}
			time.Sleep(wait)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		<-copied
		cmd.Wait()
		if strings.Contains(out.String(), "error") {
			t.Fatalf("child: %s", out.String())
		}
		adds := strings.Count(out.String(), "added")
		x, err := index.Open(index.Config{Dir: dir, Segmenter: segment.Bigram{}, SegmenterName: "bigram"})
		if err != nil {
			t.Fatalf("kill %d (after %d adds): reopen: %v", i, adds, err)
		}
		for _, e := range x.Docs() {
			text := e.Text()
			if !bytes.Equal(text, a[e.File]) && !bytes.Equal(text, b[e.File]) {
				t.Errorf("kill %d: %s holds neither version (%d bytes)", i, e.Doc.ID, len(text))
			}
			// The index answers from the version it holds, and only from it.
			want, other := "111", "222"
			if bytes.Equal(text, b[e.File]) {
				want, other = "222", "111"
			}
			hits, _, err := x.SearchTerms(index.Query{Terms: x.QueryTerms("版本甲版本乙测试床位"), Filter: index.Filter{Doc: e.Doc.ID}, Size: 10, Sentences: true})
			if err != nil {
				t.Fatal(err)
			}
			seen := false
			for _, h := range hits {
				if strings.Contains(h.Text(), other) {
					t.Errorf("kill %d: %s: a hit from the other version: %q", i, e.Doc.ID, h.Text())
				}
				if strings.Contains(h.Text(), want) {
					seen = true
				}
			}
			if !seen {
				t.Errorf("kill %d: %s: its version's sentence is not found", i, e.Doc.ID)
			}
		}
		eng := qa.New(qa.Config{Index: x})
		if _, err := eng.Ask(context.Background(), qa.Request{Question: "新增测试床位多少张"}); err != nil {
			t.Errorf("kill %d: ask: %v", i, err)
		}
		// No stray files: one stored text per document.
		files, _ := os.ReadDir(filepath.Join(dir, "docs"))
		if len(files) != x.Len() {
			t.Errorf("kill %d: %d stored files for %d documents", i, len(files), x.Len())
		}
		t.Logf("kill %d after %s: %d adds done, %d documents", i, wait, adds, x.Len())
		x.Close()
	}
}
