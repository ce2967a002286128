package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/metrics"
	"github.com/dyad-events/dyad/internal/postgres"
	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/stream"
	"github.com/dyad-events/dyad/internal/testingutil"
)

// queueCorpus writes n JSONL stories for the queue tests and returns the
// file's path.
func queueCorpus(tb testing.TB, n int) string {
	tb.Helper()
	who := []string{"Russian forces", "Ukrainian troops", "Chinese officials", "Japanese diplomats", "Iranian police", "German ministers"}
	did := []string{"attacked", "met with", "criticized", "praised", "accused", "visited"}
	var b strings.Builder
	for i := range n {
		a, v, t := who[i%len(who)], did[(i/2)%len(did)], who[(i+2)%len(who)]
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("q%d", i), "date": fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+i%28),
			"source": "Wire", "text": fmt.Sprintf("%s %s %s on Monday. In report %d, %s %s %s in the capital.", a, v, t, i, t, did[i%len(did)], a)})
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(tb.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func freeAddr(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// syncBuffer is a buffer safe for a worker's logs and a test's reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestIngestToWorker publishes a corpus with dyad ingest --to, codes it
// with dyad worker running its own embedded NATS server, reads the
// worker's /metrics and stops it as SIGTERM would.
func TestIngestToWorker(t *testing.T) {
	const n = 30
	dir := t.TempDir()
	natsURL := "nats://" + freeAddr(t)
	metricsAddr := freeAddr(t)
	db := filepath.Join(dir, "dyad.db")
	logs, stop := startWorker(t, "worker", "--from", natsURL, "--embedded-nats", filepath.Join(dir, "nats"),
		"--db", db, "--metrics", metricsAddr, "--concurrency", "2")
	waitListening(t, natsURL)
	if _, stderr, status := run(t, "", "ingest", "--to", natsURL, "--quiet", queueCorpus(t, n)); status != 0 {
		t.Fatalf("ingest --to: status %d, stderr:\n%s", status, stderr)
	}
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	waitUntil(t, 60*time.Second, fmt.Sprintf("%d documents stored", n), func() bool {
		st, err := store.Stats(context.Background())
		return err == nil && st.Documents == n
	})
	// The worker counts a document once it is stored and acknowledged: the
	// last ones may be in the store a moment before they are counted.
	waitUntil(t, 10*time.Second, fmt.Sprintf("/metrics to count %d documents", n), func() bool {
		resp, err := http.Get("http://" + metricsAddr + "/metrics")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return strings.Contains(string(body), fmt.Sprintf("dyad_worker_documents_total %d\n", n))
	})
	stop()
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if !json.Valid([]byte(line)) {
			t.Fatalf("log line is not JSON: %q", line)
		}
	}
}

// startWorker runs the command args (a worker) in the background, its
// log in logs. stop ends it as SIGTERM would and fails the test unless it
// returns without an error within 10 s; a test that ends first stops it
// too.
func startWorker(t *testing.T, args ...string) (logs *syncBuffer, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	logs = &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- Run(ctx, args, Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs}) }()
	return logs, func() {
		t.Helper()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("worker: %v\nlogs:\n%s", err, logs)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("worker did not stop within 10s of its context ending")
		}
	}
}

// waitListening waits until the NATS server at natsURL takes connections.
func waitListening(t *testing.T, natsURL string) {
	t.Helper()
	waitUntil(t, 20*time.Second, "the worker's NATS server", func() bool {
		c, err := net.Dial("tcp", strings.TrimPrefix(natsURL, "nats://"))
		if err == nil {
			c.Close()
		}
		return err == nil
	})
}

// waitStored waits until the SQLite store db holds n documents.
func waitStored(t *testing.T, db string, n int) {
	t.Helper()
	waitUntil(t, 60*time.Second, fmt.Sprintf("%d documents stored", n), func() bool {
		store, err := sqlite.Open(context.Background(), db)
		if err != nil {
			return false
		}
		defer store.Close()
		st, err := store.Stats(context.Background())
		return err == nil && st.Documents == n
	})
}

func waitUntil(tb testing.TB, d time.Duration, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out after %s waiting for %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestThroughputCurve measures documents per second coded and stored by
// 1, 2 and 3 workers (each coding one document at a time) sharing an
// in-process NATS server and a store, next to the rate of the bare
// pipeline on as many goroutines (no queue, no store), which is the
// ceiling the machine allows, and the load average at the time. It takes
// a minute or two a round, so it runs only with DYAD_THROUGHPUT set: to
// the number of rounds (1 if not a number). DYAD_THROUGHPUT_BATCH sets
// the documents fetched and committed at once (default 16).
func TestThroughputCurve(t *testing.T) {
	if os.Getenv("DYAD_THROUGHPUT") == "" {
		t.Skip("set DYAD_THROUGHPUT=1 to measure the worker throughput curve")
	}
	rounds, _ := strconv.Atoi(os.Getenv("DYAD_THROUGHPUT"))
	batch, _ := strconv.Atoi(os.Getenv("DYAD_THROUGHPUT_BATCH"))
	var pf pipelineFlags
	p, err := pf.pipeline()
	if err != nil {
		t.Fatal(err)
	}
	docs := storyCorpus(t, 300)
	c := pipelineStreamCoder{p}
	stores := []string{"sqlite"}
	if os.Getenv("DYAD_TEST_POSTGRES") != "" {
		stores = append(stores, "postgres")
	}
	for round := range max(rounds, 1) {
		for _, kind := range stores {
			var rates []float64
			for _, workers := range []int{1, 2, 3} {
				bare := codeRate(c, docs, workers)
				rate := measure(t, stream.CoderFunc(c.Code), docs, workers, batch, openThroughputStore(t, kind))
				rates = append(rates, rate)
				t.Logf("round %d, %s, %d worker(s): %.1f documents/s through the queue and store; bare pipeline on %d goroutine(s): %.1f documents/s; load average %s",
					round+1, kind, workers, rate, workers, bare, loadAverage())
			}
			t.Logf("round %d, %s: speed-up %.2f× with 2 workers, %.2f× with 3", round+1, kind, rates[1]/rates[0], rates[2]/rates[0])
		}
	}
}

// loadAverage returns the machine's load averages over 1, 5 and 15
// minutes, or "?" where /proc does not tell.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}

// openThroughputStore opens an empty store of the kind: a SQLite file,
// or a fresh schema on the DYAD_TEST_POSTGRES server.
func openThroughputStore(t *testing.T, kind string) docStore {
	ctx := context.Background()
	if kind == "sqlite" {
		st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	dsn := os.Getenv("DYAD_TEST_POSTGRES")
	boot, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer boot.Close()
	schema := fmt.Sprintf("dyad_tp_%d", time.Now().UnixNano())
	if _, err := boot.Pool().Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(dsn)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	st, err := postgres.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		st.Close()
		if b, err := postgres.Open(ctx, dsn); err == nil {
			b.Pool().Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			b.Close()
		}
	})
	return st
}

// storyCorpus returns n copies of the example story, each with a
// sentence of its own so that the store keeps them apart.
func storyCorpus(tb testing.TB, n int) []*dyad.Document {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "korea-pressure.txt"))
	if err != nil {
		tb.Skipf("example story: %v", err)
	}
	out := make([]*dyad.Document, n)
	for i := range out {
		out[i] = &dyad.Document{ID: fmt.Sprintf("k%d", i), Text: string(b) + fmt.Sprintf("\n\nThis is report %d.", i),
			Source: "Wire", Date: time.Date(2017, 4, 1+i%28, 0, 0, 0, 0, time.UTC)}
	}
	return out
}

// codeRate codes docs on g goroutines and returns documents per second.
func codeRate(c pipelineStreamCoder, docs []*dyad.Document, g int) float64 {
	ch := make(chan *dyad.Document)
	var wg sync.WaitGroup
	start := time.Now()
	for range g {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range ch {
				c.Code(context.Background(), d)
			}
		}()
	}
	for _, d := range docs {
		ch <- d
	}
	close(ch)
	wg.Wait()
	return float64(len(docs)) / time.Since(start).Seconds()
}

func readQueueCorpus(tb testing.TB, path string) []*dyad.Document {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var out []*dyad.Document
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var m map[string]string
		json.Unmarshal([]byte(line), &m)
		d, _ := time.Parse("2006-01-02", m["date"])
		out = append(out, &dyad.Document{ID: m["id"], Text: m["text"], Source: m["source"], Date: d})
	}
	return out
}

// measure publishes docs, runs workers and returns documents per second
// from the first fetch to the last commit.
func measure(t *testing.T, c stream.Coder, docs []*dyad.Document, workers, batch int, store docStore) float64 {
	ctx := context.Background()
	dir := t.TempDir()
	srv, err := stream.StartServer(stream.ServerOptions{Dir: filepath.Join(dir, "nats"), Port: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	log := newTestLogger()
	nc, err := connectNATS(srv.ClientURL(), "bench", log)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	o := stream.DefaultOptions()
	o.Concurrency, o.Batch = 1, 16
	if batch > 0 {
		o.Batch = batch
	}
	o.Metrics = metrics.NewRegistry()
	defer func() {
		var b strings.Builder
		o.Metrics.WriteTo(&b)
		for _, l := range strings.Split(b.String(), "\n") {
			if strings.Contains(l, "_sum") || strings.Contains(l, "_count") {
				t.Log(l)
			}
		}
	}()
	pub, err := stream.NewPublisher(ctx, nc, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		pub.Publish(ctx, d)
	}
	if err := pub.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	start, cpu0 := time.Now(), testingutil.CPUTime()
	for range workers {
		w, err := stream.NewWorker(nc, c, store, o)
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() { defer wg.Done(); w.Run(wctx) }()
	}
	acked := o.Metrics.Counter("dyad_worker_documents_total", "") // counted after each commit
	waitUntil(t, 5*time.Minute, "every document stored", func() bool { return acked.Value() >= uint64(len(docs)) })
	elapsed, cpu := time.Since(start), testingutil.CPUTime()-cpu0
	stop()
	wg.Wait()
	// CPU time does not depend on what else the machine runs: more CPU
	// per document with more workers is overhead of scaling, the same CPU
	// per document at a lower rate is cores taken by other jobs.
	t.Logf("%d worker(s): %.1f ms of this process's CPU per document, %.2f cores busy on average",
		workers, 1000*cpu.Seconds()/float64(len(docs)), cpu.Seconds()/elapsed.Seconds())
	return float64(len(docs)) / elapsed.Seconds()
}

func newTestLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
