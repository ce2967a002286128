package pipeline_test

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// TestPlaceCountry: a story whose actors name no country takes the country
// its places point to, not that of a first name that is also a town
// ("David", Panama) in "David and Louise Turpin".
func TestPlaceCountry(t *testing.T) {
	p, err := pipeline.New(pipeline.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	doc := &dyad.Document{ID: "d", Date: time.Date(2019, 4, 20, 0, 0, 0, 0, time.UTC),
		Text: "David and Louise Turpin were sentenced to life in prison by a judge in Texas."}
	r := p.Code(doc)
	found := false
	for _, ev := range r.Events {
		if ev.CAMEO.Root != "17" {
			continue
		}
		found = true
		if ev.Source.Country != "USA" || ev.Target.Country != "USA" {
			t.Errorf("sentence coded %s -> %s, want USA's judge and people", ev.Source.Code, ev.Target.Code)
		}
	}
	if !found {
		t.Fatalf("no coercion coded: %+v", r.Events)
	}
}
