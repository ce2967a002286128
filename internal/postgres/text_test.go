package postgres_test

import (
	"context"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/internal/synth"
)

// TestFindEventsCommonWord checks that a common word's pages (each event
// checked in day order) are the pages event_words gives, through every
// page, in both orders.
func TestFindEventsCommonWord(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	opts := synth.DefaultOptions()
	opts.Events, opts.Days = 1500, 60
	storetest.MustCreate(t, db, synth.New(opts).Next(opts.Events))
	pages := func(f dyad.EventFilter) []string {
		var ids []string
		for {
			evs, next, err := db.FindEvents(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range evs {
				ids = append(ids, ev.ID)
			}
			if next == "" {
				return ids
			}
			f.After = next
		}
	}
	for _, f := range []dyad.EventFilter{
		{Text: ptr("government"), Limit: 25},
		{Text: ptr("government"), Limit: 25, Desc: true},
		{Text: ptr("talks"), Actor: ptr("USA"), Limit: 10},
		{Text: ptr("talks"), Actor: ptr("USA"), Limit: 10, Desc: true},
		{Text: ptr("talks police"), From: ptr("2015-01-20"), To: ptr("2015-02-10"), Limit: 7},
	} {
		// event_words (a word alone, or rare) against each event's
		// sentence checked in page order (common, without event_words),
		// and against each event's words sought by its key (common).
		db.SetWords(true)
		db.SetCommonHits(1 << 30)
		want := pages(f)
		for _, way := range []struct {
			name  string
			words bool
		}{{"a common word from the sentences", false}, {"a common word by each event's words", true}} {
			db.SetWords(way.words)
			db.SetCommonHits(1)
			got := pages(f)
			if len(want) == 0 || len(got) != len(want) {
				t.Fatalf("%+v: %d events as %s, %d as a rare one", f, len(got), way.name, len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("%+v: event %d is %s as %s, %s as a rare one", f, i, got[i], way.name, want[i])
				}
			}
		}
	}
}
