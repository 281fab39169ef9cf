package lang

// Languages that are not official at the UN but that a user's lexicon may
// hold: what driftcheck knew of them before profiles (their words are
// compared as cognates; Portuguese and Italian put the head noun first).
// No script is given, so a declared language is never refused for its
// script (see driftcheck's language check). A full profile registered later
// replaces these.
func init() {
	for _, p := range []*Profile{
		{Code: "pt", Name: "Portuguese", HeadFirst: true},
		{Code: "it", Name: "Italian", HeadFirst: true},
		{Code: "de", Name: "German"},
	} {
		p.Cognates, p.DecimalHours = true, true
		Register(p)
	}
}
