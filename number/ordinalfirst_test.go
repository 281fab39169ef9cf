package number

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/driftcheck/driftcheck/lang"
)

// TestOrdinalFirstNeverTooRarely reads every run of one to four words of
// the UNPC devset, in each language with an Ordinal, and of the words of
// spelled ordinals the tests know: whenever Ordinal reads a run, the
// profile's OrdinalFirst accepts its first word (ordinalWords skips the
// words it refuses).
func TestOrdinalFirstNeverTooRarely(t *testing.T) {
	known := map[string][]string{
		"en": {"forty third", "fortieth", "nineteenth", "twenty eight", "tenth", "hundredth", "seventy first"},
		"fr": {"quarante troisième", "vingt et unième", "soixante dixième", "quatre vingtième", "quatre vingt deuxième", "dixième", "centième"},
		"es": {"cuadragésimo tercer", "vigésima primera", "decimotercero", "vigesimoprimera", "décimo", "quincuagésimo período"},
		"ru": {"сорок третьей", "двадцать первого", "сороковой", "десятой", "сто первой"},
		"ar": {"الثالثة والأربعين", "الحادي والعشرين", "العاشرة", "الأربعين", "الخامسة عشرة", "ثلاث وستين"},
	}
	check := func(l string, p *lang.Profile, words []string) int {
		read := 0
		for n := 1; n <= len(words); n++ {
			if v, ok := p.Ordinal(words[:n]); ok && v >= lang.MinOrdinal {
				read++
				if !p.OrdinalFirst(words[0]) {
					t.Errorf("%s: %q reads as %d, but OrdinalFirst refuses %q", l, strings.Join(words[:n], " "), v, words[0])
				}
			}
		}
		return read
	}
	for l, runs := range known {
		p := lang.Of(l)
		read := 0
		for _, r := range runs {
			var words []string
			for _, w := range strings.Fields(r) {
				words = append(words, normWord(w))
			}
			read += check(l, p, words)
		}
		if read < len(runs)-1 {
			t.Errorf("%s: only %d of the %d known ordinals read", l, read, len(runs))
		}
	}
	dir := filepath.Join("..", "..", "shared", "corpora", "unpc-v1.0-devset")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared is absent: the devset words are not checked")
	}
	for l := range known {
		p := lang.Of(l)
		f, err := os.Open(filepath.Join(dir, "UNv1.0.devset."+l))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		read := 0
		for sc.Scan() {
			ws := strings.FieldsFunc(sc.Text(), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
			for i := range ws {
				ws[i] = normWord(ws[i])
			}
			for i := range ws {
				read += check(l, p, ws[i:min(i+4, len(ws))])
			}
		}
		f.Close()
		t.Logf("%s: %d runs of the devset read as ordinals", l, read)
	}
}
