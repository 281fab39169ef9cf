package docx

// Word automatic numbering: word/numbering.xml (see the package comment).

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
)

// Numbering limits. More than MaxNumbering w:abstractNum or w:num entries
// give extract.ErrLimit; the other caps bound the work on hostile values
// without refusing the file.
const (
	MaxNumbering = 10000
	numLevels    = 9       // w:ilvl 0…8, as in Word
	maxLevelText = 256     // bytes of a w:lvlText kept
	maxLabel     = 1024    // bytes of a rendered label kept
	maxFormatted = 1000000 // counters above this are written in decimal
	maxRepeat    = 64      // letter formats: "aa", "aaa"… up to this many
	maxStart     = 1<<31 - 1
	maxLinkHops  = 8 // numStyleLink indirections followed
)

// numbering is what Read needs of word/numbering.xml.
type numbering struct {
	abs    map[int]*abstractNum
	nums   map[int]*numDef
	linked map[string]*abstractNum // w:styleLink → its abstractNum
}

type abstractNum struct {
	lvls         [numLevels]*lvlDef
	numStyleLink string // levels defined by this numbering style
	styleLink    string // this definition is that numbering style's
}

// numDef is a w:num: an abstractNum and its level overrides.
type numDef struct {
	abs  int
	over [numLevels]override
}

type override struct {
	start    int // w:startOverride
	hasStart bool
	lvl      *lvlDef // a full w:lvl override
}

type lvlDef struct {
	start    int
	fmt      string // w:numFmt, resolved (custom formats included)
	custom   string // w:format of a "custom" w:numFmt
	fallback string // w:numFmt of an mc:Fallback
	text     string // w:lvlText
	lgl      bool   // w:isLgl
	restart  int    // w:lvlRestart, -1 if absent
	pStyle   string // w:pStyle: the paragraph style linked to this level
	picture  bool   // w:lvlPicBulletId: a picture bullet
}

func (r *reader) readNumbering(name string) error {
	nb := &numbering{abs: map[int]*abstractNum{}, nums: map[int]*numDef{}, linked: map[string]*abstractNum{}}
	var (
		curAbs     *abstractNum
		curNum     *numDef
		overIlvl   = -1
		lv         *lvlDef
		lvIlvl     = -1
		nAbs, nNum int
	)
	err := r.parse(name, func(_ *xml.Decoder, t xml.Token, stack []string) error {
		parent, grand := "", ""
		if n := len(stack); n > 0 {
			parent = stack[n-1]
			if n > 1 {
				grand = stack[n-2]
			}
		}
		switch tt := t.(type) {
		case xml.StartElement:
			switch tt.Name.Local {
			case "abstractNum":
				if parent != "numbering" {
					return nil
				}
				if nAbs++; nAbs > MaxNumbering {
					return fmt.Errorf("%w: more than %d w:abstractNum numbering definitions", extract.ErrLimit, MaxNumbering)
				}
				curAbs = &abstractNum{}
				if id, ok := intAttr(tt, "abstractNumId"); ok {
					if _, dup := nb.abs[id]; !dup {
						nb.abs[id] = curAbs
					}
				}
			case "num":
				if parent != "numbering" {
					return nil
				}
				if nNum++; nNum > MaxNumbering {
					return fmt.Errorf("%w: more than %d w:num numbering instances", extract.ErrLimit, MaxNumbering)
				}
				curNum = &numDef{abs: -1}
				if id, ok := intAttr(tt, "numId"); ok {
					if _, dup := nb.nums[id]; !dup {
						nb.nums[id] = curNum
					}
				}
			case "abstractNumId":
				if parent == "num" && curNum != nil {
					if v, ok := intAttr(tt, "val"); ok {
						curNum.abs = v
					}
				}
			case "numStyleLink":
				if parent == "abstractNum" && curAbs != nil {
					curAbs.numStyleLink = attr(tt, "val")
				}
			case "styleLink":
				if parent == "abstractNum" && curAbs != nil {
					curAbs.styleLink = attr(tt, "val")
				}
			case "lvlOverride":
				overIlvl = -1
				if parent == "num" && curNum != nil {
					if v, ok := intAttr(tt, "ilvl"); ok && v >= 0 && v < numLevels {
						overIlvl = v
					}
				}
			case "startOverride":
				if parent == "lvlOverride" && curNum != nil && overIlvl >= 0 {
					if v, ok := intAttr(tt, "val"); ok {
						curNum.over[overIlvl].start, curNum.over[overIlvl].hasStart = clampStart(v), true
					}
				}
			case "lvl":
				lv, lvIlvl = nil, -1
				if parent == "abstractNum" || parent == "lvlOverride" {
					lv = &lvlDef{restart: -1}
					if v, ok := intAttr(tt, "ilvl"); ok {
						lvIlvl = v
					}
				}
			case "start":
				if parent == "lvl" && lv != nil {
					if v, ok := intAttr(tt, "val"); ok {
						lv.start = clampStart(v)
					}
				}
			case "numFmt":
				// Word 2010 writes custom formats as
				// mc:AlternateContent/mc:Choice/w:numFmt[@w:val="custom"]
				// with a plain w:numFmt in mc:Fallback.
				if lv == nil {
					return nil
				}
				inAlt := (parent == "Choice" || parent == "Fallback") && grand == "AlternateContent" && len(stack) > 2 && stack[len(stack)-3] == "lvl"
				switch {
				case parent == "Fallback" && inAlt:
					lv.fallback = attr(tt, "val")
				case parent == "lvl" || inAlt:
					lv.fmt, lv.custom = attr(tt, "val"), attr(tt, "format")
				}
			case "lvlText":
				if parent == "lvl" && lv != nil {
					v := attr(tt, "val")
					if onOff(tt, "null", false) {
						v = ""
					}
					lv.text = truncUTF8(v, maxLevelText)
				}
			case "isLgl":
				if parent == "lvl" && lv != nil {
					lv.lgl = onOff(tt, "val", true)
				}
			case "lvlRestart":
				if parent == "lvl" && lv != nil {
					if v, ok := intAttr(tt, "val"); ok && v >= 0 {
						lv.restart = v
					}
				}
			case "pStyle":
				if parent == "lvl" && lv != nil {
					lv.pStyle = attr(tt, "val")
				}
			case "lvlPicBulletId":
				if parent == "lvl" && lv != nil {
					lv.picture = true
				}
			}
		case xml.EndElement:
			switch tt.Name.Local {
			case "lvl":
				if lv == nil {
					return nil
				}
				lv.fmt = resolveFmt(lv)
				switch {
				case parent == "abstractNum" && curAbs != nil && lvIlvl >= 0 && lvIlvl < numLevels:
					if curAbs.lvls[lvIlvl] == nil {
						curAbs.lvls[lvIlvl] = lv
					}
				case parent == "lvlOverride" && curNum != nil && overIlvl >= 0:
					curNum.over[overIlvl].lvl = lv
				}
				lv, lvIlvl = nil, -1
			case "lvlOverride":
				overIlvl = -1
			case "abstractNum":
				if parent == "numbering" && curAbs != nil {
					if l := curAbs.styleLink; l != "" && nb.linked[l] == nil {
						nb.linked[l] = curAbs
					}
					curAbs = nil
				}
			case "num":
				if parent == "numbering" {
					curNum = nil
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(nb.nums) > 0 {
		r.num = nb
	}
	return nil
}

// resolveFmt returns the number format of a level: its w:numFmt, a custom
// zero-padded format ("001, 002, 003, ..." → "zero3"), else the mc:Fallback
// format, else decimal.
func resolveFmt(lv *lvlDef) string {
	if lv.picture {
		return "bullet"
	}
	f := lv.fmt
	if f == "custom" {
		first, _, _ := strings.Cut(strings.TrimSpace(lv.custom), ",")
		first = strings.TrimSpace(first)
		if len(first) >= 2 && len(first) <= 9 && first[0] == '0' && strings.Trim(first, "0123456789") == "" {
			return "zero" + strconv.Itoa(len(first))
		}
		f = lv.fallback
	}
	if f == "" || f == "custom" {
		return "decimal"
	}
	return f
}

func clampStart(v int) int {
	switch {
	case v < 0:
		return 0
	case v > maxStart:
		return maxStart
	}
	return v
}

// intAttr parses an integer attribute; values past ±1e12 are not numbers
// here.
func intAttr(se xml.StartElement, local string) (int, bool) {
	v := strings.TrimSpace(attr(se, local))
	if v == "" || len(v) > 13 {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// onOff reads an ST_OnOff attribute; def when it is absent.
func onOff(se xml.StartElement, local string, def bool) bool {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			switch strings.TrimSpace(a.Value) {
			case "0", "false", "off":
				return false
			}
			return true
		}
	}
	return def
}

func truncUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// abstractOf returns the abstract definition that gives nd its levels,
// following w:numStyleLink through the numbering style (its numId in
// styles.xml, or the abstractNum whose w:styleLink names it).
func (nb *numbering) abstractOf(nd *numDef, st *styles) *abstractNum {
	a := nb.abs[nd.abs]
	for hops := 0; a != nil && a.numStyleLink != "" && hops < maxLinkHops; hops++ {
		link := a.numStyleLink
		var next *abstractNum
		if sty, ok := st.byID[link]; ok && sty.num.numSet {
			if n2 := nb.nums[sty.num.numID]; n2 != nil {
				next = nb.abs[n2.abs]
			}
		}
		if next == nil || next == a {
			next = nb.linked[link]
		}
		if next == nil || next == a {
			break
		}
		a = next
	}
	return a
}

// level returns the definition of level i for nd: its override, else the
// abstract one.
func level(nd *numDef, a *abstractNum, i int) *lvlDef {
	if nd.over[i].lvl != nil {
		return nd.over[i].lvl
	}
	return a.lvls[i]
}

// startOf returns the start value of level i for nd.
func startOf(nd *numDef, a *abstractNum, i int) int {
	if nd.over[i].hasStart {
		return nd.over[i].start
	}
	if l := level(nd, a, i); l != nil {
		return l.start
	}
	return 0
}

// numState holds the counters of one story (the body, the footnotes or
// the endnotes). Counters belong to the abstract definition: every w:num
// that points at it continues the same list.
type numState struct {
	lists   map[*abstractNum]*listCount
	applied map[*numDef]*[numLevels]bool // startOverride already applied
}

type listCount struct {
	cnt  [numLevels]int
	used [numLevels]bool // the level has counted since its last restart
}

// numProps are the numbering properties of a paragraph or a style.
type numProps struct {
	numID, ilvl     int
	numSet, ilvlSet bool
}

// label returns the rendered number of a paragraph ("3.", "(b)"), or "",
// advancing the counters of its list. A paragraph whose text is empty
// still counts, unless it does not exist in the version read (its mark is
// a tracked deletion, or with Original a tracked insertion).
func (s *story) label(p *para, empty bool) string {
	nb := s.r.num
	if nb == nil {
		return ""
	}
	if empty && ((p.markDel && !s.r.opt.Original) || (p.markIns && s.r.opt.Original)) {
		return ""
	}
	st := &s.r.styles
	style := p.style
	if style == "" {
		style = st.defPara
	}
	var sp numProps
	if style != "" {
		sp = st.numChain(style)
	}
	d := p.num
	numID := 0
	switch {
	case d.numSet:
		numID = d.numID
	case sp.numSet:
		numID = sp.numID
	}
	if numID <= 0 {
		return ""
	}
	nd := nb.nums[numID]
	if nd == nil {
		return ""
	}
	a := nb.abstractOf(nd, st)
	if a == nil {
		return ""
	}
	ilvl := -1
	switch {
	case d.ilvlSet:
		if d.ilvl < 0 || d.ilvl >= numLevels {
			return ""
		}
		ilvl = d.ilvl
	case !d.numSet && style != "":
		// Numbering from the style: a level linked to the style wins
		// over the style's ilvl.
		for i := 0; i < numLevels; i++ {
			if l := level(nd, a, i); l != nil && l.pStyle == style {
				ilvl = i
				break
			}
		}
	}
	if ilvl < 0 {
		ilvl = 0
		if sp.ilvlSet {
			ilvl = sp.ilvl
		}
	}
	if ilvl < 0 || ilvl >= numLevels {
		return ""
	}
	lv := level(nd, a, ilvl)
	if lv == nil {
		return ""
	}

	if s.ns == nil {
		s.ns = &numState{lists: map[*abstractNum]*listCount{}, applied: map[*numDef]*[numLevels]bool{}}
	}
	lc := s.ns.lists[a]
	if lc == nil {
		lc = &listCount{}
		s.ns.lists[a] = lc
	}
	ap := s.ns.applied[nd]
	if ap == nil {
		ap = &[numLevels]bool{}
		s.ns.applied[nd] = ap
	}
	// A w:num with a startOverride restarts the shared list the first
	// time it is used at that level; later it continues.
	force := nd.over[ilvl].hasStart && !ap[ilvl]
	if nd.over[ilvl].hasStart {
		ap[ilvl] = true
	}
	if !lc.used[ilvl] || force {
		lc.cnt[ilvl] = startOf(nd, a, ilvl)
	} else if lc.cnt[ilvl] < maxStart {
		lc.cnt[ilvl]++
	}
	lc.used[ilvl] = true
	// Deeper levels restart, unless their w:lvlRestart says otherwise.
	for m := ilvl + 1; m < numLevels; m++ {
		lim := m
		if l := level(nd, a, m); l != nil && l.restart >= 0 && l.restart <= m {
			lim = l.restart // 0: never restarts
		}
		if ilvl < lim {
			lc.used[m] = false
		}
	}

	if lv.fmt == "bullet" || lv.fmt == "none" {
		return ""
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t) && b.Len() < maxLabel; i++ {
		c := t[i]
		if c != '%' || i+1 >= len(t) || t[i+1] < '1' || t[i+1] > '9' {
			b.WriteByte(c)
			continue
		}
		i++
		j := int(t[i] - '1')
		if j > ilvl {
			continue // Word's binary format forbids deeper placeholders
		}
		l := level(nd, a, j)
		if l == nil {
			continue
		}
		// A shallower level not used since its restart shows its start
		// value (as LibreOffice does; it is not counted as used).
		v := startOf(nd, a, j)
		if lc.used[j] {
			v = lc.cnt[j]
		}
		f := l.fmt
		if lv.lgl && f != "bullet" && f != "none" && !isZeroPad(f) {
			f = "decimal"
		}
		b.WriteString(formatNum(v, f))
	}
	return truncUTF8(b.String(), maxLabel)
}

// numChain returns the numbering properties a paragraph style and those it
// is based on set (numId and ilvl inherited separately).
func (s *styles) numChain(id string) numProps {
	if np, ok := s.numResolved[id]; ok {
		return np
	}
	var np numProps
	s.basedOn(id, func(st style) {
		if !np.numSet && st.num.numSet {
			np.numID, np.numSet = st.num.numID, true
		}
		if !np.ilvlSet && st.num.ilvlSet {
			np.ilvl, np.ilvlSet = st.num.ilvl, true
		}
	})
	if s.numResolved == nil {
		s.numResolved = map[string]numProps{}
	}
	s.numResolved[id] = np
	return np
}

func isZeroPad(f string) bool {
	return f == "decimalZero" || strings.HasPrefix(f, "zero")
}

// Letter sets of the alphabetic formats.
var (
	latinUpper = strings.Split("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "")
	latinLower = strings.Split("abcdefghijklmnopqrstuvwxyz", "")
	// Word's Russian sets skip ё, й, ъ and ь (ECMA-376 Part 1 §17.18.59;
	// LibreOffice's table for Word's russianLower is the same 29 letters).
	russianLower = strings.Split("абвгдежзиклмнопрстуфхцчшщыэюя", "")
	russianUpper = strings.Split("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЫЭЮЯ", "")
	// arabicAlpha: hijāʾī order; arabicAbjad: abjad (hawwaz) order. The
	// first letter is alif with hamza (U+0623, as [MS-DOCX] §2.4 lists),
	// and hāʾ is written هـ, as UN Arabic texts type it.
	arabicAlpha = []string{"أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ", "ف", "ق", "ك", "ل", "م", "ن", "هـ", "و", "ي"}
	arabicAbjad = []string{"أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"}
)

// formatNum writes n in the number format f (ST_NumberFormat). Unknown
// formats, values a format cannot write (0 in letters or roman numerals)
// and values over maxFormatted are decimal.
func formatNum(n int, f string) string {
	if n < 0 {
		n = 0
	}
	dec := strconv.Itoa(n)
	if f == "bullet" || f == "none" {
		return ""
	}
	if n > maxFormatted {
		return dec
	}
	switch f {
	case "decimalZero":
		if n < 10 {
			return "0" + dec
		}
	case "upperRoman":
		return roman(n)
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperLetter":
		return letters(n, latinUpper)
	case "lowerLetter":
		return letters(n, latinLower)
	case "russianLower":
		return letters(n, russianLower)
	case "russianUpper":
		return letters(n, russianUpper)
	case "arabicAlpha":
		return letters(n, arabicAlpha)
	case "arabicAbjad":
		return letters(n, arabicAbjad)
	case "decimalFullWidth", "decimalFullWidth2":
		return mapDigits(dec, []rune("０１２３４５６７８９"))
	case "hindiNumbers":
		return mapDigits(dec, []rune("०१२३४५६७८९"))
	case "thaiNumbers":
		return mapDigits(dec, []rune("๐๑๒๓๔๕๖๗๘๙"))
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		return mapDigits(dec, []rune("〇一二三四五六七八九"))
	case "chineseCounting":
		return chineseCounting(n)
	case "chineseCountingThousand":
		return countingThousand(n, '万', true)
	case "taiwaneseCounting", "taiwaneseCountingThousand":
		return countingThousand(n, '萬', true)
	case "japaneseCounting":
		return countingThousand(n, '万', false)
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune(0x2460 + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1))
		}
	default:
		if z, ok := strings.CutPrefix(f, "zero"); ok {
			if w, err := strconv.Atoi(z); err == nil && w > len(dec) {
				return strings.Repeat("0", w-len(dec)) + dec
			}
		}
	}
	return dec
}

// roman writes 1…3999 in upper-case roman numerals, other values in
// decimal.
func roman(n int) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// letters writes n as Word does: the set's letters, then the same letter
// doubled, tripled… (27 → "aa", 28 → "bb").
func letters(n int, set []string) string {
	rep := (n-1)/len(set) + 1
	if n < 1 || rep > maxRepeat {
		return strconv.Itoa(n)
	}
	return strings.Repeat(set[(n-1)%len(set)], rep)
}

func mapDigits(dec string, digits []rune) string {
	var b strings.Builder
	for _, c := range dec {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}

var cjkDigits = []rune("〇一二三四五六七八九")

// chineseCounting: 一…九, 十, 十一…九十九, then digit by digit with ○
// (U+25CB) for zero (100 → 一○○), as [MS-DOCX] §2.4 lists it.
func chineseCounting(n int) string {
	switch {
	case n < 1:
		return strconv.Itoa(n)
	case n < 10:
		return string(cjkDigits[n])
	case n < 100:
		var b strings.Builder
		if n/10 > 1 {
			b.WriteRune(cjkDigits[n/10])
		}
		b.WriteRune('十')
		if n%10 > 0 {
			b.WriteRune(cjkDigits[n%10])
		}
		return b.String()
	}
	d := []rune("○一二三四五六七八九")
	return mapDigits(strconv.Itoa(n), d)
}

// countingThousand writes n with the units 十 百 千 and wan (万 or 萬) for
// ten thousands: 100 → 一百, 105 → 一百零五, 10 → 十. With zeros, a gap is
// written 零 (Chinese); Japanese (zeros false) drops gaps and the 一 before
// 十, 百 and 千 (110 → 百十).
func countingThousand(n int, wan rune, zeros bool) string {
	if n < 1 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	if hi := n / 10000; hi > 0 {
		b.WriteString(under10000(hi, zeros, true))
		b.WriteRune(wan)
		lo := n % 10000
		if lo == 0 {
			return b.String()
		}
		if zeros && lo < 1000 {
			b.WriteRune('零')
		}
		b.WriteString(under10000(lo, zeros, false))
		return b.String()
	}
	return under10000(n, zeros, true)
}

func under10000(n int, zeros, leading bool) string {
	var b strings.Builder
	units := []rune{'千', '百', '十', 0}
	div := 1000
	gap := false
	for i := 0; i < 4; i, div = i+1, div/10 {
		d := n / div % 10
		if d == 0 {
			if b.Len() > 0 {
				gap = true
			}
			continue
		}
		if gap && zeros {
			b.WriteRune('零')
		}
		gap = false
		u := units[i]
		switch {
		case u == 0:
			b.WriteRune(cjkDigits[d])
		case d == 1 && (!zeros || (u == '十' && leading && b.Len() == 0)):
			b.WriteRune(u)
		default:
			b.WriteRune(cjkDigits[d])
			b.WriteRune(u)
		}
	}
	return b.String()
}
