package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// GoldActor is a coded event's source or target placed in a story's text:
// the coders' words, their country ("IGO" for an intergovernmental body,
// "" for a group with no country) and CAMEO role ("" for the country
// alone).
type GoldActor struct {
	Text, Country, Role string
	Span                dyad.Span // bytes of the story's text; zero when Text is not in the sentence
	Sentence            string    // the sentence, for listing misses
}

// SilverGoldActors places the sources and targets of a silver story's
// events in its text: on the first occurrence of the coders' words in
// their sentence as whole words (WordIndex), or nowhere (a zero Span)
// when the words are not there.
func SilverGoldActors(st SilverStory) []GoldActor {
	var out []GoldActor
	for _, s := range st.Sentences {
		for _, ev := range s.Events {
			for _, a := range []*SilverActor{ev.Source, ev.Target} {
				if a == nil {
					continue
				}
				g := GoldActor{Text: a.Text, Country: a.Country, Role: a.Role, Sentence: s.Text}
				if k := WordIndex(s.Text, a.Text); a.Text != "" && k >= 0 {
					g.Span = dyad.Span{Start: s.Span.Start + k, End: s.Span.Start + k + len(a.Text)}
				}
				out = append(out, g)
			}
		}
	}
	return out
}

// WordIndex returns the byte offset of the first occurrence of words in
// text that stands as whole words ("he" in "he said", not in "The"),
// else of the first occurrence at all, else -1.
func WordIndex(text, words string) int {
	first := strings.Index(text, words)
	if first < 0 || words == "" {
		return first
	}
	for k := first; k >= 0; {
		end := k + len(words)
		if !letterBefore(text, k) && !letterAt(text, end) {
			return k
		}
		next := strings.Index(text[k+1:], words)
		if next < 0 {
			break
		}
		k += 1 + next
	}
	return first
}

// letterBefore and letterAt report whether the character ending before,
// or starting at, byte i of text is a letter or digit.
func letterBefore(text string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(text[:i])
	return n > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func letterAt(text string, i int) bool {
	r, n := utf8.DecodeRuneInString(text[i:])
	return n > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// ActorScore says how many gold actors dyad found a mention over, and of
// those how many it gave the coders' country and role. Misses lists the
// actors not found; Wrong those found with another country; WrongRole
// those found with another role.
type ActorScore struct {
	Gold         int `json:"gold"`          // sources and targets of gold events
	Aligned      int `json:"aligned"`       // whose words stand in their sentence
	Found        int `json:"found"`         // aligned ones with a dyad mention over their words
	CountryRight int `json:"country_right"` // found ones with the coders' country
	RoleRight    int `json:"role_right"`    // found ones with the coders' role

	Recall          float64 `json:"recall"`           // Found / Aligned
	CountryAccuracy float64 `json:"country_accuracy"` // CountryRight / Found
	RoleAccuracy    float64 `json:"role_accuracy"`    // RoleRight / Found

	ByRole map[string]*RoleCount `json:"by_role"` // by the coders' role ("-" for none)
	Misses []ActorMiss           `json:"-"`
	Wrong  []ActorMiss           `json:"-"`
	// WrongRole lists the actors found with another role.
	WrongRole []ActorMiss `json:"-"`
}

// RoleCount is the found and right counts of one gold role.
type RoleCount struct {
	Aligned, Found, CountryRight, RoleRight int
}

// ActorMiss is a gold actor dyad did not find or coded otherwise.
type ActorMiss struct {
	Gold GoldActor
	Got  string // the mention's code and words, when one was found
}

// ScoreActors adds to sc how the mentions of one story (all sentences,
// byte spans of the story's text) cover its gold actors. Places are not
// actors and do not count.
func (sc *ActorScore) ScoreActors(golds []GoldActor, ms []dyad.Mention) {
	if sc.ByRole == nil {
		sc.ByRole = map[string]*RoleCount{}
	}
	for _, g := range golds {
		sc.Gold++
		if g.Span.Len() == 0 {
			continue
		}
		sc.Aligned++
		role := g.Role
		if role == "" {
			role = "-"
		}
		rc := sc.ByRole[role]
		if rc == nil {
			rc = &RoleCount{}
			sc.ByRole[role] = rc
		}
		rc.Aligned++
		a, ok := bestActor(g, ms)
		if !ok {
			sc.Misses = append(sc.Misses, ActorMiss{Gold: g})
			continue
		}
		sc.Found++
		rc.Found++
		got := a.Code + " " + a.Text
		if ActorCountry(a) == goldCountry(g.Country) {
			sc.CountryRight++
			rc.CountryRight++
		} else {
			sc.Wrong = append(sc.Wrong, ActorMiss{Gold: g, Got: got})
		}
		if ActorRole(a) == strings.ToUpper(g.Role) {
			sc.RoleRight++
			rc.RoleRight++
		} else {
			sc.WrongRole = append(sc.WrongRole, ActorMiss{Gold: g, Got: got})
		}
	}
	sc.Recall = share(sc.Found, sc.Aligned)
	sc.CountryAccuracy = share(sc.CountryRight, sc.Found)
	sc.RoleAccuracy = share(sc.RoleRight, sc.Found)
}

// bestActor returns the single actor of the mention that overlaps g's
// words most: of a compound, the member over the most of them.
func bestActor(g GoldActor, ms []dyad.Mention) (dyad.Actor, bool) {
	best, most := dyad.Actor{}, 0
	for _, m := range ms {
		if m.Place || m.Actor.IsZero() {
			continue
		}
		n := spanOverlap(m.Span, g.Span)
		if n == 0 || n < most {
			continue
		}
		a := m.Actor
		if len(m.Members) > 0 {
			a = compoundMember(m, g)
		}
		if n > most || ActorCountry(a) == goldCountry(g.Country) {
			best, most = a, n
		}
	}
	return best, most > 0
}

// compoundMember picks the member of compound mention m that stands for g: the
// one over most of g's words, else one of g's country, else the first.
func compoundMember(m dyad.Mention, g GoldActor) dyad.Actor {
	best, most := m.Members[0], 0
	for _, a := range m.Members {
		if n := spanOverlap(a.Span, g.Span); n > most {
			best, most = a, n
		}
	}
	if most > 0 {
		return best
	}
	for _, a := range m.Members {
		if ActorCountry(a) == goldCountry(g.Country) {
			return a
		}
	}
	return best
}

func spanOverlap(a, b dyad.Span) int {
	return max(0, min(a.End, b.End)-max(a.Start, b.Start))
}

// ActorCountry is the country an actor is scored by: its ISO code, "IGO"
// for an intergovernmental body, "" for none or a group across borders
// (IMG), an NGO or a bare sector.
func ActorCountry(a dyad.Actor) string {
	c := a.Country
	if c == "" && len(a.Code) >= 3 {
		c = a.Code[:3]
	}
	switch {
	case strings.HasPrefix(c, "IGO"):
		return "IGO"
	case len(c) != 3 || c == "IMG" || c == "NGO" || isRoleCode(c):
		return ""
	}
	return c
}

// ActorRole is the CAMEO role an actor is scored by: the first sector
// after its country ("AFGREBTAL" → REB; "PAKSEPBLA" → REB and "HRI" →
// NGO, the coders' wider roles), "IGO" for an intergovernmental
// body, or a bare sector's own code. An intergovernmental body's court
// and forces keep their sector ("IGOUNOJUDICJ" → JUD, "IGOWSTNATMIL" →
// MIL), as the coders give them; a sector that names the body's field
// ("IGOUNOBUSIMF", "IGOUNOHLHWHO") or its officials (GOV) does not: the
// coders give those the role IGO.
func ActorRole(a dyad.Actor) string {
	switch c := a.Code; {
	case strings.HasPrefix(c, "IGO"):
		for i := 3; i+3 <= len(c); i += 3 {
			if igoOrgans[c[i:i+3]] {
				return c[i : i+3]
			}
		}
		return "IGO"
	case len(c) >= 3 && isRoleCode(c[:3]):
		return coarse(c[:3])
	case len(c) >= 6:
		return coarse(c[3:6])
	}
	return ""
}

// coarse maps a CAMEO sector the silver coders' vocabulary (CODING.md)
// lacks to the wider one it is a kind of there: human-rights and
// environmental groups are NGOs, separatists and insurgents rebels.
func coarse(sector string) string {
	switch sector {
	case "HRI", "ENV":
		return "NGO"
	case "SEP", "INS":
		return "REB"
	}
	return sector
}

func goldCountry(c string) string { return strings.ToUpper(c) }

// cameoRoles are the CAMEO role codes an actor code may carry after (or, for a
// bare sector, instead of) its country.
var cameoRoles = map[string]bool{
	"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "OPP": true, "PTY": true, "REB": true,
	"SPY": true, "MED": true, "BUS": true, "CVL": true, "EDU": true, "HLH": true, "REF": true, "NGO": true,
	"UAF": true, "CRM": true, "LAB": true, "REL": true, "HRI": true, "AGR": true, "ENV": true, "ELI": true,
	"SEP": true, "INS": true,
}

func isRoleCode(c string) bool { return cameoRoles[c] }

// igoOrgans are the sectors an intergovernmental body's code may carry that
// name one of its organs rather than its field.
var igoOrgans = map[string]bool{"MIL": true, "JUD": true}

// Write prints the score as a short table, with the roles by count.
func (sc *ActorScore) Write(w io.Writer) error {
	fmt.Fprintf(w, "gold actors %d, aligned to their words %d\n", sc.Gold, sc.Aligned)
	fmt.Fprintf(w, "found %d (recall %.3f); country right %d (%.3f); role right %d (%.3f)\n",
		sc.Found, sc.Recall, sc.CountryRight, sc.CountryAccuracy, sc.RoleRight, sc.RoleAccuracy)
	keys := make([]string, 0, len(sc.ByRole))
	for k := range sc.ByRole {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := sc.ByRole[keys[i]], sc.ByRole[keys[j]]
		return a.Aligned > b.Aligned || a.Aligned == b.Aligned && keys[i] < keys[j]
	})
	fmt.Fprintf(w, "%-5s %7s %7s %7s %7s\n", "role", "aligned", "found", "country", "role")
	for _, k := range keys {
		r := sc.ByRole[k]
		fmt.Fprintf(w, "%-5s %7d %7d %7d %7d\n", k, r.Aligned, r.Found, r.CountryRight, r.RoleRight)
	}
	return nil
}

// WriteMisses lists the gold actors not found, those found with another
// country and those found with another role.
func (sc *ActorScore) WriteMisses(w io.Writer) {
	for _, m := range sc.Misses {
		fmt.Fprintf(w, "MISS\t%s/%s\t%q\t%s\n", m.Gold.Country, m.Gold.Role, m.Gold.Text, m.Gold.Sentence)
	}
	for _, m := range sc.Wrong {
		fmt.Fprintf(w, "WRONG\t%s/%s\t%q\tgot %s\t%s\n", m.Gold.Country, m.Gold.Role, m.Gold.Text, m.Got, m.Gold.Sentence)
	}
	for _, m := range sc.WrongRole {
		fmt.Fprintf(w, "ROLE\t%s/%s\t%q\tgot %s\t%s\n", m.Gold.Country, m.Gold.Role, m.Gold.Text, m.Got, m.Gold.Sentence)
	}
}

// share returns n/d, 0 for d == 0.
func share(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}
