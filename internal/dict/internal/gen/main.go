package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dyad-events/dyad/internal/datadir"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	ref := fs.String("ref", datadir.Path("reference"), "reference data directory (default: reference/ in the folder $"+datadir.Env+" names)")
	out := fs.String("out", "data", "output directory")
	since := fs.String("since", "1990-01-01", "keep leaders whose term ended on or after this day")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *ref == "" {
		return fmt.Errorf("name the reference tables' folder with -ref DIR, or the project's data with %s", datadir.Env)
	}
	cs, err := readCountries(filepath.Join(*ref, "world_countries", "countries.json"))
	if err != nil {
		return err
	}
	if err := write(filepath.Join(*out, "countries.txt"), func(w *bufio.Writer) { writeCountries(w, cs) }); err != nil {
		return err
	}
	ls, err := readLeaders(*ref, cs, *since)
	if err != nil {
		return err
	}
	return write(filepath.Join(*out, "leaders.txt"), func(w *bufio.Writer) { writeLeaders(w, ls) })
}

// write creates path and fills it with fill.
func write(path string, fill func(*bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fill(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
