package main

import "testing"

func TestGCPercentFor(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int
	}{
		{0, 100},
		{32 << 20, maxGCPercent}, // a small heap: the ceiling
		{128 << 20, 200},         // 256 MB of headroom is twice the heap
		{256 << 20, 100},
		{4 << 30, 100}, // a large heap keeps GOGC=100
	} {
		if got := gcPercentFor(tc.live); got != tc.want {
			t.Errorf("gcPercentFor(%d MB) = %d, want %d", tc.live>>20, got, tc.want)
		}
	}
}
