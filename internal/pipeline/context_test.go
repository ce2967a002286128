package pipeline_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/postag"
)

// cancelAfter is a Tagger that cancels a context once it has tagged n
// sentences, as a request's deadline passing in mid-story would.
type cancelAfter struct {
	pipeline.Tagger
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Tag(s *dyad.Sentence) {
	c.Tagger.Tag(s)
	if c.n--; c.n == 0 {
		c.cancel()
	}
}

// TestCodeContext checks that coding stops at the first sentence after
// the context is done, with the context's error, and that a live context
// codes the whole story.
func TestCodeContext(t *testing.T) {
	text := strings.Repeat("Russian forces attacked Ukrainian troops on Monday. ", 20)
	doc := &dyad.Document{ID: "d", Text: text}
	opts := pipeline.DefaultOptions()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	model, err := postag.Default()
	if err != nil {
		t.Skip(err)
	}
	tagger := &cancelAfter{Tagger: model, n: 3, cancel: cancel}
	opts.Tagger = tagger
	p, err := pipeline.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.CodeContext(ctx, doc)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("CodeContext after a cancel at sentence 3: err=%v, want context.Canceled", err)
	}
	if got, want := tagger.n, 0; got != want {
		t.Errorf("sentences tagged after the cancel: %d, want none", -got)
	}
	if len(r.Events) != 0 {
		t.Errorf("events coded after the cancel: %d, want 0", len(r.Events))
	}
	tagger.n, tagger.cancel = -1, func() {}
	full, err := p.CodeContext(context.Background(), doc)
	if err != nil || len(full.Sentences) != 20 || len(full.Events) == 0 {
		t.Fatalf("CodeContext with a live context: %d sentences, %d events, %v; want 20 sentences and events", len(full.Sentences), len(full.Events), err)
	}
}
