package extract_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract"
)

func TestOneLine(t *testing.T) {
	cause := fmt.Errorf("line one\n\tline  two: %w", io.ErrUnexpectedEOF)
	err := fmt.Errorf("%w: quoted (%w)", extract.ErrCorrupt, extract.OneLine(cause))
	if got, want := err.Error(), "corrupt or truncated file: quoted (line one line two: unexpected EOF)"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) || !errors.Is(err, extract.ErrCorrupt) {
		t.Errorf("%v: the cause or the class is lost", err)
	}
	if extract.OneLine(nil) != nil {
		t.Error("OneLine(nil) is not nil")
	}
}

// An unknown encoding is told by its type, with the text it always had.
func TestUnknownEncodingError(t *testing.T) {
	_, err := extract.DecodeAs([]byte("x"), "klingon")
	var ue *extract.UnknownEncodingError
	if !errors.As(err, &ue) || ue.Name != "klingon" || !errors.Is(err, extract.ErrEncoding) {
		t.Fatalf("err = %v (%T), want an *UnknownEncodingError for klingon wrapping ErrEncoding", err, err)
	}
	want := `invalid text encoding: unknown encoding "klingon" (known: ` + strings.Join(extract.Encodings(), ", ") + `, or auto)`
	if err.Error() != want {
		t.Errorf("text %q, want %q", err, want)
	}
	// A known encoding that does not decode is not an unknown one.
	_, err = extract.DecodeAs([]byte{0xFF, 0xFF, 0xFF}, "gb18030")
	if err == nil || errors.As(err, &ue) {
		t.Errorf("bad GB18030: err = %v, want an error that is not an unknown encoding", err)
	}
}
