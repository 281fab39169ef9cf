package pdftext

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract"
)

// A PDFium failure is quoted on one line, without wazero's stack trace,
// and the trap stays reachable.
func TestShortErrorKeepsTheCause(t *testing.T) {
	cause := errors.New("wasm error: unreachable")
	trap := errTrap{fmt.Errorf("%w\nwasm stack trace:\n\tpdfium.FPDF_LoadPage(i32)\n\t...", cause)}
	err := fmt.Errorf("%w: PDFium failed on this file (%w)", extract.ErrCorrupt, shortError{trap})
	if want := "corrupt or truncated file: PDFium failed on this file (wasm error: unreachable)"; err.Error() != want {
		t.Errorf("text %q, want %q", err, want)
	}
	var et errTrap
	if !errors.Is(err, cause) || !errors.As(err, &et) || !errors.Is(err, extract.ErrCorrupt) {
		t.Errorf("%v: the trap or its cause is lost", err)
	}
	long := shortError{errors.New(strings.Repeat("x", 500))}.Error()
	if len(long) != 200+len("…") {
		t.Errorf("a 500-byte error quoted in %d bytes, want 200 and an ellipsis", len(long))
	}
}
