package summary_test

import (
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/summary"
)

// TestServes checks which filters the summaries answer: a filter on
// anything they do not hold must go to the events. The summaries by pair
// of roots answer roots; those by actor, dates alone.
func TestServes(t *testing.T) {
	s := func(v string) *string { return &v }
	q := 2
	for _, tt := range []struct {
		name         string
		f            dyad.EventFilter
		dyad, actors bool
	}{
		{"Nothing", dyad.EventFilter{}, true, true},
		{"Dates and paging", dyad.EventFilter{From: s("2020-01-01"), To: s("2020-02-01"), Limit: 5, After: "x"}, true, true},
		{"Dyad of roots", dyad.EventFilter{Source: s("usa"), Target: s("CHN"), Undirected: true}, true, false},
		{"Actor root", dyad.EventFilter{Actor: s("RUS")}, true, false},
		{"Actor code", dyad.EventFilter{Actor: s("RUSMIL")}, false, false},
		{"Short prefix", dyad.EventFilter{Source: s("US")}, false, false},
		{"Empty code", dyad.EventFilter{Target: s("")}, false, false},
		{"Country", dyad.EventFilter{Country: s("USA")}, false, false},
		{"Quad class", dyad.EventFilter{QuadClass: &q}, false, false},
		{"CAMEO", dyad.EventFilter{CAMEO: s("19")}, false, false},
		{"Text", dyad.EventFilter{Text: s("talks")}, false, false},
		{"Outlet", dyad.EventFilter{DocSource: s("VOA")}, false, false},
	} {
		if got := summary.OnlyRoots(tt.f); got != tt.dyad {
			t.Errorf("%s: OnlyRoots=%v, want %v", tt.name, got, tt.dyad)
		}
		if got := summary.OnlyDates(tt.f); got != tt.actors {
			t.Errorf("%s: OnlyDates=%v, want %v", tt.name, got, tt.actors)
		}
	}
}

// TestOneRoot checks the side a filter of one root names.
func TestOneRoot(t *testing.T) {
	s := func(v string) *string { return &v }
	for _, tt := range []struct {
		f          dyad.EventFilter
		role, root string
		ok         bool
	}{
		{dyad.EventFilter{Actor: s("USA")}, "actor", "USA", true},
		{dyad.EventFilter{Source: s("USA")}, "source", "USA", true},
		{dyad.EventFilter{Target: s("CHN"), Undirected: true}, "actor", "CHN", true},
		{dyad.EventFilter{Source: s("USA"), Target: s("CHN")}, "", "", false},
		{dyad.EventFilter{}, "", "", false},
	} {
		role, root, ok := summary.OneRoot(tt.f)
		if role != tt.role || root != tt.root || ok != tt.ok {
			t.Errorf("OneRoot(%+v) = %q, %q, %v; want %q, %q, %v", tt.f, role, root, ok, tt.role, tt.root, tt.ok)
		}
	}
}

// TestTable checks which summary table answers a filter's counts.
func TestTable(t *testing.T) {
	s := func(v string) *string { return &v }
	for _, tt := range []struct {
		f                 dyad.EventFilter
		table, role, root string
	}{
		{dyad.EventFilter{From: s("2020-01-01")}, "event_days", "", ""},
		{dyad.EventFilter{Source: s("usa")}, "event_root_days", "source", "USA"},
		{dyad.EventFilter{Source: s("USA"), Target: s("CHN")}, "event_dyad_days", "", ""},
		{dyad.EventFilter{Actor: s("RUSMIL")}, "", "", ""},
	} {
		table, role, root := summary.Table(tt.f)
		if table != tt.table || role != tt.role || root != tt.root {
			t.Errorf("Table(%+v) = %q, %q, %q; want %q, %q, %q", tt.f, table, role, root, tt.table, tt.role, tt.root)
		}
	}
}
