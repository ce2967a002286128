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
	ReplaceClustersAt(ctx context.Context, cs []*dyad.Cluster, changes int64) (bool, error)
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

// testReplaceClustersAt runs two re-clusterings as two workers would: the
// one that read the store later commits first, and the older one must
// then leave its clusters, and the state, alone.
func testReplaceClustersAt(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	MustCreate(t, s, Fixture(4))
	older, _, err := s.ClusterState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	MustCreate(t, s, Fixture(6))
	newer, _, err := s.ClusterState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	one := func(root string, ids ...string) []*dyad.Cluster {
		return []*dyad.Cluster{{Date: "2020-01-01", LastDate: "2020-01-01", Source: "USAGOV", Target: "CHNGOV", CAMEO: root + "0",
			Root: root, QuadClass: 1, Mentions: len(ids), Documents: len(ids), Sources: 1, EventIDs: ids}}
	}
	if ok, err := s.ReplaceClustersAt(ctx, one("04", "doc004:0:0", "doc005:0:0"), newer); err != nil || !ok {
		t.Fatalf("ReplaceClustersAt(newer=%d) = %v, %v; want stored", newer, ok, err)
	}
	if ok, err := s.ReplaceClustersAt(ctx, one("03", "doc000:0:0"), older); err != nil || ok {
		t.Fatalf("ReplaceClustersAt(older=%d) after the newer = %v, %v; want false, nothing changed", older, ok, err)
	}
	got, err := s.FindClusterByID(ctx, 1)
	if err != nil || got.Root != "04" || len(got.EventIDs) != 2 {
		t.Fatalf("cluster 1 = %+v, %v; want the newer clustering's (root 04, 2 events)", got, err)
	}
	if _, pending, err := s.ClusterState(ctx); err != nil || pending {
		t.Fatalf("state after the newer clustering: pending %v, %v; want done", pending, err)
	}
	MustCreate(t, s, Fixture(7))
	if ok, err := s.ReplaceClustersAt(ctx, one("04", "doc004:0:0"), newer); err != nil || ok {
		t.Fatalf("ReplaceClustersAt(%d) again = %v, %v; want false", newer, ok, err)
	}
	if _, pending, err := s.ClusterState(ctx); err != nil || !pending {
		t.Fatalf("state after a later write: pending %v, %v; want pending", pending, err)
	}
}
