package pdftext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract"
)

// streamOf returns where the data of object num's stream starts in data.
func streamOf(t *testing.T, data []byte, num int) int {
	t.Helper()
	k := bytes.Index(data, []byte(fmt.Sprintf("\n%d 0 obj", num)))
	s := bytes.Index(data[k:], []byte("stream\n"))
	if k < 0 || s < 0 {
		t.Fatalf("no stream object %d", num)
	}
	return k + s + len("stream\n")
}

// damaged is a real PDF damaged as files are: each case says how.
type damaged struct {
	name string
	data []byte
	what string // in the error
	// whole: read with AllowDamaged, the text is that of the file before
	// the damage (PDFium repaired it, or read the version before a cut
	// update); else some is lost.
	whole bool
}

// damages returns the damaged versions of L36.en.pdf (three pages; the
// content of page 1 is object 2, of page 2 object 5).
func damages(t *testing.T, good []byte) []damaged {
	var out []damaged
	edit := func(name, what string, whole bool, f func(b []byte) []byte) {
		out = append(out, damaged{name, f(bytes.Clone(good)), what, whole})
	}
	edit("an entry of the cross-reference table moved", "puts object 2 at byte 90", false, func(b []byte) []byte {
		i := bytes.Index(b, []byte("0000000019 00000 n"))
		copy(b[i:], "0000000090")
		return b
	})
	edit("100 bytes cut from the content of page 2", "compressed stream of object 5 is corrupt", false, func(b []byte) []byte {
		s := streamOf(t, b, 5)
		return append(b[:s+200], b[s+300:]...)
	})
	edit("bytes of the content of page 2 overwritten", "compressed stream of object 5 is corrupt", false, func(b []byte) []byte {
		s := streamOf(t, b, 5)
		copy(b[s+300:], bytes.Repeat([]byte{0x55}, 40))
		return b
	})
	edit("the content of page 2 cut short, the rest of the file kept", "compressed stream of object 5 is cut short", false, func(b []byte) []byte {
		s := streamOf(t, b, 5)
		e := s + bytes.Index(b[s:], []byte("\nendstream"))
		return append(b[:s+500], b[e:]...)
	})
	edit("startxref pointing nowhere", "cross-reference table was rebuilt", true, func(b []byte) []byte {
		i := bytes.LastIndex(b, []byte("startxref\n"))
		copy(b[i+len("startxref\n"):], "12345")
		return b
	})
	edit("cut short in an update", "ends inside an update", true, func(b []byte) []byte {
		// An update that gives page 1 new text, cut before its table:
		// PDFium reads the version before it.
		return append(b, "2 0 obj\n<</Length 39>>\nstream\nBT /F1 12 Tf 72 720 Td (Revised) Tj ET\nendstream\nendobj\n"...)
	})
	edit("a page object broken", "page 1 cannot be loaded", false, func(b []byte) []byte {
		i := bytes.Index(b, []byte("/Type/Page/"))
		copy(b[i:], "/Type/Pagx/")
		return b
	})
	return out
}

// TestDamaged: a damaged PDF is an error wrapping ErrCorrupt that says
// what is damaged; with AllowDamaged it is read as far as it can be, with
// a warning. Read quietly, each gave part of its text (or all of it, by
// luck): a page or two missing, and false paragraph-missing findings.
func TestDamaged(t *testing.T) {
	good := readFixture(t, "L36.en.pdf")
	want, err := Read(good, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range damages(t, good) {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := Read(tc.data, testOptions(t))
			if !errors.Is(err, extract.ErrCorrupt) || !strings.Contains(err.Error(), tc.what) || !strings.Contains(err.Error(), "--allow-damaged") {
				t.Fatalf("err = %v (%d paragraphs), want ErrCorrupt saying %q", err, len(ps), tc.what)
			}
			opt := testOptions(t)
			opt.AllowDamaged = true
			d, err := ReadDocument(tc.data, opt)
			if err != nil {
				t.Fatalf("AllowDamaged: %v", err)
			}
			if len(d.Warnings) == 0 || !strings.Contains(strings.Join(d.Warnings, "\n"), tc.what) {
				t.Errorf("AllowDamaged: warnings %q, want one saying %q", d.Warnings, tc.what)
			}
			for _, w := range d.Warnings {
				if strings.ContainsAny(w, "\r\n") {
					t.Errorf("warning on more than one line: %q", w)
				}
			}
			switch {
			case len(d.Paragraphs) == 0:
				t.Error("AllowDamaged: no text")
			case tc.whole && !equalTexts(d.Paragraphs, want):
				t.Errorf("AllowDamaged: %d paragraphs, want the %d of the file repaired", len(d.Paragraphs), len(want))
			case !tc.whole && len(d.Paragraphs) >= len(want):
				t.Errorf("AllowDamaged: %d paragraphs of %d: the damage lost nothing?", len(d.Paragraphs), len(want))
			}
		})
	}
	// The file as it is: no warning.
	opt := testOptions(t)
	opt.AllowDamaged = true
	if d, err := ReadDocument(good, opt); err != nil || len(d.Warnings) != 0 {
		t.Errorf("the undamaged file: err %v, warnings %q", err, d.Warnings)
	}
}

func equalTexts(a, b []extract.Paragraph) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Text != b[i].Text {
			return false
		}
	}
	return true
}

// toXrefStream rewrites a PDF whose cross-reference table is classic as
// one with a cross-reference stream (PDF 1.5) of the same entries, with
// the PNG Up predictor when png is set; move, if not nil, edits the
// offsets first.
func toXrefStream(t *testing.T, data []byte, png bool, move func(offs map[int]int)) []byte {
	t.Helper()
	m := regexp.MustCompile(`startxref\s+(\d+)`).FindAllSubmatch(data, -1)
	x, _ := strconv.Atoi(string(m[len(m)-1][1]))
	offs := map[int]int{}
	size := 0
	for _, e := range regexp.MustCompile(`(\d{10}) (\d{5}) ([nf])`).FindAllSubmatch(data[x:], -1) {
		if string(e[3]) == "n" {
			offs[size], _ = strconv.Atoi(string(e[1]))
		}
		size++
	}
	root := regexp.MustCompile(`/Root\s+\d+\s+\d+\s+R`).Find(data[x:])
	if move != nil {
		move(offs)
	}
	offs[size] = x // the stream's own object, where the table was
	var rows []byte
	prev := make([]byte, 7)
	for num := 0; num <= size; num++ {
		row := []byte{0, 0, 0, 0, 0, 0, 0}
		if at, ok := offs[num]; ok {
			row = []byte{1, byte(at >> 24), byte(at >> 16), byte(at >> 8), byte(at), 0, 0}
		}
		if png {
			rows = append(rows, 2)
			for i := range row {
				rows = append(rows, row[i]-prev[i])
			}
			prev = row
		} else {
			rows = append(rows, row...)
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(rows)
	zw.Close()
	parms := ""
	if png {
		parms = "/DecodeParms<</Predictor 12/Columns 7>>"
	}
	var b bytes.Buffer
	b.Write(data[:x])
	fmt.Fprintf(&b, "%d 0 obj\n<</Type/XRef/Size %d/W[1 4 2]%s/Filter/FlateDecode%s/Length %d>>\nstream\n", size, size+1, root, parms, z.Len())
	b.Write(z.Bytes())
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", x)
	return b.Bytes()
}

// TestXrefStream: the entries of a cross-reference stream are checked as
// those of a table: the file is read whole, and an entry that points
// where its object is not is damage.
func TestXrefStream(t *testing.T) {
	good := readFixture(t, "L36.en.pdf")
	want, err := Read(good, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, png := range []bool{false, true} {
		data := toXrefStream(t, good, png, nil)
		if got, err := Read(data, testOptions(t)); err != nil || !equalTexts(got, want) {
			t.Errorf("png %v: err %v, %d paragraphs, want %d", png, err, len(got), len(want))
		}
		data = toXrefStream(t, good, png, func(offs map[int]int) { offs[2] += 71 })
		if _, err := Read(data, testOptions(t)); !errors.Is(err, extract.ErrCorrupt) || !strings.Contains(err.Error(), "puts object 2 at byte 90") {
			t.Errorf("png %v, object 2 moved: err = %v, want ErrCorrupt for object 2", png, err)
		}
	}
}
