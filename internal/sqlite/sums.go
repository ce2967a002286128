package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
)

// summaries counts, in memory, what the summary tables of migration 0004
// hold, for a bulk load: its triggers are dropped while it inserts, and
// counting here costs less than grouping the loaded events again. A load
// adds each batch's counts to the tables, so memory holds one batch's.
type summaries struct {
	days   map[string]*quadSum    // date
	dyads  map[[3]string]*quadSum // source root, target root, date
	roots  map[[3]string]*quadSum // role, root, date
	actors map[[3]string]int64    // month, code, country
	pairs  map[[3]string]*quadSum // month, source code, target code
}

// quadSum is a count of events by quad class with their Goldstein sum.
type quadSum struct {
	n         int64
	q         [4]int64
	goldstein float64
}

func (s *quadSum) add(ev *dyad.Event) {
	s.n++
	if q := ev.CAMEO.QuadClass; q >= 1 && q <= 4 {
		s.q[q-1]++
	}
	s.goldstein += ev.CAMEO.Goldstein
}

func newSummaries() *summaries {
	return &summaries{days: map[string]*quadSum{}, dyads: map[[3]string]*quadSum{}, roots: map[[3]string]*quadSum{},
		actors: map[[3]string]int64{}, pairs: map[[3]string]*quadSum{}}
}

// monthOf is SQLite's substr(date, 1, 7): the month of a date, ” for an
// undated event.
func monthOf(date string) string { return date[:min(len(date), 7)] }

// add counts one event as the insert trigger does.
func (s *summaries) add(ev *dyad.Event) {
	src, tgt := actorCode(ev.Source), actorCode(ev.Target)
	sum(s.days, ev.Date).add(ev)
	sr, tr := root3(src), root3(tgt)
	sum(s.dyads, [3]string{sr, tr, ev.Date}).add(ev)
	if sr != "" {
		sum(s.roots, [3]string{"source", sr, ev.Date}).add(ev)
		sum(s.roots, [3]string{"actor", sr, ev.Date}).add(ev)
	}
	if tr != "" {
		sum(s.roots, [3]string{"target", tr, ev.Date}).add(ev)
		if tr != sr {
			sum(s.roots, [3]string{"actor", tr, ev.Date}).add(ev)
		}
	}
	for _, m := range []string{monthOf(ev.Date), "all"} {
		if src != "" {
			s.actors[[3]string{m, src, ev.Source.Country}]++
		}
		if tgt != "" {
			s.actors[[3]string{m, tgt, ev.Target.Country}]++
		}
		if src != "" && tgt != "" {
			sum(s.pairs, [3]string{m, src, tgt}).add(ev)
		}
	}
}

func sum[K comparable](m map[K]*quadSum, k K) *quadSum {
	s := m[k]
	if s == nil {
		s = &quadSum{}
		m[k] = s
	}
	return s
}

// write adds the counts to the summary tables.
func (s *summaries) write(ctx context.Context, tx *sql.Tx) error {
	qs := func(x *quadSum) []any { return []any{x.n, x.q[0], x.q[1], x.q[2], x.q[3], x.goldstein} }
	var days, dyads, roots, actors, pairs [][]any
	for k, x := range s.days {
		days = append(days, append([]any{k}, qs(x)...))
	}
	for k, x := range s.dyads {
		dyads = append(dyads, append([]any{k[0], k[1], k[2]}, qs(x)...))
	}
	for k, x := range s.roots {
		roots = append(roots, append([]any{k[0], k[1], k[2]}, qs(x)...))
	}
	for k, n := range s.actors {
		actors = append(actors, []any{k[0], k[1], k[2], n})
	}
	for k, x := range s.pairs {
		pairs = append(pairs, append([]any{k[0], k[1], k[2]}, qs(x)...))
	}
	// In key order: a WITHOUT ROWID table fills page after page instead
	// of splitting pages all over its tree (map order is random).
	for _, rows := range [][][]any{days, dyads, roots, actors, pairs} {
		slices.SortFunc(rows, compareKeys)
	}
	const q = "n, q1, q2, q3, q4, goldstein"
	const add = " DO UPDATE SET n = n + excluded.n, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2," +
		" q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein"
	for _, t := range []struct {
		name, cols, upsert string
		rows               [][]any
	}{
		{"event_days", "date, " + q, " ON CONFLICT (date)" + add, days},
		{"event_dyad_days", "source_root, target_root, date, " + q, " ON CONFLICT (source_root, target_root, date)" + add, dyads},
		{"event_root_days", "role, root, date, " + q, " ON CONFLICT (role, root, date)" + add, roots},
		{"event_actor_months", "month, code, country, n", " ON CONFLICT (month, code, country) DO UPDATE SET n = n + excluded.n", actors},
		{"event_pair_months", "month, source_code, target_code, " + q, " ON CONFLICT (month, source_code, target_code)" + add, pairs},
	} {
		if err := insertRows(ctx, tx, t.name, t.cols, t.upsert, t.rows); err != nil {
			return err
		}
	}
	return nil
}

// compareKeys orders rows by their leading string columns (the keys).
func compareKeys(a, b []any) int {
	for i := range min(len(a), len(b)) {
		x, ok1 := a[i].(string)
		y, ok2 := b[i].(string)
		if !ok1 || !ok2 {
			return 0
		}
		if c := strings.Compare(x, y); c != 0 {
			return c
		}
	}
	return 0
}
