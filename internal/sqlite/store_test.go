package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
)

func ptr[T any](v T) *T { return &v }

// fixture returns n coded documents: document i has one sentence and one
// event, alternating USAGOV→CHNGOV 036 and RUSMIL→UKRMIL 190 on days
// 2020-01-01+i.
func fixture(n int) []*dyad.CodedDocument {
	var out []*dyad.CodedDocument
	for i := range n {
		id := fmt.Sprintf("doc%03d", i)
		text := fmt.Sprintf("Story %d happened.", i)
		doc := &dyad.Document{ID: id, Text: text, Source: []string{"VOA", "Wire"}[i%2],
			Date: time.Date(2020, 1, 1+i, 0, 0, 0, 0, time.UTC), URL: "https://example.org/" + id}
		ev := dyad.Event{Schema: 1, ID: id + ":0:0", DocID: id, Text: text, Date: doc.Date.Format("2006-01-02"),
			Modality: dyad.Asserted, Confidence: 0.5 + float64(i%2)/4,
			Source: dyad.Actor{Code: "USAGOV", Country: "USA", Text: "Washington"},
			Target: dyad.Actor{Code: "CHNGOV", Country: "CHN", Text: "Beijing"},
			CAMEO:  dyad.CAMEO{Code: "036", Root: "03", Goldstein: 4, QuadClass: 1},
			PLOVER: dyad.PLOVER{Event: "CONSULT"}}
		if i%2 == 1 {
			ev.Source = dyad.Actor{Code: "RUSMIL", Country: "RUS", Text: "Russian troops"}
			ev.Target = dyad.Actor{Code: "UKRMIL", Country: "UKR", Text: "Ukrainian forces"}
			ev.CAMEO = dyad.CAMEO{Code: "190", Root: "19", Goldstein: -10, QuadClass: 4}
			ev.PLOVER = dyad.PLOVER{Event: "FIGHT"}
			ev.Location = &dyad.Place{Name: "Kyiv", Country: "UKR", Lat: 50.45, Lon: 30.52}
		}
		out = append(out, &dyad.CodedDocument{Doc: doc,
			Sentences: []dyad.Sentence{{Index: 0, Span: dyad.Span{End: len(text)}, Text: text}},
			Events:    []dyad.Event{ev}})
	}
	return out
}

func MustCreate(tb testing.TB, db *sqlite.DB, docs []*dyad.CodedDocument) int {
	tb.Helper()
	n, err := db.CreateDocuments(context.Background(), docs)
	if err != nil {
		tb.Fatalf("CreateDocuments: %v", err)
	}
	return n
}

func TestCreateDocuments(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		if got, want := MustCreate(t, db, fixture(10)), 10; got != want {
			t.Fatalf("stored %d documents, want %d", got, want)
		}
		st, _ := db.Stats(ctx)
		if st.Documents != 10 || st.Sentences != 10 || st.Events != 10 {
			t.Fatalf("Stats()=%+v, want 10 documents, sentences and events", st)
		}
		doc, err := db.FindDocumentByID(ctx, "doc003")
		if err != nil || doc.Events != 1 || doc.Source != "Wire" || doc.Hash == "" {
			t.Fatalf("FindDocumentByID(doc003)=%+v, %v", doc, err)
		}
	})
	t.Run("Duplicates", func(t *testing.T) {
		db := MustOpenDB(t)
		MustCreate(t, db, fixture(4))
		again := fixture(6)          // four stored, two new
		again[0].Doc.ID = "renamed"  // same hash
		again[1].Doc.Text += " More" // same URL
		if got, want := MustCreate(t, db, again), 2; got != want {
			t.Fatalf("second ingest stored %d, want %d", got, want)
		}
	})
	t.Run("ErrorRecorded", func(t *testing.T) {
		db := MustOpenDB(t)
		docs := fixture(3)
		docs[1] = &dyad.CodedDocument{Doc: &dyad.Document{ID: "bad.jsonl:2"}, Err: errors.New("bad.jsonl:2: no text")}
		docs[2].Events = append(docs[2].Events, docs[2].Events[0]) // duplicate event id: the document fails
		if got, want := MustCreate(t, db, docs), 1; got != want {
			t.Fatalf("stored %d, want %d", got, want)
		}
		errs, _ := db.Errors(ctx)
		if len(errs) != 2 {
			t.Fatalf("Errors()=%+v, want 2", errs)
		}
		if _, err := db.FindDocumentByID(ctx, "doc002"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
			t.Fatalf("half-stored doc002: FindDocumentByID err=%v, want not_found", err)
		}
		st, _ := db.Stats(ctx)
		if st.Sentences != 1 || st.Events != 1 {
			t.Fatalf("Stats()=%+v, want 1 sentence and 1 event (nothing of doc002)", st)
		}
	})
}

func TestFindEvents(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	MustCreate(t, db, fixture(20))
	for _, tt := range []struct {
		name string
		f    dyad.EventFilter
		want int
	}{
		{"All", dyad.EventFilter{}, 20},
		{"Dates", dyad.EventFilter{From: ptr("2020-01-05"), To: ptr("2020-01-09")}, 5},
		{"SourceRoot", dyad.EventFilter{Source: ptr("USA")}, 10},
		{"SourceCode", dyad.EventFilter{Source: ptr("USAGOV")}, 10},
		{"Dyad", dyad.EventFilter{Source: ptr("RUS"), Target: ptr("UKR")}, 10},
		{"DyadReversed", dyad.EventFilter{Source: ptr("UKR"), Target: ptr("RUS")}, 0},
		{"Undirected", dyad.EventFilter{Source: ptr("UKR"), Target: ptr("RUS"), Undirected: true}, 10},
		{"Actor", dyad.EventFilter{Actor: ptr("CHN")}, 10},
		{"Country", dyad.EventFilter{Country: ptr("UKR")}, 10},
		{"CAMEORoot", dyad.EventFilter{CAMEO: ptr("19")}, 10},
		{"CAMEOCode", dyad.EventFilter{CAMEO: ptr("036")}, 10},
		{"PLOVER", dyad.EventFilter{PLOVER: ptr("consult")}, 10},
		{"Quad", dyad.EventFilter{QuadClass: ptr(4)}, 10},
		{"Modality", dyad.EventFilter{Modality: ptr(dyad.Negated)}, 0},
		{"MinConfidence", dyad.EventFilter{MinConfidence: ptr(0.7)}, 10},
		{"Text", dyad.EventFilter{Text: ptr("story 7")}, 1},
		{"TextSyntax", dyad.EventFilter{Text: ptr(`"AND( NEAR`)}, 0},
		{"DocSource", dyad.EventFilter{DocSource: ptr("VOA")}, 10},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n, err := db.CountEvents(ctx, tt.f)
			if err != nil || n != tt.want {
				t.Fatalf("CountEvents(%+v)=%d, %v, want %d", tt.f, n, err, tt.want)
			}
			f := tt.f
			f.Limit = 3
			seen := 0
			for {
				evs, next, err := db.FindEvents(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				seen += len(evs)
				if next == "" {
					break
				}
				f.After = next
			}
			if seen != tt.want {
				t.Fatalf("paging through FindEvents(%+v) saw %d events, want %d", tt.f, seen, tt.want)
			}
		})
	}
	t.Run("ErrBadDate", func(t *testing.T) {
		if _, _, err := db.FindEvents(ctx, dyad.EventFilter{From: ptr("2020-13-01")}); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Fatalf("err=%v, want invalid", err)
		}
	})
	t.Run("ByID", func(t *testing.T) {
		ev, err := db.FindEventByID(ctx, "doc001:0:0")
		if err != nil || ev.Text != "Story 1 happened." || ev.Location == nil || ev.CAMEO.Code != "190" {
			t.Fatalf("FindEventByID=%+v, %v", ev, err)
		}
		if _, err := db.FindEventByID(ctx, "nope"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
			t.Fatalf("missing id: err=%v, want not_found", err)
		}
	})
}

func TestAnalytics(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	MustCreate(t, db, fixture(40)) // 2020-01-01 … 2020-02-09
	pts, err := db.Series(ctx, dyad.EventFilter{Source: ptr("RUS"), Target: ptr("UKR")}, dyad.Month)
	if err != nil || len(pts) != 2 {
		t.Fatalf("Series(month)=%+v, %v, want 2 months", pts, err)
	}
	if got := pts[0]; got.Period != "2020-01-01" || got.Events != 15 || got.Quad[3] != 15 || got.GoldsteinMean != -10 {
		t.Fatalf("January=%+v, want 15 quad-4 events, mean -10", got)
	}
	wk, err := db.Series(ctx, dyad.EventFilter{}, dyad.Week)
	if err != nil || wk[0].Period != "2019-12-30" || wk[0].Events != 5 {
		t.Fatalf("Series(week)[0]=%+v, %v, want the week of Monday 2019-12-30 with 5 events", wk[0], err)
	}
	if _, err := db.Series(ctx, dyad.EventFilter{}, "year"); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Fatalf("Series(year) err=%v, want invalid", err)
	}
	top, err := db.TopActors(ctx, dyad.EventFilter{From: ptr("2020-01-01"), To: ptr("2020-01-03")}, 10)
	if err != nil || len(top) != 4 || top[0].Events != 2 {
		t.Fatalf("TopActors=%+v, %v, want 4 actors, the first in 2 events", top, err)
	}
	dy, err := db.TopDyads(ctx, dyad.EventFilter{}, 1)
	if err != nil || len(dy) != 1 || dy[0].Events != 20 {
		t.Fatalf("TopDyads=%+v, %v, want one dyad with 20 events", dy, err)
	}
	net, err := db.Network(ctx, dyad.EventFilter{}, 10)
	if err != nil || len(net.Nodes) != 4 || len(net.Edges) != 2 {
		t.Fatalf("Network=%+v, %v, want 4 nodes, 2 edges", net, err)
	}
}

func TestReplaceEvents(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	docs := fixture(2)
	MustCreate(t, db, docs)
	ev := docs[0].Events[0]
	recoded := ev
	recoded.CAMEO = dyad.CAMEO{Code: "040", Root: "04", Goldstein: 1, QuadClass: 1}
	added := ev
	added.ID = "doc000:0:1"
	added.Target = dyad.Actor{Code: "JPNGOV"}
	diff, err := db.ReplaceEvents(ctx, "doc000", []dyad.Event{recoded, added})
	if err != nil {
		t.Fatal(err)
	}
	if len(diff.Recoded) != 1 || len(diff.Added) != 1 || len(diff.Removed) != 0 {
		t.Fatalf("diff=%+v, want 1 recoded and 1 added", diff)
	}
	diff, err = db.ReplaceEvents(ctx, "doc000", nil)
	if err != nil || len(diff.Removed) != 2 {
		t.Fatalf("diff=%+v, %v, want 2 removed", diff, err)
	}
	if n, _ := db.CountEvents(ctx, dyad.EventFilter{DocID: ptr("doc000")}); n != 0 {
		t.Fatalf("doc000 has %d events after removal", n)
	}
	if _, err := db.ReplaceEvents(ctx, "nope", nil); dyad.ErrorCode(err) != dyad.ENOTFOUND {
		t.Fatalf("unknown doc: err=%v, want not_found", err)
	}
}

func TestClusters(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	MustCreate(t, db, fixture(4))
	ms, err := db.Mentions(ctx)
	if err != nil || len(ms) != 4 || ms[1].Event.Location == nil || ms[1].Outlet != "Wire" {
		t.Fatalf("Mentions=%+v, %v", ms, err)
	}
	cs := []*dyad.Cluster{
		{Date: "2020-01-01", LastDate: "2020-01-03", Source: "USAGOV", Target: "CHNGOV", CAMEO: "036", Root: "03",
			QuadClass: 1, Mentions: 2, Documents: 2, Sources: 1, EventIDs: []string{"doc000:0:0", "doc002:0:0"}},
		{Date: "2020-01-02", LastDate: "2020-01-04", Source: "RUSMIL", Target: "UKRMIL", CAMEO: "190", Root: "19",
			Place: &dyad.Place{Name: "Kyiv"}, Mentions: 2, Documents: 2, Sources: 1, EventIDs: []string{"doc001:0:0", "doc003:0:0"}},
	}
	if err := db.ReplaceClusters(ctx, cs); err != nil {
		t.Fatal(err)
	}
	got, err := db.FindClusterByID(ctx, 2)
	if err != nil || len(got.EventIDs) != 2 || got.Place == nil || got.Place.Name != "Kyiv" {
		t.Fatalf("FindClusterByID(2)=%+v, %v", got, err)
	}
	found, _, err := db.FindClusters(ctx, dyad.EventFilter{CAMEO: ptr("03")})
	if err != nil || len(found) != 1 || found[0].ID != 1 {
		t.Fatalf("FindClusters(03)=%+v, %v, want cluster 1", found, err)
	}
	if n, _ := db.CountEvents(ctx, dyad.EventFilter{ClusterID: ptr(int64(2))}); n != 2 {
		t.Fatalf("events in cluster 2: %d, want 2", n)
	}
}
