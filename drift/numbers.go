package drift

import (
	"fmt"
	"strings"

	"github.com/driftcheck/driftcheck/align"
)

// changedNumbers returns the spans of numbers whose value differs between
// the two paragraphs, as voted and final span pairs (a side without the
// number has an empty span).
func changedNumbers(vp, fp *Para) [][2][2]int {
	inF, inV := map[string]bool{}, map[string]bool{}
	for _, n := range fp.Numbers {
		inF[n.Key] = true
	}
	for _, n := range vp.Numbers {
		inV[n.Key] = true
	}
	var out [][2][2]int
	for _, n := range vp.Numbers {
		if !inF[n.Key] {
			out = append(out, [2][2]int{{n.Start, n.End}, {-1, -1}})
		}
	}
	for _, n := range fp.Numbers {
		if !inV[n.Key] {
			out = append(out, [2][2]int{{-1, -1}, {n.Start, n.End}})
		}
	}
	return out
}

func compareNumbers(voted, final *Side, pr align.Pair) (Finding, bool) {
	type nref struct {
		para *Para
		n    Number
	}
	var vn, fn []nref
	for _, i := range pr.A {
		for _, n := range voted.Paras[i].Numbers {
			vn = append(vn, nref{voted.Paras[i], n})
		}
	}
	for _, j := range pr.B {
		for _, n := range final.Paras[j].Numbers {
			fn = append(fn, nref{final.Paras[j], n})
		}
	}
	// Numbers are compared as sets: a translation may repeat a number less
	// often ("resolution 1540 (2004) … this resolution").
	inF, inV := map[string]bool{}, map[string]bool{}
	for _, f := range fn {
		inF[f.n.Key] = true
		if f.n.Alt != "" {
			inF[f.n.Alt] = true
		}
	}
	for _, v := range vn {
		inV[v.n.Key] = true
		if v.n.Alt != "" {
			inV[v.n.Alt] = true
		}
	}
	var onlyV, onlyF []nref
	seen := map[string]bool{}
	for _, v := range vn {
		if !inF[v.n.Key] && !(v.n.Alt != "" && inF[v.n.Alt]) && !seen["v"+v.n.Key] {
			seen["v"+v.n.Key] = true
			onlyV = append(onlyV, v)
		}
	}
	for _, f := range fn {
		if !inV[f.n.Key] && !(f.n.Alt != "" && inV[f.n.Alt]) && !seen["f"+f.n.Key] {
			seen["f"+f.n.Key] = true
			onlyF = append(onlyF, f)
		}
	}
	onlyV, onlyF = joinSplit(onlyV, onlyF, func(x nref) string { return x.n.Key })
	onlyF, onlyV = joinSplit(onlyF, onlyV, func(x nref) string { return x.n.Key })
	if len(onlyV) == 0 && len(onlyF) == 0 {
		return Finding{}, false
	}
	f := Finding{Kind: NumberMismatch, Severity: SeverityOf(NumberMismatch), Score: pr.Score}
	if len(onlyV) == 0 || len(onlyF) == 0 {
		// A number on one side only may be written in words on the other
		// ("seventy years" / "70 лет"): reported, but below the default
		// level. A number changed into another is a warning.
		f.Severity = Info
	}
	for _, v := range onlyV {
		f.VotedNumbers = append(f.VotedNumbers, v.n.Text)
	}
	for _, x := range onlyF {
		f.FinalNumbers = append(f.FinalNumbers, x.n.Text)
	}
	vp, fp := voted.Paras[pr.A[0]], final.Paras[pr.B[0]]
	f.Voted, f.Final = paraLoc(voted, vp, -1, -1), paraLoc(final, fp, -1, -1)
	if len(onlyV) > 0 {
		f.Voted = paraLoc(voted, onlyV[0].para, onlyV[0].n.Start, onlyV[0].n.End)
	}
	if len(onlyF) > 0 {
		f.Final = paraLoc(final, onlyF[0].para, onlyF[0].n.Start, onlyF[0].n.End)
	}
	list := func(xs []string) string {
		if len(xs) == 0 {
			return "none"
		}
		return strings.Join(xs, ", ")
	}
	f.Message = fmt.Sprintf("numbers differ: only in voted %s: %s; only in final %s: %s",
		vp.P.ID, list(f.VotedNumbers), fp.P.ID, list(f.FinalNumbers))
	return f, true
}

// joinSplit removes from a the numbers that b writes in two or three
// consecutive parts, and those parts from b: a section "2.1" written "2-1",
// an age range "15-64" that lost its dash ("1564"), a biennium
// "2014-2015" run together ("20142015"). Digits are compared without their
// decimal points.
func joinSplit[T any](a, b []T, key func(T) string) ([]T, []T) {
	digits := func(s string) string { return strings.ReplaceAll(s, ".", "") }
	usedB := make([]bool, len(b))
	var keepA []T
	for _, x := range a {
		want := digits(key(x))
		found := false
		for i := 0; i < len(b) && !found; i++ {
			acc := ""
			for j := i; j < len(b) && j < i+3; j++ {
				if usedB[j] {
					break
				}
				acc += digits(key(b[j]))
				if j > i && acc == want {
					for k := i; k <= j; k++ {
						usedB[k] = true
					}
					found = true
					break
				}
				if len(acc) >= len(want) {
					break
				}
			}
		}
		if !found {
			keepA = append(keepA, x)
		}
	}
	var keepB []T
	for i, y := range b {
		if !usedB[i] {
			keepB = append(keepB, y)
		}
	}
	return keepA, keepB
}
