package storetest

import (
	"context"
	"testing"

	"github.com/dyad-events/dyad"
)

// ClusterState is the record of whether the clusters are behind the
// events, which lets an interrupted re-clustering be finished later.
type ClusterState interface {
	ClusterState(ctx context.Context) (changes int64, pending bool, err error)
	ClustersDone(ctx context.Context, changes int64) error
}

// testClusterState checks that storing or recoding marks clustering
// pending, that only ClustersDone with a count read before the last write
// clears it, and that storing nothing new leaves it as it was.
func testClusterState(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	state := func() (int64, bool) {
		t.Helper()
		n, pending, err := s.ClusterState(ctx)
		if err != nil {
			t.Fatalf("ClusterState: %v", err)
		}
		return n, pending
	}
	if _, pending := state(); pending {
		t.Fatalf("empty store: pending, want not")
	}
	MustCreate(t, s, Fixture(4))
	before, pending := state()
	if !pending {
		t.Fatalf("after storing 4 documents: not pending, want pending")
	}
	MustCreate(t, s, Fixture(6)) // two more, stored after the count was read
	if err := s.ClustersDone(ctx, before); err != nil {
		t.Fatal(err)
	}
	if _, pending := state(); !pending {
		t.Fatalf("ClustersDone(%d) with a later write: not pending, want pending", before)
	}
	n, _ := state()
	if err := s.ClustersDone(ctx, n); err != nil {
		t.Fatal(err)
	}
	if _, pending := state(); pending {
		t.Fatalf("ClustersDone(%d), the last count: pending, want not", n)
	}
	if got := MustCreate(t, s, Fixture(6)); got != 0 {
		t.Fatalf("storing the same documents again stored %d", got)
	}
	if _, pending := state(); pending {
		t.Fatalf("after storing nothing new: pending, want not")
	}
	ev := Fixture(1)[0].Events[0]
	ev.CAMEO = dyad.CAMEO{Code: "190", Root: "19", Goldstein: -10, QuadClass: 4}
	if _, err := s.ReplaceEvents(ctx, "doc000", []dyad.Event{ev}); err != nil {
		t.Fatal(err)
	}
	if _, pending := state(); !pending {
		t.Fatalf("after ReplaceEvents: not pending, want pending")
	}
}
