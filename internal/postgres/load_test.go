package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/postgres"
)

// loadBatches returns batches of random documents with what a load must
// survive: a document that failed before the store, a repeated document,
// a document with an event id of an earlier one (the batch's COPY fails
// and its documents go one at a time), one with a repeated event id and
// one with two sentences under one index.
func loadBatches() [][]*dyad.CodedDocument {
	r := rand.New(rand.NewPCG(19, 13))
	var out [][]*dyad.CodedDocument
	for b := range 5 {
		out = append(out, randomDocs(r, 60*b, 60))
	}
	failed := &dyad.CodedDocument{Doc: &dyad.Document{ID: "bad1", Text: "x"}, Err: errors.New("read: line 3: broken")}
	again := randomDocs(rand.New(rand.NewPCG(19, 13)), 0, 1)[0] // r0000 as the first batch has it
	var stolen *dyad.CodedDocument
	for _, cd := range out[0] {
		if len(cd.Events) > 0 {
			stolen = cd
			break
		}
	}
	thief := &dyad.CodedDocument{Doc: &dyad.Document{ID: "thief", Text: "Thief story."},
		Sentences: []dyad.Sentence{{Span: dyad.Span{End: 12}, Text: "Thief story."}},
		Events:    []dyad.Event{stolen.Events[0]}}
	thief.Events[0].DocID = "thief"
	twice := &dyad.CodedDocument{Doc: &dyad.Document{ID: "twice", Text: "Twice story."},
		Sentences: []dyad.Sentence{{Span: dyad.Span{End: 12}, Text: "Twice story."}},
		Events:    []dyad.Event{stolen.Events[0], stolen.Events[0]}}
	doubled := &dyad.CodedDocument{Doc: &dyad.Document{ID: "doubled", Text: "One. Two."},
		Sentences: []dyad.Sentence{{Span: dyad.Span{End: 4}, Text: "One."}, {Span: dyad.Span{Start: 5, End: 9}, Text: "Two."}}}
	out[2] = append(out[2], failed, again, thief, twice, doubled)
	return out
}

// TestLoadMatchesCreate builds a store with Load and another with
// CreateDocuments from the same batches, and compares every table the
// summaries and the words are kept in row for row, the documents,
// sentences, events and errors, the indexes and the triggers; then
// checks that the loaded store keeps its summaries as new documents come.
func TestLoadMatchesCreate(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 6, 22, 0, 0, 0, time.UTC)
	created, loaded := MustOpenDB(t), MustOpenDB(t)
	created.Now = func() time.Time { return now }
	loaded.Now = created.Now
	batches := loadBatches()
	for _, b := range batches {
		if _, err := created.CreateDocuments(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	i := 0
	var stages []string
	err := loaded.Load(ctx, func() []*dyad.CodedDocument {
		if i == len(batches) {
			return nil
		}
		i++
		return batches[i-1]
	}, func(p postgres.LoadProgress) { stages = append(stages, p.Stage) })
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(stages[len(stages)-4:], " "); got != "summaries words index analyze" {
		t.Errorf("last stages %q, want summaries words index analyze", got)
	}
	var nEvents int
	if err := loaded.Pool().QueryRow(ctx, "SELECT count(*) FROM events").Scan(&nEvents); err != nil || nEvents < 300 {
		t.Fatalf("%d events loaded (%v), want hundreds", nEvents, err)
	}
	errs, err := loaded.Errors(ctx)
	if err != nil || len(errs) != 4 {
		t.Errorf("loaded store's errors: %v (%v), want bad1, doubled, thief and twice", errs, err)
	}
	compareStores(t, created, loaded, "after the load")

	// The triggers are back on: the same new batch in both keeps the
	// summaries and the words alike, and equal to a recount.
	more := randomDocs(rand.New(rand.NewPCG(5, 6)), 1000, 40)
	for _, db := range []*postgres.DB{created, loaded} {
		if _, err := db.CreateDocuments(ctx, more); err != nil {
			t.Fatal(err)
		}
	}
	compareStores(t, created, loaded, "after a batch more")
	checkSummaries(t, loaded, "loaded, after a batch more")

	// A store that holds documents is not loaded into, and stays as it was.
	err = loaded.Load(ctx, func() []*dyad.CodedDocument { return nil }, nil)
	if dyad.ErrorCode(err) != dyad.ECONFLICT {
		t.Errorf("Load into a store with documents: %v, want %s", err, dyad.ECONFLICT)
	}
	compareStores(t, created, loaded, "after a refused load")
}

// TestLoadFailsWhole checks that a load that fails half-way leaves the
// store empty, with its indexes and triggers, and that a load can follow.
func TestLoadFailsWhole(t *testing.T) {
	ctx := context.Background()
	db, ref := MustOpenDB(t), MustOpenDB(t)
	batches := loadBatches()
	i := 0
	ctx2, cancel := context.WithCancel(ctx)
	err := db.Load(ctx2, func() []*dyad.CodedDocument {
		if i == 2 {
			cancel()
		}
		if i == len(batches) {
			return nil
		}
		i++
		return batches[i-1]
	}, nil)
	cancel()
	if err == nil {
		t.Fatal("Load with its context cancelled half-way: no error")
	}
	var n int
	if err := db.Pool().QueryRow(ctx, "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM events) + (SELECT count(*) FROM event_days)").Scan(&n); err != nil || n != 0 {
		t.Fatalf("after a failed load: %d rows (%v), want none", n, err)
	}
	compareStores(t, ref, db, "after a failed load")
	i = 0
	if err := db.Load(ctx, func() []*dyad.CodedDocument {
		if i == 1 {
			return nil
		}
		i++
		return batches[0]
	}, nil); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, db, "after a load that followed a failed one")
}

// compareStores compares two stores' tables row for row (Goldstein sums
// to 1e-9: a sum's rounding depends on the order it was added in), their
// indexes and their triggers.
func compareStores(t *testing.T, a, b *postgres.DB, when string) {
	t.Helper()
	ctx := context.Background()
	queries := map[string]string{
		"event_dyad_days":    "SELECT * FROM event_dyad_days ORDER BY source_root, target_root, day",
		"event_days":         "SELECT * FROM event_days ORDER BY day",
		"event_actor_days":   "SELECT * FROM event_actor_days ORDER BY day, code, country",
		"event_root_days":    "SELECT * FROM event_root_days ORDER BY role, root, day",
		"event_actor_months": "SELECT * FROM event_actor_months ORDER BY month, code, country",
		"event_pair_months":  "SELECT * FROM event_pair_months ORDER BY month, source_code, target_code",
		"event_words": `SELECT e.event_id, w.day, w.words::text FROM event_words w
			LEFT JOIN events e ON e.day = w.day AND e.id = w.id ORDER BY 1, 2, 3`,
		"events": `SELECT event_id, doc_id, sentence_idx, day, source_root, source_code, source_country,
			target_root, target_code, target_country, cameo, root, quad, goldstein, plover, modality,
			confidence, doc_source, date_source, cluster_id, record FROM events ORDER BY event_id`,
		"event_keys":    "SELECT * FROM event_keys ORDER BY event_id",
		"documents":     "SELECT * FROM documents ORDER BY id",
		"sentences":     "SELECT * FROM sentences ORDER BY doc_id, idx",
		"errors":        "SELECT input, message, at FROM errors ORDER BY input, message",
		"cluster_state": "SELECT changes > clustered FROM cluster_state",
		// Every index and trigger, partitions' too, without the schema.
		"indexes": `SELECT tablename, indexname, replace(indexdef, schemaname || '.', '') FROM pg_indexes
			WHERE schemaname = current_schema() ORDER BY 1, 2`,
		"triggers": `SELECT c.relname, t.tgname, t.tgenabled::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
			WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal ORDER BY 1, 2`,
	}
	for name, q := range queries {
		ra, err := tableRows(ctx, a, q)
		if err != nil {
			t.Fatalf("%s: %s: %v", when, name, err)
		}
		rb, err := tableRows(ctx, b, q)
		if err != nil {
			t.Fatalf("%s: %s: %v", when, name, err)
		}
		if len(ra) == 0 && name != "errors" && name != "cluster_state" {
			if n, _ := storedEvents(ctx, a); n > 0 {
				t.Errorf("%s: %s: no rows in a store of %d events", when, name, n)
			}
		}
		bad := 0
		for k := 0; k < len(ra) || k < len(rb); k++ {
			var x, y []any
			if k < len(ra) {
				x = ra[k]
			}
			if k < len(rb) {
				y = rb[k]
			}
			if !sameRow(x, y) {
				if bad < 5 {
					t.Errorf("%s: %s row %d:\n created %v\n loaded  %v", when, name, k, x, y)
				}
				bad++
			}
		}
		if bad > 0 {
			t.Errorf("%s: %s: %d of %d/%d rows differ", when, name, bad, len(ra), len(rb))
		}
	}
}

func storedEvents(ctx context.Context, db *postgres.DB) (int, error) {
	var n int
	err := db.Pool().QueryRow(ctx, "SELECT count(*) FROM events").Scan(&n)
	return n, err
}

func tableRows(ctx context.Context, db *postgres.DB, q string) ([][]any, error) {
	rows, err := db.Pool().Query(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		v, err := rows.Values()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func sameRow(x, y []any) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		fx, okx := x[i].(float64)
		fy, oky := y[i].(float64)
		if okx && oky {
			if math.Abs(fx-fy) > 1e-9*math.Max(1, math.Abs(fx)) {
				return false
			}
			continue
		}
		if fmt.Sprint(x[i]) != fmt.Sprint(y[i]) {
			return false
		}
	}
	return true
}
