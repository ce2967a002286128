package coder

import (
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

// Code returns the events of sentence s of doc. ms are the actor mentions
// of s, in order; places among them are not actors, but a pattern may
// want one where it places an actor, and a use of force may fall on one.
// Events carry the publication date; later stages refine date, place and
// modality.
func (c *Coder) Code(doc *dyad.Document, s *dyad.Sentence, ms []dyad.Mention) []dyad.Event {
	st := c.prepare(s, ms)
	if st.acting == 0 {
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
// actors into dyads, and codes the reverse event of a paired code.
func (c *Coder) events(doc *dyad.Document, s *dyad.Sentence, st *sent, m *match, all []*match) []dyad.Event {
	mod := localModality(st, m)
	first, _ := withModality(m.p.cameo, m.p.plov, mod)
	if m.p.cameo.Code == "" {
		first, _ = withModality(*m.p.rev, m.p.revPL, mod) // codes the reverse event only
	}
	code := first.Code
	src, tgt, rule := c.roles(st, m, all, placeTargets(first.Root))
	if m.p.positioned() {
		src, tgt = c.placed(st, m, src, tgt)
		rule += ":placed"
	}
	var pairs [][2]dyad.Actor
	switch {
	case src < 0:
		return nil
	case m.p.reciprocal && m.p.srcAt != 0:
		ms := st.actors[src].Members
		pairs, rule = dyads(ms, ms), rule+":reciprocal"
	case tgt >= 0:
		pairs = dyads(st.actors[src].Singles(), st.actors[tgt].Singles())
	case ontology.Mutual(code) && len(st.actors[src].Members) > 1:
		ms := st.actors[src].Members
		pairs, rule = dyads(ms, ms), rule+":reciprocal"
	case first.Root >= "14" && first.Root != "16" && m.p.cameo.Code != "":
		for _, a := range st.actors[src].Singles() {
			pairs = append(pairs, [2]dyad.Actor{a, {}})
		}
	default:
		return nil
	}
	verb := dyad.Span{Start: st.toks[m.head()].Span.Start, End: st.toks[m.last()].Span.End}
	head := m.p.headOf(st, m.head())
	ev := dyad.Event{
		Schema: dyad.SchemaVersion, DocID: doc.ID, Sentence: s.Index, Text: s.Text,
		Modality: mod,
		Evidence: dyad.Evidence{
			Rule: rule + ":" + head + m.p.rest, Pattern: m.p.src(head),
			Verb: doc.Text[verb.Start:verb.End], VerbSpan: verb,
		},
	}
	if m.control != "" {
		ev.Evidence.Rule += " (governed by " + m.control + ")"
	}
	if !doc.Date.IsZero() {
		ev.Date, ev.DatePrecision, ev.DateSource = doc.Date.Format("2006-01-02"), dyad.PrecisionDay, dyad.DateFromPublication
	}
	out := make([]dyad.Event, 0, 2*len(pairs))
	add := func(cm dyad.CAMEO, pv dyad.PLOVER, source, target dyad.Actor) {
		e := ev
		e.CAMEO, e.PLOVER = withModality(cm, pv, mod)
		e.Source, e.Target = source, target
		e.Confidence = Confidence(&e)
		out = append(out, e)
	}
	for _, p := range pairs {
		if m.p.cameo.Code != "" {
			add(m.p.cameo, m.p.plov, p[0], p[1])
		}
		if m.p.rev != nil && p[1].Code != "" && !(m.p.reciprocal && m.p.srcAt != 0) {
			add(*m.p.rev, m.p.revPL, p[1], p[0]) // the paired code: target to source
		}
	}
	return out
}

// withModality returns the code of an event of modality mod: a stated
// intent's (see intentCode) for the future, cm itself otherwise.
func withModality(cm dyad.CAMEO, pv dyad.PLOVER, mod dyad.Modality) (dyad.CAMEO, dyad.PLOVER) {
	if mod != dyad.Future {
		return cm, pv
	}
	code := intentCode(cm.Code)
	if code == cm.Code {
		return cm, pv
	}
	icm, err := ontology.CAMEO(code)
	if err != nil {
		return cm, pv
	}
	ipv, _ := ontology.PLOVER(code)
	return icm, ipv
}

// placed returns the source and target of m: those its pattern's
// positions found, the coder's roles (src, tgt) for the rest. When a
// position takes the actor the roles gave the other role, that role is
// found again: a target placed before the verb ("noted + *") has its
// source before it; else the role takes the actor the position's role had
// ("+ * money $").
func (c *Coder) placed(st *sent, m *match, src, tgt int) (int, int) {
	s, t := src, tgt
	if m.src >= 0 {
		s = m.src
	}
	if m.tgt >= 0 {
		t = m.tgt
	}
	if s != t {
		return s, t
	}
	switch {
	case m.src < 0 && m.p.tgtAt < 0:
		s = c.nthActor(st, st.firstTokenOf(t), -1, 0)
	case m.src < 0 && tgt != t:
		s = tgt
	case m.tgt < 0 && src != s:
		t = src
	case m.src < 0:
		s = -1
	default:
		t = -1
	}
	if s == t {
		s = -1
	}
	return s, t
}

// dyads pairs every source with every target, leaving out self-dyads: the
// same code, or a country and one of its own sectors ("China rejects …
// Beijing's" is not a dyad; the Chinese government and Chinese rebels are).
func dyads(srcs, tgts []dyad.Actor) [][2]dyad.Actor {
	var out [][2]dyad.Actor
	for _, s := range srcs {
		for _, t := range tgts {
			if dyad.SameSide(s, t) {
				continue
			}
			out = append(out, [2]dyad.Actor{s, t})
		}
	}
	return out
}
