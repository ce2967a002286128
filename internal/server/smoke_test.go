package server_test

import (
	"io"
	"net/http/httptest"
	"testing"
)

func TestSmoke(t *testing.T) {
	s := newFixtureServer(t)
	for _, p := range []string{"/", "/dyad?source=USA&target=PRK&period=2016-08-01", "/network", "/events?actor=PRK", "/code", "/api/alerts", "/api/events?limit=2"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
		b, _ := io.ReadAll(rec.Body)
		t.Logf("%s %d %d bytes\n%.1500s", p, rec.Code, len(b), b)
	}
}
