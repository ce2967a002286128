package coder

import "strings"

// roles returns the source and target actors of match m (-1 for none) and
// the rule that found them: the dependency parse when the sentence has
// one, word order otherwise. With places, a place the verb's object or
// oblique names may be the target when no actor is (see placeTargets).
func (c *Coder) roles(st *sent, m *match, all []*match, places bool) (src, tgt int, rule string) {
	if st.parsed() {
		return c.treeRoles(st, m, all, places)
	}
	src, tgt, rule = c.source(st, m), c.target(st, m, all), m.p.kind
	if m.p.kind == "noun" {
		return c.nounRoles(st, m, src, tgt)
	}
	if passive(st, m) {
		if by := c.agentOfPassive(st, m); by >= 0 {
			src, tgt, rule = by, src, rule+":passive"
		}
	}
	return src, tgt, rule
}

// treeRoles finds source and target over the dependency parse: the subject
// (climbing through "agreed to …" and "met … and agreed"), the passive
// agent, then objects, obliques and modifiers of the pattern's words. Where
// the parse gives the verb no subject at all (a misparse), word order
// supplies the source; a target from word order is taken only inside the
// verb's own subtree.
func (c *Coder) treeRoles(st *sent, m *match, all []*match, places bool) (src, tgt int, rule string) {
	rule = m.p.kind + ":tree"
	h := m.head()
	subj, pass := -1, false
	if m.p.kind == "noun" {
		subj = st.possessor(h)
		if subj < 0 {
			subj = st.byPhrase(h) // "an attack by rebels"
		}
		if base, _ := st.rel(h); subj < 0 && base == "obj" && supportVerbs[st.lemmas[st.head(h)]] {
			subj, _ = st.subjectOf(st.head(h)) // "held talks with Japan", not "blamed attacks on militants"
		}
	} else {
		subj, pass = st.subjectOf(h)
	}
	src = -1
	switch {
	case subj >= 0:
		src = st.actorUnder(subj)
	case m.p.kind == "verb" && st.finite(h):
		src, rule = c.source(st, m), rule+":order" // a finite verb the parse left without subject
	}
	if pass {
		tgt, src, rule = src, -1, rule+":passive"
		if by := st.agentOf(h); by >= 0 {
			src = st.actorUnder(by)
		}
		return src, tgt, rule
	}
	tgt = -1
	zone := st.objectZone(m, subj)
	for _, t := range zone {
		if a := st.actorUnder(t); a >= 0 && a != src {
			tgt = a
			break
		}
	}
	if tgt < 0 && m.p.kind == "verb" {
		if t := c.target(st, m, all); t >= 0 && t != src && st.dominates(h, st.firstTokenOf(t)) {
			tgt = t
		}
	}
	if tgt < 0 && places && m.p.kind == "verb" && src >= 0 && len(st.actors[src].Members) < 2 {
		for _, t := range zone {
			if a := st.placeOf(t); a >= 0 && st.actors[a].Country != st.actors[src].Country {
				tgt, rule = a, rule+":place"
				break
			}
		}
	}
	return src, tgt, rule
}

// placeTargets reports whether events of a CAMEO root take the place
// where they happen as their target when nothing else is: a visit or a
// meeting is with its host ("arrived in Bosnia"), force, coercion and
// violence fall on the country they are used in ("fired shells at
// Seoul"). Words, stated intents and most cooperation only happen there
// ("said in Tokyo", "plans to attend talks in Doha", "cooperating in
// Syria").
func placeTargets(root string) bool {
	switch root {
	case "04", "15", "17", "18", "19", "20":
		return true
	}
	return false
}

// source returns the actor nearest before the match's head, within reach
// and the clause, or -1.
func (c *Coder) source(st *sent, m *match) int {
	h := m.head()
	for k := h - 1; k >= 0 && k >= h-c.opts.MaxReach; k-- {
		if a := st.actorAt[k]; a >= 0 {
			if k+1 < h && st.toks[k+1].UPOS == "NOUN" && st.actorAt[k+1] < 0 {
				continue // "UN resolution": the actor modifies a noun
			}
			return a
		}
		w := strings.ToLower(st.toks[k].Text)
		if (w == "which" || w == "who" || w == "that") && k >= 1 {
			if a := st.antecedent(k); a >= 0 {
				return a // "China, which attacked Vietnam"
			}
			continue // "the council drafted a resolution that would expand …"
		}
		if clauseEnd(w) || subordinators[w] {
			break
		}
	}
	return -1
}

// antecedent returns the actor just before the relative pronoun at k
// ("China, which"), or -1.
func (st *sent) antecedent(k int) int {
	j := k - 1
	if st.toks[j].Text == "," && j >= 1 {
		j--
	}
	return st.actorAt[j]
}

// subordinators open a clause whose subject is not to be sought before
// them ("met Somalia, before flying to Mogadishu").
var subordinators = map[string]bool{
	"before": true, "after": true, "while": true, "because": true, "although": true, "though": true,
	"since": true, "when": true, "unless": true, "whereas": true, "until": true, "as": true, "during": true,
	"amid": true, "despite": true, "over": true, "than": true, "like": true, "via": true, "through": true,
	"toward": true, "towards": true, "under": true, "across": true, "which": true, "who": true, "whose": true,
}

// target returns the first actor after the match's head, within reach, not
// past another match's head or the start of another clause, or -1. Actors
// inside the pattern's gaps count ("called on Pyongyang to return to
// talks").
func (c *Coder) target(st *sent, m *match, all []*match) int {
	h, src := m.head(), c.source(st, m)
	for k := h + 1; k < len(st.toks) && k <= h+c.opts.MaxReach; k++ {
		if a := st.actorAt[k]; a >= 0 && a != src {
			return a
		}
		if st.actorAt[k] >= 0 || k <= m.last() {
			continue
		}
		if stopWord(st.toks[k].Text) || headOfOther(all, m, k) {
			break
		}
	}
	return -1
}

// headOfOther reports whether token k heads a verb match other than m.
// Event nouns do not stop the search: "rejected the offer from France".
func headOfOther(all []*match, m *match, k int) bool {
	for _, o := range all {
		if o != m && o.head() == k && !o.dropped && o.p.kind == "verb" {
			return true
		}
	}
	return false
}

// passive reports whether the match's head is a passive participle: "was
// condemned", "were attacked".
func passive(st *sent, m *match) bool {
	h := m.head()
	for k := h - 1; k >= 0 && k >= h-2; k-- {
		switch strings.ToLower(st.toks[k].Text) {
		case "was", "were", "been", "being", "is", "are", "be", "got":
			return st.toks[h].XPOS == "VBN" || st.toks[h].XPOS == "" && strings.HasSuffix(strings.ToLower(st.toks[h].Text), "ed")
		}
	}
	return false
}

// agentOfPassive returns the actor after "by" that follows a passive verb,
// or -1.
func (c *Coder) agentOfPassive(st *sent, m *match) int {
	for k := m.head() + 1; k < len(st.toks) && k <= m.last()+4; k++ {
		if strings.EqualFold(st.toks[k].Text, "by") && k+1 < len(st.toks) {
			for j := k + 1; j < len(st.toks) && j <= k+3; j++ {
				if a := st.actorAt[j]; a >= 0 {
					return a
				}
			}
		}
	}
	return -1
}

// nounRoles narrows word-order roles for event nouns, which have no subject
// of their own: the source must modify the noun ("China's sanctions",
// "Chinese sanctions", "the China-Japan talks") and the target must follow
// the pattern's closing preposition ("sanctions against Iran").
func (c *Coder) nounRoles(st *sent, m *match, src, tgt int) (int, int, string) {
	if src >= 0 && !c.modifies(st, src, m.head()) {
		src = -1
	}
	last := m.last()
	if len(m.at) == 1 || !prepositions[m.p.words[len(m.p.words)-1]] {
		return src, -1, "noun"
	}
	for k := last + 1; k < len(st.toks) && k <= last+3; k++ {
		if a := st.actorAt[k]; a >= 0 {
			if a == src {
				return src, -1, "noun"
			}
			return src, a, "noun"
		}
	}
	return src, -1, "noun"
}

// modifies reports whether actor a ends at most three tokens before the
// noun at h, with nothing but modifiers between.
func (c *Coder) modifies(st *sent, a, h int) bool {
	for k := h - 1; k >= 0 && k >= h-4; k-- {
		if st.actorAt[k] == a {
			return true
		}
		if st.actorAt[k] >= 0 || clauseEnd(st.toks[k].Text) || st.toks[k].Text == "," {
			return false
		}
		if subordinators[strings.ToLower(st.toks[k].Text)] || prepositions[strings.ToLower(st.toks[k].Text)] {
			return false
		}
	}
	return false
}

// supportVerbs lend their subject to the event noun they take as object:
// "X held talks", "X launched an attack", "X imposed sanctions".
var supportVerbs = map[string]bool{
	"hold": true, "conduct": true, "carry": true, "launch": true, "stage": true, "make": true,
	"begin": true, "start": true, "resume": true, "have": true, "mount": true, "wage": true,
	"impose": true, "announce": true, "order": true, "step": true, "continue": true, "pursue": true,
	"issue": true, "give": true, "offer": true, "extend": true, "sign": true, "reach": true,
	"open": true, "join": true, "host": true, "lead": true, "deliver": true, "send": true,
}
