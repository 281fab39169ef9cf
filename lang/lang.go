// Package lang is everything driftcheck knows about a language: its code
// (normalised once, at the boundary: Norm, Check, FromPath, SplitArg), how
// to tell it from its text (Detect, the Scripts), and one Profile per
// language in its own file (ar.go, en.go, es.go, fr.go, ru.go, zh.go):
// script and direction, how its words are keyed and stemmed, its month,
// scale, hour and ordinal words, and its length statistics for the aligner.
//
// Adding a language is adding one file that calls Register, and its column
// in the lexicon. Every other package asks the profile (Of) rather than
// comparing language codes.
package lang

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
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

// ErrUnknown is the error of a language code that is neither official nor
// one of the lexicon's.
var ErrUnknown = errors.New("unknown language code")

// Check normalises a language code (Norm) and accepts it when it is one
// of the official languages or of extra (the languages of a user's
// lexicon); otherwise the error (ErrUnknown) names the accepted codes and,
// for a common mistake such as "cn", the code meant.
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
	msg := fmt.Sprintf("%q (accepted: %s", code, strings.Join(Official, ", "))
	if len(extra) > 0 {
		msg += ", and from the lexicon " + strings.Join(extra, ", ")
	}
	msg += ")"
	if h, ok := hints[n]; ok {
		msg += fmt.Sprintf("; did you mean %q?", h)
	}
	return "", fmt.Errorf("%w %s", ErrUnknown, msg)
}

var langInName = regexp.MustCompile(`(?i)[._-](ar|zh|en|fr|ru|es|zh-hans|zh-cn)(?:[._-]|$)`)

// FromPath returns the language named in a file name such as x.zh.txt,
// X-ZH.txt or x_zh.txt, or "".
func FromPath(path string) string {
	base := filepath.Base(path)
	ms := langInName.FindAllStringSubmatch(base, -1)
	if len(ms) == 0 {
		return ""
	}
	return Norm(ms[len(ms)-1][1])
}

var langPrefix = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z]{2,8})?$`)

// SplitArg splits a "LANG=PATH" argument. It returns lang "" when the
// argument has no such prefix.
func SplitArg(arg string) (lang, path string) {
	if i := strings.IndexByte(arg, '='); i >= 2 && i <= 7 {
		l := arg[:i]
		if langPrefix.MatchString(l) {
			return Norm(l), arg[i+1:]
		}
	}
	return "", arg
}

// Han reports whether the language is written in Han characters without
// spaces between words, so that its text is cut with a dictionary.
func Han(code string) bool { return Of(code).Han }

// NoSpaces reports whether the language writes its words without spaces
// between them (Chinese, Japanese): its renderings are joined without a
// separator.
func NoSpaces(code string) bool {
	return Of(code).Han || noSpaces[Norm(code)]
}

// noSpaces are languages without a profile written without spaces.
var noSpaces = map[string]bool{"ja": true}

// RTL reports whether the language is written right to left.
func RTL(code string) bool {
	return Of(code).RTL || rtl[Norm(code)]
}

// rtl are languages without a profile written right to left.
var rtl = map[string]bool{"fa": true, "he": true, "ur": true}
