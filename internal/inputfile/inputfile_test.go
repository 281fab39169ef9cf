//go:build unix

package inputfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

var errBig = errors.New("too large")

func fifo(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	return p
}

// withTimeout fails the test instead of hanging it when fn blocks.
func withTimeout(t *testing.T, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { fn(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second): // a guard against a hang, not a timing
		t.Fatal("the read hung")
	}
}

func TestFIFOWithoutWriterReadsEmpty(t *testing.T) {
	p := fifo(t)
	withTimeout(t, func() {
		data, err := ReadAll(p, 1<<20, errBig)
		if err != nil || len(data) != 0 {
			t.Errorf("got %q, %v; want empty", data, err)
		}
	})
}

func TestFIFOWithWriter(t *testing.T) {
	p := fifo(t)
	// A writer opens first (as a shell's process substitution does).
	w, err := os.OpenFile(p, os.O_RDWR, 0) // O_RDWR does not wait for a reader
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString("hello")
	go func() {
		time.Sleep(100 * time.Millisecond)
		w.Close()
	}()
	withTimeout(t, func() {
		r, err := Open(p)
		if err != nil {
			t.Error(err)
			return
		}
		defer r.Close()
		buf := make([]byte, 64)
		n, err := r.Read(buf)
		if string(buf[:n]) != "hello" || err != nil {
			t.Errorf("read %q, %v", buf[:n], err)
		}
	})
}

func TestStalledWriter(t *testing.T) {
	p := fifo(t)
	w, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	old := Idle
	Idle = 200 * time.Millisecond
	defer func() { Idle = old }()
	withTimeout(t, func() {
		_, err := ReadAll(p, 1<<20, errBig)
		if !errors.Is(err, ErrStalled) {
			t.Errorf("a writer that never writes: %v, want ErrStalled", err)
		}
	})
}

func TestDirectoryAndLimits(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir); err == nil {
		t.Error("a directory opened")
	}
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, make([]byte, 2048), 0o644)
	if _, err := ReadAll(big, 1024, errBig); !errors.Is(err, errBig) {
		t.Errorf("a file over the limit: %v", err)
	}
	zero := filepath.Join(dir, "zero")
	if err := syscall.Mknod(zero, syscall.S_IFCHR|0o666, 1<<8|5); err != nil {
		t.Skipf("mknod: %v", err)
	}
	withTimeout(t, func() {
		if _, err := ReadAll(zero, 1<<20, errBig); !errors.Is(err, errBig) {
			t.Errorf("an endless device: %v, want the size error", err)
		}
	})
}
