package batch

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func allGroups(t *testing.T, src Source) []*Group {
	t.Helper()
	var out []*Group
	for {
		g, err := src.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, g)
	}
}

// TestDirPairs: with pairs.csv, the draft and the resolution are one group,
// the draft in the voted language its voted text.
func TestDirPairs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"pairs.csv":                    "draft,resolution\nA/HRC/37/L.36,A/HRC/RES/37/23\nA/HRC/37/L.99,A/HRC/RES/37/99\n",
		"drafts/A_HRC_37_L.36-EN.txt":  "The Human Rights Council decides to remain seized of the matter.\n",
		"drafts/A_HRC_37_L.36-FR.txt":  "Le Conseil des droits de l'homme décide de rester saisi de la question.\n",
		"res/A_HRC_RES_37_23-EN.txt":   "The Human Rights Council decides to remain seized of the matter.\n",
		"res/A_HRC_RES_37_23-FR.txt":   "Le Conseil des droits de l'homme décide de rester saisi de la question.\n",
		"other/A_HRC_RES_37_24-EN.txt": "The Council decides.\n",
		"notes.md":                     "not a document\n",
	})
	src, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	gs := allGroups(t, src)
	var syms []string
	for _, g := range gs {
		syms = append(syms, g.Symbol)
	}
	if !slices.Equal(syms, []string{"A/HRC/RES/37/23", "A/HRC/RES/37/24"}) {
		t.Fatalf("groups %v, want the pair's (named by the resolution) and the unpaired resolution's", syms)
	}
	g := gs[0]
	var got []string
	for _, f := range g.Files {
		got = append(got, f.Path+":"+f.Role)
	}
	want := []string{"drafts/A_HRC_37_L.36-EN.txt:draft", "drafts/A_HRC_37_L.36-FR.txt:draft", "res/A_HRC_RES_37_23-EN.txt:final", "res/A_HRC_RES_37_23-FR.txt:final"}
	if !slices.Equal(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
	if vi := votedIndex(g, "en"); vi != 0 {
		t.Errorf("voted file %d, want 0 (the draft in English)", vi)
	}
	if vi := votedIndex(g, "fr"); vi != 1 {
		t.Errorf("voted file in French %d, want 1 (the draft in French)", vi)
	}
	if sk := src.(Skipper).Skipped(); !slices.Equal(sk, []string{"notes.md"}) {
		t.Errorf("skipped %v, want notes.md alone (pairs.csv is read)", sk)
	}
}

// TestDirMARC: a MARCXML export at the root pairs too, a resolution
// adopted in parts being in the group of each part.
func TestDirMARC(t *testing.T) {
	dir := t.TempDir()
	rec := func(sym, res string) string {
		return `<record><datafield tag="191" ind1=" " ind2=" "><subfield code="a">` + sym + `</subfield></datafield>` +
			`<datafield tag="993" ind1="1" ind2=" "><subfield code="a">` + res + `</subfield></datafield></record>`
	}
	writeFiles(t, dir, map[string]string{
		"export.xml":                      `<?xml version="1.0"?><collection xmlns="http://www.loc.gov/MARC21/slim">` + rec("A/C.3/78/L.26", "A/RES/78/183 A") + rec("A/C.3/78/L.28", "A/RES/78/183 B") + `</collection>`,
		"A_C.3_78_L.26-EN.txt":            "The General Assembly decides A.\n",
		"A_C.3_78_L.28-EN.txt":            "The General Assembly decides B.\n",
		"A_RES_78_183-EN.txt":             "The General Assembly decides A.\n\nThe General Assembly decides B.\n",
		"A_RES_78_183-ES.txt":             "La Asamblea General decide A.\n\nLa Asamblea General decide B.\n",
		"A_C.3_78_L.30_Rev.1-EN.txt":      "Unpaired draft.\n",
		"sub/A_C.3_78_L.28-FR.txt":        "L'Assemblée générale décide B.\n",
		"sub/.A_C.3_78_L.28-ES.txt.1.tmp": "a temporary file\n",
	})
	src, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	gs := allGroups(t, src)
	var got []string
	for _, g := range gs {
		var fs []string
		for _, f := range g.Files {
			fs = append(fs, f.Path+":"+f.Role)
		}
		got = append(got, g.Symbol+" = "+strings.Join(fs, " "))
	}
	want := []string{
		"A/C.3/78/L.30/REV.1 = A_C.3_78_L.30_Rev.1-EN.txt:",
		"A/RES/78/183 A = A_C.3_78_L.26-EN.txt:draft A_RES_78_183-EN.txt:final A_RES_78_183-ES.txt:final",
		"A/RES/78/183 B = A_C.3_78_L.28-EN.txt:draft sub/A_C.3_78_L.28-FR.txt:draft A_RES_78_183-EN.txt:final A_RES_78_183-ES.txt:final",
	}
	if !slices.Equal(got, want) {
		t.Errorf("groups\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadPairsErrors(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"one-field.csv":  "draft,resolution\nA/HRC/37/L.36\n",
		"empty.csv":      "",
		"header.csv":     "draft,symbol\nA/1,A/2\n",
		"twice.csv":      "A/1,A/RES/1\nA/1,A/RES/2\n",
		"quote.csv":      "A/1,\"A/RES/1\n",
		"notutf8.csv":    "A/1,A/RES/\xff\n",
		"hostile.xml":    `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aa">]><collection xmlns="http://www.loc.gov/MARC21/slim"><record>&a;</record></collection>`,
		"notmarc.xml":    `<?xml version="1.0"?><tmx><body/></tmx>`,
		"norecords.xml":  `<collection xmlns="http://www.loc.gov/MARC21/slim"></collection>`,
		"blankdraft.csv": " ,A/RES/1\n",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o644)
		_, err := ReadPairs(p)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, p) || strings.Contains(msg, "\n") {
			t.Errorf("%s: error %q, want one line naming the file", name, msg)
		}
	}
	p := filepath.Join(dir, "ok.csv")
	os.WriteFile(p, []byte("\uFEFF# the Council's\nA/HRC/37/L.36, A/HRC/RES/37/23\n"), 0o644)
	ps, err := ReadPairs(p)
	if err != nil || len(ps.Pairs) != 1 || ps.Pairs[0].Draft != "A/HRC/37/L.36" || ps.Pairs[0].Resolution != "A/HRC/RES/37/23" {
		t.Errorf("ok.csv: %+v, %v", ps, err)
	}
	// Two exports at the root of a tree: which one is meant is not guessed.
	writeFiles(t, filepath.Join(dir, "tree"), map[string]string{
		"a.marcxml":  `<collection xmlns="http://www.loc.gov/MARC21/slim"></collection>`,
		"b.marcxml":  `<collection xmlns="http://www.loc.gov/MARC21/slim"></collection>`,
		"A_1-EN.txt": "Text.\n",
	})
	if _, err := OpenDir(filepath.Join(dir, "tree")); err == nil || !strings.Contains(err.Error(), "2 MARCXML exports") {
		t.Errorf("two exports: %v", err)
	}
}
