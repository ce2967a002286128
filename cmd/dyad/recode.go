package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"iter"
	"runtime"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// RecodeCommand runs stored documents through the current dictionaries and
// models and reports what changed.
type RecodeCommand struct {
	Env
}

// recodeTally counts the changes of a re-coding.
type recodeTally struct {
	Documents int `json:"documents"`
	Changed   int `json:"changed_documents"`
	Added     int `json:"added"`
	Removed   int `json:"removed"`
	Recoded   int `json:"recoded"`
	Failed    int `json:"failed"`
}

// Run runs "dyad recode [flags]".
func (c *RecodeCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad recode", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	db := fs.String("db", DefaultDB, "database: a SQLite `PATH` or a postgres:// URL")
	dry := fs.Bool("dry-run", false, "report the changes without storing them")
	showDiff := fs.Bool("diff", false, "print each changed document's diff as a JSON line")
	outlet := fs.String("outlet", "", "only documents from this `outlet`")
	workers := fs.Int("workers", runtime.NumCPU(), "documents coded in parallel")
	var pf pipelineFlags
	pf.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad recode [flags]\n\nRe-codes stored documents with the current dictionaries and models, in place,\nand reports events added, removed and recoded.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	p, err := pf.pipeline()
	if err != nil {
		return err
	}
	store, err := openRecodeStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	var df dyad.DocumentFilter
	if *outlet != "" {
		df.Source = outlet
	}
	var t recodeTally
	prog := newProgress(c.Stderr, "documents re-coded")
	emit := func(r *pipeline.Result, err error) error {
		prog.Add(1)
		return c.apply(ctx, store, r, err, *dry, *showDiff, &t)
	}
	if err := p.CodeAll(ctx, storedDocuments(ctx, store, df), *workers, emit); err != nil {
		return err
	}
	prog.Done()
	fmt.Fprintf(c.Stderr, "%d documents re-coded, %d changed: %d events added, %d removed, %d recoded; %d failed\n",
		t.Documents, t.Changed, t.Added, t.Removed, t.Recoded, t.Failed)
	if *dry {
		return nil
	}
	_, err = recluster(ctx, store, c.Stderr)
	return err
}

// apply stores one re-coded document (unless dry) and tallies its diff.
func (c *RecodeCommand) apply(ctx context.Context, store recodeStore, r *pipeline.Result, err error, dry, show bool, t *recodeTally) error {
	if err != nil {
		t.Failed++
		fmt.Fprintln(c.Stderr, "dyad recode:", err)
		return nil
	}
	t.Documents++
	var diff *dyad.EventDiff
	if dry {
		old, _, ferr := store.FindEvents(ctx, dyad.EventFilter{DocID: &r.Doc.ID, Limit: dyad.MaxPageSize})
		if ferr != nil {
			return ferr
		}
		diff = dyad.DiffEvents(old, r.Events)
	} else if diff, err = store.ReplaceCoding(ctx, r.Doc.ID, r.Sentences, r.Events); err != nil {
		return err
	}
	if len(diff.Added)+len(diff.Removed)+len(diff.Recoded) == 0 {
		return nil
	}
	t.Changed++
	t.Added, t.Removed, t.Recoded = t.Added+len(diff.Added), t.Removed+len(diff.Removed), t.Recoded+len(diff.Recoded)
	if !show {
		return nil
	}
	return json.NewEncoder(c.Stdout).Encode(struct {
		DocID string `json:"doc_id"`
		*dyad.EventDiff
	}{r.Doc.ID, diff})
}

// storedDocuments yields the stored documents matching f, page by page.
func storedDocuments(ctx context.Context, store recodeStore, f dyad.DocumentFilter) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		f.Limit = 500
		for {
			docs, next, err := store.FindDocuments(ctx, f)
			if err != nil {
				yield(nil, err)
				return
			}
			for _, d := range docs {
				if d.Error == "" && !yield(&d.Document, nil) {
					return
				}
			}
			if next == "" {
				return
			}
			f.After = next
		}
	}
}
