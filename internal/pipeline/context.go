package pipeline

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/segment"
	"github.com/dyad-events/dyad/internal/tokenize"
)

// LongStory is the size in bytes above which a story is coded a part at
// a time: its tokens, tags and parses, about 20 times the text in memory,
// are then held for one part only, and a 15 MiB story no longer needs 1.5
// GB. Coreference, quotes and places do not reach across parts, which
// are cut at paragraph breaks; 256 KiB is some 40,000 words, ten times a
// long feature story.
const LongStory = 256 << 10

// Code runs every stage over doc.
func (p *Pipeline) Code(doc *dyad.Document) *Result {
	r, _ := p.code(context.Background(), doc, coding{}) // never done: no error
	return r
}

// CodeContext is Code that stops between sentences once ctx is done, so
// that a request's timeout bounds the work a long story costs. It returns
// ctx's error, and the partial result, when it stops.
func (p *Pipeline) CodeContext(ctx context.Context, doc *dyad.Document) (*Result, error) {
	return p.code(ctx, doc, coding{})
}

// CodeLean is Code for callers that keep only what storing or printing
// events needs: the result's sentences have no tokens, and it holds no
// actor mentions or quotations (each event keeps its own). A long story's
// are dropped part by part, so its memory is that of its events.
func (p *Pipeline) CodeLean(doc *dyad.Document) *Result {
	r, _ := p.code(context.Background(), doc, coding{lean: true}) // never done: no error
	return r
}

// code codes doc whole, or a part at a time when it is longer than
// LongStory, as c asks.
func (p *Pipeline) code(ctx context.Context, doc *dyad.Document, c coding) (*Result, error) {
	note := p.storyNote(doc)
	if len(doc.Text) <= LongStory {
		r, err := p.codeSentences(ctx, doc, segment.Sentences(doc.Text, tokenize.Text(doc.Text)), note, c.keep)
		if c.lean {
			r.lean()
		}
		return r, err
	}
	r := &Result{Doc: doc}
	notes := map[string]bool{}
	for start := 0; start < len(doc.Text); {
		end := partEnd(doc.Text, start, LongStory)
		sents := segment.Sentences(doc.Text[start:end], tokenize.Text(doc.Text[start:end]))
		shift(sents, start, len(r.Sentences))
		d := doc
		if start > 0 { // the headline is coded with the first part only
			cp := *doc
			cp.Title = ""
			d = &cp
		}
		part, err := p.codeSentences(ctx, d, sents, note, c.keep)
		if c.lean {
			part.lean()
		}
		for i := range part.Sentences {
			part.Sentences[i].Tokens = nil // done with: free them before the next part
		}
		r.Sentences = append(r.Sentences, part.Sentences...)
		r.Actors = append(r.Actors, part.Actors...)
		r.Events = append(r.Events, part.Events...)
		r.Quotes = append(r.Quotes, part.Quotes...)
		for _, n := range part.Notes {
			if !notes[n] {
				notes[n] = true
				r.Notes = append(r.Notes, n)
			}
		}
		if err != nil {
			return r, err
		}
		start = end
	}
	return r, nil
}

// lean drops what storing r does not need: the sentences' tokens, the
// actor mentions and the quotations. The events keep their own copies.
func (r *Result) lean() {
	for i := range r.Sentences {
		r.Sentences[i].Tokens = nil
	}
	r.Actors, r.Quotes = nil, nil
}

// partEnd returns where the part of text that begins at start ends: after
// the last paragraph break (else line break, else sentence end, else
// space) within max bytes, at a rune boundary.
func partEnd(text string, start, max int) int {
	if len(text)-start <= max {
		return len(text)
	}
	win := text[start : start+max]
	for _, sep := range []string{"\n\n", "\n", ". ", " "} {
		if i := strings.LastIndex(win, sep); i > max/2 {
			return start + i + len(sep)
		}
	}
	end := start + max
	for end > start && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}

// shift makes the spans of sents, read from a part of a story that starts
// at byte off, spans of the story, and numbers them from first.
func shift(sents []dyad.Sentence, off, first int) {
	for i := range sents {
		s := &sents[i]
		s.Index += first
		s.Span.Start += off
		s.Span.End += off
		for k := range s.Tokens {
			s.Tokens[k].Span.Start += off
			s.Tokens[k].Span.End += off
		}
	}
}
