// Package docx reads the text of Word documents in the Office Open XML
// format (.docx, .docm, .dotx): the body of word/document.xml, then its
// footnotes and endnotes.
//
// One Word paragraph (w:p) is one extract.Paragraph, table cells included
// (each cell paragraph is its own Paragraph, in document order). Text comes
// from w:t; w:tab, w:br and w:cr become a space, w:noBreakHyphen a hyphen;
// w:sym, w:softHyphen and field instructions (w:instrText) are dropped,
// field results kept. mc:Fallback content is skipped (its mc:Choice twin is
// read). Empty paragraphs are skipped.
//
// Tracked changes: by default the text as if all changes were accepted
// (w:ins and w:moveTo kept, w:del and w:moveFrom dropped); Options.Original
// gives the text before the changes (w:ins and w:moveTo dropped, w:delText
// and w:moveFrom kept). Deleted or inserted paragraph marks are ignored: a
// paragraph whose mark was deleted stays a paragraph of its own. The
// paragraph style and numbering are the current ones, or with Original
// those a w:pPrChange records.
//
// Automatic numbering (word/numbering.xml, found through the document's
// relationships) becomes text as if typed: the paragraph's number, its
// w:lvlText rendered ("%1." → "3.", "(%2)" → "(b)", "%1.%2." → "2.1."),
// then one space, whatever w:suff says, so "(b) text". The numbering is
// the paragraph's w:numPr (w:numId, w:ilvl) or its style's, through
// basedOn (numId and ilvl inherited apart; numId 0 removes numbering; a
// level whose w:pStyle names the paragraph style gives the level of a
// style's paragraphs), and a w:abstractNum may take its levels from a
// numbering style (w:numStyleLink, w:styleLink). Each %1…%9 is the counter
// of that level in that level's w:numFmt, or decimal with w:isLgl (except
// decimalZero, as [MS-DOC] LVLF.fLegal says); a placeholder for a deeper
// level is dropped, one for a shallower level not used since its restart
// shows its start value. Formats: decimal, decimalZero, upper and lower
// letters and roman numerals, arabicAlpha and arabicAbjad (أ ب ت… and
// أ ب ج د هـ…), russianLower and russianUpper (а б в … и к: Word skips ё,
// й, ъ and ь), chineseCounting, chineseCountingThousand, japaneseCounting,
// ideographDigital, decimalFullWidth and a few others, and Word 2010's
// custom zero-padded formats ("001"); letters past the set double (27 →
// "aa"); bullet, none and picture bullets give no label; other formats,
// and counters over 1000000, are decimal.
//
// Counters follow Word: every w:num of one abstract definition continues
// the same list; a w:num with a w:startOverride restarts it the first time
// that w:num is used at that level (and is that level's start for it
// from then on); a full w:lvl override changes the format only. A level
// restarts when a shallower one counts, unless w:lvlRestart says otherwise
// (0: never). A level without w:start starts at 0 (ECMA-376), one without
// w:lvlText has no label. A numbered paragraph without text is not read but counts, as
// Word shows its number, unless it is absent from the version read (its
// paragraph mark deleted, or with Original inserted, as a tracked change).
// The body, the footnotes and the endnotes each have counters of their
// own.
//
// Footnotes and endnotes (not the separator ones) follow the body with
// Note set, footnotes then endnotes, each in the order of their first
// reference in the body; a note the body never references (nor one whose
// reference sits in text dropped as a tracked change) is not read.
// Headers, footers and comments are not read.
//
// Paragraph.Lang is the language of the paragraph's runs when they all
// agree: for each run that holds a letter, the w:lang attribute that
// applies to its script (w:eastAsia for Han, kana and Hangul, w:bidi for
// Arabic and Hebrew or a run marked w:rtl/w:cs, else w:val), taken from the
// run, its character style, the paragraph style (and the styles they are
// based on) or the document defaults, reduced to its primary subtag
// ("zh-CN" -> "zh").
//
// Hostile input is refused in bounded time and memory: more than 10000 zip
// members, a declared or actual decompressed total over Options.MaxUnzipped,
// XML nested deeper than 256 elements, more than 100000 paragraphs, more
// than 10000 w:abstractNum or w:num entries, and text past Options.Limits
// (counted as the XML is decompressed; a text node longer than the
// character limit is refused before it is held) give extract.ErrLimit; a
// DOCTYPE in a part gives extract.ErrCorrupt. Hostile numbering values are
// bounded without refusing the file: levels past w:ilvl 8 are ignored, a
// w:lvlText is cut at 256 bytes and a label at 1024, starts are clamped
// to 0…2^31-1, and letters repeat at most 64 times (then decimal).
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/xmlsafe"
	"github.com/richardlehane/mscfb"
)

// Options control Read.
type Options struct {
	// Original reads the text before tracked changes (drop w:ins, keep
	// w:delText); the default is the text with all changes accepted.
	Original bool
	// MaxUnzipped caps the total decompressed size of the zip members
	// (declared and actually read); 0 means DefaultMaxUnzipped.
	MaxUnzipped int64
	// Limits bound the text read (characters and paragraphs, notes
	// included), counted as the XML is decompressed.
	Limits extract.Limits
}

// Limits.
const (
	DefaultMaxUnzipped = 256 << 20
	MaxMembers         = 10000
	MaxDepth           = 256
	MaxParagraphs      = 100000
)

// noRecover is set by the fuzz tests so that a panic surfaces.
var noRecover = false

// Read returns the paragraphs of the DOCX file data.
func Read(data []byte, opt Options) (ps []extract.Paragraph, err error) {
	if !noRecover {
		defer func() {
			if r := recover(); r != nil {
				ps, err = nil, fmt.Errorf("%w: unreadable DOCX (internal error: %v)", extract.ErrCorrupt, r)
			}
		}()
	}
	return read(data, opt)
}

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

func read(data []byte, opt Options) ([]extract.Paragraph, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("%w (zero-byte file)", extract.ErrEmpty)
	}
	if bytes.HasPrefix(data, oleMagic) {
		if IsEncryptedOLE(data) {
			return nil, fmt.Errorf("%w: the DOCX is encrypted (an OLE container with EncryptionInfo and EncryptedPackage); remove the password and save it again", extract.ErrEncrypted)
		}
		return nil, fmt.Errorf("%w: an OLE compound file (a .doc?), not a DOCX zip", extract.ErrCorrupt)
	}
	max := opt.MaxUnzipped
	if max <= 0 {
		max = DefaultMaxUnzipped
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: not a readable zip (%w)", extract.ErrCorrupt, err)
	}
	if len(zr.File) > MaxMembers {
		return nil, fmt.Errorf("%w: %d zip members (more than %d)", extract.ErrLimit, len(zr.File), MaxMembers)
	}
	var total uint64
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(max) || f.UncompressedSize64 > uint64(max) {
			return nil, fmt.Errorf("%w: zip members declare more than %d bytes decompressed", extract.ErrLimit, max)
		}
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))
		if _, dup := files[name]; !dup {
			files[name] = f
		}
	}
	r := &reader{files: files, budget: max, opt: opt, noteFmts: defaultNoteFmts(), count: extract.Counter{Limits: opt.Limits}}

	main := r.target("_rels/.rels", "", "/officedocument", "word/document.xml")
	if files[main] == nil {
		return nil, fmt.Errorf("%w: no %s in the zip (not a Word document?)", extract.ErrCorrupt, main)
	}
	rels := path.Join(path.Dir(main), "_rels", path.Base(main)+".rels")
	dir := path.Dir(main)
	if err := r.readStyles(r.target(rels, dir, "/styles", path.Join(dir, "styles.xml"))); err != nil {
		return nil, err
	}
	if err := r.readNumbering(r.target(rels, dir, "/numbering", path.Join(dir, "numbering.xml"))); err != nil {
		return nil, err
	}
	if err := r.readSettings(r.target(rels, dir, "/settings", path.Join(dir, "settings.xml"))); err != nil {
		return nil, err
	}
	body := &story{r: r, split: -1}
	if err := r.parse(main, body.handle); err != nil {
		return nil, err
	}
	out := body.paras
	for _, kind := range []string{"footnote", "endnote"} {
		refs := body.refs[kind]
		if len(refs) == 0 {
			continue
		}
		notes := &story{r: r, note: kind, split: -1}
		if err := r.parse(r.target(rels, dir, "/"+kind+"s", path.Join(dir, kind+"s.xml")), notes.handle); err != nil {
			return nil, err
		}
		marks := body.marks(kind)
		for _, ref := range refs {
			note := notes.byID[ref.id]
			for i := range note {
				note[i].Note = true
			}
			markNote(note, ref, marks[ref.id])
			out = append(out, note...)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w (the document has no text)", extract.ErrEmpty)
	}
	return out, nil
}

// IsEncryptedOLE reports whether data is an OLE compound file holding the
// EncryptionInfo and EncryptedPackage streams of an encrypted OOXML file.
func IsEncryptedOLE(data []byte) (enc bool) {
	defer func() {
		if recover() != nil {
			enc = false
		}
	}()
	if !bytes.HasPrefix(data, oleMagic) {
		return false
	}
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return false
	}
	var info, pkg bool
	for _, f := range doc.File {
		switch f.Name {
		case "EncryptionInfo":
			info = true
		case "EncryptedPackage":
			pkg = true
		}
	}
	return info && pkg
}

type reader struct {
	files  map[string]*zip.File
	budget int64 // decompressed bytes still allowed
	count  extract.Counter
	opt    Options
	paras  int // paragraphs seen, all parts
	styles styles
	num    *numbering // nil: no numbering part (or no w:num in it)
	// noteFmts is the numbering of footnotes and endnotes, by kind.
	noteFmts map[string]*noteFmt
}

// target resolves the first relationship of relsPart whose Type ends with
// typ to a zip member name (lower case), or returns def.
func (r *reader) target(relsPart, base, typ, def string) string {
	var found string
	err := r.parse(relsPart, func(d *xml.Decoder, t xml.Token, _ []string) error {
		if se, ok := t.(xml.StartElement); ok && se.Name.Local == "Relationship" && found == "" {
			var ty, tg, mode string
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "Type":
					ty = a.Value
				case "Target":
					tg = a.Value
				case "TargetMode":
					mode = a.Value
				}
			}
			if strings.HasSuffix(strings.ToLower(ty), strings.ToLower(typ)) && tg != "" && mode != "External" {
				if strings.HasPrefix(tg, "/") {
					found = path.Clean(tg[1:])
				} else {
					found = path.Clean(path.Join(base, tg))
				}
			}
		}
		return nil
	})
	if err != nil || found == "" {
		return def
	}
	return strings.ToLower(found)
}

// parse streams the XML part name through fn with the stack of local names
// of the open elements (the token's own element excluded). A missing part
// is not an error. The part is read by an xmlsafe.Reader: no DOCTYPE,
// nesting up to MaxDepth, its bytes drawn from the reader's budget, and no
// text node longer than the character limit. fn's *xml.Decoder is always
// nil: the callbacks see tokens only, so that nothing reads past those
// guards.
func (r *reader) parse(name string, fn func(*xml.Decoder, xml.Token, []string) error) error {
	f := r.files[name]
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %s: %w", extract.ErrCorrupt, name, err)
	}
	defer rc.Close()
	budget := xmlsafe.NewBudget(r.budget)
	defer func() { r.budget = budget.Left() }()
	x := xmlsafe.New(rc, xmlsafe.Config{
		MaxDepth:   MaxDepth,
		Doctype:    xmlsafe.RefuseDoctype,
		Budget:     budget,
		MaxTextRun: max(r.count.Chars(), minTextRun),
	})
	var stack []string
	for {
		t, err := x.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return r.partError(name, err)
		}
		switch tt := t.(type) {
		case xml.StartElement:
			if err := fn(nil, t, stack); err != nil {
				return err
			}
			stack = append(stack, tt.Name.Local)
			continue
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		if err := fn(nil, t, stack); err != nil {
			return err
		}
	}
}

// minTextRun is the least run of characters without markup refused while
// a part is decompressed, whatever the character limit: below it the limit
// is left to the count of the paragraphs' text, since a run that long
// holds tags (their attributes count) and encoding/xml reads 4096 bytes
// at a time anyway.
const minTextRun = 4096

// partError is the refusal of an XML part, in the words of this reader
// (the part named, the limits as docx knows them); it wraps the
// *xmlsafe.Error, and through it extract.ErrCorrupt or extract.ErrLimit
// and the decoder's error.
type partError struct {
	text string
	err  error
}

func (e *partError) Error() string { return e.text }
func (e *partError) Unwrap() error { return e.err }

// partError words err, an error of xmlsafe.Reader.Token, for part name.
func (r *reader) partError(name string, err error) error {
	var xe *xmlsafe.Error
	if !errors.As(err, &xe) {
		return fmt.Errorf("%w: %s: %w", extract.ErrCorrupt, name, err)
	}
	var text string
	switch xe.Kind {
	case xmlsafe.TextRun:
		text = fmt.Sprintf("%v: %s: more than %d characters without markup (the limit of text per file)", extract.ErrLimit, name, r.count.Chars())
	case xmlsafe.Size:
		text = fmt.Sprintf("%v: more than %d bytes decompressed", extract.ErrLimit, r.maxUnzipped())
	case xmlsafe.Depth:
		text = fmt.Sprintf("%v: %s: XML nested deeper than %d elements", extract.ErrLimit, name, MaxDepth)
	case xmlsafe.Doctype:
		text = fmt.Sprintf("%v: %s: DOCTYPE not allowed in a DOCX part", extract.ErrCorrupt, name)
	case xmlsafe.Malformed:
		// The decoder's own text ("XML syntax error on line 3: ..."),
		// on one line.
		text = fmt.Sprintf("%v: %s: %v", extract.ErrCorrupt, name, extract.OneLine(xe.Err))
	default:
		text = fmt.Sprintf("%v: %s: %s", xe.Class(), name, xe.Msg)
	}
	return &partError{text: text, err: xe}
}

func (r *reader) maxUnzipped() int64 {
	if r.opt.MaxUnzipped > 0 {
		return r.opt.MaxUnzipped
	}
	return DefaultMaxUnzipped
}

// styles holds what Read needs of word/styles.xml: languages and
// numbering.
type styles struct {
	def         langs // docDefaults
	defPara     string
	byID        map[string]style
	resolved    map[string]langs
	numResolved map[string]numProps
}

type style struct {
	basedOn string
	lang    langs
	num     numProps // w:pPr/w:numPr
}

// langs are the three w:lang attributes: val (Latin and others), eastAsia
// and bidi. An empty field is not set.
type langs [3]string

const (
	latin = iota
	eastAsia
	bidi
)

func (l *langs) fill(from langs) {
	for i := range l {
		if l[i] == "" {
			l[i] = from[i]
		}
	}
}

func langAttrs(se xml.StartElement) langs {
	var l langs
	for _, a := range se.Attr {
		switch a.Name.Local {
		case "val":
			l[latin] = a.Value
		case "eastAsia":
			l[eastAsia] = a.Value
		case "bidi":
			l[bidi] = a.Value
		}
	}
	return l
}

func (r *reader) readStyles(name string) error {
	s := &r.styles
	s.byID = map[string]style{}
	s.resolved = map[string]langs{}
	var id, typ string
	var cur style
	var isDefault bool
	return r.parse(name, func(_ *xml.Decoder, t xml.Token, stack []string) error {
		switch tt := t.(type) {
		case xml.StartElement:
			switch tt.Name.Local {
			case "style":
				id, typ, cur, isDefault = "", "", style{}, false
				for _, a := range tt.Attr {
					switch a.Name.Local {
					case "styleId":
						id = a.Value
					case "type":
						typ = a.Value
					case "default":
						isDefault = a.Value == "1" || a.Value == "true"
					}
				}
			case "basedOn":
				if in(stack, "style") {
					cur.basedOn = attr(tt, "val")
				}
			case "lang":
				if in(stack, "rPrDefault") {
					s.def = langAttrs(tt)
				} else if in(stack, "style") && in(stack, "rPr") {
					cur.lang = langAttrs(tt)
				}
			case "numId", "ilvl":
				if len(stack) > 0 && stack[len(stack)-1] == "numPr" && in(stack, "style") && in(stack, "pPr") && !in(stack, "pPrChange") {
					setNumProp(&cur.num, tt)
				}
			}
		case xml.EndElement:
			if tt.Name.Local == "style" && id != "" {
				s.byID[id] = cur
				if typ == "paragraph" && isDefault && s.defPara == "" {
					s.defPara = id
				}
			}
		}
		return nil
	})
}

// chain returns the languages a style and those it is based on set.
func (s *styles) chain(id string) langs {
	if l, ok := s.resolved[id]; ok {
		return l
	}
	var l langs
	s.basedOn(id, func(st style) { l.fill(st.lang) })
	s.resolved[id] = l
	return l
}

// basedOn calls fn with the style id and each style it is based on,
// nearest first; a loop or a chain longer than 32 ends the walk.
func (s *styles) basedOn(id string, fn func(style)) {
	seen := map[string]bool{}
	for cur := id; cur != "" && !seen[cur] && len(seen) < 32; {
		seen[cur] = true
		st, ok := s.byID[cur]
		if !ok {
			return
		}
		fn(st)
		cur = st.basedOn
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func in(stack []string, local string) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] == local {
			return true
		}
	}
	return false
}

// story collects the paragraphs of one part: the body, or the notes of one
// kind keyed by id.
type story struct {
	r    *reader
	note string // "", "footnote" or "endnote"

	paras []extract.Paragraph            // body
	byID  map[string][]extract.Paragraph // notes
	refs  map[string][]noteRef           // body: note references in order
	seen  map[string]bool
	// customMarks is the text of each w:customMarkFollows reference
	// (by kind and id): the mark printed instead of a number.
	customMarks map[string]string

	noteID   string
	skipNote bool // inside a separator note
	skip     int  // depth of the element being skipped, 0 if none
	open     []*para
	ns       *numState // numbering counters of this story
	// split is the paragraph (index in paras) that a section break cut
	// in the middle of its text, waiting for the rest; -1 if none.
	split      int
	splitStyle string
	splitNum   numProps
}

type para struct {
	b       strings.Builder
	style   string // paragraph style (after the w:pPr: of the version read)
	lang    string // agreed language so far
	langSet bool
	mixed   bool
	run     *run

	num      numProps // direct numbering (after the w:pPr: of the version read)
	old      numProps // in w:pPrChange/w:pPr
	oldStyle string   // in w:pPrChange/w:pPr
	changed  bool     // has a w:pPrChange
	numIns   bool     // the direct w:numPr is a tracked insertion
	markDel  bool     // the paragraph mark is a tracked deletion
	markIns  bool     // the paragraph mark is a tracked insertion
	sect     bool     // its mark ends a section (w:pPr/w:sectPr)
}

type run struct {
	b strings.Builder
	// custom is the note (kind and id) whose custom mark this run's text
	// after the reference is; "" if none. That text is not body text.
	custom string
	mark   strings.Builder
	style  string
	direct langs
	rtl    bool
}

// handle is the parse callback of a story.
func (s *story) handle(d *xml.Decoder, t xml.Token, stack []string) error {
	if s.skip > 0 {
		// Inside a skipped subtree: wait for the end of its root.
		if _, ok := t.(xml.EndElement); ok && len(stack) < s.skip {
			s.skip = 0
		}
		return nil
	}
	var p *para
	if n := len(s.open); n > 0 {
		p = s.open[n-1]
	}
	parent := ""
	if len(stack) > 0 {
		parent = stack[len(stack)-1]
	}
	switch tt := t.(type) {
	case xml.StartElement:
		name := tt.Name.Local
		switch name {
		case "del", "moveFrom":
			if p != nil && parent == "rPr" && grandparent(stack) == "pPr" && !in(stack, "pPrChange") {
				p.markDel = true
			}
			if !s.r.opt.Original && parent != "rPr" {
				s.skip = len(stack) + 1
			}
		case "ins", "moveTo":
			if p != nil && parent == "rPr" && grandparent(stack) == "pPr" && !in(stack, "pPrChange") {
				p.markIns = true
			}
			if p != nil && parent == "numPr" && !in(stack, "pPrChange") {
				p.numIns = true
			}
			if s.r.opt.Original && parent != "rPr" {
				s.skip = len(stack) + 1
			}
		case "Fallback", "instrText", "delInstrText":
			s.skip = len(stack) + 1
		case "footnote", "endnote":
			if s.note == name {
				s.noteID = attr(tt, "id")
				typ := attr(tt, "type")
				s.skipNote = typ == "separator" || typ == "continuationSeparator" || typ == "continuationNotice"
			}
		case "footnoteReference", "endnoteReference":
			if s.note == "" {
				kind := strings.TrimSuffix(name, "Reference")
				id := attr(tt, "id")
				if s.refs == nil {
					s.refs, s.seen = map[string][]noteRef{}, map[string]bool{}
				}
				custom := onOff(tt, "customMarkFollows", false)
				if custom && p != nil && p.run != nil {
					p.run.custom = kind + id
				}
				if !s.seen[kind+id] {
					s.seen[kind+id] = true
					s.refs[kind] = append(s.refs[kind], noteRef{id: id, custom: custom})
				}
			}
		case "p":
			s.r.paras++
			if s.r.paras > MaxParagraphs {
				return fmt.Errorf("%w: more than %d paragraphs", extract.ErrLimit, MaxParagraphs)
			}
			s.open = append(s.open, &para{})
		case "sectPr":
			if p != nil && parent == "pPr" {
				p.sect = true
			}
		case "pStyle":
			if p != nil && parent == "pPr" {
				if in(stack, "pPrChange") {
					p.oldStyle = attr(tt, "val")
				} else {
					p.style = attr(tt, "val")
				}
			}
		case "pPrChange":
			if p != nil && parent == "pPr" {
				p.changed = true
			}
		case "numFmt", "numStart":
			if s.note == "" {
				s.r.notePr(tt, stack)
			}
		case "numId", "ilvl":
			if p != nil && parent == "numPr" && grandparent(stack) == "pPr" {
				if in(stack, "pPrChange") {
					setNumProp(&p.old, tt)
				} else {
					setNumProp(&p.num, tt)
				}
			}
		case "r":
			if p != nil {
				p.run = &run{}
			}
		case "rStyle":
			if p != nil && p.run != nil && parent == "rPr" {
				p.run.style = attr(tt, "val")
			}
		case "lang":
			if p != nil && p.run != nil && parent == "rPr" {
				p.run.direct = langAttrs(tt)
			}
		case "rtl", "cs":
			if p != nil && p.run != nil && parent == "rPr" {
				v := attr(tt, "val")
				p.run.rtl = p.run.rtl || !(v == "0" || v == "false" || v == "off")
			}
		case "tab", "br", "cr":
			if parent == "r" {
				return s.text(p, " ")
			}
		case "noBreakHyphen":
			if parent == "r" {
				return s.text(p, "-")
			}
		}
	case xml.CharData:
		if parent == "t" || (parent == "delText" && s.r.opt.Original) {
			return s.text(p, string(tt))
		}
	case xml.EndElement:
		switch tt.Name.Local {
		case "pPr":
			if p != nil && parent == "p" {
				s.endPPr(p)
			}
		case "r":
			if p != nil && p.run != nil {
				s.endRun(p)
			}
		case "p":
			if p != nil {
				if p.run != nil {
					s.endRun(p)
				}
				s.open = s.open[:len(s.open)-1]
				return s.endPara(p)
			}
		case "footnote", "endnote":
			if s.note == tt.Name.Local {
				s.noteID, s.skipNote = "", false
			}
		}
	}
	return nil
}

func grandparent(stack []string) string {
	if len(stack) < 2 {
		return ""
	}
	return stack[len(stack)-2]
}

// setNumProp records a w:numId or w:ilvl of a w:numPr.
func setNumProp(np *numProps, se xml.StartElement) {
	v, ok := intAttr(se, "val")
	if !ok {
		return
	}
	if se.Name.Local == "numId" {
		np.numID, np.numSet = v, true
	} else {
		np.ilvl, np.ilvlSet = v, true
	}
}

// endPPr settles the paragraph style and direct numbering of the version
// read: the current ones, or with Options.Original those a w:pPrChange
// records (the complete former w:pPr).
func (s *story) endPPr(p *para) {
	switch {
	case s.r.opt.Original && p.changed:
		p.style, p.num = p.oldStyle, p.old
	case s.r.opt.Original && p.numIns:
		p.num = numProps{}
	}
}

// text adds s to the current run (or paragraph, outside runs), counting
// it against the limits.
func (s *story) text(p *para, t string) error {
	if p == nil {
		return nil
	}
	if err := s.r.count.AddText(t); err != nil {
		return err
	}
	if p.run != nil && p.run.custom != "" {
		p.run.mark.WriteString(t)
	} else if p.run != nil {
		p.run.b.WriteString(t)
	} else {
		p.b.WriteString(t)
	}
	return nil
}

func (s *story) endRun(p *para) {
	rn := p.run
	p.run = nil
	if rn.custom != "" {
		if s.customMarks == nil {
			s.customMarks = map[string]string{}
		}
		s.customMarks[rn.custom] = strings.TrimSpace(rn.mark.String())
	}
	t := rn.b.String()
	p.b.WriteString(t)
	script := -1
	for _, c := range t {
		switch {
		case unicode.In(c, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo):
			script = eastAsia
		case unicode.In(c, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana):
			if script != eastAsia {
				script = bidi
			}
		case unicode.IsLetter(c):
			if script < 0 {
				script = latin
			}
		}
	}
	if script < 0 {
		return // no letter: the run does not vote
	}
	if rn.rtl && script == latin {
		script = bidi
	}
	l := rn.direct
	st := &s.r.styles
	if rn.style != "" {
		l.fill(st.chain(rn.style))
	}
	ps := p.style
	if ps == "" {
		ps = st.defPara
	}
	if ps != "" {
		l.fill(st.chain(ps))
	}
	l.fill(st.def)
	lang := normLang(l[script])
	switch {
	case !p.langSet:
		p.lang, p.langSet = lang, true
	case p.lang != lang:
		p.mixed = true
	}
}

// clean turns line breaks and tabs into spaces, drops other control
// characters and trims.
func clean(t string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			return ' '
		case r < 0x20 || r == 0x7F:
			return -1
		}
		return r
	}, t))
}

// endPara ends paragraph p: it is added to the story (or joined to the
// one a section break cut), counted against the limits.
func (s *story) endPara(p *para) error {
	raw := p.b.String()
	text := clean(raw)
	if s.skipNote {
		return nil
	}
	split := s.split
	s.split = -1
	if text != "" && split >= 0 && split == len(s.paras)-1 && s.note == "" && p.style == s.splitStyle && p.num == s.splitNum {
		// The rest of a paragraph cut by a section break: one paragraph,
		// one number.
		prev := &s.paras[split]
		if a, b := lastRune(prev.Text), firstRune(text); !(isHan(a) && isHan(b)) {
			prev.Text += " "
		}
		prev.Text += text
		return nil
	}
	// The number counts even when the paragraph has no text (Word shows
	// it), but an empty paragraph is not read.
	label := clean(s.label(p, text == ""))
	if text == "" {
		return nil
	}
	if err := s.r.count.AddParagraph(); err != nil {
		return err
	}
	if label != "" {
		if err := s.r.count.AddText(label); err != nil {
			return err
		}
		text = label + " " + text
	}
	out := extract.Paragraph{Text: text}
	if p.langSet && !p.mixed {
		out.Lang = p.lang
	}
	if s.note == "" {
		s.paras = append(s.paras, out)
		if p.sect && cutMidText(raw) {
			s.split, s.splitStyle, s.splitNum = len(s.paras)-1, p.style, p.num
		}
		return nil
	}
	if s.byID == nil {
		s.byID = map[string][]extract.Paragraph{}
	}
	s.byID[s.noteID] = append(s.byID[s.noteID], out)
	return nil
}

// cutMidText reports whether the raw text of a paragraph whose mark ends a
// section stops in the middle of a sentence: on a space or a letter or
// digit. LibreOffice writes a paragraph that runs past a change of page
// style (a first-page style followed by another) as two paragraphs with
// a section break between them, the first ending where its page did
// ("… in order to create a ").
func cutMidText(raw string) bool {
	r := lastRune(raw)
	return r == ' ' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isHan(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// normLang reduces a language tag to its lower-case primary subtag; ""
// for none or x-none.
func normLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	tag = strings.ToLower(tag)
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, c := range tag {
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return tag
}
