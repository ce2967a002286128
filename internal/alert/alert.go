package alert

import (
	"math"
	"sort"
	"time"
)

// Defaults of Options.
const (
	DefaultWindow       = 12  // trailing weeks compared with
	DefaultMinHistory   = 8   // weeks of history needed before a week can alert
	DefaultThreshold    = 3.5 // robust z-score that flags a week
	DefaultMinScale     = 4.0 // Goldstein points: the smallest scale used
	DefaultMinIntensity = 10  // Goldstein points: quieter weeks never alert
)

// madNormal makes the MAD comparable with a standard deviation for
// normally distributed data.
const madNormal = 1.4826

// Options tune Detect.
type Options struct {
	Window       int     // trailing weeks that form the baseline
	MinHistory   int     // weeks of history needed (≤ Window)
	Threshold    float64 // robust z-score at or above which a week alerts
	MinScale     float64 // lower bound of the scale, in Goldstein points
	MinIntensity float64 // lower bound of an alerting week's intensity
}

// DefaultOptions returns the options dyad alerts with.
func DefaultOptions() Options {
	return Options{
		Window:       DefaultWindow,
		MinHistory:   DefaultMinHistory,
		Threshold:    DefaultThreshold,
		MinScale:     DefaultMinScale,
		MinIntensity: DefaultMinIntensity,
	}
}

// Week is one week of a dyad's conflict.
type Week struct {
	Start     string  // Monday, YYYY-MM-DD
	Intensity float64 // summed |Goldstein| of quad-3 and quad-4 events
	Events    int     // conflict events
}

// Alert is one week flagged for a dyad.
type Alert struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Week      string  `json:"week"`      // Monday, YYYY-MM-DD
	Intensity float64 `json:"intensity"` // the week's conflict intensity
	Events    int     `json:"events"`    // its conflict events
	Baseline  float64 `json:"baseline"`  // median intensity of the trailing window
	Scale     float64 `json:"scale"`     // robust scale of the window
	Score     float64 `json:"score"`     // robust z-score
	History   int     `json:"history"`   // weeks in the window
}

// Detect returns the weeks of one dyad's series that alert, oldest first.
// weeks need not be sorted or contiguous: missing weeks count as quiet.
// Weeks whose Start is not a date are ignored.
func Detect(weeks []Week, opts Options) []Alert {
	opts = opts.withDefaults()
	series := fill(weeks)
	var out []Alert
	for i, w := range series {
		lo := max(0, i-opts.Window)
		hist := series[lo:i]
		if len(hist) < opts.MinHistory || w.Intensity < opts.MinIntensity {
			continue
		}
		xs := make([]float64, len(hist))
		for k, h := range hist {
			xs[k] = h.Intensity
		}
		med, mad := medianMAD(xs)
		scale := math.Max(madNormal*mad, opts.MinScale)
		z := (w.Intensity - med) / scale
		if z >= opts.Threshold {
			out = append(out, Alert{Week: w.Start, Intensity: w.Intensity, Events: w.Events,
				Baseline: med, Scale: scale, Score: z, History: len(hist)})
		}
	}
	return out
}

// withDefaults replaces unset options by their defaults.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.Window <= 0 {
		o.Window = d.Window
	}
	if o.MinHistory <= 0 {
		o.MinHistory = d.MinHistory
	}
	o.MinHistory = min(o.MinHistory, o.Window)
	if o.Threshold <= 0 {
		o.Threshold = d.Threshold
	}
	if o.MinScale <= 0 {
		o.MinScale = d.MinScale
	}
	if o.MinIntensity < 0 {
		o.MinIntensity = 0
	}
	return o
}

// fill sorts weeks and inserts a quiet week for every missing Monday
// between the first and the last.
func fill(weeks []Week) []Week {
	byStart := map[string]Week{}
	var first, last time.Time
	for _, w := range weeks {
		t, err := time.Parse(time.DateOnly, w.Start)
		if err != nil {
			continue
		}
		t = Monday(t)
		w.Start = t.Format(time.DateOnly)
		if prev, ok := byStart[w.Start]; ok {
			w.Intensity += prev.Intensity
			w.Events += prev.Events
		}
		byStart[w.Start] = w
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	if len(byStart) == 0 {
		return nil
	}
	var out []Week
	for t := first; !t.After(last); t = t.AddDate(0, 0, 7) {
		s := t.Format(time.DateOnly)
		w, ok := byStart[s]
		if !ok {
			w = Week{Start: s}
		}
		out = append(out, w)
	}
	return out
}

// Monday returns the Monday starting t's ISO week.
func Monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// medianMAD returns the median of xs and the median absolute deviation
// from it. xs is reordered.
func medianMAD(xs []float64) (med, mad float64) {
	med = median(xs)
	dev := make([]float64, len(xs))
	for i, x := range xs {
		dev[i] = math.Abs(x - med)
	}
	return med, median(dev)
}

// median returns the median of xs (0 when empty), sorting it.
func median(xs []float64) float64 {
	n := len(xs)
	if n == 0 {
		return 0
	}
	sort.Float64s(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
