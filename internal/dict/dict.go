package dict

import (
	"fmt"
	"strings"
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
	// Died is the day a person died in office, or zero. From that day on
	// the role they held at death stays theirs: news of the dead tells of
	// the office they died in.
	Died time.Time
	// Also are further codes of an actor that stands for several at once
	// (PETRARCH's "[A/B/C]"); the actor matcher makes its mentions compound
	// actors of Code and these.
	Also []string
	Pos  Pos // the header line
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
// the role that began last overall is used. On and after the day a person
// died in office, the role in force that day is. When no role is in force,
// CodeOn returns a.Code and a nil role.
func (a *Actor) CodeOn(t time.Time) (code string, role *Role) {
	if !a.Died.IsZero() && !t.IsZero() && !day(t).Before(a.Died) {
		t = a.Died
	}
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
	// Prefix puts the code before the country's instead of after it, for
	// a body named before a country that stands for its branch there
	// (PETRARCH's "[NGO~]": a relief agency's Ruritanian branch is
	// NGORUR, not RURNGO).
	Prefix bool
	Pos    Pos
}

// Verb is one verb or event-noun pattern of the coder's lexicon.
type Verb struct {
	Kind  string   // "verb" or "noun"
	Code  string   // CAMEO code, 2–4 digits; "" when the pattern codes only Reverse
	Words []string // lower-case lemmas: ["meet", "with"]; Words[0] is the head

	// What PETRARCH patterns say beyond head and following words; zero
	// for dyad's own entries.

	// Before are words that must stand before the head in its clause, in
	// order ("not"; "fail", "to"): PETRARCH's words left of '*'.
	Before []string
	// Tight, when not nil, has one entry per word of Before and Words
	// together, in that order: Tight[i] says that word follows the one
	// before it directly, with no word between (PETRARCH's '_').
	Tight []bool
	// Reverse is the code of the event from target to source that the
	// same words also code: PETRARCH's paired codes, "032:033" for a
	// visit and its receipt. "" for none.
	Reverse string
	// SourceAt and TargetAt say where an actor must stand for the
	// pattern to apply (PETRARCH's '$' and '+'): n > 0, after Words[n-1]
	// (1: right after the head); n < 0, before the head (-1) or before
	// Before[len(Before)+n+1] (-2: before the last word of Before); 0,
	// wherever the coder's roles put it.
	SourceAt, TargetAt int
	// SourceSkip and TargetSkip are actors to pass over before that
	// position's actor (PETRARCH's '^'), counted away from the word the
	// position is anchored to.
	SourceSkip, TargetSkip int
	// Heads are further lemmas that head the same pattern in place of
	// Words[0]: the other verbs of a PETRARCH-2 block ("hasten", "rush"
	// for "accelerate"). One entry stands for one pattern per head.
	Heads []string
	// Reciprocal marks PETRARCH's '%', a compound actor: at SourceAt it is
	// both source and target ("Ruritania and Freedonia agreed"); at
	// TargetAt, with no SourceAt, it is the target and must be compound
	// ("agreed with Ruritania and Freedonia").
	Reciprocal bool
	Pos        Pos
}

// Key returns what tells one pattern from another regardless of its code:
// kind, words and every condition on them, for the pattern headed by
// Words[0] (see HeadKeys for the others). Two entries with one key and two
// codes contradict each other.
func (v *Verb) Key() string { return v.keyWith(v.Words[0]) }

// HeadKeys returns the Key of each pattern v stands for: headed by
// Words[0], then by each of Heads.
func (v *Verb) HeadKeys() []string {
	pre, post := v.keyParts()
	out := make([]string, 0, 1+len(v.Heads))
	out = append(out, pre+v.Words[0]+post)
	for _, h := range v.Heads {
		out = append(out, pre+h+post)
	}
	return out
}

func (v *Verb) keyWith(head string) string {
	pre, post := v.keyParts()
	return pre + head + post
}

// keyParts returns what a Key has before and after the head: the parts
// every head of v shares, made once for all of them.
func (v *Verb) keyParts() (pre, post string) {
	pre = v.Kind + "\x00"
	if len(v.Words) > 1 {
		post = " " + strings.Join(v.Words[1:], " ")
	}
	if len(v.Before) == 0 && v.Tight == nil && v.SourceAt == 0 && v.TargetAt == 0 && !v.Reciprocal {
		return pre, post
	}
	return pre, fmt.Sprintf("%s\x00%s\x00%v\x00%d/%d/%d/%d/%v", post, strings.Join(v.Before, " "), v.Tight,
		v.SourceAt, v.TargetAt, v.SourceSkip, v.TargetSkip, v.Reciprocal)
}

// Discard is a phrase whose presence drops a sentence from coding, or
// with Story set the whole story (sports results, weather, obituaries):
// PETRARCH's discards files.
type Discard struct {
	Phrase string // words joined by spaces, as written
	Story  bool
	Pos    Pos
}

// Dictionary is a set of actors, agents and verbs, from one file or many
// merged.
type Dictionary struct {
	Actors   []*Actor
	Agents   []*Agent
	Verbs    []*Verb
	Discards []Discard
}

// Pattern writes v's words in PETRARCH's notation, with the head in
// place of '*' (several heads joined by '|'): words joined by '_' follow each other directly, '$' and
// '+' stand where the source and target must, '%' where one compound
// actor is both, each '^' an actor skipped ("+ was killed in $").
func (v *Verb) Pattern() string {
	n := len(v.Before) + len(v.Words)
	marks := make([]string, n+1) // marks[i]: what stands before word i (n: after the last)
	slot := func(at, skip int, mark string) {
		switch {
		case at > 0 && at <= len(v.Words):
			marks[len(v.Before)+at] += strings.Repeat("^ ", skip) + mark + " "
		case at < 0 && len(v.Before)+at+1 >= 0:
			marks[len(v.Before)+at+1] += mark + " " + strings.Repeat("^ ", skip)
		}
	}
	src, tgt := "$", "+"
	switch {
	case v.Reciprocal && v.SourceAt != 0:
		src = "%"
	case v.Reciprocal:
		tgt = "%"
	}
	sSkip, tSkip := v.SourceSkip, v.TargetSkip
	if v.SourceAt == v.TargetAt && v.SourceAt != 0 {
		// at one anchor, the farther skips the nearer and its skips; marks
		// are written left to right
		near, nearSkip, far, farSkip := tgt, tSkip, src, sSkip-tSkip-1
		if tSkip > sSkip {
			near, nearSkip, far, farSkip = src, sSkip, tgt, tSkip-sSkip-1
		}
		if v.SourceAt < 0 {
			slot(v.SourceAt, farSkip, far)
			slot(v.SourceAt, nearSkip, near)
		} else {
			slot(v.SourceAt, nearSkip, near)
			slot(v.SourceAt, farSkip, far)
		}
	} else {
		slot(v.SourceAt, sSkip, src)
		slot(v.TargetAt, tSkip, tgt)
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		w := ""
		switch {
		case i < len(v.Before):
			w = v.Before[i]
		case i == len(v.Before) && len(v.Heads) > 0:
			w = strings.Join(append([]string{v.Words[0]}, v.Heads...), "|")
		default:
			w = v.Words[i-len(v.Before)]
		}
		switch {
		case i > 0 && i < len(v.Tight) && v.Tight[i] && marks[i] == "":
			b.WriteByte('_')
		case i > 0:
			b.WriteByte(' ')
		}
		b.WriteString(marks[i])
		b.WriteString(w)
	}
	if m := marks[n]; m != "" {
		b.WriteByte(' ')
		b.WriteString(strings.TrimSpace(m))
	}
	return b.String()
}
