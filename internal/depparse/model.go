package depparse

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	"github.com/dyad-events/dyad/internal/linear"
)

// Model is a trained parser in its stored form.
type Model struct {
	Labels  []string       // dependency relations; label l has actions Left(l), Right(l)
	Weights linear.Weights // one class per action
	// Global is set when the weights were trained for beam search (the
	// sum of a parse's action scores is its score); a greedy model's
	// scores are local, and the beam turns them into probabilities.
	Global bool
	// Lambda, when above 0, makes a Global model a correction to the
	// greedy model: the beam scores an action Lambda times this model's
	// score (in perceptron updates) plus the greedy model's
	// log-probability of it.
	Lambda float32
}

// Encode writes m in its stored form (linear.Encode) to w.
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
	if l := float64(m.Lambda); math.IsNaN(l) || math.IsInf(l, 0) || l < 0 || l > 0 && !m.Global {
		return nil, fmt.Errorf("decode parser model: lambda %g (it must be finite, at least 0, and 0 unless the model was trained for the beam)", m.Lambda)
	}
	return m, nil
}

// ModelFile is the embedded greedy model's path inside the package
// directory; BeamModelFile is the accurate mode's, trained for the beam.
const (
	ModelFile     = "model/parser.gob.zst"
	BeamModelFile = "model/parser-beam.gob.zst"
)

//go:embed model
var modelFS embed.FS

// ErrNoModel reports that the binary was built without a parser model.
var ErrNoModel = errors.New("no parser model embedded: run dyad train parser")

// embedded loads one embedded model on first use.
type embedded struct {
	once   sync.Once
	file   string
	parser *Parser
	err    error
}

func (e *embedded) load() (*Parser, error) {
	e.once.Do(func() {
		f, err := linear.OpenEmbedded(modelFS, e.file, ErrNoModel)
		if err != nil {
			e.err = err
			return
		}
		defer f.Close()
		m, err := Decode(f)
		if err != nil {
			e.err = err
			return
		}
		e.parser = New(m)
	})
	return e.parser, e.err
}

var (
	greedyModel = embedded{file: ModelFile}
	beamModel   = embedded{file: BeamModelFile}
)

// Default returns the greedy parser built from the embedded model, loading
// it on first use. The Parser is shared and safe for concurrent use.
func Default() (*Parser, error) { return greedyModel.load() }

// ForBeam returns the embedded parser for a beam of the given width: for
// 1 or less the greedy parser (Default); above that the accurate mode,
// loaded on first use: the model trained for the beam, scoring together
// with the greedy one. A binary built without that model beams over the
// greedy model alone.
func ForBeam(width int) (*Parser, error) {
	greedy, err := Default()
	if width <= 1 || err != nil {
		return greedy, err
	}
	p, err := beamModel.load()
	switch {
	case errors.Is(err, ErrNoModel):
		p = nil
	case err != nil:
		return nil, err
	}
	return Accurate(greedy, p, width)
}

// Accurate returns the accurate mode that greedy and the beam-trained
// model p make together, searching with a beam of the given width; with
// no p, the beam searches over the greedy model alone.
func Accurate(greedy, p *Parser, width int) (*Parser, error) {
	switch {
	case p == nil:
		p = greedy
	case p.lambda > 0 && !slices.Equal(p.Labels(), greedy.Labels()):
		return nil, fmt.Errorf("parser models: the beam model corrects a greedy model trained on other relations: retrain it (dyad train parser -beam 8)")
	case p.lambda > 0:
		p = p.WithPrior(greedy)
	}
	return p.WithBeam(width), nil
}
