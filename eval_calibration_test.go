package driftcheck_test

import (
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/annotate"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
)

// The calibration of the pair score (issue 15): align.Confidence maps the
// cost of a pair to the probability that its two sides translate each
// other. The samples are pairs of paragraphs of whole documents (those of
// TestEvalDocuments: devset documents of 30–90 paragraphs and the
// project's resolutions), in the five language pairs: true pairs (voted
// paragraph i with final paragraph i) and false ones (i with a final
// paragraph j ≠ i at most three away, and i with a paragraph of another
// document's final), priced by align.Scorer as the aligner prices them.
// The false pairs are weighted so that they weigh as much as the true
// ones: the probability is the one of a pair that is, before its evidence
// is looked at, as likely true as false.

var calibDump = flag.String("eval.calibdump", "", "TestEvalCalibration: a file to write the priced pairs to (language, document, true/near/other, cost; tab-separated)")

// calibSample is one priced pair.
type calibSample struct {
	lang string
	doc  int // the document's index, to hold half of them out
	cost float64
	true bool
	what string // "true", "near" or "other"
}

// calibSamples prices the pairs of every document in every language.
func calibSamples(t *testing.T) []calibSample {
	t.Helper()
	rng := rand.New(rand.NewSource(15))
	docs := append(evdDevsetDocs(devset(t), rng), evdResolutions(t)...)
	chk := driftcheck.New(lexicon.Default())
	if err := chk.Seg.LoadChinese(); err != nil {
		t.Fatal(err)
	}
	an := &annotate.Annotator{Seg: chk.Seg, Matcher: chk.Matcher, Anchors: chk.Anchors}
	parse := func(lines []string, name, lang string) *document.Document {
		d, err := chk.Parse(paras(lines), name, lang)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return d
	}
	rs := rand.New(rand.NewSource(16))
	var out []calibSample
	for _, lang := range strings.Split(*evalLangs, ",") {
		for di, d := range docs {
			if d.paras[lang] == nil {
				continue
			}
			// Another document in the same language, for the false pairs
			// across documents.
			var od *evdDoc
			for k := 1; k < len(docs); k++ {
				if o := docs[(di+k)%len(docs)]; o.paras[lang] != nil && o.src == "devset" {
					od = o
					break
				}
			}
			vdoc := parse(d.paras["en"], d.name+".en", "en")
			fdoc := parse(d.paras[lang], d.name+"."+lang, lang)
			odoc := parse(od.paras[lang], od.name+"."+lang, lang)
			cmp := chk.Check(vdoc, fdoc).Comparisons[0]
			oside := chk.Check(vdoc, odoc).Comparisons[0].Final
			opt := align.OptionsFor(cmp.Voted.Doc.Lang, cmp.Final.Doc.Lang, cmp.Voted.Doc.Structured && cmp.Final.Doc.Structured)
			a := an.Items(cmp.Voted, opt.SameLang, !opt.SameLang)
			b := an.Items(cmp.Final, opt.SameLang, !opt.SameLang)
			nb := len(b)
			b = append(b, an.Items(oside, opt.SameLang, !opt.SameLang)...)
			sc := align.NewScorer(a, b, opt)
			// Side indices by paragraph index in the document.
			fAt := map[int]int{}
			for j, p := range cmp.Final.Paras {
				fAt[p.P.Index] = j
			}
			for i, p := range cmp.Voted.Paras {
				j, ok := fAt[p.P.Index]
				if !ok {
					continue
				}
				price := func(j int, what string) {
					c, _ := sc.Pair([]int{i}, []int{j})
					out = append(out, calibSample{lang: lang, doc: di, cost: c, true: what == "true", what: what})
				}
				price(j, "true")
				if k := j + []int{-3, -2, -1, 1, 2, 3}[rs.Intn(6)]; k >= 0 && k < nb {
					price(k, "near")
				}
				if len(b) > nb {
					price(nb+rs.Intn(len(b)-nb), "other")
				}
			}
		}
	}
	return out
}

// fitPlatt fits p = 1/(1+exp(a·cost+b)) to the samples by weighted
// logistic regression (Newton's method), the false samples weighted to
// weigh as much in all as the true ones.
func fitPlatt(s []calibSample) (a, b float64) {
	var nt, nf float64
	for _, x := range s {
		if x.true {
			nt++
		} else {
			nf++
		}
	}
	wt, wf := 1.0, nt/nf
	for it := 0; it < 50; it++ {
		// Gradient and Hessian of the negative log-likelihood in (a, b).
		var ga, gb, haa, hab, hbb float64
		for _, x := range s {
			p := 1 / (1 + math.Exp(a*x.cost+b))
			y, w := 0.0, wf
			if x.true {
				y, w = 1, wt
			}
			// d/dz of −log-lik with z = a·cost+b, p = σ(−z): (y − p)·…
			g := w * (y - p)
			h := w * p * (1 - p)
			ga += g * x.cost
			gb += g
			haa += h * x.cost * x.cost
			hab += h * x.cost
			hbb += h
		}
		det := haa*hbb - hab*hab
		if det == 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		a, b = a-da, b-db
		if math.Abs(da)+math.Abs(db) < 1e-9 {
			break
		}
	}
	return a, b
}

// calibBin is one bin of a reliability table.
type calibBin struct {
	lo, hi     float64
	n          int
	wsum       float64 // the weight of its samples
	pred, obs  float64 // weighted mean predicted and observed (weighted share true)
	nTrue, nFa int
}

// reliability bins the samples by align.Confidence into ten bins of
// predicted probability, the false samples weighted as in fitPlatt, and
// returns the bins and the expected calibration error (the weighted mean
// of |predicted − observed|).
func reliability(s []calibSample, conf func(calibSample) float64) ([]calibBin, float64) {
	var nt, nf float64
	for _, x := range s {
		if x.true {
			nt++
		} else {
			nf++
		}
	}
	bins := make([]calibBin, 10)
	for k := range bins {
		bins[k].lo, bins[k].hi = float64(k)/10, float64(k+1)/10
	}
	for _, x := range s {
		p := conf(x)
		k := min(int(p*10), 9)
		w := nt / nf
		if x.true {
			w = 1
			bins[k].nTrue++
			bins[k].obs += w
		} else {
			bins[k].nFa++
		}
		bins[k].n++
		bins[k].wsum += w
		bins[k].pred += w * p
	}
	var ece, tot float64
	for k := range bins {
		if bins[k].wsum > 0 {
			bins[k].pred /= bins[k].wsum
			bins[k].obs /= bins[k].wsum
			ece += bins[k].wsum * math.Abs(bins[k].pred-bins[k].obs)
			tot += bins[k].wsum
		}
	}
	return bins, ece / tot
}

func formatBins(bins []calibBin) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-9s %7s %7s %9s %9s\n", "bin", "true", "false", "predicted", "observed")
	for _, b := range bins {
		if b.n == 0 {
			continue
		}
		fmt.Fprintf(&sb, "%.1f–%.1f %7d %7d %9.3f %9.3f\n", b.lo, b.hi, b.nTrue, b.nFa, b.pred, b.obs)
	}
	return sb.String()
}

// TestEvalCalibration measures the calibration of the pair score
// (align.Calibrations, by language pair) on the pairs of calibSamples: the
// reliability table of the whole, of the odd documents under a fit made on
// the even ones, and of each language; it checks that the calibrations in
// align are those a fit on all the samples gives (within 0.03 in
// probability over the costs pairs take: refit and paste the coefficients
// it prints when the cost model changes), and that they are calibrated
// (expected calibration error ≤ 0.05 overall, held out and in each
// language).
//
//	go test -run TestEvalCalibration -eval -v .
func TestEvalCalibration(t *testing.T) {
	if !*evalFlag {
		t.Skip("the evaluation harness runs with -eval (go test -run TestEvalCalibration -eval -v .)")
	}
	s := calibSamples(t)
	if *calibDump != "" {
		var sb strings.Builder
		for _, x := range s {
			fmt.Fprintf(&sb, "%s\t%d\t%s\t%.4f\n", x.lang, x.doc, x.what, x.cost)
		}
		if err := os.WriteFile(*calibDump, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	counts := map[string]int{}
	for _, x := range s {
		counts[x.what]++
	}
	t.Logf("%d pairs: %d true, %d false nearby, %d false from another document", len(s), counts["true"], counts["near"], counts["other"])

	// The costs pairs take: the 1st to the 99th percentile.
	costs := make([]float64, len(s))
	for i, x := range s {
		costs[i] = x.cost
	}
	sort.Float64s(costs)
	lo, hi := costs[len(costs)/100], costs[len(costs)*99/100]
	// current checks a fit against the calibration align has.
	current := func(name string, fit, have align.Calibration) {
		worst := 0.0
		for c := lo; c <= hi; c += 0.05 {
			worst = max(worst, math.Abs(fit.Prob(c)-have.Prob(c)))
		}
		t.Logf("%s: fit {%.4f, %.4f}, align has {%.4f, %.4f}: at most %.3f apart over costs %.2f…%.2f", name, fit.Slope, fit.Offset, have.Slope, have.Offset, worst, lo, hi)
		if worst > 0.03 {
			t.Errorf("%s: the calibration in align is not the fit: at most %.3f apart (over 0.03); set it to {%.4f, %.4f}", name, worst, fit.Slope, fit.Offset)
		}
	}
	a, b := fitPlatt(s)
	current("pooled", align.Calibration{Slope: a, Offset: b}, align.PooledCalibration)
	conf := func(x calibSample) float64 { return align.CalibrationFor("en", x.lang).Prob(x.cost) }
	bins, ece := reliability(s, conf)
	t.Logf("reliability of the calibrations, all pairs (ECE %.3f):\n%s", ece, formatBins(bins))
	if ece > 0.05 {
		t.Errorf("expected calibration error %.3f, over 0.05", ece)
	}
	// Held out: fitted on the even documents of each language, measured
	// on the odd ones.
	held := map[string]align.Calibration{}
	for _, lang := range strings.Split(*evalLangs, ",") {
		var train []calibSample
		for _, x := range s {
			if x.lang == lang && x.doc%2 == 0 {
				train = append(train, x)
			}
		}
		ha, hb := fitPlatt(train)
		held[lang] = align.Calibration{Slope: ha, Offset: hb}
	}
	var test []calibSample
	for _, x := range s {
		if x.doc%2 == 1 {
			test = append(test, x)
		}
	}
	bins, hece := reliability(test, func(x calibSample) float64 { return held[x.lang].Prob(x.cost) })
	t.Logf("held out: fitted on the even documents of each language, measured on the odd ones (ECE %.3f):\n%s", hece, formatBins(bins))
	if hece > 0.05 {
		t.Errorf("held-out expected calibration error %.3f, over 0.05", hece)
	}
	for _, lang := range strings.Split(*evalLangs, ",") {
		var ls []calibSample
		for _, x := range s {
			if x.lang == lang {
				ls = append(ls, x)
			}
		}
		la, lb := fitPlatt(ls)
		current("en→"+lang, align.Calibration{Slope: la, Offset: lb}, align.CalibrationFor("en", lang))
		bins, lece := reliability(ls, conf)
		t.Logf("en→%s (ECE %.3f):\n%s", lang, lece, formatBins(bins))
		if lece > 0.05 {
			t.Errorf("en→%s: expected calibration error %.3f, over 0.05", lang, lece)
		}
	}
}

// TestEvalDoubtful measures drift.DoubtfulScore on the documents of
// calibSamples: on the clean ones, the pairs the aligner makes that are
// alignment-doubtful, per 100 pairs (it asserts at most 0.2 in every
// language); and, on the same documents with a drift injected, how often
// a pair the aligner got wrong is flagged: a paragraph replaced by a
// paragraph of another document's final (of the same language), and two
// neighbouring paragraphs swapped. A wrong pair is one that pairs the
// injected voted paragraph with a final paragraph that does not translate
// it; it is flagged when an alignment-doubtful finding names its voted
// paragraph, and silent when no finding at the default level names that
// paragraph at all.
//
//	go test -run TestEvalDoubtful -eval -v .
func TestEvalDoubtful(t *testing.T) {
	if !*evalFlag {
		t.Skip("the evaluation harness runs with -eval (go test -run TestEvalDoubtful -eval -v .)")
	}
	rng := rand.New(rand.NewSource(15))
	docs := append(evdDevsetDocs(devset(t), rng), evdResolutions(t)...)
	chk := driftcheck.New(lexicon.Default())
	if err := chk.Seg.LoadChinese(); err != nil {
		t.Fatal(err)
	}
	parse := func(lines []string, name, lang string) *document.Document {
		d, err := chk.Parse(paras(lines), name, lang)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return d
	}
	rs := rand.New(rand.NewSource(17))
	for _, lang := range strings.Split(*evalLangs, ",") {
		pairs, doubtfulPairs, cleanParas, cleanFindings := 0, 0, 0, 0
		type tally struct {
			cases, wrong, flagged, named, silent int
			scores                               []float64 // of the wrong pairs
		}
		var cleanScores []float64 // of the clean pairs below 0.1
		inj := map[string]*tally{"replaced": {}, "swapped": {}}
		var examples []string
		for di, d := range docs {
			if d.paras[lang] == nil {
				continue
			}
			en, fin := d.paras["en"], d.paras[lang]
			vdoc := parse(en, d.name+".en", "en")
			cmp := chk.Check(vdoc, parse(fin, d.name+"."+lang, lang)).Comparisons[0]
			cleanParas += len(cmp.Voted.Paras)
			for _, p := range cmp.Pairs {
				if len(p.A) > 0 && len(p.B) > 0 {
					pairs++
					if p.Score < drift.DoubtfulScore {
						doubtfulPairs++
					}
					if p.Score < 0.1 {
						cleanScores = append(cleanScores, p.Score)
					}
				}
			}
			for _, f := range cmp.Findings {
				if f.Kind == drift.AlignmentDoubtful {
					cleanFindings++
					if len(examples) < 5 {
						examples = append(examples, fmt.Sprintf("clean %s: %s", d.name, f.Message))
					}
				}
			}
			// The injections, at a paragraph of the body (not the first
			// two nor the last).
			if len(en) < 6 {
				continue
			}
			var od *evdDoc
			for k := 1; k < len(docs); k++ {
				if o := docs[(di+k)%len(docs)]; o.paras[lang] != nil && o.src == "devset" {
					od = o
					break
				}
			}
			i := 2 + rs.Intn(len(en)-3)
			replaced := append([]string{}, fin...)
			replaced[i] = od.paras[lang][rs.Intn(len(od.paras[lang]))]
			swapped := append([]string{}, fin...)
			swapped[i], swapped[i+1] = swapped[i+1], swapped[i]
			for _, c := range []struct {
				name  string
				final []string
				gold  func(j int) int // the voted paragraph final paragraph j translates (-1: none)
			}{
				{"replaced", replaced, func(j int) int {
					if j == i {
						return -1
					}
					return j
				}},
				{"swapped", swapped, func(j int) int {
					switch j {
					case i:
						return i + 1
					case i + 1:
						return i
					}
					return j
				}},
			} {
				ty := inj[c.name]
				ty.cases++
				cmp := chk.Check(vdoc, parse(c.final, d.name+"."+lang, lang)).Comparisons[0]
				// Is voted paragraph i in a wrong pair?
				wrong, score := false, 0.0
				for _, p := range cmp.Pairs {
					hasI := false
					for _, a := range p.A {
						hasI = hasI || cmp.Voted.Paras[a].P.Index == i
					}
					if !hasI || len(p.B) == 0 {
						continue
					}
					right := false
					for _, b := range p.B {
						right = right || c.gold(cmp.Final.Paras[b].P.Index) == i
					}
					wrong, score = !right, p.Score
				}
				vid := vdoc.Paras[i].ID
				flagged, named := false, false
				for _, f := range cmp.Findings {
					if f.Voted.Para == vid && f.Severity >= drift.Warning {
						named = true
						if f.Kind == drift.AlignmentDoubtful {
							flagged = true
						}
					}
				}
				if !wrong {
					continue
				}
				ty.wrong++
				ty.scores = append(ty.scores, score)
				switch {
				case flagged:
					ty.flagged++
				case named:
					ty.named++
				default:
					ty.silent++
					if len(examples) < 10 {
						examples = append(examples, fmt.Sprintf("%s %s, voted %s: wrong pair not flagged", c.name, d.name, vid))
					}
				}
			}
		}
		t.Logf("en→%s clean: %d pairs, %d below %.2f (%s per 100 pairs); alignment-doubtful %s per 100 paragraphs",
			lang, pairs, doubtfulPairs, drift.DoubtfulScore, ratePer100(doubtfulPairs, pairs), ratePer100(cleanFindings, cleanParas))
		// Other thresholds: the clean pairs and the wrong ones below each.
		var sweep []string
		for _, th := range []float64{0.01, 0.02, 0.03, 0.05, 0.1} {
			below := func(ss []float64) int {
				n := 0
				for _, x := range ss {
					if x < th {
						n++
					}
				}
				return n
			}
			sweep = append(sweep, fmt.Sprintf("%.2f: clean %s per 100 pairs, wrong pairs replaced %d/%d swapped %d/%d", th,
				ratePer100(below(cleanScores), pairs), below(inj["replaced"].scores), inj["replaced"].wrong, below(inj["swapped"].scores), inj["swapped"].wrong))
		}
		t.Logf("en→%s below a threshold of %s", lang, strings.Join(sweep, "; "))
		for _, name := range []string{"replaced", "swapped"} {
			ty := inj[name]
			t.Logf("en→%s %s: %d cases, %d left voted paragraph i in a wrong pair: %d alignment-doubtful, %d named by another finding, %d silent",
				lang, name, ty.cases, ty.wrong, ty.flagged, ty.named, ty.silent)
		}
		for _, e := range examples {
			t.Logf("  %s", e)
		}
		if doubtfulPairs*1000 > 2*pairs {
			t.Errorf("en→%s: %d doubtful pairs of %d on clean documents, over 0.2 per 100", lang, doubtfulPairs, pairs)
		}
	}
}
