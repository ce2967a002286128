package actor

import (
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
)

// compose turns dictionary pieces into single-actor mentions: a name or
// adjective followed by an agent ("Japanese officials"), an agent followed
// by a person ("Foreign Minister Wang Yi"), or a name alone.
func (m *Matcher) compose(text string, toks []dyad.Token, ps []piece, date time.Time) []dyad.Mention {
	var out []dyad.Mention
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		start := i
		var base *dict.Entry
		var ag *dict.Agent
		var person *dict.Entry
		if p.agent == nil {
			e := best(p.entries)
			base = &e
			if e.Actor.Kind == dict.Person {
				person, base = base, nil
			}
		} else {
			ag = p.agent
		}
		// extend to the right: name → agent → person, each adjacent.
		for i+1 < len(ps) && adjacent(toks, ps[i], ps[i+1]) {
			n := ps[i+1]
			switch {
			case n.agent != nil && person == nil:
				ag = n.agent
			case n.agent == nil && person == nil && best(n.entries).Actor.Kind == dict.Person:
				e := best(n.entries)
				person = &e
			default:
				goto done
			}
			i++
		}
	done:
		first, last := ps[start].first, ps[i].last
		if person == nil && ag != nil {
			if e, ok := m.titledSurname(toks, ps, i, date); ok { // "President Bush"
				person, last = &e, ps[i].last+1
			}
		}
		var act dyad.Actor
		switch {
		case person != nil:
			act = codeOf(*person, date)
			if act.Code == "" && base != nil {
				act = withAgent(codeOf(*base, date), ag)
			}
		case base != nil && ag != nil:
			act = withAgent(codeOf(*base, date), ag)
		case base != nil && base.Form != dict.FormAdjective:
			act = codeOf(*base, date)
		case ag != nil:
			act = dyad.Actor{Code: ag.Code, Sectors: sectors(ag.Code)}
		default:
			continue // a bare adjective: "a Japanese ship"
		}
		act.Text = text[toks[first].Span.Start:toks[last].Span.End]
		act.Span = dyad.Span{Start: toks[first].Span.Start, End: toks[last].Span.End}
		mn := dyad.Mention{Actor: act, First: first, Last: last, Person: person != nil}
		bare := ag != nil && base == nil && person == nil // "at the foreign ministry"
		mn.Place = (base != nil && ag == nil || bare) && person == nil && (afterLocative(toks, first) || dateline(toks, first, last))
		if n := len(out); n > 0 && out[n-1].Place && !mn.Person && conjoined(toks, out[n-1], mn) {
			mn.Place = true // "in Tokyo and Seoul": the preposition covers both
		}
		out = append(out, mn)
	}
	return out
}

// best picks the entry to use when a form names several actors: names
// before adjectives and capitals, then dictionary order.
func best(es []dict.Entry) dict.Entry {
	for _, e := range es {
		if e.Form == dict.FormName {
			return e
		}
	}
	return es[0]
}

// adjacent reports whether piece b follows a directly, or after a
// possessive "'s" ("China's foreign ministry").
func adjacent(toks []dyad.Token, a, b piece) bool {
	switch b.first - a.last {
	case 1:
		return true
	case 2:
		t := strings.ToLower(toks[a.last+1].Text)
		return t == "'s" || t == "\u2019s" || t == "'"
	}
	return false
}

// afterLocative reports whether token i follows "in", "at" or "near", so a
// place name there is where something happened, not who did it.
func afterLocative(toks []dyad.Token, i int) bool {
	j := i - 1
	if j >= 0 && strings.EqualFold(toks[j].Text, "the") {
		j--
	}
	if j < 0 {
		return false
	}
	switch strings.ToLower(toks[j].Text) {
	case "in", "near", "outside", "inside":
		return true
	case "at":
		return j == 0 || !aimVerbs[strings.ToLower(toks[j-1].Text)] // "fired at police" aims at an actor
	}
	return false
}

// aimVerbs take "at" before their target.
var aimVerbs = map[string]bool{"fire": true, "fired": true, "firing": true, "shoot": true, "shot": true, "shooting": true,
	"aim": true, "aimed": true, "aiming": true, "hurl": true, "hurled": true, "threw": true, "throw": true,
	"lash": true, "lashed": true, "lashing": true, "swipe": true, "jab": true, "strike": true, "struck": true}

// compound joins mentions separated by "," and "and" into one mention with
// Members, and gives a leading agent ("diplomats from the US, Japan and
// South Korea") to every member.
func compound(text string, toks []dyad.Token, ms []dyad.Mention) []dyad.Mention {
	var out []dyad.Mention
	for i := 0; i < len(ms); i++ {
		j := listEnd(toks, ms, i)
		group := ms[i : j+1]
		first := group[0].First
		if ag, ok := agentBefore(toks, out, group); ok {
			for k := range group {
				if (len(group[k].Sectors) == 0 || group[k].Place) && group[k].Country != "" {
					group[k].Actor = withSector(group[k].Actor, ag)
					group[k].Place = false // "a court in Guyana" is the court
				}
			}
			first = out[len(out)-1].First
			out = out[:len(out)-1]
		}
		if len(group) == 1 {
			m := group[0]
			if first < m.First {
				m.First, m.Span.Start = first, toks[first].Span.Start
				m.Text = text[m.Span.Start:m.Span.End]
			}
			out = append(out, m)
			i = j
			continue
		}
		c := dyad.Mention{First: first, Last: group[len(group)-1].Last}
		c.Span = dyad.Span{Start: toks[first].Span.Start, End: group[len(group)-1].Span.End}
		c.Text = text[c.Span.Start:c.Span.End]
		c.Place = true
		for _, g := range group {
			c.Members = append(c.Members, g.Actor)
			c.Place = c.Place && g.Place // "in Tokyo and Seoul" stays a place
		}
		c.Code = joinCodes(c.Members)
		out = append(out, c)
		i = j
	}
	return out
}

// conjoined reports whether b follows a after ",", "and", "or" or ", and".
func conjoined(toks []dyad.Token, a, b dyad.Mention) bool {
	gap := toks[a.Last+1 : b.First]
	if len(gap) == 0 || len(gap) > 3 {
		return false
	}
	for _, t := range gap {
		switch strings.ToLower(t.Text) {
		case ",", "and", "or", "nor", "the", "&":
		default:
			return false
		}
	}
	return true
}

// hasAnd reports whether the gap between a and b holds a conjunction: "and",
// "&", "or", "nor" ("neither Galadriel nor Gollum").
func hasAnd(toks []dyad.Token, a, b dyad.Mention) bool {
	for _, t := range toks[a.Last+1 : b.First] {
		switch strings.ToLower(t.Text) {
		case "and", "&", "or", "nor":
			return true
		}
	}
	return false
}

// listEnd returns the last index of the list of mentions starting at i: a
// run joined by commas must close with "and" ("A, B and C"); a comma alone
// ("Estonia, NATO will respond") joins nothing.
func listEnd(toks []dyad.Token, ms []dyad.Mention, i int) int {
	j := i
	for j+1 < len(ms) && conjoined(toks, ms[j], ms[j+1]) && ms[j+1].Place == ms[i].Place {
		j++
	}
	for j > i && !hasAnd(toks, ms[j-1], ms[j]) {
		j-- // drop trailing comma-only members
	}
	return j
}

// agentBefore reports whether the last mention in out is a bare agent
// followed by "of", "from" or "in" and then the mentions of group
// ("diplomats from the US, Japan and South Korea", "a court in Guyana"),
// and returns its sector code. After "in" only one place may follow.
func agentBefore(toks []dyad.Token, out []dyad.Mention, group []dyad.Mention) (string, bool) {
	if len(out) == 0 {
		return "", false
	}
	a, m := out[len(out)-1], group[0]
	if a.Country != "" || len(a.Members) > 0 || len(a.Sectors) == 0 || a.Place || m.Country == "" {
		return "", false
	}
	gap := toks[a.Last+1 : m.First]
	if len(gap) == 0 || len(gap) > 2 {
		return "", false
	}
	switch strings.ToLower(gap[0].Text) {
	case "of", "from":
	case "in": // places only: "lawmakers in Fornost and Gondor", not "officials in the UN"
		for _, g := range group {
			if strings.HasPrefix(g.Country, "IGO") || len(g.Members) > 0 {
				return "", false
			}
		}
	default:
		return "", false
	}
	if len(gap) == 2 && !strings.EqualFold(gap[1].Text, "the") {
		return "", false
	}
	return a.Code, true
}

// withSector gives a country actor the sector code sec.
func withSector(a dyad.Actor, sec string) dyad.Actor {
	return withAgent(a, &dict.Agent{Code: sec})
}

// joinCodes names a compound actor by its members' codes: "USAGOV+JPNGOV".
func joinCodes(ms []dyad.Actor) string {
	codes := make([]string, len(ms))
	for i, m := range ms {
		codes[i] = m.Code
	}
	return strings.Join(codes, "+")
}

// dateline reports whether tokens [first, last] open the story in capitals
// and are followed by a dash, a parenthesis or a comma: "TOKYO —",
// "SEOUL (AP) -", "WASHINGTON, Oct 27".
func dateline(toks []dyad.Token, first, last int) bool {
	if first != 0 || last+1 >= len(toks) {
		return false
	}
	for _, t := range toks[first : last+1] {
		if strings.ToUpper(t.Text) != t.Text {
			return false
		}
	}
	switch toks[last+1].Text {
	case "\u2014", "\u2013", "-", "--", "(", ",":
		return true
	}
	return false
}

// titledSurname finds a person named by a title and a surname alone
// ("President Bush", "Foreign Minister Lavrov"): the capitalised token
// after piece i that no piece covers, when exactly one person of that
// surname holds a role on date.
func (m *Matcher) titledSurname(toks []dyad.Token, ps []piece, i int, date time.Time) (dict.Entry, bool) {
	k := ps[i].last + 1
	if date.IsZero() || k >= len(toks) || toks[k].Text == "" || !isUpper(toks[k].Text[0]) {
		return dict.Entry{}, false
	}
	if i+1 < len(ps) && ps[i+1].first <= k {
		return dict.Entry{}, false
	}
	var found *dict.Actor
	for _, a := range m.surnames[strings.ToLower(toks[k].Text)] {
		if _, role := a.CodeOn(date); role == nil {
			continue
		}
		if found != nil && found != a {
			return dict.Entry{}, false // two people of that name in office: no guess
		}
		found = a
	}
	if found == nil {
		return dict.Entry{}, false
	}
	return dict.Entry{Actor: found, Form: dict.FormName}, true
}
