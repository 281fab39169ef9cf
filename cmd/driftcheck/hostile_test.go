//go:build linux

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const (
	// hostileMemCap is the address-space limit (RLIMIT_AS) of each child.
	// Measured with prlimit on this binary (go1.26, amd64, built with cgo
	// as "go build" does by default): a text-only run fails to start
	// under 768 MiB and is unreliable up to 1.25 GiB (the Go runtime's
	// reservations, and a 64 MiB glibc arena per thread); a run that reads
	// a PDF fails at 1.5 GiB and works from 1.75 GiB (wazero reserves
	// PDFium's 1 GiB of WebAssembly memory up front; VmPeak 1.95 GB on the
	// founding PDFs). A text run reserves about 1.7 GiB of address space
	// before it allocates its heap, so 3 GiB leaves a heap of about 1.2 GiB.
	hostileMemCap = 3 << 30
	// hostileTimeout bounds the wall time of one case; fifoTimeout that
	// of a case whose input is a FIFO no one writes to (refused at once,
	// or it hangs).
	hostileTimeout = 60 * time.Second
	fifoTimeout    = 10 * time.Second
	// hostileWorkers is how many children run at once.
	hostileWorkers = 2
	// keepOutput is how much of a child's stdout and stderr is kept.
	keepOutput = 64 << 10
)

// expectation is what a case must end in.
type expectation int

const (
	// refuse: exit 2, one stderr line naming the file and the problem,
	// nothing on stdout (unless the case allows a report of other files).
	refuse expectation = iota
	// groupError: batch exits 0 and the result of the group records an
	// error naming the file (README: "an unreadable file is an error of
	// its group and the run goes on").
	groupError
	// groupOrRefuse: either of the above.
	groupOrRefuse
	// bounded: valid but large or odd input: a result (exit 0 or 1) or a
	// refusal, within the time and memory bounds.
	bounded
	// succeed: a control case: exit wantExit, stdout holding wantOut.
	succeed
)

func (e expectation) String() string {
	return [...]string{"refuse", "group error", "group error or refuse", "bounded", "succeed"}[e]
}

// hostileRun is one case made concrete: its command line and what to check
// after it.
type hostileRun struct {
	dir      string   // private temporary directory of the case
	cwd      string   // the child's working directory (must stay empty)
	args     []string // after the binary's name
	names    []string // the stderr line must name one of these (path or base name)
	problem  []string // when set, the stderr line must hold one of these (any case)
	stdoutOK bool     // a refusal may still print a report of the other files
	stdout   string   // when set, the child's stdout is this file (a private device)
	timeout  time.Duration
	// watch are directories whose entries (names, types, modes, bytes)
	// must be the same after the run: output directories.
	watch []string
	// gone are paths that must not exist after the run (or be empty
	// directories): outputs of a refused run.
	gone []string
	// batchOut is the --out of a batch case expecting a group error.
	batchOut string
	// groupWant is what the group error must mention (any one, any case).
	groupWant []string
	wantExit  int
	wantOut   string
	// extra checks run after the standard ones; each returns a problem or "".
	extra []func(res *hostileResult) string
}

// hostileResult is how the child ended.
type hostileResult struct {
	cmdline        string
	exit           int // -1 when killed by a signal
	signal         string
	timedOut       bool
	seconds        float64
	maxRSSKiB      int64
	stdout, stderr string
	startErr       error
}

// hostileCase is one row of the suite.
type hostileCase struct {
	name  string
	want  expectation
	slow  bool
	build func(e *hostileEnv, r *hostileRun) error // fills r.args and the checks
}

// errSkipCase is returned by a build function that cannot make its input
// here (no mknod, running as root for a permission case).
var errSkipCase = errors.New("skip")

// hostileEnv is what the cases share: the binary, the good inputs, the
// generated hostile inputs.
type hostileEnv struct {
	bin    string
	shared string   // generated inputs, the PDF cache, HOME
	env    []string // the child's environment
	helper string   // this test binary, run as the helper (see hostileHelper)
	wrap   []string // the memory-cap wrapper, before the binary
	sem    chan struct{}
	root   bool

	goodEN, goodZH, goodTMX, goodTBX, goodLexicon string
	goodManifest, goodShard                       string

	mu    sync.Mutex
	files map[string]*lazyFile
	rows  []hostileRow
}

// lazyFile is a generated input, made once on first use.
type lazyFile struct {
	once sync.Once
	path string
	err  error
}

// hostileRow is one line of the table.
type hostileRow struct {
	name     string
	skipped  bool
	clean    bool
	seconds  float64
	rssMiB   float64
	exit     int
	problems string
}

// TestHostileInputs runs the built driftcheck binary, as a child process
// under a memory cap and a wall-clock timeout, on hostile inputs of every
// format it reads, in every input position of every subcommand, and checks
// the house rule for bad input: exit status 2, one line on standard error
// naming the file and the problem, no panic or runtime trace, no output
// file left behind (an existing one unchanged), bounded time and memory.
//
// The inputs are generated in temporary directories (see
// hostile_inputs_test.go). Each case's seconds and peak RSS are logged and,
// when DRIFTCHECK_ARTIFACTS is set, written to hostile.tsv there. The slow
// cases (inputs of hundreds of megabytes, quadratic-time shapes) are
// skipped with -short.
//
// Linux only: it relies on RLIMIT_AS, mkfifo and mknod, process groups and
// ru_maxrss in KiB.
func TestHostileInputs(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to build the binary with")
	}
	if raceEnabled() {
		// The binary under test is built without the race detector; with
		// it, only the generation of the inputs slows down (2 minutes
		// become 5).
		t.Skip("skipped under -race: the binary it runs is built without the race detector")
	}
	e := newHostileEnv(t)
	cases := hostileCases(e)
	t.Logf("%d cases; memory cap (RLIMIT_AS) %d MiB set by %s; timeout %v", len(cases), hostileMemCap>>20, e.wrap[0], hostileTimeout)
	t.Run("case", func(t *testing.T) {
		seen := map[string]bool{}
		for _, c := range cases {
			if seen[c.name] {
				t.Fatalf("case %s listed twice", c.name)
			}
			seen[c.name] = true
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				if c.slow && testing.Short() {
					e.skipRow(c.name, "slow: skipped with -short")
					t.Skip("slow case, skipped with -short")
				}
				e.runCase(t, c)
			})
		}
	})
	e.writeTable(t)
}

// raceEnabled reports whether this test binary was built with -race.
func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

func newHostileEnv(t *testing.T) *hostileEnv {
	shared := t.TempDir()
	e := &hostileEnv{
		bin:    filepath.Join(shared, "driftcheck"),
		shared: shared,
		sem:    make(chan struct{}, hostileWorkers),
		root:   os.Geteuid() == 0,
		files:  map[string]*lazyFile{},
	}
	build := exec.Command("go", "build", "-trimpath", "-o", e.bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, d := range []string{"home", "cache", "tmp", "inputs"} {
		if err := os.Mkdir(filepath.Join(shared, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	e.env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + filepath.Join(shared, "home"),
		// One PDFium compilation cache for the whole suite.
		"XDG_CACHE_HOME=" + filepath.Join(shared, "cache"),
		"TMPDIR=" + filepath.Join(shared, "tmp"),
		"NO_COLOR=1",
		"LANG=C.UTF-8",
		// Under -race the helper (this test binary) would otherwise
		// sleep a second at exit.
		"GORACE=atexit_sleep_ms=0",
	}
	helper, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	e.helper = helper
	// The cap is set in the child itself, by prlimit or the shell, so
	// that it holds from the binary's first instruction.
	if p, err := exec.LookPath("prlimit"); err == nil {
		e.wrap = []string{p, "--as=" + strconv.Itoa(hostileMemCap), "--"}
	} else {
		e.wrap = []string{"/bin/sh", "-c", `ulimit -v ` + strconv.Itoa(hostileMemCap>>10) + ` && exec "$@"`, "sh"}
	}
	abs := func(p string) string {
		a, err := filepath.Abs(filepath.Join("..", "..", "testdata", p))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(a); err != nil {
			t.Fatalf("testdata: %v", err)
		}
		return a
	}
	e.goodEN = abs("founding/L36.en.txt")
	e.goodZH = abs("founding/RES.zh.txt")
	e.goodTMX = abs("formats/bitext/founding.tmx")
	e.goodTBX = abs("formats/bitext/cooperation-v3.tbx")
	lex, err := filepath.Abs(filepath.Join("..", "..", "lexicon", "default.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	e.goodLexicon = lex

	// The cap must let a normal run start, a PDF included: PDFium's
	// compilation is cached once here, before the parallel cases.
	r := e.exec(&hostileRun{cwd: shared, timeout: 3 * hostileTimeout,
		args: []string{"check", "--voted", abs("formats/pdf/L36.en.pdf"), abs("formats/pdf/RES.zh.pdf")}})
	if r.exit != 1 || !strings.Contains(r.stdout, "finding(s)") {
		t.Fatalf("the founding PDFs do not check under the %d MiB cap (%s): exit %d, stderr %+q", hostileMemCap>>20, r.cmdline, r.exit, clipOut(r.stderr))
	}
	t.Logf("control under the cap: %s: %.2f s, peak RSS %.0f MiB", r.cmdline, r.seconds, float64(r.maxRSSKiB)/1024)

	e.goodManifest = filepath.Join(shared, "good.csv")
	m := "symbol,role,lang,path\nA/HRC/37/L.36,voted,en," + e.goodEN + "\nA/HRC/37/L.36,final,zh," + e.goodZH + "\n"
	if err := os.WriteFile(e.goodManifest, []byte(m), 0o644); err != nil {
		t.Fatal(err)
	}
	e.goodShard = filepath.Join(shared, "shard-good")
	r = e.exec(&hostileRun{cwd: shared, timeout: hostileTimeout,
		args: []string{"batch", "--quiet", "--manifest", e.goodManifest, "--out", e.goodShard}})
	if r.exit != 0 {
		t.Fatalf("the good batch run fails (%s): exit %d, stderr %+q", r.cmdline, r.exit, clipOut(r.stderr))
	}
	return e
}

// input returns the path of a generated input, making it on first use:
// name is the input's directory under inputs/, file its file name, make
// writes it at the path it is given.
func (e *hostileEnv) input(name, file string, mk func(p string) error) (string, error) {
	e.mu.Lock()
	lf := e.files[name]
	if lf == nil {
		lf = &lazyFile{}
		e.files[name] = lf
	}
	e.mu.Unlock()
	lf.once.Do(func() {
		dir := filepath.Join(e.shared, "inputs", name)
		if lf.err = os.MkdirAll(dir, 0o755); lf.err != nil {
			return
		}
		lf.path = filepath.Join(dir, file)
		lf.err = mk(lf.path)
	})
	return lf.path, lf.err
}

// runCase builds, runs and judges one case.
func (e *hostileEnv) runCase(t *testing.T, c hostileCase) {
	e.sem <- struct{}{}
	defer func() { <-e.sem }()
	r := &hostileRun{dir: t.TempDir(), timeout: hostileTimeout}
	r.cwd = filepath.Join(r.dir, "cwd")
	if err := os.Mkdir(r.cwd, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := c.build(e, r); err != nil {
		if errors.Is(err, errSkipCase) {
			e.skipRow(c.name, err.Error())
			t.Skipf("%s: %v", c.name, err)
		}
		t.Fatalf("%s: making the input: %v", c.name, err)
	}
	before := map[string]string{}
	for _, d := range r.watch {
		before[d] = snapshot(d)
	}
	res := e.exec(r)
	problems := judge(c.want, r, res)
	refused := res.exit == 2 || c.want == refuse
	for _, d := range r.watch {
		if after := snapshot(d); refused && after != before[d] {
			problems = append(problems, fmt.Sprintf("output directory %s changed: before %s, after %s", d, before[d], after))
		}
	}
	if s := snapshot(r.cwd); s != "" {
		problems = append(problems, "files left in the working directory: "+s)
	}
	for _, f := range r.extra {
		if p := f(res); p != "" {
			problems = append(problems, p)
		}
	}
	e.mu.Lock()
	e.rows = append(e.rows, hostileRow{name: c.name, clean: len(problems) == 0, seconds: res.seconds,
		rssMiB: float64(res.maxRSSKiB) / 1024, exit: res.exit, problems: strings.Join(problems, "; ")})
	e.mu.Unlock()
	if len(problems) > 0 {
		t.Errorf("%s (want %v): %s\n  command: %s\n  exit %d%s after %.2f s, peak RSS %.0f MiB\n  stderr: %+q\n  stdout: %+q",
			c.name, c.want, strings.Join(problems, "; "), res.cmdline, res.exit, res.signal, res.seconds,
			float64(res.maxRSSKiB)/1024, clipOut(res.stderr), clipOut(res.stdout))
	}
}

// skipRow records a skipped case in the table.
func (e *hostileEnv) skipRow(name, why string) {
	e.mu.Lock()
	e.rows = append(e.rows, hostileRow{name: name, skipped: true, problems: why})
	e.mu.Unlock()
}

// exec runs the binary with r.args through the helper (this test binary
// again, see hostileHelper), with an empty stdin, and returns how it ended.
//
// The helper is there for the peak RSS: a child started straight from this
// process inherits, in ru_maxrss, the RSS of this process at the time
// (os/exec starts children with vfork, and exec records the high-water
// mark of the memory it replaces), so its own peak could not be told
// apart. The helper, small and freshly started, starts the binary under
// the memory-cap wrapper, so the binary's ru_maxrss is its own (or the
// helper's few MiB, whichever is more).
func (e *hostileEnv) exec(r *hostileRun) *hostileResult {
	res := &hostileResult{cmdline: "driftcheck " + shellJoin(r.args)}
	if r.stdout != "" {
		res.cmdline += " > " + r.stdout
	}
	argv := append(append(append([]string{}, e.wrap...), e.bin), r.args...)
	cmd := exec.Command(e.helper, argv...)
	cmd.Dir = r.cwd
	cmd.Env = append(append([]string{}, e.env...), fmt.Sprintf("%s=%d", helperEnv, r.timeout))
	cmd.Stdin = strings.NewReader("")
	var stdout, stderr capped
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if r.stdout != "" {
		f, err := os.OpenFile(r.stdout, os.O_WRONLY, 0)
		if err != nil {
			res.startErr = err
			return res
		}
		defer f.Close()
		cmd.Stdout = f
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		res.startErr = err
		return res
	}
	defer pr.Close()
	cmd.ExtraFiles = []*os.File{pw}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		pw.Close()
		res.startErr = err
		return res
	}
	pw.Close()
	// The helper enforces the timeout; this is the net under it.
	timer := time.AfterFunc(r.timeout+30*time.Second, func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })
	report, _ := io.ReadAll(pr)
	cmd.Wait()
	timer.Stop()
	res.stdout, res.stderr = stdout.String(), stderr.String()
	var h helperReport
	if err := json.Unmarshal(report, &h); err != nil {
		res.startErr = fmt.Errorf("no report from the helper (%v): %s", err, report)
		return res
	}
	if h.Error != "" {
		res.startErr = errors.New(h.Error)
		return res
	}
	res.exit, res.timedOut, res.seconds, res.maxRSSKiB = h.Exit, h.TimedOut, h.Seconds, h.MaxRSSKiB
	if h.Signal != "" {
		res.signal = " (signal: " + h.Signal + ")"
	}
	return res
}

// helperEnv, set to a timeout in nanoseconds, makes this test binary the
// helper instead of running tests.
const helperEnv = "DRIFTCHECK_HOSTILE_HELPER"

func init() {
	if v, ok := os.LookupEnv(helperEnv); ok {
		os.Exit(hostileHelper(v, os.Args[1:]))
	}
}

// helperReport is what the helper writes on its file descriptor 3.
type helperReport struct {
	Exit      int     `json:"exit"` // -1 when killed by a signal
	Signal    string  `json:"signal,omitempty"`
	TimedOut  bool    `json:"timed_out"`
	Seconds   float64 `json:"seconds"`
	MaxRSSKiB int64   `json:"max_rss_kib"`
	Error     string  `json:"error,omitempty"`
}

// hostileHelper runs argv (the memory-cap wrapper, the binary and its
// arguments) with stdin, stdout and stderr its own, kills its process group
// after the timeout, and reports how it ended on descriptor 3.
func hostileHelper(spec string, argv []string) int {
	out := os.NewFile(3, "report")
	var rep helperReport
	defer func() {
		json.NewEncoder(out).Encode(rep)
		out.Close()
	}()
	timeout, err := strconv.ParseInt(spec, 10, 64)
	if err != nil || len(argv) == 0 {
		rep.Error = "helper: bad arguments " + spec
		return 0
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, helperEnv+"=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	// Its own process group, so that the kill reaches anything it starts;
	// and killed if the helper dies first.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		rep.Error = "helper: " + err.Error()
		return 0
	}
	var mu sync.Mutex
	timer := time.AfterFunc(time.Duration(timeout), func() {
		mu.Lock()
		rep.TimedOut = true
		mu.Unlock()
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	})
	cmd.Wait()
	timer.Stop()
	mu.Lock()
	defer mu.Unlock()
	rep.Seconds = time.Since(start).Seconds()
	st := cmd.ProcessState
	rep.Exit = st.ExitCode()
	if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		rep.Signal = ws.Signal().String()
	}
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		rep.MaxRSSKiB = ru.Maxrss // KiB on Linux
	}
	// Whatever the binary left in its group (it should have nothing).
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	return 0
}

// traces are what a crash of the Go runtime prints.
var traces = []string{"panic:", "goroutine ", "runtime error", "fatal error", "runtime: out of memory", "SIGSEGV", "[signal "}

// judge returns what is wrong with the result of a run.
func judge(want expectation, r *hostileRun, res *hostileResult) []string {
	var p []string
	switch {
	case res.startErr != nil:
		return []string{"could not start: " + res.startErr.Error()}
	case res.timedOut:
		p = append(p, fmt.Sprintf("still running after %v: killed (a hang or unbounded work)", r.timeout))
	case res.signal != "":
		p = append(p, "ended by a signal"+res.signal+" (the memory cap, or a crash)")
	}
	for _, tr := range traces {
		if strings.Contains(res.stderr, tr) || strings.Contains(res.stdout, tr) {
			p = append(p, fmt.Sprintf("a runtime trace (%q) in the output%s", tr, topFrames(res.stderr)))
			break
		}
	}
	if strings.Contains(res.stdout, "root:x:0:0") || strings.Contains(res.stderr, "root:x:0:0") {
		p = append(p, "the text of /etc/passwd (an external entity) in the output")
	}
	if len(p) > 0 {
		return p
	}
	switch want {
	case refuse:
		p = append(p, refusal(r, res)...)
	case groupError:
		p = append(p, groupErrored(r, res)...)
	case groupOrRefuse:
		if res.exit == 2 {
			p = append(p, refusal(r, res)...)
		} else {
			p = append(p, groupErrored(r, res)...)
		}
	case bounded:
		if res.exit == 2 {
			p = append(p, refusal(r, res)...)
		} else if res.exit != 0 && res.exit != 1 {
			p = append(p, fmt.Sprintf("exit %d, want 0 or 1 (a result) or 2 (a refusal)", res.exit))
		}
	case succeed:
		if res.exit != r.wantExit {
			p = append(p, fmt.Sprintf("exit %d, want %d", res.exit, r.wantExit))
		}
		if r.wantOut != "" && !strings.Contains(res.stdout, r.wantOut) {
			p = append(p, fmt.Sprintf("stdout lacks %q", r.wantOut))
		}
	}
	refused := res.exit == 2 || want == refuse
	for _, g := range r.gone {
		if !refused {
			break
		}
		if st, err := os.Stat(g); err == nil {
			if !st.IsDir() {
				p = append(p, "output left behind: "+g)
			} else if s := results(g); s != "" {
				p = append(p, "results left behind in "+g+": "+s)
			}
		}
	}
	return p
}

// topFrames names where a Go trace in stderr was: its first line and the
// first function outside the runtime, and the first in this module.
func topFrames(stderr string) string {
	first, _, _ := strings.Cut(stderr, "\n")
	var outside, ours string
	lines := strings.Split(stderr, "\n")
	for i, l := range lines {
		// A frame is a function line followed by its file line.
		if i+1 == len(lines) || !strings.HasPrefix(lines[i+1], "\t") || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "runtime.") {
			continue
		}
		fn := l
		if k := strings.LastIndex(l, "("); k > 0 {
			fn = l[:k] // the arguments off
		}
		if outside == "" {
			outside = fn
		}
		if ours == "" && strings.HasPrefix(fn, "github.com/driftcheck/") {
			ours = fn
		}
	}
	out := ": " + first
	if outside != "" {
		out += ", in " + outside
	}
	if ours != "" && ours != outside {
		out += ", called from " + ours
	}
	return out
}

// refusal checks a refusal: exit 2, one stderr line that names the file and
// the problem, no report on stdout.
func refusal(r *hostileRun, res *hostileResult) []string {
	var p []string
	if res.exit != 2 {
		p = append(p, fmt.Sprintf("exit %d, want 2", res.exit))
	}
	lines := strings.Split(strings.TrimSuffix(res.stderr, "\n"), "\n")
	switch {
	case res.stderr == "":
		p = append(p, "nothing on stderr, want one line naming the file and the problem")
	case len(lines) != 1 || !strings.HasSuffix(res.stderr, "\n"):
		p = append(p, fmt.Sprintf("%d lines on stderr, want one", len(lines)))
	}
	first := lines[0]
	if len(r.names) > 0 && res.stderr != "" {
		named := ""
		for _, n := range r.names {
			for _, m := range []string{n, filepath.Base(n)} {
				if m != "" && m != "." && strings.Contains(first, m) && named == "" {
					named = m
				}
			}
		}
		if named == "" {
			p = append(p, fmt.Sprintf("the stderr line does not name %s", strings.Join(r.names, " or ")))
		} else if rest := strings.Fields(strings.NewReplacer(named, "", "driftcheck:", "").Replace(first)); len(rest) < 2 {
			p = append(p, "the stderr line names the file but not the problem")
		}
	}
	if len(r.problem) > 0 && res.stderr != "" {
		found := false
		for _, w := range r.problem {
			found = found || strings.Contains(strings.ToLower(first), strings.ToLower(w))
		}
		if !found {
			p = append(p, fmt.Sprintf("the stderr line does not say the problem (want one of %q)", r.problem))
		}
	}
	if !r.stdoutOK && res.stdout != "" && r.stdout == "" {
		p = append(p, "a refused run printed on stdout")
	}
	return p
}

// groupErrored checks a batch run that must complete and record the file's
// error in its group's result.
func groupErrored(r *hostileRun, res *hostileResult) []string {
	var p []string
	if res.exit != 0 {
		p = append(p, fmt.Sprintf("exit %d, want 0 (the run completes; the file is an error of its group)", res.exit))
	}
	for _, l := range strings.Split(strings.TrimSpace(res.stderr), "\n") {
		if l != "" && !mentionsAny(l, r.names) {
			p = append(p, fmt.Sprintf("a stderr line that does not name the file: %q", l))
			break
		}
	}
	if res.stdout != "" {
		p = append(p, "batch printed on stdout")
	}
	errs, err := batchErrors(r.batchOut)
	if err != nil {
		return append(p, err.Error())
	}
	want := r.groupWant
	if len(want) == 0 {
		want = r.names
	}
	for _, e := range errs {
		if mentionsAny(e.Path+" "+e.Error, want) && strings.TrimSpace(e.Error) != "" {
			return p
		}
	}
	return append(p, fmt.Sprintf("no result records an error mentioning %s (errors: %+v)", strings.Join(want, " or "), errs))
}

func mentionsAny(s string, names []string) bool {
	for _, n := range names {
		if n != "" && (strings.Contains(strings.ToLower(s), strings.ToLower(n)) || strings.Contains(s, filepath.Base(n))) {
			return true
		}
	}
	return false
}

type batchFileError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// batchErrors reads the errors of every result in a batch output directory.
func batchErrors(out string) ([]batchFileError, error) {
	parts, _ := filepath.Glob(filepath.Join(out, "part-*.jsonl"))
	if len(parts) == 0 {
		return nil, fmt.Errorf("no part file in %s", out)
	}
	var all []batchFileError
	for _, part := range parts {
		f, err := os.Open(part)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var r struct {
				Errors []batchFileError `json:"errors"`
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s: a result line that is not JSON: %v", part, err)
			}
			all = append(all, r.Errors...)
		}
		f.Close()
	}
	return all, nil
}

// results lists the files in a batch output directory that hold results
// or say that a run finished: part files, summaries, completion records
// (not the bookkeeping of a run in progress: lock, settings).
func results(dir string) string {
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, en := range entries {
		n := en.Name()
		if strings.HasPrefix(n, "part-") || strings.HasPrefix(n, "summary") || strings.HasPrefix(n, "complete") || strings.HasSuffix(n, ".jsonl") && !strings.HasPrefix(n, "inflight") {
			out = append(out, n)
		}
	}
	return strings.Join(out, " ")
}

// snapshot describes the entries of a directory tree: name, type, mode,
// size and a digest of the bytes of small files; "" for an empty or
// missing directory.
func snapshot(dir string) string {
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := os.Lstat(p)
		if err != nil {
			return nil
		}
		fmt.Fprintf(&b, "%s(%v,%d", rel, info.Mode(), info.Size())
		if info.Mode().IsRegular() && info.Size() < 1<<20 {
			if data, err := os.ReadFile(p); err == nil {
				fmt.Fprintf(&b, ",%x", sum64(data))
			}
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			b.WriteString("->" + target)
		}
		b.WriteString(") ")
		return nil
	})
	return strings.TrimSpace(b.String())
}

// sum64 is FNV-1a of data, to tell files apart in a snapshot.
func sum64(data []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range data {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// writeTable logs the table of cases and writes it to
// $DRIFTCHECK_ARTIFACTS/hostile.tsv.
func (e *hostileEnv) writeTable(t *testing.T) {
	e.mu.Lock()
	rows := append([]hostileRow(nil), e.rows...)
	e.mu.Unlock()
	sort.Slice(rows, func(i, j int) bool { return rows[i].name < rows[j].name })
	var b bytes.Buffer
	b.WriteString("case\tclean\tseconds\tpeak_rss_mib\texit\tproblems\n")
	clean, skipped := 0, 0
	for _, r := range rows {
		yes := "no"
		switch {
		case r.skipped:
			yes = "skipped"
			skipped++
		case r.clean:
			yes = "yes"
			clean++
		}
		fmt.Fprintf(&b, "%s\t%s\t%.2f\t%.0f\t%d\t%s\n", r.name, yes, r.seconds, r.rssMiB, r.exit, r.problems)
	}
	t.Logf("hostile inputs: %d cases run, %d clean, %d not, %d skipped\n%s", len(rows)-skipped, clean, len(rows)-skipped-clean, skipped, b.String())
	if dir := os.Getenv("DRIFTCHECK_ARTIFACTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Errorf("artifacts: %v", err)
			return
		}
		if err := os.WriteFile(filepath.Join(dir, "hostile.tsv"), b.Bytes(), 0o644); err != nil {
			t.Errorf("artifacts: %v", err)
		}
	}
}

// capped keeps the first keepOutput bytes written to it.
type capped struct {
	b bytes.Buffer
	n int64
}

func (c *capped) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	if room := keepOutput - c.b.Len(); room > 0 {
		c.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (c *capped) String() string { return c.b.String() }

func clipOut(s string) string {
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}

// shellJoin quotes args for a shell, for failure messages that can be
// pasted.
func shellJoin(args []string) string {
	var out []string
	for _, a := range args {
		if a != "" && strings.Trim(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,") == "" {
			out = append(out, a)
			continue
		}
		out = append(out, "'"+strings.ReplaceAll(a, "'", `'\''`)+"'")
	}
	return strings.Join(out, " ")
}

// ---- the cases ----

// hostileInput is a generated hostile file of one kind.
type hostileInput struct {
	name string // unique over the suite: "pdf-truncated"
	file string // its file name: "hostile.zh.pdf"
	make func(p string) error
	want expectation // refuse unless set otherwise
	slow bool
	// only, when set, lists the positions to run it in (for inputs too
	// costly to run everywhere).
	only []string
	// problem, when set: the refusal must say one of these.
	problem []string
	// extra checks for every case of the input.
	extra func(e *hostileEnv, r *hostileRun, path string)
}

// hostilePosition is an input position of a subcommand.
type hostilePosition struct {
	name string
	want expectation // overrides the input's refuse (batch: group error)
	// build fills r for the input at path.
	build func(e *hostileEnv, r *hostileRun, path string, in *hostileInput) error
}

func data(b []byte) func(p string) error {
	return func(p string) error { return os.WriteFile(p, b, 0o644) }
}

func dataErr(f func() ([]byte, error)) func(p string) error {
	return func(p string) error {
		b, err := f()
		if err != nil {
			return err
		}
		return os.WriteFile(p, b, 0o644)
	}
}

func sparse(head []byte, size int64) func(p string) error {
	return func(p string) error { return sparseFile(p, head, size) }
}

func fromTestdata(rel string, f func([]byte) []byte) func(p string) error {
	return func(p string) error {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", rel))
		if err != nil {
			return err
		}
		return os.WriteFile(p, f(b), 0o644)
	}
}

func same(b []byte) []byte { return b }

// specialInputs are the path-level hostile inputs, for a kind whose files
// are named file: nothing there, a directory, a FIFO, a symlink loop, a
// path through a regular file, an endless character device, an unreadable
// file.
func (e *hostileEnv) specialInputs(kind, file string) []hostileInput {
	return []hostileInput{
		{name: kind + "-missing", file: file, make: func(string) error { return nil },
			problem: []string{"no such file", "not exist", "missing"}, only: []string{"!batch-dir"}},
		// In a batch tree a directory is walked, not read.
		{name: kind + "-directory", file: file, make: func(p string) error { return os.Mkdir(p, 0o755) },
			problem: []string{"directory"}, only: []string{"!batch-dir"}},
		{name: kind + "-fifo", file: file, make: func(p string) error { return syscall.Mkfifo(p, 0o644) }},
		{name: kind + "-symlink-loop", file: file, make: func(p string) error { return os.Symlink(filepath.Base(p), p) }},
		{name: kind + "-through-a-file", file: "plain/" + file, make: func(p string) error {
			return os.WriteFile(filepath.Dir(p), []byte("a regular file\n"), 0o644)
		}, only: []string{"!batch-dir"}},
		{name: kind + "-endless-device", file: file, make: func(p string) error {
			// A private /dev/zero (character device 1,5): input that never ends.
			if err := syscall.Mknod(p, syscall.S_IFCHR|0o644, 1<<8|5); err != nil {
				return fmt.Errorf("%w: mknod: %v", errSkipCase, err)
			}
			return nil
		}},
		{name: kind + "-unreadable", file: file, make: func(p string) error {
			if e.root {
				return fmt.Errorf("%w: running as root, a mode-000 file is still readable", errSkipCase)
			}
			if err := os.WriteFile(p, []byte("text\n"), 0o644); err != nil {
				return err
			}
			return os.Chmod(p, 0)
		}, problem: []string{"permission"}},
	}
}

// hostileCases lists every case: each kind's inputs in each of its
// positions, then the cases of arguments, outputs and controls.
func hostileCases(e *hostileEnv) []hostileCase {
	var cases []hostileCase
	add := func(inputs []hostileInput, positions []hostilePosition) {
		for i := range inputs {
			in := inputs[i]
			for _, pos := range positions {
				if !in.runsIn(pos.name) {
					continue
				}
				want := in.want
				if want == refuse && pos.want != refuse {
					want = pos.want
				}
				cases = append(cases, hostileCase{
					name: in.name + "/" + pos.name, want: want, slow: in.slow,
					build: func(e *hostileEnv, r *hostileRun) error {
						p, err := e.input(in.name, in.file, in.make)
						if err != nil {
							return err
						}
						if strings.HasSuffix(in.name, "-fifo") {
							r.timeout = fifoTimeout
						}
						r.problem = in.problem
						if err := pos.build(e, r, p, &in); err != nil {
							return err
						}
						if in.extra != nil {
							in.extra(e, r, p)
						}
						return nil
					},
				})
			}
		}
	}
	add(e.documentInputs(), documentPositions)
	add(e.bitextInputs(), bitextPositions)
	add(e.lexiconInputs(), lexiconPositions)
	add(e.tbxInputs(), lexiconPositions)
	add(e.glossaryInputs(), glossaryPositions)
	add(e.manifestInputs(), manifestPositions)
	add(e.baselineInputs(), baselinePositions)
	add(e.shardInputs(), mergePositions)
	add(e.treeInputs(), treePositions)
	cases = append(cases, e.argumentCases()...)
	cases = append(cases, e.outputCases()...)
	cases = append(cases, e.controlCases()...)
	return cases
}

// runsIn reports whether the input runs in the named position: every
// position when only is empty; else the ones listed, or all but the ones
// listed with "!".
func (in *hostileInput) runsIn(pos string) bool {
	if len(in.only) == 0 {
		return true
	}
	if strings.HasPrefix(in.only[0], "!") {
		for _, o := range in.only {
			if o[1:] == pos {
				return false
			}
		}
		return true
	}
	for _, o := range in.only {
		if o == pos {
			return true
		}
	}
	return false
}

// existingOutput makes dir/out/name holding an earlier output, watched so
// that a refused run must leave it unchanged, and returns its path.
func existingOutput(r *hostileRun, name string) (string, error) {
	dir := filepath.Join(r.dir, "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	p := filepath.Join(dir, name)
	r.watch = append(r.watch, dir)
	return p, os.WriteFile(p, []byte("an earlier output, to be left as it is\n"), 0o644)
}

// absentOutput returns a path in an empty watched directory: a refused
// run must create nothing there.
func absentOutput(r *hostileRun, name string) (string, error) {
	dir := filepath.Join(r.dir, "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	r.watch = append(r.watch, dir)
	return filepath.Join(dir, name), nil
}

// ---- documents: plain text, PDF, DOCX, .doc, HTML ----

// odsName is the file name of a hostile document in a batch tree: the
// Chinese version of A/HRC/37/L.36, with the input's extension.
func odsName(path string) string {
	ext := filepath.Ext(path)
	return "A_HRC_37_L.36-ZH" + ext
}

// linkOrMake puts the input at dst: a hard link to it (regular files,
// FIFOs, devices, symlinks), else the input made again there.
func linkOrMake(src, dst string, in *hostileInput) error {
	if st, err := os.Lstat(src); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		return in.make(dst) // a link to the link would point elsewhere
	}
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	return in.make(dst)
}

var documentPositions = []hostilePosition{
	{name: "check-final", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out, err := existingOutput(r, "report.json")
		r.args = []string{"check", "--format", "json", "-o", out, "--voted", e.goodEN, p}
		r.names = []string{p}
		return err
	}},
	{name: "check-voted", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out, err := absentOutput(r, "report.txt")
		r.args = []string{"check", "-o", out, "--voted", p, e.goodZH}
		r.names = []string{p}
		return err
	}},
	{name: "check-second-final", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		r.args = []string{"check", "--voted", e.goodEN, e.goodZH, p}
		r.names = []string{p}
		r.stdoutOK = true // the good final is still checked and reported
		r.extra = append(r.extra, func(res *hostileResult) string {
			if !strings.Contains(res.stdout, "finding(s)") {
				return "the good final beside the bad one was not reported"
			}
			return ""
		})
		return nil
	}},
	{name: "segment", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		r.args = []string{"segment", p}
		r.names = []string{p}
		return nil
	}},
	{name: "align", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		r.args = []string{"align", e.goodEN, p}
		r.names = []string{p}
		return nil
	}},
	{name: "batch-manifest", want: groupError, build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		m := filepath.Join(r.dir, "manifest.csv")
		body := "symbol,role,lang,path\nA/HRC/37/L.36,voted,en," + e.goodEN + "\nA/HRC/37/L.36,final,zh," + p + "\n"
		r.batchOut = filepath.Join(r.dir, "results")
		r.args = []string{"batch", "--quiet", "--manifest", m, "--out", r.batchOut}
		r.names = []string{p}
		return os.WriteFile(m, []byte(body), 0o644)
	}},
	{name: "batch-dir", want: groupError, build: func(e *hostileEnv, r *hostileRun, p string, in *hostileInput) error {
		tree := filepath.Join(r.dir, "tree")
		if err := os.Mkdir(tree, 0o755); err != nil {
			return err
		}
		if err := os.Link(e.goodEN, filepath.Join(tree, "A_HRC_37_L.36-EN.txt")); err != nil {
			return err
		}
		bad := filepath.Join(tree, odsName(p))
		if err := linkOrMake(p, bad, in); err != nil {
			return err
		}
		r.batchOut = filepath.Join(r.dir, "results")
		r.args = []string{"batch", "--quiet", "--dir", tree, "--out", r.batchOut}
		r.names = []string{odsName(p)}
		return nil
	}},
}

// heavy lists the positions of the memory bombs: segment, and the batch
// run, where a crash costs the most (issue 16, defect 3: the same file
// kills every resume).
var heavy = []string{"segment", "batch-manifest"}

func (e *hostileEnv) documentInputs() []hostileInput {
	res := func(name string) string { return filepath.Join("formats", name) }
	resZH, _ := os.ReadFile(e.goodZH)
	var ins []hostileInput
	text := func(name string, b []byte, problem ...string) hostileInput {
		return hostileInput{name: "txt-" + name, file: "hostile.zh.txt", make: data(b), problem: problem}
	}
	mid := bytes.Index(resZH[len(resZH)/2:], []byte("\n")) + len(resZH)/2 + 1
	invalid := append(append(append([]byte(nil), resZH[:mid]...), 0xFF), resZH[mid:]...)
	ins = append(ins,
		text("empty", nil, "empty"),
		text("blank", []byte(" \n\t\n\u3000\n"), "empty"), // U+3000 IDEOGRAPHIC SPACE
		text("bom-only", []byte{0xEF, 0xBB, 0xBF}, "empty"),
		text("invalid-utf8", invalid, "utf-8"),
		text("nul-binary", []byte("A/HRC/37/L.36\n\nabc\x00def\x00\x01\x02"), "binary"),
		text("utf16-odd-length", append(utf16File(string(resZH), true), 0x41), "odd"),
		text("utf16-lone-surrogate", append(utf16File("合作", true), 0x00, 0xD8, 0x41, 0x00), "surrogate", "utf-16"),
		hostileInput{name: "txt-over-size-limit", file: "hostile.zh.txt", make: sparse(resZH, overFileLimit), problem: []string{"limit", "large", "too long"}},
		hostileInput{name: "txt-huge-sparse", file: "hostile.zh.txt", make: sparse(resZH, hugeSparse), problem: []string{"limit", "large", "too long"}},
		hostileInput{name: "txt-named-pdf", file: "hostile.zh.pdf", make: data(resZH)},
		hostileInput{name: "txt-named-docx", file: "hostile.zh.docx", make: data(resZH)},
		hostileInput{name: "txt-named-doc", file: "hostile.zh.doc", make: data(resZH)},
		// In a batch tree a .tmx is not a document: skipped.
		hostileInput{name: "txt-named-tmx", file: "hostile.zh.tmx", make: data(resZH), only: []string{"!batch-dir"}},
		// Valid, but shapes that cost: 200,000 short paragraphs (issue 16,
		// defect 8) and one paragraph of 60 MiB, under the size limit
		// (defect 3).
		hostileInput{name: "txt-200k-paragraphs", file: "hostile.zh.txt", want: bounded, slow: true, only: []string{"check-final"},
			make: func(p string) error {
				var b bytes.Buffer
				for i := range 200_000 {
					fmt.Fprintf(&b, "%d. 促进人权领域的合作共赢。\n\n", i+1)
				}
				return os.WriteFile(p, b.Bytes(), 0o644)
			}},
		hostileInput{name: "txt-60MiB-one-paragraph", file: "hostile.en.txt", want: bounded, slow: true, only: heavy,
			make: func(p string) error {
				f, err := os.Create(p)
				if err != nil {
					return err
				}
				writeRepeat(f, "mutually beneficial cooperation ", 60<<20)
				return f.Close()
			}},
	)
	ins = append(ins, e.specialInputs("txt", "hostile.zh.txt")...)
	fifoOnly(ins, "check-final", "segment", "batch-dir")

	pdf := func(name string, make func(string) error, problem ...string) hostileInput {
		return hostileInput{name: "pdf-" + name, file: "hostile.zh.pdf", make: make, problem: problem}
	}
	ins = append(ins,
		pdf("empty", data(nil), "empty"),
		pdf("header-only", data([]byte("%PDF-1.7\n"))),
		pdf("truncated", fromTestdata(res("pdf/RES.zh.pdf"), truncated)),
		// 64 bytes overwritten inside a stream that still parses: the
		// reader finds no damage to report (issue 16, defect 12 is not
		// reached for this case; see the closing note). It must stay
		// bounded and say nothing false about its reading.
		hostileInput{name: "pdf-corrupt-bytes", file: "hostile.zh.pdf", want: bounded,
			make: fromTestdata(res("pdf/RES.zh.pdf"), corrupted)},
		pdf("xref-destroyed", fromTestdata(res("pdf/RES.zh.pdf"), pdfXrefDamaged)),
		pdf("image-only", data(pdfImageOnly()), "image", "ocr", "no text"),
		pdf("password", fromTestdata(res("pdf/encrypted.pdf"), same), "password"),
		pdf("over-size-limit", sparse([]byte("%PDF-1.7\n"), overFileLimit), "limit", "large"),
		pdf("2001-pages", func(p string) error { return os.WriteFile(p, pdfPages(overPages), 0o644) }, "page"),
		// PDFium stops parsing at its own depth limit and reads the page.
		hostileInput{name: "pdf-deep-arrays", file: "hostile.zh.pdf", want: bounded,
			make: func(p string) error { return os.WriteFile(p, pdfDeepArray(deepNesting), 0o644) }},
		pdf("page-tree-cycle", data(pdfPageTreeCycle())),
		// Memory bombs inside the file size limit (issue 16, defect 3).
		hostileInput{name: "pdf-deflate-bomb-1GiB", file: "hostile.zh.pdf", slow: true, only: heavy,
			make: func(p string) error { return os.WriteFile(p, pdfDeflateBomb(1<<30), 0o644) }},
		hostileInput{name: "pdf-4M-text-operators", file: "hostile.zh.pdf", want: bounded, slow: true, only: heavy,
			make: func(p string) error { return os.WriteFile(p, pdfManyOps(4_000_000), 0o644) }},
	)

	docx := func(name string, make func(string) error, problem ...string) hostileInput {
		return hostileInput{name: "docx-" + name, file: "hostile.zh.docx", make: make, problem: problem}
	}
	traversal := filepath.Join(e.shared, "traversal-target.txt")
	ins = append(ins,
		docx("empty", data(nil), "empty"),
		docx("truncated", fromTestdata(res("docx/RES.zh.docx"), truncated)),
		docx("corrupt-bytes", fromTestdata(res("docx/RES.zh.docx"), corrupted)),
		docx("zip-not-docx", dataErr(func() ([]byte, error) {
			return zipFile(zipMember{name: "hello.txt", data: []byte("hello")})
		})),
		docx("no-document-part", dataErr(func() ([]byte, error) {
			return zipFile(zipMember{name: "[Content_Types].xml", data: []byte(contentTypes)})
		})),
		docx("document-not-xml", dataErr(func() ([]byte, error) {
			return docxFile("\x00\x01\x02 not XML at all \xff\xfe")
		})),
		docx("document-invalid-utf8", dataErr(func() ([]byte, error) {
			return docxFile(docxBody(docxPara("mutually beneficial \xff\xfe cooperation")))
		})),
		docx("billion-laughs", dataErr(func() ([]byte, error) {
			return docxFile(string(xmlFormat{root: "w:document", wrap: func(p string) string {
				return `<w:document ` + wordNS + `><w:body>` + docxPara(p) + `</w:body></w:document>`
			}}.billionLaughs()))
		}), "entit", "doctype"),
		docx("external-entity", dataErr(func() ([]byte, error) {
			return docxFile(string(xmlFormat{root: "w:document", wrap: func(p string) string {
				return `<w:document ` + wordNS + `><w:body>` + docxPara(p) + `</w:body></w:document>`
			}}.externalEntity()))
		}), "entit", "doctype"),
		docx("deep-nesting", dataErr(func() ([]byte, error) {
			return docxFile(docxBody(strings.Repeat("<w:sdt><w:sdtContent>", deepNesting/2) + docxPara("deep") + strings.Repeat("</w:sdtContent></w:sdt>", deepNesting/2)))
		}), "nest", "deep"),
		docx("bomb-declared-1TiB", func(p string) error {
			return os.WriteFile(p, zipBombBytes(), 0o644)
		}, "limit"),
		docx("bomb-300MiB", dataErr(func() ([]byte, error) { return docxBomb(300 << 20) }), "limit"),
		docx("lying-header", dataErr(func() ([]byte, error) { return docxLyingHeader(64 << 20) })),
		docx("archive-over-limit", dataErr(func() ([]byte, error) { return docxManyParts(3, 100<<20) }), "limit"),
		docx("10001-members", dataErr(func() ([]byte, error) { return docxManyMembers(overMembers) }), "limit", "members"),
		docx("100001-paragraphs", dataErr(func() ([]byte, error) {
			return docxFile(docxBody(strings.Repeat(docxPara("cooperation"), 100_001)))
		}), "limit", "paragraphs"),
		docx("over-size-limit", sparse([]byte("PK\x03\x04"), overFileLimit), "limit", "large"),
		hostileInput{name: "docx-path-traversal-names", file: "hostile.zh.docx", want: bounded,
			make: dataErr(func() ([]byte, error) {
				return docxFile(docxBody(docxPara("促进人权领域的合作共赢")),
					zipMember{name: "../../../../../../../../" + strings.TrimLeft(traversal, "/"), data: []byte("escaped")},
					zipMember{name: traversal, data: []byte("escaped")})
			}),
			extra: func(e *hostileEnv, r *hostileRun, _ string) {
				r.extra = append(r.extra, func(*hostileResult) string {
					if _, err := os.Lstat(traversal); err == nil {
						return "a zip member's path escaped: " + traversal + " was written"
					}
					return ""
				})
			}},
		// 200 MB of text in a small DOCX, under every zip limit (defect 3).
		hostileInput{name: "docx-200MB-of-text", file: "hostile.zh.docx", want: bounded, slow: true, only: heavy,
			make: dataErr(func() ([]byte, error) { return docxHugeText(50_000, 4_000) })},
	)

	doc := func(name string, make func(string) error, problem ...string) hostileInput {
		return hostileInput{name: "doc-" + name, file: "hostile.zh.doc", make: make, problem: problem}
	}
	ins = append(ins,
		doc("empty", data(nil), "empty"),
		doc("header-only", data([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"))),
		doc("truncated", fromTestdata(res("doc/RES.zh.doc"), truncated)),
		// The same inside the text stream of a .doc: read as text
		// (not reached, as for the PDF above).
		hostileInput{name: "doc-corrupt-bytes", file: "hostile.zh.doc", want: bounded,
			make: fromTestdata(res("doc/RES.zh.doc"), corrupted)},
		// A header count that the reader need not trust: reading the
		// text right anyway is fine.
		hostileInput{name: "doc-fat-sectors-2^31", file: "hostile.zh.doc", want: bounded,
			make: fromTestdata(res("doc/RES.zh.doc"), cfbHostileFAT)},
		doc("sector-size-2^30", fromTestdata(res("doc/RES.zh.doc"), cfbHostileSectorShift)),
		doc("directory-loop", fromTestdata(res("doc/RES.zh.doc"), cfbDirLoop)),
		doc("over-size-limit", sparse([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), overFileLimit), "limit", "large"),
	)

	html := func(name string, make func(string) error, problem ...string) hostileInput {
		return hostileInput{name: "html-" + name, file: "hostile.zh.html", make: make, problem: problem}
	}
	ins = append(ins,
		html("empty", data(nil), "empty"),
		html("no-text", data([]byte("<html><body><script>x()</script><style>p{}</style></body></html>")), "empty"),
		html("invalid-utf8", data([]byte("<!doctype html><html lang=zh><meta charset=utf-8><body><p>促进人权\xff\xfe领域的合作共赢</p></body></html>")), "utf-8"),
		html("invalid-gb18030", data([]byte("<!doctype html><html lang=zh><meta charset=gb18030><body><p>\x81\x20\x81\x20\xff\xff</p></body></html>"))),
		html("deep-nesting", data([]byte("<!doctype html><html><body>"+strings.Repeat("<div>", deepNesting)+"cooperation"+strings.Repeat("</div>", deepNesting)+"</body></html>")), "nest", "deep"),
		html("over-size-limit", sparse([]byte("<!doctype html><html><body><p>text"), overFileLimit), "limit", "large"),
		hostileInput{name: "html-billion-laughs", file: "hostile.zh.html", want: bounded,
			make: data(xmlFormat{root: "html", wrap: func(p string) string {
				return `<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><body><p>mutually beneficial cooperation ` + p + `</p></body></html>`
			}}.billionLaughs())},
		hostileInput{name: "html-200k-paragraphs", file: "hostile.zh.html", want: bounded, slow: true, only: []string{"check-final"},
			make: func(p string) error {
				var b bytes.Buffer
				b.WriteString("<!doctype html><html lang=zh><body>")
				for i := range 200_000 {
					fmt.Fprintf(&b, "<p>%d. 促进人权领域的合作共赢。</p>", i+1)
				}
				return os.WriteFile(p, b.Bytes(), 0o644)
			}},
	)
	return ins
}

// fifoOnly limits the FIFO input among ins to the named positions: every
// other position reads the file the same way, and a hang costs the whole
// timeout.
func fifoOnly(ins []hostileInput, positions ...string) {
	for i := range ins {
		if strings.HasSuffix(ins[i].name, "-fifo") {
			ins[i].only = positions
		}
	}
}

// zipBombBytes is a DOCX-shaped zip whose document part declares 1 TiB.
func zipBombBytes() []byte {
	b, _ := zipFile(zipMember{name: "word/document.xml", raw: []byte{0x03, 0x00}, size: 1 << 40})
	return b
}

// ---- translation memories and bilingual files ----

var bitextPositions = []hostilePosition{
	{name: "check", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out, err := existingOutput(r, "report.json")
		r.args = []string{"check", "--format", "json", "-o", out, p}
		r.names = []string{p}
		return err
	}},
	{name: "check-second-file", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		r.args = []string{"check", e.goodTMX, p}
		r.names = []string{p}
		r.stdoutOK = true
		return nil
	}},
	{name: "check-as-final", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		r.args = []string{"check", "--voted", e.goodEN, p}
		r.names = []string{p}
		r.problem = nil // refused as a translation memory before it is parsed
		return nil
	}},
}

func (e *hostileEnv) bitextInputs() []hostileInput {
	fixture := map[string]string{"tmx": "founding.tmx", "xliff12": "founding-1.2.xlf", "xliff20": "founding-2.0.xlf"}
	var ins []hostileInput
	for _, f := range xmlFormats {
		if f.name == "tbx" {
			continue
		}
		file := "hostile" + f.ext
		src := filepath.Join("formats", "bitext", fixture[f.name])
		in := func(name string, make func(string) error, problem ...string) hostileInput {
			return hostileInput{name: f.name + "-" + name, file: file, make: make, problem: problem}
		}
		ins = append(ins,
			in("empty", data(nil), "empty"),
			in("truncated", fromTestdata(src, truncated)),
			in("corrupt-bytes", fromTestdata(src, corrupted)),
			in("billion-laughs", data(f.billionLaughs()), "entit", "doctype"),
			in("external-entity", data(f.externalEntity()), "entit", "doctype"),
			in("deep-nesting", data(f.deep(deepNesting)), "nest", "deep"),
			in("over-size-limit", sparse([]byte(xmlDecl+"<"+f.root+" "), overFileLimit), "limit", "large"),
			// XML in UTF-16 must start with a BOM; reading it anyway,
			// correctly, is fine too.
			hostileInput{name: f.name + "-utf16-no-bom", file: file, want: bounded,
				make: fromTestdata(src, func(b []byte) []byte { return utf16NoBOM(string(b)) })},
		)
		ins = append(ins, e.specialInputs(f.name, file)...)
		fifoOnly(ins, "check")
	}
	ins = append(ins,
		hostileInput{name: "tmx-no-units", file: "hostile.tmx", want: bounded,
			make: data([]byte(xmlDecl + `<tmx version="1.4"><header srclang="en" adminlang="en" datatype="plaintext" segtype="paragraph" o-tmf="x" creationtool="x" creationtoolversion="1"/><body></body></tmx>`))},
		hostileInput{name: "text-named-tmx", file: "hostile.tmx", make: data([]byte("plain words in a file named .tmx\n"))},
		// 100,000 units on one line (issue 16, defect 8).
		hostileInput{name: "tmx-100k-units-one-line", file: "hostile.tmx", want: bounded, slow: true, only: []string{"check"},
			make: data(tmxOneLine(100_000))},
	)
	return ins
}

// ---- lexicons: TSV and TBX ----

var lexiconPositions = []hostilePosition{
	{name: "check", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out, err := existingOutput(r, "report.txt")
		r.args = []string{"check", "-o", out, "--lexicon", p, "--voted", e.goodEN, e.goodZH}
		r.names = []string{p}
		return err
	}},
	{name: "segment", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		r.args = []string{"segment", "--lexicon", p, e.goodZH}
		r.names = []string{p}
		return nil
	}},
	{name: "align", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		r.args = []string{"align", "-l", p, e.goodEN, e.goodZH}
		r.names = []string{p}
		return nil
	}},
	{name: "lexicon-list", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		r.args = []string{"lexicon", "list", "--no-default-lexicon", "--lexicon", p}
		r.names = []string{p}
		return nil
	}},
	{name: "lexicon-check", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		r.args = []string{"lexicon", "check", p}
		r.names = []string{p}
		return nil
	}},
	{name: "lexicon-import", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out, err := absentOutput(r, "imported.tsv")
		r.args = []string{"lexicon", "import", "-o", out, p}
		r.names = []string{p}
		return err
	}},
	{name: "batch", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out := filepath.Join(r.dir, "results")
		r.args = []string{"batch", "--quiet", "--lexicon", p, "--manifest", e.goodManifest, "--out", out}
		r.names = []string{p}
		r.gone = []string{out}
		return nil
	}},
}

func (e *hostileEnv) lexiconInputs() []hostileInput {
	def, _ := os.ReadFile(e.goodLexicon)
	head := "id\tgroup\ten\tzh\n"
	tsv := func(name string, b []byte, problem ...string) hostileInput {
		return hostileInput{name: "tsv-" + name, file: "hostile.tsv", make: data(b), problem: problem}
	}
	ins := []hostileInput{
		tsv("empty", nil, "empty", "header"),
		tsv("comments-only", []byte("# nothing but a comment\n\n"), "empty", "header"),
		tsv("invalid-utf8", []byte(head+"c1\tg\tmutually beneficial \xff cooperation\t互利合作\n"), "utf-8"),
		tsv("utf16-no-bom", utf16NoBOM(string(def))),
		tsv("nul-binary", []byte(head+"c1\tg\tcoop\x00eration\t\x00\x01\n")),
		tsv("no-id-column", []byte("en\tzh\nmutually beneficial cooperation\t互利合作\n"), "id"),
		tsv("2MiB-line", []byte(head+"c1\tg\t"+repeatTo("cooperation ", 2<<20)+"\t互利合作\n")),
		{name: "tsv-over-size-limit", file: "hostile.tsv", make: sparse([]byte(head), overFileLimit), problem: []string{"limit", "large", "too long"}},
		{name: "tsv-huge-sparse", file: "hostile.tsv", make: sparse([]byte(head), hugeSparse), problem: []string{"limit", "large", "too long"}},
		{name: "tsv-a-docx", file: "hostile.docx", make: fromTestdata(filepath.Join("formats", "docx", "RES.zh.docx"), same)},
		// 10,000 rows: lexicon check was quadratic (issue 16, defect 8).
		{name: "tsv-10k-rows", file: "hostile.tsv", want: bounded, slow: true, only: []string{"lexicon-check"},
			make: func(p string) error {
				var b bytes.Buffer
				b.WriteString(head)
				for i := range 10_000 {
					fmt.Fprintf(&b, "concept-%d\tgroup-%d\tterm number %d of the lexicon\t术语%d\n", i, i/2, i, i)
				}
				return os.WriteFile(p, b.Bytes(), 0o644)
			}},
	}
	ins = append(ins, e.specialInputs("tsv", "hostile.tsv")...)
	fifoOnly(ins, "check", "lexicon-check", "batch")
	return ins
}

func (e *hostileEnv) tbxInputs() []hostileInput {
	f := xmlFormats[3]
	src := filepath.Join("formats", "bitext", "cooperation-v3.tbx")
	in := func(name string, make func(string) error, problem ...string) hostileInput {
		return hostileInput{name: "tbx-" + name, file: "hostile.tbx", make: make, problem: problem}
	}
	ins := []hostileInput{
		in("empty", data(nil), "empty"),
		in("truncated", fromTestdata(src, truncated)),
		in("corrupt-bytes", fromTestdata(src, corrupted)),
		in("billion-laughs", data(f.billionLaughs()), "entit", "doctype"),
		in("external-entity", data(f.externalEntity()), "entit", "doctype"),
		in("deep-nesting", data(f.deep(deepNesting)), "nest", "deep"),
		{name: "tbx-utf16-no-bom", file: "hostile.tbx", want: bounded,
			make: fromTestdata(src, func(b []byte) []byte { return utf16NoBOM(string(b)) })},
		in("over-size-limit", sparse([]byte(xmlDecl+"<martif type=\"TBX\"><text><body>"), overFileLimit), "limit", "large"),
		in("huge-sparse", sparse([]byte(xmlDecl+"<martif type=\"TBX\"><text><body>"), hugeSparse), "limit", "large"),
	}
	ins = append(ins, e.specialInputs("tbx", "hostile.tbx")...)
	fifoOnly(ins, "lexicon-import")
	return ins
}

// ---- glossaries (lexicon import --from --to) ----

var glossaryPositions = []hostilePosition{
	{name: "lexicon-import", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out, err := absentOutput(r, "glossary.tsv")
		r.args = []string{"lexicon", "import", "--from", "en", "--to", "zh", "-o", out, p}
		r.names = []string{p}
		return err
	}},
	{name: "lexicon-import-over", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out, err := existingOutput(r, "glossary.tsv")
		r.args = []string{"lexicon", "import", "--from", "en", "--to", "zh", "-o", out, p}
		r.names = []string{p}
		return err
	}},
}

func (e *hostileEnv) glossaryInputs() []hostileInput {
	g := func(name string, b []byte, problem ...string) hostileInput {
		return hostileInput{name: "glossary-" + name, file: "hostile-glossary.txt", make: data(b), problem: problem}
	}
	ins := []hostileInput{
		g("empty", nil, "empty"),
		g("invalid-utf8", []byte("mutually beneficial \xff cooperation\t互利合作\n"), "utf-8"),
		g("nul-binary", []byte("coop\x00eration\t\x00\x01\n")),
		g("no-tab", []byte("just some words on a line\nand another\n")),
		g("utf16-no-bom", utf16NoBOM("mutually beneficial cooperation\t互利合作\nwin-win cooperation\t合作共赢\n")),
		g("2MiB-line", []byte(repeatTo("cooperation ", 2<<20)+"\t互利合作\n")),
		{name: "glossary-over-size-limit", file: "hostile-glossary.txt", make: sparse([]byte("a\tb\n"), overFileLimit), problem: []string{"limit", "large", "too long"}},
		{name: "glossary-huge-sparse", file: "hostile-glossary.txt", make: sparse([]byte("a\tb\n"), hugeSparse), problem: []string{"limit", "large", "too long"}},
	}
	return append(ins, e.specialInputs("glossary", "hostile-glossary.txt")...)
}

// ---- batch manifests ----

var manifestPositions = []hostilePosition{
	{name: "batch", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out := filepath.Join(r.dir, "results")
		r.args = []string{"batch", "--quiet", "--manifest", p, "--out", out}
		r.names = []string{p}
		r.gone = []string{out}
		return nil
	}},
}

func (e *hostileEnv) manifestInputs() []hostileInput {
	head := "symbol,role,lang,path\n"
	row := func(sym, role, lang, path string) string { return sym + "," + role + "," + lang + "," + path + "\n" }
	good := row("A/HRC/37/L.36", "voted", "en", e.goodEN) + row("A/HRC/37/L.36", "final", "zh", e.goodZH)
	csv := func(name string, b string, problem ...string) hostileInput {
		return hostileInput{name: "manifest-" + name, file: "hostile.csv", make: data([]byte(b)), problem: problem}
	}
	ins := []hostileInput{
		csv("empty", "", "empty", "header"),
		csv("unterminated-quote", head+row("A/HRC/1", "voted", "en", `"`+e.goodEN), "quote", "line"),
		csv("invalid-utf8", head+row("A/HRC/\xff\xfe", "voted", "en", e.goodEN), "utf-8"),
		csv("missing-columns", "name,file\nx,y\n", "symbol"),
		csv("bad-role", head+row("A/HRC/1", "author", "en", e.goodEN), "role"),
		csv("rows-not-together", head+row("A/1", "voted", "en", e.goodEN)+row("B/1", "voted", "en", e.goodEN)+row("A/1", "final", "zh", e.goodZH), "together", "again"),
		csv("nul-binary", head+"\x00\x00\x00,\x01\n"),
		{name: "manifest-utf16-no-bom", file: "hostile.csv", make: data(utf16NoBOM(head + good))},
		{name: "manifest-huge-sparse", file: "hostile.csv", make: sparse([]byte(head), hugeSparse)},
		{name: "manifest-jsonl-truncated", file: "hostile.jsonl", make: data([]byte(`{"symbol":"A/1","role":"voted","lang":"en","path":"` + e.goodEN + "\n"))},
		{name: "manifest-jsonl-deep", file: "hostile.jsonl", make: data([]byte(strings.Repeat("[", deepNesting) + "\n"))},
		{name: "manifest-header-only", file: "hostile.csv", want: bounded, make: data([]byte(head))},
	}
	return append(ins, e.specialInputs("manifest", "hostile.csv")...)
}

// ---- baselines ----

var baselinePositions = []hostilePosition{
	{name: "check", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		r.args = []string{"check", "--baseline", p, "--voted", e.goodEN, e.goodZH}
		r.names = []string{p}
		return nil
	}},
	{name: "check-o", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out, err := existingOutput(r, "report.sarif")
		r.args = []string{"check", "--format", "sarif", "-o", out, "--baseline", p, "--voted", e.goodEN, e.goodZH}
		r.names = []string{p}
		return err
	}},
}

func (e *hostileEnv) baselineInputs() []hostileInput {
	b := func(name string, s string, problem ...string) hostileInput {
		return hostileInput{name: "baseline-" + name, file: "hostile-baseline.json", make: data([]byte(s)), problem: problem}
	}
	ins := []hostileInput{
		b("empty", "", "empty", "eof"),
		b("truncated", `{"version": 1, "findings": [{"fingerprint": "ab`),
		b("nul-binary", "\x00\x01\x02\x03"),
		b("wrong-version", `{"version": 2, "findings": []}`, "version"),
		b("unknown-field", `{"version": 1, "findings": [], "fingerprints": ["x"]}`, "field"),
		b("not-an-object", `[1, 2, 3]`),
		b("deep-nesting", `{"version": 1, "findings": `+strings.Repeat("[", deepNesting)),
		{name: "baseline-utf16-no-bom", file: "hostile-baseline.json", make: data(utf16NoBOM(`{"version": 1, "findings": []}`))},
		{name: "baseline-huge-sparse", file: "hostile-baseline.json", make: sparse([]byte(`{"version": 1, "findings": [`), hugeSparse)},
	}
	ins = append(ins, e.specialInputs("baseline", "hostile-baseline.json")...)
	fifoOnly(ins, "check")
	return ins
}

// ---- batch merge: shard output directories ----

var mergePositions = []hostilePosition{
	{name: "merge", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out := filepath.Join(r.dir, "merged.jsonl")
		r.args = []string{"batch", "merge", "--out", out, p}
		r.names = []string{p}
		r.gone = []string{out, out + ".summary.json"}
		return nil
	}},
	{name: "merge-second", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out := filepath.Join(r.dir, "merged.jsonl")
		r.args = []string{"batch", "merge", "--out", out, e.goodShard, p}
		r.names = []string{p}
		r.gone = []string{out, out + ".summary.json"}
		return nil
	}},
}

// copyShard copies the good shard's directory to dst and applies edit to
// its first part file.
func (e *hostileEnv) copyShard(dst string, edit func(part string) error) error {
	if err := os.Mkdir(dst, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(e.goodShard)
	if err != nil {
		return err
	}
	var part string
	for _, en := range entries {
		b, err := os.ReadFile(filepath.Join(e.goodShard, en.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, en.Name()), b, 0o644); err != nil {
			return err
		}
		if strings.HasPrefix(en.Name(), "part-") && part == "" {
			part = filepath.Join(dst, en.Name())
		}
	}
	if part == "" {
		return fmt.Errorf("no part file in %s", e.goodShard)
	}
	return edit(part)
}

func (e *hostileEnv) shardInputs() []hostileInput {
	shard := func(name string, edit func(part string) error, problem ...string) hostileInput {
		return hostileInput{name: "shard-" + name, file: "shard", problem: problem,
			make: func(p string) error { return e.copyShard(p, edit) }}
	}
	rewrite := func(f func([]byte) []byte) func(string) error {
		return func(part string) error {
			b, err := os.ReadFile(part)
			if err != nil {
				return err
			}
			return os.WriteFile(part, f(b), 0o644)
		}
	}
	ins := []hostileInput{
		{name: "shard-empty-directory", file: "shard", make: func(p string) error { return os.Mkdir(p, 0o755) }},
		shard("part-truncated", rewrite(truncated)),
		shard("part-not-json", rewrite(func([]byte) []byte { return []byte("this is not a result line\n") })),
		shard("part-nul-binary", rewrite(func([]byte) []byte { return []byte("\x00\x01\x02\n") })),
		shard("part-fifo", func(part string) error {
			if err := os.Remove(part); err != nil {
				return err
			}
			return syscall.Mkfifo(part, 0o644)
		}),
		// A shard killed before it finished: its parts, but no summary and
		// no completion record (defect 6).
		shard("killed", func(part string) error {
			dir := filepath.Dir(part)
			sums, _ := filepath.Glob(filepath.Join(dir, "summary-*"))
			done, _ := filepath.Glob(filepath.Join(dir, "complete*"))
			for _, s := range append(sums, done...) {
				if err := os.Remove(s); err != nil {
					return err
				}
			}
			return nil
		}),
		{name: "shard-the-good-one-twice", file: "shard", only: []string{"merge-second"},
			make: func(p string) error { return os.Symlink(e.goodShard, p) }},
		{name: "shard-missing", file: "shard", make: func(string) error { return nil }, problem: []string{"no such file", "not exist"}},
		{name: "shard-a-file", file: "shard", make: data([]byte("not a directory\n"))},
		{name: "shard-symlink-loop", file: "shard", make: func(p string) error { return os.Symlink(filepath.Base(p), p) }},
	}
	for i := range ins {
		if strings.HasSuffix(ins[i].name, "-fifo") {
			ins[i].only = []string{"merge"}
		}
	}
	return ins
}

// ---- batch --dir: the tree itself ----

var treePositions = []hostilePosition{
	{name: "batch-dir", build: func(e *hostileEnv, r *hostileRun, p string, _ *hostileInput) error {
		out := filepath.Join(r.dir, "results")
		r.args = []string{"batch", "--quiet", "--dir", p, "--out", out}
		r.names = []string{p}
		r.gone = []string{out}
		return nil
	}},
}

func (e *hostileEnv) treeInputs() []hostileInput {
	var ins []hostileInput
	for _, s := range e.specialInputs("tree", "tree") {
		if strings.HasSuffix(s.name, "-directory") || strings.HasSuffix(s.name, "-unreadable") {
			continue // a directory is what --dir wants
		}
		s.only = nil
		ins = append(ins, s)
	}
	return append(ins, hostileInput{name: "tree-a-file", file: "tree", make: data([]byte("not a directory\n")), problem: []string{"directory"}})
}

// ---- arguments, outputs, controls ----

func (e *hostileEnv) argumentCases() []hostileCase {
	simple := func(name string, want expectation, names []string, args func(r *hostileRun) []string) hostileCase {
		return hostileCase{name: name, want: want, build: func(e *hostileEnv, r *hostileRun) error {
			r.args = args(r)
			r.names = names
			return nil
		}}
	}
	cases := []hostileCase{
		// Unknown and contradicted language codes (issue 16, defect 1).
		simple("lang-unknown-final", refuse, []string{"cn"}, func(*hostileRun) []string {
			return []string{"check", "--voted", e.goodEN, "cn=" + e.goodZH}
		}),
		simple("lang-unknown-voted", refuse, []string{"xx"}, func(*hostileRun) []string {
			return []string{"check", "--voted", "xx=" + e.goodEN, e.goodZH}
		}),
		simple("lang-contradicted-by-script", refuse, []string{e.goodZH}, func(*hostileRun) []string {
			return []string{"check", "--voted", e.goodEN, "en=" + e.goodZH}
		}),
		simple("encoding-unknown", refuse, []string{"klingon"}, func(*hostileRun) []string {
			return []string{"check", "--encoding", "klingon", "--voted", e.goodEN, e.goodZH}
		}),
		{name: "manifest-lang-unknown", want: groupOrRefuse, build: func(e *hostileEnv, r *hostileRun) error {
			m := filepath.Join(r.dir, "m.csv")
			r.batchOut = filepath.Join(r.dir, "results")
			r.args = []string{"batch", "--quiet", "--manifest", m, "--out", r.batchOut}
			r.names, r.groupWant = []string{m}, []string{"klingon"}
			return os.WriteFile(m, []byte("symbol,role,lang,path\nA/HRC/37/L.36,voted,en,"+e.goodEN+"\nA/HRC/37/L.36,final,klingon,"+e.goodZH+"\n"), 0o644)
		}},
		// Two voted rows in a group, a BOM before the header (defect 10).
		{name: "manifest-two-voted-rows", want: groupOrRefuse, build: func(e *hostileEnv, r *hostileRun) error {
			m := filepath.Join(r.dir, "m.csv")
			r.batchOut = filepath.Join(r.dir, "results")
			r.args = []string{"batch", "--quiet", "--manifest", m, "--out", r.batchOut}
			r.names, r.groupWant = []string{m}, []string{"voted"}
			return os.WriteFile(m, []byte("symbol,role,lang,path\nA/HRC/37/L.36,voted,en,"+e.goodEN+"\nA/HRC/37/L.36,voted,zh,"+e.goodZH+"\n"), 0o644)
		}},
		{name: "manifest-bom-before-header", want: succeed, build: func(e *hostileEnv, r *hostileRun) error {
			m := filepath.Join(r.dir, "m.csv")
			out := filepath.Join(r.dir, "results")
			r.args = []string{"batch", "--quiet", "--manifest", m, "--out", out}
			r.wantExit = 0
			r.extra = append(r.extra, func(*hostileResult) string {
				errs, err := batchErrors(out)
				if err != nil {
					return err.Error()
				}
				if len(errs) > 0 {
					return fmt.Sprintf("errors recorded: %+v", errs)
				}
				return ""
			})
			return os.WriteFile(m, []byte("\ufeffsymbol,role,lang,path\nA/HRC/37/L.36,voted,en,"+e.goodEN+"\nA/HRC/37/L.36,final,zh,"+e.goodZH+"\n"), 0o644)
		}},
		{name: "manifest-path-missing", want: groupError, build: func(e *hostileEnv, r *hostileRun) error {
			m := filepath.Join(r.dir, "m.csv")
			missing := filepath.Join(r.dir, "nowhere.zh.txt")
			r.batchOut = filepath.Join(r.dir, "results")
			r.args = []string{"batch", "--quiet", "--manifest", m, "--out", r.batchOut}
			r.names = []string{missing}
			return os.WriteFile(m, []byte("symbol,role,lang,path\nA/HRC/37/L.36,voted,en,"+e.goodEN+"\nA/HRC/37/L.36,final,zh,"+missing+"\n"), 0o644)
		}},
		// A FIFO in a tree, named by its job number: read to group it.
		{name: "tree-fifo-job-number", want: groupError, build: func(e *hostileEnv, r *hostileRun) error {
			tree := filepath.Join(r.dir, "tree")
			if err := os.Mkdir(tree, 0o755); err != nil {
				return err
			}
			if err := os.Link(e.goodEN, filepath.Join(tree, "A_HRC_37_L.36-EN.txt")); err != nil {
				return err
			}
			r.timeout = fifoTimeout
			r.batchOut = filepath.Join(r.dir, "results")
			r.args = []string{"batch", "--quiet", "--dir", tree, "--out", r.batchOut}
			r.names = []string{"N1800002.txt"}
			return syscall.Mkfifo(filepath.Join(tree, "N1800002.txt"), 0o644)
		}},
		{name: "encoding-gb18030-invalid-bytes", want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			p, err := writeFileIn(r.dir, "bad.zh.txt", []byte("\x81\x20\x81\x20\xff\xff\xcb\xb5\n"))
			r.args = []string{"check", "--encoding", "gb18030", "--voted", e.goodEN, p}
			r.names = []string{p}
			return err
		}},
		{name: "encoding-utf16le-odd-length", want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			p, err := writeFileIn(r.dir, "bad.zh.txt", append(utf16NoBOM("促进人权领域的合作共赢"), 0x41))
			r.args = []string{"check", "--encoding", "utf-16le", "--voted", e.goodEN, p}
			r.names = []string{p}
			return err
		}},
		simple("command-unknown", refuse, []string{"chek"}, func(*hostileRun) []string { return []string{"chek"} }),
		simple("help-unknown-topic", refuse, []string{"chek"}, func(*hostileRun) []string { return []string{"help", "chek"} }),
		simple("lexicon-subcommand-unknown", refuse, []string{"lst"}, func(*hostileRun) []string { return []string{"lexicon", "lst"} }),
		simple("batch-merge-no-directory", refuse, []string{"merge"}, func(r *hostileRun) []string {
			return []string{"batch", "merge", "--out", filepath.Join(r.dir, "merged.jsonl")}
		}),
	}
	// A mistyped flag: one line and a hint on stderr, no help on stdout
	// (defect 13).
	typos := []struct {
		flag string
		args []string
	}{
		{"votd", []string{"check", "--votd", e.goodEN, e.goodZH}},
		{"encodng", []string{"segment", "--encodng", "utf-8", e.goodZH}},
		{"lexicn", []string{"align", "--lexicn", e.goodLexicon, e.goodEN, e.goodZH}},
		{"manfest", []string{"batch", "--manfest", e.goodManifest, "--out", "x"}},
		{"outt", []string{"batch", "merge", "--outt", "x", e.goodShard}},
		{"formt", []string{"lexicon", "list", "--formt", "tsv"}},
		{"strict", []string{"lexicon", "check", "--strict", e.goodLexicon}},
		{"frm", []string{"lexicon", "import", "--frm", "en", "--to", "zh", e.goodLexicon}},
	}
	for _, ty := range typos {
		var words []string
		for _, a := range ty.args {
			if strings.HasPrefix(a, "-") {
				break
			}
			words = append(words, a)
		}
		cases = append(cases, simple("flag-typo-"+strings.Join(words, "-"), refuse, []string{ty.flag}, func(r *hostileRun) []string {
			out := append([]string{}, ty.args...)
			for i, a := range out {
				if a == "x" {
					out[i] = filepath.Join(r.dir, "x")
				}
			}
			return out
		}))
	}
	return cases
}

func (e *hostileEnv) outputCases() []hostileCase {
	mknod := func(p string, minor int) error {
		if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|minor); err != nil {
			return fmt.Errorf("%w: mknod: %v", errSkipCase, err)
		}
		return nil
	}
	isDevice := func(p string) func(*hostileResult) string {
		return func(*hostileResult) string {
			st, err := os.Lstat(p)
			if err != nil {
				return "the device is gone: " + err.Error()
			}
			if st.Mode()&fs.ModeCharDevice == 0 {
				return fmt.Sprintf("the device %s was replaced by a %v", p, st.Mode().Type())
			}
			return ""
		}
	}
	cases := []hostileCase{
		{name: "out-dir-missing", want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			out := filepath.Join(r.dir, "no-such-dir", "report.txt")
			r.args = []string{"check", "-o", out, "--voted", e.goodEN, e.goodZH}
			r.names = []string{out}
			return nil
		}},
		{name: "out-is-a-directory", want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			out := filepath.Join(r.dir, "out")
			if err := os.Mkdir(out, 0o755); err != nil {
				return err
			}
			r.watch = []string{r.dir}
			r.args = []string{"check", "-o", out, "--voted", e.goodEN, e.goodZH}
			r.names = []string{out}
			return nil
		}},
		{name: "out-through-a-file", want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			plain, err := writeFileIn(r.dir, "plain", []byte("a file\n"))
			out := filepath.Join(plain, "report.txt")
			r.args = []string{"check", "-o", out, "--voted", e.goodEN, e.goodZH}
			r.names = []string{out}
			return err
		}},
		{name: "write-baseline-dir-missing", want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			out := filepath.Join(r.dir, "no-such-dir", "baseline.json")
			r.args = []string{"check", "--write-baseline", out, "--voted", e.goodEN, e.goodZH}
			r.names = []string{out}
			r.stdoutOK = true
			return nil
		}},
		{name: "import-out-dir-missing", want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			out := filepath.Join(r.dir, "no-such-dir", "terms.tsv")
			r.args = []string{"lexicon", "import", "-o", out, e.goodTBX}
			r.names = []string{out}
			return nil
		}},
		{name: "merge-out-dir-missing", want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			out := filepath.Join(r.dir, "no-such-dir", "merged.jsonl")
			r.args = []string{"batch", "merge", "--out", out, e.goodShard}
			r.names = []string{out}
			return nil
		}},
		{name: "batch-out-is-a-file", want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			out, err := existingOutput(r, "results")
			r.args = []string{"batch", "--quiet", "--manifest", e.goodManifest, "--out", out}
			r.names = []string{out}
			return err
		}},
		// Outputs that are not regular files (defect 2).
		{name: "out-private-dev-null", want: succeed, build: func(e *hostileEnv, r *hostileRun) error {
			out := filepath.Join(r.dir, "null")
			r.args = []string{"check", "-o", out, "--voted", e.goodEN, e.goodZH}
			r.wantExit = 1
			r.extra = append(r.extra, isDevice(out))
			return mknod(out, 3)
		}},
		{name: "out-symlink", want: succeed, build: func(e *hostileEnv, r *hostileRun) error {
			target := filepath.Join(r.dir, "target.txt")
			link := filepath.Join(r.dir, "link.txt")
			if err := os.WriteFile(target, []byte("old\n"), 0o644); err != nil {
				return err
			}
			r.args = []string{"check", "-o", link, "--voted", e.goodEN, e.goodZH}
			r.wantExit = 1
			r.extra = append(r.extra, func(*hostileResult) string {
				if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
					return "the symlink given as -o was replaced instead of followed"
				}
				if b, _ := os.ReadFile(target); !bytes.Contains(b, []byte("finding(s)")) {
					return "the symlink's target does not hold the report"
				}
				return ""
			})
			return os.Symlink("target.txt", link)
		}},
		{name: "out-mode-0600-kept", want: succeed, build: func(e *hostileEnv, r *hostileRun) error {
			out := filepath.Join(r.dir, "private.txt")
			if err := os.WriteFile(out, []byte("old\n"), 0o600); err != nil {
				return err
			}
			if err := os.Chmod(out, 0o600); err != nil {
				return err
			}
			r.args = []string{"check", "-o", out, "--voted", e.goodEN, e.goodZH}
			r.wantExit = 1
			r.extra = append(r.extra, func(*hostileResult) string {
				if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o600 {
					return fmt.Sprintf("the mode of the existing output changed: %v", st.Mode().Perm())
				}
				return ""
			})
			return nil
		}},
		// A JSON and a SARIF report must say that a final failed (defect 11).
		{name: "report-json-lists-failed-final", want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			bad, err := writeFileIn(r.dir, "empty.zh.txt", nil)
			r.args = []string{"check", "--format", "json", "--voted", e.goodEN, e.goodZH, bad}
			r.names = []string{bad}
			r.stdoutOK = true
			r.extra = append(r.extra, func(res *hostileResult) string {
				var rep struct {
					Errors []json.RawMessage `json:"errors"`
				}
				if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
					return "the JSON report does not parse: " + err.Error()
				}
				if len(rep.Errors) == 0 || !strings.Contains(res.stdout, "empty.zh.txt") {
					return "the JSON report does not list the final that could not be read"
				}
				return ""
			})
			return err
		}},
		{name: "report-sarif-marks-failed-final", want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			bad, err := writeFileIn(r.dir, "empty.zh.txt", nil)
			r.args = []string{"check", "--format", "sarif", "--voted", e.goodEN, e.goodZH, bad}
			r.names = []string{bad}
			r.stdoutOK = true
			r.extra = append(r.extra, func(res *hostileResult) string {
				if !strings.Contains(res.stdout, `"executionSuccessful": false`) || !strings.Contains(res.stdout, "toolExecutionNotifications") {
					return "the SARIF report does not mark the run unsuccessful with a notification for the unreadable final"
				}
				return ""
			})
			return err
		}},
	}
	// Standard output that fails every write: a private /dev/full.
	for _, args := range [][]string{
		{"segment", e.goodZH},
		{"check", "--voted", e.goodEN, e.goodZH},
		{"align", e.goodEN, e.goodZH},
		{"lexicon", "list"},
	} {
		cases = append(cases, hostileCase{name: "stdout-full-" + args[0], want: refuse, build: func(e *hostileEnv, r *hostileRun) error {
			full := filepath.Join(r.dir, "full")
			r.args = args
			r.stdout = full
			r.names = []string{"stdout", "standard output", "write"}
			return mknod(full, 7)
		}})
	}
	return cases
}

func (e *hostileEnv) controlCases() []hostileCase {
	resZH, _ := os.ReadFile(e.goodZH)
	control := func(name string, exit int, out string, args func(r *hostileRun) ([]string, error)) hostileCase {
		return hostileCase{name: "control-" + name, want: succeed, build: func(e *hostileEnv, r *hostileRun) error {
			var err error
			r.args, err = args(r)
			r.wantExit, r.wantOut = exit, out
			return err
		}}
	}
	file := func(r *hostileRun, name string, b []byte) (string, error) { return writeFileIn(r.dir, name, b) }
	cases := []hostileCase{
		control("founding-text", 1, "9 finding(s)", func(*hostileRun) ([]string, error) {
			return []string{"check", "--voted", e.goodEN, e.goodZH}, nil
		}),
		control("utf16-no-bom-read", 1, "9 finding(s)", func(r *hostileRun) ([]string, error) {
			p, err := file(r, "res.zh.txt", utf16NoBOM(string(resZH)))
			return []string{"check", "--voted", e.goodEN, p}, err
		}),
		control("generated-pdf", 0, "cooperation", func(r *hostileRun) ([]string, error) {
			p, err := file(r, "ok.en.pdf", pdfText("Promoting mutually beneficial cooperation"))
			return []string{"segment", p}, err
		}),
		control("generated-docx", 0, "cooperation", func(r *hostileRun) ([]string, error) {
			b, err := docxFile(docxBody(docxPara("Promoting mutually beneficial cooperation")))
			if err != nil {
				return nil, err
			}
			p, err := file(r, "ok.en.docx", b)
			return []string{"segment", p}, err
		}),
		control("generated-tbx", 0, "ok: 1 concepts", func(r *hostileRun) ([]string, error) {
			p, err := file(r, "ok.tbx", xmlFormats[3].valid())
			return []string{"lexicon", "check", p}, err
		}),
	}
	for _, f := range xmlFormats[:3] {
		cases = append(cases, control("generated-"+f.name, 0, "", func(r *hostileRun) ([]string, error) {
			p, err := file(r, "ok"+f.ext, f.valid())
			return []string{"check", p}, err
		}))
	}
	return cases
}
