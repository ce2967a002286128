package metrics

import (
	"fmt"
	"io"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ContentType is the media type of the text format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

// DefaultBuckets are upper bounds in seconds for durations from a
// millisecond to a minute.
var DefaultBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60}

// metric is one named series the registry writes.
type metric interface {
	write(w io.Writer, name string) error
}

type entry struct {
	name, help, kind string
	m                metric
}

// Registry holds named metrics and writes them in name order.
type Registry struct {
	mu      sync.Mutex
	entries map[string]entry
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{entries: map[string]entry{}} }

// register adds m under name, or returns the metric already there.
func (r *Registry) register(name, help, kind string, m metric) metric {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.entries[name]; ok {
		return e.m
	}
	r.entries[name] = entry{name: name, help: help, kind: kind, m: m}
	return m
}

// Counter returns the counter called name, creating it.
func (r *Registry) Counter(name, help string) *Counter {
	c, _ := r.register(name, help, "counter", new(Counter)).(*Counter)
	return c
}

// Gauge returns the gauge called name, creating it.
func (r *Registry) Gauge(name, help string) *Gauge {
	g, _ := r.register(name, help, "gauge", new(Gauge)).(*Gauge)
	return g
}

// GaugeFunc registers a gauge whose value f reads at each scrape.
func (r *Registry) GaugeFunc(name, help string, f func() float64) {
	r.register(name, help, "gauge", gaugeFunc(f))
}

// Histogram returns the histogram called name with the given bucket upper
// bounds (DefaultBuckets when nil), creating it.
func (r *Registry) Histogram(name, help string, buckets []float64) *Histogram {
	if buckets == nil {
		buckets = DefaultBuckets
	}
	h := &Histogram{bounds: append([]float64(nil), buckets...)}
	sort.Float64s(h.bounds)
	h.counts = make([]atomic.Uint64, len(h.bounds)+1)
	out, _ := r.register(name, help, "histogram", h).(*Histogram)
	return out
}

// WriteTo writes every metric in the text format.
func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	r.mu.Lock()
	es := make([]entry, 0, len(r.entries))
	for _, e := range r.entries {
		es = append(es, e)
	}
	r.mu.Unlock()
	sort.Slice(es, func(i, j int) bool { return es[i].name < es[j].name })
	cw := &countWriter{w: w}
	for _, e := range es {
		fmt.Fprintf(cw, "# HELP %s %s\n# TYPE %s %s\n", e.name, escapeHelp(e.help), e.name, e.kind)
		if err := e.m.write(cw, e.name); err != nil {
			return cw.n, err
		}
	}
	return cw.n, cw.err
}

// ServeHTTP serves the metrics, for mounting at /metrics.
func (r *Registry) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", ContentType)
	r.WriteTo(w)
}

// Counter is a value that only goes up.
type Counter struct{ v atomic.Uint64 }

// Add adds n.
func (c *Counter) Add(n int) {
	if n > 0 {
		c.v.Add(uint64(n))
	}
}

// Inc adds one.
func (c *Counter) Inc() { c.v.Add(1) }

// Value returns the count.
func (c *Counter) Value() uint64 { return c.v.Load() }

func (c *Counter) write(w io.Writer, name string) error {
	_, err := fmt.Fprintf(w, "%s %d\n", name, c.v.Load())
	return err
}

// Gauge is a value that goes up and down.
type Gauge struct{ bits atomic.Uint64 }

// Set sets the value.
func (g *Gauge) Set(v float64) { g.bits.Store(math.Float64bits(v)) }

// Value returns the value.
func (g *Gauge) Value() float64 { return math.Float64frombits(g.bits.Load()) }

func (g *Gauge) write(w io.Writer, name string) error {
	_, err := fmt.Fprintf(w, "%s %s\n", name, formatFloat(g.Value()))
	return err
}

type gaugeFunc func() float64

func (f gaugeFunc) write(w io.Writer, name string) error {
	_, err := fmt.Fprintf(w, "%s %s\n", name, formatFloat(f()))
	return err
}

// Histogram counts observations into buckets.
type Histogram struct {
	bounds []float64
	counts []atomic.Uint64 // one per bound, then +Inf
	mu     sync.Mutex
	sum    float64
}

// Observe records one value.
func (h *Histogram) Observe(v float64) {
	i := sort.SearchFloat64s(h.bounds, v) // first bound ≥ v
	h.counts[i].Add(1)
	h.mu.Lock()
	h.sum += v
	h.mu.Unlock()
}

// Since records the seconds elapsed since t.
func (h *Histogram) Since(t time.Time) { h.Observe(time.Since(t).Seconds()) }

// Count returns the number of observations.
func (h *Histogram) Count() uint64 {
	var n uint64
	for i := range h.counts {
		n += h.counts[i].Load()
	}
	return n
}

func (h *Histogram) write(w io.Writer, name string) error {
	var cum uint64
	for i, b := range h.bounds {
		cum += h.counts[i].Load()
		fmt.Fprintf(w, "%s_bucket{le=\"%s\"} %d\n", name, formatFloat(b), cum)
	}
	cum += h.counts[len(h.bounds)].Load()
	h.mu.Lock()
	sum := h.sum
	h.mu.Unlock()
	_, err := fmt.Fprintf(w, "%s_bucket{le=\"+Inf\"} %d\n%s_sum %s\n%s_count %d\n", name, cum, name, formatFloat(sum), name, cum)
	return err
}

func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func escapeHelp(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(s)
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}
