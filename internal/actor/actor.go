package actor

import (
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
)

// Matcher finds actor mentions. It is read-only after New and safe for
// concurrent use.
type Matcher struct {
	ix       *dict.Index
	maxWords int
	firsts   map[string]bool          // normalised first words of every form, to skip tokens fast
	prefixes map[string]bool          // normalised forms cut where a token may end
	surnames map[string][]*dict.Actor // persons by lower-case surname, for "President Bush"
	nations  map[string]*dict.Actor   // countries by code, for repairing names cut short
	rec      *Recogniser              // the learned recogniser of actors the dictionary misses; nil: none
}

// New returns a Matcher over the dictionary d.
func New(d *dict.Dictionary) *Matcher {
	ix := d.Index()
	n := ix.MaxWords()
	if n < 1 {
		n = 1
	}
	m := &Matcher{ix: ix, maxWords: n, firsts: map[string]bool{}, prefixes: map[string]bool{}, surnames: map[string][]*dict.Actor{}}
	m.nations = map[string]*dict.Actor{}
	for _, a := range d.Actors {
		if a.Kind == dict.Country && a.Code == a.Country && m.nations[a.Code] == nil {
			m.nations[a.Code] = a
		}
		m.addFirsts(a.Names, a.Adjectives, a.Capitals)
		if a.Kind == dict.Person {
			m.addSurnames(a)
		}
	}
	for _, ag := range d.Agents {
		m.addFirsts(ag.Names)
	}
	return m
}

// addFirsts records the first word of each form, and its part before a
// hyphen or apostrophe, which the tokenizer splits off ("al-Qaeda").
func (m *Matcher) addFirsts(lists ...[]string) {
	for _, l := range lists {
		for _, f := range l {
			norm := dict.Normalize(f)
			w, _, _ := strings.Cut(norm, " ")
			m.firsts[w] = true
			for k := 1; k < len(norm); k++ {
				if norm[k] == ' ' || strings.IndexByte("-'.", norm[k]) >= 0 || strings.IndexByte("-'.", norm[k-1]) >= 0 {
					m.prefixes[strings.TrimSpace(norm[:k])] = true
				}
			}
			if i := strings.IndexAny(w, "-'"); i > 0 {
				m.firsts[w[:i]] = true
			}
		}
	}
}

// piece is one dictionary match over tokens [first, last].
type piece struct {
	first, last int
	entries     []dict.Entry
	agent       *dict.Agent
	repaired    string // the damaged word this piece completes ("South"), if any
}

// Find returns the actor mentions of s, in order, coded as of date (zero:
// latest roles). text is the document text that the token spans index.
func (m *Matcher) Find(text string, s *dyad.Sentence, date time.Time) []dyad.Mention {
	ms := m.recognise(text, s, m.pairs(text, s, m.find(text, s, m.scan(text, s.Tokens), date), date))
	m.modified(s, ms)
	return ms
}

// find builds the mentions of s from its dictionary pieces.
func (m *Matcher) find(text string, s *dyad.Sentence, pieces []piece, date time.Time) []dyad.Mention {
	singles := m.names(text, s.Tokens, m.compose(text, s.Tokens, pieces, date), date)
	return compound(text, s.Tokens, singles)
}

// scan finds the longest dictionary match at each token, left to right.
func (m *Matcher) scan(text string, toks []dyad.Token) []piece {
	var out []piece
	for i := 0; i < len(toks); {
		p, ok := m.longest(text, toks, i)
		if !ok {
			i++
			continue
		}
		if p.first >= 2 && toks[p.first-1].Text == "-" && articles[strings.ToLower(toks[p.first-2].Text)] {
			p.first -= 2 // the name takes its article: "al-Sharaa", as the text writes it
		}
		out = append(out, p)
		i = p.last + 1
	}
	return out
}

// longest returns the longest actor or agent form that starts at token i.
// Candidates are normalised into one buffer and looked up without
// allocating.
func (m *Matcher) longest(text string, toks []dyad.Token, i int) (piece, bool) {
	var arr [128]byte
	buf := appendNormalized(arr[:0], toks[i].Text)
	if inHyphenated(toks, i) || !m.firsts[string(buf)] {
		return piece{}, false
	}
	best, found := piece{}, false
	buf = buf[:0]
	prevEnd := toks[i].Span.Start
	for j := i; j < len(toks) && j <= i+m.maxWords*3; j++ {
		if j > i && toks[j].Span.Start > prevEnd {
			buf = append(buf, ' ')
		}
		buf = appendNormalized(buf, toks[j].Text)
		prevEnd = toks[j].Span.End
		hyphenNext := j+1 < len(toks) && toks[j+1].Text == "-" && toks[j+1].Span.Start == toks[j].Span.End
		if !hyphenNext { // "six-party": a word inside a hyphenated compound is no form
			if es := m.ix.ActorsNormalized(buf); len(es) > 0 && properNoun(toks[i:j+1], text[toks[i].Span.Start:toks[j].Span.End]) {
				best, found = piece{first: i, last: j, entries: es}, true
			} else if ags := m.ix.AgentsNormalized(buf); len(ags) > 0 {
				best, found = piece{first: i, last: j, agent: ags[0]}, true
			}
		}
		if !m.prefixes[string(buf)] {
			break
		}
	}
	return best, found
}

// appendNormalized appends the normalised form of a token (see
// dict.Normalize) to buf: lower case, straight quotes, '-' for dashes.
func appendNormalized(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return append(buf, dict.Normalize(s[i:])...)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// properNoun reports whether the tokens look like a name: the first token
// (after a lower-case "the") capitalised, and forms written in capitals in the text ("US", "UN")
// matched only in capitals, so that "us" the pronoun is not the United
// States.
func properNoun(toks []dyad.Token, form string) bool {
	if len(toks) > 1 && toks[0].Text == "the" {
		toks = toks[1:] // a name written with its article: "the Hague"
	}
	if len(toks) > 2 && articles[toks[0].Text] && toks[1].Text == "-" {
		toks = toks[2:] // an Arabic article in lower case: "al-Shabab", "al-Qaeda"
	}
	t := toks[0].Text
	if t == "" || !isUpper(t[0]) {
		return false
	}
	if len(toks) == 1 && len(t) <= 3 && strings.ToUpper(t) != t {
		return false // "Us", "Un": a sentence-initial word, not an acronym
	}
	return true
}

// articles are the lower-case articles names from Arabic begin with.
var articles = map[string]bool{"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true, "at": true, "az": true}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// codeOf returns the code and country of an entry on date, with the
// sectors it implies. Any actor with dated roles is coded by the role in
// force: a person by their office, a group by what it became (the Taliban
// are Afghanistan's government from 2021-08-15).
func codeOf(e dict.Entry, date time.Time) dyad.Actor {
	a := e.Actor
	code := a.Code
	secs := a.Sectors
	if len(a.Roles) > 0 {
		var role *dict.Role
		code, role = a.CodeOn(date)
		switch {
		case role != nil:
			secs = roleSectors(code)
		case code == "":
			code, secs = outOfOffice(a, date)
		}
	}
	act := dyad.Actor{Code: code, Country: a.Country, Name: a.Name, Sectors: append([]string(nil), secs...)}
	switch {
	case len(a.Roles) == 0 || len(code) < 3:
	case strings.HasPrefix(code, "IGO"):
		act.Country = code // a person in office at the UN
	default:
		act.Country = code[:3] // a role may be held for another country
	}
	if e.Form == dict.FormCapital && a.Kind == dict.Country && len(code) == 3 {
		act.Code, act.Sectors = code+"GOV", []string{"GOV"}
	}
	if act.Country == "" && len(code) >= 3 {
		act.Country = code[:3]
	}
	return act
}

// outOfOffice codes a person the dictionary knows, on a day outside all
// their roles, by the country their roles served: a former office holder
// is one of its elite (ELI, CAMEO's former officials), someone not yet in
// office the country alone. A person whose roles span countries or IGOs
// stays uncoded.
func outOfOffice(a *dict.Actor, date time.Time) (string, []string) {
	if date.IsZero() {
		return "", nil
	}
	country, former := "", false
	for _, r := range a.Roles {
		if len(r.Code) < 3 || strings.HasPrefix(r.Code, "IGO") || country != "" && r.Code[:3] != country {
			return "", nil
		}
		country = r.Code[:3]
		former = former || !r.To.IsZero() && r.To.Before(date)
	}
	if former {
		return country + "ELI", []string{"ELI"}
	}
	return country, nil
}

// roleSectors returns the sectors of a role's code after its country:
// "AFGGOV" → GOV; none for an IGO's code.
func roleSectors(code string) []string {
	if len(code) <= 3 || strings.HasPrefix(code, "IGO") {
		return nil
	}
	return sectors(code[3:])
}

// withAgent returns a with the agent's sector code appended.
func withAgent(a dyad.Actor, ag *dict.Agent) dyad.Actor {
	if ag == nil || strings.HasSuffix(a.Code, ag.Code) {
		return a
	}
	base := a.Code
	if a.Country != "" && !strings.HasPrefix(a.Country, "IGO") {
		base = a.Country
	}
	a.Code = base + ag.Code
	a.Sectors = sectors(ag.Code)
	return a
}

// sectors splits a run of three-letter sector codes: "GOVMIL" → GOV, MIL.
func sectors(code string) []string {
	var out []string
	for len(code) >= 3 {
		out = append(out, code[:3])
		code = code[3:]
	}
	return out
}

// inHyphenated reports whether token i continues a hyphenated compound
// ("six-party"), so that its word is not an actor or agent of its own. A
// name after an Arabic article is a name of its own ("al-Sharaa" and
// "Al-Sharaa" at a sentence's start are "Sharaa"), and so is one after
// "then-" or "ex-" ("then-New Jersey Governor": New Jersey's, not
// Jersey's).
func inHyphenated(toks []dyad.Token, i int) bool {
	if i < 1 || toks[i-1].Text != "-" || toks[i-1].Span.End != toks[i].Span.Start {
		return false
	}
	if i < 2 || toks[i].Text == "" || !isUpper(toks[i].Text[0]) {
		return true
	}
	w := strings.ToLower(toks[i-2].Text)
	return !articles[w] && w != "then" && w != "ex"
}

// familyFirst are countries whose names are written family name first.
var familyFirst = map[string]bool{"CHN": true, "KOR": true, "PRK": true, "TWN": true, "VNM": true, "HKG": true, "MAC": true}

// addSurnames indexes a person by the family name of each of their names.
func (m *Matcher) addSurnames(a *dict.Actor) {
	seen := map[string]bool{}
	for _, n := range append([]string{a.Name}, a.Names...) {
		f := strings.Fields(n)
		if len(f) < 2 {
			continue
		}
		s := f[len(f)-1]
		if familyFirst[a.Country] {
			s = f[0]
		}
		s = strings.ToLower(s)
		if !seen[s] {
			seen[s] = true
			m.surnames[s] = append(m.surnames[s], a)
		}
	}
}
