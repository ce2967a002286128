package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"regexp"
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

// events runs "dyad eval events --gold FILE [--dicts DIR] [--with dyad,phoenix]".
func (c *EvalCommand) events(args []string) error {
	fs := flag.NewFlagSet("eval events", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	gold := fs.String("gold", "", "gold records `FILE` (PETR2_GSR_validation.xml form)")
	with := fs.String("with", "dyad,phoenix", "dictionary sets to score: dyad (the defaults), phoenix (the file's Environment)")
	verbose := fs.Bool("v", false, "list every record not coded exactly")
	udpipe := fs.Bool("udpipe", false, "code the records' own CoNLL-U parses instead of dyad's parser")
	wordOrder := fs.Bool("word-order", false, "code on word order, without tagger and parser")
	failures := fs.String("failures", "", "write the records not coded exactly to `FILE` as JSON lines, each set's in turn")
	only := fs.String("only", "", "code only the records whose id or category matches `REGEXP`")
	var dirs stringList
	fs.Var(&dirs, "dicts", "`DIR` to look in for Environment files missing next to the gold file (repeatable)")
	if err := fs.Parse(reorder(args)); err != nil {
		return err
	}
	if *gold == "" {
		return dyad.Errorf(dyad.EINVALID, "eval events: --gold is required")
	}
	rf, err := eval.ReadRecords(*gold)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "eval events: %v", err)
	}
	rf.Env.Locate(dirs)
	if *only != "" {
		rx, err := regexp.Compile(*only)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "--only: %v", err)
		}
		rf.Only(rx)
	}
	if *udpipe && !rf.HasUDParses() {
		return dyad.Errorf(dyad.EINVALID, "--udpipe: %s has no CoNLL-U parses (Penn trees or none); use its UD variant", rf.Path)
	}
	opts := eval.PetrarchOptions{GoldParse: *udpipe, WordOrder: *wordOrder, Trace: *verbose || *failures != ""}
	out := eventsOutput{File: *gold, Parser: eval.Analysis(opts)}
	var all []eval.Failure
	for _, set := range strings.Split(*with, ",") {
		var code eval.RecordCoder
		switch set {
		case "dyad":
			code, err = eval.NewCoder(nil, nil, opts)
		case "phoenix", "env":
			var env *eval.EnvDict
			if env, err = eval.LoadEnvironment(rf.Env); err == nil {
				code, err = eval.NewPetrarchCoder(env, opts)
			}
			if err == nil && *verbose {
				for _, p := range env.Problems {
					fmt.Fprintf(c.Env.Stderr, "dictionary: %v\n", p)
				}
			}
		default:
			return dyad.Errorf(dyad.EINVALID, "eval events: --with %q: want dyad or phoenix", set)
		}
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "eval events: %s dictionaries: %v", set, err)
		}
		rep := eval.ScoreEvents(rf.Records, code)
		for _, f := range rep.Failures {
			f.Category = set + "/" + f.Category
			all = append(all, f)
		}
		if set == "dyad" {
			out.Dyad = rep
		} else {
			out.Env = rep
		}
		if *verbose {
			fmt.Fprintf(c.Env.Stderr, "== %s dictionaries\n", set)
			rep.WriteFailures(c.Env.Stderr)
		}
	}
	if err := writeFailures(*failures, all); err != nil {
		return err
	}
	enc := json.NewEncoder(c.Env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
