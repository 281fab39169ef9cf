// Package langcode normalises language tags, for the packages that read
// them from files (lexicon, bitext) and cannot import each other.
package langcode

import (
	"errors"
	"fmt"
	"strings"
)

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

// Official are the six official languages of the United Nations, in the
// UN's order.
var Official = []string{"ar", "zh", "en", "fr", "ru", "es"}

// hints are codes users write for an official language that are not its
// ISO 639-1 code.
var hints = map[string]string{
	"cn": "zh", "ch": "zh", "chn": "zh", "zn": "zh", "sc": "zh", "tc": "zh",
	"eng": "en", "an": "en", "gb": "en", "us": "en", "uk": "en",
	"fra": "fr", "fre": "fr", "fn": "fr",
	"rus": "ru", "rs": "ru", "rr": "ru",
	"spa": "es", "esp": "es", "sp": "es", "sa": "es",
	"ara": "ar", "arb": "ar", "ab": "ar", "a": "ar",
}

// Check normalises a language code (Norm) and accepts it when it is one
// of the official languages or of extra (the languages of a user's
// lexicon); otherwise the error names the accepted codes and, for a
// common mistake such as "cn", the code meant.
func Check(code string, extra ...string) (string, error) {
	n := Norm(code)
	for _, l := range Official {
		if n == l {
			return n, nil
		}
	}
	for _, l := range extra {
		if n != "" && n == Norm(l) {
			return n, nil
		}
	}
	msg := fmt.Sprintf("unknown language code %q (accepted: %s", code, strings.Join(Official, ", "))
	if len(extra) > 0 {
		msg += ", and from the lexicon " + strings.Join(extra, ", ")
	}
	msg += ")"
	if h, ok := hints[n]; ok {
		msg += fmt.Sprintf("; did you mean %q?", h)
	}
	return "", errors.New(msg)
}
