package linear

import (
	"compress/gzip"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// Encode writes a model v in its stored form: gob, gzip-compressed.
func Encode(w io.Writer, v any) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(zw).Encode(v); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a model that Encode wrote.
func Decode[M any](r io.Reader) (*M, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	var m M
	if err := gob.NewDecoder(zr).Decode(&m); err != nil {
		return nil, err
	}
	return &m, nil
}

// Embedded reads an embedded model file; it returns none when the file is
// absent, as in a binary built before the model was trained.
func Embedded(fsys fs.FS, name string, none error) ([]byte, error) {
	b, err := fs.ReadFile(fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, none
	case err != nil:
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return b, nil
}
