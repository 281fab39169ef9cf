package lang

import (
	"strings"
	"unicode"

	"github.com/blevesearch/snowballstem/english"
)

func init() {
	Register(&Profile{
		Code: "en", Name: "English", Letter: "E", Script: unicode.Latin,
		Stem:         english.Stem,
		WordKey:      func(k string) string { return EnglishSpelling(strings.TrimSuffix(k, "'s")) },
		Cognates:     true,
		DecimalPoint: true,
		Conjunctions: map[string]bool{"and": true, "or": true},
		LengthRatio:  1, LengthSpread: 0.12, UnitRatio: 1, UnitSpread: 0.12,
		Month: exactMonths("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"),
		// Month names take a capital: "a protest march", "it may" are other words.
		CapitalMonths:  true,
		HourWords:      []string{"hrs"},
		Clock:          &Clock{AM: []string{"a.m", "am"}, PM: []string{"p.m", "pm"}, Hours: "hours", At: "at"},
		Scales:         map[string]float64{"million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12},
		Ordinal:        enOrdinal,
		OrdinalFirst:   enOrdinalFirst,
		CenturyWords:   []string{"century", "centuries"},
		CountNouns:     []string{"year", "years", "month", "months", "week", "weeks", "day", "days"},
		FirstWords:     []string{"first"},
		SessionNouns:   []string{"session", "sessions", "meeting", "meetings"},
		HeadingWords:   []string{"article", "articles", "part", "chapter", "annex", "section", "title", "protocol", "principle"},
		NumberWords:    map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12, "once": 1, "twice": 2, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "half": 0.5, "double": 2, "single": 1, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "tenth": 10, "eleventh": 11, "twelfth": 12},
		PercentWords:   []string{"per cent", "percent"},
		ReferenceWords: []string{"resolution", "decision"},
		PageWords:      []string{"p.", "pp.", "page", "pages"},
	})
}

var (
	enTens     = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
	enUnits    = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
	enUnitOrd  = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9}
	enWholeOrd = map[string]int{
		"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
		"seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
		"fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
	}
)

// enOrdinal reads "forty third" (the hyphen already a separator),
// "fortieth", "nineteenth", and the compound cardinals "twenty eight"
// (written for the ordinal as often as not: "Twenty-eight session").
func enOrdinal(w []string) (int, bool) {
	switch len(w) {
	case 1:
		v, ok := enWholeOrd[w[0]]
		return v, ok
	case 2:
		t, ok1 := enTens[w[0]]
		u, ok2 := enUnitOrd[w[1]]
		if !ok2 {
			u, ok2 = enUnits[w[1]]
		}
		return t + u, ok1 && ok2
	}
	return 0, false
}

// EnglishSpelling maps a folded English word to one spelling of it, so
// that British, Oxford and American spellings, and the UN's own of before
// about 2000, key alike: "-our" (labour, labor), "-re" (centre, center),
// "-ence" (defence, defense), "-ise" (recognise, recognize; organisation,
// organization), "-yse" (analyse), "-ogue" (catalogue), "programme"
// (program), doubled "l" (travelled, fulfil), "ae"/"oe" (paediatric,
// manoeuvre), "-ement" (judgement), "ageing", and the diaeresis
// ("coöperation"). The form it returns is the American one; it is a key,
// never shown. Hyphenated and joined compounds ("co-operation") are the
// lexicon matcher's.
func EnglishSpelling(w string) string {
	if len(w) < 4 {
		return w
	}
	if !isASCIIWord(w) {
		w = enDiaeresis.Replace(w)
		w = strings.NewReplacer("æ", "ae", "œ", "oe").Replace(w)
	}
	if v, ok := enWords[w]; ok {
		return v
	}
	for _, r := range enRoots {
		if i := strings.Index(w, r[0]); i >= 0 {
			return w[:i] + r[1] + w[i+len(r[0]):]
		}
	}
	return enIse(w)
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}

// enDiaeresis drops the diaeresis English writes on the second of two
// vowels ("coöperation", "reëlect", "naïve").
var enDiaeresis = strings.NewReplacer("ä", "a", "ë", "e", "ï", "i", "ö", "o", "ü", "u")

// enRoots are British spellings replaced wherever they stand in a word
// ("unfavourable", "self-defence" after its hyphen, "labourers").
var enRoots = [][2]string{
	{"labour", "labor"}, {"colour", "color"}, {"behaviour", "behavior"}, {"favour", "favor"}, {"honour", "honor"},
	{"neighbour", "neighbor"}, {"endeavour", "endeavor"}, {"harbour", "harbor"}, {"vigour", "vigor"}, {"rumour", "rumor"},
	{"humour", "humor"}, {"savour", "savor"}, {"valour", "valor"}, {"splendour", "splendor"}, {"armour", "armor"},
	{"odour", "odor"}, {"rigour", "rigor"}, {"tumour", "tumor"}, {"vapour", "vapor"}, {"clamour", "clamor"},
	{"demeanour", "demeanor"}, {"saviour", "savior"}, {"ardour", "ardor"}, {"fervour", "fervor"}, {"candour", "candor"},
	{"defence", "defense"}, {"offence", "offense"}, {"pretence", "pretense"}, {"licence", "license"},
	{"catalogue", "catalog"}, {"analogue", "analog"},
	{"paediatric", "pediatric"}, {"orthopaedic", "orthopedic"}, {"encyclopaedia", "encyclopedia"}, {"anaemi", "anemi"},
	{"haemo", "hemo"}, {"haema", "hema"}, {"oesophag", "esophag"}, {"oestrogen", "estrogen"}, {"foetus", "fetus"},
	{"foetal", "fetal"}, {"diarrhoea", "diarrhea"}, {"gynaecolog", "gynecolog"}, {"leukaemia", "leukemia"},
	{"aetiolog", "etiolog"}, {"mediaev", "mediev"},
	{"judgement", "judgment"}, {"acknowledgement", "acknowledgment"}, {"abridgement", "abridgment"},
	{"fulfilment", "fulfillment"}, {"enrolment", "enrollment"}, {"instalment", "installment"}, {"skilful", "skillful"},
	{"wilful", "willful"}, {"sceptic", "skeptic"},
}

// enWords are British spellings of whole words, where a root would catch
// other words: "programme" but not "programmed", "centre" but not a
// "centrepiece" the stemmer keeps apart anyway.
var enWords = func() map[string]string {
	m := map[string]string{
		"programme": "program", "programmes": "programs",
		"ageing": "aging",
		"fulfil": "fulfill", "fulfils": "fulfills", "enrol": "enroll", "enrols": "enrolls", "instil": "instill", "instils": "instills",
		"practise": "practice", "practised": "practiced", "practises": "practices", "practising": "practicing",
		"dialogue": "dialog", "dialogues": "dialogs",
		"cheque": "check", "cheques": "checks", "grey": "gray", "plough": "plow", "tyre": "tire", "tyres": "tires",
		"analyse": "analyze", "analysed": "analyzed", "analysing": "analyzing", "paralyse": "paralyze", "paralysed": "paralyzed",
		"catalyse": "catalyze", "catalysed": "catalyzed",
		"manoeuvre": "maneuver", "manoeuvres": "maneuvers", "manoeuvred": "maneuvered", "manoeuvring": "maneuvering",
		"connexion": "connection", "connexions": "connections", "tranquillity": "tranquility",
	}
	// -re: centre, centres, centred, centring.
	for _, r := range []string{"cent", "theat", "met", "lit", "fib", "calib", "spect", "somb", "lust", "meag", "sab", "reconnoit"} {
		m[r+"re"], m[r+"res"], m[r+"red"], m[r+"ring"] = r+"er", r+"ers", r+"ered", r+"ering"
	}
	// Doubled "l" before a suffix: travelled, labelling, counsellor.
	for _, r := range []string{"travel", "label", "model", "counsel", "cancel", "signal", "channel", "fuel", "level", "total",
		"marshal", "tunnel", "equal", "dial", "pencil", "quarrel", "rival", "shovel", "spiral", "initial", "barrel",
		"panel", "funnel", "jewel", "marvel", "parcel", "tranquil", "unravel", "grovel", "libel"} {
		for _, s := range []string{"ed", "ing", "er", "ers", "or", "ors", "ous"} {
			m[r+"l"+s] = r + s
		}
	}
	return m
}()

// enIseSuffixes are the endings of the verbs in "-ise" and of their
// derivatives, with their "-ize" spelling.
var enIseSuffixes = [][2]string{
	{"isations", "izations"}, {"isation", "ization"}, {"isers", "izers"}, {"iser", "izer"},
	{"ising", "izing"}, {"ised", "ized"}, {"ises", "izes"}, {"ise", "ize"},
}

// enIseWords are the words in "-ise" that are not "-ize" verbs (exercise,
// enterprise, compromise), and their derivatives by the root in "-ise".
var enIseWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`exercise excise incise precise concise circumcise expertise compromise promise premise
		devise revise supervise televise improvise disguise guise despise chastise franchise enfranchise disenfranchise
		merchandise paradise treatise demise chemise valise porpoise tortoise mortise turquoise noise poise raise praise
		braise cruise bruise arise rise sunrise uprise advertise surmise anise reprise apprise enterprise surprise comprise
		advise otherwise likewise clockwise counterclockwise anticlockwise wise`) {
		m[w] = true
	}
	return m
}()

// enIse spells the "-ise" verbs and their derivatives with "-ize".
func enIse(w string) string {
	for _, s := range enIseSuffixes {
		root, ok := strings.CutSuffix(w, s[0])
		if !ok {
			continue
		}
		// At least three letters before the ending: "rise", "raise" and
		// "noise" are not verbs in -ise.
		if len(root) < 3 || enIseWords[root+"ise"] || strings.HasSuffix(root, "w") || strings.HasSuffix(root, "pr") {
			return w
		}
		return root + s[1]
	}
	return w
}

// enOrdinalFirst: a whole ordinal ("fortieth") or the tens of a compound.
func enOrdinalFirst(w string) bool {
	_, whole := enWholeOrd[w]
	_, tens := enTens[w]
	return whole || tens
}
