package sqlite_test

import (
	"context"
	"errors"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/storetest"
)

// TestConformance runs the suite every dyad store passes (the PostgreSQL
// store runs the same one).
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return MustOpenDB(t) })
}

func MustCreate(tb testing.TB, db *sqlite.DB, docs []*dyad.CodedDocument) int {
	tb.Helper()
	return storetest.MustCreate(tb, db, docs)
}

// TestErrorsAndStats checks what only the SQLite store reports: the
// errors table and the row counts.
func TestErrorsAndStats(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	docs := storetest.Fixture(3)
	docs[1] = &dyad.CodedDocument{Doc: &dyad.Document{ID: "bad.jsonl:2"}, Err: errors.New("bad.jsonl:2: no text")}
	docs[2].Events = append(docs[2].Events, docs[2].Events[0]) // duplicate event id: the document fails
	if got, want := MustCreate(t, db, docs), 1; got != want {
		t.Fatalf("stored %d, want %d", got, want)
	}
	errs, _ := db.Errors(ctx)
	if len(errs) != 2 {
		t.Fatalf("Errors()=%+v, want 2", errs)
	}
	st, _ := db.Stats(ctx)
	if st.Documents != 1 || st.Sentences != 1 || st.Events != 1 {
		t.Fatalf("Stats()=%+v, want 1 document, sentence and event (nothing of doc002)", st)
	}
}

func TestMentions(t *testing.T) {
	db := MustOpenDB(t)
	MustCreate(t, db, storetest.Fixture(4))
	ms, err := db.Mentions(context.Background())
	if err != nil || len(ms) != 4 || ms[1].Event.Location == nil || ms[1].Outlet != "Wire" {
		t.Fatalf("Mentions=%+v, %v", ms, err)
	}
}
