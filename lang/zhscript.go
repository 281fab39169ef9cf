package lang

import "github.com/driftcheck/driftcheck/segment/zhconv"

// ChineseScript tells the script of a Chinese text: "Hans" for simplified
// characters, "Hant" for traditional ones, "" when no character tells (most
// characters are the same in both) or as many tell each. Detect says "zh"
// for both: a Chinese text is one language in either script, cut and
// matched in simplified characters (segment, zhconv.Key), so a traditional
// version of a resolution is checked as its simplified one is.
func ChineseScript(text string) string {
	switch zhconv.Detect(text) {
	case zhconv.Simplified:
		return "Hans"
	case zhconv.Traditional:
		return "Hant"
	}
	return ""
}
