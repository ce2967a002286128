package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/train"
)

// mentions runs "dyad train mentions [flags]": learns the actor mention
// recogniser from the actors of the silver set's training files.
func (c *TrainCommand) mentions(args []string) error {
	fs := flag.NewFlagSet("train mentions", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	dir := fs.String("silver", dataPath("gold", "silver"), "`DIR` of the silver event set (default: gold/silver/ under $"+dataEnv+")")
	files := fs.String("train", "train.jsonl,train-wikinews.jsonl", "comma-separated silver `FILES` to learn from (under -silver unless a path)")
	var o string
	out := &o
	outputFlag(fs, out, "model `FILE` to write (default the embedded model's path under internal/)")
	alias(fs, "out", "output")
	opt := train.DefaultMentionOptions()
	fs.Int64Var(&opt.Seed, "seed", opt.Seed, "random seed")
	fs.IntVar(&opt.Epochs, "epochs", opt.Epochs, "training epochs")
	fs.Float64Var(&opt.Prune, "prune", opt.Prune, "drop averaged weights smaller than this")
	fs.Float64Var(&opt.Margin, "margin", opt.Margin, "how much more (in perceptron updates) the outside tag must score than an actor's to win: higher finds more")
	fs.IntVar(&opt.Folds, "folds", opt.Folds, "also train this many taggers, each without a part of the stories, to read the training stories with (0: none)")
	fs.IntVar(&opt.MinHead, "min-head", opt.MinHead, "keep a head word's role when the coders gave it at least this often")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join("internal", "actor", actor.MentionModelFile)
	}
	opt.Logf = func(format string, a ...any) {
		fmt.Fprintf(c.Env.Stderr, time.Now().Format("15:04:05 ")+format+"\n", a...)
	}
	var stories []eval.SilverStory
	for _, f := range strings.Split(*files, ",") {
		if strings.Contains(filepath.Base(f), "dev") {
			return dyad.Errorf(dyad.EINVALID, "train mentions: %s is a dev file: never train on it", f)
		}
		if !strings.ContainsRune(f, os.PathSeparator) {
			f = filepath.Join(*dir, f)
		}
		s, err := eval.ReadSilver(f)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "train mentions: %v (name the silver set's folder with -silver DIR, or the training data's with %s)", err, dataEnv)
		}
		stories = append(stories, s...)
	}
	opts := pipeline.DefaultOptions()
	p, err := pipeline.New(opts)
	if err != nil {
		return err
	}
	opt.Logf("train mentions: %d stories; reading them", len(stories))
	read := make([]train.MentionStory, len(stories))
	inParallel(len(stories), func(i int) {
		sents, ms := p.Mentions(stories[i].Doc)
		read[i] = train.MentionStory{Story: &stories[i], Sents: sents, Mentions: ms}
	})
	mm, err := train.Mentions(p.RuleMatcher(), read, opt)
	if err != nil {
		return err
	}
	mm.Trained = fmt.Sprintf("silver %s, seed %d, %d epochs", *files, opt.Seed, opt.Epochs)
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := mm.Encode(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, err := os.Stat(*out)
	if err != nil {
		return err
	}
	opt.Logf("train mentions: wrote %s (%d bytes)", *out, st.Size())
	return nil
}
