package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
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

// TestCodeLongStory codes a story over LongStory, which is coded a part
// at a time: its sentences must be numbered and placed as in one story,
// each paragraph coded as its place in the story codes it, with ids
// unique and spans that point at the actors' words in the story.
func TestCodeLongStory(t *testing.T) {
	p, err := pipeline.New(pipeline.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	para := "Russian forces attacked Ukrainian troops on Monday. Chinese officials met with Japanese diplomats. \"We will talk again,\" the Chinese minister said.\n\n"
	title := "Iran threatens Israel"
	one := p.Code(&dyad.Document{ID: "p", Title: title, Text: para})
	heads := 0
	for _, ev := range one.Events {
		if ev.Headline {
			heads++
		}
	}
	if len(one.Events) == heads {
		t.Fatal("the paragraph alone codes no event")
	}
	n := pipeline.LongStory/len(para) + 50
	doc := &dyad.Document{ID: "long", Title: title, Text: strings.Repeat(para, n)}
	r := p.Code(doc)
	if got, want := len(r.Sentences), n*len(one.Sentences); got != want {
		t.Fatalf("%d sentences, want %d", got, want)
	}
	for i, s := range r.Sentences {
		if s.Index != i || doc.Text[s.Span.Start:s.Span.End] != s.Text {
			t.Fatalf("sentence %d: index %d, span %v holds %q, want %q", i, s.Index, s.Span, doc.Text[s.Span.Start:s.Span.End], s.Text)
		}
	}
	if len(one.Quotes) == 0 {
		t.Fatal("the paragraph alone has no quotation")
	}
	if got, want := len(r.Quotes), n*len(one.Quotes); got != want { // each part once, not the whole story's each time
		t.Fatalf("%d quotations, want %d", got, want)
	}
	// Each paragraph's events, as (sentence in the paragraph, root,
	// source, target): past the story's opening (the models read a
	// sentence's place in its story, bucketed up to "12 and on", and what
	// the rest of the story reports) every paragraph codes the same,
	// across the parts' seams; the headline's once.
	per := len(one.Sentences)
	sig := func(evs []dyad.Event) map[int][]string {
		out := map[int][]string{}
		for _, ev := range evs {
			if !ev.Headline {
				out[ev.Sentence/per] = append(out[ev.Sentence/per], fmt.Sprint(ev.Sentence%per, ev.CAMEO.Root, ev.Source.Code, ev.Target.Code))
			}
		}
		for _, v := range out {
			slices.Sort(v)
		}
		return out
	}
	long := sig(r.Events)
	settled := (12 + per - 1) / per
	if len(long[settled]) == 0 {
		t.Fatalf("paragraph %d codes no event", settled)
	}
	for j := settled; j < n; j++ {
		if !slices.Equal(long[j], long[settled]) {
			t.Fatalf("paragraph %d codes %v, paragraph %d %v", j, long[j], settled, long[settled])
		}
	}
	longHeads := 0
	for _, ev := range r.Events {
		if ev.Headline {
			longHeads++
		}
	}
	if longHeads != heads {
		t.Errorf("%d headline events, want %d (once)", longHeads, heads)
	}
	ids := map[string]bool{}
	for _, ev := range r.Events {
		if ids[ev.ID] {
			t.Fatalf("event id %s twice", ev.ID)
		}
		ids[ev.ID] = true
		if ev.Headline {
			continue
		}
		if sp := ev.Source.Span; doc.Text[sp.Start:sp.End] != ev.Source.Text {
			t.Fatalf("event %s: source span %v holds %q, want %q", ev.ID, sp, doc.Text[sp.Start:sp.End], ev.Source.Text)
		}
	}
}
