package postag

import "strings"

// Lemma returns the lemma of form tagged xpos: the training treebank's
// lemma for the pair if it has one, else the result of the learned suffix
// rule for the longest matching ending. Proper nouns keep their case; all
// other lemmas are lower case.
func (t *Tagger) Lemma(form, xpos string) string {
	lower := strings.ToLower(form)
	if l, ok := t.lemmas[xpos][lower]; ok {
		return l
	}
	proper := xpos == "NNP" || xpos == "NNPS"
	rules := t.rules[xpos]
	for n := min(len(lower), 5); n >= 0; n-- {
		r, ok := rules[lower[len(lower)-n:]]
		if !ok || r.Strip > len(lower) {
			continue
		}
		if proper && len(form) == len(lower) {
			return form[:len(form)-r.Strip] + r.Add
		}
		return lower[:len(lower)-r.Strip] + r.Add
	}
	if proper {
		return form
	}
	return lower
}
