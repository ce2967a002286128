package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/sqlite"
)

// BenchPipelineCommand measures end-to-end throughput: read, code and store
// a corpus, on one worker and on all cores.
type BenchPipelineCommand struct {
	Env
}

// PipelineBench is the report of "dyad bench pipeline".
type PipelineBench struct {
	Documents   int           `json:"documents"`
	Sentences   int           `json:"sentences"`
	Events      int           `json:"events"`
	ReadSeconds float64       `json:"read_seconds"`
	LoadSeconds float64       `json:"load_seconds"` // dictionaries and models
	Runs        []PipelineRun `json:"runs"`
	PeakRSSMB   float64       `json:"peak_rss_mb"`
}

// PipelineRun is one pass over the corpus with a number of workers.
type PipelineRun struct {
	Workers      int     `json:"workers"`
	WallSeconds  float64 `json:"wall_seconds"`
	CPUSeconds   float64 `json:"cpu_seconds"`
	StoreSeconds float64 `json:"store_seconds"` // time in the writer's commits
	DocsPerSec   float64 `json:"docs_per_sec"`
	SentsPerSec  float64 `json:"sentences_per_sec"`
	EventsPerSec float64 `json:"events_per_sec"`
	SentsPerCore float64 `json:"sentences_per_sec_per_core"`
	// SentsPerCPU is sentences per CPU-second of the whole process: on a
	// shared machine, the figure that does not depend on the load.
	SentsPerCPU float64 `json:"sentences_per_cpu_second"`
}

// Run runs "dyad bench pipeline [flags] SOURCE...".
func (c *BenchPipelineCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad bench pipeline", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	store := fs.Bool("store", true, "store into a fresh database in a temporary directory, as ingest does")
	limit := fs.Int("limit", 0, "use only the first `N` documents")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the runs to `FILE` (go tool pprof)")
	ab := fs.Int("ab", 0, "instead, code the corpus this many `ROUNDS` with the learned extractor and with the dictionaries alone, alternating, on one worker, and compare their speed")
	var pf pipelineFlags
	pf.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad bench pipeline [flags] SOURCE...\n\nCodes (and stores) the corpus on one worker and on all cores; prints JSON.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return flag.ErrHelp
	}
	var r PipelineBench
	docs, err := readAll(ctx, fs.Args(), *limit, &r)
	if err != nil {
		return err
	}
	if *ab > 0 {
		return benchAB(ctx, c.Stdout, docs, pf, *ab)
	}
	t0 := time.Now()
	p, err := pf.pipeline()
	if err != nil {
		return err
	}
	r.LoadSeconds = time.Since(t0).Seconds()
	if *profile != "" {
		stop, err := startProfile(*profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	for _, w := range workerCounts() {
		run, err := benchRun(ctx, p, docs, w, *store, &r)
		if err != nil {
			return err
		}
		r.Runs = append(r.Runs, run)
	}
	r.PeakRSSMB = peakRSS()
	enc := json.NewEncoder(c.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// workerCounts is one worker, then all cores.
func workerCounts() []int {
	if n := runtime.NumCPU(); n > 1 {
		return []int{1, n}
	}
	return []int{1}
}

// readAll reads every document of the sources into memory.
func readAll(ctx context.Context, srcs []string, limit int, r *PipelineBench) ([]*dyad.Document, error) {
	t0 := time.Now()
	names, err := ingest.Expand(srcs)
	if err != nil {
		return nil, err
	}
	opts := ingest.DefaultOptions()
	var docs []*dyad.Document
	for _, name := range names {
		for doc, err := range ingest.Open(ctx, name, opts) {
			if err == nil && (limit <= 0 || len(docs) < limit) {
				docs = append(docs, doc)
			}
		}
	}
	r.Documents, r.ReadSeconds = len(docs), time.Since(t0).Seconds()
	return docs, nil
}

// benchRun codes (and stores) docs once with w workers.
func benchRun(ctx context.Context, p *pipeline.Pipeline, docs []*dyad.Document, w int, store bool, r *PipelineBench) (PipelineRun, error) {
	run := PipelineRun{Workers: w}
	var db *sqlite.DB
	if store {
		dir, err := os.MkdirTemp("", "dyad-bench-")
		if err != nil {
			return run, err
		}
		defer os.RemoveAll(dir)
		if db, err = sqlite.Open(ctx, filepath.Join(dir, "bench.db")); err != nil {
			return run, err
		}
		defer db.Close()
	}
	seq := func(yield func(*dyad.Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
	sents, events := 0, 0
	b := &benchBatch{db: db}
	w0, c0 := time.Now(), cpuSeconds()
	err := p.CodeAll(ctx, seq, w, func(res *pipeline.Result, err error) error {
		if err != nil {
			return nil
		}
		sents, events = sents+len(res.Sentences), events+len(res.Events)
		return b.add(ctx, &dyad.CodedDocument{Doc: res.Doc, Sentences: res.Sentences, Events: res.Events})
	})
	if err == nil {
		err = b.flush(ctx)
	}
	wall := time.Since(w0).Seconds()
	r.Sentences, r.Events = sents, events
	run.WallSeconds, run.CPUSeconds, run.StoreSeconds = wall, cpuSeconds()-c0, b.storeTime.Seconds()
	run.DocsPerSec, run.SentsPerSec, run.EventsPerSec = float64(len(docs))/wall, float64(sents)/wall, float64(events)/wall
	run.SentsPerCore = run.SentsPerSec / float64(w)
	run.SentsPerCPU = float64(sents) / max(run.CPUSeconds, 1e-9)
	return run, err
}

// benchBatch gathers coded documents and stores them DefaultBatch at a
// time; with no database it only drops them.
type benchBatch struct {
	db        *sqlite.DB // nil: do not store
	docs      []*dyad.CodedDocument
	storeTime time.Duration
}

// add appends cd and flushes a full batch.
func (b *benchBatch) add(ctx context.Context, cd *dyad.CodedDocument) error {
	b.docs = append(b.docs, cd)
	if len(b.docs) >= DefaultBatch {
		return b.flush(ctx)
	}
	return nil
}

// flush stores the batch, if there is a database, and empties it either
// way: with -store=false it used to return first and keep every coded
// document of the run in memory.
func (b *benchBatch) flush(ctx context.Context) error {
	defer func() { clear(b.docs); b.docs = b.docs[:0] }()
	if b.db == nil || len(b.docs) == 0 {
		return nil
	}
	t := time.Now()
	_, err := b.db.CreateDocuments(ctx, b.docs)
	b.storeTime += time.Since(t)
	return err
}

// startProfile starts a CPU profile into path and returns its stop.
func startProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "--cpuprofile %s: %v", path, unwrapPath(err))
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
