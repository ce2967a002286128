package dates

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// Nearest returns the mention of ms (as found by Find in text) that lies
// in the same clause as verb and nearest to it; on a tie the one after the
// verb wins. All spans are bytes of text. Clauses end at ; : ( ) and
// quotation marks or dashes, at a comma before "which", "who", "where",
// "while", "after", "before", "when", "but", "although", "though", "and"
// or "because", and before a reporting verb ("said", "told", …): in
// "Rebels shelled the town, officials said on Thursday", Thursday dates the
// saying, not the shelling. A date that modifies a noun ("the 2004
// bombing") dates that noun alone. ok is false when no mention qualifies; the
// event then takes the publication date.
func Nearest(text string, ms []Mention, verb dyad.Span) (m Mention, ok bool) {
	if verb.Start < 0 || verb.End > len(text) || verb.Start > verb.End {
		return Mention{}, false
	}
	lo, hi := clause(text, verb)
	best, bestDist := -1, 0
	for i, c := range ms {
		if c.Span.Start < lo || c.Span.End > hi {
			continue
		}
		if c.OfAnother(verb) {
			continue
		}
		d := verb.Start - c.Span.End + 1 // before the verb
		if c.Span.Start >= verb.End {
			d = c.Span.Start - verb.End // after it: preferred on a tie
		}
		if best < 0 || d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return Mention{}, false
	}
	return ms[best], true
}

// clause returns the byte range of text's clause that holds verb.
func clause(text string, verb dyad.Span) (lo, hi int) {
	lo, hi = 0, len(text)
	for i := verb.Start - 1; i >= 0; i-- {
		if clauseBreak(text, i) {
			lo = i + 1
			break
		}
	}
	for i := verb.End; i < len(text); i++ {
		if clauseBreak(text, i) {
			hi = i
			break
		}
	}
	return lo, hi
}

// clauseWords, after a comma, open a new clause.
var clauseWords = map[string]bool{
	"which": true, "who": true, "where": true, "while": true, "after": true,
	"before": true, "when": true, "but": true, "although": true,
	"though": true, "and": true, "because": true,
}

// clauseBreak reports whether a clause ends at byte i of text.
func clauseBreak(text string, i int) bool {
	switch text[i] {
	case ';', ':', '(', ')', '"':
		return true
	case ' ':
		w, _, _ := strings.Cut(text[i+1:], " ")
		return reportVerbs[strings.TrimRight(w, ",.")]
	case ',':
		w, _, _ := strings.Cut(strings.TrimLeft(text[i+1:], " "), " ")
		return clauseWords[strings.ToLower(w)]
	case 0xE2: // — – “ ” are E2 80 xx in UTF-8
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x93, 0x94, 0x9C, 0x9D:
				return true
			}
		}
	}
	return false
}
