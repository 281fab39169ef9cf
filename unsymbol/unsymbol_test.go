package unsymbol

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/internal/corpus"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in               string
		code             string
		session, year, n int
		kind             string
	}{
		{"A/HRC/RES/37/23", "HRC", 37, 2018, 23, "resolution"},
		{"A/RES/78/213", "GA", 78, 2023, 213, "resolution"},
		{"S/RES/2334 (2016)", "SC", 0, 2016, 2334, "resolution"},
		{"A/C.3/78/L.49/Rev.1", "GA-C3", 78, 2023, 0, "draft"},
		{"A/HRC/37/L.36", "HRC", 37, 2018, 0, "draft"},
		{"E/RES/2015/10", "ECOSOC", 2015, 2015, 10, "resolution"},
		{"E/CN.6/2015/3", "CSW", 2015, 2015, 0, "document"},
		{"A/RES/217 (III)", "GA", 3, 1948, 217, "resolution"},
		{"A/ES-10/671", "GA-ES", 10, 0, 0, "document"},
		{"A/RES/ES-10/19", "GA-ES", 10, 0, 19, "resolution"},
		{"S/2015/87", "SC", 0, 2015, 0, "document"},
		{"S/PRST/2015/2", "SC", 0, 2015, 2, "presidential statement"},
		{"CEDAW/C/AZE/CO/5", "CEDAW", 0, 0, 0, "document"},
		{"A/69/586/Corr.2", "GA", 69, 2014, 0, "corrigendum"},
		{"2015/a/ac_182/l_139", "GA-AC", 0, 2015, 0, "draft"},
		{"2015/a/res/69/145", "GA", 69, 2015, 145, "resolution"},
		{"2015/e/cn_6/2015/ngo/201", "CSW", 2015, 2015, 0, "document"},
		{"a/res/78/213.", "GA", 78, 2023, 213, "resolution"},
		{"not a symbol", "", 0, 0, 0, "document"},
	} {
		got := Parse(c.in)
		if got.BodyCode != c.code || got.Session != c.session || got.Year != c.year || got.Number != c.n || got.Kind != c.kind {
			t.Errorf("Parse(%q) = %+v, want code %s session %d year %d number %d kind %s", c.in, got, c.code, c.session, c.year, c.n, c.kind)
		}
	}
	if got := Parse("2015/a/ac_182/l_139").Symbol; got != "A/AC.182/L.139" {
		t.Errorf("UNPC id normalised to %q, want A/AC.182/L.139", got)
	}
	if got := Parse("A/HRC/RES/37/23").Body; got != "Human Rights Council" {
		t.Errorf("body %q", got)
	}
}

// TestDevsetIDs reads every symbol of the UNPC devset: each has its year
// (2015) and a body of the table.
func TestDevsetIDs(t *testing.T) {
	shared, ok := corpus.SharedDir()
	if !ok {
		t.Skip("../shared is absent: this test needs ../shared/corpora/unpc-v1.0-devset")
	}
	f, err := os.Open(filepath.Join(shared, "corpora", "unpc-v1.0-devset", "UNv1.0.devset.ids"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	bodies := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		id, _, _ := strings.Cut(sc.Text(), " ")
		if seen[id] {
			continue
		}
		seen[id] = true
		in := Parse(id)
		if in.Year != 2015 {
			t.Errorf("%s: year %d, want 2015", id, in.Year)
		}
		if in.BodyCode == "" {
			t.Errorf("%s (%s): no body", id, in.Symbol)
		}
		bodies[in.BodyCode]++
	}
	if len(seen) != 732 {
		t.Errorf("%d symbols, want 732", len(seen))
	}
	t.Logf("%d symbols by body: %v", len(seen), bodies)
}
