package lexicon

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/segment"
)

// preparedFor returns the patterns of c in code read from a compiled
// lexicon, and whether c was read from one (a concept read from a lexicon
// file is prepared by conceptPatterns).
func (c *Concept) preparedFor(code string) ([]*pattern, bool) {
	if c.compiled == nil {
		return nil, false
	}
	return c.compiled.patterns(code, c.index), true
}

// conceptPatterns returns the patterns of c's renderings in code: each
// rendering's keys and, in languages written with spaces, its compound
// variants. A one-word rendering of a concept with a role is exact unless
// marked with StemSuffix; a concept matched MatchUnaccented has bare
// patterns (Chinese has no accents and is matched as usual).
//
// Chinese renderings are keyed without the Chinese dictionary
// (segment.HanKeys): a pattern is matched by its joined keys, which do not
// depend on how the rendering itself is cut.
func conceptPatterns(seg *segment.Segmenter, c *Concept, code string) []*pattern {
	sep := joinSep(code)
	han := lang.Han(code)
	var out []*pattern
	terms, periods := c.terms()
	for ri, r := range terms[code] {
		text, exact, stem := renderingText(r)
		var keys, folded []string
		if han {
			keys = segment.HanKeys(code, text)
			folded = keys
		} else {
			for _, t := range seg.Tokens(code, text) {
				if t.IsContent() {
					keys = append(keys, t.Key)
					folded = append(folded, segment.Fold(t.In(text)))
				}
			}
		}
		if len(keys) == 0 {
			continue
		}
		p := &pattern{concept: c, rendering: text, term: ri, period: periods[code][r], keys: keys, joined: strings.Join(keys, sep)}
		if !han && c.Match == MatchUnaccented {
			bare := make([]string, len(folded))
			for i, f := range folded {
				bare[i] = segment.Unaccent(f)
			}
			p.keys, p.exact, p.bare = bare, bare, bare
			p.joined = strings.Join(bare, sep)
			p.size = len(p.joined)
			out = append(out, p)
			continue
		}
		p.size = len(p.joined)
		if !han && c.Role != RoleDefault && len(keys) == 1 && !stem {
			exact = true
		}
		if exact {
			p.exact = folded
		}
		out = append(out, p)
		if sep != "" && !exact {
			out = append(out, compoundVariants(seg, code, text, p)...)
		}
	}
	return out
}

func newPatterns() *langPatterns {
	return &langPatterns{byFirst: map[string][]*pattern{}}
}

// add indexes pats, the patterns of one concept, by their first key.
func (lp *langPatterns) add(code string, pats []*pattern) {
	sep := joinSep(code)
	for _, p := range pats {
		if p.bare != nil {
			if lp.byBare == nil {
				lp.byBare = map[string][]*pattern{}
			}
			lp.byBare[p.bare[0]] = append(lp.byBare[p.bare[0]], p)
			continue
		}
		first := p.keys[0]
		if sep == "" {
			_, n := utf8.DecodeRuneInString(first)
			first = first[:n]
		}
		lp.byFirst[first] = append(lp.byFirst[first], p)
	}
}

// finish orders the patterns longest first and indexes the multi-word ones
// by their second key (see langPatterns.headFirst).
func (lp *langPatterns) finish(code string) {
	sep := joinSep(code)
	hf := map[string][]*pattern{}
	// The first keys in order, so that the lists of headFirst, which
	// gather patterns of several first keys, are the same from run to run
	// (the first pattern that matches wins).
	firsts := make([]string, 0, len(lp.byFirst))
	for k := range lp.byFirst {
		firsts = append(firsts, k)
	}
	sort.Strings(firsts)
	for _, k := range firsts {
		ps := lp.byFirst[k]
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].size > ps[j].size })
		lp.byFirst[k] = ps
		for _, pat := range ps {
			if sep != "" && len(pat.keys) >= 2 && pat.exact == nil && !pat.variant {
				hf[pat.keys[1]] = append(hf[pat.keys[1]], pat)
			}
		}
	}
	for _, ps := range hf {
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].size > ps[j].size })
	}
	lp.headFirst = hf
	for k, ps := range lp.byBare {
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].size > ps[j].size })
		lp.byBare[k] = ps
	}
}
