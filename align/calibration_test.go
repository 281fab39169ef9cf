package align_test

import (
	"testing"

	"github.com/driftcheck/driftcheck/align"
)

// TestCalibrationFor checks which calibration each pair of languages gets:
// English against a fitted language in either order, the pooled one
// otherwise, the uncalibrated one of versions in one language; and that
// every one of them falls with the cost, from near 1 to near 0.
func TestCalibrationFor(t *testing.T) {
	for _, l := range []string{"zh", "fr", "es", "ru", "ar"} {
		k, ok := align.Calibrations[l]
		if !ok {
			t.Fatalf("no calibration of en→%s", l)
		}
		if got := align.CalibrationFor("en", l); got != k {
			t.Errorf("CalibrationFor(en, %s) = %v, want %v", l, got, k)
		}
		if got := align.CalibrationFor(l, "en"); got != k {
			t.Errorf("CalibrationFor(%s, en) = %v, want %v", l, got, k)
		}
		if got := align.OptionsFor("en", l, false).Calibration; got != k {
			t.Errorf("OptionsFor(en, %s).Calibration = %v, want %v", l, got, k)
		}
	}
	if got := align.CalibrationFor("fr", "zh-Hans"); got != align.PooledCalibration {
		t.Errorf("CalibrationFor(fr, zh-Hans) = %v, want the pooled %v", got, align.PooledCalibration)
	}
	if got := align.CalibrationFor("en", "en"); got != align.VersionsCalibration {
		t.Errorf("CalibrationFor(en, en) = %v, want %v", got, align.VersionsCalibration)
	}
	all := []align.Calibration{align.PooledCalibration, align.VersionsCalibration}
	for _, k := range align.Calibrations {
		all = append(all, k)
	}
	for _, k := range all {
		if p := k.Prob(-6); p < 0.99 {
			t.Errorf("%v: Prob(-6) = %v, want ≥ 0.99 (a pair of much shared evidence)", k, p)
		}
		if p := k.Prob(8); p > 0.01 {
			t.Errorf("%v: Prob(8) = %v, want ≤ 0.01 (a pair dearer than two skips)", k, p)
		}
		for c := -6.0; c < 8; c += 0.25 {
			if k.Prob(c+0.25) >= k.Prob(c) {
				t.Errorf("%v: Prob(%v) = %v not below Prob(%v) = %v", k, c+0.25, k.Prob(c+0.25), c, k.Prob(c))
			}
		}
	}
}

// TestScoreIsCalibrated checks that Align and Scorer score a pair by the
// calibration of the options.
func TestScoreIsCalibrated(t *testing.T) {
	a := []align.Item{{ID: "1", Kind: "operative", Len: 100}, {ID: "2", Kind: "operative", Len: 300}}
	b := []align.Item{{ID: "1", Kind: "operative", Len: 100}, {ID: "2", Kind: "operative", Len: 200}}
	k := align.Calibration{Slope: 1, Offset: -1}
	opt := align.Options{ExpectedRatio: 1, Calibration: k}
	for _, p := range align.Align(a, b, opt) {
		want := float64(int(k.Prob(p.Cost)*1000+0.5)) / 1000
		if p.Score != want {
			t.Errorf("pair %v%v cost %v: score %v, want %v", p.A, p.B, p.Cost, p.Score, want)
		}
		if _, conf := align.NewScorer(a, b, opt).Pair(p.A, p.B); conf != p.Score {
			t.Errorf("Scorer.Pair(%v, %v) = %v, Align's %v", p.A, p.B, conf, p.Score)
		}
	}
}
