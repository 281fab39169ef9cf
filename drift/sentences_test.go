package drift

import (
	"strings"
	"testing"
)

// TestSentences checks where paragraphs are cut into sentences and
// clauses: after sentence ends and semicolons in each script, never after
// an abbreviation, inside a number or a document symbol, or before a
// lower-case word; a piece too short to stand alone joins its neighbour.
func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Decides to act. Requests a report.", []string{"Decides to act.", "Requests a report."}},
		{"Recalls para. 5 of resolution A/RES/70.1 and No. 3 of the annex. Requests a report.",
			[]string{"Recalls para. 5 of resolution A/RES/70.1 and No. 3 of the annex.", "Requests a report."}},
		{"It grew by 1.5 per cent, e.g. in Africa. Mr. Smith spoke next.", []string{"It grew by 1.5 per cent, e.g. in Africa.", "Mr. Smith spoke next."}},
		{"Welcomes the report; requests the Secretary-General to act; decides to meet again.",
			[]string{"Welcomes the report;", "requests the Secretary-General to act;", "decides to meet again."}},
		{"Is this enough? It is not enough! The Council agrees.", []string{"Is this enough?", "It is not enough!", "The Council agrees."}},
		{"He said “Stop the fighting.” The others agreed with him.", []string{"He said “Stop the fighting.”", "The others agreed with him."}},
		{"促进人权领域的互利合作。请秘书长提交报告；决定继续审议此事。", []string{"促进人权领域的互利合作。", "请秘书长提交报告；", "决定继续审议此事。"}},
		{"يرحب بالتقرير؛ ويطلب إلى الأمين العام تقديم تقرير. ويقرر أن يبقي المسألة قيد نظره.",
			[]string{"يرحب بالتقرير؛", "ويطلب إلى الأمين العام تقديم تقرير.", "ويقرر أن يبقي المسألة قيد نظره."}},
		{"Yes. The Council decides to remain seized of the matter.", []string{"Yes. The Council decides to remain seized of the matter."}},
		{"См. п. 5 доклада Генерального секретаря. Совет принимает решение.", []string{"См. п. 5 доклада Генерального секретаря.", "Совет принимает решение."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range sentences(tt.text, 0) {
			got = append(got, tt.text[s.start:s.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
