package postgres

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/summary"
)

// periodExpr returns the SQL expression of the first day of an event's
// period.
func periodExpr(by dyad.Interval) (string, error) {
	switch by {
	case dyad.Day, "":
		return "e.day", nil
	case dyad.Week: // ISO weeks start on Monday, as date_trunc's do
		return "date_trunc('week', e.day)::date", nil
	case dyad.Month:
		return "date_trunc('month', e.day)::date", nil
	}
	return "", dyad.Errorf(dyad.EINVALID, "bad interval %q (want day, week or month)", by)
}

const quadSums = `count(*) FILTER (WHERE e.quad = 1), count(*) FILTER (WHERE e.quad = 2),
	count(*) FILTER (WHERE e.quad = 3), count(*) FILTER (WHERE e.quad = 4), sum(e.goldstein::float8)`

// Series buckets the events matching f by period, leaving out undated
// events and empty periods.
func (d *DB) Series(ctx context.Context, f dyad.EventFilter, by dyad.Interval) ([]dyad.SeriesPoint, error) {
	per, err := periodExpr(by)
	if err != nil {
		return nil, err
	}
	c, err := eventCond(f)
	if err != nil {
		return nil, err
	}
	t, sc, err := d.countSummary(f)
	if err != nil {
		return nil, err
	}
	var q string
	switch {
	case t == "":
		c.add("e.day > ?", undated)
		q = "SELECT " + per + " AS p, count(*), " + quadSums + " FROM events e" + c.String() + " GROUP BY p ORDER BY p"
	case (t == "event_root_days" || t == "event_days") && per == "e.day":
		// One row a day: the rows as they are.
		c = sc
		c.add("e.day > ?", undated)
		q = "SELECT e.day, e.n, e.q1, e.q2, e.q3, e.q4, e.goldstein FROM " + t + " e" + c.String() + " ORDER BY e.day"
	default:
		c = sc
		c.add("e.day > ?", undated)
		q = "SELECT " + per + " AS p, sum(e.n)::bigint, sum(e.q1)::bigint, sum(e.q2)::bigint, sum(e.q3)::bigint, sum(e.q4)::bigint, sum(e.goldstein)" +
			" FROM " + t + " e" + c.String() + " GROUP BY p ORDER BY p"
	}
	rows, err := d.pool.Query(ctx, q, c.args...)
	if err != nil {
		return nil, fmt.Errorf("series: %w", err)
	}
	defer rows.Close()
	var out []dyad.SeriesPoint
	for rows.Next() {
		var p dyad.SeriesPoint
		var day time.Time
		var n, q1, q2, q3, q4 int64
		if err := rows.Scan(&day, &n, &q1, &q2, &q3, &q4, &p.GoldsteinSum); err != nil {
			return nil, fmt.Errorf("series: %w", err)
		}
		p.Period, p.Events, p.Quad = dayString(day), int(n), [4]int{int(q1), int(q2), int(q3), int(q4)}
		p.GoldsteinMean = p.GoldsteinSum / float64(p.Events)
		out = append(out, p)
	}
	return out, rows.Err()
}

// TopActors returns the actors in most events matching f, on either side.
func (d *DB) TopActors(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.ActorCount, error) {
	c, err := eventCond(f)
	if err != nil {
		return nil, err
	}
	var q string
	if d.useSummaries(actorSummaryServes(f)) {
		// Whole months (or all time) from event_actor_months, the days
		// of months cut by the range from event_actor_days.
		lo, hi, whole, days, all, err := monthParts(f.From, f.To)
		if err != nil {
			return nil, err
		}
		c = &cond{textAny: -1}
		var parts []string
		switch {
		case all:
			parts = append(parts, "SELECT code, country, n FROM event_actor_months WHERE month = 'infinity'")
		case whole:
			parts = append(parts, c.number("SELECT code, country, n FROM event_actor_months WHERE month >= ? AND month <= ?"))
			c.args = append(c.args, lo, hi)
		}
		for _, s := range days {
			parts = append(parts, c.number("SELECT code, country, n FROM event_actor_days WHERE day >= ? AND day <= ?"))
			c.args = append(c.args, s.lo, s.hi)
		}
		if len(parts) == 0 { // from after to
			return nil, nil
		}
		q = `SELECT code, max(country), sum(n)::bigint AS total FROM (` + strings.Join(parts, " UNION ALL ") +
			`) AS x GROUP BY code ORDER BY total DESC, code LIMIT ` + c.arg(pageSize(limit))
	} else {
		w, lim := c.String(), c.arg(pageSize(limit))
		// Each side grouped on its own (a few hundred groups from each
		// scan), then the two summed; both halves read the same parameters.
		q = `SELECT code, max(country), sum(n)::bigint AS total FROM (
		SELECT e.source_code AS code, max(e.source_country) AS country, count(*) AS n FROM events e` + w + ` GROUP BY 1
		UNION ALL
		SELECT e.target_code, max(e.target_country), count(*) FROM events e` + w + ` GROUP BY 1) AS x
		WHERE code <> '' GROUP BY code ORDER BY total DESC, code LIMIT ` + lim
	}
	rows, err := d.pool.Query(ctx, q, c.args...)
	if err != nil {
		return nil, fmt.Errorf("top actors: %w", err)
	}
	defer rows.Close()
	var out []dyad.ActorCount
	for rows.Next() {
		var a dyad.ActorCount
		var n int64
		if err := rows.Scan(&a.Code, &a.Country, &n); err != nil {
			return nil, fmt.Errorf("top actors: %w", err)
		}
		a.Events = int(n)
		out = append(out, a)
	}
	return out, rows.Err()
}

// TopDyads returns the directed pairs with most events matching f.
func (d *DB) TopDyads(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.DyadCount, error) {
	c, err := eventCond(f)
	if err != nil {
		return nil, err
	}
	if d.useSummaries(summary.OnlyDates(f)) {
		out, ok, err := d.topDyadsSummary(ctx, f, pageSize(limit))
		if err != nil || ok {
			return out, err
		}
	}
	c.add("e.source_code <> '' AND e.target_code <> ''")
	q := "SELECT e.source_code, e.target_code, count(*) AS n, " + quadSums + " FROM events e" + c.String() +
		" GROUP BY e.source_code, e.target_code ORDER BY n DESC, e.source_code, e.target_code LIMIT " + c.arg(pageSize(limit))
	return d.scanPairs(ctx, q, c.args)
}

// Network returns the limit busiest dyads of the events matching f as
// edges, and as nodes the actors they join with their events on those
// edges.
func (d *DB) Network(ctx context.Context, f dyad.EventFilter, limit int) (*dyad.Network, error) {
	edges, err := d.TopDyads(ctx, f, limit)
	if err != nil {
		return nil, err
	}
	n := map[string]int{}
	for _, e := range edges {
		n[e.Source] += e.Events
		n[e.Target] += e.Events
	}
	net := &dyad.Network{Edges: edges, Nodes: make([]dyad.ActorCount, 0, len(n))}
	for code, c := range n {
		net.Nodes = append(net.Nodes, dyad.ActorCount{Code: code, Events: c})
	}
	sort.Slice(net.Nodes, func(i, j int) bool {
		a, b := net.Nodes[i], net.Nodes[j]
		return a.Events > b.Events || a.Events == b.Events && a.Code < b.Code
	})
	return net, nil
}
