package coder

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// sent is a sentence prepared for coding.
type sent struct {
	toks    []dyad.Token
	lemmas  []string
	actors  []dyad.Actor
	actorAt []int // token index → index into actors, or -1
}

// match is one lexicon pattern found in a sentence.
type match struct {
	p        *pattern
	at       []int // token index of each pattern word; at[0] is the head
	modality dyad.Modality
	control  string // lemma of the verb of intent or refusal that governs it, if any
	dropped  bool
}

func (m *match) head() int { return m.at[0] }
func (m *match) last() int { return m.at[len(m.at)-1] }

// prepare indexes the tokens covered by each acting mention; places ("in
// Tokyo") are left out.
func (c *Coder) prepare(s *dyad.Sentence, ms []dyad.Mention) *sent {
	st := &sent{toks: s.Tokens, lemmas: make([]string, len(s.Tokens)), actorAt: make([]int, len(s.Tokens))}
	for i, t := range s.Tokens {
		st.lemmas[i] = c.lemma(t)
		st.actorAt[i] = -1
	}
	for _, m := range ms {
		if m.Place || m.First < 0 || m.Last >= len(s.Tokens) {
			continue
		}
		for i := m.First; i <= m.Last; i++ {
			st.actorAt[i] = len(st.actors)
		}
		a := m.Actor
		a.Resolved = m.Resolved
		st.actors = append(st.actors, a)
	}
	return st
}

// find returns the longest pattern match at every token that can head one.
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
			if at, ok := c.rest(st, p, i); ok {
				out = append(out, &match{p: p, at: at, modality: dyad.Asserted})
				break
			}
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
// MaxGap non-actor tokens of the previous one (a preposition within two),
// inside the clause.
func (c *Coder) rest(st *sent, p *pattern, i int) ([]int, bool) {
	at := []int{i}
	j := i + 1
	for _, w := range p.words[1:] {
		limit := c.opts.MaxGap
		if prepositions[w] {
			limit = 2
		}
		gap, found := 0, false
		for ; j < len(st.toks) && gap <= limit; j++ {
			if st.actorAt[j] >= 0 {
				continue
			}
			if clauseEnd(st.toks[j].Text) {
				return nil, false
			}
			if st.lemmas[j] == w || strings.EqualFold(st.toks[j].Text, w) {
				at = append(at, j)
				j++
				found = true
				break
			}
			gap++
		}
		if !found {
			return nil, false
		}
	}
	return at, true
}

// prepositions are pattern words that must stand close to the word before
// them: "agree on" is not "agreed to step up pressure on".
var prepositions = map[string]bool{
	"on": true, "with": true, "to": true, "for": true, "against": true, "between": true, "at": true,
	"in": true, "of": true, "from": true, "about": true, "over": true, "into": true, "by": true, "upon": true,
}

// suppressNested drops matches whose head lies inside a longer match
// ("cooperate" inside "agree to cooperate").
func suppressNested(ms []*match) []*match {
	var out []*match
	for _, m := range ms {
		inside := false
		for _, o := range ms {
			if o != m && len(o.at) > 1 && o.head() < m.head() && m.head() <= o.last() {
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

// candidates returns the patterns headed by token i's lemma, then those a
// dictionary keyed on the inflected form itself ("met", "said"), longest
// first within each.
func (c *Coder) candidates(st *sent, i int) []*pattern {
	ps := c.heads[st.lemmas[i]]
	if form := strings.ToLower(st.toks[i].Text); form != st.lemmas[i] {
		if more := c.heads[form]; len(more) > 0 {
			return append(append([]*pattern(nil), ps...), more...)
		}
	}
	return ps
}
