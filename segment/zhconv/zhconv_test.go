package zhconv_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/segment/zhconv"
	"github.com/driftcheck/driftcheck/segment/zhdict"
)

// Pairs checked by hand against OpenCC's dictionaries (OpenCC standard
// traditional: 爲, not Taiwan's 為).
func TestConvert(t *testing.T) {
	for _, tt := range []struct{ simp, trad string }{
		{"联合国大会", "聯合國大會"},
		{"人权理事会第四十三届会议", "人權理事會第四十三屆會議"},
		{"为了促进互利合作", "爲了促進互利合作"},
		{"四百八十万美元", "四百八十萬美元"},
		{"2018年3月15日", "2018年3月15日"},
		{"成立七十周年", "成立七十週年"}, // a phrase of STPhrases: 周 alone stays 周
	} {
		if got := zhconv.ToTraditional(tt.simp); got != tt.trad {
			t.Errorf("ToTraditional(%q) = %q, want %q", tt.simp, got, tt.trad)
		}
		if got := zhconv.ToSimplified(tt.trad); got != tt.simp {
			t.Errorf("ToSimplified(%q) = %q, want %q", tt.trad, got, tt.simp)
		}
	}
	// Taiwan's forms are read too, and TSPhrases: 瞭 alone is also
	// simplified (瞭望), in 一目瞭然 it is 了.
	for in, want := range map[string]string{"爲為": "为为", "裡裏": "里里", "臺灣": "台湾", "一目瞭然": "一目了然", "瞭望": "瞭望"} {
		if got := zhconv.ToSimplified(in); got != want {
			t.Errorf("ToSimplified(%q) = %q, want %q", in, got, want)
		}
	}
}

// ToSimplified keeps every byte offset and Han run, on the characters and
// phrases of its whole table: each character of the input is the same
// number of bytes as its conversion, and Han stays Han.
func TestToSimplifiedKeepsOffsets(t *testing.T) {
	check := func(in string) {
		out := zhconv.ToSimplified(in)
		if len(out) != len(in) {
			t.Fatalf("ToSimplified(%q) = %q: %d bytes, want %d", in, out, len(out), len(in))
		}
		for i, r := range in {
			o, _ := utf8.DecodeRuneInString(out[i:])
			if !utf8.RuneStart(out[i]) || utf8.RuneLen(o) != utf8.RuneLen(r) || zhdict.IsHan(o) != zhdict.IsHan(r) {
				t.Fatalf("ToSimplified(%q) = %q: %q at byte %d became %q", in, out, r, i, o)
			}
		}
	}
	n := 0
	for k := range zhconv.Table() {
		check(k)
		check("x" + k + "，𠀀" + k)
		n++
	}
	if n < 3000 {
		t.Fatalf("the table has %d entries, want the 3,500 or so of OpenCC's", n)
	}
	// The characters left out: 㑮 (U+346E) is 𫝈 (U+2B748) in OpenCC, four
	// bytes for three.
	if got := zhconv.ToSimplified("㑮"); got != "㑮" {
		t.Errorf("ToSimplified(㑮) = %q, want it unconverted", got)
	}
}

func TestDetect(t *testing.T) {
	for in, want := range map[string]zhconv.Script{
		"联合国大会通过的决议":           zhconv.Simplified,
		"聯合國大會通過的決議":           zhconv.Traditional,
		"人民和平":                 zhconv.Unknown,
		"":                     zhconv.Unknown,
		"the General Assembly": zhconv.Unknown,
		"联合国 (聯合國) 大会通过的决议":      zhconv.Simplified,
		"經濟及社會理事會在臺灣 (台湾) 的國際合作": zhconv.Traditional,
	} {
		if got := zhconv.Detect(in); got != want {
			t.Errorf("Detect(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		// Simplified text: unchanged, 乾 (also simplified) kept.
		"乾隆年间的联合国": "乾隆年间的联合国",
		// A traditional name quoted in simplified text is converted; 乾
		// still kept.
		"乾隆年间的臺灣问题": "乾隆年间的台湾问题",
		"徵和臺灣问题":    "徵和台湾问题", // 徵 alone is 征 in traditional text
		// Traditional text is converted whole, 乾 and 於 too.
		"國家乾旱問題於會議": "国家干旱问题于会议",
		"徵和臺灣問題":    "征和台湾问题",
		"人民和平":      "人民和平",
	} {
		if got := zhconv.Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

// The devset Chinese survives a round trip through traditional characters:
// what the evaluation on a traditional devset (eval_zht_test.go) assumes.
func TestRoundTripDevset(t *testing.T) {
	docs := corpus.DevsetOrSkip(t)
	lines, same, changed := 0, 0, 0
	for _, d := range docs {
		for _, l := range d.Lines["zh"] {
			lines++
			tr := zhconv.ToTraditional(l)
			if tr != l {
				changed++
			}
			if zhconv.ToSimplified(tr) == l {
				same++
			} else if zhconv.Key(tr) != zhconv.ToSimplified(tr) {
				t.Errorf("a traditional line is not keyed whole: %q", tr)
			}
		}
	}
	t.Logf("%d lines, %d changed by ToTraditional, %d back as they were", lines, changed, same)
	if changed < lines*9/10 {
		t.Errorf("only %d of %d lines changed by ToTraditional", changed, lines)
	}
	if lines-same > lines/1000 {
		t.Errorf("%d of %d lines do not come back from traditional characters", lines-same, lines)
	}
}

func TestScriptString(t *testing.T) {
	if s := strings.Join([]string{zhconv.Unknown.String(), zhconv.Simplified.String(), zhconv.Traditional.String()}, ","); s != "unknown,simplified,traditional" {
		t.Error(s)
	}
}
