package driftcheck_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	driftcheck "github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/lexicon"
)

// scaleLangs are the languages of the scale benchmark: English voted,
// the five others finals.
var scaleLangs = []string{"en", "zh", "fr", "es", "ru", "ar"}

// scaleSizes are the multiples of the devset the scale benchmark checks.
var scaleSizes = []int{1, 2, 4, 8}

// scaleLines returns the six-language UNPC devset as one document per
// language (about 4,000 paragraphs each) repeated k times end to end. The
// copies are left as they are, not marked: every paragraph of a copy is
// translated by the same paragraph of the same copy in each final, so the
// aligner meets the same text at a different position, and its banded
// search along the diagonal does not reach the neighbouring copies (4,000
// paragraphs away).
func scaleLines(docs [][]string, k int) []string {
	var out []string
	for range k {
		for _, d := range docs {
			out = append(out, d...)
		}
	}
	return out
}

// devsetByLang returns the devset lines of each scale language, documents
// in corpus order.
func devsetByLang(tb testing.TB) map[string][][]string {
	docs := devset(tb)
	by := map[string][][]string{}
	for _, l := range scaleLangs {
		for _, d := range docs {
			by[l] = append(by[l], d.Lines[l])
		}
	}
	return by
}

// BenchmarkCheckScaleSixLanguages checks the six-language devset (as
// BenchmarkCheckDevsetSixLanguages does, from parsed documents) repeated
// 1, 2, 4 and 8 times, and reports the time per paragraph of the voted
// text (ns/para): flat when a check's cost grows linearly with its length.
//
//	go test -run '^$' -bench CheckScaleSixLanguages -benchtime 1x .
func BenchmarkCheckScaleSixLanguages(b *testing.B) {
	by := devsetByLang(b)
	chk := driftcheck.New(lexicon.Default())
	if err := chk.Seg.LoadChinese(); err != nil {
		b.Fatal(err)
	}
	for _, k := range scaleSizes {
		b.Run(fmt.Sprintf("x%d", k), func(b *testing.B) {
			voted, finals, bytes := parseSix(b, chk, func(l string) []string { return scaleLines(by[l], k) })
			n := len(voted.Body())
			if n == 0 {
				b.Fatal("the voted devset has no paragraph")
			}
			b.SetBytes(int64(bytes))
			b.ReportAllocs()
			for b.Loop() {
				chk.Check(voted, finals...)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/para")
			b.ReportMetric(float64(n), "paras")
		})
	}
}

// TestWriteScaleCorpus writes the files scripts/bench-scale.sh checks:
// devset.x<k>.<lang>.txt for each size k of the scale benchmark and each
// language, one paragraph a line, into $DRIFTCHECK_SCALE_DIR. It does
// nothing (skips) when that variable is not set.
func TestWriteScaleCorpus(t *testing.T) {
	dir := os.Getenv("DRIFTCHECK_SCALE_DIR")
	if dir == "" {
		t.Skip("DRIFTCHECK_SCALE_DIR is not set: nothing to write (scripts/bench-scale.sh sets it)")
	}
	by := devsetByLang(t)
	for _, k := range scaleSizes {
		for _, l := range scaleLangs {
			data := strings.Join(scaleLines(by[l], k), "\n") + "\n"
			p := filepath.Join(dir, fmt.Sprintf("devset.x%d.%s.txt", k, l))
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
