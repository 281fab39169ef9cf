package drift_test

import (
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
)

// A voted paragraph of four sentences and its French translation, written
// for the project.
const (
	contentEN = "Recalls its resolution 70/1 of 25 September 2015 on the 2030 Agenda for Sustainable Development. " +
		"Welcomes the report of the Secretary-General on the implementation of the present resolution. " +
		"Requests the Secretary-General to submit to the General Assembly at its seventy-second session a report on the progress made in the implementation of the present resolution, including recommendations on ways to strengthen cooperation. " +
		"Decides to remain seized of the matter."
	contentFR = "Rappelle sa résolution 70/1 du 25 septembre 2015 sur le Programme de développement durable à l'horizon 2030. " +
		"Accueille avec satisfaction le rapport du Secrétaire général sur l'application de la présente résolution. " +
		"Prie le Secrétaire général de lui présenter à sa soixante-douzième session un rapport sur les progrès accomplis dans l'application de la présente résolution, assorti de recommandations sur les moyens de renforcer la coopération. " +
		"Décide de rester saisie de la question."
)

// TestContent checks omissions and additions inside an aligned pair: a
// faithful translation has none; a final without one of the voted
// sentences is content-omitted on that sentence; a final with a sentence
// the voted paragraph does not have is content-added on it; a single
// sentence far shorter than a translation is content-omitted by its length.
func TestContent(t *testing.T) {
	fx := newFixture(lexicon.Default())
	third := strings.Index(contentFR, "Prie ")
	fourth := strings.Index(contentFR, "Décide ")
	tests := []struct {
		desc, voted, final string
		want               string
		span               string // the text the finding points at
	}{
		{"faithful", contentEN, contentFR, "", ""},
		{"a sentence omitted", contentEN, contentFR[:third] + contentFR[fourth:], "content-omitted/warning",
			"Requests the Secretary-General to submit"},
		{"a sentence added", contentEN[:strings.Index(contentEN, "Requests ")] + contentEN[strings.Index(contentEN, "Decides "):], contentFR,
			"content-added/warning", "Prie le Secrétaire général"},
		// The second sentence is a fifth of the paragraph. Added to the
		// final, it makes the final longer than a translation by less
		// than omitGuard, but the sentence left alone explains it.
		{"a shorter sentence omitted", contentEN, contentFR[:strings.Index(contentFR, "Accueille ")] + contentFR[third:], "content-omitted/warning",
			"Welcomes the report of the Secretary-General"},
		{"a shorter sentence added", contentEN[:strings.Index(contentEN, "Welcomes ")] + contentEN[strings.Index(contentEN, "Requests "):], contentFR, "content-added/warning",
			"Accueille avec satisfaction"},
		{"one sentence, half of it gone", "Requests the Secretary-General to submit to the General Assembly at its seventy-second session a report on the progress made in the implementation of the present resolution, including recommendations on ways to strengthen cooperation.",
			"Prie le Secrétaire général de lui présenter un rapport.", "content-omitted/warning", "Requests the Secretary-General"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			fs := fx.compare(fx.side(tt.voted, "v.en.txt", "en", true), fx.side(tt.final, "f.fr.txt", "fr", true))
			var got []drift.Finding
			for _, f := range fs {
				if f.Kind == drift.ContentOmitted || f.Kind == drift.ContentAdded {
					got = append(got, f)
				}
			}
			if k := kinds(got); k != tt.want {
				t.Fatalf("got %q, want %q (all findings: %q)", k, tt.want, kinds(fs))
			}
			if len(got) == 0 {
				return
			}
			loc := got[0].Voted
			if got[0].Kind == drift.ContentAdded {
				loc = got[0].Final
			}
			if loc.Start < 0 || !strings.HasPrefix(loc.Text[loc.Start:loc.End], tt.span) {
				t.Errorf("span %d–%d of %q, want it to start with %q", loc.Start, loc.End, loc.Text, tt.span)
			}
		})
	}
}
