package wordcache

import (
	"fmt"
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
