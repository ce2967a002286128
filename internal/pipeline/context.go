package pipeline

import (
	"context"

	"github.com/dyad-events/dyad"
)

// Code runs every stage over doc.
func (p *Pipeline) Code(doc *dyad.Document) *Result {
	r, _ := p.code(context.Background(), doc, nil) // never done: no error
	return r
}

// CodeContext is Code that stops between sentences once ctx is done, so
// that a request's timeout bounds the work a long story costs. It returns
// ctx's error, and the partial result, when it stops.
func (p *Pipeline) CodeContext(ctx context.Context, doc *dyad.Document) (*Result, error) {
	return p.code(ctx, doc, nil)
}
