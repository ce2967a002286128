package storetest

import (
	"context"
	"fmt"
	"math"
	"sort"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// testAggregatesAgree checks that counts, series and top actors equal
// what the events themselves say, counted here from FindEvents, after
// inserts, re-codings and deletions of events, and clustering: a store
// may answer them from summaries it keeps (PostgreSQL does), and those
// must never drift from the events.
func testAggregatesAgree(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	docs := mixedFixture(60)
	MustCreate(t, s, docs[:30])
	MustCreate(t, s, docs[30:])
	checkAggregates(t, s, "after inserts")

	for i := 1; i < 60; i += 3 {
		evs := docs[(i+7)%60].Events // another document's events, under this document's ids
		var mine []dyad.Event
		for k, ev := range evs {
			ev.ID, ev.DocID = fmt.Sprintf("%s:r%d", docs[i].Doc.ID, k), docs[i].Doc.ID
			mine = append(mine, ev)
		}
		if i%9 == 1 {
			mine = nil // every event of the document deleted
		}
		if _, err := s.ReplaceEvents(ctx, docs[i].Doc.ID, mine); err != nil {
			t.Fatalf("ReplaceEvents(%s): %v", docs[i].Doc.ID, err)
		}
	}
	checkAggregates(t, s, "after re-coding")

	evs, _, err := s.FindEvents(ctx, dyad.EventFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var cs []*dyad.Cluster
	for _, ev := range evs {
		cs = append(cs, &dyad.Cluster{Date: ev.Date, LastDate: ev.Date, Source: ev.Source.Code, Target: ev.Target.Code,
			CAMEO: ev.CAMEO.Code, Root: ev.CAMEO.Root, Mentions: 1, Documents: 1, Sources: 1, EventIDs: []string{ev.ID}})
	}
	if err := s.ReplaceClusters(ctx, cs); err != nil {
		t.Fatal(err)
	}
	checkAggregates(t, s, "after clustering")
}

// mixedFixture returns n documents of up to three events each, between
// actors of several roots (one compound, one without a code) over three
// months, a few undated.
func mixedFixture(n int) []*dyad.CodedDocument {
	actors := []dyad.Actor{{Code: "USAGOV", Country: "USA"}, {Code: "USA", Country: "USA"}, {Code: "CHNGOV", Country: "CHN"},
		{Code: "RUSMIL", Country: "RUS"}, {Code: "UKRMIL", Country: "UKR"}, {Code: "IGOUNO"}, {Country: "FRA"},
		{Members: []dyad.Actor{{Code: "FRAGOV", Country: "FRA"}, {Code: "DEUGOV", Country: "DEU"}}}}
	codes := []dyad.CAMEO{{Code: "036", Root: "03", QuadClass: 1, Goldstein: 4}, {Code: "071", Root: "07", QuadClass: 2, Goldstein: 7.4},
		{Code: "112", Root: "11", QuadClass: 3, Goldstein: -2}, {Code: "190", Root: "19", QuadClass: 4, Goldstein: -10}}
	docs := Fixture(n)
	for i, d := range docs {
		ev := d.Events[0]
		d.Events = nil
		for k := range i % 4 {
			e := ev
			e.ID = fmt.Sprintf("%s:0:%d", d.Doc.ID, k)
			e.Source, e.Target = actors[(i+k)%len(actors)], actors[(3*i+2*k+1)%len(actors)]
			e.CAMEO = codes[(i*k+i/3)%len(codes)]
			e.Date = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (i*37+k*11)%91).Format("2006-01-02")
			if (i+k)%9 == 0 {
				e.Date = ""
			}
			d.Events = append(d.Events, e)
		}
	}
	return docs
}

// aggregateFilters are filters the aggregates are checked under: dates,
// roots, a dyad either way, and some a summary could not serve.
var aggregateFilters = []dyad.EventFilter{
	{},
	{From: ptr("2020-01-20"), To: ptr("2020-02-25")},
	{Source: ptr("USA")},
	{Target: ptr("rus")},
	{Actor: ptr("IGO")},
	{Source: ptr("USA"), Target: ptr("CHN"), Undirected: true, From: ptr("2020-02-01")},
	{Actor: ptr("FRAGOV")},
	{QuadClass: ptr(4)},
	{Country: ptr("USA"), To: ptr("2020-03-01")},
}

// checkAggregates compares CountEvents, Series by day, week and month, and
// TopActors with a count of the events FindEvents lists. Goldstein sums
// may differ by the store's precision (PostgreSQL keeps a float32).
func checkAggregates(t *testing.T, s Store, when string) {
	t.Helper()
	ctx := context.Background()
	for _, f := range aggregateFilters {
		evs := allEvents(t, s, f)
		if n := mustCount(t, s, f); n != len(evs) {
			t.Errorf("%s: CountEvents(%+v)=%d, want %d", when, f, n, len(evs))
		}
		for _, by := range []dyad.Interval{dyad.Day, dyad.Week, dyad.Month} {
			got, err := s.Series(ctx, f, by)
			if err != nil {
				t.Fatal(err)
			}
			want := countSeries(evs, by)
			if len(got) != len(want) {
				t.Errorf("%s: Series(%+v, %s) has %d points, want %d", when, f, by, len(got), len(want))
				continue
			}
			for i := range got {
				g, w := got[i], want[i]
				if g.Period != w.Period || g.Events != w.Events || g.Quad != w.Quad || math.Abs(g.GoldsteinSum-w.GoldsteinSum) > 1e-5*float64(w.Events) {
					t.Errorf("%s: Series(%+v, %s)[%d]=%+v, want %+v", when, f, by, i, g, w)
				}
			}
		}
		got, err := s.TopActors(ctx, f, 100)
		if err != nil {
			t.Fatal(err)
		}
		if want := countActors(evs); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: TopActors(%+v)=%v, want %v", when, f, got, want)
		}
	}
}

// allEvents lists every event matching f, page by page.
func allEvents(t *testing.T, s Store, f dyad.EventFilter) []*dyad.Event {
	t.Helper()
	f.Limit = 7
	var out []*dyad.Event
	for {
		evs, next, err := s.FindEvents(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, evs...)
		if next == "" {
			return out
		}
		f.After = next
	}
}

// countSeries buckets evs by period as Series does: undated events left
// out, weeks starting on Monday.
func countSeries(evs []*dyad.Event, by dyad.Interval) []dyad.SeriesPoint {
	pts := map[string]*dyad.SeriesPoint{}
	for _, ev := range evs {
		day, err := time.Parse("2006-01-02", ev.Date)
		if err != nil {
			continue
		}
		switch by {
		case dyad.Week:
			day = day.AddDate(0, 0, -(int(day.Weekday())+6)%7)
		case dyad.Month:
			day = day.AddDate(0, 0, 1-day.Day())
		}
		k := day.Format("2006-01-02")
		p := pts[k]
		if p == nil {
			p = &dyad.SeriesPoint{Period: k}
			pts[k] = p
		}
		p.Events++
		if q := ev.CAMEO.QuadClass; q >= 1 && q <= 4 {
			p.Quad[q-1]++
		}
		p.GoldsteinSum += ev.CAMEO.Goldstein
	}
	var out []dyad.SeriesPoint
	for _, p := range pts {
		p.GoldsteinMean = p.GoldsteinSum / float64(p.Events)
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out
}

// countActors counts each actor code's event sides (a compound actor
// without a code of its own under its first member's code, with its own
// country), with its greatest country, most first.
func countActors(evs []*dyad.Event) []dyad.ActorCount {
	by := map[string]*dyad.ActorCount{}
	for _, ev := range evs {
		for _, a := range []dyad.Actor{ev.Source, ev.Target} {
			code := a.Code
			if code == "" && len(a.Members) > 0 {
				code = a.Members[0].Code
			}
			if code == "" {
				continue
			}
			c := by[code]
			if c == nil {
				c = &dyad.ActorCount{Code: code}
				by[code] = c
			}
			c.Events++
			c.Country = max(c.Country, a.Country)
		}
	}
	var out []dyad.ActorCount
	for _, c := range by {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Events > out[j].Events || out[i].Events == out[j].Events && out[i].Code < out[j].Code
	})
	return out
}
