package coder

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
)

// controlVerbs are verbs that govern another event verb through "to" and
// give it their modality instead of being coded themselves: "agreed to step
// up pressure" is a stated intent to step up pressure.
var controlVerbs = map[string]dyad.Modality{
	"agree": dyad.Future, "vow": dyad.Future, "pledge": dyad.Future, "promise": dyad.Future,
	"plan": dyad.Future, "decide": dyad.Future, "intend": dyad.Future, "aim": dyad.Future,
	"prepare": dyad.Future, "seek": dyad.Future, "want": dyad.Future, "hope": dyad.Future,
	"expect": dyad.Future, "offer": dyad.Future, "threaten": dyad.Future, "propose": dyad.Future,
	"try": dyad.Future, "attempt": dyad.Future, "resolve": dyad.Future, "move": dyad.Future,
	"set": dyad.Future, "due": dyad.Future, "schedule": dyad.Future,
	"refuse": dyad.Negated, "fail": dyad.Negated, "decline": dyad.Negated, "deny": dyad.Negated,
}

// applyControl finds matches governed by a verb of intent or refusal,
// through "to" and up to a few words ("agreed to step up pressure", "vowed
// to push for tougher sanctions"), drops the governing verb's own match if
// it has one, and passes its modality down. A gerund right after the verb
// counts too ("denied attacking").
func applyControl(st *sent, ms []*match) {
	for _, m := range ms {
		k, ok := controller(st, m.head())
		if !ok {
			continue
		}
		m.control, m.modality = st.lemmas[k], controlVerbs[st.lemmas[k]]
		for _, o := range ms {
			if o != m && o.head() == k && o.last() < m.head() {
				o.dropped = true
			}
		}
	}
}

// controller returns the verb of intent or refusal that governs the word
// at h, if any.
func controller(st *sent, h int) (int, bool) {
	if h >= 1 && strings.HasSuffix(strings.ToLower(st.toks[h].Text), "ing") {
		if _, ok := controlVerbs[st.lemmas[h-1]]; ok {
			return h - 1, true
		}
	}
	for to := h - 1; to >= 1 && to >= h-5; to-- {
		if st.actorAt[to] >= 0 || clauseEnd(st.toks[to].Text) || st.toks[to].Text == "," {
			return 0, false
		}
		if !strings.EqualFold(st.toks[to].Text, "to") {
			continue
		}
		for k := to - 1; k >= 0 && k >= to-3; k-- {
			if _, ok := controlVerbs[st.lemmas[k]]; ok {
				return k, true
			}
			if st.actorAt[k] >= 0 {
				break
			}
		}
		return 0, false
	}
	return 0, false
}

// localModality reads the words before a verb, past its subject, for
// negation, future and hypothetical markers: "did not attack", "will meet",
// "could strike", "if Russia attacks". It stops at the words its pattern
// wants before the verb: those are the pattern's to code ("- NOT * [112]").
func localModality(st *sent, m *match) dyad.Modality {
	if m.control != "" {
		return m.modality
	}
	words := 0
	for k := m.head() - 1; k >= 0 && words < 6; k-- {
		if clauseEnd(st.toks[k].Text) || st.toks[k].Text == "," || slices.Contains(m.pre, k) {
			break // a pattern that names words before its verb has read them
		}
		if st.actorAt[k] >= 0 {
			continue // "if Russia attacks": look past the subject
		}
		words++
		switch strings.ToLower(st.toks[k].Text) {
		case "not", "n't", "never", "no":
			return dyad.Negated
		case "will", "'ll", "shall", "going":
			return dyad.Future
		case "would":
			if reported(st, k) {
				return dyad.Future // "said Japan would coordinate": a stated intent
			}
			return dyad.Hypothetical
		case "could", "might", "may", "should", "if", "unless", "whether":
			return dyad.Hypothetical
		}
	}
	return dyad.Asserted
}

// intentCode returns the code for a stated intent to carry out code: the
// CAMEO 03x intent codes for cooperation, threats (13x) for conflict. Verbal
// acts (01–03, 09–13) keep their code.
func intentCode(code string) string {
	if len(code) < 2 {
		return code
	}
	switch code[:2] {
	case "04":
		return "036" // intent to meet or negotiate
	case "05":
		return "032" // intent to cooperate diplomatically
	case "06":
		return "031" // intent to cooperate materially
	case "07":
		return "033" // intent to provide aid
	case "08":
		return "035" // intent to yield
	case "14":
		return "133" // threaten political dissent
	case "15", "18", "19", "20":
		return "138" // threaten with military force
	case "16":
		return "1312" // threaten with sanctions
	case "17":
		return "131" // threaten non-force
	}
	return code
}

// reported reports whether a verb of saying stands before token k in the
// sentence, so that "would" there is the future of reported speech.
func reported(st *sent, k int) bool {
	for i := k - 1; i >= 0; i-- {
		switch st.lemmas[i] {
		case "say", "tell", "announce", "state", "declare", "add", "insist", "confirm":
			return true
		}
	}
	return false
}
