// Package unsymbol reads what a United Nations document symbol says about
// its document: the body that issued it (General Assembly, one of its Main
// Committees, the Human Rights Council, the Security Council, the Economic
// and Social Council and its commissions, treaty bodies, programmes…), the
// session, the year, the kind of document (resolution, draft, decision…)
// and its number.
//
//	A/HRC/RES/37/23       Human Rights Council, session 37, resolution 23, 2018
//	A/RES/78/213          General Assembly, session 78, resolution 213, 2023
//	S/RES/2334 (2016)     Security Council, resolution 2334, 2016
//	A/C.3/78/L.49/Rev.1   General Assembly Third Committee, session 78, draft, 2023
//	E/RES/2015/10         Economic and Social Council, session 2015, resolution 10
//
// The identifiers of the UN Parallel Corpus (UNPC) carry the year of the
// document before the symbol, in lower case with "_" for "." (the devset's
// "2015/a/ac_182/l_139" is A/AC.182/L.139 of 2015): Parse reads them too.
//
// A year read from a session is the year the session opened (see
// document.SymbolYear): a General Assembly resolution adopted after
// December is of the next year, which only its date line tells.
package unsymbol

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/driftcheck/driftcheck/document"
)

// Info is what a symbol tells.
type Info struct {
	// Symbol is the symbol as normalised: upper case, "." for the UNPC's
	// "_", single spaces.
	Symbol string `json:"symbol"`
	// Body is the issuing body ("Human Rights Council"), BodyCode its
	// short code ("HRC"); both "" when the symbol's prefix is not in the
	// table (Bodies).
	Body     string `json:"body,omitempty"`
	BodyCode string `json:"body_code,omitempty"`
	// Session is the session the symbol names: a number for the General
	// Assembly and the Human Rights Council (78, 37), the year for the
	// Economic and Social Council and bodies that number their sessions
	// by year; 0 when none is named.
	Session int `json:"session,omitempty"`
	// Year is the year the symbol gives (in it, or from its session); 0
	// when it gives none.
	Year int `json:"year,omitempty"`
	// Kind is "resolution", "decision", "draft", "presidential statement",
	// "corrigendum", "addendum", "revision" or "document".
	Kind string `json:"kind,omitempty"`
	// Number is the number of a resolution or decision (213 of
	// A/RES/78/213, 2334 of S/RES/2334 (2016)); 0 otherwise.
	Number int `json:"number,omitempty"`
}

// A body of the table: the symbol prefix (its first components, upper
// case, separated by "/"), the body's short code and name.
type Body struct {
	Prefix, Code, Name string
}

// Bodies is the table of issuing bodies, longest prefix first where two
// share a start (A/HRC before A).
var Bodies = []Body{
	{"A/HRC", "HRC", "Human Rights Council"},
	{"A/C.1", "GA-C1", "General Assembly First Committee"},
	{"A/C.2", "GA-C2", "General Assembly Second Committee"},
	{"A/C.3", "GA-C3", "General Assembly Third Committee"},
	{"A/C.4", "GA-C4", "General Assembly Fourth Committee"},
	{"A/C.5", "GA-C5", "General Assembly Fifth Committee"},
	{"A/C.6", "GA-C6", "General Assembly Sixth Committee"},
	{"A/CONF", "CONF", "United Nations conference"},
	{"A/AC", "GA-AC", "General Assembly subsidiary committee"},
	{"A/CN.4", "ILC", "International Law Commission"},
	{"A/CN.9", "UNCITRAL", "United Nations Commission on International Trade Law"},
	{"A/ES", "GA-ES", "General Assembly emergency special session"},
	{"A/S", "GA-S", "General Assembly special session"},
	{"A", "GA", "General Assembly"},
	{"S", "SC", "Security Council"},
	{"E/CN.3", "STAT", "Statistical Commission"},
	{"E/CN.4", "CHR", "Commission on Human Rights"},
	{"E/CN.5", "CSocD", "Commission for Social Development"},
	{"E/CN.6", "CSW", "Commission on the Status of Women"},
	{"E/CN.7", "CND", "Commission on Narcotic Drugs"},
	{"E/CN.9", "CPD", "Commission on Population and Development"},
	{"E/CN.15", "CCPCJ", "Commission on Crime Prevention and Criminal Justice"},
	{"E/CN.16", "CSTD", "Commission on Science and Technology for Development"},
	{"E/CN.17", "CSD", "Commission on Sustainable Development"},
	{"E/CN.18", "UNFF", "United Nations Forum on Forests"},
	{"E/C.12", "CESCR", "Committee on Economic, Social and Cultural Rights"},
	{"E/C.19", "UNPFII", "Permanent Forum on Indigenous Issues"},
	{"E/ICEF", "UNICEF", "UNICEF Executive Board"},
	{"E/ECE", "ECE", "Economic Commission for Europe"},
	{"E/ESCAP", "ESCAP", "Economic and Social Commission for Asia and the Pacific"},
	{"E", "ECOSOC", "Economic and Social Council"},
	{"CEDAW", "CEDAW", "Committee on the Elimination of Discrimination against Women"},
	{"CERD", "CERD", "Committee on the Elimination of Racial Discrimination"},
	{"CCPR", "CCPR", "Human Rights Committee"},
	{"CAT", "CAT", "Committee against Torture"},
	{"CRC", "CRC", "Committee on the Rights of the Child"},
	{"CRPD", "CRPD", "Committee on the Rights of Persons with Disabilities"},
	{"CMW", "CMW", "Committee on Migrant Workers"},
	{"CED", "CED", "Committee on Enforced Disappearances"},
	{"DP", "UNDP", "Executive Board of UNDP, UNFPA and UNOPS"},
	{"UNEP", "UNEP", "United Nations Environment Programme"},
	{"HSP", "UN-Habitat", "United Nations Human Settlements Programme"},
	{"ISBA", "ISBA", "International Seabed Authority"},
	{"NPT", "NPT", "Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons"},
	{"CD", "CD", "Conference on Disarmament"},
	{"ST", "ST", "Secretariat"},
	{"FCCC", "UNFCCC", "United Nations Framework Convention on Climate Change"},
	{"ICCD", "UNCCD", "United Nations Convention to Combat Desertification"},
	{"PBC", "PBC", "Peacebuilding Commission"},
	{"SPLOS", "SPLOS", "Meeting of States Parties to the United Nations Convention on the Law of the Sea"},
	{"CLCS", "CLCS", "Commission on the Limits of the Continental Shelf"},
	{"UNODC", "UNODC", "United Nations Office on Drugs and Crime"},
	{"IPBES", "IPBES", "Intergovernmental Science-Policy Platform on Biodiversity and Ecosystem Services"},
	{"TD", "UNCTAD", "United Nations Conference on Trade and Development"},
	{"CAC", "CAC", "Codex Alimentarius Commission"},
}

var (
	unpcID   = regexp.MustCompile(`^((?:19|20)\d\d)/([a-z].*)$`)
	yearPart = regexp.MustCompile(`^(?:19|20)\d\d$`)
	num      = regexp.MustCompile(`^\d+$`)
	parenYr  = regexp.MustCompile(`\(((?:19|20)\d\d)\)\s*$`)
	roman    = regexp.MustCompile(`\(([IVXLC]+)\)\s*$`)
	spaces   = regexp.MustCompile(`\s+`)
	// specialRe is the name of a special session of the General Assembly:
	// ES-10 (emergency), S-27.
	specialRe = regexp.MustCompile(`^(ES|S)-(\d+)$`)
)

// Parse reads a symbol (or a UNPC identifier); a string that is no symbol
// gives an Info with only Symbol set.
func Parse(s string) Info {
	s = strings.TrimSpace(s)
	unpcYear := 0
	if m := unpcID.FindStringSubmatch(s); m != nil {
		unpcYear, _ = strconv.Atoi(m[1])
		s = strings.ReplaceAll(m[2], "_", ".")
	}
	s = strings.ToUpper(spaces.ReplaceAllString(s, " "))
	s = strings.TrimSuffix(s, ".")
	in := Info{Symbol: s}
	core := strings.TrimSpace(parenYr.ReplaceAllString(roman.ReplaceAllString(s, ""), ""))
	parts := strings.Split(core, "/")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	bodyLen := 0
	for _, b := range Bodies {
		bp := strings.Split(b.Prefix, "/")
		if len(bp) > len(parts) {
			continue
		}
		ok := true
		for i := range bp {
			// A/C.3 matches A/C.3; A/CONF matches A/CONF.222; A/ES matches
			// A/ES-10; A/S matches A/S-27 but not A/SPLOS.
			p := parts[i]
			if p != bp[i] && !(i == len(bp)-1 && (strings.HasPrefix(p, bp[i]+".") || strings.HasPrefix(p, bp[i]+"-"))) {
				ok = false
				break
			}
		}
		if ok {
			in.Body, in.BodyCode, bodyLen = b.Name, b.Code, len(bp)
			break
		}
	}
	rest := parts[bodyLen:]
	special := -1 // the index in rest of A/RES/ES-10/19's ES-10
	if in.BodyCode == "GA" {
		for i, p := range rest {
			if m := specialRe.FindStringSubmatch(p); m != nil {
				in.BodyCode, in.Body, special = "GA-"+m[1], "General Assembly emergency special session", i
				if m[1] == "S" {
					in.Body = "General Assembly special session"
				}
				in.Session, _ = strconv.Atoi(m[2])
				break
			}
		}
	}
	if special >= 0 {
		rest = append(append([]string{}, rest[:special]...), rest[special+1:]...)
	}
	in.Kind = kind(parts)
	// The session: the first number after the body (skipping RES, DEC,
	// PRST) in the bodies that number their sessions (the General
	// Assembly and its committees, the Human Rights Council); a year in
	// that place is the session of a body that counts its sessions by
	// year (ECOSOC's E/RES/2015/10, E/CN.6/2015/…).
	var nums []int
	for _, p := range rest {
		switch p {
		case "RES", "DEC", "PRST":
			continue
		}
		if num.MatchString(p) {
			n, _ := strconv.Atoi(p)
			nums = append(nums, n)
		} else {
			break
		}
	}
	sessional := strings.HasPrefix(in.BodyCode, "GA") || in.BodyCode == "HRC"
	rm := roman.FindStringSubmatch(s)
	switch {
	case special >= 0:
	case in.BodyCode == "SC":
		// The Security Council has no sessions: the year in S/2015/87 is
		// the document's year.
	case in.BodyCode == "GA-ES" || in.BodyCode == "GA-S":
		// A/ES-10/671: the number of the special session is in its name.
		if _, n, ok := strings.Cut(parts[1], "-"); ok && num.MatchString(n) {
			in.Session, _ = strconv.Atoi(n)
		}
	case in.BodyCode == "GA" && rm != nil:
		in.Session = romanValue(rm[1]) // A/RES/217 (III)
	case len(nums) > 0 && yearPart.MatchString(strconv.Itoa(nums[0])):
		in.Session = nums[0]
	case sessional && len(nums) > 0:
		in.Session = nums[0]
	}
	if in.Kind == "resolution" || in.Kind == "decision" || in.Kind == "presidential statement" {
		// The number is the last number, unless that number is the
		// session (A/RES/78 names no resolution; E/RES/2015 neither).
		if n := len(nums); n > 0 && (n > 1 || rm != nil || in.Session != nums[0]) {
			in.Number = nums[n-1]
		}
	}
	in.Year = document.SymbolYear(s)
	if in.BodyCode == "SC" && in.Year == 0 && len(parts) > 1 && yearPart.MatchString(parts[1]) {
		in.Year, _ = strconv.Atoi(parts[1]) // S/2015/87
	}
	if unpcYear != 0 {
		in.Year = unpcYear
	}
	return in
}

// kind tells the kind of document from the components of its symbol.
func kind(parts []string) string {
	k := "document"
	for _, p := range parts {
		switch {
		case p == "RES":
			k = "resolution"
		case p == "DEC":
			k = "decision"
		case p == "PRST":
			k = "presidential statement"
		case strings.HasPrefix(p, "L.") || p == "L":
			k = "draft"
		}
	}
	// The last component says whether it is a change to one.
	last := parts[len(parts)-1]
	switch {
	case strings.HasPrefix(last, "CORR"):
		return "corrigendum"
	case strings.HasPrefix(last, "ADD"):
		return "addendum"
	case strings.HasPrefix(last, "REV") && k != "draft":
		return "revision"
	}
	return k
}

func romanValue(s string) int {
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	n := 0
	for i := 0; i < len(s); i++ {
		v := val[s[i]]
		if i+1 < len(s) && val[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}
