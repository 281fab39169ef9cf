package main

import (
	language "github.com/driftcheck/driftcheck/lang"

	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/report"
	"github.com/urfave/cli/v2"
)

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
			chk, err := loadChecker(c)
			if err != nil {
				return err
			}
			var docs [2]*document.Document
			for i := range docs {
				l, p := language.SplitArg(c.Args().Get(i))
				if docs[i], err = chk.LoadFile(p, l); err != nil {
					return &codeError{exitError, err}
				}
			}
			res := chk.Check(docs[0], docs[1])
			return report.Alignment(c.App.Writer, res.Comparisons[0])
		},
	}
}
