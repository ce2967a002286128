package server_test

import (
	"encoding/json"
	"net/http/httptest"
	"testing"
)

// FuzzQuery holds that any query string gets a JSON answer: 200 or a 400
// that names the problem, never a panic or a 500.
func FuzzQuery(f *testing.F) {
	s := newFixtureServer(f)
	for _, q := range []string{"actor=USA&quad=4", "from=2016-01-01&to=2015-01-01", "limit=-1", "after=zz", "q=%ff%fe", "modality=Future&min_confidence=0.5", "cameo=19&undirected=1"} {
		f.Add("/api/events", q)
		f.Add("/api/series", q+"&interval=month")
	}
	f.Add("/api/alerts", "window=5&threshold=2")
	f.Add("/api/top/dyads", "limit=3&country=USA")
	f.Fuzz(func(t *testing.T, path, query string) {
		switch path {
		case "/api/events", "/api/series", "/api/top/actors", "/api/top/dyads", "/api/network", "/api/alerts", "/api/actors":
		default:
			path = "/api/events"
		}
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.Path, req.URL.RawQuery = path, query
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 200 && rec.Code != 400 {
			t.Fatalf("GET %s?%s: status %d, want 200 or 400\n%s", path, query, rec.Code, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("GET %s?%s: body is not JSON: %.200s", path, query, rec.Body)
		}
	})
}
