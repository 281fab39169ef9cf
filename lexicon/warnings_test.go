package lexicon_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/segment"
)

func TestWarnings(t *testing.T) {
	lex := parse(t, "id\tgroup\ten\tzh\n"+
		"respect\t\tmutual respect\t相互尊重\n"+
		"respects\t\tMutual Respects\t互相尊重\n"+ // stems as "mutual respect"
		"winwin\tframing\twin-win cooperation\t合作共赢\n"+
		"winwin2\tframing\twin-win partnership\t合作共赢\n"+ // the same Chinese
		"alone\tsolo\tcivil society\t民间社会\n")
	got := lex.Warnings(segment.New(lex.Terms("zh")))
	want := []string{
		`en rendering "Mutual Respects" of respects matches the same words as a rendering of respect (test.tsv:3)`,
		`zh rendering "合作共赢" of winwin2 matches the same words as a rendering of winwin (test.tsv:5)`,
		`group solo has only concept alone (test.tsv:6): nothing to substitute`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Warnings =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWarningsOneDictionary checks that Warnings, which cuts every Chinese
// rendering with one dictionary built for all of them, cuts each as a
// dictionary built for that rendering alone does (what a segmenter made by
// segment.New does with one text): renderings made of a few characters,
// each also written with a space inside, cut by a segmenter without user
// words, so that the clashes depend on the words of the stock dictionary
// found in each.
func TestWarningsOneDictionary(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	chars := []rune("合作共赢互利人权发展技术援助能力建设民间社会相互尊重")
	var b strings.Builder
	b.WriteString("id\tzh\n")
	for i := range 300 {
		var w []rune
		for range 2 + r.IntN(4) {
			w = append(w, chars[r.IntN(len(chars))])
		}
		// The same characters with a space somewhere, in another concept:
		// a clash exactly when the cut of w breaks there and nowhere else
		// that the parts do not.
		k := 1 + r.IntN(len(w)-1)
		fmt.Fprintf(&b, "c%d\t%s\nd%d\t%s %s\n", i, string(w), i, string(w[:k]), string(w[k:]))
	}
	lex := parse(t, b.String())
	seg := segment.New(nil)
	got := lex.Warnings(seg)

	// The reference: each rendering cut with its own dictionary.
	var want []string
	seen := map[string]string{}
	for _, k := range lex.Concepts {
		for _, rd := range k.Terms["zh"] {
			var keys []string
			for _, tok := range seg.Tokens("zh", rd) {
				if tok.IsContent() {
					keys = append(keys, tok.Key)
				}
			}
			key := strings.Join(keys, " ")
			if prev, ok := seen[key]; ok && prev != k.ID {
				want = append(want, fmt.Sprintf("zh rendering %q of %s matches the same words as a rendering of %s (%s)", rd, k.ID, prev, k.Origin))
			}
			seen[key] = k.ID
		}
	}
	if len(want) == 0 {
		t.Fatal("no clash among the generated renderings: a test of nothing")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Warnings gave %d warnings, the cut of each rendering alone %d:\ngot  %q\nwant %q", len(got), len(want), got, want)
	}
}
