package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/extract"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/train"
)

// events runs "dyad train events [flags]": learns the event extractor
// from the silver set's training files and tunes its thresholds and
// confidence on its dev file.
func (c *TrainCommand) events(args []string) error {
	fs := flag.NewFlagSet("train events", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	dir := fs.String("silver", dataPath("gold", "silver"), "`DIR` of the silver event set (default: gold/silver/ under $"+dataEnv+")")
	files := fs.String("train", "train.jsonl,train-wikinews.jsonl", "comma-separated silver `FILES` to learn from (under -silver unless a path)")
	dev := fs.String("dev", "dev.jsonl", "silver `FILE` to tune thresholds and confidence on, never learned from (\"none\": keep the defaults)")
	o := filepath.Join("internal", "extract", extract.ModelFile)
	out := &o
	fs.StringVar(out, "o", o, "model `FILE` to write")
	fs.StringVar(out, "output", o, "same as -o")
	alias(fs, "out", "output")
	recognise := fs.Bool("recognise", false, "read the stories with the learned mention recogniser too (for a model to code with --recognise)")
	retune := fs.String("retune", "", "tune the thresholds of model `FILE` on -dev again, without training")
	folds := fs.Int("folds", 0, "cross-validate instead of writing a model: train `N` models, each without one N-th of the training stories (thresholds tuned on -dev as usual), and score each on the stories it left out")
	resamples := fs.Int("ci", 1000, "with -folds: resamples of the stories for the F1s' 95% bootstrap intervals (0: none)")
	asJSON := fs.Bool("json", false, "with -folds: print the report as JSON")
	coded := fs.String("events", "", "with -folds: also write the events each model coded on the stories it left out to `FILE` (JSONL), for dyad eval silver --events")
	opt := train.DefaultEventOptions()
	fs.Int64Var(&opt.Seed, "seed", opt.Seed, "random seed")
	fs.IntVar(&opt.Epochs, "epochs", opt.Epochs, "training epochs")
	fs.IntVar(&opt.Ensemble, "ensemble", opt.Ensemble, "models of each kind to train on shuffles from -seed on and average")
	fs.Float64Var(&opt.Prune, "prune", opt.Prune, "drop averaged weights smaller than this")
	fs.IntVar(&opt.PosWeight, "pos-weight", opt.PosWeight, "trigger model's update step on a missed event")
	fs.IntVar(&opt.SentencePosWeight, "sentence-pos-weight", opt.SentencePosWeight, "sentence model's update step on a missed root")
	fs.IntVar(&opt.Margin, "margin", opt.Margin, "how far the trigger model's right class must beat the best wrong one (0: update on mistakes only)")
	fs.IntVar(&opt.ArgMargin, "arg-margin", opt.ArgMargin, "the same for the argument model")
	fs.IntVar(&opt.SentenceMargin, "sentence-margin", opt.SentenceMargin, "how far from 0 the sentence model's score of each root must lie on its right side")
	fs.IntVar(&opt.ArgPosWeight, "arg-pos-weight", opt.ArgPosWeight, "argument model's update step on a missed source or target")
	classes := fs.String("classes", "model", "word classes `FILE` (\"lemma coarse fine\" lines, from dyad train classes) the models' features read; \"model\": the embedded model's; \"none\": none")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if *folds == 0 {
		var stray []string
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "events" || f.Name == "json" || f.Name == "ci" {
				stray = append(stray, "-"+f.Name)
			}
		})
		if len(stray) > 0 {
			return dyad.Errorf(dyad.EINVALID, "train events: %s go with -folds N (cross-validation), which they report on", strings.Join(stray, ", "))
		}
	}
	switch *classes {
	case "none":
	case "model":
		x, err := extract.Default()
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "train events: -classes model: %v (name a classes FILE or none)", err)
		}
		opt.Classes = x.ClassLines()
	default:
		b, err := os.ReadFile(*classes)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "train events: %v", err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				opt.Classes = append(opt.Classes, strings.Join(strings.Fields(l), " "))
			}
		}
	}
	logf := func(format string, a ...any) {
		fmt.Fprintf(c.Env.Stderr, time.Now().Format("15:04:05 ")+format+"\n", a...)
	}
	opt.Logf = logf
	path := func(f string) string {
		if strings.ContainsRune(f, os.PathSeparator) {
			return f
		}
		return filepath.Join(*dir, f)
	}
	opts := pipeline.DefaultOptions()
	opts.Rules = true
	opts.Recognise = *recognise
	p, err := pipeline.New(opts)
	if err != nil {
		return err
	}
	if *retune != "" {
		f, err := os.Open(*retune)
		if err != nil {
			return err
		}
		m, err := extract.Decode(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %v", *retune, err)
		}
		ds, err := eval.ReadSilver(path(*dev))
		if err != nil {
			return err
		}
		tune(m, analyse(p, ds), logf)
		return writeEventModel(m, *out, logf)
	}
	var stories []eval.SilverStory
	for _, f := range strings.Split(*files, ",") {
		s, err := eval.ReadSilver(path(f))
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "train events: %v (name the silver set's folder with -silver DIR, or the training data's with %s)", err, dataEnv)
		}
		if strings.Contains(filepath.Base(f), "dev") {
			return dyad.Errorf(dyad.EINVALID, "train events: %s is a dev file: tune on it with -dev, never train on it", f)
		}
		stories = append(stories, s...)
	}
	logf("train events: %d stories; analysing them", len(stories))
	analysed := analyse(p, stories)
	if *folds != 0 {
		var devA []train.Analysed
		if *dev != "none" {
			ds, err := eval.ReadSilver(path(*dev))
			if err != nil {
				return err
			}
			devA = analyse(p, ds)
		}
		held, events, err := crossValidate(analysed, devA, *folds, opt, *recognise, logf)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "train events: %v", err)
		}
		if *coded != "" {
			if err := writeCoded(*coded, events); err != nil {
				return err
			}
		}
		rep := eval.ScoreSilver(held, events)
		rep.Bootstrap(*resamples, 1)
		if *asJSON {
			enc := json.NewEncoder(c.Env.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(rep)
		}
		fmt.Fprintf(c.Env.Stdout, "cross-validated over %d folds of the training stories (%s), each story coded by the model that did not learn from it\n", *folds, *files)
		return rep.Write(c.Env.Stdout)
	}
	m, err := train.Events(analysed, opt)
	if err != nil {
		return err
	}
	m.Trained = fmt.Sprintf("silver %s, seed %d, %d epochs, %d models averaged, %d lemmas' word classes", *files, opt.Seed, opt.Epochs, opt.Ensemble, len(opt.Classes))
	m.Scale = 1 // margins are in perceptron updates; -dev tunes it
	if *dev != "none" {
		ds, err := eval.ReadSilver(path(*dev))
		if err != nil {
			return err
		}
		tune(m, analyse(p, ds), logf)
	}
	return writeEventModel(m, *out, logf)
}

// crossValidate trains a model on all but each of k folds of the
// analysed stories, tunes it on dev (when not nil) as "dyad train events"
// does, codes the fold's stories with the whole pipeline and that model,
// and returns every story with the events so coded (train.CrossValidate).
func crossValidate(stories, dev []train.Analysed, k int, opt train.EventOptions, recognise bool, logf func(string, ...any)) ([]eval.SilverStory, [][]dyad.Event, error) {
	quiet := opt
	quiet.Logf = func(string, ...any) {}
	fit := func(learn []train.Analysed) (*extract.Model, error) {
		logf("train events: cross-validation: training on %d stories", len(learn))
		m, err := train.Events(learn, quiet)
		if err != nil {
			return nil, err
		}
		m.Scale = 1
		if dev != nil {
			tune(m, dev, quiet.Logf)
		}
		return m, nil
	}
	code := func(m *extract.Model, held []eval.SilverStory) ([][]dyad.Event, error) {
		po := pipeline.DefaultOptions()
		po.Extractor, po.Recognise = extract.New(m), recognise
		p, err := pipeline.New(po)
		if err != nil {
			return nil, err
		}
		return codeStories(p, held), nil
	}
	return train.CrossValidate(stories, k, fit, code, logf)
}

// writeCoded writes events as JSONL to the file path (eval.WriteCoded).
func writeCoded(path string, events [][]dyad.Event) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := eval.WriteCoded(f, events); err != nil {
		f.Close()
		return fmt.Errorf("%s: %v", path, err)
	}
	return f.Close()
}

// writeEventModel writes m to the file out.
func writeEventModel(m *extract.Model, out string, logf func(string, ...any)) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := m.Encode(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, err := os.Stat(out)
	if err != nil {
		return err
	}
	logf("train events: wrote %s (%d bytes)", out, st.Size())
	return nil
}

// analyse reads every story with p (tags, parses, mentions, dictionary
// events).
func analyse(p *pipeline.Pipeline, stories []eval.SilverStory) []train.Analysed {
	out := make([]train.Analysed, len(stories))
	inParallel(len(stories), func(i int) { out[i] = train.Analysed{Story: &stories[i], Sents: p.Analyse(stories[i].Doc)} })
	return out
}

// codeAnalysed codes analysed stories with x, for scoring.
func codeAnalysed(x *extract.Extractor, as []train.Analysed) ([]eval.SilverStory, [][]dyad.Event) {
	stories := make([]eval.SilverStory, len(as))
	events := make([][]dyad.Event, len(as))
	for i, a := range as {
		stories[i] = *a.Story
		for _, s := range a.Sents {
			events[i] = append(events[i], x.Code(a.Story.Doc, s)...)
		}
	}
	return stories, events
}

// minDetectionPrecision and minDetectionRecall are the sentence
// detection targets (percent) the tuned thresholds keep on dev when they
// can.
const minDetectionPrecision, minDetectionRecall = 75, 70

// preferable reports whether thresholds scoring sum s on dev, keeping
// the detection targets or not (ok), beat the best so far: any that keep
// them beat any that do not, and then the higher sum wins.
func preferable(s float64, ok bool, best float64, bestOK bool) bool {
	if ok != bestOK {
		return ok
	}
	return s > best
}

// tune picks the trigger and argument margins that maximise the sum of
// root, source+root and source+target+root F1 on dev, then the confidence
// scale that best predicts which events are right (source and root in
// the coders' events of their sentence).
func tune(m *extract.Model, dev []train.Analysed, logf func(string, ...any)) {
	// The dictionary coder's events stand where the models code nothing
	// (a user's own dictionary lines must still code), so the thresholds
	// are tuned with them in. The thresholds tried: the margins at which
	// a given share of dev's candidate words (arguments, sentence roots)
	// would be coded.
	m.KeepRules = true
	// margins returns the sorted trigger, argument and sentence margins of
	// dev's words, mentions and (sentence, root) pairs.
	margins := func() (tm, am, sm []int32) {
		x := extract.New(m)
		for _, a := range dev {
			for _, s := range a.Sents {
				t, ar := x.Margins(s)
				tm, am = append(tm, t...), append(am, ar...)
				sm = append(sm, x.SentenceMargins(s)[1:]...)
			}
		}
		slices.Sort(tm)
		slices.Sort(am)
		slices.Sort(sm)
		return tm, am, sm
	}
	at := func(xs []int32, share float64) int32 {
		if len(xs) == 0 {
			return 0
		}
		return xs[min(len(xs)-1, int(float64(len(xs))*(1-share)))]
	}
	best, bestOK := -1.0, false
	// better scores the model as it stands on dev and reports whether it
	// beats the best so far (preferable), which it logs.
	better := func(what string) bool {
		rep := eval.ScoreSilver(codeAnalysed(extract.New(m), dev))
		s := rep.Root.F1 + rep.SrcRoot.F1 + rep.Full.F1
		ok := rep.Detection.Precision >= minDetectionPrecision && rep.Detection.Recall >= minDetectionRecall
		if !preferable(s, ok, best, bestOK) {
			return false
		}
		best, bestOK = s, ok
		logf("train events: dev %s: root F1 %.2f, source+root %.2f, full %.2f, detection P %.2f R %.2f",
			what, rep.Root.F1, rep.SrcRoot.F1, rep.Full.F1, rep.Detection.Precision, rep.Detection.Recall)
		return true
	}
	bestT, bestA, bestSM, bestS, bestW := int32(0), int32(0), int32(math.MaxInt32), int32(math.MaxInt32), 0.0
	m.SourcelessMargin = math.MaxInt32
	// How much the sentence model's say weighs on each word, and then
	// how many words and arguments to code.
	for _, w := range []float64{0, 0.5, 1, 2} {
		m.SentenceWeight, m.TriggerMargin, m.ArgMargin, m.SentenceMargin = w, 0, 0, math.MaxInt32
		tm, am, _ := margins()
		for _, st := range []float64{0.04, 0.06, 0.08, 0.09, 0.10, 0.11, 0.12, 0.13, 0.14, 0.17, 0.20} {
			for _, sa := range []float64{0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1} {
				m.TriggerMargin, m.ArgMargin = at(tm, st), at(am, sa)
				if better(fmt.Sprintf("with sentence weight %.2f, coding %.0f%% of words and %.0f%% of arguments", w, 100*st, 100*sa)) {
					bestT, bestA, bestW = m.TriggerMargin, m.ArgMargin, w
				}
			}
		}
	}
	m.SentenceWeight, m.TriggerMargin, m.ArgMargin = bestW, 0, 0
	tm, _, sm := margins()
	m.TriggerMargin, m.ArgMargin = bestT, bestA
	// Then the sentence model: roots no single word carries.
	for _, ss := range []float64{0.005, 0.01, 0.015, 0.02, 0.03, 0.04, 0.06} {
		if m.SentenceMargin = at(sm, ss); better(fmt.Sprintf("with the sentence model coding %.1f%% of (sentence, root) pairs", 100*ss)) {
			bestSM = m.SentenceMargin
		}
	}
	m.SentenceMargin = bestSM
	// Then how sure a trigger must be to stand with an unknown source.
	for _, ss := range []float64{0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12} {
		if m.SourcelessMargin = at(tm, ss) - m.TriggerMargin; better(fmt.Sprintf("with unknown sources for the surest %.1f%% of words", 100*ss)) {
			bestS = m.SourcelessMargin
		}
	}
	m.SourcelessMargin = bestS
	// Confidence: the scale whose logistic of the margin has the least log
	// loss against rightness on dev (source and root among the coders'
	// events of the sentence).
	x := extract.New(m)
	type obs struct {
		margin float64
		right  bool
	}
	var data []obs
	for _, a := range dev {
		for _, s := range a.Sents {
			evs, margins := x.CodeScored(a.Story.Doc, s)
			for k, e := range evs {
				gi := a.Story.At(e.Evidence.VerbSpan.Start)
				if gi < 0 || math.IsNaN(margins[k]) {
					continue // the dictionary coder's events keep their own confidence
				}
				right := false
				for _, g := range a.Story.Sentences[gi].Events {
					right = right || len(g.CAMEO) >= 2 && g.CAMEO[:2] == e.CAMEO.Root && eval.SilverActorKey(g.Source) == eval.DyadActorKey(e.Source)
				}
				data = append(data, obs{margins[k], right})
			}
		}
	}
	// A one-feature logistic regression of rightness on margin/base, by
	// gradient descent (the data are a few hundred events).
	base := 0.0 // the margins' root mean square: z of unit size keeps the descent stable
	for _, o := range data {
		base += o.margin * o.margin
	}
	base = math.Max(math.Sqrt(base/float64(max(len(data), 1))), 1)
	a, b := 1.0, 0.0
	loss := func(a, b float64) float64 {
		l := 0.0
		for _, o := range data {
			p := math.Min(math.Max(1/(1+math.Exp(-(a*o.margin/base+b))), 1e-6), 1-1e-6)
			if o.right {
				l -= math.Log(p)
			} else {
				l -= math.Log(1 - p)
			}
		}
		return l
	}
	for range 2000 {
		var ga, gb float64
		for _, o := range data {
			z := o.margin / base
			p := 1 / (1 + math.Exp(-(a*z + b)))
			y := 0.0
			if o.right {
				y = 1
			}
			ga += (p - y) * z
			gb += p - y
		}
		n := float64(max(len(data), 1))
		a, b = a-0.5*ga/n, b-0.5*gb/n
	}
	bestLoss, bestScale, bestBias := loss(a, b), base/math.Max(a, 1e-6), b
	m.Scale, m.Bias = bestScale, bestBias
	logf("train events: margins %d/%d; confidence scale %.0f, bias %.1f (log loss %.3f over %d dev events)",
		bestT, bestA, bestScale, bestBias, bestLoss/float64(max(len(data), 1)), len(data))
}
