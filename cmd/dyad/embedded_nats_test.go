package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/sqlite"
)

// TestServeEmbeddedNATS runs dyad serve with its own NATS server and
// worker, publishes a corpus to it with dyad ingest --to, and waits for
// the served store to hold every document, clustered, as the API then
// shows them.
func TestServeEmbeddedNATS(t *testing.T) {
	const n = 12
	path := MustStore(t, 2)
	natsURL := "nats://" + freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrc := make(chan string, 1)
	logs := &syncBuffer{}
	cmd := &ServeCommand{Env: Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs},
		Listening: func(addr string) { addrc <- addr }}
	errc := make(chan error, 1)
	go func() {
		errc <- cmd.Run(ctx, []string{"--db", path, "--addr", "127.0.0.1:0", "--no-coder",
			"--embedded-nats", filepath.Join(t.TempDir(), "nats"), "--nats", natsURL, "--nats-cluster-every", "200ms"})
	}()
	var base string
	select {
	case addr := <-addrc:
		base = "http://" + addr
	case err := <-errc:
		t.Fatalf("serve stopped before listening: %v\n%s", err, logs)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start listening within a minute")
	}
	if c, err := net.Dial("tcp", strings.TrimPrefix(natsURL, "nats://")); err != nil {
		t.Fatalf("serve's NATS server is not listening on %s: %v\n%s", natsURL, err, logs)
	} else {
		c.Close()
	}
	if _, stderr, status := run(t, "", "ingest", "--to", natsURL, "--quiet", queueCorpus(t, n)); status != 0 {
		t.Fatalf("ingest --to: status %d, stderr:\n%s", status, stderr)
	}
	store, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	waitUntil(t, 60*time.Second, fmt.Sprintf("%d documents stored and clustered", n+2), func() bool {
		st, err := store.Stats(context.Background())
		_, pending, perr := store.ClusterState(context.Background())
		return err == nil && perr == nil && st.Documents == n+2 && st.Clusters > 0 && !pending
	})
	var page struct{ Count int }
	getURL(t, base+"/api/events?source=RUS&count=true", &page)
	if page.Count <= 2 {
		t.Fatalf("GET /api/events?source=RUS: count %d, want the 2 stored before and the coded ones\n%s", page.Count, logs)
	}
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("serve: %v\n%s", err, logs)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop within 15s of its context ending")
	}
}
