package driftcheck_test

import (
	"io"
	"sync"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/report"
)

var (
	fuzzOnce sync.Once
	fuzzChk  *driftcheck.Checker
)

// FuzzCheck runs the whole pipeline on arbitrary voted and final texts in
// any two languages, and every report format on the result: no panic, and
// every finding's spans lie within its paragraph.
func FuzzCheck(f *testing.F) {
	f.Add("37/... Promoting mutually beneficial cooperation\n\nThe Human Rights Council,\n\n1. Calls upon States 12.40 p.m. 1,000;", "37/23 促进人权领域的合作共赢\n\n人权理事会，\n\n1．吁请各国 下午12时40分 1 000；", byte(0), byte(1))
	f.Add("A/HRC/1\n\n2. (a) North-South, South-South and triangular cooperation", "A/HRC/1\n\n2- (أ) بالتعاون الثلاثي 000 250 3", byte(0), byte(5))
	f.Add("x", "", byte(2), byte(2))
	langs := []string{"en", "zh", "fr", "es", "ru", "ar"}
	f.Fuzz(func(t *testing.T, voted, final string, lv, lf byte) {
		fuzzOnce.Do(func() { fuzzChk = driftcheck.New(lexicon.Default()) })
		chk := fuzzChk
		vp, fp := extract.Split(voted), extract.Split(final)
		if len(vp) == 0 || len(fp) == 0 {
			return
		}
		v, err := chk.Parse(vp, "v", langs[int(lv)%len(langs)])
		if err != nil {
			return
		}
		fd, err := chk.Parse(fp, "f", langs[int(lf)%len(langs)])
		if err != nil {
			return
		}
		res := chk.Check(v, fd)
		fs := res.Findings()
		for _, x := range fs {
			for _, l := range []drift.Loc{x.Voted, x.Final} {
				if l.Start >= 0 && (l.Start > l.End || l.End > len(l.Text)) {
					t.Fatalf("%s: span %d-%d outside a %d-byte paragraph", x.Kind, l.Start, l.End, len(l.Text))
				}
			}
		}
		in := report.Input{Voted: report.Doc{Path: "v", Lang: v.Lang}, Finals: []report.Doc{{Path: "f", Lang: fd.Lang}},
			Findings: fs, Level: drift.Info, FailOn: drift.Warning, View: report.ViewOf(res)}
		for _, format := range report.Formats {
			if err := report.Write(io.Discard, format, in, report.Options{Color: true}); err != nil {
				t.Fatalf("%s report: %v", format, err)
			}
		}
	})
}
