package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/sqlite"
)

// TestIngestKill9 kills "dyad ingest" with SIGKILL twice in mid-run, runs
// it again to the end, and checks that no document was lost or stored
// twice, that every document is whole, and that SQLite finds the file
// intact. It builds the binary, so it is skipped with -short.
func TestIngestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 1,500 stories; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dyad")
	build := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus, good := syntheticCorpus(t, dir, 1500)
	db := filepath.Join(dir, "killed.db")
	for _, atLeast := range []int{150, 600} {
		n := killAfter(t, bin, db, corpus, atLeast)
		t.Logf("killed with %d documents stored", n)
	}
	ingestTo(t, bin, db, corpus)
	ref := filepath.Join(dir, "ref.db")
	ingestTo(t, bin, ref, corpus)

	got, want := stats(t, db), stats(t, ref)
	if got.Documents != good || got != want {
		t.Fatalf("after kills and a re-run: %+v\nuninterrupted run: %+v\nwant %d documents", got, want, good)
	}
	checkWhole(t, db)
}

// killAfter starts an ingest, waits until at least n documents are
// stored, kills it with SIGKILL and returns how many were stored.
func killAfter(t *testing.T, bin, db, corpus string, n int) int {
	t.Helper()
	cmd := exec.Command(bin, "ingest", "--db", db, "--quiet", "--batch", "16", corpus)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("ingest finished (%v) before it could be killed at %d documents (%d stored)", err, n, countDocs(db))
		case <-time.After(20 * time.Millisecond):
		}
		if c := countDocs(db); c >= n {
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			return countDocs(db)
		}
	}
	cmd.Process.Kill()
	<-done
	t.Fatalf("ingest stored fewer than %d documents in a minute", n)
	return 0
}

// countDocs counts the committed documents, -1 while the file is absent.
func countDocs(db string) int {
	if _, err := os.Stat(db); err != nil {
		return -1
	}
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		return -1
	}
	defer store.Close()
	st, err := store.Stats(context.Background())
	if err != nil {
		return -1
	}
	return st.Documents
}

func ingestTo(t *testing.T, bin, db, corpus string) {
	t.Helper()
	out, err := exec.Command(bin, "ingest", "--db", db, "--quiet", corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
}

func stats(t *testing.T, db string) sqlite.Stats {
	t.Helper()
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	st, err := store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// checkWhole checks integrity and that each document has all its rows.
func checkWhole(t *testing.T, db string) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if got, err := store.IntegrityCheck(ctx); err != nil || got != "ok" {
		t.Fatalf("PRAGMA integrity_check = %q, %v; want ok", got, err)
	}
	for _, q := range []string{
		"SELECT count(*) FROM documents d WHERE n_events <> (SELECT count(*) FROM events e WHERE e.doc_id = d.id)",
		"SELECT count(*) FROM documents d WHERE n_sentences <> (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id)",
		"SELECT count(*) FROM events WHERE sentence_id IS NULL",
	} {
		var bad int
		if err := store.SQL().QueryRowContext(ctx, q).Scan(&bad); err != nil || bad != 0 {
			t.Fatalf("%s = %d, %v; want 0", q, bad, err)
		}
	}
}
