package eval

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
)

// levels are the five levels a silver report counts per story: sentence
// detection, root, PLOVER category, source+root, source+target+root.
const levels = 5

var levelNames = [levels]string{"sentence detection", "CAMEO root", "PLOVER category", "source+root", "source+target+root"}

// Interval is a 95 % interval of an F1, in points.
type Interval struct {
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
}

// SilverIntervals are the percentile bootstrap intervals of a silver
// report's F1s: the stories are drawn again with replacement Resamples
// times and each draw scored, so that the intervals show how far the
// figures would move on other stories like these. Stories, not
// sentences, are drawn, since a story's sentences share actors, words
// and mistakes.
type SilverIntervals struct {
	Resamples int      `json:"resamples"`
	Detection Interval `json:"sentence_detection"`
	Root      Interval `json:"root"`
	PLOVER    Interval `json:"plover"`
	SrcRoot   Interval `json:"source_root"`
	Full      Interval `json:"source_target_root"`
}

// Bootstrap sets rep.Intervals from n resamples of its stories, drawn
// with a generator seeded by seed (the same seed, the same intervals).
func (rep *SilverReport) Bootstrap(n int, seed uint64) {
	if n <= 0 || len(rep.stories) == 0 {
		rep.Intervals = nil
		return
	}
	f1s := resampleF1(n, seed, rep.stories)
	iv := &SilverIntervals{Resamples: n}
	for l, p := range []*Interval{&iv.Detection, &iv.Root, &iv.PLOVER, &iv.SrcRoot, &iv.Full} {
		*p = percentiles(f1s[l])
	}
	rep.Intervals = iv
}

// resampleF1 draws the stories n times and returns, per level, the F1 of
// each draw; each of the reports given is scored on the same draws.
func resampleF1(n int, seed uint64, reports ...[][levels]counts) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	ns := len(reports[0])
	out := make([][]float64, levels*len(reports))
	for d := 0; d < n; d++ {
		sums := make([][levels]counts, len(reports))
		for range ns {
			k := rng.IntN(ns)
			for r, stories := range reports {
				for l := range levels {
					c := stories[k][l]
					sums[r][l].tp += c.tp
					sums[r][l].pred += c.pred
					sums[r][l].gold += c.gold
				}
			}
		}
		for r := range reports {
			for l := range levels {
				out[r*levels+l] = append(out[r*levels+l], exactF1(sums[r][l]))
			}
		}
	}
	return out
}

// exactF1 is the unrounded F1 of c, in points.
func exactF1(c counts) float64 {
	if c.tp == 0 {
		return 0
	}
	p, r := float64(c.tp)/float64(c.pred), float64(c.tp)/float64(c.gold)
	return 200 * p * r / (p + r)
}

// percentiles returns the 2.5th and 97.5th percentiles of xs, rounded to
// hundredths.
func percentiles(xs []float64) Interval {
	s := slices.Clone(xs)
	slices.Sort(s)
	at := func(q float64) float64 {
		i := int(math.Round(q * float64(len(s)-1)))
		return math.Round(s[i]*100) / 100
	}
	return Interval{Lo: at(0.025), Hi: at(0.975)}
}

// SilverDifference is how one coder's F1 at a level differs from
// another's on the same stories.
type SilverDifference struct {
	Level string  `json:"level"`
	A     float64 `json:"a"`
	B     float64 `json:"b"`
	Delta float64 `json:"delta"` // B - A, in points
	// Lo and Hi bound Delta's 95 % paired bootstrap interval.
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
	// NotBetter is the share of resamples in which B's F1 is not above
	// A's: near 0, B is better on stories like these; near 0.5 or above,
	// the stories cannot tell them apart.
	NotBetter float64 `json:"not_better"`
}

// CompareSilver compares report b with report a, scored on the same
// stories, by a paired bootstrap: each of n draws of the stories scores
// both coders on the same stories, so that the difference is measured
// against how much the stories move both. The reports must come from
// ScoreSilver over the same stories.
func CompareSilver(a, b *SilverReport, n int, seed uint64) ([]SilverDifference, error) {
	if len(a.stories) != len(b.stories) || len(a.stories) == 0 {
		return nil, fmt.Errorf("compare: the reports score %d and %d stories; want the same, at least one", len(a.stories), len(b.stories))
	}
	if n <= 0 {
		return nil, fmt.Errorf("compare: want at least one resample, not %d", n)
	}
	f1s := resampleF1(n, seed, a.stories, b.stories)
	point := [2][levels]PRF{a.levels(), b.levels()}
	out := make([]SilverDifference, levels)
	for l := range levels {
		deltas := make([]float64, n)
		notBetter := 0
		for d := range n {
			deltas[d] = f1s[levels+l][d] - f1s[l][d]
			if deltas[d] <= 0 {
				notBetter++
			}
		}
		iv := percentiles(deltas)
		out[l] = SilverDifference{Level: levelNames[l], A: point[0][l].F1, B: point[1][l].F1,
			Delta: math.Round((point[1][l].F1-point[0][l].F1)*100) / 100, Lo: iv.Lo, Hi: iv.Hi,
			NotBetter: math.Round(float64(notBetter)/float64(n)*1000) / 1000}
	}
	return out, nil
}

// WriteComparison prints a comparison (CompareSilver) of coder b, named
// bName, with coder a, named aName.
func WriteComparison(w io.Writer, aName, bName string, diffs []SilverDifference, resamples int) error {
	fmt.Fprintf(w, "%s against %s, F1 (paired bootstrap, %d resamples of the stories):\n", bName, aName, resamples)
	for _, d := range diffs {
		if _, err := fmt.Fprintf(w, "  %-20s %6.2f → %6.2f  %+6.2f  (95%% %+.2f to %+.2f; not better in %.1f%% of resamples)\n",
			d.Level, d.A, d.B, d.Delta, d.Lo, d.Hi, 100*d.NotBetter); err != nil {
			return err
		}
	}
	return nil
}
