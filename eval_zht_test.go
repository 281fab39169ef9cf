package driftcheck_test

import (
	"context"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment/zhconv"
)

var updateZht = flag.Bool("update-zht", false, "rewrite testdata/founding/RES.zh-hant.txt from RES.zh.txt")

// TestFoundingTraditional: testdata/founding/RES.zh-hant.txt is RES.zh.txt
// in traditional characters (zhconv.ToTraditional; -update-zht rewrites
// it), and checking it gives the findings of the simplified final: against
// the English voted text the same kinds at the same paragraphs, and against
// the simplified final as a version, nothing above info.
func TestFoundingTraditional(t *testing.T) {
	simp, err := os.ReadFile("testdata/founding/RES.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := zhconv.ToTraditional(string(simp))
	const path = "testdata/founding/RES.zh-hant.txt"
	if *updateZht {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Fatalf("%s is not RES.zh.txt in traditional characters (go test -run FoundingTraditional -update-zht .): %v", path, err)
	}
	if string(got) == string(simp) {
		t.Fatal("the traditional final is the simplified one")
	}
	chk := driftcheck.New(lexicon.Default())
	// The paragraph ids come from package document, which must read the
	// structure of the resolution in traditional characters too (人權理事會，,
	// 第三十七屆會議, 議程項目).
	td, err := chk.Parse(paras(strings.Split(want, "\n")), "RES.zh-hant", "zh")
	if err != nil {
		t.Fatal(err)
	}
	sd, err := chk.Parse(paras(strings.Split(string(simp), "\n")), "RES.zh", "zh")
	if err != nil {
		t.Fatal(err)
	}
	ids := func(d *document.Document) string {
		var out []string
		for _, p := range d.Paras {
			out = append(out, p.ID+":"+string(p.Kind))
		}
		return strings.Join(out, " ")
	}
	if !sd.Structured || !slices.ContainsFunc(sd.Paras, func(p document.Paragraph) bool { return p.Kind == document.Operative }) {
		t.Fatal("the simplified final is not read as a resolution with operative paragraphs")
	}
	if s, tr := ids(sd), ids(td); s != tr {
		t.Fatalf("package document reads the traditional final otherwise than the simplified one:\nsimplified:  %s\ntraditional: %s", s, tr)
	}
	summary := func(voted, final string) []string {
		run, err := chk.CheckFiles(context.Background(), voted, []string{final}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range run.Result.Findings() {
			if f.Severity >= drift.Warning {
				out = append(out, fmt.Sprintf("%s %s/%s", f.Kind, f.Voted.Para, f.Final.Para))
			}
		}
		return out
	}
	s := summary("testdata/founding/L36.en.txt", "testdata/founding/RES.zh.txt")
	tr := summary("testdata/founding/L36.en.txt", path)
	if strings.Join(s, "\n") != strings.Join(tr, "\n") {
		t.Errorf("findings against the English voted text:\nsimplified final:  %q\ntraditional final: %q", s, tr)
	}
	if len(s) == 0 {
		t.Error("the founding case has no finding: nothing is compared")
	}
	if v := summary("testdata/founding/RES.zh.txt", path); len(v) != 0 {
		t.Errorf("the traditional final as a version of the simplified one: %q, want only editorial changes", v)
	}
}

// TestEvalTraditional runs the evaluation of TestEval on the devset Chinese
// and on the same text made traditional (zhconv.ToTraditional), English as
// voted: the findings per 100 clean paragraphs and the recall of each
// injected drift, side by side. The traditional figures must be those of
// the simplified text within 0.2 per 100.
func TestEvalTraditional(t *testing.T) {
	if !*evalFlag {
		t.Skip("the evaluation harness runs with -eval (go test -run EvalTraditional -eval -v .)")
	}
	docs := devset(t)
	chk := driftcheck.New(lexicon.Default())
	parse := func(lines []string, name, lang string) *document.Document {
		d, err := chk.Parse(paras(lines), name, lang)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return d
	}
	conv := func(lines []string) []string {
		out := make([]string, len(lines))
		for i, l := range lines {
			out[i] = zhconv.ToTraditional(l)
		}
		return out
	}
	type figures struct {
		clean, paras int
		kinds        map[string]int
		found, tried map[string]int
	}
	run := func(script func([]string) []string) figures {
		fg := figures{kinds: map[string]int{}, found: map[string]int{}, tried: map[string]int{}}
		for _, d := range docs {
			v := parse(d.Lines["en"], d.Symbol+".en", "en")
			fg.paras += len(v.Body())
			for _, f := range chk.Check(v, parse(script(d.Lines["zh"]), d.Symbol+".zh", "zh")).Findings() {
				if f.Severity >= drift.Warning {
					fg.clean++
					fg.kinds[string(f.Kind)]++
				}
			}
		}
		// The injections of TestEval, made in simplified text and then
		// converted, with the same random choices for both scripts.
		rng := rand.New(rand.NewSource(1))
		for di, d := range docs {
			en, fin := d.Lines["en"], d.Lines["zh"]
			var cases []evalCase
			fdoc := parse(fin, d.Symbol+".zh", "zh")
			for i, l := range fin {
				bs := 0
				if i < len(fdoc.Paras) {
					bs = fdoc.Paras[i].BodyStart
				}
				if nl, ok := changeNumber(l[bs:]); ok && strings.ContainsAny(en[i], "0123456789") {
					f := append([]string{}, fin...)
					f[i] = l[:bs] + nl
					cases = append(cases, evalCase{kind: injNumber, final: f, wantKind: drift.NumberMismatch, votedPara: i, finPar: i})
					break
				}
			}
			if len(fin) >= 2 {
				i := rng.Intn(len(fin))
				f := append(append([]string{}, fin[:i]...), fin[i+1:]...)
				cases = append(cases, evalCase{kind: injDrop, final: f, wantKind: drift.ParagraphMissing, votedPara: i, finPar: -1})
			}
			other := docs[(di+len(docs)/2)%len(docs)].Lines["zh"]
			ins := other[rng.Intn(len(other))]
			i := rng.Intn(len(fin) + 1)
			f := append(append(append([]string{}, fin[:i]...), ins), fin[i:]...)
			cases = append(cases, evalCase{kind: injInsert, final: f, wantKind: drift.ParagraphAdded, votedPara: -1, finPar: i})
			i = rng.Intn(len(fin))
			v2 := append([]string{}, en...)
			v2[i] = en[i] + " " + termSentences["en"][0]
			f = append([]string{}, fin...)
			f[i] = fin[i] + termSentences["zh"][1]
			cases = append(cases, evalCase{kind: injTermSwp, final: f, voted: v2, wantKind: drift.TermSubstituted, votedPara: i, finPar: i})
			for _, c := range cases {
				vl := en
				if c.voted != nil {
					vl = c.voted
				}
				v := parse(vl, d.Symbol+".en", "en")
				fd := parse(script(c.final), d.Symbol+".zh", "zh")
				var wantV, wantF string
				if c.votedPara >= 0 {
					if c.votedPara >= len(v.Paras) || !v.Paras[c.votedPara].Compared() {
						continue
					}
					wantV = v.Paras[c.votedPara].ID
				}
				if c.finPar >= 0 {
					if c.finPar >= len(fd.Paras) || !fd.Paras[c.finPar].Compared() {
						continue
					}
					wantF = fd.Paras[c.finPar].ID
				}
				fg.tried[c.kind]++
				for _, f := range chk.Check(v, fd).Findings() {
					if f.Kind == c.wantKind && (wantV == "" || f.Voted.Para == wantV) && (wantF == "" || f.Final.Para == wantF) {
						fg.found[c.kind]++
						break
					}
				}
			}
		}
		return fg
	}
	simp := run(func(l []string) []string { return l })
	trad := run(conv)
	per100 := func(n, of int) float64 { return 100 * float64(n) / float64(of) }
	t.Logf("en→zh clean, %d paragraphs, findings at the default level per 100: simplified %s, traditional %s", simp.paras, ratePer100(simp.clean, simp.paras), ratePer100(trad.clean, trad.paras))
	if d := math.Abs(per100(simp.clean, simp.paras) - per100(trad.clean, trad.paras)); d > 0.2 {
		t.Errorf("clean findings per 100 paragraphs differ by %.2f between the scripts, want at most 0.2", d)
	}
	for k := range simp.kinds {
		trad.kinds[k] += 0
	}
	for k := range trad.kinds {
		t.Logf("   %s: simplified %s, traditional %s", k, ratePer100(simp.kinds[k], simp.paras), ratePer100(trad.kinds[k], trad.paras))
		if d := math.Abs(per100(simp.kinds[k], simp.paras) - per100(trad.kinds[k], trad.paras)); d > 0.2 {
			t.Errorf("clean %s findings per 100 paragraphs differ by %.2f between the scripts, want at most 0.2", k, d)
		}
	}
	for _, k := range []string{injNumber, injDrop, injInsert, injTermSwp} {
		rs, rt := per100(simp.found[k], simp.tried[k]), per100(trad.found[k], trad.tried[k])
		t.Logf("en→zh recall of %s: simplified %.1f%% (%d/%d), traditional %.1f%% (%d/%d)", k, rs, simp.found[k], simp.tried[k], rt, trad.found[k], trad.tried[k])
		if math.Abs(rs-rt) > 0.2 {
			t.Errorf("recall of %s differs by %.2f points between the scripts, want at most 0.2", k, math.Abs(rs-rt))
		}
	}
}
