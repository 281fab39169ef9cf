package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/inputfile"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/reader"
	"github.com/urfave/cli/v2"
)

var lexiconFlags = []cli.Flag{
	&cli.StringSliceFlag{Name: "lexicon", Aliases: []string{"l"}, Usage: "add the concepts of lexicon `FILE` (TSV, or a TBX term base; repeatable; a concept id already loaded is replaced)"},
	&cli.BoolFlag{Name: "no-default-lexicon", Usage: "do not load the lexicon built into the binary"},
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
			return o, usageErr("--encoding: %w", err)
		}
	}
	return o, nil
}
