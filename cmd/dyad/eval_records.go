package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/eval"
)

// recordFlags are the flags "eval petrarch" and "eval events" share: how
// to find the records' dictionaries, which records to code, how to read
// them and what to report.
type recordFlags struct {
	dirs, verbs stringList
	only        string
	udpipe      bool
	wordOrder   bool
	verbose     bool
	failures    string
	beam        beamWidth
	model       bool
}

// register adds the flags to fs.
func (rf *recordFlags) register(fs *flag.FlagSet) {
	fs.Var(&rf.dirs, "dicts", "`DIR` to look in for Environment files missing next to the records file (repeatable)")
	fs.Var(&rf.verbs, "verbs", "verbs `FILE` to use in place of the Environment's (repeatable)")
	fs.StringVar(&rf.only, "only", "", "code only the records whose id or category matches `REGEXP`")
	fs.BoolVar(&rf.udpipe, "udpipe", false, "code the records' own CoNLL-U trees (UD variant files) instead of dyad's parser")
	fs.BoolVar(&rf.wordOrder, "word-order", false, "code on word order, without tagger and parser")
	fs.BoolVar(&rf.verbose, "v", false, "list every bad dictionary line and every record not coded exactly, with what dyad found")
	fs.StringVar(&rf.failures, "failures", "", "write the records not coded exactly to `FILE` as JSON lines, with traces")
	rf.beam.register(fs)
	fs.BoolVar(&rf.model, "model", false, "code with the learned event extractor too (the records test the dictionaries they ship, so by default they are coded with the dictionaries alone)")
}

// options returns the coder options the flags ask for.
func (rf *recordFlags) options() eval.PetrarchOptions {
	return eval.PetrarchOptions{GoldParse: rf.udpipe, WordOrder: rf.wordOrder, Trace: rf.verbose || rf.failures != "", Beam: rf.beam.width(), Model: rf.model}
}

// read reads the records file at path and applies --dicts, --verbs,
// --only and the --udpipe check.
func (rf *recordFlags) read(path string) (*eval.RecordFile, error) {
	recs, err := eval.ReadRecords(path)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%v", err)
	}
	recs.Env.Locate(rf.dirs)
	if len(rf.verbs) > 0 {
		recs.Env.Verbs = rf.verbs
	}
	if rf.only != "" {
		rx, err := regexp.Compile(rf.only)
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "--only: %v", err)
		}
		recs.Only(rx)
	}
	if rf.udpipe && !recs.HasUDParses() {
		return nil, dyad.Errorf(dyad.EINVALID, "--udpipe: %s has no CoNLL-U parses (Penn trees or none); use its UD variant", path)
	}
	return recs, nil
}

// report writes, with -v, the bad dictionary lines and failures to w, and
// with --failures the failures to their file.
func (rf *recordFlags) report(w io.Writer, env *eval.EnvDict, fails []eval.Failure, list func(io.Writer)) error {
	if rf.verbose {
		if env != nil {
			for _, p := range env.Problems {
				fmt.Fprintf(w, "dictionary: %v\n", p)
			}
		}
		list(w)
	}
	return writeFailures(rf.failures, fails)
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

// reorder moves flags after positional arguments to the front, so that
// "eval petrarch FILE -v" works as "eval petrarch -v FILE". A flag of fs
// that is not a boolean takes the next argument as its value, unless
// given as -flag=value.
func reorder(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(append(append(flags, "--"), rest...), args[i+1:]...)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			if takesValue(fs, a) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			rest = append(rest, a)
		}
	}
	return append(flags, rest...)
}

// takesValue reports whether argument a names a flag of fs that takes
// the next argument as its value.
func takesValue(fs *flag.FlagSet, a string) bool {
	name := strings.TrimLeft(a, "-")
	if strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}
