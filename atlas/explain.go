package atlas

import (
	"bufio"
	"io"
	"strconv"
)

// ExplainHeader is the header of Explain's output.
const ExplainHeader = "source\tsymbol\tyear\tbody\tpara\tfinal_para\tvoted_concept\tfinal_concept\n"

// Explain writes, tab-separated under ExplainHeader, every rendering in
// lang whose voted or final concept is concept, with the result line it
// came from (part file:line): the lines behind each count of the atlas
// about concept and lang. It returns how many it wrote. It reads every
// line (no store): the lines are the evidence.
func Explain(w io.Writer, inputs []*Input, concept, lang string) (int, error) {
	bw := bufio.NewWriter(w)
	bw.WriteString(ExplainHeader)
	n := 0
	for _, in := range inputs {
		err := EachLine(in.Parts, func(l *Line, file string, line int) error {
			year, body := l.YearBody()
			for _, r := range l.Renderings {
				if r.Lang != lang || r.VotedConcept != concept && r.FinalConcept != concept {
					continue
				}
				y := ""
				if year != 0 {
					y = strconv.Itoa(year)
				}
				fp := r.FinalPara
				if fp == "" {
					fp = r.Para
				}
				for i, f := range []string{source(file, line), l.Symbol, y, body, r.Para, fp, r.VotedConcept, r.FinalConcept} {
					if i > 0 {
						bw.WriteByte('\t')
					}
					bw.WriteString(tsvField(f))
				}
				bw.WriteByte('\n')
				n++
			}
			return nil
		})
		if err != nil {
			bw.Flush()
			return n, err
		}
	}
	return n, bw.Flush()
}

// tsvField keeps a field on its line and in its column.
func tsvField(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\t' || c == '\n' || c == '\r' {
			b[i] = ' '
		}
	}
	return string(b)
}
