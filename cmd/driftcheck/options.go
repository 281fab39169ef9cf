package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/extract/pdftext"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/reader"
	"github.com/urfave/cli/v2"
)

var lexiconFlags = []cli.Flag{
	&cli.StringSliceFlag{Name: "lexicon", Aliases: []string{"l"}, Usage: "add the concepts of lexicon `FILE` (TSV, or a TBX term base; repeatable; a concept id already loaded is replaced)"},
	&cli.BoolFlag{Name: "no-default-lexicon", Usage: "do not load the lexicon built into the binary"},
	&cli.StringFlag{Name: "lexicon-role", Usage: "the `ROLE` of the concepts of the --lexicon files that have none of their own (a role column): contested (negotiated alternatives: term-substituted), required (term-missing, term-added) or reference (a term base: guides the alignment, shown in reports, never a finding)"},
}

func loadLexicon(c *cli.Context) (*lexicon.Lexicon, error) {
	var lex *lexicon.Lexicon
	role := lexicon.RoleDefault
	if s := c.String("lexicon-role"); s != "" {
		var err error
		if role, err = lexicon.ParseRole(s); err != nil || role == lexicon.RoleDefault {
			return nil, usageErr("--lexicon-role: unknown value %q (want reference, contested or required)", s)
		}
	}
	if !c.Bool("no-default-lexicon") {
		lex = lexicon.Default()
	}
	for _, path := range c.StringSlice("lexicon") {
		l, err := readLexicon(path)
		if err != nil {
			return nil, err
		}
		if role != lexicon.RoleDefault {
			if err := l.SetRole(role, path); err != nil {
				return nil, &codeError{exitError, err}
			}
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
func readLexiconTBX(path string) (*lexicon.Lexicon, bool, error) {
	l, tbx, err := lexicon.Open(path)
	if err != nil {
		return nil, tbx, &codeError{exitError, err}
	}
	return l, tbx, nil
}

func readGlossary(path, from, to string) (*lexicon.Lexicon, error) {
	if from == "" || to == "" {
		return nil, usageErr("lexicon import: a glossary needs both --from and --to")
	}
	l, err := lexicon.OpenGlossary(path, from, to)
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

// loadChecker returns a checker for the lexicons and the reading options of
// the command line.
func loadChecker(c *cli.Context) (*driftcheck.Checker, error) {
	lex, err := loadLexicon(c)
	if err != nil {
		return nil, err
	}
	return newChecker(c, lex)
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
	pdfNotice(c)
	chk.Read.AllowDamaged = c.Bool("allow-damaged")
	return chk, nil
}

// pdfNotice sends the PDF reader's notice of its first, slow compilation
// (a cold cache: "compiling the PDF reader once (about 6 s); cached in
// DIR") to standard error when that is the process's own (a terminal, a
// file or a pipe); a caller's buffer (the command run inside a test) gets
// only the command's own lines.
func pdfNotice(c *cli.Context) {
	if f, ok := c.App.ErrWriter.(*os.File); ok {
		pdftext.SetNotice(func(msg string) { fmt.Fprintf(f, "driftcheck: %s\n", msg) })
	}
}

func readOptions(c *cli.Context) (reader.Options, error) {
	o := reader.Options{Encoding: c.String("encoding"), Original: c.Bool("original")}
	if o.Encoding != "" {
		if _, err := extract.DecodeAs(nil, o.Encoding); err != nil && !errors.Is(err, extract.ErrEmpty) {
			return o, usageErr("--encoding: %w", err)
		}
	}
	return o, nil
}
