package testskip

import (
	"strings"
	"testing"
)

func TestSummary(t *testing.T) {
	if s := Summary("p"); s != "" {
		t.Fatalf("summary before any skip: %q", s)
	}
	t.Run("a", func(t *testing.T) { Skip(t, "no Chromium (apt-get install chromium)") })
	t.Run("b", func(t *testing.T) { Skip(t, "no Chromium (apt-get install chromium)") })
	t.Run("c", func(t *testing.T) { Skip(t, "../shared absent") })
	got := Summary("reportkb/api")
	for _, want := range []string{"SKIPPED in reportkb/api", "TestSummary/a, TestSummary/b: no Chromium (apt-get install chromium)", "TestSummary/c: ../shared absent", ".ci/run"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q lacks %q", got, want)
		}
	}
	if strings.Count(got, "\n") != 1 {
		t.Errorf("summary is not one line: %q", got)
	}
	mu.Lock()
	clear(skipped)
	mu.Unlock()
}
