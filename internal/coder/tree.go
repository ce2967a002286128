package coder

import "strings"

// parsed reports whether the sentence carries a dependency parse.
func (st *sent) parsed() bool {
	return len(st.toks) > 0 && st.toks[0].Head >= 0 && st.toks[0].Rel != ""
}

// head returns the 0-based index of token i's head, or -1 for the root.
func (st *sent) head(i int) int { return st.toks[i].Head - 1 }

// rel returns token i's relation without its subtype ("nsubj:pass" →
// "nsubj"), and the subtype.
func (st *sent) rel(i int) (base, sub string) {
	base, sub, _ = strings.Cut(st.toks[i].Rel, ":")
	return base, sub
}

// children returns the dependents of token h, in order.
func (st *sent) children(h int) []int {
	var out []int
	for i := range st.toks {
		if st.head(i) == h {
			out = append(out, i)
		}
	}
	return out
}

// dominates reports whether token a is b or an ancestor of b.
func (st *sent) dominates(a, b int) bool {
	for n := 0; b >= 0 && n <= len(st.toks); n++ {
		if a == b {
			return true
		}
		b = st.head(b)
	}
	return false
}

// actorUnder returns the acting mention in the subtree of token t nearest
// to t: t's own mention, else the first mention inside its subtree that
// is not inside a clause of its own.
func (st *sent) actorUnder(t int) int {
	if a := st.actorAt[t]; a >= 0 {
		return a
	}
	best, bestDepth := -1, 0
	for i := range st.toks {
		a := st.actorAt[i]
		if a < 0 || !st.dominates(t, i) || st.clauseBetween(t, i) {
			continue
		}
		if d := st.depth(t, i); best < 0 || d < bestDepth {
			best, bestDepth = a, d
		}
	}
	return best
}

// depth returns the number of arcs from ancestor a down to b.
func (st *sent) depth(a, b int) int {
	d := 0
	for b != a && b >= 0 && d <= len(st.toks) {
		b = st.head(b)
		d++
	}
	return d
}

// clauseBetween reports whether the path from ancestor a down to b passes
// into another clause (a relative clause, an adverbial clause, …).
func (st *sent) clauseBetween(a, b int) bool {
	for n := 0; b != a && b >= 0 && n <= len(st.toks); n++ {
		switch base, _ := st.rel(b); base {
		case "acl", "advcl", "ccomp", "parataxis", "csubj":
			return true
		}
		b = st.head(b)
	}
	return false
}

// subjectOf returns the subject token of verb v, climbing through xcomp
// and infinitival clauses ("agreed to step up", "is due to visit"), conj
// ("met … and agreed") and relative clauses ("a resolution that would
// expand" → resolution), and whether it is a passive subject of v itself.
// Of several subjects (a misparsed dateline), one that holds an actor wins.
// It returns -1 when the parse gives v no subject at all.
func (st *sent) subjectOf(v int) (int, bool) {
	for n := 0; v >= 0 && n < 6; n++ {
		best, pass := -1, false
		for _, c := range st.children(v) {
			base, sub := st.rel(c)
			if base != "nsubj" && base != "csubj" {
				continue
			}
			if isRelativePronoun(st.toks[c].Text) && st.relclHead(v) >= 0 {
				c = st.relclHead(v)
			}
			if best < 0 || st.actorUnder(best) < 0 && st.actorUnder(c) >= 0 {
				best, pass = c, sub == "pass" && n == 0
			}
		}
		if best >= 0 {
			return best, pass
		}
		switch base, _ := st.rel(v); {
		case base == "xcomp", base == "conj", base == "advcl" && (st.infinitival(v) || st.toks[v].XPOS == "VBG"):
			// "agreed to …", "met … and agreed", "carried out a test, defying warnings"
			v = st.head(v)
		case base == "acl":
			return st.head(v), false // "the council, drafting a resolution"
		default:
			return -1, false
		}
	}
	return -1, false
}

// infinitival reports whether the clause headed by v is marked by "to".
func (st *sent) infinitival(v int) bool {
	for _, c := range st.children(v) {
		if base, _ := st.rel(c); base == "mark" && strings.EqualFold(st.toks[c].Text, "to") {
			return true
		}
	}
	return false
}

// relclHead returns the noun that the relative clause headed by v
// modifies, or -1.
func (st *sent) relclHead(v int) int {
	if base, _ := st.rel(v); base == "acl" {
		return st.head(v)
	}
	return -1
}

func isRelativePronoun(w string) bool {
	switch strings.ToLower(w) {
	case "that", "which", "who", "whom":
		return true
	}
	return false
}

// agentOf returns the "by" phrase of a passive verb v ("was condemned by
// the UN"), or -1: its own, else an agent the parse hung lower in the
// clause ("was opposed earlier by …", with the phrase under "earlier").
func (st *sent) agentOf(v int) int {
	for _, c := range st.children(v) {
		if base, sub := st.rel(c); base == "obl" && (sub == "agent" || st.hasCase(c, "by")) {
			return c
		}
	}
	for i := range st.toks {
		if base, sub := st.rel(i); base == "obl" && sub == "agent" && st.head(i) != v && st.inClauseOf(v, i) && !st.isVerb(st.head(i)) {
			return i
		}
	}
	return -1
}

// isVerb reports whether token i is tagged a verb or auxiliary.
func (st *sent) isVerb(i int) bool {
	return i >= 0 && (st.toks[i].UPOS == "VERB" || st.toks[i].UPOS == "AUX")
}

// hasCase reports whether token t has a case marker child with the word w.
func (st *sent) hasCase(t int, w string) bool {
	for _, c := range st.children(t) {
		if base, _ := st.rel(c); base == "case" && strings.EqualFold(st.toks[c].Text, w) {
			return true
		}
	}
	return false
}

// objectZone returns the dependents of match m that may hold its target,
// best first: objects of the pattern's words, then their obliques and
// nominal modifiers, then the objects and obliques of a clause the verb
// controls ("urged Russia to return to talks with Japan"). Deeper words
// ("echoed … during interviews with the media") are not targets.
func (st *sent) objectZone(m *match, subj int) []int {
	var first, second, third []int
	words := map[int]bool{}
	for _, w := range m.at {
		words[w] = true
	}
	for i := range st.toks {
		if words[i] || i == subj {
			continue
		}
		h := st.head(i)
		base, _ := st.rel(i)
		switch {
		case words[h] && (base == "obj" || base == "iobj"):
			first = append(first, i)
		case words[h] && (base == "obl" || base == "nmod"):
			second = append(second, i)
		case h >= 0 && words[st.head(h)] && st.isRel(h, "xcomp") && (base == "obj" || base == "obl"):
			third = append(third, i)
		}
	}
	return append(append(first, second...), third...)
}

// isRel reports whether token i's relation, without subtype, is rel.
func (st *sent) isRel(i int, rel string) bool {
	base, _ := st.rel(i)
	return base == rel
}

// inClauseOf reports whether token i lies under verb v without crossing
// into a clause of its own, a conjoined verb or the subject.
func (st *sent) inClauseOf(v, i int) bool {
	if !st.dominates(v, i) {
		return false
	}
	for n := 0; i != v && i >= 0 && n <= len(st.toks); n++ {
		switch base, _ := st.rel(i); base {
		case "acl", "advcl", "ccomp", "parataxis", "csubj", "nsubj", "conj", "list":
			return false
		}
		i = st.head(i)
	}
	return true
}

// possessor returns the possessive modifier of noun n ("China's attack"),
// or -1.
func (st *sent) possessor(n int) int {
	for _, c := range st.children(n) {
		if base, sub := st.rel(c); base == "nmod" && sub == "poss" {
			return c
		}
	}
	return -1
}

// firstTokenOf returns the first token of actor a.
func (st *sent) firstTokenOf(a int) int {
	for i := range st.toks {
		if st.anyAt(i) == a {
			return i
		}
	}
	return -1
}

// finite reports whether verb v is finite or the root: a gerund or
// participle in an adjunct ("jailed a year ago", "helping militants") has
// no subject of its own to guess from word order.
func (st *sent) finite(v int) bool {
	switch st.toks[v].XPOS {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	if st.head(v) < 0 {
		return true
	}
	for _, c := range st.children(v) {
		if base, _ := st.rel(c); base == "aux" {
			return true
		}
	}
	return false
}

// byPhrase returns the "by" modifier of noun n ("an attack by rebels"), or
// -1.
func (st *sent) byPhrase(n int) int {
	for _, c := range st.children(n) {
		if base, _ := st.rel(c); base == "nmod" && st.hasCase(c, "by") {
			return c
		}
	}
	return -1
}

// placeOf returns the place that token t names, or that a phrase hung on
// t names ("shells at Seoul", "arrived in Bosnia"), or -1. Places deeper
// down ("villages near the Cameroon border") are where something else is.
func (st *sent) placeOf(t int) int {
	if a := st.placeAt[t]; a >= 0 {
		return a
	}
	for _, c := range st.children(t) {
		if base, sub := st.rel(c); (base == "nmod" || base == "obl") && sub != "poss" && st.placeAt[c] >= 0 {
			return st.placeAt[c]
		}
	}
	return -1
}
