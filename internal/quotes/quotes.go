package quotes

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// speech are the forms of verbs of saying that attribute a quotation.
var speech = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
	"stated": true, "states": true, "announced": true, "insisted": true, "stressed": true,
	"noted": true, "declared": true, "asserted": true, "explained": true, "claimed": true,
	"warned": true, "wrote": true, "tweeted": true, "argued": true, "acknowledged": true,
	"emphasised": true, "emphasized": true, "maintained": true, "reiterated": true,
}

// Find returns the quotations of a story, in order: direct ones between
// quotation marks and indirect ones after a verb of saying. ms holds each
// sentence's actor mentions; a quotation whose speaker is not an actor is
// still returned, with an empty Speaker. Quotation marks are read only
// between the first sentence's start and the last one's end, so that a
// story coded a part at a time finds each quotation once.
func Find(text string, sents []dyad.Sentence, ms [][]dyad.Mention) []dyad.Quote {
	if len(sents) == 0 {
		return nil
	}
	var out []dyad.Quote
	lo, hi := sents[0].Span.Start, sents[len(sents)-1].Span.End
	direct := directSpans(text[lo:hi], lo)
	for _, sp := range direct {
		q := dyad.Quote{Text: text[sp.Start:sp.End], Span: sp, Direct: true}
		q.Speaker = speakerOf(sents, ms, sp)
		if q.Speaker.IsZero() && len(out) > 0 && continues(sents, out[len(out)-1].Span, sp) {
			q.Speaker = out[len(out)-1].Speaker // the speaker goes on: "…," Erdogan said. "If …"
		}
		out = append(out, q)
	}
	for i, s := range sents {
		for k, t := range s.Tokens {
			if !speech[strings.ToLower(t.Text)] || k+1 >= len(s.Tokens) || overlaps(direct, s.Span) {
				continue
			}
			subj, ok := mentionBefore(ms[i], k)
			if !ok {
				continue
			}
			start := k + 1
			if w := strings.ToLower(t.Text); w == "told" || w == "tells" {
				start = after(s.Tokens, start, "that") // "told reporters that …"
			}
			if start >= len(s.Tokens) {
				continue
			}
			if w := strings.ToLower(s.Tokens[start].Text); w == "that" || w == ":" || w == "," {
				start++
			}
			if start >= len(s.Tokens) || startsQuote(s.Tokens[start].Text) {
				continue
			}
			end := len(s.Tokens) - 1
			for end > start && isPunct(s.Tokens[end].Text) {
				end--
			}
			sp := dyad.Span{Start: s.Tokens[start].Span.Start, End: s.Tokens[end].Span.End}
			out = append(out, dyad.Quote{Text: text[sp.Start:sp.End], Span: sp, Speaker: subj.Actor})
		}
	}
	return out
}

// continues reports whether quotation q, which names no speaker, opens in
// the sentence after the one where quotation prev ends (or in that one):
// news goes on quoting the last speaker until it names another.
func continues(sents []dyad.Sentence, prev, q dyad.Span) bool {
	end, start := -1, -1
	for i, s := range sents {
		if s.Span.Start <= prev.End && prev.End <= s.Span.End && end < 0 {
			end = i
		}
		if s.Span.Start <= q.Start && q.Start <= s.Span.End {
			start = i
		}
	}
	return end >= 0 && start >= end && start <= end+1
}

// directSpans returns the spans between pairs of quotation marks, curly or
// straight, without the marks; text starts at byte off of the story, and
// the spans are the story's.
func directSpans(text string, off int) []dyad.Span {
	var out []dyad.Span
	open := -1
	for i, r := range text {
		switch {
		case r == '\u201c' || r == '"' && open < 0:
			open = i + len(string(r))
		case (r == '\u201d' || r == '"') && open >= 0:
			if i > open {
				out = append(out, dyad.Span{Start: off + open, End: off + i})
			}
			open = -1
		case r == '\n' && open >= 0 && strings.HasPrefix(text[i:], "\n\n"):
			open = -1 // an unclosed quotation ends with its paragraph
		}
	}
	return out
}

// speakerOf finds the actor next to a verb of saying in the sentence that
// holds the end of the quotation, or else its start.
func speakerOf(sents []dyad.Sentence, ms [][]dyad.Mention, q dyad.Span) dyad.Actor {
	for i, s := range sents {
		if s.Span.End < q.End || s.Span.Start > q.End {
			continue
		}
		if a, ok := attribution(s, ms[i], q); ok {
			return a
		}
	}
	for i, s := range sents {
		if s.Span.Start <= q.Start && q.Start <= s.Span.End {
			if a, ok := attribution(s, ms[i], q); ok {
				return a
			}
		}
	}
	return dyad.Actor{}
}

// attribution finds "ACTOR said" or "said ACTOR" outside the quotation q.
func attribution(s dyad.Sentence, ms []dyad.Mention, q dyad.Span) (dyad.Actor, bool) {
	for k, t := range s.Tokens {
		if !speech[strings.ToLower(t.Text)] || q.Contains(t.Span) {
			continue
		}
		if m, ok := mentionBefore(ms, k); ok && !q.Contains(m.Span) {
			return m.Actor, true
		}
		if w := strings.ToLower(t.Text); w == "told" || w == "tells" {
			continue // the actor after "told" is the one told
		}
		for _, m := range ms {
			if m.First > k && m.First <= k+3 && !m.Place {
				return m.Actor, true
			}
		}
	}
	return dyad.Actor{}, false
}

// mentionBefore returns the actor that ends at most two tokens before k
// ("Blinken told", "the minister later said").
func mentionBefore(ms []dyad.Mention, k int) (dyad.Mention, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.Last < k && m.Last >= k-2 && !m.Place && m.Code != "" {
			return m, true
		}
	}
	return dyad.Mention{}, false
}

// overlaps reports whether a quotation lies at least partly in sentence sp:
// its verb of saying then attributes that quotation, not a clause.
func overlaps(spans []dyad.Span, sp dyad.Span) bool {
	for _, s := range spans {
		if s.Start < sp.End && sp.Start < s.End {
			return true
		}
	}
	return false
}

// after returns the index after the first token word at or after i, or
// len(toks) when there is none.
func after(toks []dyad.Token, i int, word string) int {
	for ; i < len(toks); i++ {
		if strings.EqualFold(toks[i].Text, word) {
			return i + 1
		}
	}
	return len(toks)
}

func startsQuote(t string) bool { return t == "\"" || t == "\u201c" }

func isPunct(t string) bool {
	switch t {
	case ".", ",", ";", ":", "!", "?", "\"", "\u201d", "'":
		return true
	}
	return false
}
