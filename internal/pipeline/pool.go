package pipeline

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/dyad-events/dyad"
)

// DefaultQueue is how many documents wait for a worker per worker; the
// reader blocks beyond it, so memory stays bounded whatever the input.
const DefaultQueue = 4

// item is one document, or the read error in its place, on its way through
// the pool.
type item struct {
	doc   *dyad.Document
	err   error
	res   *Result
	bytes int // taken from the in-flight budget
}

// CodeAll codes docs on workers goroutines (0: one per CPU) through a
// queue bounded in documents and in bytes (InflightBytes) and calls emit,
// from a single goroutine, with each result in completion order. Results
// are CodeLean's: what storing needs, so that a long story's tokens,
// mentions and quotations are freed part by part. A read error from docs
// is passed on as emit(nil, err); a document whose coding panics is passed
// on as emit(&Result{Doc}, err) and the run goes on. CodeAll stops at the first
// error emit returns, or when ctx is done, and returns it.
func (p *Pipeline) CodeAll(ctx context.Context, docs iter.Seq2[*dyad.Document, error], workers int, emit func(*Result, error) error) error {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan item, workers*DefaultQueue)
	out := make(chan item, workers*DefaultQueue)
	b := newBudget(InflightBytes)
	go func() {
		defer close(in)
		for doc, err := range docs {
			it := item{doc: doc, err: err}
			if doc != nil {
				n, err := b.acquire(ctx, len(doc.Text))
				if err != nil {
					return
				}
				it.bytes = n
			}
			select {
			case in <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range in {
				if it.err == nil {
					it.res, it.err = p.codeSafe(it.doc)
				}
				select {
				case out <- it:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return drain(ctx, out, cancel, b, emit)
}

// drain hands each finished item to emit until out closes or emit fails.
func drain(ctx context.Context, out <-chan item, cancel func(), b *budget, emit func(*Result, error) error) error {
	var first error
	for it := range out {
		if first == nil { // after a failure, only let the workers finish
			if err := emit(it.res, it.err); err != nil {
				first = err
				cancel()
			}
		}
		b.release(it.bytes) // after emit: its storing holds the reader back
	}
	if first == nil {
		first = ctx.Err()
	}
	return first
}

// codeSafe codes one document and turns a panic in a stage into an error,
// so that one bad document cannot stop a corpus run.
func (p *Pipeline) codeSafe(doc *dyad.Document) (r *Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			r, err = &Result{Doc: doc}, fmt.Errorf("%s: coding failed: %v", doc.ID, v)
		}
	}()
	return p.CodeLean(doc), nil
}
