package probe

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
)

func s(v string) *string { return &v }

func TestProbe(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.OpenReadOnly(ctx, os.Getenv("DB"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		"EXPLAIN QUERY PLAN SELECT e.date, sum(e.n) FROM event_dyad_days e WHERE ((e.source_root = 'USA') OR (e.target_root = 'USA')) AND e.date <> '' GROUP BY e.date ORDER BY e.date",
		"EXPLAIN QUERY PLAN SELECT e.date, sum(e.n) FROM event_days e WHERE e.date <> '' GROUP BY e.date ORDER BY e.date",
		"SELECT count(*) FROM event_dyad_days", "SELECT count(*) FROM event_pair_months", "SELECT count(*) FROM event_actor_months", "SELECT count(*) FROM event_days",
	} {
		rows, _ := db.SQL().QueryContext(ctx, q)
		for rows.Next() {
			cols, _ := rows.Columns()
			v := make([]any, len(cols))
			p := make([]any, len(cols))
			for i := range v {
				p[i] = &v[i]
			}
			rows.Scan(p...)
			t.Log(v...)
		}
		rows.Close()
	}
	for _, c := range []struct {
		n  string
		fn func() error
	}{
		{"series actor", func() error { _, err := db.Series(ctx, dyad.EventFilter{Actor: s("USA")}, dyad.Week); return err }},
		{"series all", func() error { _, err := db.Series(ctx, dyad.EventFilter{}, dyad.Month); return err }},
		{"count actor", func() error { _, err := db.CountEvents(ctx, dyad.EventFilter{Actor: s("USA")}); return err }},
		{"top dyads", func() error { _, err := db.TopDyads(ctx, dyad.EventFilter{}, 20); return err }},
		{"events limit", func() error { _, _, err := db.FindEvents(ctx, dyad.EventFilter{Limit: 100}); return err }},
		{"events actor", func() error { _, _, err := db.FindEvents(ctx, dyad.EventFilter{Actor: s("USA"), Limit: 100}); return err }},
		{"events q", func() error { _, _, err := db.FindEvents(ctx, dyad.EventFilter{Text: s("government"), Limit: 100}); return err }},
	} {
		best := time.Hour
		for range 5 {
			t0 := time.Now()
			if err := c.fn(); err != nil {
				t.Fatal(err)
			}
			best = min(best, time.Since(t0))
		}
		t.Logf("%-14s best of 5 %v", c.n, best)
	}
}
