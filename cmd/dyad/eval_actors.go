package main

import (
	"encoding/json"
	"flag"
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/eval"
)

// actors runs "dyad eval actors FILE [-v] [--json]": codes each
// story of a silver event file whole and reports, for every gold event's
// source and target, whether dyad found a mention over its words and with
// the coders' country and role.
func (c *EvalCommand) actors(args []string) error {
	fs := flag.NewFlagSet("eval actors", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	verbose := fs.Bool("v", false, "list the gold actors missed and those found with another country")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	var pf pipelineFlags
	pf.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.Env.Stderr, "usage: dyad eval actors FILE.jsonl [-v] [--json] [--dict FILE] [--beam N]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "eval actors: name one silver JSONL file")
	}
	stories, err := eval.ReadSilver(fs.Arg(0))
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "eval actors: %v", err)
	}
	p, err := pf.pipeline()
	if err != nil {
		return err
	}
	var sc eval.ActorScore
	for _, st := range stories {
		var ms []dyad.Mention
		for _, sm := range p.Code(st.Doc).Actors {
			ms = append(ms, sm...)
		}
		sc.ScoreActors(eval.SilverGoldActors(st), ms)
	}
	if *asJSON {
		enc := json.NewEncoder(c.Env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(&sc)
	}
	if err := sc.Write(c.Env.Stdout); err != nil {
		return err
	}
	if *verbose {
		sc.WriteMisses(c.Env.Stdout)
	}
	return nil
}
