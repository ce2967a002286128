package server

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/dyad-events/dyad"
)

// errorBody is the JSON form of every API error.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// status maps a dyad error code to an HTTP status.
func status(code string) int {
	switch code {
	case dyad.EINVALID:
		return http.StatusBadRequest
	case dyad.ENOTFOUND:
		return http.StatusNotFound
	case dyad.ECONFLICT:
		return http.StatusConflict
	case eTooLarge:
		return http.StatusRequestEntityTooLarge
	case eUnavailable:
		return http.StatusNotImplemented
	case eTimeout, eBusy:
		return http.StatusServiceUnavailable
	case eForbidden:
		return http.StatusForbidden
	case eMethod:
		return http.StatusMethodNotAllowed
	}
	return http.StatusInternalServerError
}

// Codes the server adds to dyad's for HTTP-only conditions.
const (
	eTooLarge    = "too_large"   // request body over the limit
	eUnavailable = "unavailable" // endpoint not configured
	eTimeout     = "timeout"     // the request ran out of time
	eMethod      = "method"      // a known path asked with the wrong method
)

// writeError writes err as JSON with the status of its code. Internal
// errors are logged and shown only as "internal error".
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := classify(r, err)
	if code == dyad.EINTERNAL {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	var b errorBody
	b.Error.Code, b.Error.Message = code, msg
	writeJSON(w, status(code), b)
}

// classify returns the code and user-facing message of err.
func classify(r *http.Request, err error) (code, msg string) {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return eTooLarge, "request body too large"
	case r.Context().Err() != nil && dyad.ErrorCode(err) == dyad.EINTERNAL:
		return eTimeout, "request timed out"
	}
	return dyad.ErrorCode(err), dyad.ErrorMessage(err)
}

// writeJSON writes v as indented JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // the client went away; nothing to tell it
}

// handleNoRoute answers unknown API paths with a JSON 404, and known
// paths asked with the wrong method with a JSON 405.
func (s *Server) handleNoRoute(w http.ResponseWriter, r *http.Request) {
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "/api/" && m != r.Method {
			w.Header().Set("Allow", m)
			s.writeError(w, r, dyad.Errorf(eMethod, "%s %s: method not allowed (use %s)", r.Method, r.URL.Path, m))
			return
		}
	}
	s.writeError(w, r, dyad.Errorf(dyad.ENOTFOUND, "no endpoint %s %s", r.Method, r.URL.Path))
}
