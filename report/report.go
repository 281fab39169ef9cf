// Package report writes findings for people (text) and for machines (JSON),
// each to an io.Writer.
//
// Report formats; it never decides what is a finding.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/driftcheck/driftcheck/diff"
	"github.com/driftcheck/driftcheck/drift"
)

// Doc describes one input document in a report.
type Doc struct {
	Path   string `json:"path"`
	Lang   string `json:"lang"`
	Symbol string `json:"symbol,omitempty"`
}

// Input is everything a report shows.
type Input struct {
	Voted  Doc
	Finals []Doc
	// Findings to show, already filtered to the report level.
	Findings []drift.Finding
	// Level is the lowest severity shown; FailOn the lowest that fails.
	Level, FailOn drift.Severity
	// Hidden counts findings below Level, by severity.
	Hidden map[drift.Severity]int
	// Suppressed counts findings left out because a baseline holds them.
	Suppressed int
	// View holds the paragraphs and alignments (HTML report only).
	View *View
	// ParaOrder lists the voted paragraph ids in document order; the text
	// report of several finals groups findings by paragraph in this order.
	ParaOrder []string
	// Errors are the inputs that could not be read, and so were not
	// checked: every report says so, so that a report read alone (an
	// uploaded SARIF log, a saved page) never passes for a clean one.
	Errors []InputError
	// Warnings are said at the top of the report (a damaged PDF read
	// anyway, a language the script contradicts).
	Warnings []string
	// Root is the absolute directory the SARIF and GitLab reports make
	// paths relative to (SARIF's %SRCROOT%, the repository's root in CI);
	// "" leaves paths as given.
	Root string
}

// InputError is an input that could not be read.
type InputError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// Formats lists the report formats, for help and errors.
var Formats = []string{"text", "json", "html", "sarif", "csv", "xlsx", "line", "gitlab", "junit"}

// Write writes the report in the named format.
func Write(w io.Writer, format string, in Input, opt Options) error {
	switch format {
	case "text":
		return Text(w, in, opt)
	case "json":
		return JSON(w, in)
	case "html":
		return HTML(w, in)
	case "sarif":
		return SARIF(w, in)
	case "csv":
		if opt.BOM {
			if _, err := io.WriteString(w, BOM); err != nil {
				return err
			}
		}
		return CSV(w, in)
	case "xlsx":
		return XLSX(w, in)
	case "line":
		return Line(w, in)
	case "gitlab":
		return GitLab(w, in)
	case "junit":
		return JUnit(w, in)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Options for the text and CSV reports.
type Options struct {
	Color bool // text: ANSI colour (only on a terminal, never with NO_COLOR)
	BOM   bool // csv: start with a UTF-8 byte order mark (BOM), for Excel
}

// SchemaVersion is the version of the JSON report schema.
const SchemaVersion = 1

// JSON schema types; see README "JSON report".
type jsonReport struct {
	Schema   int           `json:"schema_version"`
	Voted    Doc           `json:"voted"`
	Finals   []Doc         `json:"finals"`
	Level    string        `json:"level"`
	FailOn   string        `json:"fail_on"`
	Summary  jsonSummary   `json:"summary"`
	Findings []JSONFinding `json:"findings"`
	// Errors lists the inputs that could not be read (never null).
	Errors   []InputError `json:"errors"`
	Warnings []string     `json:"warnings,omitempty"`
}

type jsonSummary struct {
	Findings   int            `json:"findings"`
	BySeverity map[string]int `json:"by_severity"`
	ByKind     map[string]int `json:"by_kind"`
	Hidden     map[string]int `json:"hidden"`
	Suppressed int            `json:"suppressed_by_baseline"`
	Failed     bool           `json:"failed"`
}

type jsonSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

type jsonLoc struct {
	Path   string    `json:"path"`
	Lang   string    `json:"lang"`
	Para   *string   `json:"para"`
	Text   string    `json:"text"`
	Span   *jsonSpan `json:"span"`
	Line   int       `json:"line,omitempty"`
	Column int       `json:"column,omitempty"`
	Page   int       `json:"page,omitempty"`
}

// JSONFinding is one finding of the JSON report.
type JSONFinding struct {
	Kind         string       `json:"kind"`
	Severity     string       `json:"severity"`
	Message      string       `json:"message"`
	Voted        jsonLoc      `json:"voted"`
	Final        jsonLoc      `json:"final"`
	VotedTerm    *string      `json:"voted_term,omitempty"`
	FinalTerm    *string      `json:"final_term,omitempty"`
	VotedConcept *string      `json:"voted_concept,omitempty"`
	FinalConcept *string      `json:"final_concept,omitempty"`
	Group        string       `json:"group,omitempty"`
	VotedNumbers []string     `json:"voted_numbers,omitempty"`
	FinalNumbers []string     `json:"final_numbers,omitempty"`
	Score        float64      `json:"score"`
	Fingerprint  string       `json:"fingerprint,omitempty"`
	Changes      []jsonChange `json:"changes,omitempty"`
}

// jsonChange is one operation of a same-language diff: voted[start:end]
// became final[start:end] (byte offsets into each side's paragraph text).
type jsonChange struct {
	Op        string   `json:"op"`
	Editorial bool     `json:"editorial"`
	Voted     jsonSpan `json:"voted"`
	Final     jsonSpan `json:"final"`
	VotedText string   `json:"voted_text"`
	FinalText string   `json:"final_text"`
}

func changes(f drift.Finding) []jsonChange {
	var out []jsonChange
	for _, op := range diff.Changes(f.Ops) {
		out = append(out, jsonChange{
			Op: op.Kind.String(), Editorial: op.Editorial,
			Voted: jsonSpan{op.A0, op.A1}, Final: jsonSpan{op.B0, op.B1},
			VotedText: f.Voted.Text[op.A0:op.A1], FinalText: f.Final.Text[op.B0:op.B1],
		})
	}
	return out
}

func loc(l drift.Loc) jsonLoc {
	j := jsonLoc{Path: l.Path, Lang: l.Lang, Text: l.Text, Line: l.Line, Column: l.Col, Page: l.Page}
	if l.Para != "" {
		p := l.Para
		j.Para = &p
	}
	if l.Start >= 0 && l.End >= l.Start && l.Para != "" {
		j.Span = &jsonSpan{l.Start, l.End}
	}
	return j
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Failed reports whether any finding reaches fail.
func Failed(fs []drift.Finding, fail drift.Severity) bool {
	for _, f := range fs {
		if f.Severity >= fail {
			return true
		}
	}
	return false
}

// JSONFindings converts findings to the objects of the JSON report's
// "findings" array (schema in the README).
func JSONFindings(fs []drift.Finding) []JSONFinding {
	out := make([]JSONFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, JSONFinding{
			Kind: string(f.Kind), Severity: f.Severity.String(), Message: f.Message,
			Voted: loc(f.Voted), Final: loc(f.Final),
			VotedTerm: strp(f.VotedTerm), FinalTerm: strp(f.FinalTerm),
			VotedConcept: strp(f.VotedConcept), FinalConcept: strp(f.FinalConcept),
			Group: f.Group, VotedNumbers: f.VotedNumbers, FinalNumbers: f.FinalNumbers,
			Score: f.Score, Changes: changes(f), Fingerprint: f.Fingerprint,
		})
	}
	return out
}

// JSON writes the report as one JSON object (schema in the README).
func JSON(w io.Writer, in Input) error {
	r := jsonReport{
		Schema: SchemaVersion, Voted: in.Voted, Finals: in.Finals,
		Level: in.Level.String(), FailOn: in.FailOn.String(),
		Findings: []JSONFinding{},
		Summary: jsonSummary{
			Findings:   len(in.Findings),
			BySeverity: map[string]int{"error": 0, "warning": 0, "info": 0},
			ByKind:     map[string]int{},
			Hidden:     map[string]int{},
			Suppressed: in.Suppressed,
			Failed:     Failed(in.Findings, in.FailOn),
		},
	}
	if r.Finals == nil {
		r.Finals = []Doc{}
	}
	r.Errors, r.Warnings = in.Errors, in.Warnings
	if r.Errors == nil {
		r.Errors = []InputError{}
	}
	for s, n := range in.Hidden {
		r.Summary.Hidden[s.String()] = n
	}
	for _, f := range in.Findings {
		r.Summary.BySeverity[f.Severity.String()]++
		r.Summary.ByKind[string(f.Kind)]++
	}
	// The findings are written one by one, not encoded with the rest: a
	// report of 100,000 findings would otherwise be built whole in memory,
	// twice over. The bytes are the same as encoding r with its findings.
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return err
	}
	const slot = "\n  \"findings\": [],\n"
	i := bytes.Index(head.Bytes(), []byte(slot))
	if i < 0 || len(in.Findings) == 0 {
		_, err := w.Write(head.Bytes())
		return err
	}
	bw := &errWriter{w: w}
	bw.Write(head.Bytes()[:i])
	io.WriteString(bw, "\n  \"findings\": [\n")
	var one bytes.Buffer
	fenc := json.NewEncoder(&one)
	fenc.SetIndent("    ", "  ")
	fenc.SetEscapeHTML(false)
	for k := range in.Findings {
		one.Reset()
		if err := fenc.Encode(JSONFindings(in.Findings[k : k+1])[0]); err != nil {
			return err
		}
		io.WriteString(bw, "    ")
		bw.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
		if k < len(in.Findings)-1 {
			io.WriteString(bw, ",")
		}
		io.WriteString(bw, "\n")
		if bw.err != nil {
			return bw.err
		}
	}
	io.WriteString(bw, "  ],\n")
	bw.Write(head.Bytes()[i+len(slot):])
	return bw.err
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

func sevColor(s drift.Severity) string {
	switch s {
	case drift.Error:
		return ansiRed
	case drift.Warning:
		return ansiYellow
	}
	return ansiCyan
}

type group struct {
	final     string
	votedPara string
	finalPara string
	fs        []drift.Finding
}

// Text writes the findings for people: one section per final text, one
// block per paragraph with both texts shown once, the evidence marked
// (⟦…⟧ without colour, coloured on a terminal), then a summary line. The
// marks are not guillemets, which French, Spanish and Russian texts use.
func Text(w io.Writer, in Input, opt Options) error {
	if err := textProblems(w, in, opt); err != nil {
		return err
	}
	if len(in.Finals) > 1 {
		return textByParagraph(w, in, opt)
	}
	bw := &errWriter{w: w}
	c := func(code, s string) string {
		if !opt.Color {
			return s
		}
		return code + s + ansiReset
	}
	byFinal := map[string][]*group{}
	// A finding's group, by final and paragraphs: found in a map, not by a
	// scan of the final's groups (quadratic in a long text's findings).
	type groupKey struct{ final, votedPara, finalPara string }
	groups := map[groupKey]*group{}
	var order []string
	for _, f := range in.Findings {
		fp := f.Final.Path
		if _, ok := byFinal[fp]; !ok {
			order = append(order, fp)
		}
		k := groupKey{fp, f.Voted.Para, f.Final.Para}
		g := groups[k]
		if g == nil {
			g = &group{final: fp, votedPara: f.Voted.Para, finalPara: f.Final.Para}
			groups[k] = g
			byFinal[fp] = append(byFinal[fp], g)
		}
		g.fs = append(g.fs, f)
	}
	for _, d := range in.Finals {
		fmt.Fprintf(bw, "%s\n", c(ansiBold, fmt.Sprintf("%s [%s] against voted %s [%s]", d.Path, d.Lang, in.Voted.Path, in.Voted.Lang)))
		gs := byFinal[d.Path]
		if len(gs) == 0 {
			fmt.Fprintf(bw, "  no findings at or above %s\n\n", in.Level)
			continue
		}
		for _, g := range gs {
			head := g.votedPara
			switch {
			case head == "":
				head = "(none) ↔ " + g.finalPara
			case g.finalPara == "":
				head += " ↔ (none)"
			case g.finalPara != head:
				head += " ↔ " + g.finalPara
			}
			line := c(ansiBold, head)
			if s := scoreString(g.fs[0]); s != "" {
				line += "  " + c(ansiDim, s)
			}
			fmt.Fprintf(bw, "\n%s\n", line)
			for _, f := range g.fs {
				fmt.Fprintf(bw, "  %s %s: %s\n", c(sevColor(f.Severity), fmt.Sprintf("%-7s", f.Severity)), f.Kind, f.Message)
			}
			f0 := g.fs[0]
			var ops *drift.Finding
			for k := range g.fs {
				if len(g.fs[k].Ops) > 0 {
					ops = &g.fs[k]
				}
			}
			if ops != nil {
				fmt.Fprintf(bw, "  diff  %s → %s  %s\n", c(ansiDim, posString(ops.Voted)), c(ansiDim, posString(ops.Final)), inlineDiff(ops.Voted.Text, ops.Final.Text, ops.Ops, opt.Color))
				continue
			}
			if f0.Voted.Para != "" {
				fmt.Fprintf(bw, "  voted %s  %s\n", c(ansiDim, posString(f0.Voted)), markSpans(f0.Voted.Text, spans(g.fs, true), opt.Color))
			}
			if f0.Final.Para != "" {
				fmt.Fprintf(bw, "  final %s  %s\n", c(ansiDim, posString(f0.Final)), markSpans(f0.Final.Text, spans(g.fs, false), opt.Color))
			}
		}
		fmt.Fprintln(bw)
	}
	writeTotals(bw, in)
	return bw.err
}

// isPair reports whether f is about a pair of paragraphs (both sides
// named), and so has the score of their pairing.
func isPair(f drift.Finding) bool { return f.Voted.Para != "" && f.Final.Para != "" }

// scoreString is the score of the pairing of f, as the text and HTML
// reports write it ("score 0.93"), or "" for a finding not about a pair.
func scoreString(f drift.Finding) string {
	if !isPair(f) {
		return ""
	}
	return fmt.Sprintf("score %.2f", f.Score)
}

// withScore is ", score 0.93" for a finding about a pair, else "".
func withScore(f drift.Finding) string {
	if s := scoreString(f); s != "" {
		return ", " + s
	}
	return ""
}

func writeTotals(bw *errWriter, in Input) {
	counts := map[drift.Severity]int{}
	for _, f := range in.Findings {
		counts[f.Severity]++
	}
	fmt.Fprintf(bw, "%d finding(s): %d error, %d warning, %d info", len(in.Findings), counts[drift.Error], counts[drift.Warning], counts[drift.Info])
	if n := in.Hidden[drift.Info] + in.Hidden[drift.Warning] + in.Hidden[drift.Error]; n > 0 {
		fmt.Fprintf(bw, " (%d below %s not shown)", n, in.Level)
	}
	if in.Suppressed > 0 {
		fmt.Fprintf(bw, " (%d suppressed by the baseline)", in.Suppressed)
	}
	fmt.Fprintln(bw)
}

// textByParagraph writes the report of several finals: one block per voted
// paragraph with the findings of every language under it, then a paragraph
// × language matrix.
// textProblems says at the top of a text report which inputs could not be
// read, and the warnings about the others.
func textProblems(w io.Writer, in Input, opt Options) error {
	if len(in.Errors) == 0 && len(in.Warnings) == 0 {
		return nil
	}
	bw := &errWriter{w: w}
	head := func(s string) string {
		if opt.Color {
			return ansiRed + ansiBold + s + ansiReset
		}
		return s
	}
	if n := len(in.Errors); n > 0 {
		fmt.Fprintf(bw, "%s\n", head(fmt.Sprintf("NOT CHECKED: %d input(s) could not be read", n)))
		for _, e := range in.Errors {
			fmt.Fprintf(bw, "  %s: %s\n", e.Path, oneLine(e.Error))
		}
	}
	for _, m := range in.Warnings {
		fmt.Fprintf(bw, "warning: %s\n", oneLine(m))
	}
	fmt.Fprintln(bw)
	return bw.err
}

func textByParagraph(w io.Writer, in Input, opt Options) error {
	bw := &errWriter{w: w}
	c := func(code, s string) string {
		if !opt.Color {
			return s
		}
		return code + s + ansiReset
	}
	var langs []string
	for _, d := range in.Finals {
		langs = append(langs, fmt.Sprintf("%s [%s]", d.Path, d.Lang))
	}
	fmt.Fprintf(bw, "%s\n", c(ansiBold, fmt.Sprintf("voted %s [%s] against %s", in.Voted.Path, in.Voted.Lang, strings.Join(langs, ", "))))

	// Group keys: a voted paragraph id, or "+id [lang]" for a paragraph a
	// final added, placed after the voted paragraph it follows.
	type block struct {
		key string
		fs  []drift.Finding
	}
	blocks := map[string]*block{}
	after := map[string][]string{} // voted id → added keys following it
	for _, f := range in.Findings {
		key := f.Voted.Para
		if key == "" {
			key = fmt.Sprintf("+%s [%s]", f.Final.Para, f.Final.Lang)
			if blocks[key] == nil {
				after[f.After] = append(after[f.After], key)
			}
		}
		if blocks[key] == nil {
			blocks[key] = &block{key: key}
		}
		blocks[key].fs = append(blocks[key].fs, f)
	}
	var order []string
	order = append(order, after[""]...)
	seen := map[string]bool{}
	for _, id := range in.ParaOrder {
		order = append(order, id)
		order = append(order, after[id]...)
		seen[id] = true
	}
	for _, f := range in.Findings { // paragraphs not in ParaOrder
		if f.Voted.Para != "" && !seen[f.Voted.Para] {
			seen[f.Voted.Para] = true
			order = append(order, f.Voted.Para)
			order = append(order, after[f.Voted.Para]...)
		}
	}
	var shown []string
	for _, key := range order {
		b := blocks[key]
		if b == nil {
			continue
		}
		shown = append(shown, key)
		fmt.Fprintf(bw, "\n%s\n", c(ansiBold, key))
		if f0 := b.fs[0]; f0.Voted.Para != "" {
			var all []span
			for _, f := range b.fs {
				if len(f.Ops) == 0 {
					all = append(all, spans([]drift.Finding{f}, true)...)
				}
			}
			sort.Slice(all, func(i, j int) bool { return all[i].start < all[j].start })
			fmt.Fprintf(bw, "  voted %s  %s\n", c(ansiDim, posString(f0.Voted)), markSpans(f0.Voted.Text, all, opt.Color))
		}
		for _, d := range in.Finals {
			var fs []drift.Finding
			for _, f := range b.fs {
				if f.Final.Path == d.Path {
					fs = append(fs, f)
				}
			}
			if len(fs) == 0 {
				continue
			}
			for _, f := range fs {
				fmt.Fprintf(bw, "  [%s] %s %s: %s\n", d.Lang, c(sevColor(f.Severity), fmt.Sprintf("%-7s", f.Severity)), f.Kind, f.Message)
			}
			var ops *drift.Finding
			for k := range fs {
				if len(fs[k].Ops) > 0 {
					ops = &fs[k]
				}
			}
			switch {
			case ops != nil:
				fmt.Fprintf(bw, "       diff  %s  %s\n", c(ansiDim, posString(ops.Final)+withScore(*ops)), inlineDiff(ops.Voted.Text, ops.Final.Text, ops.Ops, opt.Color))
			case fs[0].Final.Para != "":
				fmt.Fprintf(bw, "       final %s  %s\n", c(ansiDim, posString(fs[0].Final)+withScore(fs[0])), markSpans(fs[0].Final.Text, spans(fs, false), opt.Color))
			}
		}
	}
	if len(shown) > 0 {
		fmt.Fprintf(bw, "\n%s\n", c(ansiBold, "paragraph × language (E error, W warning, I info)"))
		width := 9
		for _, k := range shown {
			if n := len([]rune(k)) + 2; n > width {
				width = n
			}
		}
		fmt.Fprintf(bw, "  %-*s", width, "")
		for _, d := range in.Finals {
			fmt.Fprintf(bw, " %-6s", d.Lang)
		}
		fmt.Fprintln(bw)
		for _, key := range shown {
			fmt.Fprintf(bw, "  %-*s", width, key)
			for _, d := range in.Finals {
				n := map[drift.Severity]int{}
				for _, f := range blocks[key].fs {
					if f.Final.Path == d.Path {
						n[f.Severity]++
					}
				}
				cell := ""
				for _, sv := range []drift.Severity{drift.Error, drift.Warning, drift.Info} {
					if n[sv] > 0 {
						cell += fmt.Sprintf("%s%d", strings.ToUpper(sv.String()[:1]), n[sv])
					}
				}
				if cell == "" {
					cell = "-"
				}
				fmt.Fprintf(bw, " %-6s", cell)
			}
			fmt.Fprintln(bw)
		}
	} else {
		fmt.Fprintf(bw, "  no findings at or above %s\n", in.Level)
	}
	fmt.Fprintln(bw)
	writeTotals(bw, in)
	return bw.err
}

func posString(l drift.Loc) string {
	s := filepath.Base(l.Path)
	if l.Line > 0 {
		s += fmt.Sprintf(":%d", l.Line)
	} else if l.Page > 0 {
		s += fmt.Sprintf(" p.%d", l.Page)
	}
	return s
}

type span struct {
	start, end int
	sev        drift.Severity
}

func spans(fs []drift.Finding, voted bool) []span {
	var out []span
	for _, f := range fs {
		l := f.Final
		if voted {
			l = f.Voted
		}
		if l.Start >= 0 && l.End > l.Start && l.End <= len(l.Text) {
			out = append(out, span{l.Start, l.End, f.Severity})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// The marks around evidence in the text report without colour: brackets
// of mathematics, which no UN text uses (guillemets are French, Spanish
// and Russian quotation marks).
const markOpen, markClose = "⟦", "⟧"

// markSpans returns text with the spans marked, dropping spans that overlap an
// earlier one.
func markSpans(text string, sp []span, color bool) string {
	var b strings.Builder
	pos := 0
	for _, s := range sp {
		if s.start < pos {
			continue
		}
		b.WriteString(text[pos:s.start])
		if color {
			b.WriteString(ansiBold + sevColor(s.sev) + text[s.start:s.end] + ansiReset)
		} else {
			b.WriteString(markOpen + text[s.start:s.end] + markClose)
		}
		pos = s.end
	}
	b.WriteString(text[pos:])
	return b.String()
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

const (
	ansiDel = "\x1b[31;9m" // red, struck through
	ansiIns = "\x1b[32;4m" // green, underlined
)

// inlineDiff renders the final text with the changes marked in place:
// [-old-]{+new+} without colour, struck-through red and underlined green
// with colour. Editorial changes are marked like the others.
func inlineDiff(a, b string, ops []diff.Op, color bool) string {
	var sb strings.Builder
	wrap := func(code, open, close string) func(string) {
		return func(s string) {
			switch {
			case s == "":
			case color:
				sb.WriteString(code + s + ansiReset)
			default:
				sb.WriteString(open + s + close)
			}
		}
	}
	del, ins := wrap(ansiDel, "[-", "-]"), wrap(ansiIns, "{+", "+}")
	if len(ops) > 0 {
		// The label before the diffed body (a paragraph number).
		if pa, pb := a[:ops[0].A0], b[:ops[0].B0]; pa == pb {
			sb.WriteString(pa)
		} else {
			del(pa)
			ins(pb)
		}
	}
	for _, op := range ops {
		if op.Kind == diff.Equal {
			sb.WriteString(a[op.A0:op.A1])
			continue
		}
		del(a[op.A0:op.A1])
		ins(b[op.B0:op.B1])
	}
	return sb.String()
}
