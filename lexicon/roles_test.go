package lexicon_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
)

// hitsIn returns "concept:text" for each hit of lex in text.
func hitsIn(t *testing.T, lex *lexicon.Lexicon, code, text string) []string {
	t.Helper()
	seg := segment.New(nil)
	m := lexicon.NewMatcher(lex, seg)
	var out []string
	for _, h := range m.MatchAll(code, text, seg.Tokens(code, text)) {
		out = append(out, h.Concept.ID+":"+h.Text)
	}
	return out
}

func TestRoleColumn(t *testing.T) {
	lex := parse(t, "id\tgroup\ten\trole\tmatch\n"+
		"a\tg\talpha\tcontested\t\n"+
		"b\t\tbeta\trequired\t\n"+
		"c\t\tgamma\treference\tunaccented\n"+
		"d\t\tdelta\t\t\n")
	want := map[string][2]string{"a": {"contested", ""}, "b": {"required", ""}, "c": {"reference", "unaccented"}, "d": {"", ""}}
	for id, w := range want {
		c := lex.Lookup(id)
		if string(c.Role) != w[0] || string(c.Match) != w[1] {
			t.Errorf("%s: role %q match %q, want %q %q", id, c.Role, c.Match, w[0], w[1])
		}
	}
	// Written and read back, the same roles.
	var b bytes.Buffer
	if err := lex.Write(&b); err != nil {
		t.Fatal(err)
	}
	back := parse(t, b.String())
	for id, w := range want {
		if c := back.Lookup(id); string(c.Role) != w[0] || string(c.Match) != w[1] {
			t.Errorf("written and read: %s: role %q match %q, want %q %q", id, c.Role, c.Match, w[0], w[1])
		}
	}
	if h := strings.SplitN(b.String(), "\n", 2)[0]; !strings.HasSuffix(h, "\trole\tmatch") {
		t.Errorf("header %q, want the role and match columns last", h)
	}
}

// TestWriteWithoutRoles checks that a lexicon without roles is written as
// before: no role or match column.
func TestWriteWithoutRoles(t *testing.T) {
	var b bytes.Buffer
	if err := lexicon.Default().Write(&b); err != nil {
		t.Fatal(err)
	}
	h := strings.SplitN(b.String(), "\n", 2)[0]
	if strings.Contains(h, "role") || strings.Contains(h, "match") {
		t.Errorf("default lexicon written with header %q: no role or match column expected", h)
	}
}

func TestRoleErrors(t *testing.T) {
	for _, tc := range []struct{ tsv, want string }{
		{"id\ten\trole\na\talpha\tnegotiated\n", `line 2: column role: unknown role "negotiated"`},
		{"id\ten\trole\na\talpha\tcontested\n", "line 2: concept \"a\": role contested needs a group"},
		{"id\tgroup\ten\trole\na\tg\talpha\trequired\n", "line 2: concept \"a\": role required takes no group"},
		{"id\ten\tmatch\na\talpha\tfuzzy\n", `line 2: column match: unknown match "fuzzy"`},
	} {
		_, err := lexicon.Parse(strings.NewReader(tc.tsv), "t.tsv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", tc.tsv, err, tc.want)
		}
	}
	lex := parse(t, "id\ten\na\talpha\n")
	if err := lex.SetRole(lexicon.RoleContested, "x.tsv"); err == nil || !strings.Contains(err.Error(), "lexicon x.tsv: concept \"a\": role contested needs a group") {
		t.Errorf("SetRole(contested) on a concept without a group = %v", err)
	}
	if err := lex.SetRole(lexicon.RoleReference, "x.tsv"); err != nil || lex.Lookup("a").Role != lexicon.RoleReference {
		t.Errorf("SetRole(reference) = %v, role %q", err, lex.Lookup("a").Role)
	}
}

// TestOneWordExact checks the matching of one-word renderings: stemmed in a
// lexicon without roles (as before), exact in a concept with a role unless
// marked with "*"; renderings of several words stemmed.
func TestOneWordExact(t *testing.T) {
	text := "The importance of imports for refugees, and the Security Council on securities and human right."
	for _, tc := range []struct {
		role string
		want string
	}{
		{"", "imp:importance imp:imports ref:refugees sec:Security sec:securities hr:human right"},
		{"reference", "imp:importance ref:refugees sec:Security hr:human right"},
		{"required", "imp:importance ref:refugees sec:Security hr:human right"},
	} {
		lex := parse(t, "id\ten\trole\n"+
			"imp\timportance\t"+tc.role+"\n"+
			"ref\trefugee*\t"+tc.role+"\n"+
			"sec\tsecurity\t"+tc.role+"\n"+
			"hr\thuman rights\t"+tc.role+"\n")
		if got := strings.Join(hitsIn(t, lex, "en", text), " "); got != tc.want {
			t.Errorf("role %q:\n got %s\nwant %s", tc.role, got, tc.want)
		}
	}
}

// TestUnaccented checks the matching of a term base written without
// accents and in capitals: word for word, ignoring accents and case, not
// stemmed.
func TestUnaccented(t *testing.T) {
	lex := parse(t, "id\tfr\tru\tes\tmatch\n"+
		"dd\tdeveloppement durable\tУстойчивое развитие\tdesarrollo sostenible\tunaccented\n"+
		"ag\tvieillissement\tСтарость\tenvejecimiento\tunaccented\n")
	for _, tc := range []struct{ code, text, want string }{
		{"fr", "Le développement durable et le Développement Durables.", "dd:développement durable"},
		{"ru", "устойчивое развитие и старость, устойчивого развития", "dd:устойчивое развитие ag:старость"},
		{"es", "el desarrollo sostenible y el envejecimiento", "dd:desarrollo sostenible ag:envejecimiento"},
	} {
		if got := strings.Join(hitsIn(t, lex, tc.code, tc.text), " "); got != tc.want {
			t.Errorf("%s %q:\n got %s\nwant %s", tc.code, tc.text, got, tc.want)
		}
	}
}

// TestReferenceNeverHides checks that reference concepts are matched in
// what the other concepts leave: a longer reference rendering does not
// hide a shorter one of the default lexicon, and the hits of the others
// are those without the reference concepts.
func TestReferenceNeverHides(t *testing.T) {
	text := "the sustainable development goals and international cooperation in outer space"
	own := "id\ten\nsd\tsustainable development\nic\tinternational cooperation\n"
	ref := "id\ten\trole\nsdg\tsustainable development goals\treference\ngoal\tgoals\treference\nos\touter space\treference\n"
	alone := strings.Join(hitsIn(t, parse(t, own), "en", text), " ")
	if alone != "sd:sustainable development ic:international cooperation" {
		t.Fatalf("without reference: %s", alone)
	}
	both := parse(t, own).Merge(parse(t, ref))
	got := strings.Join(hitsIn(t, both, "en", text), " ")
	if want := "sd:sustainable development goal:goals ic:international cooperation os:outer space"; got != want {
		t.Errorf("with reference:\n got %s\nwant %s", got, want)
	}
	// Match leaves the reference concepts out.
	seg := segment.New(nil)
	var only []string
	for _, h := range lexicon.NewMatcher(both, seg).Match("en", text, seg.Tokens("en", text)) {
		only = append(only, h.Concept.ID+":"+h.Text)
	}
	if got := strings.Join(only, " "); got != alone {
		t.Errorf("Match with reference concepts: %s, want %s", got, alone)
	}
}
