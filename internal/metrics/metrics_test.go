package metrics_test

import (
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad/internal/metrics"
)

func TestWriteTo(t *testing.T) {
	r := metrics.NewRegistry()
	docs := r.Counter("dyad_documents_total", "Documents coded.")
	docs.Add(3)
	docs.Inc()
	r.Gauge("dyad_queue_lag", "Messages waiting.").Set(2.5)
	r.GaugeFunc("dyad_up", "Always 1.", func() float64 { return 1 })
	h := r.Histogram("dyad_code_seconds", "Time to code a document.", []float64{0.1, 1})
	for _, v := range []float64{0.05, 0.1, 0.5, 7} {
		h.Observe(v)
	}
	if again := r.Counter("dyad_documents_total", "ignored"); again != docs {
		t.Fatal("Counter registered twice returned a new counter")
	}
	var b strings.Builder
	if _, err := r.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	want := `# HELP dyad_code_seconds Time to code a document.
# TYPE dyad_code_seconds histogram
dyad_code_seconds_bucket{le="0.1"} 2
dyad_code_seconds_bucket{le="1"} 3
dyad_code_seconds_bucket{le="+Inf"} 4
dyad_code_seconds_sum 7.65
dyad_code_seconds_count 4
# HELP dyad_documents_total Documents coded.
# TYPE dyad_documents_total counter
dyad_documents_total 4
# HELP dyad_queue_lag Messages waiting.
# TYPE dyad_queue_lag gauge
dyad_queue_lag 2.5
# HELP dyad_up Always 1.
# TYPE dyad_up gauge
dyad_up 1
`
	if got := b.String(); got != want {
		t.Fatalf("WriteTo:\ngot:\n%s\nwant:\n%s", got, want)
	}
}

func TestServeHTTP(t *testing.T) {
	r := metrics.NewRegistry()
	r.Counter("x_total", "X.").Inc()
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if ct := rec.Header().Get("Content-Type"); ct != metrics.ContentType || !strings.Contains(rec.Body.String(), "x_total 1\n") {
		t.Fatalf("ServeHTTP: content type %q, body %q", ct, rec.Body.String())
	}
}

func TestConcurrent(t *testing.T) {
	r := metrics.NewRegistry()
	c := r.Counter("c_total", "C.")
	h := r.Histogram("h_seconds", "H.", nil)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				c.Inc()
				h.Observe(0.01)
			}
		}()
	}
	wg.Wait()
	if c.Value() != 8000 || h.Count() != 8000 {
		t.Fatalf("counter %d, histogram count %d, want 8000 each", c.Value(), h.Count())
	}
}

func BenchmarkCounter(b *testing.B) {
	c := metrics.NewRegistry().Counter("c_total", "C.")
	b.ReportAllocs()
	for b.Loop() {
		c.Inc()
	}
}
