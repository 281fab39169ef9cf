// Package undl reads what the UN Digital Library (digitallibrary.un.org)
// exports: the MARCXML of a search's records (Export → MARCXML), each a
// document with its symbol, title, date, the resolution it became and the
// files of its language versions. It also names documents as the Official
// Document System (ODS) names its downloads (A_HRC_RES_37_23-ZH.pdf).
package undl

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/driftcheck/driftcheck/internal/xmlsafe"
)

// Langs are the six official languages in the order ODS lists them.
var Langs = []string{"ar", "zh", "en", "fr", "ru", "es"}

// File is one language version of a record (a 856 field).
type File struct {
	Lang string `json:"lang"` // ar, zh, en, fr, ru, es; "" when not told
	URL  string `json:"url"`  // $u
	Name string `json:"name"` // the last element of the URL's path
}

// Record is one record of an export.
type Record struct {
	ID         string   `json:"id"`                   // controlfield 001
	Symbol     string   `json:"symbol"`               // 191 $a
	Title      string   `json:"title,omitempty"`      // 245 $a $b
	Date       string   `json:"date,omitempty"`       // 269 $a
	Resolution string   `json:"resolution,omitempty"` // 993 ind1=1 $a: what the draft became
	Report     string   `json:"report,omitempty"`     // 993 ind1=3 $a: the committee report
	Agenda     []string `json:"agenda,omitempty"`     // 991: "A/78/251 71b: title"
	Files      []File   `json:"files,omitempty"`      // 856
}

// Limits of an export: the real one of 94 records is 1.1 MB.
const (
	maxBytes   = 256 << 20
	maxTextRun = 1 << 20
	maxRecords = 100000
	maxDepth   = 32
)

// IsMARC reports whether the beginning of a file is MARCXML: an XML
// document whose text names the MARC 21 slim namespace or holds a
// <record> or <collection> element.
func IsMARC(head []byte) bool {
	s := string(head)
	return strings.Contains(s, "www.loc.gov/MARC21/slim") ||
		(strings.Contains(s, "<collection") && strings.Contains(s, "record"))
}

// ErrNoRecords is the error of an export that holds no record.
var ErrNoRecords = errors.New("no MARC record (want a Digital Library export: Export → MARCXML)")

// Read reads the records of a MARCXML export. Hostile XML (entity
// declarations, deep nesting, huge text) is refused (see xmlsafe). A
// record without a 191 $a symbol is an error naming its position.
func Read(r io.Reader) ([]Record, error) {
	x := xmlsafe.New(r, xmlsafe.Config{MaxDepth: maxDepth, Budget: xmlsafe.NewBudget(maxBytes), MaxTextRun: maxTextRun})
	var recs []Record
	var rec *Record
	var field struct {
		tag, ind1, ind2 string
		subs            [][2]string // code, text
	}
	var control string // tag of the controlfield open
	var code string    // code of the subfield open
	var text strings.Builder
	inSub, inControl := false, false
	recLine := 0
	for {
		tok, err := x.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var xe *xmlsafe.Error
			if errors.As(err, &xe) {
				return nil, fmt.Errorf("line %d: %v", xe.Line, err)
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "record":
				if len(recs) >= maxRecords {
					return nil, fmt.Errorf("more than %d records", maxRecords)
				}
				rec = &Record{}
				recLine, _ = x.Pos()
			case "controlfield":
				control, inControl = attr(t, "tag"), true
				text.Reset()
			case "datafield":
				field.tag, field.ind1, field.ind2 = attr(t, "tag"), attr(t, "ind1"), attr(t, "ind2")
				field.subs = field.subs[:0]
			case "subfield":
				code, inSub = attr(t, "code"), true
				text.Reset()
			}
		case xml.CharData:
			if inSub || inControl {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "controlfield":
				if rec != nil && control == "001" {
					rec.ID = strings.TrimSpace(text.String())
				}
				inControl = false
			case "subfield":
				field.subs = append(field.subs, [2]string{code, strings.TrimSpace(text.String())})
				inSub = false
			case "datafield":
				if rec != nil {
					rec.add(field.tag, field.ind1, field.subs)
				}
			case "record":
				if rec == nil {
					continue
				}
				if rec.Symbol == "" {
					return nil, fmt.Errorf("line %d: record %d (id %q) has no symbol (191 $a)", recLine, len(recs)+1, rec.ID)
				}
				recs = append(recs, *rec)
				rec = nil
			}
		}
	}
	if len(recs) == 0 {
		return nil, ErrNoRecords
	}
	return recs, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func sub(subs [][2]string, code string) string {
	for _, s := range subs {
		if s[0] == code {
			return s[1]
		}
	}
	return ""
}

// add takes what the record needs of one datafield.
func (r *Record) add(tag, ind1 string, subs [][2]string) {
	switch tag {
	case "191":
		if r.Symbol == "" {
			r.Symbol = CleanSymbol(sub(subs, "a"))
		}
	case "245":
		t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(sub(subs, "a")), " :/"))
		if b := strings.TrimRight(strings.TrimSpace(sub(subs, "b")), " :/"); b != "" {
			t += " : " + b
		}
		r.Title = t
	case "269":
		r.Date = sub(subs, "a")
	case "993":
		switch ind1 {
		case "1":
			if r.Resolution == "" {
				r.Resolution = CleanSymbol(sub(subs, "a"))
			}
		case "3":
			if r.Report == "" {
				r.Report = CleanSymbol(sub(subs, "a"))
			}
		}
	case "991":
		item := strings.TrimSpace(sub(subs, "a") + " " + sub(subs, "b"))
		if c := sub(subs, "c"); c != "" {
			item += ": " + c
		}
		if item != "" {
			r.Agenda = append(r.Agenda, item)
		}
	case "856":
		u := sub(subs, "u")
		if u == "" {
			return
		}
		f := File{URL: u, Name: fileName(u)}
		f.Lang = LangOfName(f.Name)
		if f.Lang == "" {
			f.Lang = LangOfLabel(sub(subs, "y"))
		}
		r.Files = append(r.Files, f)
	}
}

// fileName is the last element of a URL's path, unescaped.
func fileName(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return path.Base(u)
	}
	return path.Base(p.Path)
}

// CleanSymbol trims a symbol and folds its runs of spaces into one.
func CleanSymbol(s string) string { return strings.Join(strings.Fields(s), " ") }

// partRe is the part letter of a resolution adopted in parts: "A/RES/78/183
// A" and "A/RES/78/183 B" are parts of the one document A/RES/78/183.
var partRe = regexp.MustCompile(`^(\S+/\d+) ([A-Z])$`)

// DocSymbol returns the symbol of the document that holds a resolution:
// the symbol without a part letter ("A/RES/78/183 B" → "A/RES/78/183").
func DocSymbol(s string) string {
	s = CleanSymbol(s)
	if m := partRe.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return s
}

// FileBase is the base of the file names of a symbol as ODS and the
// Digital Library name them: "/" and spaces become "_"
// (A/HRC/RES/37/23 → A_HRC_RES_37_23).
func FileBase(symbol string) string {
	return strings.NewReplacer("/", "_", " ", "_").Replace(CleanSymbol(symbol))
}

// FileName is the name of a symbol's file in a language with an extension
// (".pdf"): A_HRC_RES_37_23-ZH.pdf.
func FileName(symbol, lang, ext string) string {
	return FileBase(symbol) + "-" + strings.ToUpper(lang) + ext
}

var nameLangRe = regexp.MustCompile(`(?i)[-_.](ar|zh|en|fr|ru|es)\.[a-z0-9]{1,5}$`)

// LangOfName returns the language a file name ends with (X-ZH.pdf → zh),
// "" for none.
func LangOfName(name string) string {
	if m := nameLangRe.FindStringSubmatch(name); m != nil {
		return strings.ToLower(m[1])
	}
	return ""
}

// labels are the language names of 856 $y, each in its own language.
var labels = map[string]string{
	"العربية": "ar", "中文": "zh", "english": "en", "français": "fr", "русский": "ru", "español": "es",
	"arabic": "ar", "chinese": "zh", "french": "fr", "russian": "ru", "spanish": "es",
}

// LangOfLabel returns the language of a 856 $y label ("Français" → fr),
// also when the export spoilt its UTF-8 by reading it as Latin-1 once
// ("FranÃ§ais", as the real exports do); "" for a label it does not know.
func LangOfLabel(label string) string {
	l := strings.ToLower(strings.TrimSpace(label))
	if code, ok := labels[l]; ok {
		return code
	}
	if fixed := FixMojibake(label); fixed != label {
		return labels[strings.ToLower(strings.TrimSpace(fixed))]
	}
	return ""
}

// FixMojibake undoes UTF-8 read as Windows-1252 or Latin-1 and written
// again as UTF-8 ("ä¸­æ\u0096\u0087" → "中文"); text that is not so spoilt
// is returned as it is.
func FixMojibake(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x100:
			b = append(b, byte(r))
		default:
			// A Windows-1252 character of 0x80–0x9F (€, ‚, …).
			e, ok := charmap.Windows1252.EncodeRune(r)
			if !ok {
				return s
			}
			b = append(b, e)
		}
	}
	if !utf8.Valid(b) || string(b) == s {
		return s
	}
	return string(b)
}
