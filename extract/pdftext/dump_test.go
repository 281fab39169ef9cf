package pdftext

import (
	"fmt"
	"os"
	"testing"
)

// TestDump prints the characters or lines PDFium gives for the PDF named
// by $PDFTEXT_DUMP ($PDFTEXT_DUMP_CHARS=1 for characters), for debugging
// layouts by hand. It is skipped otherwise.
func TestDump(t *testing.T) {
	path := os.Getenv("PDFTEXT_DUMP")
	if path == "" {
		t.Skip("set PDFTEXT_DUMP=file.pdf to print its lines")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	e, err := getEngine(testOptions(t).CacheDir)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := e.readPages(data, DefaultMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pages {
		fmt.Printf("== page %d (%.1f x %.1f)\n", i+1, p.w, p.h)
		if os.Getenv("PDFTEXT_DUMP_CHARS") != "" {
			for k, c := range p.chars {
				fmt.Printf("%4d %q gen=%v box=[%.1f %.1f %.1f %.1f] o=(%.1f %.1f) size=%.1f\n", k, c.r, c.gen, c.left, c.right, c.bottom, c.top, c.x, c.y, c.size)
			}
			continue
		}
		for _, l := range buildLines(i, p) {
			fmt.Printf("base=%6.1f size=%4.1f x=[%6.1f %6.1f] %q\n", l.base, l.size, l.minX, l.maxX, l.text)
		}
	}
	traceBreaks = func(l *line, why, detail string) { fmt.Printf("  %-10s| %-45s| %.60q\n", why, detail, l.text) }
	defer func() { traceBreaks = nil }()
	for _, p := range layout(pages) {
		fmt.Printf("P%d note=%v %q\n", p.Page, p.Note, p.Text)
	}
}
