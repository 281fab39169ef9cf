package align

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestCognateSameAsDefinition checks the fast cognate against the three
// replacers applied to the whole word, on every word of the UNPC devset in
// its six languages and on random words mixing the letters the replacers
// change.
func TestCognateSameAsDefinition(t *testing.T) {
	check := func(w string) {
		t.Helper()
		if got, want := cognate(w), cognateSlow(w); got != want {
			t.Fatalf("cognate(%q) = %q, want %q", w, got, want)
		}
	}
	letters := []rune("abcdefghkpqwyzhphPHéèçñÉÀаеёжхцчшщъыьэюяЁЩЪ-'0 ءاب中")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		n := 1 + rng.IntN(14)
		var b strings.Builder
		for range n {
			b.WriteRune(letters[rng.IntN(len(letters))])
		}
		check(b.String())
	}
	dir := filepath.Join("..", "..", "shared", "corpora", "unpc-v1.0-devset")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared is absent: the devset words are not checked")
	}
	words := 0
	for _, l := range []string{"en", "fr", "es", "ru", "ar", "zh"} {
		f, err := os.Open(filepath.Join(dir, "UNv1.0.devset."+l))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			for _, w := range strings.FieldsFunc(sc.Text(), func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '.' }) {
				check(w)
				words++
			}
		}
		f.Close()
	}
	if words < 100000 {
		t.Fatalf("only %d devset words", words)
	}
}
