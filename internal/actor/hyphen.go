package actor

import (
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
)

// pairs adds the two countries a hyphenated pair names before a noun,
// as one compound actor: "the Turkish-Libyan maritime agreement" is
// Turkey's and Libya's, "U.S.-Japan talks" the United States' and
// Japan's. The dictionary scan skips words inside hyphenated compounds
// ("six-party"), so only pairs of two countries are read here.
func (m *Matcher) pairs(text string, s *dyad.Sentence, ms []dyad.Mention, date time.Time) []dyad.Mention {
	toks := s.Tokens
	var add []dyad.Mention
	for i := 0; i+3 < len(toks); i++ {
		h := toks[i+1]
		if h.Text != "-" || h.Span.Start != toks[i].Span.End || toks[i+2].Span.Start != h.Span.End ||
			mentionAt(ms, i) >= 0 || mentionAt(ms, i+2) >= 0 || inHyphenated(toks, i) || !nounAfter(toks, i+3) {
			continue
		}
		a, ok1 := m.countryWord(toks[i], date)
		b, ok2 := m.countryWord(toks[i+2], date)
		if !ok1 || !ok2 || a.Code == b.Code {
			continue
		}
		span := dyad.Span{Start: toks[i].Span.Start, End: toks[i+2].Span.End}
		c := dyad.Actor{Code: a.Code + "+" + b.Code, Members: []dyad.Actor{a, b}, Text: text[span.Start:span.End], Span: span}
		add = append(add, dyad.Mention{Actor: c, First: i, Last: i + 2})
		i += 2
	}
	if len(add) == 0 {
		return ms
	}
	ms = append(ms, add...)
	sortMentions(ms)
	return ms
}

// countryWord returns the country the single token t names or describes
// ("Japan", "Turkish"), with its words and span.
func (m *Matcher) countryWord(t dyad.Token, date time.Time) (dyad.Actor, bool) {
	for _, e := range m.ix.Actors(t.Text) {
		if e.Actor.Kind == dict.Country && e.Actor.Code == e.Actor.Country && e.Form != dict.FormCapital {
			a := codeOf(e, date)
			a.Text, a.Span = t.Text, t.Span
			return a, true
		}
	}
	return dyad.Actor{}, false
}

// nounAfter reports whether the words from token k go on to a noun
// before a verb or the sentence's end: "maritime border agreement".
func nounAfter(toks []dyad.Token, k int) bool {
	for ; k < len(toks); k++ {
		switch toks[k].UPOS {
		case "NOUN", "PROPN":
			return true
		case "ADJ", "NUM", "PUNCT":
			if toks[k].Text == "," || toks[k].Text == "." {
				return false
			}
			continue
		case "":
			return isLower(toks[k].Text)
		}
		return false
	}
	return false
}

func isLower(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }
