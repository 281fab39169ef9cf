package lexicon_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
)

const tbxFixture = "../testdata/formats/bitext/cooperation-v3.tbx"

func readTBX(t *testing.T, data []byte, name string) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.ReadTBX(bytes.NewReader(data), name)
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

// roundTrip writes lex in the native format, parses it back and checks that
// every concept survived unchanged (Origin aside).
func roundTrip(t *testing.T, lex *lexicon.Lexicon) {
	t.Helper()
	var buf bytes.Buffer
	if err := lex.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := lexicon.Parse(&buf, "roundtrip.tsv")
	if err != nil {
		t.Fatalf("native lexicon written from TBX does not parse: %v\n%s", err, buf.String())
	}
	if len(back.Concepts) != len(lex.Concepts) {
		t.Fatalf("round trip: %d concepts, want %d", len(back.Concepts), len(lex.Concepts))
	}
	for i, c := range lex.Concepts {
		b := back.Concepts[i]
		if b.ID != c.ID || b.Group != c.Group || b.Note != c.Note || b.Source != c.Source || !reflect.DeepEqual(b.Terms, c.Terms) {
			t.Errorf("round trip changed concept %d:\n got %+v\nwant %+v", i, b, c)
		}
	}
}

func TestReadTBXFixture(t *testing.T) {
	data, err := os.ReadFile(tbxFixture)
	if err != nil {
		t.Fatal(err)
	}
	if !lexicon.IsTBX(data) {
		t.Error("IsTBX = false")
	}
	lex := readTBX(t, data, "testdata/cooperation-v3.tbx")
	if len(lex.Concepts) != 2 {
		t.Fatalf("%d concepts", len(lex.Concepts))
	}
	// The fixture copies the renderings of lexicon/default.tsv, plus a
	// deprecated zh term 互利 that must not be read.
	def := lexicon.Default()
	for _, id := range []string{"mutually-beneficial-cooperation", "win-win-cooperation"} {
		c, d := lex.Lookup(id), def.Lookup(id)
		if c == nil || d == nil {
			t.Fatalf("%s missing", id)
		}
		if !reflect.DeepEqual(c.Terms, d.Terms) {
			t.Errorf("%s terms\n got %v\nwant %v (default.tsv)", id, c.Terms, d.Terms)
		}
		if c.Group != "cooperation-framing" || c.Source != "TBX cooperation-v3.tbx" {
			t.Errorf("%s group %q source %q", id, c.Group, c.Source)
		}
	}
	if c := lex.Concepts[0]; c.Note != "Title concept of A/HRC/RES/37/23 (the voted wording)." || c.Origin != "testdata/cooperation-v3.tbx:11" {
		t.Errorf("note %q origin %q", c.Note, c.Origin)
	}
	if c := lex.Concepts[1]; c.Note != "China's formula." || c.Origin != "testdata/cooperation-v3.tbx:38" {
		t.Errorf("langSec-level definition: note %q origin %q", c.Note, c.Origin)
	}
	roundTrip(t, lex)
	// A TBX lexicon merged over the default replaces concepts by id.
	if m := def.Merge(lex); len(m.Concepts) != len(def.Concepts) || m.Lookup("win-win-cooperation") != lex.Concepts[1] {
		t.Errorf("merge: %d concepts", len(m.Concepts))
	}
}

func TestReadTBXEdgeCases(t *testing.T) {
	doc := `<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry>
 <langSet xml:lang="en-GB"><tig><term>peace | security</term></tig><tig><term>  law	and
 order </term></tig></langSet>
 <langSet xml:lang="id"><tig><term>perdamaian</term></tig></langSet>
 <langSet xml:lang="x-klingon"><tig><term>roj</term></tig></langSet>
 <langSet><tig><term>no language</term></tig></langSet>
</termEntry>
<termEntry id="only deprecated">
 <langSet xml:lang="en"><ntig><termGrp><term>old</term><termNote type="termStatus">forbidden</termNote></termGrp></ntig></langSet>
</termEntry>
<termEntry id="ru term">
 <descrip type="subjectField">Human rights / UN</descrip>
 <descrip type="driftcheckGroup">Rights framing / UN</descrip>
 <langSet xml:lang="ru"><tig><term>права <hi>человека</hi></term></tig></langSet>
 <langSet xml:lang="RU"><tig><term>правочеловека</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
</termEntry>
</body></text></martif>`
	lex := readTBX(t, []byte(doc), "/some/dir/My Terms.tbx")
	var got []string
	for _, c := range lex.Concepts {
		got = append(got, c.ID+" ["+c.Group+"] "+strings.Join(c.Terms["en"], ";")+strings.Join(c.Terms["ru"], ";"))
		if len(c.Terms) != 1 {
			t.Errorf("%s: languages %v", c.ID, c.Terms)
		}
	}
	// Entry 1: no id -> tbx-1; no group (a subject field is a topic, not
	// a group of negotiated alternatives); "|" replaced,
	// white space collapsed; id (Indonesian, clashes with the id column),
	// x-klingon and a langSet without xml:lang skipped. Entry 2: only a
	// forbidden term, dropped. Entry 3: id and group cleaned, <hi> kept,
	// superseded term skipped.
	// Entry 3's driftcheckGroup is its group.
	want := []string{"tbx-1 [] peace security;law and order", "ru-term [Rights-framing-UN] права человека"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	roundTrip(t, lex)
}

func TestReadTBXErrors(t *testing.T) {
	entry := `<termEntry id="a"><langSet xml:lang="en"><tig><term>a</term></tig></langSet></termEntry>`
	cases := []struct {
		name, data string
		want       error
		line       int
		text       string
	}{
		{"billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>&b;</term></tig></langSet></termEntry></body></text></martif>", extract.ErrLimit, 2, "entit"},
		{"undefined entity", "<martif>\n<text><body><termEntry><langSet xml:lang=\"en\"><tig><term>&b;</term></tig></langSet></termEntry></body></text></martif>", extract.ErrCorrupt, 2, "entity"},
		{"deep", "<tbx>" + strings.Repeat("<text>", 300), extract.ErrLimit, 1, "deeper than 256"},
		{"truncated", "<martif>\n<text><body>\n" + entry + "\n<termEntry", extract.ErrCorrupt, 4, "unexpected EOF"},
		{"not tbx", "<tmx><body/></tmx>", extract.ErrUnsupported, 1, "<tmx>"},
		{"not xml", "id\ten\nx\ty\n", extract.ErrCorrupt, 1, "not an XML file"},
		{"no concept", "<martif><text><body><termEntry id=\"a\"/></body></text></martif>", lexicon.ErrEmpty, 0, "no concepts"},
		{"duplicate id", "<martif><text><body>\n" + entry + "\n" + entry + "</body></text></martif>", lexicon.ErrDuplicateID, 3, `"a" (first at t.tbx:2)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := lexicon.ReadTBX(strings.NewReader(c.data), "t.tbx")
			var le *lexicon.Error
			if !errors.As(err, &le) {
				t.Fatalf("err %T %v, want *lexicon.Error", err, err)
			}
			if !errors.Is(err, c.want) || le.Line != c.line || le.File != "t.tbx" || !strings.Contains(err.Error(), c.text) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %q (line %d), want %v at line %d containing %q", err, le.Line, c.want, c.line, c.text)
			}
		})
	}
}

func sharedTBX(t *testing.T, name string) []byte {
	t.Helper()
	dir, ok := corpus.SharedDir()
	if !ok {
		t.Skip("../shared is absent: shared TBX samples not available")
	}
	data, err := os.ReadFile(filepath.Join(dir, "formats", "okapi", name))
	if os.IsNotExist(err) {
		t.Skipf("%s is absent", name)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Counts and terms read by hand from the Okapi sample files.
func TestReadTBXShared(t *testing.T) {
	cases := []struct {
		file     string
		concepts int
		id       string
		group    string
		terms    map[string][]string
		note     string // prefix
	}{
		// Two en langSets in c1 are joined.
		{"ibm_tbx.tbx", 5, "c1", "", map[string][]string{"en": {"navigation trail", "branch"}, "fr": {"historique de navigation"}}, ""},
		// Trailing space in "Provincial Reporting Establishment " trimmed; the
		// definition sits in the en langSet's descripGrp.
		{"oracle_TBX.tbx", 2, "c1", "", map[string][]string{"en": {"Provincial Reporting Establishment", "PRE"}, "pt": {"Entidade de Supervisão de Província", "PRE"}}, "GREs and PREs represent an employer"},
		{"test01.tbx", 1, "eid-Oracle-67", "", map[string][]string{"en": {"alpha smoothing factor"}, "hu": {"Alfa simítási tényező"}}, "A value between 0 and 1 used in ..."},
		// Subject fields are topics, not negotiation groups: every group is empty. "audible notification"
		// (line 350) is deprecatedTerm-admn-sts.
		{"medtronic_TBX.tbx", 3, "c7332", "", nil, "the notification of a patient"},
		{"maryland.tbx", 1, "eid-VocCod-211.01", "", map[string][]string{"fr": {"copiste", "scribe", "écrivain"}, "it": {"scriba", "amanuense", "copista", "trascrittore"}, "es": {"copista", "escriba", "escribano", "amanuense"}, "en": {"scribe", "copyist"}}, "personne qui accomplit un travail copie ou d'écriture"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data := sharedTBX(t, c.file)
			if !lexicon.IsTBX(data) {
				t.Error("IsTBX = false")
			}
			lex := readTBX(t, data, c.file)
			if len(lex.Concepts) != c.concepts {
				t.Fatalf("%d concepts, want %d", len(lex.Concepts), c.concepts)
			}
			k := lex.Lookup(c.id)
			if k == nil {
				t.Fatalf("no concept %s", c.id)
			}
			if k.Group != c.group || !strings.HasPrefix(k.Note, c.note) || k.Source != "TBX "+c.file {
				t.Errorf("group %q note %q source %q", k.Group, k.Note, k.Source)
			}
			if c.terms != nil && !reflect.DeepEqual(k.Terms, c.terms) {
				t.Errorf("terms\n got %v\nwant %v", k.Terms, c.terms)
			}
			roundTrip(t, lex)
		})
	}
	t.Run("medtronic deprecated", func(t *testing.T) {
		lex := readTBX(t, sharedTBX(t, "medtronic_TBX.tbx"), "medtronic_TBX.tbx")
		if got := lex.Lookup("c7332").Terms["en"]; !reflect.DeepEqual(got, []string{"audible alert"}) {
			t.Errorf("c7332 en = %q", got)
		}
		// "wireless alert" (line 666) is deprecated too.
		if got := lex.Lookup("c7333").Terms["en"]; !reflect.DeepEqual(got, []string{"clinician notification", "silent alert"}) {
			t.Errorf("c7333 en = %q", got)
		}
		if n := len(lex.Lookup("c7331").Terms); n != 14 {
			t.Errorf("c7331 has %d languages, want 14", n)
		}
	})
}

func FuzzReadTBX(f *testing.F) {
	if data, err := os.ReadFile(tbxFixture); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`<martif><text><body><termEntry id="a"><descrip type="subjectField">x</descrip><langSet xml:lang="en"><ntig><termGrp><term>a|b</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig></langSet><langSet xml:lang="fr"><tig><term>c</term></tig></langSet></termEntry></body></text></martif>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lex, err := lexicon.ReadTBX(bytes.NewReader(data), "f.tbx")
		if err != nil {
			var le *lexicon.Error
			if !errors.As(err, &le) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("bad error %T %q", err, err)
			}
			return
		}
		// Whatever was read must give a native lexicon that parses back.
		var buf bytes.Buffer
		if err := lex.Write(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := lexicon.Parse(&buf, "back.tsv")
		if err != nil {
			t.Fatalf("written lexicon does not parse: %v\n%s", err, buf.String())
		}
		if len(back.Concepts) != len(lex.Concepts) {
			t.Fatalf("%d concepts back, want %d", len(back.Concepts), len(lex.Concepts))
		}
	})
}
