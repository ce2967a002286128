package dict

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
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
// result is shared: callers must not modify it. To add entries of their
// own, callers merge both into a new Dictionary, which leaves the defaults
// untouched:
//
//	d := &dict.Dictionary{}
//	d.Merge(def)
//	d.Merge(mine)
//
// Safe for concurrent use.
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
