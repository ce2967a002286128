package coref

import (
	"slices"
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
)

// familyFirst are countries whose names are written family name first.
var familyFirst = map[string]bool{"CHN": true, "KOR": true, "PRK": true, "TWN": true, "VNM": true, "HKG": true, "MAC": true}

// numbers are the counts a description may give.
var numbers = map[string]int{"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}

// collectives are the nouns of counted descriptions and the sector each
// gives its members ("" keeps the members' own codes).
var collectives = map[string]string{
	"governments": "GOV", "government": "GOV", "countries": "", "nations": "", "states": "",
	"sides": "", "allies": "", "neighbours": "", "neighbors": "", "powers": "", "leaders": "GOV",
	"ministers": "GOV", "diplomats": "GOV", "capitals": "GOV", "militaries": "MIL",
}

// Resolve adds to ms (the mentions of each sentence, in order) the mentions
// that refer back to actors named earlier in the story. Run Speakers after
// the quotations are found for "I" and "we" inside them.
func Resolve(text string, sents []dyad.Sentence, ms [][]dyad.Mention) {
	resolve(text, sents, ms, ms, "")
}

// ResolveIn is Resolve for a story whose mentions may name no country:
// then its bare sectors and unknown people take the country fallback
// (the one its place names point to: "Police in Cheltenham" are
// Britain's).
func ResolveIn(text string, sents []dyad.Sentence, ms [][]dyad.Mention, fallback string) {
	resolve(text, sents, ms, ms, fallback)
}

// ResolveHeadline resolves the headline's mentions ms (of sents, in text)
// as Resolve does, with the story's country taken from the body's
// mentions too: "Police arrest protesters" over a story from Hong Kong is
// Hong Kong's police.
func ResolveHeadline(text string, sents []dyad.Sentence, ms, body [][]dyad.Mention) {
	resolve(text, sents, ms, append(append([][]dyad.Mention(nil), ms...), body...), "")
}

// resolve runs the rules over ms; story holds the mentions the story's
// country is judged from.
func resolve(text string, sents []dyad.Sentence, ms, story [][]dyad.Mention, fallback string) {
	r := &resolver{text: text, surnames: map[string]dyad.Mention{}}
	for i := range sents {
		s := &sents[i]
		covered := r.covered(s, ms[i])
		var added []dyad.Mention
		for k := 0; k < len(s.Tokens); k++ {
			if covered[k] {
				continue
			}
			if m, n, ok := r.resolve(s, k, ms[i]); ok {
				added = append(added, m)
				k += n - 1
			}
		}
		r.learn(ms[i])
		if len(added) > 0 {
			ms[i] = append(dropCovered(ms[i], added), added...)
			sort.Slice(ms[i], func(a, b int) bool { return ms[i][a].First < ms[i][b].First })
		}
		r.persons, r.plurals, r.prevCountries = r.persons[:0], r.plurals[:0], r.prevCountries[:0]
		r.sinceLastPerson++
		for _, m := range ms[i] {
			if bareCountry(m) && m.Resolved == "" && !slices.ContainsFunc(r.prevCountries, func(c dyad.Mention) bool { return c.Country == m.Country }) {
				r.prevCountries = append(r.prevCountries, m)
			}
			switch {
			case m.Person:
				if len(r.persons) == 0 {
					first := m
					r.lastPerson, r.sinceLastPerson = &first, 0
				}
				r.persons = append(r.persons, m)
			case plural(m):
				r.plurals = append(r.plurals, m)
			}
		}
	}
	focus := Focus(story)
	if focus == "" {
		focus = fallback
	}
	storyCountries(sents, ms, focus)
}

// resolver keeps what the story has named so far.
type resolver struct {
	text      string
	surnames  map[string]dyad.Mention // surname → the person's mention
	compounds []dyad.Mention          // compound mentions, in order
	countries []dyad.Actor            // countries named, in order
	persons   []dyad.Mention          // persons of the previous sentence
	plurals   []dyad.Mention          // its compounds and plural sectors, for "they"
	// prevCountries are the countries the previous sentence named alone,
	// each once, for a sentence's "it".
	prevCountries []dyad.Mention
	// lastPerson is the first person of the latest sentence that named
	// one, sinceLastPerson how many sentences ago.
	lastPerson      *dyad.Mention
	sinceLastPerson int
	// countryMentions and groups are the countries named as actors and
	// the armed or unknown groups, in order, for "the country", "the group".
	countryMentions, groups []dyad.Mention
}

// covered marks the tokens already inside a mention, and resets bare agents
// that a counted description may replace.
func (r *resolver) covered(s *dyad.Sentence, ms []dyad.Mention) []bool {
	c := make([]bool, len(s.Tokens))
	for _, m := range ms {
		if m.Resolved == dyad.SurnameInOffice && m.First == m.Last {
			if _, ok := r.surnames[s.Tokens[m.First].Text]; ok {
				continue // the story's own person of that surname comes first
			}
		}
		if m.Country == "" && len(m.Members) == 0 && m.First >= 1 {
			if _, ok := numbers[strings.ToLower(s.Tokens[m.First-1].Text)]; ok {
				continue // "the three governments": resolved below
			}
		}
		for k := m.First; k <= m.Last && k < len(c); k++ {
			c[k] = true
		}
	}
	return c
}

// learn records the persons, compounds and countries of a sentence.
func (r *resolver) learn(ms []dyad.Mention) {
	for _, m := range ms {
		switch {
		case m.Person && m.Resolved == "":
			r.person(m)
		case len(m.Members) > 1:
			r.compounds = append(r.compounds, m)
			for _, a := range m.Members {
				if m.Resolved == "" && slices.Contains(m.People, a.Name) {
					r.person(dyad.Mention{Actor: a, Person: true}) // "Wilbur Ross and William Barr"
				}
			}
		}
		for _, a := range members(m.Actor) {
			if a.Country != "" && !strings.HasPrefix(a.Country, "IGO") {
				r.countries = append(r.countries, a)
			}
		}
		switch {
		case m.Person || len(m.Members) > 0:
		case m.Country != "" && m.Code == m.Country && !m.Place:
			r.countryMentions = append(r.countryMentions, m)
		case !m.Place && (strings.Contains(m.Code, "REB") || strings.HasPrefix(m.Code, "IMG") || m.Unknown):
			r.groups = append(r.groups, m)
		}
	}
}

// person records the surnames that stand for person m alone.
func (r *resolver) person(m dyad.Mention) {
	for _, sn := range surnames(m.Name, m.Country) {
		r.surnames[sn] = m
	}
}

func members(a dyad.Actor) []dyad.Actor {
	if len(a.Members) > 0 {
		return a.Members
	}
	return []dyad.Actor{a}
}

// surnames returns the words of a person's name that stand for them alone.
func surnames(name, country string) []string {
	f := strings.Fields(name)
	for len(f) > 2 && suffixes[strings.ToLower(strings.TrimSuffix(f[len(f)-1], ","))] {
		f = f[:len(f)-1] // "James Fields Jr." is Fields
	}
	if len(f) < 2 {
		return nil
	}
	if familyFirst[country] {
		// family name first ("Lim Sung-nam"), unless written in the
		// Western order ("Carrie Lam"): both words stand for them
		return []string{f[0], f[len(f)-1]}
	}
	return []string{f[len(f)-1]}
}

// suffixes follow a surname in a full name.
var suffixes = map[string]bool{"jr.": true, "jr": true, "sr.": true, "sr": true, "ii": true, "iii": true, "iv": true}

// dropCovered removes the mentions that lie inside an added one (the bare
// agent "governments" inside "the three governments").
func dropCovered(ms, added []dyad.Mention) []dyad.Mention {
	out := ms[:0]
	for _, m := range ms {
		keep := true
		for _, a := range added {
			if a.First <= m.First && m.Last <= a.Last {
				keep = false
			}
		}
		if keep {
			out = append(out, m)
		}
	}
	return out
}

// Speakers adds a mention for each "I", "we", "me", "my", "us" and "our"
// inside a quotation whose speaker is known: in "We will not accept it,"
// Blinken said, "We" is Blinken.
func Speakers(text string, sents []dyad.Sentence, ms [][]dyad.Mention, quotes []dyad.Quote) {
	for _, q := range quotes {
		if !q.Direct || q.Speaker.Code == "" {
			continue
		}
		for i := range sents {
			s := &sents[i]
			if s.Span.End <= q.Span.Start || s.Span.Start >= q.Span.End {
				continue
			}
			for k, t := range s.Tokens {
				w := strings.ToLower(t.Text)
				if firstPerson[w] && q.Span.Contains(t.Span) && !covered(ms[i], k) {
					a := q.Speaker
					a.Span, a.Text = t.Span, text[t.Span.Start:t.Span.End]
					ms[i] = append(ms[i], dyad.Mention{Actor: a, First: k, Last: k, Resolved: "speaker of the quotation"})
				}
			}
			sort.Slice(ms[i], func(a, b int) bool { return ms[i][a].First < ms[i][b].First })
		}
	}
}

// firstPerson are the pronouns a speaker names themselves by.
var firstPerson = map[string]bool{"i": true, "we": true, "me": true, "my": true, "us": true, "our": true}

// covered reports whether token k lies inside one of ms.
func covered(ms []dyad.Mention, k int) bool {
	for _, m := range ms {
		if m.First <= k && k <= m.Last {
			return true
		}
	}
	return false
}
