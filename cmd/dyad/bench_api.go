package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"regexp"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/loadtest"
	"github.com/dyad-events/dyad/internal/server"
)

// BenchAPICommand load-tests the HTTP API over a store.
type BenchAPICommand struct {
	Env
}

// Run runs "dyad bench api --db FILE|URL [flags]".
func (c *BenchAPICommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad bench api", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	opts := loadtest.DefaultOptions()
	db := fs.String("db", "", "SQLite `FILE` (opened read-only) or postgres:// URL")
	fs.IntVar(&opts.Clients, "clients", opts.Clients, "concurrent clients")
	fs.IntVar(&opts.Requests, "requests", opts.Requests, "requests per case")
	fs.DurationVar(&opts.Duration, "duration", opts.Duration, "most time per case")
	only := fs.String("run", "", "run only the cases whose name matches this `regexp`")
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad bench api --db FILE|URL [flags]\n\n"+
			"Serves the store on 127.0.0.1 and requests each case (docs/API.md, \"Scale\") from\n"+
			"the clients, after one warm-up request; prints one line a case ending in p95=<ms>.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *db == "" || fs.NArg() > 0 || opts.Clients <= 0 || opts.Requests <= 0 || opts.Duration <= 0 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "bench api: want --db and positive bounds")
	}
	re, err := regexp.Compile(*only)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "--run: %v", err)
	}
	st, err := openServeStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	cases, err := loadtest.Cases(ctx, st)
	if err != nil {
		return err
	}
	var run []loadtest.Case
	for _, k := range cases {
		if re.MatchString(k.Name) {
			run = append(run, k)
		}
	}
	base, stop, err := serveLoopback(ctx, st)
	if err != nil {
		return err
	}
	defer stop()
	warm := opts
	warm.Clients, warm.Requests = 1, 1
	loadtest.Run(ctx, base, run, warm)
	fmt.Fprintf(c.Stdout, "# %d clients, %d requests a case (at most %s), load1=%s\n", opts.Clients, opts.Requests, opts.Duration, machineLoad())
	for _, r := range loadtest.Run(ctx, base, run, opts) {
		fmt.Fprintln(c.Stdout, r)
		if r.FirstError != "" {
			fmt.Fprintf(c.Stderr, "%s: %s\n", r.Name, r.FirstError)
		}
	}
	fmt.Fprintf(c.Stdout, "# load1=%s\n", machineLoad())
	return nil
}

// serveLoopback serves st's API on a free port of 127.0.0.1 and returns
// its base URL and the function that stops it.
func serveLoopback(ctx context.Context, st dyad.EventStore) (string, func(), error) {
	opts := server.DefaultOptions()
	opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := server.New(st, opts)
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); srv.Serve(ctx, ln) }()
	stop := func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
		}
	}
	return "http://" + ln.Addr().String(), stop, nil
}
