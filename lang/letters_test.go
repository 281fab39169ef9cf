package lang_test

import (
	"testing"
	"unicode"

	"github.com/driftcheck/driftcheck/lang"
)

func TestLetters(t *testing.T) {
	l := lang.NewLetters(unicode.Latin, 12)
	l.Add("促进人权 ab, 12")  // 4 Han and 2 Latin letters; digits and punctuation are not letters
	l.Add("合作共赢 互利合作 cd") // the limit stops the count after 6 more letters
	s, n := l.Dominant()
	if s == nil || s.Table != unicode.Han || n != 10 || l.Own != 2 || l.Total != 12 {
		t.Errorf("dominant %v with %d, own %d of %d; want Han with 10, own 2 of 12", s, n, l.Own, l.Total)
	}
	if s, _ := lang.NewLetters(nil, 10).Dominant(); s != nil {
		t.Errorf("no letters: dominant %v", s)
	}
}
