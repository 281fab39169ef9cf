package lexicon

import "testing"

// TestAnchors checks the embedded alignment anchors: they parse, every
// concept has a rendering in each of the six languages, and none is also a
// concept of the default lexicon (anchors are never reported, so a term the
// checker reports must not hide among them).
func TestAnchors(t *testing.T) {
	a := Anchors()
	if len(a.Concepts) < 30 {
		t.Fatalf("%d anchors, want at least 30", len(a.Concepts))
	}
	def := Default()
	for _, c := range a.Concepts {
		for _, l := range []string{"ar", "zh", "en", "fr", "ru", "es"} {
			if len(c.Terms[l]) == 0 {
				t.Errorf("anchor %s (%s): no %s rendering", c.ID, c.Origin, l)
			}
		}
		if def.Lookup(c.ID) != nil {
			t.Errorf("anchor %s is also a concept of the default lexicon", c.ID)
		}
	}
}
