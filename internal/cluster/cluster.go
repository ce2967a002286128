package cluster

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// Defaults of Options.
const (
	DefaultWindow = 3   // days
	DefaultMaxKm  = 100 // kilometres
)

// Options tune the grouping.
type Options struct {
	Window int     // days from a cluster's first mention within which a mention may join it
	MaxKm  float64 // largest distance between compatible places
}

// DefaultOptions returns the options dyad clusters with.
func DefaultOptions() Options { return Options{Window: DefaultWindow, MaxKm: DefaultMaxKm} }

// Mention is one event mention and the outlet that published it.
type Mention struct {
	Event  *dyad.Event // ID, DocID, Date, Source.Code, Target.Code, CAMEO and Location are read
	Outlet string
}

// group is a cluster under construction.
type group struct {
	start, last time.Time
	src, tgt    dyad.Actor // the most specific actors seen
	place       *dyad.Place
	ms          []Mention
}

// Group groups dated mentions into real-world events, in order of their
// first mention. Mentions with no parsable date are left out.
func Group(ms []Mention, opts Options) []*dyad.Cluster {
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	if opts.MaxKm <= 0 {
		opts.MaxKm = DefaultMaxKm
	}
	dated := make([]Mention, 0, len(ms))
	days := make(map[*dyad.Event]time.Time, len(ms))
	for _, m := range ms {
		if d, err := time.Parse("2006-01-02", m.Event.Date); err == nil {
			dated = append(dated, m)
			days[m.Event] = d
		}
	}
	sort.SliceStable(dated, func(i, j int) bool { return days[dated[i].Event].Before(days[dated[j].Event]) })
	window := time.Duration(opts.Window) * 24 * time.Hour
	open := map[string][]*group{} // by CAMEO root
	var all []*group
	for _, m := range dated {
		ev, d := m.Event, days[m.Event]
		gs := prune(open[ev.CAMEO.Root], d, window)
		g := pick(gs, ev, opts.MaxKm)
		if g == nil {
			g = &group{start: d, src: ev.Source, tgt: ev.Target}
			gs = append(gs, g)
			all = append(all, g)
		}
		open[ev.CAMEO.Root] = gs
		g.add(m, d)
	}
	out := make([]*dyad.Cluster, len(all))
	for i, g := range all {
		out[i] = g.cluster()
	}
	return out
}

// prune drops the groups that began more than window before d; mentions
// come in date order, so they can take no more.
func prune(gs []*group, d time.Time, window time.Duration) []*group {
	i := 0
	for i < len(gs) && d.Sub(gs[i].start) > window {
		i++
	}
	return gs[i:]
}

// pick returns the first group whose dyad and place are compatible with
// ev, nil if none.
func pick(gs []*group, ev *dyad.Event, maxKm float64) *group {
	for _, g := range gs {
		if SameActor(g.src, ev.Source) && SameActor(g.tgt, ev.Target) && compatible(g.place, ev.Location, maxKm) {
			return g
		}
	}
	return nil
}

// SameActor reports whether two coded actors may be the same: the same
// country when both have one, else the same sector code ("COP" and
// "IRNCOP": police, one with its country unresolved).
func SameActor(a, b dyad.Actor) bool {
	if a.Country != "" && b.Country != "" {
		return a.Country == b.Country
	}
	return sector(a) == sector(b)
}

// sector is an actor's code without its country prefix.
func sector(a dyad.Actor) string {
	if a.Country != "" && strings.HasPrefix(a.Code, a.Country) {
		return a.Code[len(a.Country):]
	}
	return a.Code
}

func (g *group) add(m Mention, d time.Time) {
	g.ms = append(g.ms, m)
	if d.After(g.last) {
		g.last = d
	}
	if g.place == nil && m.Event.Location != nil {
		g.place = m.Event.Location
	}
	if g.src.Country == "" && m.Event.Source.Country != "" {
		g.src = m.Event.Source
	}
	if g.tgt.Country == "" && m.Event.Target.Country != "" {
		g.tgt = m.Event.Target
	}
}

// cluster summarises a group: the most frequent code stands for it.
func (g *group) cluster() *dyad.Cluster {
	first := g.ms[0].Event
	c := &dyad.Cluster{Date: g.start.Format("2006-01-02"), LastDate: g.last.Format("2006-01-02"),
		Source: g.src.Code, Target: g.tgt.Code, Root: first.CAMEO.Root, Place: g.place,
		Mentions: len(g.ms)}
	codes := map[string]int{}
	docs := map[string]bool{}
	outlets := map[string]bool{}
	best := first
	for _, m := range g.ms {
		e := m.Event
		c.EventIDs = append(c.EventIDs, e.ID)
		docs[e.DocID] = true
		if m.Outlet != "" {
			outlets[m.Outlet] = true
		} else {
			outlets["doc:"+e.DocID] = true // an unnamed outlet counts once per document
		}
		codes[e.CAMEO.Code]++
		if n, b := codes[e.CAMEO.Code], codes[best.CAMEO.Code]; n > b || n == b && e.CAMEO.Code < best.CAMEO.Code {
			best = e
		}
	}
	c.CAMEO, c.Goldstein, c.QuadClass = best.CAMEO.Code, best.CAMEO.Goldstein, best.CAMEO.QuadClass
	c.Documents, c.Sources = len(docs), len(outlets)
	return c
}

// compatible reports whether two event places may be the same place.
func compatible(a, b *dyad.Place, maxKm float64) bool {
	if a == nil || b == nil {
		return true
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return false
	}
	if coarse(a) || coarse(b) {
		return a.Name == b.Name || a.Country != "" && a.Country == b.Country
	}
	return Km(a.Lat, a.Lon, b.Lat, b.Lon) <= maxKm
}

// coarse reports whether p is known only to its country: no coordinates,
// or no gazetteer id (a country's centroid).
func coarse(p *dyad.Place) bool {
	return p.Lat == 0 && p.Lon == 0 || p.GeoNamesID == 0
}

// Km returns the great-circle distance between two points in kilometres.
func Km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// OneADay is Phoenix's one-a-day filter: of the events with the same date,
// source, target and CAMEO code it keeps the first, in input order.
func OneADay(evs []*dyad.Event) []*dyad.Event { return OneADayFrom(evs, map[string]bool{}) }

// OneADayFrom is OneADay across pages: seen holds the keys of the events
// kept on earlier pages and is updated.
func OneADayFrom(evs []*dyad.Event, seen map[string]bool) []*dyad.Event {
	out := evs[:0:0]
	for _, e := range evs {
		k := e.Date + "\x00" + e.Source.Code + "\x00" + e.Target.Code + "\x00" + e.CAMEO.Code
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}
