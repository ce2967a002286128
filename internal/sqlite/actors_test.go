package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
)

// namedDoc is a one-event document from src to tgt.
func namedDoc(i int, src, tgt dyad.Actor) *dyad.CodedDocument {
	id := fmt.Sprintf("n%d", i)
	text := fmt.Sprintf("Story %d about %s and %s.", i, src.Name, tgt.Name)
	date := time.Date(2021, 3, 1+i, 0, 0, 0, 0, time.UTC)
	ev := dyad.Event{Schema: 1, ID: id + ":0:0", DocID: id, Text: text, Date: date.Format(time.DateOnly),
		Source: src, Target: tgt, CAMEO: dyad.CAMEO{Code: "040", Root: "04", QuadClass: 1, Goldstein: 1}}
	return &dyad.CodedDocument{Doc: &dyad.Document{ID: id, Text: text, Date: date},
		Sentences: []dyad.Sentence{{Span: dyad.Span{End: len(text)}, Text: text}}, Events: []dyad.Event{ev}}
}

func TestSearchActors(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	putin := dyad.Actor{Code: "RUSGOV", Country: "RUS", Name: "Vladimir Putin", Text: "Putin"}
	russia := dyad.Actor{Code: "RUSGOV", Country: "RUS", Name: "Russia", Text: "Moscow"}
	kyiv := dyad.Actor{Code: "UKRGOV", Country: "UKR", Name: "Ukraine", Text: "Kyiv"}
	un := dyad.Actor{Code: "IGOUNO", Name: "United Nations", Text: "the UN"}
	odd := dyad.Actor{Code: "XYZ", Name: "100% Co_op", Text: "the co-op"}
	allies := dyad.Actor{Text: "Kyiv and the UN", Members: []dyad.Actor{kyiv, un}} // files under UKRGOV
	docs := []*dyad.CodedDocument{namedDoc(0, putin, kyiv), namedDoc(1, russia, kyiv), namedDoc(2, russia, un),
		namedDoc(3, allies, russia), namedDoc(4, odd, un)}
	MustCreate(t, db, docs)
	search := func(q string, limit int) string {
		t.Helper()
		as, err := db.SearchActors(ctx, q, limit)
		if err != nil {
			t.Fatalf("SearchActors(%q): %v", q, err)
		}
		out := ""
		for _, a := range as {
			out += fmt.Sprintf("%s/%s/%s:%d ", a.Code, a.Country, a.Name, a.Events)
		}
		return out
	}
	for _, c := range []struct{ q, want string }{
		// RUSGOV: four rows, three as Russia; UKRGOV and IGOUNO: two
		// events each and a member of the compound (which has no code).
		{"", "RUSGOV/RUS/Russia:4 IGOUNO//United Nations:3 UKRGOV/UKR/Ukraine:3 XYZ//100% Co_op:1 "},
		{"putin", "RUSGOV/RUS/Russia:4 "}, // a rarer name finds the code, counted whole
		{"rus", "RUSGOV/RUS/Russia:4 "},   // code prefix, any case
		{"nations", "IGOUNO//United Nations:3 "},
		{"IGO", "IGOUNO//United Nations:3 "},
		{"GOV", ""},                 // codes match from their start only
		{"%", "XYZ//100% Co_op:1 "}, // wildcards are literal
		{"_", "XYZ//100% Co_op:1 "},
		{"Kyiv", ""}, // mention text is not searched
	} {
		if got := search(c.q, 10); got != c.want {
			t.Errorf("SearchActors(%q)=%q, want %q", c.q, got, c.want)
		}
	}
	if got, want := search("", 2), "RUSGOV/RUS/Russia:4 IGOUNO//United Nations:3 "; got != want {
		t.Errorf("limit 2: %q, want %q", got, want)
	}
	// Re-coding the first story without Putin drops his name and its row.
	if _, err := db.ReplaceEvents(ctx, "n0", nil); err != nil {
		t.Fatal(err)
	}
	if got, want := search("putin", 10), ""; got != want {
		t.Errorf("after re-coding n0: SearchActors(putin)=%q, want %q", got, want)
	}
	if got, want := search("rus", 10), "RUSGOV/RUS/Russia:3 "; got != want {
		t.Errorf("after re-coding n0: SearchActors(rus)=%q, want %q", got, want)
	}
}

// TestActorNamesMigration checks that migration 0003 fills actor_names
// from a store written before it, as the triggers would have.
func TestActorNamesMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	putin := dyad.Actor{Code: "RUSGOV", Country: "RUS", Name: "Vladimir Putin", Text: "Putin"}
	kyiv := dyad.Actor{Code: "UKRGOV", Country: "UKR", Name: "Ukraine", Text: "Kyiv"}
	MustCreate(t, db, []*dyad.CodedDocument{namedDoc(0, putin, kyiv), namedDoc(1, kyiv, putin), namedDoc(2, putin, kyiv)})
	before, err := db.SearchActors(ctx, "", 10)
	if err != nil || len(before) != 2 {
		t.Fatalf("SearchActors before: %v, %v", before, err)
	}
	// Back to schema 2: no table, no triggers.
	downgrade4(t, db)
	if _, err := db.SQL().ExecContext(ctx, "DROP TABLE actor_names; DROP TRIGGER actor_names_ai; DROP TRIGGER actor_names_ad; PRAGMA user_version = 2"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = sqlite.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	after, err := db.SearchActors(ctx, "", 10)
	if err != nil || !reflect.DeepEqual(after, before) {
		t.Fatalf("after migrating: %+v, %v; want %+v", after, err, before)
	}
}
