package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// DefaultDB is the database every store command uses without --db.
const DefaultDB = "dyad.db"

// maxShownErrors is how many input errors ingest prints; all are stored.
const maxShownErrors = 10

// DefaultBatch is how many documents are committed in one transaction.
const DefaultBatch = 64

// IngestCommand reads documents into the store, coding them on the way.
type IngestCommand struct {
	Env
}

// ingestFlags are the settings of one ingest run.
type ingestFlags struct {
	db, format, date, source string
	workers, batch, maxBytes int
	fetch, noCluster, quiet  bool
	cols                     ingest.Columns
	pf                       pipelineFlags
	mem                      memoryFlag
	nats                     natsFlags // --to: publish to a queue (ingest_nats.go)
}

func (f *ingestFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.db, "db", DefaultDB, "database: a SQLite `PATH` or a postgres:// URL")
	fs.StringVar(&f.format, "format", "", "input `format`: text, jsonl, csv, html, feed or reuters (default: by file extension)")
	fs.StringVar(&f.date, "date", "", "publication date `YYYY-MM-DD` of stories that carry none")
	fs.StringVar(&f.source, "source", "", "outlet `NAME` of stories that name none")
	fs.IntVar(&f.workers, "workers", runtime.NumCPU(), "documents coded in parallel")
	fs.IntVar(&f.batch, "batch", DefaultBatch, "documents per transaction")
	fs.IntVar(&f.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "largest story, line or row, in `bytes`")
	fs.BoolVar(&f.fetch, "fetch", false, "fetch the articles that feed entries link to")
	fs.BoolVar(&f.noCluster, "no-cluster", false, "do not regroup mentions into real-world events at the end")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress lines")
	def := ingest.DefaultColumns()
	fs.StringVar(&f.cols.ID, "id-col", def.ID, "CSV column or JSON key of the story id")
	fs.StringVar(&f.cols.Text, "text-col", def.Text, "CSV column or JSON key of the text")
	fs.StringVar(&f.cols.Title, "title-col", def.Title, "CSV column or JSON key of the headline")
	fs.StringVar(&f.cols.Date, "date-col", def.Date, "CSV column or JSON key of the publication date")
	fs.StringVar(&f.cols.URL, "url-col", def.URL, "CSV column or JSON key of the URL")
	fs.StringVar(&f.cols.Source, "source-col", def.Source, "CSV column or JSON key of the outlet")
	f.pf.register(fs)
	f.mem.register(fs)
	f.nats.register(fs)
}

// Run runs "dyad ingest [flags] SOURCE...".
func (c *IngestCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad ingest", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	var f ingestFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad ingest [flags] SOURCE...\n\nCodes each SOURCE (a file, folder, glob, URL, or - for stdin) into the store.\nDocuments already stored (same content or URL) are skipped; run it again after a crash.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return flag.ErrHelp
	}
	opts, err := f.options(c.Stdin)
	if err != nil {
		return err
	}
	srcs, err := ingest.Expand(fs.Args())
	if err != nil {
		return err
	}
	if f.nats.to != "" {
		return c.publish(ctx, &f, opts, srcs)
	}
	p, err := f.pf.pipeline()
	if err != nil {
		return err
	}
	db, err := openIngestStore(ctx, f.db)
	if err != nil {
		return err
	}
	defer db.Close()
	run := &ingestRun{Env: c.Env, db: db, p: p, f: &f, opts: opts, srcs: srcs}
	return run.run(ctx)
}

// options turns the flags into reader options.
func (f *ingestFlags) options(stdin io.Reader) (ingest.Options, error) {
	opts := ingest.DefaultOptions()
	opts.Format, opts.Columns, opts.MaxBytes, opts.Fetch = ingest.Format(f.format), f.cols, f.maxBytes, f.fetch
	opts.Stdin = stdin
	switch opts.Format {
	case "", ingest.Text, ingest.JSONL, ingest.CSV, ingest.HTML, ingest.Feed, ingest.Reuters:
	default:
		return opts, dyad.Errorf(dyad.EINVALID, "--format: unknown format %q (want text, jsonl, csv, html, feed or reuters)", f.format)
	}
	if f.date != "" {
		d, err := ingest.ParseDate(f.date)
		if err != nil {
			return opts, dyad.Errorf(dyad.EINVALID, "--date: %v", err)
		}
		opts.Date = d
	}
	if f.batch <= 0 {
		f.batch = DefaultBatch
	}
	opts.Read = new(atomic.Int64)
	return opts, nil
}

// ingestRun is one ingest: read, skip what is stored, code, store in
// batches, then regroup clusters.
type ingestRun struct {
	Env
	db   ingestStore
	p    *pipeline.Pipeline
	f    *ingestFlags
	opts ingest.Options
	srcs []string

	keys    *dyad.DocumentKeys
	skipped atomic.Int64 // counted by the reader goroutine
	batch   []*dyad.CodedDocument
	bytes   int // text in batch: it is stored once it reaches InflightBytes
	prog    *pipeline.Progress
	flush   time.Time
}

func (r *ingestRun) run(ctx context.Context) error {
	var err error
	if r.keys, err = r.db.DocumentKeys(ctx); err != nil {
		return err
	}
	r.prog = &pipeline.Progress{Out: r.Stderr, TTY: isTerminal(r.Stderr), Total: ingest.Size(r.srcs), Read: r.opts.Read}
	if !r.prog.TTY {
		r.prog.Every = math.MaxInt64 // progress on a terminal only; a pipe gets the summary
	}
	if r.f.quiet {
		r.prog.Out = io.Discard
	}
	r.prog.Tick()
	restore := r.f.mem.apply(r.f.workers)
	defer restore()
	err = r.p.CodeAll(ctx, r.documents(ctx), r.f.workers, r.emit)
	if ferr := r.store(ctx); err == nil {
		err = ferr
	}
	// The limit bounds coding; clustering reads every mention of the
	// store, which it cannot foresee.
	restore()
	r.release()
	r.prog.Skipped = int(r.skipped.Load())
	r.prog.Done()
	if err != nil {
		return err
	}
	if !r.f.noCluster { // also when nothing was stored: a killed run may have left clustering undone
		if _, err := recluster(ctx, r.db, r.Stderr); err != nil {
			return err
		}
	}
	if r.prog.Docs > 0 {
		r.release()
		if err := r.db.Optimize(ctx); err != nil {
			return err
		}
	}
	if r.prog.Failed > 0 {
		fmt.Fprintf(r.Stderr, "dyad ingest: %d inputs failed; they are listed in the errors table of %s\n", r.prog.Failed, r.f.db)
		if r.prog.Docs == 0 && r.prog.Skipped == 0 {
			return errFailed // nothing stored or stored before: a script must not take this for success
		}
	}
	return nil
}

// release gives back to the system what coding, storing or clustering
// held, before a step that maps the store's pages into memory
// (clustering reads the events, Optimize their indexes).
func (r *ingestRun) release() {
	if rm, ok := r.db.(interface{ ReleaseMemory() }); ok {
		rm.ReleaseMemory()
	}
	debug.FreeOSMemory()
}

// documents yields the documents of every source not stored before.
func (r *ingestRun) documents(ctx context.Context) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		for _, src := range r.srcs {
			for doc, err := range ingest.Open(ctx, src, r.opts) {
				if err == nil && !r.fresh(doc) {
					continue
				}
				if !yield(doc, err) {
					return
				}
			}
		}
	}
}

// fresh reports whether doc is new, marks it seen, and renames it when
// another document holds its id. It runs on the reader goroutine only.
func (r *ingestRun) fresh(doc *dyad.Document) bool {
	h := dyad.ContentHash(doc)
	if r.keys.Hashes[h] || (doc.URL != "" && r.keys.URLs[doc.URL]) {
		r.skipped.Add(1)
		return false
	}
	if r.keys.IDs[doc.ID] {
		doc.ID += "~" + h[:8]
	}
	if doc.Source == "" {
		doc.Source = r.f.source
	}
	r.keys.Add(doc.ID, h, doc.URL)
	return true
}

// emit takes one coded document (or error) into the batch and commits the
// batch when it is full or a second old.
func (r *ingestRun) emit(res *pipeline.Result, err error) error {
	cd := &dyad.CodedDocument{Err: err}
	if err != nil && r.prog.Failed < maxShownErrors && !r.f.quiet {
		fmt.Fprintln(r.Stderr, "dyad ingest:", err)
	}
	switch {
	case err != nil && res != nil:
		cd.Doc = res.Doc
		r.prog.Failed++
	case err != nil:
		cd.Doc = &dyad.Document{ID: errInput(err)}
		r.prog.Failed++
	default:
		cd.Doc, cd.Sentences, cd.Events = res.Doc, res.Sentences, res.Events
		for i := range cd.Sentences {
			cd.Sentences[i].Tokens = nil // not stored, and most of a result's memory
		}
		r.bytes += len(res.Doc.Text)
		r.prog.Docs++
		r.prog.Sentences += len(res.Sentences)
		r.prog.Events += len(res.Events)
	}
	r.batch = append(r.batch, cd)
	if len(r.batch) >= r.f.batch || time.Since(r.flush) > time.Second || r.bytes >= pipeline.InflightBytes {
		if err := r.store(context.Background()); err != nil {
			return err
		}
	}
	r.prog.Skipped = int(r.skipped.Load())
	r.prog.Tick()
	return nil
}

// store commits the batch. It runs even when the run was interrupted, so
// that what was coded is kept.
func (r *ingestRun) store(ctx context.Context) error {
	r.flush = time.Now()
	if len(r.batch) == 0 {
		return nil
	}
	_, err := r.db.CreateDocuments(context.WithoutCancel(ctx), r.batch)
	clear(r.batch) // let the stored documents go
	r.batch, r.bytes = r.batch[:0], 0
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// errInput is the input an error is about: its message up to the first
// ": " (FILE:LINE, a URL or a document id).
func errInput(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, ": "); i > 0 {
		return msg[:i]
	}
	return msg
}

// isTerminal reports whether w is a character device.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
