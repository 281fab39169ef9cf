package driftcheck

import (
	"runtime"
	"sync"
)

// parallel calls do(0) … do(n-1), at most GOMAXPROCS at a time, and
// returns when all have returned. A panic in one is raised again in the
// caller's goroutine once the others are done, so that batch still sees it
// as the group's.
func parallel(n int, do func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for i := range n {
			do(i)
		}
		return
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		next  int
		fault any
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					mu.Lock()
					if fault == nil {
						fault = p
					}
					next = n // the others stop taking work
					mu.Unlock()
				}
			}()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				do(i)
			}
		}()
	}
	wg.Wait()
	if fault != nil {
		panic(fault)
	}
}
