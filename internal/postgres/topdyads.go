package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/summary"
)

// pairCols are the columns of a pair's counts in event_pair_months.
const pairCols = "source_code, target_code, n, q1, q2, q3, q4, goldstein"

// topDyadsSummary answers TopDyads for a filter on dates alone from
// event_pair_months: all time or one whole month from that month's rows,
// busiest first (event_pair_months_n); a longer range by the threshold
// algorithm (topDyadsRange), else by summing its months and the days at
// either end. ok is false for a range within one month: the events answer
// it.
func (d *DB) topDyadsSummary(ctx context.Context, f dyad.EventFilter, limit int) (out []dyad.DyadCount, ok bool, err error) {
	lo, hi, whole, days, all, err := monthParts(f.From, f.To)
	if err != nil {
		return nil, false, err
	}
	if all || whole && lo.Equal(hi) && len(days) == 0 {
		// The limit-th count first, then the rows at or above it: a range
		// of the index, sorted; ordering every pair of the month by count
		// and code would sort every tie at the bottom.
		month := "'infinity'::date"
		var args []any
		if !all {
			month, args = "$3::date", []any{lo}
		}
		q := "SELECT " + pairCols + " FROM event_pair_months WHERE month = " + month +
			" AND n >= coalesce((SELECT n FROM event_pair_months WHERE month = " + month +
			" ORDER BY n DESC LIMIT 1 OFFSET $1), 0) ORDER BY n DESC, source_code, target_code LIMIT $2"
		out, err := d.scanPairs(ctx, q, append([]any{limit - 1, limit}, args...))
		return out, err == nil, err
	}
	if !whole {
		return nil, false, nil
	}
	out, ok, err = d.topDyadsRange(ctx, lo, hi, days, limit)
	if err != nil || ok {
		return out, ok, err
	}
	// Too many pairs near the top: sum them all.
	c := &cond{textAny: -1}
	parts := []string{c.number("SELECT " + pairCols + " FROM event_pair_months WHERE month >= ? AND month <= ?")}
	c.args = append(c.args, lo, hi)
	for _, s := range days {
		parts = append(parts, c.number("SELECT e.source_code, e.target_code, 1, (e.quad = 1)::int, (e.quad = 2)::int,"+
			" (e.quad = 3)::int, (e.quad = 4)::int, e.goldstein::float8 FROM events e"+
			" WHERE e.day >= ? AND e.day <= ? AND e.source_code <> '' AND e.target_code <> ''"))
		c.args = append(c.args, s.lo, s.hi)
	}
	q := "SELECT source_code, target_code, sum(n)::bigint AS n, sum(q1)::bigint, sum(q2)::bigint, sum(q3)::bigint, sum(q4)::bigint, sum(goldstein)" +
		" FROM (" + strings.Join(parts, " UNION ALL ") + ") AS x GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT " + c.arg(limit)
	out, err = d.scanPairs(ctx, q, c.args)
	return out, err == nil, err
}

// topDyadsRange answers TopDyads over the whole months lo to hi and the
// days at either end by the threshold algorithm (summary.TopPairs): every
// open month's next pairs read busiest first in one query, each pair met
// summed over the range by a seek per pair. ok is false when the range
// holds fewer than two months with events, or too many pairs come near
// the top, for this to pay.
func (d *DB) topDyadsRange(ctx context.Context, lo, hi time.Time, days []span, limit int) (out []dyad.DyadCount, ok bool, err error) {
	months, err := d.monthsIn(ctx, lo, hi)
	if err != nil || len(months) < 2 {
		return nil, false, err
	}
	part := map[[2]string]dyad.DyadCount{}
	for _, s := range days {
		q := "SELECT e.source_code, e.target_code, count(*), " + quadSums + " FROM events e" +
			" WHERE e.day >= $1 AND e.day <= $2 AND e.source_code <> '' AND e.target_code <> '' GROUP BY 1, 2"
		xs, err := d.scanPairs(ctx, q, []any{s.lo, s.hi})
		if err != nil {
			return nil, false, err
		}
		for _, x := range xs {
			k := [2]string{x.Source, x.Target}
			part[k] = part[k].Plus(x)
		}
	}
	read := func(ctx context.Context, open []int, depth, step int, visit func(int, [2]string, int64)) error {
		first := make([]time.Time, len(open))
		for j, i := range open {
			first[j] = months[i]
		}
		rows, err := d.pool.Query(ctx, `SELECT m.i, p.source_code, p.target_code, p.n
			FROM unnest($1::date[]) WITH ORDINALITY AS m (month, i)
			CROSS JOIN LATERAL (SELECT source_code, target_code, n FROM event_pair_months
				WHERE month = m.month ORDER BY n DESC LIMIT $2 OFFSET $3) AS p
			ORDER BY m.i, p.n DESC`, first, step, depth)
		if err != nil {
			return fmt.Errorf("top dyads: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var j, n int64
			var k [2]string
			if err := rows.Scan(&j, &k[0], &k[1], &n); err != nil {
				return fmt.Errorf("top dyads: %w", err)
			}
			visit(open[j-1], k, n)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("top dyads: %w", err)
		}
		return nil
	}
	sum := func(ctx context.Context, pairs [][2]string, sums map[[2]string]dyad.DyadCount) error {
		return d.sumPairs(ctx, months, part, pairs, sums)
	}
	return summary.TopPairs(ctx, len(months), part, limit, read, sum)
}

// monthsIn returns the months (first days) from lo to hi inclusive that
// hold events.
func (d *DB) monthsIn(ctx context.Context, lo, hi time.Time) ([]time.Time, error) {
	rows, err := d.pool.Query(ctx, "SELECT DISTINCT date_trunc('month', day)::date FROM event_days WHERE day >= $1 AND day < $2 ORDER BY 1",
		lo, hi.AddDate(0, 1, 0))
	if err != nil {
		return nil, fmt.Errorf("months: %w", err)
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var m time.Time
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// sumPairs sets sums[k] to the sums over months and part (the days at
// the range's ends) of each pair k of pairs.
func (d *DB) sumPairs(ctx context.Context, months []time.Time, part map[[2]string]dyad.DyadCount, pairs [][2]string, sums map[[2]string]dyad.DyadCount) error {
	if len(pairs) == 0 {
		return nil
	}
	src, tgt := make([]string, len(pairs)), make([]string, len(pairs))
	for i, k := range pairs {
		src[i], tgt[i] = k[0], k[1]
	}
	// Each candidate is one range of event_pair_months_pair (source_code,
	// target_code, month), in a subquery of its own: joined, the planner
	// (which cannot know how few the candidates are) would hash the whole
	// table. A candidate with no row in those months may still have events
	// in the days at the ends.
	q := `SELECT c.s, c.t, x.n, x.q1, x.q2, x.q3, x.q4, x.g
		FROM unnest($1::text[], $2::text[]) AS c (s, t) CROSS JOIN LATERAL (
			SELECT coalesce(sum(p.n), 0)::bigint AS n, coalesce(sum(p.q1), 0)::bigint AS q1, coalesce(sum(p.q2), 0)::bigint AS q2,
				coalesce(sum(p.q3), 0)::bigint AS q3, coalesce(sum(p.q4), 0)::bigint AS q4, coalesce(sum(p.goldstein), 0) AS g
			FROM event_pair_months p
			WHERE p.source_code = c.s COLLATE "C" AND p.target_code = c.t COLLATE "C" AND p.month >= $3 AND p.month <= $4) AS x`
	xs, err := d.scanPairs(ctx, q, []any{src, tgt, months[0], months[len(months)-1]})
	if err != nil {
		return err
	}
	for _, x := range xs {
		k := [2]string{x.Source, x.Target}
		sums[k] = x.Plus(part[k])
	}
	return nil
}

// scanPairs runs q, whose rows are source, target, events, the four quad
// counts and the Goldstein sum, and returns the pairs with their means.
func (d *DB) scanPairs(ctx context.Context, q string, args []any) ([]dyad.DyadCount, error) {
	rows, err := d.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("top dyads: %w", err)
	}
	defer rows.Close()
	var out []dyad.DyadCount
	for rows.Next() {
		var x dyad.DyadCount
		var n, q1, q2, q3, q4 int64
		if err := rows.Scan(&x.Source, &x.Target, &n, &q1, &q2, &q3, &q4, &x.GoldsteinSum); err != nil {
			return nil, fmt.Errorf("top dyads: %w", err)
		}
		x.Events, x.Quad = int(n), [4]int{int(q1), int(q2), int(q3), int(q4)}
		if x.Events > 0 {
			x.GoldsteinMean = x.GoldsteinSum / float64(x.Events)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}
