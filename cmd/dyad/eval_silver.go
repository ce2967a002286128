package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"runtime"
	"sync"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// silver runs "dyad eval silver FILE [flags]": codes each story of a
// silver event file whole and scores the events against the coders'.
func (c *EvalCommand) silver(args []string) error {
	fs := flag.NewFlagSet("eval silver", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	var pf pipelineFlags
	pf.register(fs)
	verbose := fs.Bool("v", false, "list, per sentence, the gold events missed and the events coded that the coders did not code")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.Usage = func() {
		fmt.Fprintln(c.Env.Stderr, "usage: dyad eval silver FILE.jsonl [-v] [--json] [--rules] [--dict FILE] [--beam N]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "eval silver: name one silver JSONL file")
	}
	stories, err := eval.ReadSilver(fs.Arg(0))
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "eval silver: %v", err)
	}
	p, err := pf.pipeline()
	if err != nil {
		return err
	}
	rep := eval.ScoreSilver(stories, codeStories(p, stories))
	if *asJSON {
		enc := json.NewEncoder(c.Env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if err := rep.Write(c.Env.Stdout); err != nil {
		return err
	}
	if *verbose {
		rep.WriteFailures(c.Env.Stdout)
	}
	return nil
}

// codeStories codes every story with p.
func codeStories(p *pipeline.Pipeline, stories []eval.SilverStory) [][]dyad.Event {
	out := make([][]dyad.Event, len(stories))
	inParallel(len(stories), func(i int) { out[i] = p.Code(stories[i].Doc).Events })
	return out
}

// inParallel calls f(0) … f(n-1) on as many goroutines as there are
// processors and returns when all have returned.
func inParallel(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
