package postgres

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// TestSummaryServes checks which filters the summaries answer: a filter
// on anything they do not hold must go to the events.
func TestSummaryServes(t *testing.T) {
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
		if got := dyadSummaryServes(tt.f); got != tt.dyad {
			t.Errorf("%s: dyadSummaryServes=%v, want %v", tt.name, got, tt.dyad)
		}
		if got := actorSummaryServes(tt.f); got != tt.actors {
			t.Errorf("%s: actorSummaryServes=%v, want %v", tt.name, got, tt.actors)
		}
	}
}
