package main

import (
	"encoding/json"
	"flag"
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/eval"
)

// petrarchOutput is the JSON "dyad eval petrarch" prints.
type petrarchOutput struct {
	File string `json:"file"`
	eval.Tally
	ByCategory map[string]*eval.Tally `json:"by_category"`
	NonCAMEO   int                    `json:"non_cameo_expected"` // records expecting a code outside CAMEO
	Causes     map[string]int         `json:"causes"`             // records not exact, by likeliest cause
	Parser     string                 `json:"parser"`             // what sentences were read with: eval.Analysis
	// Dictionary says what the PETRARCH dictionaries gave and lost.
	Dictionary struct {
		Actors   int            `json:"actors"`
		Agents   int            `json:"agents"`
		Verbs    int            `json:"verbs"`
		BadLines int            `json:"bad_lines"`
		Lost     map[string]int `json:"lost,omitempty"`
	} `json:"dictionary"`
}

// petrarch runs "dyad eval petrarch FILE.xml [flags]".
func (c *EvalCommand) petrarch(args []string) error {
	fs := flag.NewFlagSet("eval petrarch", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	var rf recordFlags
	rf.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.Env.Stderr, "usage: dyad eval petrarch FILE.xml [-v] [--udpipe] [--word-order] [--beam N] [--dicts DIR] [--verbs FILE] [--only REGEXP] [--failures FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "eval petrarch: name one records file")
	}
	recs, err := rf.read(fs.Arg(0))
	if err != nil {
		return err
	}
	env, err := eval.LoadEnvironment(recs.Env)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "eval petrarch: %v", err)
	}
	code, err := eval.NewPetrarchCoder(env, rf.options())
	if err != nil {
		return err
	}
	rep := eval.ScorePetrarch(recs.Records, code)
	out := petrarchOutput{File: fs.Arg(0), Tally: rep.Tally, ByCategory: rep.ByCategory, NonCAMEO: rep.NonCAMEO,
		Causes: rep.Causes, Parser: eval.Analysis(rf.options())}
	out.Dictionary.Actors, out.Dictionary.Agents, out.Dictionary.Verbs = env.Report.Actors, env.Report.Agents, env.Report.Verbs
	out.Dictionary.BadLines, out.Dictionary.Lost = len(env.Problems), env.Report.Lost
	if err := rf.report(c.Env.Stderr, env, rep.Failures, rep.WriteFailures); err != nil {
		return err
	}
	enc := json.NewEncoder(c.Env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
