package segment_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
)

// unbisChinese returns the Chinese column of the UNBIS thesaurus in
// ../shared/terms, or skips.
func unbisChinese(t *testing.T) []string {
	shared, ok := corpus.SharedDir()
	if !ok {
		t.Skip("../shared is absent: this test needs ../shared/terms/unbis-thesaurus.ar-zh-en-fr-ru-es.tsv")
	}
	f, err := os.Open(filepath.Join(shared, "terms", "unbis-thesaurus.ar-zh-en-fr-ru-es.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if cells := strings.Split(sc.Text(), "\t"); len(cells) > 1 && cells[1] != "" {
			out = append(out, cells[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestUserWordsFiltered checks that a Chinese dictionary holding only the
// user words that occur in the texts cuts the UNPC devset Chinese exactly
// as one holding every user word (the default lexicon's terms and the
// UNBIS thesaurus's 7,121): the same tokens, offsets and keys.
func TestUserWordsFiltered(t *testing.T) {
	words := append(lexicon.Default().Terms("zh"), unbisChinese(t)...)
	docs := corpus.DevsetOrSkip(t)
	var texts []string
	for _, d := range docs {
		texts = append(texts, d.Lines["zh"]...)
	}
	// One dictionary for the whole devset: two dictionaries to build.
	seg := segment.New(words).ForTexts(texts...)
	all := segment.WithAllUserWords(seg)
	for _, d := range docs {
		for _, l := range d.Lines["zh"] {
			a, b := seg.Tokens("zh", l), all.Tokens("zh", l)
			if len(a) != len(b) {
				t.Fatalf("%s: %d tokens with the occurring user words, %d with all: %q", d.Symbol, len(a), len(b), l)
			}
			for i := range a {
				if a[i] != b[i] {
					t.Fatalf("%s: token %d: %+v with the occurring user words, %+v with all, in %q", d.Symbol, i, a[i], b[i], l)
				}
			}
		}
	}
}

// TestHanKeysJoined checks that HanKeys joined is the joined keys of the
// content tokens of a cut, for every Chinese rendering of the default
// lexicon and for text mixing Han and other scripts.
func TestHanKeysJoined(t *testing.T) {
	terms := append(lexicon.Default().Terms("zh"), "2030年可持续发展议程", "联合国（UN）", "第A/70/1号決議", "")
	seg := segment.New(terms).ForTexts(terms...)
	for _, term := range terms {
		var want strings.Builder
		for _, tk := range seg.Tokens("zh", term) {
			if tk.IsContent() {
				want.WriteString(tk.Key)
			}
		}
		if got := strings.Join(segment.HanKeys("zh", term), ""); got != want.String() {
			t.Errorf("HanKeys(%q) joined = %q, want %q", term, got, want.String())
		}
	}
}

func TestUnaccent(t *testing.T) {
	for in, want := range map[string]string{
		"développement": "developpement", "niño": "nino", "ёлка": "елка",
		"международный": "международныи", "plain": "plain", "": "",
	} {
		if got := segment.Unaccent(in); got != want {
			t.Errorf("Unaccent(%q) = %q, want %q", in, got, want)
		}
	}
}
