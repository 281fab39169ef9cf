package docx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/xmlsafe"
)

// A part refused by xmlsafe keeps the docx wording, and the xmlsafe error
// and the decoder's error stay reachable.
func TestPartErrorsKeepTheCause(t *testing.T) {
	deep := strings.Repeat("<w:sdt>", 300) + strings.Repeat("</w:sdt>", 300)
	for _, c := range []struct {
		name  string
		data  []byte
		text  string
		kind  xmlsafe.Kind
		class error
	}{
		{"malformed document.xml", makeZip(t, part{"word/document.xml", "<w:document " + wns + "><w:body><w:p></w:body>"}),
			"corrupt or truncated file: word/document.xml: XML syntax error on line 1: element <p> closed by </body>", xmlsafe.Malformed, extract.ErrCorrupt},
		{"malformed styles.xml", makeZip(t, doc(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`), part{"word/styles.xml", "<a>\n\n<b></a>"}),
			"corrupt or truncated file: word/styles.xml: XML syntax error on line 3: element <b> closed by </a>", xmlsafe.Malformed, extract.ErrCorrupt},
		{"DOCTYPE", makeZip(t, part{"word/document.xml", `<!DOCTYPE d [<!ENTITY x "y">]><w:document ` + wns + `/>`}),
			"corrupt or truncated file: word/document.xml: DOCTYPE not allowed in a DOCX part", xmlsafe.Doctype, extract.ErrCorrupt},
		{"deep numbering.xml", makeZip(t, doc(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`), numberingPart(deep)),
			"file exceeds a safety limit: word/numbering.xml: XML nested deeper than 256 elements", xmlsafe.Depth, extract.ErrLimit},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.data, Options{})
			if err == nil || err.Error() != c.text {
				t.Fatalf("err = %q, want %q", err, c.text)
			}
			var xe *xmlsafe.Error
			if !errors.As(err, &xe) || xe.Kind != c.kind || !errors.Is(err, c.class) {
				t.Fatalf("err %v: want an *xmlsafe.Error of kind %d wrapping %v", err, c.kind, c.class)
			}
			var se *xml.SyntaxError
			if c.kind == xmlsafe.Malformed && !errors.As(err, &se) {
				t.Errorf("err %v: the *xml.SyntaxError is lost", err)
			}
		})
	}
}

// A file that is not a zip keeps archive/zip's error.
func TestNotAZipKeepsTheCause(t *testing.T) {
	_, err := Read([]byte("PK\x03\x04 not a zip at all"), Options{})
	if !errors.Is(err, zip.ErrFormat) || !errors.Is(err, extract.ErrCorrupt) {
		t.Fatalf("err = %v, want zip.ErrFormat and ErrCorrupt", err)
	}
	if want := "corrupt or truncated file: not a readable zip (zip: not a valid zip file)"; err.Error() != want {
		t.Errorf("text %q, want %q", err, want)
	}
}
