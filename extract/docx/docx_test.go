package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract"
	xt "github.com/driftcheck/driftcheck/extract/internal/extracttest"
)

func TestFixtures(t *testing.T) {
	for _, f := range xt.Fixtures {
		t.Run(f.Name, func(t *testing.T) {
			ps, err := Read(xt.Load(t, "formats/docx/"+f.Name+".docx"), Options{})
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
				if ps[i].Note || ps[i].Page != 0 {
					t.Errorf("paragraph %d: Note %v Page %d", i+1, ps[i].Note, ps[i].Page)
				}
				if ps[i].Lang != f.Lang {
					t.Errorf("paragraph %d: Lang %q, want %q", i+1, ps[i].Lang, f.Lang)
				}
			}
		})
	}
}

// The founding case: the Chinese final says 合作共赢 where the voted text
// says 互利合作.
func TestFoundingTerms(t *testing.T) {
	ps, err := Read(xt.Load(t, "formats/docx/RES.zh.docx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(xt.Texts(ps), "\n")
	if !strings.Contains(all, "促进人权领域的合作共赢") {
		t.Errorf("RES.zh.docx lacks the drifted title 促进人权领域的合作共赢")
	}
}

func TestTrackedChanges(t *testing.T) {
	data := xt.Load(t, "formats/docx/tracked.docx")
	want := []string{
		"Promoting mutually beneficial cooperation in the field of human rights",
		"1. 促进人权领域的互利合作（移动）。",
		"See undocs and A-HRC.",
		"In favour", "28", "Against", "1",
		"Adopted by a recorded vote.",
		"See A/HRC/37/L.36.",
		"Vote of 23 March 2018.",
	}
	check := func(opt Options, want []string) {
		t.Helper()
		ps, err := Read(data, opt)
		if err != nil {
			t.Fatal(err)
		}
		got := xt.Texts(ps)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("Original=%v:\n got %q\nwant %q", opt.Original, got, want)
		}
		for i, p := range ps {
			if note := i >= 8; p.Note != note {
				t.Errorf("paragraph %d %q: Note %v, want %v", i+1, p.Text, p.Note, note)
			}
			if strings.ContainsAny(p.Text, "\n\r\t") {
				t.Errorf("paragraph %d has a line break or tab: %q", i+1, p.Text)
			}
		}
		if ps[0].Lang != "en" || ps[1].Lang != "zh" || ps[4].Lang != "" {
			t.Errorf("Lang: %q %q %q, want en zh \"\" (a run without letters does not vote)", ps[0].Lang, ps[1].Lang, ps[4].Lang)
		}
	}
	check(Options{}, want)
	orig := append([]string(nil), want...)
	orig[1] = "1. 促进人权领域的合作共赢（旧）。"
	check(Options{Original: true}, orig)

	// notes.docx is the same document without the tracked changes.
	ps, err := Read(xt.Load(t, "formats/docx/notes.docx"), Options{Original: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := xt.Texts(ps); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes.docx:\n got %q\nwant %q", got, want)
	}
}

// part is one member of a zip built by a test.
type part struct{ name, body string }

const wns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func makeZip(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func doc(body string) part {
	return part{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wns + `><w:body>` + body + `</w:body></w:document>`}
}

func TestMarkup(t *testing.T) {
	body := `<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:sym w:font="Symbol" w:char="F0B7"/><w:softHyphen/><w:noBreakHyphen/><w:t>e</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>tab stops are not text</w:t></w:r></w:p>` +
		`<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>` +
		`<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
		`<w:p></w:p><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>`
	ps, err := Read(makeZip(t, doc(body)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a b c d-e", "tab stops are not text", "7", "box"}
	if got := xt.Texts(ps); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestErrors(t *testing.T) {
	fixture := xt.Load(t, "formats/docx/RES.zh.docx")
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rng.Read(random)
	deep := strings.Repeat("<w:sdt>", 300) + strings.Repeat("</w:sdt>", 300)
	many := strings.Repeat("<w:p/>", MaxParagraphs+1)
	var members []part
	for i := 0; i <= MaxMembers; i++ {
		members = append(members, part{fmt.Sprintf("m%d", i), ""})
	}
	cases := []struct {
		name string
		data []byte
		opt  Options
		want error
	}{
		{"empty input", nil, Options{}, extract.ErrEmpty},
		{"truncated", fixture[:len(fixture)/2], Options{}, extract.ErrCorrupt},
		{"random after PK header", append([]byte("PK\x03\x04"), random...), Options{}, extract.ErrCorrupt},
		{"random", random, Options{}, extract.ErrCorrupt},
		{"no document.xml", makeZip(t, part{"word/other.xml", "<a/>"}), Options{}, extract.ErrCorrupt},
		{"malformed XML", makeZip(t, part{"word/document.xml", "<w:document " + wns + "><w:body><w:p></w:body>"}), Options{}, extract.ErrCorrupt},
		{"DOCTYPE", makeZip(t, part{"word/document.xml", `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ` + wns + `><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`}), Options{}, extract.ErrCorrupt},
		{"no text", makeZip(t, doc("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>")), Options{}, extract.ErrEmpty},
		{"deep XML", makeZip(t, doc(deep)), Options{}, extract.ErrLimit},
		{"too many paragraphs", makeZip(t, doc(many)), Options{}, extract.ErrLimit},
		{"too many members", makeZip(t, members...), Options{}, extract.ErrLimit},
		{"bomb, declared", bomb(t, 1<<30, 1<<20), Options{}, extract.ErrLimit},
		{"bomb, honest sizes over a lowered cap", bomb(t, 0, 8<<20), Options{MaxUnzipped: 1 << 20}, extract.ErrLimit},
		{"encrypted OOXML in OLE", encryptedOLE(t), Options{}, extract.ErrEncrypted},
		{"plain .doc", xt.Load(t, "formats/doc/notes.doc"), Options{}, extract.ErrCorrupt},
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

// bomb returns a DOCX whose word/document.xml decompresses to real bytes
// (spaces after a start tag). With declared > 0 the header claims declared
// bytes; with 0 it declares the true size.
func bomb(t testing.TB, declared uint64, real int) []byte {
	t.Helper()
	var body bytes.Buffer
	body.WriteString("<w:document " + wns + ">")
	body.Write(bytes.Repeat([]byte(" "), real))
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	fw.Write(body.Bytes())
	fw.Close()
	size := uint64(body.Len())
	if declared > 0 {
		size = declared
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate,
		CRC32:              crc32.ChecksumIEEE(body.Bytes()),
		CompressedSize64:   uint64(comp.Len()),
		UncompressedSize64: size,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}

// The actual count of decompressed bytes is checked, not only the headers.
func TestBudgetCountsBytesRead(t *testing.T) {
	data := bomb(t, 0, 4<<20)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	r := &reader{files: map[string]*zip.File{"word/document.xml": zr.File[0]}, budget: 1 << 20, opt: Options{MaxUnzipped: 1 << 20}}
	err = r.parse("word/document.xml", func(*xml.Decoder, xml.Token, []string) error { return nil })
	if !errors.Is(err, extract.ErrLimit) {
		t.Fatalf("err = %v, want ErrLimit", err)
	}
}

// encryptedOLE returns an OLE compound file holding streams named
// EncryptionInfo and EncryptedPackage, as a password-protected DOCX does.
// LibreOffice 7.4 would not write one from the command line (see gen.go),
// so the test renames the WordDocument and 1Table streams of a .doc
// fixture in its directory.
func encryptedOLE(t testing.TB) []byte {
	t.Helper()
	data := bytes.Clone(xt.Load(t, "formats/doc/notes.doc"))
	xt.RenameOLE(t, data, "WordDocument", "EncryptionInfo")
	xt.RenameOLE(t, data, "1Table", "EncryptedPackage")
	return data
}

func FuzzReadDOCX(f *testing.F) {
	for _, fx := range xt.Fixtures {
		f.Add(xt.Load(f, "formats/docx/"+fx.Name+".docx"))
	}
	f.Add(xt.Load(f, "formats/docx/tracked.docx"))
	f.Add(makeZip(f, doc(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`)))
	for _, fx := range numberedFixtures {
		f.Add(xt.Load(f, "formats/docx/"+fx.name+".docx"))
	}
	f.Add(makeZip(f, doc(np(1, 0, "a")+np(1, 1, "b")+np(2, 2, "c")+sp("LN", "d")),
		numberingPart(absA+abs(1, `<w:numStyleLink w:val="LN"/>`)+num(1, 0)+num(2, 1, startOver(2, 3))),
		stylesPart(styleNum("LN", "", `<w:numId w:val="1"/><w:ilvl w:val="1"/>`))))
	noRecover = true
	f.Fuzz(func(t *testing.T, data []byte) {
		// A small cap: a mutated deflate stream easily inflates to the
		// default 256 MiB, and a fuzzer spending seconds on each input
		// finds nothing (the caps have tests of their own).
		for _, opt := range []Options{{MaxUnzipped: 4 << 20}, {Original: true, MaxUnzipped: 1 << 20}} {
			if ps, err := Read(data, opt); err == nil {
				xt.CheckParagraphs(t, ps)
			}
		}
	})
}

// BenchmarkReadDOCX reads every fixture once per iteration (pages/s: see
// extracttest.BenchPages).
func BenchmarkReadDOCX(b *testing.B) {
	var files [][]byte
	for _, fx := range xt.Fixtures {
		files = append(files, xt.Load(b, "formats/docx/"+fx.Name+".docx"))
	}
	xt.BenchPages(b, files, func(data []byte) ([]extract.Paragraph, error) { return Read(data, Options{}) })
}
