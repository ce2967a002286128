package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
)

// Bounds of topDyadsRange.
const (
	rangeSeedPairs = 200    // pairs whose sums over the range set the bar
	rangeMaxPairs  = 50_000 // more pairs over the bar: sum the whole range instead
)

// topDyadsRange answers TopDyads for a filter on dates alone that spans
// two months or more, without summing every pair of every month (a year
// of a 2-million-event store is half a million summary rows, grouped and
// sorted: seconds). A pair's events in the range are at most its events
// of all time (the 'all' rows). So it sums the range for the busiest
// pairs of all time, takes the limit-th of those sums as a bar, and then
// sums the range for every pair whose all-time count reaches the bar,
// from the index on the 'all' rows, each a seek per month: no pair below
// the bar can be among the limit busiest. ok is false when the range is
// too short or the bar too low for this to pay; TopDyads then sums the
// whole range.
func (d *DB) topDyadsRange(ctx context.Context, f dyad.EventFilter, limit int) (out []dyad.DyadCount, ok bool, err error) {
	lo, hi, whole, days := rangeParts(f.From, f.To)
	if !whole {
		return nil, false, nil
	}
	months, err := d.monthsIn(ctx, lo, hi)
	if err != nil || len(months) < 2 {
		return nil, false, err
	}
	part, err := d.pairDays(ctx, days)
	if err != nil {
		return nil, false, err
	}
	seed, err := d.pairSums(ctx, months, part,
		"SELECT source_code, target_code FROM event_pair_months INDEXED BY event_pair_months_n WHERE month = 'all' ORDER BY n DESC LIMIT ?", rangeSeedPairs)
	if err != nil || len(seed) < limit {
		return nil, false, err
	}
	bar := seed[limit-1].Events
	var n int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM event_pair_months INDEXED BY event_pair_months_n WHERE month = 'all' AND n >= ?", bar).Scan(&n); err != nil {
		return nil, false, fmt.Errorf("top dyads: %w", err)
	}
	if n > rangeMaxPairs {
		return nil, false, nil
	}
	all, err := d.pairSums(ctx, months, part,
		"SELECT source_code, target_code FROM event_pair_months INDEXED BY event_pair_months_n WHERE month = 'all' AND n >= ?", bar)
	if err != nil {
		return nil, false, err
	}
	return all[:min(limit, len(all))], true, nil
}

// monthsIn returns the months (YYYY-MM, ” for undated events) from lo to
// hi inclusive that hold events.
func (d *DB) monthsIn(ctx context.Context, lo, hi string) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, "SELECT DISTINCT substr(date, 1, 7) FROM event_days WHERE date >= ? AND date < ? ORDER BY 1", lo, hi+"~")
	if err != nil {
		return nil, fmt.Errorf("months: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// pairDays returns the sums by directed pair of the events of the days
// (inclusive pairs of dates) that cut a range's first and last months.
func (d *DB) pairDays(ctx context.Context, days [][2]string) (map[[2]string]dyad.DyadCount, error) {
	out := map[[2]string]dyad.DyadCount{}
	for _, r := range days {
		q := "SELECT e.source_code, e.target_code, count(*), " + quadSums + " FROM events e" +
			" WHERE e.date >= ? AND e.date <= ? AND e.source_code <> '' AND e.target_code <> '' GROUP BY 1, 2"
		err := d.scanPairs(ctx, q, []any{r[0], r[1]}, func(x dyad.DyadCount) {
			out[[2]string{x.Source, x.Target}] = addCounts(out[[2]string{x.Source, x.Target}], x)
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pairSums sums the months and the days of part for each pair that cands
// (a SELECT of source and target codes, taking arg) lists, and returns
// them busiest first, as TopDyads orders them.
func (d *DB) pairSums(ctx context.Context, months []string, part map[[2]string]dyad.DyadCount, cands string, arg any) ([]dyad.DyadCount, error) {
	in := "?" + strings.Repeat(", ?", len(months)-1)
	// The LEFT JOIN keeps the candidates outside: each is a seek per month
	// on the primary key (month, source_code, target_code); a candidate
	// with no row in those months may still have events in the cut days.
	q := "WITH c(s, t) AS (" + cands + ") SELECT c.s, c.t, coalesce(sum(m.n), 0), coalesce(sum(m.q1), 0), coalesce(sum(m.q2), 0)," +
		" coalesce(sum(m.q3), 0), coalesce(sum(m.q4), 0), total(m.goldstein)" +
		" FROM c LEFT JOIN event_pair_months m ON m.month IN (" + in + ") AND m.source_code = c.s AND m.target_code = c.t" +
		" GROUP BY c.s, c.t"
	args := []any{arg}
	for _, m := range months {
		args = append(args, m)
	}
	var out []dyad.DyadCount
	err := d.scanPairs(ctx, q, args, func(x dyad.DyadCount) {
		if x = addCounts(x, part[[2]string{x.Source, x.Target}]); x.Events > 0 {
			out = append(out, x)
		}
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b dyad.DyadCount) int {
		if a.Events != b.Events {
			return b.Events - a.Events
		}
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		return strings.Compare(a.Target, b.Target)
	})
	for i := range out {
		out[i].GoldsteinMean = out[i].GoldsteinSum / float64(out[i].Events)
	}
	return out, nil
}

// scanPairs runs q, whose rows are source, target, events, the four quad
// counts and the Goldstein sum, and calls f with each.
func (d *DB) scanPairs(ctx context.Context, q string, args []any, f func(dyad.DyadCount)) error {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("top dyads: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var x dyad.DyadCount
		if err := rows.Scan(&x.Source, &x.Target, &x.Events, &x.Quad[0], &x.Quad[1], &x.Quad[2], &x.Quad[3], &x.GoldsteinSum); err != nil {
			return err
		}
		f(x)
	}
	return rows.Err()
}

// addCounts returns a with b's counts added.
func addCounts(a, b dyad.DyadCount) dyad.DyadCount {
	a.Events += b.Events
	for i := range a.Quad {
		a.Quad[i] += b.Quad[i]
	}
	a.GoldsteinSum += b.GoldsteinSum
	return a
}
