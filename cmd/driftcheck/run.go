package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/baseline"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/atomicfile"
	"github.com/driftcheck/driftcheck/internal/inputfile"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/reader"
	"github.com/driftcheck/driftcheck/report"
	"github.com/driftcheck/driftcheck/segment"
)

// Exit codes.
const (
	exitOK       = 0 // no finding at or above --fail-on
	exitFindings = 1 // at least one finding at or above --fail-on
	exitError    = 2 // usage, configuration, lexicon or input error
)

// exitError carries an exit code through urfave/cli.
type codeError struct {
	code int
	err  error // nil: nothing more to print
}

func (e *codeError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func usageErr(format string, a ...any) error {
	return &codeError{exitError, fmt.Errorf(format, a...)}
}

// run is the whole command, runnable inside a test.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if f, ok := stdout.(*os.File); ok {
		stdout = &outWriter{w: f}
	}
	code := runApp(ctx, args, stdin, stdout, stderr)
	if err := closeOutput(stdout); err != nil && code != exitError {
		fmt.Fprintf(stderr, "driftcheck: writing standard output: %v\n", err)
		return exitError
	}
	return code
}

// outWriter is standard output that remembers its first write error: a
// report cut short by a full disk or a closed pipe is a failure, never an
// exit 0.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.err = err
	}
	return n, err
}

// Fd lets term.IsTerminal see the file behind it.
func (o *outWriter) Fd() uintptr {
	if f, ok := o.w.(*os.File); ok {
		return f.Fd()
	}
	return ^uintptr(0)
}

// closeOutput returns the first error writing standard output, or the
// error of syncing it when it is a file (a disk that fills up on close).
func closeOutput(w io.Writer) error {
	o, ok := w.(*outWriter)
	if !ok {
		return nil
	}
	if o.err != nil {
		return o.err
	}
	if f, ok := o.w.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			if err := f.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
				return err
			}
		}
	}
	return nil
}

func runApp(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	notFound := false
	app.CommandNotFound = func(c *cli.Context, name string) {
		fmt.Fprintf(stderr, "driftcheck: unknown command %q (see driftcheck help)\n", name)
		notFound = true
	}
	err := app.RunContext(ctx, interspersed(app, args))
	if notFound {
		return exitError
	}
	var sig *signalError
	if errors.As(context.Cause(ctx), &sig) {
		fmt.Fprintf(stderr, "driftcheck: %s\n", interruptedLine(sig, err))
		return sig.code()
	}
	if err == nil {
		return exitOK
	}
	var ce *codeError
	if errors.As(err, &ce) {
		if ce.err != nil {
			fmt.Fprintf(stderr, "driftcheck: %v\n", ce.err)
		}
		return ce.code
	}
	fmt.Fprintf(stderr, "driftcheck: %v\n", err)
	return exitError
}

// interruptedLine is the one line said when a signal stopped a run: the
// signal, and what the command said of its stopping ("rerun with the same
// --out to finish").
func interruptedLine(sig *signalError, err error) string {
	var ce *codeError
	if errors.As(err, &ce) {
		err = ce.err
	}
	if err == nil || errors.Is(err, context.Canceled) {
		return sig.Error()
	}
	msg := err.Error()
	if strings.Contains(msg, sig.Error()) {
		return msg // the command said it all ("batch interrupted by SIGTERM: …")
	}
	if rest, ok := strings.CutPrefix(msg, "interrupted"); ok {
		return sig.Error() + rest
	}
	return sig.Error() + " (" + msg + ")"
}

var lexiconFlags = []cli.Flag{
	&cli.StringSliceFlag{Name: "lexicon", Aliases: []string{"l"}, Usage: "add the concepts of lexicon `FILE` (TSV, or a TBX term base; repeatable; a concept id already loaded is replaced)"},
	&cli.BoolFlag{Name: "no-default-lexicon", Usage: "do not load the lexicon built into the binary"},
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "driftcheck",
		Usage:     "check the language versions of a UN document against the text that was voted on",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// Errors are printed and mapped to exit codes by run.
		ExitErrHandler: func(*cli.Context, error) {},
		HideVersion:    true,
		Commands:       []*cli.Command{checkCmd(), batchCmd(), alignCmd(), segmentCmd(), lexiconCmd()},
	}
	app.OnUsageError = onUsageError("driftcheck", app.Flags)
	setUsageErrors(app.Commands, "driftcheck")
	return app
}

// setUsageErrors makes a usage error of every command (an unknown flag, a
// flag without its value) one line on standard error with a hint, instead
// of urfave/cli's help page on standard output.
func setUsageErrors(cmds []*cli.Command, parent string) {
	for _, c := range cmds {
		name := parent + " " + c.Name
		c.OnUsageError = onUsageError(name, c.Flags)
		setUsageErrors(c.Subcommands, name)
	}
}

func onUsageError(name string, flags []cli.Flag) cli.OnUsageErrorFunc {
	return func(_ *cli.Context, err error, _ bool) error {
		hint := ""
		const undefined = "flag provided but not defined: -"
		if msg := err.Error(); strings.HasPrefix(msg, undefined) {
			if f := closestFlag(strings.TrimLeft(strings.TrimPrefix(msg, undefined), "-"), flags); f != "" {
				hint = fmt.Sprintf("did you mean --%s? ", f)
			}
		}
		if cmd := strings.TrimPrefix(name, "driftcheck "); cmd != name {
			return usageErr("%s: %v (%ssee %s --help)", cmd, err, hint, name)
		}
		return usageErr("%v (%ssee %s --help)", err, hint, name)
	}
}

// closestFlag returns the flag name nearest to typed (an edit distance of
// at most 2, or typed a prefix of it), or "".
func closestFlag(typed string, flags []cli.Flag) string {
	if i := strings.IndexByte(typed, '='); i >= 0 {
		typed = typed[:i]
	}
	best, bestD := "", 3
	for _, f := range flags {
		for _, n := range f.Names() {
			d := editDistance(typed, n)
			if len(typed) >= 3 && strings.HasPrefix(n, typed) {
				d = 1
			}
			if d < bestD {
				best, bestD = n, d
			}
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func loadLexicon(c *cli.Context) (*lexicon.Lexicon, error) {
	var lex *lexicon.Lexicon
	if !c.Bool("no-default-lexicon") {
		lex = lexicon.Default()
	}
	for _, path := range c.StringSlice("lexicon") {
		l, err := readLexicon(path)
		if err != nil {
			return nil, err
		}
		lex = lex.Merge(l)
	}
	if lex == nil || len(lex.Concepts) == 0 {
		return nil, usageErr("no lexicon: --no-default-lexicon needs at least one --lexicon FILE")
	}
	return lex, nil
}

// readLexicon reads a lexicon in the native TSV format or a TBX term base.
func readLexicon(path string) (*lexicon.Lexicon, error) {
	l, _, err := readLexiconTBX(path)
	return l, err
}

// readLexiconTBX is readLexicon that also says whether the file was TBX.
func readLexiconTBX(path string) (l *lexicon.Lexicon, tbx bool, err error) {
	data, err := inputfile.ReadAll(path, maxLexiconBytes, extract.ErrTooLarge)
	if err != nil {
		return nil, false, &codeError{exitError, fileErr("lexicon", path, err)}
	}
	if tbx = lexicon.IsTBX(data[:min(len(data), 4096)]); !tbx {
		if err := textOnly(data); err != nil {
			return nil, false, &codeError{exitError, fmt.Errorf("lexicon %s: %w", path, err)}
		}
	}
	if tbx {
		l, err = lexicon.ReadTBX(bytes.NewReader(data), path)
	} else {
		l, err = lexicon.Parse(bytes.NewReader(data), path)
	}
	if err != nil {
		return nil, tbx, &codeError{exitError, err}
	}
	return l, tbx, nil
}

// textOnly refuses data that is not text: a NUL byte (a binary file, or
// UTF-16, which TSV lexicons are not written in) or bytes that are not
// UTF-8. A NUL inside a rendering would also reach the Chinese dictionary.
func textOnly(data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("not a text file (a NUL byte at offset %d; lexicons are UTF-8 TSV or TBX)", i)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("not UTF-8 text (lexicons are UTF-8 TSV or TBX)")
	}
	return nil
}

// maxLexiconBytes bounds a lexicon or glossary file (a whole term base of
// the UN in six languages is some tens of MiB).
const maxLexiconBytes = 256 << 20

// fileErr names the file in an error about it once: the operating
// system's errors name it already.
func fileErr(what, path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s %w", what, err)
	}
	return fmt.Errorf("%s %s: %w", what, path, err)
}

func readGlossary(path, from, to string) (*lexicon.Lexicon, error) {
	if from == "" || to == "" {
		return nil, usageErr("lexicon import: a glossary needs both --from and --to")
	}
	data, err := inputfile.ReadAll(path, maxLexiconBytes, extract.ErrTooLarge)
	if err != nil {
		return nil, &codeError{exitError, fileErr("lexicon", path, err)}
	}
	if err := textOnly(data); err != nil {
		return nil, &codeError{exitError, fmt.Errorf("glossary %s: %w", path, err)}
	}
	l, err := lexicon.ReadGlossary(bytes.NewReader(data), path, from, to)
	if err != nil {
		return nil, &codeError{exitError, err}
	}
	return l, nil
}

// readFlags are the options for reading input files, shared by the
// commands that read documents.
var readFlags = []cli.Flag{
	&cli.StringFlag{Name: "encoding", Usage: "the encoding of plain-text and HTML inputs that are not UTF-8: " + strings.Join(extract.Encodings(), ", ") + " (default: detected)"},
	&cli.BoolFlag{Name: "original", Usage: "read Word files as they were before their tracked changes (default: with the changes accepted)"},
	&cli.BoolFlag{Name: "allow-damaged", Usage: "read a damaged PDF (a rebuilt cross-reference table, a cut or corrupt stream, a page that cannot be loaded) as far as it can be read, with a warning at the top of the report (default: an error)"},
	&cli.StringFlag{Name: "lang-mismatch", Value: "error", Usage: "a file whose declared language (LANG=, its name or its markup) its script contradicts: error, or warn (check it as declared)"},
}

// newChecker returns a checker for lex with the reading options of the
// command line; warnings about inputs go to standard error.
func newChecker(c *cli.Context, lex *lexicon.Lexicon) (*driftcheck.Checker, error) {
	chk := driftcheck.New(lex)
	var err error
	if chk.Read, err = readOptions(c); err != nil {
		return nil, err
	}
	switch m := c.String("lang-mismatch"); m {
	case "error":
		chk.LangMismatch = driftcheck.MismatchError
	case "warn":
		chk.LangMismatch = driftcheck.MismatchWarn
	default:
		return nil, usageErr("--lang-mismatch: unknown value %q (want error or warn)", m)
	}
	stderr := c.App.ErrWriter
	chk.Warn = func(msg string) { fmt.Fprintf(stderr, "driftcheck: warning: %s\n", msg) }
	chk.Read.AllowDamaged = c.Bool("allow-damaged")
	return chk, nil
}

func readOptions(c *cli.Context) (reader.Options, error) {
	o := reader.Options{Encoding: c.String("encoding"), Original: c.Bool("original")}
	if o.Encoding != "" {
		if _, err := extract.DecodeAs(nil, o.Encoding); err != nil && !errors.Is(err, extract.ErrEmpty) {
			return o, usageErr("--encoding: %v", err)
		}
	}
	return o, nil
}

func checkCmd() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "report where each final text departs from the voted text",
		ArgsUsage: "--voted VOTED FINAL... | FILE.tmx|FILE.xlf...",
		Description: `Each file is a plain-text document (UTF-8, UTF-16, GB18030/GBK, Big5,
Windows-1251 or Windows-1256: detected, or named with --encoding), a PDF with a
text layer, a Word document (DOCX or .doc) or an HTML page. The language of a
file comes from a LANG=PATH prefix (zh=final.txt), else from its name
(x.zh.txt, X-ZH.txt, x_zh.txt), else from the language the file declares (HTML
lang, Word's language), else from the script and common words of its text.
A code must be one of ar, zh, en, fr, ru, es (or a language of a --lexicon);
a declared language that the text's script contradicts (en= on a Chinese
text) is an error, or with --lang-mismatch=warn a warning.

Without --voted, every file must be a translation memory or bilingual file
(TMX, XLIFF 1.2 or 2.0): each unit is checked as a pair, source against
target, with no alignment step.

Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for a
usage, lexicon or input error (an unreadable final is reported and the other
finals are still checked).`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "voted", Usage: "the text that was voted on (`FILE`, optionally LANG=FILE); required"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: text, json, html (one self-contained page), sarif (2.1.0), csv or line (path:line:col: severity kind: message)"},
			&cli.StringFlag{Name: "baseline", Usage: "report only findings whose fingerprint is not in baseline `FILE` (written by --write-baseline)"},
			&cli.StringFlag{Name: "write-baseline", Usage: "record the findings reported (at or above --level) in baseline `FILE`"},
			&cli.StringFlag{Name: "fail-on", Value: "warning", Usage: "exit 1 when a finding has at least this severity: error, warning or info"},
			&cli.StringFlag{Name: "level", Usage: "show findings of at least this severity (default: the --fail-on level)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` (atomically) instead of standard output"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never"},
		}, append(readFlags, lexiconFlags...)...),
		Action: runCheck,
	}
}

func runCheck(c *cli.Context) error {
	failOn, err := drift.ParseSeverity(c.String("fail-on"))
	if err != nil {
		return usageErr("--fail-on: %v", err)
	}
	level := failOn
	if s := c.String("level"); s != "" {
		if level, err = drift.ParseSeverity(s); err != nil {
			return usageErr("--level: %v", err)
		}
	}
	format := c.String("format")
	if !slices.Contains(report.Formats, format) {
		return usageErr("--format: unknown format %q (want %s)", format, strings.Join(report.Formats, ", "))
	}
	var known map[string]bool
	if b := c.String("baseline"); b != "" {
		var err error
		if known, err = baseline.Read(b); err != nil {
			return &codeError{exitError, err}
		}
	}
	if c.NArg() == 0 {
		return usageErr("check: no final text given (usage: driftcheck check --voted VOTED FINAL..., or driftcheck check FILE.tmx|FILE.xlf...)")
	}
	bitextMode := c.String("voted") == ""
	if bitextMode {
		for _, a := range c.Args().Slice() {
			_, p := driftcheck.SplitLangArg(a)
			ok, err := driftcheck.IsBitext(p)
			if err != nil {
				return &codeError{exitError, err}
			}
			if !ok {
				return usageErr("check: --voted FILE is required unless every file is a TMX or XLIFF file (%s is not)", p)
			}
		}
	}
	lex, err := loadLexicon(c)
	if err != nil {
		return err
	}
	chk, err := newChecker(c, lex)
	if err != nil {
		return err
	}
	stderr := c.App.ErrWriter

	var (
		res      *driftcheck.Result
		voted    *document.Document
		finals   []*document.Document
		unread   []report.InputError
		warnings []string
	)
	warn := chk.Warn
	chk.Warn = func(msg string) {
		warn(msg)
		warnings = append(warnings, msg)
	}
	if bitextMode {
		// Translation memories and bilingual files: each unit is a pair
		// already aligned, source against target.
		res = &driftcheck.Result{}
		for _, a := range c.Args().Slice() {
			_, p := driftcheck.SplitLangArg(a)
			f, err := chk.LoadBitext(p)
			if err != nil {
				fmt.Fprintf(stderr, "driftcheck: %v\n", err)
				unread = append(unread, unreadable(p, err))
				continue
			}
			r := chk.CheckBitext(f, p)
			if res.Voted == nil {
				res.Voted = r.Voted
			}
			res.Comparisons = append(res.Comparisons, r.Comparisons...)
			for _, cmp := range r.Comparisons {
				finals = append(finals, cmp.Final.Doc)
			}
		}
		if res.Voted == nil {
			return &codeError{exitError, nil}
		}
		voted = res.Voted
	} else {
		vl, vp := driftcheck.SplitLangArg(c.String("voted"))
		voted, err = chk.LoadFile(vp, vl)
		if err != nil {
			return &codeError{exitError, err}
		}
		for _, a := range c.Args().Slice() {
			if err := c.Context.Err(); err != nil {
				return err
			}
			l, p := driftcheck.SplitLangArg(a)
			d, err := chk.LoadFile(p, l)
			if err != nil {
				fmt.Fprintf(stderr, "driftcheck: %v\n", err)
				unread = append(unread, unreadable(p, err))
				continue
			}
			finals = append(finals, d)
		}
		if len(finals) == 0 && len(unread) > 0 {
			// Nothing could be checked: no report, which would read as
			// "0 findings" (the errors are on stderr).
			return &codeError{exitError, nil}
		}
		res = chk.Check(voted, finals...)
	}

	in := report.Input{
		Voted: report.Doc{Path: voted.Path, Lang: voted.Lang, Symbol: voted.Symbol},
		Level: level, FailOn: failOn, Hidden: map[drift.Severity]int{},
		Errors: unread, Warnings: warnings,
	}
	for _, f := range finals {
		in.Finals = append(in.Finals, report.Doc{Path: f.Path, Lang: f.Lang, Symbol: f.Symbol})
	}
	all := res.Findings()
	if known != nil {
		all, in.Suppressed = baseline.Filter(all, known)
	}
	for _, f := range all {
		if f.Severity >= level {
			in.Findings = append(in.Findings, f)
		} else {
			in.Hidden[f.Severity]++
		}
	}
	if format == "html" {
		in.View = res.View()
	}
	for _, p := range voted.Body() {
		in.ParaOrder = append(in.ParaOrder, p.ID)
	}
	err = writeOutput(c, func(w io.Writer, tty bool) error {
		return report.Write(w, format, in, report.Options{Color: useColor(c.String("color"), tty)})
	})
	if err != nil {
		return err
	}
	if b := c.String("write-baseline"); b != "" {
		if err := baseline.Write(b, in.Findings); err != nil {
			return &codeError{exitError, fmt.Errorf("--write-baseline: %w", err)}
		}
	}
	switch {
	case len(unread) > 0:
		return &codeError{exitError, nil}
	case report.Failed(all, failOn):
		return &codeError{exitFindings, nil}
	}
	return nil
}

// unreadable is the report's record of an input that could not be read:
// its path, and the error without the path.
func unreadable(path string, err error) report.InputError {
	var ie *driftcheck.InputError
	if errors.As(err, &ie) {
		err = ie.Err
	}
	return report.InputError{Path: path, Error: err.Error()}
}

func useColor(mode string, tty bool) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	return tty
}

// writeOutput runs write on standard output, or on a temporary file renamed
// over --output when write succeeds, so a failed run never leaves a
// half-written report.
func writeOutput(c *cli.Context, write func(w io.Writer, tty bool) error) error {
	if err := c.Context.Err(); err != nil {
		return err // interrupted: no report, rather than one of what was done
	}
	out := c.String("output")
	if out == "" {
		tty := false
		if f, ok := c.App.Writer.(interface{ Fd() uintptr }); ok {
			tty = term.IsTerminal(int(f.Fd()))
		}
		return write(c.App.Writer, tty)
	}
	err := atomicfile.Write(out, func(w io.Writer) error { return write(w, false) })
	if err != nil {
		return &codeError{exitError, fmt.Errorf("--output %s: %w", out, err)}
	}
	return nil
}

func alignCmd() *cli.Command {
	return &cli.Command{
		Name:      "align",
		Usage:     "show the paragraph alignment of two texts side by side, with scores",
		ArgsUsage: "A B",
		Flags:     append(append([]cli.Flag{}, readFlags...), lexiconFlags...),
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return usageErr("align: want two files (usage: driftcheck align A B)")
			}
			lex, err := loadLexicon(c)
			if err != nil {
				return err
			}
			chk, err := newChecker(c, lex)
			if err != nil {
				return err
			}
			var docs [2]*document.Document
			for i := range docs {
				l, p := driftcheck.SplitLangArg(c.Args().Get(i))
				if docs[i], err = chk.LoadFile(p, l); err != nil {
					return &codeError{exitError, err}
				}
			}
			res := chk.Check(docs[0], docs[1])
			cmp := res.Comparisons[0]
			w := c.App.Writer
			fmt.Fprintf(w, "%-8s %-8s %5s  %s [%s] | %s [%s]\n", "A", "B", "score", docs[0].Path, docs[0].Lang, docs[1].Path, docs[1].Lang)
			for _, p := range cmp.Pairs {
				var ids [2][]string
				var texts [2][]string
				for k, side := range [][]int{p.A, p.B} {
					s := cmp.Voted
					if k == 1 {
						s = cmp.Final
					}
					for _, i := range side {
						ids[k] = append(ids[k], s.Paras[i].P.ID)
						texts[k] = append(texts[k], s.Paras[i].P.Text)
					}
				}
				id := func(x []string) string {
					if len(x) == 0 {
						return "-"
					}
					return strings.Join(x, "+")
				}
				sc := "-"
				if len(p.A) > 0 && len(p.B) > 0 {
					sc = fmt.Sprintf("%.2f", p.Score)
				}
				fmt.Fprintf(w, "%-8s %-8s %5s  %s | %s\n", id(ids[0]), id(ids[1]), sc,
					clip(strings.Join(texts[0], " "), 40), clip(strings.Join(texts[1], " "), 40))
			}
			return nil
		},
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func segmentCmd() *cli.Command {
	return &cli.Command{
		Name:      "segment",
		Usage:     "print the paragraph ids and tokens of a text (for debugging a lexicon)",
		ArgsUsage: "FILE",
		Description: `Each paragraph prints as its id, kind and language, then its tokens separated
by " | ", punctuation and space left out; a lexicon hit is shown as
[tokens]{concept-id}. Numbers are shown as #key.`,
		Flags: append(append([]cli.Flag{}, readFlags...), lexiconFlags...),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("segment: want one file (usage: driftcheck segment FILE)")
			}
			lex, err := loadLexicon(c)
			if err != nil {
				return err
			}
			chk, err := newChecker(c, lex)
			if err != nil {
				return err
			}
			l, p := driftcheck.SplitLangArg(c.Args().First())
			doc, err := chk.LoadFile(p, l)
			if err != nil {
				return &codeError{exitError, err}
			}
			w := c.App.Writer
			fmt.Fprintf(w, "# %s lang=%s symbol=%s structured=%v\n", doc.Path, doc.Lang, doc.Symbol, doc.Structured)
			side := chk.Annotate(doc)
			for i := range doc.Paras {
				p := &doc.Paras[i]
				if !p.Compared() {
					fmt.Fprintf(w, "%s\t%s\t%s\n", p.ID, p.Kind, p.Text)
				}
			}
			for _, ap := range side.Paras {
				hitAt := map[int]int{}
				for k, h := range ap.Hits {
					hitAt[h.TokStart] = k + 1
				}
				var parts []string
				for i := 0; i < len(ap.Tokens); i++ {
					if k := hitAt[i]; k > 0 {
						h := ap.Hits[k-1]
						var in []string
						for _, t := range ap.Tokens[h.TokStart:h.TokEnd] {
							if t.IsContent() {
								in = append(in, t.In(ap.P.Text))
							}
						}
						parts = append(parts, "["+strings.Join(in, " ")+"]{"+h.Concept.ID+"}")
						i = h.TokEnd - 1
						continue
					}
					t := ap.Tokens[i]
					switch t.Kind {
					case segment.Word:
						parts = append(parts, t.In(ap.P.Text))
					case segment.Number:
						parts = append(parts, "#"+t.Key)
					}
				}
				fmt.Fprintf(w, "%s\t%s\t%s\n", ap.P.ID, ap.P.Kind, strings.Join(parts, " | "))
			}
			return nil
		},
	}
}

func lexiconCmd() *cli.Command {
	return &cli.Command{
		Name:  "lexicon",
		Usage: "list or check lexicons",
		Subcommands: []*cli.Command{
			{
				Name:  "list",
				Usage: "list the loaded concepts (default lexicon plus --lexicon files)",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "format", Value: "text", Usage: "text (a table) or tsv (the lexicon file format)"},
				}, lexiconFlags...),
				Action: func(c *cli.Context) error {
					lex, err := loadLexicon(c)
					if err != nil {
						return err
					}
					w := c.App.Writer
					switch c.String("format") {
					case "tsv":
						return lex.Write(w)
					case "text":
					default:
						return usageErr("--format: unknown format %q (want text or tsv)", c.String("format"))
					}
					for _, k := range lex.Concepts {
						g := k.Group
						if g == "" {
							g = "-"
						}
						fmt.Fprintf(w, "%s\t%s\ten: %s\tzh: %s\n", k.ID, g,
							strings.Join(k.Terms["en"], " | "), strings.Join(k.Terms["zh"], " | "))
					}
					fmt.Fprintf(w, "%d concepts, languages: %s\n", len(lex.Concepts), strings.Join(lex.Languages(), " "))
					return nil
				},
			},
			{
				Name:      "import",
				Usage:     "convert a TBX term base, or a tab-separated glossary (OmegaT and other CAT tools), to the native lexicon format",
				ArgsUsage: "FILE.tbx | --from LANG --to LANG GLOSSARY",
				Description: `A TBX file (TBX-Basic/2008 martif or TBX v3) gives one concept per term
entry: its id, its terms per language (deprecated, superseded and forbidden
terms left out), its definition as the note. A concept's group is set only by
a <descrip type="driftcheckGroup">: a subject field is a topic, not a set of
negotiated alternatives. --lexicon also reads TBX files directly.

A glossary has one entry a line, source<TAB>target[<TAB>comment]; --from and
--to name its two languages. Each line becomes a concept (a target with
renderings separated by ";" gives several).`,
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the lexicon to `FILE` (atomically) instead of standard output"},
					&cli.StringFlag{Name: "from", Usage: "the `LANG` of a glossary's first column"},
					&cli.StringFlag{Name: "to", Usage: "the `LANG` of a glossary's second column"},
				},
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return usageErr("lexicon import: want one file (a TBX file, or a glossary with --from and --to)")
					}
					path := c.Args().First()
					var lex *lexicon.Lexicon
					var err error
					if c.String("from") != "" || c.String("to") != "" {
						lex, err = readGlossary(path, c.String("from"), c.String("to"))
					} else {
						var tbx bool
						lex, tbx, err = readLexiconTBX(path)
						if !tbx {
							if err == nil {
								return usageErr("lexicon import: %s is already a native lexicon; a glossary needs --from LANG --to LANG", path)
							}
							return &codeError{exitError, fmt.Errorf("%v (not TBX; for a tab-separated glossary give --from LANG --to LANG)", err)}
						}
					}
					if err != nil {
						return err
					}
					if err := writeOutput(c, func(w io.Writer, _ bool) error { return lex.Write(w) }); err != nil {
						return err
					}
					fmt.Fprintf(c.App.ErrWriter, "driftcheck: %s: %d concepts, languages: %s\n", path, len(lex.Concepts), strings.Join(lex.Languages(), " "))
					return nil
				},
			},
			{
				Name:      "check",
				Usage:     "check lexicon files: syntax, duplicate ids, renderings claimed by two concepts",
				ArgsUsage: "FILE...",
				Action: func(c *cli.Context) error {
					if c.NArg() == 0 {
						return usageErr("lexicon check: want at least one file")
					}
					bad := 0
					for _, path := range c.Args().Slice() {
						lex, err := readLexicon(path)
						if err != nil {
							fmt.Fprintf(c.App.ErrWriter, "driftcheck: %v\n", err)
							bad++
							continue
						}
						chk := driftcheck.New(lex)
						warns := lex.Warnings(chk.Seg)
						for _, wmsg := range warns {
							fmt.Fprintf(c.App.Writer, "%s: warning: %s\n", path, wmsg)
						}
						groups := map[string]bool{}
						for _, k := range lex.Concepts {
							if k.Group != "" {
								groups[k.Group] = true
							}
						}
						fmt.Fprintf(c.App.Writer, "%s: ok: %d concepts, %d groups, languages %s\n",
							path, len(lex.Concepts), len(groups), strings.Join(lex.Languages(), " "))
					}
					if bad > 0 {
						return &codeError{exitError, nil}
					}
					return nil
				},
			},
		},
	}
}

// interspersed moves the flags given after the file arguments of a command
// in front of them ("check --voted a.txt b.txt --format json"), since the
// command-line library stops reading flags at the first argument. A "--"
// ends the flags as usual.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	cmds := app.Commands
	i := 1
	var cmd *cli.Command
	for i < len(args) {
		var next *cli.Command
		for _, c := range cmds {
			if c.HasName(args[i]) {
				next = c
			}
		}
		if next == nil {
			break
		}
		cmd, cmds = next, next.Subcommands
		i++
	}
	if cmd == nil || len(cmd.Subcommands) > 0 {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, pos []string
	rest := args[i:]
	for k := 0; k < len(rest); k++ {
		a := rest[k]
		if a == "--" {
			pos = append(pos, rest[k:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") && takesValue[name] && k+1 < len(rest) {
				flags = append(flags, rest[k+1])
				k++
			}
			continue
		}
		pos = append(pos, a)
	}
	out := append(append([]string{}, args[:i]...), flags...)
	return append(out, pos...)
}
