package pdftext

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgLocal(t *testing.T) {
	data, _ := os.ReadFile(os.Getenv("DBG_PDF"))
	e, _ := getEngine(testOptions(t).CacheDir)
	pages, _ := e.readPages(data, DefaultMaxPages)
	var all []*line
	for i, p := range pages {
		all = append(all, buildLines(i, p)...)
	}
	dropFurniture([][]*line{all})
	var body []*line
	for _, l := range all {
		if !l.dropped {
			body = append(body, l)
		}
	}
	m := newModel(body)
	m.measureLocal(body)
	for i, l := range body {
		if i > 0 && strings.Contains(l.text, os.Getenv("DBG_TEXT")) {
			for j := max(1, i-4); j <= i+4 && j < len(body); j++ {
				a, b := body[j-1], body[j]
				fmt.Printf("%d %.30q -> %.30q gap=%.1f early=%v col=%d/%d\n", j, a.text, b.text, a.base-b.base, m.endedEarly(a, b), a.col, b.col)
			}
			fmt.Println("local", m.local[l], "global", m.pitch(l.size))
		}
	}
}
