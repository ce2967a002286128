package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	mrand "math/rand/v2"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/postgres"
	"github.com/dyad-events/dyad/internal/storetest"
)

// testDSN returns the server the tests use, from DYAD_TEST_POSTGRES (as
// .ci/run sets it), or skips the test.
func testDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv("DYAD_TEST_POSTGRES")
	if dsn == "" {
		tb.Skip("DYAD_TEST_POSTGRES is not set: no PostgreSQL server to test against (.ci/run starts one)")
	}
	return dsn
}

// MustOpenDB opens the store in a new schema of its own on the test
// server and drops the schema when the test ends.
func MustOpenDB(tb testing.TB) *postgres.DB {
	tb.Helper()
	dsn := testDSN(tb)
	ctx := context.Background()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "dyad_test_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		tb.Fatalf("connect %s: %v", dsn, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatalf("DYAD_TEST_POSTGRES=%q: want a postgres:// URL: %v", dsn, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := postgres.Open(ctx, u.String())
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() {
		db.Close()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			return
		}
		defer conn.Close(ctx)
		conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
	})
	return db
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	v, err := db.Version(ctx)
	if err != nil || v < 1 {
		t.Fatalf("Version()=%d, %v, want ≥1", v, err)
	}
	var kind string
	if err := db.Pool().QueryRow(ctx, "SELECT c.relkind::text FROM pg_class c WHERE c.oid = 'events'::regclass").Scan(&kind); err != nil || kind != "p" {
		t.Fatalf("events relkind=%q, %v, want p (partitioned)", kind, err)
	}
}

func TestIsDSN(t *testing.T) {
	for in, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://h/db": true, "dyad.db": false, "/var/dyad/postgres.db": false,
	} {
		if got := postgres.IsDSN(in); got != want {
			t.Errorf("IsDSN(%q)=%v, want %v", in, got, want)
		}
	}
}

// TestMigrateDateSource takes a store back to schema 3 (no date_source
// column) and opens it again: migration 0004 must fill the column from
// each event's record, so the DateSource filter finds the events stored
// before it.
func TestMigrateDateSource(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	storetest.MustCreate(t, db, storetest.Fixture(9)) // 3 text-dated, 6 publication-dated
	var schema string
	if err := db.Pool().QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		t.Fatal(err)
	}
	undo := append(undo0005, "DROP INDEX events_date_source", "ALTER TABLE events DROP COLUMN date_source",
		"DELETE FROM dyad_migrations WHERE version = 4")
	for _, q := range undo {
		if _, err := db.Pool().Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db2 := reopen(t, schema)
	for _, tt := range []struct {
		ds   dyad.DateSource
		want int
	}{{dyad.DateFromText, 3}, {dyad.DateFromPublication, 6}} {
		ds := tt.ds
		evs, _, err := db2.FindEvents(ctx, dyad.EventFilter{DateSource: &ds})
		if err != nil || len(evs) != tt.want {
			t.Fatalf("after migrating, %d events dated by %s (%v), want %d", len(evs), ds, err, tt.want)
		}
		for _, ev := range evs {
			if ev.DateSource != ds {
				t.Fatalf("event %s dated by %s found under %s", ev.ID, ev.DateSource, ds)
			}
		}
	}
}

// undo0005 takes a store of schema 8 back to schema 4, as far as
// migrations 0005 to 0008 need to run again (0005's new events_target
// and events_dyad indexes stay: 0005 replaces them).
var undo0005 = []string{"DROP TABLE event_root_days, event_actor_months, event_pair_months, event_words",
	"DROP FUNCTION event_words_sync, event_words_move CASCADE",
	"DROP INDEX events_source", "DROP INDEX events_modality", "DROP FUNCTION scale_summary_sql(text, int)",
	"DROP TABLE dyad_partitions", "DELETE FROM dyad_migrations WHERE version >= 5"}

// reopen opens the test server's schema again, migrating it.
func reopen(t *testing.T, schema string) *postgres.DB {
	t.Helper()
	u, err := url.Parse(testDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := postgres.Open(context.Background(), u.String())
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestMigrateScale takes a store back to schema 4 and opens it again:
// migration 0005 must fill its summaries from the events, and its
// triggers keep them after.
func TestMigrateScale(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	r := mrand.New(mrand.NewPCG(3, 4))
	storetest.MustCreate(t, db, randomDocs(r, 0, 80))
	var schema string
	if err := db.Pool().QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		t.Fatal(err)
	}
	for _, q := range undo0005 {
		if _, err := db.Pool().Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db2 := reopen(t, schema)
	if v, err := db2.Version(ctx); err != nil || v != 8 {
		t.Fatalf("version %d (%v) after migrating, want 8", v, err)
	}
	checkSummaries(t, db2, "after migrating")
	storetest.MustCreate(t, db2, randomDocs(r, 80, 40))
	checkSummaries(t, db2, "after inserts into the migrated store")
}
