package htmltext_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract/htmltext"
	"github.com/driftcheck/driftcheck/internal/layoutcorpus"
)

// The autonum pages of the layout corpus number their paragraphs with
// @counter-style rules in a <style> element: each list item's label must
// be the one its source paragraph prints ("1 -", "(أ)", "(а)", "1．").
func TestLayoutCorpusListLabels(t *testing.T) {
	entries, err := layoutcorpus.Manifest(layoutcorpus.Dir())
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, e := range entries {
		if e.Producer != "html" || e.Layout != "autonum" {
			continue
		}
		files++
		name, _ := filepath.Rel(layoutcorpus.Dir(), e.File)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(e.File)
			if err != nil {
				t.Fatal(err)
			}
			ps, err := htmltext.Read(data, htmltext.Options{})
			if err != nil {
				t.Fatal(err)
			}
			truth, err := layoutcorpus.Truth(e.Source)
			if err != nil {
				t.Fatal(err)
			}
			page := strings.Split(string(data), "\n")
			body := string(data)
			if i := strings.Index(body, `class="footnotes"`); i >= 0 {
				body = body[:i]
			}
			wantItems := strings.Count(body, "<li")
			items, next := 0, 0
			for _, p := range ps {
				// An item's paragraph: its first LineStart is the li tag,
				// the next where its text starts after the label.
				if p.Note || len(p.Lines) < 2 {
					continue
				}
				at := p.Lines[0]
				if line := []rune(page[at.Line-1]); !strings.HasPrefix(string(line[at.Col-1:]), "<li") {
					continue
				}
				items++
				label := strings.TrimSpace(p.Text[:p.Lines[1].Off])
				text := layoutcorpus.Norm(p.Text[p.Lines[1].Off:])
				found := false
				for k := next; k < len(truth) && !found; k++ {
					src := layoutcorpus.Norm(truth[k].Text)
					if truth[k].Note || !strings.HasSuffix(src, text) {
						continue
					}
					found, next = true, k+1
					if want := strings.TrimSpace(src[:len(src)-len(text)]); layoutcorpus.Norm(label) != want {
						t.Errorf("item %q: label %q, want %q (source %q)", clip(text), label, want, clip(src))
					}
				}
				if !found {
					t.Errorf("item %q (label %q): no source paragraph ends with its text", clip(text), label)
				}
			}
			if items != wantItems {
				t.Errorf("%d list item paragraphs read, want %d", items, wantItems)
			}
		})
	}
	if files != 12 {
		t.Errorf("%d html autonum files in the manifest, want 12", files)
	}
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
