package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/driftcheck/driftcheck/batch"
	"github.com/driftcheck/driftcheck/lexicon"
)

// batchArchive writes groups of the founding case (English voted, Chinese
// final) for the symbols and a manifest of them; it returns the manifest.
func batchArchive(t *testing.T, dir string, symbols ...string) string {
	t.Helper()
	en, zh := readTestdata(t, "founding/L36.en.txt"), readTestdata(t, "founding/RES.zh.txt")
	rows := []string{"symbol,role,lang,path"}
	for _, s := range symbols {
		base := strings.ReplaceAll(s, "/", "_")
		os.WriteFile(filepath.Join(dir, base+"-EN.txt"), en, 0o644)
		os.WriteFile(filepath.Join(dir, base+"-ZH.txt"), zh, 0o644)
		rows = append(rows, s+",voted,en,"+base+"-EN.txt", s+",final,zh,"+base+"-ZH.txt")
	}
	m := filepath.Join(dir, "manifest.csv")
	if err := os.WriteFile(m, []byte(strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return m
}

// oneLine fails unless stderr is one line holding each of want.
func oneLine(t *testing.T, what, stderr string, want ...string) {
	t.Helper()
	if strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, "goroutine") {
		t.Errorf("%s: stderr is not one line: %q", what, stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("%s: stderr %q lacks %q", what, stderr, w)
		}
	}
}

// countLines counts the result lines of a batch output or merged file.
func countLines(t *testing.T, paths ...string) int {
	t.Helper()
	n := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		n += bytes.Count(data, []byte("\n"))
	}
	return n
}

// TestBatchSecondRunRefused: while a run holds the lock of --out (here
// the test holds it, as a run does), another run on it exits 2 with one
// line and writes nothing.
func TestBatchSecondRunRefused(t *testing.T) {
	dir := t.TempDir()
	m := batchArchive(t, dir, "A/1")
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	f, err := os.OpenFile(filepath.Join(out, ".lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "batch", "--quiet", "--manifest", m, "--out", out)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	oneLine(t, "second run", stderr, out, "another batch run is writing this directory")
	if parts, _ := batch.Parts(out); len(parts) > 0 {
		t.Errorf("the refused run wrote %q", parts)
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	if code, _, stderr := runCmd(t, "batch", "--quiet", "--manifest", m, "--out", out); code != exitOK {
		t.Errorf("once the lock is released: exit %d, %s", code, stderr)
	}
}

// TestBatchMergeUnfinished: the README's merge of out/shard-* refuses,
// with one line naming it, a shard that was interrupted; once every shard
// has finished (one of them with no group) it merges them all.
func TestBatchMergeUnfinished(t *testing.T) {
	dir := t.TempDir()
	m := batchArchive(t, dir, "A/1")
	shardDir := func(i int) string { return filepath.Join(dir, "out", fmt.Sprintf("shard-%d", i)) }
	run0 := []string{"driftcheck", "batch", "--quiet", "--manifest", m, "--shard", "0/2", "--out", shardDir(0)}
	run1 := []string{"driftcheck", "batch", "--quiet", "--manifest", m, "--shard", "1/2", "--out", shardDir(1)}
	var o, e bytes.Buffer
	if code := run(context.Background(), run0, strings.NewReader(""), &o, &e); code != exitOK {
		t.Fatalf("shard 0: exit %d: %s", code, e.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // shard 1 is stopped at once
	e.Reset()
	if code := run(ctx, run1, strings.NewReader(""), &o, &e); code == exitOK {
		t.Fatalf("interrupted shard 1: exit 0")
	}
	merged := filepath.Join(dir, "results.jsonl")
	code, _, stderr := runCmd(t, "batch", "merge", "--out", merged, shardDir(0), shardDir(1))
	if code != exitError {
		t.Errorf("merge with shard 1 unfinished: exit %d, want %d", code, exitError)
	}
	oneLine(t, "merge", stderr, "shard 1/2 in "+shardDir(1)+" did not finish")
	if _, err := os.Stat(merged); err == nil {
		t.Errorf("the refused merge wrote %s", merged)
	}
	e.Reset()
	if code := run(context.Background(), run1, strings.NewReader(""), &o, &e); code != exitOK {
		t.Fatalf("shard 1 resumed: exit %d: %s", code, e.String())
	}
	if code, _, stderr := runCmd(t, "batch", "merge", "--out", merged, shardDir(0), shardDir(1)); code != exitOK || countLines(t, merged) != 1 {
		t.Errorf("merge of the finished shards (one empty): exit %d, %s", code, stderr)
	}
}

// TestBatchResumeOtherLevel: a resume with another --level exits 2 with
// one line saying what differs.
func TestBatchResumeOtherLevel(t *testing.T) {
	dir := t.TempDir()
	m := batchArchive(t, dir, "A/1", "A/2")
	out := filepath.Join(dir, "out")
	if code, _, stderr := runCmd(t, "batch", "--quiet", "--manifest", m, "--out", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, _, stderr := runCmd(t, "batch", "--quiet", "--level", "error", "--manifest", m, "--out", out)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	oneLine(t, "resume with --level error", stderr, out, "--level error (was warning)")
}

// TestBatchManifestErrors: broken manifests and language codes are one
// line naming the manifest and its line, exit 2; a byte-order mark is
// fine.
func TestBatchManifestErrors(t *testing.T) {
	dir := t.TempDir()
	batchArchive(t, dir, "A/1")
	tests := []struct {
		name, data string
		args       []string
		code       int
		want       string
	}{
		{"unterminated quote", "symbol,role,lang,path\nA/1,voted,en,\"A_1-EN.txt\nA/1,final,zh,A_1-ZH.txt\n", nil, exitError, "m.csv: line 2: the quoted field opened on this line does not close properly"},
		{"unterminated quote in the first field", "symbol,role,lang,path\nA/1,voted,en,A_1-EN.txt\n\"A/1,final,zh,A_1-ZH.txt\n", nil, exitError, "m.csv: line 3: the quoted field opened on this line does not close properly"},
		{"klingon", "symbol,role,lang,path\nA/1,voted,en,A_1-EN.txt\nA/1,final,klingon,A_1-ZH.txt\n", nil, exitError, `m.csv: line 3: unknown language code "klingon"`},
		{"cn", "symbol,role,lang,path\nA/1,voted,en,A_1-EN.txt\nA/1,final,cn,A_1-ZH.txt\n", nil, exitError, `did you mean "zh"?`},
		{"voted-lang", "symbol,role,lang,path\nA/1,,en,A_1-EN.txt\nA/1,,zh,A_1-ZH.txt\n", []string{"--voted-lang", "eng"}, exitError, `--voted-lang: unknown language code "eng"`},
		{"BOM", "\uFEFFsymbol,role,lang,path\nA/1,voted,en,A_1-EN.txt\nA/1,final,zh,A_1-ZH.txt\n", nil, exitOK, ""},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := filepath.Join(dir, "m.csv")
			os.WriteFile(m, []byte(tc.data), 0o644)
			args := append([]string{"batch", "--quiet", "--manifest", m, "--out", filepath.Join(dir, fmt.Sprint("out", i))}, tc.args...)
			code, _, stderr := runCmd(t, args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (%s)", code, tc.code, stderr)
			}
			if tc.want != "" {
				oneLine(t, tc.name, stderr, tc.want)
			}
		})
	}
}

// TestBatchDirSkipped: batch --dir says which files it skipped (a stray
// manifest, the output directory inside the tree) and a rerun does not
// read its own results.
func TestBatchDirSkipped(t *testing.T) {
	dir := t.TempDir()
	batchArchive(t, dir, "A/1")
	out := filepath.Join(dir, "out")
	for run, want := range []string{"skipped 1 file that is not a document (not .txt, .pdf, .docx, .doc or .html): manifest.csv",
		"skipped the output directory out/ and 1 file that is not a document"} {
		code, _, stderr := runCmd(t, "batch", "--quiet", "--dir", dir, "--out", out)
		if code != exitOK {
			t.Fatalf("run %d: exit %d: %s", run, code, stderr)
		}
		oneLine(t, fmt.Sprint("run ", run), stderr, want)
		parts, _ := batch.Parts(out)
		if n := countLines(t, parts...); n != 1 {
			t.Errorf("run %d: %d results, want the 1 group", run, n)
		}
	}
}

// TestBatchSignalExit: a batch run stopped by a signal says so in one line
// and exits 128 plus the signal's number.
func TestBatchSignalExit(t *testing.T) {
	dir := t.TempDir()
	m := batchArchive(t, dir, "A/1")
	for _, tc := range []struct {
		sig  syscall.Signal
		name string
	}{{syscall.SIGTERM, "SIGTERM"}, {syscall.SIGHUP, "SIGHUP"}, {syscall.SIGINT, "SIGINT"}} {
		ctx, stop := signal.NotifyContext(context.Background(), tc.sig)
		syscall.Kill(os.Getpid(), tc.sig)
		<-ctx.Done()
		var o, e bytes.Buffer
		out := filepath.Join(dir, "out-"+tc.name)
		code := run(ctx, []string{"driftcheck", "batch", "--quiet", "--manifest", m, "--out", out}, strings.NewReader(""), &o, &e)
		stop()
		if code != 128+int(tc.sig) {
			t.Errorf("%s: exit %d, want %d", tc.name, code, 128+int(tc.sig))
		}
		oneLine(t, tc.name, e.String(), "batch interrupted by "+tc.name, "rerun with the same --out to finish")
	}
}

// TestBatchGroupChild: the hidden "batch group" checks the group it is
// sent, writing each step and then the result; it refuses a request made
// with another lexicon.
func TestBatchGroupChild(t *testing.T) {
	dir := t.TempDir()
	batchArchive(t, dir, "A/1")
	req := func(lex string) string {
		return fmt.Sprintf(`{"group":{"symbol":"A/1","files":[{"path":"A_1-EN.txt","abs":%q,"lang":"en","role":"voted"},{"path":"A_1-ZH.txt","abs":%q,"lang":"zh","role":"final"}]},"voted_lang":"en","level":"warning","lexicon":%q}`,
			filepath.Join(dir, "A_1-EN.txt"), filepath.Join(dir, "A_1-ZH.txt"), lex)
	}
	var o, e bytes.Buffer
	code := run(context.Background(), []string{"driftcheck", "batch", "group"}, strings.NewReader(req(batch.LexiconHash(lexicon.Default()))), &o, &e)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, e.String())
	}
	var steps []string
	var res *batch.Result
	sc := bufio.NewScanner(&o)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var l struct {
			Read   string        `json:"read"`
			Check  bool          `json:"check"`
			Result *batch.Result `json:"result"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		switch {
		case l.Result != nil:
			res = l.Result
		case l.Check:
			steps = append(steps, "check")
		default:
			steps = append(steps, l.Read)
		}
	}
	if strings.Join(steps, " ") != "A_1-EN.txt A_1-ZH.txt check" || res == nil || len(res.Findings) != 9 {
		t.Errorf("steps %q, result %+v; want both files read, the check and the 9 findings of the founding case", steps, res)
	}
	o.Reset()
	e.Reset()
	code = run(context.Background(), []string{"driftcheck", "batch", "group"}, strings.NewReader(req("0123456789abcdef")), &o, &e)
	if code != exitError || o.Len() != 0 {
		t.Errorf("another lexicon: exit %d, stdout %q", code, o.String())
	}
	oneLine(t, "another lexicon", e.String(), "the run's is 0123456789ab")
}
