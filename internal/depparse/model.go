package depparse

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/dyad-events/dyad/internal/linear"
)

// Model is a trained parser in its stored form.
type Model struct {
	Labels  []string       // dependency relations; label l has actions Left(l), Right(l)
	Weights linear.Weights // one class per action
}

// Encode writes m gzip-compressed to w.
func Encode(w io.Writer, m *Model) error {
	if err := linear.Encode(w, m); err != nil {
		return fmt.Errorf("encode parser model: %w", err)
	}
	return nil
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	m, err := linear.Decode[Model](r)
	if err != nil {
		return nil, fmt.Errorf("decode parser model: %w", err)
	}
	if len(m.Labels) == 0 || 2*len(m.Labels)+1 > 256 {
		return nil, fmt.Errorf("decode parser model: %d labels", len(m.Labels))
	}
	return m, nil
}

// ModelFile is the embedded model's path inside the package directory.
const ModelFile = "model/parser.gob.gz"

//go:embed model
var modelFS embed.FS

// ErrNoModel reports that the binary was built without a parser model.
var ErrNoModel = errors.New("no parser model embedded: run dyad train parser")

var (
	defaultOnce   sync.Once
	defaultParser *Parser
	defaultErr    error
)

// Default returns the parser built from the embedded model, loading it on
// first use. The Parser is shared and safe for concurrent use.
func Default() (*Parser, error) {
	defaultOnce.Do(func() {
		b, err := linear.Embedded(modelFS, ModelFile, ErrNoModel)
		if err != nil {
			defaultErr = err
			return
		}
		m, err := Decode(bytes.NewReader(b))
		if err != nil {
			defaultErr = err
			return
		}
		defaultParser = New(m)
	})
	return defaultParser, defaultErr
}
