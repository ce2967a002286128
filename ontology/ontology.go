package ontology

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
)

// Code is one CAMEO event code with its PLOVER mapping.
type Code struct {
	Code      string  // "036"
	Root      string  // "03"
	Name      string  // dyad's short name, e.g. "intent to meet or negotiate"
	Goldstein float64 // -10 (conflict) to +10 (cooperation)
	QuadClass int     // 1 verbal cooperation … 4 material conflict

	// PLOVER is the code's PLOVER event, mode and context; HasPLOVER is
	// false for the codes PLOVER dropped (roots 01 and 02).
	PLOVER    dyad.PLOVER
	HasPLOVER bool
}

// IsRoot reports whether c is one of the 20 two-digit root codes.
func (c Code) IsRoot() bool { return len(c.Code) == 2 }

// CAMEO returns c in the form an event carries.
func (c Code) CAMEO() dyad.CAMEO {
	return dyad.CAMEO{Code: c.Code, Root: c.Root, Name: c.Name, Goldstein: c.Goldstein, QuadClass: c.QuadClass}
}

// clone returns c with its own copy of the context slice, so that callers
// cannot change the table.
func (c Code) clone() Code {
	c.PLOVER.Context = slices.Clone(c.PLOVER.Context)
	return c
}

// index maps a code to its position in table.
var index = func() map[string]int {
	m := make(map[string]int, len(table))
	for i, c := range table {
		m[c.Code] = i
	}
	return m
}()

// Lookup returns the CAMEO code named code ("036", "0311", "19"; roots
// too). ok is false when there is no such code.
func Lookup(code string) (c Code, ok bool) {
	i, ok := index[code]
	if !ok {
		return Code{}, false
	}
	return table[i].clone(), true
}

// Known reports whether code is a CAMEO event code.
func Known(code string) bool {
	_, ok := index[code]
	return ok
}

// Codes returns every CAMEO code, sorted by code (so each root comes just
// before its children: "01", "010", …, "019", "02", …). The slice is the
// caller's.
func Codes() []Code {
	out := make([]Code, len(table))
	for i, c := range table {
		out[i] = c.clone()
	}
	return out
}

// Children returns the codes directly below code: the three-digit codes of
// a root, the four-digit codes of a three-digit code; nil for a leaf or an
// unknown code.
func Children(code string) []Code {
	i, ok := index[code]
	if !ok {
		return nil
	}
	var out []Code
	for _, c := range table[i+1:] {
		if len(c.Code) <= len(code) || c.Code[:len(code)] != code {
			break
		}
		if len(c.Code) == len(code)+1 {
			out = append(out, c.clone())
		}
	}
	return out
}

// CAMEO returns the CAMEO coding of code for an event. It returns an
// EINVALID error naming the code if there is no such code.
func CAMEO(code string) (dyad.CAMEO, error) {
	c, ok := Lookup(code)
	if !ok {
		return dyad.CAMEO{}, dyad.Errorf(dyad.EINVALID, "unknown CAMEO code %q", code)
	}
	return c.CAMEO(), nil
}

// PLOVER returns the PLOVER coding of a CAMEO code. ok is false when the
// code is unknown or PLOVER has no counterpart for it.
func PLOVER(code string) (p dyad.PLOVER, ok bool) {
	c, ok := Lookup(code)
	if !ok || !c.HasPLOVER {
		return dyad.PLOVER{}, false
	}
	return c.PLOVER, true
}

// Mutual reports whether an event of code done by several actors with no
// target named is done by them to each other: "X and Y agreed", "… met",
// "… cooperate", "… clashed".
func Mutual(code string) bool {
	switch {
	case strings.HasPrefix(code, "03"), strings.HasPrefix(code, "04"), strings.HasPrefix(code, "05"), strings.HasPrefix(code, "06"):
		return true
	case code == "190", code == "193":
		return true
	}
	return false
}

// Reciprocal reports whether an event of code between a source and a
// target is as much the target's to the source: "A met B" is B meeting A
// too. These are consultation (040), talks by telephone (041), meeting at
// a third place (044), negotiation (046), signing an agreement (057) and
// economic cooperation (061), which the silver set's coders code both ways
// (62–100 % of such events in its training files); a visit (042, 043),
// praise or a military pact is one-way in their coding.
func Reciprocal(code string) bool {
	switch code {
	case "040", "041", "044", "046", "057", "061":
		return true
	}
	return false
}
