package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// parseYAML reads the subset of YAML the recipes in docs/ are written in:
// block mappings and sequences (a sequence indented under its key), plain,
// single- and double-quoted scalars, JSON flow collections, comments. It is
// strict: anything else (anchors, block scalars, tabs, a sequence level with
// its key) is an error, so that a recipe it cannot read fails the test
// rather than being read wrong. Scalars stay strings.
func parseYAML(src string) (any, error) {
	var lines []yamlLine
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, "\t") {
			return nil, fmt.Errorf("line %d: tab", i+1)
		}
		l = stripComment(l)
		if strings.TrimSpace(l) == "" || strings.TrimSpace(l) == "---" {
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		lines = append(lines, yamlLine{i + 1, indent, strings.TrimSpace(l)})
	}
	if len(lines) == 0 {
		return nil, fmt.Errorf("empty document")
	}
	p := &yamlParser{lines: lines, raw: strings.Split(src, "\n")}
	v, err := p.block(lines[0].indent)
	if err != nil {
		return nil, err
	}
	if p.i < len(lines) {
		return nil, fmt.Errorf("line %d: unexpected indentation", lines[p.i].no)
	}
	return v, nil
}

type yamlLine struct {
	no, indent int
	text       string
}

type yamlParser struct {
	lines []yamlLine
	raw   []string // the source lines, for literal block scalars
	i     int
}

// literal reads the lines of a literal block scalar (|, |-) after line no:
// those indented deeper than the key, comments kept, the first line's
// indentation removed from each.
func (p *yamlParser) literal(no, indent int, strip bool) string {
	var body []string
	block := -1
	for n := no; n < len(p.raw); n++ {
		l := p.raw[n]
		if strings.TrimSpace(l) == "" {
			body = append(body, "")
			continue
		}
		in := len(l) - len(strings.TrimLeft(l, " "))
		if in <= indent {
			break
		}
		if block < 0 {
			block = in
		}
		body = append(body, l[min(block, in):])
	}
	for p.i < len(p.lines) && p.lines[p.i].indent > indent {
		p.i++ // its lines, as the parser split them
	}
	for len(body) > 0 && body[len(body)-1] == "" {
		body = body[:len(body)-1]
	}
	s := strings.Join(body, "\n")
	if !strip {
		s += "\n"
	}
	return s
}

// stripComment drops a # comment that is not inside quotes.
func stripComment(l string) string {
	var quote byte
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' {
				i++
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || l[i-1] == ' '):
			return l[:i]
		}
	}
	return l
}

func (p *yamlParser) block(indent int) (any, error) {
	if strings.HasPrefix(p.lines[p.i].text, "- ") || p.lines[p.i].text == "-" {
		return p.sequence(indent)
	}
	return p.mapping(indent)
}

func (p *yamlParser) sequence(indent int) (any, error) {
	var seq []any
	for p.i < len(p.lines) && p.lines[p.i].indent == indent {
		l := p.lines[p.i]
		rest, ok := strings.CutPrefix(l.text, "- ")
		if !ok {
			return nil, fmt.Errorf("line %d: want a sequence item", l.no)
		}
		rest = strings.TrimSpace(rest)
		if c := rest[0]; c == '[' || c == '{' || c == '"' || c == '\'' ||
			!strings.Contains(rest, ": ") && !strings.HasSuffix(rest, ":") {
			v, err := scalar(rest, l.no)
			if err != nil {
				return nil, err
			}
			seq = append(seq, v)
			p.i++
			continue
		}
		// The item's mapping starts after "- ": treat it as a line of its own.
		p.lines[p.i] = yamlLine{l.no, indent + 2, rest}
		v, err := p.block(indent + 2)
		if err != nil {
			return nil, err
		}
		seq = append(seq, v)
	}
	if p.i < len(p.lines) && p.lines[p.i].indent > indent {
		return nil, fmt.Errorf("line %d: unexpected indentation", p.lines[p.i].no)
	}
	return seq, nil
}

func (p *yamlParser) mapping(indent int) (any, error) {
	m := map[string]any{}
	for p.i < len(p.lines) && p.lines[p.i].indent == indent {
		l := p.lines[p.i]
		key, val, err := splitKey(l)
		if err != nil {
			return nil, err
		}
		if _, dup := m[key]; dup {
			return nil, fmt.Errorf("line %d: key %q twice", l.no, key)
		}
		p.i++
		if val == "|" || val == "|-" {
			m[key] = p.literal(l.no, indent, val == "|-")
			continue
		}
		if val == "" {
			if p.i >= len(p.lines) || p.lines[p.i].indent <= indent {
				m[key] = nil
				continue
			}
			v, err := p.block(p.lines[p.i].indent)
			if err != nil {
				return nil, err
			}
			m[key] = v
			continue
		}
		v, err := scalar(val, l.no)
		if err != nil {
			return nil, err
		}
		m[key] = v
	}
	if p.i < len(p.lines) && p.lines[p.i].indent > indent {
		return nil, fmt.Errorf("line %d: unexpected indentation", p.lines[p.i].no)
	}
	return m, nil
}

// splitKey splits "key: value" at the first ": " outside quotes.
func splitKey(l yamlLine) (key, val string, err error) {
	t := l.text
	if strings.HasPrefix(t, "- ") {
		return "", "", fmt.Errorf("line %d: a sequence where a mapping key is expected (indent a sequence under its key)", l.no)
	}
	end := -1
	if t[0] == '"' || t[0] == '\'' {
		j := strings.IndexByte(t[1:], t[0])
		if j < 0 {
			return "", "", fmt.Errorf("line %d: unterminated key", l.no)
		}
		end = j + 2
		k, err := scalar(t[:end], l.no)
		if err != nil {
			return "", "", err
		}
		key = k.(string)
		t = t[end:]
		if !strings.HasPrefix(t, ":") {
			return "", "", fmt.Errorf("line %d: want key: value", l.no)
		}
		return key, strings.TrimSpace(t[1:]), nil
	}
	if i := strings.Index(t, ": "); i >= 0 {
		return t[:i], strings.TrimSpace(t[i+2:]), nil
	}
	if k, ok := strings.CutSuffix(t, ":"); ok {
		return k, "", nil
	}
	return "", "", fmt.Errorf("line %d: want key: value, got %q", l.no, t)
}

func scalar(s string, no int) (any, error) {
	switch s[0] {
	case '[', '{':
		var v any
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			return nil, fmt.Errorf("line %d: flow collection (JSON only here): %v", no, err)
		}
		return v, nil
	case '"':
		v, err := strconv.Unquote(s)
		if err != nil {
			return nil, fmt.Errorf("line %d: %s: %v", no, s, err)
		}
		return v, nil
	case '\'':
		if len(s) < 2 || s[len(s)-1] != '\'' {
			return nil, fmt.Errorf("line %d: unterminated string", no)
		}
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'"), nil
	case '&', '*', '|', '>', '!', '%', '@', '`':
		return nil, fmt.Errorf("line %d: %q: not in the YAML subset read here", no, s)
	}
	return s, nil
}
