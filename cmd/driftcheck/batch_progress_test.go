package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/driftcheck/driftcheck/batch"
)

// TestProgressLine: the progress line of batch, worked out by hand: 30
// groups in 12 s is 2.5 groups/s, and the 80 left take 32 s more.
func TestProgressLine(t *testing.T) {
	for _, c := range []struct {
		c       batch.Counts
		total   int
		elapsed time.Duration
		want    string
	}{
		{batch.Counts{Earlier: 10, Groups: 30, Findings: 37, Errors: 1}, 120, 12 * time.Second,
			"driftcheck: batch: 40/120 groups (10 done before), 37 findings, 1 file error, 2.5 groups/s, 12s elapsed, about 32s left"},
		{batch.Counts{}, 5, 0, "driftcheck: batch: 0/5 groups, 0 findings, 0 file errors, 0.0 groups/s, 0s elapsed"},
		{batch.Counts{Groups: 5, Findings: 1, Errors: 2}, 5, 90 * time.Second,
			"driftcheck: batch: 5/5 groups, 1 finding, 2 file errors, 0.1 groups/s, 1m30s elapsed"},
	} {
		if got := progressLine(c.c, c.total, c.elapsed); got != c.want {
			t.Errorf("progressLine(%+v, %d, %s)\n got %q\nwant %q", c.c, c.total, c.elapsed, got, c.want)
		}
	}
}

var progressRE = regexp.MustCompile(`^driftcheck: batch: (\d+)/(\d+) groups, (\d+) findings?, (\d+) file errors?, \d+\.\d groups/s, \S+ elapsed(, about \S+ left)?$`)

// TestBatchProgressLines: with standard error not a terminal, batch writes
// progress lines at --progress-interval before its summary, and their
// counts agree with it; 0 writes none, a negative interval is refused.
func TestBatchProgressLines(t *testing.T) {
	dir := t.TempDir()
	var syms []string
	for i := range 6 {
		syms = append(syms, fmt.Sprintf("A/RES/%d", i))
	}
	m := batchArchive(t, dir, syms...)
	code, _, stderr := runCmd(t, "batch", "--jobs", "1", "--progress-interval", "1ms", "--manifest", m, "--out", filepath.Join(dir, "out"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	var summary []string
	var progress [][]string
	for i, l := range lines {
		if !strings.HasPrefix(l, "driftcheck: batch: ") {
			summary = lines[i:]
			break
		}
		p := progressRE.FindStringSubmatch(l)
		if p == nil {
			t.Fatalf("progress line %q is not of the documented shape", l)
		}
		progress = append(progress, p)
	}
	if len(progress) == 0 || len(summary) == 0 {
		t.Fatalf("want progress lines, then the summary; stderr:\n%s", stderr)
	}
	var groups, findings int
	if _, err := fmt.Sscanf(summary[0], "%d groups, 12 files, %d findings, 0 file errors", &groups, &findings); err != nil || groups != 6 || findings%6 != 0 {
		t.Fatalf("summary %q (%v), want 6 groups of 12 files, the same findings in each", summary[0], err)
	}
	prev := 0
	for _, p := range progress {
		done, _ := strconv.Atoi(p[1])
		f, _ := strconv.Atoi(p[3])
		if p[2] != "6" || done < prev || done > 6 || f != done*findings/6 || p[4] != "0" {
			t.Errorf("%q: want n/6 groups (n not going down), %d findings a group, 0 file errors", p[0], findings/6)
		}
		prev = done
	}

	code, _, stderr = runCmd(t, "batch", "--progress-interval", "0", "--manifest", m, "--out", filepath.Join(dir, "out0"))
	if code != exitOK || strings.Contains(stderr, "driftcheck: batch: ") {
		t.Errorf("--progress-interval 0: exit %d, stderr %q; want no progress line", code, stderr)
	}
	code, _, stderr = runCmd(t, "batch", "--progress-interval", "-1s", "--manifest", m, "--out", filepath.Join(dir, "outneg"))
	oneLine(t, "--progress-interval -1s", stderr, "--progress-interval -1s: want a duration of 0 or more")
	if code != exitError {
		t.Errorf("--progress-interval -1s: exit %d, want %d", code, exitError)
	}
}

// pdfNoticeChild makes TestPDFNotice the child process that runs a check
// of two PDFs with the process's own standard error.
const pdfNoticeChild = "DRIFTCHECK_TEST_PDF_NOTICE_CHILD"

// TestPDFNotice: check reads its first PDF with a fresh
// DRIFTCHECK_CACHE_DIR and says once on standard error that the PDF
// reader is compiled and where it is cached; a second run, warm, does not.
func TestPDFNotice(t *testing.T) {
	pdf := func(name string) string { return filepath.Join("..", "..", "testdata", "formats", "pdf", name) }
	if os.Getenv(pdfNoticeChild) == "1" {
		os.Exit(run(context.Background(), []string{"driftcheck", "check", "-f", "line", "--voted", pdf("L36.excerpt.en.pdf"), pdf("L36.excerpt.fr.pdf")},
			strings.NewReader(""), os.Stdout, os.Stderr))
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
		cmd := exec.Command(exe, "-test.run=^TestPDFNotice$")
		cmd.Env = append(os.Environ(), pdfNoticeChild+"=1", "DRIFTCHECK_CACHE_DIR="+cache)
		var e strings.Builder
		cmd.Stderr = &e
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() > 1) {
			t.Fatalf("child: %v\n%s", err, e.String())
		}
		return e.String()
	}
	want := "driftcheck: compiling the PDF reader once (about 6 s); cached in " + filepath.Join(cache, "wazero") + "\n"
	if got := child(); got != want {
		t.Errorf("cold cache: stderr %q, want %q", got, want)
	}
	if got := child(); got != "" {
		t.Errorf("warm cache: stderr %q, want nothing", got)
	}
}
