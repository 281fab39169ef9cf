package extract

import "strings"

// OneLine returns err with its text on one line (runs of white space,
// line breaks included, become one space), for a reader that quotes a
// library's error in its own message. The result wraps err: errors.Is and
// errors.As reach it and what it wraps. OneLine(nil) is nil.
func OneLine(err error) error {
	if err == nil {
		return nil
	}
	return &oneLineError{err}
}

type oneLineError struct{ err error }

func (e *oneLineError) Error() string { return strings.Join(strings.Fields(e.err.Error()), " ") }
func (e *oneLineError) Unwrap() error { return e.err }
