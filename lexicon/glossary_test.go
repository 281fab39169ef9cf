package lexicon_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
)

func TestReadGlossary(t *testing.T) {
	in := "# a comment\r\nwin-win cooperation\t合作共赢\tChina's formula\r\nmutually beneficial cooperation\t互利合作; 互利的合作\r\n\r\nempty target\t\r\n"
	lex, err := lexicon.ReadGlossary(strings.NewReader(in), "dir/My Terms.txt", "en", "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	if len(lex.Concepts) != 2 {
		t.Fatalf("%d concepts, want 2 (the empty target skipped)", len(lex.Concepts))
	}
	c := lex.Concepts[1]
	if c.ID != "My-Terms-3" || strings.Join(c.Terms["zh"], "|") != "互利合作|互利的合作" || c.Terms["en"][0] != "mutually beneficial cooperation" {
		t.Errorf("concept %+v", c)
	}
	if n := lex.Concepts[0].Note; n != "China's formula" {
		t.Errorf("note %q", n)
	}
	// The native format reads back what Write writes.
	var b bytes.Buffer
	if err := lex.Write(&b); err != nil {
		t.Fatal(err)
	}
	if _, err := lexicon.Parse(&b, "written.tsv"); err != nil {
		t.Errorf("written glossary does not parse: %v", err)
	}
	if _, err := lexicon.ReadGlossary(strings.NewReader("no tab here\n"), "g.txt", "en", "zh"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("a line without tab: %v", err)
	}
	if _, err := lexicon.ReadGlossary(strings.NewReader("a\tb\n"), "g.txt", "en", "en"); err == nil {
		t.Error("same language twice: no error")
	}
	if _, err := lexicon.ReadGlossary(strings.NewReader("\n# only comments\n"), "g.txt", "en", "zh"); !errors.Is(err, lexicon.ErrEmpty) {
		t.Errorf("empty glossary: %v", err)
	}
}

// TestReadGlossaryOmegaT reads the real OmegaT glossary: 383 lines, CRLF,
// each with a source and a target (counted with awk -F'\t' 'NF>=2 && $1!="" && $2!=""').
const wantOmegaT = 383

func TestReadGlossaryOmegaT(t *testing.T) {
	dir, ok := corpus.SharedDir()
	if !ok {
		t.Skipf("../shared not found (%s)", dir)
	}
	p := filepath.Join(dir, "formats/omegat-en-zh-cn/glossary_omegat.txt")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lex, err := lexicon.ReadGlossary(f, p, "en", "zh")
	if err != nil {
		t.Fatal(err)
	}
	if len(lex.Concepts) != wantOmegaT {
		t.Errorf("%d concepts, want %d", len(lex.Concepts), wantOmegaT)
	}
	c := lex.Concepts[0]
	if c.Terms["en"][0] != "translation memory" || c.Terms["zh"][0] != "翻译记忆" {
		t.Errorf("first entry %v", c.Terms)
	}
}
