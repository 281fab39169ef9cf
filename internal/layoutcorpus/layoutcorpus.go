// Package layoutcorpus reads the layout corpus in testdata/layout: PDF,
// DOCX and HTML files made by LibreOffice and Chromium from source texts,
// in every layout UN documents come in, with the source text of each as
// the truth of its paragraphs. It serves the tests and benchmarks of the
// readers; the command never uses it.
//
// A source text has one paragraph per line and a blank line between
// paragraphs. A footnote reference is written [^1] right after the
// character it follows; the notes are the last paragraphs, "[^1]: text".
package layoutcorpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"unicode"

	"github.com/driftcheck/driftcheck/extract"
	"golang.org/x/text/unicode/norm"
)

// Dir returns testdata/layout of the module.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "layout")
}

// Entry is one generated file of the corpus.
type Entry struct {
	File     string // path of the generated file
	Source   string // path of its source text
	Producer string // lo-pdf, lo-docx, chromium-pdf, html
	Layout   string // plain, hanging, two-column, …
	Lang     string
	Voted    string // path of the source of the English version
}

// Cell names the producer × layout × language cell of the entry.
func (e Entry) Cell() string { return e.Producer + " " + e.Layout + " " + e.Lang }

// Manifest reads dir/manifest.tsv. Paths in the entries are joined to dir.
func Manifest(dir string) ([]Entry, error) {
	f, err := os.Open(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Entry
	sc := bufio.NewScanner(f)
	var cols map[string]int
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if cols == nil {
			cols = map[string]int{}
			for i, c := range fs {
				cols[c] = i
			}
			for _, c := range []string{"file", "source", "producer", "layout", "lang", "voted"} {
				if _, ok := cols[c]; !ok {
					return nil, fmt.Errorf("manifest.tsv: no column %q", c)
				}
			}
			continue
		}
		get := func(c string) string {
			if i := cols[c]; i < len(fs) {
				return fs[i]
			}
			return ""
		}
		e := Entry{
			File: filepath.Join(dir, get("file")), Source: filepath.Join(dir, get("source")),
			Producer: get("producer"), Layout: get("layout"), Lang: get("lang"), Voted: filepath.Join(dir, get("voted")),
		}
		if get("file") == "" || get("source") == "" || e.Lang == "" {
			return nil, fmt.Errorf("manifest.tsv: line %d: missing field", n)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

var (
	reRef  = regexp.MustCompile(`\[\^([^\]\s]{1,8})\]`)
	reNote = regexp.MustCompile(`^\[\^([^\]\s]{1,8})\]:\s*`)
)

// Truth reads a source text as the paragraphs a reader must recover: the
// body without the reference marks, then the notes (Note set, Mark the
// mark, Text without it).
func Truth(path string) ([]extract.Paragraph, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var body, notes []extract.Paragraph
	for _, p := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			continue
		}
		if m := reNote.FindStringSubmatch(p); m != nil {
			notes = append(notes, extract.Paragraph{Text: p[len(m[0]):], Note: true, Mark: m[1]})
			continue
		}
		body = append(body, extract.Paragraph{Text: reRef.ReplaceAllString(p, "")})
	}
	if len(body) == 0 {
		return nil, fmt.Errorf("%s: no paragraphs", path)
	}
	return append(body, notes...), nil
}

// Marks returns the reference marks of the source's body paragraphs, in
// order.
func Marks(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if reNote.MatchString(line) {
			continue
		}
		for _, m := range reRef.FindAllStringSubmatch(line, -1) {
			out = append(out, m[1])
		}
	}
	return out, nil
}

// Norm is the form in which a recovered paragraph must equal its source:
// white space collapsed to single spaces, no space next to a Chinese
// character (the gaps a layout puts between 2018 and 年 are not words), and
// no Arabic tatweel (U+0640: justification, which a PDF reader cannot tell
// from the text's own and which no word depends on), and marks in
// canonical order (NFC: a shadda written before or after the kasra under
// it is the same letter), and the tanween fath of an Arabic word ending in
// alef on the letter before the alef (أبدًا and أبداً are one spelling
// drawn alike; texts write both).
func Norm(s string) string {
	s = strings.ReplaceAll(s, "\u0640", "")
	s = strings.ReplaceAll(s, "\u0627\u064B", "\u064B\u0627")
	f := strings.Fields(norm.NFC.String(s))
	var b strings.Builder
	for i, w := range f {
		if i > 0 {
			prev := []rune(f[i-1])
			next := []rune(w)
			if !(isHan(prev[len(prev)-1]) || isHan(next[0])) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}
