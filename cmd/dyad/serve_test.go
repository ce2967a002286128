package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
)

// MustStore writes a store with n one-event documents and returns its path.
func MustStore(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "dyad.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var docs []*dyad.CodedDocument
	for i := range n {
		id := fmt.Sprintf("doc%d", i)
		text := fmt.Sprintf("Moscow warned Kyiv (report %d).", i) // distinct: the store skips duplicate texts
		date := time.Date(2022, 2, 1+i, 0, 0, 0, 0, time.UTC)
		docs = append(docs, &dyad.CodedDocument{
			Doc:       &dyad.Document{ID: id, Text: text, Date: date},
			Sentences: []dyad.Sentence{{Index: 0, Span: dyad.Span{End: len(text)}, Text: text}},
			Events: []dyad.Event{{Schema: 1, ID: id + ":0:0", DocID: id, Text: text, Date: date.Format(time.DateOnly), Modality: dyad.Asserted,
				Source:   dyad.Actor{Code: "RUSGOV", Country: "RUS", Text: "Moscow", Span: dyad.Span{End: 6}},
				Target:   dyad.Actor{Code: "UKRGOV", Country: "UKR", Text: "Kyiv", Span: dyad.Span{Start: 14, End: 18}},
				CAMEO:    dyad.CAMEO{Code: "130", Root: "13", Goldstein: -4.4, QuadClass: 3},
				Evidence: dyad.Evidence{Verb: "warned", VerbSpan: dyad.Span{Start: 7, End: 13}}}},
		})
	}
	if _, err := db.CreateDocuments(context.Background(), docs); err != nil {
		tb.Fatal(err)
	}
	return path
}

func TestServe(t *testing.T) {
	path := MustStore(t, 5)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrc := make(chan string, 1)
	var stderr bytes.Buffer
	cmd := &ServeCommand{Env: Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr},
		Listening: func(addr string) { addrc <- addr }}
	errc := make(chan error, 1)
	go func() { errc <- cmd.Run(ctx, []string{"--db", path, "--addr", "127.0.0.1:0"}) }()
	var base string
	select {
	case addr := <-addrc:
		base = "http://" + addr
	case err := <-errc:
		t.Fatalf("serve stopped before listening: %v\n%s", err, stderr.String())
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start listening within a minute")
	}

	t.Run("Events", func(t *testing.T) {
		var page struct {
			Events []struct{ ID string }
			Count  int
		}
		getURL(t, base+"/api/events?actor=RUS&count=true", &page)
		if page.Count != 5 || len(page.Events) != 5 {
			t.Fatalf("GET /api/events?actor=RUS: count %d, %d events; want 5", page.Count, len(page.Events))
		}
	})
	t.Run("Code", func(t *testing.T) {
		story, err := os.ReadFile("../../examples/korea-pressure.txt")
		if err != nil {
			t.Skip("examples/korea-pressure.txt:", err)
		}
		body, _ := json.Marshal(map[string]string{"text": string(story), "date": "2016-10-27"})
		res, err := http.Post(base+"/api/code", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var ans struct {
			Events      []struct{ ID string }
			Explanation string
		}
		if err := json.NewDecoder(res.Body).Decode(&ans); err != nil || res.StatusCode != 200 {
			t.Fatalf("POST /api/code: status %d, %v", res.StatusCode, err)
		}
		if len(ans.Events) == 0 || !strings.Contains(ans.Explanation, "event") {
			t.Fatalf("POST /api/code on the example: %d events, explanation %.200q; want events explained", len(ans.Events), ans.Explanation)
		}
	})
	t.Run("Dashboard", func(t *testing.T) {
		res, err := http.Get(base + "/dyad?source=RUS&target=UKR")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), `class="point"`) {
			t.Fatalf("GET /dyad: status %d, want 200 with a chart", res.StatusCode)
		}
	})

	t.Run("Metrics", func(t *testing.T) {
		res, err := http.Get(base + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), "dyad_http_requests_total") {
			t.Fatalf("GET /metrics: status %d, want 200 with the request counter\n%.300s", res.StatusCode, b)
		}
		if strings.Contains(string(b), "dyad_http_requests_total 0\n") {
			t.Errorf("GET /metrics: no request counted after several\n%.300s", b)
		}
	})

	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("serve returned %v after shutdown, want nil", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not shut down")
	}
}

// getURL GETs url and decodes its JSON into v.
func getURL(t *testing.T, url string, v any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		b, _ := io.ReadAll(res.Body)
		t.Fatalf("GET %s: status %d\n%s", url, res.StatusCode, b)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

func TestServeErrors(t *testing.T) {
	dir := t.TempDir()
	path := MustStore(t, 1)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"NoStore", []string{"--db", filepath.Join(dir, "missing.db")}, "no such file (dyad ingest writes one)"},
		{"Directory", []string{"--db", dir}, "is a directory"},
		{"Argument", []string{"extra.db"}, "serve takes no arguments"},
		{"BadAddr", []string{"--db", path, "--no-coder", "--addr", "127.0.0.1:99999"}, "--addr 127.0.0.1:99999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, status := run(t, "", append([]string{"serve"}, tt.args...)...)
			if status != 1 || !strings.Contains(stderr, tt.want) {
				t.Fatalf("dyad serve %v: status %d stderr %q, want 1 and %q", tt.args, status, stderr, tt.want)
			}
		})
	}
}

// TestServeStoreReadOnly checks that the SQLite store dyad serve opens
// refuses writes and leaves the file as it was.
func TestServeStoreReadOnly(t *testing.T) {
	ctx := context.Background()
	path := MustStore(t, 3)
	st, err := openServeStore(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db, ok := st.(*sqlite.DB)
	if !ok {
		t.Fatalf("openServeStore(%s) is a %T, want *sqlite.DB", path, st)
	}
	if _, err := db.CreateDocuments(ctx, []*dyad.CodedDocument{{Doc: &dyad.Document{ID: "x", Text: "Paris hosted talks."}}}); err == nil {
		t.Error("CreateDocuments through the served store succeeded")
	}
	if _, err := db.SQL().ExecContext(ctx, "DELETE FROM events"); err == nil {
		t.Error("DELETE through the served store succeeded")
	}
	if n, err := db.CountEvents(ctx, dyad.EventFilter{}); err != nil || n != 3 {
		t.Fatalf("CountEvents()=%d, %v after the write attempts, want 3", n, err)
	}
}

// TestServeStorePostgres opens the store dyad serve would for a
// PostgreSQL address; it runs where DYAD_TEST_POSTGRES names a server.
func TestServeStorePostgres(t *testing.T) {
	dsn := os.Getenv("DYAD_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("DYAD_TEST_POSTGRES is unset: no PostgreSQL server to test against")
	}
	db, err := openServeStore(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, _, err := db.FindEvents(context.Background(), dyad.EventFilter{}); err != nil {
		t.Fatalf("FindEvents on %s: %v", dsn, err)
	}
}
