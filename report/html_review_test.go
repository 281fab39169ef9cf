package report

import (
	"strings"
	"testing"
)

// TestHTMLExpected: a term the final substituted says what the voted
// concept reads in the final's language, as the lexicon gives it (the
// renderings the voted term carries), in that language; a finding that is
// not about a term, or a concept with no rendering in the language, says
// nothing.
func TestHTMLExpected(t *testing.T) {
	in := fixture()
	op1 := &in.View.Voted.Paras[1]
	s, e := at(op1.Text, "mutually beneficial cooperation")
	op1.Terms = append(op1.Terms, TermSpan{Start: s, End: e, Concept: "mutually-beneficial-cooperation",
		Renderings: map[string][]string{"en": {"mutually beneficial cooperation"}, "fr": {"coopération mutuellement avantageuse", "coopération mutuellement bénéfique"}}})
	doc := parseHTML(t, render(t, "html", in))
	var got []string
	for _, n := range elements(doc, withAttr("span", "class", "expected")) {
		li := n.Parent
		id, _ := attrOf(li, "id")
		inner := elements(n, withAttr("span", "lang", "fr"))
		if len(inner) != 1 {
			t.Errorf("%s: the expected rendering is not marked as French", id)
		}
		got = append(got, id+"="+textOf(n))
	}
	if want := "f-2=expected: coopération mutuellement avantageuse | coopération mutuellement bénéfique"; strings.Join(got, " ") != want {
		t.Errorf("expected renderings %q, want %q", got, want)
	}

	// No rendering in French: nothing to say.
	delete(op1.Terms[len(op1.Terms)-1].Renderings, "fr")
	doc = parseHTML(t, render(t, "html", in))
	if n := len(elements(doc, withAttr("span", "class", "expected"))); n != 0 {
		t.Errorf("%d expected renderings with none in the lexicon", n)
	}
}
