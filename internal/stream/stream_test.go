package stream_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/stream"
)

// freePort returns a TCP port on 127.0.0.1 that nothing listens on.
func freePort(tb testing.TB) int {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startServer starts one embedded server with JetStream in a temp dir.
func startServer(tb testing.TB) *server.Server {
	tb.Helper()
	s, err := stream.StartServer(stream.ServerOptions{Dir: tb.TempDir(), Port: -1})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Shutdown)
	return s
}

// startCluster starts n servers routed to each other in one cluster.
func startCluster(tb testing.TB, n int) []*server.Server {
	tb.Helper()
	cports := make([]int, n)
	var routes []string
	for i := range cports {
		cports[i] = freePort(tb)
		routes = append(routes, fmt.Sprintf("nats-route://127.0.0.1:%d", cports[i]))
	}
	srvs := make([]*server.Server, n)
	for i := range srvs {
		s, err := stream.StartServer(stream.ServerOptions{
			Name: fmt.Sprintf("n%d", i), Dir: tb.TempDir(), Port: freePort(tb),
			Cluster: "dyad-test", ClusterPort: cports[i], Routes: routes,
		})
		if err != nil {
			tb.Fatalf("node %d: %v", i, err)
		}
		tb.Cleanup(s.Shutdown)
		srvs[i] = s
	}
	return srvs
}

// connect opens a client connection to urls that reconnects forever.
func connect(tb testing.TB, urls ...string) *nats.Conn {
	tb.Helper()
	nc, err := nats.Connect(strings.Join(urls, ","), nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(nc.Close)
	return nc
}

// docs returns n distinct documents.
func docs(n int) []*dyad.Document {
	out := make([]*dyad.Document, n)
	for i := range out {
		out[i] = &dyad.Document{ID: fmt.Sprintf("d%04d", i), Text: fmt.Sprintf("Story number %d.", i),
			Source: "Wire", Date: time.Date(2024, 3, 1+i%28, 0, 0, 0, 0, time.UTC)}
	}
	return out
}

// fakeCoder codes a document into one sentence and two events, taking
// delay, and counts how often each document was coded. Documents whose
// id is in fail always fail.
type fakeCoder struct {
	delay time.Duration
	fail  map[string]bool
	mu    sync.Mutex
	coded map[string]int
}

func (c *fakeCoder) Code(ctx context.Context, doc *dyad.Document) (*dyad.CodedDocument, error) {
	time.Sleep(c.delay)
	c.mu.Lock()
	if c.coded == nil {
		c.coded = map[string]int{}
	}
	c.coded[doc.ID]++
	c.mu.Unlock()
	if c.fail[doc.ID] {
		return nil, errors.New(doc.ID + ": cannot code")
	}
	cd := &dyad.CodedDocument{Doc: doc, Sentences: []dyad.Sentence{{Text: doc.Text, Span: dyad.Span{End: len(doc.Text)}}}}
	for k := range 2 {
		cd.Events = append(cd.Events, dyad.Event{ID: fmt.Sprintf("%s:0:%d", doc.ID, k), DocID: doc.ID,
			Date: doc.Date.Format("2006-01-02"), Source: dyad.Actor{Code: "USAGOV"}, Target: dyad.Actor{Code: "CHNGOV"},
			CAMEO: dyad.CAMEO{Code: "036", Root: "03", QuadClass: 1, Goldstein: 4}})
	}
	return cd, nil
}

func (c *fakeCoder) codings() (total int, docs int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range c.coded {
		total += n
	}
	return total, len(c.coded)
}

// memStore is a store that keeps documents by content hash, as the real
// stores do, and counts every attempt to store one.
type memStore struct {
	mu       sync.Mutex
	docs     map[string]*dyad.CodedDocument
	errs     map[string]string
	attempts int
	failNext atomic.Int32 // fail this many calls (a database outage)
}

func newMemStore() *memStore {
	return &memStore{docs: map[string]*dyad.CodedDocument{}, errs: map[string]string{}}
}

func (s *memStore) CreateDocuments(ctx context.Context, cds []*dyad.CodedDocument) (int, error) {
	if s.failNext.Add(-1) >= 0 {
		return 0, errors.New("database is down")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, cd := range cds {
		s.attempts++
		if cd.Err != nil {
			s.errs[cd.Doc.ID] = cd.Err.Error()
			continue
		}
		h := dyad.ContentHash(cd.Doc)
		if _, ok := s.docs[h]; !ok {
			s.docs[h] = cd
			n++
		}
	}
	return n, nil
}

func (s *memStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.docs)
}

// publish puts docs on the stream through nc.
func publish(tb testing.TB, nc *nats.Conn, o stream.Options, ds []*dyad.Document) {
	tb.Helper()
	ctx := context.Background()
	p, err := stream.NewPublisher(ctx, nc, o)
	if err != nil {
		tb.Fatal(err)
	}
	for _, d := range ds {
		if err := p.Publish(ctx, d); err != nil {
			tb.Fatal(err)
		}
	}
	if err := p.Flush(ctx); err != nil {
		tb.Fatal(err)
	}
}

// waitFor polls cond until it holds or d passes.
func waitFor(tb testing.TB, d time.Duration, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out after %s waiting for %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// runWorker starts a worker on nc and returns a function that stops it
// gracefully and returns Run's error.
func runWorker(tb testing.TB, nc *nats.Conn, c stream.Coder, s stream.Store, o stream.Options) func() error {
	tb.Helper()
	w, err := stream.NewWorker(nc, c, s, o)
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	var rerr error
	stop := func() error {
		once.Do(func() { cancel(); rerr = <-done })
		return rerr
	}
	tb.Cleanup(func() { stop() })
	return stop
}
