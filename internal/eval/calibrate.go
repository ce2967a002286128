package eval

import (
	"fmt"
	"io"
	"math"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// Labeled is one coded event with whether the gold coding has it: the same
// source, target and CAMEO root.
type Labeled struct {
	X       [coder.NumFeatures]float64
	Correct bool
}

// Label marks the events of one record against its gold codings.
func Label(evs []dyad.Event, gold []Coding) []Labeled {
	out := make([]Labeled, 0, len(evs))
	for i := range evs {
		ev := &evs[i]
		ok := false
		for _, g := range gold {
			if g.Source == actorCode(ev.Source) && g.Target == actorCode(ev.Target) && len(g.Code) >= 2 && g.Code[:2] == ev.CAMEO.Root {
				ok = true
			}
		}
		out = append(out, Labeled{X: coder.Features(ev), Correct: ok})
	}
	return out
}

// Fit fits logistic weights to data by gradient descent with a small L2
// penalty: deterministic, no randomness, a few thousand passes over a few
// hundred events.
func Fit(data []Labeled) [coder.NumFeatures]float64 {
	var w [coder.NumFeatures]float64
	const rate, l2, passes = 0.5, 0.01, 4000
	n := float64(len(data))
	if n == 0 {
		return w
	}
	for range passes {
		var g [coder.NumFeatures]float64
		for _, d := range data {
			p := predict(w, d.X)
			y := 0.0
			if d.Correct {
				y = 1
			}
			for i := range g {
				g[i] += (p - y) * d.X[i]
			}
		}
		for i := range w {
			reg := l2 * w[i]
			if i == 0 {
				reg = 0
			}
			w[i] -= rate * (g[i]/n + reg)
		}
	}
	for i := range w {
		w[i] = math.Round(w[i]*100) / 100
	}
	return w
}

func predict(w, x [coder.NumFeatures]float64) float64 {
	z := 0.0
	for i := range w {
		z += w[i] * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// Bin is one row of a reliability table: the events whose confidence fell
// in [Lo, Hi), their mean confidence and the share the gold has.
type Bin struct {
	Lo, Hi     float64
	N          int
	Confidence float64 // mean predicted
	Accuracy   float64 // share correct
}

// Reliability bins data by the confidence w gives them and returns the
// table and the expected calibration error (the N-weighted mean gap between
// confidence and accuracy).
func Reliability(data []Labeled, w [coder.NumFeatures]float64, bins int) ([]Bin, float64) {
	out := make([]Bin, bins)
	for i := range out {
		out[i].Lo, out[i].Hi = float64(i)/float64(bins), float64(i+1)/float64(bins)
	}
	for _, d := range data {
		p := predict(w, d.X)
		i := min(int(p*float64(bins)), bins-1)
		out[i].N++
		out[i].Confidence += p
		if d.Correct {
			out[i].Accuracy++
		}
	}
	ece := 0.0
	for i := range out {
		if b := &out[i]; b.N > 0 {
			b.Confidence /= float64(b.N)
			b.Accuracy /= float64(b.N)
			ece += float64(b.N) * math.Abs(b.Confidence-b.Accuracy)
		}
	}
	if len(data) > 0 {
		ece /= float64(len(data))
	}
	return out, ece
}

// WriteReliability prints the table as Markdown.
func WriteReliability(wr io.Writer, bins []Bin, ece float64) error {
	if _, err := fmt.Fprintln(wr, "| confidence | events | mean confidence | share correct |\n|---|---|---|---|"); err != nil {
		return err
	}
	for _, b := range bins {
		if b.N == 0 {
			continue
		}
		if _, err := fmt.Fprintf(wr, "| %.1f–%.1f | %d | %.2f | %.2f |\n", b.Lo, b.Hi, b.N, b.Confidence, b.Accuracy); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(wr, "\nexpected calibration error: %.3f\n", ece)
	return err
}

// LabelFile codes the records of a PETRARCH-style file with dyad's
// dictionaries (with "dyad" or "") or those its <Environment> names
// ("env"), and labels every event against the record's gold codings.
func LabelFile(path, with string) ([]Labeled, error) {
	rf, err := ReadRecords(path)
	if err != nil {
		return nil, err
	}
	opts := pipeline.DefaultOptions()
	opts.Rules = true // the weights are the dictionary coder's; the extractor fits its own on the silver dev set
	switch with {
	case "", "dyad":
	case "env":
		env, err := LoadEnvironment(rf.Env)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		opts.Dict, opts.Coder.OwnCodes = env.Dict, true
	default:
		return nil, fmt.Errorf("%s: dictionaries %q: want dyad or env", path, with)
	}
	p, err := pipeline.New(opts)
	if err != nil {
		return nil, err
	}
	var out []Labeled
	for i := range rf.Records {
		r := &rf.Records[i]
		if r.Error != "" {
			continue
		}
		res := p.Code(&dyad.Document{ID: r.ID, Text: r.Text, Date: r.Date})
		out = append(out, Label(res.Events, r.Expect)...)
	}
	return out, nil
}
