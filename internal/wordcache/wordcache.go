// Package wordcache remembers a value per word form, for the keys and
// tests computed on every word of a text: UN text repeats a small
// vocabulary, and computing a word's value again costs far more than a
// map look-up.
package wordcache

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Cache is read without locks: lookups go to an immutable map published
// through an atomic pointer; new words wait in a small locked map until
// they are merged, a thousand or so at a time (or a quarter of the words
// published, if more), into a new published map. It stops growing at its
// maximum. It is safe for concurrent use.
type Cache[V any] struct {
	read  atomic.Pointer[map[string]V]
	mu    sync.Mutex
	dirty map[string]V
	total int
	max   int
	every int
}

// New returns a cache of at most max words that publishes its new words
// every every of them, or once they are a quarter of the words already
// published if that is more: each publication copies the published map,
// and copying it every thousand words made the copies grow with the square
// of the vocabulary (a six-language devset check allocated 77 MB for them,
// 15% of all it allocates).
func New[V any](max, every int) *Cache[V] {
	c := &Cache[V]{dirty: map[string]V{}, max: max, every: every}
	c.read.Store(&map[string]V{})
	return c
}

// Get returns the value remembered for w.
func (c *Cache[V]) Get(w string) (V, bool) {
	if v, ok := (*c.read.Load())[w]; ok {
		return v, true
	}
	c.mu.Lock()
	v, ok := c.dirty[w]
	c.mu.Unlock()
	return v, ok
}

// Put remembers v for w (a copy of w: it may point into a large text).
func (c *Cache[V]) Put(w string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.total >= c.max {
		return
	}
	if _, ok := c.dirty[w]; ok {
		return
	}
	c.dirty[strings.Clone(w)] = v
	c.total++
	old := *c.read.Load()
	if len(c.dirty) >= max(c.every, len(old)/4) || c.total == c.max {
		m := make(map[string]V, len(old)+len(c.dirty))
		for x, y := range old {
			m[x] = y
		}
		for x, y := range c.dirty {
			m[x] = y
		}
		c.read.Store(&m)
		c.dirty = map[string]V{}
	}
}
