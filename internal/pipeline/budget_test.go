package pipeline_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// TestCodeAllBytes runs CodeAll over stories of 3 MiB and checks that the
// text read but not yet handed to emit never exceeds InflightBytes plus
// one story: the queue alone, bounded in documents, held 18 of them.
func TestCodeAllBytes(t *testing.T) {
	opts := pipeline.DefaultOptions()
	opts.WordOrder = true // no models: the bound, not the coding, is tested
	p, err := pipeline.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	const size, n = 3 << 20, 12
	text := strings.Repeat("x", size)
	var read, done, most atomic.Int64
	docs := func(yield func(*dyad.Document, error) bool) {
		for i := range n {
			if r := read.Add(size) - done.Load(); r > most.Load() {
				most.Store(r)
			}
			if !yield(&dyad.Document{ID: fmt.Sprint(i), Text: text}, nil) {
				return
			}
		}
	}
	emitted := 0
	err = p.CodeAll(context.Background(), docs, 2, func(r *pipeline.Result, err error) error {
		if err != nil {
			return err
		}
		emitted++
		done.Add(size)
		return nil
	})
	if err != nil || emitted != n {
		t.Fatalf("CodeAll: %d of %d emitted, %v", emitted, n, err)
	}
	if got, limit := most.Load(), int64(pipeline.InflightBytes+size); got > limit {
		t.Fatalf("%d MiB of text in flight at most, want at most %d MiB", got>>20, limit>>20)
	}
}
