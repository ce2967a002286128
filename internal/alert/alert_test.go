package alert_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/alert"
)

// synthetic returns n weeks from 2020-01-06 of noisy background conflict
// with mean base, and breakAt onward raised by jump (jump 0: no break).
func synthetic(n int, base, jump float64, breakAt int, seed uint64) []alert.Week {
	r := rand.New(rand.NewPCG(seed, 1))
	start := time.Date(2020, 1, 6, 0, 0, 0, 0, time.UTC)
	var ws []alert.Week
	for i := range n {
		x := base + r.NormFloat64()*base/4
		if i >= breakAt && jump > 0 {
			x += jump
		}
		x = max(0, x)
		ws = append(ws, alert.Week{Start: start.AddDate(0, 0, 7*i).Format(time.DateOnly), Intensity: x, Events: int(x / 5)})
	}
	return ws
}

func TestDetectKnownBreak(t *testing.T) {
	ws := synthetic(40, 20, 60, 30, 7)
	got := alert.Detect(ws, alert.DefaultOptions())
	if len(got) == 0 {
		t.Fatalf("no alert for a break of +60 over a base of 20 at week 30 (%s)", ws[30].Start)
	}
	if got[0].Week != ws[30].Start {
		t.Errorf("first alert in week %s (score %.1f), want the break week %s", got[0].Week, got[0].Score, ws[30].Start)
	}
	for _, a := range got {
		if a.Week < ws[30].Start {
			t.Errorf("alert before the break: %+v", a)
		}
	}
	// Once the new level fills the window it is the baseline: alerts stop.
	if last := got[len(got)-1].Week; last >= ws[39].Start {
		t.Errorf("still alerting at %s, ten weeks after the break; alerts: %d", last, len(got))
	}
}

func TestDetectNoBreak(t *testing.T) {
	// Twenty dyad-years of stationary noise (sd a quarter of the mean):
	// robust z over a 12-week window is itself noisy, so allow a rare
	// false alert, not a steady trickle.
	nFalse := 0
	for seed := range uint64(20) {
		ws := synthetic(52, 20, 0, 0, seed)
		for _, a := range alert.Detect(ws, alert.DefaultOptions()) {
			nFalse++
			t.Logf("seed %d: false alert %+v", seed, a)
		}
	}
	if nFalse > 3 {
		t.Errorf("%d false alerts in 20×52 stationary weeks, want at most 3", nFalse)
	}
}

func TestDetect(t *testing.T) {
	w := func(start string, x float64) alert.Week { return alert.Week{Start: start, Intensity: x, Events: 1} }
	quiet := []alert.Week{w("2021-01-04", 0), w("2021-03-01", 0)} // nine weeks, seven of them missing
	tests := []struct {
		name  string
		weeks []alert.Week
		want  []string // weeks alerting
	}{
		{"Empty", nil, nil},
		{"QuietThenAttack", append(quiet[:2:2], w("2021-03-08", 40)), []string{"2021-03-08"}},
		{"TooLittleHistory", []alert.Week{w("2021-01-04", 0), w("2021-01-11", 40)}, nil},
		{"StrayEvent", append(quiet[:2:2], w("2021-03-08", 4)), nil},
		{"UnsortedMidweek", []alert.Week{w("2021-03-10", 40), w("2021-01-06", 0)}, []string{"2021-03-08"}},
		{"BadDateIgnored", []alert.Week{w("March", 90)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := alert.Detect(tt.weeks, alert.DefaultOptions())
			if g, w := weeksOf(got), fmt.Sprint(tt.want); g != w {
				t.Errorf("Detect(%v) alerts in %s, want %s", tt.weeks, g, w)
			}
		})
	}
}

func TestDetectScore(t *testing.T) {
	// History 10 ×10 and 10 ×30 alternating: median 20, MAD 10, scale 14.826.
	var ws []alert.Week
	start := time.Date(2022, 1, 3, 0, 0, 0, 0, time.UTC)
	for i := range 12 {
		ws = append(ws, alert.Week{Start: start.AddDate(0, 0, 7*i).Format(time.DateOnly), Intensity: float64(10 + 20*(i%2))})
	}
	ws = append(ws, alert.Week{Start: start.AddDate(0, 0, 7*12).Format(time.DateOnly), Intensity: 100})
	opts := alert.DefaultOptions()
	opts.MinHistory = 12
	got := alert.Detect(ws, opts)
	if len(got) != 1 {
		t.Fatalf("got %d alerts, want 1: %+v", len(got), got)
	}
	a := got[0]
	if a.Baseline != 20 || fmt.Sprintf("%.3f", a.Scale) != "14.826" || fmt.Sprintf("%.2f", a.Score) != "5.40" {
		t.Errorf("baseline %v scale %.3f score %.2f, want 20, 14.826, 5.40", a.Baseline, a.Scale, a.Score)
	}
}

func weeksOf(as []alert.Alert) string {
	var ws []string
	for _, a := range as {
		ws = append(ws, a.Week)
	}
	return fmt.Sprint(ws)
}

func BenchmarkDetect(b *testing.B) {
	ws := synthetic(520, 20, 60, 300, 1)
	b.ReportAllocs()
	for b.Loop() {
		alert.Detect(ws, alert.DefaultOptions())
	}
}
