package driftcheck_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/lexicon"
)

// findingKeys summarises findings as "kind voted-para final-para terms",
// sorted: what a reader must preserve whatever the file format.
func findingKeys(r *driftcheck.Result) []string {
	var out []string
	for _, f := range r.Findings() {
		out = append(out, fmt.Sprintf("%s %s %s %s→%s", f.Kind, f.Voted.Para, f.Final.Para, f.VotedTerm, f.FinalTerm))
	}
	slices.Sort(out)
	return out
}

// TestFormatsGiveSameFindings checks the founding case read from PDF, DOCX,
// .doc and HTML files (testdata/formats, converted from the text files in
// six scripts) against the same case read from the text files: the
// findings must be the same, paragraph for paragraph.
func TestFormatsGiveSameFindings(t *testing.T) {
	chk := driftcheck.New(lexicon.Default())
	type pair struct{ voted, final string }
	cases := []pair{
		{"founding/L36.en", "founding/RES.zh"},
		{"founding/L36.en", "founding/L36.zh"},
	}
	for _, l := range []string{"ar", "fr", "es", "ru"} {
		cases = append(cases, pair{"founding/L36.excerpt.en", "languages/RES.excerpt." + l}, pair{"founding/L36.excerpt.en", "languages/L36.excerpt." + l})
	}
	check := func(voted, final string) ([]string, error) {
		v, err := chk.LoadFile(voted, "")
		if err != nil {
			return nil, err
		}
		f, err := chk.LoadFile(final, "")
		if err != nil {
			return nil, err
		}
		return findingKeys(chk.Check(v, f)), nil
	}
	for _, c := range cases {
		want, err := check("testdata/"+c.voted+".txt", "testdata/"+c.final+".txt")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(c.final, "RES.") && len(want) == 0 {
			t.Fatalf("%s: no findings from the text files", c.final)
		}
		for _, ext := range []string{"pdf", "docx", "doc", "html"} {
			final := filepath.Join("testdata/formats", ext, filepath.Base(c.final)+"."+ext)
			got, err := check("testdata/"+c.voted+".txt", final)
			if err != nil {
				t.Errorf("%s: %v", final, err)
				continue
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s against %s.txt:\n got %q\nwant %q (from the text file)", final, c.voted, got, want)
			}
		}
	}
	// The voted text in each format too.
	want, _ := check("testdata/founding/L36.en.txt", "testdata/founding/RES.zh.txt")
	for _, ext := range []string{"pdf", "docx", "doc", "html"} {
		voted := filepath.Join("testdata/formats", ext, "L36.en."+ext)
		got, err := check(voted, "testdata/founding/RES.zh.txt")
		if err != nil {
			t.Errorf("%s: %v", voted, err)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("voted %s:\n got %q\nwant %q", voted, got, want)
		}
	}
}

// TestEncodingsGiveSameFindings reads the founding finals from legacy
// encodings, detected.
func TestEncodingsGiveSameFindings(t *testing.T) {
	chk := driftcheck.New(lexicon.Default())
	for _, c := range [][3]string{
		{"founding/L36.en.txt", "founding/RES.zh.txt", "formats/encodings/RES.zh.gb18030.txt"},
		{"founding/L36.en.txt", "founding/RES.zh.txt", "formats/encodings/RES.zh.utf16le.txt"},
		{"founding/L36.excerpt.en.txt", "languages/RES.excerpt.ru.txt", "formats/encodings/RES.excerpt.ru.cp1251.txt"},
		{"founding/L36.excerpt.en.txt", "languages/RES.excerpt.ar.txt", "formats/encodings/RES.excerpt.ar.cp1256.txt"},
		{"founding/L36.excerpt.en.txt", "languages/RES.excerpt.ar.txt", "formats/encodings/RES.excerpt.ar.utf16be.txt"},
	} {
		v, err := chk.LoadFile("testdata/"+c[0], "")
		if err != nil {
			t.Fatal(err)
		}
		var keys [2][]string
		for i, p := range c[1:] {
			f, err := chk.LoadFile("testdata/"+p, "")
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			keys[i] = findingKeys(chk.Check(v, f))
		}
		if len(keys[0]) == 0 || !slices.Equal(keys[0], keys[1]) {
			t.Errorf("%s:\n got %q\nwant %q", c[2], keys[1], keys[0])
		}
	}
}

// TestLabelSpacesAreLayout: a label followed by another space than the
// voted text's (NBSP in a web page, a tab in a Word file) is no
// editorial change; a label written differently ("1．") still is.
func TestLabelSpacesAreLayout(t *testing.T) {
	chk := driftcheck.New(lexicon.Default())
	doc := func(label string) *document.Document {
		paras := []extract.Paragraph{
			{Text: "A/HRC/37/L.36"}, {Text: "The Human Rights Council,"},
			{Text: "Recalling its resolutions,"},
			{Text: label + "Calls upon all States to uphold multilateralism;"},
		}
		d, err := chk.Parse(paras, "x.en.txt", "en")
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	voted := doc("1. ")
	for _, tc := range []struct {
		label string
		want  int
	}{
		{"1.\u00a0", 0}, // U+00A0 NO-BREAK SPACE
		{"1.\t", 0},
		{"1.\u2002", 0}, // U+2002 EN SPACE
		{"1．", 1},       // U+FF0E FULLWIDTH FULL STOP: written differently
	} {
		n := 0
		for _, f := range chk.Check(voted, doc(tc.label)).Findings() {
			if f.Kind == "editorial" {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("label %+q: %d editorial findings, want %d", tc.label, n, tc.want)
		}
	}
}
