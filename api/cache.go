package api

import (
	"container/list"
	"sync"
)

// answerCache keeps the encoded answers to recent requests, so that a
// question asked again (by a bot, a dashboard, a busy desk) is answered
// without work. An entry is valid for one version of the index: adding or
// removing a document invalidates them all. It is safe for concurrent use.
type answerCache struct {
	mu    sync.Mutex
	max   int
	ll    *list.List // front: most recent
	items map[string]*list.Element
}

type cacheEntry struct {
	key     string
	version uint64
	body    []byte
}

func newAnswerCache(max int) *answerCache {
	return &answerCache{max: max, ll: list.New(), items: map[string]*list.Element{}}
}

func (c *answerCache) get(key string, version uint64) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	e := el.Value.(*cacheEntry)
	if e.version != version {
		c.ll.Remove(el)
		delete(c.items, key)
		return nil, false
	}
	c.ll.MoveToFront(el)
	return e.body, true
}

func (c *answerCache) put(key string, version uint64, body []byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value = &cacheEntry{key, version, body}
		c.ll.MoveToFront(el)
		return
	}
	c.items[key] = c.ll.PushFront(&cacheEntry{key, version, body})
	for c.ll.Len() > c.max {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*cacheEntry).key)
	}
}
