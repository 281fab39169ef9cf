// Package extracttest holds what the readers' tests share: the fixtures
// converted from the founding-case texts, loading testdata, comparing
// paragraphs, renaming a directory entry of an OLE file, the invariant the
// fuzz targets check and the pages/s benchmark.
package extracttest

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
)

// Root is the repository's testdata directory.
var Root = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata")
}()

// Fixture is one founding-case text converted to each input format
// (testdata/formats/docx/gen.go): the files are formats/<format>/Name.<ext>,
// the text they were made from is Src (under Root), written in Lang.
type Fixture struct{ Name, Src, Lang string }

// Fixtures are the conversions every reader is tested on.
var Fixtures = []Fixture{
	{"L36.en", "founding/L36.en.txt", "en"},
	{"RES.zh", "founding/RES.zh.txt", "zh"},
	{"L36.zh", "founding/L36.zh.txt", "zh"},
	{"RES.excerpt.ar", "languages/RES.excerpt.ar.txt", "ar"},
	{"RES.excerpt.fr", "languages/RES.excerpt.fr.txt", "fr"},
	{"RES.excerpt.es", "languages/RES.excerpt.es.txt", "es"},
	{"RES.excerpt.ru", "languages/RES.excerpt.ru.txt", "ru"},
	{"L36.excerpt.ar", "languages/L36.excerpt.ar.txt", "ar"},
	{"L36.excerpt.fr", "languages/L36.excerpt.fr.txt", "fr"},
	{"L36.excerpt.es", "languages/L36.excerpt.es.txt", "es"},
	{"L36.excerpt.ru", "languages/L36.excerpt.ru.txt", "ru"},
}

// Load returns the file rel (relative to Root).
func Load(t testing.TB, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Texts returns the text of each paragraph with its white space collapsed.
func Texts(ps []extract.Paragraph) []string {
	var out []string
	for _, p := range ps {
		out = append(out, strings.Join(strings.Fields(p.Text), " "))
	}
	return out
}

// Expected returns the paragraphs of the source text rel (split on blank
// lines, white space collapsed): what a reader must give for its fixture.
func Expected(t testing.TB, rel string) []string {
	return Texts(extract.Split(string(Load(t, rel))))
}

// DirEntry returns the offset of the directory entry called name in the OLE
// file data, or -1.
func DirEntry(data []byte, name string) int {
	want := oleName(name)
	ss := 1 << binary.LittleEndian.Uint16(data[0x1E:])
	for off := ss; off+128 <= len(data); off += 128 {
		if bytes.Equal(data[off:off+64], want) && int(binary.LittleEndian.Uint16(data[off+64:])) == 2*(len(name)+1) {
			return off
		}
	}
	return -1
}

// RenameOLE renames the directory entry from of the OLE file data to to,
// in place.
func RenameOLE(t testing.TB, data []byte, from, to string) {
	t.Helper()
	off := DirEntry(data, from)
	if off < 0 {
		t.Fatalf("no directory entry %s", from)
	}
	copy(data[off:], oleName(to))
	binary.LittleEndian.PutUint16(data[off+64:], uint16(2*(len(to)+1)))
}

// oleName is name as a directory entry holds it: UTF-16LE in 64 bytes.
func oleName(name string) []byte {
	b := make([]byte, 64)
	for i, u := range utf16.Encode([]rune(name)) {
		binary.LittleEndian.PutUint16(b[2*i:], u)
	}
	return b
}

// CheckParagraphs fails t unless every paragraph is valid UTF-8, not empty
// and on one line: what a reader promises for any input it accepts.
func CheckParagraphs(t testing.TB, ps []extract.Paragraph) {
	t.Helper()
	for _, p := range ps {
		if !utf8.ValidString(p.Text) || strings.ContainsAny(p.Text, "\n\r") || p.Text == "" {
			t.Fatalf("bad paragraph %q", p.Text)
		}
	}
}

// BenchPages reads every file once per iteration and reports pages/s, a
// page being 3000 characters (runes) of text, and paragraphs/s.
func BenchPages(b *testing.B, files [][]byte, read func([]byte) ([]extract.Paragraph, error)) {
	var chars, paras int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, data := range files {
			ps, err := read(data)
			if err != nil {
				b.Fatal(err)
			}
			for _, p := range ps {
				chars += utf8.RuneCountInString(p.Text)
			}
			paras += len(ps)
		}
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(chars)/3000/s, "pages/s")
	b.ReportMetric(float64(paras)/s, "paragraphs/s")
}
