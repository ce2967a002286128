package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/postgres"
	"github.com/dyad-events/dyad/internal/server"
	"github.com/dyad-events/dyad/internal/sqlite"
)

// DefaultAddr is where dyad serve listens: loopback only unless --addr
// says otherwise.
const DefaultAddr = "127.0.0.1:8080"

// ServeCommand serves the API and the dashboard over a store.
type ServeCommand struct {
	Env
	// Listening, when set, is called with the address once the server
	// accepts connections (tests listen on :0).
	Listening func(addr string)
}

// Run runs "dyad serve [flags]".
func (c *ServeCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad serve", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	store := fs.String("db", DefaultDB, "database `PATH` to serve (the one dyad ingest writes)")
	fs.StringVar(store, "store", DefaultDB, "the same as --db")
	addr := fs.String("addr", DefaultAddr, "listen on `HOST:PORT`")
	cors := fs.String("cors", "", "comma-separated `ORIGINS` allowed to call the API from a browser (* for any); none by default")
	timeout := fs.Duration("timeout", server.DefaultRequestTimeout, "per-request `timeout`")
	noCoder := fs.Bool("no-coder", false, "disable POST /api/code and the \"code a story\" page: the hardened mode, every endpoint read-only and cheap")
	var hosts stringList
	fs.Var(&hosts, "allow-host", "also answer requests for host `NAME` (repeatable; * for any): besides IP addresses, localhost and --addr's host, against DNS rebinding")
	maxCoding := fs.Int("max-coding", server.DefaultMaxCoding, "stories coded at once by POST /api/code; more get 503 with Retry-After")
	var pf pipelineFlags
	pf.register(fs)
	var ef embeddedFlags // --embedded-nats (embedded_nats.go)
	ef.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad serve [flags]\n\nServes the JSON API (/api, described at /api/openapi.json) and the web\ndashboard over a store, read-only.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return dyad.Errorf(dyad.EINVALID, "serve takes no arguments (got %q); use --db", fs.Arg(0))
	}
	opts := server.DefaultOptions()
	opts.RequestTimeout = *timeout
	opts.Logger = slog.New(slog.NewTextHandler(c.Stderr, nil))
	opts.CORSOrigins = splitOrigins(*cors)
	opts.AllowedHosts = allowedHosts(*addr, hosts)
	opts.MaxCoding = *maxCoding
	if !*noCoder {
		p, err := pf.pipeline()
		if err != nil {
			return err
		}
		opts.Coder = pipelineCoder{p}
	}
	// The embedded worker writes through a handle of its own (creating
	// the store if need be); the server still reads through a read-only one.
	var writer docStore
	if ef.dir != "" {
		w, err := openStore(ctx, *store)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "--db %s: %v", *store, err)
		}
		defer w.Close()
		writer = w
	}
	db, err := openServeStore(ctx, *store)
	if err != nil {
		return err
	}
	defer db.Close()
	stop, err := ef.start(ctx, writer, &pf, c.Stderr)
	if err != nil {
		return err
	}
	defer stop()
	return c.serve(ctx, db, *store, *addr, opts)
}

// serve listens on addr and serves db (the store at path) until ctx is
// done.
func (c *ServeCommand) serve(ctx context.Context, db dyad.EventStore, path, addr string, opts server.Options) error {
	srv, err := server.New(db, opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "--addr %s: %v", addr, err)
	}
	fmt.Fprintf(c.Stderr, "dyad serve: http://%s/ (store %s)\n", ln.Addr(), path)
	if c.Listening != nil {
		c.Listening(ln.Addr().String())
	}
	return srv.Serve(ctx, ln)
}

// servedStore is a store dyad serve can read and close.
type servedStore interface {
	dyad.EventStore
	Close() error
}

// openServeStore opens an existing store: a PostgreSQL address, or a
// SQLite file. Serving never creates a file, so a mistyped path is an error
// rather than an empty dashboard, and opens a SQLite file read-only: the
// server has no endpoint that writes, and cannot write through the handle
// it holds.
func openServeStore(ctx context.Context, path string) (servedStore, error) {
	if postgres.IsDSN(path) {
		db, err := postgres.Open(ctx, path)
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "--db: %v", err)
		}
		return db, nil
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, dyad.Errorf(dyad.EINVALID, "--db %s: no such file (dyad ingest writes one)", path)
	case err != nil:
		return nil, dyad.Errorf(dyad.EINVALID, "--db %s: %v", path, unwrapPath(err))
	case st.IsDir():
		return nil, dyad.Errorf(dyad.EINVALID, "--db %s: is a directory", path)
	}
	return sqlite.OpenReadOnly(ctx, path)
}

var _ servedStore = (*postgres.DB)(nil)

// splitOrigins splits a comma-separated flag value, dropping empty items.
func splitOrigins(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// allowedHosts returns the host names the server answers to: localhost,
// the host of addr when it is a name, and extra.
func allowedHosts(addr string, extra []string) []string {
	out := []string{"localhost"}
	if h, _, err := net.SplitHostPort(addr); err == nil && h != "" && net.ParseIP(h) == nil {
		out = append(out, h)
	}
	return append(out, extra...)
}

// pipelineCoder lets the server code pasted stories with the pipeline
// without importing it.
type pipelineCoder struct{ p *pipeline.Pipeline }

// Code codes doc and explains it; it stops between sentences once ctx is
// done.
func (pc pipelineCoder) Code(ctx context.Context, doc *dyad.Document) (*server.Coded, error) {
	r, err := pc.p.CodeContext(ctx, doc)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	if err := r.Explain(&b); err != nil {
		return nil, fmt.Errorf("explain: %w", err)
	}
	return &server.Coded{Events: r.Events, Explanation: b.String()}, nil
}
