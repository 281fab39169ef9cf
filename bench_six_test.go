package driftcheck_test

import (
	"testing"

	driftcheck "github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
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
	langs := []string{"en", "zh", "fr", "es", "ru", "ar"}
	parsed := map[string]*document.Document{}
	bytes := 0
	for _, l := range langs {
		var lines []string
		for _, d := range docs {
			lines = append(lines, d.Lines[l]...)
		}
		for _, s := range lines {
			bytes += len(s) + 1
		}
		d, err := chk.Parse(paras(lines), "devset."+l, l)
		if err != nil {
			b.Fatal(err)
		}
		parsed[l] = d
	}
	var finals []*document.Document
	for _, l := range langs[1:] {
		finals = append(finals, parsed[l])
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		chk.Check(parsed["en"], finals...)
	}
}
