package linear

import (
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/klauspost/compress/zstd"
)

// Encode writes a model v in its stored form: gob (Weights in their own
// layout, binary.go), zstd-compressed. Zstandard decompresses several
// times faster than gzip at a similar size, and decompression is a good
// part of a model's load time.
func Encode(w io.Writer, v any) error {
	zw, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(zw).Encode(v); err != nil {
		zw.Close()
		return err
	}
	return zw.Close()
}

// Decode reads a model that Encode wrote.
func Decode[M any](r io.Reader) (*M, error) {
	zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var m M
	if err := gob.NewDecoder(zr).Decode(&m); err != nil {
		return nil, err
	}
	return &m, nil
}

// OpenEmbedded opens an embedded model file to Decode; it returns none
// when the file is absent, as in a binary built before the model was
// trained. Reading the open file streams from the binary's own data,
// where Embedded copies the whole file to the heap first.
func OpenEmbedded(fsys fs.FS, name string, none error) (fs.File, error) {
	f, err := fsys.Open(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, none
	case err != nil:
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}
