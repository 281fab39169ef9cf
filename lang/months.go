package lang

import "strings"

// MinOrdinal is the smallest ordinal read from words: the small ordinals
// ("first", "second", 第一) are as often plain words ("first of all",
// "secondly", 首先) as numbers, and a number read in one language but not
// in its translation is a false alarm.
const MinOrdinal = 10

// exactMonths returns a Month function for month names written in full.
func exactMonths(names ...string) func(string) int {
	return func(w string) int {
		for i, n := range names {
			if w == n {
				return i + 1
			}
		}
		return 0
	}
}

// prefixMonths returns a Month function for month names that inflect:
// a word starting with the name (or, with suffix, ending with it) is the
// month, except that the names in exact must be one of the forms given.
func prefixMonths(suffix bool, exact map[string][]string, names ...string) func(string) int {
	return func(w string) int {
		for i, n := range names {
			if forms, ok := exact[n]; ok {
				for _, f := range forms {
					if w == f {
						return i + 1
					}
				}
				continue
			}
			if strings.HasPrefix(w, n) || suffix && strings.HasSuffix(w, n) {
				return i + 1
			}
		}
		return 0
	}
}
