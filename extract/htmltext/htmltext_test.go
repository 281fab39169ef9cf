package htmltext_test

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/extract/htmltext"
	xt "github.com/driftcheck/driftcheck/extract/internal/extracttest"
)

var spaces = regexp.MustCompile(`[ \t]+`)

func TestReadFixtures(t *testing.T) {
	chrome := []string{"Official Document System", "Home", "Search documents", "Help", "track", "tracking", "Terms of use", "font-family", "document body"}
	for _, f := range xt.Fixtures {
		t.Run(f.Name, func(t *testing.T) {
			ps, err := htmltext.Read(xt.Load(t, "formats/html/"+f.Name+".html"), htmltext.Options{})
			if err != nil {
				t.Fatal(err)
			}
			src, err := extract.Text(xt.Load(t, f.Src))
			if err != nil {
				t.Fatal(err)
			}
			var want, got []string
			for _, p := range src {
				want = append(want, spaces.ReplaceAllString(p.Text, " "))
			}
			for _, p := range ps {
				if p.Note {
					continue
				}
				got = append(got, p.Text)
				if p.Lang != f.Lang {
					t.Errorf("paragraph %.40q: Lang %q, want %q", p.Text, p.Lang, f.Lang)
				}
				if len(p.Lines) == 0 || p.Lines[0].Off != 0 || p.Lines[0].Line < 20 {
					t.Errorf("paragraph %.40q: Lines %+v, want a first line in the page body", p.Text, p.Lines)
				}
			}
			if !reflect.DeepEqual(got, want) {
				for i := range max(len(got), len(want)) {
					var g, w string
					if i < len(got) {
						g = got[i]
					}
					if i < len(want) {
						w = want[i]
					}
					if g != w {
						t.Errorf("paragraph %d:\n got %q\nwant %q", i, g, w)
						break
					}
				}
				t.Fatalf("%d paragraphs, want %d", len(got), len(want))
			}
			for _, p := range ps {
				for _, c := range chrome {
					if strings.Contains(p.Text, c) {
						t.Errorf("paragraph %.60q has site chrome %q", p.Text, c)
					}
				}
			}
		})
	}
}

func TestReadNoteAndLines(t *testing.T) {
	ps, err := htmltext.Read(xt.Load(t, "formats/html/L36.en.html"), htmltext.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The endnote is <sup>*</sup> Reissued…: the mark goes to Mark, the
	// text starts at column 55 of line 132.
	last := ps[len(ps)-1]
	if want := "Reissued for technical reasons on 21 March 2018."; !last.Note || last.Text != want || last.Mark != "*" {
		t.Errorf("last paragraph %+v, want the endnote %+q with Note set and Mark \"*\"", last, want)
	}
	if l, c := last.Position(0); l != 132 || c != 55 {
		t.Errorf("endnote text at %d:%d, want 132:55", l, c)
	}
	zh, err := htmltext.Read(xt.Load(t, "formats/html/RES.zh.html"), htmltext.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Lines and columns read off the pages with grep -n (RES.zh.html
	// after iconv -f GB18030): <h1> is 4 columns, <p> 3, wrapped lines
	// are indented by six spaces.
	tests := []struct {
		ps        []extract.Paragraph
		para, sub string
		line, col int
	}{
		{ps, "A/HRC/37/L.36", "A/HRC", 27, 5},
		{ps, "Distr.: Limited", "Distr", 28, 4},
		{ps, "China, Cuba, Egypt", "China, Cuba, Egypt", 37, 7},
		{zh, "人权理事会", "人权", 31, 4},
		{zh, "权和基本自由，", "权和基本自由，", 45, 7},
	}
	for _, tt := range tests {
		found := false
		for _, p := range tt.ps {
			if !strings.Contains(p.Text, tt.para) || (tt.para == "人权理事会" && p.Text != tt.para) || (tt.para == "A/HRC/37/L.36" && p.Text != tt.para) {
				continue
			}
			found = true
			off := strings.LastIndex(p.Text, tt.sub)
			if l, c := p.Position(off); l != tt.line || c != tt.col {
				t.Errorf("%q in %.40q: position %d:%d, want %d:%d", tt.sub, p.Text, l, c, tt.line, tt.col)
			}
			break
		}
		if !found {
			t.Errorf("no paragraph with %q", tt.para)
		}
	}
}

func TestReadInline(t *testing.T) {
	tests := []struct {
		desc, in string
		want     []string
		lang     []string
	}{
		{"Chinese split by inline elements and a line break gains no space",
			"<p lang=zh-Hans>促进人权\n   领域<span>的</span><a href=x><b>互利</b></a>合作</p>", []string{"促进人权领域的互利合作"}, []string{"zh"}},
		{"Latin line break is a space; runs collapse",
			"<p>mutually\n   beneficial  \t cooperation <i>in</i> the</p>", []string{"mutually beneficial cooperation in the"}, []string{""}},
		{"br between Han adds nothing, between words a space",
			"<div>人权<br>理事会</div><div>one<br/>two</div>", []string{"人权理事会", "one two"}, []string{"", ""}},
		{"blocks split paragraphs; unclosed p and li",
			"<body lang=AR><p>one<p>two<ul><li>three<li lang=fr-CA>four</ul>", []string{"one", "two", "three", "four"}, []string{"ar", "ar", "ar", "fr"}},
		{"table cells",
			"<table><tr><td>a<td>b<tr><th>c</table>", []string{"a", "b", "c"}, []string{"", "", ""}},
		{"dropped: script, style, hidden, aria-hidden, forms, comments, nav, top header",
			"<header>Site</header><nav>Menu</nav><p>keep<script>bad()</script><!-- no --> this</p><p hidden>x</p><div aria-hidden=\"true\">y</div><form><label>Name</label><input value=v><select><option>opt</select><button>Go</button></form><style>p{}</style><footer>foot</footer>",
			[]string{"keep this", "Name"}, []string{"", ""}},
		{"header inside article is kept",
			"<article><header><h1>Title</h1></header><p>Body</p></article>", []string{"Title", "Body"}, []string{"", ""}},
		{"entities and no-break space",
			"<p>&nbsp;A &amp; B&#x4E2D;&lt;</p>", []string{"A & B中<"}, []string{""}},
		{"xml:lang", "<div xml:lang=\"ru-RU\">Совет</div>", []string{"Совет"}, []string{"ru"}},
	}
	for _, tt := range tests {
		ps, err := htmltext.Read([]byte(tt.in), htmltext.Options{})
		if err != nil {
			t.Errorf("%s: %v", tt.desc, err)
			continue
		}
		var got, lang []string
		for _, p := range ps {
			got, lang = append(got, p.Text), append(lang, p.Lang)
		}
		if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(lang, tt.lang) {
			t.Errorf("%s: Read(%q) = %q langs %q, want %q langs %q", tt.desc, tt.in, got, lang, tt.want, tt.lang)
		}
	}
}

func TestReadLimitsAndErrors(t *testing.T) {
	bomb := []byte(strings.Repeat("<div>", 100000) + "x")
	if _, err := htmltext.Read(bomb, htmltext.Options{}); !errors.Is(err, extract.ErrLimit) {
		t.Errorf("100000 nested divs: error %v, want ErrLimit", err)
	}
	if _, err := htmltext.Read([]byte(strings.Repeat("<div>", 20)+"x"), htmltext.Options{MaxDepth: 10}); !errors.Is(err, extract.ErrLimit) {
		t.Errorf("20 nested divs, MaxDepth 10: error %v, want ErrLimit", err)
	}
	for _, in := range []string{"", "<html><head><title>t</title></head><body>  <script>x</script> </body></html>", "<!-- only -->"} {
		if _, err := htmltext.Read([]byte(in), htmltext.Options{}); !errors.Is(err, extract.ErrEmpty) {
			t.Errorf("Read(%q): error %v, want ErrEmpty", in, err)
		}
	}
	if _, err := htmltext.Read([]byte("<p>a\x00b</p>"), htmltext.Options{}); !errors.Is(err, extract.ErrBinary) {
		t.Errorf("NUL: error %v, want ErrBinary", err)
	}
	// Declared GB18030, with a byte that is not GB18030 at 29.
	bad := []byte("<meta charset=\"gb18030\"><p>\xc8\xcb\xff</p>") // 24 + 3 + 2 bytes before 0xFF
	if _, err := htmltext.Read(bad, htmltext.Options{}); !errors.Is(err, extract.ErrEncoding) || !strings.Contains(err.Error(), "byte 29") {
		t.Errorf("invalid GB18030: error %v, want ErrEncoding at byte 29", err)
	}
	// The named encoding wins over the meta.
	ps, err := htmltext.Read([]byte("<meta charset=\"gb18030\"><p>\xc1\xc2</p>"), htmltext.Options{Encoding: "cp1251"})
	if err != nil || len(ps) != 1 || ps[0].Text != "БВ" {
		t.Errorf("Encoding cp1251: %+v, %v; want БВ", ps, err)
	}
}

func FuzzRead(f *testing.F) {
	for _, fx := range xt.Fixtures[:3] {
		b := xt.Load(f, "formats/html/"+fx.Name+".html")
		f.Add(b[:min(len(b), 2000)])
	}
	f.Add([]byte("<p lang=zh>促进\n人权<br>x<li>y<td>z</table>"))
	f.Add([]byte("<div><div><p>&amp;&#0;&#xD800;</div>"))
	f.Add([]byte(`<ol reversed start=3 style="list-style:lower-roman"><li>a<ol type=a><li value=2>b</ol><li>&nbsp;c</ol><ul><li>d</ul>`))
	f.Add([]byte(`<p>w<a href="#fn1" id="fnref1"><sup>1</sup></a>.</p><hr><section class="footnotes"><ol><li id="fn1"><p><sup>*</sup>&nbsp;n<a href="#fnref1">↩</a></p></ol></section>`))
	f.Add([]byte(`<aside><p><a href="#_ftnref1">[1]</a> n</p></aside><div id=ftn2><p><a href="#_ftnref2">[2]</a></p></div><hr><p>[3] x <a href="#fnref3">^</a>`))
	f.Add([]byte(`<style>@counter-style s { system: fixed 2; symbols: "а" \431; prefix: "("; suffix: ")\A"; range: 1 infinite; fallback: t; pad: 2 x }` +
		`@counter-style t { system: extends s; negative: "-" } @media print { ol.a > li:not(.x), #i ol[type="a" i] { list-style: t inside !important } }` +
		`ol { list-style-type: lower-roman } /* } */ ol( { x</style><ol class=a start=-2><li>a<li style="list-style: s">b<ol id=i><li>c</ol></ol>`))
	f.Add([]byte(`<style>@counter-style a { system: additive; additive-symbols: 5 V, 1 I } @counter-style b { system: symbolic; symbols: "*" }` +
		`li { list-style: a } li + li { list-style: b } .x .y > * { list-style-type: "-" }</style><div class=x><ol class=y><li>p<li value=99>q</ol></div>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := htmltext.Read(data, htmltext.Options{MaxDepth: 64})
		if err != nil {
			return
		}
		for i, p := range ps {
			if !utf8.ValidString(p.Text) || p.Text == "" || strings.TrimSpace(p.Text) != p.Text || strings.ContainsAny(p.Text, "\r\n") {
				t.Errorf("paragraph %d %+q: empty, not UTF-8, untrimmed or with a line break", i, p.Text)
			}
			if len(p.Lines) == 0 || p.Lines[0].Off != 0 {
				t.Errorf("paragraph %d %+q: Lines %+v, want a first line at 0", i, p.Text, p.Lines)
			}
			// Offsets and positions in the page both increase: a later
			// source line, or (after a list label, a leading sup) a later
			// column of the same line.
			for k, ls := range p.Lines {
				if ls.Off < 0 || ls.Off >= len(p.Text) || ls.Line < 1 || ls.Col < 1 {
					t.Errorf("paragraph %d %+q: bad Lines %+v", i, p.Text, p.Lines)
				}
				if k > 0 {
					prev := p.Lines[k-1]
					if ls.Off <= prev.Off || ls.Line < prev.Line || ls.Line == prev.Line && ls.Col <= prev.Col {
						t.Errorf("paragraph %d %+q: Lines not increasing %+v", i, p.Text, p.Lines)
					}
				}
			}
			if i > 0 && ps[i-1].Note && !p.Note {
				t.Errorf("paragraph %d %+q: body after a note", i, p.Text)
			}
			if p.Mark != "" && (!p.Note || strings.TrimSpace(p.Mark) != p.Mark || utf8.RuneCountInString(p.Mark) > 4) {
				t.Errorf("paragraph %d %+q: Mark %+q on a body paragraph, or not a mark", i, p.Text, p.Mark)
			}
		}
	})
}
