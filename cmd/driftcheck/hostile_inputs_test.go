//go:build linux

package main

// Generators of the hostile inputs of TestHostileInputs: every input is
// built by the test in a temporary directory, the large ones sparse where
// their content allows, so nothing large is committed.

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
)

// Sizes of the hostile inputs, against the documented limits (README,
// "Input formats": files over 64 MiB, zip members or archives decompressing
// past 256 MiB, more than 10,000 zip members, XML nested deeper than 256,
// HTML deeper than 512, PDFs over 2,000 pages).
const (
	overFileLimit = 64<<20 + 1 // one byte past the file size limit
	hugeSparse    = 2 << 30    // a sparse file far past every limit
	deepNesting   = 100_000    // elements nested in the deep-nesting inputs
	overMembers   = 10_001     // zip members
	overPages     = 2_001      // PDF pages
)

// sparseFile writes head, then extends the file to size bytes with a hole
// (zeros that take no disk space).
func sparseFile(path string, head []byte, size int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(head); err != nil {
		f.Close()
		return err
	}
	if err := f.Truncate(size); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// truncated returns the first half of data.
func truncated(data []byte) []byte { return append([]byte(nil), data[:len(data)/2]...) }

// corrupted returns data with 64 bytes from the middle replaced by 0xFF.
func corrupted(data []byte) []byte {
	out := append([]byte(nil), data...)
	mid := len(out) / 2
	for i := mid; i < mid+64 && i < len(out); i++ {
		out[i] = 0xFF
	}
	return out
}

// utf16NoBOM encodes s as UTF-16 little-endian without a byte-order mark.
func utf16NoBOM(s string) []byte {
	var out []byte
	for _, c := range utf16.Encode([]rune(s)) {
		out = append(out, byte(c), byte(c>>8))
	}
	return out
}

// repeatTo returns s repeated until the result holds at least n bytes.
func repeatTo(s string, n int) string {
	return strings.Repeat(s, (n+len(s)-1)/len(s))
}

// zlibRepeat compresses n bytes made of unit repeated, without holding
// them in memory.
func zlibRepeat(unit string, n int) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	writeRepeat(w, unit, n)
	w.Close()
	return b.Bytes()
}

// writeRepeat writes n bytes made of unit repeated to w, in 1 MiB chunks.
func writeRepeat(w io.Writer, unit string, n int) {
	chunk := []byte(repeatTo(unit, 1<<20))
	chunk = chunk[:len(chunk)/len(unit)*len(unit)]
	for n > 0 {
		k := min(n, len(chunk))
		w.Write(chunk[:k])
		n -= k
	}
}

// ---- PDF ----

// pdfStream is a PDF stream object with the given dictionary entries.
func pdfStream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// pdfFile assembles a PDF whose object i+1 is objs[i], with a correct
// cross-reference table and object 1 as the catalog.
func pdfFile(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

const pdfFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// pdfOnePage is a one-page PDF with the given content stream object (its
// dictionary entries and data) and page dictionary extras.
func pdfOnePage(contentDict string, content []byte, pageExtra string) []byte {
	return pdfFile(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R "+pageExtra+" >>",
		pdfFont,
		pdfStream(contentDict, content),
	)
}

// pdfText is a valid one-page PDF that says text: the control of the
// generated PDFs.
func pdfText(text string) []byte {
	return pdfOnePage("", []byte("BT /F1 12 Tf 72 720 Td ("+text+") Tj ET"), "")
}

// pdfImageOnly is a one-page PDF whose page holds only an image: no text
// layer, it would need OCR.
func pdfImageOnly() []byte {
	return pdfFile(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
		pdfStream("", []byte("q 400 0 0 400 100 200 cm /Im1 Do Q")),
		pdfStream("/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8",
			[]byte{0, 255, 0, 255, 255, 0, 255, 0, 0, 255, 0, 255, 255, 0, 255, 0}),
	)
}

// pdfPages is a PDF of n pages sharing one content stream.
func pdfPages(n int) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", pdfFont,
		pdfStream("", []byte("BT /F1 12 Tf 72 720 Td (Page of a long document) Tj ET"))}
	var kids strings.Builder
	for i := range n {
		fmt.Fprintf(&kids, "%d 0 R ", 5+i)
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), n)
	return pdfFile(objs...)
}

// pdfDeflateBomb is a small PDF whose content stream inflates to n bytes.
func pdfDeflateBomb(n int) []byte {
	return pdfOnePage("/Filter /FlateDecode", zlibRepeat(" ", n), "")
}

// pdfManyOps is a PDF whose content stream draws n one-letter strings.
func pdfManyOps(n int) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	io.WriteString(w, "BT /F1 1 Tf 72 720 Td ")
	writeRepeat(w, "(a) Tj ", 7*n)
	io.WriteString(w, " ET")
	w.Close()
	return pdfOnePage("/Filter /FlateDecode", b.Bytes(), "")
}

// pdfDeepArray is a one-page PDF whose page dictionary holds arrays nested
// depth deep.
func pdfDeepArray(depth int) []byte {
	return pdfOnePage("", []byte("BT /F1 12 Tf 72 720 Td (deep) Tj ET"),
		"/Hostile "+strings.Repeat("[", depth)+strings.Repeat("]", depth))
}

// pdfPageTreeCycle is a PDF whose page tree is its own kid.
func pdfPageTreeCycle() []byte {
	return pdfFile(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
		"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
	)
}

// pdfXrefDamaged is data, a real PDF, with its cross-reference table and
// trailer overwritten: PDFium can only read it by repairing it.
func pdfXrefDamaged(data []byte) []byte {
	out := append([]byte(nil), data...)
	i := bytes.LastIndex(out, []byte("startxref"))
	if i < 0 {
		return corrupted(out)
	}
	x := bytes.LastIndex(out[:i], []byte("xref"))
	if x < 0 {
		x = i
	}
	for k := x; k < len(out)-6; k++ {
		out[k] = 'Z'
	}
	return out
}

// ---- zip and DOCX ----

// zipMember is one member of a generated zip.
type zipMember struct {
	name string
	data []byte
	// raw, when set, is the member's deflated data, written as is under
	// the declared uncompressed size and CRC-32 below (so that a header
	// can lie, and a large member need not be held in memory).
	raw  []byte
	size uint64
	crc  uint32
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

const docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:document ` + wordNS + `><w:body>`

const docxTail = `</w:body></w:document>`

// docxBody is a document.xml whose body is body (WordprocessingML).
func docxBody(body string) string { return docxHead + body + docxTail }

// docxPara is one paragraph of text.
func docxPara(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }

// zipFile writes the members as a zip.
func zipFile(members ...zipMember) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, m := range members {
		var w io.Writer
		var err error
		if m.raw != nil {
			w, err = zw.CreateRaw(&zip.FileHeader{Name: m.name, Method: zip.Deflate,
				CompressedSize64: uint64(len(m.raw)), UncompressedSize64: m.size, CRC32: m.crc})
			m.data = m.raw
		} else {
			w, err = zw.Create(m.name)
		}
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(m.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// docxWith is a DOCX whose word/document.xml is doc, with extra members.
func docxWith(doc zipMember, extra ...zipMember) ([]byte, error) {
	doc.name = "word/document.xml"
	ms := []zipMember{
		{name: "[Content_Types].xml", data: []byte(contentTypes)},
		{name: "_rels/.rels", data: []byte(rootRels)},
		doc,
	}
	return zipFile(append(ms, extra...)...)
}

// docxFile is a DOCX with the given document.xml.
func docxFile(document string, extra ...zipMember) ([]byte, error) {
	return docxWith(zipMember{data: []byte(document)}, extra...)
}

// deflatedMember is a raw member holding head, n bytes of unit repeated,
// then tail, deflated without holding them in memory; its header declares
// their true size.
func deflatedMember(name, head, unit, tail string, n int) zipMember {
	var b bytes.Buffer
	fw, _ := flate.NewWriter(&b, flate.BestCompression)
	h := crc32.NewIEEE()
	w := io.MultiWriter(fw, h)
	io.WriteString(w, head)
	writeRepeat(w, unit, n)
	io.WriteString(w, tail)
	fw.Close()
	return zipMember{name: name, raw: b.Bytes(), size: uint64(len(head) + n + len(tail)), crc: h.Sum32()}
}

// docxHugeText is a DOCX of paras paragraphs of about perPara bytes of
// text each.
func docxHugeText(paras, perPara int) ([]byte, error) {
	word := "cooperation "
	para := docxPara(strings.Repeat(word, perPara/len(word)))
	return docxWith(deflatedMember("", docxHead, para, docxTail, paras*len(para)))
}

// docxBomb is a DOCX whose document.xml inflates to n bytes, its header
// telling the truth.
func docxBomb(n int) ([]byte, error) {
	return docxWith(deflatedMember("", docxHead+"<w:p><w:r><w:t>", "a", "</w:t></w:r></w:p>"+docxTail, n))
}

// docxLyingHeader is a DOCX whose document.xml header declares 1 KiB but
// whose data inflates to n bytes.
func docxLyingHeader(n int) ([]byte, error) {
	m := deflatedMember("", docxHead+"<w:p><w:r><w:t>", "a", "</w:t></w:r></w:p>"+docxTail, n)
	m.size = 1 << 10
	return docxWith(m)
}

// docxManyParts is a DOCX of several members of n bytes each, each under
// the per-member limit, that together inflate past the archive limit.
func docxManyParts(members, n int) ([]byte, error) {
	var extra []zipMember
	m := deflatedMember("", "<x>", " ", "</x>", n)
	for i := range members {
		m.name = fmt.Sprintf("word/media/part%d.xml", i)
		extra = append(extra, m)
	}
	return docxWith(zipMember{data: []byte(docxBody(docxPara("text")))}, extra...)
}

// docxManyMembers is a DOCX of n small members.
func docxManyMembers(n int) ([]byte, error) {
	var extra []zipMember
	for i := range n {
		extra = append(extra, zipMember{name: fmt.Sprintf("customXml/item%d.xml", i), data: []byte("<x/>")})
	}
	return docxFile(docxBody(docxPara("Many members")), extra...)
}

// ---- XML formats ----

// xmlFormat wraps a payload (text with markup) as one unit of a TMX,
// XLIFF 1.2, XLIFF 2.0 or TBX file, after an optional DOCTYPE.
type xmlFormat struct {
	name, ext string
	root      string // the root element's name, for the DOCTYPE
	inline    string // an inline element of the format, for nesting
	wrap      func(payload string) string
}

var xmlFormats = []xmlFormat{
	{"tmx", ".tmx", "tmx", "hi", func(p string) string {
		return `<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="paragraph" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/><body>` +
			`<tu tuid="1"><tuv xml:lang="en"><seg>` + p + `</seg></tuv><tuv xml:lang="zh"><seg>互利合作</seg></tuv></tu></body></tmx>`
	}},
	{"xliff12", ".xlf", "xliff", "g", func(p string) string {
		return `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en" target-language="zh" datatype="plaintext"><body>` +
			`<trans-unit id="1"><source>` + p + `</source><target>互利合作</target></trans-unit></body></file></xliff>`
	}},
	{"xliff20", ".xlf", "xliff", "pc", func(p string) string {
		return `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh"><file id="f1">` +
			`<unit id="1"><segment><source>` + p + `</source><target>互利合作</target></segment></unit></file></xliff>`
	}},
	{"tbx", ".tbx", "martif", "hi", func(p string) string {
		return `<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader><text><body>` +
			`<termEntry id="c1"><langSet xml:lang="en"><tig><term>` + p + `</term></tig></langSet><langSet xml:lang="zh"><tig><term>互利合作</term></tig></langSet></termEntry></body></text></martif>`
	}},
}

const xmlDecl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// billionLaughs is the classic entity expansion: ten levels of ten
// references, 10^10 copies of "lol" once expanded.
func (f xmlFormat) billionLaughs() []byte {
	var b strings.Builder
	b.WriteString(xmlDecl + "<!DOCTYPE " + f.root + " [\n<!ENTITY l0 \"lol\">\n")
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&b, "<!ENTITY l%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&l%d;", i-1), 10))
	}
	b.WriteString("]>\n")
	b.WriteString(f.wrap("&l10;"))
	return []byte(b.String())
}

// externalEntity declares an entity whose text is /etc/passwd.
func (f xmlFormat) externalEntity() []byte {
	return []byte(xmlDecl + "<!DOCTYPE " + f.root + " [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + f.wrap("&xxe;"))
}

// deep nests the format's inline element n deep.
func (f xmlFormat) deep(n int) []byte {
	return []byte(xmlDecl + f.wrap(strings.Repeat("<"+f.inline+">", n)+"cooperation"+strings.Repeat("</"+f.inline+">", n)))
}

// valid is a well-formed file of the format with one unit.
func (f xmlFormat) valid() []byte { return []byte(xmlDecl + f.wrap("mutually beneficial cooperation")) }

// tmxOneLine is a TMX of n units written on a single line.
func tmxOneLine(n int) []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + `<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="paragraph" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/><body>`)
	for i := range n {
		fmt.Fprintf(&b, `<tu tuid="u%d"><tuv xml:lang="en"><seg>Promoting mutually beneficial cooperation in the field of human rights %d</seg></tuv><tuv xml:lang="zh"><seg>促进人权领域的合作共赢 %d</seg></tuv></tu>`, i, i, i)
	}
	b.WriteString(`</body></tmx>`)
	return b.Bytes()
}

// ---- Word 97-2003 ----

// cfbHostileFAT is data, a real .doc (a compound file), with its header
// claiming 2^31-1 FAT sectors.
func cfbHostileFAT(data []byte) []byte {
	out := append([]byte(nil), data...)
	if len(out) >= 0x30 {
		binary.LittleEndian.PutUint32(out[0x2C:], 0x7FFFFFFF)
	}
	return out
}

// cfbHostileSectorShift is data with its header claiming 2^30-byte sectors.
func cfbHostileSectorShift(data []byte) []byte {
	out := append([]byte(nil), data...)
	if len(out) >= 0x20 {
		binary.LittleEndian.PutUint16(out[0x1E:], 30)
	}
	return out
}

// cfbDirLoop is data with its first directory sector pointing at the
// header's own FAT chain start, so that chains loop.
func cfbDirLoop(data []byte) []byte {
	out := append([]byte(nil), data...)
	if len(out) >= 0x50 {
		// The first DIFAT entry (the first FAT sector) made the directory
		// start too: the FAT is read as directory entries and vice versa.
		copy(out[0x30:0x34], out[0x4C:0x50])
	}
	return out
}

// ---- helpers for files ----

// writeFileIn writes data to dir/name and returns the path.
func writeFileIn(dir, name string, data []byte) (string, error) {
	p := filepath.Join(dir, name)
	return p, os.WriteFile(p, data, 0o644)
}
