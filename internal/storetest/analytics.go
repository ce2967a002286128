package storetest

import (
	"context"
	"testing"

	"github.com/dyad-events/dyad"
)

func testAnalytics(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	MustCreate(t, s, Fixture(40)) // 2020-01-01 … 2020-02-09
	pts, err := s.Series(ctx, dyad.EventFilter{Source: ptr("RUS"), Target: ptr("UKR")}, dyad.Month)
	if err != nil || len(pts) != 2 {
		t.Fatalf("Series(month)=%+v, %v, want 2 months", pts, err)
	}
	if got := pts[0]; got.Period != "2020-01-01" || got.Events != 15 || got.Quad[3] != 15 || got.GoldsteinMean != -10 {
		t.Fatalf("January=%+v, want 15 quad-4 events, mean -10", got)
	}
	wk, err := s.Series(ctx, dyad.EventFilter{}, dyad.Week)
	if err != nil || len(wk) == 0 || wk[0].Period != "2019-12-30" || wk[0].Events != 5 {
		t.Fatalf("Series(week)=%+v, %v, want first the week of Monday 2019-12-30 with 5 events", wk, err)
	}
	day, err := s.Series(ctx, dyad.EventFilter{From: ptr("2020-01-02"), To: ptr("2020-01-03")}, dyad.Day)
	if err != nil || len(day) != 2 || day[1].Period != "2020-01-03" || day[1].Quad[0] != 1 || day[1].GoldsteinSum != 4 {
		t.Fatalf("Series(day)=%+v, %v, want 2 days, the second one quad-1 event of Goldstein 4", day, err)
	}
	if _, err := s.Series(ctx, dyad.EventFilter{}, "year"); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Fatalf("Series(year) err=%v, want invalid", err)
	}
	top, err := s.TopActors(ctx, dyad.EventFilter{From: ptr("2020-01-01"), To: ptr("2020-01-03")}, 10)
	if err != nil || len(top) != 4 || top[0].Events != 2 || top[0].Code != "CHNGOV" || top[0].Country != "CHN" {
		t.Fatalf("TopActors=%+v, %v, want 4 actors, first CHNGOV (CHN) in 2 events", top, err)
	}
	dy, err := s.TopDyads(ctx, dyad.EventFilter{}, 1)
	if err != nil || len(dy) != 1 || dy[0].Events != 20 || dy[0].Source != "RUSMIL" || dy[0].Quad[3] != 20 {
		t.Fatalf("TopDyads=%+v, %v, want RUSMIL→UKRMIL with 20 quad-4 events", dy, err)
	}
	net, err := s.Network(ctx, dyad.EventFilter{}, 10)
	if err != nil || len(net.Nodes) != 4 || len(net.Edges) != 2 {
		t.Fatalf("Network=%+v, %v, want 4 nodes, 2 edges", net, err)
	}
}

func testClusters(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	MustCreate(t, s, Fixture(4))
	cs := []*dyad.Cluster{
		{Date: "2020-01-01", LastDate: "2020-01-03", Source: "USAGOV", Target: "CHNGOV", CAMEO: "036", Root: "03",
			QuadClass: 1, Mentions: 2, Documents: 2, Sources: 1, EventIDs: []string{"doc000:0:0", "doc002:0:0"}},
		{Date: "2020-01-02", LastDate: "2020-01-04", Source: "RUSMIL", Target: "UKRMIL", CAMEO: "190", Root: "19",
			Place: &dyad.Place{Name: "Kyiv"}, Mentions: 2, Documents: 2, Sources: 1, EventIDs: []string{"doc001:0:0", "doc003:0:0"}},
	}
	if err := s.ReplaceClusters(ctx, cs); err != nil {
		t.Fatal(err)
	}
	got, err := s.FindClusterByID(ctx, 2)
	if err != nil || len(got.EventIDs) != 2 || got.Place == nil || got.Place.Name != "Kyiv" || got.Mentions != 2 {
		t.Fatalf("FindClusterByID(2)=%+v, %v", got, err)
	}
	if _, err := s.FindClusterByID(ctx, 99); dyad.ErrorCode(err) != dyad.ENOTFOUND {
		t.Fatalf("FindClusterByID(99) err=%v, want not_found", err)
	}
	found, _, err := s.FindClusters(ctx, dyad.EventFilter{CAMEO: ptr("03")})
	if err != nil || len(found) != 1 || found[0].ID != 1 {
		t.Fatalf("FindClusters(03)=%+v, %v, want cluster 1", found, err)
	}
	page, next, err := s.FindClusters(ctx, dyad.EventFilter{Limit: 1})
	if err != nil || len(page) != 1 || next == "" {
		t.Fatalf("FindClusters(limit 1)=%+v, %q, %v, want one and a cursor", page, next, err)
	}
	rest, next, err := s.FindClusters(ctx, dyad.EventFilter{Limit: 1, After: next})
	if err != nil || len(rest) != 1 || rest[0].ID != 2 || next != "" {
		t.Fatalf("FindClusters(second page)=%+v, %q, %v, want cluster 2 and no cursor", rest, next, err)
	}
	if n := mustCount(t, s, dyad.EventFilter{ClusterID: ptr(int64(2))}); n != 2 {
		t.Fatalf("events in cluster 2: %d, want 2", n)
	}
	if err := s.ReplaceClusters(ctx, cs[:1]); err != nil {
		t.Fatal(err)
	}
	if n := mustCount(t, s, dyad.EventFilter{ClusterID: ptr(int64(2))}); n != 0 {
		t.Fatalf("events in cluster 2 after re-clustering into one: %d, want 0", n)
	}
}
