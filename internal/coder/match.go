package coder

import (
	"slices"
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
)

// sent is a sentence prepared for coding.
type sent struct {
	toks    []dyad.Token
	lemmas  []string
	actors  []dyad.Actor // acting mentions, then places
	acting  int          // actors[:acting] act; the rest are places
	actorAt []int        // token index → index into actors of an acting mention, or -1
	placeAt []int        // token index → index into actors of a place, or -1
}

// match is one lexicon pattern found in a sentence.
type match struct {
	p        *pattern
	at       []int // token index of each pattern word; at[0] is the head
	pre      []int // token index of each word of p.before
	modality dyad.Modality
	control  string // lemma of the verb of intent or refusal that governs it, if any
	dropped  bool
	// src and tgt are the actors the pattern's positions give (-1: none
	// given, the coder's roles decide).
	src, tgt int
}

func (m *match) head() int { return m.at[0] }
func (m *match) last() int { return m.at[len(m.at)-1] }

// first returns the first token of the match, its words before the head
// included.
func (m *match) first() int {
	if len(m.pre) > 0 {
		return m.pre[0]
	}
	return m.at[0]
}

// prepare indexes the tokens covered by each mention: acting mentions for
// the coder's roles, places ("in Tokyo") apart, for patterns that say
// where an actor stands.
func (c *Coder) prepare(s *dyad.Sentence, ms []dyad.Mention) *sent {
	n := len(s.Tokens)
	at := make([]int, 2*n)
	st := &sent{toks: s.Tokens, lemmas: make([]string, n), actorAt: at[:n:n], placeAt: at[n:]}
	for i, t := range s.Tokens {
		st.lemmas[i] = c.lemma(t)
		st.actorAt[i], st.placeAt[i] = -1, -1
	}
	for _, place := range []bool{false, true} {
		for _, m := range ms {
			if m.Place != place || m.First < 0 || m.Last >= n {
				continue
			}
			at := st.actorAt
			if place {
				at = st.placeAt
			}
			for i := m.First; i <= m.Last; i++ {
				at[i] = len(st.actors)
			}
			a := m.Actor
			a.Resolved = m.Resolved
			st.actors = append(st.actors, a)
		}
		if !place {
			st.acting = len(st.actors)
		}
	}
	return st
}

// anyAt returns the mention, acting or place, at token i, or -1.
func (st *sent) anyAt(i int) int {
	if a := st.actorAt[i]; a >= 0 {
		return a
	}
	return st.placeAt[i]
}

// find returns the most specific pattern match at every token that can
// head one.
func (c *Coder) find(st *sent) []*match {
	var out []*match
	for i := range st.toks {
		if st.actorAt[i] >= 0 {
			continue
		}
		for _, p := range c.candidates(st, i) {
			if !posFits(p.kind, st.toks[i].UPOS) || p.kind == "verb" && !st.canBeVerb(i) {
				continue
			}
			at, ok := c.rest(st, p, i)
			if !ok {
				continue
			}
			m := &match{p: p, at: at, modality: dyad.Asserted, src: -1, tgt: -1}
			if m.pre, ok = c.before(st, p, i); !ok || !c.place(st, m, out) {
				continue
			}
			out = append(out, m)
			break
		}
	}
	return suppressNested(out)
}

// posFits reports whether a token tagged upos can head a pattern of kind.
// Untagged tokens fit anything.
func posFits(kind, upos string) bool {
	switch {
	case upos == "":
		return true
	case kind == "noun":
		return upos == "NOUN" || upos == "PROPN"
	}
	return upos == "VERB"
}

// rest matches the words of p after its head at i, in order, each within
// MaxGap tokens (actors and places not counted) of the previous one (a
// preposition within two; a word the pattern joins to the one before it,
// right after it), inside the clause.
func (c *Coder) rest(st *sent, p *pattern, i int) ([]int, bool) {
	at := []int{i}
	for k, w := range p.words[1:] {
		limit := c.opts.MaxGap
		if prepositions[w] {
			limit = 2
		}
		j := st.seek(w, at[len(at)-1]+1, 1, limit, p.tightAt(len(p.before)+k+1))
		if j < 0 {
			return nil, false
		}
		at = append(at, j)
	}
	return at, true
}

// seek looks for the pattern word w from token start onwards in direction
// dir (1 rightward, -1 leftward) within limit tokens, actors and places not
// counted, inside the clause; when tight, only at start itself. It returns
// the word's token index, or -1.
func (st *sent) seek(w string, start, dir, limit int, tight bool) int {
	gap := 0
	for j := start; j >= 0 && j < len(st.toks) && gap <= limit; j += dir {
		if tight && j != start {
			return -1
		}
		if st.anyAt(j) >= 0 && !tight {
			continue // actors and places do not count
		}
		if clauseEnd(st.toks[j].Text) {
			return -1
		}
		if st.is(j, w) {
			return j
		}
		gap++
	}
	return -1
}

// is reports whether token j is the pattern word w, by lemma or as
// written.
func (st *sent) is(j int, w string) bool {
	return st.lemmas[j] == w || strings.EqualFold(st.toks[j].Text, w)
}

// before matches the words p wants before its head at h, nearest first,
// leftward: each within MaxGap tokens (actors and places not counted) of
// the word after it, or right before it when the pattern joins them,
// inside the clause. It returns their token indexes in order.
func (c *Coder) before(st *sent, p *pattern, h int) ([]int, bool) {
	if len(p.before) == 0 {
		return nil, true
	}
	out := make([]int, len(p.before))
	next := h
	for k := len(p.before) - 1; k >= 0; k-- {
		j := st.seek(p.before[k], next-1, -1, c.opts.MaxGap, p.tightAt(k+1))
		if j < 0 {
			return nil, false
		}
		out[k], next = j, j
	}
	return out, true
}

// place finds the actors where m's pattern says they stand, and reports
// whether every position it names holds one (a reciprocal one a compound
// actor). ms are the matches found so far.
func (c *Coder) place(st *sent, m *match, ms []*match) bool {
	p := m.p
	if !p.positioned() {
		return true
	}
	if p.srcAt != 0 {
		if m.src = c.actorAt(st, m, p.srcAt, p.srcSkip, ms); m.src < 0 {
			return false
		}
		if p.reciprocal && len(st.actors[m.src].Members) < 2 {
			return false
		}
	}
	if p.tgtAt != 0 {
		if m.tgt = c.actorAt(st, m, p.tgtAt, p.tgtSkip, ms); m.tgt < 0 || m.tgt == m.src {
			return false
		}
		if p.reciprocal && p.srcAt == 0 && len(st.actors[m.tgt].Members) < 2 {
			return false
		}
	}
	return true
}

// actorAt returns the actor, place or not, that stands at position at of
// m (see dict.Verb.SourceAt) past skip others, or -1. Right before the
// head it is the verb's subject, as the coder's roles find it.
func (c *Coder) actorAt(st *sent, m *match, at, skip int, ms []*match) int {
	switch {
	case at == -1 && skip == 0 && len(m.pre) == 0:
		return c.subject(st, m)
	case at > 0 && at <= len(m.at):
		return c.nthActor(st, m.at[at-1], +1, skip)
	case at < 0 && len(m.pre)+at+1 >= 0:
		anchor := m.head()
		if k := len(m.pre) + at + 1; k < len(m.pre) {
			anchor = m.pre[k]
		}
		return c.nthActor(st, anchor, -1, skip)
	}
	return -1
}

// nthActor returns the actor, place or not, found walking from token
// from in direction dir (+1 right, -1 left) after passing skip others,
// within MaxGap non-actor tokens of the last one and inside the clause,
// or -1.
func (c *Coder) nthActor(st *sent, from, dir, skip int) int {
	gap, last := 0, -1
	for j := from + dir; j >= 0 && j < len(st.toks) && gap <= c.opts.MaxGap; j += dir {
		a := st.anyAt(j)
		switch {
		case a >= 0 && a == last:
			continue
		case a >= 0 && skip > 0:
			skip, last, gap = skip-1, a, 0
			continue
		case a >= 0:
			return a
		}
		if clauseEnd(st.toks[j].Text) {
			return -1
		}
		gap++
	}
	return -1
}

// subject returns the actor the coder takes for a verb's subject: the
// parse's, through passives and control verbs, or the nearest actor
// before it.
func (c *Coder) subject(st *sent, m *match) int {
	if st.parsed() {
		if subj, _ := st.subjectOf(m.head()); subj >= 0 {
			return st.actorUnder(subj)
		}
	}
	return c.source(st, m)
}

// prepositions are pattern words that must stand close to the word before
// them: "agree on" is not "agreed to step up pressure on".
var prepositions = map[string]bool{
	"on": true, "with": true, "to": true, "for": true, "against": true, "between": true, "at": true,
	"in": true, "of": true, "from": true, "about": true, "over": true, "into": true, "by": true, "upon": true,
}

// suppressNested drops matches whose head lies inside a longer match
// ("cooperate" inside "agree to cooperate"), or is one of the words
// another match wants before its head ("said" of "said would not meet").
func suppressNested(ms []*match) []*match {
	var out []*match
	for _, m := range ms {
		inside := false
		for _, o := range ms {
			if o != m && (len(o.at) > 1 && o.head() < m.head() && m.head() <= o.last() || slices.Contains(o.pre, m.head())) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// clauseEnd reports whether a token ends the reach of a pattern, source or
// target.
func clauseEnd(t string) bool {
	switch t {
	case ";", ":", ".", "?", "!", "\u2014", "--":
		return true
	}
	return false
}

// stopWord reports whether a target search to the right stops at t: a
// conjunction or relative word that starts another clause.
func stopWord(t string) bool {
	switch strings.ToLower(t) {
	case "and", "but", "while", "whereas", "although", "though", "because", "which", "who",
		"whom", "where", "when", "after", "before", "since", "until", "as", "if", "unless", "\"", "\u201c", "\u201d":
		return true
	}
	return clauseEnd(t)
}

// canBeVerb reports whether token i can be a verb when the sentence is
// untagged: not a capitalised word inside the sentence ("in March"), not
// after a determiner or possessive ("the offer", "a meeting").
func (st *sent) canBeVerb(i int) bool {
	if st.toks[i].UPOS != "" || i == 0 {
		return true
	}
	t := st.toks[i].Text
	if t[0] >= 'A' && t[0] <= 'Z' && !quoteOrDash(st.toks[i-1].Text) {
		return false
	}
	if i >= 2 && st.actorAt[i-1] < 0 && st.toks[i-2].Text == "-" && st.toks[i-2].Span.End == st.toks[i-1].Span.Start {
		return false // "the six-party talks"
	}
	switch strings.ToLower(st.toks[i-1].Text) {
	case "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "'s", "’s", "no", "any", "every":
		return false
	}
	return true
}

func quoteOrDash(t string) bool {
	switch t {
	case "\"", "“", "—", "-", "--", ":", "(":
		return true
	}
	return false
}

// candidates returns the patterns headed by token i's lemma and those a
// dictionary keyed on the inflected form itself ("met", "said"), most
// specific first; of two alike, the form's.
func (c *Coder) candidates(st *sent, i int) []*pattern {
	ps := c.heads[st.lemmas[i]]
	if form := strings.ToLower(st.toks[i].Text); form != st.lemmas[i] {
		if more := c.heads[form]; len(more) > 0 {
			all := append(append([]*pattern(nil), more...), ps...)
			sort.SliceStable(all, func(a, b int) bool { return all[a].weight() > all[b].weight() })
			return all
		}
	}
	return ps
}
