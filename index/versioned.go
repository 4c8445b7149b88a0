package index

import "sync"

// Versioned holds a value derived from the documents of an index, such as
// the list of their regions, and derives it again when they change. The
// zero Versioned is empty; it is safe for concurrent use. Two callers that
// find it stale at once may both derive the value; the last one kept wins.
type Versioned[T any] struct {
	mu  sync.Mutex
	ver uint64
	ok  bool
	val T
}

// Get returns the value for version ver of the documents (Index.Version),
// calling derive when it holds none for that version. derive runs without
// the lock held.
func (v *Versioned[T]) Get(ver uint64, derive func() T) T {
	v.mu.Lock()
	if v.ok && v.ver == ver {
		val := v.val
		v.mu.Unlock()
		return val
	}
	v.mu.Unlock()
	val := derive()
	v.mu.Lock()
	v.val, v.ver, v.ok = val, ver, true
	v.mu.Unlock()
	return val
}
