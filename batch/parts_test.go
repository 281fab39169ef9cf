package batch

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMergeRefusesFIFOPart: a FIFO where a part file should be is refused
// at once; merge used to wait on it for ever.
func TestMergeRefusesFIFOPart(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "part-000000.jsonl"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		done <- eachResult([]string{filepath.Join(dir, "part-000000.jsonl")}, func([]byte, *Result) error { return nil })
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("a FIFO part file: %v", err)
		}
	case <-time.After(20 * time.Second): // a guard against a hang, not a timing
		t.Fatal("reading a FIFO part file hung")
	}
}
