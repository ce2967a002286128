package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/eval"
)

// confidence runs "dyad eval confidence [--fit] FILE[:dyad|env]...": codes
// gold records, labels each event right or wrong, and prints the
// reliability table of the confidence scores; with --fit, the weights
// fitted to these events and their table.
func (c *EvalCommand) confidence(args []string) error {
	fs := flag.NewFlagSet("dyad eval confidence", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	fit := fs.Bool("fit", false, "fit the confidence weights to these records and print them")
	bins := fs.Int("bins", 10, "`bins` of the reliability table")
	fs.Usage = func() {
		fmt.Fprintln(c.Env.Stderr, "usage: dyad eval confidence [--fit] FILE[:dyad|env]...\n\nFILE is a PETRARCH-style records file; :dyad codes it with dyad's\ndictionaries (the default), :env with those its <Environment> names.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "eval confidence: no records file")
	}
	var data []eval.Labeled
	for _, arg := range fs.Args() {
		path, with, _ := strings.Cut(arg, ":")
		d, err := eval.LabelFile(path, with)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "eval confidence: %v", err)
		}
		data = append(data, d...)
	}
	w := coder.Weights
	if *fit {
		w = eval.Fit(data)
		fmt.Fprintf(c.Env.Stdout, "fitted weights (%d events): %v\n\n", len(data), w)
	}
	table, ece := eval.Reliability(data, w, *bins)
	return eval.WriteReliability(c.Env.Stdout, table, ece)
}
