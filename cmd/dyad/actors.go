package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
)

// ActorsCommand reports on the actors of a corpus.
type ActorsCommand struct {
	Env
}

// Run runs "dyad actors --unknown [flags] [FILE...]".
func (c *ActorsCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad actors", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	unknown := fs.Bool("unknown", false, "list the most frequent names that no dictionary entry codes")
	top := fs.Int("top", 50, "how many `names` to list (0: all)")
	in := fs.String("in", "text", "input `format`: text or jsonl")
	date := fs.String("date", "", "publication date `YYYY-MM-DD` of plain-text stories")
	var pf pipelineFlags
	pf.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad actors --unknown [flags] [FILE...]\n\nLists the proper names of a corpus that no dictionary entry codes,\nmost frequent first, with the count of sentences that also yielded an\nevent and an example.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if !*unknown {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "dyad actors: say what to list (--unknown)")
	}
	var pub time.Time
	if *date != "" {
		var err error
		if pub, err = ingest.ParseDate(*date); err != nil {
			return dyad.Errorf(dyad.EINVALID, "--date: %v", err)
		}
	}
	p, err := pf.pipeline()
	if err != nil {
		return err
	}
	u := p.Unknowns()
	failed := 0
	read := &CodeCommand{Env: c.Env}
	for doc, err := range read.documents(fs.Args(), *in, pub, ingest.DefaultMaxBytes) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			failed++
			fmt.Fprintln(c.Stderr, "dyad actors:", err)
			continue
		}
		u.Add(p.Code(doc))
	}
	fmt.Fprintln(c.Stdout, "count\tin_events\tname\texample")
	for _, n := range u.Top(*top) {
		fmt.Fprintf(c.Stdout, "%d\t%d\t%s\t%s: %s\n", n.Count, n.InEvents, n.Name, n.DocID, n.Example)
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}
