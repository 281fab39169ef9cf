package lexicon

import (
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/segment"
)

// DistinctParts returns the parts of c's renderings in a language that no
// other concept of the matcher's lexicon has: the keys of words of at least
// four letters or, in a language written in Han characters, two characters
// in a row. A final paragraph holding one of them holds part of c,
// reworded ("capacity" for capacity-building, 性别 for 性别平等), rather
// than nothing of it (合作 or "cooperation" are shared, so they say nothing
// about which concept is meant). The parts of a language are worked out
// once per matcher.
func (m *Matcher) DistinctParts(c *Concept, code string) map[string]bool {
	code = lang.Norm(code)
	m.partsMu.Lock()
	defer m.partsMu.Unlock()
	if of, ok := m.parts[code]; ok {
		return of[c.ID]
	}
	if c.Role == RoleReference {
		return nil // a reference concept is never missing nor added
	}
	concepts := []*Concept{c}
	if m.lex != nil {
		// Reference concepts (a thesaurus) do not make a part shared: the
		// parts are those of the concepts that can make findings.
		concepts = concepts[:0]
		for _, x := range m.lex.Concepts {
			if x.Role != RoleReference {
				concepts = append(concepts, x)
			}
		}
	}
	han := lang.Han(code)
	of := map[string]map[string]bool{}
	owners := map[string]map[string]bool{}
	for _, x := range concepts {
		set := map[string]bool{}
		terms, _ := x.terms()
		for _, r := range terms[code] {
			r, _, _ = renderingText(r)
			if han {
				rs := []rune(r)
				for i := 0; i+1 < len(rs); i++ {
					set[string(rs[i:i+2])] = true
				}
				continue
			}
			for _, t := range m.seg.Tokens(code, r) {
				if t.Kind == segment.Word && utf8.RuneCountInString(t.In(r)) >= 4 {
					set[t.Key] = true
				}
			}
		}
		of[x.ID] = set
		for part := range set {
			if owners[part] == nil {
				owners[part] = map[string]bool{}
			}
			owners[part][x.ID] = true
		}
	}
	for _, set := range of {
		for part := range set {
			if len(owners[part]) > 1 {
				delete(set, part)
			}
		}
	}
	if m.parts == nil {
		m.parts = map[string]map[string]map[string]bool{}
	}
	m.parts[code] = of
	return of[c.ID]
}
