package dyad

import "strings"

// Actor is a political actor as coded in an event: a country, a government
// or other sector of a country, an international organisation, a person in
// a dated role, or a group.
type Actor struct {
	Code    string   `json:"code"`              // CAMEO-style code, e.g. USAGOV, IGOUNO
	Country string   `json:"country,omitempty"` // ISO 3166 alpha-3, or an IGO code such as IGOUNO
	Sectors []string `json:"sectors,omitempty"` // e.g. ["GOV"], ["COP"], ["REB"]
	Name    string   `json:"name,omitempty"`    // canonical name of the matched entry, e.g. "Japan"
	Text    string   `json:"text"`              // the words matched in the document
	Span    Span     `json:"span"`              // where Text stands in Document.Text
	// Resolved says how coreference found the actor ("surname of Antony
	// Blinken"); empty when the dictionary matched the words themselves.
	Resolved string `json:"resolved,omitempty"`
	// Repaired is the damaged word the actor was read from, completed by
	// the story ("South" where the story names South Korea); "" for none.
	Repaired string `json:"repaired,omitempty"`
	// Members lists the actors of a compound actor ("the United States,
	// Japan and South Korea"); CAMEO output expands them into dyads.
	Members []Actor `json:"members,omitempty"`
}

// IsZero reports whether a has no code.
func (a Actor) IsZero() bool { return a.Code == "" && len(a.Members) == 0 }

// IsCountry reports whether c is a country's code (ISO 3166 alpha-3), not
// an intergovernmental body's ("IGOUNO") or a transnational group's
// ("IMG", "NGO").
func IsCountry(c string) bool {
	return len(c) == 3 && c != "IMG" && c != "NGO" && !strings.HasPrefix(c, "IGO")
}

// Mention is an actor found in a sentence: the coded actor and where it
// stands among the sentence's tokens.
type Mention struct {
	Actor
	First, Last int  // token indexes (0-based, inclusive) in Sentence.Tokens
	Place       bool // a place named where something happened ("in Tokyo"), not an actor
	Person      bool // a named person
	// Unknown marks words the dictionary does not know, found by their
	// shape: a name after a title, a run of capitalised words. Name holds
	// the words.
	Unknown bool
	// Resolved says how coreference found the actor ("surname of Antony
	// Blinken", "the three governments"); "" when the dictionary matched
	// the words directly.
	Resolved string
	// People names the members of a list of actors that are persons
	// ("Commerce Secretary Wilbur Ross and Attorney General William
	// Barr"), so that the story can name them later by surname.
	People []string `json:"-"`
}

// SurnameInOffice is the Resolved note of a mention found by a surname
// alone as the one person of that name in office on the story's date: a
// guess that a person the story itself names by that surname overrides
// ("Usman Khan ... Khan" is not Imran Khan).
const SurnameInOffice = "the one person of that surname in office"

// SameSide reports whether two actors are one side, so that an event
// between them is no dyad: the same code, or a country and one of its own
// state's sectors ("China rejects … Beijing's"). A country and its own
// rebels, protesters or civilians are two sides ("Syria shelled rebel
// positions" is SYR against SYRREB).
func SameSide(s, t Actor) bool {
	return s.Code == t.Code || s.Country != "" && s.Country == t.Country &&
		(s.Code == s.Country && !nonState(t) || t.Code == t.Country && !nonState(s))
}

// nonState reports whether a is a sector of its country outside the
// state (rebels, protesters, civilians, ...).
func nonState(a Actor) bool {
	if len(a.Code) < 6 || a.Code[:3] != a.Country {
		return false
	}
	switch a.Code[3:6] {
	case "REB", "SEP", "INS", "OPP", "CVL", "UAF", "CRM", "REF", "MED", "EDU", "BUS", "LAB", "REL", "HLH", "HRI", "NGO", "AGR", "ENV", "PTY":
		return true
	}
	return false
}

// Singles returns the single actors of a: its members when it is compound,
// else a itself.
func (a Actor) Singles() []Actor {
	if len(a.Members) > 0 {
		return a.Members
	}
	return []Actor{a}
}
