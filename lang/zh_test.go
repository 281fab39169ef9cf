package lang

import (
	"reflect"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/segment/zhconv"
)

func TestChineseValue(t *testing.T) {
	for s, want := range map[string]int{"十": 10, "十三": 13, "四十三": 43, "一百零五": 105, "两千": 2000, "二十": 20, "一百": 100} {
		if v, ok := chineseValue(s); !ok || v != want {
			t.Errorf("chineseValue(%q) = %d, %v; want %d", s, v, ok, want)
		}
	}
	if v, ok := chineseValue("一二"); ok {
		t.Errorf("chineseValue(一二) = %d, want not a numeral", v)
	}
}

func TestChineseScript(t *testing.T) {
	for in, want := range map[string]string{
		"大会通过的决议": "Hans", "大會通過的決議": "Hant", "人民": "", "General Assembly": "",
	} {
		if got := ChineseScript(in); got != want {
			t.Errorf("ChineseScript(%q) = %q, want %q", in, got, want)
		}
		if got := Detect(in); in != "General Assembly" && got != "zh" {
			t.Errorf("Detect(%q) = %q, want zh", in, got)
		}
	}
}

// Every word of the Chinese profile that numbers are read with is there in
// traditional characters too, and the numerals are read in either script.
func TestTraditionalWords(t *testing.T) {
	p := Of("zh")
	has := func(list []string, w string) bool {
		for _, x := range list {
			if x == w {
				return true
			}
		}
		return false
	}
	var scales []string
	for w := range p.Scales {
		scales = append(scales, w)
	}
	for name, list := range map[string][]string{
		"HourSuffixes": p.HourSuffixes, "Afternoon": p.Afternoon, "Scales": scales,
		"ReferenceWords": p.ReferenceWords, "PageWords": p.PageWords, "PercentWords": p.PercentWords,
	} {
		for _, w := range list {
			if tw := zhconv.ToTraditional(w); !has(list, tw) {
				t.Errorf("%s has %q but not %q", name, w, tw)
			}
		}
	}
	for _, r := range p.NumeralChars {
		if tw := zhconv.ToTraditional(string(r)); !strings.Contains(p.NumeralChars, tw) {
			t.Errorf("NumeralChars has %q but not %q", r, tw)
		}
	}
	for _, simp := range []string{"第四十三届会议", "四十三届会议", "七十周年", "第一百零五次会议", "十二月", "二〇一八年", "第两千"} {
		trad := zhconv.ToTraditional(simp)
		if trad == simp && simp != "十二月" && simp != "二〇一八年" {
			t.Fatalf("%q is not changed by ToTraditional", simp)
		}
		want, got := chineseNumbers(simp), chineseNumbers(trad)
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("chineseNumbers(%q) = %+v, want %+v as for %q", trad, got, want, simp)
		}
	}
}
