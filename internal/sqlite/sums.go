package sqlite

import (
	"fmt"
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
	weeks  map[[3]string]*quadSum // role, root, week (its Monday)
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
		weeks: map[[3]string]*quadSum{}, actors: map[[3]string]int64{}, pairs: map[[3]string]*quadSum{}}
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
	week := period(ev.Date, dyad.Week)
	if sr != "" {
		sum(s.roots, [3]string{"source", sr, ev.Date}).add(ev)
		sum(s.roots, [3]string{"actor", sr, ev.Date}).add(ev)
		sum(s.weeks, [3]string{"source", sr, week}).add(ev)
		sum(s.weeks, [3]string{"actor", sr, week}).add(ev)
	}
	if tr != "" {
		sum(s.roots, [3]string{"target", tr, ev.Date}).add(ev)
		sum(s.weeks, [3]string{"target", tr, week}).add(ev)
		if tr != sr {
			sum(s.roots, [3]string{"actor", tr, ev.Date}).add(ev)
			sum(s.weeks, [3]string{"actor", tr, week}).add(ev)
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

// size returns how many rows the counts fill.
func (s *summaries) size() int {
	return len(s.days) + len(s.dyads) + len(s.roots) + len(s.weeks) + len(s.actors) + len(s.pairs)
}

// summaryTables are the tables summaryWriter writes.
var summaryTables = []string{"event_days", "event_dyad_days", "event_root_days", "event_root_weeks", "event_actor_months", "event_pair_months"}

// summaryWriter adds counts to the summary tables of an empty store:
// plainly the first time, by upsert after that.
type summaryWriter struct{ wrote bool }

// write adds the counts of s to the summary tables, in key order: a
// WITHOUT ROWID table then fills page after page instead of splitting
// pages all over its tree (map order is random).
func (w *summaryWriter) write(c *rawConn, s *summaries) error {
	const q = "n, q1, q2, q3, q4, goldstein"
	const add = " DO UPDATE SET n = n + excluded.n, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2," +
		" q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein"
	qs := func(x *quadSum) []any { return []any{x.n, x.q[0], x.q[1], x.q[2], x.q[3], x.goldstein} }
	tables := []struct {
		table, cols, update string
		nkey                int             // key columns, first in cols
		rows                func() rowsFunc // sorts, then gives the rows
	}{
		{"event_days", "date, " + q, add, 1, func() rowsFunc {
			return sortRows(s.days, func(k string) [3]string { return [3]string{k} }, qs)
		}},
		{"event_dyad_days", "source_root, target_root, date, " + q, add, 3,
			func() rowsFunc { return sortRows(s.dyads, ident, qs) }},
		{"event_root_days", "role, root, date, " + q, add, 3,
			func() rowsFunc { return sortRows(s.roots, ident, qs) }},
		{"event_root_weeks", "role, root, week, " + q, add, 3,
			func() rowsFunc { return sortRows(s.weeks, ident, qs) }},
		{"event_actor_months", "month, code, country, n", " DO UPDATE SET n = n + excluded.n", 3,
			func() rowsFunc { return sortRows(s.actors, ident, func(n int64) []any { return []any{n} }) }},
		{"event_pair_months", "month, source_code, target_code, " + q, add, 3,
			func() rowsFunc { return sortRows(s.pairs, ident, qs) }},
	}
	// The next table's rows are sorted on a goroutine while this one's
	// are written (sorting was about a third of the stage at a million
	// events); at most one sorted table waits.
	next := make(chan rowsFunc)
	done := make(chan struct{})
	defer close(done)
	go func() {
		for _, t := range tables {
			select {
			case next <- t.rows():
			case <-done:
				return
			}
		}
	}()
	for _, t := range tables {
		rows := <-next
		cols := strings.Split(t.cols, ", ")
		nkey := t.nkey
		sql := "INSERT INTO " + t.table + " (" + t.cols + ") VALUES (?" + strings.Repeat(", ?", len(cols)-1) + ")"
		if w.wrote {
			sql += " ON CONFLICT (" + strings.Join(cols[:nkey], ", ") + ")" + t.update
		}
		if err := writeRows(c, sql, nkey, rows); err != nil {
			return fmt.Errorf("%s: %w", t.table, err)
		}
	}
	w.wrote = true
	return nil
}

func ident(k [3]string) [3]string { return k }

// rowsFunc calls put with each row's key and values, in key order.
type rowsFunc = func(put func(key [3]string, vals []any) error) error

// eachSorted calls put with the key and values of each entry of m, in key
// order.
func eachSorted[K comparable, V any](m map[K]V, key func(K) [3]string, vals func(V) []any, put func([3]string, []any) error) error {
	return sortRows(m, key, vals)(put)
}

// sortRows sorts the entries of m by key and returns a rowsFunc over them.
func sortRows[K comparable, V any](m map[K]V, key func(K) [3]string, vals func(V) []any) rowsFunc {
	type entry struct {
		k [3]string
		v V
	}
	es := make([]entry, 0, len(m))
	for k, v := range m {
		es = append(es, entry{key(k), v})
	}
	slices.SortFunc(es, func(a, b entry) int {
		for i := range a.k {
			if c := strings.Compare(a.k[i], b.k[i]); c != 0 {
				return c
			}
		}
		return 0
	})
	return func(put func([3]string, []any) error) error {
		for _, e := range es {
			if err := put(e.k, vals(e.v)); err != nil {
				return err
			}
		}
		return nil
	}
}

// writeRows runs sql once per row that rows gives: the first nkey parts
// of its key, then its values.
func writeRows(c *rawConn, sql string, nkey int, rows func(put func([3]string, []any) error) error) error {
	st, err := c.prepare(sql)
	if err != nil {
		return err
	}
	defer st.close()
	args := make([]any, 0, 10)
	return rows(func(k [3]string, vals []any) error {
		args = args[:0]
		for _, p := range k[:nkey] {
			args = append(args, p)
		}
		return st.exec(append(args, vals...)...)
	})
}
