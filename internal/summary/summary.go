// Package summary decides what the stores' summary tables answer. SQLite
// and PostgreSQL keep the same summaries (events by day, by pair of actor
// roots and day, by root and day, by actor and day or month, by pair of
// actors and month: docs/API.md); each writes its own SQL, and both ask
// here which filters those tables answer exactly, and find the busiest
// pairs of a range of months with the same threshold algorithm.
package summary

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// OnlyDates reports whether f filters on nothing but dates (its paging
// does not count). A field added to the filter later makes it false
// until the summaries learn it.
func OnlyDates(f dyad.EventFilter) bool {
	f.From, f.To, f.After, f.Limit, f.Desc = nil, nil, "", 0, false
	return f == dyad.EventFilter{}
}

// OnlyRoots reports whether f filters on nothing but dates and actors
// named by their three-letter roots, on either side or both: what the
// summaries by pair of roots answer exactly.
func OnlyRoots(f dyad.EventFilter) bool {
	for _, p := range []**string{&f.Actor, &f.Source, &f.Target} {
		if *p != nil && len(**p) == 3 {
			*p = nil // a root is a seek on its column alone
		}
	}
	f.Undirected = false
	return OnlyDates(f)
}

// OneRoot returns the side and root of a filter that names one actor
// root on one side ("source", "target") or on either ("actor"), else ok
// false: what the summaries by root answer.
func OneRoot(f dyad.EventFilter) (role, root string, ok bool) {
	switch {
	case f.Actor != nil && f.Source == nil && f.Target == nil:
		return "actor", *f.Actor, true
	case f.Actor == nil && f.Source != nil && f.Target == nil:
		if f.Undirected { // the source on either side
			return "actor", *f.Source, true
		}
		return "source", *f.Source, true
	case f.Actor == nil && f.Source == nil && f.Target != nil:
		if f.Undirected {
			return "actor", *f.Target, true
		}
		return "target", *f.Target, true
	}
	return "", "", false
}

// Table names the summary table that answers counts and series for f
// exactly, "" for none: event_days for dates alone, event_root_days for
// one root on one side or on either (role and root, upper-case, say
// which), event_dyad_days for roots on both sides.
func Table(f dyad.EventFilter) (table, role, root string) {
	if !OnlyRoots(f) {
		return "", "", ""
	}
	if role, root, ok := OneRoot(f); ok {
		return "event_root_days", role, strings.ToUpper(root)
	}
	if OnlyDates(f) {
		return "event_days", "", ""
	}
	return "event_dyad_days", "", ""
}
