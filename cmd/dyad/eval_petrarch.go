package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"

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

// petrarch runs "dyad eval petrarch FILE.xml [-v] [--udpipe] [--word-order]".
func (c *EvalCommand) petrarch(args []string) error {
	fs := flag.NewFlagSet("eval petrarch", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	verbose := fs.Bool("v", false, "list every record not coded exactly, with what dyad found")
	gold := fs.Bool("udpipe", false, "code the records' own CoNLL-U parses (UD variant files) instead of dyad's parser")
	wordOrder := fs.Bool("word-order", false, "code on word order, without tagger and parser")
	failures := fs.String("failures", "", "write the records not coded exactly to `FILE` as JSON lines, with traces")
	only := fs.String("only", "", "code only the records whose id or category matches `REGEXP`")
	var dirs, verbs stringList
	fs.Var(&dirs, "dicts", "`DIR` to look in for Environment files missing next to the records file (repeatable)")
	fs.Var(&verbs, "verbs", "verbs `FILE` to use in place of the Environment's (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(c.Env.Stderr, "usage: dyad eval petrarch FILE.xml [-v] [--udpipe] [--word-order] [--dicts DIR] [--verbs FILE] [--only REGEXP] [--failures FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "eval petrarch: name one records file")
	}
	rf, err := eval.ReadRecords(fs.Arg(0))
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "eval petrarch: %v", err)
	}
	rf.Env.Locate(dirs)
	if *only != "" {
		rx, err := regexp.Compile(*only)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "--only: %v", err)
		}
		rf.Only(rx)
	}
	if *gold && !rf.HasUDParses() {
		return dyad.Errorf(dyad.EINVALID, "--udpipe: %s has no CoNLL-U parses (Penn trees or none); use its UD variant", rf.Path)
	}
	if len(verbs) > 0 {
		rf.Env.Verbs = verbs
	}
	env, err := eval.LoadEnvironment(rf.Env)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "eval petrarch: %v", err)
	}
	code, err := eval.NewPetrarchCoder(env, eval.PetrarchOptions{GoldParse: *gold, WordOrder: *wordOrder, Trace: *verbose || *failures != ""})
	if err != nil {
		return err
	}
	rep := eval.ScorePetrarch(rf.Records, code)
	out := petrarchOutput{File: fs.Arg(0), Tally: rep.Tally, ByCategory: rep.ByCategory, NonCAMEO: rep.NonCAMEO, Causes: rep.Causes, Parser: eval.Analysis(eval.PetrarchOptions{GoldParse: *gold, WordOrder: *wordOrder})}
	out.Dictionary.Actors, out.Dictionary.Agents, out.Dictionary.Verbs = env.Report.Actors, env.Report.Agents, env.Report.Verbs
	out.Dictionary.BadLines, out.Dictionary.Lost = len(env.Problems), env.Report.Lost
	if *verbose {
		for _, p := range env.Problems {
			fmt.Fprintf(c.Env.Stderr, "dictionary: %v\n", p)
		}
		rep.WriteFailures(c.Env.Stderr)
	}
	if err := writeFailures(*failures, rep.Failures); err != nil {
		return err
	}
	enc := json.NewEncoder(c.Env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// takesValue names the eval flags that take a value as the next argument.
var takesValue = map[string]bool{"dicts": true, "verbs": true, "gold": true, "dict": true, "failures": true, "with": true, "only": true}

// reorder moves flags after positional arguments to the front, so that
// "eval petrarch FILE -v" works as "eval petrarch -v FILE".
func reorder(args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			if takesValue[strings.TrimLeft(a, "-")] && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			rest = append(rest, a)
		}
	}
	return append(flags, rest...)
}

// writeFailures writes fs to the file path as JSON lines; "" writes nothing.
func writeFailures(path string, fs []eval.Failure) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "--failures: %v", unwrapPath(err))
	}
	if err := eval.WriteJSONL(f, fs); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
