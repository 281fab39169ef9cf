//go:build ignore

// gen writes the HTML fixtures of this directory from the founding texts:
//
//	cd testdata/formats/html && go run gen.go
//
// Each page wraps the paragraphs (blank-line separated) of its source in a
// realistic page: a script and style in head, a site header, a nav menu,
// the text in main/article, a footer and a trailing script. The first
// paragraph of 60 runes or more is split by inline <span> and <a> elements; long paragraphs
// are hard-wrapped in the source (between two Han characters for Chinese,
// at a space otherwise) so that white-space collapsing is tested.
// RES.zh.html is in GB18030 (<meta charset="gb18030">) and L36.zh.html in
// GBK (declared by http-equiv Content-Type); the others are UTF-8.
package main

import (
	"fmt"
	"html"
	"log"
	"os"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"
)

type page struct {
	src, out, lang, charset string
	footnote                bool
}

var pages = []page{
	{"../../founding/L36.en.txt", "L36.en.html", "en", "", true},
	{"../../founding/RES.zh.txt", "RES.zh.html", "zh-Hans", "gb18030", false},
	{"../../founding/L36.zh.txt", "L36.zh.html", "zh-CN", "gbk", false},
}

func init() {
	for _, l := range []string{"ar", "fr", "es", "ru"} {
		for _, d := range []string{"RES", "L36"} {
			pages = append(pages, page{fmt.Sprintf("../../languages/%s.excerpt.%s.txt", d, l), fmt.Sprintf("%s.excerpt.%s.html", d, l), l, "", false})
		}
	}
}

func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// wrap breaks escaped text into source lines of about 70 runes.
func wrap(s string, han bool) string {
	rs := []rune(s)
	var b strings.Builder
	n := 0
	for i, r := range rs {
		if n >= 70 && i+1 < len(rs) {
			if han && unicode.Is(unicode.Han, r) && unicode.Is(unicode.Han, rs[i-1]) {
				b.WriteString("\n      ")
				n = 0
			} else if !han && r == ' ' {
				b.WriteString("\n      ")
				n = 0
				continue
			}
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

func main() {
	for _, p := range pages {
		data, err := os.ReadFile(p.src)
		if err != nil {
			log.Fatal(err)
		}
		han := strings.HasPrefix(p.lang, "zh")
		paras := paragraphs(string(data))
		var b strings.Builder
		dir := ""
		if p.lang == "ar" {
			dir = ` dir="rtl"`
		}
		fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\"%s>\n<head>\n", p.lang, dir)
		switch p.charset {
		case "":
			b.WriteString("<meta charset=\"utf-8\">\n")
		case "gb18030":
			b.WriteString("<meta charset=\"gb18030\">\n")
		case "gbk":
			b.WriteString("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">\n")
		}
		fmt.Fprintf(&b, "<title>%s | Official Document System</title>\n", html.EscapeString(paras[0]))
		b.WriteString("<style>\nbody { font-family: serif; } .hl { color: #036; } nav li { display: inline; }\n</style>\n")
		b.WriteString("<script>\n  var menu = \"Home | Documents | Search\"; if (a < b && b > c) { track('page'); }\n</script>\n</head>\n<body>\n")
		b.WriteString("<header>\n  <div class=\"site-name\">Official Document System of the United Nations</div>\n</header>\n")
		b.WriteString("<nav>\n  <ul>\n    <li><a href=\"/\">Home</a></li>\n    <li><a href=\"/search\">Search documents</a></li>\n    <li><a href=\"/help\">Help</a></li>\n  </ul>\n</nav>\n")
		b.WriteString("<main>\n<article>\n<!-- document body -->\n")
		split := -1
		for i, para := range paras {
			if split < 0 && len([]rune(para)) >= 60 {
				split = i
			}
		}
		for i, para := range paras {
			tag := "p"
			if i == 0 {
				tag = "h1"
			}
			text := html.EscapeString(para)
			if i == split {
				// Split by inline elements at rune boundaries.
				rs := []rune(para)
				k, m := len(rs)/3, 2*len(rs)/3
				text = html.EscapeString(string(rs[:k])) + `<span class="hl">` + html.EscapeString(string(rs[k:m])) +
					`</span><a href="#op1"><em>` + html.EscapeString(string(rs[m:])) + "</em></a>"
			} else {
				text = wrap(text, han)
			}
			fmt.Fprintf(&b, "<%s>%s</%s>\n", tag, text, tag)
		}
		if p.footnote {
			b.WriteString("<div role=\"doc-endnote\" class=\"footnote\"><sup>*</sup> Reissued for technical reasons on 21 March 2018.</div>\n")
		}
		b.WriteString("</article>\n</main>\n<footer>\n  <p>&copy; United Nations 2018. <a href=\"/terms\">Terms of use</a></p>\n</footer>\n")
		b.WriteString("<script>document.write(\"tracking pixel\");</script>\n</body>\n</html>\n")
		out := []byte(b.String())
		switch p.charset {
		case "gb18030":
			out, err = simplifiedchinese.GB18030.NewEncoder().Bytes(out)
		case "gbk":
			out, err = simplifiedchinese.GBK.NewEncoder().Bytes(out)
		}
		if err != nil {
			log.Fatal(p.out, err)
		}
		if err := os.WriteFile(p.out, out, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
