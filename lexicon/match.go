package lexicon

import (
	"github.com/driftcheck/driftcheck/lang"

	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/segment"
)

// Hit is one rendering of a concept found in a paragraph. Start and End are
// byte offsets into the paragraph text; TokStart and TokEnd index the
// paragraph's tokens (End exclusive).
type Hit struct {
	Concept          *Concept
	Rendering        string // the lexicon rendering that matched
	Text             string // the text as written in the paragraph
	Start, End       int
	TokStart, TokEnd int
	// Period is when the rendering was in use (Concept.Periods), zero
	// for always: a rendering of another period than the text's year is
	// an old (or new) wording of the concept.
	Period Period
}

type pattern struct {
	concept   *Concept
	rendering string
	term      int // the index of the rendering in concept.Terms of its language
	period    Period
	keys      []string // content-token keys
	exact     []string // unstemmed folded words, for renderings marked exact
	// bare holds the folded words without accents of a rendering matched
	// MatchUnaccented (keys then holds them too); nil otherwise.
	bare   []string
	joined string // keys joined (without separator for Chinese)
	// size orders the patterns, longest first: the length of the
	// rendering's own joined keys, for its compound variants too.
	size int
	// variant is set for a rendering's compound variant ("co-operation"
	// for "cooperation"): it is not matched elliptically.
	variant bool
}

// ExactPrefix marks a rendering to be matched word for word, without
// stemming: "=accountability" must not match "take into account", which
// stems alike.
const ExactPrefix = "="

// StemSuffix marks a one-word rendering of a concept with a role (see
// Role) to be matched by its stem, as every rendering of a lexicon without
// roles is: "refugee*" matches "refugees". A one-word rendering of a
// concept with a role is otherwise matched exactly (folded, not stemmed):
// "importance" must not match "imports". Renderings of several words are
// stemmed unless marked exact.
const StemSuffix = "*"

// renderingText returns the text of rendering r without its markers and
// whether it is marked exact or marked for stemming.
func renderingText(r string) (text string, exact, stem bool) {
	text, exact = strings.CutPrefix(r, ExactPrefix)
	if t, ok := strings.CutSuffix(text, StemSuffix); ok && !exact {
		text, stem = strings.TrimRight(t, " "), true
	}
	return text, exact, stem
}

// Matcher finds lexicon renderings in segmented text. Build it once per
// lexicon and segmenter; it is safe for concurrent use.
//
// A Matcher is safe for concurrent use: the pattern tables of each
// language are built once, under a lock, and published whole.
type Matcher struct {
	lex *Lexicon
	seg *segment.Segmenter
	mu  sync.Mutex // serialises Prepare
	// tables maps a language to its patterns; replaced, never modified.
	tables atomic.Pointer[map[string]*langTables]
	// parts holds, per language, each concept's distinctive parts (see
	// DistinctParts), built on first use.
	partsMu sync.Mutex
	parts   map[string]map[string]map[string]bool
}

// langTables are the patterns of one language: those of the concepts that
// may make findings, matched first, and those of the reference concepts
// (nil until MatchAll needs them), matched in what the others leave.
type langTables struct {
	main, ref *langPatterns
}

// langPatterns are the patterns of one language.
type langPatterns struct {
	// byFirst indexes the patterns by their first key (by the first rune
	// of the key for Chinese), longest first.
	byFirst map[string][]*pattern
	// headFirst indexes multi-word patterns by their second key, for
	// coordinations that put the shared head noun first.
	headFirst map[string][]*pattern
	// byBare indexes the patterns matched MatchUnaccented by their first
	// word without accents, longest first.
	byBare map[string][]*pattern
}

func (lp *langPatterns) empty() bool {
	return lp == nil || len(lp.byFirst) == 0 && len(lp.byBare) == 0
}

// NewMatcher prepares lex for matching text cut by seg. The segmenter must
// have been built with lex's Chinese renderings as user words (see
// segment.New) for Chinese terms to stay whole.
func NewMatcher(lex *Lexicon, seg *segment.Segmenter) *Matcher {
	m := &Matcher{lex: lex, seg: seg}
	m.tables.Store(&map[string]*langTables{})
	return m
}

// Lexicon returns the matcher's lexicon.
func (m *Matcher) Lexicon() *Lexicon { return m.lex }

func joinSep(code string) string {
	if lang.NoSpaces(code) {
		return ""
	}
	return "\x1f"
}

func (m *Matcher) patterns(lang string) *langTables {
	return (*m.tables.Load())[lang]
}

// Prepare builds the patterns of the given languages now rather than on
// their first Match.
func (m *Matcher) Prepare(langs ...string) {
	m.prepare(false, langs...)
}

// prepare builds the patterns of the given languages: those of the
// concepts that make findings or, with refs, those of the reference
// concepts too (built only for MatchAll).
func (m *Matcher) prepare(refs bool, langs ...string) {
	ready := func(code string) bool {
		t := m.patterns(code)
		return t != nil && (!refs || t.ref != nil)
	}
	missing := false
	for _, code := range langs {
		if !ready(lang.Norm(code)) {
			missing = true
		}
	}
	if !missing {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, code := range langs {
		code = lang.Norm(code)
		if ready(code) {
			continue
		}
		t := langTables{}
		if old := m.patterns(code); old != nil {
			t = *old
		}
		build := func(ref bool) *langPatterns {
			lp := newPatterns()
			for _, c := range m.lex.Concepts {
				if (c.Role == RoleReference) != ref {
					continue
				}
				pats, ok := c.preparedFor(code)
				if !ok {
					pats = conceptPatterns(m.seg, c, code)
				}
				lp.add(code, pats)
			}
			lp.finish(code)
			return lp
		}
		if t.main == nil {
			t.main = build(false)
		}
		if refs {
			t.ref = build(true)
		}
		old := *m.tables.Load()
		tables := make(map[string]*langTables, len(old)+1)
		for l, x := range old {
			tables[l] = x
		}
		tables[code] = &t
		m.tables.Store(&tables)
	}
}

// Match returns the renderings found in the tokens of one paragraph of the
// given text, left to right, longest match first, without overlaps.
// Punctuation and space between words are skipped, so "fairness, justice"
// matches the rendering "fairness justice" and 公平、正义 matches 公平正义.
//
// Match leaves out the concepts of role reference (see MatchAll): their
// hits are never findings, and a check does not look for them, so that a
// term base loaded for reference changes neither the findings nor the
// alignment (the aligner's costs count every concept a paragraph holds).
func (m *Matcher) Match(code, text string, toks []segment.Token) []Hit {
	return m.match(code, text, toks, false)
}

// MatchAll is Match with the hits of reference concepts too, looked for in
// the tokens the other hits leave: a reference hit never hides another.
func (m *Matcher) MatchAll(code, text string, toks []segment.Token) []Hit {
	return m.match(code, text, toks, true)
}

func (m *Matcher) match(code, text string, toks []segment.Token, refs bool) []Hit {
	code = lang.Norm(code)
	m.prepare(refs, code)
	lt := m.patterns(code)
	if lt.main.empty() && (!refs || lt.ref.empty()) {
		return nil
	}
	sep := joinSep(code)
	content := make([]int, 0, len(toks))
	for i, t := range toks {
		if t.IsContent() {
			content = append(content, i)
		}
	}
	var comps map[int][]compound
	if sep != "" {
		comps = m.compounds(code, text, toks, content)
	}
	mt := &matching{code: code, sep: sep, text: text, toks: toks, content: content, comps: comps}
	hits := mt.run(lt.main, nil)
	if !refs || lt.ref.empty() {
		return hits
	}
	// Reference concepts are looked for in the tokens the others left:
	// a reference hit never hides a hit that may make a finding.
	var covered []bool
	if len(hits) > 0 {
		covered = make([]bool, len(toks))
		for _, h := range hits {
			for i := h.TokStart; i < h.TokEnd; i++ {
				covered[i] = true
			}
		}
	}
	more := mt.run(lt.ref, covered)
	if len(more) == 0 {
		return hits
	}
	if len(hits) == 0 {
		return more
	}
	out := append(hits, more...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// matching is one paragraph being matched.
type matching struct {
	code, sep, text string
	toks            []segment.Token
	content         []int
	comps           map[int][]compound
	bare            []string // the unaccented folded word at each content position, made on first use
}

func (mt *matching) bareAt(p int) string {
	if mt.bare == nil {
		mt.bare = make([]string, len(mt.content))
	}
	if mt.bare[p] == "" {
		mt.bare[p] = "\x00" + segment.Unaccent(segment.Fold(mt.toks[mt.content[p]].In(mt.text)))
	}
	return mt.bare[p][1:]
}

// run returns the hits of the patterns lp in the paragraph, left to right,
// longest first, without overlaps; a hit never covers a token that is
// covered (nil for none).
func (mt *matching) run(lp *langPatterns, covered []bool) []Hit {
	if lp.empty() {
		return nil
	}
	code, sep, text, toks, content, comps := mt.code, mt.sep, mt.text, mt.toks, mt.content, mt.comps
	idx, headFirst := lp.byFirst, lp.headFirst
	// free reports whether the content positions p to p+n-1 and what lies
	// between them are free of covered tokens.
	free := func(p, n int) bool {
		if covered == nil {
			return true
		}
		for i := content[p]; i <= content[p+n-1]; i++ {
			if covered[i] {
				return false
			}
		}
		return true
	}
	var hits []Hit
	for p := 0; p < len(content); {
		if covered != nil && covered[content[p]] {
			p++
			continue
		}
		first := toks[content[p]].Key
		if sep == "" {
			_, n := utf8.DecodeRuneInString(first)
			first = first[:n]
		}
		best, bestN := (*pattern)(nil), 0
		try := func(ps []*pattern) {
			for _, pat := range ps {
				if best != nil && pat.size <= best.size {
					return // patterns are longest first
				}
				if n := matchAt(pat, text, toks, content, p, sep, comps); n > 0 && free(p, n) {
					best, bestN = pat, n
					return
				}
			}
		}
		try(idx[first])
		// A compound written with a hyphen may be a word of the lexicon
		// written joined: "co-operation" is cooperation.
		for _, c := range comps[p] {
			try(idx[c.key])
		}
		if len(lp.byBare) > 0 && sep != "" {
			for _, pat := range lp.byBare[mt.bareAt(p)] {
				if best != nil && pat.size <= best.size {
					break
				}
				if n := mt.matchBare(pat, p); n > 0 && free(p, n) {
					best, bestN = pat, n
					break
				}
			}
		}
		if best == nil && sep == "" {
			if covered == nil || !covered[content[p]] {
				hits = appendInside(hits, idx, text, toks, content[p])
			}
			p++
			continue
		}
		if best == nil && sep != "" {
			for _, pat := range idx[first] {
				if n := matchElliptic(code, pat, text, toks, content, p, comps); n > 0 && free(p, n) {
					best, bestN = pat, n
					break
				}
			}
		}
		if best == nil && lang.Of(code).HeadFirst {
			for _, pat := range headFirst[toks[content[p]].Key] {
				if n := matchEllipticHeadFirst(code, pat, text, toks, content, p, comps); n > 0 && free(p, n) {
					best, bestN = pat, n
					break
				}
			}
		}
		if best == nil {
			p++
			continue
		}
		a, b := toks[content[p]], toks[content[p+bestN-1]]
		hits = append(hits, Hit{
			Concept: best.concept, Rendering: best.rendering,
			Text:  text[a.Start:b.End],
			Start: int(a.Start), End: int(b.End),
			TokStart: content[p], TokEnd: content[p+bestN-1] + 1,
			Period: best.period,
		})
		p += bestN
	}
	return hits
}

// matchBare returns how many content tokens from position p the
// unaccented pattern pat covers, word for word, or 0.
func (mt *matching) matchBare(pat *pattern, p int) int {
	if p+len(pat.bare) > len(mt.content) {
		return 0
	}
	for i, w := range pat.bare {
		if mt.bareAt(p+i) != w {
			return 0
		}
	}
	return len(pat.bare)
}

// matchAt returns how many content tokens from position p pat covers, or 0.
func matchAt(pat *pattern, text string, toks []segment.Token, content []int, p int, sep string, comps map[int][]compound) int {
	if sep != "" && pat.exact == nil {
		// A word of the pattern is one token of the text, or a compound
		// of several written with hyphens.
		q := p
		for _, k := range pat.keys {
			if q >= len(content) {
				return 0
			}
			if toks[content[q]].Key == k {
				q++
				continue
			}
			n := 0
			for _, c := range comps[q] {
				if c.key == k {
					n = c.n
					break
				}
			}
			if n == 0 {
				return 0
			}
			q += n
		}
		return q - p
	}
	if sep != "" {
		if p+len(pat.keys) > len(content) {
			return 0
		}
		for i, k := range pat.keys {
			if toks[content[p+i]].Key != k {
				return 0
			}
		}
		for i, w := range pat.exact {
			if segment.Fold(toks[content[p+i]].In(text)) != w {
				return 0
			}
		}
		return len(pat.keys)
	}
	// Chinese: the pattern must equal the concatenation of whole tokens.
	rest := pat.joined
	for i := p; i < len(content); i++ {
		k := toks[content[i]].Key
		if !strings.HasPrefix(rest, k) {
			return 0
		}
		rest = rest[len(k):]
		if rest == "" {
			return i - p + 1
		}
	}
	return 0
}

// EllipsisWindow is how many content tokens may stand between an elliptic
// modifier and the head noun it shares.
const EllipsisWindow = 6

// matchElliptic matches a multi-word rendering whose head (its last word) is
// shared with a following coordinated phrase: "South-South" in
// "North-South, South-South and triangular cooperation" is South-South
// cooperation. It returns the number of content tokens of the modifier
// matched (the head is not part of the hit), or 0.
func matchElliptic(code string, pat *pattern, text string, toks []segment.Token, content []int, p int, comps map[int][]compound) int {
	n := len(pat.keys) - 1
	if n < 1 || p+n >= len(content) || pat.exact != nil {
		return 0
	}
	for i := 0; i < n; i++ {
		if toks[content[p+i]].Key != pat.keys[i] {
			return 0
		}
	}
	conj := lang.Of(code).Conjunctions
	// The modifier must be followed by a comma or a conjunction.
	next := content[p+n-1] + 1
	for next < len(toks) && toks[next].Kind == segment.Space {
		next++
	}
	if next >= len(toks) {
		return 0
	}
	if t := toks[next]; !(t.In(text) == "," || t.In(text) == "،" || conj[strings.ToLower(t.In(text))]) {
		return 0
	}
	// Between the modifier and the head stand other coordinated modifiers
	// and one conjunction, with at most two words after the conjunction:
	// "North-South, South-South and triangular cooperation".
	head := pat.keys[n]
	last := content[p+n-1]
	sawConj := conj[strings.ToLower(toks[next].In(text))]
	afterConj := 0
	// In a language that puts the head noun first, the last word of a
	// rendering may be a complement (права человека, "rights of the
	// person"): the conjunct before it must be no longer than the
	// rendering's own modifier, or its other words are the complement's
	// ("прав и свобод каждого человека", the rights and freedoms of every
	// person, holds no human rights). Words joined by hyphens count as
	// one.
	limit := 2
	if lang.Of(code).HeadFirst {
		limit = min(limit, words(text, toks, content[p:p+n]))
	}
	for k := p + n; k < len(content) && k <= p+n+EllipsisWindow; k++ {
		for _, t := range toks[last+1 : content[k]] {
			if t.Kind == segment.Punct && strings.ContainsAny(t.In(text), ".;:!?()") {
				return 0
			}
		}
		last = content[k]
		t := toks[content[k]]
		if t.Key == head || compoundIs(comps, k, head) {
			if sawConj {
				return n
			}
			return 0
		}
		if conj[strings.ToLower(t.In(text))] {
			if content[k] == next {
				continue // the conjunction right after the modifier
			}
			if sawConj {
				return 0
			}
			sawConj = true
			continue
		}
		if sawConj {
			if !hyphenLinked(text, toks, content[k-1], content[k]) {
				afterConj++
			}
			if afterConj > limit {
				return 0
			}
		}
	}
	return 0
}

// words counts the words of the content tokens at, those joined by
// hyphens as one.
func words(text string, toks []segment.Token, at []int) int {
	n := 0
	for i, c := range at {
		if i == 0 || !hyphenLinked(text, toks, at[i-1], c) {
			n++
		}
	}
	return n
}

// matchEllipticHeadFirst matches the modifier of a rendering whose head noun
// comes first and is shared with an earlier coordinated phrase, as French,
// Spanish and Russian write it: "Sud-Sud" in "coopération Nord-Sud, Sud-Sud
// et triangulaire" is coopération Sud-Sud. The pattern's first key is the
// head; its other keys must stand at p, right after a comma or a
// conjunction, with the head at most EllipsisWindow content tokens before,
// in the same clause. It returns the number of content tokens matched (the
// modifier), or 0.
func matchEllipticHeadFirst(code string, pat *pattern, text string, toks []segment.Token, content []int, p int, comps map[int][]compound) int {
	mod := pat.keys[1:]
	if p+len(mod) > len(content) || p == 0 {
		return 0
	}
	for i, k := range mod {
		if toks[content[p+i]].Key != k {
			return 0
		}
	}
	conj := lang.Of(code).Conjunctions
	// A comma or a conjunction right before the modifier.
	prev := content[p] - 1
	for prev >= 0 && toks[prev].Kind == segment.Space {
		prev--
	}
	if prev < 0 {
		return 0
	}
	if t := toks[prev]; !(t.In(text) == "," || t.In(text) == "،" || conj[strings.ToLower(t.In(text))]) {
		return 0
	}
	head := pat.keys[0]
	for k := p - 1; k >= 0 && k >= p-EllipsisWindow; k-- {
		for _, t := range toks[content[k]+1 : content[k+1]] {
			if t.Kind == segment.Punct && strings.ContainsAny(t.In(text), ".;:!?()") {
				return 0
			}
		}
		if toks[content[k]].Key == head || compoundIs(comps, k, head) {
			return len(mod)
		}
	}
	return 0
}
