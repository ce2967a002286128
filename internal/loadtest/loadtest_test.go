package loadtest_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/loadtest"
)

// TestRun checks the bounds: a case stops at its request count, or at its
// time when the server is slow, and answers other than 200 count as errors.
func TestRun(t *testing.T) {
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		switch r.URL.Path {
		case "/slow":
			select {
			case <-time.After(time.Second):
			case <-r.Context().Done():
			}
		case "/bad":
			http.Error(w, "no", http.StatusBadRequest)
		}
	}))
	defer srv.Close()
	opts := loadtest.Options{Clients: 3, Requests: 20, Duration: 300 * time.Millisecond}
	rs := loadtest.Run(context.Background(), srv.URL, []loadtest.Case{{"ok", "/ok"}, {"bad", "/bad"}, {"slow", "/slow"}}, opts)
	if len(rs) != 3 {
		t.Fatalf("%d results, want 3", len(rs))
	}
	if r := rs[0]; r.N != 20 || r.Errors != 0 || r.P50 <= 0 || r.P50 > r.P95 || r.P95 > r.P99 || r.P99 > r.Max {
		t.Errorf("ok: %+v, want 20 answers in rising percentiles", r)
	}
	if r := rs[1]; r.N != 0 || r.Errors != 20 || !strings.Contains(r.FirstError, "400") {
		t.Errorf("bad: %+v, want 20 errors naming the status", r)
	}
	if r := rs[2]; r.N != 0 || r.Elapsed > 2*time.Second {
		t.Errorf("slow: %+v, want the case cut at its time", r)
	}
	if got := calls.Load(); got < 40 || got > 45 {
		t.Errorf("server saw %d requests, want 40 and the slow ones", got)
	}
	if s := rs[0].String(); !regexp.MustCompile(`^ok +n=20 errors=0 p50=[0-9.]+ p99=[0-9.]+ max=[0-9.]+ p95=[0-9.]+$`).MatchString(s) {
		t.Errorf("line %q, want the counts and percentiles, p95 last", s)
	}
}
