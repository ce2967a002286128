package places

import (
	"sort"

	"github.com/dyad-events/dyad"
)

// Resolve picks the place m names. prior lists the story's countries (ISO
// alpha-3), most mentioned first. The first candidate in a prior country
// wins ("Paris" with prior USA is Paris, Texas; with FRA, Paris, France);
// failing that, the first candidate (a country, else the most populous
// place). The result carries m's Text and Span; it is zero when m has no
// candidates.
func (g *Gazetteer) Resolve(m Mention, prior []string) dyad.Place {
	if len(m.Candidates) == 0 {
		return dyad.Place{}
	}
	best := m.Candidates[0]
	if len(m.Candidates) > 1 {
	search:
		for _, c := range prior {
			for _, p := range m.Candidates {
				if p.Country == c {
					best = p
					break search
				}
			}
		}
	}
	best.Text = m.Text
	sp := m.Span
	best.Span = &sp
	return best
}

// Prior returns the countries of a story's place mentions, most mentioned
// first (ties in order of first mention): the prior for Resolve. A mention
// counts when all its candidates lie in one country and it names a
// country, a capital, or another place after a preposition ("in Lyon"), so
// that "Paris" (ambiguous) and "Rubio" (more likely a surname) add nothing.
func (g *Gazetteer) Prior(mentions []Mention) []string {
	count := map[string]int{}
	first := map[string]int{}
	for i, m := range mentions {
		c, ok := g.priorCountry(m)
		if !ok {
			continue
		}
		if _, seen := first[c]; !seen {
			first[c] = i
		}
		count[c]++
	}
	out := make([]string, 0, len(count))
	for c := range count {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if count[out[i]] != count[out[j]] {
			return count[out[i]] > count[out[j]]
		}
		return first[out[i]] < first[out[j]]
	})
	return out
}

// priorCountry returns the one country of m, if m counts for Prior.
func (g *Gazetteer) priorCountry(m Mention) (string, bool) {
	if len(m.ids) == 0 {
		return "", false
	}
	c := g.entries[m.ids[0]].place.Country
	for _, id := range m.ids[1:] {
		if g.entries[id].place.Country != c {
			return "", false
		}
	}
	switch g.entries[m.ids[0]].kind {
	case kindCountry, kindCapital:
		return c, c != ""
	}
	return c, c != "" && m.Prep != ""
}
