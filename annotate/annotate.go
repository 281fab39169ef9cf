// Package annotate is the middle of the pipeline: one pass over each
// document's body paragraphs that finds what the aligner and the drift
// rules work on — the tokens, the lexicon hits, the numbers and, when the
// document is compared with another language, the alignment anchors.
//
// An annotated paragraph (drift.Para) is built whole here and not changed
// afterwards.
package annotate

import (
	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/number"
	"github.com/driftcheck/driftcheck/segment"
)

// Annotator holds what annotation needs. It may be shared by many
// goroutines.
type Annotator struct {
	// Seg cuts text into tokens; its Chinese dictionary holds the
	// lexicon's Chinese renderings.
	Seg *segment.Segmenter
	// Matcher finds the lexicon's concepts.
	Matcher *lexicon.Matcher
	// Anchors finds the alignment anchors (lexicon.Anchors); nil for none.
	Anchors *lexicon.Matcher
}

// SegmenterFor returns the segmenter for docs: the annotator's own, with a
// Chinese dictionary covering the Chinese documents among them.
func (a *Annotator) SegmenterFor(docs ...*document.Document) *segment.Segmenter {
	var texts []string
	for _, d := range docs {
		if lang.Han(d.Lang) {
			for i := range d.Paras {
				texts = append(texts, d.Paras[i].Text)
			}
		}
	}
	if len(texts) == 0 {
		return a.Seg
	}
	return a.Seg.ForTexts(texts...)
}

// Document annotates the body paragraphs of doc, cut by seg (see
// SegmenterFor): their tokens, the lexicon hits and numbers after each
// paragraph's label and, if anchors is set, the alignment anchors (needed
// only against another language).
func (a *Annotator) Document(seg *segment.Segmenter, doc *document.Document, anchors bool) *drift.Side {
	side := &drift.Side{Doc: doc, Anchored: anchors && a.Anchors != nil}
	for _, p := range doc.Body() {
		toks := seg.Tokens(doc.Lang, p.Text)
		para := &drift.Para{P: p, Tokens: toks, Numbers: number.Find(doc.Lang, p.Text, p.BodyStart, toks)}
		// Terms are looked for after the paragraph's label.
		para.Hits = bodyHits(a.Matcher, doc.Lang, p, toks)
		if side.Anchored {
			para.Links = linkIDs(a.Anchors, doc.Lang, p, toks)
		}
		side.Paras = append(side.Paras, para)
	}
	return side
}

func bodyHits(m *lexicon.Matcher, code string, p *document.Paragraph, toks []segment.Token) []lexicon.Hit {
	// Match returns a slice of its own: the hits before the label are
	// dropped in place rather than the others copied.
	all := m.Match(code, p.Text, toks)
	hits := all[:0]
	for _, h := range all {
		if h.Start >= p.BodyStart {
			hits = append(hits, h)
		}
	}
	if len(hits) == 0 {
		return nil
	}
	return hits
}

func linkIDs(m *lexicon.Matcher, code string, p *document.Paragraph, toks []segment.Token) []string {
	var ids []string
	for _, h := range bodyHits(m, code, p, toks) {
		ids = append(ids, h.Concept.ID)
	}
	return ids
}

// Items describes the paragraphs of a side for the aligner. words asks for
// the content-word keys (both documents in one language); anchors for the
// alignment anchors, which a side annotated without them gets from a's
// Anchors matcher (the side is not changed).
func (a *Annotator) Items(s *drift.Side, words, anchors bool) []align.Item {
	if !anchors || s.Anchored || a.Anchors == nil {
		// What drift makes of the side, made once for every final.
		return drift.ItemsOf(s, words, anchors)
	}
	items := make([]align.Item, len(s.Paras))
	for i, p := range s.Paras {
		ap := align.Para{ID: p.P.ID, Kind: string(p.P.Kind), Lang: s.Doc.Lang, Text: p.P.Text, BodyStart: p.P.BodyStart, Tokens: p.Tokens}
		for _, x := range p.Numbers {
			ap.Numbers = append(ap.Numbers, x.Key)
		}
		for _, h := range p.Hits {
			k := h.Concept.Group
			if k == "" {
				k = h.Concept.ID
			}
			ap.Concepts = append(ap.Concepts, k)
		}
		switch {
		case !anchors:
		case s.Anchored:
			ap.Links = p.Links
		case a.Anchors != nil:
			ap.Links = linkIDs(a.Anchors, s.Doc.Lang, p.P, p.Tokens)
		}
		items[i] = align.ItemOf(ap, words)
	}
	return items
}
