package pdftext

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// noticeChild is the variable that makes TestCompileNotice the child
// process that reads one PDF (the engine is compiled once a process).
const noticeChild = "DRIFTCHECK_TEST_NOTICE_CHILD"

// TestCompileNotice: the first PDF of a process with a fresh
// DRIFTCHECK_CACHE_DIR gives one notice naming the cache; the next process
// with that cache, which loads the compiled module, gives none.
func TestCompileNotice(t *testing.T) {
	if os.Getenv(noticeChild) == "1" {
		SetNotice(func(msg string) { fmt.Fprintln(os.Stderr, "notice: "+msg) })
		data, err := os.ReadFile(fixture("L36.excerpt.en.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Read(data, Options{}); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(data, Options{}); err != nil { // no second notice
			t.Fatal(err)
		}
		return
	}
	if testing.Short() {
		t.Skip("compiles PDFium in a child process (about 6 s)")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	cache := t.TempDir()
	child := func() string {
		cmd := exec.Command(exe, "-test.run=^TestCompileNotice$")
		cmd.Env = append(os.Environ(), noticeChild+"=1", CacheDirEnv+"="+cache)
		var e strings.Builder
		cmd.Stderr = &e
		if out, err := cmd.Output(); err != nil {
			t.Fatalf("child: %v\n%s%s", err, out, e.String())
		}
		return e.String()
	}
	want := "notice: compiling the PDF reader once (about 6 s); cached in " + filepath.Join(cache, "wazero") + "\n"
	if got := child(); got != want {
		t.Errorf("cold cache: stderr %q, want %q", got, want)
	}
	if got := child(); got != "" {
		t.Errorf("warm cache: stderr %q, want nothing", got)
	}
	if msg := compileNotice(""); !strings.Contains(msg, CacheDirEnv) {
		t.Errorf("no cache directory: %q does not say %s", msg, CacheDirEnv)
	}
}
