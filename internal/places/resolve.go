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
// first (ties in order of first mention): the prior for Resolve. Only
// mentions whose candidates all lie in one country count, so "Paris" adds
// nothing while "France" and "Lyon" add FRA.
func Prior(mentions []Mention) []string {
	count := map[string]int{}
	first := map[string]int{}
	for i, m := range mentions {
		if len(m.Candidates) == 0 {
			continue
		}
		c := m.Candidates[0].Country
		same := true
		for _, p := range m.Candidates[1:] {
			if p.Country != c {
				same = false
				break
			}
		}
		if !same || c == "" {
			continue
		}
		if _, ok := first[c]; !ok {
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
