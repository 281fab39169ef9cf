package document_test

import (
	"os"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/document"
)

// A resolution in traditional characters has the structure of its
// simplified twin: the header lines 人權理事會, 第三十七屆會議, 議程項目3 and
// the sponsors' 決議草案 are boilerplate, 人權理事會， opens the body, and
// the operative paragraphs are numbered as in simplified text.
func TestParseTraditionalHeader(t *testing.T) {
	tests := []struct {
		desc   string
		paras  []string
		header []string // the header lines, in order (the opener last)
		title  string   // the title after its number
		body   []string // ids of the body
	}{
		{"Human Rights Council resolution",
			[]string{"A/HRC/RES/37/23", "Distr.: Limited", "2018年3月19日", "原文：英文",
				"人權理事會", "第三十七屆會議", "2018年2月26日至3月23日", "議程項目3",
				"增進和保護所有人權——公民權利、政治權利、經濟、社會和文化權利，包括發展權",
				"安哥拉、白俄羅斯*、中國：決議草案",
				"37/... 促進人權領域的合作共贏", "人權理事會，",
				"以《聯合國憲章》爲指導，", "1．呼籲所有國家；", "2．請："},
			[]string{"A/HRC/RES/37/23", "Distr.: Limited", "2018年3月19日", "原文：英文",
				"人權理事會", "第三十七屆會議", "2018年2月26日至3月23日", "議程項目3",
				"增進和保護所有人權——公民權利、政治權利、經濟、社會和文化權利，包括發展權",
				"安哥拉、白俄羅斯*、中國：決議草案", "人權理事會，"},
			"促進人權領域的合作共贏", []string{"title", "PP1", "OP1", "OP2"}},
		{"General Assembly, masthead spaced out, no title number",
			[]string{"A/RES/73/1", "大　會", "第七十三屆會議", "議程項目12", "促進國際合作", "大會，", "回顧其決議，", "1．決定；"},
			[]string{"A/RES/73/1", "大　會", "第七十三屆會議", "議程項目12", "大會，"},
			"促進國際合作", []string{"title", "PP1", "OP1"}},
		{"no title: every line before the opener is boilerplate",
			[]string{"A/HRC/37/L.36", "人　權　理　事　會", "第三十七屆會議", "議程項目3", "人權理事會，", "回顧其決議，"},
			[]string{"A/HRC/37/L.36", "人　權　理　事　會", "第三十七屆會議", "議程項目3", "人權理事會，"},
			"", []string{"PP1"}},
		{"no title: the sponsors' line last",
			[]string{"A/HRC/37/L.36", "議程項目3", "安哥拉、中國*：決議草案", "人權理事會，", "回顧其決議，"},
			[]string{"A/HRC/37/L.36", "議程項目3", "安哥拉、中國*：決議草案", "人權理事會，"},
			"", []string{"PP1"}},
		{"Security Council opener",
			[]string{"S/RES/2334 (2016)", "安全理事會，", "重申其相關決議，", "1．重申；"},
			[]string{"S/RES/2334 (2016)", "安全理事會，"},
			"", []string{"PP1", "OP1"}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			d := document.Parse(doc(tt.paras...), "test.txt", "zh")
			if !d.Structured {
				t.Fatalf("Parse(%+q): Structured = false, want true", tt.paras)
			}
			var header []string
			for _, p := range d.Paras {
				if p.Kind == document.Header {
					header = append(header, p.Text)
				}
			}
			if strings.Join(header, "|") != strings.Join(tt.header, "|") {
				t.Errorf("header lines\n%+q\nwant\n%+q", header, tt.header)
			}
			title := d.Para("title")
			switch {
			case tt.title == "" && title != nil:
				t.Errorf("title %+q, want none", title.Text)
			case tt.title != "" && (title == nil || title.Text[title.BodyStart:] != tt.title):
				t.Errorf("title %+v, want %+q", title, tt.title)
			}
			if got := ids(d.Body()); strings.Join(got, " ") != strings.Join(tt.body, " ") {
				t.Errorf("body ids %+q, want %+q", got, tt.body)
			}
		})
	}
}

// Operative paragraphs and sub-paragraphs in traditional characters.
func TestParseTraditionalOperative(t *testing.T) {
	d := document.Parse(doc("人權理事會，", "回顧其決議，", "又回顧，",
		"1．決定採取行動；", "2．請：", "（a）提交報告；", "（b）進行協商；", "3．決定繼續處理此案。"), "test.txt", "zh")
	type want struct{ id, label, body string }
	wants := []want{{"PP1", "", "回顧"}, {"PP2", "", "又回顧"}, {"OP1", "1．", "決定"}, {"OP2", "2．", "請"},
		{"OP2(a)", "（a）", "提交"}, {"OP2(b)", "（b）", "進行"}, {"OP3", "3．", "決定繼續"}}
	body := d.Body()
	if len(body) != len(wants) {
		t.Fatalf("body ids %+q, want %d paragraphs", ids(body), len(wants))
	}
	for i, p := range body {
		w := wants[i]
		if p.ID != w.id || p.Label != w.label || !strings.HasPrefix(p.Text[p.BodyStart:], w.body) {
			t.Errorf("paragraph %d: %s %+q %+q, want %s %+q %+q…", i, p.ID, p.Label, p.Text[p.BodyStart:], w.id, w.label, w.body)
		}
	}
}

// The founding resolution in traditional characters is read as the
// simplified one: the same ids, kinds, labels and body offsets (the
// conversion keeps the ASCII and full-width labels).
func TestParseTraditionalFounding(t *testing.T) {
	simp := parseFile(t, "../testdata/founding/RES.zh.txt", "zh")
	if _, err := os.Stat("../testdata/founding/RES.zh-hant.txt"); err != nil {
		t.Fatal(err)
	}
	trad := parseFile(t, "../testdata/founding/RES.zh-hant.txt", "zh")
	if !simp.Structured || !trad.Structured {
		t.Fatalf("Structured: simplified %v, traditional %v; want both", simp.Structured, trad.Structured)
	}
	if len(simp.Paras) != len(trad.Paras) {
		t.Fatalf("%d paragraphs in simplified, %d in traditional:\n%+q\n%+q", len(simp.Paras), len(trad.Paras), allIDs(simp), allIDs(trad))
	}
	ops := 0
	for i := range simp.Paras {
		s, tr := simp.Paras[i], trad.Paras[i]
		if s.ID != tr.ID || s.Kind != tr.Kind || s.Label != tr.Label {
			t.Errorf("paragraph %d: simplified %s %s %+q, traditional %s %s %+q", i, s.ID, s.Kind, s.Label, tr.ID, tr.Kind, tr.Label)
		}
		if s.Kind == document.Operative {
			ops++
		}
	}
	if ops == 0 {
		t.Error("no operative paragraph in the founding resolution")
	}
	if simp.Symbol != trad.Symbol || simp.Symbol == "" {
		t.Errorf("Symbol: simplified %+q, traditional %+q", simp.Symbol, trad.Symbol)
	}
}
