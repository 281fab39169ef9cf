package annotate_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/annotate"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
)

func annotator(t *testing.T) *annotate.Annotator {
	t.Helper()
	lex, err := lexicon.Parse(strings.NewReader("id\tgroup\ten\tzh\nmbc\tframing\tmutually beneficial cooperation\t互利合作\nww\tframing\twin-win cooperation\t合作共赢\n"), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	seg := segment.New(lex.Terms("zh"))
	return &annotate.Annotator{Seg: seg, Matcher: lexicon.NewMatcher(lex, seg), Anchors: lexicon.NewMatcher(lexicon.Anchors(), seg)}
}

// TestDocument checks one pass over a document: the hits and numbers of
// each body paragraph, none in its label, and the anchors only when asked.
func TestDocument(t *testing.T) {
	an := annotator(t)
	doc := document.Parse(extract.Split("The Human Rights Council,\n\nRecalling its resolutions,\n\n12. Promotes mutually beneficial cooperation in 2018 with the Human Rights Council;"), "v.en.txt", "en")
	for _, anchors := range []bool{false, true} {
		side := an.Document(an.SegmenterFor(doc), doc, anchors)
		if len(side.Paras) != 2 || side.Anchored != anchors {
			t.Fatalf("anchors %v: %d paragraphs, Anchored %v", anchors, len(side.Paras), side.Anchored)
		}
		p := side.Paras[1]
		if p.P.BodyStart == 0 {
			t.Fatalf("the label %q was not read as one", p.P.Text)
		}
		var hits, nums []string
		for _, h := range p.Hits {
			hits = append(hits, h.Concept.ID)
		}
		for _, n := range p.Numbers {
			nums = append(nums, n.Key)
		}
		if !slices.Equal(hits, []string{"mbc"}) || !slices.Equal(nums, []string{"2018"}) {
			t.Errorf("hits %q numbers %q, want [mbc] and [2018] (not the label's 12)", hits, nums)
		}
		if (len(p.Links) > 0) != anchors {
			t.Errorf("anchors %v: links %q", anchors, p.Links)
		}
		// Items gives the aligner the anchors whether the side was
		// annotated with them or not, and leaves the side as it was.
		items := an.Items(side, false, true)
		if len(items[1].Links) == 0 {
			t.Errorf("anchors %v: items without links", anchors)
		}
		if !anchors && p.Links != nil {
			t.Error("Items changed the side")
		}
		if items := an.Items(side, false, false); items[1].Links != nil {
			t.Errorf("links %q given when not asked", items[1].Links)
		}
	}
}

// TestSegmenterForChinese checks that a Chinese document is cut with a
// dictionary that keeps the lexicon's renderings whole.
func TestSegmenterForChinese(t *testing.T) {
	an := annotator(t)
	doc := document.Parse(extract.Split("促进人权领域的合作共赢"), "f.zh.txt", "zh")
	side := an.Document(an.SegmenterFor(doc), doc, false)
	if len(side.Paras) != 1 || len(side.Paras[0].Hits) != 1 || side.Paras[0].Hits[0].Concept.ID != "ww" {
		t.Fatalf("hits %+v, want 合作共赢 (ww)", side.Paras[0].Hits)
	}
}
