package htmltext

import (
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
)

// refPos is the position of byte off of doc by the definition: lines end
// at LF, CR LF or a lone CR; the column counts runes from the line start.
func refPos(doc string, off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		switch {
		case doc[i] == '\n', doc[i] == '\r' && (i+1 >= len(doc) || doc[i+1] != '\n'):
			line, start = line+1, i+1
		}
	}
	return line, 1 + utf8.RuneCountInString(doc[start:off])
}

// TestPos: pos gives the line and column of the definition for offsets
// asked in order, and again after an earlier one.
func TestPos(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"a", "é", "促", "\n", "\r", "\r\n", " ", "<b>", "&amp;"}
	var b strings.Builder
	for range 2000 {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	doc := b.String()
	r := &reader{doc: doc, at: cursor{line: 1, col: 1}}
	var offs []int
	for off := 0; off < len(doc); off++ { // the reader asks at rune starts
		if utf8.RuneStart(doc[off]) && rng.Intn(4) == 0 {
			offs = append(offs, off)
		}
	}
	offs = append(offs, len(doc), offs[len(offs)/2], 3, len(doc)) // backwards, then on
	for _, off := range offs {
		gl, gc := r.pos(off)
		wl, wc := refPos(doc, off)
		if gl != wl || gc != wc {
			t.Fatalf("pos(%d) = %d:%d, want %d:%d", off, gl, gc, wl, wc)
		}
	}
}

// longLine is a page of one line holding n inline elements.
func longLine(n int) []byte {
	return []byte("<p>" + strings.Repeat("<b>x</b> ", n))
}

// TestPosLinear: positions on one long line cost one pass over it, not a
// walk from the line start for every element (which made such a page
// quadratic: 60 MB took more than two minutes).
func TestPosLinear(t *testing.T) {
	data := longLine(20000)
	r := &reader{doc: string(data), maxDepth: 512, at: cursor{line: 1, col: 1}, open: map[string][]int{}}
	if err := r.run(); err != nil {
		t.Fatal(err)
	}
	if r.walked > len(data) {
		t.Errorf("pos walked %d bytes of a %d-byte page", r.walked, len(data))
	}
	ps := r.result()
	if len(ps) != 1 || len(ps[0].Lines) != 1 || ps[0].Lines[0] != (extract.LineStart{Off: 0, Line: 1, Col: 7}) {
		t.Fatalf("got %d paragraphs, Lines %+v", len(ps), ps[0].Lines)
	}
}

// BenchmarkLongLine reads a page of one line at two sizes: the time per
// element stays flat (it grew with the line before).
func BenchmarkLongLine(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		data := longLine(n)
		b.Run(fmt.Sprintf("elements=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for range b.N {
				if _, err := Read(data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/element")
		})
	}
}

// BenchmarkDeepStack reads pages whose tags each made the reader walk the
// 500 open elements under them (stray end tags, self-closed p, items of
// no list), at two sizes: the time per tag stays flat.
func BenchmarkDeepStack(b *testing.B) {
	deep := strings.Repeat("<div>", 500)
	for _, tc := range []struct{ name, tag string }{{"end tags", "</b>x"}, {"self-closed p", "x<p/>"}, {"items of no list", "<li/>x"}} {
		for _, n := range []int{10000, 100000} {
			data := []byte(deep + strings.Repeat(tc.tag, n))
			b.Run(fmt.Sprintf("%s/tags=%d", tc.name, n), func(b *testing.B) {
				for range b.N {
					Read(data, Options{})
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/tag")
			})
		}
	}
}

// refClosing is what end tag tag closes by the definition: walking the
// stack down, the first element of that tag, unless a table cell or
// table comes first (for tags other than those of rows and tables).
func refClosing(stack []elem, tag string) (int, bool) {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].tag == tag {
			return i, false
		}
		if t := stack[i].tag; (t == "td" || t == "th" || t == "table") && !slices.Contains([]string{"tr", "table", "tbody", "thead", "tfoot"}, tag) {
			return -1, true
		}
	}
	return -1, false
}

// refImplied is the element a start tag ends by the definition: walking
// the stack down, the first of ends, unless one of stops comes first.
func refImplied(stack []elem, ends, stops []string) int {
	for i := len(stack) - 1; i >= 0; i-- {
		if slices.Contains(ends, stack[i].tag) {
			return i
		}
		if slices.Contains(stops, stack[i].tag) {
			return -1
		}
	}
	return -1
}

// TestOpenIndex: the index of open elements finds what walking the stack
// finds, for random stacks.
func TestOpenIndex(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	tags := []string{"td", "th", "table", "tr", "tbody", "b", "div", "p", "li", "ul", "ol", "dd", "dt", "body", "button", "span"}
	for trial := range 2000 {
		r := &reader{open: map[string][]int{}}
		for range rng.Intn(12) {
			r.push(elem{tag: tags[rng.Intn(len(tags))]})
		}
		for range rng.Intn(4) { // pops keep the index right
			if len(r.stack) > 0 {
				r.pop()
			}
		}
		var names []string
		for _, e := range r.stack {
			names = append(names, e.tag)
		}
		for _, tag := range tags {
			gi, gf := r.closing(tag)
			wi, wf := refClosing(r.stack, tag)
			if gi != wi || gf != wf {
				t.Fatalf("trial %d: stack %v, </%s>: closing = %d %v, want %d %v", trial, names, tag, gi, gf, wi, wf)
			}
			im, ok := implied[tag]
			if !ok {
				continue
			}
			if g, w := r.implied(im.ends, im.stops), refImplied(r.stack, im.ends, im.stops); g != w {
				t.Fatalf("trial %d: stack %v, <%s>: implied = %d, want %d", trial, names, tag, g, w)
			}
		}
		pStops := []string{"td", "th", "li", "dd", "dt", "table", "button", "body"}
		if g, w := r.implied([]string{"p"}, pStops), refImplied(r.stack, []string{"p"}, pStops); g != w {
			t.Fatalf("trial %d: stack %v, a block ending p: implied = %d, want %d", trial, names, g, w)
		}
	}
}

// TestHTMLLimits: the text of a page, list labels and the marks of notes
// included, and its paragraphs are counted against the limits.
func TestHTMLLimits(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		lim        extract.Limits
		ok         bool
	}{
		{"10 characters, limit 10", "<p>12345<p>67890", extract.Limits{MaxChars: 10}, true},
		{"11 characters, limit 10", "<p>12345<p>678901", extract.Limits{MaxChars: 10}, false},
		{"a label counts", "<ol><li>123456789</ol>", extract.Limits{MaxChars: 10}, false},
		{"a note's mark counts", `<p>x<p><a href="#fnref1">` + strings.Repeat("1", 20) + `</a> y`, extract.Limits{MaxChars: 10}, false},
		{"3 paragraphs, limit 3", "<p>a<p>b<p> <p>c", extract.Limits{MaxParagraphs: 3}, true},
		{"4 paragraphs, limit 3", "<p>a<p>b<p>c<p>d", extract.Limits{MaxParagraphs: 3}, false},
		{"characters over the default", "<p>" + strings.Repeat("lorem ipsum ", extract.DefaultMaxChars/12+1), extract.Limits{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := Read([]byte(tc.page), Options{Limits: tc.lim})
			switch {
			case tc.ok && err != nil:
				t.Fatalf("err = %v, want the text", err)
			case !tc.ok && !errors.Is(err, extract.ErrLimit):
				t.Fatalf("err = %v (%d paragraphs), want ErrLimit", err, len(ps))
			}
		})
	}
}
