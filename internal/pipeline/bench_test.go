package pipeline_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/testingutil"
)

// corpus returns the VOA stories of ../shared when present, else the
// example story, and a name for the benchmark.
func corpus(tb testing.TB) (string, []*dyad.Document) {
	tb.Helper()
	if docs := voa(tb); len(docs) > 0 {
		return "voa", docs
	}
	b, err := os.ReadFile("../../examples/korea-pressure.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return "example", []*dyad.Document{{ID: "example", Text: string(b), Date: time.Date(2016, 10, 27, 0, 0, 0, 0, time.UTC)}}
}

// voa reads ../shared/data/corpora/voa/voa_stories.jsonl, or nothing.
func voa(tb testing.TB) []*dyad.Document {
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "data", "corpora", "voa", "voa_stories.jsonl"))
	if err != nil {
		return nil // the example story serves instead
	}
	defer f.Close()
	var docs []*dyad.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r struct{ ID, Text, Published string }
		if json.Unmarshal(sc.Bytes(), &r) != nil {
			continue
		}
		d, _ := time.Parse("2006-01-02", firstN(r.Published, 10))
		docs = append(docs, &dyad.Document{ID: r.ID, Text: r.Text, Date: d})
	}
	return docs
}

func firstN(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

// BenchmarkCode measures end-to-end coding (text to events) per document,
// with and without document understanding, and reports sentences per
// second on one core.
func BenchmarkCode(b *testing.B) {
	name, docs := corpus(b)
	for _, mode := range []struct {
		name string
		bare bool
		word bool
	}{{"full", false, false}, {"bare", true, false}, {"full-wordorder", false, true}, {"bare-wordorder", true, true}} {
		opts := pipeline.DefaultOptions()
		opts.Bare, opts.WordOrder = mode.bare, mode.word
		p, err := pipeline.New(opts)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name+"/"+mode.name, func(b *testing.B) {
			b.ReportAllocs()
			sents, n := 0, 0
			start := testingutil.CPUTime()
			for b.Loop() {
				r := p.Code(docs[n%len(docs)])
				sents += len(r.Sentences)
				n++
			}
			testingutil.ReportCPU(b, start, sents)
			b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
