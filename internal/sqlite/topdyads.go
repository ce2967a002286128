package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/summary"
)

// topDyadsRange answers TopDyads for a filter on dates alone that spans
// two months or more by the threshold algorithm (summary.TopPairs): each
// month's pairs read busiest first through the index
// event_pair_months_n, each pair met summed over the range by a
// primary-key seek per month. ok is false when the range is too short, or
// too many pairs come near the top, for this to pay; TopDyads then sums
// the whole range.
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
	read := func(ctx context.Context, open []int, depth, step int, visit func(int, [2]string, int64)) error {
		for _, i := range open {
			rows, err := d.db.QueryContext(ctx, "SELECT source_code, target_code, n FROM event_pair_months INDEXED BY event_pair_months_n"+
				" WHERE month = ? ORDER BY n DESC LIMIT ? OFFSET ?", months[i], step, depth)
			if err != nil {
				return fmt.Errorf("top dyads: %w", err)
			}
			for rows.Next() {
				var k [2]string
				var n int64
				if err := rows.Scan(&k[0], &k[1], &n); err != nil {
					rows.Close()
					return err
				}
				visit(i, k, n)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	}
	sum := func(ctx context.Context, pairs [][2]string, sums map[[2]string]dyad.DyadCount) error {
		return d.sumPairs(ctx, months, part, pairs, sums)
	}
	return summary.TopPairs(ctx, len(months), part, limit, read, sum)
}

// sumPairs sets sums[k] to the sums over months and part (the days at
// the range's ends) of each pair k of pairs.
func (d *DB) sumPairs(ctx context.Context, months []string, part map[[2]string]dyad.DyadCount, pairs [][2]string, sums map[[2]string]dyad.DyadCount) error {
	const batch = 2000 // pairs a query: two parameters each, within SQLite's limit
	for len(pairs) > 0 {
		n := min(batch, len(pairs))
		vals := "(?, ?)" + strings.Repeat(", (?, ?)", n-1)
		args := make([]any, 0, 2*n)
		for _, k := range pairs[:n] {
			args = append(args, k[0], k[1])
		}
		pairs = pairs[n:]
		err := d.pairSums(ctx, months, part, "VALUES "+vals, args, func(x dyad.DyadCount) {
			sums[[2]string{x.Source, x.Target}] = x
		})
		if err != nil {
			return err
		}
	}
	return nil
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
			k := [2]string{x.Source, x.Target}
			out[k] = out[k].Plus(x)
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pairSums sums the months and the days of part for each pair that cands
// (a SELECT or VALUES of source and target codes, taking args) lists, and
// calls f with each sum.
func (d *DB) pairSums(ctx context.Context, months []string, part map[[2]string]dyad.DyadCount, cands string, args []any, f func(dyad.DyadCount)) error {
	in := "?" + strings.Repeat(", ?", len(months)-1)
	// The LEFT JOIN keeps the candidates outside: each is a seek per month
	// on the primary key (month, source_code, target_code); a candidate
	// with no row in those months may still have events in the cut days.
	q := "WITH c(s, t) AS (" + cands + ") SELECT c.s, c.t, coalesce(sum(m.n), 0), coalesce(sum(m.q1), 0), coalesce(sum(m.q2), 0)," +
		" coalesce(sum(m.q3), 0), coalesce(sum(m.q4), 0), total(m.goldstein)" +
		" FROM c LEFT JOIN event_pair_months m ON m.month IN (" + in + ") AND m.source_code = c.s AND m.target_code = c.t" +
		" GROUP BY c.s, c.t"
	args = slices.Clone(args)
	for _, m := range months {
		args = append(args, m)
	}
	return d.scanPairs(ctx, q, args, func(x dyad.DyadCount) {
		f(x.Plus(part[[2]string{x.Source, x.Target}]))
	})
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
