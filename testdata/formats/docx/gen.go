//go:build ignore

// gen.go writes the Word fixtures of testdata/formats. Run it by hand from
// the module root (tests never run it; its results are committed):
//
//	go run testdata/formats/docx/gen.go
//
// It needs LibreOffice (soffice) on PATH. For each founding-case text it
// writes a simple HTML file (one <p lang=..> per paragraph) and converts it
// with
//
//	soffice --headless --convert-to docx
//	soffice --headless --convert-to 'doc:MS Word 97'
//
// into testdata/formats/docx/NAME.docx and testdata/formats/doc/NAME.doc.
// It also writes, as raw WordprocessingML, tracked.docx (a Chinese paragraph
// with a tracked deletion of 合作共赢 and insertion of 互利合作, a moved
// run, a field, a 2x2 table, a footnote and an endnote) and notes.docx (the
// same without tracked changes), and converts notes.docx to notes.doc.
//
// No password-protected fixture is written: LibreOffice 7.4 ignores the
// EncryptFile/DocumentOpenPassword filter options of --convert-to, and a
// Basic macro calling storeToURL with Password or EncryptionData did not
// encrypt either. The tests build encrypted containers in memory instead
// (see encryptedOLE in the tests).
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/driftcheck/driftcheck/extract"
)

var sources = []struct{ path, name, lang string }{
	{"testdata/founding/L36.en.txt", "L36.en", "en"},
	{"testdata/founding/RES.zh.txt", "RES.zh", "zh"},
	{"testdata/founding/L36.zh.txt", "L36.zh", "zh"},
	{"testdata/languages/RES.excerpt.ar.txt", "RES.excerpt.ar", "ar"},
	{"testdata/languages/RES.excerpt.fr.txt", "RES.excerpt.fr", "fr"},
	{"testdata/languages/RES.excerpt.es.txt", "RES.excerpt.es", "es"},
	{"testdata/languages/RES.excerpt.ru.txt", "RES.excerpt.ru", "ru"},
	{"testdata/languages/L36.excerpt.ar.txt", "L36.excerpt.ar", "ar"},
	{"testdata/languages/L36.excerpt.fr.txt", "L36.excerpt.fr", "fr"},
	{"testdata/languages/L36.excerpt.es.txt", "L36.excerpt.es", "es"},
	{"testdata/languages/L36.excerpt.ru.txt", "L36.excerpt.ru", "ru"},
}

const (
	docxDir = "testdata/formats/docx"
	docDir  = "testdata/formats/doc"
)

func main() {
	tmp, err := os.MkdirTemp("", "driftcheck-gen")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	for _, s := range sources {
		data, err := os.ReadFile(s.path)
		if err != nil {
			log.Fatal(err)
		}
		var b strings.Builder
		dir := ""
		if s.lang == "ar" {
			dir = ` dir="rtl"`
		}
		fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=%q><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n", s.lang, s.name)
		for _, p := range extract.Split(string(data)) {
			fmt.Fprintf(&b, "<p lang=%q%s>%s</p>\n", s.lang, dir, html.EscapeString(strings.Join(strings.Fields(p.Text), " ")))
		}
		b.WriteString("</body></html>\n")
		src := filepath.Join(tmp, s.name+".html")
		if err := os.WriteFile(src, []byte(b.String()), 0o644); err != nil {
			log.Fatal(err)
		}
		convert(src, "docx:MS Word 2007 XML", docxDir, tmp)
		convert(src, "doc:MS Word 97", docDir, tmp)
	}

	writeDocx(filepath.Join(docxDir, "tracked.docx"), true)
	notes := filepath.Join(tmp, "notes.docx")
	writeDocx(notes, false)
	copyFile(notes, filepath.Join(docxDir, "notes.docx"))
	convert(notes, "doc:MS Word 97", docDir, tmp)

}

func copyFile(from, to string) {
	data, err := os.ReadFile(from)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		log.Fatal(err)
	}
}

// convert runs soffice on src and moves the result (same base name, the
// filter's extension) into dir.
func convert(src, filter, dir, tmp string) {
	ext := filter[:strings.IndexByte(filter, ':')]
	base := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	convertTo(src, filter, filepath.Join(tmp, "out-"+ext), filepath.Join(dir, base+"."+ext))
}

func convertTo(src, filter, outdir, dst string) {
	ext := filter[:strings.IndexByte(filter, ':')]
	cmd := exec.Command("soffice", "--headless", "--convert-to", filter, "--outdir", outdir, src)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("soffice %s: %v", src, err)
	}
	base := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	if err := os.Rename(filepath.Join(outdir, base+"."+ext), dst); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", dst)
}

const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// writeDocx writes a minimal WordprocessingML package by hand. With
// tracked, the second paragraph carries tracked changes.
func writeDocx(path string, tracked bool) {
	change := `<w:r><w:t xml:space="preserve">互利合作</w:t></w:r>`
	move := `<w:r><w:t>（移动）</w:t></w:r>`
	if tracked {
		change = `<w:del w:id="1" w:author="gen" w:date="2018-03-23T00:00:00Z"><w:r><w:delText>合作共赢</w:delText></w:r></w:del>` +
			`<w:ins w:id="2" w:author="gen" w:date="2018-03-23T00:00:00Z"><w:r><w:t>互利合作</w:t></w:r></w:ins>`
		move = `<w:moveFrom w:id="3" w:author="gen" w:date="2018-03-23T00:00:00Z"><w:r><w:t>（旧）</w:t></w:r></w:moveFrom>` +
			`<w:moveTo w:id="4" w:author="gen" w:date="2018-03-23T00:00:00Z"><w:r><w:t>（移动）</w:t></w:r></w:moveTo>`
	}
	zhRPr := `<w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>`
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + ns + `><w:body>
<w:p><w:r><w:t>Promoting mutually beneficial cooperation</w:t></w:r><w:r><w:tab/><w:t>in the field</w:t></w:r><w:r><w:br/><w:t>of human rights</w:t></w:r></w:p>
<w:p><w:r>` + zhRPr + `<w:t>1. 促进人权领域的</w:t></w:r>` + change + move + `<w:r>` + zhRPr + `<w:t>。</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://undocs.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>undocs</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> and A</w:t></w:r><w:r><w:noBreakHyphen/><w:t>HRC.</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>
<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>
<w:tr><w:tc><w:p><w:r><w:t>In favour</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>28</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Against</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>Adopted by a recorded vote.</w:t></w:r></w:p>
<w:sectPr/></w:body></w:document>`
	notes := func(kind string) string {
		k := strings.ToLower(kind[:1]) + kind[1:]
		return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:` + k + `s ` + ns + `>
<w:` + k + ` w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:` + k + `>
<w:` + k + ` w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:` + k + `>
<w:` + k + ` w:id="1"><w:p><w:r><w:` + k + `Ref/></w:r><w:r><w:t xml:space="preserve"> ` + map[string]string{"Footnote": "See A/HRC/37/L.36.", "Endnote": "Vote of 23 March 2018."}[kind] + `</w:t></w:r></w:p></w:` + k + `>
</w:` + k + `s>`
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + ns + `><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>`},
		{"word/document.xml", doc},
		{"word/footnotes.xml", notes("Footnote")},
		{"word/endnotes.xml", notes("Endnote")},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			log.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", path)
}
