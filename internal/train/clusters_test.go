package train

import (
	"fmt"
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
)

// clause builds "<subj> <verb> <obj>" as a parsed sentence.
func clause(subj, verb, obj string) conllu.Sentence {
	return conllu.Sentence{Words: []conllu.Word{
		{ID: 1, Form: subj, Lemma: subj, UPOS: "NOUN", Head: 2, Rel: "nsubj"},
		{ID: 2, Form: verb, Lemma: verb, UPOS: "VERB", Head: 0, Rel: "root"},
		{ID: 3, Form: obj, Lemma: obj, UPOS: "NOUN", Head: 2, Rel: "obj"},
	}}
}

func TestWordClusters(t *testing.T) {
	// Verbs of violence take victims, verbs of diplomacy take envoys:
	// the grouping must put each kind together and the two apart.
	var sents []conllu.Sentence
	for i := 0; i < 20; i++ {
		for _, v := range []string{"kill", "slay", "wound"} {
			for _, o := range []string{"civilian", "villager"} {
				sents = append(sents, clause("gunman", v, o))
			}
		}
		for _, v := range []string{"meet", "visit", "host"} {
			for _, o := range []string{"envoy", "minister"} {
				sents = append(sents, clause("president", v, o))
			}
		}
	}
	opt := ClusterOptions{Classes: []int{2, 4}, MinCount: 5, Contexts: 100, Passes: 10}
	got := WordClusters(sents, opt, nil)
	same := func(a, b string) bool { return got[a][0] == got[b][0] }
	for _, p := range [][2]string{{"kill", "slay"}, {"kill", "wound"}, {"meet", "visit"}, {"meet", "host"}, {"civilian", "villager"}, {"envoy", "minister"}} {
		if !same(p[0], p[1]) {
			t.Errorf("%s and %s in different coarse classes: %v", p[0], p[1], got)
		}
	}
	for _, p := range [][2]string{{"kill", "meet"}, {"civilian", "envoy"}} {
		if same(p[0], p[1]) {
			t.Errorf("%s and %s in one coarse class: %v", p[0], p[1], got)
		}
	}
	// Deterministic: the same corpus gives the same classes.
	again := WordClusters(sents, opt, nil)
	if fmt.Sprint(again) != fmt.Sprint(got) {
		t.Errorf("two runs differ:\n%v\n%v", got, again)
	}
	if _, ok := got["gunman"]; !ok {
		t.Errorf("frequent word gunman has no class")
	}
}
