package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/postgres"
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

// TestPartitions checks that a new store's events land in one partition
// per year, and that a store with monthly partitions (made before 0008)
// keeps one per month: migrated, written to, loaded and read.
func TestPartitions(t *testing.T) {
	ctx := context.Background()
	docs := storetest.Fixture(3)
	docs[1].Events[0].Date = "2021-07-04"
	docs[2].Events[0].Date = ""
	more := storetest.Fixture(6)[3:]
	more[0].Events[0].Date = "2021-07-20"
	more[1].Events[0].Date = "2021-08-01"
	for _, tt := range []struct {
		span string
		want []string
	}{
		{"year", []string{"events_p0001", "events_p2020", "events_p2021", "events_p2021", "events_p2021"}},
		{"month", []string{"events_p000101", "events_p202001", "events_p202107", "events_p202107", "events_p202108"}},
	} {
		db := MustOpenDB(t)
		if tt.span == "month" {
			// A store of schema 7 with a monthly partition, migrated.
			db = monthlyStore(t, db)
		}
		storetest.MustCreate(t, db, docs)
		storetest.MustCreate(t, db, more[:2])
		rows, err := db.Pool().Query(ctx, "SELECT tableoid::regclass::text FROM events WHERE event_id = ANY($1) ORDER BY day",
			[]string{docs[0].Events[0].ID, docs[1].Events[0].ID, docs[2].Events[0].ID, more[0].Events[0].ID, more[1].Events[0].ID})
		if err != nil {
			t.Fatal(err)
		}
		got, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: partitions %v, want %v", tt.span, got, tt.want)
		}
		var words int
		if err := db.Pool().QueryRow(ctx, "SELECT count(*) FROM event_words WHERE tableoid::regclass::text = 'event_words_' || substr($1, 8)",
			tt.want[len(tt.want)-1]).Scan(&words); err != nil || words == 0 {
			t.Errorf("%s: %d words in the partition of event_words beside %s (%v)", tt.span, words, tt.want[len(tt.want)-1], err)
		}
		checkSummaries(t, db, tt.span+" partitions")
	}
}

// monthlyStore takes db, a new store, back to schema 7, gives it a
// monthly partition as stores made before 0008 have, and opens it again.
func monthlyStore(t *testing.T, db *postgres.DB) *postgres.DB {
	t.Helper()
	ctx := context.Background()
	var schema string
	if err := db.Pool().QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"DROP TABLE dyad_partitions", "DELETE FROM dyad_migrations WHERE version >= 8",
		"CREATE TABLE events_p201912 PARTITION OF events FOR VALUES FROM ('2019-12-01') TO ('2020-01-01')",
		"CREATE TABLE event_words_p201912 PARTITION OF event_words FOR VALUES FROM ('2019-12-01') TO ('2020-01-01')"} {
		if _, err := db.Pool().Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return reopen(t, schema)
}

func TestMentions(t *testing.T) {
	db := MustOpenDB(t)
	storetest.MustCreate(t, db, storetest.Fixture(4))
	ms, err := db.Mentions(context.Background())
	if err != nil || len(ms) != 4 || ms[1].Event.Location == nil || ms[1].Outlet != "Wire" || ms[0].Event.Date != "2020-01-01" {
		t.Fatalf("Mentions=%+v, %v", ms, err)
	}
}
