package dict

import (
	"fmt"
	"time"
)

// Kind is the kind of an actor entry.
type Kind int

// Actor kinds, named in files by the first word of an entry's header.
const (
	Country Kind = iota // a country or territory, or one of its sectors ("country USAGOV White House")
	IGO                 // an international organisation or one of its organs
	Group               // a non-state armed or political group
	Person              // a person, coded by dated roles
)

var kindNames = [...]string{Country: "country", IGO: "igo", Group: "group", Person: "person"}

// String returns the keyword that introduces an entry of kind k.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// Pos is a position in a dictionary file. Line and Col are 1-based; Col
// counts bytes.
type Pos struct {
	File      string
	Line, Col int
}

// String returns "file:line:col".
func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Actor is one actor entry: a country, IGO, group or person and every
// surface form that names it.
type Actor struct {
	// Code is the CAMEO-style code ("USA", "USAGOV", "IGOUNO"). For a
	// person it is the code they have with no role in force; it may be "".
	Code    string
	Kind    Kind
	Country string   // ISO 3166 alpha-3; for IGOs the IGO's code
	Sectors []string // sector codes, e.g. ["GOV"], ["REB"]
	Name    string   // canonical name

	// Surface forms, as written in the file (not normalised).
	Names      []string // matched as the actor's name: "United States", "U.S."
	Adjectives []string // adjectives and demonyms that combine with agents: "American(s)"
	Capitals   []string // capitals used as metonyms: "Washington said"

	Roles []Role // dated roles, in file order
	Pos   Pos    // the header line
}

// Role is a dated role of an actor, usually a person's office. From and To
// are inclusive days at UTC midnight; a zero From or To is open.
type Role struct {
	Code     string    // the code in force during the role, e.g. USAGOV
	Title    string    // e.g. "Secretary of State"; may be ""
	From, To time.Time // inclusive; zero means open
}

// In reports whether t falls within r (compared by UTC calendar day).
func (r *Role) In(t time.Time) bool {
	d := day(t)
	if !r.From.IsZero() && d.Before(r.From) {
		return false
	}
	return r.To.IsZero() || !d.After(r.To)
}

// CodeOn returns the code of a on day t and the role that gives it. When
// several roles are in force, the one that began last wins. With a zero t
// the role that began last overall is used. When no role is in force,
// CodeOn returns a.Code and a nil role.
func (a *Actor) CodeOn(t time.Time) (code string, role *Role) {
	for i := range a.Roles {
		r := &a.Roles[i]
		if !t.IsZero() && !r.In(t) {
			continue
		}
		if role == nil || r.From.After(role.From) {
			role = r
		}
	}
	if role == nil {
		return a.Code, nil
	}
	return role.Code, role
}

// day truncates t to its UTC calendar day.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Agent is a role noun and the sector code it gives: "police" → COP. An
// agent combines with a country adjective or name ("South Korean police"
// → KORCOP) or stands alone.
type Agent struct {
	Code  string   // sector code(s): GOV, MIL, COP, GOVMIL, …
	Names []string // surface forms, plurals expanded: "minister", "ministers"
	Pos   Pos
}

// Verb is one verb or event-noun pattern of the coder's lexicon.
type Verb struct {
	Kind  string   // "verb" or "noun"
	Code  string   // CAMEO code, 2–4 digits
	Words []string // lower-case lemmas: ["meet", "with"]
	Pos   Pos
}

// Dictionary is a set of actors, agents and verbs, from one file or many
// merged.
type Dictionary struct {
	Actors []*Actor
	Agents []*Agent
	Verbs  []*Verb
}
