package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/mock"
	"github.com/dyad-events/dyad/internal/server"
)

// send sends one request with the given headers ("Host" sets the host).
func send(tb testing.TB, h http.Handler, method, target, body string, hdr map[string]string) (int, http.Header) {
	tb.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	for k, v := range hdr {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Header()
}

// TestAllowedHosts checks the Host allow-list against DNS rebinding: a
// name not listed gets 403; IP addresses, localhost and listed names are
// served.
func TestAllowedHosts(t *testing.T) {
	opts := server.DefaultOptions()
	opts.AllowedHosts = []string{"localhost", "dyad.lab.example"}
	s, err := server.New(mock.NewMemory(fixture()), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:8080", 200},
		{"[::1]:8080", 200},
		{"localhost:8080", 200},
		{"app.localhost", 200},
		{"DYAD.lab.example", 200},
		{"10.1.2.3", 200},
		{"evil.example:8080", 403},
		{"127.0.0.1.evil.example", 403},
		{"", 403},
	} {
		if code, _ := send(t, s, "GET", "/api/events?limit=1", "", map[string]string{"Host": tt.host}); code != tt.want {
			t.Errorf("GET with Host %q: status %d, want %d", tt.host, code, tt.want)
		}
	}
	opts.AllowedHosts = []string{"*"}
	s, _ = server.New(mock.NewMemory(fixture()), opts)
	if code, _ := send(t, s, "GET", "/healthz", "", map[string]string{"Host": "evil.example"}); code != 200 {
		t.Errorf("AllowedHosts *: Host evil.example: status %d, want 200", code)
	}
}

// TestCrossOrigin checks that a browser's post from another site is
// refused, whatever its content type (text/plain and forms need no CORS
// preflight), and that same-origin posts, programs and the CORS origins
// still code.
func TestCrossOrigin(t *testing.T) {
	story := "Washington accused Pyongyang of firing missiles."
	form := url.Values{"text": {story}}.Encode()
	for _, tt := range []struct {
		name, target, body string
		cors               []string
		hdr                map[string]string
		want               int
	}{
		{"PlainFromOtherSite", "/api/code", story, nil, map[string]string{"Content-Type": "text/plain", "Origin": "https://evil.example"}, 403},
		{"PlainSecFetchCrossSite", "/api/code", story, nil, map[string]string{"Content-Type": "text/plain", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, 403},
		{"PlainSameSiteOtherPort", "/api/code", story, nil, map[string]string{"Content-Type": "text/plain", "Sec-Fetch-Site": "same-site", "Origin": "http://localhost:3000"}, 403},
		{"FormFromOtherSite", "/code", form, nil, map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Origin": "https://evil.example"}, 403},
		{"AnyOriginPlain", "/api/code", story, []string{"*"}, map[string]string{"Content-Type": "text/plain", "Origin": "https://evil.example"}, 403},
		{"AnyOriginJSON", "/api/code", `{"text": "` + story + `"}`, []string{"*"}, map[string]string{"Content-Type": "application/json", "Origin": "https://evil.example"}, 200},
		{"TrustedOrigin", "/api/code", story, []string{"https://lab.example"}, map[string]string{"Content-Type": "text/plain", "Sec-Fetch-Site": "cross-site", "Origin": "https://lab.example"}, 200},
		{"SameOrigin", "/api/code", story, nil, map[string]string{"Content-Type": "text/plain", "Sec-Fetch-Site": "same-origin", "Origin": "http://example.com"}, 200},
		{"SameOriginByHost", "/api/code", story, nil, map[string]string{"Content-Type": "text/plain", "Origin": "http://example.com"}, 200},
		{"SameOriginForm", "/code", form, nil, map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"}, 200},
		{"Program", "/api/code", story, nil, map[string]string{"Content-Type": "text/plain"}, 200},
		{"GetFromOtherSite", "/api/events?limit=1", "", nil, map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}, 200},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opts := server.DefaultOptions()
			opts.Coder = fakeCoder{}
			opts.CORSOrigins = tt.cors
			s, err := server.New(mock.NewMemory(fixture()), opts)
			if err != nil {
				t.Fatal(err)
			}
			method := "POST"
			if tt.body == "" {
				method = "GET"
			}
			if code, _ := send(t, s, method, tt.target, tt.body, tt.hdr); code != tt.want {
				t.Fatalf("%s %s with %v: status %d, want %d", method, tt.target, tt.hdr, code, tt.want)
			}
		})
	}
}

// blockingCoder codes nothing until released, so that a test can hold
// the coder's slots.
type blockingCoder struct {
	started chan struct{}
	release chan struct{}
}

func (c *blockingCoder) Code(ctx context.Context, doc *dyad.Document) (*server.Coded, error) {
	c.started <- struct{}{}
	select {
	case <-c.release:
		return &server.Coded{}, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// TestCodeBusy checks that with every coding slot taken, a story gets 503
// with Retry-After at once, on the API and the dashboard page, and that a
// freed slot codes again.
func TestCodeBusy(t *testing.T) {
	c := &blockingCoder{started: make(chan struct{}, 2), release: make(chan struct{})}
	opts := server.DefaultOptions()
	opts.Coder = c
	opts.MaxCoding = 2
	s, err := server.New(mock.NewMemory(fixture()), opts)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _ = send(t, s, "POST", "/api/code", "Story.", map[string]string{"Content-Type": "text/plain"})
		}()
	}
	<-c.started
	<-c.started
	code, hdr := send(t, s, "POST", "/api/code", strings.Repeat("Story. ", 1000), map[string]string{"Content-Type": "text/plain"})
	if code != 503 || hdr.Get("Retry-After") == "" {
		t.Errorf("third story with 2 slots taken: status %d, Retry-After %q; want 503 with Retry-After", code, hdr.Get("Retry-After"))
	}
	code, hdr = send(t, s, "POST", "/code", "text=Story.", map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
	if code != 503 || hdr.Get("Retry-After") == "" {
		t.Errorf("dashboard story with 2 slots taken: status %d, Retry-After %q; want 503 with Retry-After", code, hdr.Get("Retry-After"))
	}
	if code, _ := send(t, s, "GET", "/healthz", "", nil); code != 200 {
		t.Errorf("GET /healthz while coding: status %d, want 200", code)
	}
	close(c.release)
	wg.Wait()
	if codes[0] != 200 || codes[1] != 200 {
		t.Errorf("the two stories holding the slots: statuses %v, want 200 200", codes)
	}
	if code, _ := send(t, s, "POST", "/api/code", "Story.", map[string]string{"Content-Type": "text/plain"}); code != 200 {
		t.Errorf("a story after the slots were freed: status %d, want 200", code)
	}
}
