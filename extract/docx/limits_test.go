package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract"
)

// streamDoc returns a DOCX whose word/document.xml is head, then body n
// times, then tail, deflated as it is written (the document is never held
// whole).
func streamDoc(t testing.TB, head, body string, n int, tail string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><w:document `+wns+`><w:body>`+head)
	for range n {
		io.WriteString(w, body)
	}
	io.WriteString(w, tail)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// brokenTail ends a document with malformed XML: a reader that got there
// would report ErrCorrupt, so ErrLimit shows that it stopped before.
const brokenTail = `<w:p><w:r></w:p></w:document>`

// TestTextBomb: a small DOCX holding more text than the character limit,
// in ordinary paragraphs, within the decompressed-size limit, is refused
// with ErrLimit as soon as the limit is passed.
func TestTextBomb(t *testing.T) {
	para := `<w:p><w:r><w:t>` + strings.Repeat("lorem ipsum ", 100) + `</w:t></w:r></w:p>` // 1200 characters
	n := extract.DefaultMaxChars/1200 + 2
	data := streamDoc(t, "", para, n, brokenTail)
	if len(data) > 1<<20 {
		t.Fatalf("the bomb is %d bytes, meant to be small", len(data))
	}
	_, err := Read(data, Options{})
	if !errors.Is(err, extract.ErrLimit) || !strings.Contains(err.Error(), "characters") {
		t.Fatalf("err = %v, want ErrLimit naming the character limit", err)
	}
	t.Log(err)
}

// TestLongTextNode: one w:t longer than the character limit is refused
// while it is decompressed, before encoding/xml holds it whole.
func TestLongTextNode(t *testing.T) {
	data := streamDoc(t, `<w:p><w:r><w:t>`, strings.Repeat("a", 1<<16), extract.DefaultMaxChars>>16+1, brokenTail)
	_, err := Read(data, Options{})
	if !errors.Is(err, extract.ErrLimit) || !strings.Contains(err.Error(), "without markup") {
		t.Fatalf("err = %v, want ErrLimit for a text node over the character limit", err)
	}
	t.Log(err)
}

// TestLimits: the limits are counted over paragraphs, tabs, list labels
// and notes, and a text at the limit is read.
func TestLimits(t *testing.T) {
	p := func(s string) string { return `<w:p><w:r><w:t>` + s + `</w:t></w:r></w:p>` }
	for _, tc := range []struct {
		name  string
		parts []part
		lim   extract.Limits
		ok    bool
	}{
		{"10 characters, limit 10", []part{doc(p("12345") + p("67890"))}, extract.Limits{MaxChars: 10}, true},
		{"11 characters, limit 10", []part{doc(p("12345") + p("678901"))}, extract.Limits{MaxChars: 10}, false},
		{"a tab counts", []part{doc(p("12345") + `<w:p><w:r><w:t>6789</w:t><w:tab/><w:t>0</w:t></w:r></w:p>`)}, extract.Limits{MaxChars: 10}, false},
		{"a label counts", []part{doc(np(1, 0, "123456789")), numberingPart(abs(0, lvl(0, "decimal", "%1.")) + num(1, 0))}, extract.Limits{MaxChars: 10}, false},
		{"a note counts", []part{
			doc(`<w:p><w:r><w:t>12345</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`),
			footnotesPart(`<w:footnote w:id="1">` + p("678901") + `</w:footnote>`),
		}, extract.Limits{MaxChars: 10}, false},
		{"3 paragraphs, limit 3", []part{doc(p("a") + p("b") + `<w:p/>` + p("c"))}, extract.Limits{MaxParagraphs: 3}, true},
		{"4 paragraphs, limit 3", []part{doc(p("a") + p("b") + p("c") + p("d"))}, extract.Limits{MaxParagraphs: 3}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := Read(makeZip(t, tc.parts...), Options{Limits: tc.lim})
			switch {
			case tc.ok && err != nil:
				t.Fatalf("err = %v, want the text", err)
			case !tc.ok && !errors.Is(err, extract.ErrLimit):
				t.Fatalf("err = %v (%d paragraphs), want ErrLimit", err, len(ps))
			}
		})
	}
}
