package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/metrics"
	"github.com/dyad-events/dyad/internal/stream"
)

// embeddedFlags are dyad serve's --embedded-nats: one process that serves
// the store and codes into it what dyad ingest --to publishes, through
// the same JetStream queue and worker as a cluster, with the NATS server
// inside the process.
type embeddedFlags struct {
	dir, url, tokenFile, nkeys string
	tlsCert, tlsKey            string
	batch                      int
	clusterEvery               time.Duration
}

func (f *embeddedFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dir, "embedded-nats", "", "run a NATS server with JetStream in this process, storing in `DIR`, and a worker that codes what dyad ingest --to publishes into --db")
	fs.StringVar(&f.url, "nats", DefaultNATS, "with --embedded-nats: the `URL` its NATS server listens on (give it to dyad ingest --to)")
	fs.StringVar(&f.tokenFile, "nats-token-file", "", "with --embedded-nats: `FILE` holding the token its NATS server requires (dyad ingest --to takes the same)")
	fs.StringVar(&f.nkeys, "nats-nkeys", "", "with --embedded-nats: `FILE` of the public user nkeys (U…, one a line) its NATS server lets in; dyad nkey makes a pair. Beyond loopback, this or --nats-token-file is required")
	fs.StringVar(&f.tlsCert, "nats-tls-cert", "", "with --embedded-nats: the certificate `FILE` (PEM) its NATS server presents; clients must then use TLS and trust it (dyad ingest --nats-ca)")
	fs.StringVar(&f.tlsKey, "nats-tls-key", "", "with --embedded-nats: the private key `FILE` (PEM) of --nats-tls-cert")
	fs.IntVar(&f.batch, "nats-batch", stream.DefaultBatch, "with --embedded-nats: documents the worker fetches and commits at once")
	fs.DurationVar(&f.clusterEvery, "nats-cluster-every", DefaultServeClusterEvery, "with --embedded-nats: re-cluster the store every `DURATION` when the worker stored documents since (0: never)")
}

// DefaultServeClusterEvery is how often dyad serve --embedded-nats
// regroups what its worker stored into real-world events: one process
// owns the store, so it is the one clusterer.
const DefaultServeClusterEvery = time.Minute

// start starts the NATS server and the worker, when --embedded-nats is
// set, storing into st; stop stops the worker (finishing its batch), then
// the server. Without --embedded-nats it does nothing.
func (f *embeddedFlags) start(ctx context.Context, st any, pf *pipelineFlags, stderr io.Writer) (stop func(), err error) {
	if f.dir == "" {
		return func() {}, nil
	}
	store, ok := st.(stream.Store)
	if !ok {
		return nil, dyad.Errorf(dyad.EINVALID, "--embedded-nats: the store %T cannot store documents", st)
	}
	p, err := pf.pipeline()
	if err != nil {
		return nil, err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	auth, err := readEmbeddedAuth(f.tokenFile, f.nkeys)
	if err != nil {
		return nil, err
	}
	tlsConf, err := readServerTLS(f.tlsCert, f.tlsKey)
	if err != nil {
		return nil, err
	}
	srv, err := startEmbedded(f.dir, f.url, auth, tlsConf)
	if err != nil {
		return nil, err
	}
	nc, err := connectNATS(srv.ClientURL(), "dyad serve", log, append(auth.client(), nats.InProcessServer(srv))...)
	if err != nil {
		srv.Shutdown()
		return nil, err
	}
	o := stream.DefaultOptions()
	o.Batch, o.Logger, o.Metrics = f.batch, log, metrics.NewRegistry()
	o.Replicas, o.AckWait, o.MaxPending = 0, 0, 0 // what exists, or the defaults
	w, err := stream.NewWorker(nc, pipelineStreamCoder{p}, store, o)
	if err != nil {
		nc.Close()
		srv.Shutdown()
		return nil, err
	}
	wctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := w.Run(wctx); err != nil {
			log.Error("worker", "err", err)
		}
	}()
	if cs, ok := st.(clusterStore); ok && f.clusterEvery > 0 {
		wg.Add(1)
		go func() { defer wg.Done(); clusterEvery(wctx, cs, f.clusterEvery, log) }()
	}
	fmt.Fprintf(stderr, "dyad serve: NATS JetStream at %s (in %s); dyad ingest --to %s codes into this store\n", srv.ClientURL(), f.dir, f.url)
	return func() {
		cancel()
		wg.Wait()
		nc.Close()
		srv.Shutdown()
	}, nil
}
