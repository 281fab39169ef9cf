package lexicon_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/lexicon"
)

// TestOpen checks that a lexicon file is told TSV or TBX by its content,
// that a file that is not text is refused before parsing, and that each
// error names the file once.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tsv := write("terms.txt", "id\tgroup\ten\tzh\nta\t\ttechnical assistance\t技术援助\n")
	tbx := write("terms.dat", `<?xml version="1.0"?><martif type="TBX"><text><body><termEntry id="ta"><langSet xml:lang="en"><tig><term>technical assistance</term></tig></langSet><langSet xml:lang="zh"><tig><term>技术援助</term></tig></langSet></termEntry></body></text></martif>`)
	for _, c := range []struct {
		path string
		tbx  bool
	}{{tsv, false}, {tbx, true}} {
		l, isTBX, err := lexicon.Open(c.path)
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		if isTBX != c.tbx || len(l.Concepts) != 1 || strings.Join(l.Concepts[0].Terms["zh"], "|") != "技术援助" {
			t.Errorf("%s: TBX %v, concepts %+v", c.path, isTBX, l.Concepts)
		}
	}
	for _, c := range []struct{ path, want string }{
		{write("nul.tsv", "id\tgroup\ten\nta\t\tx\x00y\n"), "not a text file (a NUL byte at offset"},
		{write("latin1.tsv", "id\tgroup\ten\nta\t\tcoop\xe9ration\n"), "not UTF-8 text"},
		{filepath.Join(dir, "missing.tsv"), "no such file"},
	} {
		_, _, err := lexicon.Open(c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.path, err, c.want)
			continue
		}
		if n := strings.Count(err.Error(), c.path); n != 1 {
			t.Errorf("%s: error %q names the file %d times, want once", c.path, err, n)
		}
	}
}
