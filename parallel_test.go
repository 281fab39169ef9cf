package driftcheck_test

import (
	"reflect"
	"runtime"
	"testing"

	driftcheck "github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/lexicon"
)

// TestCheckFinalsAtOnce checks five finals on one processor and on
// several (the finals compared at once): the findings are the same, in the
// same order. Run with -race it also checks that the comparisons share
// the voted side, the matcher and the segmenter safely.
func TestCheckFinalsAtOnce(t *testing.T) {
	docs := devset(t)
	chk := driftcheck.New(lexicon.Default())
	parse := func(l string) *document.Document {
		var lines []string
		for _, d := range docs[:60] {
			lines = append(lines, d.Lines[l]...)
		}
		d, err := chk.Parse(paras(lines), "devset."+l, l)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	voted := parse("en")
	var finals []*document.Document
	for _, l := range []string{"zh", "fr", "es", "ru", "ar", "en"} {
		finals = append(finals, parse(l))
	}
	was := runtime.GOMAXPROCS(1)
	one := chk.Check(voted, finals...).Findings()
	runtime.GOMAXPROCS(max(was, 4))
	many := chk.Check(voted, finals...).Findings()
	runtime.GOMAXPROCS(was)
	if len(one) == 0 {
		t.Fatal("no finding at all: the check did not run")
	}
	if !reflect.DeepEqual(one, many) {
		t.Fatalf("%d findings on one processor, %d on several, or in another order", len(one), len(many))
	}
}
