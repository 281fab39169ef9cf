package lexicon

import (
	"github.com/driftcheck/driftcheck/lang"

	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// ReadGlossary reads a bilingual glossary in the tab-separated form OmegaT
// and many CAT tools write: one entry a line, "source<TAB>target" with an
// optional third column of comment; "#" lines are comments. src and tgt
// name the two languages (the file does not say). Each line becomes a
// concept: its id "NAME-N" (N the line), its terms the source and the
// target (a target holding several renderings separated by ";" or "|"
// gives several), its note the comment. Lines with an empty side are
// skipped; a line with one column is an error.
func ReadGlossary(r io.Reader, name, src, tgt string) (*Lexicon, error) {
	src, tgt = lang.Norm(src), lang.Norm(tgt)
	if !langCol.MatchString(src) || !langCol.MatchString(tgt) || src == tgt {
		return nil, &Error{name, 0, fmt.Errorf("want two different language codes for the glossary's columns, got %q and %q", src, tgt)}
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	prefix := strings.TrimRight(cleanName(base), "-")
	if prefix == "" {
		prefix = "glossary"
	}
	lex := &Lexicon{byID: map[string]*Concept{}}
	err := eachRow(r, name, func(line int, cells []string) error {
		if len(cells) < 2 {
			return errors.New("no tab: a glossary line is source<TAB>target[<TAB>comment]")
		}
		c := &Concept{ID: fmt.Sprintf("%s-%d", prefix, line), Terms: map[string][]string{}, Source: "glossary " + filepath.Base(name)}
		if t := glossaryTerm(cells[0]); t != "" {
			c.Terms[src] = []string{t}
		}
		for _, t := range strings.FieldsFunc(cells[1], func(r rune) bool { return r == ';' || r == '|' }) {
			if t = glossaryTerm(t); t != "" {
				c.Terms[tgt] = append(c.Terms[tgt], t)
			}
		}
		if len(c.Terms[src]) == 0 || len(c.Terms[tgt]) == 0 {
			return nil
		}
		if len(cells) > 2 {
			c.Note = strings.Join(strings.Fields(strings.Join(cells[2:], " ")), " ")
		}
		c.Origin = fmt.Sprintf("%s:%d", name, line)
		lex.byID[c.ID] = c
		lex.Concepts = append(lex.Concepts, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(lex.Concepts) == 0 {
		return nil, &Error{name, 0, ErrEmpty}
	}
	return lex, nil
}

func glossaryTerm(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), RenderingSep, " ")
}
