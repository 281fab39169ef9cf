// Package langcode normalises language tags, for the packages that read
// them from files (lexicon, bitext) and cannot import each other.
package langcode

import "strings"

// Norm maps a language tag to the code used internally: lower case, the
// primary subtag only, and the Chinese variants written in UN documents
// (zh-Hans, zh-CN, chi, zho) to "zh".
func Norm(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if l == "zh" || strings.HasPrefix(l, "zh-") || l == "chi" || l == "zho" {
		return "zh"
	}
	if i := strings.IndexByte(l, '-'); i > 0 {
		l = l[:i]
	}
	return l
}
