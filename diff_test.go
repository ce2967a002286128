package dyad_test

import (
	"testing"

	"github.com/dyad-events/dyad"
)

func ev(sent int, src, tgt, code string, mod dyad.Modality) dyad.Event {
	return dyad.Event{Sentence: sent, Source: dyad.Actor{Code: src}, Target: dyad.Actor{Code: tgt},
		CAMEO: dyad.CAMEO{Code: code}, Modality: mod}
}

func TestDiffEvents(t *testing.T) {
	kept, recoded, removed := ev(0, "JPN", "CHN", "040", dyad.Asserted), ev(1, "RUS", "UKR", "190", dyad.Asserted), ev(2, "USA", "IRN", "163", dyad.Asserted)
	old := []*dyad.Event{&kept, &recoded, &removed}
	evs := []dyad.Event{kept, ev(1, "RUS", "UKR", "138", dyad.Future), ev(3, "FRA", "DEU", "057", dyad.Asserted)}
	d := dyad.DiffEvents(old, evs)
	if len(d.Added) != 1 || d.Added[0].Source.Code != "FRA" {
		t.Errorf("Added = %+v, want the FRA→DEU event", d.Added)
	}
	if len(d.Removed) != 1 || d.Removed[0].Source.Code != "USA" {
		t.Errorf("Removed = %+v, want the USA→IRN event", d.Removed)
	}
	if len(d.Recoded) != 1 || d.Recoded[0].Old.CAMEO.Code != "190" || d.Recoded[0].New.CAMEO.Code != "138" {
		t.Errorf("Recoded = %+v, want 190 → 138", d.Recoded)
	}
}
