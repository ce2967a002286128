package main

import (
	"context"
	"encoding/json"
	"io"
	"slices"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// ABBench is the report of "dyad bench pipeline --ab": the learned
// extractor (A) against the dictionary coder alone (B), raw text to
// events on one worker, the runs interleaved so that both see the same
// spells of a shared machine.
type ABBench struct {
	Documents int     `json:"documents"`
	Rounds    int     `json:"rounds"`
	Model     []ABRun `json:"model"`
	Rules     []ABRun `json:"rules"`
	// Ratio is the model's sentences per CPU-second over the rules',
	// from the median run of each.
	Ratio float64 `json:"ratio"`
}

// ABRun is one pass over the corpus.
type ABRun struct {
	Sentences   int     `json:"sentences"`
	Events      int     `json:"events"`
	CPUSeconds  float64 `json:"cpu_seconds"`
	SentsPerCPU float64 `json:"sentences_per_cpu_second"`
}

// benchAB codes docs rounds times with each pipeline, alternating, and
// writes the report to w.
func benchAB(ctx context.Context, w io.Writer, docs []*dyad.Document, pf pipelineFlags, rounds int) error {
	pf.rules = false
	a, err := pf.pipeline()
	if err != nil {
		return err
	}
	pf.rules = true
	b, err := pf.pipeline()
	if err != nil {
		return err
	}
	rep := ABBench{Documents: len(docs), Rounds: rounds}
	for range rounds {
		for _, p := range []*pipeline.Pipeline{a, b} {
			run, err := abRun(ctx, p, docs)
			if err != nil {
				return err
			}
			if p == a {
				rep.Model = append(rep.Model, run)
			} else {
				rep.Rules = append(rep.Rules, run)
			}
		}
	}
	rep.Ratio = median(rep.Model) / max(median(rep.Rules), 1e-9)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// abRun codes docs once on one worker.
func abRun(ctx context.Context, p *pipeline.Pipeline, docs []*dyad.Document) (ABRun, error) {
	var run ABRun
	seq := func(yield func(*dyad.Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
	c0 := cpuSeconds()
	err := p.CodeAll(ctx, seq, 1, func(res *pipeline.Result, err error) error {
		if err == nil {
			run.Sentences += len(res.Sentences)
			run.Events += len(res.Events)
		}
		return nil
	})
	run.CPUSeconds = cpuSeconds() - c0
	run.SentsPerCPU = float64(run.Sentences) / max(run.CPUSeconds, 1e-9)
	return run, err
}

// median returns the median sentences per CPU-second of runs.
func median(runs []ABRun) float64 {
	xs := make([]float64, len(runs))
	for i, r := range runs {
		xs[i] = r.SentsPerCPU
	}
	slices.Sort(xs)
	if len(xs) == 0 {
		return 0
	}
	return xs[len(xs)/2]
}
