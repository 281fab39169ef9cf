package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/urfave/cli/v2"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/batch"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/internal/atomicfile"
	language "github.com/driftcheck/driftcheck/lang"
)

// shardEnv are the variables schedulers set to a task's index in an array
// job: Kubernetes Indexed Job, Slurm job array, AWS Batch array job.
var shardEnv = []string{"JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "AWS_BATCH_JOB_ARRAY_INDEX"}

func batchCmd() *cli.Command {
	return &cli.Command{
		Name:      "batch",
		Usage:     "check an archive of document groups from a manifest or a directory tree, resumably and in shards",
		ArgsUsage: "(--manifest FILE | --dir DIR) --out DIR",
		Description: `Every group (the language versions of one symbol) is checked as by
"driftcheck check": the voted text is the file with role voted, else the
file in --voted-lang. Results go to DIR as JSON lines, one per group, in
part files written whole or not at all; rerun with the same --out to skip
the groups already done (after a crash or kill, nothing is lost or written
twice). --shard i/N keeps the groups whose symbol hashes to i; with --shards
N alone, i comes from JOB_COMPLETION_INDEX (Kubernetes), SLURM_ARRAY_TASK_ID
(Slurm) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch). "driftcheck batch merge"
combines the shards. Exit status 0 when the run completed (findings are
data, not failures), 2 for a usage, manifest or output error.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "manifest", Usage: "CSV, TSV or JSON lines `FILE` with symbol, role, lang, path (paths relative to it)"},
			&cli.StringFlag{Name: "dir", Usage: "directory `TREE` of files named like ODS downloads (A_HRC_RES_37_23-EN.txt)"},
			&cli.StringFlag{Name: "out", Usage: "output `DIR` (created; reused to resume)"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "workers"},
			&cli.StringFlag{Name: "shard", Usage: "keep shard `i/N` (0-based)"},
			&cli.IntFlag{Name: "shards", Usage: "the number of shards `N`, the index taken from the scheduler's environment"},
			&cli.StringFlag{Name: "voted-lang", Value: "en", Usage: "the language of the voted text when no file has role voted"},
			&cli.StringFlag{Name: "level", Value: "warning", Usage: "record findings of at least this severity: error, warning or info"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar, no progress lines and no summary on standard error"},
			&cli.DurationFlag{Name: "progress-interval", Value: 30 * time.Second, Usage: "when standard error is not a terminal (a log), write a progress line to it every `DURATION` (groups done of the total, findings, file errors, rate, elapsed time); 0 for none. On a terminal a progress bar is shown instead"},
			&cli.IntFlag{Name: "chunk", Value: 200, Usage: "groups per part file (smaller: less to redo after a crash, more files)"},
		}, lexiconFlags...),
		Action: runBatch,
		Subcommands: []*cli.Command{{
			Name:      "merge",
			Usage:     "combine the outputs of the shards of a batch run",
			ArgsUsage: "--out FILE DIR...",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "out", Usage: "merged results `FILE` (JSON lines; its summary goes to FILE.summary.json)"},
			},
			Action: func(c *cli.Context) error {
				if c.String("out") == "" || c.NArg() == 0 {
					return usageErr("batch merge: want --out FILE and at least one directory")
				}
				sum, err := batch.Merge(c.String("out"), c.Args().Slice())
				if err != nil {
					return &codeError{exitError, fmt.Errorf("batch merge: %w", err)}
				}
				data, _ := json.MarshalIndent(sum, "", "  ")
				if err := atomicfile.Write(c.String("out")+".summary.json", func(w io.Writer) error { _, err := w.Write(append(data, '\n')); return err }); err != nil {
					return &codeError{exitError, err}
				}
				printSummary(c.App.ErrWriter, sum)
				return nil
			},
		}, groupCmd()},
	}
}

// groupCmd is the hidden "batch group": the child process in which batch
// checks again, alone, a group that was being checked when an earlier run
// died (batch.ServeGroup), so that a file that crashes driftcheck is an
// error of that file and not of the run.
func groupCmd() *cli.Command {
	return &cli.Command{
		Name:   "group",
		Usage:  "check one group sent by a batch run on standard input (internal)",
		Hidden: true,
		Flags:  lexiconFlags,
		Action: func(c *cli.Context) error {
			lex, err := loadLexicon(c)
			if err != nil {
				return err
			}
			if err := batch.ServeGroup(driftcheck.New(lex), c.App.Reader, c.App.Writer); err != nil {
				return &codeError{exitError, err}
			}
			return nil
		},
	}
}

// childCommand returns how batch starts the child process of groupCmd:
// this executable, with the lexicon flags of the run. It returns nil (the
// groups are then checked again in this process) when the executable
// cannot be found, or is a test binary (which "batch group" would make
// run its tests).
func childCommand(c *cli.Context) func(ctx context.Context) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil || testing.Testing() {
		return nil
	}
	args := []string{"batch", "group"}
	if c.Bool("no-default-lexicon") {
		args = append(args, "--no-default-lexicon")
	}
	for _, l := range c.StringSlice("lexicon") {
		args = append(args, "--lexicon", l)
	}
	return func(ctx context.Context) *exec.Cmd { return exec.CommandContext(ctx, exe, args...) }
}

// shardOf resolves --shard and --shards.
func shardOf(c *cli.Context) (shard, shards int, err error) {
	if s := c.String("shard"); s != "" {
		a, b, ok := strings.Cut(s, "/")
		i, err1 := strconv.Atoi(a)
		n, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
			return 0, 0, usageErr("--shard %q: want i/N with 0 <= i < N", s)
		}
		return i, n, nil
	}
	n := c.Int("shards")
	if n <= 1 {
		return 0, 1, nil
	}
	for _, v := range shardEnv {
		if s, ok := os.LookupEnv(v); ok {
			i, err := strconv.Atoi(s)
			if err != nil || i < 0 || i >= n {
				return 0, 0, usageErr("%s=%q: want an index from 0 to %d", v, s, n-1)
			}
			return i, n, nil
		}
	}
	return 0, 0, usageErr("--shards %d: no shard index: give --shard i/%d or run under a scheduler that sets %s", n, n, strings.Join(shardEnv, ", "))
}

func runBatch(c *cli.Context) error {
	if c.String("out") == "" {
		return usageErr("batch: --out DIR is required")
	}
	if (c.String("manifest") == "") == (c.String("dir") == "") {
		return usageErr("batch: give exactly one of --manifest FILE and --dir DIR")
	}
	level, err := drift.ParseSeverity(c.String("level"))
	if err != nil {
		return usageErr("--level: %w", err)
	}
	shard, shards, err := shardOf(c)
	if err != nil {
		return err
	}
	if iv := c.Duration("progress-interval"); iv < 0 {
		return usageErr("--progress-interval %s: want a duration of 0 or more", iv)
	}
	lex, err := loadLexicon(c)
	if err != nil {
		return err
	}
	langs := lex.Languages()
	votedLang, err := language.Check(c.String("voted-lang"), langs...)
	if err != nil {
		return usageErr("--voted-lang: %w", err)
	}
	src, err := openSource(c, langs, true)
	if err != nil {
		return &codeError{exitError, err}
	}
	defer src.Close()

	pdfNotice(c)
	opt := batch.Options{
		Checker: driftcheck.New(lex), Out: c.String("out"), Jobs: c.Int("jobs"),
		Shard: shard, Shards: shards, VotedLang: votedLang, Level: level,
		ChunkSize: c.Int("chunk"), Child: childCommand(c),
	}
	reopen := func() (batch.Source, error) { return openSource(c, langs, false) }
	stopLines := func() {}
	if progress, done := progressBar(c, reopen, shard, shards); progress != nil {
		opt.Progress = progress
		defer done()
	} else if iv := c.Duration("progress-interval"); iv > 0 && !c.Bool("quiet") {
		counted, stop := progressLines(c.App.ErrWriter, iv, countGroups(reopen, shard, shards))
		opt.Counted = counted
		stopLines = stop
	}
	sum, err := batch.Run(c.Context, src, opt)
	stopLines() // before the summary or the error, on the same stream
	var ie *batch.InterruptedError
	if errors.As(err, &ie) {
		code, name := signalExit(ie.Cause)
		return &codeError{code, fmt.Errorf("batch interrupted%s: the %d groups checked in this run are kept in %s; rerun with the same --out to finish", name, ie.Kept, opt.Out)}
	}
	if err != nil {
		return &codeError{exitError, err}
	}
	if !c.Bool("quiet") {
		printSummary(c.App.ErrWriter, sum)
	}
	return nil
}

// openSource opens the batch's manifest or tree; with say, a tree's files
// left out are said on standard error.
func openSource(c *cli.Context, langs []string, say bool) (batch.Source, error) {
	if m := c.String("manifest"); m != "" {
		return batch.OpenManifest(m, langs...)
	}
	src, err := batch.OpenDir(c.String("dir"), c.String("out"))
	if err != nil {
		return nil, err
	}
	if sk, ok := src.(batch.Skipper); ok && say {
		if line := skippedLine(sk.Skipped()); line != "" {
			fmt.Fprintln(c.App.ErrWriter, line)
		}
	}
	return src, nil
}

// progressBar returns, on a terminal and without --quiet, the progress
// function of a bar of the shard's groups and the function that ends it;
// nil otherwise. The groups are counted first, by a quick pass that reads
// no document.
func progressBar(c *cli.Context, open func() (batch.Source, error), shard, shards int) (progress func(done int), end func()) {
	f, ok := c.App.ErrWriter.(*os.File)
	if !ok || c.Bool("quiet") || !term.IsTerminal(int(f.Fd())) {
		return nil, nil
	}
	total := countGroups(open, shard, shards)
	p := mpb.NewWithContext(c.Context, mpb.WithOutput(f))
	bar := p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("groups "), decor.CountersNoUnit("%d / %d")),
		mpb.AppendDecorators(decor.AverageSpeed(0, "%.1f/s "), decor.AverageETA(decor.ET_STYLE_GO)))
	prev := 0
	return func(done int) {
			bar.IncrBy(done - prev)
			prev = done
		}, func() {
			bar.SetTotal(-1, true)
			p.Wait()
		}
}

// countGroups counts the groups of the shard by a quick pass over the
// source that reads no document; 0 when the source cannot be opened.
func countGroups(open func() (batch.Source, error), shard, shards int) int {
	total := 0
	if cs, err := open(); err == nil {
		for {
			g, err := cs.Next()
			if err != nil {
				break
			}
			if shards <= 1 || batch.Shard(g.Symbol, shards) == shard {
				total++
			}
		}
		cs.Close()
	}
	return total
}

// progressLines writes a progress line (progressLine) to w every interval
// until stop, which waits for the last line to be written: for logs and
// CI, where a progress bar would be noise. total is the shard's groups.
func progressLines(w io.Writer, interval time.Duration, total int) (counted func(batch.Counts), stop func()) {
	var mu sync.Mutex
	var now batch.Counts
	start := time.Now()
	quit, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				mu.Lock()
				c := now
				mu.Unlock()
				fmt.Fprintln(w, progressLine(c, total, time.Since(start)))
			}
		}
	}()
	return func(c batch.Counts) {
			mu.Lock()
			now = c
			mu.Unlock()
		}, func() {
			close(quit)
			<-finished
		}
}

// progressLine is one line of progress: "driftcheck: batch: 40/120 groups
// (10 done before), 37 findings, 1 file error, 2.5 groups/s, 12s elapsed,
// about 32s left". The rate and what is left count this run's groups.
func progressLine(c batch.Counts, total int, elapsed time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "driftcheck: batch: %d/%d groups", c.Earlier+c.Groups, total)
	if c.Earlier > 0 {
		fmt.Fprintf(&b, " (%d done before)", c.Earlier)
	}
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	fmt.Fprintf(&b, ", %s, %s", plural(c.Findings, "finding", "findings"), plural(c.Errors, "file error", "file errors"))
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(c.Groups) / s
	}
	fmt.Fprintf(&b, ", %.1f groups/s, %s elapsed", rate, elapsed.Round(time.Second))
	if left := total - c.Earlier - c.Groups; left > 0 && rate > 0 {
		fmt.Fprintf(&b, ", about %s left", time.Duration(float64(left)/rate*float64(time.Second)).Round(time.Second))
	}
	return b.String()
}

// skippedLine says which files of a tree were left out, naming the first
// few; "" when none were.
func skippedLine(skipped []string) string {
	if len(skipped) == 0 {
		return ""
	}
	var dirs, files []string
	for _, s := range skipped {
		if strings.HasSuffix(s, "/") {
			dirs = append(dirs, s)
		} else {
			files = append(files, s)
		}
	}
	var parts []string
	if len(dirs) > 0 {
		parts = append(parts, "the output directory "+strings.Join(dirs, ", "))
	}
	if len(files) > 0 {
		names := files
		more := ""
		if len(names) > 5 {
			names, more = names[:5], fmt.Sprintf(" and %d more", len(files)-5)
		}
		what := "files that are not documents"
		if len(files) == 1 {
			what = "file that is not a document"
		}
		parts = append(parts, fmt.Sprintf("%d %s (not .txt, .pdf, .docx, .doc or .html): %s%s", len(files), what, strings.Join(names, ", "), more))
	}
	return "driftcheck: batch: skipped " + strings.Join(parts, " and ")
}

// interruptSignals are the signals whose cancellation of the context batch
// reports, with exit status 128 plus their number.
var interruptSignals = map[syscall.Signal]string{syscall.SIGINT: "SIGINT", syscall.SIGTERM: "SIGTERM", syscall.SIGHUP: "SIGHUP"}

// signalExit returns the exit status and the description (" by SIGTERM")
// of a run interrupted with cause: the signal's, from a cause that has a
// Signal method or from the cause signal.NotifyContext gives ("terminated
// signal received"); else exit status 2 and no description.
func signalExit(cause error) (int, string) {
	var s interface{ Signal() os.Signal }
	var sig os.Signal
	if errors.As(cause, &s) {
		sig = s.Signal()
	} else if cause != nil {
		for k := range interruptSignals {
			if cause.Error() == k.String()+" signal received" {
				sig = k
			}
		}
	}
	if n, ok := sig.(syscall.Signal); ok {
		name := interruptSignals[n]
		if name == "" {
			name = n.String()
		}
		return 128 + int(n), " by " + name
	}
	return exitError, ""
}

func printSummary(w interface{ Write([]byte) (int, error) }, s *batch.Summary) {
	fmt.Fprintf(w, "%d groups, %d files, %d findings, %d file errors (in %d groups), %.1f s", s.Groups, s.Files, s.Findings, s.Errors, s.GroupsInError, s.Seconds)
	if s.Shard != "" {
		fmt.Fprintf(w, " [shard %s]", s.Shard)
	}
	fmt.Fprintln(w)
	var kinds []string
	for k := range s.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		var langs []string
		for l, m := range s.ByLangKind {
			if m[k] > 0 {
				langs = append(langs, fmt.Sprintf("%s %d", l, m[k]))
			}
		}
		sort.Strings(langs)
		fmt.Fprintf(w, "  %-22s %6d  (%s)\n", k, s.ByKind[k], strings.Join(langs, ", "))
	}
}
