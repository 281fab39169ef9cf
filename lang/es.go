package lang

import (
	"strings"
	"unicode"

	"github.com/blevesearch/snowballstem/spanish"
)

func init() {
	Register(&Profile{
		Code: "es", Name: "Spanish", Letter: "S", Script: unicode.Latin,
		Stem:         spanish.Stem,
		Cognates:     true,
		Conjunctions: map[string]bool{"y": true, "e": true, "o": true, "u": true},
		HeadFirst:    true,
		LengthRatio:  1.13, LengthSpread: 0.118,
		Month:          exactMonths("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
		DecimalHours:   true,
		HourWords:      []string{"horas", "hora"},
		Scales:         map[string]float64{"millón": 1e6, "millones": 1e6},
		Ordinal:        esOrdinal,
		OrdinalFirst:   esOrdinalFirst,
		CenturyWords:   []string{"siglo"},
		CountNouns:     []string{"año", "años", "mes", "meses", "semana", "semanas", "día", "días"},
		FirstWords:     []string{"primer", "primero", "primera"},
		SessionNouns:   []string{"período", "sesión", "sesiones", "reunión"},
		HeadingWords:   []string{"artículo", "artículos", "parte", "capítulo", "anexo", "sección", "título", "protocolo", "principio"},
		NumberWords:    map[string]float64{"un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "cien": 100, "ciento": 100, "mil": 1000, "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3, "tercera": 3, "cuarto": 4, "quinto": 5, "sexto": 6, "séptimo": 7, "octavo": 8, "noveno": 9, "mitad": 0.5, "doble": 2, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "décimo": 10, "cuarta": 4, "quinta": 5, "sexta": 6, "séptima": 7, "octava": 8, "novena": 9, "décima": 10},
		PercentWords:   []string{"por ciento"},
		ReferenceWords: []string{"resolución", "resoluciones", "decisión", "decisiones"},
		PageWords:      []string{"pág.", "págs.", "p.", "pp.", "página", "páginas"},
	})
}

var (
	esTensOrd = map[string]int{
		"décim": 10, "decim": 10, "vigésim": 20, "vigesim": 20, "trigésim": 30, "trigesim": 30, "cuadragésim": 40, "cuadragesim": 40,
		"quincuagésim": 50, "quincuagesim": 50, "sexagésim": 60, "sexagesim": 60, "septuagésim": 70, "septuagesim": 70,
		"octogésim": 80, "octogesim": 80, "nonagésim": 90, "nonagesim": 90, "centésim": 100, "centesim": 100,
		"undécim": 11, "undecim": 11, "duodécim": 12, "duodecim": 12,
	}
	esUnitOrd = map[string]int{
		"primer": 1, "prim": 1, "segund": 2, "tercer": 3, "cuart": 4, "quint": 5, "sext": 6, "séptim": 7, "septim": 7,
		"octav": 8, "noven": 9,
	}
)

// esStem removes the gender and number ending of a Spanish ordinal.
func esStem(w string) string {
	for _, e := range []string{"os", "as", "o", "a"} {
		if s, ok := strings.CutSuffix(w, e); ok && len(s) >= 4 {
			return s
		}
	}
	return w
}

// esOrdinal reads "cuadragésimo tercer", "vigésima primera",
// "decimotercero", "quincuagésimo".
func esOrdinal(w []string) (int, bool) {
	first := esStem(w[0])
	if len(w) == 1 {
		if v, ok := esTensOrd[first]; ok {
			return v, true
		}
		// One word: "decimotercero", "vigesimoprimera".
		for tens, tv := range esTensOrd {
			if rest, ok := strings.CutPrefix(first, tens+"o"); ok && tv < 100 {
				if u, ok := esUnitOrd[rest]; ok {
					return tv + u, true
				}
			}
		}
		return 0, false
	}
	if len(w) != 2 {
		return 0, false
	}
	t, ok1 := esTensOrd[first]
	second := w[1]
	if second != "tercer" && second != "primer" {
		second = esStem(second)
	}
	u, ok2 := esUnitOrd[second]
	return t + u, ok1 && ok2 && t%10 == 0 && t < 100
}

// esOrdinalFirst: the stem starts with a tens ordinal ("vigésimo",
// "decimotercero"), the only first word esOrdinal reads.
func esOrdinalFirst(w string) bool {
	first := esStem(w)
	for tens := range esTensOrd {
		if strings.HasPrefix(first, tens) {
			return true
		}
	}
	return false
}
