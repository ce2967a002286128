package coder

import (
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
	"refuse": dyad.Negated, "fail": dyad.Negated, "decline": dyad.Negated, "deny": dyad.Negated,
}

// applyControl finds matches governed by a verb of intent or refusal ("X
// agreed to step up …"), drops the governing verb's own match if it has
// one, and passes its modality down.
func applyControl(st *sent, ms []*match) {
	for _, m := range ms {
		h := m.head()
		if h < 2 || !strings.EqualFold(st.toks[h-1].Text, "to") {
			continue
		}
		for k := h - 2; k >= 0 && k >= h-4; k-- {
			mod, ok := controlVerbs[st.lemmas[k]]
			if !ok {
				continue
			}
			m.control, m.modality = st.lemmas[k], mod
			for _, o := range ms {
				if o != m && o.head() == k && o.last() < h {
					o.dropped = true
				}
			}
			break
		}
	}
}

// localModality reads the few words before a verb for negation, future and
// hypothetical markers: "did not attack", "will meet", "could strike".
func localModality(st *sent, m *match) dyad.Modality {
	if m.control != "" {
		return m.modality
	}
	for k := m.head() - 1; k >= 0 && k >= m.head()-4; k-- {
		if st.actorAt[k] >= 0 || clauseEnd(st.toks[k].Text) || st.toks[k].Text == "," {
			break
		}
		switch strings.ToLower(st.toks[k].Text) {
		case "not", "n't", "never", "no":
			return dyad.Negated
		case "will", "'ll", "shall", "going":
			return dyad.Future
		case "would", "could", "might", "may", "should", "if", "unless", "whether":
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
