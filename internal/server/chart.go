package server

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// chart is an SVG drawing in view-box units that the "chart" template
// renders: the server draws every chart, so pages need no chart library.
type chart struct {
	W, H   float64
	Title  string // accessible name
	Grid   []line
	Bars   []rect
	Path   string // the data line, an SVG path
	Dots   []dot
	Labels []label
	Edges  []edge
}

type line struct{ X1, Y1, X2, Y2 float64 }

type rect struct {
	X, Y, W, H float64
	Class      string
	Title      string
	Href       string
}

type dot struct {
	X, Y, R float64
	Class   string
	Fill    string
	Title   string
	Href    string
	Label   string
}

type label struct {
	X, Y   float64
	Text   string
	Anchor string // start, middle, end
	Class  string
}

type edge struct {
	Path   string
	Stroke string
	Width  float64
	Title  string
}

// Chart margins, in view-box units.
const (
	padLeft   = 44.0
	padRight  = 12.0
	padTop    = 12.0
	padBottom = 26.0
)

// quadNames names quad classes 1–4.
var quadNames = [4]string{"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

// stackedBars draws events per period stacked by quad class; each bar
// links to href(period) when href is set.
func stackedBars(pts []dyad.SeriesPoint, w, h float64, href func(string) string) *chart {
	c := &chart{W: w, H: h, Title: "events by quad class"}
	maxN := 1
	for _, p := range pts {
		maxN = max(maxN, p.Events)
	}
	top := float64(maxN) // the tallest bar fills the plot
	plotH := h - padTop - padBottom
	y := func(v float64) float64 { return padTop + plotH*(1-v/top) }
	c.yAxis(top, niceCeil(top/4), y)
	slot := (w - padLeft - padRight) / float64(max(1, len(pts)))
	bw := math.Max(1, slot*0.8)
	for i, p := range pts {
		if p.Events == 0 {
			continue
		}
		x := padLeft + slot*float64(i) + (slot-bw)/2
		acc := 0.0
		for q := range 4 {
			n := float64(p.Quad[q])
			if n == 0 {
				continue
			}
			r := rect{X: x, Y: y(acc + n), W: bw, H: y(acc) - y(acc+n), Class: fmt.Sprintf("q%d", q+1),
				Title: fmt.Sprintf("%s: %d %s", p.Period, p.Quad[q], quadNames[q])}
			if href != nil {
				r.Href = href(p.Period)
			}
			c.Bars = append(c.Bars, r)
			acc += n
		}
	}
	c.xLabels(pts, func(i int) float64 { return padLeft + slot*(float64(i)+0.5) })
	return c
}

// goldsteinLine draws the mean Goldstein of each period on a −10…+10
// scale, with a dot per period linking to href(period).
func goldsteinLine(pts []dyad.SeriesPoint, w, h float64, selected string, href func(string) string) *chart {
	c := &chart{W: w, H: h, Title: "mean Goldstein score by period"}
	plotH := h - padTop - padBottom
	y := func(v float64) float64 { return padTop + plotH*(10-v)/20 }
	for _, v := range []float64{-10, -5, 0, 5, 10} {
		c.Grid = append(c.Grid, line{padLeft, y(v), w - padRight, y(v)})
		t := fmt.Sprintf("%+g", v)
		if v == 0 {
			t = "0"
		}
		c.Labels = append(c.Labels, label{X: padLeft - 6, Y: y(v) + 4, Text: t, Anchor: "end", Class: "axis"})
	}
	step := (w - padLeft - padRight) / float64(max(1, len(pts)))
	x := func(i int) float64 { return padLeft + step*(float64(i)+0.5) }
	var b strings.Builder
	pen := false // whether the line is drawing: it breaks over empty periods
	for i, p := range pts {
		if p.Events == 0 {
			pen = false
			continue
		}
		cmd := 'L'
		if !pen {
			cmd = 'M'
		}
		pen = true
		fmt.Fprintf(&b, "%c%.1f %.1f ", cmd, x(i), y(p.GoldsteinMean))
		d := dot{X: x(i), Y: y(p.GoldsteinMean), R: 4, Class: "point", Fill: goldsteinColor(p.GoldsteinMean),
			Title: fmt.Sprintf("%s: mean Goldstein %+.1f over %d events (%d conflict)", p.Period, p.GoldsteinMean, p.Events, p.Quad[2]+p.Quad[3])}
		if p.Period == selected {
			d.R, d.Class = 7, "point selected"
		}
		if href != nil {
			d.Href = href(p.Period)
		}
		c.Dots = append(c.Dots, d)
	}
	c.Path = strings.TrimSpace(b.String())
	c.xLabels(pts, x)
	return c
}

// yAxis draws horizontal grid lines with labels at every step from 0 up
// to top, and one at top itself, the data's maximum.
func (c *chart) yAxis(top, step float64, y func(float64) float64) {
	tick := func(v float64) {
		c.Grid = append(c.Grid, line{padLeft, y(v), c.W - padRight, y(v)})
		c.Labels = append(c.Labels, label{X: padLeft - 6, Y: y(v) + 4, Text: fmt.Sprintf("%g", math.Round(v*10)/10), Anchor: "end", Class: "axis"})
	}
	v := 0.0
	for ; v <= top-step/2; v += step { // not so close to top that the labels collide
		tick(v)
	}
	tick(top)
}

// xLabels labels about eight evenly spaced periods.
func (c *chart) xLabels(pts []dyad.SeriesPoint, x func(int) float64) {
	every := max(1, (len(pts)+7)/8)
	for i := 0; i < len(pts); i += every {
		c.Labels = append(c.Labels, label{X: x(i), Y: c.H - 8, Text: pts[i].Period, Anchor: "middle", Class: "axis"})
	}
}

// circleOrder orders the network's actors around the circle so that
// actors with many events between them sit close: starting from the
// busiest, each next actor is the one with most events to the actors
// already placed (the busiest on a tie), which keeps edges short and
// groups regional clusters.
func circleOrder(n *dyad.Network) []dyad.ActorCount {
	weight := map[[2]string]int{}
	for _, e := range n.Edges {
		weight[[2]string{e.Source, e.Target}] += e.Events
		weight[[2]string{e.Target, e.Source}] += e.Events
	}
	left := append([]dyad.ActorCount(nil), n.Nodes...)
	var out []dyad.ActorCount
	for len(left) > 0 {
		best, bestW := 0, -1
		for i, a := range left {
			w := 0
			for _, p := range out {
				w += weight[[2]string{a.Code, p.Code}]
			}
			if len(out) > 0 { // the latest placed counts double: neighbours
				w += weight[[2]string{a.Code, out[len(out)-1].Code}]
			}
			if w > bestW || (w == bestW && a.Events > left[best].Events) {
				best, bestW = i, w
			}
		}
		out = append(out, left[best])
		left = append(left[:best], left[best+1:]...)
	}
	return out
}

// fillPeriods returns pts with an empty point for every period missing
// between the first and the last, so a chart's x axis is time; it gives
// pts back unchanged when filling would draw more than maxPeriods.
func fillPeriods(pts []dyad.SeriesPoint, by dyad.Interval) []dyad.SeriesPoint {
	const maxPeriods = 2000
	if len(pts) < 2 {
		return pts
	}
	t, err1 := time.Parse(time.DateOnly, pts[0].Period)
	end, err2 := time.Parse(time.DateOnly, pts[len(pts)-1].Period)
	if err1 != nil || err2 != nil {
		return pts
	}
	have := make(map[string]dyad.SeriesPoint, len(pts))
	for _, p := range pts {
		have[p.Period] = p
	}
	var out []dyad.SeriesPoint
	for ; !t.After(end); t = nextPeriod(t, by) {
		if len(out) == maxPeriods {
			return pts
		}
		k := t.Format(time.DateOnly)
		p, ok := have[k]
		if !ok {
			p = dyad.SeriesPoint{Period: k}
		}
		out = append(out, p)
	}
	return out
}

// Limits of the default time axis: a few historical events (a war of
// 1905 recalled in 2020) must not squeeze the news into the last pixels.
// At each end the axis drops periods holding up to denseTail of the
// events, or up to sparseTail when each dropped period is thin (under a
// fifth of the 90th percentile of the periods' events, so one spike does
// not make every month thin) or stands a year or more apart from the rest.
const (
	denseTail   = 0.01
	sparseTail  = 0.10
	isolatedGap = 365 * 24 * time.Hour
)

// denseSpan returns the first and last index of the points (non-empty
// periods in order) between which the events are dense.
func denseSpan(pts []dyad.SeriesPoint, tail float64) (lo, hi int) {
	total := 0
	counts := make([]int, 0, len(pts))
	for _, p := range pts {
		total += p.Events
		if p.Events > 0 {
			counts = append(counts, p.Events)
		}
	}
	slices.Sort(counts)
	p90 := 0
	if len(counts) > 0 {
		p90 = counts[len(counts)*9/10]
	}
	budget, sparse := int(tail*float64(total)), int(sparseTail*float64(total))
	thin := func(i, next int) bool {
		if 5*pts[i].Events < p90 {
			return true
		}
		a, err1 := time.Parse(time.DateOnly, pts[i].Period)
		b, err2 := time.Parse(time.DateOnly, pts[next].Period)
		return err1 == nil && err2 == nil && b.Sub(a).Abs() >= isolatedGap
	}
	lo, hi = 0, len(pts)-1
	for cut := 0; lo < hi; lo++ {
		cut += pts[lo].Events
		if cut > budget && (cut > sparse || !thin(lo, lo+1)) {
			break
		}
	}
	for cut := 0; hi > lo; hi-- {
		cut += pts[hi].Events
		if cut > budget && (cut > sparse || !thin(hi, hi-1)) {
			break
		}
	}
	return lo, hi
}

// nextPeriod returns the start of the period after the one starting at t.
func nextPeriod(t time.Time, by dyad.Interval) time.Time {
	switch by {
	case dyad.Week:
		return t.AddDate(0, 0, 7)
	case dyad.Month:
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 1)
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// goldsteinColor maps −10…+10 to red, grey, blue.
func goldsteinColor(g float64) string {
	g = math.Max(-10, math.Min(10, g)) / 10
	grey := [3]float64{150, 150, 150}
	end := [3]float64{33, 102, 172} // cooperation
	if g < 0 {
		end, g = [3]float64{200, 30, 45}, -g // conflict
	}
	var c [3]int
	for i := range 3 {
		c[i] = int(math.Round(grey[i] + (end[i]-grey[i])*g))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

// networkChart lays the network's actors on a circle, busiest first,
// with curved edges coloured by mean Goldstein and as wide as their
// events are many (logarithmically). Each node links to href(code).
func networkChart(n *dyad.Network, size float64, href func(string) string) *chart {
	c := &chart{W: size, H: size, Title: "actor network"}
	if n == nil || len(n.Nodes) == 0 {
		return c
	}
	cx, cy, rad := size/2, size/2, size/2-70
	pos := map[string][2]float64{}
	maxN := 1
	for _, a := range n.Nodes {
		maxN = max(maxN, a.Events)
	}
	for i, a := range circleOrder(n) {
		th := 2*math.Pi*float64(i)/float64(len(n.Nodes)) - math.Pi/2
		x, y := cx+rad*math.Cos(th), cy+rad*math.Sin(th)
		pos[a.Code] = [2]float64{x, y}
		anchor := "start"
		if math.Cos(th) < -0.1 {
			anchor = "end"
		} else if math.Abs(math.Cos(th)) <= 0.1 {
			anchor = "middle"
		}
		r := 4 + 10*math.Sqrt(float64(a.Events)/float64(maxN))
		lx, ly := cx+(rad+r+6)*math.Cos(th), cy+(rad+r+6)*math.Sin(th)+4
		if anchor == "middle" { // above the top node, below the bottom one
			ly += 6 * math.Sin(th)
		}
		d := dot{X: x, Y: y, R: r, Class: "node", Fill: "#455a64", Title: fmt.Sprintf("%s %s: %d events", a.Code, a.Name, a.Events), Label: a.Code}
		if href != nil {
			d.Href = href(a.Code)
		}
		c.Dots = append(c.Dots, d)
		c.Labels = append(c.Labels, label{X: lx, Y: ly, Text: a.Code, Anchor: anchor, Class: "node-label"})
	}
	maxE := 1
	for _, e := range n.Edges {
		maxE = max(maxE, e.Events)
	}
	for _, e := range n.Edges {
		a, ok1 := pos[e.Source]
		b, ok2 := pos[e.Target]
		if !ok1 || !ok2 {
			continue
		}
		// Bend each edge to its right so A→B and B→A do not overlap.
		mx, my := (a[0]+b[0])/2, (a[1]+b[1])/2
		dx, dy := b[0]-a[0], b[1]-a[1]
		qx, qy := mx-dy*0.15, my+dx*0.15
		c.Edges = append(c.Edges, edge{
			Path:   fmt.Sprintf("M%.1f %.1f Q%.1f %.1f %.1f %.1f", a[0], a[1], qx, qy, b[0], b[1]),
			Stroke: goldsteinColor(e.GoldsteinMean),
			Width:  1 + 5*math.Log1p(float64(e.Events))/math.Log1p(float64(maxE)),
			Title:  fmt.Sprintf("%s → %s: %d events, mean Goldstein %+.1f", e.Source, e.Target, e.Events, e.GoldsteinMean),
		})
	}
	return c
}
