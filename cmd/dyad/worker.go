package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/metrics"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/postgres"
	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/stream"
)

// Defaults of dyad worker.
const (
	DefaultNATS        = "nats://127.0.0.1:4222"
	DefaultMetricsAddr = "127.0.0.1:9464"
)

// WorkerCommand pulls documents from a NATS JetStream stream, codes them
// and stores them.
type WorkerCommand struct {
	Env
}

// workerFlags are the settings of one worker.
type workerFlags struct {
	from, db, embedded, metricsAddr, logFormat string
	nkeys, tlsCert, tlsKey                     string // the embedded server's users, certificate and key
	clusterEvery                               time.Duration
	opts                                       stream.Options
	pf                                         pipelineFlags
	mem                                        memoryFlag
	sec                                        natsSecurity
}

func (f *workerFlags) register(fs *flag.FlagSet) {
	f.opts = stream.DefaultOptions()
	// Zero: the existing consumer's and streams' settings, or the
	// defaults when this worker creates them. Given, they are checked.
	f.opts.Replicas, f.opts.AckWait, f.opts.MaxPending = 0, 0, 0
	fs.StringVar(&f.from, "from", DefaultNATS, "NATS server `URLS`, comma-separated")
	fs.StringVar(&f.db, "db", DefaultDB, "store: a SQLite `PATH` or a postgres:// URL")
	fs.StringVar(&f.embedded, "embedded-nats", "", "run a NATS server with JetStream in this process, storing in `DIR`, on --from's port")
	fs.StringVar(&f.tlsCert, "nats-tls-cert", "", "with --embedded-nats: the certificate `FILE` (PEM) its server presents; clients must then use TLS and trust it (--nats-ca)")
	fs.StringVar(&f.tlsKey, "nats-tls-key", "", "with --embedded-nats: the private key `FILE` (PEM) of --nats-tls-cert")
	fs.StringVar(&f.nkeys, "nats-nkeys", "", "with --embedded-nats: `FILE` of the public user nkeys (U…, one a line) its server lets in; dyad nkey makes a pair (required beyond loopback unless --nats-token-file)")
	fs.StringVar(&f.metricsAddr, "metrics", DefaultMetricsAddr, "serve /metrics on `HOST:PORT` (\"\" for none)")
	fs.StringVar(&f.logFormat, "log", "json", "log `format`: json or text")
	fs.DurationVar(&f.clusterEvery, "cluster-every", 0, "also re-cluster the store every `DURATION` when documents were stored since (0: never; give it to one worker, or run dyad cluster --every)")
	fs.IntVar(&f.opts.Concurrency, "concurrency", f.opts.Concurrency, "documents coded in parallel")
	fs.IntVar(&f.opts.Batch, "batch", f.opts.Batch, "documents fetched and committed at once")
	fs.IntVar(&f.opts.Replicas, "replicas", 0, "copies of the streams when this worker creates them (default 1; 3 in a 3-node cluster); when given, streams that exist must have as many")
	fs.IntVar(&f.opts.MaxDeliver, "max-deliver", f.opts.MaxDeliver, "deliveries before a document goes to the dead letters")
	fs.DurationVar(&f.opts.AckWait, "ack-wait", 0, "silence after which a document is given to another worker (default: the consumer's, or 1m0s when this worker creates it); when given, the consumer must have it")
	fs.StringVar(&f.opts.Stream, "stream", f.opts.Stream, "JetStream stream `NAME` of the documents")
	fs.StringVar(&f.opts.Subject, "subject", f.opts.Subject, "`SUBJECT` documents are published on")
	fs.StringVar(&f.opts.DeadSubject, "dead-subject", f.opts.DeadSubject, "`SUBJECT` for documents that fail repeatedly")
	f.pf.register(fs)
	f.mem.register(fs)
	f.sec.register(fs)
}

// Run runs "dyad worker [flags]".
func (c *WorkerCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad worker", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	var f workerFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad worker [flags]\n\nPulls documents that dyad ingest --to nats://… published, codes them and\nstores them in --db. Run as many as you like, on as many machines: they\nshare the work. A document is acknowledged only once its events are\ncommitted; SIGTERM finishes the batch in hand and stops.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return dyad.Errorf(dyad.EINVALID, "worker takes no arguments (got %q)", fs.Arg(0))
	}
	log, err := newLogger(c.Stderr, f.logFormat)
	if err != nil {
		return err
	}
	sec, err := f.sec.options() // checked before anything is started or created
	if err != nil {
		return err
	}
	f.opts.Logger = log
	f.opts.Metrics = metrics.NewRegistry()
	if (f.nkeys != "" || f.tlsCert != "" || f.tlsKey != "") && f.embedded == "" {
		return dyad.Errorf(dyad.EINVALID, "--nats-nkeys and --nats-tls-cert go with --embedded-nats: a worker signs in to a NATS server with --nats-nkey SEED and checks it with --nats-ca")
	}
	if f.embedded != "" {
		auth, err := readEmbeddedAuth(f.sec.tokenFile, f.nkeys)
		if err != nil {
			return err
		}
		tlsConf, err := readServerTLS(f.tlsCert, f.tlsKey)
		if err != nil {
			return err
		}
		srv, err := startEmbedded(f.embedded, f.from, auth, tlsConf)
		if err != nil {
			return err
		}
		defer srv.Shutdown()
		sec = append(sec, append(auth.client(), nats.InProcessServer(srv))...)
		log.Info("embedded nats started", "url", srv.ClientURL(), "dir", f.embedded)
	}
	p, err := f.pf.pipeline()
	if err != nil {
		return err
	}
	defer f.mem.apply(f.opts.Concurrency)()
	st, err := openStore(ctx, f.db)
	if err != nil {
		return err
	}
	defer st.Close()
	nc, err := connectNATS(f.from, "dyad worker", log, sec...)
	if err != nil {
		return err
	}
	defer nc.Close()
	if f.metricsAddr != "" {
		stop, err := serveMetrics(f.metricsAddr, f.opts.Metrics, log)
		if err != nil {
			return err
		}
		defer stop()
	}
	w, err := stream.NewWorker(nc, pipelineStreamCoder{p}, st, f.opts)
	if err != nil {
		return err
	}
	if f.clusterEvery > 0 {
		cs, ok := st.(clusterStore)
		if !ok {
			return dyad.Errorf(dyad.EINVALID, "--cluster-every: the store %T cannot cluster", st)
		}
		wctx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { clusterEvery(wctx, cs, f.clusterEvery, log); close(done) }()
		defer func() { cancel(); <-done }() // before the store closes
	}
	return w.Run(ctx)
}

// newLogger returns a structured logger writing to w.
func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	switch format {
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	}
	return nil, dyad.Errorf(dyad.EINVALID, "--log: unknown format %q (want json or text)", format)
}

// pipelineStreamCoder codes stream documents with the pipeline, as
// dyad ingest does.
type pipelineStreamCoder struct{ p *pipeline.Pipeline }

func (c pipelineStreamCoder) Code(ctx context.Context, doc *dyad.Document) (*dyad.CodedDocument, error) {
	r := c.p.Code(doc)
	return &dyad.CodedDocument{Doc: r.Doc, Sentences: r.Sentences, Events: r.Events}, nil
}

// docStore is a store a worker writes to.
type docStore interface {
	stream.Store
	Close() error
}

// openStore opens the SQLite file or PostgreSQL database that db names,
// a SQLite file as a writer (see openIngestStore).
func openStore(ctx context.Context, db string) (docStore, error) {
	if postgres.IsDSN(db) {
		return postgres.Open(ctx, db)
	}
	return sqlite.OpenWriter(ctx, db)
}

// natsSecurity are the flags that authenticate to a NATS server and
// check its certificate.
type natsSecurity struct {
	creds, nkey, tokenFile, ca, cert, key string
}

func (f *natsSecurity) register(fs *flag.FlagSet) {
	fs.StringVar(&f.creds, "nats-creds", "", "NATS credentials `FILE` (user JWT and nkey seed)")
	fs.StringVar(&f.nkey, "nats-nkey", "", "NATS nkey seed `FILE` to sign in with")
	fs.StringVar(&f.tokenFile, "nats-token-file", "", "`FILE` holding the NATS token to sign in with; with --embedded-nats, the token its server requires")
	fs.StringVar(&f.ca, "nats-ca", "", "CA certificate `FILE` (PEM) that the NATS servers' TLS certificates must chain to")
	fs.StringVar(&f.cert, "nats-cert", "", "client certificate `FILE` (PEM) for NATS servers that ask for one; with --nats-key")
	fs.StringVar(&f.key, "nats-key", "", "private key `FILE` (PEM) of --nats-cert")
}

// options turns the flags into connection options.
func (f *natsSecurity) options() ([]nats.Option, error) {
	var opts []nats.Option
	if f.creds != "" {
		opts = append(opts, nats.UserCredentials(f.creds))
	}
	if f.nkey != "" {
		o, err := nats.NkeyOptionFromSeed(f.nkey)
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "--nats-nkey: %v", err)
		}
		opts = append(opts, o)
	}
	tok, err := readToken(f.tokenFile)
	if err != nil {
		return nil, err
	}
	if tok != "" {
		opts = append(opts, nats.Token(tok))
	}
	if f.ca != "" {
		opts = append(opts, nats.RootCAs(f.ca))
	}
	if (f.cert == "") != (f.key == "") {
		return nil, dyad.Errorf(dyad.EINVALID, "--nats-cert and --nats-key go together")
	}
	if f.cert != "" {
		opts = append(opts, nats.ClientCert(f.cert, f.key))
	}
	return opts, nil
}

// connectNATS connects to the comma-separated URLs, reconnecting forever
// and logging each change of connection; extra adds credentials and TLS.
func connectNATS(urls, name string, log *slog.Logger, extra ...nats.Option) (*nats.Conn, error) {
	opts := append([]nats.Option{nats.Name(name), nats.MaxReconnects(-1), nats.ReconnectWait(500 * time.Millisecond),
		nats.RetryOnFailedConnect(true),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) { log.Warn("nats disconnected", "err", err) }),
		nats.ReconnectHandler(func(nc *nats.Conn) { log.Info("nats reconnected", "url", nc.ConnectedUrl()) })}, extra...)
	nc, err := nats.Connect(urls, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", urls, err)
	}
	return nc, nil
}

// serveMetrics serves reg at /metrics on addr until stop is called.
func serveMetrics(addr string, reg *metrics.Registry, log *slog.Logger) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--metrics: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", reg)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics server", "err", err)
		}
	}()
	log.Info("metrics", "url", "http://"+ln.Addr().String()+"/metrics")
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}
