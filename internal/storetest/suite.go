package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/dyad-events/dyad"
)

// Store is what the suite exercises: the two root store contracts and the
// cluster write that `dyad cluster` uses.
type Store interface {
	dyad.EventStore
	dyad.DocumentStore
	ReplaceClusters(ctx context.Context, cs []*dyad.Cluster) error
	ClusterState
}

// Opener returns a fresh, empty store; the store is closed by the opener's
// own t.Cleanup.
type Opener func(t *testing.T) Store

// Run runs the whole conformance suite against the stores open returns.
func Run(t *testing.T, open Opener) {
	t.Run("CreateDocuments", func(t *testing.T) { testCreateDocuments(t, open) })
	t.Run("ConcurrentCreate", func(t *testing.T) { testConcurrentCreate(t, open) })
	t.Run("FindDocuments", func(t *testing.T) { testFindDocuments(t, open) })
	t.Run("FindEvents", func(t *testing.T) { testFindEvents(t, open) })
	t.Run("EventOrder", func(t *testing.T) { testEventOrder(t, open) })
	t.Run("Analytics", func(t *testing.T) { testAnalytics(t, open) })
	t.Run("AggregatesAgree", func(t *testing.T) { testAggregatesAgree(t, open) })
	t.Run("ReplaceEvents", func(t *testing.T) { testReplaceEvents(t, open) })
	t.Run("Clusters", func(t *testing.T) { testClusters(t, open) })
	t.Run("ClusterState", func(t *testing.T) { testClusterState(t, open) })
	t.Run("ReplaceClustersAt", func(t *testing.T) { testReplaceClustersAt(t, open) })
}

// MustCreate stores docs and returns how many were new.
func MustCreate(tb testing.TB, s dyad.DocumentStore, docs []*dyad.CodedDocument) int {
	tb.Helper()
	n, err := s.CreateDocuments(context.Background(), docs)
	if err != nil {
		tb.Fatalf("CreateDocuments: %v", err)
	}
	return n
}

// mustCount counts the events matching f.
func mustCount(tb testing.TB, s dyad.EventStore, f dyad.EventFilter) int {
	tb.Helper()
	n, err := s.CountEvents(context.Background(), f)
	if err != nil {
		tb.Fatalf("CountEvents(%+v): %v", f, err)
	}
	return n
}

func testCreateDocuments(t *testing.T, open Opener) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		s := open(t)
		if got, want := MustCreate(t, s, Fixture(10)), 10; got != want {
			t.Fatalf("stored %d documents, want %d", got, want)
		}
		if n := mustCount(t, s, dyad.EventFilter{}); n != 10 {
			t.Fatalf("CountEvents()=%d, want 10", n)
		}
		doc, err := s.FindDocumentByID(ctx, "doc003")
		if err != nil || doc.Events != 1 || doc.Sentences != 1 || doc.Source != "Wire" ||
			doc.Hash != dyad.ContentHash(&doc.Document) || doc.Ingested.IsZero() || doc.Date.Day() != 4 {
			t.Fatalf("FindDocumentByID(doc003)=%+v, %v", doc, err)
		}
	})
	t.Run("Duplicates", func(t *testing.T) {
		s := open(t)
		MustCreate(t, s, Fixture(4))
		again := Fixture(6)          // four stored, two new
		again[0].Doc.ID = "renamed"  // same hash
		again[1].Doc.Text += " More" // same URL
		if got, want := MustCreate(t, s, again), 2; got != want {
			t.Fatalf("second ingest stored %d, want %d", got, want)
		}
		if n := mustCount(t, s, dyad.EventFilter{}); n != 6 {
			t.Fatalf("CountEvents()=%d after a re-ingest, want 6", n)
		}
	})
	t.Run("DuplicatesInOneBatch", func(t *testing.T) {
		s := open(t)
		docs := append(Fixture(3), Fixture(3)...)
		if got, want := MustCreate(t, s, docs), 3; got != want {
			t.Fatalf("stored %d of a batch holding each document twice, want %d", got, want)
		}
	})
	t.Run("ErrorRecorded", func(t *testing.T) {
		s := open(t)
		docs := Fixture(3)
		docs[1] = &dyad.CodedDocument{Doc: &dyad.Document{ID: "bad.jsonl:2"}, Err: errors.New("bad.jsonl:2: no text")}
		docs[2].Events = append(docs[2].Events, docs[2].Events[0]) // duplicate event id: the document fails
		if got, want := MustCreate(t, s, docs), 1; got != want {
			t.Fatalf("stored %d, want %d", got, want)
		}
		if _, err := s.FindDocumentByID(ctx, "doc002"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
			t.Fatalf("half-stored doc002: FindDocumentByID err=%v, want not_found", err)
		}
		if n := mustCount(t, s, dyad.EventFilter{}); n != 1 {
			t.Fatalf("CountEvents()=%d, want 1 (nothing of doc002)", n)
		}
		if _, err := s.FindEventByID(ctx, "doc002:0:0"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
			t.Fatalf("event of the failed doc002: err=%v, want not_found", err)
		}
	})
	t.Run("Undated", func(t *testing.T) {
		s := open(t)
		docs := Fixture(2)
		docs[0].Events[0].Date = ""
		MustCreate(t, s, docs)
		evs, _, err := s.FindEvents(ctx, dyad.EventFilter{})
		if err != nil || len(evs) != 2 || evs[0].Date != "" || evs[0].ID != "doc000:0:0" {
			t.Fatalf("FindEvents()=%+v, %v, want the undated event first", evs, err)
		}
		if n := mustCount(t, s, dyad.EventFilter{From: ptr("2020-01-01")}); n != 1 {
			t.Fatalf("dated events=%d, want 1", n)
		}
	})
}
