package postag

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"

	"github.com/dyad-events/dyad/internal/linear"
)

// Model is a trained tagger in its stored form. Its tables are slices
// sorted by key, so that encoding is deterministic.
type Model struct {
	Tags   []string       // "UPOS XPOS" pairs; a class is an index into Tags
	Amb    []Pair         // normalised word → ambiguity class
	Auto   []Pair         // normalised word → tags it took in unlabelled news, as first-pass tagged
	Pass1  linear.Weights // left-to-right pass
	Pass2  linear.Weights // second pass, seeing the first pass's tags
	Lemmas []Pair         // lower form + "\t" + XPOS → lemma
	Rules  []RulePair     // XPOS + "\t" + suffix of the lower form → rule
}

// Pair is one entry of a string table.
type Pair struct{ Key, Value string }

// RulePair is one entry of the lemma rule table.
type RulePair struct {
	Key  string
	Rule Rule
}

// Pairs returns the entries of m sorted by key.
func Pairs(m map[string]string) []Pair {
	out := make([]Pair, 0, len(m))
	for k, v := range m {
		out = append(out, Pair{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// RulePairs returns the entries of m sorted by key.
func RulePairs(m map[string]Rule) []RulePair {
	out := make([]RulePair, 0, len(m))
	for k, v := range m {
		out = append(out, RulePair{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// Rule rewrites a word's ending into its lemma's: strip Strip bytes, then
// add Add.
type Rule struct {
	Strip int
	Add   string
}

// Encode writes m in its stored form (linear.Encode) to w.
func Encode(w io.Writer, m *Model) error {
	if err := linear.Encode(w, m); err != nil {
		return fmt.Errorf("encode tagger model: %w", err)
	}
	return nil
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	m, err := linear.Decode[Model](r)
	if err != nil {
		return nil, fmt.Errorf("decode tagger model: %w", err)
	}
	if len(m.Tags) == 0 || len(m.Tags) > 255 {
		return nil, fmt.Errorf("decode tagger model: %d tags", len(m.Tags))
	}
	return m, nil
}

// ModelFile is the embedded model's path inside the model directory.
const ModelFile = "model/tagger.gob.zst"

//go:embed model
var modelFS embed.FS

// ErrNoModel reports that the binary was built without a tagger model.
var ErrNoModel = errors.New("no tagger model embedded: run dyad train tagger")

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the tagger built from the embedded model, loading it on
// first use. The Tagger is shared and safe for concurrent use.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		f, err := linear.OpenEmbedded(modelFS, ModelFile, ErrNoModel)
		if err != nil {
			defaultErr = err
			return
		}
		defer f.Close()
		m, err := Decode(f)
		if err != nil {
			defaultErr = err
			return
		}
		defaultTagger = New(m)
	})
	return defaultTagger, defaultErr
}
