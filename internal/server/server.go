package server

import (
	"context"
	"log/slog"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/alert"
)

// Defaults of Options.
const (
	DefaultRequestTimeout = 10 * time.Second
	DefaultMaxBodyBytes   = 1 << 20 // 1 MiB: a long story pasted into /api/code
	DefaultMaxLimit       = 1000    // events per page
	DefaultMaxRank        = 500     // actors, dyads or edges in a ranking
	DefaultAlertDyads     = 20      // busiest dyads scanned for alerts
	DefaultCacheTTL       = time.Minute
)

// DefaultMaxCoding is how many stories the server codes at once: one per
// CPU but one, since coding is CPU-bound (more would only share the CPUs
// and hold more stories in memory) and the rest of the API needs a CPU to
// answer while stories are coded; at least one.
var DefaultMaxCoding = max(1, runtime.NumCPU()-1)

// Options configure a Server.
type Options struct {
	Coder          Coder         // codes /api/code requests; nil disables the endpoint
	Logger         *slog.Logger  // nil: slog.Default()
	RequestTimeout time.Duration // per request, including store queries
	MaxBodyBytes   int64         // largest request body
	MaxLimit       int           // largest page of events
	MaxRank        int           // largest ranking (top actors, dyads, network edges)
	AlertDyads     int           // how many of the busiest dyads alerts scan
	Alert          alert.Options
	CacheTTL       time.Duration // how long actor lists and alerts are reused
	// CORSOrigins lists the origins allowed to call the API from a
	// browser ("*" for any). Empty: no CORS headers, same origin only.
	CORSOrigins []string
	// AllowedHosts lists the host names (Host header, port aside) the
	// server answers to, besides IP addresses and localhost, against DNS
	// rebinding; "*" for any. Empty: any host (dyad serve always sets it).
	AllowedHosts []string
	MaxCoding    int              // stories coded at once; more get 503 with Retry-After
	Now          func() time.Time // the clock; nil: time.Now
}

// DefaultOptions returns the options dyad serves with.
func DefaultOptions() Options {
	return Options{
		RequestTimeout: DefaultRequestTimeout,
		MaxBodyBytes:   DefaultMaxBodyBytes,
		MaxLimit:       DefaultMaxLimit,
		MaxRank:        DefaultMaxRank,
		AlertDyads:     DefaultAlertDyads,
		Alert:          alert.DefaultOptions(),
		CacheTTL:       DefaultCacheTTL,
		MaxCoding:      DefaultMaxCoding,
		Now:            time.Now,
	}
}

// Server serves the API and the dashboard. It is an http.Handler and safe
// for concurrent use.
type Server struct {
	store dyad.EventStore
	opts  Options
	log   *slog.Logger
	mux   *http.ServeMux
	pages *pages

	anyOrigin bool          // CORSOrigins has "*": any origin may post JSON (guard.go)
	coding    chan struct{} // one token per story being coded

	mu    sync.Mutex
	cache map[string]cached
}

// cached is a computed answer and when it expires.
type cached struct {
	v       any
	expires time.Time
}

// New returns a Server over store. Zero fields of opts take their defaults.
func New(store dyad.EventStore, opts Options) (*Server, error) {
	opts = opts.withDefaults()
	s := &Server{store: store, opts: opts, log: opts.Logger, mux: http.NewServeMux(), cache: map[string]cached{},
		anyOrigin: slices.Contains(opts.CORSOrigins, "*"), coding: make(chan struct{}, opts.MaxCoding)}
	var err error
	if s.pages, err = loadPages(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// withDefaults fills the zero fields of o.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = d.RequestTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = d.MaxBodyBytes
	}
	if o.MaxLimit <= 0 || o.MaxLimit > dyad.MaxPageSize {
		o.MaxLimit = d.MaxLimit
	}
	if o.MaxRank <= 0 {
		o.MaxRank = d.MaxRank
	}
	if o.AlertDyads <= 0 {
		o.AlertDyads = d.AlertDyads
	}
	if o.MaxCoding <= 0 {
		o.MaxCoding = d.MaxCoding
	}
	if o.CacheTTL == 0 {
		o.CacheTTL = d.CacheTTL
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// ServeHTTP serves one request under the server's timeout, headers and
// CORS policy.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.RequestTimeout)
	defer cancel()
	r = r.WithContext(ctx)
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	if s.guard(w, r) || s.cors(w, r) {
		return
	}
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes)
	}
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic serving request", "path", r.URL.Path, "panic", v)
			s.writeError(w, r, dyad.Errorf(dyad.EINTERNAL, "internal error"))
		}
	}()
	s.mux.ServeHTTP(w, r)
}

// cors sets the CORS headers for an allowed origin and answers preflight
// requests; it reports whether the request has been answered.
func (s *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || len(s.opts.CORSOrigins) == 0 {
		return false
	}
	allowed := slices.Contains(s.opts.CORSOrigins, "*") || slices.Contains(s.opts.CORSOrigins, origin)
	if !allowed {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Content-Type")
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

// remember returns the cached value for key, computing and storing it
// with fn when missing or stale. Errors are not cached.
func (s *Server) remember(key string, fn func() (any, error)) (any, error) {
	now := s.opts.Now()
	s.mu.Lock()
	c, ok := s.cache[key]
	s.mu.Unlock()
	if ok && now.Before(c.expires) {
		return c.v, nil
	}
	v, err := fn()
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if len(s.cache) > 1000 { // bounded: drop everything rather than grow
		clear(s.cache)
	}
	s.cache[key] = cached{v: v, expires: now.Add(s.opts.CacheTTL)}
	s.mu.Unlock()
	return v, nil
}
