package extract

import (
	"io"
	"io/fs"
	"testing"

	"github.com/dyad-events/dyad/internal/testingutil"
)

// BenchmarkLoad measures decoding the embedded model and building its
// scoring tables, what Default costs a command that codes.
func BenchmarkLoad(b *testing.B) {
	raw, err := fs.ReadFile(modelFS, ModelFile)
	if err != nil { // a binary built before the model was trained
		b.Skip(err)
	}
	testingutil.BenchLoad(b, raw, func(r io.Reader) error {
		m, err := Decode(r)
		if err == nil {
			New(m)
		}
		return err
	})
}

// BenchmarkCode measures the extractor alone on a parsed sentence with
// three actors: the models' share of coding a sentence.
func BenchmarkCode(b *testing.B) {
	x, err := Default()
	if err != nil {
		b.Skip(err)
	}
	doc, s := metSentence()
	start := testingutil.CPUTime()
	for b.Loop() {
		x.Code(doc, s)
	}
	testingutil.ReportCPU(b, start, b.N)
}
