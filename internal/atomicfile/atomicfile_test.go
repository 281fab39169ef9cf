//go:build unix

package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// leftovers lists the temporary files left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	return m
}

func TestNewFileHonoursUmask(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.txt")
	if err := Write(p, writeString("hello")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := 0o666 &^ umask; info.Mode().Perm() != want {
		t.Errorf("mode %v, want %v (0666 less the umask %v)", info.Mode().Perm(), want, umask)
	}
	if read(t, p) != "hello" || len(leftovers(t, dir)) > 0 {
		t.Errorf("content %q, leftovers %v", read(t, p), leftovers(t, dir))
	}
}

func TestReplaceKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "secret.json")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, writeString("new")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	if info.Mode().Perm() != 0o600 || read(t, p) != "new" {
		t.Errorf("mode %v content %q, want 0600 and the new content", info.Mode().Perm(), read(t, p))
	}
}

func TestReplaceKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file another owner")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "owned.txt")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(p, 1234, 5678); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, writeString("new")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != 1234 || st.Gid != 5678 {
		t.Errorf("owner %d:%d, want 1234:5678", st.Uid, st.Gid)
	}
}

func TestSymlinkIsFollowed(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.txt")
	link := filepath.Join(dir, "link.txt")
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(real, 0o640)
	if err := os.Symlink("real.txt", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info.Mode(), err)
	}
	if info, _ := os.Stat(real); read(t, real) != "new" || info.Mode().Perm() != 0o640 {
		t.Errorf("target content %q mode %v, want the new content and 0640", read(t, real), info.Mode().Perm())
	}
	// A link to a file not created yet creates it.
	dangling := filepath.Join(dir, "later.txt")
	if err := os.Symlink("sub/../created.txt", dangling); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	if err := Write(dangling, writeString("created")); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(dir, "created.txt")) != "created" {
		t.Error("the dangling link's target was not created")
	}
	// A loop is an error, not a hang.
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Symlink("b", a)
	os.Symlink("a", b)
	if err := Write(a, writeString("x")); err == nil || !strings.Contains(err.Error(), "symbolic links") {
		t.Errorf("link loop: %v", err)
	}
}

// mknod makes a private character device like /dev/null (1,3) or /dev/full
// (1,7) in dir, or skips the test.
func mknod(t *testing.T, dir, name string, minor int) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|minor); err != nil {
		t.Skipf("cannot make a device node here (%v)", err)
	}
	return p
}

func TestDeviceIsWrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	null := mknod(t, dir, "null", 3)
	if err := Write(null, writeString("report")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(null)
	if err != nil || info.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("the device was replaced: mode %v, %v", info.Mode(), err)
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %v", l)
	}
	// A full device: the error comes back.
	full := mknod(t, dir, "full", 7)
	err = Write(full, writeString(strings.Repeat("x", 1<<16)))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("writing to a full device: %v, want ENOSPC", err)
	}
}

func TestFIFOIsWrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := Write(fifo, writeString("through the pipe")); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "through the pipe" {
			t.Errorf("read %q from the FIFO", s)
		}
	case <-time.After(20 * time.Second): // a guard against a hang, not a timing
		t.Fatal("nothing was written into the FIFO (was it replaced?)")
	}
	if info, _ := os.Lstat(fifo); info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", info.Mode())
	}
}

func TestFailedWriteLeavesTargetAlone(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "report.txt")
	os.WriteFile(p, []byte("previous"), 0o644)
	boom := errors.New("boom")
	err := Write(p, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) || read(t, p) != "previous" || len(leftovers(t, dir)) > 0 {
		t.Errorf("err %v, content %q, leftovers %v", err, read(t, p), leftovers(t, dir))
	}
	if err := Write(dir, writeString("x")); err == nil {
		t.Error("writing over a directory: no error")
	}
}
