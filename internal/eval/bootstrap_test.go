package eval

import (
	"math"
	"reflect"
	"testing"
)

// storyCounts builds per-story counts in which every level has the same
// tp, predictions and gold items.
func storyCounts(cs ...counts) [][levels]counts {
	out := make([][levels]counts, len(cs))
	for i, c := range cs {
		for l := range levels {
			out[i][l] = c
		}
	}
	return out
}

func TestBootstrapIntervals(t *testing.T) {
	// Stories of very different quality: the interval must be wide and
	// hold the figure over all of them.
	mixed := &SilverReport{stories: storyCounts(
		counts{tp: 9, pred: 10, gold: 10}, counts{tp: 1, pred: 10, gold: 10},
		counts{tp: 5, pred: 10, gold: 10}, counts{tp: 8, pred: 9, gold: 12},
		counts{tp: 2, pred: 6, gold: 4}, counts{tp: 7, pred: 7, gold: 9})}
	mixed.Bootstrap(2000, 1)
	iv := mixed.Intervals
	if iv == nil || iv.Resamples != 2000 {
		t.Fatalf("Intervals = %+v", iv)
	}
	var all counts
	for _, s := range mixed.stories {
		all.tp, all.pred, all.gold = all.tp+s[1].tp, all.pred+s[1].pred, all.gold+s[1].gold
	}
	point := exactF1(all)
	if !(iv.Root.Lo < point && point < iv.Root.Hi) || iv.Root.Hi-iv.Root.Lo < 10 {
		t.Errorf("root interval %+v around %.2f: want it to hold the figure and be wide", iv.Root, point)
	}
	// The same seed gives the same intervals; a report of identical
	// stories has nothing to vary.
	again := &SilverReport{stories: mixed.stories}
	again.Bootstrap(2000, 1)
	if !reflect.DeepEqual(again.Intervals, iv) {
		t.Errorf("same seed, different intervals: %+v, %+v", again.Intervals, iv)
	}
	same := &SilverReport{stories: storyCounts(counts{tp: 3, pred: 4, gold: 6}, counts{tp: 3, pred: 4, gold: 6})}
	same.Bootstrap(500, 7)
	if w := same.Intervals.Full; w.Lo != w.Hi || w.Lo != 60 {
		t.Errorf("identical stories: interval %+v, want 60–60", w)
	}
	same.Bootstrap(0, 7)
	if same.Intervals != nil {
		t.Errorf("no resamples: intervals %+v, want none", same.Intervals)
	}
}

func TestCompareSilver(t *testing.T) {
	a := &SilverReport{stories: storyCounts(counts{tp: 4, pred: 10, gold: 10}, counts{tp: 5, pred: 10, gold: 10}, counts{tp: 3, pred: 8, gold: 9})}
	a.Root = prf(12, 28, 29)
	// b finds one more event in every story: better on any draw.
	b := &SilverReport{stories: storyCounts(counts{tp: 5, pred: 10, gold: 10}, counts{tp: 6, pred: 10, gold: 10}, counts{tp: 4, pred: 8, gold: 9})}
	b.Root = prf(15, 28, 29)
	diffs, err := CompareSilver(a, b, 1000, 1)
	if err != nil {
		t.Fatal(err)
	}
	d := diffs[1]
	if d.Level != "CAMEO root" || math.Abs(d.Delta-(b.Root.F1-a.Root.F1)) > 0.005 || d.Lo <= 0 || d.NotBetter != 0 {
		t.Errorf("b better on every story: %+v", d)
	}
	// Against itself, no resample can tell them apart.
	self, err := CompareSilver(a, a, 200, 1)
	if err != nil {
		t.Fatal(err)
	}
	if s := self[4]; s.Delta != 0 || s.Lo != 0 || s.Hi != 0 || s.NotBetter != 1 {
		t.Errorf("a against itself: %+v", s)
	}
	// A difference that one story carries and another undoes is not
	// sure either way.
	c := &SilverReport{stories: storyCounts(counts{tp: 8, pred: 10, gold: 10}, counts{tp: 1, pred: 10, gold: 10}, counts{tp: 3, pred: 8, gold: 9})}
	mixed, err := CompareSilver(a, c, 1000, 1)
	if err != nil {
		t.Fatal(err)
	}
	if m := mixed[1]; m.Lo >= 0 || m.Hi <= 0 || m.NotBetter < 0.1 || m.NotBetter > 0.9 {
		t.Errorf("a difference the stories split: %+v", m)
	}
	if _, err := CompareSilver(a, &SilverReport{stories: a.stories[:2]}, 100, 1); err == nil {
		t.Errorf("reports of different stories compared without error")
	}
}
