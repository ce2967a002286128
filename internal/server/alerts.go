package server

import (
	"context"
	"math"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/alert"
)

// DefaultAlertWeeks is how many weeks, ending with the latest event,
// alerts report when the request names no period.
const DefaultAlertWeeks = 12

// alertAnswer is the answer of GET /api/alerts.
type alertAnswer struct {
	From    string        `json:"from"`
	To      string        `json:"to"`
	Method  string        `json:"method"`
	Options alertOptions  `json:"options"`
	Dyads   int           `json:"dyads"` // dyads scanned
	Alerts  []alert.Alert `json:"alerts"`
}

// alertOptions is alert.Options as JSON.
type alertOptions struct {
	Window     int     `json:"window"`
	MinHistory int     `json:"min_history"`
	Threshold  float64 `json:"threshold"`
}

func (s *Server) handleAlerts(w http.ResponseWriter, r *http.Request) {
	ans, err := s.alerts(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ans)
}

// alerts computes (or reuses) the alerts the request asks for.
func (s *Server) alerts(r *http.Request) (*alertAnswer, error) {
	p := apiParams(r)
	p.strict = strings.HasPrefix(r.URL.Path, "/api/") // the overview page passes its own parameters
	f := p.filter(s.opts.MaxLimit)
	n := p.integer("dyads", s.opts.AlertDyads, 1, 100)
	opts := s.opts.Alert
	opts.Window = p.integer("window", opts.Window, 4, 104)
	if th := p.number("threshold", 1, 20); th != nil {
		opts.Threshold = *th
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	v, err := s.remember("alerts?"+r.URL.RawQuery, func() (any, error) {
		return s.computeAlerts(r.Context(), f, n, opts)
	})
	if err != nil {
		return nil, err
	}
	return v.(*alertAnswer), nil
}

// computeAlerts scans the n busiest dyads of the period for alerting
// weeks.
func (s *Server) computeAlerts(ctx context.Context, f dyad.EventFilter, n int, opts alert.Options) (*alertAnswer, error) {
	first, last, err := s.dateRange(ctx)
	if err != nil {
		return nil, err
	}
	if f.To == nil {
		f.To = &last
	}
	to, _ := time.Parse(time.DateOnly, *f.To)
	if f.From == nil {
		from := alert.Monday(to).AddDate(0, 0, -7*(DefaultAlertWeeks-1)).Format(time.DateOnly)
		f.From = &from
	}
	from, _ := time.Parse(time.DateOnly, *f.From)
	ans := &alertAnswer{From: *f.From, To: *f.To, Alerts: []alert.Alert{},
		Method:  "robust z-score of weekly conflict intensity (summed |Goldstein| of quad 3–4 events dated by their own sentence) against the dyad's trailing weeks",
		Options: alertOptions{Window: opts.Window, MinHistory: opts.MinHistory, Threshold: opts.Threshold}}
	if *f.From > *f.To {
		return ans, nil
	}
	f.Limit, f.After = 0, ""
	// Only events dated by their own sentence: an event dated by its
	// story's publication is often a background mention of an older one
	// ("since the 2014 annexation"), which would put old conflict into
	// this week.
	text := dyad.DateFromText
	f.DateSource = &text
	dyads, err := s.countryDyads(ctx, f, 3*n)
	if err != nil {
		return nil, err
	}
	if dyads, err = s.partyDyads(ctx, dyads, n); err != nil {
		return nil, err
	}
	ans.Dyads = len(dyads)
	hist := alert.Monday(from).AddDate(0, 0, -7*opts.Window).Format(time.DateOnly)
	// The store's weeks before a dyad's first event are quiet weeks of
	// its history: anchor the series at the later of the window start
	// and the first week the store covers.
	anchor := max(hist, first)
	firstWeek := alert.Monday(from).Format(time.DateOnly)
	series, err := s.conflictSeries(ctx, f, dyads, hist)
	if err != nil {
		return nil, err
	}
	for i, d := range dyads {
		weeks := append(series[i], alert.Week{Start: anchor})
		for _, a := range alert.Detect(weeks, opts) {
			if a.Week >= firstWeek && a.Week <= *f.To {
				a.Source, a.Target = d.Source, d.Target
				ans.Alerts = append(ans.Alerts, a)
			}
		}
	}
	// Latest first, the strongest first within a week.
	sort.SliceStable(ans.Alerts, func(i, j int) bool {
		a, b := ans.Alerts[i], ans.Alerts[j]
		if a.Week != b.Week {
			return a.Week > b.Week
		}
		return a.Score > b.Score
	})
	return ans, nil
}

// countryDyads returns the n busiest directed dyads of the period at the
// level of their actors' first three letters (USAGOV and USAMIL count as
// USA), so the alerts follow relations between countries and
// organisations rather than every sector pair.
func (s *Server) countryDyads(ctx context.Context, f dyad.EventFilter, n int) ([]dyad.DyadCount, error) {
	if r, ok := s.store.(rootDyadRanker); ok {
		return r.TopRootDyads(ctx, f, n)
	}
	ds, err := s.store.TopDyads(ctx, f, min(dyad.MaxPageSize, 10*n))
	if err != nil {
		return nil, err
	}
	idx := map[[2]string]int{}
	var out []dyad.DyadCount
	for _, d := range ds {
		k := [2]string{root(d.Source), root(d.Target)}
		if k[0] == k[1] {
			continue // a country's own sectors: not a dyad
		}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, dyad.DyadCount{Source: k[0], Target: k[1]})
		}
		out[i].Events += d.Events
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Events > out[j].Events })
	return out[:min(n, len(out))], nil
}

// partyDyads keeps the first n dyads whose two sides are countries or
// international organisations: an alert on bare sectors (UAF → CVL:
// unidentified armed forces against civilians, of no known country) names
// no relation an analyst can follow. A country is a code the store's
// actors give as their country.
func (s *Server) partyDyads(ctx context.Context, ds []dyad.DyadCount, n int) ([]dyad.DyadCount, error) {
	v, err := s.remember("parties", func() (any, error) {
		as, err := s.store.TopActors(ctx, dyad.EventFilter{}, maxActorsScanned)
		if err != nil {
			return nil, err
		}
		set := map[string]bool{"IGO": true, "NGO": true}
		for _, a := range as {
			if a.Country != "" {
				set[root(a.Country)] = true
			}
		}
		return set, nil
	})
	if err != nil {
		return nil, err
	}
	parties := v.(map[string]bool)
	var out []dyad.DyadCount
	for _, d := range ds {
		if parties[d.Source] && parties[d.Target] && len(out) < n {
			out = append(out, d)
		}
	}
	return out, nil
}

// rootDyadRanker is a store that ranks the dyads of actor roots itself
// (internal/sqlite, from its dyad index); for other stores the server folds
// their busiest code-level dyads.
type rootDyadRanker interface {
	TopRootDyads(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.DyadCount, error)
}

// root returns the country or organisation part of an actor code.
func root(code string) string { return code[:min(3, len(code))] }

// quadSeriesStore is a store that reads a series split by quad class in
// one scan (internal/sqlite); from other stores the server reads quad
// classes 3 and 4 one after the other.
type quadSeriesStore interface {
	QuadSeries(ctx context.Context, f dyad.EventFilter, by dyad.Interval) ([4][]dyad.SeriesPoint, error)
}

// conflictWeeks returns the weekly conflict of one dyad from hist to f.To.
func (s *Server) conflictWeeks(ctx context.Context, f dyad.EventFilter, d dyad.DyadCount, hist string) ([]alert.Week, error) {
	f.From, f.Source, f.Target, f.Undirected = &hist, &d.Source, &d.Target, false
	var byQuad [4][]dyad.SeriesPoint
	if qs, ok := s.store.(quadSeriesStore); ok {
		var err error
		if byQuad, err = qs.QuadSeries(ctx, f, dyad.Week); err != nil {
			return nil, err
		}
	} else {
		for q := 3; q <= 4; q++ {
			f.QuadClass = &q
			pts, err := s.store.Series(ctx, f, dyad.Week)
			if err != nil {
				return nil, err
			}
			byQuad[q-1] = pts
		}
	}
	var weeks []alert.Week
	for _, pts := range byQuad[2:] {
		for _, pt := range pts {
			weeks = append(weeks, alert.Week{Start: pt.Period, Intensity: math.Max(0, -pt.GoldsteinSum), Events: pt.Events})
		}
	}
	return weeks, nil
}

// dateRange returns the Monday of the store's first event week and the
// date of its latest event (today's date twice when it is empty), cached
// for CacheTTL.
func (s *Server) dateRange(ctx context.Context) (first, last string, err error) {
	v, err := s.remember("range", func() (any, error) {
		return s.findDateRange(ctx)
	})
	if err != nil {
		return "", "", err
	}
	r := v.([2]string)
	t, _ := time.Parse(time.DateOnly, r[0])
	return alert.Monday(t).Format(time.DateOnly), r[1], nil
}

// findDateRange finds the first and last event dates with two
// page-of-one queries, oldest first and newest first, which an index on
// the date answers without a scan. Undated events are skipped (the
// PostgreSQL store keeps them on day 0001-01-01).
func (s *Server) findDateRange(ctx context.Context) ([2]string, error) {
	today := s.opts.Now().UTC().Format(time.DateOnly)
	dated := "0001-01-02"
	var r [2]string
	for i, desc := range []bool{false, true} {
		evs, _, err := s.store.FindEvents(ctx, dyad.EventFilter{From: &dated, Limit: 1, Desc: desc})
		if err != nil {
			return [2]string{}, err
		}
		if len(evs) == 0 || evs[0].Date == "" {
			return [2]string{today, today}, nil
		}
		if _, err := time.Parse(time.DateOnly, evs[0].Date); err != nil {
			if i == 0 {
				return [2]string{today, today}, nil
			}
			return [2]string{}, dyad.Errorf(dyad.EINTERNAL, "bad event date %q", evs[0].Date)
		}
		r[i] = evs[0].Date
	}
	return r, nil
}

// alertQueries bounds the dyad series read at once for alerts.
const alertQueries = 4

// conflictSeries reads the weekly conflict series of every dyad, a few at
// a time: the store answers concurrent readers, and the dyads are
// independent.
func (s *Server) conflictSeries(ctx context.Context, f dyad.EventFilter, dyads []dyad.DyadCount, hist string) ([][]alert.Week, error) {
	out := make([][]alert.Week, len(dyads))
	errs := make([]error, len(dyads))
	sem := make(chan struct{}, alertQueries)
	var wg sync.WaitGroup
	for i, d := range dyads {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out[i], errs[i] = s.conflictWeeks(ctx, f, d, hist)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
