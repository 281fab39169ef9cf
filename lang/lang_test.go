package lang_test

import (
	"testing"

	"github.com/driftcheck/driftcheck/lang"
)

func TestDetectLang(t *testing.T) {
	// UNPC v1.0 devset, line 101 in each language (S/2015/87).
	tests := []struct {
		want, text string
	}{
		{"en", "Win-win cooperation should be a basic policy goal for Member States in dealing with international affairs."},
		{"fr", "Les politiques mises en œuvre par les États Membres pour le traitement des affaires internationales doivent se fonder sur la recherche d'une coopération dont tout le monde puisse sortir gagnant."},
		{"es", "Una cooperación que beneficie a todos debería ser el objetivo básico de la política de los Estados Miembros al abordar los asuntos internacionales."},
		{"ru", "Беспроигрышное сотрудничество должно стать главной программной целью государств-членов в решении международных дел."},
		{"ar", "وينبغي أن يكون التعاون الذي تستفيد منه جميع الأطراف هدفا أساسيا من أهداف سياسات الدول الأعضاء في معالجة الشؤون الدولية."},
		{"zh", "合作共赢应成为会员国处理国际事务的根本政策取向。"},
		// Chinese with a symbol in Latin letters is still Chinese.
		{"zh", "回顾A/HRC/RES/37/23号决议"},
		{"", "123 456, 789."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := lang.Detect(tt.text); got != tt.want {
			t.Errorf("DetectLang(%+q) = %+q, want %+q", tt.text, got, tt.want)
		}
	}
}

// TestArabicKey checks that a word gets one key with and without its
// clitics and diacritics: conjunction, prepositions, article, and a word
// that itself starts with و after the conjunction.
func TestArabicKey(t *testing.T) {
	for _, group := range [][]string{
		{"بناء", "لبناء", "وبناء", "البناء"},
		{"المساعدة", "للمساعدة", "والمساعدة", "المُسَاعَدَة"},
		{"وحدة", "ووحدة", "فوحدة", "الوحدة"},
		{"وزارة", "ووزارة", "الوزارة"},
		{"التعاون", "بالتعاون", "والتعاون", "التَّعَاوُنِ"},
	} {
		want := lang.ArabicKey(group[0])
		for _, w := range group[1:] {
			if k := lang.ArabicKey(w); k != want {
				t.Errorf("ArabicKey(%s) = %s, want %s (the key of %s)", w, k, want, group[0])
			}
		}
	}
	// Short words keep letters that would be clitics in longer ones.
	if k := lang.ArabicKey("فوق"); k != "فوق" {
		t.Errorf("ArabicKey(فوق) = %s", k)
	}
}

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{"zh": "zh", "zh-Hans": "zh", "ZH-CN": "zh", "zho": "zh", "chi": "zh", " EN ": "en", "fr-CA": "fr", "ar": "ar"} {
		if got := lang.Norm(in); got != want {
			t.Errorf("Norm(%+q) = %+q, want %+q", in, got, want)
		}
	}
}
