package source

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Paths of the source files inside the shared data directory.
const (
	CAMEOFile   = "cameo/cameo-codes.csv"
	MappingFile = "plover/CAMEO2PLOVER-2021.txt"
)

// Load reads the CAMEO list and the conversion table from the shared data
// directory and builds the table.
func Load(dataDir string) ([]Entry, Report, error) {
	rows, err := readFile(filepath.Join(dataDir, CAMEOFile), ReadCAMEO)
	if err != nil {
		return nil, Report{}, err
	}
	maps, err := readFile(filepath.Join(dataDir, MappingFile), ReadMapping)
	if err != nil {
		return nil, Report{}, err
	}
	names, err := Names()
	if err != nil {
		return nil, Report{}, fmt.Errorf("names: %w", err)
	}
	return Build(rows, maps, names)
}

// readFile opens path and hands it to read.
func readFile[T any](path string, read func(io.Reader, string) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	v, err := read(f, filepath.Base(path))
	if err != nil {
		return v, fmt.Errorf("read %s: %w", path, err)
	}
	return v, nil
}
