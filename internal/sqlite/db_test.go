package sqlite_test

import (
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/storetest"
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

// TestOpenReadOnly checks that a read-only DB reads what a writer stores,
// while the writer has it open and after it closed, and that every kind
// of write through it fails and changes nothing.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	w, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustCreate(t, w, storetest.Fixture(4))
	ro, err := sqlite.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("read-only open beside a writer: %v", err)
	}
	count := func(db *sqlite.DB) int {
		t.Helper()
		n, err := db.CountEvents(ctx, dyad.EventFilter{})
		if err != nil {
			t.Fatalf("CountEvents: %v", err)
		}
		return n
	}
	if n := count(ro); n != 4 {
		t.Fatalf("read-only sees %d events, want 4", n)
	}
	storetest.MustCreate(t, w, storetest.Fixture(6)[4:])
	if n := count(ro); n != 6 {
		t.Fatalf("read-only sees %d events after the writer added two, want 6", n)
	}
	if _, err := ro.CreateDocuments(ctx, []*dyad.CodedDocument{{Doc: &dyad.Document{ID: "new", Text: "New story."}}}); err == nil {
		t.Error("CreateDocuments through the read-only DB succeeded")
	}
	if _, err := ro.ReplaceEvents(ctx, "doc001", nil); err == nil {
		t.Error("ReplaceEvents through the read-only DB succeeded")
	}
	if err := ro.ReplaceClusters(ctx, nil); err == nil {
		t.Error("ReplaceClusters through the read-only DB succeeded")
	}
	for _, q := range []string{"DELETE FROM events", "CREATE TABLE x (y)", "PRAGMA user_version = 99"} {
		if _, err := ro.SQL().ExecContext(ctx, q); err == nil {
			t.Errorf("%s through the read-only DB succeeded", q)
		}
	}
	if err := ro.Optimize(ctx); err == nil {
		t.Error("ANALYZE through the read-only DB succeeded")
	}
	w.Close()
	if n := count(ro); n != 6 {
		t.Fatalf("after the write attempts the store holds %d events, want 6", n)
	}
	ro.Close()
	// Alone, once the writer has closed and checkpointed.
	ro, err = sqlite.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("read-only open after the writer closed: %v", err)
	}
	defer ro.Close()
	if n := count(ro); n != 6 {
		t.Fatalf("reopened read-only: %d events, want 6", n)
	}
	if v, _ := ro.Version(ctx); v < 1 {
		t.Fatalf("schema version %d", v)
	}
}

func TestOpenReadOnlyRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := sqlite.OpenReadOnly(ctx, filepath.Join(dir, "missing.db")); err == nil {
		t.Error("a missing file opened read-only")
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("opening a missing file read-only created it: %v", err)
	}
	// An empty file has schema 0: older than this dyad's, so not served.
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.OpenReadOnly(ctx, empty); dyad.ErrorCode(err) != dyad.ECONFLICT {
		t.Errorf("unmigrated file: %v, want ECONFLICT", err)
	}
	if _, err := sqlite.OpenReadOnly(ctx, ":memory:"); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf(":memory: read-only: %v, want EINVALID", err)
	}
}

// TestMigrateDateSource takes a store back to schema 5 (no date_source
// column) and opens it again: migration 0006 must fill the column from
// each event's record, so the DateSource filter finds the events stored
// before it.
func TestMigrateDateSource(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustCreate(t, db, storetest.Fixture(9)) // 3 text-dated, 6 publication-dated
	downgrade6(t, db)
	db.Close()
	if db, err = sqlite.Open(ctx, path); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	defer db.Close()
	for _, tt := range []struct {
		ds   dyad.DateSource
		want int
	}{{dyad.DateFromText, 3}, {dyad.DateFromPublication, 6}} {
		ds := tt.ds
		evs, _, err := db.FindEvents(ctx, dyad.EventFilter{DateSource: &ds})
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

// TestReleaseMemory checks that a store keeps working, and keeps what it
// holds, after its idle connections are closed; an in-memory database,
// which lives in its one connection, must not lose its rows.
func TestReleaseMemory(t *testing.T) {
	ctx := context.Background()
	mem, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	for name, db := range map[string]*sqlite.DB{"File": MustOpenDB(t), "Memory": mem} {
		t.Run(name, func(t *testing.T) {
			storetest.MustCreate(t, db, storetest.Fixture(3))
			db.ReleaseMemory()
			st, err := db.Stats(ctx)
			if err != nil || st.Documents != 3 {
				t.Fatalf("after ReleaseMemory: %+v, %v; want the 3 documents", st, err)
			}
			if n := storetest.MustCreate(t, db, storetest.Fixture(4)); n != 1 {
				t.Fatalf("storing after ReleaseMemory stored %d, want 1", n)
			}
		})
	}
}
