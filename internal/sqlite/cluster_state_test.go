package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/storetest"
)

// TestClusterStateMigration checks that migration 0005 marks clustering
// pending in a store written before it whose events have no cluster, as a
// crash during clustering leaves one.
func TestClusterStateMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	MustCreate(t, db, storetest.Fixture(3))
	downgrade6(t, db)
	if _, err := db.SQL().ExecContext(ctx, "DROP TABLE cluster_state; PRAGMA user_version = 4"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = sqlite.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, pending, err := db.ClusterState(ctx); err != nil || !pending {
		t.Fatalf("after migrating a store with unclustered events: pending=%v, %v; want pending", pending, err)
	}
}
