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
		var ag, prefix *dict.Agent
		var person *dict.Entry
		named := false // a name after the agent, taken into the mention
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
			case n.agent != nil && person == nil && !named:
				ag = n.agent
			case n.agent == nil && person == nil && best(n.entries).Actor.Kind == dict.Person:
				e := best(n.entries)
				person = &e
			case n.agent == nil && ag != nil && ag.Prefix && base == nil && person == nil:
				// a body named before a country: its branch there ("MSF Ruritania")
				e := best(n.entries)
				base, prefix, ag = &e, ag, nil
			case n.agent == nil && ag != nil && person == nil && !named && bareName(best(n.entries)):
				// a title and a name the dictionary gives only a country
				// ("Ruritanian Prime Minister Rassendyll"): the title codes
				e := best(n.entries)
				if base == nil {
					base = &e
				}
				named = true
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
			if _, role := person.Actor.CodeOn(date); (act.Code == "" || role == nil && ag != nil && !former(toks, ps[start].first)) && base != nil {
				// the text's own title outranks a guess from past office:
				// "U.N. Secretary-General Antonio Guterres"
				act = withAgent(codeOf(*base, date), ag)
				act.Name = person.Actor.Name // coreference knows them by their surname
			}
		case base != nil && ag != nil:
			act = withAgent(codeOf(*base, date), ag)
		case base != nil && sharedAgent(toks, ps, i, base.Form) != nil:
			// "Chinese and Russian officials", "the US and Japanese governments"
			act = withAgent(codeOf(*base, date), sharedAgent(toks, ps, i, base.Form))
		case base != nil && base.Form == dict.FormAdjective && first == last && peopleAfter(toks, ps, i):
			last++ // "Iraqi Kurds": a people of the country
			act = withAgent(codeOf(*base, date), &dict.Agent{Code: "CVL"})
		case base != nil && base.Form != dict.FormAdjective:
			act = codeOf(*base, date)
		case base != nil && ag == nil && person == nil && first == last && demonymPlural(toks, first):
			act = withAgent(codeOf(*base, date), &dict.Agent{Code: "CVL"}) // "Palestinians", "thousands of Swedes"
		case ag != nil && first == last && attributive(toks, first):
			continue // "an official visit", "military drills": an adjective, not an actor
		case ag != nil:
			act = dyad.Actor{Code: ag.Code, Sectors: sectors(ag.Code)}
		default:
			continue // a bare adjective: "a Japanese ship"
		}
		if prefix != nil {
			act.Code = prefix.Code + act.Code
			act.Sectors = append(sectors(prefix.Code), act.Sectors...)
		}
		if base != nil && person == nil && len(base.Actor.Also) > 0 {
			act = several(act, base.Actor, ag)
		}
		for _, q := range ps[start : i+1] {
			if q.repaired != "" {
				act.Repaired = q.repaired
			}
		}
		act.Text = text[toks[first].Span.Start:toks[last].Span.End]
		act.Span = dyad.Span{Start: toks[first].Span.Start, End: toks[last].Span.End}
		mn := dyad.Mention{Actor: act, First: first, Last: last, Person: person != nil}
		bare := ag != nil && base == nil && person == nil                 // "at the foreign ministry"
		people := bare && !institutions[strings.ToLower(toks[last].Text)] // "threw rocks at police": no place
		mn.Place = (base != nil && ag == nil || bare && !people) && person == nil && (afterLocative(toks, first) || dateline(toks, first, last))
		if n := len(out); n > 0 && out[n-1].Place && !mn.Person && !people && conjoined(toks, out[n-1], mn) {
			mn.Place = true // "in Tokyo and Seoul": the preposition covers both
		}
		out = append(out, mn)
	}
	return out
}

// sharedAgent returns the agent that ends a list of country names or
// adjectives beginning at piece i ("Chinese and Russian officials"), for
// every member of the list; a name takes it only when it is plural ("the
// US and Japanese governments"). Nil when piece i is not in such a list.
func sharedAgent(toks []dyad.Token, ps []piece, i int, form dict.Form) *dict.Agent {
	k := i
	for k+1 < len(ps) && ps[k+1].agent == nil && listGap(toks, ps[k].last+1, ps[k+1].first) {
		k++
		if e := best(ps[k].entries); e.Form != dict.FormAdjective {
			return nil
		}
	}
	if k == i || k+1 >= len(ps) || ps[k+1].agent == nil || ps[k+1].first != ps[k].last+1 {
		return nil
	}
	ag := ps[k+1].agent
	if w := toks[ps[k+1].last].Text; form != dict.FormAdjective && !strings.HasSuffix(w, "s") {
		return nil
	}
	return ag
}

// listGap reports whether tokens [a, b) join list members: a comma, "and",
// "or", or a comma and "and".
func listGap(toks []dyad.Token, a, b int) bool {
	if b <= a || b-a > 2 {
		return false
	}
	for _, t := range toks[a:b] {
		switch strings.ToLower(t.Text) {
		case ",", "and", "or":
		default:
			return false
		}
	}
	return true
}

// peopleAfter reports whether the token after piece i is a people's name
// in the plural that no piece covers: "Iraqi Kurds", "Lebanese Shiites".
func peopleAfter(toks []dyad.Token, ps []piece, i int) bool {
	k := ps[i].last + 1
	if k >= len(toks) || i+1 < len(ps) && ps[i+1].first == k {
		return false
	}
	t := toks[k].Text
	if len(t) < 4 || !isUpper(t[0]) || t[len(t)-1] != 's' || toks[k].UPOS != "" && toks[k].UPOS != "PROPN" && toks[k].UPOS != "NOUN" {
		return false
	}
	return k+1 >= len(toks) || toks[k+1].UPOS != "PROPN" && toks[k+1].UPOS != "NOUN"
}

// demonymPlural reports whether token i is a people's name in the plural
// standing as a noun ("Palestinians protested"), not an adjective before
// one.
func demonymPlural(toks []dyad.Token, i int) bool {
	t := toks[i]
	if len(t.Text) < 4 || t.Text[len(t.Text)-1] != 's' || !isUpper(t.Text[0]) {
		return false
	}
	if t.UPOS != "" && t.UPOS != "NOUN" && t.UPOS != "PROPN" {
		return false
	}
	return i+1 >= len(toks) || toks[i+1].UPOS != "NOUN" && toks[i+1].UPOS != "PROPN" && (toks[i+1].UPOS != "" || !isUpper(toks[i+1].Text[0]))
}

// institutions are the agents that are also places one can be in or at:
// "at the foreign ministry", "in parliament"; police or protesters are not.
var institutions = map[string]bool{
	"ministry": true, "ministries": true, "embassy": true, "embassies": true, "consulate": true, "consulates": true,
	"office": true, "parliament": true, "senate": true, "congress": true, "court": true, "courts": true,
	"palace": true, "presidency": true, "department": true, "headquarters": true, "assembly": true,
	"council": true, "house": true, "university": true, "universities": true, "school": true, "schools": true,
	"hospital": true, "hospitals": true, "church": true, "churches": true, "mosque": true, "mosques": true,
	"bank": true, "banks": true, "company": true, "tribunal": true, "legislature": true, "cabinet": true,
	"government": true, "administration": true, "knesset": true, "duma": true, "bundestag": true, "majlis": true,
	"rada": true, "agency": true, "agencies": true, "municipality": true, "prison": true, "camp": true,
}

// attributive reports whether token i is an adjective before a noun.
func attributive(toks []dyad.Token, i int) bool {
	return toks[i].UPOS == "ADJ" && i+1 < len(toks) && (toks[i+1].UPOS == "NOUN" || toks[i+1].UPOS == "ADJ")
}

// bareName reports whether e names an actor by a country's code alone,
// with no sector, roles, further codes, adjectives or capitals: in
// PETRARCH dictionaries, a person filed under a country.
func bareName(e dict.Entry) bool {
	a := e.Actor
	return e.Form == dict.FormName && a.Kind == dict.Country && len(a.Sectors) == 0 && len(a.Also) == 0 &&
		len(a.Adjectives) == 0 && len(a.Capitals) == 0 && len(a.Code) == 3 && a.Code == a.Country
}

// several makes act, coded as actor a, the compound of a's codes (see
// dict.Actor.Also), each with the agent's sector.
func several(act dyad.Actor, a *dict.Actor, ag *dict.Agent) dyad.Actor {
	c := act
	c.Members = []dyad.Actor{act}
	for _, code := range a.Also {
		m := dyad.Actor{Code: code, Name: a.Name}
		if len(code) >= 3 {
			m.Country = code[:3]
		}
		c.Members = append(c.Members, withAgent(m, ag))
	}
	c.Code, c.Country, c.Sectors = joinCodes(c.Members), "", nil
	return c
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
// possessive "'s" ("China's foreign ministry"), which adjectives may follow
// when b is an agent ("China's new and powerful defence minister").
func adjacent(toks []dyad.Token, a, b piece) bool {
	if b.first-a.last == 1 {
		return true
	}
	t := strings.ToLower(toks[a.last+1].Text)
	if t != "'s" && t != "\u2019s" && t != "'" {
		return false
	}
	gap := toks[a.last+2 : b.first]
	if len(gap) > 0 && (b.agent == nil || len(gap) > 4) {
		return false
	}
	for _, t := range gap {
		if !adjectival(t) {
			return false
		}
	}
	return true
}

// adjectival reports whether t may stand among adjectives before a noun:
// an adjective, "and" or a comma between them.
func adjectival(t dyad.Token) bool {
	return t.UPOS == "ADJ" || t.Text == "," || strings.EqualFold(t.Text, "and")
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
		if ags, ok := agentBefore(toks, out, group); ok {
			var each []dyad.Mention // every sector of every member: "lawmakers and officials in A and B"
			for _, ag := range ags {
				for _, g := range group {
					if (len(g.Sectors) == 0 || g.Place) && g.Country != "" {
						g.Actor = withSector(g.Actor, ag)
						g.Place = false // "a court in Guyana" is the court
					}
					each = append(each, g)
				}
			}
			group = each
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
		inheritCountry(group)
		group = distinct(group) // "Israeli helicopters and battle tanks" is one actor, ISRMIL
		if len(group) == 1 {
			m := group[0]
			m.First, m.Last = first, ms[j].Last
			m.Span = dyad.Span{Start: toks[m.First].Span.Start, End: toks[m.Last].Span.End}
			m.Text = text[m.Span.Start:m.Span.End]
			out = append(out, m)
			i = j
			continue
		}
		c := dyad.Mention{First: first, Last: group[len(group)-1].Last}
		c.Span = dyad.Span{Start: toks[first].Span.Start, End: group[len(group)-1].Span.End}
		c.Text = text[c.Span.Start:c.Span.End]
		c.Place = true
		for _, g := range group {
			c.Members = append(c.Members, members(g.Actor)...)
			c.Place = c.Place && g.Place // "in Tokyo and Seoul" stays a place
			if g.Person && g.Name != "" {
				c.People = append(c.People, g.Name)
			}
		}
		c.Code = joinCodes(c.Members)
		out = append(out, c)
		i = j
	}
	return out
}

// distinct drops the members of a list that repeat an earlier member's
// code and sectors.
func distinct(group []dyad.Mention) []dyad.Mention {
	seen := map[string]bool{}
	out := group[:0:0]
	for _, g := range group {
		if len(g.Members) == 0 && !g.Person && !g.Place {
			if seen[g.Code] {
				continue
			}
			seen[g.Code] = true
		}
		out = append(out, g)
	}
	return out
}

// inheritCountry gives the country of a list's member with a country and
// a sector to the bare sectors after it: "Danish media and government" is
// the Danish government too.
func inheritCountry(group []dyad.Mention) {
	var from *dyad.Actor
	for k := range group {
		a := &group[k].Actor
		switch {
		case a.Country != "" && len(a.Sectors) > 0 && len(a.Members) == 0 && !strings.HasPrefix(a.Country, "IGO"):
			from = a
		case from != nil && a.Country == "" && len(a.Members) == 0 && len(a.Sectors) > 0 && !group[k].Person:
			*a = withSector(dyad.Actor{Code: from.Country, Country: from.Country, Text: a.Text, Span: a.Span}, a.Code)
		default:
			from = nil
		}
	}
}

// members returns the single actors of a: its members, or itself.
func members(a dyad.Actor) []dyad.Actor {
	if len(a.Members) > 0 {
		return a.Members
	}
	return []dyad.Actor{a}
}

// conjoined reports whether b follows a after ",", "and", "or" or ", and",
// and perhaps "the" and adjectives ("Ruritania and the embattled
// Freedonia").
func conjoined(toks []dyad.Token, a, b dyad.Mention) bool {
	gap := toks[a.Last+1 : b.First]
	if len(gap) == 0 || len(gap) > 5 {
		return false
	}
	joins := 0
	for i, t := range gap {
		switch strings.ToLower(t.Text) {
		case ",", "and", "or", "nor", "&":
			joins++
		case "the":
		default:
			if t.UPOS != "ADJ" || joins == 0 || i+1 < len(gap) && gap[i+1].UPOS != "ADJ" && !strings.EqualFold(gap[i+1].Text, "and") {
				return false // adjectives after the conjunction, right before the name
			}
		}
	}
	return joins > 0 || len(gap) <= 3
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

// agentBefore reports whether the last mention in out is a bare agent, or
// a list of them, followed by "of", "from" or "in" and then the mentions
// of group ("diplomats from the US, Japan and South Korea", "a court in
// Guyana"), and returns their sector codes. After "in" only places may
// follow.
func agentBefore(toks []dyad.Token, out []dyad.Mention, group []dyad.Mention) ([]string, bool) {
	if len(out) == 0 {
		return nil, false
	}
	a, m := out[len(out)-1], group[0]
	if a.Country != "" || a.Place || a.Person || m.Country == "" {
		return nil, false
	}
	var secs []string
	for _, x := range members(a.Actor) {
		if x.Country != "" || len(x.Sectors) == 0 {
			return nil, false
		}
		secs = append(secs, x.Code)
	}
	gap := toks[a.Last+1 : m.First]
	if len(gap) == 0 || len(gap) > 2 {
		return nil, false
	}
	switch strings.ToLower(gap[0].Text) {
	case "of", "from":
	case "in": // places only: "lawmakers in Fornost and Gondor", not "officials in the UN"
		for _, g := range group {
			if strings.HasPrefix(g.Country, "IGO") || len(g.Members) > 0 {
				return nil, false
			}
		}
	default:
		return nil, false
	}
	if len(gap) == 2 && !strings.EqualFold(gap[1].Text, "the") {
		return nil, false
	}
	if last := group[len(group)-1].Last; last+1 < len(toks) && isPossessive(toks[last+1].Text) {
		return nil, false // "the insurgents in Qatar's capital": Qatar owns the capital, not them
	}
	return secs, true
}

// former reports whether a title starting at token i is a past one:
// "former NATO Secretary General", "ex-president".
func former(toks []dyad.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch strings.ToLower(toks[k].Text) {
		case "former", "ex", "ex-", "then", "late", "onetime", "one-time":
			return true
		}
	}
	return false
}

func isPossessive(t string) bool { return t == "'s" || t == "\u2019s" || t == "'" }

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
	case "\u2014", "\u2013", "-", "--", "(":
		return true
	case ",":
		// "ROME, Italy" is a dateline; "US, Japan and South Korea vow"
		// opens a headline with an acronym.
		return len(toks[last].Text) > 3
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
	if k+1 < len(toks) && toks[k+1].Text != "" && isUpper(toks[k+1].Text[0]) && nameWord(toks[k+1]) {
		return dict.Entry{}, false // "candidate Elizabeth Warren": a given name, not Queen Elizabeth
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
