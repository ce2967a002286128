package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/synth"
)

// BenchmarkCreateDocuments measures ingest's store step: CreateDocuments
// of 500 synthetic events a call (about 100 documents) into a store that
// already holds 20,000, with every index and summary trigger, through
// Open (a query server's settings) and OpenWriter (ingest's). It reports
// the time per event stored.
func BenchmarkCreateDocuments(b *testing.B) {
	for _, bc := range []struct {
		name string
		open func(context.Context, string) (*sqlite.DB, error)
	}{{"Open", sqlite.Open}, {"OpenWriter", sqlite.OpenWriter}} {
		b.Run(bc.name, func(b *testing.B) { benchmarkCreateDocuments(b, bc.open) })
	}
}

func benchmarkCreateDocuments(b *testing.B, open func(context.Context, string) (*sqlite.DB, error)) {
	ctx := context.Background()
	db, err := open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	opts := synth.DefaultOptions()
	opts.Events = 1 << 30 // never runs out
	g := synth.New(opts)
	if _, err := db.CreateDocuments(ctx, g.Next(20_000)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	events := 0
	for b.Loop() {
		b.StopTimer()
		docs := g.Next(500)
		b.StartTimer()
		if _, err := db.CreateDocuments(ctx, docs); err != nil {
			b.Fatal(err)
		}
		events += 500
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(events)/1e3, "µs/event")
}
