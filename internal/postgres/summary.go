package postgres

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// The daily summaries (migration 0002) hold, per day, the events of each
// pair of actor roots by quad class with their Goldstein sum
// (event_dyad_days) and the event sides of each actor code
// (event_actor_days). Triggers on events keep them in the writing
// transaction, so they always agree with the events. A call reads them
// instead of the events when its filter asks only what they hold:
//
//   - event_dyad_days: dates, and Source, Target or Actor given as a
//     three-letter root (Undirected or not). Its columns source_root,
//     target_root and day are named as in events, so the events' own
//     WHERE clause (eventCond, alias e) applies to it unchanged.
//   - event_days: dates only (the whole archive's counts and series).
//   - event_actor_days: dates only.

// countSummary returns the summary table that answers counts and series
// for f exactly (event_days, or event_dyad_days whose columns include
// those of event_days), or "" when none does or d reads the events only.
func (d *DB) countSummary(f dyad.EventFilter) string {
	switch {
	case d.direct:
		return ""
	case onlyDates(f):
		return "event_days"
	case dyadSummaryServes(f):
		return "event_dyad_days"
	}
	return ""
}

// dyadSummaryServes reports whether event_dyad_days answers counts and
// series for f exactly.
func dyadSummaryServes(f dyad.EventFilter) bool {
	for _, p := range []**string{&f.Actor, &f.Source, &f.Target} {
		if *p != nil && len(strings.ToUpper(**p)) == 3 {
			*p = nil // codeCond seeks on the root column alone
		}
	}
	f.Undirected = false
	return onlyDates(f)
}

// actorSummaryServes reports whether event_actor_days answers top actors
// for f exactly.
func actorSummaryServes(f dyad.EventFilter) bool { return onlyDates(f) }

// onlyDates reports whether f filters on nothing but dates (its paging
// does not count). A field added to the filter later makes it false
// until the summaries learn it.
func onlyDates(f dyad.EventFilter) bool {
	f.From, f.To, f.After, f.Limit, f.Desc = nil, nil, "", 0, false
	return f == dyad.EventFilter{}
}
