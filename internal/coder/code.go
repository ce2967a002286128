package coder

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

// Code returns the events of sentence s of doc. ms are the actor mentions
// of s, in order; places among them are not actors.
// Events carry the publication date; later stages refine date, place and
// modality.
func (c *Coder) Code(doc *dyad.Document, s *dyad.Sentence, ms []dyad.Mention) []dyad.Event {
	st := c.prepare(s, ms)
	if len(st.actors) == 0 {
		return nil
	}
	matches := c.find(st)
	applyControl(st, matches)
	var out []dyad.Event
	for _, m := range matches {
		if m.dropped {
			continue
		}
		out = append(out, c.events(doc, s, st, m, matches)...)
	}
	for i := range out {
		out[i].ID = fmt.Sprintf("%s:%d:%d", doc.ID, s.Index, i)
	}
	return out
}

// events codes one match: finds its source and target and expands compound
// actors into dyads.
func (c *Coder) events(doc *dyad.Document, s *dyad.Sentence, st *sent, m *match, all []*match) []dyad.Event {
	mod := localModality(st, m)
	src, tgt, rule := c.roles(st, m, all)
	code := m.p.cameo.Code
	if mod == dyad.Future {
		code = intentCode(code)
	}
	cm, pv := m.p.cameo, m.p.plov
	if code != cm.Code {
		if icm, err := ontology.CAMEO(code); err == nil {
			cm = icm
			pv, _ = ontology.PLOVER(code)
		}
	}
	var pairs [][2]dyad.Actor
	switch {
	case src < 0:
		return nil
	case tgt >= 0:
		pairs = dyads(members(st.actors[src]), members(st.actors[tgt]))
	case reciprocal(cm.Code) && len(st.actors[src].Members) > 1:
		ms := st.actors[src].Members
		pairs, rule = dyads(ms, ms), rule+":reciprocal"
	case cm.Root >= "14" && cm.Root != "16":
		for _, a := range members(st.actors[src]) {
			pairs = append(pairs, [2]dyad.Actor{a, {}})
		}
	default:
		return nil
	}
	verb := dyad.Span{Start: st.toks[m.head()].Span.Start, End: st.toks[m.last()].Span.End}
	ev := dyad.Event{
		Schema: dyad.SchemaVersion, DocID: doc.ID, Sentence: s.Index, Text: s.Text,
		CAMEO: cm, PLOVER: pv, Modality: mod,
		Evidence: dyad.Evidence{
			Rule: rule + ":" + strings.Join(m.p.words, " "), Pattern: m.p.src,
			Verb: doc.Text[verb.Start:verb.End], VerbSpan: verb,
		},
	}
	if m.control != "" {
		ev.Evidence.Rule += " (governed by " + m.control + ")"
	}
	if !doc.Date.IsZero() {
		ev.Date, ev.DatePrecision, ev.DateSource = doc.Date.Format("2006-01-02"), dyad.PrecisionDay, dyad.DateFromPublication
	}
	out := make([]dyad.Event, 0, len(pairs))
	for _, p := range pairs {
		e := ev
		e.Source, e.Target = p[0], p[1]
		e.Confidence = Confidence(&e)
		out = append(out, e)
	}
	return out
}

// members returns the single actors of a, itself when it is not compound.
func members(a dyad.Actor) []dyad.Actor {
	if len(a.Members) > 0 {
		return a.Members
	}
	return []dyad.Actor{a}
}

// dyads pairs every source with every target, leaving out self-dyads: the
// same code, or a country and one of its own sectors ("China rejects …
// Beijing's" is not a dyad; the Chinese government and Chinese rebels are).
func dyads(srcs, tgts []dyad.Actor) [][2]dyad.Actor {
	var out [][2]dyad.Actor
	for _, s := range srcs {
		for _, t := range tgts {
			if s.Code == t.Code || s.Country != "" && s.Country == t.Country && (s.Code == s.Country || t.Code == t.Country) {
				continue
			}
			out = append(out, [2]dyad.Actor{s, t})
		}
	}
	return out
}

// reciprocal reports whether an event with a compound subject and no
// object is done by the members to each other ("met", "held talks",
// "clashed").
func reciprocal(code string) bool {
	switch {
	case strings.HasPrefix(code, "03"), strings.HasPrefix(code, "04"), strings.HasPrefix(code, "05"), strings.HasPrefix(code, "06"):
		return true // "X and Y agreed", "… met", "… cooperate"
	case code == "036", code == "190", code == "193":
		return true
	}
	return false
}
