package train

import (
	"strings"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/postag"
)

// lemmas returns the lemma table (most frequent lemma of each lower-case
// form and XPOS) and the suffix rules learned from it.
func lemmas(sents []conllu.Sentence) (map[string]string, map[string]postag.Rule) {
	type count map[string]int
	table := map[string]count{}
	rules := map[string]map[postag.Rule]int{}
	for i := range sents {
		for _, w := range sents[i].Words {
			if w.Lemma == "_" || w.Lemma == "" {
				continue
			}
			lower := strings.ToLower(w.Form)
			key := lower + "\t" + w.XPOS
			if table[key] == nil {
				table[key] = count{}
			}
			table[key][w.Lemma]++
			lemma := strings.ToLower(w.Lemma)
			p := 0
			for p < len(lower) && p < len(lemma) && lower[p] == lemma[p] {
				p++
			}
			r := postag.Rule{Strip: len(lower) - p, Add: lemma[p:]}
			for n := 0; n <= 5 && n <= len(lower); n++ {
				k := w.XPOS + "\t" + lower[len(lower)-n:]
				if rules[k] == nil {
					rules[k] = map[postag.Rule]int{}
				}
				rules[k][r]++
			}
		}
	}
	lem := make(map[string]string, len(table))
	for k, c := range table {
		lem[k] = best(c)
	}
	out := map[string]postag.Rule{}
	for k, c := range rules {
		var br postag.Rule
		bn := -1
		for r, n := range c {
			if n > bn || n == bn && (r.Strip < br.Strip || r.Strip == br.Strip && r.Add < br.Add) {
				br, bn = r, n
			}
		}
		if bn >= 2 {
			out[k] = br
		}
	}
	return lem, out
}

// best returns the most frequent key of c, the smallest on ties.
func best(c map[string]int) string {
	b, bn := "", -1
	for k, n := range c {
		if n > bn || n == bn && k < b {
			b, bn = k, n
		}
	}
	return b
}
