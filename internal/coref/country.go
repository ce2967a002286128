package coref

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// storyCountries gives the bare sectors of a story ("police", "the
// government", "protesters", "gunmen") the country the story fixes for
// them, as CAMEO coders do: the one country named as a place in their
// sentence ("in Hong Kong, police fired"), else the one country the
// sentence names ("Syria shelled rebel positions"), else the story's own
// country (its dateline's, or the one it names most). A sector with no
// such country is left bare. A definite sector a sentence before named
// with the same noun ("the diplomats" after "Diplomats of the Group of
// Seven") is that actor.
func storyCountries(sents []dyad.Sentence, ms [][]dyad.Mention, focus string) {
	named := map[string]dyad.Actor{} // the nouns of earlier sentences' placed actors
	for i := range sents {
		placeSectors(sents, ms, i, focus, named)
		learnNouns(named, sents[i].Tokens, ms[i])
	}
}

// placeSectors gives the bare sectors of sentence i their country
// (storyCountries).
func placeSectors(sents []dyad.Sentence, ms [][]dyad.Mention, i int, focus string, named map[string]dyad.Actor) {
	here := sentencePlace(ms[i], true)
	if here == "" {
		here = sentencePlace(ms[i], false)
	}
	if here == "" {
		here = focus
	}
	if here == "" {
		return
	}
	for k := range ms[i] {
		m := &ms[i][k]
		if m.Place {
			continue
		}
		if m.Person {
			switch {
			case m.Country != "" || len(m.Members) > 0:
			case m.Code == "":
				if a, ok := appositive(sents[i].Tokens, ms[i], k); ok {
					if a.Country == "" {
						a = inCountry(a, here)
					}
					m.Code, m.Country, m.Sectors = a.Code, a.Country, a.Sectors
					m.Resolved = "described as " + a.Text
					continue
				}
				if focus != "" {
					m.Code, m.Country = focus, focus // a person the dictionary lacks
					m.Resolved = "the story's country, " + focus
				}
			case bareSector(m.Actor):
				m.Actor = inCountry(m.Actor, here) // "Judge Michael Urbanski"
				m.Resolved = "the story's country, " + here
			}
			continue
		}
		if foreign(sents[i].Tokens, m.First) {
			continue // "foreign forces", "international donors": not the story's
		}
		if len(m.Members) == 0 {
			if bareSector(m.Actor) && !beforeIGO(ms[i], k) {
				if a, ok := namedBefore(named, sents[i].Tokens, *m); ok {
					// "the diplomats": the G7's, named before
					m.Code, m.Country, m.Sectors, m.Name = a.Code, a.Country, a.Sectors, a.Name
					m.Resolved = "as named before, " + a.Code
					continue
				}
				m.Actor = inCountry(m.Actor, here)
				m.Resolved = "the story's country, " + here
			}
			continue
		}
		changed := false
		for j := range m.Members {
			a := &m.Members[j]
			switch {
			case bareSector(*a):
				*a = inCountry(*a, here)
				changed = true
			case a.Code == "" && a.Country == "" && focus != "": // a person the dictionary lacks
				a.Code, a.Country = focus, focus
				changed = true
			}
		}
		if changed {
			m.Code = joinCodes(m.Members)
			m.Resolved = "the story's country, " + here
		}
	}
}

// learnNouns records, for each noun inside a placed, single actor of a
// sentence ("Top diplomats from the Group of Seven"), that actor.
func learnNouns(named map[string]dyad.Actor, toks []dyad.Token, ms []dyad.Mention) {
	for _, m := range ms {
		if words, name := strings.Fields(strings.ToLower(m.Text)), strings.Fields(m.Name); m.Person && m.Code != "" && len(name) > 0 && len(words) > len(name) {
			// "U.N. Secretary-General Antonio Guterres": "the
			// secretary-general" later is he
			title := words[:len(words)-len(name)]
			if n := len(title); n > 0 {
				named[title[n-1]] = m.Actor
				if n > 1 {
					named[title[n-2]+" "+title[n-1]] = m.Actor
				}
			}
		}
		org := strings.HasPrefix(m.Code, "IGO") && len(m.Code) > 6 // a body of one, "the International Court of Justice"
		if m.Person || len(m.Members) > 0 || bareSector(m.Actor) || !org && (m.Place || m.Country == "" || len(m.Sectors) == 0) {
			continue
		}
		for i := m.First; i <= m.Last && i < len(toks); i++ {
			if h := toks[i].Head - 1; h >= m.First && h <= m.Last {
				continue // a modifier: "court" in "the court's president" names no court
			}
			if toks[i].UPOS == "NOUN" || org && toks[i].UPOS == "PROPN" {
				named[strings.ToLower(toks[i].Text)] = m.Actor
			}
		}
	}
}

// namedBefore returns the actor an earlier sentence named with the same
// noun as bare sector m, when m is definite ("the diplomats", "the
// ministers"): the story's own, not its country's.
func namedBefore(named map[string]dyad.Actor, toks []dyad.Token, m dyad.Mention) (dyad.Actor, bool) {
	if m.First < 1 || m.Last >= len(toks) || !strings.EqualFold(toks[m.First-1].Text, "the") && !strings.EqualFold(toks[m.First].Text, "the") {
		return dyad.Actor{}, false
	}
	if words := strings.TrimPrefix(strings.ToLower(m.Text), "the "); strings.ContainsAny(words, " -") {
		if a, ok := named[words]; ok {
			return a, true // "the secretary-general", "the prime minister"
		}
	}
	a, ok := named[strings.ToLower(toks[m.Last].Text)]
	return a, ok
}

// appositive returns the actor that the words set beside person mention
// k describe it as: "the prosecutor general of Tehran, Ali Alghasi Mehr"
// (IRNGOV), "Fahrettin Altun, Erdogan's communication chief" (the
// government of Erdogan's country), "Kyle Rittenhouse, the suspect" (a
// bare CRM: the caller gives it the story's country). It is a mention
// over the person's apposition, or one the apposition's head word
// governs; for a head word that only ranks its holder ("the leader of the
// Village de Dieu gang", "a member of the upper house"), the governed
// one first.
func appositive(toks []dyad.Token, ms []dyad.Mention, k int) (dyad.Actor, bool) {
	m := ms[k]
	head := -1
	for i := m.First; i <= m.Last && i < len(toks); i++ {
		if h := toks[i].Head - 1; h < m.First || h > m.Last {
			head = i
			break
		}
	}
	if head < 0 {
		return dyad.Actor{}, false
	}
	var desc []int // the description's head words
	if toks[head].Rel == "appos" {
		desc = append(desc, toks[head].Head-1)
	}
	for j := range toks {
		if toks[j].Rel == "appos" && toks[j].Head-1 == head {
			desc = append(desc, j)
		}
	}
	// over returns the actor of a mention over token t: one with a
	// country, or a bare sector.
	over := func(t int) (dyad.Actor, bool) {
		for j, o := range ms {
			if j == k || o.Place || t < o.First || t > o.Last || len(o.Members) > 0 {
				continue
			}
			if dyad.IsCountry(o.Country) || bareSector(o.Actor) {
				return o.Actor, true
			}
		}
		return dyad.Actor{}, false
	}
	governed := func(d int) (dyad.Actor, bool) {
		for j := range toks {
			if toks[j].Head-1 == d && (toks[j].Rel == "nmod:poss" || toks[j].Rel == "nmod") {
				if a, ok := over(j); ok {
					return a, true
				}
			}
		}
		return dyad.Actor{}, false
	}
	for _, d := range desc {
		if d < 0 || d >= len(toks) {
			continue
		}
		if ranks[strings.ToLower(toks[d].Lemma)] {
			if a, ok := governed(d); ok {
				return a, true
			}
		}
		if a, ok := over(d); ok {
			if a.Country == "" { // a bare sector: the country from what it governs
				if g, ok := governed(d); ok && dyad.IsCountry(g.Country) {
					a = inCountry(a, g.Country)
				}
			}
			return a, true
		}
		if a, ok := governed(d); ok {
			return a, true
		}
	}
	return dyad.Actor{}, false
}

// ranks are head words that say a person's rank in the body they govern,
// not the body: "leader of the gang", "member of the upper house".
var ranks = map[string]bool{"leader": true, "member": true, "head": true, "chief": true, "founder": true, "chairman": true, "chairwoman": true}

// bareSector reports whether a is a sector with no country: "police",
// "officials". The Security Council named bare is the UN's, not a
// country's, and is left alone.
func bareSector(a dyad.Actor) bool {
	if a.Country != "" || len(a.Sectors) == 0 || len(a.Code)%3 != 0 || strings.Contains(strings.ToLower(a.Text), "council") {
		return false
	}
	switch a.Code[:3] {
	case "NGO", "HRI", "IGO", "IMG":
		return false // bodies that work across borders
	}
	return true
}

// foreign reports whether the word before token k says the actor is not
// the story's: "foreign", "international", "overseas", "Western".
func foreign(toks []dyad.Token, k int) bool {
	if k < 1 || k > len(toks) {
		return false
	}
	switch strings.ToLower(toks[k-1].Text) {
	case "foreign", "international", "overseas", "western", "outside", "global":
		return true
	}
	return false
}

// beforeIGO reports whether mention k of ms is followed closely by an
// international body's: "diplomats at the United Nations".
func beforeIGO(ms []dyad.Mention, k int) bool {
	if k+1 >= len(ms) {
		return false
	}
	n := ms[k+1]
	return n.First-ms[k].Last <= 3 && strings.HasPrefix(n.Country, "IGO")
}

// inCountry gives the bare sector a the country c.
func inCountry(a dyad.Actor, c string) dyad.Actor {
	a.Code = c + a.Code
	a.Country = c
	return a
}

// sentencePlace returns the one country the sentence names as a place
// (with places false, the one country it names at all), or "" for none
// or several.
func sentencePlace(ms []dyad.Mention, places bool) string {
	c := ""
	for _, m := range ms {
		if places && !m.Place || m.Resolved != "" {
			continue
		}
		for _, a := range members(m.Actor) {
			switch {
			case !dyad.IsCountry(a.Country):
			case c == "":
				c = a.Country
			case c != a.Country:
				return ""
			}
		}
	}
	return c
}

// Focus returns the story's country, given the mentions of its
// sentences: its dateline's, else the country its actors and places name
// most often, the first named of those named equally often.
func Focus(ms [][]dyad.Mention) string {
	count := map[string]int{}
	var order []string
	for i, sm := range ms {
		for _, m := range sm {
			for _, a := range members(m.Actor) {
				if !dyad.IsCountry(a.Country) {
					continue
				}
				if i <= 1 && m.First == 0 && m.Place && strings.ToUpper(m.Text) == m.Text {
					return a.Country // the dateline
				}
				if count[a.Country] == 0 {
					order = append(order, a.Country)
				}
				count[a.Country]++
			}
		}
	}
	best := ""
	for _, c := range order {
		if best == "" || count[c] > count[best] {
			best = c
		}
	}
	return best
}

// joinCodes names a compound actor by its members' codes.
func joinCodes(ms []dyad.Actor) string {
	codes := make([]string, len(ms))
	for i, m := range ms {
		codes[i] = m.Code
	}
	return strings.Join(codes, "+")
}
