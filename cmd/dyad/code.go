package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/export"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// CodeCommand codes stories into events.
type CodeCommand struct {
	Env
}

// Run runs "dyad code [flags] [FILE...]".
func (c *CodeCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad code", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	date := fs.String("date", "", "publication date `YYYY-MM-DD` of plain-text stories (JSONL records carry their own)")
	in := fs.String("in", "text", "input `format`: text (one story per file) or jsonl (one story per line)")
	format := fs.String("format", "jsonl", "output `format`: "+strings.Join(export.Formats, ", "))
	alias(fs, "out", "format")
	var outFile string
	outputFlag(fs, &outFile, "write the output to `FILE` (default stdout)")
	explain := fs.Bool("explain", false, "print, per sentence, the actors and events found and why")
	maxBytes := fs.Int("max-bytes", ingest.DefaultMaxBytes, "largest story or JSONL line read, in `bytes`")
	quotes := fs.Bool("quotes", false, "print each story's quotations with their speakers (JSONL) instead of events")
	modality := fs.String("modality", "", "keep only events of these `modalities` (comma-separated: asserted,negated,future,hypothetical,historical)")
	var pf pipelineFlags
	pf.register(fs)
	var mem memoryFlag
	mem.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad code [flags] [FILE...]\n\nCodes each FILE (stdin when none) into events.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	var pub time.Time
	if *date != "" {
		var err error
		if pub, err = ingest.ParseDate(*date); err != nil {
			return dyad.Errorf(dyad.EINVALID, "--date: %v", err)
		}
	}
	if *in != "text" && *in != "jsonl" {
		return dyad.Errorf(dyad.EINVALID, "--in: unknown format %q (want text or jsonl)", *in)
	}
	if *date == "" && *in == "text" && !*quotes {
		fmt.Fprintln(c.Stderr, "dyad code: no --date: events are dated only where the text gives a full date; name the stories' publication date with --date YYYY-MM-DD")
	}
	dst, closeOut, err := createOutput(outFile, c.Stdout)
	if err != nil {
		return err
	}
	defer closeOut()
	w, err := export.NewWriter(*format, dst)
	if err != nil {
		return err
	}
	keep, err := parseModalities(*modality)
	if err != nil {
		return err
	}
	opts, err := pf.options()
	if err != nil {
		return err
	}
	var p *pipeline.Pipeline // built at the first document: empty input does not decode the models
	restore := func() {}
	defer func() { restore() }()
	out := output{w: w, out: dst, explain: *explain, quotes: *quotes, keep: keep}
	prog := newProgress(c.Stderr, "stories coded")
	failed := 0
	for doc, err := range c.documents(fs.Args(), *in, pub, *maxBytes) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			failed++
			fmt.Fprintln(c.Stderr, "dyad code:", err)
			continue
		}
		if p == nil {
			if p, err = newPipeline(opts); err != nil {
				return err
			}
			restore = mem.apply(1)
		}
		code := p.CodeLean // the events are all that is printed
		if *explain || *quotes {
			code = p.Code
		}
		if err := c.write(code(doc), out); err != nil {
			return err
		}
		prog.Add(1)
	}
	prog.Done()
	if err := w.Flush(); err != nil {
		return err
	}
	if err := closeOut(); err != nil {
		return err
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}

// output says what to print of each document.
type output struct {
	w       export.Writer
	out     io.Writer // where --explain and --quotes print
	explain bool
	quotes  bool
	keep    map[dyad.Modality]bool // nil keeps all
}

// write prints one document's events, its quotations, or its explanation.
func (c *CodeCommand) write(r *pipeline.Result, out output) error {
	switch {
	case out.explain:
		return r.Explain(out.out)
	case out.quotes:
		return export.WriteQuotes(out.out, r.Doc.ID, r.Quotes, r.Events)
	}
	for i := range r.Events {
		if out.keep != nil && !out.keep[r.Events[i].Modality] {
			continue
		}
		if err := out.w.Write(&r.Events[i]); err != nil {
			return err
		}
	}
	return nil
}

// parseModalities parses the --modality list.
func parseModalities(s string) (map[dyad.Modality]bool, error) {
	if s == "" {
		return nil, nil
	}
	keep := map[dyad.Modality]bool{}
	for _, m := range strings.Split(s, ",") {
		switch mod := dyad.Modality(strings.TrimSpace(m)); mod {
		case dyad.Asserted, dyad.Negated, dyad.Future, dyad.Hypothetical, dyad.Historical:
			keep[mod] = true
		default:
			return nil, dyad.Errorf(dyad.EINVALID, "--modality: unknown modality %q", m)
		}
	}
	return keep, nil
}

// documents yields the stories of every input, with an error for each one
// that cannot be read; stdin when names is empty.
func (c *CodeCommand) documents(names []string, format string, pub time.Time, maxBytes int) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		if len(names) == 0 {
			names = []string{"-"}
		}
		for _, name := range names {
			if !c.readOne(name, format, pub, maxBytes, yield) {
				return
			}
		}
	}
}

// readOne yields the stories of one input ("-" is stdin) and reports
// whether the caller wants more.
func (c *CodeCommand) readOne(name, format string, pub time.Time, maxBytes int, yield func(*dyad.Document, error) bool) bool {
	r, label := c.Stdin, "stdin"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return yield(nil, dyad.Errorf(dyad.EINVALID, "%s: cannot open: %v", name, unwrapPath(err)))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return yield(nil, dyad.Errorf(dyad.EINVALID, "%s: is a directory", name))
		}
		r, label = f, name
	}
	if format == "jsonl" {
		for doc, err := range ingest.ReadJSONL(label, r, pub, maxBytes) {
			if !yield(doc, err) {
				return false
			}
		}
		return true
	}
	return yield(ingest.ReadText(label, r, pub, maxBytes))
}
