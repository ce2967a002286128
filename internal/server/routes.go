package server

import "net/http"

// routes registers every endpoint.
func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /healthz", s.handleHealth)
	m.HandleFunc("GET /metrics", s.handleMetrics) // metrics.go
	m.HandleFunc("GET /api/openapi.json", s.handleOpenAPI)
	m.HandleFunc("GET /api/events", s.handleEvents)
	m.HandleFunc("GET /api/events/{id...}", s.handleEvent)
	m.HandleFunc("GET /api/series", s.handleSeries)
	m.HandleFunc("GET /api/top/actors", s.handleTopActors)
	m.HandleFunc("GET /api/top/dyads", s.handleTopDyads)
	m.HandleFunc("GET /api/network", s.handleNetwork)
	m.HandleFunc("GET /api/actors", s.handleActors)
	m.HandleFunc("GET /api/clusters", s.handleClusters)
	m.HandleFunc("GET /api/clusters/{id}", s.handleCluster)
	m.HandleFunc("GET /api/alerts", s.handleAlerts)
	m.HandleFunc("POST /api/code", s.handleCode)
	m.HandleFunc("/api/", s.handleNoRoute)

	m.Handle("GET /static/", http.StripPrefix("/static/", s.pages.static))
	m.HandleFunc("GET /{$}", s.pageOverview)
	m.HandleFunc("GET /dyad", s.pageDyad)
	m.HandleFunc("GET /network", s.pageNetwork)
	m.HandleFunc("GET /events", s.pageEvents)
	m.HandleFunc("GET /events/{id...}", s.pageEvent)
	m.HandleFunc("GET /code", s.pageCode)
	m.HandleFunc("POST /code", s.pageCode)
	m.HandleFunc("/", s.pageNotFound)
}
