// Command gen builds the layout corpus of testdata/layout: the same source
// texts laid out in ten page layouts by four producers (LibreOffice PDF and
// DOCX from flat OpenDocument, Chromium PDF and the HTML page itself), so
// that the paragraph splitting of the readers (extract/pdftext,
// extract/docx, extract/htmltext) can be measured against a known truth:
// the source texts in src/, one paragraph per block.
//
// Run it from the module root (tests never run it; its results are
// committed):
//
//	go run ./testdata/layout/gen            # regenerate every file from src/
//	go run ./testdata/layout/gen -sources   # first rebuild src/ from
//	                                        # testdata/founding and ../shared
//	go run ./testdata/layout/gen -manifest  # only write manifest.tsv and
//	                                        # the src/*.masthead-pdf.txt variants
//	go run ./testdata/layout/gen -check     # verify manifest and texts
//
// A full run deletes and rewrites the four producer directories,
// manifest.tsv and the reading-order variants of the sources
// (src/*.masthead-pdf.txt, see readingOrder). Flags -layouts and
// -producers restrict a run (nothing is deleted and neither the manifest
// nor the variants are rewritten; use -manifest), -keep DIR keeps the
// intermediate FODT files (fodt/ for lo-pdf, fodt-docx/ for lo-docx), -v
// prints every page count.
//
// It needs LibreOffice (soffice), Chromium (chromium), pdfinfo and
// pdftotext (poppler-utils), and the fonts Noto Serif and Noto Naskh
// Arabic (fonts-noto-core), WenQuanYi Micro Hei (fonts-wqy-microhei) and
// DejaVu Sans (fonts-dejavu-core, as fallback). See ../README.md.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"html"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const base = "testdata/layout"

var (
	flagSources   = flag.Bool("sources", false, "rebuild src/ from testdata/founding and ../shared/corpora before generating")
	flagLayouts   = flag.String("layouts", "", "comma-separated layouts to generate (default all; manifest not rewritten)")
	flagProducers = flag.String("producers", "", "comma-separated producers to generate (default all; manifest not rewritten)")
	flagKeep      = flag.String("keep", "", "keep the intermediate files (FODT) in this directory")
	flagJobs      = flag.Int("j", 4, "parallel Chromium processes")
	flagVerbose   = flag.Bool("v", false, "print every page count; with -check, name the files whose extracted text is complete but not in source order")
	flagCheck     = flag.Bool("check", false, "only check the corpus: manifest, files, and that every source paragraph is in the text of every file")
	flagManifest  = flag.Bool("manifest", false, "only write manifest.tsv and the source variants src/*"+mastheadPDF+".txt (both follow from src/)")
)

var langs = []string{"ar", "zh", "en", "fr", "ru", "es"}

// jobLetter is the language letter of a UN job number, e.g. 14-67890 (E).
var jobLetter = map[string]string{"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}

func main() {
	log.SetFlags(0)
	flag.Parse()
	if _, err := os.Stat("go.mod"); err != nil {
		log.Fatal("run from the module root: go run ./testdata/layout/gen")
	}
	if *flagSources {
		buildSources()
	}
	docs := loadSources()
	if *flagCheck {
		check(docs)
		return
	}
	if *flagManifest {
		writeManifest(assign(docs))
		return
	}
	generate(docs)
}

// ---------------------------------------------------------------------------
// Source texts
// ---------------------------------------------------------------------------

// Para is one paragraph of a source with its role.
type Para struct {
	Text  string // the exact source text (with [^n] references)
	Kind  Kind
	Label string // "1.", "1 -", "1．", "(a)", "(а)", "(أ)"; empty if none
	Body  string // Text without the label and the space after it
	Num   int    // 1-based number of an operative or sub-paragraph
	Role  string // header role: "symbol", "mast" (Distr./date/Original), "body", ""
}

type Kind int

const (
	KHeader Kind = iota
	KTitle
	KOpener
	KPP
	KOP
	KSub
	KText
)

// Doc is a parsed source text.
type Doc struct {
	Name   string // file name without .txt, e.g. "unpc-csw.fr"
	Base   string // "unpc-csw"
	Lang   string
	Src    string // path relative to testdata/layout, e.g. "src/unpc-csw.fr.txt"
	Voted  string // source of the English version
	Symbol string
	Job    string // "GE.18-04231(E)" or "14-67890 (E)"
	Bar    string // "*1804231*"
	Paras  []Para
	Blocks []string // the paragraphs of the source file as written, notes included
	Notes  []string // note texts; Notes[i] is the note with mark i+1
	Long   bool     // long enough for dense and two-column layouts
	RTL    bool
	HasOPs bool
}

// docInfo: per base name, the job number stem and the English version.
var docInfo = map[string]struct{ job, voted string }{
	"L36":       {"GE.18-04231", "L36.en"},
	"RES":       {"GE.18-04567", "L36.en"},
	"res55-100": {"00-56789", "res55-100.en"},
	"unpc-ares": {"14-67890", "unpc-ares.en"},
	"unpc-csw":  {"14-66789", "unpc-csw.en"},
	"unpc-a69":  {"15-02345", "unpc-a69.en"},
}

var (
	reNote    = regexp.MustCompile(`^\[\^(\d+)\]: (.+)$`)
	reRef     = regexp.MustCompile(`\[\^(\d+)\]`)
	reOP      = regexp.MustCompile(`^(\d+)(\.|．| -)( ?)`)
	reSub     = regexp.MustCompile(`^\(([a-zа-яء-ي])\) `)
	reTitle   = regexp.MustCompile(`^\d+/(\d+|\.\.\.)`)
	reMast    = regexp.MustCompile(`^(Distr|Original|原文|الأصل)|^\PL{0,3}(\pL+\s?/?\s?){0,4}\PL{0,3}(19|20)\d\d(年\d{1,2}月\d{1,2}日| года)?$`)
	bodyNames = map[string]bool{
		"Human Rights Council": true, "人权理事会": true,
		"General Assembly": true, "Assemblée générale": true, "Asamblea General": true,
		"Генеральная Ассамблея": true, "الجمعية العامة": true, "大 会": true, "大会": true,
		"Economic and Social Council": true, "Conseil économique et social": true,
		"Consejo Económico y Social": true, "Экономический и Социальный Совет": true,
		"المجلس الاقتصادي والاجتماعي": true, "经济及社会理事会": true,
	}
)

func loadSources() []*Doc {
	files, err := filepath.Glob(filepath.Join(base, "src", "*.txt"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no sources in %s/src (run with -sources)", base)
	}
	sort.Strings(files)
	var docs []*Doc
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if strings.HasSuffix(name, mastheadPDF) {
			continue // a reading-order variant, written by the generator
		}
		d, err := parseDoc(name, string(data))
		if err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		docs = append(docs, d)
	}
	return docs
}

func parseDoc(name, text string) (*Doc, error) {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return nil, fmt.Errorf("name must be BASE.LANG")
	}
	d := &Doc{Name: name, Base: name[:i], Lang: name[i+1:], Src: "src/" + name + ".txt"}
	info, ok := docInfo[d.Base]
	if !ok {
		return nil, fmt.Errorf("unknown document %q (add it to docInfo)", d.Base)
	}
	d.Voted = "src/" + info.voted + ".txt"
	d.RTL = d.Lang == "ar"
	sep := ""
	if strings.HasPrefix(info.job, "GE.") {
		d.Job = info.job + "(" + jobLetter[d.Lang] + ")"
	} else {
		sep = " "
		d.Job = info.job + sep + "(" + jobLetter[d.Lang] + ")"
	}
	d.Bar = "*" + strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, info.job) + "*"

	if !strings.HasSuffix(text, "\n") || strings.HasSuffix(text, "\n\n") {
		return nil, fmt.Errorf("must end with exactly one newline")
	}
	blocks := strings.Split(strings.TrimSuffix(text, "\n"), "\n\n")
	d.Blocks = blocks
	var paras []string
	for _, b := range blocks {
		if b == "" || strings.TrimSpace(b) != b || strings.Contains(b, "\n") || strings.Contains(b, "\t") {
			return nil, fmt.Errorf("paragraph %d is empty, has a line break, a tab or outer spaces: %q", len(paras)+1, b)
		}
		if m := reNote.FindStringSubmatch(b); m != nil {
			n, _ := strconv.Atoi(m[1])
			if n != len(d.Notes)+1 {
				return nil, fmt.Errorf("note [^%s] out of order", m[1])
			}
			d.Notes = append(d.Notes, m[2])
			continue
		}
		if len(d.Notes) > 0 {
			return nil, fmt.Errorf("paragraph after the notes: %q", b)
		}
		paras = append(paras, b)
	}
	// references: each note referenced once, in order
	next := 1
	for _, p := range paras {
		for _, m := range reRef.FindAllStringSubmatch(p, -1) {
			if n, _ := strconv.Atoi(m[1]); n != next {
				return nil, fmt.Errorf("reference [^%s] out of order", m[1])
			}
			next++
		}
		if strings.Contains(reRef.ReplaceAllString(p, ""), "[^") {
			return nil, fmt.Errorf("malformed reference in %q", p)
		}
	}
	if next != len(d.Notes)+1 {
		return nil, fmt.Errorf("%d references for %d notes", next-1, len(d.Notes))
	}

	opener := -1
	for i, p := range paras {
		if i > 0 && utf8.RuneCountInString(p) <= 60 && strings.ContainsAny(lastRune(p), ",،，") {
			opener = i
			break
		}
	}
	if opener < 0 {
		return nil, fmt.Errorf("no opener paragraph (\"The General Assembly,\")")
	}
	d.Symbol = paras[0]
	opNum, subNum := 0, 0
	for i, p := range paras {
		q := Para{Text: p, Body: p}
		switch {
		case i < opener:
			q.Kind = KHeader
			if i == opener-1 && reTitle.MatchString(p) {
				q.Kind = KTitle
			}
		case i == opener:
			q.Kind = KOpener
		default:
			if m := reOP.FindStringSubmatch(p); m != nil {
				q.Kind, q.Label, q.Body = KOP, m[1]+m[2], p[len(m[0]):]
				q.Num, _ = strconv.Atoi(m[1])
				if q.Num != opNum+1 {
					return nil, fmt.Errorf("operative paragraph %d follows %d", q.Num, opNum)
				}
				opNum, subNum = q.Num, 0
			} else if m := reSub.FindStringSubmatch(p); m != nil {
				q.Kind, q.Label, q.Body = KSub, "("+m[1]+")", p[len(m[0]):]
				subNum++
				q.Num = subNum
				if opNum == 0 || []rune(subLetters[d.Lang])[subNum-1] != []rune(m[1])[0] {
					return nil, fmt.Errorf("sub-paragraph %s out of sequence", q.Label)
				}
			} else if opNum == 0 {
				q.Kind = KPP
			} else {
				q.Kind = KText
			}
		}
		d.Paras = append(d.Paras, q)
	}
	d.HasOPs = opNum > 0
	// masthead roles: the symbol, then Distr./date/Original lines, then an
	// optional body name among the first header paragraphs.
	d.Paras[0].Role = "symbol"
	for i := 1; i < opener && i < 7; i++ {
		p := &d.Paras[i]
		if bodyNames[p.Text] {
			p.Role = "body"
			break
		}
		if !reMast.MatchString(p.Text) {
			break
		}
		p.Role = "mast"
	}
	n := 0
	for _, p := range paras {
		n += utf8.RuneCountInString(p)
	}
	for _, t := range d.Notes {
		n += utf8.RuneCountInString(t)
	}
	if d.Lang == "zh" {
		n *= 2
	}
	d.Long = n > 9000
	return d, nil
}

// mastheadPDF is the name suffix of the reading-order variants of the
// sources: src/<name>.<lang>.masthead-pdf.txt.
const mastheadPDF = ".masthead-pdf"

// mastBody returns the index of the body-name paragraph of d ("General
// Assembly", "Human Rights Council", …), or -1 if it has none.
func mastBody(d *Doc) int {
	for i := 1; i < len(d.Paras) && d.Paras[i].Role != ""; i++ {
		if d.Paras[i].Role == "body" {
			return i
		}
	}
	return -1
}

// readingOrder returns the paragraphs of d (indexes into d.Paras) in the
// order in which a reader of prod's output meets them, or nil if that is
// the source order. Only the PDFs of the masthead layout differ: the first
// row of page 1 holds the symbol at the end side (right; left in Arabic)
// and the body name at the start side, on the same baseline, so reading
// the row in the direction of the text (left to right; right to left in
// Arabic) meets the body name first, then the symbol, then the Distr.,
// date and Original lines below the symbol, then the rest. In the DOCX
// (two table cells, symbol cell first) and in the HTML (a grid, DOM in
// source order) the document order is the source order; -check verifies
// that.
func readingOrder(d *Doc, L Layout, prod string) []int {
	if !L.Masthead || (prod != "lo-pdf" && prod != "chromium-pdf") {
		return nil
	}
	body := mastBody(d)
	if body < 0 {
		return nil
	}
	order := []int{body}
	for i := range d.Paras {
		if i != body {
			order = append(order, i)
		}
	}
	for i, k := range order {
		if i != k {
			return order
		}
	}
	return nil
}

// sourceFor returns the source (path relative to testdata/layout) that is
// the truth of prod's output of it: the source itself, or a variant in
// the output's reading order, with its text.
func sourceFor(it item, prod string) (path, text string) {
	d := it.d
	order := readingOrder(d, it.L, prod)
	if order == nil {
		return d.Src, ""
	}
	var blocks []string
	for _, k := range order {
		blocks = append(blocks, d.Blocks[k])
	}
	blocks = append(blocks, d.Blocks[len(d.Paras):]...) // the notes
	return "src/" + d.Name + mastheadPDF + ".txt", strings.Join(blocks, "\n\n") + "\n"
}

// reordered returns a copy of d whose paragraphs are in the given order,
// with src as its source.
func reordered(d *Doc, order []int, src string) *Doc {
	v := *d
	v.Src = src
	v.Paras = nil
	for _, k := range order {
		v.Paras = append(v.Paras, d.Paras[k])
	}
	return &v
}

// subLetters are the letters of sub-paragraph labels. UN Arabic uses the
// abjad order (أ) (ب) (ج) (د); Russian uses Cyrillic letters.
var subLetters = map[string]string{
	"en": "abcdefghij", "fr": "abcdefghij", "es": "abcdefghij", "zh": "abcdefghij",
	"ru": "абвгдежзик", "ar": "أبجدهوزحطي",
}

func lastRune(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

// ---------------------------------------------------------------------------
// Building src/ (with -sources)
// ---------------------------------------------------------------------------

const shared = "../shared/corpora"

func writeSource(name string, paras []string) {
	for i, p := range paras {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			log.Fatalf("%s: empty paragraph %d", name, i+1)
		}
		paras[i] = p
	}
	path := filepath.Join(base, "src", name+".txt")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Join(paras, "\n\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", path)
}

func readBlocks(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var out []string
	for _, b := range regexp.MustCompile(`\n\s*\n`).Split(strings.ReplaceAll(string(data), "\r\n", "\n"), -1) {
		var lines []string
		for _, l := range strings.Split(b, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, " "))
		}
	}
	return out
}

func buildSources() {
	// 1. The founding case (full texts only: the excerpts are too short for
	// two pages).
	writeSource("L36.en", readBlocks("testdata/founding/L36.en.txt"))
	writeSource("L36.zh", readBlocks("testdata/founding/L36.zh.txt"))
	writeSource("RES.zh", readBlocks("testdata/founding/RES.zh.txt"))

	// 2. GA resolution 55/100: one paragraph per line, symbol line added.
	for _, l := range langs {
		path := filepath.Join(shared, "un-ga-res-55-100", "A_RES_55_100.sample."+l+".txt")
		data, err := os.ReadFile(path)
		if err != nil {
			log.Fatalf("%v (the sources need ../shared; src/ is committed)", err)
		}
		paras := []string{}
		for _, line := range strings.Split(string(data), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				paras = append(paras, line)
			}
		}
		if paras[0] != "A/RES/55/100" {
			paras = append([]string{"A/RES/55/100"}, paras...)
		}
		writeSource("res55-100."+l, paras)
	}

	// 3. UNPC devset composites.
	buildUNPC()
}

type devset struct {
	text map[string][]string // lang -> lines
	doc  []string            // line -> document id, e.g. 2015/a/69/767
	para []int               // line -> English paragraph number
	sent []int               // line -> English sentence number
}

func loadDevset() *devset {
	ds := &devset{text: map[string][]string{}}
	for _, l := range langs {
		ds.text[l] = readLines(filepath.Join(shared, "unpc-v1.0-devset", "UNv1.0.devset."+l))
	}
	for _, line := range readLines(filepath.Join(shared, "unpc-v1.0-devset", "UNv1.0.devset.ids")) {
		f := strings.Fields(line)
		ds.doc = append(ds.doc, f[0])
		p, s := 0, 0
		for _, x := range f[1:] {
			if strings.HasPrefix(x, "en:") {
				y := strings.Split(x, ":")
				p, _ = strconv.Atoi(y[1])
				s, _ = strconv.Atoi(y[2])
			}
		}
		ds.para = append(ds.para, p)
		ds.sent = append(ds.sent, s)
	}
	for _, l := range langs {
		if len(ds.text[l]) != len(ds.doc) {
			log.Fatalf("devset %s has %d lines, ids %d", l, len(ds.text[l]), len(ds.doc))
		}
	}
	return ds
}

func readLines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatalf("%v (the sources need ../shared; src/ is committed)", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		out = append(out, strings.Join(strings.Fields(sc.Text()), " "))
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return out
}

// line returns devset line n (1-based) in language l.
func (ds *devset) line(n int, l string) string { return ds.text[l][n-1] }

// unpcSpec describes one composite document made of UNPC devset sentences.
type unpcSpec struct {
	name     string
	prefix   string // document ids taken, in order of first appearance
	max      int    // body sentences at most
	header   []any  // "symbol", an int (devset line), or map[lang]string
	opener   map[string]string
	notes    int  // number of footnotes
	resOrder bool // unlabelled (preambular) sentences first, as in a resolution
}

var original = map[string]string{
	"en": "Original: English", "fr": "Original : anglais", "es": "Original: inglés",
	"ru": "Original: English", "ar": "Original: English", "zh": "Original: English",
}

var gaOpener = map[string]string{
	"en": "The General Assembly,", "fr": "L'Assemblée générale,", "es": "La Asamblea General,",
	"ru": "Генеральная Ассамблея,", "ar": "إن الجمعية العامة،", "zh": "大会，",
}

var cswOpener = map[string]string{
	"en": "The Commission on the Status of Women,", "fr": "La Commission de la condition de la femme,",
	"es": "La Comisión de la Condición Jurídica y Social de la Mujer,", "ru": "Комиссия по положению женщин,",
	"ar": "إن لجنة وضع المرأة،", "zh": "妇女地位委员会，",
}

// Devset lines used as header paragraphs: 332 "Distr.: General", 2457
// "29 December 2014", 461 "General Assembly", 3947 "Economic and Social
// Council", 193 "Commission on the Status of Women", 1 "Sixty-ninth
// session", 136 "Fifty-ninth session", 354 "Agenda item 35", 147 "Agenda
// item 113 (b)", 146 "Agenda item 2".
var unpcSpecs = []unpcSpec{
	{name: "unpc-ares", prefix: "2015/a/res/", max: 44, header: []any{"symbol", 332, 2457, 461, 1, 354}, opener: gaOpener, notes: 2, resOrder: true},
	{name: "unpc-csw", prefix: "2015/e/cn_6/", max: 52, header: []any{"symbol", 332, 2457, original, 3947, 193, 136, 146}, opener: cswOpener, notes: 3},
	{name: "unpc-a69", prefix: "2015/a/69/", max: 48, header: []any{"symbol", 332, 2457, original, 461, 1, 147}, opener: gaOpener, notes: 4},
}

var (
	reDevLabel   = regexp.MustCompile(`^([0-9٠-٩]+)\s?(\.|-|．)\s+`)
	reDevHeading = regexp.MustCompile(`^(\(?[a-zA-Z]\)|[IVXLC]+\.|[A-Z]\.|\d+\.\d+)\s`)
)

// ratio bounds of rune length against English, to skip misaligned lines.
var ratio = map[string][2]float64{
	"ar": {0.6, 1.9}, "zh": {0.15, 0.75}, "fr": {0.8, 1.9}, "ru": {0.75, 1.9}, "es": {0.8, 1.9},
}

// symbolOf turns a devset document id into a UN symbol:
// 2015/e/cn_6/2015/ngo/259 -> E/CN.6/2015/NGO/259.
func symbolOf(id string) string {
	parts := strings.Split(id, "/")[1:]
	for i, p := range parts {
		if m := regexp.MustCompile(`^(add|corr|rev)_(\d+)$`).FindStringSubmatch(p); m != nil {
			parts[i] = strings.ToUpper(m[1][:1]) + m[1][1:] + "." + m[2]
			continue
		}
		parts[i] = strings.ReplaceAll(strings.ToUpper(p), "_", ".")
	}
	return strings.Join(parts, "/")
}

func buildUNPC() {
	ds := loadDevset()
	for _, sp := range unpcSpecs {
		// candidate lines of the family, grouped by document in order of
		// first appearance, then in document order (English paragraph and
		// sentence numbers).
		first := map[string]int{}
		var cand []int
		for i, id := range ds.doc {
			if strings.HasPrefix(id, sp.prefix) {
				if _, ok := first[id]; !ok {
					first[id] = i
				}
				cand = append(cand, i+1)
			}
		}
		sort.SliceStable(cand, func(a, b int) bool {
			x, y := cand[a]-1, cand[b]-1
			if ds.doc[x] != ds.doc[y] {
				return first[ds.doc[x]] < first[ds.doc[y]]
			}
			if ds.para[x] != ds.para[y] {
				return ds.para[x] < ds.para[y]
			}
			return ds.sent[x] < ds.sent[y]
		})
		sents := usable(ds, sp.prefix, cand)
		if sp.resOrder {
			sort.SliceStable(sents, func(a, b int) bool { return !sents[a].labelled && sents[b].labelled })
		}
		if len(sents) < sp.max {
			log.Fatalf("%s: only %d usable sentences", sp.name, len(sents))
		}
		body, rest := sents[:sp.max], sents[sp.max:]
		used := map[int]bool{}
		for _, s := range body {
			used[s.line] = true
		}
		// footnote texts: the first unused sentences of moderate length of
		// the family, else of the documents with the same first symbol
		// element (e.g. all of 2015/a/).
		var notes []sent
		for _, s := range append(rest, usable(ds, wider(sp.prefix), nil)...) {
			if n := utf8.RuneCountInString(s.text["en"]); n <= 200 && len(notes) < sp.notes && strings.HasSuffix(s.text["en"], ".") && !used[s.line] {
				notes = append(notes, s)
				used[s.line] = true
			}
		}
		if len(notes) < sp.notes {
			log.Fatalf("%s: not enough note sentences", sp.name)
		}
		// paragraphs: groups of 2-6 long sentences, with short one-line
		// paragraphs (0 in the pattern) in between.
		isShort := func(s sent) bool {
			return utf8.RuneCountInString(s.text["en"]) <= 80 && utf8.RuneCountInString(s.text["zh"]) <= 36 &&
				utf8.RuneCountInString(s.text["ru"]) <= 95 && utf8.RuneCountInString(s.text["ar"]) <= 90
		}
		var shorts, longs []sent
		for _, s := range body {
			if isShort(s) {
				shorts = append(shorts, s)
			} else {
				longs = append(longs, s)
			}
		}
		pattern := []int{3, 5, 0, 0, 2, 4, 6, 0, 3, 2, 0, 0, 0, 5, 4, 2, 3, 6, 0, 2}
		var groups [][]sent
		for k := 0; len(longs) > 0 || len(shorts) > 0; k++ {
			n := pattern[k%len(pattern)]
			if n == 0 {
				if len(shorts) > 0 {
					groups = append(groups, shorts[:1])
					shorts = shorts[1:]
					continue
				}
				n = 1
			}
			if len(longs) == 0 {
				// leftover short sentences become one-line paragraphs
				groups = append(groups, shorts[:1])
				shorts = shorts[1:]
				continue
			}
			if n > len(longs) {
				n = len(longs)
			}
			groups = append(groups, longs[:n])
			longs = longs[n:]
		}
		// roles: first third preambular, the rest operative; every fifth
		// operative paragraph from the third on is followed by two
		// sub-paragraphs made of the next two groups.
		npp := len(groups) / 3
		kinds := make([]Kind, len(groups))
		for i := range groups {
			kinds[i] = KPP
			if i >= npp {
				kinds[i] = KOP
			}
		}
		for j := npp + 2; j+2 < len(groups); j += 5 {
			kinds[j+1], kinds[j+2] = KSub, KSub
		}
		// footnote positions: spread over the document
		notePos := []int{}
		for k := 0; k < sp.notes; k++ {
			p := 1 + k*(len(groups)-2)/sp.notes
			if len(notePos) > 0 && p <= notePos[len(notePos)-1] {
				p = notePos[len(notePos)-1] + 1
			}
			for p < len(groups)-1 && (kinds[p] == KSub || len(groups[p]) < 2) {
				p++
			}
			notePos = append(notePos, p)
		}
		for _, l := range langs {
			var paras []string
			for _, h := range sp.header {
				switch h := h.(type) {
				case string:
					paras = append(paras, symbolOf(ds.doc[body[0].line-1]))
				case int:
					paras = append(paras, ds.line(h, l))
				case map[string]string:
					paras = append(paras, h[l])
				}
			}
			paras = append(paras, sp.opener[l])
			op, sub, note := 0, 0, 0
			for i, g := range groups {
				var b strings.Builder
				for k, s := range g {
					if k > 0 && l != "zh" {
						b.WriteByte(' ')
					}
					b.WriteString(s.text[l])
					if note < len(notePos) && notePos[note] == i && (k == 0 || len(g) == 1) {
						note++
						fmt.Fprintf(&b, "[^%d]", note)
					}
				}
				t := b.String()
				switch kinds[i] {
				case KOP:
					op++
					sub = 0
					if l == "ar" {
						t = fmt.Sprintf("%d - %s", op, t)
					} else {
						t = fmt.Sprintf("%d. %s", op, t)
					}
				case KSub:
					t = "(" + string([]rune(subLetters[l])[sub]) + ") " + t
					sub++
				}
				paras = append(paras, t)
			}
			for k, s := range notes {
				paras = append(paras, fmt.Sprintf("[^%d]: %s", k+1, s.text[l]))
			}
			writeSource(sp.name+"."+l, paras)
		}
		var lines []string
		for _, g := range groups {
			var x []string
			for _, s := range g {
				x = append(x, strconv.Itoa(s.line))
			}
			lines = append(lines, strings.Join(x, "+"))
		}
		var nl []string
		for _, s := range notes {
			nl = append(nl, strconv.Itoa(s.line))
		}
		fmt.Printf("%s: paragraphs (devset lines) %s; notes %s\n", sp.name, strings.Join(lines, " "), strings.Join(nl, " "))
	}
}

type sent struct {
	line     int
	text     map[string]string
	labelled bool
}

// wider returns the first element of a document-id prefix: 2015/a/res/ -> 2015/a/.
func wider(prefix string) string {
	p := strings.Split(prefix, "/")
	return p[0] + "/" + p[1] + "/"
}

// usable returns the devset lines (cand, or all lines with prefix if cand
// is nil) that are complete sentences in all six languages: no heading
// label, an initial capital and final punctuation in English, plausible
// lengths. A numeric paragraph label ("12. ", Arabic "12 - ") is removed
// if every language has one.
func usable(ds *devset, prefix string, cand []int) []sent {
	if cand == nil {
		for i, id := range ds.doc {
			if strings.HasPrefix(id, prefix) {
				cand = append(cand, i+1)
			}
		}
	}
	var sents []sent
	for _, n := range cand {
		s := sent{line: n, text: map[string]string{}}
		ok := true
		en := ds.line(n, "en")
		s.labelled = reDevLabel.MatchString(en)
		for _, l := range langs {
			t := ds.line(n, l)
			if reDevLabel.MatchString(t) != s.labelled {
				ok = false
			}
			t = reDevLabel.ReplaceAllString(t, "")
			if t == "" || strings.Contains(t, "[^") || reDevHeading.MatchString(t) {
				ok = false
			}
			s.text[l] = t
		}
		en = s.text["en"]
		ne := utf8.RuneCountInString(en)
		r, _ := utf8.DecodeRuneInString(en)
		if !ok || ne < 40 || ne > 700 || !strings.ContainsAny(lastRune(en), ".;,:") || !unicode.IsUpper(r) {
			continue
		}
		for l, b := range ratio {
			q := float64(utf8.RuneCountInString(s.text[l])) / float64(ne)
			if q < b[0] || q > b[1] {
				ok = false
			}
		}
		if ok {
			sents = append(sents, s)
		}
	}
	return sents
}

// ---------------------------------------------------------------------------
// Layouts
// ---------------------------------------------------------------------------

// Layout is one page design. Every layout is produced in all six
// languages by every producer.
type Layout struct {
	Name      string
	Pt        float64 // body font size
	Justify   bool    // justified (else ragged: text-align start)
	After     float64 // space after body paragraphs in pt; -1: 6 pt for unpc-*, 0 for the others
	Indent    string  // "none"; "pp": first-line indent on preambular paragraphs; "all": on every paragraph
	Hanging   bool    // operative "1.<tab>text" and sub-paragraphs "(a)<tab>text" with hanging indents
	Cols      int     // body columns
	Masthead  bool    // UN masthead on page 1
	NotePt    float64 // footnote size; 0: Pt-2
	Autonum   bool    // operative and sub-paragraph labels by automatic numbering
	Paper     string  // "A4" or "Letter"
	Furniture string  // "none", "pagenum", "pagenum+sym", "sym-nm", "un", "un-alt"
	HTMLLabel string  // how labels are written in HTML: "text" ("1. Calls"), "nbsp" ("1.&nbsp;Calls"), "span"
	HTMLNotes string  // HTML endnote markup: "section", "aside", "div"
}

var layouts = []Layout{
	{Name: "plain", Pt: 11, Justify: true, After: 6, Indent: "none", Paper: "A4", Furniture: "pagenum", HTMLLabel: "text", HTMLNotes: "section"},
	{Name: "hanging", Pt: 11.5, Justify: true, After: -1, Indent: "pp", Hanging: true, Paper: "A4", Furniture: "un", HTMLLabel: "span", HTMLNotes: "div"},
	{Name: "indent-0pt", Pt: 10.5, Justify: false, After: 0, Indent: "all", Paper: "Letter", Furniture: "sym-nm", HTMLLabel: "nbsp", HTMLNotes: "aside"},
	{Name: "ragged-12pt", Pt: 12, Justify: false, After: 6, Indent: "none", Paper: "A4", Furniture: "none", HTMLLabel: "text", HTMLNotes: "section"},
	{Name: "dense-10pt", Pt: 10, Justify: true, After: 0, Indent: "pp", Hanging: true, Paper: "Letter", Furniture: "un", HTMLLabel: "span", HTMLNotes: "div"},
	{Name: "two-column", Pt: 10, Justify: true, After: 4, Indent: "none", Cols: 2, Paper: "A4", Furniture: "pagenum+sym", HTMLLabel: "text", HTMLNotes: "section"},
	{Name: "masthead", Pt: 11, Justify: true, After: 6, Indent: "pp", Hanging: true, Masthead: true, Paper: "A4", Furniture: "un-alt", HTMLLabel: "span", HTMLNotes: "div"},
	{Name: "footnotes-9pt", Pt: 10, NotePt: 9, Justify: true, After: 6, Indent: "none", Paper: "Letter", Furniture: "un", HTMLLabel: "nbsp", HTMLNotes: "section"},
	{Name: "footnotes-body", Pt: 11, NotePt: 11, Justify: true, After: 6, Indent: "none", Paper: "A4", Furniture: "pagenum", HTMLLabel: "text", HTMLNotes: "aside"},
	{Name: "autonum", Pt: 11.5, Justify: true, After: 6, Indent: "pp", Autonum: true, Paper: "A4", Furniture: "un", HTMLLabel: "text", HTMLNotes: "div"},
}

var producers = []string{"lo-pdf", "lo-docx", "chromium-pdf", "html"}

// geometry in cm
type geom struct{ w, h, top, bottom, side, textW float64 }

func (L Layout) geom() geom {
	g := geom{w: 21, h: 29.7, top: 1.5, bottom: 1.5, side: 2.5}
	if L.Paper == "Letter" {
		g = geom{w: 21.59, h: 27.94, top: 1.4, bottom: 1.4, side: 2.3}
	}
	if L.Furniture == "none" {
		g.top, g.bottom = 2.5, 2.5
	}
	g.textW = g.w - 2*g.side
	return g
}

// hasFirst reports whether page 1 has its own furniture (no header; job
// number and barcode, or the footer alone).
func (L Layout) hasFirst() bool { return L.Furniture != "none" && L.Furniture != "pagenum" }

func (L Layout) after(d *Doc) float64 {
	if L.After >= 0 {
		return L.After
	}
	if strings.HasPrefix(d.Base, "unpc-") {
		return 6
	}
	return 0
}

func (L Layout) notePt() float64 {
	if L.NotePt > 0 {
		return L.NotePt
	}
	return L.Pt - 2
}

// indents in cm: first-line indent of preambular paragraphs, hanging step
func (L Layout) ppIndent(d *Doc) float64 {
	if d.Lang == "zh" {
		return 2 * L.Pt / 28.35 // two characters
	}
	return 1
}

func (L Layout) step() float64 {
	if L.Pt <= 10 {
		return 0.8
	}
	return 1
}

// ---------------------------------------------------------------------------
// Inline text
// ---------------------------------------------------------------------------

// inline escapes text and replaces [^n] by ref(n).
func inline(text string, ref func(n int) string) string {
	var b strings.Builder
	last := 0
	for _, m := range reRef.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(html.EscapeString(text[last:m[0]]))
		n, _ := strconv.Atoi(text[m[2]:m[3]])
		b.WriteString(ref(n))
		last = m[1]
	}
	b.WriteString(html.EscapeString(text[last:]))
	return b.String()
}

// ---------------------------------------------------------------------------
// FODT (LibreOffice)
// ---------------------------------------------------------------------------

func cm(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) + "cm" }
func pt(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) + "pt" }

// textProps returns the font size for all three script classes; Arabic
// is set one point larger, as Arabic UN documents are.
func textProps(size float64, extra string) string {
	return fmt.Sprintf(`<style:text-properties fo:font-size="%s" style:font-size-asian="%s" style:font-size-complex="%s"%s/>`, pt(size), pt(size), pt(size+1), extra)
}

var loLang = map[string][2]string{
	"en": {"en", "GB"}, "fr": {"fr", "FR"}, "es": {"es", "ES"}, "ru": {"ru", "RU"}, "ar": {"en", "GB"}, "zh": {"en", "GB"},
}

// fodt returns the flat OpenDocument text of d in layout L. A layout with
// a different first page (job number and barcode, no header) has two
// master pages, "First" (with style:next-style-name="Standard") and
// "Standard", unless titlePg is set: then it has one master page,
// "Standard", with a first-page header and footer (ODF 1.3
// style:header-first and style:footer-first), which LibreOffice exports to
// DOCX as one section with w:titlePg and first-page header and footer
// parts, as Word writes it. From two master pages LibreOffice 7.4 makes
// w:titlePg only if it finds them compatible; with the taller first-page
// footer of the UN layouts (the 13 pt barcode) it exports a section break
// instead (w:sectPr in the w:pPr of the last paragraph of page 1, and the
// paragraph that runs on to page 2 split in two w:p). The PDFs use the two
// master pages: with a first-page header (empty) page 1 would reserve the
// header's height and the page breaks would move.
func fodt(d *Doc, L Layout, titlePg bool) string {
	g := L.geom()
	wm, opp := "lr-tb", "rl-tb"
	if d.RTL {
		wm, opp = "rl-tb", "lr-tb"
	}
	align := "start"
	if L.Justify {
		align = "justify"
	}
	after := pt(L.after(d))
	st := L.step()
	var S strings.Builder // common styles
	w := func(f string, a ...any) { fmt.Fprintf(&S, f, a...) }
	ll := loLang[d.Lang]
	w(`<style:default-style style:family="paragraph">
 <style:paragraph-properties style:writing-mode="%s" style:tab-stop-distance="1.25cm" fo:orphans="2" fo:widows="2"/>
 <style:text-properties style:font-name="Noto Serif" fo:font-size="%s" fo:language="%s" fo:country="%s" style:font-name-asian="WenQuanYi Micro Hei" style:font-size-asian="%s" style:language-asian="zh" style:country-asian="CN" style:font-name-complex="Noto Naskh Arabic" style:font-size-complex="%s" style:language-complex="ar" style:country-complex="EG" fo:hyphenate="false"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
`, wm, pt(L.Pt), ll[0], ll[1], pt(L.Pt), pt(L.Pt+1))
	first := ""
	if L.Indent == "all" {
		first = ` fo:text-indent="` + cm(L.ppIndent(d)) + `"`
	}
	para := func(name, props, text string) {
		w(`<style:style style:name="%s" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
 <style:paragraph-properties %s/>
 %s
</style:style>
`, name, props, text)
	}
	body := fmt.Sprintf(`fo:margin-top="0cm" fo:margin-bottom="%s" fo:text-align="%s"`, after, align)
	para("Symbol", `fo:margin-bottom="0.2cm" fo:text-align="end"`+first, textProps(L.Pt+1, ` fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"`))
	para("Header", `fo:margin-bottom="`+pt(L.after(d))+`" fo:text-align="start"`+first, textProps(L.Pt, ""))
	para("Title", `fo:margin-top="0.2cm" fo:margin-bottom="0.3cm" fo:text-align="start" fo:keep-with-next="always"`+first, textProps(L.Pt+1, ` fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"`))
	ppFirst := first
	if L.Indent == "pp" {
		ppFirst = ` fo:text-indent="` + cm(L.ppIndent(d)) + `"`
	}
	para("Opener", body+ppFirst+` fo:keep-with-next="always"`, textProps(L.Pt, ""))
	para("Preamble", body+ppFirst, textProps(L.Pt, ""))
	para("Text", body+first, textProps(L.Pt, ""))
	if L.Hanging {
		para("Operative", body+fmt.Sprintf(` fo:margin-left="%s" fo:text-indent="%s"`, cm(st), cm(-st)), textProps(L.Pt, ""))
		para("SubPara", body+fmt.Sprintf(` fo:margin-left="%s" fo:text-indent="%s"`, cm(2*st), cm(-st)), textProps(L.Pt, ""))
	} else if L.Autonum {
		para("Operative", body, textProps(L.Pt, ""))
		para("SubPara", body, textProps(L.Pt, ""))
	} else {
		para("Operative", body+first, textProps(L.Pt, ""))
		para("SubPara", body+first, textProps(L.Pt, ""))
	}
	np := L.notePt()
	para("Footnote", fmt.Sprintf(`fo:margin-left="0.5cm" fo:text-indent="-0.5cm" fo:margin-bottom="0.05cm" fo:text-align="%s"`, align), textProps(np, ""))
	// header and footer paragraphs are left-to-right in every language
	// (their content is Latin); sides are mirrored by hand for Arabic.
	hfProps := `fo:margin-bottom="0cm" style:writing-mode="lr-tb" fo:text-align="%s"`
	para("HF", fmt.Sprintf(hfProps+`><style:tab-stops><style:tab-stop style:position="%s" style:type="center"/><style:tab-stop style:position="%s" style:type="right"/></style:tab-stops></style:paragraph-properties><style:paragraph-properties`, "left", cm(g.textW/2), cm(g.textW)), textProps(8.5, ""))
	para("HFLeft", fmt.Sprintf(hfProps, "left"), textProps(8.5, ""))
	para("HFRight", fmt.Sprintf(hfProps, "right"), textProps(8.5, ""))
	para("HFCenter", fmt.Sprintf(hfProps, "center"), textProps(9, ""))
	// masthead
	para("MastSymbol", `fo:margin-bottom="0.1cm" fo:text-align="start" fo:line-height="22pt"`, textProps(16, ` fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"`))
	para("MastSymbolEnd", `fo:margin-bottom="0.1cm" fo:text-align="end" fo:line-height="22pt"`, textProps(16, ` fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"`))
	para("MastLine", `fo:margin-bottom="0cm" fo:text-align="start"`, textProps(9.5, ""))
	para("MastBody", `fo:margin-bottom="0cm" fo:text-align="start" fo:line-height="22pt"`, textProps(16, ` fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"`))
	para("MastRule", `fo:margin-top="0.25cm" fo:margin-bottom="`+pt(L.after(d))+`" fo:padding-top="0.15cm" fo:border-top="1.5pt solid #000000" fo:text-align="start"`+first, textProps(L.Pt, ""))
	styles := S.String()
	if d.RTL {
		// LibreOffice 7.4 renders fo:text-align start/end as left/right
		// even in right-to-left paragraphs.
		styles = strings.NewReplacer(`fo:text-align="start"`, `fo:text-align="right"`, `fo:text-align="end"`, `fo:text-align="left"`).Replace(styles)
	}
	S.Reset()
	S.WriteString(styles)
	w(`<style:style style:name="FootnoteSymbol" style:family="text"><style:text-properties style:text-position="super 58%%"/></style:style>
<style:style style:name="FootnoteAnchor" style:family="text"><style:text-properties style:text-position="super 58%%"/></style:style>
<text:notes-configuration text:note-class="footnote" text:citation-style-name="FootnoteSymbol" text:citation-body-style-name="FootnoteAnchor" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
`)
	if L.Autonum {
		S.WriteString(listStyle(d, L))
	}

	// automatic styles: page layout, first-page paragraph, sections, table
	var A strings.Builder
	a := func(f string, x ...any) { fmt.Fprintf(&A, f, x...) }
	a(`<style:page-layout style:name="pm1">
 <style:page-layout-properties fo:page-width="%s" fo:page-height="%s" style:print-orientation="portrait" fo:margin-top="%s" fo:margin-bottom="%s" fo:margin-left="%s" fo:margin-right="%s" style:writing-mode="%s">
  <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.15cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="%s" style:rel-width="25%%" style:color="#000000"/>
 </style:page-layout-properties>
 <style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.5cm"/></style:header-style>
 <style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.5cm"/></style:footer-style>
</style:page-layout>
`, cm(g.w), cm(g.h), cm(g.top), cm(g.bottom), cm(g.side), cm(g.side), wm, map[bool]string{false: "left", true: "right"}[d.RTL])
	if L.Cols > 1 {
		a(`<style:style style:name="Sect2" style:family="section"><style:section-properties style:writing-mode="%s" text:dont-balance-text-columns="false" style:editable="false"><style:columns fo:column-count="%d" fo:column-gap="0.6cm"/></style:section-properties></style:style>
`, wm, L.Cols)
	}
	master := "Standard"
	if L.hasFirst() && !titlePg {
		master = "First"
	}
	mastBodyIdx := -1
	mastN := 1 // paragraphs in the right-hand (symbol) cell
	if L.Masthead {
		if mastBodyIdx = mastBody(d); mastBodyIdx > 0 {
			mastN = mastBodyIdx
		}
	}
	// the first paragraph carries the first-page master page; with a
	// masthead table the table does
	p1 := "Symbol"
	if L.Masthead && mastBodyIdx < 0 {
		p1 = "MastSymbolEnd" // no body name: no table, the symbol alone at the top right
	}
	a(`<style:style style:name="P1" style:family="paragraph" style:parent-style-name="%s" style:master-page-name="%s"/>
`, p1, master)
	if L.Masthead && mastBodyIdx >= 0 {
		symW := 7.0
		a(`<style:style style:name="Mast" style:family="table" style:master-page-name="%s"><style:table-properties style:width="%s" table:align="margins" style:writing-mode="%s" fo:margin-bottom="0cm"/></style:style>
<style:style style:name="Mast.A" style:family="table-column"><style:table-column-properties style:column-width="%s"/></style:style>
<style:style style:name="Mast.B" style:family="table-column"><style:table-column-properties style:column-width="%s"/></style:style>
<style:style style:name="Mast.C" style:family="table-cell"><style:table-cell-properties style:vertical-align="top" fo:padding="0cm" fo:border="none"/></style:style>
`, master, cm(g.textW), opp, cm(symW), cm(g.textW-symW))
	}

	// master pages
	var M strings.Builder
	sym := html.EscapeString(d.Symbol)
	job := html.EscapeString(d.Job)
	pageNo := `<text:page-number text:select-page="current">1</text:page-number>`
	pageNM := pageNo + `/<text:page-count>1</text:page-count>`
	hf := func(kind, style, content string) string {
		return fmt.Sprintf(`<style:%s><text:p text:style-name="%s">%s</text:p></style:%s>`, kind, style, content, kind)
	}
	bar := `<text:span text:style-name="Bar">` + html.EscapeString(d.Bar) + `</text:span>`
	// two items at the two ends of an LTR footer line, mirrored for Arabic
	ends := func(left, right string) string {
		if d.RTL {
			left, right = right, left
		}
		return left + "<text:tab/><text:tab/>" + right
	}
	startSide, endSide := "HFLeft", "HFRight"
	if d.RTL {
		startSide, endSide = endSide, startSide
	}
	firstFooter := hf("footer", "HF", ends(job, bar))
	if titlePg {
		// One master page. The first-page header is an empty paragraph:
		// an empty style:header-first element makes LibreOffice 7.4 drop
		// the header of every page. The first-page footer is written even
		// where it equals the footer: LibreOffice has one "same content on
		// first page" switch for header and footer, and exports a missing
		// footer-first as an empty first-page footer. ODF requires the
		// order header, header-left, header-first, footer, footer-left,
		// footer-first (LibreOffice ignores a footer-first before the
		// footer).
		noHeader := hf("header-first", startSide, "")
		switch L.Furniture {
		case "none":
			fmt.Fprintf(&M, `<style:master-page style:name="Standard" style:page-layout-name="pm1"/>`)
		case "pagenum":
			fmt.Fprintf(&M, `<style:master-page style:name="Standard" style:page-layout-name="pm1">%s</style:master-page>`, hf("footer", "HFCenter", pageNo))
		case "pagenum+sym":
			fmt.Fprintf(&M, `<style:master-page style:name="Standard" style:page-layout-name="pm1">%s%s%s%s</style:master-page>`,
				hf("header", startSide, sym), noHeader, hf("footer", "HFCenter", pageNo), hf("footer-first", "HFCenter", pageNo))
		case "sym-nm":
			fmt.Fprintf(&M, `<style:master-page style:name="Standard" style:page-layout-name="pm1">%s%s%s%s</style:master-page>`,
				hf("header", endSide, sym), noHeader, hf("footer", "HFCenter", pageNM), hf("footer-first", "HFCenter", pageNM))
		case "un":
			fmt.Fprintf(&M, `<style:master-page style:name="Standard" style:page-layout-name="pm1">%s%s%s%s</style:master-page>`,
				hf("header", startSide, sym), noHeader, hf("footer", "HF", ends(job, pageNo)), hf("footer-first", "HF", ends(job, bar)))
		case "un-alt":
			fmt.Fprintf(&M, `<style:master-page style:name="Standard" style:page-layout-name="pm1">%s%s%s%s%s%s</style:master-page>`,
				hf("header", endSide, sym), hf("header-left", startSide, sym), noHeader,
				hf("footer", "HF", ends(job, pageNM)), hf("footer-left", "HF", ends(pageNM, job)), hf("footer-first", "HF", ends(job, bar)))
		default:
			log.Fatalf("furniture %q", L.Furniture)
		}
	} else {
		switch L.Furniture {
		case "none":
			fmt.Fprintf(&M, `<style:master-page style:name="Standard" style:page-layout-name="pm1"/>`)
		case "pagenum":
			fmt.Fprintf(&M, `<style:master-page style:name="Standard" style:page-layout-name="pm1">%s</style:master-page>`, hf("footer", "HFCenter", pageNo))
		case "pagenum+sym":
			fmt.Fprintf(&M, `<style:master-page style:name="First" style:page-layout-name="pm1" style:next-style-name="Standard">%s</style:master-page>
<style:master-page style:name="Standard" style:page-layout-name="pm1">%s%s</style:master-page>`,
				hf("footer", "HFCenter", pageNo), hf("header", startSide, sym), hf("footer", "HFCenter", pageNo))
		case "sym-nm":
			fmt.Fprintf(&M, `<style:master-page style:name="First" style:page-layout-name="pm1" style:next-style-name="Standard">%s</style:master-page>
<style:master-page style:name="Standard" style:page-layout-name="pm1">%s%s</style:master-page>`,
				hf("footer", "HFCenter", pageNM), hf("header", endSide, sym), hf("footer", "HFCenter", pageNM))
		case "un":
			fmt.Fprintf(&M, `<style:master-page style:name="First" style:page-layout-name="pm1" style:next-style-name="Standard">%s</style:master-page>
<style:master-page style:name="Standard" style:page-layout-name="pm1">%s%s</style:master-page>`,
				firstFooter, hf("header", startSide, sym), hf("footer", "HF", ends(job, pageNo)))
		case "un-alt":
			// odd (right-hand) pages: symbol and page number on the outer
			// side, i.e. right; even pages: left. Mirrored for Arabic.
			fmt.Fprintf(&M, `<style:master-page style:name="First" style:page-layout-name="pm1" style:next-style-name="Standard">%s</style:master-page>
<style:master-page style:name="Standard" style:page-layout-name="pm1">%s%s%s%s</style:master-page>`,
				firstFooter,
				hf("header", endSide, sym), hf("header-left", startSide, sym),
				hf("footer", "HF", ends(job, pageNM)), hf("footer-left", "HF", ends(pageNM, job)))
		default:
			log.Fatalf("furniture %q", L.Furniture)
		}
	}

	// body
	var B strings.Builder
	b := func(f string, x ...any) { fmt.Fprintf(&B, f, x...) }
	ref := func(n int) string {
		return fmt.Sprintf(`<text:note text:id="ftn%d" text:note-class="footnote"><text:note-citation>%d</text:note-citation><text:note-body><text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>`,
			n, n, html.EscapeString(d.Notes[n-1]))
	}
	tp := func(style, content string) { b("<text:p text:style-name=\"%s\">%s</text:p>\n", style, content) }
	i := 0
	if L.Masthead && mastBodyIdx >= 0 {
		b(`<table:table table:name="Masthead" table:style-name="Mast"><table:table-column table:style-name="Mast.A"/><table:table-column table:style-name="Mast.B"/>
<table:table-row><table:table-cell table:style-name="Mast.C" office:value-type="string">
`)
		for ; i < mastN; i++ {
			st := "MastLine"
			if i == 0 {
				st = "MastSymbol"
			}
			tp(st, inline(d.Paras[i].Text, ref))
		}
		b("</table:table-cell><table:table-cell table:style-name=\"Mast.C\" office:value-type=\"string\">\n")
		tp("MastBody", inline(d.Paras[i].Text, ref))
		i++
		b("</table:table-cell></table:table-row></table:table>\n")
	}
	inList, inSub, inSect := false, false, false
	closeList := func() {
		if inSub {
			b("</text:list></text:list-item>\n")
			inSub = false
		} else if inList {
			b("</text:list-item>\n")
		}
		if inList {
			b("</text:list>\n")
			inList = false
		}
	}
	for ; i < len(d.Paras); i++ {
		p := d.Paras[i]
		if L.Cols > 1 && !inSect && p.Kind == KOpener {
			b("<text:section text:style-name=\"Sect2\" text:name=\"Body\">\n")
			inSect = true
		}
		style := map[Kind]string{KHeader: "Header", KTitle: "Title", KOpener: "Opener", KPP: "Preamble", KOP: "Operative", KSub: "SubPara", KText: "Text"}[p.Kind]
		switch {
		case i == 0:
			style = "P1"
		case L.Masthead && i == mastN+btoi(mastBodyIdx >= 0):
			style = "MastRule"
		}
		if L.Autonum && (p.Kind == KOP || p.Kind == KSub) {
			if p.Kind == KOP {
				if inSub {
					b("</text:list></text:list-item>\n")
					inSub = false
				} else if inList {
					b("</text:list-item>\n")
				}
				if !inList {
					b("<text:list text:style-name=\"Num\">\n")
					inList = true
				}
				b("<text:list-item>")
			} else if !inSub {
				b("<text:list>\n")
				inSub = true
			}
			if p.Kind == KSub {
				b("<text:list-item>")
			}
			tp(style, inline(p.Body, ref))
			if p.Kind == KSub {
				b("</text:list-item>\n")
			}
			continue
		}
		if L.Autonum {
			closeList()
		}
		content := inline(p.Text, ref)
		if L.Hanging && p.Label != "" {
			content = html.EscapeString(p.Label) + "<text:tab/>" + inline(p.Body, ref)
		}
		tp(style, content)
	}
	closeList()
	if inSect {
		b("</text:section>\n")
	}

	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>` + sym + `</dc:title><dc:language>` + d.Lang + `</dc:language></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Noto Serif" svg:font-family="&apos;Noto Serif&apos;" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="WenQuanYi Micro Hei" svg:font-family="&apos;WenQuanYi Micro Hei&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="Noto Naskh Arabic" svg:font-family="&apos;Noto Naskh Arabic&apos;" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
` + S.String() + `<style:style style:name="Bar" style:family="text"><style:text-properties style:font-name="Noto Serif" fo:font-size="13pt" fo:letter-spacing="0.08cm" style:font-size-complex="13pt"/></style:style>
</office:styles>
<office:automatic-styles>
` + A.String() + `</office:automatic-styles>
<office:master-styles>
` + M.String() + `
</office:master-styles>
<office:body><office:text>
` + B.String() + `</office:text></office:body></office:document>
`
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// opLabelParts returns the prefix and suffix of the operative labels of d
// ("" and "." for "1.", "" and " -" for Arabic "1 -", "" and "．").
func opLabelParts(d *Doc) (string, string) {
	for _, p := range d.Paras {
		if p.Kind == KOP {
			return "", strings.TrimLeft(p.Label, "0123456789")
		}
	}
	return "", "."
}

func listStyle(d *Doc, L Layout) string {
	_, suf := opLabelParts(d)
	subFmt := map[string]string{"ru": "а, б, .., аа, аб, ... (ru)", "ar": "أ, ب, ت, ..."}[d.Lang]
	if subFmt == "" {
		subFmt = "a"
	}
	st := L.step()
	lvl := func(n int, prefix, suffix, format string) string {
		return fmt.Sprintf(`<text:list-level-style-number text:level="%d" style:num-prefix="%s" style:num-suffix="%s" style:num-format="%s">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="%s" fo:text-indent="%s" fo:margin-left="%s"/>
  </style:list-level-properties>
 </text:list-level-style-number>
`, n, html.EscapeString(prefix), html.EscapeString(suffix), format, cm(float64(n)*st), cm(-st), cm(float64(n)*st))
	}
	return `<text:list-style style:name="Num">
 ` + lvl(1, "", suf, "1") + lvl(2, "(", ")", subFmt) + `</text:list-style>
`
}

// ---------------------------------------------------------------------------
// HTML (the html producer, and the input of chromium-pdf)
// ---------------------------------------------------------------------------

func htmlFont(lang string) string {
	switch lang {
	case "zh":
		// WenQuanYi Micro Hei is TrueType: Chromium subsets it. Noto Serif
		// CJK (CFF) would be embedded as Type 3 glyphs.
		return `"WenQuanYi Micro Hei", "Noto Serif", sans-serif`
	case "ar":
		return `"Noto Naskh Arabic", "Noto Serif", serif`
	}
	return `"Noto Serif", serif`
}

func htmlDoc(d *Doc, L Layout) string {
	g := L.geom()
	start, end := "left", "right"
	if d.RTL {
		start, end = "right", "left"
	}
	align := "start"
	if L.Justify {
		align = "justify"
	}
	st := L.step()
	var C strings.Builder // CSS
	c := func(f string, x ...any) { fmt.Fprintf(&C, f, x...) }
	size := "A4"
	if L.Paper == "Letter" {
		size = "letter"
	}
	q := func(s string) string { return strconv.Quote(s) }
	hf := "font-family: " + htmlFont(d.Lang) + "; font-size: 8.5pt; direction: ltr;"
	c("@page { size: %s; margin: %s %s %s %s; }\n", size, cm(g.top+0.8), cm(g.side), cm(g.bottom+0.8), cm(g.side))
	if L.Furniture == "none" {
		C.Reset()
		c("@page { size: %s; margin: %s %s; }\n", size, cm(g.top), cm(g.side))
	}
	bar := "font-family: \"Noto Serif\", serif; font-size: 13pt; letter-spacing: 0.08cm; direction: ltr;"
	switch L.Furniture {
	case "pagenum":
		c("@page { @bottom-center { content: counter(page); %s } }\n", hf)
	case "pagenum+sym":
		c("@page { @bottom-center { content: counter(page); %s } @top-%s { content: %s; %s } }\n", hf, start, q(d.Symbol), hf)
		c("@page :first { @top-%s { content: none; } }\n", start)
	case "sym-nm":
		c("@page { @bottom-center { content: counter(page) \"/\" counter(pages); %s } @top-%s { content: %s; %s } }\n", hf, end, q(d.Symbol), hf)
		c("@page :first { @top-%s { content: none; } }\n", end)
	case "un":
		c("@page { @top-%s { content: %s; %s } @bottom-%s { content: %s; %s } @bottom-%s { content: counter(page); %s } }\n", start, q(d.Symbol), hf, start, q(d.Job), hf, end, hf)
		c("@page :first { @top-%s { content: none; } @bottom-%s { content: %s; %s } }\n", start, end, q(d.Bar), bar)
	case "un-alt":
		// odd (right) pages: symbol at the right; even (left) pages: at the
		// left. Mirrored for Arabic (first page is a right page in CSS).
		c("@page :right { @top-right { content: %s; %s } @bottom-left { content: %s; %s } @bottom-right { content: counter(page) \"/\" counter(pages); %s } }\n", q(d.Symbol), hf, q(d.Job), hf, hf)
		c("@page :left { @top-left { content: %s; %s } @bottom-right { content: %s; %s } @bottom-left { content: counter(page) \"/\" counter(pages); %s } }\n", q(d.Symbol), hf, q(d.Job), hf, hf)
		c("@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-%s { content: %s; %s } @bottom-%s { content: %s; %s } }\n", start, q(d.Job), hf, end, q(d.Bar), bar)
	}
	c("html { font-family: %s; font-size: %s; line-height: 1.3; }\n", htmlFont(d.Lang), pt(L.Pt))
	if d.RTL {
		c("html { font-size: %s; }\n", pt(L.Pt+1))
	}
	c("body { margin: 0; }\n")
	c("p { margin: 0 0 %s 0; text-align: %s; orphans: 2; widows: 2; }\n", pt(L.after(d)), align)
	c("p.hdr { text-align: start; } p.sym { text-align: end; font-weight: bold; font-size: %s; margin-bottom: 0.2cm; }\n", pt(L.Pt+1))
	c("p.title { font-weight: bold; font-size: %s; margin: 0.2cm 0 0.3cm 0; text-align: start; break-after: avoid; }\n", pt(L.Pt+1))
	c("p.opener { break-after: avoid; }\n")
	ind := cm(L.ppIndent(d))
	switch L.Indent {
	case "all":
		c("p { text-indent: %s; }\n", ind)
	case "pp":
		c("p.pp, p.opener { text-indent: %s; }\n", ind)
	}
	if L.Hanging {
		c("p.op { padding-inline-start: %s; text-indent: %s; }\n", cm(st), cm(-st))
		c("p.sub { padding-inline-start: %s; text-indent: %s; }\n", cm(2*st), cm(-st))
		c("span.num { display: inline-block; min-width: %s; text-indent: 0; }\n", cm(st))
	}
	if L.Autonum {
		_, suf := opLabelParts(d)
		subSyms := map[string]string{"ru": "\"а\" \"б\" \"в\" \"г\" \"д\" \"е\" \"ж\" \"з\"", "ar": "\"أ\" \"ب\" \"ج\" \"د\" \"هـ\" \"و\" \"ز\" \"ح\""}[d.Lang]
		if subSyms == "" {
			subSyms = "\"a\" \"b\" \"c\" \"d\" \"e\" \"f\" \"g\" \"h\""
		}
		c("@counter-style op { system: extends decimal; suffix: %s; }\n", q(suf+" "))
		c("@counter-style sub { system: fixed; symbols: %s; prefix: \"(\"; suffix: \") \"; }\n", subSyms)
		c("ol.ops { list-style: op; margin: 0; padding-inline-start: %s; }\n", cm(st))
		c("ol.subs { list-style: sub; margin: 0; padding-inline-start: %s; }\n", cm(st))
		c("ol.ops > li, ol.subs > li { text-align: %s; margin: 0 0 %s 0; }\n", align, pt(L.after(d)))
		c("ol.ops > li > ol.subs { margin-top: %s; }\n", pt(L.after(d)))
	}
	if L.Cols > 1 {
		c("div.cols { column-count: %d; column-gap: 0.6cm; }\n", L.Cols)
	}
	if L.Masthead {
		c(`header.masthead { display: grid; grid-template-columns: 1fr 7cm; align-items: baseline; border-bottom: 1.5pt solid black; padding-bottom: 0.15cm; margin-bottom: 0.25cm; }
header.masthead p { margin: 0; text-align: start; text-indent: 0; }
header.masthead p.msym { grid-column: 2; font-size: 16pt; font-weight: bold; line-height: 22pt; margin-bottom: 0.1cm; }
header.masthead p.mline { grid-column: 2; font-size: 9.5pt; }
header.masthead p.mbody { grid-column: 1; grid-row: 1; font-size: 16pt; font-weight: bold; line-height: 22pt; }
`)
	}
	np := pt(L.notePt())
	c("sup { font-size: 0.65em; line-height: 0; } sup a, .footnotes a { color: inherit; text-decoration: none; }\n")
	c(".footnotes { font-size: %s; margin-top: 12pt; border-top: 0.5pt solid black; padding-top: 4pt; }\n", np)
	c(".footnotes ol { margin: 0; padding-inline-start: 0.6cm; } .footnotes li, .footnotes p { margin: 0 0 2pt 0; text-align: %s; text-indent: 0; }\n", align)
	c(".footnotes hr { display: none; }\n")

	// body
	var B strings.Builder
	b := func(f string, x ...any) { fmt.Fprintf(&B, f, x...) }
	ref := func(n int) string {
		return fmt.Sprintf(`<sup><a href="#fn%d" id="fnref%d" role="doc-noteref">%d</a></sup>`, n, n, n)
	}
	label := func(p Para) string {
		if p.Label == "" {
			return inline(p.Text, ref)
		}
		switch L.HTMLLabel {
		case "nbsp":
			if p.Body != p.Text[len(p.Label):] { // a space follows the label
				return html.EscapeString(p.Label) + "&nbsp;" + inline(p.Body, ref)
			}
		case "span":
			sep := p.Text[len(p.Label) : len(p.Text)-len(p.Body)]
			return `<span class="num">` + html.EscapeString(p.Label) + html.EscapeString(sep) + `</span>` + inline(p.Body, ref)
		}
		return inline(p.Text, ref)
	}
	i := 0
	if L.Masthead {
		b("<header class=\"masthead\">\n")
		row := 1
		for ; i < len(d.Paras) && d.Paras[i].Role != ""; i++ {
			p := d.Paras[i]
			switch {
			case i == 0:
				b("<p class=\"msym\" style=\"grid-row: 1\">%s</p>\n", inline(p.Text, ref))
			case p.Role == "body":
				b("<p class=\"mbody\">%s</p>\n", inline(p.Text, ref))
			default:
				row++
				b("<p class=\"mline\" style=\"grid-row: %d\">%s</p>\n", row, inline(p.Text, ref))
			}
		}
		b("</header>\n")
	}
	inList, inSub, inCols := false, false, false
	closeList := func() {
		if inSub {
			b("</ol></li>\n")
			inSub = false
		} else if inList {
			b("</li>\n")
		}
		if inList {
			b("</ol>\n")
			inList = false
		}
	}
	for ; i < len(d.Paras); i++ {
		p := d.Paras[i]
		if L.Cols > 1 && !inCols && p.Kind == KOpener {
			b("<div class=\"cols\">\n")
			inCols = true
		}
		class := map[Kind]string{KHeader: "hdr", KTitle: "title", KOpener: "opener", KPP: "pp", KOP: "op", KSub: "sub", KText: "text"}[p.Kind]
		if i == 0 {
			class = "hdr sym"
		}
		if L.Autonum && (p.Kind == KOP || p.Kind == KSub) {
			if p.Kind == KOP {
				if inSub {
					b("</ol></li>\n")
					inSub = false
				} else if inList {
					b("</li>\n")
				}
				if !inList {
					b("<ol class=\"ops\">\n")
					inList = true
				}
				b("<li>%s", inline(p.Body, ref))
			} else {
				if !inSub {
					b("\n<ol class=\"subs\" type=\"a\">\n")
					inSub = true
				}
				b("<li>%s</li>\n", inline(p.Body, ref))
			}
			continue
		}
		if L.Autonum {
			closeList()
		}
		b("<p class=\"%s\">%s</p>\n", class, label(p))
	}
	closeList()
	if inCols {
		b("</div>\n")
	}
	if len(d.Notes) > 0 {
		switch L.HTMLNotes {
		case "section":
			b("<section class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n")
			for k, t := range d.Notes {
				b("<li id=\"fn%d\"><p>%s <a href=\"#fnref%d\" role=\"doc-backlink\">↩︎</a></p></li>\n", k+1, html.EscapeString(t), k+1)
			}
			b("</ol>\n</section>\n")
		case "aside":
			b("<aside class=\"footnotes\">\n")
			for k, t := range d.Notes {
				b("<p id=\"fn%d\"><a href=\"#fnref%d\">%d</a> %s</p>\n", k+1, k+1, k+1, html.EscapeString(t))
			}
			b("</aside>\n")
		case "div":
			b("<div class=\"footnotes\">\n<ol>\n")
			for k, t := range d.Notes {
				b("<li id=\"fn%d\">%s <a href=\"#fnref%d\" class=\"footnote-back\">↩</a></li>\n", k+1, html.EscapeString(t), k+1)
			}
			b("</ol>\n</div>\n")
		}
	}
	dir := "ltr"
	if d.RTL {
		dir = "rtl"
	}
	hl := d.Lang
	if hl == "zh" {
		hl = "zh-Hans"
	}
	return `<!DOCTYPE html>
<html lang="` + hl + `" dir="` + dir + `">
<head>
<meta charset="utf-8">
<title>` + html.EscapeString(d.Symbol) + `</title>
<style>
` + C.String() + `</style>
</head>
<body>
<main>
` + B.String() + `</main>
</body>
</html>
`
}

// ---------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------

type item struct {
	d     *Doc
	L     Layout
	prods []string // producers that lay out this document in this layout
}

func (it item) has(prod string) bool {
	for _, p := range it.prods {
		if p == prod {
			return true
		}
	}
	return false
}

// assign picks the documents of each (layout, language) cell: one UNPC
// composite (rotating over the three) and one other document (rotating
// over the language's documents that fill two pages in the layout, else
// the next UNPC composite). All four producers lay out both, except that
// the PDF producers lay out only one of the two for Arabic and Chinese
// (alternately the first and the second), to keep the corpus small:
// Chinese and Arabic PDFs are two to three times the size of the others.
func assign(docs []*Doc) []item {
	var items []item
	for li, L := range layouts {
		for _, lang := range langs {
			var unpc, other []*Doc
			for _, d := range docs {
				if d.Lang != lang {
					continue
				}
				if strings.HasPrefix(d.Base, "unpc-") {
					unpc = append(unpc, d)
				} else if shortOK(d, L) {
					other = append(other, d)
				}
			}
			a := unpc[li%len(unpc)]
			b := unpc[(li+1)%len(unpc)]
			if len(other) > 0 {
				b = other[li%len(other)]
			}
			pa, pb := producers, producers
			if lang == "ar" || lang == "zh" {
				if li%2 == 0 {
					pb = []string{"lo-docx", "html"}
				} else {
					pa = []string{"lo-docx", "html"}
				}
			}
			items = append(items, item{a, L, pa}, item{b, L, pb})
		}
	}
	return items
}

// shortOK reports whether a short document (a founding text or
// res55-100) fills at least two pages in layout L (checked by the page
// report at the end of a run).
func shortOK(d *Doc, L Layout) bool {
	switch {
	case L.Cols > 1:
		return d.Lang != "zh" && d.Lang != "ar"
	case d.Lang == "zh" && d.Base == "res55-100":
		return L.Pt >= 11.5
	case d.Lang == "zh":
		return L.Pt >= 11
	case d.Lang == "ar":
		return L.Pt >= 10.5
	}
	return true
}

func outPath(prod string, it item) string {
	ext := map[string]string{"lo-pdf": "pdf", "lo-docx": "docx", "chromium-pdf": "pdf", "html": "html"}[prod]
	return filepath.Join(prod, it.L.Name, it.d.Name+"."+ext)
}

func selected(list string, name string) bool {
	if list == "" {
		return true
	}
	for _, x := range strings.Split(list, ",") {
		if x == name {
			return true
		}
	}
	return false
}

func generate(docs []*Doc) {
	items := assign(docs)
	tmp, err := os.MkdirTemp("", "layout-gen")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	work := tmp
	if *flagKeep != "" {
		work = *flagKeep
	}
	profile := "file://" + filepath.Join(tmp, "lo-profile")

	byLayout := map[string][]item{}
	for _, it := range items {
		if selected(*flagLayouts, it.L.Name) {
			byLayout[it.L.Name] = append(byLayout[it.L.Name], it)
		}
	}
	want := func(it item, prod string) bool { return it.has(prod) && selected(*flagProducers, prod) }
	full := *flagLayouts == "" && *flagProducers == ""
	if full {
		// a full run rewrites every producer directory
		for _, prod := range producers {
			must(os.RemoveAll(filepath.Join(base, prod)))
		}
	}
	// FODT and HTML
	for _, L := range layouts {
		its := byLayout[L.Name]
		if len(its) == 0 {
			continue
		}
		dir := filepath.Join(work, "fodt", L.Name)
		dirDocx := filepath.Join(work, "fodt-docx", L.Name)
		must(os.MkdirAll(dir, 0o755))
		must(os.MkdirAll(dirDocx, 0o755))
		for _, it := range its {
			must(os.WriteFile(filepath.Join(dir, it.d.Name+".fodt"), []byte(fodt(it.d, it.L, false)), 0o644))
			must(os.WriteFile(filepath.Join(dirDocx, it.d.Name+".fodt"), []byte(fodt(it.d, it.L, true)), 0o644))
			if want(it, "html") || want(it, "chromium-pdf") {
				p := filepath.Join(base, outPath("html", it))
				must(os.MkdirAll(filepath.Dir(p), 0o755))
				must(os.WriteFile(p, []byte(htmlDoc(it.d, it.L)), 0o644))
			}
		}
	}
	// LibreOffice: one soffice run per layout and format
	for _, f := range []struct{ prod, filter, ext, fodt string }{{"lo-pdf", "pdf:writer_pdf_Export", "pdf", "fodt"}, {"lo-docx", "docx:MS Word 2007 XML", "docx", "fodt-docx"}} {
		if !selected(*flagProducers, f.prod) {
			continue
		}
		for _, L := range layouts {
			var its []item
			for _, it := range byLayout[L.Name] {
				if want(it, f.prod) {
					its = append(its, it)
				}
			}
			if len(its) == 0 {
				continue
			}
			in := filepath.Join(work, f.fodt, L.Name)
			out := filepath.Join(base, f.prod, L.Name)
			must(os.MkdirAll(out, 0o755))
			args := []string{"-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", f.filter, "--outdir", out}
			for _, it := range its {
				args = append(args, filepath.Join(in, it.d.Name+".fodt"))
			}
			run("soffice", args...)
			for _, it := range its {
				if _, err := os.Stat(filepath.Join(out, it.d.Name+"."+f.ext)); err != nil {
					log.Fatalf("soffice did not write %s", filepath.Join(out, it.d.Name+"."+f.ext))
				}
			}
			fmt.Printf("%s/%s: %d files\n", f.prod, L.Name, len(its))
		}
	}
	// Chromium
	if selected(*flagProducers, "chromium-pdf") {
		var wg sync.WaitGroup
		ch := make(chan item)
		for k := 0; k < *flagJobs; k++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for it := range ch {
					chromium(it, tmp)
				}
			}()
		}
		for _, L := range layouts {
			for _, it := range byLayout[L.Name] {
				if want(it, "chromium-pdf") {
					ch <- it
				}
			}
		}
		close(ch)
		wg.Wait()
		fmt.Println("chromium-pdf: done")
	}
	if full {
		writeManifest(items)
	}
	report(items)
}

func chromium(it item, tmp string) {
	in, err := filepath.Abs(filepath.Join(base, outPath("html", it)))
	must(err)
	out, err := filepath.Abs(filepath.Join(base, outPath("chromium-pdf", it)))
	must(err)
	must(os.MkdirAll(filepath.Dir(out), 0o755))
	ud, err := os.MkdirTemp(tmp, "chromium")
	must(err)
	defer os.RemoveAll(ud)
	cmd := exec.Command("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+ud, "--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("chromium %s: %v\n%s", in, err, stderr.String())
	}
	if _, err := os.Stat(out); err != nil {
		log.Fatalf("chromium did not write %s\n%s", out, stderr.String())
	}
}

func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s: %v\n%s", name, err, out.String())
	}
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

const manifestHeader = "file\tsource\tproducer\tlayout\tlang\tvoted"

// manifest returns the rows of manifest.tsv (sorted, without the header)
// and the reading-order variants of the sources they name (path -> text).
func manifest(items []item) ([]string, map[string]string) {
	var rows []string
	variants := map[string]string{}
	for _, it := range items {
		for _, prod := range it.prods {
			src, text := sourceFor(it, prod)
			if text != "" {
				variants[src] = text
			}
			rows = append(rows, strings.Join([]string{outPath(prod, it), src, prod, it.L.Name, it.d.Lang, it.d.Voted}, "\t"))
		}
	}
	sort.Strings(rows)
	return rows, variants
}

// writeManifest writes manifest.tsv and the reading-order variants of the
// sources (src/*.masthead-pdf.txt), and removes variants no row names.
func writeManifest(items []item) {
	rows, variants := manifest(items)
	old, err := filepath.Glob(filepath.Join(base, "src", "*"+mastheadPDF+".txt"))
	must(err)
	for _, f := range old {
		rel, _ := filepath.Rel(base, f)
		if _, ok := variants[filepath.ToSlash(rel)]; !ok {
			must(os.Remove(f))
			fmt.Println("removed", f)
		}
	}
	var paths []string
	for p := range variants {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		must(os.WriteFile(filepath.Join(base, p), []byte(variants[p]), 0o644))
	}
	must(os.WriteFile(filepath.Join(base, "manifest.tsv"), []byte(manifestHeader+"\n"+strings.Join(rows, "\n")+"\n"), 0o644))
	fmt.Printf("wrote %s/manifest.tsv (%d files) and %d source variants\n", base, len(rows), len(paths))
}

// report prints the page count of every PDF and warns about one-page ones.
func report(items []item) {
	short := 0
	hist := map[int]int{}
	for _, it := range items {
		for _, prod := range []string{"lo-pdf", "chromium-pdf"} {
			if !it.has(prod) {
				continue
			}
			p := filepath.Join(base, outPath(prod, it))
			if _, err := os.Stat(p); err != nil {
				continue
			}
			n := pages(p)
			if n < 2 {
				short++
				fmt.Printf("WARNING: %s has %d page(s)\n", p, n)
			}
			hist[n]++
			if *flagVerbose {
				fmt.Printf("pages\t%d\t%s\n", n, p)
			}
		}
	}
	var ks []int
	for k := range hist {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	for _, k := range ks {
		fmt.Printf("%d PDFs with %d pages\n", hist[k], k)
	}
	if short > 0 {
		fmt.Printf("%d PDFs with fewer than 2 pages\n", short)
	}
}

func pages(path string) int {
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		log.Fatalf("pdfinfo %s: %v", path, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		log.Fatalf("pdfinfo %s: no page count", path)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// ---------------------------------------------------------------------------
// Check (-check)
// ---------------------------------------------------------------------------

// check verifies that the manifest lists exactly the files present, that
// no LibreOffice lock file or stray image is left, and that the text of
// every file (pdftotext for PDF, w:t runs for DOCX, the markup stripped for
// HTML) contains every source paragraph: each run of up to 10 characters
// (6 for Chinese) of a paragraph, with white space removed and the
// footnote references cut out, must be found in order; footnote texts
// likewise. Arabic PDF text is compared by letter counts instead, because
// the word order of extracted right-to-left lines is not reliable.
func check(docs []*Doc) {
	bySrc := map[string]*Doc{}
	for _, d := range docs {
		bySrc[d.Src] = d
	}
	items := assign(docs)
	for _, it := range items {
		for _, prod := range it.prods {
			if src, text := sourceFor(it, prod); text != "" {
				bySrc[src] = reordered(it.d, readingOrder(it.d, it.L, prod), src)
			}
		}
	}
	data, err := os.ReadFile(filepath.Join(base, "manifest.tsv"))
	must(err)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if lines[0] != manifestHeader {
		log.Fatalf("manifest header %q", lines[0])
	}
	listed := map[string]bool{}
	bad := 0
	complain := func(f string, x ...any) {
		bad++
		fmt.Printf(f+"\n", x...)
	}
	// the manifest and the source variants are what the generator writes
	rows, variants := manifest(items)
	if strings.Join(rows, "\n") != strings.Join(lines[1:], "\n") {
		complain("manifest.tsv differs from the generator's (run -manifest)")
	}
	for p, text := range variants {
		if got, err := os.ReadFile(filepath.Join(base, p)); err != nil || string(got) != text {
			complain("%s is missing or out of date (run -manifest)", p)
		}
	}
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 6 {
			log.Fatalf("manifest row %q", l)
		}
		listed[f[0]] = true
		d := bySrc[f[1]]
		if d == nil {
			complain("%s: unknown source %s", f[0], f[1])
			continue
		}
		if d.Lang != f[4] || d.Voted != f[5] || !strings.HasPrefix(f[0], f[2]+"/"+f[3]+"/") {
			complain("%s: inconsistent row %q", f[0], l)
		}
		if _, err := os.Stat(filepath.Join(base, f[5])); err != nil {
			complain("%s: voted source %s missing", f[0], f[5])
		}
		var L Layout
		for _, x := range layouts {
			if x.Name == f[3] {
				L = x
			}
		}
		text, err := extractText(filepath.Join(base, f[0]))
		if err != nil {
			complain("%s: %v", f[0], err)
			continue
		}
		for _, m := range verify(d, L, f[2], text) {
			complain("%s: %s", f[0], m)
		}
		if f[2] == "lo-docx" || f[2] == "html" {
			for _, m := range verifyOrder(d, L, f[2], filepath.Join(base, f[0])) {
				complain("%s: %s", f[0], m)
			}
		}
		if f[2] == "lo-docx" {
			for _, m := range verifyDocx(d, L, filepath.Join(base, f[0])) {
				complain("%s: %s", f[0], m)
			}
		}
	}
	must(filepath.Walk(base, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(base, p)
		switch {
		case strings.HasPrefix(info.Name(), ".~lock"):
			complain("lock file %s", rel)
		case strings.HasSuffix(rel, ".png"):
			complain("stray image %s", rel)
		case strings.HasSuffix(rel, mastheadPDF+".txt") && variants[filepath.ToSlash(rel)] == "":
			complain("%s: a source variant no row names", rel)
		case strings.HasPrefix(rel, "src/") || strings.HasPrefix(rel, "gen/") || rel == "manifest.tsv" || rel == "README.md":
		case !listed[rel]:
			complain("%s is not in the manifest", rel)
		}
		return nil
	}))
	var keys []string
	for k := range outOfOrder {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s: %d files complete but extracted out of source order\n", k, outOfOrder[k])
	}
	fmt.Printf("checked %d files: %d problems\n", len(lines)-1, bad)
	if bad > 0 {
		os.Exit(1)
	}
}

func extractText(path string) (string, error) {
	switch filepath.Ext(path) {
	case ".pdf":
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		return string(out), err
	case ".docx":
		z, err := zip.OpenReader(path)
		if err != nil {
			return "", err
		}
		defer z.Close()
		var b strings.Builder
		for _, name := range []string{"word/document.xml", "word/footnotes.xml"} {
			for _, f := range z.File {
				if f.Name != name {
					continue
				}
				r, err := f.Open()
				if err != nil {
					return "", err
				}
				var x bytes.Buffer
				_, err = x.ReadFrom(r)
				r.Close()
				if err != nil {
					return "", err
				}
				s := regexp.MustCompile(`<w:tab/>|</w:p>`).ReplaceAllString(x.String(), " ")
				// only the text of w:t elements
				for _, m := range regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>| `).FindAllStringSubmatch(s, -1) {
					b.WriteString(html.UnescapeString(m[1]) + " ")
				}
			}
		}
		return b.String(), nil
	case ".html":
		data, err := os.ReadFile(path)
		if err != nil {
			return "", err
		}
		s := regexp.MustCompile(`(?s)<style>.*?</style>|<title>.*?</title>`).ReplaceAllString(string(data), " ")
		s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, " ")
		return html.UnescapeString(s), nil
	}
	return "", fmt.Errorf("unknown file type")
}

// zipFiles returns the named members of a zip file (missing ones are
// empty).
func zipFiles(path string, names ...string) (map[string]string, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	out := map[string]string{}
	for _, f := range z.File {
		for _, n := range names {
			if f.Name != n {
				continue
			}
			r, err := f.Open()
			if err != nil {
				return nil, err
			}
			var x bytes.Buffer
			_, err = x.ReadFrom(r)
			r.Close()
			if err != nil {
				return nil, err
			}
			out[n] = x.String()
		}
	}
	return out, nil
}

var (
	reWP      = regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>`)
	reWT      = regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`)
	reWNote   = regexp.MustCompile(`(?s)<w:footnote( [^>]*)?>.*?</w:footnote>`)
	reRel     = regexp.MustCompile(`<Relationship [^>]*>`)
	reBlock   = regexp.MustCompile(`</?(p|li|ol|header|div|section|aside|hr|main)\b[^>]*>`)
	reTag     = regexp.MustCompile(`<[^>]*>`)
	reSup     = regexp.MustCompile(`(?s)<sup>.*?</sup>`)
	reLink    = regexp.MustCompile(`(?s)<a [^>]*>.*?</a>`)
	reHTMLFtn = regexp.MustCompile(`<(section|aside|div) class="footnotes"`)
)

// wText returns the text of the w:t elements of an OOXML fragment.
func wText(x string) string {
	var b strings.Builder
	for _, m := range reWT.FindAllStringSubmatch(x, -1) {
		b.WriteString(html.UnescapeString(m[1]))
	}
	return b.String()
}

// docxParas returns the paragraphs of a DOCX in document order, squeezed:
// the w:p elements of word/document.xml (table cells included), then those
// of the notes in word/footnotes.xml. Empty ones are left out.
func docxParas(path string) ([]string, error) {
	parts, err := zipFiles(path, "word/document.xml", "word/footnotes.xml")
	if err != nil {
		return nil, err
	}
	var out []string
	add := func(x string) {
		for _, p := range reWP.FindAllString(x, -1) {
			if t := squeeze(wText(p)); t != "" {
				out = append(out, t)
			}
		}
	}
	add(parts["word/document.xml"])
	for _, m := range reWNote.FindAllStringSubmatch(parts["word/footnotes.xml"], -1) {
		if !strings.Contains(m[1], "w:type=") { // not a separator
			add(m[0])
		}
	}
	return out, nil
}

// htmlParas returns the blocks of an HTML page in document order,
// squeezed: the text between block tags (p, li, ol, header, div, …), with
// the note references (sup) and, in the notes, the links (back-links and
// marks) left out. Empty ones are left out.
func htmlParas(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := string(data)
	if k := strings.Index(s, "<main>"); k >= 0 {
		s = s[k:]
	}
	s = reSup.ReplaceAllString(s, "")
	if loc := reHTMLFtn.FindStringIndex(s); loc != nil {
		s = s[:loc[0]] + reLink.ReplaceAllString(s[loc[0]:], "")
	}
	var out []string
	for _, chunk := range reBlock.Split(s, -1) {
		if t := squeeze(html.UnescapeString(reTag.ReplaceAllString(chunk, ""))); t != "" {
			out = append(out, t)
		}
	}
	return out, nil
}

// verifyOrder checks that the paragraphs of a DOCX or an HTML page, in
// document order, are the paragraphs of its source, one element each, in
// the same order: no paragraph split in two, none moved. White space is
// ignored; where automatic numbering prints the labels, they are left
// out.
func verifyOrder(d *Doc, L Layout, prod, path string) []string {
	var want []string
	for _, p := range d.Paras {
		t := p.Text
		if L.Autonum && (p.Kind == KOP || p.Kind == KSub) {
			t = p.Body
		}
		want = append(want, squeeze(reRef.ReplaceAllString(t, "")))
	}
	for _, n := range d.Notes {
		want = append(want, squeeze(n))
	}
	var got []string
	var err error
	if prod == "lo-docx" {
		got, err = docxParas(path)
	} else {
		got, err = htmlParas(path)
	}
	if err != nil {
		return []string{err.Error()}
	}
	for i := 0; i < len(want) || i < len(got); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			return []string{fmt.Sprintf("document order: element %d is %.50q, the source has %.50q (%d elements, %d source paragraphs)", i+1, g, w, len(got), len(want))}
		}
	}
	return nil
}

// verifyDocx checks the sections of a LibreOffice DOCX: one section (the
// body's final w:sectPr) and no section break in a paragraph, except the
// continuous breaks around the columns of a multi-column layout, which sit
// in empty paragraphs; and where page 1 has its own furniture, w:titlePg
// with an empty first-page header and a first-page footer (job number and
// barcode in the UN layouts).
func verifyDocx(d *Doc, L Layout, path string) []string {
	parts, err := zipFiles(path, "word/document.xml", "word/_rels/document.xml.rels")
	if err != nil {
		return []string{err.Error()}
	}
	doc := parts["word/document.xml"]
	var problems []string
	for k, p := range reWP.FindAllString(doc, -1) {
		if !strings.Contains(p, "<w:sectPr") {
			continue
		}
		if t := wText(p); L.Cols <= 1 || t != "" {
			problems = append(problems, fmt.Sprintf("section break in paragraph %d %.40q", k+1, t))
		}
	}
	i := strings.Index(doc, "<w:headerReference")
	if j := strings.Index(doc, "<w:footerReference"); i < 0 || (j >= 0 && j < i) {
		i = j
	}
	if i < 0 {
		if L.Furniture != "none" {
			problems = append(problems, "no header or footer")
		}
		return problems
	}
	sect := doc[i:]
	sect = sect[:strings.Index(sect, "</w:sectPr>")]
	if !L.hasFirst() {
		if strings.Contains(sect, "<w:titlePg/>") {
			problems = append(problems, "w:titlePg in a layout without a first page of its own")
		}
		return problems
	}
	if !strings.Contains(sect, "<w:titlePg/>") {
		problems = append(problems, "no w:titlePg")
	}
	target := map[string]string{}
	for _, r := range reRel.FindAllString(parts["word/_rels/document.xml.rels"], -1) {
		id := regexp.MustCompile(`Id="([^"]*)"`).FindStringSubmatch(r)
		t := regexp.MustCompile(`Target="([^"]*)"`).FindStringSubmatch(r)
		if id != nil && t != nil {
			target[id[1]] = "word/" + t[1]
		}
	}
	// part returns the text and the XML of the first-page header or footer
	part := func(kind string) (string, string, bool) {
		m := regexp.MustCompile(`<w:` + kind + `Reference w:type="first" r:id="([^"]*)"/>`).FindStringSubmatch(sect)
		if m == nil || target[m[1]] == "" {
			return "", "", false
		}
		x, err := zipFiles(path, target[m[1]])
		if err != nil {
			return "", "", false
		}
		return wText(x[target[m[1]]]), x[target[m[1]]], true
	}
	if t, _, ok := part("header"); ok && squeeze(t) != "" {
		problems = append(problems, fmt.Sprintf("first-page header not empty: %q", t))
	}
	t, x, ok := part("footer")
	switch {
	case !ok:
		problems = append(problems, "no first-page footer")
	case strings.HasPrefix(L.Furniture, "un") && (!strings.Contains(squeeze(t), squeeze(d.Job)) || !strings.Contains(t, d.Bar)):
		problems = append(problems, fmt.Sprintf("first-page footer %q lacks the job number %s or the barcode %s", t, d.Job, d.Bar))
	case !strings.HasPrefix(L.Furniture, "un") && !strings.Contains(x, " PAGE "):
		problems = append(problems, "first-page footer without the page number")
	}
	return problems
}

func squeeze(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		// white space, marks, bidi controls, tatweel; and hyphens, because
		// pdftotext joins a line ending in a hyphen to the next without it
		if unicode.IsSpace(r) || r == '\u00a0' || unicode.Is(unicode.Mn, r) || r == 0x200f || r == 0x200e || r == 0x640 || r == '-' || r == '\u2010' || r == '\u00ad' {
			return -1
		}
		return r
	}, s)
}

// outOfOrder counts, per producer/layout, the files whose text is complete
// but whose extracted text (pdftotext) is not in source order.
var outOfOrder = map[string]int{}

func verify(d *Doc, L Layout, prod, text string) []string {
	var problems []string
	noLabels := L.Autonum && (prod == "lo-docx" || prod == "html")
	// labels are looked for on their own: a label in its own box (an
	// inline-block in HTML, a list label) may be extracted apart from its
	// text.
	var paras []string
	for _, p := range d.Paras {
		if p.Label != "" {
			if !noLabels {
				paras = append(paras, p.Label)
			}
			paras = append(paras, p.Body)
			continue
		}
		paras = append(paras, p.Text)
	}
	paras = append(paras, d.Notes...)
	if d.Lang == "ar" && strings.HasSuffix(prod, "pdf") {
		have := map[rune]int{}
		for _, r := range squeeze(text) {
			have[r]++
		}
		need := map[rune]int{}
		for _, p := range paras {
			for _, r := range squeeze(reRef.ReplaceAllString(p, "")) {
				if unicode.IsLetter(r) {
					need[r]++
				}
			}
		}
		for r, n := range need {
			if have[r] < n {
				problems = append(problems, fmt.Sprintf("letter %q: %d in the source, %d in the text", r, n, have[r]))
			}
		}
		return problems
	}
	hay := squeeze(text)
	// find looks for piece at or after pos; a piece of Chinese that is not
	// found whole is looked for in halves (it may straddle a page break,
	// with a running header or footnotes in between), down to two
	// characters.
	var find func(piece string, pos int) int
	find = func(piece string, pos int) int {
		var k int
		if pos < 0 {
			k = strings.Index(hay, piece)
		} else if k = strings.Index(hay[pos:], piece); k >= 0 {
			k += pos
		}
		if k >= 0 {
			return k + len(piece)
		}
		rs := []rune(piece)
		if d.Lang != "zh" || len(rs) < 4 {
			return -1
		}
		if end := find(string(rs[:len(rs)/2]), pos); end >= 0 {
			return find(string(rs[len(rs)/2:]), end)
		}
		return -1
	}
	var ordered []string
	for _, p := range paras {
		pos := -1
		for _, seg := range reRef.Split(p, -1) {
			// words, or runs of 6 characters for Chinese
			var pieces []string
			if d.Lang == "zh" {
				rs := []rune(squeeze(seg))
				for i := 0; i < len(rs); i += 6 {
					pieces = append(pieces, string(rs[i:min(i+6, len(rs))]))
				}
			} else {
				for _, w := range strings.Fields(seg) {
					if w = squeeze(w); w != "" {
						pieces = append(pieces, w)
					}
				}
			}
			for _, piece := range pieces {
				end := find(piece, pos)
				if end < 0 {
					ordered = append(ordered, fmt.Sprintf("not found in order: %q in paragraph %.40q", piece, p))
					break
				}
				pos = end
			}
		}
	}
	if len(ordered) == 0 {
		return nil
	}
	// Out of order (pdftotext does not always follow columns or justified
	// lines): then every word (Chinese: character) of the source must at
	// least occur as often in the text.
	count := func(s string) map[string]int {
		m := map[string]int{}
		if d.Lang == "zh" {
			for _, r := range squeeze(s) {
				m[string(r)]++
			}
			return m
		}
		s = strings.NewReplacer("-", "", "\u2010", "", "\u00ad", "").Replace(norm.NFKC.String(s))
		// runs of letters and runs of digits
		class := func(r rune) int {
			switch {
			case unicode.IsLetter(r):
				return 1
			case unicode.IsDigit(r):
				return 2
			}
			return 0
		}
		var w []rune
		for _, r := range s + " " {
			if len(w) > 0 && class(r) != class(w[0]) {
				m[string(w)]++
				w = w[:0]
			}
			if class(r) != 0 {
				w = append(w, r)
			}
		}
		return m
	}
	have := count(text)
	need := count(reRef.ReplaceAllString(strings.Join(paras, "\n"), " "))
	// a word hyphenated at a page break is extracted in two pieces
	split := func(w string) bool {
		rs := []rune(w)
		for k := 1; k < len(rs); k++ {
			if have[string(rs[:k])] > 0 && have[string(rs[k:])] > 0 {
				return true
			}
		}
		return false
	}
	for w, n := range need {
		if have[w] < n && !(have[w] == n-1 && split(w)) {
			problems = append(problems, fmt.Sprintf("%q: %d in the source, %d in the text", w, n, have[w]))
		}
	}
	if len(problems) == 0 {
		outOfOrder[prod+"/"+L.Name]++
		if *flagVerbose {
			fmt.Printf("%s %s %s: text complete, not in source order: %s\n", prod, L.Name, d.Name, ordered[0])
		}
	} else {
		problems = append(ordered[:1], problems...)
	}
	return problems
}
