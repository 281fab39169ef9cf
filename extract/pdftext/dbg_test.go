package pdftext

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgLine(t *testing.T) {
	data, _ := os.ReadFile(os.Getenv("DBG_PDF"))
	e, _ := getEngine(testOptions(t).CacheDir)
	pages, _ := e.readPages(data, DefaultMaxPages)
	for i, p := range pages {
		for _, l := range buildLines(i, p) {
			if strings.Contains(l.text, os.Getenv("DBG_TEXT")) {
				fmt.Printf("%q rtl=%v\n", l.text, l.rtl)
				for k, c := range l.glyphs {
					fmt.Printf("  g %d idx=%d %q [%.1f %.1f]\n", k, l.gpos[k], c.r, c.left, c.right)
				}
				for k, c := range l.spaces {
					fmt.Printf("  s idx=%d [%.1f %.1f] gen=%v\n", l.spos[k], c.left, c.right, c.gen)
				}
			}
		}
	}
}
