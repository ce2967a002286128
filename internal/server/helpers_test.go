package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// do sends one request to h and returns the status and body.
func do(tb testing.TB, h http.Handler, method, target, contentType, body string) (int, string, http.Header) {
	tb.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String(), rec.Header()
}

// getJSON GETs target, checks the status and decodes the body into v.
func getJSON(tb testing.TB, h http.Handler, target string, want int, v any) {
	tb.Helper()
	code, body, hdr := do(tb, h, "GET", target, "", "")
	if code != want {
		tb.Fatalf("GET %s: status %d, want %d; body:\n%s", target, code, want, body)
	}
	if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		tb.Fatalf("GET %s: Content-Type %q, want application/json", target, ct)
	}
	if v != nil {
		if err := json.Unmarshal([]byte(body), v); err != nil {
			tb.Fatalf("GET %s: %v; body:\n%s", target, err, body)
		}
	}
}

// apiError is the JSON error body.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// page is the part of GET /api/events the tests read.
type page struct {
	Events []struct {
		ID    string `json:"id"`
		Date  string `json:"date"`
		Text  string `json:"text"`
		Marks []struct {
			Role       string `json:"role"`
			Start, End int
		} `json:"marks"`
	} `json:"events"`
	Next  string `json:"next"`
	Count *int   `json:"count"`
}

// doOrigin sends a cross-origin request (a preflight for OPTIONS).
func doOrigin(tb testing.TB, h http.Handler, method, target, origin string) (int, string, http.Header) {
	tb.Helper()
	req := httptest.NewRequest(method, target, nil)
	req.Header.Set("Origin", origin)
	if method == "OPTIONS" {
		req.Header.Set("Access-Control-Request-Method", "POST")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String(), rec.Header()
}
