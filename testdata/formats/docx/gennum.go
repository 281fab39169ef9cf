//go:build ignore

// gennum.go writes the Word fixtures with automatic numbering,
// testdata/formats/docx/numbered.{en,ar,ru}.docx. Run it by hand from the
// module root (tests never run it; its results are committed):
//
//	go run testdata/formats/docx/gennum.go
//
// It needs LibreOffice (soffice) on PATH (made with LibreOffice 7.4). For
// each language it writes a small resolution as flat OpenDocument (.fodt)
// whose operative paragraphs are a real list — level 1 "1." (Arabic
// "1 -"), level 2 "(a)" (Arabic abjad "(أ)", Russian "(а)"), level 3
// "(i)" — and converts it with
//
//	soffice --headless --convert-to 'docx:MS Word 2007 XML'
//
// so that the numbers exist only as w:numPr and word/numbering.xml, never
// as text. The English text ends with a second list that restarts at 1
// (LibreOffice writes a w:num with a w:startOverride for its first item
// and a plain w:num of the same abstractNum for the next ones). It also
// prints LibreOffice's own plain-text rendering of each file
// (--convert-to txt), to compare with what extract/docx reads; LibreOffice
// writes abjad letters as ا and ه where Word (and extract/docx) writes أ
// and هـ.
package main

import (
	"fmt"
	"html"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// item is one paragraph: level 0 is not in a list; 1…3 are list levels.
type item struct {
	level int
	text  string
}

type doc struct {
	name      string
	lang      string // fo:language or style:language-complex
	country   string
	rtl       bool
	listStyle string // the text:list-style element
	parts     [][]item
	restart   []bool // parts[i] is a list restarting at 1
}

const listEN = `<text:list-style style:name="L1">
 <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
 <text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/>
 <text:list-level-style-number text:level="3" style:num-prefix="(" style:num-suffix=")" style:num-format="i"/>
</text:list-style>`

const listAR = `<text:list-style style:name="L1">
 <text:list-level-style-number text:level="1" style:num-suffix=" -" style:num-format="1"/>
 <text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="ا, ب, ج, ..."/>
</text:list-style>`

const listRU = `<text:list-style style:name="L1">
 <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
 <text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="а, б, .., аа, аб, ... (ru)"/>
</text:list-style>`

var docs = []doc{
	{
		name: "numbered.en", lang: "en", country: "GB", listStyle: listEN,
		parts: [][]item{
			{{0, "A/RES/99/1"}, {0, "The General Assembly,"}, {0, "Recalling its resolution 70/1 of 25 September 2015,"}, {0, "Noting with appreciation the report of the Secretary-General,"}},
			{
				{1, "Decides to convene a high-level meeting;"},
				{1, "Requests the Secretary-General:"},
				{2, "To submit a report;"},
				{2, "To consult Member States on:"},
				{3, "The scope of the meeting;"},
				{3, "The modalities of the meeting;"},
				{2, "To report back;"},
				{1, "Invites Member States to participate;"},
				{1, "Decides to remain seized of the matter."},
			},
			{{0, "Annex"}, {0, "Modalities of the meeting"}},
			{
				{1, "The meeting shall be held in New York."},
				{1, "The meeting shall consist of a plenary."},
			},
		},
		restart: []bool{false, false, false, true},
	},
	{
		name: "numbered.ar", lang: "ar", country: "SA", rtl: true, listStyle: listAR,
		parts: [][]item{
			{{0, "A/RES/99/1"}, {0, "إن الجمعية العامة،"}, {0, "إذ تشير إلى قرارها 70/1 المؤرخ 25 أيلول/سبتمبر 2015،"}},
			{
				{1, "تقرر عقد اجتماع رفيع المستوى؛"},
				{1, "تطلب إلى الأمين العام:"},
				{2, "أن يقدم تقريرا؛"},
				{2, "أن يتشاور مع الدول الأعضاء؛"},
				{2, "أن يعد مشروع برنامج؛"},
				{2, "أن ينشئ صندوقا استئمانيا؛"},
				{2, "أن يقدم تقريرا عن ذلك؛"},
				{1, "تقرر أن تبقي المسألة قيد نظرها."},
			},
		},
	},
	{
		name: "numbered.ru", lang: "ru", country: "RU", listStyle: listRU,
		parts: [][]item{
			{{0, "A/RES/99/1"}, {0, "Генеральная Ассамблея,"}, {0, "ссылаясь на свою резолюцию 70/1 от 25 сентября 2015 года,"}},
			{
				{1, "постановляет созвать совещание высокого уровня;"},
				{1, "просит Генерального секретаря:"},
				{2, "представить доклад;"},
				{2, "провести консультации;"},
				{2, "подготовить программу;"},
				{2, "учредить целевой фонд;"},
				{2, "назначить координатора;"},
				{2, "обеспечить письменный перевод;"},
				{2, "сотрудничать с учреждениями;"},
				{2, "оказывать поддержку;"},
				{2, "информировать государства;"},
				{2, "представить доклад об этом;"},
				{1, "постановляет продолжать заниматься этим вопросом."},
			},
		},
	},
}

const dir = "testdata/formats/docx"

func main() {
	tmp, err := os.MkdirTemp("", "driftcheck-gennum")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	for _, d := range docs {
		src := filepath.Join(tmp, d.name+".fodt")
		if err := os.WriteFile(src, []byte(fodt(d)), 0o644); err != nil {
			log.Fatal(err)
		}
		run(src, "docx:MS Word 2007 XML", tmp)
		if err := os.Rename(filepath.Join(tmp, d.name+".docx"), filepath.Join(dir, d.name+".docx")); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", filepath.Join(dir, d.name+".docx"))
		run(src, "txt:Text (encoded):UTF8", tmp)
		txt, err := os.ReadFile(filepath.Join(tmp, d.name+".txt"))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("LibreOffice's text of %s:\n%s\n", d.name, txt)
	}
}

func run(src, filter, outdir string) {
	cmd := exec.Command("soffice", "--headless", "--convert-to", filter, "--outdir", outdir, src)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("soffice %s: %v", src, err)
	}
}

func fodt(d doc) string {
	var b strings.Builder
	textProps := fmt.Sprintf(`fo:language=%q fo:country=%q`, d.lang, d.country)
	paraProps := ""
	if d.rtl {
		textProps = fmt.Sprintf(`style:language-complex=%q style:country-complex=%q`, d.lang, d.country)
		paraProps = `<style:paragraph-properties fo:text-align="end" style:writing-mode="rl-tb"/>`
	}
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles><style:style style:name="Standard" style:family="paragraph">%s<style:text-properties %s/></style:style></office:styles>
<office:automatic-styles>%s</office:automatic-styles>
<office:body><office:text>
`, paraProps, textProps, d.listStyle)
	for i, part := range d.parts {
		if part[0].level == 0 {
			for _, it := range part {
				fmt.Fprintf(&b, "<text:p text:style-name=\"Standard\">%s</text:p>\n", html.EscapeString(it.text))
			}
			continue
		}
		list(&b, part, i < len(d.restart) && d.restart[i])
	}
	b.WriteString("</office:text></office:body></office:document>\n")
	return b.String()
}

// list writes items as one text:list, nesting a text:list inside the open
// item for each deeper level.
func list(b *strings.Builder, items []item, restart bool) {
	depth := 0
	var open [10]bool
	first := true
	for _, it := range items {
		for depth < it.level {
			if depth == 0 {
				b.WriteString(`<text:list text:style-name="L1">`)
			} else {
				b.WriteString("<text:list>")
			}
			depth++
			open[depth] = false
		}
		for depth > it.level {
			if open[depth] {
				b.WriteString("</text:list-item>")
			}
			b.WriteString("</text:list>")
			depth--
		}
		if open[depth] {
			b.WriteString("</text:list-item>")
		}
		start := ""
		if first && restart {
			start = ` text:start-value="1"`
		}
		first = false
		fmt.Fprintf(b, "\n<text:list-item%s><text:p text:style-name=\"Standard\">%s</text:p>", start, html.EscapeString(it.text))
		open[depth] = true
	}
	for ; depth > 0; depth-- {
		if open[depth] {
			b.WriteString("</text:list-item>")
		}
		b.WriteString("</text:list>")
	}
	b.WriteString("\n")
}
