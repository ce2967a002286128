package server_test

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/server"
	"github.com/dyad-events/dyad/internal/sqlite"
)

// sentenceOffset is where fixture sentences start in their documents
// (fixture_test.go's event spans assume it).
const sentenceOffset = 40

// codedDocs wraps each event in a document of its own, its sentence at
// sentenceOffset, as dyad ingest would store it.
func codedDocs(evs []dyad.Event) []*dyad.CodedDocument {
	docs := make([]*dyad.CodedDocument, 0, len(evs))
	for _, ev := range evs {
		pad := fmt.Sprintf("%-*s", sentenceOffset, "Dateline "+ev.DocID+".")[:sentenceOffset]
		text := pad + ev.Text
		date, _ := time.Parse(time.DateOnly, ev.Date)
		docs = append(docs, &dyad.CodedDocument{
			Doc:       &dyad.Document{ID: ev.DocID, Text: text, Date: date, Source: "Wire"},
			Sentences: []dyad.Sentence{{Index: 0, Span: dyad.Span{Start: sentenceOffset, End: len(text)}, Text: ev.Text}},
			Events:    []dyad.Event{ev},
		})
	}
	return docs
}

// MustSQLite stores evs in a new SQLite file and returns it open.
func MustSQLite(tb testing.TB, evs []dyad.Event) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "dyad.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.CreateDocuments(context.Background(), codedDocs(evs)); err != nil {
		tb.Fatalf("store the fixture: %v", err)
	}
	return db
}

// TestSQLiteEndToEnd runs the API over a real SQLite store holding the
// fixture and checks it answers as over the in-memory one.
func TestSQLiteEndToEnd(t *testing.T) {
	db := MustSQLite(t, fixture())
	opts := server.DefaultOptions()
	opts.Coder = fakeCoder{}
	s, err := server.New(db, opts)
	if err != nil {
		t.Fatal(err)
	}
	mem := newFixtureServer(t)
	for _, q := range []string{
		"/api/events?count=true&limit=1000&actor=PRK",
		"/api/events?count=true&source=PRK&target=USA&undirected=true&limit=1000",
		"/api/events?count=true&cameo=19&from=2016-08-01&to=2016-08-31",
		"/api/events?count=true&root=04&plover=consult&quad=1",
		"/api/events?count=true&modality=future&min_confidence=0.5",
		"/api/events?count=true&q=trade&limit=5",
		"/api/events?count=true&country=JPN&target_country=KOR",
		"/api/series?source=USA&target=PRK&interval=week",
		"/api/series?source=USA&target=PRK&interval=month",
		"/api/series?actor=USA&interval=day&from=2016-08-01&to=2016-08-14",
		"/api/top/dyads?limit=5",
		"/api/top/dyads?limit=5&quad=3",
		"/api/alerts?from=2016-01-01&to=2016-12-31",
		"/api/alerts",
		"/api/actors?q=korea",
		"/api/actors?q=usa&limit=1",
		"/api/actors",
	} {
		t.Run(q, func(t *testing.T) {
			var got, want any
			getJSON(t, s, q, 200, &got)
			getJSON(t, mem, q, 200, &want)
			if g, w := summary(got), summary(want); g != w {
				t.Errorf("GET %s over SQLite:\n got %s\nwant %s (in memory)", q, g, w)
			}
		})
	}
	t.Run("EventWithMarks", func(t *testing.T) {
		var p page
		getJSON(t, s, "/api/events?limit=1&actor=JPN", 200, &p)
		if len(p.Events) != 1 {
			t.Fatalf("no JPN event")
		}
		var ev struct {
			Text  string
			Marks []struct {
				Role       string
				Start, End int
			}
		}
		getJSON(t, s, "/api/events/"+url.PathEscape(p.Events[0].ID), 200, &ev)
		if len(ev.Marks) != 3 || ev.Text[ev.Marks[1].Start:ev.Marks[1].End] != "sent aid to" {
			t.Errorf("event %s: marks %+v in %q, want source, verb (sent aid to), target", p.Events[0].ID, ev.Marks, ev.Text)
		}
	})
	t.Run("Pages", func(t *testing.T) {
		for _, p := range []string{"/", "/dyad?source=USA&target=PRK&period=2016-08-01", "/network", "/events?q=trade", "/code"} {
			if code, body, _ := do(t, s, "GET", p, "", ""); code != 200 {
				t.Errorf("GET %s over SQLite: status %d\n%.500s", p, code, body)
			}
		}
	})
}

// summary renders the parts of an API answer both stores must agree on:
// counts, ids and numbers, not the order of equal-ranked entries.
func summary(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Sprint(v)
	}
	out := ""
	for _, k := range []string{"count", "interval", "from", "to", "dyads"} {
		if x, ok := m[k]; ok {
			out += fmt.Sprintf("%s=%v ", k, x)
		}
	}
	for _, k := range []string{"events", "points", "alerts", "actors"} {
		if l, ok := m[k].([]any); ok {
			out += fmt.Sprintf("%s:%d ", k, len(l))
			for _, x := range l {
				e, _ := x.(map[string]any)
				out += fmt.Sprintf("[%v %v %v %v %v %v %v %v] ", e["id"], e["period"], e["events"], e["quad"], e["week"], e["score"], e["code"], e["name"])
			}
		}
	}
	if l, ok := m["dyads"].([]any); ok {
		out += fmt.Sprint(len(l), " dyads: ")
		for _, x := range l {
			e := x.(map[string]any)
			out += fmt.Sprintf("%v>%v:%v ", e["source"], e["target"], e["events"])
		}
	}
	return out
}

// TestSQLiteTextSearchBytes sends text searches holding a NUL byte,
// other control characters and bytes that are not UTF-8 to every
// endpoint that takes q, over a real SQLite store: each gets 400 naming
// q, never a 500 from the full-text query.
func TestSQLiteTextSearchBytes(t *testing.T) {
	s, err := server.New(MustSQLite(t, fixture()), server.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"\x00", "missile\x00", "a\x01b", "caf\xe9"} {
		for _, path := range []string{"/api/events", "/api/series", "/api/top/actors", "/api/top/dyads", "/api/network", "/api/clusters", "/api/actors"} {
			target := path + "?q=" + url.QueryEscape(q)
			code, body, _ := do(t, s, "GET", target, "", "")
			if code != 400 || !strings.Contains(body, `q:`) {
				t.Errorf("GET %s: status %d, want 400 naming q; body:\n%s", target, code, body)
			}
		}
	}
	if code, body, _ := do(t, s, "GET", "/api/events?q="+url.QueryEscape("missile\tlaunch"), "", ""); code != 200 {
		t.Errorf("GET /api/events?q=missile<TAB>launch: status %d, want 200; body:\n%s", code, body)
	}
}
