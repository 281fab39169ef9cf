package pdftext

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/internal/layoutcorpus"
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
	debugFont = func(name string, bold bool) { fmt.Printf("font %q bold=%v\n", name, bold) }
	pages, err := e.readPages(data, DefaultMaxPages)
	debugFont = nil
	if err != nil {
		t.Fatal(err)
	}
	debugGutter = func(page int, g gutter) {
		fmt.Printf("gutter on page %d at x=%.1f, baselines %.1f–%.1f\n", page+1, g.x, g.lo, g.hi)
	}
	defer func() { debugGutter = nil }()
	for i, p := range pages {
		fmt.Printf("== page %d (%.1f x %.1f)\n", i+1, p.w, p.h)
		if os.Getenv("PDFTEXT_DUMP_CHARS") != "" {
			for k, c := range p.chars {
				fmt.Printf("%4d %q gen=%v box=[%.1f %.1f %.1f %.1f] o=(%.1f %.1f) size=%.1f bold=%v\n", k, c.r, c.gen, c.left, c.right, c.bottom, c.top, c.x, c.y, c.size, c.bold)
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

// TestTruthTrace prints, for the corpus PDF named by $PDFTEXT_TRUTH (a
// path under testdata/layout), each body line with the break decision and
// whether its source breaks there: "!!" marks a disagreement.
func TestTruthTrace(t *testing.T) {
	path := os.Getenv("PDFTEXT_TRUTH")
	if path == "" {
		t.Skip("set PDFTEXT_TRUTH=testdata/layout/…pdf to compare its breaks with its source")
	}
	entries, err := layoutcorpus.Manifest(layoutcorpus.Dir())
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(filepath.Join(repoRoot(), path))
	var src string
	for _, e := range entries {
		if e.File == abs {
			src = e.Source
		}
	}
	if src == "" {
		t.Fatalf("%s is not in the manifest", abs)
	}
	truth, err := layoutcorpus.Truth(src)
	if err != nil {
		t.Fatal(err)
	}
	// The source as one stream of words, with the offsets where its body
	// paragraphs start.
	var stream strings.Builder
	starts := map[int]bool{}
	for _, p := range truth {
		if p.Note {
			continue
		}
		starts[stream.Len()] = true
		stream.WriteString(strings.ReplaceAll(layoutcorpus.Norm(p.Text), " ", ""))
	}
	text := stream.String()
	data, err := os.ReadFile(abs)
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
	cursor := 0
	traceBreaks = func(l *line, why, detail string) {
		key := strings.ReplaceAll(layoutcorpus.Norm(l.text), " ", "")
		mark := "?"
		if i := strings.Index(text[cursor:], key); key != "" && i >= 0 && i < 400 {
			brk := false
			for k := cursor; k <= cursor+i; k++ {
				brk = brk || starts[k]
			}
			cursor += i + len(key)
			switch {
			case brk == (why != ""):
				mark = ""
			case brk:
				mark = "!! missed"
			default:
				mark = "!! extra"
			}
		}
		fmt.Printf("%-10s %-10s| %-45s| %.70q\n", mark, why, detail, l.text)
	}
	defer func() { traceBreaks = nil }()
	layout(pages)
}
