package server

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"time"

	"github.com/dyad-events/dyad"
)

// Chart sizes, in view-box units.
const (
	chartW = 960
	chartH = 260
)

// overviewData feeds the overview page.
type overviewData struct {
	Total    int
	Interval dyad.Interval
	Chart    *chart
	Window   *window // the dense span the chart shows by default; nil: all
	Dyads    []dyad.DyadCount
	Actors   []dyad.ActorCount // by country (countries.go)
	Apart    []dyad.ActorCount // actors with no country
	Names    map[string]string // names of the dyads' actor codes
	ByActor  bool              // level=actor: codes, not countries
	Alerts   *alertAnswer
}

func (s *Server) pageOverview(w http.ResponseWriter, r *http.Request) {
	p := &params{q: r.URL.Query()}
	f := p.filter(s.opts.MaxLimit)
	by := p.interval("")
	p.get("span")  // "all": the whole time range, historical outliers and all
	p.get("level") // "actor": actor codes rather than countries
	if err := p.err(); err != nil {
		s.renderError(w, r, err)
		return
	}
	// The overview aggregates the whole store: reuse it for CacheTTL.
	v, err := s.remember("overview?"+r.URL.RawQuery, func() (any, error) {
		return s.overview(r, f, by)
	})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := v.(*overviewData)
	s.render(w, r, http.StatusOK, "overview", page{Title: "Overview", Data: d})
}

// overview computes the overview page's data.
func (s *Server) overview(r *http.Request, f dyad.EventFilter, by dyad.Interval) (*overviewData, error) {
	ctx := r.Context()
	d := &overviewData{}
	var err error
	if d.Interval, d.Chart, d.Window, err = s.overviewChart(r, f, by); err != nil {
		return nil, err
	}
	if d.Total, err = s.store.CountEvents(ctx, f); err != nil {
		return nil, err
	}
	if d.Dyads, err = s.store.TopDyads(ctx, f, 10); err != nil {
		return nil, err
	}
	if d.ByActor = r.URL.Query().Get("level") == "actor"; d.ByActor {
		if d.Actors, err = s.store.TopActors(ctx, f, 10); err != nil {
			return nil, err
		}
	} else {
		all, err := s.store.TopActors(ctx, f, s.opts.MaxRank)
		if err != nil {
			return nil, err
		}
		d.Actors, d.Apart = byCountry(all)
		d.Actors, d.Apart = d.Actors[:min(10, len(d.Actors))], d.Apart[:min(5, len(d.Apart))]
	}
	if err := s.nameActors(ctx, d.Actors); err != nil {
		return nil, err
	}
	if err := s.nameActors(ctx, d.Apart); err != nil {
		return nil, err
	}
	if d.Names, err = s.dyadNames(ctx, d.Dyads); err != nil {
		return nil, err
	}
	if d.Alerts, err = s.alerts(r); err != nil {
		return nil, err
	}
	if len(d.Alerts.Alerts) > 10 {
		a := *d.Alerts // the cached answer is shared: trim a copy
		a.Alerts = a.Alerts[:10]
		d.Alerts = &a
	}
	return d, nil
}

// window is the part of the time range a chart shows by default.
type window struct {
	From, To    string // first and last period shown
	First, Last string // of all the data
	Outside     int    // events left out
	AllHref     string // the page with the whole range
}

// denseWindow cuts a series to its dense span (denseSpan) when the
// request names no dates and does not ask for span=all, and describes the
// cut, with a link to the same page showing all.
func denseWindow(r *http.Request, f dyad.EventFilter, pts []dyad.SeriesPoint) ([]dyad.SeriesPoint, *window) {
	q := r.URL.Query()
	if f.From != nil || f.To != nil || q.Get("span") == "all" || len(pts) < 2 {
		return pts, nil
	}
	lo, hi := denseSpan(pts, denseTail)
	if lo == 0 && hi == len(pts)-1 {
		return pts, nil
	}
	win := &window{From: pts[lo].Period, To: pts[hi].Period, First: pts[0].Period, Last: pts[len(pts)-1].Period}
	for i, p := range pts {
		if i < lo || i > hi {
			win.Outside += p.Events
		}
	}
	all := url.Values{}
	maps.Copy(all, q)
	all.Set("span", "all")
	win.AllHref = r.URL.Path + "?" + all.Encode()
	return pts[lo : hi+1], win
}

// overviewChart draws events over time by quad class: monthly, or weekly
// when there are too few months to show a shape. Without from, to or
// span=all it shows the data's dense span (denseSpan) and says so.
func (s *Server) overviewChart(r *http.Request, f dyad.EventFilter, by dyad.Interval) (dyad.Interval, *chart, *window, error) {
	auto := by == ""
	if auto {
		by = dyad.Month
	}
	pts, err := s.store.Series(r.Context(), f, by)
	if err != nil {
		return by, nil, nil, err
	}
	q := r.URL.Query()
	pts, win := denseWindow(r, f, pts)
	if auto && len(pts) < 6 {
		by = dyad.Week
		if win != nil {
			from, to := win.From, win.To
			f.From, f.To = &from, &to
		}
		if pts, err = s.store.Series(r.Context(), f, by); err != nil {
			return by, nil, nil, err
		}
	}
	href := func(period string) string {
		return "/events?" + periodQuery(q, period, by).Encode()
	}
	return by, stackedBars(fillPeriods(pts, by), chartW, chartH, href), win, nil
}

// periodQuery returns q narrowed to the period starting at start.
func periodQuery(q url.Values, start string, by dyad.Interval) url.Values {
	v := url.Values{}
	for k, vs := range q {
		if k != "period" && k != "interval" && k != "after" && k != "span" {
			v[k] = vs
		}
	}
	t, err := time.Parse(time.DateOnly, start)
	if err != nil {
		return v
	}
	end := t
	switch by {
	case dyad.Week:
		end = t.AddDate(0, 0, 6)
	case dyad.Month:
		end = t.AddDate(0, 1, -1)
	}
	v.Set("from", start)
	v.Set("to", end.Format(time.DateOnly))
	return v
}

// dyadData feeds the dyad explorer.
type dyadData struct {
	Source, Target string
	Undirected     bool    // both directions
	Window         *window // the dense span shown; nil: all
	Interval       dyad.Interval
	Period         string
	Points         []dyad.SeriesPoint
	Line, Bars     *chart
	Events         *eventPage
	EventsQuery    string
}

func (s *Server) pageDyad(w http.ResponseWriter, r *http.Request) {
	p := &params{q: r.URL.Query()}
	f := p.filter(s.opts.MaxLimit)
	by := p.interval(dyad.Week)
	period := p.date("period")
	p.get("span") // "all": the whole time range
	if err := p.err(); err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &dyadData{Interval: by}
	if f.Source == nil || f.Target == nil {
		s.render(w, r, http.StatusOK, "dyad", page{Title: "Dyad explorer", Data: d})
		return
	}
	d.Source, d.Target, d.Undirected = *f.Source, *f.Target, f.Undirected
	pts, err := s.store.Series(r.Context(), f, by)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	pts, d.Window = denseWindow(r, f, pts)
	d.Points = pts
	href := func(pd string) string {
		q := r.URL.Query()
		q.Set("period", pd)
		return "/dyad?" + q.Encode() + "#events"
	}
	if period != nil {
		d.Period = *period
	}
	filled := fillPeriods(pts, by)
	d.Line = goldsteinLine(filled, chartW, chartH, d.Period, href)
	d.Bars = stackedBars(filled, chartW, 160, href)
	if d.Period != "" {
		q := periodQuery(r.URL.Query(), d.Period, by)
		ef := (&params{q: q}).filter(s.opts.MaxLimit)
		ef.Desc = true // the period's latest first, as the event list
		if d.Events, err = s.findEvents(r, ef, true); err != nil {
			s.renderError(w, r, err)
			return
		}
		d.EventsQuery = q.Encode()
	}
	arrow := " → "
	if d.Undirected {
		arrow = " ↔ "
	}
	s.render(w, r, http.StatusOK, "dyad", page{Title: d.Source + arrow + d.Target, Data: d})
}

// networkData feeds the network page.
type networkData struct {
	Network *dyad.Network
	Chart   *chart
	Limit   int
	ByActor bool // level=actor
}

func (s *Server) pageNetwork(w http.ResponseWriter, r *http.Request) {
	p := &params{q: r.URL.Query()}
	f := p.filter(s.opts.MaxLimit)
	n := p.integer("edges", 40, 1, 200)
	if err := p.err(); err != nil {
		s.renderError(w, r, err)
		return
	}
	f.Limit = 0
	byActor := p.get("level") == "actor"
	want := n
	if !byActor {
		want = min(s.opts.MaxRank, 10*n) // folded into fewer country edges
	}
	net, err := s.store.Network(r.Context(), f, want)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if net == nil {
		net = &dyad.Network{}
	}
	if !byActor {
		as, err := s.store.TopActors(r.Context(), f, s.opts.MaxRank)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		countries := make(map[string]string, len(as))
		for _, a := range as {
			countries[a.Code] = a.Country
		}
		net = networkByCountry(net, n, countries)
		if err := s.nameActors(r.Context(), net.Nodes); err != nil {
			s.renderError(w, r, err)
			return
		}
	}
	href := func(code string) string {
		q := r.URL.Query()
		q.Del("edges")
		q.Del("level")
		if byActor {
			q.Set("actor", code)
		} else {
			q.Set("country", code)
		}
		return "/events?" + q.Encode()
	}
	s.render(w, r, http.StatusOK, "network", page{Title: "Network", Data: &networkData{Network: net, Chart: networkChart(net, 720, href), Limit: n, ByActor: byActor}})
}

// eventsData feeds the event browser.
type eventsData struct {
	Page      *eventPage
	NextQuery string
}

func (s *Server) pageEvents(w http.ResponseWriter, r *http.Request) {
	p := &params{q: r.URL.Query()}
	f := p.filter(s.opts.MaxLimit)
	f.Desc = p.order()
	if q := r.URL.Query(); q.Get("limit") == "" {
		f.Limit = 50
	}
	if err := p.err(); err != nil {
		s.renderError(w, r, err)
		return
	}
	pg, err := s.findEvents(r, f, true)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &eventsData{Page: pg}
	if pg.Next != "" {
		q := r.URL.Query()
		q.Set("after", pg.Next)
		d.NextQuery = q.Encode()
	}
	s.render(w, r, http.StatusOK, "events", page{Title: "Events", Data: d})
}

// eventData feeds the event page: the mention, its story, and the other
// mentions of the same real-world event.
type eventData struct {
	eventView
	Meta   *dyad.EventMeta // nil when the store keeps none
	Others []eventView     // other mentions of its cluster, up to a page
}

// View returns the event with its marks, for highlight.
func (d *eventData) View() eventView { return d.eventView }

// metaStore is a store that keeps what it knows of an event's story and
// cluster (internal/sqlite, internal/postgres).
type metaStore interface {
	EventMetas(ctx context.Context, ids []string) (map[string]dyad.EventMeta, error)
}

// maxOthers bounds the other mentions the event page lists.
const maxOthers = 50

func (s *Server) pageEvent(w http.ResponseWriter, r *http.Request) {
	ev, err := s.store.FindEventByID(r.Context(), r.PathValue("id"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &eventData{eventView: view(ev)}
	if ms, ok := s.store.(metaStore); ok {
		metas, err := ms.EventMetas(r.Context(), []string{ev.ID})
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		if m, ok := metas[ev.ID]; ok {
			d.Meta = &m
		}
	}
	if d.Meta != nil && d.Meta.ClusterID != 0 {
		id := d.Meta.ClusterID
		others, _, err := s.store.FindEvents(r.Context(), dyad.EventFilter{ClusterID: &id, Limit: maxOthers + 1})
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		for _, o := range others {
			if o.ID != ev.ID && len(d.Others) < maxOthers {
				d.Others = append(d.Others, view(o))
			}
		}
	}
	s.render(w, r, http.StatusOK, "event", page{Title: "Event " + ev.ID, Data: d})
}

// codeData feeds the "code a story" page.
type codeData struct {
	Text, Title, Date string
	Result            *codeAnswer
	Error             string
	Enabled           bool
}

func (s *Server) pageCode(w http.ResponseWriter, r *http.Request) {
	d := &codeData{Enabled: s.opts.Coder != nil}
	if r.Method != http.MethodPost {
		s.render(w, r, http.StatusOK, "code", page{Title: "Code a story", Data: d})
		return
	}
	if d.Enabled {
		release, ok := s.startCoding(w, r)
		if !ok {
			d.Error = dyad.ErrorMessage(errBusy)
			s.render(w, r, status(eBusy), "code", page{Title: "Code a story", Data: d})
			return
		}
		defer release()
	}
	if err := r.ParseForm(); err != nil {
		s.renderError(w, r, dyad.Errorf(eTooLarge, "story too large"))
		return
	}
	d.Text, d.Title, d.Date = r.PostForm.Get("text"), r.PostForm.Get("title"), r.PostForm.Get("date")
	ans, err := s.code(r.Context(), &codeRequest{Text: d.Text, Title: d.Title, Date: d.Date})
	st := http.StatusOK
	if err != nil {
		code, msg := classify(r, err)
		st, d.Error = status(code), msg
	}
	d.Result = ans
	s.render(w, r, st, "code", page{Title: "Code a story", Data: d})
}
