package batch_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/batch"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
)

// blockingSource holds its first group until release is closed; started
// is closed when the run first asks for a group (it holds the lock then).
type blockingSource struct {
	batch.Source
	started, release chan struct{}
	once             sync.Once
}

func (b *blockingSource) Next() (*batch.Group, error) {
	b.once.Do(func() {
		close(b.started)
		<-b.release
	})
	return b.Source.Next()
}

// TestTwoRunsOneOut starts a second run on an output directory while a
// first one is in the middle of its run: the second is refused with
// ErrLocked, the first finishes with every group once.
func TestTwoRunsOneOut(t *testing.T) {
	f := newFixture(t)
	f.group("A/1")
	f.group("A/2")
	m := f.manifest()
	out := filepath.Join(f.dir, "out")
	src, err := batch.OpenManifest(m)
	if err != nil {
		t.Fatal(err)
	}
	bs := &blockingSource{Source: src, started: make(chan struct{}), release: make(chan struct{})}
	var sum1 *batch.Summary
	var err1 error
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		sum1, err1 = batch.Run(context.Background(), bs, batch.Options{Checker: checker(), Out: out, Jobs: 2})
	}()
	<-bs.started
	_, err2 := runOpt(t, context.Background(), m, batch.Options{Out: out})
	close(bs.release)
	<-finished
	if !errors.Is(err2, batch.ErrLocked) || !strings.Contains(err2.Error(), out) || strings.Contains(err2.Error(), "\n") {
		t.Errorf("second run on %s: error %v, want one line naming the directory and wrapping ErrLocked", out, err2)
	}
	if err1 != nil || sum1.Groups != 2 {
		t.Fatalf("first run: %+v, %v; want 2 groups", sum1, err1)
	}
	if n := len(lines(t, out)); n != 2 {
		t.Errorf("%d result lines, want 2", n)
	}
	// Once the first run is over, the directory is free: a rerun finds
	// everything done.
	sum3, err := runOpt(t, context.Background(), m, batch.Options{Out: out})
	if err != nil || sum3.Groups != 2 || len(lines(t, out)) != 2 {
		t.Errorf("rerun: %+v, %v; want the same 2 groups", sum3, err)
	}
}

// TestDirOneGroupPerSymbol: the files of one symbol in two directories
// are one group; a stray manifest and other files that are not documents
// are skipped and listed, and so is an output directory inside the tree,
// so that a rerun does not read its own results.
func TestDirOneGroupPerSymbol(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"2018/A_HRC_RES_37_23-EN.txt": "L36.en.txt",
		"2019/A_HRC_RES_37_23-ZH.txt": "RES.zh.txt",
	} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "founding", src))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "manifest.csv"), []byte("symbol,role,lang,path\nA/HRC/RES/37/23,voted,en,2018/A_HRC_RES_37_23-EN.txt\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "2019", "notes.md"), []byte("# notes\n"), 0o644)
	out := filepath.Join(dir, "out")
	for run := 1; run <= 2; run++ {
		src, err := batch.OpenDir(dir, out)
		if err != nil {
			t.Fatal(err)
		}
		skipped := src.(batch.Skipper).Skipped()
		want := []string{"2019/notes.md", "manifest.csv"}
		if run == 2 {
			want = append(want, "out/")
		}
		if !slices.Equal(skipped, want) {
			t.Errorf("run %d: skipped %q, want %q", run, skipped, want)
		}
		sum, err := batch.Run(context.Background(), src, batch.Options{Checker: checker(), Out: out, Jobs: 2})
		if err != nil {
			t.Fatal(err)
		}
		rs := results(t, out)
		r, ok := rs["A/HRC/RES/37/23"]
		if sum.Groups != 1 || len(rs) != 1 || !ok || len(r.Files) != 2 || len(r.Errors) != 0 {
			t.Fatalf("run %d: %d groups %v, want one group A/HRC/RES/37/23 of 2 files and no error", run, sum.Groups, rs)
		}
		if len(r.Findings) == 0 {
			t.Errorf("run %d: no findings: the English and Chinese files were not checked together", run)
		}
	}
}

// TestKillShardAndMerge kills shard 1 of 2 part-way (SIGKILL) and merges:
// the merge refuses, naming the unfinished shard, and writes nothing; the
// same for a shard that is missing. Once shard 1 is resumed and finishes,
// the merge holds every group.
func TestKillShardAndMerge(t *testing.T) {
	f := newFixture(t)
	var inShard1 []string
	for _, s := range []string{"A/1", "A/2", "A/3", "A/4", "A/5", "A/6", "A/7", "A/8"} {
		f.group(s)
		if batch.Shard(s, 2) == 1 {
			inShard1 = append(inShard1, s)
		}
	}
	if len(inShard1) < 2 || len(inShard1) > 6 {
		t.Fatalf("shard 1/2 holds %q: want a fixture with at least 2 groups in each shard", inShard1)
	}
	m := f.manifest()
	s0, s1 := filepath.Join(f.dir, "out", "shard-0"), filepath.Join(f.dir, "out", "shard-1")
	if _, err := runOpt(t, context.Background(), m, batch.Options{Out: s0, Shard: 0, Shards: 2}); err != nil {
		t.Fatal(err)
	}
	exit, stderr := runHelper(t, m, s1, "SHARD=1/2", "DIE_AT="+inShard1[1])
	if !killed(exit) {
		t.Fatalf("shard 1 was to be killed at %s: %v\n%s", inShard1[1], exit, stderr)
	}
	if n := len(lines(t, s1)); n >= len(inShard1) {
		t.Fatalf("killed shard 1 holds %d results: it was not killed part-way", n)
	}
	merged := filepath.Join(f.dir, "results.jsonl")
	for _, tc := range []struct {
		dirs []string
		want string
	}{
		{[]string{s0, s1}, "shard 1/2 in " + s1 + " did not finish"},
		{[]string{s0}, "shard 1/2 is in none of the directories given"},
	} {
		_, err := batch.Merge(merged, tc.dirs)
		if !errors.Is(err, batch.ErrUnfinished) || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("merge %q: error %v, want one line with %q", tc.dirs, err, tc.want)
		}
		if _, err := os.Stat(merged); err == nil {
			t.Errorf("merge %q refused but wrote %s", tc.dirs, merged)
		}
	}
	if _, err := runOpt(t, context.Background(), m, batch.Options{Out: s1, Shard: 1, Shards: 2}); err != nil {
		t.Fatal(err)
	}
	sum, err := batch.Merge(merged, []string{s1, s0})
	if err != nil || sum.Groups != 8 {
		t.Fatalf("merge of the finished shards: %+v, %v; want 8 groups", sum, err)
	}
}

// TestMergeEmptyShard: a finished shard that has no group merges like any
// other (a small archive split in many shards).
func TestMergeEmptyShard(t *testing.T) {
	f := newFixture(t)
	f.group("A/1")
	m := f.manifest()
	var dirs []string
	for i := range 2 {
		d := filepath.Join(f.dir, "out", string(rune('0'+i)))
		if _, err := runOpt(t, context.Background(), m, batch.Options{Out: d, Shard: i, Shards: 2}); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, d)
	}
	sum, err := batch.Merge(filepath.Join(f.dir, "results.jsonl"), dirs)
	if err != nil || sum.Groups != 1 {
		t.Fatalf("merge with an empty shard: %+v, %v; want 1 group", sum, err)
	}
}

// TestResumeOtherSettings: a resume with other settings than the run that
// started the output directory is refused, naming what differs, and
// changes nothing; so is a merge of shards run with different settings.
func TestResumeOtherSettings(t *testing.T) {
	other := lexicon.Default().Merge(mustLexicon(t, "id\tgroup\ten\tzh\nextra\tx\tgood offices\t斡旋\n"))
	base := batch.Options{Level: drift.Warning, VotedLang: "en", Version: "v1", Shard: 0, Shards: 1}
	tests := []struct {
		name   string
		change func(*batch.Options)
		want   string
	}{
		{"level", func(o *batch.Options) { o.Level = drift.Error }, "--level error (was warning)"},
		{"voted-lang", func(o *batch.Options) { o.VotedLang = "fr" }, "--voted-lang fr (was en)"},
		{"lexicon", func(o *batch.Options) { o.Checker = driftcheck.New(other) }, "lexicon " + batch.LexiconHash(other)[:12]},
		{"version", func(o *batch.Options) { o.Version = "v2" }, "driftcheck version v2 (was v1)"},
		{"shards", func(o *batch.Options) { o.Shards = 3 }, "shard 0/3 (was 0/1)"},
	}
	f := newFixture(t)
	f.group("A/1")
	f.group("A/2")
	m := f.manifest()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(f.dir, "out-"+tc.name)
			first := base
			first.Out = out
			if _, err := runOpt(t, context.Background(), m, first); err != nil {
				t.Fatal(err)
			}
			before := lines(t, out)
			again := first
			tc.change(&again)
			_, err := runOpt(t, context.Background(), m, again)
			if !errors.Is(err, batch.ErrSettings) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), out) {
				t.Errorf("resume with another %s: error %v, want ErrSettings naming %s and %q", tc.name, err, out, tc.want)
			}
			if after := lines(t, out); !slices.Equal(after, before) {
				t.Errorf("the refused resume changed the results")
			}
			if _, err := runOpt(t, context.Background(), m, first); err != nil {
				t.Errorf("resume with the same settings: %v", err)
			}
		})
	}
	// Two shards of one run with different levels.
	var dirs []string
	for i, lvl := range []drift.Severity{drift.Warning, drift.Error} {
		d := filepath.Join(f.dir, "mixed", string(rune('0'+i)))
		opt := base
		opt.Out, opt.Shard, opt.Shards, opt.Level = d, i, 2, lvl
		if _, err := runOpt(t, context.Background(), m, opt); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, d)
	}
	if _, err := batch.Merge(filepath.Join(f.dir, "mixed.jsonl"), dirs); !errors.Is(err, batch.ErrSettings) || !strings.Contains(err.Error(), "--level error (was warning)") {
		t.Errorf("merge of shards with different levels: %v, want ErrSettings naming the level", err)
	}
}

func mustLexicon(t *testing.T, tsv string) *lexicon.Lexicon {
	t.Helper()
	l, err := lexicon.Parse(strings.NewReader(tsv), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestLexiconHash: the hash depends on what the lexicon matches, not on
// where it was read from.
func TestLexiconHash(t *testing.T) {
	a, b := lexicon.Default(), lexicon.Default()
	if batch.LexiconHash(a) != batch.LexiconHash(b) {
		t.Fatal("two loads of the default lexicon hash differently")
	}
	b.Concepts[0].Origin = "elsewhere.tsv:1"
	if batch.LexiconHash(a) != batch.LexiconHash(b) {
		t.Error("the hash depends on the file the lexicon came from")
	}
	c := lexicon.Default()
	for l, ts := range c.Concepts[0].Terms {
		c.Concepts[0].Terms[l] = append([]string{}, ts...)
		c.Concepts[0].Terms[l][0] += "x"
		break
	}
	if batch.LexiconHash(a) == batch.LexiconHash(c) {
		t.Error("a changed rendering does not change the hash")
	}
	// A compiled lexicon leaves the renderings of its reference concepts
	// in the file: it hashes as its source, and a rendering changed
	// there changes its hash.
	const refs = "id\tgroup\ten\tfr\tzh\trole\n" +
		"sd\t\tsustainable development goals\tobjectifs de développement durable\t可持续发展目标\treference\n" +
		"ref\t\trefugee\tréfugié\t难民\treference\n"
	compiled := func(tsv string) (*lexicon.Lexicon, *lexicon.Lexicon) {
		src, err := lexicon.Parse(strings.NewReader(tsv), "refs.tsv")
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := lexicon.Compile(&buf, src, lexicon.Source{Name: "refs.tsv"}); err != nil {
			t.Fatal(err)
		}
		back, _, err := lexicon.ReadCompiled(buf.Bytes(), "refs.dcx")
		if err != nil {
			t.Fatal(err)
		}
		return src, back
	}
	src, dcx := compiled(refs)
	if batch.LexiconHash(src) != batch.LexiconHash(dcx) {
		t.Error("a compiled lexicon of reference concepts hashes unlike its source")
	}
	_, dcx2 := compiled(strings.Replace(refs, "réfugié", "réfugiés", 1))
	if batch.LexiconHash(dcx) == batch.LexiconHash(dcx2) {
		t.Error("compiled lexicons differing in a reference rendering hash alike")
	}
}

// TestManifestProblems: a broken manifest is one error naming the
// manifest and its line, never a panic; a byte-order mark is accepted;
// two voted rows are an error of their group.
func TestManifestProblems(t *testing.T) {
	tests := []struct {
		name, file, data string
		langs            []string
		want             string // in the error; "" for none
	}{
		{"unterminated quote", "m.csv", "symbol,role,lang,path\nA/1,voted,en,\"a.txt\nA/1,final,zh,b.txt\n", nil, `manifest DIR/m.csv: line 2: the quoted field opened on this line does not close properly`},
		{"unterminated quote in the first field", "m.csv", "symbol,role,lang,path\n\"A/1,voted,en,a.txt\n", nil, `manifest DIR/m.csv: line 2: the quoted field opened on this line does not close properly`},
		{"stray quote", "m.csv", "symbol,role,lang,path\nA/1,voted,en,a\"b.txt\n", nil, `manifest DIR/m.csv: line 2: bare " in non-quoted-field`},
		{"BOM csv", "m.csv", "\uFEFFsymbol,role,lang,path\nA/1,voted,en,a.txt\n", nil, ""},
		{"BOM tsv", "m.tsv", "\uFEFFsymbol\trole\tlang\tpath\nA/1\tvoted\ten\ta.txt\n", nil, ""},
		{"BOM jsonl", "m.jsonl", "\uFEFF{\"symbol\":\"A/1\",\"role\":\"voted\",\"lang\":\"en\",\"path\":\"a.txt\"}\n", nil, ""},
		{"unknown language", "m.csv", "symbol,role,lang,path\nA/1,voted,en,a.txt\nA/1,final,klingon,b.txt\n", nil, `manifest DIR/m.csv: line 3: unknown language code "klingon" (accepted: ar, zh, en, fr, ru, es)`},
		{"cn for zh", "m.csv", "symbol,role,lang,path\nA/1,final,cn,b.txt\n", nil, `line 2: unknown language code "cn" (accepted: ar, zh, en, fr, ru, es); did you mean "zh"?`},
		{"lexicon language", "m.csv", "symbol,role,lang,path\nA/1,final,de,b.txt\n", []string{"de"}, ""},
		{"empty", "m.csv", "", nil, "manifest DIR/m.csv: empty"},
		{"not UTF-8", "m.csv", "symbol,role,lang,path\nA/1,voted,en,caf\xe9.txt\n", nil, "manifest DIR/m.csv: line 2: not UTF-8"},
		{"endless line", "m.csv", "symbol,role,lang,path\n" + strings.Repeat("\x00", 3<<20), nil, "manifest DIR/m.csv: line 2: longer than 1024 KiB"},
		{"endless JSON line", "m.jsonl", `{"symbol":"` + strings.Repeat("A", 3<<20), nil, "manifest DIR/m.jsonl: line 1: longer than 1024 KiB"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, tc.file)
			os.WriteFile(p, []byte(tc.data), 0o644)
			want := strings.ReplaceAll(tc.want, "DIR", dir)
			var err error
			src, err := batch.OpenManifest(p, tc.langs...)
			var groups []*batch.Group
			if err == nil {
				defer src.Close()
				for {
					var g *batch.Group
					g, err = src.Next()
					if err != nil {
						break
					}
					groups = append(groups, g)
				}
			}
			if want == "" {
				if err.Error() != "EOF" || len(groups) != 1 || groups[0].Symbol != "A/1" || groups[0].Files[0].Path == "" {
					t.Errorf("groups %+v, error %v; want the group A/1", groups, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v, want one line with %q", err, want)
			}
		})
	}
}

// TestManifestTwoVoted: two files with role voted in one group make that
// group's result an error naming the lines; the other groups are checked.
func TestManifestTwoVoted(t *testing.T) {
	f := newFixture(t)
	f.group("A/1")
	f.group("A/2")
	f.rows = append(f.rows[:3], append([]string{"A/1,voted,fr,A_1/en.txt"}, f.rows[3:]...)...)
	m := f.manifest()
	out := filepath.Join(f.dir, "out")
	sum, err := runOpt(t, context.Background(), m, batch.Options{Out: out})
	if err != nil {
		t.Fatal(err)
	}
	rs := results(t, out)
	r := rs["A/1"]
	if sum.Groups != 2 || len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Error, "lines 2 and 4: two files with role voted") || len(r.Findings) != 0 {
		t.Errorf("group A/1: %+v; want one error naming lines 2 and 4", r)
	}
	if len(rs["A/2"].Findings) == 0 || len(rs["A/2"].Errors) != 0 {
		t.Errorf("group A/2 was not checked: %+v", rs["A/2"])
	}
}

// TestCrashInProcess: a file that kills driftcheck (SIGKILL, as the OOM
// killer does) while it is checked with the other groups, then again when
// its group is checked alone, is left out by the next run with an error
// saying so; the rest of its group is checked and the shard finishes.
func TestCrashInProcess(t *testing.T) {
	f := newFixture(t)
	f.group("A/1")
	f.group("A/2", "bomb.txt")
	f.group("A/3")
	m := f.manifest()
	out := filepath.Join(f.dir, "out")
	for run := 1; run <= 2; run++ {
		if exit, stderr := runHelper(t, m, out); !killed(exit) {
			t.Fatalf("run %d: %v, want killed by bomb.txt\n%s", run, exit, stderr)
		}
	}
	if exit, stderr := runHelper(t, m, out); exit != nil {
		t.Fatalf("run 3: %v, want the shard finished\n%s", exit, stderr)
	}
	checkBombResult(t, out, "in an earlier run (out of memory or killed)")
}

// TestCrashChild: with child processes, the group that was in flight when
// a run died is checked alone in a child; the child that dies reading
// bomb.txt makes it an error of that file, and one resume finishes the
// shard.
func TestCrashChild(t *testing.T) {
	f := newFixture(t)
	f.group("A/1")
	f.group("A/2", "bomb.txt")
	f.group("A/3")
	m := f.manifest()
	out := filepath.Join(f.dir, "out")
	if exit, stderr := runHelper(t, m, out); !killed(exit) {
		t.Fatalf("run 1: %v, want killed by bomb.txt\n%s", exit, stderr)
	}
	if exit, stderr := runHelper(t, m, out, "CHILD=1"); exit != nil {
		t.Fatalf("resume: %v, want the shard finished\n%s", exit, stderr)
	}
	checkBombResult(t, out, "(killed by signal SIGKILL: out of memory?)")
}

// checkBombResult checks the results of the crash tests: every group,
// bomb.txt an error with want, the Chinese final of A/2 still checked, the
// shard finished (it merges) and no journal left.
func checkBombResult(t *testing.T, out, want string) {
	t.Helper()
	rs := results(t, out)
	r := rs["A/2"]
	if len(rs) != 3 || len(r.Errors) != 1 || r.Errors[0].Path != "A_2/bomb.txt" || !strings.Contains(r.Errors[0].Error, "reading this file crashed driftcheck "+want) {
		t.Fatalf("results %d, A/2 errors %+v; want 3 groups and bomb.txt an error with %q", len(rs), r.Errors, want)
	}
	zh := 0
	for _, f := range r.Findings {
		if f.Final.Lang == "zh" {
			zh++
		}
	}
	if zh == 0 {
		t.Errorf("A/2: no finding in the Chinese final: the rest of the group was not checked")
	}
	if _, err := batch.Merge(filepath.Join(filepath.Dir(out), "merged.jsonl"), []string{out}); err != nil {
		t.Errorf("the shard did not finish: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "inflight.jsonl")); err == nil {
		t.Errorf("a finished run left its in-flight journal")
	}
}

// TestCrashChildCheckStep: a group whose check (after reading its files)
// kills the child process is recorded as an error of the group.
func TestCrashChildCheckStep(t *testing.T) {
	f := newFixture(t)
	f.group("A/CHECKBOMB")
	f.group("A/2")
	m := f.manifest()
	out := filepath.Join(f.dir, "out")
	if exit, stderr := runHelper(t, m, out); !killed(exit) {
		t.Fatalf("run 1: %v, want killed checking A/CHECKBOMB\n%s", exit, stderr)
	}
	if exit, stderr := runHelper(t, m, out, "CHILD=1"); exit != nil {
		t.Fatalf("resume: %v\n%s", exit, stderr)
	}
	rs := results(t, out)
	r := rs["A/CHECKBOMB"]
	if len(rs) != 2 || len(r.Errors) != 1 || r.Errors[0].Path != "" || !strings.Contains(r.Errors[0].Error, "checking this group crashed driftcheck (killed by signal SIGKILL") || len(r.Files) != 2 {
		t.Errorf("A/CHECKBOMB: %+v; want its two files and an error saying checking it crashed", r)
	}
}

// TestPanicIsFileError: a reader that panics on a file makes that file an
// error of its group; the run goes on.
func TestPanicIsFileError(t *testing.T) {
	batch.SetTestHookStep(testHook)
	t.Cleanup(func() { batch.SetTestHookStep(nil) })
	f := newFixture(t)
	f.group("A/1", "panic.txt")
	f.group("A/2")
	m := f.manifest()
	out := filepath.Join(f.dir, "out")
	sum, err := runOpt(t, context.Background(), m, batch.Options{Out: out})
	if err != nil || sum.Groups != 2 {
		t.Fatalf("%+v, %v", sum, err)
	}
	r := results(t, out)["A/1"]
	if len(r.Errors) != 1 || r.Errors[0].Path != "A_1/panic.txt" || !strings.Contains(r.Errors[0].Error, "A_1/panic.txt: driftcheck crashed reading it: panic: test panic") {
		t.Errorf("A/1 errors %+v, want panic.txt's panic", r.Errors)
	}
}

// TestInterruptKeepsWork cancels a run after its first result: the run
// says it was interrupted and why, the results checked are in the part
// files (not thrown away), and a resume completes without duplicates.
func TestInterruptKeepsWork(t *testing.T) {
	f := newFixture(t)
	for _, s := range []string{"A/1", "A/2", "A/3", "A/4"} {
		f.group(s)
	}
	m := f.manifest()
	out := filepath.Join(f.dir, "out")
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	cause := errors.New("test stop")
	_, err := runOpt(t, ctx, m, batch.Options{Out: out, Jobs: 1, ChunkSize: 100, Progress: func(done int) {
		if done == 1 {
			cancel(cause)
		}
	}})
	var ie *batch.InterruptedError
	if !errors.As(err, &ie) || !errors.Is(err, batch.ErrInterrupted) || !errors.Is(err, cause) {
		t.Fatalf("error %v, want an InterruptedError caused by %v", err, cause)
	}
	if n := len(lines(t, out)); ie.Kept < 1 || n != ie.Kept {
		t.Errorf("%d results kept in the part files, the error says %d; want at least 1", n, ie.Kept)
	}
	sum, err := runOpt(t, context.Background(), m, batch.Options{Out: out})
	if err != nil || sum.Groups != 4 || len(lines(t, out)) != 4 {
		t.Errorf("resume: %+v, %v; want 4 groups", sum, err)
	}
}

// TestManifestNotRegular: a manifest that is a FIFO nobody writes to reads
// as empty instead of waiting forever; a device or a directory is refused
// unread.
func TestManifestNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	dev := filepath.Join(dir, "zero.csv")
	devErr := syscall.Mknod(dev, syscall.S_IFCHR|0o644, 1<<8|5) // like /dev/zero: endless
	cases := map[string]string{
		fifo: "manifest " + fifo + ": empty",
		dir:  "manifest " + dir + ": is a directory",
		dev:  "manifest " + dev + ": not a regular file",
	}
	for path, want := range cases {
		if path == dev && devErr != nil {
			t.Logf("mknod: %v: no device case", devErr)
			continue
		}
		src, err := batch.OpenManifest(path)
		if err == nil {
			_, err = src.Next()
			src.Close()
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", path, err, want)
		}
	}
}
