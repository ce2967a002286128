package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/mock"
	"github.com/dyad-events/dyad/internal/server"
)

func TestMetrics(t *testing.T) {
	srv, err := server.New(mock.NewMemory(nil), server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := server.Instrument(srv)
	do(t, h, "GET", "/healthz", "", "")
	status, body, hdr := do(t, h, "GET", "/metrics", "", "")
	if status != http.StatusOK || !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("GET /metrics: status %d, content type %q", status, hdr.Get("Content-Type"))
	}
	for _, want := range []string{"# TYPE dyad_http_requests_total counter\n", "dyad_http_request_seconds_count ", "go_goroutines "} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, body)
		}
	}
}
