package server

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// eventPage is the answer of GET /api/events.
type eventPage struct {
	Events []eventView `json:"events"`
	Next   string      `json:"next"`            // cursor of the next page; "" when none
	Count  *int        `json:"count,omitempty"` // total matching, when count=true
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	p := apiParams(r)
	f := p.filter(s.opts.MaxLimit)
	f.Desc = p.order()
	count := p.boolean("count")
	if err := p.err(); err != nil {
		s.writeError(w, r, err)
		return
	}
	page, err := s.findEvents(r, f, count)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

// findEvents runs one events query, with the total when count is set.
func (s *Server) findEvents(r *http.Request, f dyad.EventFilter, count bool) (*eventPage, error) {
	evs, next, err := s.store.FindEvents(r.Context(), f)
	if err != nil {
		return nil, err
	}
	page := &eventPage{Events: make([]eventView, 0, len(evs)), Next: next}
	for _, ev := range evs {
		page.Events = append(page.Events, view(ev))
	}
	if count {
		n, err := s.store.CountEvents(r.Context(), f)
		if err != nil {
			return nil, err
		}
		page.Count = &n
	}
	return page, nil
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) {
	if err := apiParams(r).err(); err != nil { // it takes none
		s.writeError(w, r, err)
		return
	}
	id := r.PathValue("id")
	if id == "" || len(id) > 1000 {
		s.writeError(w, r, dyad.Errorf(dyad.EINVALID, "bad event id"))
		return
	}
	ev, err := s.store.FindEventByID(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, view(ev))
}

// seriesAnswer is the answer of GET /api/series.
type seriesAnswer struct {
	Interval dyad.Interval      `json:"interval"`
	Points   []dyad.SeriesPoint `json:"points"`
}

func (s *Server) handleSeries(w http.ResponseWriter, r *http.Request) {
	p := apiParams(r)
	f := p.filter(s.opts.MaxLimit)
	by := p.interval(dyad.Week)
	if err := p.err(); err != nil {
		s.writeError(w, r, err)
		return
	}
	pts, err := s.store.Series(r.Context(), f, by)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if pts == nil {
		pts = []dyad.SeriesPoint{}
	}
	writeJSON(w, http.StatusOK, seriesAnswer{Interval: by, Points: pts})
}

// rankQuery reads a filter and a ranking limit (default 20).
func (s *Server) rankQuery(r *http.Request) (dyad.EventFilter, int, error) {
	p := apiParams(r)
	f := p.filter(s.opts.MaxLimit)
	n := p.integer("limit", 20, 1, s.opts.MaxRank)
	f.Limit = 0
	return f, n, p.err()
}

func (s *Server) handleTopActors(w http.ResponseWriter, r *http.Request) {
	f, n, err := s.rankQuery(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	as, err := s.store.TopActors(r.Context(), f, n)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"actors": nonNil(as)})
}

func (s *Server) handleTopDyads(w http.ResponseWriter, r *http.Request) {
	f, n, err := s.rankQuery(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ds, err := s.store.TopDyads(r.Context(), f, n)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"dyads": nonNil(ds)})
}

func (s *Server) handleNetwork(w http.ResponseWriter, r *http.Request) {
	f, n, err := s.rankQuery(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	net, err := s.store.Network(r.Context(), f, n)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if net == nil {
		net = &dyad.Network{}
	}
	net.Nodes, net.Edges = nonNil(net.Nodes), nonNil(net.Edges)
	writeJSON(w, http.StatusOK, net)
}

func (s *Server) handleClusters(w http.ResponseWriter, r *http.Request) {
	p := apiParams(r)
	f := p.filter(s.opts.MaxLimit)
	if err := p.err(); err != nil {
		s.writeError(w, r, err)
		return
	}
	cs, next, err := s.store.FindClusters(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"clusters": nonNil(cs), "next": next})
}

func (s *Server) handleCluster(w http.ResponseWriter, r *http.Request) {
	if err := apiParams(r).err(); err != nil { // it takes none
		s.writeError(w, r, err)
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.writeError(w, r, dyad.Errorf(dyad.EINVALID, "bad cluster id %q", r.PathValue("id")))
		return
	}
	c, err := s.store.FindClusterByID(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// maxActorsScanned bounds the actor list the name search runs over when
// the store cannot search actors itself.
const maxActorsScanned = 5000

// actorSearcher is a store that searches the actors of its events by code
// and name itself (internal/sqlite, from a table of actor names).
type actorSearcher interface {
	SearchActors(ctx context.Context, q string, limit int) ([]dyad.ActorCount, error)
}

// handleActors finds actors by code or name for the dyad explorer's
// pickers: in the store when it can search them, otherwise among the
// busiest actors of the whole store, cached for CacheTTL.
func (s *Server) handleActors(w http.ResponseWriter, r *http.Request) {
	p := apiParams(r)
	q := p.str("q", nil, false)
	n := p.integer("limit", 20, 1, 100)
	if err := p.err(); err != nil {
		s.writeError(w, r, err)
		return
	}
	if as, ok := s.store.(actorSearcher); ok {
		query := ""
		if q != nil {
			query = *q
		}
		out, err := as.SearchActors(r.Context(), query, n)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"actors": nonNil(out)})
		return
	}
	all, err := s.remember("actors", func() (any, error) {
		return s.store.TopActors(r.Context(), dyad.EventFilter{}, maxActorsScanned)
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := []dyad.ActorCount{}
	for _, a := range all.([]dyad.ActorCount) {
		if len(out) == n {
			break
		}
		if q == nil || actorMatches(a, *q) {
			out = append(out, a)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"actors": out})
}

// actorMatches reports whether q is a prefix of a's code or occurs in its
// name, ignoring case.
func actorMatches(a dyad.ActorCount, q string) bool {
	q = strings.ToLower(q)
	return strings.HasPrefix(strings.ToLower(a.Code), q) || strings.Contains(strings.ToLower(a.Name), q)
}

// nonNil returns xs, or an empty slice so JSON shows [] and not null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
