// Package testskip makes the tests that a run skipped visible.
//
// "go test ./..." shows only "ok" for a package whose tests pass, even when
// some of them skipped because Chromium, pdftotext or ../shared was
// missing. A test skips with Skip, saying what is missing and how to get
// it; Main, called from the package's TestMain, then writes one line
// naming the skipped tests and why. Outside -v, where go test hides the
// output of a passing package, the line goes to the terminal (/dev/tty)
// when there is one. With $REPORTKB_SKIP_LOG set it is also appended to
// that file, for CI. Skip and Main are safe for concurrent use.
package testskip

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"testing"
)

// EnvLog names a file the summary lines are appended to.
const EnvLog = "REPORTKB_SKIP_LOG"

var (
	mu      sync.Mutex
	skipped = map[string][]string{} // reason → tests
	atExit  []func()
)

// TempDir creates a temporary directory that Main removes when the tests
// have run: for what the tests of a package share across a run, such as
// an index built once, which t.TempDir would remove after the first test.
func TempDir(pattern string) (string, error) {
	dir, err := os.MkdirTemp("", pattern)
	if err != nil {
		return "", err
	}
	AtExit(func() { os.RemoveAll(dir) })
	return dir, nil
}

// AtExit registers f to run when Main has run the tests, before the
// process exits: the removal of what tests share across a run, such as a
// temporary index built once.
func AtExit(f func()) {
	mu.Lock()
	atExit = append(atExit, f)
	mu.Unlock()
}

// Skip records that t skips for reason (what is missing and how to get
// it, such as "no Chromium (apt-get install chromium)") and skips it.
func Skip(t testing.TB, reason string) {
	t.Helper()
	mu.Lock()
	skipped[reason] = append(skipped[reason], t.Name())
	mu.Unlock()
	t.Skip(reason)
}

// Main runs the tests of m, then the functions AtExit registered (the
// last first), writes the summary of the skipped ones and exits with the
// tests' code.
func Main(m *testing.M) {
	code := m.Run()
	mu.Lock()
	fs := atExit
	atExit = nil
	mu.Unlock()
	for i := len(fs) - 1; i >= 0; i-- {
		fs[i]()
	}
	if line := Summary(pkgName()); line != "" {
		write(line)
	}
	os.Exit(code)
}

// Summary returns the line naming the tests skipped so far in package pkg
// and why, or "" when none was.
func Summary(pkg string) string {
	mu.Lock()
	defer mu.Unlock()
	if len(skipped) == 0 {
		return ""
	}
	var reasons []string
	for r, tests := range skipped {
		sort.Strings(tests)
		reasons = append(reasons, strings.Join(tests, ", ")+": "+r)
	}
	sort.Strings(reasons)
	return fmt.Sprintf("SKIPPED in %s: %s; .ci/run installs what the full run needs\n", pkg, strings.Join(reasons, "; "))
}

// pkgName is the package under test: its import path, or the test
// binary's name.
func pkgName() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Path != "" {
		return strings.TrimSuffix(bi.Path, ".test")
	}
	name := strings.TrimSuffix(filepath.Base(os.Args[0]), ".exe")
	return strings.TrimSuffix(name, ".test")
}

func write(line string) {
	if p := os.Getenv(EnvLog); p != "" {
		if f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); err == nil {
			io.WriteString(f, line)
			f.Close()
		}
	}
	if !testing.Verbose() {
		if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
			io.WriteString(tty, line)
			tty.Close()
			return
		}
	}
	io.WriteString(os.Stdout, line)
}
