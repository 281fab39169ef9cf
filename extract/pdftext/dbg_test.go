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

func TestDbgRTL(t *testing.T) {
	data, _ := os.ReadFile(os.Getenv("DBG_PDF"))
	e, _ := getEngine(testOptions(t).CacheDir)
	pages, _ := e.readPages(data, DefaultMaxPages)
	debugRTL = func(cl []cluster, min float64) {
		var b strings.Builder
		for _, c := range cl {
			b.WriteString(string(c.runes))
		}
		if !strings.Contains(b.String(), os.Getenv("DBG_TEXT")) {
			return
		}
		fmt.Printf("min=%.2f\n", min)
		for i, c := range cl {
			g := 0.0
			if i > 0 {
				g = cl[i-1].left - c.right
			}
			fmt.Printf("  %q idx=%d [%.1f %.1f] gap=%.1f\n", string(c.runes), c.idx, c.left, c.right, g)
		}
	}
	defer func() { debugRTL = nil }()
	for i, p := range pages {
		buildLines(i, p)
	}
}
