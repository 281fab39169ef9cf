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
					lex.Load() // the renderings a compiled lexicon left in its file
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
renderings separated by ";" gives several).

A term base is terminology, not a list of negotiated terms: the concepts are
written with the role reference (their hits guide the alignment and are shown,
never a finding), but those of a TBX group, which are alternatives, with the
role contested. --role sets another role for all; --match unaccented matches
them ignoring accents and case (a source that strips accents).`,
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the lexicon to `FILE` (atomically) instead of standard output"},
					&cli.StringFlag{Name: "from", Usage: "the `LANG` of a glossary's first column"},
					&cli.StringFlag{Name: "to", Usage: "the `LANG` of a glossary's second column"},
					&cli.StringFlag{Name: "role", Usage: "the `ROLE` of every concept: reference, contested, required, or none (an empty role column: a lexicon's meaning without roles) (default: reference, contested for a TBX group)"},
					matchFlag,
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
					if err := importRole(c, lex, path); err != nil {
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
				Name:      "compile",
				Usage:     "compile a lexicon (TSV or TBX) for fast loading: --lexicon reads the compiled file without parsing or stemming",
				ArgsUsage: "FILE -o FILE.dcx",
				Description: `The compiled file holds the concepts and their matching patterns, with the
SHA-256 of the source and the version of the format. --lexicon refuses a
compiled file whose source has changed since (compile it again), one of
another format version or one that is damaged. --role and --match set the
role and the match mode of the concepts that have none, as --lexicon-role
does when the source is read.`,
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the compiled lexicon to `FILE` (atomically; required)"},
					&cli.StringFlag{Name: "role", Usage: "the `ROLE` of the concepts without one: reference, contested or required"},
					matchFlag,
				},
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return usageErr("lexicon compile: want one lexicon file")
					}
					if c.String("output") == "" {
						return usageErr("lexicon compile: want -o FILE.dcx (a compiled lexicon is binary)")
					}
					path := c.Args().First()
					src, err := lexicon.ReadSource(path)
					if err != nil {
						return &codeError{exitError, err}
					}
					lex, err := readLexicon(path)
					if err != nil {
						return err
					}
					if r := c.String("role"); r != "" {
						role, err := lexicon.ParseRole(r)
						if err != nil || role == lexicon.RoleDefault {
							return usageErr("--role: unknown value %q (want reference, contested or required)", r)
						}
						if err := lex.SetRole(role, path); err != nil {
							return &codeError{exitError, err}
						}
					}
					if err := setMatch(c, lex); err != nil {
						return err
					}
					if err := writeOutput(c, func(w io.Writer, _ bool) error { return lexicon.Compile(w, lex, src) }); err != nil {
						return err
					}
					fmt.Fprintf(c.App.ErrWriter, "driftcheck: %s: %d concepts compiled to %s\n", path, len(lex.Concepts), c.String("output"))
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

var matchFlag = &cli.StringFlag{Name: "match", Usage: "how the renderings are matched: unaccented (word for word, ignoring accents and case: a term base that writes French and Spanish without accents, Russian in capitals) (default: by their keys)"}

// setMatch applies --match to every concept of lex.
func setMatch(c *cli.Context, lex *lexicon.Lexicon) error {
	s := c.String("match")
	if s == "" {
		return nil
	}
	m, err := lexicon.ParseMatch(s)
	if err != nil || m == lexicon.MatchDefault {
		return usageErr("--match: unknown value %q (want unaccented)", s)
	}
	lex.SetMatch(m)
	return nil
}

// importRole gives the concepts of an imported term base their role: that
// of --role, or reference (contested for a concept with a group, which a
// TBX gives only to alternatives); and their match mode (--match).
func importRole(c *cli.Context, lex *lexicon.Lexicon, path string) error {
	if err := setMatch(c, lex); err != nil {
		return err
	}
	switch r := c.String("role"); r {
	case "none":
		return nil
	case "":
		for _, k := range lex.Concepts {
			if k.Role == lexicon.RoleDefault {
				if k.Group != "" {
					k.Role = lexicon.RoleContested
				} else {
					k.Role = lexicon.RoleReference
				}
			}
		}
		return nil
	default:
		role, err := lexicon.ParseRole(r)
		if err != nil || role == lexicon.RoleDefault {
			return usageErr("--role: unknown value %q (want reference, contested, required or none)", r)
		}
		for _, k := range lex.Concepts {
			k.Role = lexicon.RoleDefault
		}
		if err := lex.SetRole(role, path); err != nil {
			return &codeError{exitError, err}
		}
		return nil
	}
}
