package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/storetest"
)

// TestFindEventsCommonWord pages through a word so common that the store
// probes events in date order instead of gathering its sentences first,
// and checks the pages against a rare word's.
func TestFindEventsCommonWord(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "text.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.CreateDocuments(ctx, storetest.Fixture(2100)); err != nil {
		t.Fatal(err)
	}
	word := "happened" // in every story
	f := dyad.EventFilter{Text: &word, Limit: 5}
	first, next, err := db.FindEvents(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 5 || next == "" || first[0].DocID != "doc000" || first[4].DocID != "doc004" {
		t.Fatalf("first page: %d events from %v to %v, next %q; want doc000…doc004 and a cursor", len(first), id(first, 0), id(first, len(first)-1), next)
	}
	f.After = next
	second, _, err := db.FindEvents(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if len(second) != 5 || second[0].DocID != "doc005" {
		t.Fatalf("second page starts at %v, want doc005", id(second, 0))
	}
	n, err := db.CountEvents(ctx, dyad.EventFilter{Text: &word})
	if err != nil || n != 2100 {
		t.Fatalf("CountEvents(%q) = %d, %v; want 2100", word, n, err)
	}
	rare := "2047"
	evs, _, err := db.FindEvents(ctx, dyad.EventFilter{Text: &rare})
	if err != nil || len(evs) != 1 || evs[0].DocID != "doc2047" {
		t.Fatalf("FindEvents(%q) = %d events (%v), %v; want doc2047 alone", rare, len(evs), id(evs, 0), err)
	}
}

func id(evs []*dyad.Event, i int) string {
	if i < 0 || i >= len(evs) {
		return "none"
	}
	return evs[i].DocID
}
