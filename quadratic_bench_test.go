package driftcheck_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/lexicon"
)

// These benchmarks run the inputs that once took time quadratic in their
// size, at two sizes ten times apart: linear work takes ten times as long
// at the second size, quadratic work a hundred times.
//
//	go test -run '^$' -bench 'LongText|TMXOneLine|LexiconCheck' -benchtime 1x .

// longTexts writes a voted English text of n short numbered paragraphs and
// its French final to dir and returns their paths. The final drops one
// paragraph in twenty (dropped) or changes the number in every paragraph
// (drifted).
func longTexts(b *testing.B, n int, how string) (voted, final string) {
	b.Helper()
	var v, f strings.Builder
	for i := range n {
		fmt.Fprintf(&v, "%d. The Council decides to remain seized of item %d.\n\n", i+1, i)
		switch {
		case how == "dropped" && i%20 == 5:
		case how == "dropped":
			fmt.Fprintf(&f, "%d. Le Conseil décide de rester saisi de la question %d.\n\n", i+1, i)
		default:
			fmt.Fprintf(&f, "%d. Le Conseil décide de rester saisi de la question %d.\n\n", i+1, i+7)
		}
	}
	dir := b.TempDir()
	voted, final = filepath.Join(dir, "V.en.txt"), filepath.Join(dir, "F.fr.txt")
	for p, s := range map[string]string{voted: v.String(), final: f.String()} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return voted, final
}

// BenchmarkCheckLongText checks a long final against a long voted text, as
// "driftcheck check --voted V.en.txt fr=F.fr.txt" does: files read, parsed,
// segmented, aligned and compared. With a paragraph in twenty dropped, the
// band of the alignment grew with the difference in length (41 million
// cells for 20,000 paragraphs); with a finding in every paragraph, each
// fingerprint looked its paragraph up by a scan of the document.
func BenchmarkCheckLongText(b *testing.B) {
	chk := driftcheck.New(lexicon.Default())
	for _, how := range []string{"dropped", "drifted"} {
		for _, n := range []int{2000, 20000} {
			b.Run(fmt.Sprintf("%s/n=%d", how, n), func(b *testing.B) {
				vp, fp := longTexts(b, n, how)
				for b.Loop() {
					v, err := chk.LoadFile(vp, "")
					if err != nil {
						b.Fatal(err)
					}
					f, err := chk.LoadFile(fp, "fr")
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

// BenchmarkCheckTMXOneLine checks a TMX of n units written on one line, as
// "driftcheck check FILE.tmx" does. Each token's column was counted from
// the start of its line.
func BenchmarkCheckTMXOneLine(b *testing.B) {
	chk := driftcheck.New(lexicon.Default())
	for _, n := range []int{2000, 20000} {
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) {
			var s strings.Builder
			s.WriteString(`<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="bench" creationtoolversion="1" o-tmf="bench"/><body>`)
			for i := range n {
				fmt.Fprintf(&s, `<tu tuid="%d"><tuv xml:lang="en"><seg>The Council decides to promote mutually beneficial cooperation in item %d.</seg></tuv>`, i+1, i)
				fmt.Fprintf(&s, `<tuv xml:lang="fr"><seg>Le Conseil décide de promouvoir la coopération mutuellement bénéfique, question %d.</seg></tuv></tu>`, i)
			}
			s.WriteString("</body></tmx>")
			path := filepath.Join(b.TempDir(), "memory.tmx")
			if err := os.WriteFile(path, []byte(s.String()), 0o644); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				f, err := chk.LoadBitext(path)
				if err != nil {
					b.Fatal(err)
				}
				if r := chk.CheckBitext(f, path); len(r.Comparisons) != 1 {
					b.Fatalf("%d comparisons, want 1", len(r.Comparisons))
				}
			}
		})
	}
}

// BenchmarkLexiconCheck loads a lexicon of n concepts with English, French
// and Chinese renderings and looks for its warnings, as "driftcheck lexicon
// check FILE" does. A Chinese dictionary was built for each Chinese
// rendering, each holding every Chinese rendering as a user word.
func BenchmarkLexiconCheck(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			var s strings.Builder
			s.WriteString("id\tgroup\ten\tzh\tfr\n")
			han := []rune("合作共赢互利人权发展技术援助能力建设民间社会相互尊重和平安全可持续")
			for i := range n {
				zh := string([]rune{han[i%len(han)], han[i/len(han)%len(han)], han[i/7%len(han)], han[(i/3+5)%len(han)]})
				fmt.Fprintf(&s, "c%d\tg%d\tterm %s number %d\t%s\tterme %d\n", i, i/3, word(i), i, zh, i)
			}
			text := s.String()
			for b.Loop() {
				lex, err := lexicon.Parse(strings.NewReader(text), "bench.tsv")
				if err != nil {
					b.Fatal(err)
				}
				chk := driftcheck.New(lex)
				lex.Warnings(chk.Seg)
			}
		})
	}
}

// word returns a made-up word of letters for i.
func word(i int) string {
	var w []byte
	for k := 0; k < 3; k++ {
		w = append(w, byte('a'+i%26))
		i /= 26
	}
	return string(w)
}
