package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CSVHeader is the first row of the CSV report.
var CSVHeader = []string{
	"severity", "kind", "message",
	"final_path", "final_lang", "final_para", "final_line", "final_column", "final_term", "final_concept",
	"voted_path", "voted_lang", "voted_para", "voted_line", "voted_column", "voted_term", "voted_concept",
	"group", "voted_numbers", "final_numbers", "score", "fingerprint",
}

// CSV writes one row per finding, with a header row, for spreadsheets.
func CSV(w io.Writer, in Input) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, f := range in.Findings {
		row := []string{
			f.Severity.String(), f.Kind, f.Message,
			f.Final.Path, f.Final.Lang, f.Final.Para, num(f.Final.Line), num(f.Final.Col), f.FinalTerm, f.FinalConcept,
			f.Voted.Path, f.Voted.Lang, f.Voted.Para, num(f.Voted.Line), num(f.Voted.Col), f.VotedTerm, f.VotedConcept,
			f.Group, strings.Join(f.VotedNumbers, " "), strings.Join(f.FinalNumbers, " "),
			strconv.FormatFloat(f.Score, 'f', 3, 64), f.Fingerprint,
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Line writes one line per finding, "path:line:col: severity kind: message",
// located in the final file (the voted file when the final has no place),
// for editors and grep.
func Line(w io.Writer, in Input) error {
	bw := &errWriter{w: w}
	for _, f := range in.Findings {
		l := f.Final
		if l.Line == 0 {
			l = f.Voted
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", l.Path, l.Line, l.Col, f.Severity, f.Kind, oneLine(f.Message))
	}
	return bw.err
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
