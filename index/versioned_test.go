package index

import (
	"sync"
	"testing"
)

func TestVersioned(t *testing.T) {
	var v Versioned[int]
	calls := 0
	derive := func(n int) func() int { return func() int { calls++; return n } }
	if got := v.Get(1, derive(10)); got != 10 || calls != 1 {
		t.Fatalf("first Get = %d after %d calls", got, calls)
	}
	if got := v.Get(1, derive(20)); got != 10 || calls != 1 {
		t.Errorf("same version: %d after %d calls, want the kept 10", got, calls)
	}
	if got := v.Get(2, derive(30)); got != 30 || calls != 2 {
		t.Errorf("new version: %d after %d calls, want 30 derived again", got, calls)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := v.Get(3, func() int { return 40 }); got != 40 {
				t.Errorf("concurrent Get = %d", got)
			}
		}()
	}
	wg.Wait()
}
