package server

import (
	"net/http"
	"runtime"
	"time"

	"github.com/dyad-events/dyad/internal/metrics"
)

// The process's HTTP metrics, shared by every Server in it as Prometheus
// client libraries share their default registry.
var (
	httpRegistry = metrics.NewRegistry()
	httpRequests = httpRegistry.Counter("dyad_http_requests_total", "HTTP requests answered.")
	httpErrors   = httpRegistry.Counter("dyad_http_errors_total", "HTTP requests answered with a 5xx status.")
	httpSeconds  = httpRegistry.Histogram("dyad_http_request_seconds", "Time to answer one HTTP request.", nil)
	startedAt    = time.Now()
)

func init() {
	httpRegistry.GaugeFunc("dyad_uptime_seconds", "Seconds since the process started.", func() float64 {
		return time.Since(startedAt).Seconds()
	})
	httpRegistry.GaugeFunc("go_goroutines", "Goroutines that currently exist.", func() float64 {
		return float64(runtime.NumGoroutine())
	})
	httpRegistry.GaugeFunc("go_memstats_heap_alloc_bytes", "Bytes of allocated heap objects.", func() float64 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc)
	})
}

// handleMetrics serves the process's metrics in the Prometheus text
// format.
func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	httpRegistry.ServeHTTP(w, r)
}

// Instrument wraps h so that each request it answers is counted, and
// timed, on /metrics. `dyad serve` wraps its Server with it.
func Instrument(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			httpRequests.Inc()
			if sw.status >= 500 {
				httpErrors.Inc()
			}
			httpSeconds.Since(start)
		}()
		h.ServeHTTP(sw, r)
	})
}

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
