package ontology_test

import (
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

func TestCategories(t *testing.T) {
	want := map[string]int{
		"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
		"COOPERATE": 2, "AID": 2, "RETREAT": 2,
		"REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
		"PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
	}
	cats := ontology.Categories()
	if len(cats) != len(want) {
		t.Errorf("len(Categories())=%d, want %d", len(cats), len(want))
	}
	for _, c := range cats {
		q, ok := want[c.Name]
		if !ok {
			t.Errorf("unexpected category %q", c.Name)
			continue
		}
		delete(want, c.Name)
		if c.QuadClass != q {
			t.Errorf("%s: QuadClass=%d, want %d", c.Name, c.QuadClass, q)
		}
		if c.Description == "" || c.Score < -10 || c.Score > 10 {
			t.Errorf("%s: Description=%q Score=%v", c.Name, c.Description, c.Score)
		}
		if (c.Score < 0) != (q >= 3) && c.Score != 0 {
			t.Errorf("%s: Score=%v has the wrong sign for quad class %d", c.Name, c.Score, q)
		}
		for _, name := range c.Modes {
			m, ok := ontology.LookupMode(c.Name, name)
			if !ok || m.Event != c.Name || m.Description == "" {
				t.Errorf("LookupMode(%s, %s)=%+v, %v", c.Name, name, m, ok)
			}
		}
	}
	for name := range want {
		t.Errorf("category %s missing", name)
	}
}

func TestContexts(t *testing.T) {
	ctxs := ontology.Contexts()
	if len(ctxs) != 37 {
		t.Errorf("len(Contexts())=%d, want 37", len(ctxs))
	}
	seen := map[string]bool{}
	for _, c := range ctxs {
		if seen[c.Name] || c.Description == "" || !ontology.KnownContext(c.Name) {
			t.Errorf("context %+v: duplicate, undescribed or not known", c)
		}
		seen[c.Name] = true
	}
	if ontology.KnownContext("humanitarian") {
		t.Error(`KnownContext("humanitarian")=true, want false`)
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		p    dyad.PLOVER
		want float64
		ok   bool
	}{
		{dyad.PLOVER{Event: "CONSULT", Mode: "visit"}, 4, true},
		{dyad.PLOVER{Event: "CONSULT"}, 2.5, true},
		{dyad.PLOVER{Event: "ASSAULT", Mode: "unconventional"}, -10, true},
		{dyad.PLOVER{Event: "PROTEST", Mode: "vandalize"}, -5, true}, // no mode score: the category's
		{dyad.PLOVER{Event: "ACCUSE"}, -3, true},
		{dyad.PLOVER{Event: "CRIME"}, 0, false},
	}
	for _, tt := range tests {
		got, ok := ontology.Score(tt.p)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Score(%+v)=%v, %v; want %v, %v", tt.p, got, ok, tt.want, tt.ok)
		}
	}
}
