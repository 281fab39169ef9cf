package driftcheck

import (
	"context"
	"errors"

	"github.com/driftcheck/driftcheck/baseline"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	language "github.com/driftcheck/driftcheck/lang"
)

// ErrNothingChecked is the error of a check none of whose final texts
// could be read: there is no result, which would read as "no findings".
var ErrNothingChecked = errors.New("no final text could be read")

// Run is a check of files: the documents read, those that could not be
// read, and the result.
type Run struct {
	Voted  *document.Document
	Finals []*document.Document
	// Unread are the final texts that could not be read, as *InputError
	// (the check went on without them).
	Unread []error
	Result *Result
}

// CheckFiles reads and checks files named as on the command line, each
// "PATH" or "LANG=PATH". With a voted file, each final is checked against
// it. With voted "", each final is a translation memory or bilingual file
// (TMX, XLIFF) checked unit by unit (CheckBitext). unread, if set, is told
// each final that cannot be read, as it happens; the check goes on
// without it. The error is the voted file's (an *InputError), the
// context's, or ErrNothingChecked.
func (c *Checker) CheckFiles(ctx context.Context, voted string, finals []string, unread func(error)) (*Run, error) {
	run := &Run{}
	skip := func(err error) {
		run.Unread = append(run.Unread, err)
		if unread != nil {
			unread(err)
		}
	}
	if voted == "" {
		res := &Result{}
		for _, a := range finals {
			_, p := language.SplitArg(a)
			f, err := c.LoadBitext(p)
			if err != nil {
				skip(err)
				continue
			}
			r := c.CheckBitext(f, p)
			if res.Voted == nil {
				res.Voted = r.Voted
			}
			res.Comparisons = append(res.Comparisons, r.Comparisons...)
			for _, cmp := range r.Comparisons {
				run.Finals = append(run.Finals, cmp.Final.Doc)
			}
		}
		if res.Voted == nil {
			return nil, ErrNothingChecked
		}
		run.Voted, run.Result = res.Voted, res
		return run, nil
	}
	vl, vp := language.SplitArg(voted)
	v, err := c.LoadFile(vp, vl)
	if err != nil {
		return nil, err
	}
	run.Voted = v
	for _, a := range finals {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		l, p := language.SplitArg(a)
		d, err := c.LoadFile(p, l)
		if err != nil {
			skip(err)
			continue
		}
		run.Finals = append(run.Finals, d)
	}
	if len(run.Finals) == 0 && len(run.Unread) > 0 {
		return nil, ErrNothingChecked
	}
	run.Result = c.Check(v, run.Finals...)
	return run, nil
}

// Selection is what a report shows of a result.
type Selection struct {
	// All are the findings left after the baseline; Shown those of them
	// at the level or above, in report order.
	All, Shown []drift.Finding
	// Hidden counts, by severity, the findings below the level.
	Hidden map[drift.Severity]int
	// Suppressed counts the findings the baseline knew.
	Suppressed int
}

// Select returns the findings of r at level or above, leaving out those
// whose fingerprints are in known (a baseline; nil for none).
func (r *Result) Select(level drift.Severity, known map[string]bool) Selection {
	s := Selection{All: r.Findings(), Hidden: map[drift.Severity]int{}}
	if known != nil {
		s.All, s.Suppressed = baseline.Filter(s.All, known)
	}
	shown := 0
	for _, f := range s.All {
		if f.Severity >= level {
			shown++
		} else {
			s.Hidden[f.Severity]++
		}
	}
	switch shown {
	case len(s.All):
		// Every finding is shown: one slice, not a copy of it.
		s.Shown = s.All
		return s
	case 0:
		return s
	}
	s.Shown = make([]drift.Finding, 0, shown)
	for _, f := range s.All {
		if f.Severity >= level {
			s.Shown = append(s.Shown, f)
		}
	}
	return s
}
