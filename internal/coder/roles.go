package coder

import "strings"

// roles returns the source and target actors of match m (-1 for none) and
// the rule that found them: the dependency parse when the sentence has
// one, word order otherwise.
func (c *Coder) roles(st *sent, m *match, all []*match) (src, tgt int, rule string) {
	if st.parsed() {
		return c.treeRoles(st, m)
	}
	src, tgt, rule = c.source(st, m), c.target(st, m, all), m.p.kind
	if passive(st, m) {
		if by := c.agentOfPassive(st, m); by >= 0 {
			src, tgt, rule = by, src, rule+":passive"
		}
	}
	return src, tgt, rule
}

// treeRoles finds source and target over the dependency parse: the subject
// (climbing through "agreed to …" and "met … and agreed"), the passive
// agent, then objects, obliques and modifiers of the pattern's words.
func (c *Coder) treeRoles(st *sent, m *match) (src, tgt int, rule string) {
	rule = m.p.kind + ":tree"
	h := m.head()
	subj, pass := -1, false
	if m.p.kind == "noun" {
		subj = st.possessor(h)
		if subj < 0 && st.head(h) >= 0 {
			subj, pass = st.subjectOf(st.head(h))
		}
	} else {
		subj, pass = st.subjectOf(h)
	}
	src = -1
	if subj >= 0 {
		src = st.actorUnder(subj)
	}
	if pass {
		tgt, src, rule = src, -1, rule+":passive"
		if by := st.agentOf(h); by >= 0 {
			src = st.actorUnder(by)
		}
		return src, tgt, rule
	}
	tgt = -1
	for _, t := range st.objectZone(m, subj) {
		if a := st.actorAt[t]; a >= 0 && a != src {
			tgt = a
			break
		}
	}
	return src, tgt, rule
}

// source returns the actor nearest before the match's head, within reach
// and the clause, or -1.
func (c *Coder) source(st *sent, m *match) int {
	h := m.head()
	for k := h - 1; k >= 0 && k >= h-c.opts.MaxReach; k-- {
		if a := st.actorAt[k]; a >= 0 {
			return a
		}
		if clauseEnd(st.toks[k].Text) {
			break
		}
	}
	return -1
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

// headOfOther reports whether token k heads a match other than m.
func headOfOther(all []*match, m *match, k int) bool {
	for _, o := range all {
		if o != m && o.head() == k && !o.dropped {
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
	for k := m.last() + 1; k < len(st.toks) && k <= m.last()+4; k++ {
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
