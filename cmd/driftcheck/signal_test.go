//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds driftcheck into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "driftcheck")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestSignalStopsCheck: SIGINT, SIGTERM and SIGHUP stop a check that is
// waiting on its input with one line and the shell's status for the
// signal, and leave no output file (issue 16, defect 9).
func TestSignalStopsCheck(t *testing.T) {
	bin := buildBinary(t)
	for _, c := range []struct {
		sig  syscall.Signal
		name string
		code int
	}{
		{syscall.SIGINT, "SIGINT", 130}, {syscall.SIGTERM, "SIGTERM", 143}, {syscall.SIGHUP, "SIGHUP", 129},
	} {
		dir := t.TempDir()
		fifo := filepath.Join(dir, "final.zh.txt")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		out := filepath.Join(dir, "report.json")
		cmd := exec.Command(bin, "check", "--voted", founding("L36.en.txt"), "-f", "json", "-o", out, fifo)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Opening the FIFO for writing returns once the check has opened it
		// for reading: it is then waiting for text that never comes.
		opened := make(chan *os.File, 1)
		go func() {
			w, _ := os.OpenFile(fifo, os.O_WRONLY, 0)
			opened <- w
		}()
		var w *os.File
		select {
		case w = <-opened:
		case <-time.After(60 * time.Second): // a guard against a hang
			cmd.Process.Kill()
			t.Fatal("the check never opened its input")
		}
		cmd.Process.Signal(c.sig)
		waited := make(chan error, 1)
		go func() { waited <- cmd.Wait() }()
		select {
		case <-waited:
		case <-time.After(60 * time.Second): // a guard against a hang
			cmd.Process.Kill()
			t.Fatalf("%s did not stop the check", c.name)
		}
		w.Close()
		code := cmd.ProcessState.ExitCode()
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if code != c.code || len(lines) != 1 || !strings.Contains(lines[0], "interrupted by "+c.name) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and one line", c.name, code, stderr.String(), c.code)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*report.json*")); len(left) > 0 {
			t.Errorf("%s: output left behind: %v", c.name, left)
		}
	}
}
