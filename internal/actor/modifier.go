package actor

import (
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
)

// modified gives the names found by their shape (marked Unknown, with no
// country) the country their own noun phrase names before them:
// "Palestinian activist Mahmoud Khalil" is PSE, "Austrian manufacturer
// Hirtenberger Defence Group" AUT, "U.N.-appointed special rapporteur
// Richard Bennett" the UN's. Without such a word, coreference gives them
// the story's country later.
func (m *Matcher) modified(s *dyad.Sentence, ms []dyad.Mention) {
	for k := range ms {
		mn := &ms[k]
		if !mn.Unknown || mn.Country != "" || len(mn.Members) > 0 || mn.Place {
			continue
		}
		c, igo := m.phraseCountry(s.Tokens, ms, mn.First)
		if c == "" {
			continue
		}
		switch {
		case igo != "":
			mn.Code, mn.Country = igo, igo
		case mn.Code == "":
			mn.Code, mn.Country = c, c
		default:
			mn.Code, mn.Country = c+mn.Code, c
		}
		mn.Actor.Country = mn.Country
	}
}

// phraseCountry returns the country of the first demonym ("Palestinian")
// or international body among the words of the noun phrase before token
// first, with the body's code in igo; "" for none.
func (m *Matcher) phraseCountry(toks []dyad.Token, ms []dyad.Mention, first int) (c, igo string) {
	for i := first - 1; i >= 0 && i >= first-8; i-- {
		t := toks[i]
		if !inPhrase(t) {
			break
		}
		if k := mentionAt(ms, i); k >= 0 && strings.HasPrefix(ms[k].Country, "IGO") && len(ms[k].Members) == 0 {
			c, igo = ms[k].Country, ms[k].Country
			continue
		}
		for _, e := range m.ix.Actors(t.Text) {
			if e.Form == dict.FormAdjective && e.Actor.Kind == dict.Country && e.Actor.Country != "" {
				c, igo = e.Actor.Country, ""
			}
		}
		if b := m.igoBefore(toks, i); b != "" { // "United Nations-appointed": the body's name is inside a compound
			c, igo = b, b
		}
	}
	return c, igo
}

// inPhrase reports whether t may stand inside a noun phrase before its
// head: a modifier, a title, a joining "and" or hyphen.
func inPhrase(t dyad.Token) bool {
	switch t.UPOS {
	case "ADJ", "NOUN", "PROPN", "CCONJ", "VERB":
		return t.UPOS != "VERB" || strings.HasSuffix(t.Text, "ed") && t.Rel == "amod"
	case "PUNCT":
		return t.Text == "-"
	case "":
		return t.Text != "" && t.Text != "," && t.Text != "."
	}
	return false
}

// igoBefore returns the code of the international body whose name of up
// to three words ends just before the hyphen at token i ("United
// Nations-appointed"), or "".
func (m *Matcher) igoBefore(toks []dyad.Token, i int) string {
	if toks[i].Text != "-" || i == 0 || toks[i-1].Span.End != toks[i].Span.Start {
		return ""
	}
	for w := 1; w <= 3 && i-w >= 0; w++ {
		var words []string
		for k := i - w; k < i; k++ {
			words = append(words, toks[k].Text)
		}
		for _, e := range m.ix.Actors(strings.Join(words, " ")) {
			if strings.HasPrefix(e.Actor.Country, "IGO") {
				return e.Actor.Country
			}
		}
	}
	return ""
}
