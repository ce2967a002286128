package server

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func TestFillPeriods(t *testing.T) {
	p := func(period string, n int) dyad.SeriesPoint {
		return dyad.SeriesPoint{Period: period, Events: n, GoldsteinMean: -1}
	}
	tests := []struct {
		name string
		by   dyad.Interval
		in   []dyad.SeriesPoint
		want string
	}{
		{"Weeks", dyad.Week, []dyad.SeriesPoint{p("2016-01-04", 1), p("2016-01-25", 2)}, "2016-01-04:1 2016-01-11:0 2016-01-18:0 2016-01-25:2"},
		{"Months", dyad.Month, []dyad.SeriesPoint{p("2016-11-01", 1), p("2017-02-01", 1)}, "2016-11-01:1 2016-12-01:0 2017-01-01:0 2017-02-01:1"},
		{"Days", dyad.Day, []dyad.SeriesPoint{p("2016-02-28", 1), p("2016-03-01", 1)}, "2016-02-28:1 2016-02-29:0 2016-03-01:1"},
		{"One", dyad.Week, []dyad.SeriesPoint{p("2016-01-04", 3)}, "2016-01-04:3"},
		{"TooMany", dyad.Day, []dyad.SeriesPoint{p("2000-01-01", 1), p("2020-01-01", 1)}, "2000-01-01:1 2020-01-01:1"},
		{"BadPeriod", dyad.Week, []dyad.SeriesPoint{p("soon", 1), p("2020-01-06", 1)}, "soon:1 2020-01-06:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range fillPeriods(tt.in, tt.by) {
				got = append(got, fmt.Sprintf("%s:%d", q.Period, q.Events))
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("fillPeriods(%v, %s) = %s, want %s", tt.in, tt.by, g, tt.want)
			}
		})
	}
}

func TestGoldsteinLineBreaks(t *testing.T) {
	pts := []dyad.SeriesPoint{{Period: "a", Events: 1}, {Period: "b"}, {Period: "c", Events: 2}, {Period: "d", Events: 1}}
	c := goldsteinLine(pts, 400, 200, "c", nil)
	if got := strings.Count(c.Path, "M"); got != 2 {
		t.Errorf("path %q has %d moves, want 2 (a break at the empty period)", c.Path, got)
	}
	if len(c.Dots) != 3 || c.Dots[1].Class != "point selected" {
		t.Errorf("dots %+v, want 3 with the second (period c) selected", c.Dots)
	}
}

func TestNiceCeil(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{{0, 1}, {0.3, 0.5}, {1, 1}, {1.1, 2}, {3, 5}, {7, 10}, {12.5, 20}, {4100, 5000}} {
		if got := niceCeil(tt.in); got != tt.want {
			t.Errorf("niceCeil(%g) = %g, want %g", tt.in, got, tt.want)
		}
	}
}

func TestGoldsteinColor(t *testing.T) {
	for _, tt := range []struct {
		g    float64
		want string
	}{{-10, "#c81e2d"}, {-20, "#c81e2d"}, {0, "#969696"}, {10, "#2166ac"}} {
		if got := goldsteinColor(tt.g); got != tt.want {
			t.Errorf("goldsteinColor(%g) = %s, want %s", tt.g, got, tt.want)
		}
	}
}

func TestNetworkChart(t *testing.T) {
	n := &dyad.Network{
		Nodes: []dyad.ActorCount{{Code: "USA", Events: 10}, {Code: "PRK", Events: 5}, {Code: "CHN", Events: 2}},
		Edges: []dyad.DyadCount{{Source: "USA", Target: "PRK", Events: 5, GoldsteinMean: -8}, {Source: "CHN", Target: "XXX", Events: 1}},
	}
	c := networkChart(n, 600, func(code string) string { return "/events?actor=" + code })
	if len(c.Dots) != 3 || len(c.Edges) != 1 {
		t.Fatalf("%d nodes and %d edges, want 3 and 1 (an edge to an unknown actor is dropped)", len(c.Dots), len(c.Edges))
	}
	if e := c.Edges[0]; e.Stroke != goldsteinColor(-8) || !strings.HasPrefix(e.Path, "M") {
		t.Errorf("edge %+v, want a conflict-red curve", e)
	}
	if empty := networkChart(&dyad.Network{}, 600, nil); len(empty.Dots) != 0 {
		t.Errorf("empty network drew %d nodes", len(empty.Dots))
	}
}

func TestCircleOrder(t *testing.T) {
	// Two pairs that only talk within themselves: each pair ends up
	// side by side.
	n := &dyad.Network{
		Nodes: []dyad.ActorCount{{Code: "A", Events: 9}, {Code: "C", Events: 8}, {Code: "B", Events: 7}, {Code: "D", Events: 6}},
		Edges: []dyad.DyadCount{{Source: "A", Target: "B", Events: 7}, {Source: "C", Target: "D", Events: 6}, {Source: "A", Target: "C", Events: 1}},
	}
	var got []string
	for _, a := range circleOrder(n) {
		got = append(got, a.Code)
	}
	if g := strings.Join(got, ""); g != "ABCD" {
		t.Errorf("circleOrder = %s, want ABCD (pairs together)", g)
	}
}

// TestStackedBarsAxisToMax checks the y axis ends at the highest bar,
// which fills the plot, with grid labels at round steps below it.
func TestStackedBarsAxisToMax(t *testing.T) {
	pts := []dyad.SeriesPoint{{Period: "2020-01-01", Events: 51, Quad: [4]int{51}}, {Period: "2020-02-01", Events: 7, Quad: [4]int{0, 7}}}
	c := stackedBars(pts, 960, 260, nil)
	minY := 1e9
	for _, b := range c.Bars {
		minY = math.Min(minY, b.Y)
	}
	if minY != padTop {
		t.Errorf("tallest bar tops at y=%g, want the plot's top %g", minY, padTop)
	}
	var got []string
	for _, l := range c.Labels {
		if l.Anchor == "end" {
			got = append(got, l.Text)
		}
	}
	if want := []string{"0", "20", "40", "51"}; !slices.Equal(got, want) {
		t.Errorf("y labels %q, want %q", got, want)
	}
}

func TestDenseSpan(t *testing.T) {
	p := func(n int) dyad.SeriesPoint { return dyad.SeriesPoint{Events: n} }
	at := func(period string, n int) dyad.SeriesPoint { return dyad.SeriesPoint{Period: period, Events: n} }
	tests := []struct {
		name   string
		pts    []dyad.SeriesPoint
		lo, hi int
	}{
		{"SparseTails", []dyad.SeriesPoint{p(1), p(0), p(1), p(50), p(80), p(70), p(1)}, 3, 5},
		{"IsolatedOutliers", []dyad.SeriesPoint{at("1905-06-01", 1), at("1950-06-01", 2), at("2016-01-01", 20), at("2016-02-01", 30), at("2016-03-01", 10)}, 2, 4},
		{"RealShape", []dyad.SeriesPoint{at("1905-01-01", 2), at("1963-01-01", 2), at("2015-01-01", 2), at("2015-09-01", 1), at("2018-01-01", 3),
			at("2019-01-01", 23), at("2019-02-01", 16), at("2019-03-01", 12), at("2019-04-01", 2), at("2019-05-01", 6), at("2020-01-01", 52), at("2025-03-01", 203)}, 5, 11},
		{"NotIsolated", []dyad.SeriesPoint{at("2015-12-01", 9), at("2016-01-01", 20), at("2016-02-01", 30), at("2016-03-01", 10)}, 0, 3},
		{"SparseStart", []dyad.SeriesPoint{at("2015-01-01", 1), at("2015-05-01", 1), at("2015-09-01", 2), at("2016-01-01", 20), at("2016-02-01", 30), at("2016-03-01", 25), at("2016-04-01", 20), at("2016-05-01", 22)}, 3, 7},
		{"AllDense", []dyad.SeriesPoint{p(40), p(50), p(60)}, 0, 2},
		{"One", []dyad.SeriesPoint{p(3)}, 0, 0},
		{"Empty", nil, 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if lo, hi := denseSpan(tt.pts, 0.02); lo != tt.lo || hi != tt.hi {
				t.Errorf("denseSpan=%d,%d, want %d,%d", lo, hi, tt.lo, tt.hi)
			}
		})
	}
}

func TestByCountry(t *testing.T) {
	as := []dyad.ActorCount{{Code: "USAGOV", Country: "USA", Name: "Antony Blinken", Events: 30}, {Code: "GOV", Events: 25},
		{Code: "USA", Country: "USA", Name: "United States", Events: 10}, {Code: "CHN", Country: "CHN", Name: "China", Events: 35}}
	countries, apart := byCountry(as)
	got := fmt.Sprint(countries, apart)
	want := "[{USA USA United States 40} {CHN CHN China 35}] [{GOV   25}]"
	if got != want {
		t.Errorf("byCountry=%s, want %s", got, want)
	}
	net := &dyad.Network{Nodes: append(as, dyad.ActorCount{Code: "CHNMIL", Country: "CHN", Events: 5}),
		Edges: []dyad.DyadCount{{Source: "USAGOV", Target: "CHN", Events: 4, GoldsteinSum: -8}, {Source: "USA", Target: "CHNMIL", Events: 2, GoldsteinSum: 2},
			{Source: "USAGOV", Target: "USA", Events: 9}, {Source: "GOV", Target: "CHN", Events: 7}}}
	folded := networkByCountry(net, 10, nil)
	if len(folded.Edges) != 1 || folded.Edges[0].Source != "USA" || folded.Edges[0].Target != "CHN" || folded.Edges[0].Events != 6 || folded.Edges[0].GoldsteinMean != -1 {
		t.Errorf("edges %+v, want one USA→CHN edge of 6 events, mean -1", folded.Edges)
	}
	if len(folded.Nodes) != 2 {
		t.Errorf("nodes %+v, want USA and CHN", folded.Nodes)
	}
}
