package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// CSVHeader is the first row of the CSV report.
var CSVHeader = []string{
	"severity", "kind", "message",
	"final_path", "final_lang", "final_para", "final_line", "final_column", "final_term", "final_concept",
	"voted_path", "voted_lang", "voted_para", "voted_line", "voted_column", "voted_term", "voted_concept",
	"group", "voted_numbers", "final_numbers", "score", "fingerprint",
	"final_page", "voted_page",
}

// InputErrorKind is the kind of the CSV row or line that names an input
// that could not be read.
const InputErrorKind = "input-unreadable"

// BOM is the UTF-8 byte order mark that --csv-bom writes before the CSV
// report: without it Excel reads a CSV file in the ANSI code page of the
// machine, and the Chinese, Arabic and Russian terms come out garbled.
const BOM = "\ufeff"

// CSV writes one row per finding, with a header row, for spreadsheets.
func CSV(w io.Writer, in Input) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, r := range rows(in) {
		row := make([]string, len(r))
		for i, v := range r {
			switch v := v.(type) {
			case string:
				row[i] = v
			case int:
				if v != 0 {
					row[i] = strconv.Itoa(v)
				}
			case float64:
				row[i] = strconv.FormatFloat(v, 'f', 3, 64)
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// rows returns the rows of the CSV and XLSX reports under CSVHeader: one a
// finding, then one an input that could not be read. A cell is a string,
// an int (a line, column or page: 0 for none) or the score, a float64.
func rows(in Input) [][]any {
	out := make([][]any, 0, len(in.Findings)+len(in.Errors))
	for _, f := range in.Findings {
		out = append(out, []any{
			f.Severity.String(), string(f.Kind), f.Message,
			f.Final.Path, f.Final.Lang, f.Final.Para, f.Final.Line, f.Final.Col, f.FinalTerm, f.FinalConcept,
			f.Voted.Path, f.Voted.Lang, f.Voted.Para, f.Voted.Line, f.Voted.Col, f.VotedTerm, f.VotedConcept,
			f.Group, strings.Join(f.VotedNumbers, " "), strings.Join(f.FinalNumbers, " "),
			f.Score, f.Fingerprint,
			f.Final.Page, f.Voted.Page,
		})
	}
	// An input that could not be read is a row of its own, so that a
	// spreadsheet of the results never passes for a clean run.
	for _, e := range in.Errors {
		row := make([]any, len(CSVHeader))
		for i := range row {
			row[i] = ""
		}
		row[0], row[1], row[2], row[3] = "error", InputErrorKind, oneLine(e.Error)+" (not checked)", e.Path
		out = append(out, row)
	}
	return out
}

// Line writes one line per finding, "path:line:col: severity kind: message",
// located in the final file (the voted file when the final has no line,
// or no paragraph: one missing from it), for editors and grep. When
// neither file has lines (PDF, Word), the line is "path: page N, PARA: ..."
// or "path: PARA: ...". Control characters are written as escapes (see
// visible), so that each finding is one line.
func Line(w io.Writer, in Input) error {
	bw := &errWriter{w: w}
	for _, e := range in.Errors {
		fmt.Fprintf(bw, "%s: error %s: %s (not checked)\n", visible(e.Path), InputErrorKind, visible(oneLine(e.Error)))
	}
	for _, f := range in.Findings {
		l := f.Final
		if l.Line == 0 && f.Voted.Line > 0 || l.Path == "" || l.Para == "" && f.Voted.Para != "" {
			l = f.Voted
		}
		path, para, msg := visible(l.Path), visible(l.Para), visible(oneLine(f.Message))
		switch {
		case l.Line > 0:
			fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", path, l.Line, l.Col, f.Severity, f.Kind, msg)
		case l.Page > 0:
			fmt.Fprintf(bw, "%s: page %d, %s: %s %s: %s\n", path, l.Page, para, f.Severity, f.Kind, msg)
		default:
			fmt.Fprintf(bw, "%s: %s: %s %s: %s\n", path, para, f.Severity, f.Kind, msg)
		}
	}
	return bw.err
}

// visible writes the control characters of s (C0, DEL, C1) and the line
// and paragraph separators as Go escapes (\x1b, \u2028): a path, an id or
// a message of the line format stays on its line and sends nothing to a
// terminal.
func visible(s string) string {
	if !strings.ContainsFunc(s, invisible) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !invisible(r):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func invisible(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
