package batch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/batch"
	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
)

// peakRSS returns the process's peak resident set size in MiB (Linux).
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			f := strings.Fields(l)
			kb, _ := strconv.Atoi(f[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// BenchmarkBatch checks an archive of 10,248 document groups (the UNPC
// devset's 732 symbols, 14 times over under new symbols, six languages
// each) with 1 and 2 workers, and reports groups per second and the peak
// resident memory of the process.
func BenchmarkBatch(b *testing.B) {
	docs := corpus.DevsetOrSkip(b)
	dir := b.TempDir()
	var many []*corpus.Doc
	for k := 0; k < 14; k++ {
		for _, d := range docs {
			many = append(many, &corpus.Doc{Symbol: fmt.Sprintf("%s/copy%d", d.Symbol, k), Lines: d.Lines})
		}
	}
	if _, err := corpus.WriteArchive(dir, many, 0); err != nil {
		b.Fatal(err)
	}
	chk := driftcheck.New(lexicon.Default())
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			groups := 0
			for i := 0; b.Loop(); i++ {
				src, err := batch.OpenDir(dir)
				if err != nil {
					b.Fatal(err)
				}
				out := filepath.Join(b.TempDir(), "out")
				sum, err := batch.Run(context.Background(), src, batch.Options{Checker: chk, Out: out, Jobs: jobs})
				if err != nil {
					b.Fatal(err)
				}
				groups += sum.Groups
			}
			b.ReportMetric(float64(groups)/b.Elapsed().Seconds(), "groups/s")
			b.ReportMetric(peakRSS(), "peak-MiB")
		})
	}
}
