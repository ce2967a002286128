package coref

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
)

// resolve tries each rule at token k and returns the mention found and how
// many tokens it covers.
func (r *resolver) resolve(s *dyad.Sentence, k int, here []dyad.Mention) (dyad.Mention, int, bool) {
	t := s.Tokens[k]
	w := strings.ToLower(t.Text)
	if p, ok := r.surnames[t.Text]; ok {
		return r.mention(s, k, k, p.Actor, "surname of "+p.Name, true), 1, true
	}
	if n, ok := numbers[w]; ok && k+1 < len(s.Tokens) {
		if m, ok := r.counted(s, k, n, here); ok {
			return m, m.Last - k + 1, true
		}
	}
	if w == "the" {
		if m, ok := r.described(s, k); ok {
			return m, m.Last - k + 1, true
		}
	}
	if (w == "north" || w == "south" || w == "east" || w == "west") && isUpper(t.Text) && k > 0 && strings.EqualFold(s.Tokens[k-1].Text, "the") {
		if a, ok := r.truncated(t.Text); ok {
			return r.mention(s, k, k, a, "short for "+a.Name, false), 1, true
		}
	}
	switch w {
	case "he", "she", "him":
		if p, ok := r.nearestPerson(here, k); ok {
			return r.mention(s, k, k, p.Actor, "pronoun for "+p.Name, true), 1, true
		}
	case "they", "them":
		if c, ok := nearestBefore(here, k, plural); ok {
			return r.mention(s, k, k, c.Actor, "pronoun for "+c.Text, false), 1, true
		}
		if k < 3 && len(r.plurals) > 0 { // "They" opening a sentence: the group just named
			c := r.plurals[0]
			return r.mention(s, k, k, c.Actor, "pronoun for "+c.Text, false), 1, true
		}
		if k < 3 && len(r.compounds) > 0 { // else the latest compound of the story
			c := r.compounds[len(r.compounds)-1]
			return r.mention(s, k, k, c.Actor, "pronoun for "+c.Text, false), 1, true
		}
	case "it":
		if c, ok := nearestBefore(here, k, bareCountry); ok {
			return r.mention(s, k, k, c.Actor, "pronoun for "+c.Text, false), 1, true
		}
		// "it" doing something, with no country before it in its sentence:
		// the one country the sentence before named ("Iran ... In 2021, it
		// stopped implementing its commitments").
		if t.Rel == "nsubj" && t.Head > 0 && s.Tokens[t.Head-1].UPOS == "VERB" && len(r.prevCountries) == 1 {
			c := r.prevCountries[0]
			return r.mention(s, k, k, c.Actor, "pronoun for "+c.Text, false), 1, true
		}
	}
	return dyad.Mention{}, 0, false
}

// mention builds a resolved mention over tokens [first, last].
func (r *resolver) mention(s *dyad.Sentence, first, last int, a dyad.Actor, how string, person bool) dyad.Mention {
	a.Span = dyad.Span{Start: s.Tokens[first].Span.Start, End: s.Tokens[last].Span.End}
	a.Text = r.text[a.Span.Start:a.Span.End]
	return dyad.Mention{Actor: a, First: first, Last: last, Person: person, Resolved: how}
}

// counted resolves "the three governments" to the latest compound of
// three members, giving them the collective noun's sector.
func (r *resolver) counted(s *dyad.Sentence, k, n int, here []dyad.Mention) (dyad.Mention, bool) {
	sector, ok := collectives[strings.ToLower(s.Tokens[k+1].Text)]
	last := k + 1
	if !ok {
		// a plural agent: "the three deputy foreign ministers"
		ag, found := agentAt(here, k+1)
		if !found {
			return dyad.Mention{}, false
		}
		sector, last = ag.Code, ag.Last
	}
	for i := len(r.compounds) - 1; i >= 0; i-- {
		c := r.compounds[i]
		if len(c.Members) != n {
			continue
		}
		a := dyad.Actor{Name: c.Name}
		var codes []string
		for _, m := range c.Members {
			if sector != "" && m.Country != "" && !strings.HasPrefix(m.Country, "IGO") {
				m.Code, m.Sectors = m.Country+sector, []string{sector}
			}
			a.Members = append(a.Members, m)
			codes = append(codes, m.Code)
		}
		a.Code = strings.Join(codes, "+")
		m := r.mention(s, k, last, a, fmt.Sprintf("the %d actors of %q", n, c.Text), false)
		return m, true
	}
	return dyad.Mention{}, false
}

// agentAt returns the bare plural sector mention that starts at token k.
func agentAt(here []dyad.Mention, k int) (dyad.Mention, bool) {
	for _, m := range here {
		if m.First == k && m.Country == "" && len(m.Members) == 0 && len(m.Sectors) > 0 && plural(m) {
			return m, true
		}
	}
	return dyad.Mention{}, false
}

// described resolves "the country", "the Southeast Asian nation" to the
// country the story named last, "the group", "the organization" to the
// group it named last, and "the pair", "the trio" to the last two or three
// actors named together. k is the index of "the".
func (r *resolver) described(s *dyad.Sentence, k int) (dyad.Mention, bool) {
	j := k + 1
	for j < len(s.Tokens) && j-k <= 3 && (s.Tokens[j].UPOS == "ADJ" || s.Tokens[j].UPOS == "PROPN") {
		j++ // "the North African country"
	}
	if j >= len(s.Tokens) {
		return dyad.Mention{}, false
	}
	var from []dyad.Mention
	switch strings.ToLower(s.Tokens[j].Text) {
	case "country", "nation":
		from = r.countryMentions
		if n := len(r.countries); n > 0 && (len(from) == 0 || from[len(from)-1].Country != r.countries[n-1].Country) {
			c := r.countries[n-1].Country // named last as a place or with a sector
			from = []dyad.Mention{{Actor: dyad.Actor{Code: c, Country: c, Name: c}}}
		}
	case "group", "organization", "organisation", "movement":
		from = r.groups
	case "countries", "nations", "sides", "allies":
		from = r.compounds // "the countries" just listed
	case "pair", "couple", "duo": // the two actors just named together
		from = r.compoundsOf(2)
	case "trio":
		from = r.compoundsOf(3)
	default:
		return dyad.Mention{}, false
	}
	if len(from) == 0 {
		return dyad.Mention{}, false
	}
	a := from[len(from)-1].Actor
	return r.mention(s, k, j, a, "description of "+a.Text, false), true
}

// compoundsOf returns the story's compound mentions of n members, in order.
func (r *resolver) compoundsOf(n int) []dyad.Mention {
	var out []dyad.Mention
	for _, c := range r.compounds {
		if len(c.Members) == n {
			out = append(out, c)
		}
	}
	return out
}

// truncated finds the country the story named whose name starts with dir:
// "the North" for North Korea.
func (r *resolver) truncated(dir string) (dyad.Actor, bool) {
	for i := len(r.countries) - 1; i >= 0; i-- {
		a := r.countries[i]
		if strings.HasPrefix(a.Name, dir+" ") {
			return dyad.Actor{Code: a.Country, Country: a.Country, Name: a.Name}, true
		}
	}
	return dyad.Actor{}, false
}

// nearestPerson returns the last person named before token k in this
// sentence, else the only person of the previous sentence.
func (r *resolver) nearestPerson(here []dyad.Mention, k int) (dyad.Mention, bool) {
	for i := len(here) - 1; i >= 0; i-- {
		if here[i].Person && here[i].Last < k {
			return here[i], true
		}
	}
	if len(r.persons) > 0 {
		return r.persons[0], true // the first person of the sentence before, most often its subject
	}
	if r.lastPerson != nil && r.sinceLastPerson <= 4 {
		return *r.lastPerson, true // the person last named, up to four sentences back (a quotation between)
	}
	return dyad.Mention{}, false
}

// plural reports whether m stands for several: a compound actor or a
// plural sector ("protesters", "the officials").
func plural(m dyad.Mention) bool {
	if len(m.Members) > 1 {
		return true
	}
	t := strings.ToLower(m.Text)
	if m.Person || m.Place {
		return false
	}
	if f := strings.Fields(t); len(f) > 0 && collectivePlurals[f[len(f)-1]] {
		return true // "Thames Valley Police said they", "the Taliban … they"
	}
	return len(m.Sectors) > 0 && strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss")
}

// collectivePlurals are nouns with no plural "s" that English takes as
// plural: "police say they", "the Taliban … they".
var collectivePlurals = map[string]bool{"police": true, "taliban": true, "people": true, "personnel": true}

func isUpper(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// bareCountry reports whether m names a country alone, as "it" may.
func bareCountry(m dyad.Mention) bool {
	return len(m.Members) == 0 && !m.Person && !m.Place && m.Country != "" && len(m.Sectors) == 0
}

// nearestBefore returns the last mention before token k in this sentence
// that ok accepts: plural "they" takes a compound actor, "it" a country or
// organisation, never across a sentence, where guessing goes wrong.
func nearestBefore(here []dyad.Mention, k int, ok func(dyad.Mention) bool) (dyad.Mention, bool) {
	for i := len(here) - 1; i >= 0; i-- {
		if here[i].Last < k && here[i].Resolved == "" && ok(here[i]) {
			return here[i], true
		}
	}
	return dyad.Mention{}, false
}
