package postgres

import (
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/summary"
)

// The summaries (migrations 0002 and 0005) hold the events' counts by
// day or month. Triggers on events keep them in the writing transaction,
// so they always agree with the events. A call reads them instead of the
// events when its filter asks only what they hold:
//
//   - event_days: dates only (the whole archive's counts and series).
//   - event_root_days: dates and one actor root on one side (Source or
//     Target) or either (Actor, or Undirected): one actor's counts and
//     series read a row a day.
//   - event_dyad_days: dates, and Source, Target or Actor given as a
//     three-letter root (Undirected or not). Its columns source_root,
//     target_root and day are named as in events, so the events' own
//     WHERE clause (eventCond, alias e) applies to it unchanged.
//   - event_actor_months and event_pair_months: dates only, for top actors
//     and dyads: whole months (or all time, month 'infinity') from them,
//     the days of a month cut by from or to from event_actor_days or the
//     events (monthParts).

// countSummary returns the summary table that answers counts and series
// for f exactly, with its WHERE clause (alias e), or "" when none does or
// d reads the events only.
func (d *DB) countSummary(f dyad.EventFilter) (string, *cond, error) {
	table, role, root := summary.Table(f)
	if table == "" || d.direct {
		return "", nil, nil
	}
	if table == "event_root_days" {
		c := &cond{textAny: -1}
		if err := dateCond(c, f.From, ">="); err != nil {
			return "", nil, err
		}
		if err := dateCond(c, f.To, "<="); err != nil {
			return "", nil, err
		}
		c.add("e.role = ? AND e.root = ?", role, root)
		return table, c, nil
	}
	c, err := eventCond(f)
	if err != nil {
		return "", nil, err
	}
	return table, c, nil
}

// actorSummaryServes reports whether the actor summaries answer top
// actors for f exactly.
func actorSummaryServes(f dyad.EventFilter) bool { return summary.OnlyDates(f) }

// lastMonth is after every real month and before all time.
var lastMonth = time.Date(9999, 12, 1, 0, 0, 0, 0, time.UTC)

// span is an inclusive range of days.
type span struct{ lo, hi time.Time }

// monthParts splits the dates from–to (inclusive; nil is open) into the
// whole months a monthly summary answers, lo to hi inclusive (first days;
// ok is false for none), and the days at either end that must be counted
// otherwise. all is set for a range open at both ends: the summaries' all
// time rows answer it.
func monthParts(from, to *string) (lo, hi time.Time, ok bool, days []span, all bool, err error) {
	if from == nil && to == nil {
		return time.Time{}, time.Time{}, false, nil, true, nil
	}
	lo, hi = undated, lastMonth
	var f, t time.Time
	if from != nil {
		if f, err = parseDay(*from); err != nil {
			return
		}
	}
	if to != nil {
		if t, err = parseDay(*to); err != nil {
			return
		}
	}
	first := func(d time.Time) time.Time { return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC) }
	if from != nil && to != nil {
		if f.After(t) {
			return time.Time{}, time.Time{}, false, nil, false, nil
		}
		if first(f).Equal(first(t)) && (f.Day() != 1 || !t.AddDate(0, 0, 1).Equal(first(t).AddDate(0, 1, 0))) {
			return time.Time{}, time.Time{}, false, []span{{f, t}}, false, nil // within one month
		}
	}
	if from != nil {
		lo = first(f)
		if f.Day() != 1 {
			lo = lo.AddDate(0, 1, 0)
			days = append(days, span{f, lo.AddDate(0, 0, -1)})
		}
	}
	if to != nil {
		hi = first(t)
		if next := hi.AddDate(0, 1, 0); !t.AddDate(0, 0, 1).Equal(next) {
			days = append(days, span{hi, t})
			hi = hi.AddDate(0, -1, 0)
		}
	}
	return lo, hi, !lo.After(hi), days, false, nil
}
