package main

import (
	language "github.com/driftcheck/driftcheck/lang"

	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/baseline"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/internal/atomicfile"
	"github.com/driftcheck/driftcheck/report"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

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
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: text, json, html (one self-contained page), sarif (2.1.0, for GitHub code scanning), csv, xlsx (an Excel workbook of the csv columns; binary: needs --output on a terminal), line (path:line:col: severity kind: message), gitlab (GitLab Code Quality) or junit (JUnit XML: a test case per final and paragraph)"},
			&cli.BoolFlag{Name: "csv-bom", Usage: "start the csv report with a UTF-8 byte order mark, so that Excel reads it as UTF-8 (an error unless --format or a [[report]] of the configuration file is csv)"},
			&cli.StringFlag{Name: "sarif-root", Usage: "make the paths of the sarif and gitlab reports relative to `DIR` (the repository's root; SARIF's %SRCROOT%) (default: the working directory)"},
			&cli.StringFlag{Name: "baseline", Usage: "report only findings whose fingerprint is not in baseline `FILE` (written by --write-baseline)"},
			&cli.StringFlag{Name: "write-baseline", Usage: "record the findings reported (at or above --level) in baseline `FILE`; findings then do not fail the run (exit 0)"},
			&cli.StringFlag{Name: "fail-on", Value: "warning", Usage: "exit 1 when a finding has at least this severity: error, warning or info"},
			&cli.StringFlag{Name: "level", Usage: "show findings of at least this severity (default: the --fail-on level)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` (atomically) instead of standard output"},
			&cli.StringFlag{Name: "config", Usage: "read options from configuration `FILE` (TOML; default: " + ConfigName + " in the working directory, when there is one); flags override it"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never"},
		}, append(readFlags, lexiconFlags...)...),
		Action: runCheck,
	}
}

func runCheck(c *cli.Context) error {
	extra, err := applyConfig(c)
	if err != nil {
		return err
	}
	opt, err := checkOptions(c)
	if err != nil {
		return err
	}
	if err := csvBOM(c.Bool("csv-bom"), opt.format, extra); err != nil {
		return err
	}
	opt.bom = c.Bool("csv-bom")
	chk, err := loadChecker(c)
	if err != nil {
		return err
	}
	var warnings []string
	warn := chk.Warn
	chk.Warn = func(msg string) {
		warn(msg)
		warnings = append(warnings, msg)
	}
	stderr := c.App.ErrWriter
	run, err := chk.CheckFiles(c.Context, c.String("voted"), c.Args().Slice(), func(err error) {
		fmt.Fprintf(stderr, "driftcheck: %v\n", err)
	})
	switch {
	case errors.Is(err, driftcheck.ErrNothingChecked):
		// Nothing could be checked: no report, which would read as "0
		// findings" (the errors are on stderr).
		return &codeError{exitError, nil}
	case err != nil && c.Context.Err() != nil:
		return err // interrupted
	case err != nil:
		return &codeError{exitError, err}
	}
	sel := run.Result.Select(opt.level, opt.known)
	html := opt.format == "html"
	for _, r := range extra {
		html = html || r.format == "html"
	}
	in := report.InputOf(run, sel, opt.level, opt.failOn, warnings, html)
	in.Root = opt.root
	err = writeOutput(c, func(w io.Writer, tty bool) error {
		return report.Write(w, opt.format, in, report.Options{Color: useColor(c.String("color"), tty), BOM: opt.bom})
	})
	if err != nil {
		return err
	}
	for _, r := range extra {
		err := atomicfile.Write(r.output, func(w io.Writer) error { return report.Write(w, r.format, in, report.Options{BOM: opt.bom}) })
		if err != nil {
			return &codeError{exitError, fmt.Errorf("report %s: %w", r.output, err)}
		}
	}
	if b := c.String("write-baseline"); b != "" {
		if err := baseline.Write(b, in.Findings); err != nil {
			return &codeError{exitError, fmt.Errorf("--write-baseline: %w", err)}
		}
	}
	switch {
	case len(run.Unread) > 0:
		return &codeError{exitError, nil}
	case c.String("write-baseline") != "":
		// Recording a baseline accepts what it records: the findings do
		// not fail the run.
		return nil
	case report.Failed(sel.All, opt.failOn):
		return &codeError{exitFindings, nil}
	}
	return nil
}

// checkOpts are the check command's options about what to report.
type checkOpts struct {
	failOn, level drift.Severity
	format        string
	bom           bool            // --csv-bom
	known         map[string]bool // the baseline's fingerprints; nil for none
	root          string          // absolute: the directory SARIF and GitLab paths are relative to
}

// checkOptions reads the check command's report options and the shape of
// its arguments: without --voted, every file must be a TMX or XLIFF file.
func checkOptions(c *cli.Context) (checkOpts, error) {
	var o checkOpts
	var err error
	if o.failOn, err = drift.ParseSeverity(c.String("fail-on")); err != nil {
		return o, usageErr("--fail-on: %w", err)
	}
	o.level = o.failOn
	if s := c.String("level"); s != "" {
		if o.level, err = drift.ParseSeverity(s); err != nil {
			return o, usageErr("--level: %w", err)
		}
	}
	o.format = c.String("format")
	if !slices.Contains(report.Formats, o.format) {
		return o, usageErr("--format: unknown format %q (want %s)", o.format, strings.Join(report.Formats, ", "))
	}
	if err := binaryOutput(o.format, c.String("output") == "" && isTerminal(c.App.Writer)); err != nil {
		return o, err
	}
	if o.root, err = sarifRoot(c.String("sarif-root")); err != nil {
		return o, err
	}
	if b := c.String("baseline"); b != "" {
		if o.known, err = baseline.Read(b); err != nil {
			return o, &codeError{exitError, err}
		}
	}
	if c.NArg() == 0 {
		return o, usageErr("check: no final text given (usage: driftcheck check --voted VOTED FINAL..., or driftcheck check FILE.tmx|FILE.xlf...)")
	}
	if c.String("voted") != "" {
		return o, nil
	}
	for _, a := range c.Args().Slice() {
		_, p := language.SplitArg(a)
		ok, err := driftcheck.IsBitext(p)
		if err != nil {
			return o, &codeError{exitError, err}
		}
		if !ok {
			return o, usageErr("check: --voted FILE is required unless every file is a TMX or XLIFF file (%s is not)", p)
		}
	}
	return o, nil
}

// binaryOutput refuses a binary report (xlsx) for standard output when it
// is a terminal: a workbook is for a file (--output) or a pipe.
func binaryOutput(format string, toTerminal bool) error {
	if format == "xlsx" && toTerminal {
		return usageErr("--format xlsx: the workbook is binary and standard output is a terminal: name a file with --output (-o), or redirect standard output")
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}

// csvBOM checks --csv-bom: it applies to every csv report, and is an error
// when no report is csv (rather than ignored, which would leave a user
// wondering why Excel still garbles the file).
func csvBOM(bom bool, format string, extra []extraReport) error {
	if !bom || format == "csv" {
		return nil
	}
	for _, r := range extra {
		if r.format == "csv" {
			return nil
		}
	}
	return usageErr("--csv-bom: only for the csv report, and --format is %s", format)
}

// sarifRoot returns the absolute directory of --sarif-root, the working
// directory when it is not given; one that is not a directory is a usage
// error.
func sarifRoot(dir string) (string, error) {
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", &codeError{exitError, fmt.Errorf("--sarif-root: the working directory: %w", err)}
		}
		return wd, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", usageErr("--sarif-root %s: %w", dir, err)
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return "", usageErr("--sarif-root %s: not a directory", dir)
	}
	return abs, nil
}
