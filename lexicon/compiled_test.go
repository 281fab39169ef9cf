package lexicon_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
)

const rolesTSV = "id\tgroup\ten\tfr\tzh\trole\tmatch\n" +
	"sd\t\tsustainable development goals\tobjectifs de developpement durable\t可持续发展目标\treference\tunaccented\n" +
	"imp\t\timportance\timportance\t重要性\treference\t\n" +
	"ref\t\trefugee*\trefugie\t难民\treference\tunaccented\n" +
	"old\tg1\trule of law [until 1990] | =legality\tprimauté du droit\t法治\tcontested\t\n"

// compiledCopy returns lex compiled and read back.
func compiledCopy(t *testing.T, lex *lexicon.Lexicon) *lexicon.Lexicon {
	t.Helper()
	var b bytes.Buffer
	if err := lexicon.Compile(&b, lex, lexicon.Source{Name: "t.tsv"}); err != nil {
		t.Fatal(err)
	}
	back, _, err := lexicon.ReadCompiled(b.Bytes(), "t.dcx")
	if err != nil {
		t.Fatal(err)
	}
	return back
}

// describe returns the hits of lex in text, with what a hit carries.
func describe(lex *lexicon.Lexicon, code, text string) string {
	seg := segment.New(lex.Terms("zh"))
	m := lexicon.NewMatcher(lex, seg)
	var b strings.Builder
	for _, h := range m.MatchAll(code, text, seg.ForTexts(text).Tokens(code, text)) {
		fmt.Fprintf(&b, "%s %s %q %q %d-%d %d-%d %v;", h.Concept.ID, h.Concept.Role, h.Rendering, h.Text, h.Start, h.End, h.TokStart, h.TokEnd, h.Period)
	}
	return b.String()
}

// TestCompiledSameHits checks that the default lexicon with a lexicon of
// roles, compiled and read back, finds the same hits as read from TSV,
// in the founding texts and in French.
func TestCompiledSameHits(t *testing.T) {
	lex := lexicon.Default().Merge(parse(t, rolesTSV))
	back := compiledCopy(t, lex)
	if len(back.Concepts) != len(lex.Concepts) || strings.Join(back.Languages(), " ") != strings.Join(lex.Languages(), " ") {
		t.Fatalf("compiled: %d concepts %v, want %d %v", len(back.Concepts), back.Languages(), len(lex.Concepts), lex.Languages())
	}
	var tsvOut, dcxOut bytes.Buffer
	lex.Write(&tsvOut)
	back.Write(&dcxOut)
	if tsvOut.String() != dcxOut.String() {
		t.Errorf("the compiled lexicon is written differently")
	}
	texts := map[string][]string{
		"fr": {"Les objectifs de développement durable, la primauté du droit et les réfugiés; l'importance de la coopération."},
		"en": {"The sustainable development goals, the rule of law and legality for refugees; the importance of imports."},
	}
	for _, f := range []struct{ code, path string }{{"en", "../testdata/founding/L36.en.txt"}, {"zh", "../testdata/founding/RES.zh.txt"}} {
		data, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		texts[f.code] = append(texts[f.code], strings.Split(string(data), "\n")...)
	}
	hits := 0
	for code, ps := range texts {
		for _, p := range ps {
			a, b := describe(lex, code, p), describe(back, code, p)
			if a != b {
				t.Errorf("%s %q:\n tsv %s\n dcx %s", code, p, a, b)
			}
			hits += strings.Count(a, ";")
		}
	}
	if hits < 20 {
		t.Errorf("only %d hits in the texts: the test checks little", hits)
	}
}

// TestCompiledRefused checks that a damaged, truncated or other-version
// compiled lexicon is an error wrapping ErrCompiled, never a panic.
func TestCompiledRefused(t *testing.T) {
	var b bytes.Buffer
	if err := lexicon.Compile(&b, parse(t, rolesTSV), lexicon.Source{Name: "t.tsv"}); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	check := func(what string, data []byte, want string) {
		t.Helper()
		_, _, err := lexicon.ReadCompiled(data, "t.dcx")
		if !errors.Is(err, lexicon.ErrCompiled) || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "lexicon t.dcx: ") {
			t.Errorf("%s: %v, want ErrCompiled with %q", what, err, want)
		}
	}
	for i := len(lexicon.CompiledMagic); i < len(good); i += 7 {
		d := bytes.Clone(good)
		d[i] ^= 0x55
		check(fmt.Sprintf("byte %d altered", i), d, "")
	}
	for n := len(lexicon.CompiledMagic); n < len(good); n += 11 {
		check(fmt.Sprintf("cut at %d", n), good[:n], "")
	}
	// Another version, with a right checksum.
	d := bytes.Clone(good[:len(good)-4])
	d[len(lexicon.CompiledMagic)] = lexicon.CompiledVersion + 1
	d = binary.LittleEndian.AppendUint32(d, crc32.Checksum(d, crc32.MakeTable(crc32.Castagnoli)))
	check("version", d, fmt.Sprintf("format version %d", lexicon.CompiledVersion+1))
}

// TestCompiledStale checks that Open refuses a compiled lexicon whose
// source has changed, and reads one whose source is gone.
func TestCompiledStale(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "terms.tsv")
	dcx := filepath.Join(dir, "terms.dcx")
	if err := os.WriteFile(src, []byte(rolesTSV), 0o644); err != nil {
		t.Fatal(err)
	}
	compile := func() {
		lex, _, err := lexicon.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		s, err := lexicon.ReadSource(src)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := lexicon.Compile(&b, lex, s); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dcx, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	compile()
	if l, _, err := lexicon.Open(dcx); err != nil || len(l.Concepts) != 4 {
		t.Fatalf("fresh compiled lexicon: %v", err)
	}
	// The same size, other contents.
	if err := os.WriteFile(src, []byte(strings.Replace(rolesTSV, "importance", "importancf", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := lexicon.Open(dcx); !errors.Is(err, lexicon.ErrStale) || !strings.Contains(err.Error(), "terms.tsv has changed") {
		t.Errorf("stale compiled lexicon: %v, want ErrStale", err)
	}
	compile()
	if _, _, err := lexicon.Open(dcx); err != nil {
		t.Errorf("compiled again: %v", err)
	}
	os.Remove(src)
	if _, _, err := lexicon.Open(dcx); err != nil {
		t.Errorf("source gone: %v", err)
	}
}

// TestCompiledLookup checks that the concepts of a compiled lexicon are
// looked up by id (in the id order stored in the file), alone and merged
// with the default lexicon, where a compiled concept with the id of a
// default one replaces it in place.
func TestCompiledLookup(t *testing.T) {
	var b strings.Builder
	b.WriteString("id\ten\tfr\n")
	for i := 300; i > 0; i-- { // ids out of order in the file
		fmt.Fprintf(&b, "c%d\tterm %d\tterme %d\n", i, i, i)
	}
	b.WriteString("win-win-cooperation\tmutual gain\tgain mutuel\n")
	back := compiledCopy(t, parse(t, b.String()))
	for _, id := range []string{"c1", "c150", "c300", "win-win-cooperation"} {
		if c := back.Lookup(id); c == nil || c.ID != id {
			t.Errorf("Lookup(%q) = %v", id, c)
		}
	}
	for _, id := range []string{"c0", "c3000", "", "zzz"} {
		if c := back.Lookup(id); c != nil {
			t.Errorf("Lookup(%q) = %s, want nil", id, c.ID)
		}
	}
	def := lexicon.Default()
	merged := def.Merge(back)
	if want := len(def.Concepts) + 300; len(merged.Concepts) != want {
		t.Fatalf("merged: %d concepts, want %d", len(merged.Concepts), want)
	}
	ww := merged.Lookup("win-win-cooperation")
	if ww == nil || ww.Terms["en"][0] != "mutual gain" {
		t.Errorf("win-win-cooperation: %v, want the compiled concept", ww)
	}
	for i, c := range def.Concepts {
		if got := merged.Lookup(c.ID); got != merged.Concepts[i] {
			t.Errorf("%s: looked up %p, in place %p", c.ID, got, merged.Concepts[i])
		}
	}
	if c := merged.Lookup("c42"); c == nil || c.Terms["fr"][0] != "terme 42" {
		t.Errorf("c42 in the merged lexicon: %v", c)
	}
	// Merged again, with a small lexicon: still found.
	again := merged.Merge(parse(t, "id\ten\nextra\textra term\n"))
	if again.Lookup("c7") == nil || again.Lookup("extra") == nil || again.Lookup("mutually-beneficial-cooperation") == nil {
		t.Errorf("merged twice: lookups fail")
	}
}

// FuzzReadCompiled checks that no input makes ReadCompiled panic, and
// that what it reads back is a usable lexicon: written, compiled and read
// again the same.
func FuzzReadCompiled(f *testing.F) {
	var b bytes.Buffer
	if err := lexicon.Compile(&b, lexicon.Default().Merge(parseF(f, rolesTSV)), lexicon.Source{Name: "t.tsv"}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte(lexicon.CompiledMagic))
	f.Add(append([]byte(lexicon.CompiledMagic), 2, 0, 0, 0, 0))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The checksum would refuse nearly every change: make it right,
		// so that the reader's own checks are what is tried.
		if len(data) > len(lexicon.CompiledMagic)+4 {
			data = bytes.Clone(data)
			body := data[:len(data)-4]
			binary.LittleEndian.PutUint32(data[len(data)-4:], crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli)))
		}
		l, _, err := lexicon.ReadCompiled(data, "f.dcx")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "lexicon f.dcx: ") {
				t.Fatalf("error without the file's name: %v", err)
			}
			return
		}
		for _, c := range l.Concepts {
			if l.Lookup(c.ID) != c {
				t.Fatalf("concept %q not looked up", c.ID)
			}
		}
		var w bytes.Buffer
		if err := l.Write(&w); err != nil {
			t.Fatal(err)
		}
		for _, code := range l.Languages() {
			describe(l, code, "the rule of law and cooperation")
		}
	})
}

func parseF(f *testing.F, tsv string) *lexicon.Lexicon {
	l, err := lexicon.Parse(strings.NewReader(tsv), "t.tsv")
	if err != nil {
		f.Fatal(err)
	}
	return l
}

// TestCompiledLoad checks that a compiled lexicon leaves the renderings
// of its reference concepts in the file until Load, reads them from there
// meanwhile (Terms, Current, Period, SetMatch) and after Load holds them
// as the TSV does.
func TestCompiledLoad(t *testing.T) {
	lex := parse(t, rolesTSV)
	back := compiledCopy(t, lex)
	for i, c := range back.Concepts {
		want := lex.Concepts[i]
		if lazy := c.Terms == nil; lazy != (c.Role == lexicon.RoleReference) {
			t.Errorf("%s (role %q): Terms %v before Load", c.ID, c.Role, c.Terms)
		}
		for _, code := range []string{"en", "fr", "zh"} {
			if got, w := strings.Join(c.Current(code, 0), "|"), strings.Join(want.Current(code, 0), "|"); got != w {
				t.Errorf("%s %s: Current %q, want %q", c.ID, code, got, w)
			}
			for _, r := range want.Terms[code] {
				if c.Period(code, r) != want.Period(code, r) {
					t.Errorf("%s %s %q: period %v, want %v", c.ID, code, r, c.Period(code, r), want.Period(code, r))
				}
			}
		}
	}
	if got, want := strings.Join(back.Terms("en"), "|"), strings.Join(lex.Terms("en"), "|"); got != want {
		t.Errorf("Terms(en) = %q, want %q", got, want)
	}
	back.Load()
	for i, c := range back.Concepts {
		if fmt.Sprint(c.Terms, c.Periods) != fmt.Sprint(lex.Concepts[i].Terms, lex.Concepts[i].Periods) {
			t.Errorf("%s after Load: %v %v, want %v %v", c.ID, c.Terms, c.Periods, lex.Concepts[i].Terms, lex.Concepts[i].Periods)
		}
	}
	// A match mode set on a concept not loaded loads it first.
	again := compiledCopy(t, lex)
	again.SetMatch(lexicon.MatchUnaccented)
	if c := again.Lookup("imp"); c.Terms == nil || c.Terms["fr"][0] != "importance" {
		t.Errorf("imp after SetMatch: %v", c.Terms)
	}
	if describe(again, "fr", "l'importance des réfugiés") == "" {
		t.Errorf("no hit after SetMatch")
	}
}

// TestCompiledMergedAlone checks a compiled lexicon merged into none (the
// --no-default-lexicon of a command): its concepts, looked up, and its
// languages known without reading the renderings left in the file.
func TestCompiledMergedAlone(t *testing.T) {
	back := compiledCopy(t, parse(t, rolesTSV))
	var none *lexicon.Lexicon
	m := none.Merge(back)
	if len(m.Concepts) != len(back.Concepts) || m.Lookup("imp") != back.Lookup("imp") || m.Lookup("nothing") != nil {
		t.Fatalf("merged into none: %d concepts, imp %v", len(m.Concepts), m.Lookup("imp"))
	}
	if got := strings.Join(m.Languages(), " "); got != "en fr zh" {
		t.Errorf("languages %q, want en fr zh", got)
	}
	if m.Lookup("imp").Terms != nil {
		t.Errorf("the renderings of a reference concept were read")
	}
}
