package pipeline_test

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// TestStoryDay: once a sentence names the day the story's news happened,
// later events told in the simple past with no date of their own happened
// that day too; one told in the present perfect is of now.
func TestStoryDay(t *testing.T) {
	p, err := pipeline.New(pipeline.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	sunday := time.Date(2019, 6, 23, 0, 0, 0, 0, time.UTC)
	doc := &dyad.Document{ID: "d", Date: sunday, Text: "On Friday, thousands of protesters gathered outside parliament in Kenya. " +
		"Police arrested ten protesters. Police have arrested ten more protesters."}
	r := p.Code(doc)
	got := map[int]string{}
	for _, ev := range r.Events {
		if ev.CAMEO.Root == "14" || ev.CAMEO.Root == "17" {
			got[ev.Sentence] = ev.Date
		}
	}
	want := map[int]string{0: "2019-06-21", 1: "2019-06-21", 2: "2019-06-23"}
	for s, d := range want {
		if got[s] != d {
			t.Errorf("sentence %d dated %q, want %s (all: %v)", s, got[s], d, got)
		}
	}
}
