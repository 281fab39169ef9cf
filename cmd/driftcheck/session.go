package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"github.com/urfave/cli/v2"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/batch"
	"github.com/driftcheck/driftcheck/drift"
	language "github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/session"
)

func sessionCmd() *cli.Command {
	return &cli.Command{
		Name:      "session",
		Usage:     "check every resolution a session adopted against its draft, from a Digital Library export or a pairs.csv",
		ArgsUsage: "EXPORT.marcxml|pairs.csv --out DIR",
		Description: `The input is a MARCXML export of the UN Digital Library (search
https://digitallibrary.un.org for the session's drafts, such as A/C.3/78/L.,
then Export → MARCXML on the results), in which each draft's 993 field names
the resolution it became (a draft with none is listed as not adopted), or a
CSV file of lines draft,resolution (A/HRC/37/L.36,A/HRC/RES/37/23).

Each draft is downloaded in the six languages from the export's links (856),
else from ODS, and each resolution from ODS, into DIR/docs (see "driftcheck
fetch": rate, retries, resumable); with --no-fetch, only what DIR/docs (or
--docs) already holds is used. Then DIR/manifest.csv pairs them (the draft in
--voted-lang is the voted text, the six languages of the resolution are the
finals), "driftcheck batch" checks it into DIR/batch, DIR/reports holds the
HTML report of each resolution, and DIR/session.html and DIR/session.json
summarise the session: per resolution, the findings by severity and
language, linked to its report. Rerun with the same --out to resume.
Exit status 0 when the session was checked (findings are data), 2 when a
file could not be downloaded (the rest is checked and summarised; rerun to
try again) or for a usage or input error.`,
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "output `DIR` (created; reused to resume)"},
			&cli.StringFlag{Name: "docs", Usage: "the documents' `DIR` (default: DIR/docs of --out)"},
			&cli.BoolFlag{Name: "no-fetch", Usage: "download nothing: use the documents already in the documents' directory"},
			&cli.StringFlag{Name: "voted-lang", Value: "en", Usage: "the language the drafts were negotiated in: the draft in it is the voted text"},
			&cli.BoolFlag{Name: "draft-versions", Usage: "also check the draft in each other language against the resolution in that language (the Chinese draft against the Chinese resolution: what the delegations last read against what was published)"},
			&cli.StringFlag{Name: "level", Value: "warning", Usage: "record findings of at least this severity: error, warning or info"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "workers of the check"},
		}, downloadFlags()...), lexiconFlags...),
		Action: runSession,
	}
}

func runSession(c *cli.Context) error {
	if c.String("out") == "" {
		return usageErr("session: --out DIR is required")
	}
	if c.NArg() != 1 {
		return usageErr("session: want one EXPORT.marcxml or pairs.csv (got %d arguments)", c.NArg())
	}
	level, err := drift.ParseSeverity(c.String("level"))
	if err != nil {
		return usageErr("--level: %w", err)
	}
	fo, err := fetchOptions(c)
	if err != nil {
		return err
	}
	lex, err := loadLexicon(c)
	if err != nil {
		return err
	}
	votedLang, err := language.Check(c.String("voted-lang"), lex.Languages()...)
	if err != nil {
		return usageErr("--voted-lang: %w", err)
	}
	pdfNotice(c)
	opt := session.Options{Input: c.Args().First(), Out: c.String("out"), Docs: c.String("docs"), NoFetch: c.Bool("no-fetch"),
		Fetch: fo, VotedLang: votedLang, DraftVersions: c.Bool("draft-versions"), Checker: driftcheck.New(lex), Level: level, Jobs: c.Int("jobs"), Child: childCommand(c), Log: fo.Log}
	sum, err := session.Run(c.Context, opt)
	var ie *session.InputError
	var bi *batch.InterruptedError
	switch {
	case errors.As(err, &bi):
		code, name := signalExit(bi.Cause)
		return &codeError{code, fmt.Errorf("session interrupted%s: rerun with the same --out to finish", name)}
	case errors.As(err, &ie):
		return &codeError{exitError, fmt.Errorf("session: %w", err)}
	case err != nil && c.Context.Err() != nil:
		code, name := signalExit(context.Cause(c.Context))
		return &codeError{code, fmt.Errorf("session interrupted%s: rerun with the same --out to finish", name)}
	case err != nil:
		return &codeError{exitError, fmt.Errorf("session: %w", err)}
	}
	if n := len(sum.NotDownloaded); n > 0 {
		for _, s := range sum.NotDownloaded {
			fmt.Fprintf(c.App.ErrWriter, "driftcheck: session: not downloaded: %s\n", s)
		}
		what := fmt.Sprintf("%d files", n)
		if n == 1 {
			what = "1 file"
		}
		return &codeError{exitError, fmt.Errorf("session: %s could not be downloaded, so their pairs are checked without them: rerun with the same --out to download them and check again", what)}
	}
	if !c.Bool("quiet") {
		fmt.Fprintf(c.App.ErrWriter, "%d records, %d pairs, %d not adopted; %d resolutions checked, %d findings; summary %s\n",
			sum.Records, sum.Pairs, len(sum.NotAdopted), sum.Checked, sum.Findings, opt.Out+"/"+session.SummaryHTML)
	}
	return nil
}
