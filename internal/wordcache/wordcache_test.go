package wordcache

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
)

// TestCache puts words from several goroutines: every word put is found
// with its value, published or not, and the cache stops at its maximum.
func TestCache(t *testing.T) {
	c := New[int](100, 7)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 30 {
				w := fmt.Sprint("w", g*30+i)
				c.Put(w, g*30+i)
				if v, ok := c.Get(w); ok && v != g*30+i {
					t.Errorf("%s: %d, %v", w, v, ok)
				}
			}
		}()
	}
	wg.Wait()
	n := 0
	for i := range 120 {
		if v, ok := c.Get(fmt.Sprint("w", i)); ok {
			if v != i {
				t.Errorf("w%d = %d", i, v)
			}
			n++
		}
	}
	if n != 100 {
		t.Errorf("%d words kept, want the maximum, 100", n)
	}
	if len(*c.read.Load()) != 100 {
		t.Errorf("%d words published, want all 100 once the maximum is reached", len(*c.read.Load()))
	}
}

// TestCachePublishesGeometrically puts 20,000 words in a cache that
// publishes every 16: copying the published map at every publication
// would copy 12.5 million entries (hundreds of megabytes); publishing
// once the new words are a quarter of the published ones copies about
// five times the words.
func TestCachePublishesGeometrically(t *testing.T) {
	const n = 20000
	words := make([]string, n)
	for i := range words {
		words[i] = fmt.Sprint("w", i)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c := New[int](n, 16)
	for i, w := range words {
		c.Put(w, i)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 40<<20 {
		t.Errorf("putting %d words allocated %d MB, want at most 40", n, got>>20)
	}
	for i, w := range words {
		if v, ok := c.Get(w); !ok || v != i {
			t.Fatalf("%s: %d, %v", w, v, ok)
		}
	}
	if len(*c.read.Load()) != n {
		t.Errorf("%d words published, want all %d once the maximum is reached", len(*c.read.Load()), n)
	}
}
