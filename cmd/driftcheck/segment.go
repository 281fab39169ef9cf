package main

import (
	language "github.com/driftcheck/driftcheck/lang"

	"github.com/driftcheck/driftcheck/report"
	"github.com/urfave/cli/v2"
)

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
			chk, err := loadChecker(c)
			if err != nil {
				return err
			}
			l, p := language.SplitArg(c.Args().First())
			doc, err := chk.LoadFile(p, l)
			if err != nil {
				return &codeError{exitError, err}
			}
			return report.Segments(c.App.Writer, doc, chk.Annotate(doc))
		},
	}
}
