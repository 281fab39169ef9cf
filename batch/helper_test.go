package batch_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/batch"
	"github.com/driftcheck/driftcheck/lexicon"
)

// helperEnv makes the test binary, started by a test, act as a batch run
// ("run") or as the child process that checks one group ("child"), with
// testHook installed: that is how the tests crash driftcheck on purpose.
const helperEnv = "DRIFTCHECK_BATCH_TEST_HELPER"

func TestMain(m *testing.M) {
	switch os.Getenv(helperEnv) {
	case "":
		os.Exit(m.Run())
	case "run":
		os.Exit(helperRun())
	case "child":
		os.Exit(helperChild())
	default:
		fmt.Fprintf(os.Stderr, "%s=%q: want run or child\n", helperEnv, os.Getenv(helperEnv))
		os.Exit(2)
	}
}

// testHook crashes the process the way the kernel's OOM killer does
// (SIGKILL) before reading a file named bomb.txt, or before checking a
// group whose symbol has CHECKBOMB in it, or before reading any file of
// the symbol in $DIE_AT; it panics before reading panic.txt.
func testHook(symbol, path string) {
	switch {
	case filepath.Base(path) == "bomb.txt",
		path == "" && strings.Contains(symbol, "CHECKBOMB"),
		path != "" && symbol == os.Getenv("DIE_AT"):
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal ends the process
	case filepath.Base(path) == "panic.txt":
		panic("test panic reading " + path)
	}
}

var checker = sync.OnceValue(func() *driftcheck.Checker { return driftcheck.New(lexicon.Default()) })

// helperRun runs batch.Run on $MANIFEST into $OUT (shard $SHARD, one
// group a part file), with the child processes of helperChild if $CHILD
// is set.
func helperRun() int {
	batch.SetTestHookStep(testHook)
	src, err := batch.OpenManifest(os.Getenv("MANIFEST"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	opt := batch.Options{Checker: checker(), Out: os.Getenv("OUT"), Jobs: 1, ChunkSize: 1}
	if s := os.Getenv("SHARD"); s != "" {
		a, b, _ := strings.Cut(s, "/")
		opt.Shard, _ = strconv.Atoi(a)
		opt.Shards, _ = strconv.Atoi(b)
	}
	if os.Getenv("CHILD") != "" {
		opt.Child = helperChildCmd
	}
	if _, err := batch.Run(context.Background(), src, opt); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return 0
}

// helperChild serves one group as "driftcheck batch group" does.
func helperChild() int {
	batch.SetTestHookStep(testHook)
	if err := batch.ServeGroup(checker(), os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "driftcheck:", err)
		return 2
	}
	return 0
}

// helperChildCmd is an Options.Child that runs helperChild.
func helperChildCmd(ctx context.Context) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0])
	cmd.Env = append(os.Environ(), helperEnv+"=child")
	return cmd
}

// runHelper runs helperRun in a process of its own and returns how it
// ended.
func runHelper(t *testing.T, manifest, out string, env ...string) (exit error, stderr string) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), helperEnv+"=run", "MANIFEST="+manifest, "OUT="+out)
	cmd.Env = append(cmd.Env, env...)
	var e strings.Builder
	cmd.Stderr = &e
	err := cmd.Run()
	return err, e.String()
}

// killed reports whether a helper ended by SIGKILL.
func killed(err error) bool {
	ee, ok := err.(*exec.ExitError)
	if !ok {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}

// fixture is a small archive: groups of the founding case (the English
// draft voted, the Chinese resolution final) with extra files.
type fixture struct {
	t    *testing.T
	dir  string
	rows []string
}

func newFixture(t *testing.T) *fixture {
	return &fixture{t: t, dir: t.TempDir(), rows: []string{"symbol,role,lang,path"}}
}

// group adds a group: en voted, zh final, and a French final for each
// extra name (a copy of the English text: its content does not matter).
func (f *fixture) group(symbol string, extra ...string) {
	f.t.Helper()
	sub := strings.ReplaceAll(symbol, "/", "_")
	os.MkdirAll(filepath.Join(f.dir, sub), 0o755)
	files := []struct{ name, src, role, lang string }{{"en.txt", "L36.en.txt", "voted", "en"}, {"zh.txt", "RES.zh.txt", "final", "zh"}}
	for _, x := range extra {
		files = append(files, struct{ name, src, role, lang string }{x, "L36.en.txt", "final", "fr"})
	}
	for _, x := range files {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "founding", x.src))
		if err != nil {
			f.t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(f.dir, sub, x.name), data, 0o644); err != nil {
			f.t.Fatal(err)
		}
		f.rows = append(f.rows, strings.Join([]string{symbol, x.role, x.lang, sub + "/" + x.name}, ","))
	}
}

// manifest writes the manifest of the groups added.
func (f *fixture) manifest() string {
	f.t.Helper()
	p := filepath.Join(f.dir, "manifest.csv")
	if err := os.WriteFile(p, []byte(strings.Join(f.rows, "\n")+"\n"), 0o644); err != nil {
		f.t.Fatal(err)
	}
	return p
}

// runOpt runs batch.Run on a manifest with opt (Checker and Out filled in
// when empty).
func runOpt(t *testing.T, ctx context.Context, manifest string, opt batch.Options) (*batch.Summary, error) {
	t.Helper()
	src, err := batch.OpenManifest(manifest)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if opt.Checker == nil {
		opt.Checker = checker()
	}
	if opt.Jobs == 0 {
		opt.Jobs = 2
	}
	return batch.Run(ctx, src, opt)
}

// results returns the results in the part files of dir by symbol,
// failing on a symbol written twice.
func results(t *testing.T, dir string) map[string]batch.Result {
	t.Helper()
	out := map[string]batch.Result{}
	for _, l := range lines(t, dir) {
		var r batch.Result
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		out[r.Symbol] = r
	}
	return out
}
