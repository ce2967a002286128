package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/synth"
)

// TestOpenWriter checks the memory settings of every connection: none of
// the file mapped and a page cache of WriterCacheSize for OpenWriter,
// MmapSize and CacheSize for Open. Two connections are held at once, so
// that the second is opened anew with the same settings.
func TestOpenWriter(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name        string
		open        func(context.Context, string) (*sqlite.DB, error)
		mmap, cache int64
	}{
		{"OpenWriter", sqlite.OpenWriter, 0, sqlite.WriterCacheSize},
		{"Open", sqlite.Open, sqlite.MmapSize, sqlite.CacheSize},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, err := tc.open(ctx, filepath.Join(t.TempDir(), "w.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for i := range 2 {
				conn, err := db.SQL().Conn(ctx)
				if err != nil {
					t.Fatal(err)
				}
				defer conn.Close()
				var mmap, cache int64
				if err := conn.QueryRowContext(ctx, "PRAGMA mmap_size").Scan(&mmap); err != nil {
					t.Fatal(err)
				}
				if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
					t.Fatal(err)
				}
				if mmap != tc.mmap || cache != -tc.cache>>10 {
					t.Errorf("connection %d: mmap_size %d, cache_size %d; want %d and %d (KiB)", i, mmap, cache, tc.mmap, -tc.cache>>10)
				}
			}
		})
	}
}

// TestWriterCacheBoundsTransaction stores 8,000 synthetic events in one
// transaction, reads every mention and replaces the clusters, as ingest
// does with a long story, and measures the most memory SQLite held
// meanwhile (its own count, outside the Go heap). With a writer's page
// cache of 4 MiB it must stay within the cache and a margin; with
// CacheSize it must not, or the transaction was too small to show that
// the cache is what bounds it.
func TestWriterCacheBoundsTransaction(t *testing.T) {
	if testing.Short() {
		t.Skip("stores 16,000 events")
	}
	const (
		events = 8_000
		small  = 4 << 20
		margin = 4 << 20 // statements, the schema, the write-ahead log's index
	)
	ctx := context.Background()
	high := map[int64]int64{}
	for _, cache := range []int64{small, sqlite.CacheSize} {
		db, err := sqlite.OpenWriterCache(ctx, filepath.Join(t.TempDir(), "w.db"), cache)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() }) // if the test fails before the Close below
		opts := synth.DefaultOptions()
		opts.Events = events
		docs := synth.New(opts).Next(events)
		sqlite.MemoryHighwater()
		if _, err := db.CreateDocuments(ctx, docs); err != nil {
			t.Fatal(err)
		}
		ms, err := db.Mentions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != events {
			t.Fatalf("%d mentions, want %d", len(ms), events)
		}
		if err := db.ReplaceClusters(ctx, cluster.Group(ms, cluster.DefaultOptions())); err != nil {
			t.Fatal(err)
		}
		high[cache] = sqlite.MemoryHighwater()
		db.Close() // and its memory with it
		t.Logf("page cache %d MiB: SQLite held at most %.1f MiB", cache>>20, float64(high[cache])/(1<<20))
	}
	if h := high[small]; h > small+margin {
		t.Errorf("page cache %d: SQLite held %d bytes, want at most %d", small, h, small+margin)
	}
	if h := high[sqlite.CacheSize]; h <= small+margin {
		t.Errorf("page cache %d: SQLite held %d bytes, no more than with %d: the transaction is too small to tell", sqlite.CacheSize, h, small)
	}
}
