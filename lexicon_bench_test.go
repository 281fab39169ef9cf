package driftcheck_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// compileFile compiles the lexicon file tsv (lexicon compile) next to
// it and returns the compiled file's path.
func compileFile(tb testing.TB, tsv string) string {
	tb.Helper()
	l, _, err := lexicon.Open(tsv)
	if err != nil {
		tb.Fatal(err)
	}
	src, err := lexicon.ReadSource(tsv)
	if err != nil {
		tb.Fatal(err)
	}
	var dcx bytes.Buffer
	if err := lexicon.Compile(&dcx, l, src); err != nil {
		tb.Fatal(err)
	}
	path := strings.TrimSuffix(tsv, ".tsv") + ".dcx"
	if err := os.WriteFile(path, dcx.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// coldCheck is what a cold check does with a lexicon file: open it, merge
// it with the default lexicon, build the checker and check the founding
// case; it returns the number of findings.
func coldCheck(tb testing.TB, path string) int {
	l, _, err := lexicon.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	return len(checkFounding(tb, driftcheck.New(lexicon.Default().Merge(l))).Findings())
}

// checkFounding checks the founding case (L36 in English as voted, the
// resolution in Chinese).
func checkFounding(tb testing.TB, chk *driftcheck.Checker) *driftcheck.Result {
	tb.Helper()
	v, err := chk.LoadFile("testdata/founding/L36.en.txt", "")
	if err != nil {
		tb.Fatal(err)
	}
	f, err := chk.LoadFile("testdata/founding/RES.zh.txt", "")
	if err != nil {
		tb.Fatal(err)
	}
	return chk.Check(v, f)
}

// BenchmarkColdUNBIS10 is a cold check of the founding case with the UNBIS
// thesaurus ×10 (71,210 concepts) as a reference lexicon, read as TSV and
// compiled. scripts/lexicon-cold.sh measures the whole process.
func BenchmarkColdUNBIS10(b *testing.B) {
	tsv := writeTemp(b, "unbis10.tsv", unbisTSV(b, 10, lexicon.RoleReference, lexicon.MatchUnaccented))
	compiled := compileFile(b, tsv)
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

// BenchmarkOpenCompiledUNBIS10 is the loading of the UNBIS thesaurus ×10
// (71,210 concepts) compiled, merged with the default lexicon: the part
// of a cold check that grows with the lexicon.
func BenchmarkOpenCompiledUNBIS10(b *testing.B) {
	tsv := writeTemp(b, "unbis10.tsv", unbisTSV(b, 10, lexicon.RoleReference, lexicon.MatchUnaccented))
	compiled := compileFile(b, tsv)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l, _, err := lexicon.Open(compiled)
		if err != nil {
			b.Fatal(err)
		}
		if n := len(lexicon.Default().Merge(l).Concepts); n < 71210 {
			b.Fatalf("%d concepts", n)
		}
	}
}
