package stream_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
)

// TestKillWorkerAndNode runs three workers against a three-node
// JetStream cluster (streams replicated three times), kills a worker
// (its connection drops with a batch in hand) and a NATS node mid-stream,
// and checks that every document is stored exactly once with its events,
// in a real SQLite store.
func TestKillWorkerAndNode(t *testing.T) {
	if testing.Short() {
		t.Skip("three-node cluster: skipped with -short")
	}
	start := time.Now()
	const n = 600
	srvs := startCluster(t, 3)
	urls := func(order ...int) []string {
		var out []string
		for _, i := range order {
			out = append(out, srvs[i].ClientURL())
		}
		return out
	}
	o := testOptions()
	o.Replicas, o.Concurrency = 3, 1
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func() int {
		c, err := db.CountEvents(ctx, dyad.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return c / 2
	}
	publish(t, connect(t, urls(0, 1, 2)...), o, docs(n))
	t.Logf("cluster up and %d documents published in %s", n, time.Since(start).Round(time.Millisecond))

	c := &fakeCoder{delay: 2 * time.Millisecond}
	victim := connect(t, urls(0, 1, 2)...)
	runWorker(t, victim, c, db, o)
	stop1 := runWorker(t, connect(t, urls(1, 2, 0)...), c, db, o)
	stop2 := runWorker(t, connect(t, urls(2, 0, 1)...), c, db, o)

	waitFor(t, 60*time.Second, "a quarter stored", func() bool { return count() >= n/4 })
	victim.Close() // the worker dies with its batch unacknowledged
	t.Logf("worker 0 killed at %d stored", count())
	waitFor(t, 60*time.Second, "half stored", func() bool { return count() >= n/2 })
	node := leaderOf(t, srvs, o.Stream)
	srvs[node].Shutdown()
	t.Logf("node %d (the stream leader) shut down at %d stored", node, count())

	waitFor(t, 120*time.Second, "every document stored", func() bool { return count() >= n })
	js, _ := jetstream.New(connect(t, urls(0, 1, 2)...))
	waitFor(t, 30*time.Second, "the queue drained", func() bool {
		ci, err := js.Consumer(ctx, o.Stream, o.Consumer)
		if err != nil {
			return false
		}
		info, err := ci.Info(ctx)
		return err == nil && info.NumPending == 0 && info.NumAckPending == 0
	})
	stop1()
	stop2()

	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != n || st.Events != 2*n || st.Errors != 0 {
		t.Fatalf("stored %+v, want %d documents, %d events, no errors", st, n, 2*n)
	}
	for i, d := range docs(n) {
		got, err := db.FindDocumentByID(ctx, d.ID)
		if err != nil || got.Events != 2 || got.Hash != dyad.ContentHash(d) {
			t.Fatalf("document %d: %+v, %v", i, got, err)
		}
	}
	total, distinct := c.codings()
	if distinct != n {
		t.Fatalf("coded %d distinct documents, want %d", distinct, n)
	}
	t.Logf("%d documents stored once each; %d codings (%d redone after the kills) in %s",
		n, total, total-n, time.Since(start).Round(time.Millisecond))
}

// leaderOf returns the index of the server leading stream.
func leaderOf(t *testing.T, srvs []*server.Server, stream string) int {
	t.Helper()
	for i, s := range srvs {
		if s.JetStreamIsStreamLeader(server.DEFAULT_GLOBAL_ACCOUNT, stream) {
			return i
		}
	}
	return 0
}
