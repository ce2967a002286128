package places

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// EventContext is what EventPlace needs to know about one event.
type EventContext struct {
	Sentence string      // the sentence's text
	Offset   int         // byte offset of Sentence in the document text
	Verb     dyad.Span   // the event verb, in document bytes
	Dateline *dyad.Place // from DatelinePlace, or nil
	Prior    []string    // the story's countries, most mentioned first (see Prior)
	// Found holds the sentence's place mentions with spans relative to
	// Sentence, when the caller has them already (from one Find over the
	// whole story); nil means EventPlace finds them itself.
	Found []Mention
}

// EventPlace chooses where an event happened, by these rules in order:
//
//  1. A place in the verb's clause introduced by a locative preposition
//     ("in", "at", "near", "outside", "inside", "around", "across",
//     "throughout", "within", "off"), the nearest to the verb, one after
//     it winning a tie. Clauses end at ; : — – ( ) and quotation marks, and
//     at a comma before "which", "who", "where", "while", "after", "before",
//     "when", "but", "although", "though", "and", "as", "because" or
//     "said", and before a reporting verb ("said", "told", …). Its Source
//     is "clause".
//  2. The dateline, if there is one. Its Source is "dateline".
//  3. Nothing: ok is false. A place merely mentioned elsewhere in the
//     story, or with another preposition ("from Kabul", "to Paris"), is
//     never taken.
//
// Spans in the result are document bytes.
func (g *Gazetteer) EventPlace(c EventContext) (dyad.Place, bool) {
	verb := dyad.Span{Start: c.Verb.Start - c.Offset, End: c.Verb.End - c.Offset}
	if verb.Start >= 0 && verb.End <= len(c.Sentence) && verb.Start <= verb.End {
		lo, hi := clause(c.Sentence, verb)
		best, bestDist := -1, 0
		ms := c.Found
		if ms == nil {
			ms = g.Find(c.Sentence)
		}
		for i, m := range ms {
			if !eventLocatives[m.Prep] || m.Span.Start < lo || m.Span.End > hi {
				continue
			}
			d := verb.Start - m.Span.End // before the verb
			if m.Span.Start >= verb.End {
				d = m.Span.Start - verb.End // after it: preferred on a tie
			} else {
				d++
			}
			if best < 0 || d < bestDist {
				best, bestDist = i, d
			}
		}
		if best >= 0 {
			m := ms[best]
			m.Span.Start += c.Offset
			m.Span.End += c.Offset
			p := g.Resolve(m, c.Prior)
			p.Source = "clause"
			return p, true
		}
	}
	if c.Dateline != nil {
		p := *c.Dateline
		p.Source = "dateline"
		return p, true
	}
	return dyad.Place{}, false
}

// clauseWords, after a comma, open a new clause.
var clauseWords = setOf("which", "who", "whose", "where", "while", "after", "before",
	"when", "but", "although", "though", "and", "as", "because", "said")

// reportWords separate a speaker from what is reported: in "Officials in
// London said troops clashed near Basra", London is not where the clash was.
var reportWords = setOf("said", "says", "told", "added", "stated",
	"announced", "reported", "claimed", "warned", "confirmed")

// clause returns the byte range of the clause of s that holds verb.
func clause(s string, verb dyad.Span) (lo, hi int) {
	lo, hi = 0, len(s)
	for i := verb.Start - 1; i >= 0; i-- {
		if clauseBreak(s, i) {
			lo = i + 1
			break
		}
	}
	for i := verb.End; i < len(s); i++ {
		if clauseBreak(s, i) {
			hi = i
			break
		}
	}
	return lo, hi
}

// clauseBreak reports whether a clause ends at byte i of s.
func clauseBreak(s string, i int) bool {
	switch s[i] {
	case ';', ':', '(', ')', '"':
		return true
	case ' ':
		w, _, _ := strings.Cut(s[i+1:], " ")
		return reportWords[strings.TrimRight(w, ",.")]
	case ',':
		rest := strings.TrimLeft(s[i+1:], " ")
		w, _, _ := strings.Cut(rest, " ")
		return clauseWords[strings.ToLower(w)]
	case 0xE2: // — – “ ” in UTF-8 start with E2 80
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x93, 0x94, 0x9C, 0x9D:
				return true
			}
		}
	}
	return false
}
