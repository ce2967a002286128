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
	resamples := fs.Int("ci", 1000, "resamples of the stories for the F1s' 95% bootstrap intervals (0: none)")
	against := fs.String("against", "", "compare with another coder on the same stories: an event model `FILE`, or \"rules\" for the dictionaries alone (a paired bootstrap over the stories)")
	coded := fs.String("events", "", "score the events in JSONL `FILE`, coded from these stories before (dyad train events -folds N -events FILE), instead of coding them")
	againstCoded := fs.String("against-events", "", "compare with the events in JSONL `FILE`, coded from these stories before, as --against does")
	fs.Usage = func() {
		fmt.Fprintln(c.Env.Stderr, "usage: dyad eval silver FILE.jsonl [-v] [--json] [--rules] [--dict FILE] [--beam N] [--ci N] [--against FILE|rules] [--events FILE] [--against-events FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
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
	if (*against != "" || *againstCoded != "") && *resamples <= 0 {
		return dyad.Errorf(dyad.EINVALID, "eval silver: --against and --against-events need resamples (--ci N above 0)")
	}
	if *against != "" && *againstCoded != "" {
		return dyad.Errorf(dyad.EINVALID, "eval silver: compare with one coder: --against or --against-events, not both")
	}
	// events returns the events of the stories: read from the file
	// given, else coded with the pipeline the flags f choose.
	events := func(file string, f pipelineFlags) ([][]dyad.Event, error) {
		if file != "" {
			evs, skipped, err := eval.ReadCoded(file, stories)
			if skipped > 0 {
				fmt.Fprintf(c.Env.Stderr, "eval silver: %s: skipped %d events of documents that are none of %s's stories\n", file, skipped, fs.Arg(0))
			}
			return evs, err
		}
		p, err := f.pipeline()
		if err != nil {
			return nil, err
		}
		return codeStories(p, stories), nil
	}
	evs, err := events(*coded, pf)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "eval silver: %v", err)
	}
	name := pf.coderName()
	if *coded != "" {
		name = *coded
	}
	const seed = 1
	rep := eval.ScoreSilver(stories, evs)
	rep.Bootstrap(*resamples, seed)
	var diffs []eval.SilverDifference
	var baseRep *eval.SilverReport
	baseName := *against + *againstCoded
	if baseName != "" {
		other := pf
		other.model, other.rules = *against, *against == "rules"
		baseEvs, err := events(*againstCoded, other)
		if err != nil {
			flag := "--against"
			if *againstCoded != "" {
				flag = "--against-events"
			}
			return dyad.Errorf(dyad.EINVALID, "eval silver: %s %s: %v", flag, baseName, err)
		}
		baseRep = eval.ScoreSilver(stories, baseEvs)
		baseRep.Bootstrap(*resamples, seed)
		if diffs, err = eval.CompareSilver(baseRep, rep, *resamples, seed); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(c.Env.Stdout)
		enc.SetIndent("", "  ")
		if baseRep == nil {
			return enc.Encode(rep)
		}
		return enc.Encode(struct {
			Report     *eval.SilverReport      `json:"report"`
			Against    *eval.SilverReport      `json:"against"`
			Comparison []eval.SilverDifference `json:"comparison"`
		}{rep, baseRep, diffs})
	}
	if err := rep.Write(c.Env.Stdout); err != nil {
		return err
	}
	if baseRep != nil {
		if err := eval.WriteComparison(c.Env.Stdout, baseName, name, diffs, *resamples); err != nil {
			return err
		}
	}
	if *verbose {
		rep.WriteFailures(c.Env.Stdout)
	}
	return nil
}

// coderName names the coder the flags choose, for comparisons.
func (pf *pipelineFlags) coderName() string {
	switch {
	case pf.rules || pf.noDefault && pf.model == "":
		return "rules"
	case pf.model != "":
		return pf.model
	}
	return "the embedded model"
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
