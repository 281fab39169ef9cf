package drift_test

import (
	"testing"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/annotate"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
)

// fixture annotates documents with a lexicon, as the checker does, without
// the root package: drift is tested on what package annotate builds.
type fixture struct {
	an *annotate.Annotator
}

func newFixture(lex *lexicon.Lexicon) *fixture {
	seg := segment.New(lex.Terms("zh"))
	return &fixture{an: &annotate.Annotator{Seg: seg, Matcher: lexicon.NewMatcher(lex, seg), Anchors: lexicon.NewMatcher(lexicon.Anchors(), seg)}}
}

// side parses text (paragraphs separated by blank lines) and annotates it;
// anchors asks for the alignment anchors.
func (fx *fixture) side(text, path, lang string, anchors bool) *drift.Side {
	doc := document.Parse(extract.Split(text), path, lang)
	return fx.an.Document(fx.an.SegmenterFor(doc), doc, anchors)
}

// compare aligns two annotated sides as the checker does and returns the
// findings.
func (fx *fixture) compare(vs, fs *drift.Side) []drift.Finding {
	opt := align.OptionsFor(vs.Doc.Lang, fs.Doc.Lang, vs.Doc.Structured && fs.Doc.Structured)
	pairs := align.Align(fx.an.Items(vs, opt.SameLang, !opt.SameLang), fx.an.Items(fs, opt.SameLang, !opt.SameLang), opt)
	return drift.Compare(vs, fs, pairs, fx.an.Matcher)
}

func mustLexicon(t testing.TB, tsv string) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.Parse(stringsReader(tsv), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return lex
}
