package server_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/mock"
	"github.com/dyad-events/dyad/internal/server"
)

func TestStoreErrors(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
		code   string
		msg    string
	}{
		{"Invalid", dyad.Errorf(dyad.EINVALID, "bad cursor %q", "zz"), 400, "invalid", `bad cursor "zz"`},
		{"NotFound", dyad.Errorf(dyad.ENOTFOUND, "gone"), 404, "not_found", "gone"},
		{"Conflict", dyad.Errorf(dyad.ECONFLICT, "busy"), 409, "conflict", "busy"},
		{"Wrapped", errors.Join(errors.New("query"), dyad.Errorf(dyad.EINVALID, "bad")), 400, "invalid", "bad"},
		{"Internal", errors.New("disk I/O error at /secret/path"), 500, "internal", "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			store := &mock.EventStore{FindEventsFn: func(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, string, error) {
				return nil, "", tt.err
			}}
			opts := server.DefaultOptions()
			opts.Logger = slog.New(slog.NewTextHandler(&logs, nil))
			s, err := server.New(store, opts)
			if err != nil {
				t.Fatal(err)
			}
			var e apiError
			getJSON(t, s, "/api/events", tt.status, &e)
			if e.Error.Code != tt.code || e.Error.Message != tt.msg {
				t.Fatalf("store error %v: got %+v, want code %s message %q", tt.err, e.Error, tt.code, tt.msg)
			}
			if logged := strings.Contains(logs.String(), "request failed"); logged != (tt.status == 500) {
				t.Errorf("logged=%v for status %d; logs:\n%s", logged, tt.status, logs.String())
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	store := &mock.EventStore{SeriesFn: func(ctx context.Context, f dyad.EventFilter, by dyad.Interval) ([]dyad.SeriesPoint, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}}
	opts := server.DefaultOptions()
	opts.RequestTimeout = 20 * time.Millisecond
	opts.Logger = slog.New(slog.DiscardHandler)
	s, err := server.New(store, opts)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var e apiError
	getJSON(t, s, "/api/series?source=USA&target=RUS", 503, &e)
	if e.Error.Code != "timeout" || time.Since(start) > 2*time.Second {
		t.Fatalf("got %+v after %v, want a timeout error after about 20ms", e.Error, time.Since(start))
	}
}

func TestPanicIsInternal(t *testing.T) {
	store := &mock.EventStore{FindEventByIDFn: func(ctx context.Context, id string) (*dyad.Event, error) {
		var m map[string]int
		m["x"]++ // a bug
		return nil, nil
	}}
	opts := server.DefaultOptions()
	opts.Logger = slog.New(slog.DiscardHandler)
	s, _ := server.New(store, opts)
	var e apiError
	getJSON(t, s, "/api/events/a:0:0", 500, &e)
	if e.Error.Message != "internal error" {
		t.Fatalf("panic answered %+v, want internal error", e.Error)
	}
}

func TestRoutes(t *testing.T) {
	s := newFixtureServer(t)
	tests := []struct {
		method, target string
		status         int
		code           string
	}{
		{"GET", "/api/nothing", 404, "not_found"},
		{"POST", "/api/events", 405, "method"},
		{"DELETE", "/api/events/x:0:0", 405, "method"},
		{"GET", "/api/code", 405, "method"},
		{"PUT", "/api/ingest", 404, "not_found"},
	}
	for _, tt := range tests {
		code, body, hdr := do(t, s, tt.method, tt.target, "", "")
		if code != tt.status || !strings.Contains(body, `"code": "`+tt.code+`"`) || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
			t.Errorf("%s %s: status %d %s body %s, want %d and code %s", tt.method, tt.target, code, hdr.Get("Content-Type"), body, tt.status, tt.code)
		}
	}
}

func TestHeaders(t *testing.T) {
	t.Run("NoCORSByDefault", func(t *testing.T) {
		s := newFixtureServer(t)
		code, _, hdr := doOrigin(t, s, "GET", "/api/events?limit=1", "https://evil.example")
		if code != 200 || hdr.Get("Access-Control-Allow-Origin") != "" {
			t.Fatalf("status %d ACAO %q, want 200 and no CORS header", code, hdr.Get("Access-Control-Allow-Origin"))
		}
		if hdr.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("X-Content-Type-Options %q, want nosniff", hdr.Get("X-Content-Type-Options"))
		}
	})
	t.Run("CORSConfigured", func(t *testing.T) {
		opts := server.DefaultOptions()
		opts.CORSOrigins = []string{"https://lab.example"}
		s, _ := server.New(mock.NewMemory(fixture()), opts)
		_, _, hdr := doOrigin(t, s, "GET", "/api/events?limit=1", "https://lab.example")
		if got := hdr.Get("Access-Control-Allow-Origin"); got != "https://lab.example" {
			t.Errorf("allowed origin: ACAO %q, want https://lab.example", got)
		}
		_, _, hdr = doOrigin(t, s, "GET", "/api/events?limit=1", "https://other.example")
		if got := hdr.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("other origin: ACAO %q, want none", got)
		}
		code, _, hdr := doOrigin(t, s, "OPTIONS", "/api/code", "https://lab.example")
		if code != 204 || !strings.Contains(hdr.Get("Access-Control-Allow-Methods"), "POST") {
			t.Errorf("preflight: status %d methods %q, want 204 allowing POST", code, hdr.Get("Access-Control-Allow-Methods"))
		}
	})
	t.Run("PageCSP", func(t *testing.T) {
		_, _, hdr := do(t, newFixtureServer(t), "GET", "/", "", "")
		if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("page CSP %q, want script-src 'self'", csp)
		}
	})
}
