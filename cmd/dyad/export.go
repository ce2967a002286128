package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/export"
	"github.com/dyad-events/dyad/internal/postgres"
	"github.com/dyad-events/dyad/internal/sqlite"
)

// ExportCommand writes stored events in one of the export formats.
type ExportCommand struct {
	Env
}

// filterFlags are the event filters every store query takes.
type filterFlags struct {
	from, to, actor, source, target, country, cameo, plover, modality, text, docSource string
	dyadPair                                                                           string
	quad                                                                               int
	minConf                                                                            float64
	undirected                                                                         bool
}

func (f *filterFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.from, "from", "", "first event date `YYYY-MM-DD`")
	fs.StringVar(&f.to, "to", "", "last event date `YYYY-MM-DD`")
	fs.StringVar(&f.actor, "actor", "", "actor `CODE` (prefix) on either side")
	fs.StringVar(&f.source, "source", "", "source actor `CODE` (prefix)")
	fs.StringVar(&f.target, "target", "", "target actor `CODE` (prefix)")
	fs.StringVar(&f.dyadPair, "dyad", "", "source and target as `SRC-TGT`, e.g. USA-CHN")
	fs.BoolVar(&f.undirected, "undirected", false, "match --dyad or --source/--target in both directions")
	fs.StringVar(&f.country, "country", "", "ISO alpha-3 `country` of either actor")
	fs.StringVar(&f.cameo, "cameo", "", "CAMEO `code` or root, as a prefix (19, 036)")
	fs.StringVar(&f.plover, "plover", "", "PLOVER `category`, e.g. CONSULT")
	fs.IntVar(&f.quad, "quad", 0, "quad `class` 1–4")
	fs.StringVar(&f.modality, "modality", "", "`modality`: asserted, negated, future, hypothetical or historical")
	fs.Float64Var(&f.minConf, "min-confidence", 0, "lowest confidence kept, 0–1")
	fs.StringVar(&f.text, "text", "", "`words` in the sentence (full-text search)")
	fs.StringVar(&f.docSource, "outlet", "", "`outlet` of the document, e.g. VOA")
}

// filter turns the flags into an EventFilter.
func (f *filterFlags) filter() (dyad.EventFilter, error) {
	var ef dyad.EventFilter
	set := func(p **string, v string) {
		if v != "" {
			*p = &v
		}
	}
	set(&ef.From, f.from)
	set(&ef.To, f.to)
	set(&ef.Actor, strings.ToUpper(f.actor)) // codes as the API takes them
	set(&ef.Source, strings.ToUpper(f.source))
	set(&ef.Target, strings.ToUpper(f.target))
	set(&ef.Country, strings.ToUpper(f.country))
	set(&ef.CAMEO, f.cameo)
	set(&ef.PLOVER, strings.ToUpper(f.plover))
	set(&ef.Text, f.text)
	set(&ef.DocSource, f.docSource)
	if f.dyadPair != "" {
		src, tgt, ok := strings.Cut(f.dyadPair, "-")
		if !ok || src == "" || tgt == "" {
			return ef, dyad.Errorf(dyad.EINVALID, "--dyad %q: want SRC-TGT", f.dyadPair)
		}
		src, tgt = strings.ToUpper(src), strings.ToUpper(tgt)
		ef.Source, ef.Target = &src, &tgt
	}
	ef.Undirected = f.undirected
	if f.quad != 0 {
		ef.QuadClass = &f.quad
	}
	if f.modality != "" {
		m := dyad.Modality(strings.ToLower(f.modality))
		ef.Modality = &m
	}
	if f.minConf > 0 {
		ef.MinConfidence = &f.minConf
	}
	return ef, checkFilter(&ef, f.quad, f.minConf)
}

// Run runs "dyad export [flags]".
func (c *ExportCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad export", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	db := fs.String("db", DefaultDB, "database: a SQLite `PATH` or a postgres:// URL")
	format := fs.String("format", "jsonl", "output `format`: "+strings.Join(export.Formats, ", "))
	var o string
	out := &o
	outputFlag(fs, out, "output `FILE` (default stdout)")
	oneADay := fs.Bool("one-a-day", false, "keep one event per day, dyad and CAMEO code (Phoenix's filter)")
	var ff filterFlags
	ff.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad export [flags]\n\nWrites the stored events that match the filters.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	f, err := ff.filter()
	if err != nil {
		return err
	}
	store, err := openExport(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	return c.export(ctx, store, f, *format, *out, *oneADay)
}

// exportStore is what export reads: events page by page, and the
// metadata some formats add. SQLite and PostgreSQL both provide it.
type exportStore interface {
	FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, string, error)
	EventMetas(ctx context.Context, ids []string) (map[string]dyad.EventMeta, error)
	Close() error
}

// openExport opens a PostgreSQL address, or a SQLite file that must exist.
func openExport(ctx context.Context, db string) (exportStore, error) {
	if postgres.IsDSN(db) {
		st, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "--db: %v", err)
		}
		return st, nil
	}
	st, err := openExisting(ctx, db)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// export opens the output and streams the events into it, page by page.
func (c *ExportCommand) export(ctx context.Context, store exportStore, f dyad.EventFilter, format, out string, oneADay bool) error {
	if _, err := export.NewWriter(format, io.Discard); err != nil {
		return err // before creating the file
	}
	dst, closeOut, err := createOutput(out, c.Stdout)
	if err != nil {
		return err
	}
	defer closeOut()
	w, _ := export.NewWriter(format, dst)
	prog := newProgress(c.Stderr, "events exported")
	n, err := writeEvents(ctx, store, f, w, oneADay, prog)
	if err != nil {
		return err
	}
	prog.Done()
	if err := w.Flush(); err != nil {
		return err
	}
	if err := closeOut(); err != nil {
		return err
	}
	fmt.Fprintln(c.Stderr, export.Summary(w, n))
	return nil
}

// writeEvents pages through the events matching f and writes them with
// their metadata. The one-a-day filter holds one key per kept event.
func writeEvents(ctx context.Context, store exportStore, f dyad.EventFilter, w export.Writer, oneADay bool, prog *progress) (int, error) {
	f.Limit = dyad.MaxPageSize
	seen := map[string]bool{}
	n := 0
	for {
		evs, next, err := store.FindEvents(ctx, f)
		if err != nil {
			return n, err
		}
		if oneADay {
			evs = cluster.OneADayFrom(evs, seen)
		}
		if err := writePage(ctx, store, evs, w); err != nil {
			return n, err
		}
		n += len(evs)
		prog.Add(len(evs))
		if next == "" {
			return n, nil
		}
		f.After = next
	}
}

// writePage writes one page of events, with metadata when the writer uses
// it.
func writePage(ctx context.Context, store exportStore, evs []*dyad.Event, w export.Writer) error {
	mw, ok := w.(export.MetaWriter)
	if !ok {
		for _, ev := range evs {
			if err := w.Write(ev); err != nil {
				return err
			}
		}
		return nil
	}
	ids := make([]string, len(evs))
	for i, ev := range evs {
		ids[i] = ev.ID
	}
	metas, err := store.EventMetas(ctx, ids)
	if err != nil {
		return err
	}
	for _, ev := range evs {
		m := metas[ev.ID]
		if err := mw.WriteMeta(ev, &m); err != nil {
			return err
		}
	}
	return nil
}

// openExisting opens a store that must exist already.
func openExisting(ctx context.Context, path string) (*sqlite.DB, error) {
	if err := mustExist(path); err != nil {
		return nil, err
	}
	return sqlite.Open(ctx, path)
}

// mustExist returns ENOTFOUND when there is no database file at path.
func mustExist(path string) error {
	if _, err := os.Stat(path); err != nil {
		return dyad.Errorf(dyad.ENOTFOUND, "%s: no database (run dyad ingest first, or name one with --db)", path)
	}
	return nil
}
