package sqlite_test

import (
	"context"
	"flag"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/sqlite"
)

var dump = flag.Bool("dump", false, "keep test databases in ./testdata/dump-*.db")

// MustOpenDB opens a fresh database file in a temporary directory (or
// under testdata with -dump) and closes it when the test ends.
func MustOpenDB(tb testing.TB) *sqlite.DB {
	tb.Helper()
	dir := tb.TempDir()
	if *dump {
		dir = "testdata"
	}
	path := filepath.Join(dir, "dump-"+filepath.Base(tb.Name())+".db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := db.Version(ctx)
	if err != nil || v < 1 {
		t.Fatalf("Version()=%d, %v, want ≥1", v, err)
	}
	var mode string
	if err := db.SQL().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode=%q, %v, want wal", mode, err)
	}
	db.Close()
	// Opening again migrates nothing and keeps the version.
	db, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if v2, _ := db.Version(ctx); v2 != v {
		t.Fatalf("Version after reopen=%d, want %d", v2, v)
	}
	if got, err := db.IntegrityCheck(ctx); err != nil || got != "ok" {
		t.Fatalf("IntegrityCheck()=%q, %v, want ok", got, err)
	}
}
