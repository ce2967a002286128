package dict

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Form says how a surface form names an actor.
type Form int

// Forms of an actor's surface forms.
const (
	FormName      Form = iota // a name: "United States", "Antony Blinken"
	FormAdjective             // an adjective or demonym: "American(s)"
	FormCapital               // a capital used as a metonym: "Washington"
)

// Entry is one actor a surface form names, and how.
type Entry struct {
	Actor *Actor
	Form  Form
}

// Index maps normalised surface forms to dictionary entries. Build it once
// with Dictionary.Index and share it: it is read-only and safe for
// concurrent use.
type Index struct {
	actors   map[string][]Entry
	agents   map[string][]*Agent
	maxWords int
	// The verb table is built on the first call of Verbs: the actor
	// matcher, which builds an Index on every pipeline, never asks it, and
	// for the Phoenix dictionaries it is 240,000 keys.
	verbList  []*Verb
	verbsOnce sync.Once
	verbs     map[string][]*Verb
}

// Index builds the lookup tables of d. Later changes to d are not seen.
func (d *Dictionary) Index() *Index {
	x := &Index{
		actors:   make(map[string][]Entry, 4*len(d.Actors)),
		agents:   make(map[string][]*Agent, 2*len(d.Agents)),
		verbList: slices.Clone(d.Verbs),
	}
	for _, a := range d.Actors {
		x.addActor(a, a.Names, FormName)
		x.addActor(a, a.Adjectives, FormAdjective)
		x.addActor(a, a.Capitals, FormCapital)
	}
	for _, ag := range d.Agents {
		for _, n := range ag.Names {
			k := x.key(n)
			if !containsAgent(x.agents[k], ag) {
				x.agents[k] = append(x.agents[k], ag)
			}
		}
	}
	return x
}

// indexVerbs builds the verb table: each pattern under each of its heads.
func (x *Index) indexVerbs() {
	n := 0
	for _, v := range x.verbList {
		n += 1 + len(v.Heads)
	}
	x.verbs = make(map[string][]*Verb, n)
	for _, v := range x.verbList {
		rest := strings.Join(v.Words[1:], " ")
		for _, h := range append([]string{v.Words[0]}, v.Heads...) {
			k := strings.TrimSpace(h + " " + rest)
			x.verbs[k] = append(x.verbs[k], v)
		}
	}
}

func (x *Index) addActor(a *Actor, forms []string, f Form) {
	for _, n := range forms {
		k := x.key(n)
		dup := false
		for _, e := range x.actors[k] {
			dup = dup || (e.Actor == a && e.Form == f)
		}
		if !dup {
			x.actors[k] = append(x.actors[k], Entry{a, f})
		}
	}
}

func containsAgent(list []*Agent, a *Agent) bool {
	for _, b := range list {
		if a == b {
			return true
		}
	}
	return false
}

// key normalises s and tracks the longest form in words.
func (x *Index) key(s string) string {
	k := Normalize(s)
	if w := strings.Count(k, " ") + 1; w > x.maxWords {
		x.maxWords = w
	}
	return k
}

// Actors returns every entry for the surface form s (normalised here), in
// dictionary order.
func (x *Index) Actors(s string) []Entry { return x.actors[Normalize(s)] }

// Agents returns the agents for the surface form s ("foreign ministers").
func (x *Index) Agents(s string) []*Agent { return x.agents[Normalize(s)] }

// ActorsNormalized and AgentsNormalized look up a key that is already
// normalised (see Normalize), for matchers that normalise into a buffer of
// their own and must not allocate on every candidate.
func (x *Index) ActorsNormalized(key []byte) []Entry { return x.actors[string(key)] }

// AgentsNormalized is Agents for a normalised key.
func (x *Index) AgentsNormalized(key []byte) []*Agent { return x.agents[string(key)] }

// Verbs returns the verb and noun patterns written as s ("meet with"),
// under any of their heads.
func (x *Index) Verbs(s string) []*Verb {
	x.verbsOnce.Do(x.indexVerbs)
	return x.verbs[Normalize(s)]
}

// MaxWords returns the number of words in the longest actor or agent form,
// the widest window a matcher needs to try.
func (x *Index) MaxWords() int { return x.maxWords }

// Normalize returns the lookup key of a surface form: lower case, curly
// quotes and apostrophes made straight, dashes made '-', and every run of
// white space one space. Dots are kept ("U.S." and "US" are two forms).
// Callers join the tokens of a candidate with single spaces.
func Normalize(s string) string {
	if n, ok := normalizeASCII(s); ok {
		return n
	}
	return normalizeRunes(s)
}

// normalizeRunes is Normalize for any string, rune by rune.
func normalizeRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '\u2018' || r == '\u2019' || r == '\u02bc' || r == '`':
			r = '\''
		case r == '\u201c' || r == '\u201d':
			r = '"'
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014':
			r = '-'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// normalizeASCII is Normalize for a string of ASCII bytes alone (most
// dictionary forms), byte by byte; ok is false for any other string.
func normalizeASCII(s string) (_ string, ok bool) {
	s = strings.TrimSpace(s)
	var arr [64]byte
	b := arr[:0]
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			space = true
			continue
		case c == '`':
			c = '\''
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b), true
}
