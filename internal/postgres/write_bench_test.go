package postgres

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// BenchmarkCreateDocuments stores batches of 32 synthetic documents (10
// events each, as a worker commits them) into a fresh schema, with the
// summary triggers and without them, to tell what keeping the summaries
// costs a writer.
func BenchmarkCreateDocuments(b *testing.B) {
	dsn := os.Getenv("DYAD_TEST_POSTGRES")
	if dsn == "" {
		b.Skip("DYAD_TEST_POSTGRES is not set")
	}
	for _, summaries := range []bool{true, false} {
		b.Run(fmt.Sprintf("summaries=%v", summaries), func(b *testing.B) {
			ctx := context.Background()
			db := openBenchSchema(b, dsn, fmt.Sprintf("dyad_wb_%d", time.Now().UnixNano()))
			if !summaries {
				if _, err := db.pool.Exec(ctx, "ALTER TABLE events DISABLE TRIGGER USER"); err != nil {
					b.Fatal(err)
				}
			}
			s := newSynth(uint64(time.Now().UnixNano()))
			batches := make([][]*dyad.CodedDocument, b.N)
			for i := range batches {
				for range 32 {
					doc, sent, evs := s.doc()
					doc.ID = fmt.Sprintf("w%d-%s", i, doc.ID)
					batches[i] = append(batches[i], &dyad.CodedDocument{Doc: doc, Sentences: []dyad.Sentence{sent}, Events: evs})
				}
			}
			b.ResetTimer()
			for i := range b.N {
				if _, err := db.CreateDocuments(ctx, batches[i]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*32*synthEvents), "µs/event")
		})
	}
}

// openBenchSchema opens the store in a new schema, dropped at the end.
func openBenchSchema(b *testing.B, dsn, schema string) *DB {
	ctx := context.Background()
	boot, err := Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer boot.Close()
	if _, err := boot.pool.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if d, err := Open(ctx, dsn); err == nil {
			d.pool.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			d.Close()
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		b.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := Open(ctx, u.String())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}
