package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/urfave/cli/v2"
)

func lexiconCmd() *cli.Command {
	return &cli.Command{
		Name:  "lexicon",
		Usage: "list or check lexicons",
		Subcommands: []*cli.Command{
			{
				Name:  "list",
				Usage: "list the loaded concepts (default lexicon plus --lexicon files)",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "format", Value: "text", Usage: "text (a table: a header row, then a concept a line, its renderings in each language separated by \" | \", \"-\" for none) or tsv (the lexicon file format)"},
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
					writeConcepts(w, lex)
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
							return &codeError{exitError, fmt.Errorf("%w (not TBX; for a tab-separated glossary give --from LANG --to LANG)", err)}
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

// writeConcepts writes the table of lexicon list: a header row, then one
// row per concept with its id, its group and its renderings in each of the
// six official languages (in the lexicon file's column order) and in any
// other language of the lexicon; "-" is an empty cell.
func writeConcepts(w io.Writer, lex *lexicon.Lexicon) {
	langs := slices.Clone(lexicon.Header[2 : len(lexicon.Header)-2])
	for _, l := range lex.Languages() {
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	cell := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	fmt.Fprintf(w, "%s\t%s\t%s\n", "id", "group", strings.Join(langs, "\t"))
	for _, k := range lex.Concepts {
		row := []string{k.ID, cell(k.Group)}
		for _, l := range langs {
			row = append(row, cell(strings.Join(k.Terms[l], " | ")))
		}
		fmt.Fprintln(w, strings.Join(row, "\t"))
	}
}
