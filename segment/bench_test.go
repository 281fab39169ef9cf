package segment_test

import (
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
)

// devsetDocs returns the UNPC devset documents of lang, each as its lines.
func devsetDocs(b *testing.B, lang string) ([][]string, int) {
	docs := corpus.DevsetOrSkip(b)
	var out [][]string
	n := 0
	for _, d := range docs {
		out = append(out, d.Lines[lang])
		for _, l := range d.Lines[lang] {
			n += len(l)
		}
	}
	return out, n
}

// BenchmarkTokens segments the UNPC devset text of each language. For
// Chinese the dictionary for the corpus (ForTexts) is built before the timer
// starts, as BenchmarkGseCut loads gse's before its timer: the two measure
// cutting alone. BenchmarkTokensZhWithDictionary adds the building.
func BenchmarkTokens(b *testing.B) { benchTokens(b, false) }

// benchTokens segments the devset of each language, every line once an
// iteration; keep holds on to each line's tokens until the next iteration.
func benchTokens(b *testing.B, keep bool) {
	base := segment.New(lexicon.Default().Terms("zh"))
	for _, lang := range []string{"ar", "en", "es", "fr", "ru", "zh"} {
		b.Run(lang, func(b *testing.B) {
			docs, n := devsetDocs(b, lang)
			seg := base
			if lang == "zh" {
				seg = base.ForTexts(all(docs)...)
			}
			lines := all(docs)
			kept := make([][]segment.Token, len(lines))
			b.SetBytes(int64(n))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				for i, l := range lines {
					if toks := seg.Tokens(lang, l); keep {
						kept[i] = toks
					}
				}
			}
		})
	}
}

func all(docs [][]string) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d...)
	}
	return out
}

// BenchmarkTokensZhWithDictionary is BenchmarkTokens/zh with the building
// of the dictionary for the whole corpus inside the timer, as a batch run
// pays it.
func BenchmarkTokensZhWithDictionary(b *testing.B) {
	base := segment.New(lexicon.Default().Terms("zh"))
	docs, n := devsetDocs(b, "zh")
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		seg := base.ForTexts(all(docs)...)
		for _, d := range docs {
			for _, l := range d {
				seg.Tokens("zh", l)
			}
		}
	}
}

// BenchmarkGseCut is the yardstick for Chinese: gse's own Cut over its stock
// embedded dictionary (loaded before the timer starts) on the same text.
func BenchmarkGseCut(b *testing.B) {
	docs, n := devsetDocs(b, "zh")
	seg, err := gse.NewEmbed()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			for _, l := range d {
				seg.Cut(l)
			}
		}
	}
}

// BenchmarkStartup measures what a check pays before its first paragraph:
// the default lexicon, the segmenter and matcher for en and zh, and the
// Chinese dictionary for a document of the size of the founding case.
func BenchmarkStartup(b *testing.B) {
	text := strings.Repeat("促进人权领域的互利合作，构建人类命运共同体，加强技术援助和能力建设。", 60)
	for b.Loop() {
		lex := lexicon.Default()
		seg := segment.New(lex.Terms("zh"))
		m := lexicon.NewMatcher(lex, seg)
		m.Prepare("en", "zh")
		seg.ForTexts(text).Tokens("zh", text)
	}
}

// BenchmarkTokensZhPerDocument segments the UNPC devset Chinese as single
// checks do: a dictionary built for each document (732 of them, about 700
// bytes of Chinese each), then its lines cut.
func BenchmarkTokensZhPerDocument(b *testing.B) {
	base := segment.New(lexicon.Default().Terms("zh"))
	docs, n := devsetDocs(b, "zh")
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			seg := base.ForTexts(d...)
			for _, l := range d {
				seg.Tokens("zh", l)
			}
		}
	}
}

// BenchmarkTokensKept is BenchmarkTokens keeping every line's tokens until
// the next iteration, as a check keeps a document's tokens until it has
// compared them: the live heap is then that of checking a 0.5-1.4 MB
// document, and the collector runs about once an iteration instead of every
// 2 MB allocated. Compare with BenchmarkTokens, which drops them at once.
func BenchmarkTokensKept(b *testing.B) { benchTokens(b, true) }
