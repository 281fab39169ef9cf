package msdoc

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/extract/docx"
	xt "github.com/driftcheck/driftcheck/extract/internal/extracttest"
)

func TestFixtures(t *testing.T) {
	for _, f := range xt.Fixtures {
		t.Run(f.Name, func(t *testing.T) {
			ps, err := Read(xt.Load(t, "formats/doc/"+f.Name+".doc"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := xt.Expected(t, f.Src)
			got := xt.Texts(ps)
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
			dps, err := docx.Read(xt.Load(t, "formats/docx/"+f.Name+".docx"), docx.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d := xt.Texts(dps); strings.Join(d, "\n") != strings.Join(got, "\n") {
				t.Errorf(".doc and .docx differ")
			}
		})
	}
}

// notes.doc is LibreOffice's conversion of notes.docx: a field, a table,
// a footnote and an endnote.
func TestNotesAndTable(t *testing.T) {
	ps, err := Read(xt.Load(t, "formats/doc/notes.doc"), Options{})
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
	got := xt.Texts(ps)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	for i, p := range ps {
		if note := i >= 8; p.Note != note {
			t.Errorf("paragraph %d %q: Note %v, want %v", i+1, p.Text, p.Note, note)
		}
	}
	dps, err := docx.Read(xt.Load(t, "formats/docx/notes.docx"), docx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := xt.Texts(dps); strings.Join(d, "\n") != strings.Join(got, "\n") {
		t.Errorf(".doc and .docx differ:\n%q\n%q", got, d)
	}
}

// TestLimits: the text and paragraphs of a .doc are counted against
// extract.Limits, field instructions left out.
func TestLimits(t *testing.T) {
	data := xt.Load(t, "formats/doc/L36.en.doc")
	ps, err := Read(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	chars := 0
	for _, p := range ps {
		chars += utf8.RuneCountInString(p.Text)
	}
	for _, tc := range []struct {
		lim extract.Limits
		ok  bool
	}{
		{extract.Limits{MaxChars: chars}, true},
		{extract.Limits{MaxChars: chars - 1}, false},
		{extract.Limits{MaxParagraphs: len(ps)}, true},
		{extract.Limits{MaxParagraphs: len(ps) - 1}, false},
	} {
		_, err := Read(data, Options{Limits: tc.lim})
		if tc.ok && err != nil || !tc.ok && !errors.Is(err, extract.ErrLimit) {
			t.Errorf("%+v: err = %v, want ok %v", tc.lim, err, tc.ok)
		}
	}
}

func TestSplit(t *testing.T) {
	u := utf16.Encode([]rune("a\x13 HYPERLINK \"x\" \x14link\x15\x0bb\tc\x07d\re\x1ef\x1fg\x01\x13 PAGE \x13 nested \x14x\x15\x14 7\x15\r\r\x0c"))
	ps, err := paragraphs(u, false, 10, &extract.Counter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"alink b c", "d", "e-fg 7"}
	if got := xt.Texts(ps); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := paragraphs(utf16.Encode([]rune("a\rb\rc")), false, 2, &extract.Counter{}); !errors.Is(err, extract.ErrLimit) {
		t.Errorf("3 paragraphs with room for 2: err = %v", err)
	}
	// compressed pieces: cp1252 specials
	if got := string(utf16.Decode([]uint16{cp1252(0x93), cp1252('x'), cp1252(0x94), cp1252(0xE9), cp1252(0x96)})); got != "“x”é–" {
		t.Errorf("cp1252: %q", got)
	}
}

// fibFlagged returns L36.en.doc with the FIB flags or'ed with flag. The
// WordDocument stream is in regular sectors (it is over 4096 bytes), and
// its first sector holds the FIB.
func fibFlagged(t testing.TB, flag uint16) []byte {
	data := bytes.Clone(xt.Load(t, "formats/doc/L36.en.doc"))
	off := xt.DirEntry(data, "WordDocument")
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
	fixture := xt.Load(t, "formats/doc/RES.zh.doc")
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rng.Read(random)
	enc := bytes.Clone(fixture)
	xt.RenameOLE(t, enc, "WordDocument", "EncryptionInfo")
	xt.RenameOLE(t, enc, "1Table", "EncryptedPackage")
	noTable := bytes.Clone(fixture)
	xt.RenameOLE(t, noTable, "1Table", "2Table")
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
		{"docx", xt.Load(t, "formats/docx/notes.docx"), Options{}, extract.ErrCorrupt},
		{"fEncrypted", fibFlagged(t, 0x0100), Options{}, extract.ErrEncrypted},
		{"fObfuscated", fibFlagged(t, 0x8000), Options{}, extract.ErrEncrypted},
		{"encrypted OOXML in OLE", enc, Options{}, extract.ErrEncrypted},
		{"no table stream", noTable, Options{}, extract.ErrCorrupt},
		{"over MaxBytes", fixture, Options{MaxBytes: 1000}, extract.ErrLimit},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps, err := Read(c.data, c.opt)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v (%d paragraphs), want %v", err, len(ps), c.want)
			}
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Errorf("error text has a line break: %q", err)
			}
		})
	}
}

func FuzzReadDOC(f *testing.F) {
	for _, fx := range xt.Fixtures {
		f.Add(xt.Load(f, "formats/doc/"+fx.Name+".doc"))
	}
	f.Add(xt.Load(f, "formats/doc/notes.doc"))
	noRecover = true
	f.Fuzz(func(t *testing.T, data []byte) {
		if ps, err := Read(data, Options{MaxBytes: 4 << 20}); err == nil { // small: see FuzzReadDOCX
			xt.CheckParagraphs(t, ps)
		}
	})
}

// BenchmarkReadDOC reads every fixture once per iteration (pages/s: see
// extracttest.BenchPages).
func BenchmarkReadDOC(b *testing.B) {
	var files [][]byte
	for _, fx := range xt.Fixtures {
		files = append(files, xt.Load(b, "formats/doc/"+fx.Name+".doc"))
	}
	xt.BenchPages(b, files, func(data []byte) ([]extract.Paragraph, error) { return Read(data, Options{}) })
}
