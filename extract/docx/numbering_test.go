package docx

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/extract"
	xt "github.com/driftcheck/driftcheck/extract/internal/extracttest"
)

// Builders of hand-written WordprocessingML for the numbering tests.

const mcns = `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"`

func numberingPart(inner string) part {
	return part{"word/numbering.xml", `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wns + ` ` + mcns + `>` + inner + `</w:numbering>`}
}

func stylesPart(inner string) part {
	return part{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wns + `><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` + inner + `</w:styles>`}
}

func footnotesPart(inner string) part {
	return part{"word/footnotes.xml", `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ` + wns + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` + inner + `</w:footnotes>`}
}

// lvl is a level starting at 1; lvlS one starting at start (-1: no
// w:start). more goes between w:numFmt and w:lvlText.
func lvl(i int, format, text string, more ...string) string {
	return lvlS(i, 1, format, text, more...)
}

func lvlS(i, start int, format, text string, more ...string) string {
	s := fmt.Sprintf(`<w:lvl w:ilvl="%d">`, i)
	if start >= 0 {
		s += fmt.Sprintf(`<w:start w:val="%d"/>`, start)
	}
	if format != "" {
		s += `<w:numFmt w:val="` + format + `"/>`
	}
	s += strings.Join(more, "")
	if text != "-" {
		s += `<w:lvlText w:val="` + text + `"/>`
	}
	return s + `</w:lvl>`
}

func abs(id int, lvls ...string) string {
	return fmt.Sprintf(`<w:abstractNum w:abstractNumId="%d">`, id) + strings.Join(lvls, "") + `</w:abstractNum>`
}

func num(id, absID int, overrides ...string) string {
	return fmt.Sprintf(`<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>`, id, absID) + strings.Join(overrides, "") + `</w:num>`
}

func startOver(ilvl, v int) string {
	return fmt.Sprintf(`<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>`, ilvl, v)
}

func wr(text string) string {
	if text == "" {
		return ""
	}
	return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

// np is a paragraph with a direct w:numPr (ilvl < 0: no w:ilvl).
func np(numID, ilvl int, text string) string {
	il := ""
	if ilvl >= 0 {
		il = fmt.Sprintf(`<w:ilvl w:val="%d"/>`, ilvl)
	}
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr>%s<w:numId w:val="%d"/></w:numPr></w:pPr>%s</w:p>`, il, numID, wr(text))
}

// sp is a paragraph of a style; pp a plain paragraph.
func sp(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + wr(text) + `</w:p>`
}

func pp(text string) string { return `<w:p>` + wr(text) + `</w:p>` }

func styleNum(id, basedOn, numPr string) string {
	b := ""
	if basedOn != "" {
		b = `<w:basedOn w:val="` + basedOn + `"/>`
	}
	return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + id + `"/>` + b + `<w:pPr><w:numPr>` + numPr + `</w:numPr></w:pPr></w:style>`
}

const rev = `w:author="t" w:date="2024-01-01T00:00:00Z"`

// absA is the list of most rows: "1.", "(a)", "(i)".
var absA = abs(0, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "(%2)"), lvl(2, "lowerRoman", "(%3)"))

func TestNumbering(t *testing.T) {
	cases := []struct {
		desc      string
		numbering string // inside w:numbering
		styles    string // inside w:styles ("" : no styles part)
		notes     string // footnotes inside w:footnotes ("" : none)
		body      string
		want      []string
		orig      []string // with Options.Original, when it differs
	}{
		{
			desc:      "decimal %1. numbers paragraphs; an unnumbered one between them keeps no label",
			numbering: absA + num(1, 0),
			body:      np(1, 0, "a") + np(1, 0, "b") + pp("plain") + np(1, 0, "c"),
			want:      []string{"1. a", "2. b", "plain", "3. c"},
		},
		{
			desc:      "level 2 (%2) restarts when level 1 advances",
			numbering: absA + num(1, 0),
			body:      np(1, 0, "a") + np(1, 1, "x") + np(1, 1, "y") + np(1, 0, "b") + np(1, 1, "z"),
			want:      []string{"1. a", "(a) x", "(b) y", "2. b", "(a) z"},
		},
		{
			desc: "roman numerals from w:start; past 3999 decimal",
			numbering: abs(1, lvlS(0, 9, "lowerRoman", "(%1)")) + abs(2, lvlS(0, 48, "upperRoman", "%1.")) + abs(3, lvlS(0, 3999, "upperRoman", "%1.")) +
				num(1, 1) + num(2, 2) + num(3, 3),
			body: np(1, 0, "a") + np(1, 0, "b") + np(1, 0, "c") + np(2, 0, "d") + np(2, 0, "e") + np(3, 0, "f") + np(3, 0, "g"),
			want: []string{"(ix) a", "(x) b", "(xi) c", "XLVIII. d", "XLIX. e", "MMMCMXCIX. f", "4000. g"},
		},
		{
			desc:      "letters after Z double as Word does (Z, AA, BB); past 64 repeats decimal",
			numbering: abs(1, lvlS(0, 26, "upperLetter", "%1.")) + abs(2, lvlS(0, 1664, "lowerLetter", "%1)")) + num(1, 1) + num(2, 2),
			body:      np(1, 0, "a") + np(1, 0, "b") + np(1, 0, "c") + np(2, 0, "d") + np(2, 0, "e"),
			want:      []string{"Z. a", "AA. b", "BB. c", strings.Repeat("z", 64) + ") d", "1665) e"},
		},
		{
			desc:      "decimalZero pads below 10",
			numbering: abs(1, lvlS(0, 9, "decimalZero", "%1.")) + num(1, 1),
			body:      np(1, 0, "a") + np(1, 0, "b"),
			want:      []string{"09. a", "10. b"},
		},
		{
			desc: "arabicAbjad: abjad (hawwaz) order أ ب ج د هـ, 10 ي, 11 ك, 28 غ, then doubled",
			numbering: abs(1, lvl(0, "arabicAbjad", "(%1)")) + abs(2, lvlS(0, 10, "arabicAbjad", "(%1)")) + abs(3, lvlS(0, 28, "arabicAbjad", "(%1)")) +
				num(1, 1) + num(2, 2) + num(3, 3),
			body: np(1, 0, "a") + np(1, 0, "b") + np(1, 0, "c") + np(1, 0, "d") + np(1, 0, "e") + np(2, 0, "f") + np(2, 0, "g") + np(3, 0, "h") + np(3, 0, "i"),
			want: []string{"(أ) a", "(ب) b", "(ج) c", "(د) d", "(هـ) e", "(ي) f", "(ك) g", "(غ) h", "(أأ) i"},
		},
		{
			desc:      "arabicAlpha: alphabetic order أ ب ت ث ج; 25 ن, 26 هـ, 27 و, 28 ي",
			numbering: abs(1, lvl(0, "arabicAlpha", "(%1)")) + abs(2, lvlS(0, 25, "arabicAlpha", "(%1)")) + num(1, 1) + num(2, 2),
			body:      np(1, 0, "a") + np(1, 0, "b") + np(1, 0, "c") + np(1, 0, "d") + np(1, 0, "e") + np(2, 0, "f") + np(2, 0, "g") + np(2, 0, "h") + np(2, 0, "i"),
			want:      []string{"(أ) a", "(ب) b", "(ت) c", "(ث) d", "(ج) e", "(ن) f", "(هـ) g", "(و) h", "(ي) i"},
		},
		{
			desc: "russianLower skips й, ъ and ь (8 з, 9 и, 10 к; 25 щ, 26 ы, 27 э, 29 я, 30 аа); russianUpper",
			numbering: abs(1, lvlS(0, 8, "russianLower", "(%1)")) + abs(2, lvlS(0, 25, "russianLower", "(%1)")) + abs(3, lvl(0, "russianUpper", "%1.")) +
				num(1, 1) + num(2, 2) + num(3, 3),
			body: np(1, 0, "a") + np(1, 0, "b") + np(1, 0, "c") +
				np(2, 0, "d") + np(2, 0, "e") + np(2, 0, "f") + np(2, 0, "g") + np(2, 0, "h") + np(2, 0, "i") + np(3, 0, "j"),
			want: []string{"(з) a", "(и) b", "(к) c", "(щ) d", "(ы) e", "(э) f", "(ю) g", "(я) h", "(аа) i", "А. j"},
		},
		{
			desc: "chineseCounting: 九 十 十一, 二十 二十一, then digit by digit: 一○○",
			numbering: abs(1, lvlS(0, 9, "chineseCounting", "%1、")) + abs(2, lvlS(0, 20, "chineseCounting", "%1、")) + abs(3, lvlS(0, 100, "chineseCounting", "%1、")) +
				num(1, 1) + num(2, 2) + num(3, 3),
			body: np(1, 0, "a") + np(1, 0, "b") + np(1, 0, "c") + np(2, 0, "d") + np(2, 0, "e") + np(3, 0, "f"),
			want: []string{"九、 a", "十、 b", "十一、 c", "二十、 d", "二十一、 e", "一○○、 f"},
		},
		{
			desc: "chineseCountingThousand 九十九 一百 一百零一, 110 一百一十; japaneseCounting 十 十一, 110 百十; ideographDigital 一〇; decimalFullWidth ９ １０",
			numbering: abs(1, lvlS(0, 99, "chineseCountingThousand", "%1.")) + abs(2, lvlS(0, 110, "chineseCountingThousand", "%1.")) +
				abs(3, lvlS(0, 10, "japaneseCounting", "%1.")) + abs(4, lvlS(0, 110, "japaneseCounting", "%1.")) +
				abs(5, lvlS(0, 10, "ideographDigital", "%1.")) + abs(6, lvlS(0, 9, "decimalFullWidth", "%1．")) +
				num(1, 1) + num(2, 2) + num(3, 3) + num(4, 4) + num(5, 5) + num(6, 6),
			body: np(1, 0, "a") + np(1, 0, "b") + np(1, 0, "c") + np(2, 0, "d") + np(3, 0, "e") + np(3, 0, "f") + np(4, 0, "g") +
				np(5, 0, "h") + np(6, 0, "i") + np(6, 0, "j"),
			want: []string{"九十九. a", "一百. b", "一百零一. c", "一百一十. d", "十. e", "十一. f", "百十. g", "一〇. h", "９． i", "１０． j"},
		},
		{
			desc: "bullet, none and picture-bullet levels give no label; a bullet level prints nothing in a placeholder",
			numbering: abs(1, lvl(0, "bullet", "•"), lvl(1, "none", ""), lvl(2, "decimal", "%3.", `<w:lvlPicBulletId w:val="0"/>`)) +
				abs(2, lvl(0, "decimal", "%1."), lvl(1, "bullet", "•"), lvl(2, "decimal", "%1.%2%3.")) +
				num(1, 1) + num(2, 2),
			body: np(1, 0, "a") + np(1, 1, "b") + np(1, 2, "c") + np(2, 0, "d") + np(2, 1, "e") + np(2, 2, "f"),
			want: []string{"a", "b", "c", "1. d", "e", "1.1. f"},
		},
		{
			desc:      "an unknown w:numFmt and a missing one are decimal",
			numbering: abs(1, lvl(0, "cardinalText", "%1.")) + abs(2, lvl(0, "", "%1)")) + num(1, 1) + num(2, 2),
			body:      np(1, 0, "a") + np(1, 0, "b") + np(2, 0, "c"),
			want:      []string{"1. a", "2. b", "1) c"},
		},
		{
			desc:      "%1.%2. writes each level's counter in that level's format",
			numbering: abs(1, lvl(0, "upperRoman", "%1."), lvl(1, "lowerLetter", "%1.%2.")) + num(1, 1),
			body:      np(1, 0, "a") + np(1, 1, "b") + np(1, 1, "c") + np(1, 0, "d") + np(1, 1, "e"),
			want:      []string{"I. a", "I.a. b", "I.b. c", "II. d", "II.a. e"},
		},
		{
			desc: "w:isLgl makes every placeholder decimal except decimalZero (Article I. / Section 1.01)",
			numbering: abs(1, lvl(0, "upperRoman", "Article %1."), lvl(1, "decimalZero", "Section %1.%2", `<w:isLgl/>`), lvl(2, "lowerLetter", "%1.%2.%3", `<w:isLgl/>`)) +
				abs(2, lvl(0, "upperRoman", "%1."), lvl(1, "decimalZero", "%1.%2", `<w:isLgl w:val="0"/>`)) +
				num(1, 1) + num(2, 2),
			body: np(1, 0, "a") + np(1, 1, "b") + np(1, 2, "c") + np(1, 1, "d") + np(1, 0, "e") + np(1, 1, "f") + np(2, 0, "g") + np(2, 1, "h"),
			want: []string{"Article I. a", "Section 1.01 b", "1.01.1 c", "Section 1.02 d", "Article II. e", "Section 2.01 f", "I. g", "I.01 h"},
		},
		{
			desc:      "w:lvlRestart 0: the level never restarts",
			numbering: abs(1, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "(%2)", `<w:lvlRestart w:val="0"/>`)) + num(1, 1),
			body:      np(1, 0, "a") + np(1, 1, "b") + np(1, 1, "c") + np(1, 0, "d") + np(1, 1, "e"),
			want:      []string{"1. a", "(a) b", "(b) c", "2. d", "(c) e"},
		},
		{
			desc:      "w:lvlRestart 1 on the third level: it restarts only after the first level",
			numbering: abs(1, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "(%2)"), lvl(2, "lowerRoman", "(%3)", `<w:lvlRestart w:val="1"/>`)) + num(1, 1),
			body:      np(1, 0, "a") + np(1, 1, "b") + np(1, 2, "c") + np(1, 1, "d") + np(1, 2, "e") + np(1, 0, "f") + np(1, 1, "g") + np(1, 2, "h"),
			want:      []string{"1. a", "(a) b", "(i) c", "(b) d", "(ii) e", "2. f", "(a) g", "(i) h"},
		},
		{
			desc:      "a w:lvlRestart naming the level itself or a deeper one is ignored",
			numbering: abs(1, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "(%2)", `<w:lvlRestart w:val="5"/>`)) + num(1, 1),
			body:      np(1, 0, "a") + np(1, 1, "b") + np(1, 0, "c") + np(1, 1, "d"),
			want:      []string{"1. a", "(a) b", "2. c", "(a) d"},
		},
		{
			desc:      "a level without w:start starts at 0 (ECMA-376 §17.9.25; LibreOffice agrees)",
			numbering: abs(1, lvlS(0, -1, "decimal", "%1.")) + num(1, 1),
			body:      np(1, 0, "a") + np(1, 0, "b"),
			want:      []string{"0. a", "1. b"},
		},
		{
			desc:      "w:num of one abstractNum continue one list; a w:startOverride restarts it the first time its w:num is used",
			numbering: absA + num(1, 0) + num(2, 0, startOver(0, 1)) + num(3, 0),
			body:      np(1, 0, "a") + np(1, 0, "b") + np(2, 0, "c") + np(3, 0, "d") + np(1, 0, "e") + np(2, 0, "f"),
			want:      []string{"1. a", "2. b", "1. c", "2. d", "3. e", "4. f"},
		},
		{
			desc:      "a startOverride is the start of its level whenever that level restarts under its w:num",
			numbering: absA + num(1, 0) + num(2, 0, startOver(1, 5)),
			body:      np(2, 0, "a") + np(2, 1, "b") + np(2, 1, "c") + np(2, 0, "d") + np(2, 1, "e") + np(1, 1, "f"),
			want:      []string{"1. a", "(e) b", "(f) c", "2. d", "(e) e", "(f) f"},
		},
		{
			desc: "a full w:lvl override changes the format only (the list goes on); with a startOverride it restarts",
			numbering: absA + num(1, 0) +
				num(2, 0, `<w:lvlOverride w:ilvl="0">`+lvl(0, "upperRoman", "%1)")+`</w:lvlOverride>`) +
				num(3, 0, `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`+lvl(0, "upperLetter", "%1)")+`</w:lvlOverride>`),
			body: np(1, 0, "a") + np(1, 0, "b") + np(2, 0, "c") + np(1, 0, "d") + np(3, 0, "e") + np(3, 0, "f"),
			want: []string{"1. a", "2. b", "III) c", "4. d", "A) e", "B) f"},
		},
		{
			desc:      "w:numStyleLink: levels from the numbering style's numId (styles.xml), counters shared with that definition",
			numbering: abs(2, `<w:numStyleLink w:val="MyList"/>`) + abs(3, `<w:styleLink w:val="MyList"/>`, lvl(0, "upperLetter", "%1)")) + num(3, 2) + num(4, 3),
			styles:    `<w:style w:type="numbering" w:styleId="MyList"><w:name w:val="My List"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>`,
			body:      np(3, 0, "a") + np(4, 0, "b") + np(3, 0, "c"),
			want:      []string{"A) a", "B) b", "C) c"},
		},
		{
			desc:      "w:numStyleLink found by w:styleLink when styles.xml does not resolve it",
			numbering: abs(2, `<w:numStyleLink w:val="X"/>`) + abs(3, `<w:styleLink w:val="X"/>`, lvl(0, "upperLetter", "%1)")) + num(3, 2),
			body:      np(3, 0, "a") + np(3, 0, "b"),
			want:      []string{"A) a", "B) b"},
		},
		{
			desc:      "a paragraph style with w:numPr (List Number) numbers its paragraphs at level 0",
			numbering: absA + num(1, 0),
			styles:    styleNum("ListNumber", "", `<w:numId w:val="1"/>`),
			body:      sp("ListNumber", "a") + pp("b") + sp("ListNumber", "c"),
			want:      []string{"1. a", "b", "2. c"},
		},
		{
			desc:      "basedOn: numId from the parent style, ilvl from the child",
			numbering: absA + num(1, 0),
			styles:    styleNum("H1", "", `<w:numId w:val="1"/>`) + styleNum("H2", "H1", `<w:ilvl w:val="1"/>`),
			body:      sp("H1", "a") + sp("H2", "b") + sp("H2", "c") + sp("H1", "d"),
			want:      []string{"1. a", "(a) b", "(b) c", "2. d"},
		},
		{
			desc:      "w:lvl/w:pStyle gives the level of a numbered style's paragraphs",
			numbering: abs(4, lvl(0, "decimal", "%1", `<w:pStyle w:val="H1"/>`), lvl(1, "decimal", "%1.%2", `<w:pStyle w:val="H2"/>`)) + num(5, 4),
			styles:    styleNum("H1", "", `<w:numId w:val="5"/>`) + `<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/></w:style>`,
			body:      sp("H1", "a") + sp("H2", "b") + sp("H2", "c") + sp("H1", "d"),
			want:      []string{"1 a", "1.1 b", "1.2 c", "2 d"},
		},
		{
			desc:      "numId 0 removes numbering, direct or in a derived style; a direct ilvl uses the style's numId",
			numbering: absA + num(1, 0),
			styles:    styleNum("LN", "", `<w:numId w:val="1"/>`) + styleNum("LN0", "LN", `<w:numId w:val="0"/>`),
			body: sp("LN", "a") +
				`<w:p><w:pPr><w:pStyle w:val="LN"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>` + wr("b") + `</w:p>` +
				sp("LN0", "c") +
				`<w:p><w:pPr><w:pStyle w:val="LN"/><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>` + wr("d") + `</w:p>` +
				sp("LN", "e"),
			want: []string{"1. a", "b", "c", "(a) d", "2. e"},
		},
		{
			desc:      "an empty numbered paragraph is not read but still counts (Word and LibreOffice show its number)",
			numbering: absA + num(1, 0),
			body:      np(1, 0, "a") + np(1, 0, "") + np(1, 0, "c"),
			want:      []string{"1. a", "3. c"},
		},
		{
			desc:      "a numbered paragraph deleted as a tracked change: gone from the accepted text, counted in the original",
			numbering: absA + num(1, 0),
			body: np(1, 0, "a") +
				`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="1" ` + rev + `/></w:rPr></w:pPr><w:del w:id="2" ` + rev + `><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>` +
				np(1, 0, "c"),
			want: []string{"1. a", "2. c"},
			orig: []string{"1. a", "2. gone", "3. c"},
		},
		{
			desc:      "a numbered paragraph inserted as a tracked change: counted in the accepted text, not in the original",
			numbering: absA + num(1, 0),
			body: np(1, 0, "a") +
				`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:ins w:id="1" ` + rev + `/></w:rPr></w:pPr><w:ins w:id="2" ` + rev + `><w:r><w:t>new</w:t></w:r></w:ins></w:p>` +
				np(1, 0, "c"),
			want: []string{"1. a", "2. new", "3. c"},
			orig: []string{"1. a", "2. c"},
		},
		{
			desc:      "w:pPrChange: the current numbering by default, the recorded old one with Original",
			numbering: absA + num(1, 0),
			body: np(1, 0, "a") +
				`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:pPrChange w:id="1" ` + rev + `><w:pPr/></w:pPrChange></w:pPr>` + wr("b") + `</w:p>` +
				`<w:p><w:pPr><w:pPrChange w:id="2" ` + rev + `><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr>` + wr("c") + `</w:p>` +
				np(1, 0, "d"),
			want: []string{"1. a", "2. b", "c", "3. d"},
			orig: []string{"1. a", "b", "(a) c", "2. d"},
		},
		{
			desc:      "w:pPrChange with another paragraph style: the old style's numbering only with Original",
			numbering: absA + num(1, 0),
			styles:    styleNum("LN", "", `<w:numId w:val="1"/>`),
			body: `<w:p><w:pPr><w:pStyle w:val="LN"/><w:pPrChange w:id="1" ` + rev + `><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:pPrChange></w:pPr>` + wr("now numbered") + `</w:p>` +
				`<w:p><w:pPr><w:pPrChange w:id="2" ` + rev + `><w:pPr><w:pStyle w:val="LN"/></w:pPr></w:pPrChange></w:pPr>` + wr("was numbered") + `</w:p>`,
			want: []string{"1. now numbered", "was numbered"},
			orig: []string{"now numbered", "1. was numbered"},
		},
		{
			desc:      "a w:numPr marked w:ins (inserted numbering) is not in the original",
			numbering: absA + num(1, 0),
			body:      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/><w:ins w:id="1" ` + rev + `/></w:numPr></w:pPr>` + wr("a") + `</w:p>` + np(1, 0, "b"),
			want:      []string{"1. a", "2. b"},
			orig:      []string{"a", "1. b"},
		},
		{
			desc:      "no label (nor count) for an unknown numId, a w:num without its abstractNum, an ilvl past 8 or below 0, or an undefined level",
			numbering: absA + num(1, 0) + num(7, 99),
			body: np(9, 0, "a") + np(7, 0, "b") + np(1, 12, "c") + np(1, 5, "d") +
				`<w:p><w:pPr><w:numPr><w:ilvl w:val="-1"/><w:numId w:val="1"/></w:numPr></w:pPr>` + wr("f") + `</w:p>` + np(1, 0, "e"),
			want: []string{"a", "b", "c", "d", "f", "1. e"},
		},
		{
			desc: "a Word 2010 custom format (mc:AlternateContent) 001, 002; an unknown custom format uses mc:Fallback",
			numbering: abs(1, `<w:lvl w:ilvl="0"><w:start w:val="8"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl>`) +
				abs(2, `<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="α, β, γ, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="lowerLetter"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1)"/></w:lvl>`) +
				num(1, 1) + num(2, 2),
			body: np(1, 0, "a") + np(1, 0, "b") + np(2, 0, "c"),
			want: []string{"008. a", "009. b", "a) c"},
		},
		{
			desc:      "a missing or null w:lvlText gives no label, but the level counts",
			numbering: abs(1, lvl(0, "decimal", "-"), lvl(1, "decimal", "%1.%2"), lvl(2, "decimal", `%3." w:null="1`)) + num(1, 1),
			body:      np(1, 0, "a") + np(1, 0, "b") + np(1, 1, "c") + np(1, 2, "d"),
			want:      []string{"a", "b", "2.1 c", "d"},
		},
		{
			desc:      "tabs and line breaks in w:lvlText become spaces",
			numbering: abs(1, lvl(0, "decimal", "Art.&#9;%1&#10;")) + num(1, 1),
			body:      np(1, 0, "a"),
			want:      []string{"Art. 1 a"},
		},
		{
			desc:      "a placeholder for a deeper level is dropped; a shallower level not used since its restart shows its start and does not count",
			numbering: abs(1, lvlS(0, 3, "decimal", "%1.%2"), lvl(1, "decimal", "%1.%2")) + num(1, 1),
			body:      np(1, 1, "x") + np(1, 0, "a") + np(1, 1, "y") + np(1, 0, "b"),
			want:      []string{"3.1 x", "3. a", "3.1 y", "4. b"},
		},
		{
			desc:      "different abstractNums keep different counters",
			numbering: absA + abs(1, lvl(0, "decimal", "%1)")) + num(1, 0) + num(2, 1),
			body:      np(1, 0, "a") + np(2, 0, "b") + np(1, 0, "c") + np(2, 0, "d"),
			want:      []string{"1. a", "1) b", "2. c", "2) d"},
		},
		{
			desc: "counters over 1e6 are decimal; a start past 2^31-1 is clamped and the counter stops there",
			numbering: abs(1, lvlS(0, 2000000, "lowerLetter", "%1.")) + abs(2, `<w:lvl w:ilvl="0"><w:start w:val="9999999999"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>`) +
				abs(3, lvlS(0, 1000000, "chineseCountingThousand", "%1.")) + num(1, 1) + num(2, 2) + num(3, 3),
			body: np(1, 0, "a") + np(2, 0, "b") + np(2, 0, "c") + np(3, 0, "d") + np(3, 0, "e"),
			want: []string{"2000000. a", "2147483647. b", "2147483647. c", "一百万. d", "1000001. e"},
		},
		{
			desc:      "footnotes are numbered too, with counters of their own",
			numbering: absA + num(1, 0),
			notes:     `<w:footnote w:id="1">` + np(1, 0, "note one") + np(1, 1, "note sub") + `</w:footnote>`,
			body:      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` + wr("a") + `<w:r><w:footnoteReference w:id="1"/></w:r></w:p>` + np(1, 0, "b"),
			want:      []string{"1. a", "2. b", "1. note one", "(a) note sub"},
		},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			parts := []part{doc(c.body), numberingPart(c.numbering)}
			if c.styles != "" {
				parts = append(parts, stylesPart(c.styles))
			}
			if c.notes != "" {
				parts = append(parts, footnotesPart(c.notes))
			}
			data := makeZip(t, parts...)
			for _, opt := range []Options{{}, {Original: true}} {
				want := c.want
				if opt.Original && c.orig != nil {
					want = c.orig
				}
				ps, err := Read(data, opt)
				if err != nil {
					t.Fatalf("Original=%v: %v", opt.Original, err)
				}
				var got []string
				for _, p := range ps {
					got = append(got, p.Text)
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("Original=%v:\n got %q\nwant %q", opt.Original, got, want)
				}
			}
		})
	}
}

// numbering.xml is the target of the document's numbering relationship,
// whatever its name; a word/numbering.xml the relationships do not name is
// not read.
func TestNumberingRelationship(t *testing.T) {
	rels := part{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="lists/list1.xml"/></Relationships>`}
	real := numberingPart(absA + num(1, 0))
	real.name = "word/lists/list1.xml"
	decoy := numberingPart(abs(0, lvl(0, "upperRoman", "%1)")) + num(1, 0))
	ps, err := Read(makeZip(t, doc(np(1, 0, "a")), rels, real, decoy), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ps[0].Text != "1. a" {
		t.Errorf("got %q, want %q", ps[0].Text, "1. a")
	}
	// Without a numbering part, w:numPr is ignored.
	ps, err = Read(makeZip(t, doc(np(1, 0, "a"))), Options{})
	if err != nil || ps[0].Text != "a" {
		t.Errorf("no numbering part: %v %q", err, ps[0].Text)
	}
}

// The label is not a run: it does not vote on Paragraph.Lang.
func TestNumberingLang(t *testing.T) {
	styles := part{"word/styles.xml", `<?xml version="1.0"?><w:styles ` + wns + `><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`}
	data := makeZip(t, doc(np(1, 0, "текст")), numberingPart(abs(0, lvl(0, "arabicAbjad", "(%1)"))+num(1, 0)), styles)
	ps, err := Read(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ps[0].Text != "(أ) текст" || ps[0].Lang != "ru" {
		t.Errorf("got %q Lang %q, want %q Lang ru", ps[0].Text, ps[0].Lang, "(أ) текст")
	}
}

func TestNumberingLimits(t *testing.T) {
	many := func(n int, f func(i int) string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(f(i))
		}
		return b.String()
	}
	body := doc(np(1, 0, "a"))
	t.Run("more than MaxNumbering abstractNum", func(t *testing.T) {
		n := many(MaxNumbering+1, func(i int) string { return abs(i, lvl(0, "decimal", "%1.")) })
		_, err := Read(makeZip(t, body, numberingPart(n+num(1, 0))), Options{})
		if !errors.Is(err, extract.ErrLimit) {
			t.Fatalf("err = %v, want ErrLimit", err)
		}
	})
	t.Run("more than MaxNumbering num", func(t *testing.T) {
		n := many(MaxNumbering+1, func(i int) string { return num(i+1, 0) })
		_, err := Read(makeZip(t, body, numberingPart(absA+n)), Options{})
		if !errors.Is(err, extract.ErrLimit) {
			t.Fatalf("err = %v, want ErrLimit", err)
		}
	})
	t.Run("MaxNumbering of each is read", func(t *testing.T) {
		n := many(MaxNumbering, func(i int) string { return abs(i, lvl(0, "decimal", "%1.")) + num(i+1, i) })
		ps, err := Read(makeZip(t, body, numberingPart(n)), Options{})
		if err != nil || ps[0].Text != "1. a" {
			t.Fatalf("err = %v, text %q", err, ps[0].Text)
		}
	})

	t.Run("a w:lvlText is cut at 256 bytes", func(t *testing.T) {
		text := strings.Repeat("X", maxLevelText) + "%1."
		ps, err := Read(makeZip(t, body, numberingPart(abs(0, lvl(0, "decimal", text))+num(1, 0))), Options{})
		if want := strings.Repeat("X", maxLevelText) + " a"; err != nil || ps[0].Text != want {
			t.Fatalf("err = %v, text %.20q…, want %.20q…", err, ps[0].Text, want)
		}
	})

	// Hostile values that do not refuse the file: bounded labels.
	huge := strings.Repeat("%1", 1<<19) // a 1 MB lvlText
	deep := strings.Repeat("%9%8%7%6%5%4%3%2%1", 1000)
	levels := many(5000, func(i int) string { return lvl(i, "lowerLetter", "%1%2%3") })
	cases := []struct {
		name, numbering, body string
		max                   int // longest label allowed, in bytes
	}{
		{"1 MB lvlText", abs(0, lvlS(0, 1000000, "lowerLetter", huge)) + num(1, 0), np(1, 0, "a") + np(1, 0, "b"), maxLabel},
		{"%9…%1 at every level", abs(0, many(9, func(i int) string { return lvlS(i, 1664, "lowerLetter", deep) })) + num(1, 0),
			many(9, func(i int) string { return np(1, i, "a") }), maxLabel},
		{"thousands of levels", abs(0, levels) + num(1, 0), np(1, 3, "a") + np(1, 4000, "b") + np(1, 2, "c"), 16},
		{"huge start in every format", many(40, func(i int) string {
			f := []string{"decimal", "lowerLetter", "upperRoman", "arabicAbjad", "russianLower", "chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital", "decimalZero"}[i%10]
			return abs(i, lvlS(0, []int{999999, 1000000, 1000001, 2147483647}[i/10], f, "%1.")) + num(i+1, i)
		}), many(40, func(i int) string { return np(i+1, 0, "a") + np(i+1, 0, "b") }), 64},
	}
	// A label cut at maxLabel bytes ends on a whole character: "X", then
	// placeholders of 64 هـ (256 bytes each).
	abjad64 := 28*63 + 5
	cases = append(cases, struct {
		name, numbering, body string
		max                   int
	}{"label cut at a character boundary", abs(0, lvlS(0, abjad64, "arabicAbjad", "X"+strings.Repeat("%1", 127))) + num(1, 0), np(1, 0, "a"), maxLabel})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			ps, err := Read(makeZip(t, doc(c.body), numberingPart(c.numbering)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				label, _, _ := strings.Cut(p.Text, " ")
				if len(label) > c.max || !utf8.ValidString(label) {
					t.Errorf("label of %d bytes (max %d, valid UTF-8 %v): %.40q…", len(label), c.max, utf8.ValidString(label), label)
				}
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// numberedFixtures are the LibreOffice conversions made by gennum.go, with
// the text a person would type (the labels as Word shows them).
var numberedFixtures = []struct {
	name, lang string
	want       []string
	ids        []string // ids document.Parse gives, in order
}{
	{"numbered.en", "en", []string{
		"A/RES/99/1",
		"The General Assembly,",
		"Recalling its resolution 70/1 of 25 September 2015,",
		"Noting with appreciation the report of the Secretary-General,",
		"1. Decides to convene a high-level meeting;",
		"2. Requests the Secretary-General:",
		"(a) To submit a report;",
		"(b) To consult Member States on:",
		"(i) The scope of the meeting;",
		"(ii) The modalities of the meeting;",
		"(c) To report back;",
		"3. Invites Member States to participate;",
		"4. Decides to remain seized of the matter.",
		"Annex",
		"Modalities of the meeting",
		// A second list restarting at 1: a w:num with a startOverride for
		// the first item, another w:num of the same abstractNum after.
		"1. The meeting shall be held in New York.",
		"2. The meeting shall consist of a plenary.",
	}, []string{"H1", "H2", "PP1", "PP2", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP2(b)(i)", "OP2(b)(ii)", "OP2(c)", "OP3", "OP4", "T1", "T2", "OP5", "OP6"}},
	// LibreOffice's own text export writes the abjad letters ا and ه; Word
	// writes أ and هـ (see formatNum).
	{"numbered.ar", "ar", []string{
		"A/RES/99/1",
		"إن الجمعية العامة،",
		"إذ تشير إلى قرارها 70/1 المؤرخ 25 أيلول/سبتمبر 2015،",
		"1 - تقرر عقد اجتماع رفيع المستوى؛",
		"2 - تطلب إلى الأمين العام:",
		"(أ) أن يقدم تقريرا؛",
		"(ب) أن يتشاور مع الدول الأعضاء؛",
		"(ج) أن يعد مشروع برنامج؛",
		"(د) أن ينشئ صندوقا استئمانيا؛",
		"(هـ) أن يقدم تقريرا عن ذلك؛",
		"3 - تقرر أن تبقي المسألة قيد نظرها.",
	}, []string{"H1", "H2", "PP1", "OP1", "OP2", "OP2(أ)", "OP2(ب)", "OP2(ج)", "OP2(د)", "OP2(هـ)", "OP3"}},
	{"numbered.ru", "ru", []string{
		"A/RES/99/1",
		"Генеральная Ассамблея,",
		"ссылаясь на свою резолюцию 70/1 от 25 сентября 2015 года,",
		"1. постановляет созвать совещание высокого уровня;",
		"2. просит Генерального секретаря:",
		"(а) представить доклад;",
		"(б) провести консультации;",
		"(в) подготовить программу;",
		"(г) учредить целевой фонд;",
		"(д) назначить координатора;",
		"(е) обеспечить письменный перевод;",
		"(ж) сотрудничать с учреждениями;",
		"(з) оказывать поддержку;",
		"(и) информировать государства;",
		"(к) представить доклад об этом;", // Word's russianLower skips й
		"3. постановляет продолжать заниматься этим вопросом.",
	}, []string{"H1", "H2", "PP1", "OP1", "OP2", "OP2(а)", "OP2(б)", "OP2(в)", "OP2(г)", "OP2(д)", "OP2(е)", "OP2(ж)", "OP2(з)", "OP2(и)", "OP2(к)", "OP3"}},
}

func TestNumberedFixtures(t *testing.T) {
	for _, f := range numberedFixtures {
		t.Run(f.name, func(t *testing.T) {
			data := xt.Load(t, "formats/docx/"+f.name+".docx")
			for _, opt := range []Options{{}, {Original: true}} {
				ps, err := Read(data, opt)
				if err != nil {
					t.Fatal(err)
				}
				got := xt.Texts(ps)
				if strings.Join(got, "\n") != strings.Join(f.want, "\n") {
					t.Fatalf("Original=%v:\n got %q\nwant %q", opt.Original, got, f.want)
				}
				for i, p := range ps[1:] { // the symbol is Latin in every file
					if p.Lang != f.lang {
						t.Errorf("paragraph %d: Lang %q, want %q", i+2, p.Lang, f.lang)
					}
				}
				// The document package must see the automatic numbers as
				// it sees typed ones.
				typed := make([]extract.Paragraph, len(f.want))
				for i, w := range f.want {
					typed[i] = extract.Paragraph{Text: w}
				}
				fromDocx, fromTyped := ids(document.Parse(ps, f.name+".docx", f.lang)), ids(document.Parse(typed, f.name+".txt", f.lang))
				if strings.Join(fromDocx, " ") != strings.Join(f.ids, " ") {
					t.Errorf("ids:\n got %v\nwant %v", fromDocx, f.ids)
				}
				if strings.Join(fromTyped, " ") != strings.Join(fromDocx, " ") {
					t.Errorf("ids differ from the typed text's:\n docx  %v\n typed %v", fromDocx, fromTyped)
				}
			}
		})
	}
}

func ids(d *document.Document) []string {
	var out []string
	for _, p := range d.Paras {
		out = append(out, p.ID)
	}
	return out
}

func TestFormatNum(t *testing.T) {
	cases := []struct {
		n    int
		f    string
		want string
	}{
		{1, "lowerRoman", "i"}, {4, "lowerRoman", "iv"}, {14, "upperRoman", "XIV"}, {1994, "upperRoman", "MCMXCIV"},
		{0, "lowerRoman", "0"}, {0, "lowerLetter", "0"}, {-5, "decimal", "0"},
		{26, "lowerLetter", "z"}, {27, "lowerLetter", "aa"}, {53, "lowerLetter", "aaa"},
		{12, "arabicAbjad", "ل"}, {22, "arabicAbjad", "ت"}, {8, "arabicAlpha", "د"},
		{10, "chineseCountingThousand", "十"}, {10000, "chineseCountingThousand", "一万"}, {10010, "chineseCountingThousand", "一万零一十"},
		{20305, "taiwaneseCountingThousand", "二萬零三百零五"}, {1000, "japaneseCounting", "千"}, {10000, "japaneseCounting", "一万"},
		{105, "chineseCounting", "一○五"}, {7, "zero3", "007"}, {1234, "zero3", "1234"},
		{3, "decimalEnclosedCircle", "③"}, {21, "decimalEnclosedCircle", "21"}, {12, "hindiNumbers", "१२"},
		{5, "bullet", ""}, {5, "none", ""}, {1000001, "lowerRoman", "1000001"},
	}
	for _, c := range cases {
		if got := formatNum(c.n, c.f); got != c.want {
			t.Errorf("formatNum(%d, %s) = %q, want %q", c.n, c.f, got, c.want)
		}
	}
}
