package ontology

import (
	"slices"

	"github.com/dyad-events/dyad"
)

// Category is one of the 16 PLOVER event categories (manual draft 0.8).
type Category struct {
	Name        string  // "CONSULT"
	Description string  // dyad's one-line summary
	QuadClass   int     // 1 verbal cooperation … 4 material conflict
	Score       float64 // the manual's conflict–cooperation score, -10 to +10
	// RequiresRecipient is true for the categories whose events need a
	// recipient (target): COOPERATE, AID and SANCTION.
	RequiresRecipient bool
	Modes             []string // the category's modes, in the manual's order
}

// Mode is a PLOVER mode of one category.
type Mode struct {
	Event       string  // the category, e.g. "ASSAULT"
	Name        string  // e.g. "firearms"
	Description string  // dyad's one-line summary
	Score       float64 // the manual's score for event+mode
	HasScore    bool    // false when the manual gives the mode no score
}

// Context is a PLOVER context: the topic of an event, usable with any
// category.
type Context struct {
	Name        string // e.g. "human_rights"
	Description string
}

// category is the table form of a Category, with its modes.
type category struct {
	name, desc string
	quad       int
	score      float64
	recipient  bool
	modes      []Mode
}

// Categories returns the 16 PLOVER categories in the manual's order
// (cooperation to conflict). The slice is the caller's.
func Categories() []Category {
	out := make([]Category, len(categories))
	for i, c := range categories {
		out[i] = c.export()
	}
	return out
}

// LookupCategory returns the PLOVER category named name ("CONSULT").
func LookupCategory(name string) (Category, bool) {
	for _, c := range categories {
		if c.name == name {
			return c.export(), true
		}
	}
	return Category{}, false
}

// LookupMode returns mode of the PLOVER category event.
func LookupMode(event, mode string) (Mode, bool) {
	for _, c := range categories {
		if c.name != event {
			continue
		}
		for _, m := range c.modes {
			if m.Name == mode {
				return m, true
			}
		}
	}
	return Mode{}, false
}

// Contexts returns the PLOVER contexts in the manual's order. The slice is
// the caller's.
func Contexts() []Context { return slices.Clone(contexts) }

// KnownContext reports whether name is a PLOVER context.
func KnownContext(name string) bool {
	return slices.ContainsFunc(contexts, func(c Context) bool { return c.Name == name })
}

// Score returns the PLOVER conflict–cooperation score of p: the score of
// its mode when the manual gives one, else that of its category. ok is
// false when p.Event is not a PLOVER category.
func Score(p dyad.PLOVER) (score float64, ok bool) {
	if m, found := LookupMode(p.Event, p.Mode); found && m.HasScore {
		return m.Score, true
	}
	c, found := LookupCategory(p.Event)
	return c.Score, found
}

func (c category) export() Category {
	modes := make([]string, len(c.modes))
	for i, m := range c.modes {
		modes[i] = m.Name
	}
	return Category{Name: c.name, Description: c.desc, QuadClass: c.quad, Score: c.score,
		RequiresRecipient: c.recipient, Modes: modes}
}
