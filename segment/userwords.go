package segment

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/segment/zhconv"
	"github.com/driftcheck/driftcheck/segment/zhdict"
)

// userWords are the user words of a segmenter, keyed (zhconv.Key), once
// each, in byte order, with an index to find those that occur in a text:
// the Chinese dictionary built for some texts holds only those (a lexicon
// of 71,000 concepts has as many Chinese renderings, and a text a few
// dozen of them). Built on first use and shared by the segmenters made
// from one New.
type userWords struct {
	once  sync.Once
	raw   []string
	words []string        // keyed, sorted, unique
	first map[rune][2]int // the range of words starting with each rune
	stock []bool          // whether words[i] is a word of zhdict
}

func (u *userWords) build() {
	u.once.Do(func() {
		w := make([]string, len(u.raw))
		for i, s := range u.raw {
			w[i] = zhconv.Key(s)
		}
		slices.Sort(w)
		w = slices.Compact(w)
		u.words = w
		u.first = map[rune][2]int{}
		u.stock = make([]bool, len(w))
		for i, s := range w {
			r, _ := utf8.DecodeRuneInString(s)
			rg, ok := u.first[r]
			if !ok {
				rg[0] = i
			}
			rg[1] = i + 1
			u.first[r] = rg
			// zhdict.Subset finds a word only within a run of Han
			// characters.
			_, ok = zhdict.Lookup(s)
			u.stock[i] = ok && allHan(s)
		}
	})
}

// occurring returns the user words that occur in the keyed texts, in byte
// order, and how many of the others are not words of zhdict: each of
// those would have added UserWordFreq to the dictionary's total.
func (u *userWords) occurring(texts []string) (found []string, absentNew int) {
	u.build()
	if len(u.words) == 0 {
		return nil, 0
	}
	hit := make([]bool, len(u.words))
	for _, t := range texts {
		for i := 0; i < len(t); {
			r, n := utf8.DecodeRuneInString(t[i:])
			rg, ok := u.first[r]
			if !ok {
				i += n
				continue
			}
			// Extend the prefix at i rune by rune while some word starts
			// with it: the words with a longer prefix lie within the range
			// of those with the shorter one.
			lo, hi := rg[0], rg[1]
			for j := i + n; ; {
				p := t[i:j]
				if j > i+n {
					lo += sortSearch(u.words[lo:hi], p)
					if lo >= hi || !strings.HasPrefix(u.words[lo], p) {
						break
					}
				}
				if u.words[lo] == p {
					hit[lo] = true
				}
				if j >= len(t) {
					break
				}
				_, n2 := utf8.DecodeRuneInString(t[j:])
				j += n2
			}
			i += n
		}
	}
	for i, w := range u.words {
		if hit[i] {
			found = append(found, w)
		} else if !u.stock[i] {
			absentNew++
		}
	}
	return found, absentNew
}

// sortSearch returns the index of the first of the sorted ws not less
// than p.
func sortSearch(ws []string, p string) int {
	i, _ := slices.BinarySearch(ws, p)
	return i
}

func allHan(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return true
}
