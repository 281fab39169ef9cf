package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/driftcheck/driftcheck/atlas"
	"github.com/driftcheck/driftcheck/internal/atomicfile"
	language "github.com/driftcheck/driftcheck/lang"
)

func atlasCmd() *cli.Command {
	return &cli.Command{
		Name:      "atlas",
		Usage:     "the drift atlas of batch outputs: how each language renders each contested concept, year by year, and the findings per 100 paragraphs",
		ArgsUsage: "OUT... [-o atlas.html] [--format html|json|csv] [--examples N] [--explain CONCEPT LANG]",
		Description: `Reads the result lines of "driftcheck batch" output directories (or of
merged results files) and counts, for every concept of a group of the
lexicon (a concept with negotiated alternatives), the voted paragraphs
where each language renders it faithfully, as an alternative or not at all,
by year and body (from the manifest's date and body columns, the symbol
or the date line), with up to N examples each; and, per language and year,
the findings per 100 paragraphs by kind. The page (html, the default) is
one self-contained file with its charts; json follows docs/atlas.schema.json;
csv has one row per (voted concept, final concept, language, year, body).
Without -o the atlas goes to standard output. The counts of each OUT are
kept in OUT/atlas.db: an atlas over an output that grew reads only its new
part files. --explain CONCEPT LANG lists instead the result lines (part
file:line) behind the counts of CONCEPT in LANG.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the atlas to `FILE` (its extension .html, .json or .csv sets the format)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "html, json or csv (default: from -o, else html)"},
			&cli.IntFlag{Name: "examples", Value: atlas.DefaultExamples, Usage: "keep `N` examples per (voted concept, final concept, language)"},
			&cli.StringFlag{Name: "explain", Usage: "list the result lines behind the counts of `CONCEPT` in the language given after it (--explain CONCEPT LANG)"},
			&cli.BoolFlag{Name: "no-store", Usage: "read every line and keep no store next to the outputs"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "say nothing of the stores on standard error"},
		}, lexiconFlags...),
		Action: runAtlas,
	}
}

func runAtlas(c *cli.Context) error {
	args := c.Args().Slice()
	concept, lang := c.String("explain"), ""
	if concept != "" {
		// --explain CONCEPT LANG: LANG is the argument that is a language
		// and no file.
		var rest []string
		for _, a := range args {
			if l, err := language.Check(a); err == nil && lang == "" {
				if _, err := os.Stat(a); err != nil {
					lang = l
					continue
				}
			}
			rest = append(rest, a)
		}
		if lang == "" {
			return usageErr("atlas: --explain %s: want a language after the concept (--explain CONCEPT LANG)", concept)
		}
		args = rest
	}
	if len(args) == 0 {
		return usageErr("atlas: want at least one batch output directory (usage: driftcheck atlas OUT... [-o atlas.html])")
	}
	format := strings.ToLower(c.String("format"))
	out := c.String("output")
	if format == "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".json":
			format = "json"
		case ".csv":
			format = "csv"
		default:
			format = "html"
		}
	}
	if format != "html" && format != "json" && format != "csv" {
		return usageErr("atlas: --format: unknown value %q (want html, json or csv)", format)
	}
	n := c.Int("examples")
	if n < 0 {
		return usageErr("atlas: --examples %d: want 0 or more", n)
	}
	if n == 0 {
		n = -1 // none (0 is the package's default)
	}
	var inputs []*atlas.Input
	for _, a := range args {
		in, err := atlas.OpenInput(a)
		if err != nil {
			return &codeError{exitError, fmt.Errorf("atlas: %w", err)}
		}
		inputs = append(inputs, in)
	}
	if concept != "" {
		write := func(w io.Writer) error {
			_, err := atlas.Explain(w, inputs, concept, lang)
			return err
		}
		return atlasWrite(c, out, write)
	}
	lex, err := loadLexicon(c)
	if err != nil {
		return err
	}
	groups := map[string]string{}
	for _, k := range lex.Concepts {
		if k.Group != "" {
			groups[k.ID] = k.Group
		}
	}
	opt := atlas.Options{Examples: n, NoStore: c.Bool("no-store"), Groups: groups}
	if !c.Bool("quiet") {
		opt.Log = c.App.ErrWriter
	}
	a, err := atlas.Build(inputs, opt)
	if err != nil {
		return &codeError{exitError, fmt.Errorf("atlas: %w", err)}
	}
	return atlasWrite(c, out, func(w io.Writer) error {
		switch format {
		case "json":
			return a.WriteJSON(w)
		case "csv":
			return a.WriteCSV(w)
		}
		return a.WriteHTML(w)
	})
}

// atlasWrite writes to the file out, whole or not at all, or to standard
// output.
func atlasWrite(c *cli.Context, out string, write func(io.Writer) error) error {
	var err error
	if out == "" {
		err = write(c.App.Writer)
	} else {
		err = atomicfile.Write(out, write)
	}
	if err != nil {
		return &codeError{exitError, fmt.Errorf("atlas: %w", err)}
	}
	return nil
}
