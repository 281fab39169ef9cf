package drift_test

import (
	"strings"
	"testing"
)

// Operative paragraphs run together or apart by a translation, written
// for these tests.
const (
	beadsEnglish = "The Human Rights Council,\n\n" +
		"1. Decides to hold a seminar on technical assistance in 2019 in Geneva;\n\n" +
		"2. Requests the Office of the High Commissioner to submit a report on the seminar to the Council in 2020;\n\n" +
		"3. Decides to remain seized of the matter."
	beadsEnglishTerm = "The Human Rights Council,\n\n" +
		"1. Decides to hold a seminar on technical assistance in 2019 in Geneva;\n\n" +
		"2. Requests the Office of the High Commissioner to submit a report on mutually beneficial cooperation to the Council in 2020;\n\n" +
		"3. Decides to remain seized of the matter."
	beadsEnglishOne = "The Human Rights Council,\n\n" +
		"1. Decides to hold a seminar on technical assistance in 2019 in Geneva, and requests the Office of the High Commissioner to submit a report on the seminar to the Council in 2020;\n\n" +
		"2. Decides to remain seized of the matter."
)

// TestBeadFindings checks that paragraphs merged or split by the
// translation are one info finding that says so, and that the merged text
// is still compared as one for terms and numbers.
func TestBeadFindings(t *testing.T) {
	tests := []struct {
		desc, voted, final, code, want string
	}{
		{"fr merges two", beadsEnglish,
			"Le Conseil des droits de l'homme,\n\n" +
				"1. Décide d'organiser un séminaire sur l'assistance technique en 2019 à Genève et prie le Haut-Commissariat de présenter au Conseil un rapport sur le séminaire en 2020 ;\n\n" +
				"2. Décide de rester saisi de la question.",
			"fr", "paragraphs-merged/info OP1"},
		{"fr merges two, a term substituted in the second", beadsEnglishTerm,
			"Le Conseil des droits de l'homme,\n\n" +
				"1. Décide d'organiser un séminaire sur l'assistance technique en 2019 à Genève et prie le Haut-Commissariat de présenter au Conseil un rapport sur la coopération gagnant-gagnant en 2020 ;\n\n" +
				"2. Décide de rester saisi de la question.",
			"fr", "paragraphs-merged/info OP1 term-substituted/error OP2"},
		{"zh splits one", beadsEnglishOne,
			"人权理事会，\n\n" +
				"1．决定于2019年在日内瓦举办一次关于技术援助的研讨会；\n\n" +
				"2．请高级专员办事处于2020年向理事会提交一份关于研讨会的报告；\n\n" +
				"3．决定继续处理此案。",
			"zh", "paragraph-split/info OP1"},
		{"ru splits one", beadsEnglishOne,
			"Совет по правам человека,\n\n" +
				"1. постановляет провести в 2019 году в Женеве семинар по вопросам технической помощи;\n\n" +
				"2. просит Управление Верховного комиссара представить Совету в 2020 году доклад о семинаре;\n\n" +
				"3. постановляет продолжать заниматься этим вопросом.",
			"ru", "paragraph-split/info OP1"},
		{"ar merges two", beadsEnglish,
			"إن مجلس حقوق الإنسان،\n\n" +
				"1 - يقرر أن يعقد في جنيف في عام 2019 حلقة دراسية بشأن المساعدة التقنية، ويطلب إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان أن تقدم إلى المجلس في عام 2020 تقريراً عن الحلقة الدراسية؛\n\n" +
				"2 - يقرر أن يبقي المسألة قيد نظره.",
			"ar", "paragraphs-merged/info OP1"},
	}
	for _, tt := range tests {
		fs := checkLang(t, tt.voted, tt.final, tt.code)
		if got := kindsAt(fs); got != tt.want {
			t.Errorf("%s: got %q, want %q\n%s", tt.desc, got, tt.want, describe(fs))
		}
		for _, f := range fs {
			if strings.HasPrefix(string(f.Kind), "paragraph") && f.Score < 0.5 {
				t.Errorf("%s: %s scores %v: a bead's confidence is its evidence, want ≥ 0.5", tt.desc, f.Kind, f.Score)
			}
		}
	}
}
