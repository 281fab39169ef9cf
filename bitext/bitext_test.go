package bitext_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/bitext"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/corpus"
)

const fixtures = "../testdata/formats/bitext"

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// paragraphs splits a founding text at blank lines.
func paragraphs(t *testing.T, path string) []string {
	var out []string
	for _, p := range strings.Split(string(readFile(t, path)), "\n\n") {
		if p = bitext.Collapse(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func mustRead(t *testing.T, data []byte) *bitext.File {
	t.Helper()
	f, err := bitext.Read(data, bitext.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func unitByID(t *testing.T, f *bitext.File, id string) bitext.Unit {
	t.Helper()
	for _, u := range f.Units {
		if u.ID == id {
			return u
		}
	}
	t.Fatalf("no unit %q", id)
	return bitext.Unit{}
}

func checkSeg(t *testing.T, what string, s bitext.Segment, text string, line, col int) {
	t.Helper()
	if s.Text != text || s.Line != line || s.Col != col {
		t.Errorf("%s = %q at %d:%d, want %q at %d:%d", what, s.Text, s.Line, s.Col, text, line, col)
	}
}

// The founding case (A/HRC/37/L.36 en, A/HRC/RES/37/23 zh), 32 paragraphs
// in 1:1 correspondence, as TMX, XLIFF 1.2 and XLIFF 2.0 with inline tags
// in paragraph 11 (the title: g/hi/pc around the term, kept) and 28
// (operative 1: ph in en, bpt/ept or sc/ec around 多边主义 in zh, dropped).
func TestFoundingFixtures(t *testing.T) {
	en := paragraphs(t, "../testdata/founding/L36.en.txt")
	zh := paragraphs(t, "../testdata/founding/RES.zh.txt")
	if len(en) != 32 || len(zh) != 32 {
		t.Fatalf("founding texts have %d and %d paragraphs, want 32", len(en), len(zh))
	}
	const title, titleZh = "37/... Promoting mutually beneficial cooperation in the field of human rights", "37/... 促进人权领域的合作共赢"
	if en[10] != title || zh[10] != titleZh {
		t.Fatalf("paragraph 11 = %q / %q", en[10], zh[10])
	}
	type want struct {
		file, format        string
		units, untranslated int
	}
	for _, w := range []want{
		{"founding.tmx", "TMX", 32, 0},
		{"founding-1.2.xlf", "XLIFF 1.2", 32, 1},
		{"founding-2.0.xlf", "XLIFF 2.0", 33, 0}, // the title is two segments
	} {
		t.Run(w.file, func(t *testing.T) {
			data := readFile(t, filepath.Join(fixtures, w.file))
			if got := bitext.Sniff(data); !strings.HasPrefix(w.format, got) || got == "" {
				t.Errorf("Sniff = %q", got)
			}
			f := mustRead(t, data)
			if f.Format != w.format || f.SrcLang != "en" || len(f.Units) != w.units || f.Untranslated != w.untranslated {
				t.Fatalf("got %s %s, %d units, %d untranslated; want %s en, %d, %d", f.Format, f.SrcLang, len(f.Units), f.Untranslated, w.format, w.units, w.untranslated)
			}
			k := 0
			for _, u := range f.Units {
				if u.SrcLang != "en" || u.TgtLang != "zh" {
					t.Errorf("unit %s: %s>%s", u.ID, u.SrcLang, u.TgtLang)
				}
				if u.ID == "p11/s1" {
					continue
				}
				wantSrc, wantTgt := en[k], zh[k]
				if u.ID == "p11/s2" {
					wantSrc, wantTgt = strings.TrimPrefix(en[k], "37/... "), strings.TrimPrefix(zh[k], "37/... ")
				}
				if u.Src.Text != wantSrc || u.Tgt.Text != wantTgt {
					t.Errorf("unit %s:\n got %q / %q\nwant %q / %q", u.ID, u.Src.Text, u.Tgt.Text, wantSrc, wantTgt)
				}
				k++
			}
			// Positions, counted by hand in the fixtures.
			op1 := unitByID(t, f, "p28")
			switch w.format {
			case "TMX":
				// Line 46: 4 spaces, <tu tuid="p11"> (15), <tuv xml:lang="zh-CN"> (22):
				// zh <seg> at 42; then <seg>37/... 促进人权领域的<hi type="b">合作共赢</hi></seg></tuv>
				// is 5+7+7+13+4+5+6+6 = 53 characters, <tuv xml:lang="en-US"> 22: en <seg> at 117.
				u := unitByID(t, f, "p11")
				checkSeg(t, "p11 src", u.Src, title, 46, 117)
				checkSeg(t, "p11 tgt", u.Tgt, titleZh, 46, 42)
				checkSeg(t, "p28 src", op1.Src, en[27], 112, 29)
				checkSeg(t, "p28 tgt", op1.Tgt, zh[27], 113, 29)
			case "XLIFF 1.2":
				checkSeg(t, "p28 src", op1.Src, en[27], 114, 9)
				checkSeg(t, "p28 tgt", op1.Tgt, zh[27], 115, 9)
			case "XLIFF 2.0":
				// Line 66: 6 spaces, <segment id="s1"> 17, <source>37/...</source> 23,
				// <target>37/...</target> 23, </segment> 10, <ignorable><source> </source></ignorable> 41,
				// <segment id="s2"> 17: second source at 138.
				s1, s2 := unitByID(t, f, "p11/s1"), unitByID(t, f, "p11/s2")
				checkSeg(t, "p11/s1 src", s1.Src, "37/...", 66, 24)
				checkSeg(t, "p11/s1 tgt", s1.Tgt, "37/...", 66, 47)
				if s2.Src.Line != 66 || s2.Src.Col != 138 || s2.Tgt.Line != 66 {
					t.Errorf("p11/s2 at %d:%d and %d:%d, want 66:138 and line 66", s2.Src.Line, s2.Src.Col, s2.Tgt.Line, s2.Tgt.Col)
				}
				checkSeg(t, "p28 src", op1.Src, en[27], 166, 9)
				checkSeg(t, "p28 tgt", op1.Tgt, zh[27], 167, 9)
			}
		})
	}
}

func TestFoundingTMXPositionsInBytes(t *testing.T) {
	// Cross-check of the hand count: the en <seg> of p11 follows 11 CJK
	// characters of 3 bytes, so its byte column is 117 + 22.
	line := strings.Split(string(readFile(t, filepath.Join(fixtures, "founding.tmx"))), "\n")[45]
	if i := strings.LastIndex(line, "<seg>"); i+1 != 139 {
		t.Fatalf("en <seg> at byte column %d, want 139", i+1)
	}
}

func shared(t *testing.T, rel string) []byte {
	t.Helper()
	dir, ok := corpus.SharedDir()
	if !ok {
		t.Skip("../shared is absent: shared format samples not available")
	}
	path := filepath.Join(dir, "formats", rel)
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func langCount(f *bitext.File) map[string]int {
	n := map[string]int{}
	for _, u := range f.Units {
		n[u.SrcLang+">"+u.TgtLang]++
	}
	return n
}

func TestSharedOmegaT(t *testing.T) {
	// 3295 <tu>, each en + zh-CN; one zh seg is a single space (line 23995).
	f := mustRead(t, shared(t, "omegat-en-zh-cn/project_save.tmx"))
	if f.Format != "TMX" || f.SrcLang != "en" || len(f.Units) != 3294 || f.Untranslated != 1 {
		t.Fatalf("got %s %s %d units %d untranslated", f.Format, f.SrcLang, len(f.Units), f.Untranslated)
	}
	if n := langCount(f); n["en>zh"] != 3294 {
		t.Errorf("languages %v", n)
	}
	u := f.Units[0]
	if u.ID != "1" {
		t.Errorf("first id %q", u.ID)
	}
	checkSeg(t, "src", u.Src, `"Aligner" aligner utility`, 9, 9)
	checkSeg(t, "tgt", u.Tgt, "“Aligner” 对齐器工具", 12, 9)
	last := f.Units[len(f.Units)-1]
	if last.ID != "3295" || last.Src.Text != "← Back" || last.Tgt.Text != "← 上一个" {
		t.Errorf("last unit %+v", last)
	}
	for _, u := range f.Units {
		if u.Src.Text == "VLDocking Framework (LGPL License)" {
			t.Errorf("empty translation kept: %+v", u)
		}
	}
}

func TestSharedOkapiTMX(t *testing.T) {
	t.Run("ImportTest1C", func(t *testing.T) {
		// 3 tu with en-us (srclang), en-gb, ja-jp, fr-ca, es-es in varying order.
		f := mustRead(t, shared(t, "okapi/ImportTest1C.tmx"))
		n := langCount(f)
		if f.SrcLang != "en" || len(f.Units) != 12 || f.Untranslated != 0 || n["en>en"] != 3 || n["en>ja"] != 3 || n["en>fr"] != 3 || n["en>es"] != 3 {
			t.Fatalf("got %s %d units %d untranslated %v", f.SrcLang, len(f.Units), f.Untranslated, n)
		}
		// Second tu lists ja-jp first: the source is still the en-us variant.
		u := f.Units[4]
		if u.ID != "2" || u.Src.Text != "Second entry in US English" || u.TgtLang != "ja" || u.Tgt.Text != "Second entry in Japanese" {
			t.Errorf("unit 5 = %+v", u)
		}
		if f.Units[0].Tgt.Text != "First entry in UK English" {
			t.Errorf("unit 1 = %+v", f.Units[0])
		}
	})
	t.Run("ImportTest1I", func(t *testing.T) {
		f := mustRead(t, shared(t, "okapi/ImportTest1I.tmx"))
		if len(f.Units) != 1 {
			t.Fatalf("%d units", len(f.Units))
		}
		u := f.Units[0]
		// [&#x20; &#x20; ] and [&#x3000;&#x3000;]: white space collapsed.
		if u.Src.Text != "English segment with [ ]" || u.Tgt.Text != "Japanese segment with [ ]" || u.TgtLang != "ja" {
			t.Errorf("%+v", u)
		}
	})
	t.Run("Paragraph_TM", func(t *testing.T) {
		f := mustRead(t, shared(t, "okapi/Paragraph_TM.tmx"))
		if len(f.Units) != 7 || langCount(f)["en>de"] != 7 {
			t.Fatalf("%d units %v", len(f.Units), langCount(f))
		}
		u := f.Units[0]
		// <ph x="1">#![PG 0 1]</ph>1.<ph x="2">\t</ph>Confirm ...: ph content dropped, a word break left.
		if u.ID != "ACDetectionCheckFailedAction0" {
			t.Errorf("id %q", u.ID)
		}
		checkSeg(t, "src", u.Src, "1. Confirm that the AC line is in the AC fluid detector. 2. Touch Retry.", 11, 1)
		checkSeg(t, "tgt", u.Tgt, "1. Sicherstellen, dass sich der AK-Schlauch im AK-Flüssigkeitsdetektor befindet. 2. 'Wiederholen' drücken.", 12, 23)
		u = f.Units[1] // <ut> ut content en</ut> dropped
		if u.Src.Text != "Touch Retry to resume the procedure." || u.Tgt.Text != "Zur Fortsetzung des Verfahrens 'Wiederholen' drücken." {
			t.Errorf("%+v", u)
		}
	})
	t.Run("mytm", func(t *testing.T) {
		f := mustRead(t, shared(t, "okapi/mytm.tmx"))
		if len(f.Units) != 25 || langCount(f)["en>fr"] != 25 {
			t.Fatalf("%d units %v", len(f.Units), langCount(f))
		}
		for _, i := range []int{6, 7, 8} { // bpt/ept, bpt/ept, ph
			if u := f.Units[i]; u.Src.Text != "Elephants cannot fly." || u.Tgt.Text != "Les éléphants ne peuvent pas voler." {
				t.Errorf("unit %d: %q / %q", i+1, u.Src.Text, u.Tgt.Text)
			}
		}
		checkSeg(t, "unit 1 src", f.Units[0].Src, "Elephants cannot fly.", 17, 9)
	})
	t.Run("one_to_one2", func(t *testing.T) {
		f := mustRead(t, shared(t, "okapi/one_to_one2.tmx"))
		if len(f.Units) != 1 || langCount(f)["en>fr"] != 1 {
			t.Fatalf("%d units %v", len(f.Units), langCount(f))
		}
		u := f.Units[0]
		if !strings.HasPrefix(u.Src.Text, "Each day we have the opportunity to code.") || !strings.HasSuffix(u.Tgt.Text, "Quel est le bon moment pour le faire ?") {
			t.Errorf("%+v", u)
		}
	})
}

func TestSharedXLIFF(t *testing.T) {
	t.Run("JMP-11-Test01", func(t *testing.T) {
		// XLIFF 1.1 with a BOM, comments, nested groups, alt-trans and a
		// foreign-namespace header: 9 trans-units, all translated.
		f := mustRead(t, shared(t, "okapi/JMP-11-Test01.xlf"))
		if f.Format != "XLIFF 1.2" || f.SrcLang != "en" || len(f.Units) != 9 || f.Untranslated != 0 || langCount(f)["en>fr"] != 9 {
			t.Fatalf("got %s %s %d units %d untranslated %v", f.Format, f.SrcLang, len(f.Units), f.Untranslated, langCount(f))
		}
		u := unitByID(t, f, "TestAltTrans")
		checkSeg(t, "src", u.Src, "File", 77, 5)
		checkSeg(t, "tgt", u.Tgt, "Fichier", 78, 5)
		if u := unitByID(t, f, "S_LinActivationDlg_2__Request_Code__xxx"); u.Tgt.Text != "2. Code de requête :" {
			t.Errorf("%+v", u)
		}
	})
	t.Run("loopkit", func(t *testing.T) {
		// 75 <file>s en -> zh-Hans; 2378 trans-units, 821 <target>, one of
		// them a single space (line 1233).
		f := mustRead(t, shared(t, "loopkit-en-zh-hans/zh-Hans.xliff"))
		if f.Format != "XLIFF 1.2" || f.SrcLang != "en" || len(f.Units) != 820 || f.Untranslated != 1558 || langCount(f)["en>zh"] != 820 {
			t.Fatalf("got %s %s %d units %d untranslated %v", f.Format, f.SrcLang, len(f.Units), f.Untranslated, langCount(f))
		}
		u := unitByID(t, f, "5y6-vU-qC3.text")
		checkSeg(t, "src", u.Src, "Transmitter ID", 56, 9)
		checkSeg(t, "tgt", u.Tgt, "发射器编号", 57, 9)
	})
}

func TestSharedTBXRefused(t *testing.T) {
	data := shared(t, "okapi/test01.tbx")
	if got := bitext.Sniff(data); got != "TBX" {
		t.Errorf("Sniff = %q", got)
	}
	_, err := bitext.Read(data, bitext.Options{})
	if !errors.Is(err, extract.ErrUnsupported) || !strings.Contains(err.Error(), "lexicon") {
		t.Errorf("err = %v", err)
	}
}

const billion = `<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv><tuv xml:lang="fr"><seg>x</seg></tuv></tu></body></tmx>`

const tiny = `<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="fr"><seg>b</seg></tuv></tu></body></tmx>`

func TestErrors(t *testing.T) {
	founding := readFile(t, filepath.Join(fixtures, "founding.tmx"))
	// A truncation inside a character gives "invalid UTF-8": cut at a line end.
	cases := []struct {
		name string
		data string
		opt  bitext.Options
		want error
		line int
		text string
	}{
		{"deep", "<tmx>" + strings.Repeat("<a>", 300), bitext.Options{}, extract.ErrLimit, 1, "nested deeper than 256"},
		{"deep custom", "<xliff><file><body>" + strings.Repeat("<group>", 20), bitext.Options{MaxDepth: 10}, extract.ErrLimit, 1, "deeper than 10"},
		{"billion laughs", billion, bitext.Options{}, extract.ErrLimit, 2, "entit"},
		{"undefined entity", "<tmx>\n<body><tu><tuv xml:lang=\"en\"><seg>&lol;</seg></tuv></tu></body></tmx>", bitext.Options{}, extract.ErrCorrupt, 2, "entity"},
		{"html entity", "<tmx>\n\n<body>&nbsp;</body></tmx>", bitext.Options{}, extract.ErrCorrupt, 3, "entity"},
		{"truncated", string(founding[:bytes.LastIndexByte(founding[:len(founding)/2], '\n')]), bitext.Options{}, extract.ErrCorrupt, 0, "unexpected EOF"},
		{"mismatched", "<tmx>\n<body>\n<tu></tuv></body></tmx>", bitext.Options{}, extract.ErrCorrupt, 3, "closed by"},
		{"not xml", "hello, world", bitext.Options{}, extract.ErrCorrupt, 1, "not an XML file"},
		{"empty", "", bitext.Options{}, extract.ErrEmpty, 0, "no XML element"},
		{"no units", `<tmx version="1.4"><header srclang="en"/><body/></tmx>`, bitext.Options{}, extract.ErrEmpty, 0, "no unit"},
		{"no translation", `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr"><body><trans-unit id="a"><source>x</source></trans-unit><trans-unit id="b"><source>y</source><target/></trans-unit></body></file></xliff>`, bitext.Options{}, extract.ErrEmpty, 0, "no translated unit (2 without target)"},
		{"too many units", string(founding), bitext.Options{MaxUnits: 10}, extract.ErrLimit, 0, "more than 10 units"},
		{"other root", "<html><body>x</body></html>", bitext.Options{}, extract.ErrUnsupported, 1, "<html>"},
		{"bad encoding", `<?xml version="1.0" encoding="x-no-such"?><tmx/>`, bitext.Options{}, extract.ErrCorrupt, 1, "x-no-such"},
		{"utf-16 declared, no BOM", `<?xml version="1.0" encoding="UTF-16"?><tmx/>`, bitext.Options{}, extract.ErrCorrupt, 1, "byte order mark"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := bitext.Read([]byte(c.data), c.opt)
			if err == nil {
				t.Fatalf("no error, %d units", len(f.Units))
			}
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %q, want %v containing %q on one line", err, c.want, c.text)
			}
			var pe *bitext.PosError
			if !errors.As(err, &pe) {
				t.Fatalf("%T is not a *PosError", err)
			}
			if c.line > 0 && pe.Line != c.line {
				t.Errorf("line %d, want %d", pe.Line, c.line)
			}
			if c.name == "truncated" && pe.Line < 40 {
				t.Errorf("truncated at line %d, want about the middle of the file", pe.Line)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	data := readFile(t, filepath.Join(fixtures, "founding.tmx"))
	want := mustRead(t, data)
	enc16 := func(s string, bigEndian bool) []byte {
		var b bytes.Buffer
		if bigEndian {
			b.Write([]byte{0xFE, 0xFF})
		} else {
			b.Write([]byte{0xFF, 0xFE})
		}
		for _, u := range utf16.Encode([]rune(s)) {
			if bigEndian {
				b.Write([]byte{byte(u >> 8), byte(u)})
			} else {
				b.Write([]byte{byte(u), byte(u >> 8)})
			}
		}
		return b.Bytes()
	}
	s := strings.Replace(string(data), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"utf-8 bom", append([]byte("\ufeff"), data...)},
		{"utf-16le", enc16(s, false)},
		{"utf-16be", enc16(s, true)},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := bitext.Sniff(c.data); got != "TMX" {
				t.Errorf("Sniff = %q", got)
			}
			got := mustRead(t, c.data)
			if len(got.Units) != len(want.Units) {
				t.Fatalf("%d units, want %d", len(got.Units), len(want.Units))
			}
			for i := range got.Units {
				if !reflect.DeepEqual(got.Units[i], want.Units[i]) {
					t.Errorf("unit %d = %+v, want %+v", i, got.Units[i], want.Units[i])
				}
			}
		})
	}
	t.Run("iso-8859-1", func(t *testing.T) {
		// "éléphants" in Latin-1: é is the single byte 0xE9.
		doc := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>elephants</seg></tuv><tuv xml:lang=\"fr\"><seg>\xe9l\xe9phants</seg></tuv></tu></body></tmx>"
		f := mustRead(t, []byte(doc))
		checkSeg(t, "tgt", f.Units[0].Tgt, "éléphants", 2, 116)
	})
}

func TestTMXSourceLanguage(t *testing.T) {
	// srclang="*all*": the first tuv's language is the source of the file;
	// a tu without it takes its own first tuv. TMX 1.1 "lang" attribute.
	doc := `<tmx version="1.4"><header srclang="*all*" adminlang="fr"/><body>
<tu><tuv lang="EN-GB"><seg>peace</seg></tuv><tuv lang="fr-FR"><seg>paix</seg></tuv><tuv lang="ru"><seg>мир</seg></tuv></tu>
<tu tuid="x"><tuv xml:lang="fr"><seg>guerre</seg></tuv><tuv xml:lang="en"><seg>war</seg></tuv></tu>
<tu><tuv xml:lang="es"><seg>sí</seg></tuv><tuv xml:lang="ar"><seg>نعم</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>alone</seg></tuv></tu>
</body></tmx>`
	f := mustRead(t, []byte(doc))
	var got []string
	for _, u := range f.Units {
		got = append(got, u.ID+":"+u.SrcLang+">"+u.TgtLang+":"+u.Src.Text+">"+u.Tgt.Text)
	}
	want := "1:en>fr:peace>paix 1:en>ru:peace>мир x:en>fr:war>guerre 3:es>ar:sí>نعم"
	if f.SrcLang != "en" || strings.Join(got, " ") != want || f.Untranslated != 1 {
		t.Errorf("src %s, untranslated %d, units\n%s\nwant\n%s", f.SrcLang, f.Untranslated, strings.Join(got, " "), want)
	}
	// An explicit srclang that a tu lacks: the tu is counted, not read.
	doc = strings.Replace(doc, "*all*", "en", 1)
	f = mustRead(t, []byte(doc))
	if len(f.Units) != 3 || f.Untranslated != 2 {
		t.Errorf("explicit srclang: %d units, %d untranslated", len(f.Units), f.Untranslated)
	}
}

func TestXLIFFDetails(t *testing.T) {
	// XLIFF 1.2: seg-source/mrk ignored in favour of source/target, mrk text
	// kept, target xml:lang overrides the file's, alt-trans ignored,
	// foreign elements dropped, ids missing -> ordinal.
	doc := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:o="urn:other">
<file source-language="en-US" target-language="fr-FR"><body><group>
<trans-unit id="a"><source>Hello <x id="1"/>world<o:junk>JUNK</o:junk></source>
<seg-source><mrk mtype="seg" mid="1">Hello world</mrk></seg-source>
<target xml:lang="es-ES"><mrk mtype="seg" mid="1">Hola <bx id="2"/>mundo<ex id="2"/></mrk></target>
<alt-trans><target>Bonjour</target></alt-trans></trans-unit>
<trans-unit><source>two</source><target>deux</target></trans-unit>
</group></body></file>
<file source-language="en" target-language="ru"><body><trans-unit id="a"><source>peace</source><target>мир</target></trans-unit></body></file>
</xliff>`
	f := mustRead(t, []byte(doc))
	var got []string
	for _, u := range f.Units {
		got = append(got, u.ID+":"+u.SrcLang+">"+u.TgtLang+":"+u.Src.Text+">"+u.Tgt.Text)
	}
	want := "a:en>es:Hello world>Hola mundo 2:en>fr:two>deux a:en>ru:peace>мир"
	if strings.Join(got, " ") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	// XLIFF 2.0 without trgLang and with no target: ErrEmpty.
	_, err := bitext.Read([]byte(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f"><unit id="u"><segment><source>x</source></segment></unit></file></xliff>`), bitext.Options{})
	if !errors.Is(err, extract.ErrEmpty) {
		t.Errorf("no target: %v", err)
	}
}

func TestSniff(t *testing.T) {
	for in, want := range map[string]string{
		"\ufeff<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<?pi x?>\n<tmx version=\"1.4\"/>": "TMX",
		`<xliff version="2.0">`:                    "XLIFF",
		`<martif type="TBX">`:                      "TBX",
		`<tbx xmlns="urn:iso:std:iso:30042:ed-2">`: "TBX",
		`<html>`:       "",
		`plain text`:   "",
		"":             "",
		"\x00\x01\x02": "",
	} {
		if got := bitext.Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"founding.tmx", "founding-1.2.xlf", "founding-2.0.xlf"} {
		data := readFile(f, filepath.Join(fixtures, name))
		if len(data) > 4000 {
			data = data[:4000]
		}
		f.Add(data)
	}
	f.Add([]byte(tiny))
	f.Add([]byte(billion))
	f.Add([]byte(`<xliff version="2.0" srcLang="en" trgLang="fr"><file><unit id="u"><segment id="s"><source>a<pc id="1">b</pc></source><target>c<ph id="2"/></target></segment></unit></file></xliff>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := bitext.Read(data, bitext.Options{MaxUnits: 1000})
		if err != nil {
			var pe *bitext.PosError
			if !errors.As(err, &pe) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("bad error %T %q", err, err)
			}
			if !errors.Is(err, extract.ErrCorrupt) && !errors.Is(err, extract.ErrLimit) && !errors.Is(err, extract.ErrEmpty) && !errors.Is(err, extract.ErrUnsupported) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		if len(file.Units) == 0 || len(file.Units)+file.Untranslated > 1000 {
			t.Fatalf("%d units, %d untranslated", len(file.Units), file.Untranslated)
		}
		for _, u := range file.Units {
			if u.Src.Text == "" || u.Tgt.Text == "" || u.Src.Line < 1 || u.Src.Col < 1 || u.Tgt.Line < 1 || u.Tgt.Col < 1 {
				t.Fatalf("bad unit %+v", u)
			}
			if u.Src.Text != bitext.Collapse(u.Src.Text) || u.Tgt.Text != bitext.Collapse(u.Tgt.Text) {
				t.Fatalf("white space not collapsed: %+v", u)
			}
		}
	})
}

// TestOneLinePositions checks the lines and columns of the segments and
// of their marks in a TMX written on one line, and in the same TMX broken
// into lines inside the segments: each must point at the character it
// names. (Columns are counted on from the previous token, so that a file
// on one line is read in time linear in its length.)
func TestOneLinePositions(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>`)
	for i := range 300 {
		fmt.Fprintf(&b, `<tu tuid="u%d"><tuv xml:lang="en"><seg>Décide <bpt i="1">&lt;b&gt;</bpt>de promouvoir<ept i="1">&lt;/b&gt;</ept> la coopération %d</seg></tuv>`, i, i)
		fmt.Fprintf(&b, `<tuv xml:lang="zh"><seg>决定<ph x="1"/>促进互利合作 %d。</seg></tuv></tu>`, i)
	}
	b.WriteString(`</body></tmx>`)
	oneLine := b.String()
	broken := strings.ReplaceAll(strings.ReplaceAll(oneLine, "promouvoir<ept", "promouvoir\n<ept"), "<ph x", "\n  <ph x")
	for _, tc := range []struct{ desc, data string }{{"one line", oneLine}, {"broken in segments", broken}} {
		var lines [][]rune
		for _, l := range strings.Split(tc.data, "\n") {
			lines = append(lines, []rune(l))
		}
		at := func(line, col int) string {
			if line < 1 || line > len(lines) {
				return ""
			}
			r := lines[line-1]
			if col < 1 || col > len(r) {
				return ""
			}
			return string(r[col-1 : min(col+20, len(r))])
		}
		f := mustRead(t, []byte(tc.data))
		if len(f.Units) != 300 {
			t.Fatalf("%s: %d units, want 300", tc.desc, len(f.Units))
		}
		for _, u := range f.Units {
			for _, s := range []bitext.Segment{u.Src, u.Tgt} {
				if got := at(s.Line, s.Col); !strings.HasPrefix(got, "<seg>") {
					t.Fatalf("%s: unit %s segment %q at %d:%d, where the file has %.20q, want <seg>", tc.desc, u.ID, s.Text, s.Line, s.Col, got)
				}
				for _, m := range s.Marks {
					want, _ := utf8.DecodeRuneInString(s.Text[m.Off:])
					if got := at(m.Line, m.Col); !strings.HasPrefix(got, string(want)) {
						t.Fatalf("%s: unit %s: mark of %q at %d:%d, where the file has %.20q", tc.desc, u.ID, s.Text[m.Off:], m.Line, m.Col, got)
					}
				}
			}
		}
	}
}
