package index

import (
	"container/list"
	"sync"
)

// entryCache keeps the most recently used parsed documents within a
// budget of bytes; a document being loaded is loaded once, however many
// readers ask for it. It is safe for concurrent use.
type entryCache struct {
	mu     sync.Mutex
	budget int64
	used   int64
	lru    *list.List // of *cacheItem, most recent first
	items  map[string]*cacheItem
}

type cacheItem struct {
	key    string // id/gen
	weight int64
	elem   *list.Element
	ready  chan struct{} // closed when loaded
	e      *Entry
	err    error

	skOnce sync.Once
	sk     *skeleton
}

func newEntryCache(budget int64) *entryCache {
	return &entryCache{budget: budget, lru: list.New(), items: map[string]*cacheItem{}}
}

// weightOf estimates the memory a parsed document holds: its text, the
// parse (about 2.5 bytes a byte of text) and the file offsets.
func weightOf(e *Entry) int64 {
	return int64(len(e.text))*4 + int64(len(e.offsets))*4 + 4096
}

// get returns the item of key, loading it with load when absent.
func (c *entryCache) get(key string, load func() (*Entry, error)) (*cacheItem, error) {
	c.mu.Lock()
	if it, ok := c.items[key]; ok {
		if it.elem != nil {
			c.lru.MoveToFront(it.elem)
		}
		c.mu.Unlock()
		<-it.ready
		return it, it.err
	}
	it := &cacheItem{key: key, ready: make(chan struct{})}
	c.items[key] = it
	c.mu.Unlock()

	it.e, it.err = load()
	c.mu.Lock()
	if it.err != nil {
		delete(c.items, key)
	} else {
		it.weight = weightOf(it.e)
		it.elem = c.lru.PushFront(it)
		c.used += it.weight
		c.evict()
	}
	c.mu.Unlock()
	close(it.ready)
	return it, it.err
}

// put adds a loaded entry under key, replacing any.
func (c *entryCache) put(key string, e *Entry) {
	c.forget(key)
	it := &cacheItem{key: key, ready: make(chan struct{}), e: e, weight: weightOf(e)}
	close(it.ready)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[key]; ok {
		return // loaded meanwhile
	}
	c.items[key] = it
	it.elem = c.lru.PushFront(it)
	c.used += it.weight
	c.evict()
}

// evict drops the least recently used items beyond the budget, keeping
// at least the most recent one.
func (c *entryCache) evict() {
	for c.used > c.budget && c.lru.Len() > 1 {
		back := c.lru.Back()
		it := back.Value.(*cacheItem)
		c.lru.Remove(back)
		delete(c.items, it.key)
		c.used -= it.weight
	}
}

// forget drops key.
func (c *entryCache) forget(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if it, ok := c.items[key]; ok && it.elem != nil {
		c.lru.Remove(it.elem)
		delete(c.items, key)
		c.used -= it.weight
	}
}

// stats returns the bytes held and the number of documents.
func (c *entryCache) stats() (int64, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used, c.lru.Len()
}
