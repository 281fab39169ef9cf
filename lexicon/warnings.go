package lexicon

import (
	"fmt"
	"strings"

	"github.com/driftcheck/driftcheck/segment"
)

// Warnings returns what is doubtful in l without stopping it from loading,
// one message a problem, in concept order: a rendering whose words (as seg
// cuts and normalises them) are those of a rendering of another concept,
// which the matcher could only ever report as one of the two; and a group
// with a single concept, which has no alternative to substitute. seg should
// be the segmenter built with l's Chinese renderings (segment.New), as a
// check uses.
//
// The Chinese dictionary is built once, for all the renderings, rather
// than once a rendering: a cut with it is the cut with the dictionary of
// that rendering alone (see segment.Segmenter.ForTexts), and checking a
// lexicon of 10,000 concepts takes seconds instead of minutes.
func (l *Lexicon) Warnings(seg *segment.Segmenter) []string {
	langs := l.Languages()
	var texts []string
	for _, lang := range langs {
		texts = append(texts, l.Terms(lang)...)
	}
	seg = seg.ForTexts(texts...)
	var out []string
	seen := map[string]string{}
	for _, k := range l.Concepts {
		for _, lang := range langs {
			terms, _ := k.terms()
			for _, r := range terms[lang] {
				var keys []string
				for _, t := range seg.Tokens(lang, r) {
					if t.IsContent() {
						keys = append(keys, t.Key)
					}
				}
				key := lang + ":" + strings.Join(keys, " ")
				if prev, ok := seen[key]; ok && prev != k.ID {
					out = append(out, fmt.Sprintf("%s rendering %q of %s matches the same words as a rendering of %s (%s)", lang, r, k.ID, prev, k.Origin))
				}
				seen[key] = k.ID
			}
		}
	}
	n := map[string]int{}
	for _, k := range l.Concepts {
		if k.Group != "" {
			n[k.Group]++
		}
	}
	for _, k := range l.Concepts {
		if k.Group != "" && n[k.Group] == 1 {
			out = append(out, fmt.Sprintf("group %s has only concept %s (%s): nothing to substitute", k.Group, k.ID, k.Origin))
			n[k.Group] = 0
		}
	}
	return out
}
