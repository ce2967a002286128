package stream_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-events/dyad/internal/metrics"
	"github.com/dyad-events/dyad/internal/stream"
)

func testOptions() stream.Options {
	o := stream.DefaultOptions()
	o.AckWait, o.Batch, o.Concurrency, o.MaxDeliver = 3*time.Second, 8, 2, 3
	o.FetchWait = 200 * time.Millisecond
	return o
}

func TestWorkerCodesAndStores(t *testing.T) {
	s := startServer(t)
	o := testOptions()
	reg := metrics.NewRegistry()
	o.Metrics = reg
	ds := docs(50)
	publish(t, connect(t, s.ClientURL()), o, append(ds, ds[:10]...)) // ten published twice: one message each
	st, c := newMemStore(), &fakeCoder{}
	stop := runWorker(t, connect(t, s.ClientURL()), c, st, o)
	waitFor(t, 20*time.Second, "50 documents stored", func() bool { return st.count() == 50 })
	if err := stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if total, n := c.codings(); total != 50 || n != 50 {
		t.Fatalf("coded %d times over %d documents, want 50 and 50 (the stream dedups re-publishes)", total, n)
	}
	var b strings.Builder
	reg.WriteTo(&b)
	for _, want := range []string{"dyad_worker_documents_total 50\n", "dyad_worker_events_total 100\n", "dyad_worker_dead_letters_total 0\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("metrics lack %q:\n%s", want, b.String())
		}
	}
}

// TestDeadLetter checks that a document that always fails is tried
// MaxDeliver times, then lands on the dead-letter subject and in the
// store's errors, while the others are stored.
func TestDeadLetter(t *testing.T) {
	s := startServer(t)
	o := testOptions()
	nc := connect(t, s.ClientURL())
	ds := docs(10)
	publish(t, nc, o, ds)
	dead := make(chan *nats.Msg, 4)
	sub, err := nc.ChanSubscribe(o.DeadSubject, dead)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	st, c := newMemStore(), &fakeCoder{fail: map[string]bool{"d0003": true}}
	runWorker(t, connect(t, s.ClientURL()), c, st, o)
	select {
	case m := <-dead:
		if got := m.Header.Get("Dyad-Error"); !strings.Contains(got, "d0003") || !strings.Contains(got, "failed 3 times") {
			t.Fatalf("dead letter error %q, want d0003 failed 3 times", got)
		}
		if !strings.Contains(string(m.Data), `"id":"d0003"`) {
			t.Fatalf("dead letter body %s, want the document", m.Data)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no dead letter after 30s")
	}
	waitFor(t, 5*time.Second, "the error stored", func() bool {
		st.mu.Lock()
		defer st.mu.Unlock()
		return st.errs["d0003"] != ""
	})
	if n := st.count(); n != 9 {
		t.Fatalf("stored %d documents, want 9", n)
	}
	js, _ := jetstream.New(nc)
	info, err := js.Stream(context.Background(), o.DeadStream)
	if err != nil {
		t.Fatal(err)
	}
	if si, _ := info.Info(context.Background()); si == nil || si.State.Msgs != 1 {
		t.Fatalf("dead-letter stream holds %+v, want 1 message", si)
	}
}

// TestStoreOutage checks that documents coded while the database is down
// are stored when it is back, without counting towards the dead letters.
func TestStoreOutage(t *testing.T) {
	s := startServer(t)
	o := testOptions()
	publish(t, connect(t, s.ClientURL()), o, docs(20))
	st, c := newMemStore(), &fakeCoder{}
	st.failNext.Store(4)
	runWorker(t, connect(t, s.ClientURL()), c, st, o)
	waitFor(t, 30*time.Second, "20 documents stored", func() bool { return st.count() == 20 })
	if len(st.errs) != 0 {
		t.Fatalf("errors %v, want none", st.errs)
	}
}

// TestGracefulStop checks that a worker told to stop returns promptly
// and that nothing it held is lost: another worker finishes the work.
func TestGracefulStop(t *testing.T) {
	s := startServer(t)
	o := testOptions()
	publish(t, connect(t, s.ClientURL()), o, docs(100))
	st, c := newMemStore(), &fakeCoder{delay: 5 * time.Millisecond}
	stop := runWorker(t, connect(t, s.ClientURL()), c, st, o)
	waitFor(t, 20*time.Second, "some documents stored", func() bool { return st.count() >= 10 })
	start := time.Now()
	if err := stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("stop took %s", d)
	}
	runWorker(t, connect(t, s.ClientURL()), c, st, o)
	waitFor(t, 20*time.Second, "100 documents stored", func() bool { return st.count() == 100 })
}
