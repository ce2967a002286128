package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/postgres"
	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/storetest"
)

// pgTestDSN returns the address of a fresh schema on the DYAD_TEST_POSTGRES
// server, dropped when the test ends, or skips the test.
func pgTestDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("DYAD_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("DYAD_TEST_POSTGRES is not set")
	}
	ctx := context.Background()
	boot, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer boot.Close()
	schema := fmt.Sprintf("dyad_cmd_%d", time.Now().UnixNano())
	if _, err := boot.Pool().Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if b, err := postgres.Open(ctx, dsn); err == nil {
			b.Pool().Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			b.Close()
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestExportPostgres stores the same documents and clusters in SQLite
// and in PostgreSQL and checks that dyad export writes the same CSV,
// with the clusters and the documents' addresses, from either.
func TestExportPostgres(t *testing.T) {
	dsn := pgTestDSN(t)
	ctx := context.Background()
	clusters := func() []*dyad.Cluster {
		return []*dyad.Cluster{{Date: "2020-01-01", LastDate: "2020-01-03", Source: "USAGOV", Target: "CHNGOV", CAMEO: "036", Root: "03",
			QuadClass: 1, Mentions: 2, Documents: 2, Sources: 1, EventIDs: []string{"doc000:0:0", "doc002:0:0"}}}
	}
	pg, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	storetest.MustCreate(t, pg, storetest.Fixture(6))
	if err := pg.ReplaceClusters(ctx, clusters()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "dyad.db")
	lite, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustCreate(t, lite, storetest.Fixture(6))
	if err := lite.ReplaceClusters(ctx, clusters()); err != nil {
		t.Fatal(err)
	}
	lite.Close()

	fromPG, stderr, status := run(t, "", "export", "--db", dsn, "--format", "csv", "--actor", "USA")
	if status != 0 {
		t.Fatalf("export --db postgres://…: status %d\n%s", status, stderr)
	}
	fromLite, _, status := run(t, "", "export", "--db", path, "--format", "csv", "--actor", "USA")
	if status != 0 {
		t.Fatalf("export --db %s: status %d", path, status)
	}
	if lines := strings.Count(fromPG, "\n"); lines != 4 { // the header and three USA events
		t.Fatalf("export from PostgreSQL: %d lines, want 4:\n%s", lines, fromPG)
	}
	if !strings.Contains(fromPG, ",1,2,1,2,https://example.org/doc000,VOA,") {
		t.Fatalf("export from PostgreSQL lacks doc000's cluster and address:\n%s", fromPG)
	}
	if fromPG != fromLite {
		t.Fatalf("export from PostgreSQL:\n%s\ndiffers from SQLite's:\n%s", fromPG, fromLite)
	}
}

// TestIngestPostgres codes a corpus straight into PostgreSQL with dyad
// ingest --db postgres://…, clusters it, and on a second run skips every
// document as stored before; dyad recode then restores the events of a
// document whose events were deleted.
func TestIngestPostgres(t *testing.T) {
	const n = 6
	dsn := pgTestDSN(t)
	corpus := queueCorpus(t, n)
	if _, stderr, status := run(t, "", "ingest", "--db", dsn, "--quiet", corpus); status != 0 {
		t.Fatalf("ingest --db postgres://…: status %d\n%s", status, stderr)
	}
	ctx := context.Background()
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.Stats(ctx)
	if err != nil || st.Documents != n || st.Events == 0 {
		t.Fatalf("Stats()=%+v, %v, want %d documents with events", st, err, n)
	}
	cs, _, err := db.FindClusters(ctx, dyad.EventFilter{})
	if err != nil || len(cs) == 0 {
		t.Fatalf("FindClusters()=%d clusters, %v, want the ingest to have clustered", len(cs), err)
	}
	before := st.Events
	if _, stderr, status := run(t, "", "ingest", "--db", dsn, corpus); status != 0 || !strings.Contains(stderr, fmt.Sprintf("%d skipped", n)) {
		t.Fatalf("second ingest: status %d, want every document skipped:\n%s", status, stderr)
	}
	if st, _ := db.Stats(ctx); st.Documents != n || st.Events != before {
		t.Fatalf("after the second ingest: %+v, want %d documents and %d events", st, n, before)
	}
	if _, err := db.ReplaceEvents(ctx, "q0", nil); err != nil {
		t.Fatal(err)
	}
	if _, stderr, status := run(t, "", "recode", "--db", dsn); status != 0 || !strings.Contains(stderr, fmt.Sprintf("%d documents re-coded, 1 changed", n)) {
		t.Fatalf("recode --db postgres://…: status %d, want %d documents re-coded and 1 changed:\n%s", status, n, stderr)
	}
	if st, _ := db.Stats(ctx); st.Documents != n || st.Events != before || st.Sentences == 0 {
		t.Fatalf("after recode: %+v, want %d documents and %d events again", st, n, before)
	}
}
