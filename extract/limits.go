package extract

import (
	"fmt"
	"unicode/utf8"
)

// Default limits on the text read from one file. They are far above any
// real UN document (the largest hold a few million characters in a few
// thousand paragraphs) and bound what a small hostile file can make a
// reader, and the steps after it, hold in memory: a 500 KB DOCX can hold
// 200 MB of text, a 1 MB PDF a gigabyte.
const (
	// DefaultMaxChars is the most characters (runes) of text read from
	// one file.
	DefaultMaxChars = 20_000_000
	// DefaultMaxParagraphs is the most paragraphs read from one file.
	DefaultMaxParagraphs = 1_000_000
)

// Limits bound the text a reader takes from one file; a zero field means
// its default. A reader counts while it reads, and stops (decompressing,
// parsing, accumulating) as soon as a limit is passed, with an error
// wrapping ErrLimit that names the limit.
type Limits struct {
	MaxChars      int // characters (runes) of paragraph text; 0 means DefaultMaxChars
	MaxParagraphs int // paragraphs; 0 means DefaultMaxParagraphs
}

// Chars returns the character limit in force.
func (l Limits) Chars() int {
	if l.MaxChars > 0 {
		return l.MaxChars
	}
	return DefaultMaxChars
}

// Paragraphs returns the paragraph limit in force.
func (l Limits) Paragraphs() int {
	if l.MaxParagraphs > 0 {
		return l.MaxParagraphs
	}
	return DefaultMaxParagraphs
}

// Counter counts the text a reader has taken from a file against its
// Limits. The zero Counter counts against the defaults.
type Counter struct {
	Limits
	chars, paras int
}

// NewCounter returns a counter for the limits l.
func NewCounter(l Limits) *Counter {
	return &Counter{Limits: l}
}

// Add counts n more characters; once they pass the limit it returns an
// error wrapping ErrLimit.
func (c *Counter) Add(n int) error {
	c.chars += n
	if c.chars > c.Chars() {
		return c.CharsError()
	}
	return nil
}

// AddText counts the characters of s (see Add).
func (c *Counter) AddText(s string) error {
	return c.Add(utf8.RuneCountInString(s))
}

// AddParagraph counts one more paragraph; once they pass the limit it
// returns an error wrapping ErrLimit.
func (c *Counter) AddParagraph() error {
	c.paras++
	if c.paras > c.Paragraphs() {
		return fmt.Errorf("%w: more than %d paragraphs (the limit per file)", ErrLimit, c.Paragraphs())
	}
	return nil
}

// count counts the text s, and a new paragraph if para is set; a nil c
// counts nothing.
func (c *Counter) count(s string, para bool) error {
	if c == nil {
		return nil
	}
	if para {
		if err := c.AddParagraph(); err != nil {
			return err
		}
	}
	return c.AddText(s)
}

// CharsError is the error of text over the character limit.
func (c *Counter) CharsError() error {
	return fmt.Errorf("%w: more than %d characters of text (the limit per file)", ErrLimit, c.Chars())
}

// Document is what a reader returns when it has more to say than the
// paragraphs: Warnings are one-line notes on what could not be read (a
// damaged PDF read with AllowDamaged), for the top of a report. They do not
// name the file; callers add it.
type Document struct {
	Paragraphs []Paragraph
	Warnings   []string
}
