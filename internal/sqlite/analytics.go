package sqlite

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/summary"
)

// period returns the first day of the period holding date (YYYY-MM-DD).
func period(date string, by dyad.Interval) string {
	switch by {
	case dyad.Month:
		if len(date) >= 7 {
			return date[:7] + "-01"
		}
	case dyad.Week:
		if d, err := time.Parse("2006-01-02", date); err == nil {
			back := (int(d.Weekday()) + 6) % 7 // days since Monday
			return d.AddDate(0, 0, -back).Format("2006-01-02")
		}
	}
	return date
}

const quadSums = "sum(e.quad = 1), sum(e.quad = 2), sum(e.quad = 3), sum(e.quad = 4), sum(e.goldstein)"

// Series buckets the events matching f by period, leaving out undated
// events and empty periods. SQLite sums by day, from a daily summary when
// one answers f (summary.go), else in the order of the dyad index (no
// sort, no per-row date arithmetic); days fold into weeks and months here.
func (d *DB) Series(ctx context.Context, f dyad.EventFilter, by dyad.Interval) ([]dyad.SeriesPoint, error) {
	by, err := checkInterval(by)
	if err != nil {
		return nil, err
	}
	t, c, err := summaryFor(f)
	if err != nil {
		return nil, err
	}
	if t == "event_root_days" && by == dyad.Week {
		return d.rootWeeks(ctx, f)
	}
	if t == "" {
		if c, err = eventCond(f); err != nil {
			return nil, err
		}
	}
	c.add("e.date <> ''")
	q := "SELECT e.date, count(*), " + quadSums + " FROM events e" + c.String() + " GROUP BY e.date ORDER BY e.date"
	switch {
	case t != "" && by == dyad.Month:
		// A month of a summary's days is summed by SQLite: a thirtieth of
		// the rows to hand over (4.7-5.0 against 5.9-6.6 ms for an actor at ten
		// million events). Weeks are not: SQLite's date arithmetic for
		// each day cost what handing the days over saves.
		p := periodSQL("e.date", by)
		q = "SELECT " + p + " AS p, sum(e.n), sum(e.q1), sum(e.q2), sum(e.q3), sum(e.q4), total(e.goldstein) FROM " + t + " e" +
			c.String() + " GROUP BY p ORDER BY p"
	case t != "" && oneRowADay(t, f):
		// The rows are the days, read in key order: summing each day's
		// one row cost about as much as reading the rows (4,255 days of an
		// actor at a million events).
		q = "SELECT e.date, e.n, e.q1, e.q2, e.q3, e.q4, e.goldstein FROM " + t + " e" + c.String() + " ORDER BY e.date"
	case t != "":
		q = "SELECT e.date, sum(e.n), sum(e.q1), sum(e.q2), sum(e.q3), sum(e.q4), total(e.goldstein) FROM " + t + " e" +
			c.String() + " GROUP BY e.date ORDER BY e.date"
	}
	rows, err := d.db.QueryContext(ctx, q, c.args...)
	if err != nil {
		return nil, fmt.Errorf("series: %w", err)
	}
	defer rows.Close()
	var days []dyad.SeriesPoint
	for rows.Next() {
		var p dyad.SeriesPoint
		if err := rows.Scan(&p.Period, &p.Events, &p.Quad[0], &p.Quad[1], &p.Quad[2], &p.Quad[3], &p.GoldsteinSum); err != nil {
			return nil, err
		}
		days = append(days, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return foldDays(days, by), nil
}

// rootWeeks is Series by week for a filter that event_root_days answers
// (one root on one side or either, and dates): the whole weeks from
// event_root_weeks, the days of a week that from or to cuts from
// event_root_days.
func (d *DB) rootWeeks(ctx context.Context, f dyad.EventFilter) ([]dyad.SeriesPoint, error) {
	role, root, _ := summary.OneRoot(f)
	root = strings.ToUpper(root)
	if f.From != nil && f.To != nil && *f.From > *f.To {
		return nil, nil
	}
	const cols = "sum(n), sum(q1), sum(q2), sum(q3), sum(q4), total(goldstein)"
	days := func(from, to string) (string, []any) {
		return "SELECT date, " + cols + " FROM event_root_days WHERE role = ? AND root = ? AND date >= ? AND date <= ? AND date <> ''" +
			" GROUP BY date", []any{role, root, from, to}
	}
	monday := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, period(s, dyad.Week)); return t }
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	lo, hi := "", "~" // the weeks (Mondays) read whole, inclusive
	var head, tail [2]string
	if f.From != nil {
		if m := monday(*f.From); day(m) != *f.From {
			head = [2]string{*f.From, day(m.AddDate(0, 0, 6))}
			lo = day(m.AddDate(0, 0, 7))
		} else {
			lo = *f.From
		}
	}
	if f.To != nil {
		if m := monday(*f.To); day(m.AddDate(0, 0, 6)) != *f.To {
			tail = [2]string{day(m), *f.To}
			hi = day(m.AddDate(0, 0, -7))
		} else {
			hi = day(m)
		}
	}
	var parts []string
	var args []any
	switch {
	case f.From != nil && f.To != nil && head[0] != "" && tail[0] != "" && head[1] >= tail[0]: // within one week
		q, a := days(*f.From, *f.To)
		parts, args = append(parts, q), append(args, a...)
	default:
		if head[0] != "" {
			q, a := days(head[0], head[1])
			parts, args = append(parts, q), append(args, a...)
		}
		parts = append(parts, "SELECT week, "+cols+" FROM event_root_weeks WHERE role = ? AND root = ? AND week >= ? AND week <= ? AND week <> ''"+
			" GROUP BY week")
		args = append(args, role, root, lo, hi)
		if tail[0] != "" {
			q, a := days(tail[0], tail[1])
			parts, args = append(parts, q), append(args, a...)
		}
	}
	var out []dyad.SeriesPoint
	for _, q := range parts { // in date order: the head's days, the weeks, the tail's days
		n := strings.Count(q, "?")
		rows, err := d.db.QueryContext(ctx, q+" ORDER BY 1", args[:n]...)
		if err != nil {
			return nil, fmt.Errorf("series: %w", err)
		}
		args = args[n:]
		for rows.Next() {
			var p dyad.SeriesPoint
			if err := rows.Scan(&p.Period, &p.Events, &p.Quad[0], &p.Quad[1], &p.Quad[2], &p.Quad[3], &p.GoldsteinSum); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return foldDays(out, dyad.Week), nil
}

// periodSQL returns the SQL of the first day of the period of by holding
// the date d (YYYY-MM-DD), as period does: a month's first day (period
// folds a week in Go).
func periodSQL(d string, by dyad.Interval) string {
	if by == dyad.Month {
		return "substr(" + d + ", 1, 7) || '-01'"
	}
	return d
}

// oneRowADay reports whether summary table t (summaryFor's for f) holds
// one row a day for f: the whole archive's days, one root's on one side,
// or one directed pair of roots.
func oneRowADay(t string, f dyad.EventFilter) bool {
	switch t {
	case "event_days", "event_root_days":
		return true
	case "event_dyad_days":
		return f.Actor == nil && f.Source != nil && f.Target != nil && !f.Undirected
	}
	return false
}

// QuadSeries returns the series Series returns for f with QuadClass set
// to 1, 2, 3 and 4 (f's own QuadClass is ignored) from one scan: SQLite
// sums each day's Goldstein scores by quad class as it counts them. The
// alerts read a dyad's conflict weeks (quad classes 3 and 4) with it.
func (d *DB) QuadSeries(ctx context.Context, f dyad.EventFilter, by dyad.Interval) ([4][]dyad.SeriesPoint, error) {
	var out [4][]dyad.SeriesPoint
	by, err := checkInterval(by)
	if err != nil {
		return out, err
	}
	f.QuadClass = nil
	c, err := eventCond(f)
	if err != nil {
		return out, err
	}
	c.add("e.date <> ''")
	q := "SELECT e.date, sum(e.quad = 1), sum(e.quad = 2), sum(e.quad = 3), sum(e.quad = 4)" +
		", total(CASE e.quad WHEN 1 THEN e.goldstein END), total(CASE e.quad WHEN 2 THEN e.goldstein END)" +
		", total(CASE e.quad WHEN 3 THEN e.goldstein END), total(CASE e.quad WHEN 4 THEN e.goldstein END)" +
		" FROM events e" + c.String() + " GROUP BY e.date ORDER BY e.date"
	rows, err := d.db.QueryContext(ctx, q, c.args...)
	if err != nil {
		return out, fmt.Errorf("quad series: %w", err)
	}
	defer rows.Close()
	var days [4][]dyad.SeriesPoint
	for rows.Next() {
		var date string
		var n [4]int
		var g [4]float64
		if err := rows.Scan(&date, &n[0], &n[1], &n[2], &n[3], &g[0], &g[1], &g[2], &g[3]); err != nil {
			return out, err
		}
		for k := range 4 {
			if n[k] > 0 {
				p := dyad.SeriesPoint{Period: date, Events: n[k], GoldsteinSum: g[k]}
				p.Quad[k] = n[k]
				days[k] = append(days[k], p)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return out, err
	}
	for k := range 4 {
		out[k] = foldDays(days[k], by)
	}
	return out, nil
}

// checkInterval returns by, "" read as a day, or EINVALID.
func checkInterval(by dyad.Interval) (dyad.Interval, error) {
	switch by {
	case "":
		return dyad.Day, nil
	case dyad.Day, dyad.Week, dyad.Month:
		return by, nil
	}
	return "", dyad.Errorf(dyad.EINVALID, "bad interval %q (want day, week or month)", by)
}

// foldDays folds daily points, in date order, into periods of by and sets
// their means.
func foldDays(days []dyad.SeriesPoint, by dyad.Interval) []dyad.SeriesPoint {
	var out []dyad.SeriesPoint
	for _, p := range days {
		p.Period = period(p.Period, by)
		if n := len(out); n > 0 && out[n-1].Period == p.Period {
			last := &out[n-1]
			last.Events += p.Events
			last.GoldsteinSum += p.GoldsteinSum
			for i := range last.Quad {
				last.Quad[i] += p.Quad[i]
			}
			continue
		}
		out = append(out, p)
	}
	for i := range out {
		out[i].GoldsteinMean = out[i].GoldsteinSum / float64(out[i].Events)
	}
	return out
}

// TopActors returns the actors in most events matching f, on either side.
// A filter on dates alone is answered from event_actor_months.
func (d *DB) TopActors(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.ActorCount, error) {
	c, err := eventCond(f)
	if err != nil {
		return nil, err
	}
	var from string
	var args []any
	if summary.OnlyDates(f) {
		from, args = monthsUnion("event_actor_months", "code, country, n", f.From, f.To,
			[2]string{"SELECT e.source_code AS code, e.source_country AS country, 1 AS n", " AND e.source_code <> ''"},
			[2]string{"SELECT e.target_code, e.target_country, 1", " AND e.target_code <> ''"})
	} else {
		w := c.String()
		from = "SELECT e.source_code AS code, e.source_country AS country, 1 AS n FROM events e" + w +
			" UNION ALL SELECT e.target_code, e.target_country, 1 FROM events e" + w
		args = append(append(args, c.args...), c.args...)
	}
	q := "SELECT code, max(country), sum(n) AS n FROM (" + from + ") WHERE code <> '' GROUP BY code ORDER BY n DESC, code LIMIT ?"
	rows, err := d.db.QueryContext(ctx, q, append(args, pageSize(limit))...)
	if err != nil {
		return nil, fmt.Errorf("top actors: %w", err)
	}
	defer rows.Close()
	var out []dyad.ActorCount
	for rows.Next() {
		var a dyad.ActorCount
		if err := rows.Scan(&a.Code, &a.Country, &a.Events); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// TopDyads returns the directed pairs with most events matching f. A
// filter on dates alone is answered from event_pair_months.
func (d *DB) TopDyads(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.DyadCount, error) {
	c, err := eventCond(f)
	if err != nil {
		return nil, err
	}
	c.add("e.source_code <> '' AND e.target_code <> ''")
	q := "SELECT e.source_code, e.target_code, count(*) AS n, " + quadSums + " FROM events e" + c.String() +
		" GROUP BY e.source_code, e.target_code ORDER BY n DESC, e.source_code, e.target_code LIMIT ?"
	args := c.args
	if summary.OnlyDates(f) && (f.From != nil || f.To != nil) {
		out, ok, err := d.topDyadsRange(ctx, f, pageSize(limit))
		if err != nil || ok {
			return out, err
		}
	}
	if summary.OnlyDates(f) {
		var from string
		from, args = monthsUnion("event_pair_months", "source_code, target_code, n, q1, q2, q3, q4, goldstein", f.From, f.To,
			[2]string{"SELECT e.source_code AS source_code, e.target_code AS target_code, 1 AS n, e.quad = 1 AS q1, e.quad = 2 AS q2," +
				" e.quad = 3 AS q3, e.quad = 4 AS q4, e.goldstein AS goldstein", " AND e.source_code <> '' AND e.target_code <> ''"})
		q = "SELECT source_code, target_code, sum(n) AS n, sum(q1), sum(q2), sum(q3), sum(q4), total(goldstein) FROM (" + from +
			") GROUP BY source_code, target_code ORDER BY n DESC, source_code, target_code LIMIT ?"
		if lo, hi, ok, days := rangeParts(f.From, f.To); ok && lo == hi && len(days) == 0 {
			// All time or one whole month: the month's rows (one a pair)
			// are the answer, the busiest read from event_pair_months_n.
			// The limit-th count first, then the rows at or above it: a
			// range of the index, sorted; ordering all the pairs by count
			// and code sorts every tie at the bottom.
			q, args = "SELECT source_code, target_code, n, q1, q2, q3, q4, goldstein FROM event_pair_months INDEXED BY event_pair_months_n"+
				" WHERE month = ? AND n >= coalesce((SELECT n FROM event_pair_months INDEXED BY event_pair_months_n WHERE month = ?"+
				" ORDER BY n DESC LIMIT 1 OFFSET ?), 0) ORDER BY n DESC, source_code, target_code LIMIT ?", []any{lo, lo, pageSize(limit) - 1}
		}
	}
	rows, err := d.db.QueryContext(ctx, q, append(slices.Clone(args), pageSize(limit))...)
	if err != nil {
		return nil, fmt.Errorf("top dyads: %w", err)
	}
	defer rows.Close()
	var out []dyad.DyadCount
	for rows.Next() {
		var x dyad.DyadCount
		if err := rows.Scan(&x.Source, &x.Target, &x.Events, &x.Quad[0], &x.Quad[1], &x.Quad[2], &x.Quad[3], &x.GoldsteinSum); err != nil {
			return nil, err
		}
		x.GoldsteinMean = x.GoldsteinSum / float64(x.Events)
		out = append(out, x)
	}
	return out, rows.Err()
}

// TopRootDyads returns the directed pairs of actor roots (a code's first
// three letters: USAGOV and USAMIL are USA) with most events matching f,
// a root paired with itself left out, at most limit of them, most first.
// Only Source, Target and Events are set. It lists the root pairs of the
// period from the dyad summary (event_dyad_days, by its date index) and
// counts each pair's events with a seek on a dyad index (events_dyad;
// events_date_source_dyad for the alerts' text-dated events), instead of
// grouping and sorting every event of the period by code as TopDyads
// does: the alerts' ranking over a quarter of a million-event store.
func (d *DB) TopRootDyads(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.DyadCount, error) {
	c, err := eventCond(f)
	if err != nil {
		return nil, err
	}
	if summary.OnlyDates(f) {
		return d.topRootDyadsSummary(ctx, c, limit)
	}
	// The candidate pairs: those of the period in the dyad summary (read
	// from its date index), a few hundred where the events' own pairs
	// would be gathered from every event.
	pc := &cond{}
	if err := dateCond(pc, f.From, ">="); err != nil {
		return nil, err
	}
	if err := dateCond(pc, f.To, "<="); err != nil {
		return nil, err
	}
	c.add("e.source_root = p.s AND e.target_root = p.t")
	q := `WITH p(s, t) AS (SELECT DISTINCT e.source_root, e.target_root FROM event_dyad_days e` + pc.String() + `)
		SELECT s, t, n FROM (
			SELECT p.s AS s, p.t AS t, (SELECT count(*) FROM events e` + c.String() + `) AS n
			FROM p WHERE p.s <> p.t AND p.s <> '' AND p.t <> '')
		WHERE n > 0 ORDER BY n DESC, s, t LIMIT ?`
	return d.rootDyads(ctx, q, append(append(pc.args, c.args...), pageSize(limit)))
}

// topRootDyadsSummary is TopRootDyads for a filter on dates alone (c):
// the period's rows of event_dyad_days, read from its date index, summed
// by pair.
func (d *DB) topRootDyadsSummary(ctx context.Context, c *cond, limit int) ([]dyad.DyadCount, error) {
	c.add("e.source_root <> e.target_root AND e.source_root <> '' AND e.target_root <> ''")
	q := "SELECT e.source_root, e.target_root, sum(e.n) AS n FROM event_dyad_days e" + c.String() +
		" GROUP BY e.source_root, e.target_root ORDER BY n DESC, e.source_root, e.target_root LIMIT ?"
	return d.rootDyads(ctx, q, append(c.args, pageSize(limit)))
}

// rootDyads runs a TopRootDyads query q, whose rows are source root,
// target root and events.
func (d *DB) rootDyads(ctx context.Context, q string, args []any) ([]dyad.DyadCount, error) {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("top root dyads: %w", err)
	}
	defer rows.Close()
	var out []dyad.DyadCount
	for rows.Next() {
		var x dyad.DyadCount
		if err := rows.Scan(&x.Source, &x.Target, &x.Events); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
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
