package extract

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/internal/linear"
)

// NumRoots is the number of trigger classes: no event, then roots 01–20.
const NumRoots = 21

// RootClass returns the trigger class of a CAMEO root ("01" → 1), 0 for
// none or an unknown root.
func RootClass(root string) int {
	if len(root) != 2 || root[0] < '0' || root[0] > '2' || root[1] < '0' || root[1] > '9' {
		return 0
	}
	c := int(root[0]-'0')*10 + int(root[1]-'0')
	if c < 1 || c > 20 {
		return 0
	}
	return c
}

// ClassRoot is RootClass's inverse.
func ClassRoot(c int) string {
	if c <= 0 || c >= NumRoots {
		return ""
	}
	return string([]byte{byte('0' + c/10), byte('0' + c%10)})
}

// Model is the stored extractor: its three linear models, the codes the
// training news gave each word within a root, and the decision
// thresholds tuned on held-out news.
type Model struct {
	Trigger  linear.Weights
	Arg      linear.Weights
	Modality linear.Weights
	// Sentence scores, for each root class, whether the sentence reports
	// an event of it at all: a root whose score is above SentenceMargin
	// is coded at the sentence's best trigger for it even when no single
	// word passes TriggerMargin. One pass over the sentence's features
	// scores every root.
	Sentence       linear.Weights
	SentenceMargin int32
	// SentenceWeight adds the sentence model's score of each root, times
	// this, to every word's score for that root: 0 leaves the words to
	// the trigger model.
	SentenceWeight float64
	// WordCodes lists "lemma root code", sorted: the code the training
	// news most often gave that word in that root. (A list, not a map,
	// so that the stored model is the same bytes from run to run.)
	WordCodes []string
	// Domestic lists the roots whose events the training news more often
	// codes against the source's own country than with no target (all
	// but statements and shows of force), sorted: an event of one of
	// them whose target no actor names is coded against the source's
	// country. A model without it codes such events without a target.
	Domestic []string
	// TriggerMargin is added to the no-event score before the best class
	// is taken: above 0 the extractor codes fewer, surer events.
	TriggerMargin int32
	// ArgMargin is added to the neither score of an argument.
	ArgMargin int32
	// SourcelessMargin is the trigger margin above which an event whose
	// source no mention names is kept, with its subject's words as an
	// unknown source.
	SourcelessMargin int32
	// KeepRules keeps the dictionary coder's events at words the models
	// code nothing for.
	KeepRules bool
	// Scale and Bias map score margins to confidence: confidence is the
	// logistic of margin/Scale + Bias, fitted on held-out news.
	Scale, Bias float64
	// Classes lists "lemma coarse fine": the word classes the model's
	// features read (NewClasses); none in a model trained without them.
	Classes []string
	// Trained says what the model learned from, for --explain and docs.
	Trained string
}

// Codes returns m's word codes as a map from "lemma root" to code.
func (m *Model) Codes() map[string]string {
	out := make(map[string]string, len(m.WordCodes))
	for _, wc := range m.WordCodes {
		if i := strings.LastIndexByte(wc, ' '); i > 0 {
			out[wc[:i]] = wc[i+1:]
		}
	}
	return out
}

// Encode writes m in dyad's stored model form.
func (m *Model) Encode(w io.Writer) error { return linear.Encode(w, m) }

// Decode reads a model Encode wrote.
func Decode(r io.Reader) (*Model, error) { return linear.Decode[Model](r) }

// ModelFile is the embedded model's path inside the model directory.
const ModelFile = "model/events.gob.zst"

//go:embed model
var modelFS embed.FS

// ErrNoModel reports that the binary was built without an event model.
var ErrNoModel = errors.New("no event model embedded: run dyad train events")

// Default returns the extractor built from the embedded model, loading it
// on first use. It is shared and safe for concurrent use.
func Default() (*Extractor, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Extractor, error) {
	f, err := linear.OpenEmbedded(modelFS, ModelFile, ErrNoModel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ModelFile, err)
	}
	return New(m), nil
})
