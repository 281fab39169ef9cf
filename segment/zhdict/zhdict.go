// Package zhdict ships the Chinese dictionary of the segmenter inside the
// binary, so nothing is read from the module cache or the network at run
// time, and serves it without building anything large at start-up.
//
// words.txt.gz holds every all-Han word of gse's stock dictionary
// (github.com/go-ego/gse v0.80.3, data/dict/zh/s_1.txt and t_1.txt,
// Apache-2.0, see LICENSE.gse) with the frequency gse gives it, sorted by
// bytes; Total is the total frequency of everything gse loads. Both are
// made by go generate (internal/gen) from gse's files.
//
// gse's segmentation of a run of Han text depends only on the dictionary
// words that occur in the run and on the total frequency. Subset finds those
// words by binary search in the sorted list, so a segmenter built from the
// subset (with the rest of the total added as one unmatchable entry) cuts
// the text exactly as gse with its whole dictionary does, at a fraction of
// the cost of loading half a million words.
package zhdict

//go:generate sh -c "GSE_DIR=$(go list -m -f '{{.Dir}}' github.com/go-ego/gse) go run ./internal/gen"

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed words.txt.gz
var wordsGz []byte

// words is the text of words.txt.gz, "word freq\n" lines, unpacked on first
// use (about 30 ms; the binary is 4.5 MB smaller for it).
var words string

func unpack() string {
	zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
	if err != nil {
		panic("zhdict: embedded dictionary: " + err.Error()) // a build defect, checked by the tests
	}
	var b strings.Builder
	b.Grow(8 << 20)
	if _, err := io.Copy(&b, zr); err != nil {
		panic("zhdict: embedded dictionary: " + err.Error())
	}
	return b.String()
}

// Entry is one dictionary word with its frequency.
type Entry struct {
	Word string
	Freq float64
}

var (
	indexOnce sync.Once
	// starts[i] is the byte offset of line i of words; ends[i] the offset
	// of the space after its word.
	starts, ends []uint32
	// byFirst maps a first character to the range of lines whose word
	// starts with it.
	byFirst map[rune][2]int32
)

func lines() []uint32 {
	indexOnce.Do(func() {
		words = unpack()
		st := make([]uint32, 0, Words)
		en := make([]uint32, 0, Words)
		bf := make(map[rune][2]int32, 24000)
		for off := 0; off < len(words); {
			sp := strings.IndexByte(words[off:], ' ')
			nl := strings.IndexByte(words[off:], '\n')
			if sp < 0 || nl < 0 || sp > nl {
				break // the generated file always has "word freq\n" lines
			}
			r, _ := utf8.DecodeRuneInString(words[off:])
			if rg, ok := bf[r]; ok {
				rg[1] = int32(len(st) + 1)
				bf[r] = rg
			} else {
				bf[r] = [2]int32{int32(len(st)), int32(len(st) + 1)}
			}
			st = append(st, uint32(off))
			en = append(en, uint32(off+sp))
			off += nl + 1
		}
		starts, ends, byFirst = st, en, bf
	})
	return starts
}

// word returns the word of line i.
func word(i int) string { return words[starts[i]:ends[i]] }

func entry(i int) Entry {
	w := word(i)
	rest := words[ends[i]+1:]
	f := rest[:strings.IndexByte(rest, '\n')]
	freq, _ := strconv.ParseFloat(f, 64)
	return Entry{w, freq}
}

// lowerBound returns the first line in [lo, hi) whose word is >= s.
func lowerBound(s string, lo, hi int) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if word(m) < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Lookup returns the frequency of word, and whether it is in the dictionary.
func Lookup(w string) (float64, bool) {
	i := lowerBound(w, 0, len(lines()))
	if i < len(lines()) && word(i) == w {
		return entry(i).Freq, true
	}
	return 0, false
}

// Len returns the number of words.
func Len() int { return len(lines()) }

// Each calls fn for every word, in byte order.
func Each(fn func(Entry)) {
	for i := range lines() {
		fn(entry(i))
	}
}

// Subset returns, once each, the dictionary words that occur in the runs of
// Han characters of texts, in byte order, and the sum of their frequencies.
func Subset(texts ...string) ([]Entry, float64) {
	found := map[int]bool{}
	for _, t := range texts {
		for i := 0; i < len(t); {
			r, n := utf8.DecodeRuneInString(t[i:])
			if !isHan(r) {
				i += n
				continue
			}
			// Extend the prefix starting at i rune by rune while some word
			// still starts with it; the words with the longer prefix lie
			// within the range of those with the shorter one.
			lines()
			rg, ok := byFirst[r]
			if !ok {
				i += n
				continue
			}
			lo, hi := int(rg[0]), int(rg[1])
			for j := i + n; ; {
				p := t[i:j]
				// Every word of the bucket starts with the first
				// character, and the character alone sorts first.
				if j > i+n {
					lo = lowerBound(p, lo, hi)
					if lo >= hi || !strings.HasPrefix(word(lo), p) {
						break
					}
				}
				if word(lo) == p {
					found[lo] = true
				}
				if j >= len(t) {
					break
				}
				r2, n2 := utf8.DecodeRuneInString(t[j:])
				if !isHan(r2) {
					break
				}
				j += n2
			}
			i += n
		}
	}
	keys := make([]int, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	sortInts(keys)
	out := make([]Entry, len(keys))
	sum := 0.0
	for i, k := range keys {
		out[i] = entry(k)
		sum += out[i].Freq
	}
	return out, sum
}

func sortInts(a []int) { slices.Sort(a) }

// IsHan reports whether r belongs to a run of Han text as the segmenter cuts
// it (Han characters and 〇).
func IsHan(r rune) bool { return isHan(r) }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) || r == '〇' }
