// Package diff computes the token-level difference between two versions of
// a paragraph in one language, and classifies each change as editorial
// (punctuation style, full-width or half-width forms, white space, a space
// left between two Han characters by a PDF line break, quotation-mark style,
// Unicode normalisation, traditional or simplified Chinese characters) or
// not.
//
// Tokens are interned to runes and diffed with github.com/sergi/go-diff
// (DiffMainRunes, no timeout): raw UTF-8 strings are never diffed, so byte
// and rune offsets cannot be confused in Chinese text. Every operation
// carries byte offsets into both texts. Chinese words are diffed by their
// keys, in simplified characters (segment, zhconv), so that a version in
// traditional characters lines up word for word with a simplified one: a
// word written in the other script is an editorial change of its own, and a
// changed word stands out among them.
//
// Diff owns token differences; it never decides what is drift.
package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/driftcheck/driftcheck/segment"
	"github.com/driftcheck/driftcheck/segment/zhconv"
	"github.com/driftcheck/driftcheck/segment/zhdict"
)

// Kind is the kind of an operation.
type Kind uint8

// Operation kinds.
const (
	Equal Kind = iota
	Delete
	Insert
	Replace
)

func (k Kind) String() string {
	return [...]string{"equal", "delete", "insert", "replace"}[k]
}

// MarshalText writes the kind as its name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Op is one operation: A[A0:A1] of the old text becomes B[B0:B1] of the new
// one (both byte offsets). Equal operations cover identical text.
type Op struct {
	Kind   Kind
	A0, A1 int
	B0, B1 int
	// Editorial is set on a change that only touches punctuation style,
	// width, white space, quotation marks, normalisation or the script of
	// Chinese characters.
	Editorial bool
}

// base is the first rune used to intern tokens: private use and the planes
// above it, never a surrogate, which go-diff would turn into U+FFFD.
const base = 0xE000

// Tokens returns the operations turning a into b, given their tokens (which
// must cover each text contiguously, as segment's do). The operations cover
// both texts in order; adjacent deletes and inserts are merged into one
// Replace, and each change is marked editorial or not.
func Tokens(a, b string, ta, tb []segment.Token) []Op {
	ids := map[string]rune{}
	intern := func(text string, toks []segment.Token) ([]rune, bool) {
		rs := make([]rune, len(toks))
		for i, t := range toks {
			w := internKey(text, t)
			r, ok := ids[w]
			if !ok {
				r = base + rune(len(ids))
				if r > unicode.MaxRune {
					return nil, false
				}
				ids[w] = r
			}
			rs[i] = r
		}
		return rs, true
	}
	ra, okA := intern(a, ta)
	rb, okB := intern(b, tb)
	if !okA || !okB {
		// More distinct tokens than runes: one change for everything.
		return classify(a, b, []Op{{Kind: Replace, A0: 0, A1: len(a), B0: 0, B1: len(b)}})
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)

	var ops []Op
	i, j := 0, 0 // token positions in ta, tb
	off := func(toks []segment.Token, k int, text string) int {
		if k < len(toks) {
			return int(toks[k].Start)
		}
		return len(text)
	}
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		if n == 0 {
			continue
		}
		op := Op{A0: off(ta, i, a), B0: off(tb, j, b)}
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			// Tokens of one key written differently (聯合國, 联合国) are
			// an editorial replace each.
			ops = appendEqual(ops, a, b, ta[i:i+n], tb[j:j+n])
			i, j = i+n, j+n
			continue
		case diffmatchpatch.DiffDelete:
			op.Kind = Delete
			i += n
		case diffmatchpatch.DiffInsert:
			op.Kind = Insert
			j += n
		}
		op.A1, op.B1 = off(ta, i, a), off(tb, j, b)
		ops = append(ops, op)
	}
	return classify(a, b, merge(ops))
}

// internKey is what a token is diffed by: its text, or for a Chinese word
// its key, which is in simplified characters.
func internKey(text string, t segment.Token) string {
	w := t.In(text)
	if t.Kind == segment.Word && w != "" {
		if r, _ := utf8.DecodeRuneInString(w); zhdict.IsHan(r) {
			// "\x00" keeps keys apart from texts: a key is never taken
			// for another token's text.
			return "\x00" + t.Key
		}
	}
	return w
}

// appendEqual appends the operations of tokens diffed as equal: Equal runs
// where their texts are the same, and an editorial Replace for each run
// where they differ (the keys are one: 聯合國 for 联合国). Such a replace
// is kept apart from the changes beside it (merge), so that a word changed
// in a version in the other script is reported alone, not with the whole
// paragraph around it.
func appendEqual(ops []Op, a, b string, ta, tb []segment.Token) []Op {
	for k := 0; k < len(ta); {
		same := ta[k].In(a) == tb[k].In(b)
		e := k + 1
		for e < len(ta) && (ta[e].In(a) == tb[e].In(b)) == same {
			e++
		}
		op := Op{Kind: Equal, A0: int(ta[k].Start), A1: int(ta[e-1].End), B0: int(tb[k].Start), B1: int(tb[e-1].End)}
		if !same {
			op.Kind, op.Editorial = Replace, true
		}
		ops = append(ops, op)
		k = e
	}
	return ops
}

// merge joins runs of deletes and inserts into one Replace; an editorial
// replace of appendEqual stays alone.
func merge(ops []Op) []Op {
	var out []Op
	for _, op := range ops {
		if n := len(out); n > 0 && op.Kind != Equal && out[n-1].Kind != Equal && !op.Editorial && !out[n-1].Editorial {
			last := &out[n-1]
			last.A1, last.B1 = op.A1, op.B1
			if last.A0 == last.A1 {
				last.Kind = Insert
			} else if last.B0 == last.B1 {
				last.Kind = Delete
			} else {
				last.Kind = Replace
			}
			continue
		}
		out = append(out, op)
	}
	return out
}

func classify(a, b string, ops []Op) []Op {
	for k := range ops {
		op := &ops[k]
		if op.Kind != Equal && !op.Editorial {
			op.Editorial = EditorialKey(a[op.A0:op.A1]) == EditorialKey(b[op.B0:op.B1])
		}
	}
	return ops
}

// Changes returns the operations that are not Equal.
func Changes(ops []Op) []Op {
	var out []Op
	for _, op := range ops {
		if op.Kind != Equal {
			out = append(out, op)
		}
	}
	return out
}

// Apply applies ops to a, taking inserted and replacing text from b; with
// the operations Tokens returned for a and b it yields b.
func Apply(a, b string, ops []Op) string {
	var sb strings.Builder
	for _, op := range ops {
		if op.Kind == Equal {
			sb.WriteString(a[op.A0:op.A1])
		} else {
			sb.WriteString(b[op.B0:op.B1])
		}
	}
	return sb.String()
}

// quotes maps quotation marks of every style to '"'.
var quotes = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`, "「", `"`, "」", `"`, "『", `"`, "』", `"`,
	"‘", `"`, "’", `"`, "‚", `"`, "‛", `"`, "‹", `"`, "›", `"`, "'", `"`, "＂", `"`, "＇", `"`,
	"〝", `"`, "〞", `"`,
	// Dashes and hyphens of every width.
	"‐", "-", "‑", "-", "‒", "-", "–", "-", "—", "-", "―", "-", "－", "-",
	// Chinese enumeration comma and full stop written as their Latin
	// counterparts.
	"、", ",", "。", ".", "．", ".", "，", ",",
	// Ellipsis.
	"…", "...",
)

// EditorialKey returns s with every editorial difference removed: NFKC
// normalisation (which also makes full-width forms half-width), narrow
// width, one style of quotation mark and dash, no white space at all, and
// Chinese in simplified characters (zhconv.ToSimplified: 聯合國 is 联合国).
// Two texts with the same key differ only editorially.
func EditorialKey(s string) string {
	s = zhconv.ToSimplified(norm.NFKC.String(s))
	s = quotes.Replace(s) // before narrowing, which would turn 「 into ｢
	s = width.Narrow.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}
