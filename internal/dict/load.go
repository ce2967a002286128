package dict

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// data holds dyad's default dictionaries. The pattern needs only one .txt
// file to exist, so that verbs.txt may come and go.
//
//go:embed data/*.txt
var data embed.FS

var (
	defaultOnce sync.Once
	defaultDict *Dictionary
	defaultErr  error
)

// Default returns dyad's embedded dictionaries, parsed on first use. The
// result is shared: callers must not modify it (Merge into a new
// Dictionary instead). Safe for concurrent use.
func Default() (*Dictionary, error) {
	defaultOnce.Do(func() {
		defaultDict, defaultErr = loadFS(data, "data")
		if defaultErr != nil {
			defaultErr = fmt.Errorf("default dictionaries: %w", defaultErr)
		}
	})
	return defaultDict, defaultErr
}

// loadFS parses every .txt file of dir in fsys, in name order, and merges
// them. Errors of all files are collected.
func loadFS(fsys fs.FS, dir string) (*Dictionary, error) {
	names, err := fs.Glob(fsys, dir+"/*.txt")
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	sort.Strings(names)
	open := func(name string) (fs.File, error) { return fsys.Open(name) }
	return loadAll(names, open)
}

// LoadFile reads a dictionary file, or every *.txt file of a directory (not
// its subdirectories) in name order, merged. Bad lines of every file are
// reported together in one ErrorList.
func LoadFile(path string) (*Dictionary, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("load dictionary: %w", err)
	}
	names := []string{path}
	if fi.IsDir() {
		names, err = filepath.Glob(filepath.Join(path, "*.txt"))
		if err != nil {
			return nil, fmt.Errorf("load dictionary %s: %w", path, err)
		}
		sort.Strings(names)
	}
	open := func(name string) (fs.File, error) { return os.Open(name) }
	return loadAll(names, open)
}

// loadAll parses and merges the named files.
func loadAll(names []string, open func(string) (fs.File, error)) (*Dictionary, error) {
	d := &Dictionary{}
	var all ErrorList
	for _, name := range names {
		f, err := open(name)
		if err != nil {
			return nil, fmt.Errorf("open dictionary: %w", err)
		}
		o, err := Parse(name, f)
		f.Close()
		var list ErrorList
		switch {
		case errors.As(err, &list):
			all = append(all, list...)
		case err != nil:
			return nil, err
		}
		d.Merge(o)
	}
	if len(all) > 0 {
		return d, all
	}
	return d, nil
}

// Merge adds o's entries to d. An entry of o replaces d's entry with the
// same key: an actor's kind, code and name (a person's name and country), an
// agent's code (names are added; a name moves from any other agent), a
// verb's kind and pattern.
func (d *Dictionary) Merge(o *Dictionary) {
	if o == nil {
		return
	}
	d.mergeActors(o.Actors)
	d.mergeAgents(o.Agents)
	d.mergeVerbs(o.Verbs)
}

func (d *Dictionary) mergeActors(as []*Actor) {
	at := make(map[string]int, len(d.Actors))
	for i, a := range d.Actors {
		at[a.key()] = i
	}
	for _, a := range as {
		if i, ok := at[a.key()]; ok {
			d.Actors[i] = a
			continue
		}
		at[a.key()] = len(d.Actors)
		d.Actors = append(d.Actors, a)
	}
}

func (d *Dictionary) mergeAgents(as []*Agent) {
	for _, o := range as {
		taken := map[string]bool{}
		for _, n := range o.Names {
			taken[strings.ToLower(n)] = true
		}
		var mine *Agent
		for _, a := range d.Agents {
			if a.Code == o.Code {
				mine = a
				continue
			}
			a.Names = without(a.Names, taken)
		}
		if mine == nil {
			cp := *o
			cp.Names = append([]string(nil), o.Names...)
			d.Agents = append(d.Agents, &cp)
			continue
		}
		mine.Names = addUnique(mine.Names, o.Names...)
	}
}

// without returns names less those in taken (lower-cased).
func without(names []string, taken map[string]bool) []string {
	out := names[:0:0]
	for _, n := range names {
		if !taken[strings.ToLower(n)] {
			out = append(out, n)
		}
	}
	return out
}

func (d *Dictionary) mergeVerbs(vs []*Verb) {
	at := make(map[string]int, len(d.Verbs))
	key := func(v *Verb) string { return v.Kind + "\x00" + strings.Join(v.Words, " ") }
	for i, v := range d.Verbs {
		at[key(v)] = i
	}
	for _, v := range vs {
		if i, ok := at[key(v)]; ok {
			d.Verbs[i] = v
			continue
		}
		at[key(v)] = len(d.Verbs)
		d.Verbs = append(d.Verbs, v)
	}
}
