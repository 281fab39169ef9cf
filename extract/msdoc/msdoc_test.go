package msdoc

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/extract/docx"
)

const root = "../../testdata"

// fixtures are the LibreOffice "MS Word 97" conversions of the
// founding-case texts (testdata/formats/docx/gen.go).
var fixtures = []struct{ name, src string }{
	{"L36.en", "founding/L36.en.txt"},
	{"RES.zh", "founding/RES.zh.txt"},
	{"L36.zh", "founding/L36.zh.txt"},
	{"RES.excerpt.ar", "languages/RES.excerpt.ar.txt"},
	{"RES.excerpt.fr", "languages/RES.excerpt.fr.txt"},
	{"RES.excerpt.es", "languages/RES.excerpt.es.txt"},
	{"RES.excerpt.ru", "languages/RES.excerpt.ru.txt"},
	{"L36.excerpt.ar", "languages/L36.excerpt.ar.txt"},
	{"L36.excerpt.fr", "languages/L36.excerpt.fr.txt"},
	{"L36.excerpt.es", "languages/L36.excerpt.es.txt"},
	{"L36.excerpt.ru", "languages/L36.excerpt.ru.txt"},
}

func load(t testing.TB, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func texts(ps []extract.Paragraph) []string {
	var out []string
	for _, p := range ps {
		out = append(out, strings.Join(strings.Fields(p.Text), " "))
	}
	return out
}

func TestFixtures(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			ps, err := Read(load(t, "formats/doc/"+f.name+".doc"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := texts(extract.Split(string(load(t, f.src))))
			got := texts(ps)
			if len(got) != len(want) {
				t.Fatalf("%d paragraphs, want %d", len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("paragraph %d:\n got %q\nwant %q", i+1, got[i], want[i])
				}
				if ps[i].Note {
					t.Errorf("paragraph %d: Note", i+1)
				}
			}
			// The .docx of the same text gives the same paragraphs.
			dps, err := docx.Read(load(t, "formats/docx/"+f.name+".docx"), docx.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d := texts(dps); strings.Join(d, "\n") != strings.Join(got, "\n") {
				t.Errorf(".doc and .docx differ")
			}
		})
	}
}

// notes.doc is LibreOffice's conversion of notes.docx: a field, a table,
// a footnote and an endnote.
func TestNotesAndTable(t *testing.T) {
	ps, err := Read(load(t, "formats/doc/notes.doc"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Promoting mutually beneficial cooperation in the field of human rights",
		"1. 促进人权领域的互利合作（移动）。",
		"See undocs and A-HRC.",
		"In favour", "28", "Against", "1",
		"Adopted by a recorded vote.",
		"See A/HRC/37/L.36.",
		"Vote of 23 March 2018.",
	}
	got := texts(ps)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	for i, p := range ps {
		if note := i >= 8; p.Note != note {
			t.Errorf("paragraph %d %q: Note %v, want %v", i+1, p.Text, p.Note, note)
		}
	}
	dps, err := docx.Read(load(t, "formats/docx/notes.docx"), docx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := texts(dps); strings.Join(d, "\n") != strings.Join(got, "\n") {
		t.Errorf(".doc and .docx differ:\n%q\n%q", got, d)
	}
}

func TestSplit(t *testing.T) {
	u := utf16.Encode([]rune("a\x13 HYPERLINK \"x\" \x14link\x15\x0bb\tc\x07d\re\x1ef\x1fg\x01\x13 PAGE \x13 nested \x14x\x15\x14 7\x15\r\r\x0c"))
	ps, err := paragraphs(u, false, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"alink b c", "d", "e-fg 7"}
	if got := texts(ps); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := paragraphs(utf16.Encode([]rune("a\rb\rc")), false, 2); !errors.Is(err, extract.ErrLimit) {
		t.Errorf("3 paragraphs with room for 2: err = %v", err)
	}
	// compressed pieces: cp1252 specials
	if got := string(utf16.Decode([]uint16{cp1252(0x93), cp1252('x'), cp1252(0x94), cp1252(0xE9), cp1252(0x96)})); got != "“x”é–" {
		t.Errorf("cp1252: %q", got)
	}
}

// rename changes the name of a directory entry of an OLE file in place.
func rename(t testing.TB, data []byte, from, to string) {
	t.Helper()
	enc := func(s string) []byte {
		b := make([]byte, 64)
		for i, u := range utf16.Encode([]rune(s)) {
			binary.LittleEndian.PutUint16(b[2*i:], u)
		}
		return b
	}
	if off := dirEntry(t, data, from); off >= 0 {
		copy(data[off:], enc(to))
		binary.LittleEndian.PutUint16(data[off+64:], uint16(2*(len(to)+1)))
		return
	}
	t.Fatalf("no directory entry %s", from)
}

// dirEntry finds the directory entry named name.
func dirEntry(t testing.TB, data []byte, name string) int {
	b := make([]byte, 64)
	for i, u := range utf16.Encode([]rune(name)) {
		binary.LittleEndian.PutUint16(b[2*i:], u)
	}
	ss := 1 << binary.LittleEndian.Uint16(data[0x1E:])
	for off := ss; off+128 <= len(data); off += 128 {
		if bytes.Equal(data[off:off+64], b) && int(binary.LittleEndian.Uint16(data[off+64:])) == 2*(len(name)+1) {
			return off
		}
	}
	return -1
}

// fibFlagged returns L36.en.doc with the FIB flags or'ed with flag. The
// WordDocument stream is in regular sectors (it is over 4096 bytes), and
// its first sector holds the FIB.
func fibFlagged(t testing.TB, flag uint16) []byte {
	data := bytes.Clone(load(t, "formats/doc/L36.en.doc"))
	off := dirEntry(t, data, "WordDocument")
	if off < 0 || binary.LittleEndian.Uint32(data[off+120:]) < 4096 {
		t.Fatal("no WordDocument stream in regular sectors")
	}
	ss := 1 << binary.LittleEndian.Uint16(data[0x1E:])
	start := int(binary.LittleEndian.Uint32(data[off+116:]))
	fib := (start + 1) * ss
	if binary.LittleEndian.Uint16(data[fib:]) != 0xA5EC {
		t.Fatal("FIB not found")
	}
	f := binary.LittleEndian.Uint16(data[fib+0x0A:]) | flag
	binary.LittleEndian.PutUint16(data[fib+0x0A:], f)
	return data
}

func TestErrors(t *testing.T) {
	fixture := load(t, "formats/doc/RES.zh.doc")
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rng.Read(random)
	enc := bytes.Clone(fixture)
	rename(t, enc, "WordDocument", "EncryptionInfo")
	rename(t, enc, "1Table", "EncryptedPackage")
	noTable := bytes.Clone(fixture)
	rename(t, noTable, "1Table", "2Table")
	cases := []struct {
		name string
		data []byte
		opt  Options
		want error
	}{
		{"empty input", nil, Options{}, extract.ErrEmpty},
		{"truncated", fixture[:len(fixture)/2], Options{}, extract.ErrCorrupt},
		{"random after OLE signature", append(bytes.Clone(oleMagic), random...), Options{}, extract.ErrCorrupt},
		{"random", random, Options{}, extract.ErrCorrupt},
		{"docx", load(t, "formats/docx/notes.docx"), Options{}, extract.ErrCorrupt},
		{"fEncrypted", fibFlagged(t, 0x0100), Options{}, extract.ErrEncrypted},
		{"fObfuscated", fibFlagged(t, 0x8000), Options{}, extract.ErrEncrypted},
		{"encrypted OOXML in OLE", enc, Options{}, extract.ErrEncrypted},
		{"no table stream", noTable, Options{}, extract.ErrCorrupt},
		{"over MaxBytes", fixture, Options{MaxBytes: 1000}, extract.ErrLimit},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			ps, err := Read(c.data, c.opt)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v (%d paragraphs), want %v", err, len(ps), c.want)
			}
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Errorf("error text has a line break: %q", err)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func FuzzReadDOC(f *testing.F) {
	for _, fx := range fixtures {
		f.Add(load(f, "formats/doc/"+fx.name+".doc"))
	}
	f.Add(load(f, "formats/doc/notes.doc"))
	noRecover = true
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := Read(data, Options{MaxBytes: 4 << 20}) // small: see FuzzReadDOCX
		if err != nil {
			return
		}
		for _, p := range ps {
			if !utf8.ValidString(p.Text) || strings.ContainsAny(p.Text, "\n\r") || p.Text == "" {
				t.Fatalf("bad paragraph %q", p.Text)
			}
		}
	})
}

// BenchmarkReadDOC reads every fixture once per iteration and reports
// pages/s, a page being 3000 characters (runes) of text, and paragraphs/s.
func BenchmarkReadDOC(b *testing.B) {
	var files [][]byte
	for _, fx := range fixtures {
		files = append(files, load(b, "formats/doc/"+fx.name+".doc"))
	}
	var chars, paras int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, data := range files {
			ps, err := Read(data, Options{MaxBytes: 4 << 20}) // small: see FuzzReadDOCX
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
