package actor

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// Unknown returns the spans of proper names in s that no mention covers
// and the dictionary does not know in any form (a bare "Chinese" is known):
// runs of capitalised words (tagged PROPN when the sentence is tagged),
// leaving out a lone capitalised word that opens the sentence or a
// quotation, months and weekdays. They are the names a dictionary may be
// missing.
func (m *Matcher) Unknown(text string, s *dyad.Sentence, ms []dyad.Mention) []dyad.Span {
	covered := make([]bool, len(s.Tokens))
	for _, m := range ms {
		if m.Unknown && m.Person {
			continue // a name found by its shape is still missing from the dictionary
		}
		for k := m.First; k <= m.Last && k < len(covered); k++ {
			covered[k] = true
		}
	}
	var out []dyad.Span
	for i := 0; i < len(s.Tokens); {
		if covered[i] || !nameWord(s.Tokens[i]) || function[strings.ToLower(s.Tokens[i].Text)] {
			i++
			continue
		}
		j := i
		for j+1 < len(s.Tokens) && !covered[j+1] && (nameWord(s.Tokens[j+1]) || joiner(s.Tokens, j+1)) {
			j++
		}
		for j > i && !nameWord(s.Tokens[j]) {
			j--
		}
		sp := dyad.Span{Start: s.Tokens[i].Span.Start, End: s.Tokens[j].Span.End}
		opener := i == j && (i == 0 || i == 1 && quoteOrBracket(s.Tokens[0].Text))
		if !opener && !calendar[strings.ToLower(s.Tokens[i].Text)] && !m.known(text[sp.Start:sp.End]) {
			out = append(out, sp)
		}
		i = j + 1
	}
	return out
}

// nameWord reports whether t looks like a word of a proper name.
func nameWord(t dyad.Token) bool {
	if t.UPOS != "" {
		return t.UPOS == "PROPN"
	}
	return t.Text != "" && isUpper(t.Text[0]) && strings.ToUpper(t.Text) != t.Text || len(t.Text) >= 2 && len(t.Text) <= 5 && strings.ToUpper(t.Text) == t.Text && isUpper(t.Text[0])
}

// joiner reports whether token k joins name words: "of" in "Bank of
// England", a hyphen, "al-".
func joiner(toks []dyad.Token, k int) bool {
	switch toks[k].Text {
	case "al", "el":
		if k+2 < len(toks) && toks[k+1].Text == "-" && nameWord(toks[k+2]) {
			return true // "al-Muhandis"
		}
		return k+1 < len(toks) && nameWord(toks[k+1])
	case "of", "-", "bin", "de", "du", "von", "van":
		return k+1 < len(toks) && nameWord(toks[k+1])
	}
	return false
}

var calendar = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"jan.": true, "feb.": true, "aug.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true,
}

// function words are capitalised only because they open a sentence.
var function = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "this": true, "that": true,
	"these": true, "those": true, "it": true, "he": true, "she": true, "they": true, "we": true, "i": true,
	"but": true, "and": true, "or": true, "if": true, "when": true, "after": true, "before": true, "as": true,
	"for": true, "from": true, "with": true, "by": true, "meanwhile": true, "however": true, "also": true,
	"yesterday": true, "today": true, "its": true, "their": true, "his": true, "her": true, "our": true,
}

// known reports whether the dictionary has form in any role.
func (m *Matcher) known(form string) bool {
	return len(m.ix.Actors(form)) > 0 || len(m.ix.Agents(form)) > 0
}

func quoteOrBracket(t string) bool {
	switch t {
	case "\"", "\u201c", "'", "\u2018", "(", "[", "\u2014", "-":
		return true
	}
	return false
}
