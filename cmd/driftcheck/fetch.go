package main

import (
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/driftcheck/driftcheck/fetch"
	"github.com/driftcheck/driftcheck/undl"
)

// fetchTransport, when set (by tests), is the transport of fetch and
// session.
var fetchTransport http.RoundTripper

// downloadFlags are the options of fetch and session about downloading.
func downloadFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "type", Value: "pdf", Usage: "the document type to download: pdf or doc (Word)"},
		&cli.Float64Flag{Name: "rate", Value: fetch.DefaultRate, Usage: "at most `R` requests a second (ODS answers a faster client with 429)"},
		&cli.StringFlag{Name: "base-url", Usage: "replace the scheme and host of the URLs of ODS (" + fetch.ODSBase + ") and of the Digital Library (" + fetch.LibraryBase + ") with `URL`, their paths and queries kept: a mirror, or a test server"},
		&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "give up a request (its body included) after `DURATION` (then retried)"},
		&cli.IntFlag{Name: "retries", Value: 5, Usage: "retry a request `N` times after a 429, a 5xx, a timeout or a cut connection (waiting as Retry-After says, else 2 s doubled at each retry, with jitter)"},
		&cli.BoolFlag{Name: "refresh", Usage: "ask the server again about the files already downloaded (conditional requests: only what changed is downloaded) and the languages recorded missing"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "say only what went wrong on standard error"},
	}
}

// fetchOptions reads the download options.
func fetchOptions(c *cli.Context) (fetch.Options, error) {
	o := fetch.Options{Type: c.String("type"), Rate: c.Float64("rate"), BaseURL: c.String("base-url"),
		Timeout: c.Duration("timeout"), Retries: c.Int("retries"), Refresh: c.Bool("refresh"),
		UserAgent: fetch.UserAgent(uaVersion()), Transport: fetchTransport}
	if o.Type != "pdf" && o.Type != "doc" {
		return o, usageErr("--type %q: want pdf or doc", o.Type)
	}
	if o.Rate <= 0 || o.Rate > 1000 {
		return o, usageErr("--rate %g: want a number of requests a second above 0 and at most 1000", o.Rate)
	}
	if o.Timeout <= 0 {
		return o, usageErr("--timeout %s: want a duration above 0", o.Timeout)
	}
	if o.Retries < 0 {
		return o, usageErr("--retries %d: want 0 or more", o.Retries)
	}
	if o.Retries == 0 {
		o.Retries = -1 // none (0 is the package's default)
	}
	if b := o.BaseURL; b != "" && !strings.HasPrefix(b, "http://") && !strings.HasPrefix(b, "https://") {
		return o, usageErr("--base-url %q: want http://HOST[:PORT] or https://HOST[:PORT]", b)
	}
	if !c.Bool("quiet") {
		w := c.App.ErrWriter
		o.Log = func(msg string) {
			if !strings.HasPrefix(msg, "GET ") {
				fmt.Fprintf(w, "driftcheck: %s\n", msg)
			}
		}
	}
	return o, nil
}

// uaVersion is the version the User-Agent names: the release's, else the
// module's ("devel" from a clone).
func uaVersion() string {
	v := version
	if v == "" {
		if bi, ok := debug.ReadBuildInfo(); ok {
			v = bi.Main.Version
		}
	}
	if v == "" || v == "(devel)" {
		return "devel"
	}
	return v
}

func fetchCmd() *cli.Command {
	return &cli.Command{
		Name:      "fetch",
		Usage:     "download the six language versions of UN documents from the Official Document System",
		ArgsUsage: "SYMBOL... --out DIR",
		Description: `Each SYMBOL (A/HRC/RES/37/23) is asked of ODS in Arabic, Chinese, English,
French, Russian and Spanish (` + fetch.ODSBase + `/api/symbol/access?s=SYMBOL&l=zh&t=pdf)
and saved in DIR named like ODS downloads (A_HRC_RES_37_23-ZH.pdf), ready for
"driftcheck check" or "driftcheck batch --dir DIR". Requests go one at a time
at --rate, with a User-Agent naming driftcheck; 429 and 5xx answers are
retried after Retry-After or an exponential backoff. Each file is written
whole or not at all, and recorded in DIR/` + fetch.IndexName + ` (ETag,
Last-Modified, SHA-256): a rerun downloads only what is not there yet, so an
interrupted run is resumed by running it again. A language ODS does not have
(404, or an HTML error page instead of the document) is recorded as missing,
not saved. A file already in DIR (put there by hand or by wget) is used as
it is. Exit status 0 when every language was downloaded or found missing, 2
when one could not be (said on standard error; rerun to try again), when a
symbol has no language at all (a wrong symbol?) or for a usage error.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "the directory `DIR` to download into (created)"},
		}, downloadFlags()...),
		Action: runFetch,
	}
}

func runFetch(c *cli.Context) error {
	if c.String("out") == "" {
		return usageErr("fetch: --out DIR is required")
	}
	if c.NArg() == 0 {
		return usageErr("fetch: want at least one SYMBOL (such as A/HRC/RES/37/23)")
	}
	for _, s := range c.Args().Slice() {
		if undl.CleanSymbol(s) == "" || strings.ContainsAny(s, "\x00\n") || strings.HasPrefix(s, "-") {
			return usageErr("fetch: %q is not a document symbol (such as A/HRC/RES/37/23)", s)
		}
	}
	opt, err := fetchOptions(c)
	if err != nil {
		return err
	}
	opt.Dir = c.String("out")
	f, err := fetch.New(opt)
	if err != nil {
		return &codeError{exitError, fmt.Errorf("fetch: %w", err)}
	}
	failed, none := 0, []string{}
	for _, s := range c.Args().Slice() {
		es, err := f.Symbol(c.Context, undl.CleanSymbol(s))
		if err != nil {
			return &codeError{exitError, fmt.Errorf("fetch: %w", err)}
		}
		var got, missing []string
		for _, e := range es {
			switch e.Status {
			case fetch.OK:
				got = append(got, e.Lang)
			case fetch.Missing:
				missing = append(missing, e.Lang)
			default:
				failed++
				fmt.Fprintf(c.App.ErrWriter, "driftcheck: fetch: %s %s: not downloaded: %s\n", e.Symbol, e.Lang, e.Error)
			}
		}
		if len(got) == 0 && len(missing) == len(es) {
			none = append(none, undl.CleanSymbol(s))
		}
		if !c.Bool("quiet") {
			line := fmt.Sprintf("%s: %s", undl.CleanSymbol(s), strings.Join(got, " "))
			if len(got) == 0 {
				line += "nothing"
			}
			if len(missing) > 0 {
				line += "; missing: " + strings.Join(missing, " ")
			}
			fmt.Fprintln(c.App.Writer, line)
		}
	}
	if failed > 0 {
		return &codeError{exitError, fmt.Errorf("fetch: %d languages not downloaded: rerun the same command to try them again", failed)}
	}
	if len(none) > 0 {
		return &codeError{exitError, fmt.Errorf("fetch: ODS has no language of %s: check the symbol", strings.Join(none, ", "))}
	}
	return nil
}
