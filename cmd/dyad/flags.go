package main

import (
	"flag"
	"fmt"
	"strings"
)

// The flag vocabulary every command shares: --format names a format (what
// code and export write, what ingest reads), -o/--output names a file
// written. Older spellings stay as deprecated aliases that warn.

// deprecatedPrefix starts the usage of a deprecated alias; parseArgs warns
// when one is used.
const deprecatedPrefix = "deprecated: "

// alias registers old as a deprecated spelling of the flag name, which must
// be defined already.
func alias(fs *flag.FlagSet, old, name string) {
	fs.Var(fs.Lookup(name).Value, old, deprecatedPrefix+"use --"+name)
}

// outputFlag registers -o and --output for one output file.
func outputFlag(fs *flag.FlagSet, p *string, usage string) {
	fs.StringVar(p, "o", "", usage)
	fs.StringVar(p, "output", "", "same as -o")
}

// parseArgs parses the flags of args wherever they stand, before or after
// the file names ("dyad code story.txt --date 2016-10-27"); after "--"
// everything is a name. fs.Args() then returns the names in order. It
// warns on stderr about deprecated spellings.
func parseArgs(fs *flag.FlagSet, args []string) error {
	var names []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			names = append(names, rest...) // the flag package ate "--"
			break
		}
		names = append(names, rest[0])
		args = rest[1:]
	}
	fs.Visit(func(f *flag.Flag) {
		if use, ok := strings.CutPrefix(f.Usage, deprecatedPrefix); ok {
			fmt.Fprintf(fs.Output(), "%s: --%s is deprecated; %s\n", fs.Name(), f.Name, use)
		}
	})
	// Parse once more so fs.Args() holds every name; flags keep their
	// values.
	return fs.Parse(append([]string{"--"}, names...))
}
