package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/driftcheck/driftcheck/drift"
)

// JUnit XML, as CI servers (GitLab, Jenkins) read it.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Error     *junitFailure `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// junitLine is how one finding is written in a test case.
func junitLine(f drift.Finding) string {
	s := fmt.Sprintf("%s %s: %s", f.Severity, f.Kind, oneLine(f.Message))
	if f.Final.Para != "" && f.Final.Para != f.Voted.Para {
		s += " (final " + where(f.Final) + ")"
	} else if f.Final.Line > 0 {
		s += fmt.Sprintf(" (line %d)", f.Final.Line)
	} else if f.Final.Page > 0 {
		s += fmt.Sprintf(" (page %d)", f.Final.Page)
	}
	return s
}

// JUnit writes the report as JUnit XML: one test suite per final text,
// one test case per voted paragraph in it (a finding about a final
// paragraph only, one added, is a case named after that paragraph). A case
// fails when one of its findings reaches in.FailOn: its failure lists
// those findings, and the findings below in.FailOn are its system-out. An
// input that could not be read is a suite of its own whose one case is an
// error.
func JUnit(w io.Writer, in Input) error {
	type caseKey struct{ final, para string }
	var finals []string
	suites := map[string]*junitSuite{}
	cases := map[caseKey]int{}
	suite := func(path string) *junitSuite {
		s, ok := suites[path]
		if !ok {
			s = &junitSuite{Name: path}
			suites[path] = s
			finals = append(finals, path)
		}
		return s
	}
	addCase := func(final, para, name string) int {
		k := caseKey{final, para}
		if i, ok := cases[k]; ok {
			return i
		}
		s := suite(final)
		s.Cases = append(s.Cases, junitCase{Name: name, Classname: final})
		cases[k] = len(s.Cases) - 1
		return cases[k]
	}
	order := dedupe(in.ParaOrder)
	for _, d := range in.Finals {
		suite(d.Path)
		for _, p := range order {
			addCase(d.Path, "v:"+p, p)
		}
	}
	fails := map[caseKey][]string{}
	outs := map[caseKey][]string{}
	for _, f := range in.Findings {
		final := f.Final.Path
		if final == "" {
			final = f.Voted.Path
		}
		var k caseKey
		switch {
		case f.Voted.Para != "":
			k = caseKey{final, "v:" + f.Voted.Para}
			addCase(final, k.para, f.Voted.Para)
		case f.Final.Para != "":
			k = caseKey{final, "f:" + f.Final.Para}
			addCase(final, k.para, "final "+f.Final.Para)
		default:
			k = caseKey{final, "doc"}
			addCase(final, k.para, "document")
		}
		if f.Severity >= in.FailOn {
			fails[k] = append(fails[k], junitLine(f))
		} else {
			outs[k] = append(outs[k], junitLine(f))
		}
	}
	for k, i := range cases {
		c := &suites[k.final].Cases[i]
		if lines := fails[k]; len(lines) > 0 {
			msg := lines[0]
			if len(lines) > 1 {
				msg = fmt.Sprintf("%d findings at or above %s", len(lines), in.FailOn)
			}
			typ := strings.Fields(lines[0])[1]
			c.Failure = &junitFailure{Message: msg, Type: strings.TrimSuffix(typ, ":"), Text: strings.Join(lines, "\n")}
		}
		if lines := outs[k]; len(lines) > 0 {
			c.SystemOut = strings.Join(lines, "\n")
		}
	}
	root := junitSuites{Name: "driftcheck " + in.Voted.Path}
	for _, e := range in.Errors {
		msg := oneLine(e.Error) + " (not checked)"
		root.Suites = append(root.Suites, junitSuite{Name: e.Path, Tests: 1, Errors: 1, Cases: []junitCase{{
			Name: "read", Classname: e.Path, Error: &junitFailure{Message: msg, Type: InputErrorKind, Text: e.Path + ": " + msg},
		}}})
	}
	for _, p := range finals {
		s := suites[p]
		s.Tests = len(s.Cases)
		for _, c := range s.Cases {
			if c.Failure != nil {
				s.Failures++
			}
		}
		root.Suites = append(root.Suites, *s)
	}
	for _, s := range root.Suites {
		root.Tests += s.Tests
		root.Failures += s.Failures
		root.Errors += s.Errors
	}
	bw := &errWriter{w: w}
	io.WriteString(bw, xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return err
	}
	io.WriteString(bw, "\n")
	return bw.err
}

// dedupe returns ids without repeats, in order.
func dedupe(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
