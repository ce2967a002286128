package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/postgres"
	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/synth"
)

// BenchStoreCommand builds a synthetic benchmark store.
type BenchStoreCommand struct {
	Env
}

// Run runs "dyad bench store --events N --db FILE|URL".
func (c *BenchStoreCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad bench store", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	opts := synth.DefaultOptions()
	db := fs.String("db", "", "SQLite `FILE` to create (it must not hold documents), or a postgres:// URL (an empty store)")
	fs.IntVar(&opts.Events, "events", synth.DefaultEvents, "events to generate")
	fs.Uint64Var(&opts.Seed, "seed", opts.Seed, "random seed: the same seed makes the same store")
	batch := fs.Int("batch", 50_000, "events per transaction")
	profile := fs.String("cpuprofile", "", "write a CPU profile to `FILE` (go tool pprof)")
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad bench store --events N --db FILE|URL\n\n"+
			"Generates N events with the distributions of coded news (internal/synth) and bulk-loads\n"+
			"them into a new SQLite file or an empty PostgreSQL database, the indexes built after the rows.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *db == "" || fs.NArg() > 0 || opts.Events <= 0 || *batch <= 0 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "bench store: want --db and a positive --events")
	}
	if *profile != "" {
		stop, err := startProfile(*profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	g := synth.New(opts)
	next := func() []*dyad.CodedDocument { return g.Next(*batch) }
	start, cpu0 := time.Now(), cpuSeconds()
	last := time.Now()
	progress := func(p sqlite.LoadProgress) {
		if p.Stage != "insert" || time.Since(last) > 30*time.Second || p.Events == opts.Events {
			fmt.Fprintf(c.Stderr, "%-9s %10d events %8.1fs\n", p.Stage, p.Events, p.Elapsed.Seconds())
			last = time.Now()
		}
	}
	var err error
	if postgres.IsDSN(*db) {
		err = loadPostgres(ctx, *db, next, progress)
	} else {
		err = loadSQLite(ctx, *db, next, progress)
	}
	if err != nil {
		return err
	}
	wall := time.Since(start).Seconds()
	fmt.Fprintf(c.Stdout, "events=%d seconds=%.1f cpu_seconds=%.1f events_per_sec=%.0f load1=%s\n",
		g.Made(), wall, cpuSeconds()-cpu0, float64(g.Made())/wall, machineLoad())
	return nil
}

// loadSQLite bulk-loads a new SQLite store.
func loadSQLite(ctx context.Context, path string, next func() []*dyad.CodedDocument, progress func(sqlite.LoadProgress)) error {
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	return st.Load(ctx, next, progress)
}

// loadPostgres bulk-loads an empty PostgreSQL store: COPY without the
// summaries' triggers, the summaries and the words computed once, the
// indexes built after the rows (postgres.DB.Load).
func loadPostgres(ctx context.Context, url string, next func() []*dyad.CodedDocument, progress func(sqlite.LoadProgress)) error {
	st, err := postgres.Open(ctx, url)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "--db: %v", err)
	}
	defer st.Close()
	return st.Load(ctx, next, func(p postgres.LoadProgress) {
		progress(sqlite.LoadProgress{Stage: p.Stage, Documents: p.Documents, Events: p.Events, Elapsed: p.Elapsed})
	})
}

// machineLoad returns the one-minute load average, "?" where unknown: the
// machine's load belongs beside every figure measured on a shared machine.
func machineLoad() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil || len(b) == 0 {
		return "?"
	}
	var l1 string
	fmt.Sscan(string(b), &l1)
	return l1
}
