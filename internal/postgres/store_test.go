package postgres_test

import (
	"context"
	"errors"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/storetest"
)

// TestConformance runs the suite every dyad store passes (the SQLite
// store runs the same one).
func TestConformance(t *testing.T) {
	testDSN(t)
	storetest.Run(t, func(t *testing.T) storetest.Store { return MustOpenDB(t) })
}

func TestErrorsAndStats(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	docs := storetest.Fixture(3)
	docs[1] = &dyad.CodedDocument{Doc: &dyad.Document{ID: "bad.jsonl:2"}, Err: errors.New("bad.jsonl:2: no text")}
	docs[2].Events = append(docs[2].Events, docs[2].Events[0])
	if got, want := storetest.MustCreate(t, db, docs), 1; got != want {
		t.Fatalf("stored %d, want %d", got, want)
	}
	errs, err := db.Errors(ctx)
	if err != nil || len(errs) != 2 {
		t.Fatalf("Errors()=%+v, %v, want 2", errs, err)
	}
	st, err := db.Stats(ctx)
	if err != nil || st.Documents != 1 || st.Sentences != 1 || st.Events != 1 {
		t.Fatalf("Stats()=%+v, %v, want 1 document, sentence and event", st, err)
	}
}

// TestEventIDTakenByAnotherDocument checks the slow path: the batch's
// COPY fails on an event id stored under another document, and the batch
// is stored again one document at a time, leaving out only that one.
func TestEventIDTakenByAnotherDocument(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	storetest.MustCreate(t, db, storetest.Fixture(2))
	docs := storetest.Fixture(5)[2:]
	docs[1].Events[0].ID = "doc000:0:0" // taken
	if got, want := storetest.MustCreate(t, db, docs), 2; got != want {
		t.Fatalf("stored %d, want %d", got, want)
	}
	errs, _ := db.Errors(ctx)
	if len(errs) != 1 || errs[0].Input != "doc003" {
		t.Fatalf("Errors()=%+v, want one for doc003", errs)
	}
}

// TestPartitions checks that events land in one partition per month.
func TestPartitions(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	docs := storetest.Fixture(3)
	docs[1].Events[0].Date = "2021-07-04"
	docs[2].Events[0].Date = ""
	storetest.MustCreate(t, db, docs)
	rows, err := db.Pool().Query(ctx, "SELECT tableoid::regclass::text FROM events ORDER BY day")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		got = append(got, s)
	}
	want := []string{"events_p000101", "events_p202001", "events_p202107"}
	if len(got) != len(want) {
		t.Fatalf("partitions %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("partitions %v, want %v", got, want)
		}
	}
}

func TestMentions(t *testing.T) {
	db := MustOpenDB(t)
	storetest.MustCreate(t, db, storetest.Fixture(4))
	ms, err := db.Mentions(context.Background())
	if err != nil || len(ms) != 4 || ms[1].Event.Location == nil || ms[1].Outlet != "Wire" || ms[0].Event.Date != "2020-01-01" {
		t.Fatalf("Mentions=%+v, %v", ms, err)
	}
}
