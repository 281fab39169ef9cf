package drift_test

import (
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
)

// The end of the preamble of a General Assembly resolution, as issue 15
// describes it, written for these tests: English has "Now, therefore,",
// "The General Assembly," and "Proclaims …" as three paragraphs; Chinese
// runs the three into one, French and Russian have no "Now, therefore,"
// of their own, and Arabic runs the first two into one.
const gaEnglish = `The General Assembly,

Recalling the Charter of the United Nations,

Whereas recognition of the inherent dignity and of the equal and inalienable rights of all members of the human family is the foundation of freedom, justice and peace in the world,

Now, therefore,

The General Assembly,

Proclaims this Declaration as a common standard of achievement for all peoples and all nations, to the end that every individual and every organ of society shall strive by teaching and education to promote respect for these rights and freedoms,

1. Decides to remain seized of the matter.`

var gaFinals = map[string]string{
	"zh": `大会，

回顾《联合国宪章》，

鉴于对人类家庭所有成员的固有尊严及其平等的和不移的权利的承认，乃是世界自由、正义与和平的基础，

因此，大会发布这一宣言，作为所有人民和所有国家努力实现的共同标准，以期每一个人和社会机构经常铭念本宣言，努力通过教诲和教育促进对权利和自由的尊重，

1．决定继续处理此案。`,
	"fr": `L'Assemblée générale,

Rappelant la Charte des Nations Unies,

Considérant que la reconnaissance de la dignité inhérente à tous les membres de la famille humaine et de leurs droits égaux et inaliénables constitue le fondement de la liberté, de la justice et de la paix dans le monde,

L'Assemblée générale,

Proclame la présente Déclaration comme l'idéal commun à atteindre par tous les peuples et toutes les nations afin que tous les individus et tous les organes de la société s'efforcent, par l'enseignement et l'éducation, de développer le respect de ces droits et libertés,

1. Décide de rester saisie de la question.`,
	"ru": `Генеральная Ассамблея,

ссылаясь на Устав Организации Объединенных Наций,

принимая во внимание, что признание достоинства, присущего всем членам человеческой семьи, и равных и неотъемлемых прав их является основой свободы, справедливости и всеобщего мира,

Генеральная Ассамблея,

провозглашает настоящую Декларацию в качестве задачи, к выполнению которой должны стремиться все народы и все государства, с тем чтобы каждый человек и каждый орган общества стремились путем просвещения и образования содействовать уважению этих прав и свобод,

1. постановляет продолжать заниматься этим вопросом.`,
	"ar": `إن الجمعية العامة،

إذ تشير إلى ميثاق الأمم المتحدة،

لما كان الاعتراف بالكرامة المتأصلة في جميع أعضاء الأسرة البشرية وبحقوقهم المتساوية الثابتة هو أساس الحرية والعدل والسلام في العالم،

فإن الجمعية العامة الآن،

تنادي بهذا الإعلان على أنه المستوى المشترك الذي ينبغي أن تستهدفه كافة الشعوب والأمم حتى يسعى كل فرد وهيئة في المجتمع إلى توطيد احترام هذه الحقوق والحريات عن طريق التعليم والتربية،

1 - تقرر أن تبقي المسألة قيد نظرها.`,
}

func checkLang(t *testing.T, voted, final, code string) []drift.Finding {
	t.Helper()
	fx := newFixture(lexicon.Default())
	return fx.compare(fx.side(voted, "v.en.txt", "en", true), fx.side(final, "f."+code+".txt", code, true))
}

func describe(fs []drift.Finding) string {
	var s []string
	for _, f := range fs {
		s = append(s, string(f.Kind)+"/"+f.Severity.String()+" "+f.Voted.Para+"|"+f.Final.Para+": "+f.Message)
	}
	return strings.Join(s, "\n")
}

// TestConnective checks that the short connectives of the General
// Assembly fixture, run into the next paragraph by the translations, are
// connective-missing (info), and nothing else is found.
func TestConnective(t *testing.T) {
	want := map[string]string{
		"zh": "connective-missing/info PP3 connective-missing/info PP4",
		"fr": "connective-missing/info PP3",
		"ru": "connective-missing/info PP3",
		"ar": "connective-missing/info PP3",
	}
	for code, final := range gaFinals {
		fs := checkLang(t, gaEnglish, final, code)
		if got := kindsAt(fs); got != want[code] {
			t.Errorf("en against %s: got %q, want %q\n%s", code, got, want[code], describe(fs))
		}
	}
}

// TestNotConnective checks that a short paragraph dropped is still
// paragraph-missing when it is no connective: it ends a sentence, or holds
// a number, or is numbered.
func TestNotConnective(t *testing.T) {
	tests := []struct{ desc, voted, final, want string }{
		{"ends a sentence",
			"The Council,\n\nRecalling the Charter of the United Nations,\n\nNoting the report.\n\n1. Decides to remain seized of the matter.",
			"Le Conseil,\n\nRappelant la Charte des Nations Unies,\n\n1. Décide de rester saisi de la question.",
			"paragraph-missing/error PP2"},
		{"holds a number",
			"The Council,\n\nRecalling the Charter of the United Nations,\n\nIn 2019,\n\n1. Decides to remain seized of the matter.",
			"Le Conseil,\n\nRappelant la Charte des Nations Unies,\n\n1. Décide de rester saisi de la question.",
			"paragraph-missing/error PP2"},
		{"a connective",
			"The Council,\n\nRecalling the Charter of the United Nations,\n\nNow, therefore,\n\n1. Decides to remain seized of the matter.",
			"Le Conseil,\n\nRappelant la Charte des Nations Unies,\n\n1. Décide de rester saisi de la question.",
			"connective-missing/info PP2"},
		{"a connective added in the final text",
			"The Council,\n\nRecalling the Charter of the United Nations,\n\n1. Decides to remain seized of the matter.",
			"Le Conseil,\n\nRappelant la Charte des Nations Unies,\n\nEn conséquence,\n\n1. Décide de rester saisi de la question.",
			"connective-missing/info |PP2"},
	}
	for _, tt := range tests {
		fs := checkLang(t, tt.voted, tt.final, "fr")
		if got := kindsAt(fs); got != tt.want {
			t.Errorf("%s: got %q, want %q\n%s", tt.desc, got, tt.want, describe(fs))
		}
	}
}

// kindsAt lists kind/severity and the voted paragraph (or |final) of each
// finding.
func kindsAt(fs []drift.Finding) string {
	var s []string
	for _, f := range fs {
		at := f.Voted.Para
		if at == "" {
			at = "|" + f.Final.Para
		}
		s = append(s, string(f.Kind)+"/"+f.Severity.String()+" "+at)
	}
	return strings.Join(s, " ")
}
