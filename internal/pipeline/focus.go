package pipeline

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// placeCountry returns, for a story whose actors name no country, the
// country its place names outside its actors point to most often (the
// first of equals):
// "Thames Valley Police ... a Cheltenham man" is a British story. It
// returns "" when the actors name a country or the places none.
func (p *Pipeline) placeCountry(doc *dyad.Document, actors [][]dyad.Mention) string {
	if len(countries(actors)) > 0 {
		return ""
	}
	count := map[string]int{}
	best := ""
	for _, m := range p.places.Find(doc.Text) {
		if len(m.Candidates) == 0 || len(m.Candidates[0].Country) != 3 || inActor(actors, m.Span) || beforePerson(doc.Text, actors, m.Span) {
			continue
		}
		c := m.Candidates[0].Country
		count[c]++
		if best == "" || count[c] > count[best] {
			best = c
		}
	}
	return best
}

// beforePerson reports whether span is followed by "and" and a person's
// name: the "David" of "David and Louise Turpin", a first name sharing the
// surname after it, is no place.
func beforePerson(text string, actors [][]dyad.Mention, span dyad.Span) bool {
	rest, ok := strings.CutPrefix(text[span.End:], " and ")
	if !ok {
		return false
	}
	at := len(text) - len(rest)
	for _, ms := range actors {
		for _, m := range ms {
			if m.Person && m.Span.Start == at {
				return true
			}
		}
	}
	return false
}

// inActor reports whether span overlaps an actor mention's words: the
// "David" of "David and Louise Turpin" is no place.
func inActor(actors [][]dyad.Mention, span dyad.Span) bool {
	for _, ms := range actors {
		for _, m := range ms {
			if !m.Place && m.Span.Start < span.End && span.Start < m.Span.End {
				return true
			}
		}
	}
	return false
}
