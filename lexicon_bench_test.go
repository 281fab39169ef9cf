package driftcheck_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
)

// unbisTSV returns the UNBIS thesaurus of ../shared/terms (7,121 concepts,
// one a line: ar zh en fr ru es) as a driftcheck lexicon repeated times
// times with distinct ids (unbis-R-N), the role and match columns set to
// role and match; it skips without ../shared. scripts/lexicon-unbis.sh
// writes the same file.
func unbisTSV(tb testing.TB, times int, role lexicon.Role, match lexicon.Match) []byte {
	tb.Helper()
	shared, ok := corpus.SharedDir()
	if !ok {
		tb.Skip("../shared is absent: this test needs ../shared/terms/unbis-thesaurus.ar-zh-en-fr-ru-es.tsv")
	}
	data, err := os.ReadFile(filepath.Join(shared, "terms", "unbis-thesaurus.ar-zh-en-fr-ru-es.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	var b bytes.Buffer
	b.WriteString("id\tar\tzh\ten\tfr\tru\tes\trole\tmatch\n")
	for r := 1; r <= times; r++ {
		for n, l := range lines {
			fmt.Fprintf(&b, "unbis-%d-%d\t%s\t%s\t%s\n", r, n+1, l, role, match)
		}
	}
	return b.Bytes()
}

// writeTemp writes data to a file of a temporary directory.
func writeTemp(tb testing.TB, name string, data []byte) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// coldCheck is what a cold check does with a lexicon file: open it, merge
// it with the default lexicon, build the checker and check the founding
// case; it returns the number of findings.
func coldCheck(tb testing.TB, path string) int {
	l, _, err := lexicon.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	chk := driftcheck.New(lexicon.Default().Merge(l))
	v, err := chk.LoadFile("testdata/founding/L36.en.txt", "")
	if err != nil {
		tb.Fatal(err)
	}
	f, err := chk.LoadFile("testdata/founding/RES.zh.txt", "")
	if err != nil {
		tb.Fatal(err)
	}
	return len(chk.Check(v, f).Findings())
}

// BenchmarkColdUNBIS10 is a cold check of the founding case with the UNBIS
// thesaurus ×10 (71,210 concepts) as a reference lexicon, read as TSV and
// compiled. scripts/lexicon-cold.sh measures the whole process.
func BenchmarkColdUNBIS10(b *testing.B) {
	tsv := writeTemp(b, "unbis10.tsv", unbisTSV(b, 10, lexicon.RoleReference, lexicon.MatchUnaccented))
	l, _, err := lexicon.Open(tsv)
	if err != nil {
		b.Fatal(err)
	}
	src, err := lexicon.ReadSource(tsv)
	if err != nil {
		b.Fatal(err)
	}
	var dcx bytes.Buffer
	if err := lexicon.Compile(&dcx, l, src); err != nil {
		b.Fatal(err)
	}
	compiled := writeTemp(b, "unbis10.dcx", dcx.Bytes())
	for _, bc := range []struct{ name, path string }{{"tsv", tsv}, {"compiled", compiled}} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if n := coldCheck(b, bc.path); n != 9 {
					b.Fatalf("%d findings, want 9", n)
				}
			}
		})
	}
}
