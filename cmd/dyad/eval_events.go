package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/eval"
)

// eventsOutput is the JSON "dyad eval events" prints: one report per
// dictionary set.
type eventsOutput struct {
	File   string             `json:"file"`
	Parser string             `json:"parser"`
	Dyad   *eval.EventsReport `json:"dyad,omitempty"`    // dyad's embedded dictionaries
	Env    *eval.EventsReport `json:"phoenix,omitempty"` // the dictionaries the file's Environment names
}

// events runs "dyad eval events --gold FILE [--with dyad,phoenix] [flags]".
func (c *EvalCommand) events(args []string) error {
	fs := flag.NewFlagSet("eval events", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	gold := fs.String("gold", "", "gold records `FILE` (PETR2_GSR_validation.xml form)")
	with := fs.String("with", "dyad,phoenix", "dictionary sets to score: dyad (the defaults), phoenix (the file's Environment)")
	var rf recordFlags
	rf.register(fs)
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if *gold == "" {
		return dyad.Errorf(dyad.EINVALID, "eval events: --gold is required")
	}
	recs, err := rf.read(*gold)
	if err != nil {
		return err
	}
	out := eventsOutput{File: *gold, Parser: eval.Analysis(rf.options())}
	var all []eval.Failure
	for _, set := range strings.Split(*with, ",") {
		rep, env, err := scoreSet(set, recs, rf.options())
		if err != nil {
			return err
		}
		if set == "dyad" {
			out.Dyad = rep
		} else {
			out.Env = rep
		}
		for _, f := range rep.Failures {
			f.Category = set + "/" + f.Category
			all = append(all, f)
		}
		list := func(w io.Writer) {
			fmt.Fprintf(w, "== %s dictionaries\n", set)
			rep.WriteFailures(w)
		}
		if err := rf.report(c.Env.Stderr, env, nil, list); err != nil {
			return err
		}
	}
	if err := writeFailures(rf.failures, all); err != nil {
		return err
	}
	enc := json.NewEncoder(c.Env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// scoreSet codes recs with one dictionary set: "dyad" (the defaults) or
// "phoenix" (the records' Environment, nil env for dyad).
func scoreSet(set string, recs *eval.RecordFile, opts eval.PetrarchOptions) (*eval.EventsReport, *eval.EnvDict, error) {
	var (
		code eval.RecordCoder
		env  *eval.EnvDict
		err  error
	)
	switch set {
	case "dyad":
		code, err = eval.NewCoder(nil, opts)
	case "phoenix", "env":
		if env, err = eval.LoadEnvironment(recs.Env); err == nil {
			code, err = eval.NewPetrarchCoder(env, opts)
		}
	default:
		return nil, nil, dyad.Errorf(dyad.EINVALID, "eval events: --with %q: want dyad or phoenix", set)
	}
	if err != nil {
		return nil, nil, dyad.Errorf(dyad.EINVALID, "eval events: %s dictionaries: %v", set, err)
	}
	return eval.ScoreEvents(recs.Records, code), env, nil
}
