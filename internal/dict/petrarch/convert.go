package petrarch

import (
	"strings"

	"github.com/dyad-events/dyad/internal/dict"
)

// convertActor makes a dict.Actor of a: every phrase a name, the undated
// code its code (the further codes of "[A/B]" its Also), dated codes
// roles. An actor with dated codes is a
// Person, since dict resolves roles for people; an IGO code makes an IGO;
// anything else is a Country entry (which dict uses for sectors too).
func convertActor(a *ActorEntry, r *Report) *dict.Actor {
	out := &dict.Actor{Name: a.Name, Names: append([]string{a.Name}, a.Synonyms...), Pos: a.Pos}
	undated := 0
	for _, b := range a.Codes {
		if b.Dated() {
			r.lose("dated actor codes beyond the first of an A/B block", len(b.Alts))
			out.Roles = append(out.Roles, dict.Role{Code: b.Code, From: b.From, To: b.To})
			continue
		}
		if undated == 0 {
			out.Code, out.Also = b.Code, append([]string(nil), b.Alts...)
		}
		undated++
	}
	r.lose("actor undated codes beyond the first", max(undated-1, 0))
	switch {
	case len(out.Roles) > 0:
		out.Kind = dict.Person
	case strings.HasPrefix(out.Code, "IGO"):
		out.Kind = dict.IGO
	default:
		out.Kind = dict.Country
	}
	code := out.Code
	if code == "" && len(out.Roles) > 0 {
		code = out.Roles[0].Code
	}
	switch {
	case strings.HasPrefix(code, "IGO"):
		out.Country = code
	case len(code) >= 3:
		out.Country = code[:3]
		out.Sectors = splitSectors(out.Code)
	}
	return out
}

// splitSectors returns the three-letter pieces of a code after its
// country: "USAGOVMIL" → GOV, MIL.
func splitSectors(code string) []string {
	var out []string
	for i := 3; i+3 <= len(code); i += 3 {
		out = append(out, code[i:i+3])
	}
	return out
}

// convertAgent makes a dict.Agent of a.
func convertAgent(a *AgentEntry, r *Report) *dict.Agent {
	if a.Code == "" {
		r.lose("agents with no code", 1)
		return nil
	}
	return &dict.Agent{Code: a.Code, Names: a.Forms(), Prefix: a.Prefix, Pos: a.Pos}
}
