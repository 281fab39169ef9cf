package segment_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/segment"
	"github.com/driftcheck/driftcheck/segment/zhconv"
)

// Traditional text is cut as its simplified twin is, with the twin's keys,
// and keeps its own offsets and text.
func TestTraditionalChinese(t *testing.T) {
	s := shared(t)
	for _, tt := range []struct{ trad, simp string }{
		{"促進人權領域的互利合作。", "促进人权领域的互利合作。"},
		{"聯合國大會第七十三屆會議，2018年9月。", "联合国大会第七十三届会议，2018年9月。"},
		{"爲構建人類命運共同體而努力", "为构建人类命运共同体而努力"},
	} {
		t.Run(tt.simp, func(t *testing.T) {
			tr := s.Tokens("zh", tt.trad)
			checkCover(t, "zh", tt.trad, tr)
			sp := s.Tokens("zh", tt.simp)
			if got, want := contentKeys(tr), contentKeys(sp); !reflect.DeepEqual(got, want) {
				t.Errorf("keys of %q = %q, want those of %q: %q", tt.trad, got, tt.simp, want)
			}
			if len(tr) != len(sp) {
				t.Fatalf("%d tokens, want %d", len(tr), len(sp))
			}
			for i := range tr {
				if tr[i].Start != sp[i].Start || tr[i].End != sp[i].End {
					t.Errorf("token %d of %q at %d-%d, want %d-%d as in %q", i, tt.trad, tr[i].Start, tr[i].End, sp[i].Start, sp[i].End, tt.simp)
				}
			}
		})
	}
	// A user word in traditional characters (a lexicon written in them)
	// stays whole in either script.
	u := segment.New([]string{"合作共贏"})
	for _, text := range []string{"促進合作共贏", "促进合作共赢"} {
		var got []string
		for _, tk := range u.Tokens("zh", text) {
			got = append(got, tk.Key)
		}
		if want := []string{"促进", "合作共赢"}; !reflect.DeepEqual(got, want) {
			t.Errorf("keys of %q with the user word 合作共贏 = %q, want %q", text, got, want)
		}
	}
	// Simplified text that shares a character with traditional text (乾)
	// keeps it.
	if got := contentKeys(s.Tokens("zh", "乾隆年间")); strings.Join(got, "") != "乾隆年间" {
		t.Errorf("keys of 乾隆年间 = %q", got)
	}
}

// On the devset, every Chinese paragraph made traditional (zhconv) is cut
// into the tokens of the original, with its keys. Cutting the traditional
// text itself, over gse's traditional words, would not be: the count of
// paragraphs it cuts differently is logged.
func TestTraditionalDevset(t *testing.T) {
	docs := corpus.DevsetOrSkip(t)
	if testing.Short() {
		t.Skip("the devset in traditional characters is cut in full mode only")
	}
	var all []string
	for _, d := range docs {
		all = append(all, d.Lines["zh"]...)
	}
	var trad []string
	for _, l := range all {
		trad = append(trad, zhconv.ToTraditional(l))
	}
	s := segment.New(userWords).ForTexts(append(append([]string{}, all...), trad...)...)
	direct := segment.New(userWords).ForTexts(trad...)
	lines, differ, directDiffer := 0, 0, 0
	for i, l := range all {
		if zhconv.ToSimplified(trad[i]) != l {
			continue // the one line with a traditional character of its own
		}
		lines++
		want := contentKeys(s.Tokens("zh", l))
		if got := contentKeys(s.Tokens("zh", trad[i])); !reflect.DeepEqual(got, want) {
			differ++
			if differ <= 3 {
				t.Errorf("%q is cut %q, want %q", trad[i], got, want)
			}
		}
		// The direct cut: gse over the traditional text as it is.
		var dk []string
		for _, tk := range direct.Tokens("zh", trad[i]) {
			if tk.IsContent() {
				dk = append(dk, zhconv.ToSimplified(tk.In(trad[i])))
			}
		}
		if !reflect.DeepEqual(dk, want) {
			directDiffer++
		}
	}
	t.Logf("%d paragraphs in traditional characters: %d cut differently from the simplified (%d if gse cut the traditional text itself)", lines, differ, directDiffer)
}
