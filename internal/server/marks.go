package server

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// Mark is a highlighted part of an event's sentence: the source, the verb
// or the target, as byte offsets into Event.Text.
type Mark struct {
	Role  string `json:"role"` // source, verb or target
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// eventView is an event as the API returns it: the event record plus the
// marks that locate its source, verb and target in its sentence.
type eventView struct {
	*dyad.Event
	Marks []Mark `json:"marks"`
}

// view wraps ev with its marks.
func view(ev *dyad.Event) eventView { return eventView{Event: ev, Marks: marks(ev)} }

// marks locates the source, verb and target of ev in ev.Text. Their spans
// are offsets into the document, and the store keeps only the sentence, so
// marks finds the sentence's offset in the document: the one that puts
// the verb (and then the actors) where their spans say. Parts that cannot
// be placed are left out.
func marks(ev *dyad.Event) []Mark {
	parts := []struct {
		role string
		text string
		span dyad.Span
	}{
		{"source", ev.Source.Text, ev.Source.Span},
		{"verb", ev.Evidence.Verb, ev.Evidence.VerbSpan},
		{"target", ev.Target.Text, ev.Target.Span},
	}
	off, ok := sentenceOffset(ev)
	ms := []Mark{}
	for _, p := range parts {
		if p.text == "" {
			continue
		}
		start, end := p.span.Start-off, p.span.End-off
		if !ok || start < 0 || end > len(ev.Text) || start >= end || ev.Text[start:end] != p.text {
			// Fall back to the first occurrence of the words.
			i := strings.Index(ev.Text, p.text)
			if i < 0 {
				continue
			}
			start, end = i, i+len(p.text)
		}
		ms = append(ms, Mark{Role: p.role, Start: start, End: end})
	}
	return ms
}

// sentenceOffset returns the document offset of ev.Text that agrees with
// most of the event's spans.
func sentenceOffset(ev *dyad.Event) (int, bool) {
	type part struct {
		text string
		span dyad.Span
	}
	parts := []part{{ev.Evidence.Verb, ev.Evidence.VerbSpan}, {ev.Source.Text, ev.Source.Span}, {ev.Target.Text, ev.Target.Span}}
	best, bestScore := 0, 0
	for _, anchor := range parts {
		if anchor.text == "" {
			continue
		}
		for i := 0; ; {
			k := strings.Index(ev.Text[i:], anchor.text)
			if k < 0 {
				break
			}
			off := anchor.span.Start - (i + k)
			score := 0
			for _, p := range parts {
				s, e := p.span.Start-off, p.span.End-off
				if p.text != "" && s >= 0 && e <= len(ev.Text) && s < e && ev.Text[s:e] == p.text {
					score++
				}
			}
			if score > bestScore {
				best, bestScore = off, score
			}
			i += k + 1
		}
	}
	return best, bestScore > 0
}
