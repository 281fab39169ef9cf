package htmltext_test

import (
	"errors"
	"testing"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/extract/htmltext"
)

// A page declaring a charset extract does not know (its unknown-encoding
// error, told by type) is decoded with x/text; one extract knows but that
// does not decode keeps extract's error.
func TestDeclaredCharsets(t *testing.T) {
	ps, err := htmltext.Read([]byte("<meta charset=\"windows-1252\"><p>caf\xe9 \x93x\x94</p>"), htmltext.Options{})
	if err != nil || len(ps) != 1 || ps[0].Text != "café “x”" {
		t.Fatalf("windows-1252 page: %+v, %v; want café “x”", ps, err)
	}
	_, err = htmltext.Read([]byte("<meta charset=\"gb18030\"><p>\xc8\xcb\xff</p>"), htmltext.Options{})
	var ue *extract.UnknownEncodingError
	if !errors.Is(err, extract.ErrEncoding) || errors.As(err, &ue) {
		t.Errorf("bad GB18030 page: err = %v, want ErrEncoding, not an unknown encoding", err)
	}
	// An encoding named by the caller that extract does not know stays
	// an error, its type reachable.
	_, err = htmltext.Read([]byte("<p>x</p>"), htmltext.Options{Encoding: "klingon"})
	if !errors.As(err, &ue) || ue.Name != "klingon" {
		t.Errorf("Encoding klingon: err = %v, want an *extract.UnknownEncodingError", err)
	}
}
