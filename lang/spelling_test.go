package lang_test

import (
	"testing"

	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/segment"
)

// TestSpellingVariants: British, American and the UN's older spellings of
// a word get one key; words that only look like variants keep theirs.
func TestSpellingVariants(t *testing.T) {
	seg := segment.New(nil)
	key := func(code, w string) string {
		toks := seg.Tokens(code, w)
		if len(toks) != 1 {
			t.Fatalf("Tokens(%s, %q) = %d tokens, want 1", code, w, len(toks))
		}
		return toks[0].Key
	}
	same := map[string][][]string{
		"en": {
			{"programme", "program"}, {"programmes", "programs", "Programme's"},
			{"organisation", "organization"}, {"organisations", "organizations"}, {"organised", "organized"},
			{"recognise", "recognize"}, {"recognised", "recognized"}, {"recognising", "recognizing"},
			{"labour", "labor"}, {"labourers", "laborers"}, {"unfavourable", "unfavorable"}, {"behaviour", "behavior"},
			{"defence", "defense"}, {"offences", "offenses"}, {"licence", "license"},
			{"centre", "center"}, {"centres", "centers"}, {"metres", "meters"},
			{"analyse", "analyze"}, {"catalogue", "catalog"}, {"dialogue", "dialog"},
			{"travelled", "traveled"}, {"counselling", "counseling"}, {"fulfil", "fulfill"}, {"fulfilment", "fulfillment"},
			{"paediatric", "pediatric"}, {"manoeuvre", "maneuver"}, {"foetus", "fetus"},
			{"judgement", "judgment"}, {"ageing", "aging"}, {"connexion", "connection"},
			{"coöperation", "cooperation"}, {"criticise", "criticize"}, {"prioritise", "prioritize"},
		},
		"fr": {
			{"œuvre", "oeuvre"}, {"maîtrise", "maitrise"}, {"connaître", "connaitre"}, {"coût", "cout"},
			{"événement", "évènement"},
		},
	}
	for code, groups := range same {
		for _, g := range groups {
			want := key(code, g[0])
			for _, w := range g[1:] {
				if k := key(code, w); k != want {
					t.Errorf("%s: key(%s) = %s, want %s, the key of %s", code, w, k, want, g[0])
				}
			}
		}
	}
	apart := map[string][][2]string{
		"en": {
			{"exercise", "exercize"}, {"enterprise", "enterprize"}, {"promise", "promize"}, {"advise", "advize"},
			{"otherwise", "otherwize"}, {"raise", "raize"}, {"surprise", "surprize"},
			{"programmed", "programd"}, {"our", "or"}, {"hour", "hor"}, {"four", "for"},
		},
		"fr": {{"sûr", "sur"}, {"dû", "du"}, {"mûr", "mur"}},
	}
	for code, pairs := range apart {
		for _, p := range pairs {
			if a, b := key(code, p[0]), key(code, p[1]); a == b {
				t.Errorf("%s: %s and %s share the key %s", code, p[0], p[1], a)
			}
		}
	}
	if got := lang.EnglishSpelling("labour"); got != "labor" {
		t.Errorf("EnglishSpelling(labour) = %q, want labor", got)
	}
	if got := lang.FrenchSpelling("œuvre"); got != "oeuvre" {
		t.Errorf("FrenchSpelling(œuvre) = %q, want oeuvre", got)
	}
}
