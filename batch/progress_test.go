package batch_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/driftcheck/driftcheck/batch"
)

// TestCounted: Options.Counted gets the totals after each group (groups,
// findings, file errors) in step with Progress, ending at the summary's;
// a resumed run counts the groups done before as Earlier.
func TestCounted(t *testing.T) {
	f := newFixture(t)
	for _, s := range []string{"A/1", "A/2", "A/3", "A/4"} {
		f.group(s)
		if s == "A/3" {
			f.rows = append(f.rows, "A/3,final,fr,A_3/absent.fr.txt") // one file error
		}
	}
	m := f.manifest()
	out := filepath.Join(f.dir, "out")

	var seen []batch.Counts
	var dones []int
	sum, err := runOpt(t, context.Background(), m, batch.Options{Out: out, Jobs: 2, ChunkSize: 100,
		Progress: func(done int) { dones = append(dones, done) },
		Counted:  func(c batch.Counts) { seen = append(seen, c) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 4 || len(dones) != 4 {
		t.Fatalf("Counted called %d times, Progress %d; want 4 (one a group)", len(seen), len(dones))
	}
	for i, c := range seen {
		if c.Groups != i+1 || c.Groups != dones[i] || c.Earlier != 0 {
			t.Errorf("call %d: %+v (Progress %d), want Groups %d, Earlier 0", i, c, dones[i], i+1)
		}
		if i > 0 && (c.Findings < seen[i-1].Findings || c.Errors < seen[i-1].Errors) {
			t.Errorf("call %d: %+v counts less than before (%+v)", i, c, seen[i-1])
		}
	}
	last := seen[len(seen)-1]
	if last.Findings != sum.Findings || last.Errors != sum.Errors || last.Errors != 1 || sum.Findings == 0 {
		t.Errorf("last counts %+v, the summary has %d findings and %d file errors; want them equal, 1 error and findings", last, sum.Findings, sum.Errors)
	}

	// Interrupted after 2 groups, then resumed: the resume counts the 2 as
	// Earlier and its own from 0.
	out2 := filepath.Join(f.dir, "out2")
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	_, err = runOpt(t, ctx, m, batch.Options{Out: out2, Jobs: 1, ChunkSize: 100, Counted: func(c batch.Counts) {
		if c.Groups == 2 {
			cancel(errors.New("test stop"))
		}
	}})
	var ie *batch.InterruptedError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v, want an interruption", err)
	}
	seen = nil
	if _, err := runOpt(t, context.Background(), m, batch.Options{Out: out2, Counted: func(c batch.Counts) { seen = append(seen, c) }}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 4-ie.Kept || len(seen) == 0 {
		t.Fatalf("the resume counted %d groups, %d were left", len(seen), 4-ie.Kept)
	}
	if c := seen[len(seen)-1]; c.Earlier != ie.Kept || c.Groups != 4-ie.Kept {
		t.Errorf("the resume ends at %+v, want Earlier %d and Groups %d", c, ie.Kept, 4-ie.Kept)
	}
}
