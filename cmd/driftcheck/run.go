package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	"github.com/driftcheck/driftcheck/internal/atomicfile"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
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
	if len(args) == 0 || args[len(args)-1] != completeFlag {
		// urfave/cli sees a completion request only as the last argument.
		args = interspersed(app, args)
	}
	err := app.RunContext(ctx, args)
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

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "driftcheck",
		Usage:     "check the language versions of a UN document against the text that was voted on",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// Errors are printed and mapped to exit codes by run.
		ExitErrHandler: func(*cli.Context, error) {},
		Version:        appVersion(),
		// "driftcheck CMD --generate-bash-completion" lists what may
		// follow CMD: the completion scripts call it.
		EnableBashCompletion: true,
		Commands: []*cli.Command{checkCmd(), batchCmd(), atlasCmd(), alignCmd(), segmentCmd(), lexiconCmd(),
			fetchCmd(), sessionCmd(), completionCmd(), manCmd()},
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
			return usageErr("%s: %w (%ssee %s --help)", cmd, err, hint, name)
		}
		return usageErr("%w (%ssee %s --help)", err, hint, name)
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
