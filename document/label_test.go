package document_test

import (
	"testing"

	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/extract"
)

// TestLabelBeforeNumber: a paragraph number followed by a space is a label
// even when the text starts with a number ("24. 2013年9月以来" is paragraph
// 24 of a Chinese report, "31. 2014 saw" of an English one); a decimal
// number ("24.5 per cent") is text.
func TestLabelBeforeNumber(t *testing.T) {
	for _, c := range []struct {
		lang, text, label string
	}{
		{"zh", "24. 2013年9月以来，建设和平基金已拨款480万美元。", "24."},
		{"en", "31. 2014 saw the largest number of returns.", "31."},
		{"ru", "7. 2016 год был объявлен годом кино.", "7."},
		{"en", "24.5 per cent of the posts were vacant.", ""},
		{"en", "4 - 15 May 2015", ""},
		{"ar", "4 - تحيط علما بتقرير الأمين العام", "4 -"},
		{"zh", "5. 《新闻中的空间法》", "5."},
		{"en", "79. [Draft article 4C (Counterclaim)", "79."},
		{"en", "Preamble text without a number.", ""},
	} {
		d := document.Parse(extract.Split(c.text), "x."+c.lang, c.lang)
		if len(d.Paras) != 1 {
			t.Fatalf("%q: %d paragraphs", c.text, len(d.Paras))
		}
		p := d.Paras[0]
		if p.Label != c.label || p.Text[p.BodyStart:] == p.Text && c.label != "" {
			t.Errorf("%s %q: label %q, body %q; want label %q", c.lang, c.text, p.Label, p.Text[p.BodyStart:], c.label)
		}
	}
}
