package server

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// Codes of the guards.
const (
	eForbidden = "forbidden" // a host or origin the server does not answer
	eBusy      = "busy"      // every coding slot taken; retry later
)

// RetryAfter is the Retry-After, in seconds, of a 503 from a full coder.
const RetryAfter = 2

// guard refuses, and answers, a request for a host name the server does
// not serve (DNS rebinding: a page of evil.example whose name resolves to
// 127.0.0.1 calls the API as evil.example) or a browser's non-safe request
// from another origin (a page posting text/plain or a form to /api/code,
// which needs no CORS preflight). It reports whether it answered.
func (s *Server) guard(w http.ResponseWriter, r *http.Request) bool {
	if !s.allowedHost(r.Host) {
		s.writeError(w, r, dyad.Errorf(eForbidden, "host %q: not served here (dyad serve --allow-host)", r.Host))
		return true
	}
	if crossOrigin(r, s.opts.CORSOrigins) && !(s.anyOrigin && isJSON(r)) {
		s.writeError(w, r, dyad.Errorf(eForbidden, "cross-origin request refused (dyad serve --cors)"))
		return true
	}
	return false
}

// allowedHost reports whether host (a Host header, port optional) is one
// the server answers to: with Options.AllowedHosts set, an IP address,
// localhost, or one of the listed names. A DNS rebinding attack needs a
// name of the attacker's own, so IP addresses are safe to answer.
func (s *Server) allowedHost(host string) bool {
	if len(s.opts.AllowedHosts) == 0 || slices.Contains(s.opts.AllowedHosts, "*") {
		return true
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	switch {
	case net.ParseIP(host) != nil, host == "localhost", strings.HasSuffix(host, ".localhost"):
		return true
	}
	for _, a := range s.opts.AllowedHosts {
		if strings.EqualFold(a, host) {
			return true
		}
	}
	return false
}

// crossOrigin reports whether r is a browser's non-safe request from an
// origin other than the server's and other than the trusted ones (the
// CORS origins), by Sec-Fetch-Site, which browsers have sent since 2023,
// or else by comparing Origin with Host. Requests with neither header
// come from other programs than browsers, and pass.
func crossOrigin(r *http.Request, trusted []string) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	origin := r.Header.Get("Origin")
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin", "none":
		return false
	case "":
		if origin == "" {
			return false
		}
		if u, err := url.Parse(origin); err == nil && strings.EqualFold(u.Host, r.Host) {
			return false
		}
	}
	return !slices.Contains(trusted, origin)
}

// isJSON reports whether r's body is declared JSON: from a browser on
// another origin, such a request comes only after a CORS preflight.
func isJSON(r *http.Request) bool {
	ct := strings.ToLower(r.Header.Get("Content-Type"))
	return strings.HasPrefix(strings.TrimSpace(ct), "application/json")
}

// startCoding takes one of the coder's slots and returns its release. With
// every slot taken it answers 503 with Retry-After instead, having read
// (and dropped) the body so that the client gets the answer rather than
// a reset connection, and returns false.
func (s *Server) startCoding(w http.ResponseWriter, r *http.Request) (func(), bool) {
	select {
	case s.coding <- struct{}{}:
		return func() { <-s.coding }, true
	default:
	}
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body) // bounded by MaxBodyBytes
	}
	w.Header().Set("Retry-After", strconv.Itoa(RetryAfter))
	return nil, false
}
