package mock

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/dyad-events/dyad"
)

var _ dyad.EventStore = (*Memory)(nil)

// Memory is an in-memory dyad.EventStore over a fixed set of events. It
// follows the store contract (prefix matching, date order, cursors,
// EINVALID and ENOTFOUND) closely enough to stand in for a database in
// tests; it is not meant to be fast.
type Memory struct {
	events []*dyad.Event // ordered by date then id
}

// NewMemory returns a store holding copies of evs.
func NewMemory(evs []dyad.Event) *Memory {
	m := &Memory{events: make([]*dyad.Event, len(evs))}
	for i := range evs {
		ev := evs[i]
		m.events[i] = &ev
	}
	sort.SliceStable(m.events, func(i, j int) bool {
		a, b := m.events[i], m.events[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		return a.ID < b.ID
	})
	return m
}

// FindEventByID returns the event with id, or ENOTFOUND.
func (m *Memory) FindEventByID(ctx context.Context, id string) (*dyad.Event, error) {
	for _, ev := range m.events {
		if ev.ID == id {
			c := *ev
			return &c, nil
		}
	}
	return nil, dyad.Errorf(dyad.ENOTFOUND, "no event %q", id)
}

// FindEvents returns a page of the events matching f, in (date, id)
// order or, with f.Desc, its reverse. The cursor is the index of the
// next event to look at in that order.
func (m *Memory) FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, string, error) {
	if f.DateSource != nil && !f.DateSource.Valid() {
		return nil, "", dyad.Errorf(dyad.EINVALID, "date source %q: want %s or %s", *f.DateSource, dyad.DateFromText, dyad.DateFromPublication)
	}
	start, step := 0, 1
	if f.Desc {
		start, step = len(m.events)-1, -1
	}
	if f.After != "" {
		n, err := strconv.Atoi(f.After)
		if err != nil || n < 0 {
			return nil, "", dyad.Errorf(dyad.EINVALID, "bad cursor %q", f.After)
		}
		start = n
	}
	limit := pageSize(f.Limit)
	var out []*dyad.Event
	for i := start; i >= 0 && i < len(m.events); i += step {
		ev := m.events[i]
		if !match(ev, &f) {
			continue
		}
		if len(out) == limit {
			return out, strconv.Itoa(i), nil
		}
		c := *ev
		out = append(out, &c)
	}
	return out, "", nil
}

// CountEvents returns how many events match f.
func (m *Memory) CountEvents(ctx context.Context, f dyad.EventFilter) (int, error) {
	n := 0
	for _, ev := range m.events {
		if match(ev, &f) {
			n++
		}
	}
	return n, nil
}

// Series buckets the matching events by period.
func (m *Memory) Series(ctx context.Context, f dyad.EventFilter, by dyad.Interval) ([]dyad.SeriesPoint, error) {
	idx := map[string]int{}
	var pts []dyad.SeriesPoint
	for _, ev := range m.events {
		if !match(ev, &f) {
			continue
		}
		p, err := period(ev.Date, by)
		if err != nil {
			return nil, err
		}
		i, ok := idx[p]
		if !ok {
			i = len(pts)
			idx[p] = i
			pts = append(pts, dyad.SeriesPoint{Period: p})
		}
		pt := &pts[i]
		pt.Events++
		if q := ev.CAMEO.QuadClass; q >= 1 && q <= 4 {
			pt.Quad[q-1]++
		}
		pt.GoldsteinSum += ev.CAMEO.Goldstein
		pt.GoldsteinMean = pt.GoldsteinSum / float64(pt.Events)
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].Period < pts[j].Period })
	return pts, nil
}

// TopActors ranks the actors of the matching events.
func (m *Memory) TopActors(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.ActorCount, error) {
	byCode := map[string]*dyad.ActorCount{}
	add := func(a dyad.Actor) {
		if a.Code == "" {
			return
		}
		c := byCode[a.Code]
		if c == nil {
			c = &dyad.ActorCount{Code: a.Code, Country: a.Country, Name: a.Name}
			byCode[a.Code] = c
		}
		c.Events++
	}
	for _, ev := range m.events {
		if match(ev, &f) {
			add(ev.Source)
			add(ev.Target)
		}
	}
	out := make([]dyad.ActorCount, 0, len(byCode))
	for _, c := range byCode {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Code < out[j].Code
	})
	return out[:min(len(out), pageSize(limit))], nil
}

// TopDyads ranks the directed dyads of the matching events.
func (m *Memory) TopDyads(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.DyadCount, error) {
	byPair := map[[2]string]*dyad.DyadCount{}
	for _, ev := range m.events {
		if !match(ev, &f) || ev.Source.Code == "" || ev.Target.Code == "" {
			continue
		}
		k := [2]string{ev.Source.Code, ev.Target.Code}
		d := byPair[k]
		if d == nil {
			d = &dyad.DyadCount{Source: k[0], Target: k[1]}
			byPair[k] = d
		}
		d.Events++
		if q := ev.CAMEO.QuadClass; q >= 1 && q <= 4 {
			d.Quad[q-1]++
		}
		d.GoldsteinSum += ev.CAMEO.Goldstein
		d.GoldsteinMean = d.GoldsteinSum / float64(d.Events)
	}
	out := make([]dyad.DyadCount, 0, len(byPair))
	for _, d := range byPair {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Source+out[i].Target < out[j].Source+out[j].Target
	})
	return out[:min(len(out), pageSize(limit))], nil
}

// Network joins the limit busiest dyads and their actors.
func (m *Memory) Network(ctx context.Context, f dyad.EventFilter, limit int) (*dyad.Network, error) {
	edges, err := m.TopDyads(ctx, f, limit)
	if err != nil {
		return nil, err
	}
	actors, err := m.TopActors(ctx, f, dyad.MaxPageSize)
	if err != nil {
		return nil, err
	}
	in := map[string]bool{}
	for _, e := range edges {
		in[e.Source], in[e.Target] = true, true
	}
	n := &dyad.Network{Edges: edges, Nodes: []dyad.ActorCount{}}
	for _, a := range actors {
		if in[a.Code] {
			n.Nodes = append(n.Nodes, a)
		}
	}
	return n, nil
}

// FindClusterByID reports ENOTFOUND: Memory keeps no clusters.
func (m *Memory) FindClusterByID(ctx context.Context, id int64) (*dyad.Cluster, error) {
	return nil, dyad.Errorf(dyad.ENOTFOUND, "no cluster %d", id)
}

// FindClusters returns no clusters: Memory keeps none.
func (m *Memory) FindClusters(ctx context.Context, f dyad.EventFilter) ([]*dyad.Cluster, string, error) {
	return nil, "", nil
}

// pageSize applies the store's default and cap to a limit.
func pageSize(n int) int {
	switch {
	case n <= 0:
		return dyad.DefaultPageSize
	case n > dyad.MaxPageSize:
		return dyad.MaxPageSize
	}
	return n
}

// period returns the first day of the period holding date.
func period(date string, by dyad.Interval) (string, error) {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return "", dyad.Errorf(dyad.EINVALID, "bad event date %q", date)
	}
	switch by {
	case dyad.Day:
	case dyad.Week:
		t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case dyad.Month:
		t = t.AddDate(0, 0, 1-t.Day())
	default:
		return "", dyad.Errorf(dyad.EINVALID, "unknown interval %q", by)
	}
	return t.Format(time.DateOnly), nil
}
