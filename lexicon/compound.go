package lexicon

import (
	"strings"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/segment"
)

// Compounds. A compound is written joined, with a hyphen or with a space,
// depending on the era and the house: "cooperation" and the UN's
// "co-operation" before about 2000, "capacity-building" and "capacity
// building", "non-governmental" and "nongovernmental". A rendering
// matches its compounds written any of these ways but one: a rendering
// written joined ("peacebuilding") does not match the text written with a
// space ("peace building"); write the spaced form in the lexicon, which
// matches all three.
//
// Two mechanisms, in every language written with spaces:
//   - in the text, words joined by a hyphen are also read as one word, the
//     words written together ("co-operation" as "cooperation"): compounds;
//   - a rendering also matches with its hyphenated words written together
//     and with any two of its words written together (compoundVariants).

// maxCompound is the most words of a hyphenated compound read as one.
const maxCompound = 4

// compound is a run of words joined by hyphens, read as one word: its key
// and how many content tokens it covers.
type compound struct {
	key string
	n   int
}

// isHyphen reports whether s is a hyphen that joins the words of a
// compound.
func isHyphen(s string) bool { return s == "-" || s == "\u2010" || s == "\u2011" }

// hyphenLinked reports whether the tokens a and b are two words joined by
// one hyphen, without spaces.
func hyphenLinked(text string, toks []segment.Token, a, b int) bool {
	return b == a+2 && toks[a].Kind == segment.Word && toks[b].Kind == segment.Word &&
		toks[a+1].Kind == segment.Punct && isHyphen(toks[a+1].In(text))
}

// compounds returns, by the content position they start at, the runs of
// two to maxCompound words joined by hyphens in a paragraph, each with the
// key of its words written together; nil when there is none.
func (m *Matcher) compounds(code, text string, toks []segment.Token, content []int) map[int][]compound {
	var out map[int][]compound
	for i := 0; i+1 < len(content); i++ {
		if !hyphenLinked(text, toks, content[i], content[i+1]) {
			continue
		}
		end := i + 1 // the last content position of the run
		for end+1 < len(content) && hyphenLinked(text, toks, content[end], content[end+1]) {
			end++
		}
		for s := i; s < end; s++ {
			for e := s + 1; e <= end && e-s < maxCompound; e++ {
				var b strings.Builder
				for q := s; q <= e; q++ {
					b.WriteString(toks[content[q]].In(text))
				}
				if k, ok := oneKey(m.seg, code, b.String()); ok {
					if out == nil {
						out = map[int][]compound{}
					}
					out[s] = append(out[s], compound{key: k, n: e - s + 1})
				}
			}
		}
		i = end
	}
	return out
}

// compoundIs reports whether a compound at content position p has the key
// k ("co-operation" as the shared head of "international and regional
// co-operation").
func compoundIs(comps map[int][]compound, p int, k string) bool {
	for _, c := range comps[p] {
		if c.key == k {
			return true
		}
	}
	return false
}

// oneKey returns the key of w when the segmenter reads it as one word.
func oneKey(seg *segment.Segmenter, code, w string) (string, bool) {
	key, n := "", 0
	for _, t := range seg.Tokens(code, w) {
		if t.IsContent() {
			key, n = t.Key, n+1
		}
	}
	return key, n == 1
}

// compoundVariants returns the other ways of writing base's compounds:
// its words joined by hyphens written together ("non-governmental
// organization" as "nongovernmental organization"), and each two words
// in a row written together ("capacity building" as "capacitybuilding").
func compoundVariants(seg *segment.Segmenter, code, text string, base *pattern) []*pattern {
	toks := seg.Tokens(code, text)
	var content []int
	for i, t := range toks {
		if t.IsContent() {
			content = append(content, i)
		}
	}
	if len(content) < 2 || len(content) != len(base.keys) {
		return nil
	}
	// groups lists the runs [a, b) of content positions written as one
	// word in a variant.
	var variants [][][2]int
	var hyph [][2]int
	anyHyphen := false
	for a := 0; a < len(content); {
		b := a + 1
		for b < len(content) && hyphenLinked(text, toks, content[b-1], content[b]) {
			b++
		}
		anyHyphen = anyHyphen || b-a > 1
		hyph = append(hyph, [2]int{a, b})
		a = b
	}
	if anyHyphen {
		variants = append(variants, hyph)
	}
	for i := 0; i+1 < len(content); i++ {
		if toks[content[i]].Kind != segment.Word || toks[content[i+1]].Kind != segment.Word {
			continue
		}
		var g [][2]int
		for a := 0; a < len(content); a++ {
			if a == i {
				g = append(g, [2]int{i, i + 2})
				a++
				continue
			}
			g = append(g, [2]int{a, a + 1})
		}
		variants = append(variants, g)
	}
	seen := map[string]bool{strings.Join(base.keys, "\x1f"): true}
	var out []*pattern
	for _, g := range variants {
		keys := make([]string, 0, len(g))
		for _, r := range g {
			if r[1]-r[0] == 1 {
				keys = append(keys, base.keys[r[0]])
				continue
			}
			var b strings.Builder
			for q := r[0]; q < r[1]; q++ {
				b.WriteString(toks[content[q]].In(text))
			}
			k, ok := oneKey(seg, code, b.String())
			if !ok {
				keys = nil
				break
			}
			keys = append(keys, k)
		}
		j := strings.Join(keys, "\x1f")
		if keys == nil || seen[j] {
			continue
		}
		seen[j] = true
		out = append(out, &pattern{concept: base.concept, rendering: base.rendering, term: base.term, period: base.period,
			keys: keys, joined: j, size: base.size, variant: true})
	}
	return out
}

// appendInside appends the renderings found inside the Chinese token i,
// which no rendering matches whole or from its start: gse keeps
// 世界人权宣言 (the Universal Declaration of Human Rights) as one word, and
// 人权 (human rights) is in it. The renderings are looked for left to
// right, longest first, without overlaps, and must be shorter than the
// token (a whole token is matched by Match itself). What stands on either
// side of a rendering inside the token is nothing or a word of two
// characters or more (世界 and 宣言): a single character is an affix or
// part of another word, and 主权 (sovereignty) is not in 自主权 (autonomy,
// 自主 + 权) nor in 民主权利 (democratic rights).
//
// The token is searched by its key, whose offsets are those of its text (a
// word in traditional characters is keyed in simplified ones: 主權國家 is
// searched as 主权国家); a token whose key has another length is not.
func appendInside(hits []Hit, idx map[string][]*pattern, text string, toks []segment.Token, i int) []Hit {
	t := toks[i]
	w := t.Key
	if utf8.RuneCountInString(w) < 3 || len(w) != int(t.End-t.Start) {
		return hits
	}
	word := func(s string) bool { return s == "" || utf8.RuneCountInString(s) >= 2 }
	from := 0 // the end of the previous rendering found in the token
	for off := 0; off < len(w); {
		r, n := utf8.DecodeRuneInString(w[off:])
		var found *pattern
		for _, pat := range idx[string(r)] {
			if len(pat.joined) < len(w) && strings.HasPrefix(w[off:], pat.joined) &&
				word(w[from:off]) && word(w[off+len(pat.joined):]) {
				found = pat
				break // patterns are longest first
			}
		}
		if found == nil {
			off += n
			continue
		}
		start := int(t.Start) + off
		end := start + len(found.joined)
		hits = append(hits, Hit{
			Concept: found.concept, Rendering: found.rendering, Text: text[start:end],
			Start: start, End: end, TokStart: i, TokEnd: i + 1, Period: found.period,
		})
		off += len(found.joined)
		from = off
	}
	return hits
}
