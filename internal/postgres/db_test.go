package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-events/dyad/internal/postgres"
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
