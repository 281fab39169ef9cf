package lexicon

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"github.com/driftcheck/driftcheck/lang"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Concept is one idea with its renderings per language.
type Concept struct {
	ID    string
	Group string
	// Terms maps a language code to its renderings, preferred first.
	// It is nil, like Periods, for a reference concept of a compiled
	// lexicon until Lexicon.Load: a check never reads them, and a term
	// base's maps of renderings would be most of the time and memory of
	// its loading. The lexicon's own methods (Write, Terms, Current,
	// matching) read them from the file meanwhile.
	Terms map[string][]string
	// Periods holds, per language, the period of the renderings that
	// carry one ("régime de droit [until 1990]"), by their text in Terms;
	// nil when none does. See Period.
	Periods map[string]map[string]Period
	Note    string
	Source  string
	// Origin says where the concept was defined, as "file:line".
	Origin string
	// Role says what a hit of the concept means (see Role); "" is the
	// meaning of a lexicon without a role column.
	Role Role
	// Match says how the renderings are compared with the text (see
	// Match); "" for the default.
	Match Match
	// compiled is the compiled lexicon the concept was read from, and
	// index its place in it: its patterns are read from there (see
	// Compile); nil for a concept read from a lexicon file.
	compiled *compiledLex
	index    int
	// termsAt and termsLen are where the renderings of a concept of a
	// compiled lexicon that are not read yet stand in its data (see
	// Concept.terms); termsLen is 0 when Terms is set.
	termsAt, termsLen int32
}

// Role says what a hit of a concept means.
type Role string

// Roles, the values of the role column.
const (
	// RoleDefault, an empty role column, keeps the meaning of a lexicon
	// without roles: a concept with a group is a negotiated alternative
	// (term-substituted), any concept may be missing or added.
	RoleDefault Role = ""
	// RoleContested is a negotiated alternative of its group: finding
	// another concept of the group is a term-substituted finding. It
	// needs a group.
	RoleContested Role = "contested"
	// RoleRequired is a concept that must be rendered: a hit on one side
	// only is term-missing or term-added. It has no group.
	RoleRequired Role = "required"
	// RoleReference is terminology for reference (a thesaurus, a term
	// base): its hits guide the alignment and are shown in reports, but
	// never make a finding, never hide a hit of another role and do not
	// change how Chinese text is cut.
	RoleReference Role = "reference"
)

// ParseRole returns the role named s ("" is RoleDefault).
func ParseRole(s string) (Role, error) {
	switch r := Role(strings.ToLower(strings.TrimSpace(s))); r {
	case RoleDefault, RoleContested, RoleRequired, RoleReference:
		return r, nil
	}
	return "", fmt.Errorf("unknown role %q (want contested, required or reference)", s)
}

// Match says how a concept's renderings are compared with the text.
type Match string

// Match modes, the values of the match column.
const (
	// MatchDefault compares words by their keys: folded and, unless the
	// rendering is exact (see ExactPrefix and StemSuffix), stemmed.
	MatchDefault Match = ""
	// MatchUnaccented compares each word of a rendering with the text's
	// word for word, without stemming, ignoring case and accents: for
	// term bases that write French and Spanish without accents and
	// Russian in capitals (UNBIS). It does not apply to Chinese.
	MatchUnaccented Match = "unaccented"
)

// ParseMatch returns the match mode named s ("" is MatchDefault).
func ParseMatch(s string) (Match, error) {
	switch m := Match(strings.ToLower(strings.TrimSpace(s))); m {
	case MatchDefault, MatchUnaccented:
		return m, nil
	}
	return "", fmt.Errorf("unknown match %q (want unaccented, or empty)", s)
}

// checkRole refuses a role that contradicts the concept's group.
func (c *Concept) checkRole() error {
	switch {
	case c.Role == RoleContested && c.Group == "":
		return fmt.Errorf("concept %q: role contested needs a group (the concepts it alternates with)", c.ID)
	case c.Role == RoleRequired && c.Group != "":
		return fmt.Errorf("concept %q: role required takes no group (a group makes negotiated alternatives: role contested)", c.ID)
	}
	return nil
}

// SetRole gives role to every concept of l whose own role is empty (the
// --lexicon-role of a whole file); origin names the file in errors. The
// lexicon is changed in place.
func (l *Lexicon) SetRole(role Role, origin string) error {
	for _, c := range l.Concepts {
		if c.Role != RoleDefault {
			continue
		}
		c.load()
		c.Role = role
		c.compiled = nil // a role changes how one-word renderings match
		if err := c.checkRole(); err != nil {
			c.Role = RoleDefault
			return &Error{origin, 0, err}
		}
	}
	return nil
}

// SetMatch gives m to every concept of l (the match mode of a whole
// imported term base).
func (l *Lexicon) SetMatch(m Match) {
	for _, c := range l.Concepts {
		if c.Match != m {
			c.load()
			c.Match, c.compiled = m, nil
		}
	}
}

// Lexicon is an ordered set of concepts with unique ids.
type Lexicon struct {
	Concepts []*Concept
	byID     map[string]*Concept
	// sorted, for a lexicon read compiled, holds the indices of Concepts
	// in the order of their ids: a concept is looked up by binary search
	// rather than in a map built at each load.
	sorted []uint32
	// base, for a lexicon made by Merge with a large other lexicon, is
	// that lexicon: an id not in byID is looked up there.
	base *Lexicon
	// langs caches Languages for a lexicon read compiled and for one made
	// by Merge (neither is changed afterwards); nil: worked out each time.
	langs []string
}

// Error is a lexicon error with its position.
type Error struct {
	File string
	Line int // 1-based; 0 when the error is not tied to a line
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("lexicon %s: line %d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("lexicon %s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Sentinel errors wrapped by Error.
var (
	ErrNoHeader    = errors.New("no header row (want id, group, language columns, note, source)")
	ErrDuplicateID = errors.New("duplicate concept id")
	ErrEmpty       = errors.New("no concepts")
)

// RenderingSep separates several renderings in one cell.
const RenderingSep = "|"

var (
	langCol = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z]{2,8})?$`)
	idRe    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
)

// Header is the column order written by Write.
var Header = []string{"id", "group", "en", "zh", "fr", "es", "ru", "ar", "note", "source"}

// MaxLineBytes bounds one line of a lexicon file.
const MaxLineBytes = 1 << 20

// Parse reads a lexicon in the tab-separated format. name is used in errors.
func Parse(r io.Reader, name string) (*Lexicon, error) {
	lex := &Lexicon{byID: map[string]*Concept{}}
	var cols []string
	err := eachRow(r, name, func(line int, cells []string) error {
		if cols == nil {
			var err error
			cols, err = parseHeader(cells)
			return err
		}
		c, err := parseRow(cols, cells)
		if err != nil {
			return err
		}
		c.Origin = fmt.Sprintf("%s:%d", name, line)
		if prev, ok := lex.byID[c.ID]; ok {
			return fmt.Errorf("%w %q (first at %s)", ErrDuplicateID, c.ID, prev.Origin)
		}
		lex.byID[c.ID] = c
		lex.Concepts = append(lex.Concepts, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if cols == nil {
		return nil, &Error{name, 0, ErrNoHeader}
	}
	if len(lex.Concepts) == 0 {
		return nil, &Error{name, 0, ErrEmpty}
	}
	return lex, nil
}

// eachRow calls fn with the tab-separated cells of each line of a UTF-8
// text that is neither blank nor a "#" comment, with its 1-based number. A
// byte-order mark and CR line ends are dropped. An error of fn, or invalid
// UTF-8, stops the reading with an *Error naming the line.
func eachRow(r io.Reader, name string, fn func(line int, cells []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), MaxLineBytes)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if !utf8.ValidString(s) {
			return &Error{name, line, errors.New("invalid UTF-8 (save the file as UTF-8)")}
		}
		s = strings.TrimRight(s, "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if err := fn(line, strings.Split(s, "\t")); err != nil {
			return &Error{name, line, err}
		}
	}
	if err := sc.Err(); err != nil {
		return &Error{name, line + 1, err}
	}
	return nil
}

func parseRow(cols, cells []string) (*Concept, error) {
	if len(cells) > len(cols) {
		return nil, fmt.Errorf("%d cells, header has %d columns", len(cells), len(cols))
	}
	c := &Concept{Terms: map[string][]string{}}
	for i, cell := range cells {
		cell = strings.TrimSpace(cell)
		switch col := cols[i]; col {
		case "id":
			c.ID = cell
		case "group":
			c.Group = cell
		case "note":
			c.Note = cell
		case "source":
			c.Source = cell
		case "role":
			r, err := ParseRole(cell)
			if err != nil {
				return nil, fmt.Errorf("column role: %w", err)
			}
			c.Role = r
		case "match":
			m, err := ParseMatch(cell)
			if err != nil {
				return nil, fmt.Errorf("column match: %w", err)
			}
			c.Match = m
		default:
			if cell == "" {
				continue
			}
			for _, t := range strings.Split(cell, RenderingSep) {
				t = strings.Join(strings.Fields(t), " ")
				if t == "" {
					return nil, fmt.Errorf("column %s: empty rendering around %q", col, RenderingSep)
				}
				t, p, err := cutPeriod(t)
				if err != nil {
					return nil, fmt.Errorf("column %s: %w", col, err)
				}
				c.Terms[col] = append(c.Terms[col], t)
				if !p.IsZero() {
					if c.Periods == nil {
						c.Periods = map[string]map[string]Period{}
					}
					if c.Periods[col] == nil {
						c.Periods[col] = map[string]Period{}
					}
					c.Periods[col][t] = p
				}
			}
		}
	}
	switch {
	case c.ID == "":
		return nil, errors.New("empty id")
	case !idRe.MatchString(c.ID):
		return nil, fmt.Errorf("id %q: use letters, digits, '.', '_' and '-'", c.ID)
	case c.Group != "" && !idRe.MatchString(c.Group):
		return nil, fmt.Errorf("group %q: use letters, digits, '.', '_' and '-'", c.Group)
	case len(c.Terms) == 0:
		return nil, fmt.Errorf("concept %q has no rendering in any language", c.ID)
	}
	if err := c.checkRole(); err != nil {
		return nil, err
	}
	return c, nil
}

func parseHeader(cells []string) ([]string, error) {
	cols := make([]string, len(cells))
	seen := map[string]bool{}
	langs := 0
	for i, c := range cells {
		c = strings.ToLower(strings.TrimSpace(c))
		switch {
		case c == "id" || c == "group" || c == "note" || c == "source" || c == "role" || c == "match":
		case langCol.MatchString(c):
			c = lang.Norm(c)
			langs++
		default:
			return nil, fmt.Errorf("%w: unknown column %q", ErrNoHeader, cells[i])
		}
		if seen[c] {
			return nil, fmt.Errorf("column %q twice in header", c)
		}
		seen[c] = true
		cols[i] = c
	}
	if !seen["id"] || langs == 0 {
		return nil, ErrNoHeader
	}
	return cols, nil
}

// Lookup returns the concept with the given id, or nil.
func (l *Lexicon) Lookup(id string) *Concept {
	for ; l != nil; l = l.base {
		if c, ok := l.byID[id]; ok {
			return c
		}
		if l.sorted != nil {
			i, ok := slices.BinarySearchFunc(l.sorted, id, func(i uint32, id string) int { return strings.Compare(l.Concepts[i].ID, id) })
			if ok {
				return l.Concepts[l.sorted[i]]
			}
			return nil
		}
	}
	return nil
}

// indexed reports whether l looks its concepts up without a map of its
// own to copy.
func (l *Lexicon) indexed() bool { return l.byID != nil || l.sorted != nil || l.base != nil }

// Merge returns a lexicon holding l's concepts followed by other's. A concept
// of other with an id already in l replaces it in place (a user lexicon may
// refine the default one).
func (l *Lexicon) Merge(other *Lexicon) *Lexicon {
	if other != nil && other.indexed() && (l == nil || len(other.Concepts) > len(l.Concepts)) {
		return l.mergeLarge(other)
	}
	out := &Lexicon{byID: map[string]*Concept{}}
	at := map[string]int{} // the index of each id in out.Concepts
	for _, src := range []*Lexicon{l, other} {
		if src == nil {
			continue
		}
		for _, c := range src.Concepts {
			if i, ok := at[c.ID]; ok {
				out.Concepts[i] = c
			} else {
				at[c.ID] = len(out.Concepts)
				out.Concepts = append(out.Concepts, c)
			}
			out.byID[c.ID] = c
		}
	}
	return out
}

// mergeLarge is Merge of a large other (a term base added to the default
// lexicon): other's index is neither copied nor rebuilt, the merged
// lexicon looks up there the ids that are not l's own. l may be nil.
func (l *Lexicon) mergeLarge(other *Lexicon) *Lexicon {
	var own []*Concept
	if l != nil {
		own = l.Concepts
	}
	out := &Lexicon{byID: map[string]*Concept{}, base: other, Concepts: make([]*Concept, 0, len(own)+len(other.Concepts))}
	mine := make(map[string]bool, len(own))
	for _, c := range own {
		mine[c.ID] = true
		if o := other.Lookup(c.ID); o != nil {
			c = o // replaced in place
		} else {
			out.byID[c.ID] = c
		}
		out.Concepts = append(out.Concepts, c)
	}
	for _, c := range other.Concepts {
		if !mine[c.ID] {
			out.Concepts = append(out.Concepts, c)
		}
	}
	langs := map[string]bool{}
	var ownLangs []string
	if l != nil {
		ownLangs = l.Languages()
	}
	for _, x := range [][]string{ownLangs, other.Languages()} {
		for _, code := range x {
			langs[code] = true
		}
	}
	out.langs = sortedKeys(langs)
	return out
}

func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Languages returns the language codes that have at least one rendering.
func (l *Lexicon) Languages() []string {
	if l.langs != nil {
		return slices.Clone(l.langs)
	}
	set := map[string]bool{}
	for _, c := range l.Concepts {
		terms, _ := c.terms()
		for lang := range terms {
			set[lang] = true
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Terms returns every rendering in lang, in concept order.
func (l *Lexicon) Terms(lang string) []string {
	var out []string
	for _, c := range l.Concepts {
		terms, _ := c.terms()
		out = append(out, terms[lang]...)
	}
	return out
}

// Write writes l in the tab-separated format with the standard header, plus a
// column for any other language used.
func (l *Lexicon) Write(w io.Writer) error {
	cols := append([]string{}, Header[:len(Header)-2]...)
	for _, lang := range l.Languages() {
		found := false
		for _, c := range cols {
			if c == lang {
				found = true
			}
		}
		if !found {
			cols = append(cols, lang)
		}
	}
	cols = append(cols, "note", "source")
	// The role and match columns only when a concept has one: a lexicon
	// without them is written as before.
	var role, match bool
	for _, c := range l.Concepts {
		role = role || c.Role != RoleDefault
		match = match || c.Match != MatchDefault
	}
	if role {
		cols = append(cols, "role")
	}
	if match {
		cols = append(cols, "match")
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(cols, "\t") + "\n")
	clean := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, c := range l.Concepts {
		terms, periods := c.terms()
		cells := make([]string, len(cols))
		for i, col := range cols {
			switch col {
			case "id":
				cells[i] = c.ID
			case "group":
				cells[i] = c.Group
			case "note":
				cells[i] = clean(c.Note)
			case "source":
				cells[i] = clean(c.Source)
			case "role":
				cells[i] = string(c.Role)
			case "match":
				cells[i] = string(c.Match)
			default:
				ts := make([]string, len(terms[col]))
				for j, t := range terms[col] {
					ts[j] = clean(strings.ReplaceAll(t, RenderingSep, " "))
					if p := periods[col][t]; !p.IsZero() {
						ts[j] += " [" + p.String() + "]"
					}
				}
				cells[i] = strings.Join(ts, " "+RenderingSep+" ")
			}
		}
		bw.WriteString(strings.Join(cells, "\t") + "\n")
	}
	return bw.Flush()
}

//go:embed default.tsv
var defaultTSV string

// Default returns the lexicon embedded in the binary (lexicon/default.tsv).
func Default() *Lexicon {
	l, err := Parse(strings.NewReader(defaultTSV), "default.tsv")
	if err != nil {
		// The embedded file is checked by TestDefaultLexicon; a broken
		// default is a build defect, not an input error.
		panic(err)
	}
	return l
}

// DefaultTSV returns the text of the embedded default lexicon.
func DefaultTSV() string { return defaultTSV }
