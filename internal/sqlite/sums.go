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
//
// The keys are the ids of their strings (intern) and the counts sit in one
// slice: at ten million events the maps hold 11.6 million rows, and maps
// of string keys and pointers cost the load's row maker (its slowest
// goroutine at a million events) a hash of three strings a lookup and the
// garbage collector a walk over every key; maps of numbers are not walked.
type summaries struct {
	str []string          // the strings of the keys, by id
	ids map[string]uint32 // the id of each string in str
	of  []derived         // by id: what a code or a date gives
	qs  []quadSum         // counts of days, dyads, roots, weeks and pairs

	days   map[uint32]int32    // date -> index in qs
	dyads  map[[3]uint32]int32 // source root, target root, date
	roots  map[[3]uint32]int32 // role, root, date
	weeks  map[[3]uint32]int32 // role, root, week (its Monday)
	actors map[[3]uint32]int64 // month, code, country -> count
	pairs  map[[3]uint32]int32 // month, source code, target code
}

// The ids that newSummaries gives first.
const (
	idEmpty uint32 = iota // ""
	idSource
	idTarget
	idActor
	idAll
)

// derived is what an id's string gives, worked out once: a code's root,
// a date's week and month.
type derived struct {
	root, week, month uint32
	hasRoot, hasDate  bool
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
	s := &summaries{ids: map[string]uint32{}, days: map[uint32]int32{}, dyads: map[[3]uint32]int32{},
		roots: map[[3]uint32]int32{}, weeks: map[[3]uint32]int32{}, actors: map[[3]uint32]int64{}, pairs: map[[3]uint32]int32{}}
	for _, x := range []string{"", "source", "target", "actor", "all"} { // idEmpty...
		s.intern(x)
	}
	return s
}

// intern returns the id of x, giving it one if it has none.
func (s *summaries) intern(x string) uint32 {
	if i, ok := s.ids[x]; ok {
		return i
	}
	i := uint32(len(s.str))
	x = strings.Clone(x) // not a slice of a whole document
	s.str, s.of = append(s.str, x), append(s.of, derived{})
	s.ids[x] = i
	return i
}

// rootOf returns the id of the root (root3) of the code with id c.
func (s *summaries) rootOf(c uint32) uint32 {
	if !s.of[c].hasRoot {
		r := s.intern(root3(s.str[c]))
		s.of[c].root, s.of[c].hasRoot = r, true
	}
	return s.of[c].root
}

// dateOf returns the ids of the week (period) and the month (monthOf) of
// the date with id d.
func (s *summaries) dateOf(d uint32) (week, month uint32) {
	if !s.of[d].hasDate {
		w, m := s.intern(period(s.str[d], dyad.Week)), s.intern(monthOf(s.str[d]))
		s.of[d].week, s.of[d].month, s.of[d].hasDate = w, m, true
	}
	return s.of[d].week, s.of[d].month
}

// monthOf is SQLite's substr(date, 1, 7): the month of a date, "" for an
// undated event.
func monthOf(date string) string { return date[:min(len(date), 7)] }

// add counts one event as the insert trigger does.
func (s *summaries) add(ev *dyad.Event) {
	src, tgt := s.intern(actorCode(ev.Source)), s.intern(actorCode(ev.Target))
	date := s.intern(ev.Date)
	week, month := s.dateOf(date)
	sumAt(s, s.days, date).add(ev)
	sr, tr := s.rootOf(src), s.rootOf(tgt)
	sumAt(s, s.dyads, [3]uint32{sr, tr, date}).add(ev)
	if sr != idEmpty {
		sumAt(s, s.roots, [3]uint32{idSource, sr, date}).add(ev)
		sumAt(s, s.roots, [3]uint32{idActor, sr, date}).add(ev)
		sumAt(s, s.weeks, [3]uint32{idSource, sr, week}).add(ev)
		sumAt(s, s.weeks, [3]uint32{idActor, sr, week}).add(ev)
	}
	if tr != idEmpty {
		sumAt(s, s.roots, [3]uint32{idTarget, tr, date}).add(ev)
		sumAt(s, s.weeks, [3]uint32{idTarget, tr, week}).add(ev)
		if tr != sr {
			sumAt(s, s.roots, [3]uint32{idActor, tr, date}).add(ev)
			sumAt(s, s.weeks, [3]uint32{idActor, tr, week}).add(ev)
		}
	}
	var sc, tc uint32
	if src != idEmpty {
		sc = s.intern(ev.Source.Country)
	}
	if tgt != idEmpty {
		tc = s.intern(ev.Target.Country)
	}
	for _, m := range [2]uint32{month, idAll} {
		if src != idEmpty {
			s.actors[[3]uint32{m, src, sc}]++
		}
		if tgt != idEmpty {
			s.actors[[3]uint32{m, tgt, tc}]++
		}
		if src != idEmpty && tgt != idEmpty {
			sumAt(s, s.pairs, [3]uint32{m, src, tgt}).add(ev)
		}
	}
}

// sumAt returns the counts of key k of m, new ones if it has none.
func sumAt[K comparable](s *summaries, m map[K]int32, k K) *quadSum {
	i, ok := m[k]
	if !ok {
		i = int32(len(s.qs))
		s.qs = append(s.qs, quadSum{})
		m[k] = i
	}
	return &s.qs[i]
}

// size returns how many rows the counts fill.
func (s *summaries) size() int {
	return len(s.days) + len(s.dyads) + len(s.roots) + len(s.weeks) + len(s.actors) + len(s.pairs)
}

// key returns the strings of a key of ids.
func (s *summaries) key(k [3]uint32) [3]string {
	return [3]string{s.str[k[0]], s.str[k[1]], s.str[k[2]]}
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
	qs := func(i int32) []any {
		x := &s.qs[i]
		return []any{x.n, x.q[0], x.q[1], x.q[2], x.q[3], x.goldstein}
	}
	tables := []struct {
		table, cols, update string
		nkey                int             // key columns, first in cols
		rows                func() rowsFunc // sorts, then gives the rows
	}{
		{"event_days", "date, " + q, add, 1, func() rowsFunc {
			return sortRows(s.days, func(k uint32) [3]string { return [3]string{s.str[k]} }, qs)
		}},
		{"event_dyad_days", "source_root, target_root, date, " + q, add, 3,
			func() rowsFunc { return sortRows(s.dyads, s.key, qs) }},
		{"event_root_days", "role, root, date, " + q, add, 3,
			func() rowsFunc { return sortRows(s.roots, s.key, qs) }},
		{"event_root_weeks", "role, root, week, " + q, add, 3,
			func() rowsFunc { return sortRows(s.weeks, s.key, qs) }},
		{"event_actor_months", "month, code, country, n", " DO UPDATE SET n = n + excluded.n", 3,
			func() rowsFunc { return sortRows(s.actors, s.key, func(n int64) []any { return []any{n} }) }},
		{"event_pair_months", "month, source_code, target_code, " + q, add, 3,
			func() rowsFunc { return sortRows(s.pairs, s.key, qs) }},
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
