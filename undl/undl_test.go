package undl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// export is the real export of the shared data.
var export = filepath.Join("..", "..", "shared", "undl", "session_78_committee_3_drafts.marcxml")

func TestReadRealExport(t *testing.T) {
	f, err := os.Open(export)
	if err != nil {
		t.Skipf("the shared data is absent (%v): the real export is not read", err)
	}
	defer f.Close()
	recs, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 94 {
		t.Fatalf("%d records, want 94", len(recs))
	}
	adopted := 0
	by := map[string]Record{}
	for _, r := range recs {
		by[r.Symbol] = r
		if r.Resolution != "" {
			adopted++
		}
		if len(r.Files) != 6 {
			t.Errorf("%s: %d files, want 6", r.Symbol, len(r.Files))
		}
		seen := map[string]bool{}
		for _, fl := range r.Files {
			seen[fl.Lang] = true
		}
		if len(seen) != 6 || seen[""] {
			t.Errorf("%s: languages %v", r.Symbol, seen)
		}
	}
	if adopted != 63 {
		t.Errorf("%d drafts with a resolution, want 63", adopted)
	}
	// Read in the XML by hand.
	first := by["A/C.3/78/L.49/Rev.1"]
	if first.ID != "4026910" || first.Resolution != "A/RES/78/213" || first.Report != "A/78/481/Add.2" || first.Date != "2023-11-08" ||
		!strings.HasPrefix(first.Title, "Promotion and protection of human rights in the context of digital technologies : revised draft resolution") ||
		len(first.Agenda) == 0 || !strings.HasPrefix(first.Agenda[0], "A/78/251 71b") {
		t.Errorf("A/C.3/78/L.49/Rev.1: %+v", first)
	}
	if f := first.Files[1]; f.Lang != "zh" || f.URL != "https://digitallibrary.un.org/record/4026910/files/A_C.3_78_L.49_Rev.1-ZH.pdf" || f.Name != "A_C.3_78_L.49_Rev.1-ZH.pdf" {
		t.Errorf("second file %+v", f)
	}
	for sym, res := range map[string]string{"A/C.3/78/L.47": "A/RES/78/206", "A/C.3/78/L.72": "A/DEC/78/539", "A/C.3/78/L.26": "A/RES/78/183 A", "A/C.3/78/L.49": "", "A/C.3/78/L.1/Add.1": ""} {
		if r, ok := by[sym]; !ok || r.Resolution != res {
			t.Errorf("%s: resolution %q, want %q", sym, r.Resolution, res)
		}
	}
}

func TestHostile(t *testing.T) {
	for name, doc := range map[string]string{
		"entities": `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><collection><record><datafield tag="191"><subfield code="a">&b;</subfield></datafield></record></collection>`,
		"deep":     "<collection>" + strings.Repeat("<x>", 1000) + strings.Repeat("</x>", 1000) + "</collection>",
		"external": `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><collection><record>&x;</record></collection>`,
		"broken":   `<collection><record><datafield tag="191"><subfield code="a">A/1</subfield></record>`,
		"empty":    `<collection xmlns="http://www.loc.gov/MARC21/slim"></collection>`,
		"nosymbol": `<collection><record><controlfield tag="001">7</controlfield></record></collection>`,
		"notxml":   "symbol,path\nA/1,x.pdf\n",
	} {
		if recs, err := Read(strings.NewReader(doc)); err == nil {
			t.Errorf("%s: read %d records, want an error", name, len(recs))
		}
	}
}

func TestNames(t *testing.T) {
	if got := FileName("A/HRC/RES/37/23", "zh", ".pdf"); got != "A_HRC_RES_37_23-ZH.pdf" {
		t.Errorf("FileName = %s", got)
	}
	if got := DocSymbol("A/RES/78/183  B"); got != "A/RES/78/183" {
		t.Errorf("DocSymbol = %s", got)
	}
	if got := DocSymbol("A/C.3/78/L.49/Rev.1"); got != "A/C.3/78/L.49/Rev.1" {
		t.Errorf("DocSymbol = %s", got)
	}
	for label, want := range map[string]string{"FranÃ§ais": "fr", "ä¸­æ\u0096\u0087": "zh", "English": "en", "Español": "es", "Klingon": ""} {
		if got := LangOfLabel(label); got != want {
			t.Errorf("LangOfLabel(%q) = %q, want %q", label, got, want)
		}
	}
}
