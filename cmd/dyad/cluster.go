package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"runtime/debug"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/cluster"
)

// ClusterCommand regroups stored event mentions into real-world events,
// once or every so often: the step that dyad worker, which only stores,
// leaves to it.
type ClusterCommand struct {
	Env
}

// Run runs "dyad cluster [flags]".
func (c *ClusterCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad cluster", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	db := fs.String("db", DefaultDB, "database: a SQLite `PATH` or a postgres:// URL")
	every := fs.Duration("every", 0, "keep running, re-clustering every `DURATION` when documents were stored or recoded since (0: once)")
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad cluster [flags]\n\nRegroups the stored event mentions into real-world events when documents\nwere stored or recoded since the last clustering: dyad worker stores\nwithout clustering. dyad ingest and dyad recode do this at the end of a run.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return dyad.Errorf(dyad.EINVALID, "cluster takes no arguments (got %q)", fs.Arg(0))
	}
	if *every < 0 {
		return dyad.Errorf(dyad.EINVALID, "--every %s: want a positive duration, or 0 for once", *every)
	}
	st, err := openIngestStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *every == 0 {
		_, err := recluster(ctx, st, c.Stderr)
		return err
	}
	clusterEvery(ctx, st, *every, slog.New(slog.NewTextHandler(c.Stderr, nil)))
	return nil
}

// recluster regroups every stored mention into real-world events when the
// store marks that pending: documents were stored or recoded since the
// last complete clustering, which a crash may have cut short. It reports
// whether it stored clusters: not when nothing was pending, nor when a
// clustering that read the store later was stored meanwhile.
func recluster(ctx context.Context, db clusterStore, w io.Writer) (bool, error) {
	start := time.Now()
	changes, pending, err := db.ClusterState(ctx)
	if err != nil || !pending {
		return false, err
	}
	ms, err := db.Mentions(ctx)
	if err != nil {
		return false, err
	}
	cs := cluster.Group(ms, cluster.DefaultOptions())
	stored, err := db.ReplaceClustersAt(ctx, cs, changes)
	if err != nil {
		return false, fmt.Errorf("clusters: %w", err)
	}
	if !stored {
		fmt.Fprintf(w, "%d dated mentions grouped, not stored: a clustering that read the store later was stored meanwhile\n", len(ms))
		return false, nil
	}
	fmt.Fprintf(w, "%d dated mentions grouped into %d real-world events in %s\n", len(ms), len(cs), time.Since(start).Round(time.Millisecond))
	return true, nil
}

// clusterEvery re-clusters db every d while it is pending, until ctx ends.
// A failure is logged and tried again at the next turn. Clustering reads
// every mention of the store, which a memory limit sized for coding
// cannot foresee, so the limit is lifted while it runs.
func clusterEvery(ctx context.Context, db clusterStore, d time.Duration, log *slog.Logger) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		old := debug.SetMemoryLimit(math.MaxInt64)
		_, err := recluster(ctx, db, slogWriter{log})
		debug.SetMemoryLimit(old)
		if err != nil && ctx.Err() == nil {
			log.Error("cluster", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// slogWriter logs each write as one message at level info.
type slogWriter struct{ log *slog.Logger }

func (w slogWriter) Write(p []byte) (int, error) {
	w.log.Info(string(bytes.TrimSuffix(p, []byte("\n"))))
	return len(p), nil
}
