package driftcheck_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	driftcheck "github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
)

// BenchmarkCheckDevsetSixLanguages checks the whole UNPC devset as one
// document per language (about 4,000 paragraphs each, 5.4 MB in all):
// English voted, the five other languages finals, in one check, as
// "driftcheck check --voted en.txt zh.txt fr.txt es.txt ru.txt ar.txt"
// does after reading. The bytes are those of the six texts.
//
//	go test -run '^$' -bench CheckDevsetSixLanguages -benchtime 3x .
func BenchmarkCheckDevsetSixLanguages(b *testing.B) {
	docs := devset(b)
	chk := driftcheck.New(lexicon.Default())
	if err := chk.Seg.LoadChinese(); err != nil {
		b.Fatal(err)
	}
	voted, finals, bytes := parseSix(b, chk, func(l string) []string {
		var lines []string
		for _, d := range docs {
			lines = append(lines, d.Lines[l]...)
		}
		return lines
	})
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		chk.Check(voted, finals...)
	}
}

// parseSix parses the lines of each of the six languages (English first,
// the voted text; then zh, fr, es, ru, ar, the finals) as a document, and
// returns the documents and their bytes (a newline a line).
func parseSix(b *testing.B, chk *driftcheck.Checker, lines func(lang string) []string) (voted *document.Document, finals []*document.Document, bytes int) {
	for i, l := range []string{"en", "zh", "fr", "es", "ru", "ar"} {
		ls := lines(l)
		for _, s := range ls {
			bytes += len(s) + 1
		}
		d, err := chk.Parse(paras(ls), "devset."+l, l)
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			voted = d
		} else {
			finals = append(finals, d)
		}
	}
	return voted, finals, bytes
}

// BenchmarkAlignDevset aligns the whole UNPC devset, English against
// French and against Chinese (about 4,000 paragraphs a side), from the
// annotated paragraphs: the aligner alone.
//
//	go test -run '^$' -bench AlignDevset -benchtime 5x .
func BenchmarkAlignDevset(b *testing.B) {
	docs := devset(b)
	chk := driftcheck.New(lexicon.Default())
	if err := chk.Seg.LoadChinese(); err != nil {
		b.Fatal(err)
	}
	side := func(l string) *drift.Side {
		var lines []string
		for _, d := range docs {
			lines = append(lines, d.Lines[l]...)
		}
		d, err := chk.Parse(paras(lines), "devset."+l, l)
		if err != nil {
			b.Fatal(err)
		}
		return chk.Annotate(d)
	}
	en := side("en")
	for _, l := range []string{"fr", "zh"} {
		f := side(l)
		opt := align.OptionsFor("en", l, false)
		a, c := drift.ItemsOf(en, false, true), drift.ItemsOf(f, false, true)
		b.Run(l, func(b *testing.B) {
			for b.Loop() {
				align.Align(a, c, opt)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(a)), "µs/para")
		})
	}
}

// BenchmarkCheckFilesSixLanguages is BenchmarkCheckDevsetSixLanguages
// from the files: read, parsed, segmented, aligned and compared, as
// "driftcheck check --voted devset.en.txt devset.zh.txt …" does (the
// dictionary already loaded).
//
//	go test -run '^$' -bench CheckFilesSixLanguages -benchtime 3x .
func BenchmarkCheckFilesSixLanguages(b *testing.B) {
	docs := devset(b)
	dir := b.TempDir()
	var finals []string
	bytes := 0
	for _, l := range []string{"en", "zh", "fr", "es", "ru", "ar"} {
		var lines []string
		for _, d := range docs {
			lines = append(lines, d.Lines[l]...)
		}
		data := strings.Join(lines, "\n") + "\n"
		bytes += len(data)
		p := filepath.Join(dir, "devset."+l+".txt")
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
		if l != "en" {
			finals = append(finals, p)
		}
	}
	chk := driftcheck.New(lexicon.Default())
	if err := chk.Seg.LoadChinese(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := chk.CheckFiles(context.Background(), filepath.Join(dir, "devset.en.txt"), finals, nil); err != nil {
			b.Fatal(err)
		}
	}
}
