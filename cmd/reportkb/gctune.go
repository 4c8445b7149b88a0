package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// gcHeadroom is the least heap growth a collection cycle is given: with a
// small live heap (the 1× corpus: ~100 MB), GOGC=100 collects every
// hundred-odd questions; a floor on the headroom in bytes makes the
// collector run as often as a heap of that size needs, while a large live
// heap keeps GOGC=100 and the memory limit bounds both.
const gcHeadroom = 256 << 20

// maxGCPercent bounds how far tuneGC raises GOGC.
const maxGCPercent = 400

// tuneGC sets GOGC after every collection so that the next one comes when
// the heap has grown by gcHeadroom or by the live heap, whichever is more.
// It does nothing when GOGC is set in the environment. It runs for the
// life of the process; the finalizer that drives it runs on the runtime's
// finalizer goroutine, one call at a time.
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var rearm func(*gcSentinel)
	rearm = func(s *gcSentinel) {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			debug.SetGCPercent(gcPercentFor(sample[0].Value.Uint64()))
		}
		runtime.SetFinalizer(&gcSentinel{}, rearm)
	}
	runtime.SetFinalizer(&gcSentinel{}, rearm)
}

// gcSentinel is garbage from birth: its finalizer runs after each cycle.
type gcSentinel struct{ _ [32]byte }

// gcPercentFor returns the GOGC that gives a live heap of live bytes at
// least gcHeadroom of growth, between 100 and maxGCPercent.
func gcPercentFor(live uint64) int {
	if live == 0 {
		return 100
	}
	return int(min(max(100, gcHeadroom*100/live), maxGCPercent))
}
