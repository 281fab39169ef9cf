package driftcheck_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/testdata/scale"
)

func loadFounding(tb testing.TB, chk *driftcheck.Checker, name string) *document.Document {
	tb.Helper()
	d, err := chk.LoadFile("testdata/founding/"+name, "")
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// BenchmarkCheckFounding measures one check of the founding case (voted
// English, final Chinese), the dictionary and lexicon already loaded.
func BenchmarkCheckFounding(b *testing.B) {
	chk := driftcheck.New(lexicon.Default())
	if err := chk.Seg.LoadChinese(); err != nil {
		b.Fatal(err)
	}
	v := loadFounding(b, chk, "L36.en.txt")
	f := loadFounding(b, chk, "RES.zh.txt")
	b.ReportAllocs()
	for b.Loop() {
		if n := len(chk.Check(v, f).Findings()); n != 9 {
			b.Fatalf("%d findings, want 9", n)
		}
	}
}

// BenchmarkCheckUNPCDevset checks every document of the UNPC devset, English
// as voted and Chinese as final (732 documents, 4,000 paragraphs a side).
func BenchmarkCheckUNPCDevset(b *testing.B) {
	docs := devset(b)
	chk := driftcheck.New(lexicon.Default())
	if err := chk.Seg.LoadChinese(); err != nil {
		b.Fatal(err)
	}
	type pair struct{ v, f *document.Document }
	var pairs []pair
	bytes := 0
	for _, d := range docs {
		v, _ := chk.Parse(paras(d.Lines["en"]), d.Symbol+".en", "en")
		f, _ := chk.Parse(paras(d.Lines["zh"]), d.Symbol+".zh", "zh")
		for _, l := range d.Lines["en"] {
			bytes += len(l)
		}
		for _, l := range d.Lines["zh"] {
			bytes += len(l)
		}
		pairs = append(pairs, pair{v, f})
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			chk.Check(p.v, p.f)
		}
	}
}

// BenchmarkLoadChinese measures building the Chinese dictionary with the
// default lexicon's terms (the start-up cost of a Chinese check).
func BenchmarkLoadChinese(b *testing.B) {
	lex := lexicon.Default()
	for b.Loop() {
		chk := driftcheck.New(lex)
		if err := chk.Seg.LoadChinese(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckFoundingSixLanguages checks the founding case in all six
// languages in one run, as `driftcheck check --voted L36.excerpt.en.txt
// RES.zh.txt RES.excerpt.{ar,fr,ru,es}.txt` does: the voted English excerpt
// against the drifted Chinese resolution and the drifted excerpts in
// Arabic, French, Russian and Spanish. Files are read before the timer; the
// Chinese dictionary is built inside it, as a cold run builds it.
func BenchmarkCheckFoundingSixLanguages(b *testing.B) {
	lex := lexicon.Default()
	chk := driftcheck.New(lex)
	v := loadFounding(b, chk, "L36.excerpt.en.txt")
	finals := []*document.Document{loadFounding(b, chk, "RES.zh.txt")}
	for _, l := range []string{"ar", "fr", "ru", "es"} {
		finals = append(finals, loadFounding(b, chk, "../languages/RES.excerpt."+l+".txt"))
	}
	b.ReportAllocs()
	for b.Loop() {
		chk := driftcheck.New(lex)
		r := chk.Check(v, finals...)
		if n := len(r.Findings()); n < 5*4 {
			b.Fatalf("%d findings, want at least 4 per language", n)
		}
	}
}

// BenchmarkCheckScale checks a voted English text of n paragraphs of real
// UN text (the UNPC devset, over and over in shuffled order) against its
// final in Chinese or French, as "driftcheck check --voted V.en.txt
// F.zh.txt" does: files read, parsed, segmented, aligned and compared. The
// finals drop, insert, merge and move paragraphs and change numbers (see
// package testdata/scale), so that the search for moved paragraphs and the
// sentence alignment inside pairs run too. At two sizes ten times apart,
// linear work takes ten times as long at the second.
//
//	go test -run '^$' -bench CheckScale -benchtime 1x .
func BenchmarkCheckScale(b *testing.B) {
	docs := devset(b)
	chk := driftcheck.New(lexicon.Default())
	if err := chk.Seg.LoadChinese(); err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{2000, 20000} {
		t := scale.Generate(docs, n, 1, 0)
		dir := b.TempDir()
		for name, s := range map[string]string{"V.en.txt": t.En, "F.zh.txt": t.Zh, "F.fr.txt": t.Fr} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		for _, l := range []string{"zh", "fr"} {
			b.Run(fmt.Sprintf("%s/n=%d", l, n), func(b *testing.B) {
				b.SetBytes(int64(len(t.En) + len(map[string]string{"zh": t.Zh, "fr": t.Fr}[l])))
				for b.Loop() {
					v, err := chk.LoadFile(filepath.Join(dir, "V.en.txt"), "")
					if err != nil {
						b.Fatal(err)
					}
					f, err := chk.LoadFile(filepath.Join(dir, "F."+l+".txt"), "")
					if err != nil {
						b.Fatal(err)
					}
					if len(chk.Check(v, f).Findings()) == 0 {
						b.Fatal("no finding")
					}
				}
			})
		}
	}
}
