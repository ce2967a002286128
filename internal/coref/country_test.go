package coref

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// TestAppositive: a person the dictionary lacks takes the actor the
// words beside it describe it as, not the story's country.
func TestAppositive(t *testing.T) {
	// "The prosecutor general of Tehran , Ali Mehr , said ..."
	toks := []dyad.Token{
		{Text: "The", Head: 2, Rel: "det"}, {Text: "prosecutor", Head: 9, Rel: "nsubj"}, {Text: "general", Head: 2, Rel: "amod"},
		{Text: "of", Head: 5, Rel: "case"}, {Text: "Tehran", Head: 2, Rel: "nmod"}, {Text: ",", Head: 7, Rel: "punct"},
		{Text: "Ali", Head: 2, Rel: "appos"}, {Text: "Mehr", Head: 7, Rel: "flat"}, {Text: "said", Head: 0, Rel: "root"},
	}
	ms := []dyad.Mention{
		{Actor: dyad.Actor{Code: "IRNGOV", Country: "IRN", Sectors: []string{"GOV"}, Text: "prosecutor general of Tehran"}, First: 1, Last: 4},
		{Actor: dyad.Actor{Text: "Ali Mehr"}, First: 6, Last: 7, Person: true},
	}
	a, ok := appositive(toks, ms, 1)
	if !ok || a.Code != "IRNGOV" {
		t.Errorf("appositive = %+v, %v; want IRNGOV", a, ok)
	}
	// The same words without the apposition: nothing to take.
	toks[6].Rel = "conj"
	if a, ok := appositive(toks, ms, 1); ok {
		t.Errorf("no apposition: appositive = %+v, want none", a)
	}
}

// TestAppositiveRank: a description that ranks its holder in a body
// takes the body ("the leader of the gang": the gang's CRM, not the
// leader's GOV); a bare sector comes back bare for the caller to place.
func TestAppositiveRank(t *testing.T) {
	// "Arnel Joseph , the leader of the gang , attacked police"
	toks := []dyad.Token{
		{Text: "Arnel", Head: 0, Rel: "root"}, {Text: "Joseph", Head: 1, Rel: "flat"}, {Text: ",", Head: 5, Rel: "punct"},
		{Text: "the", Head: 5, Rel: "det"}, {Text: "leader", Lemma: "leader", Head: 1, Rel: "appos"}, {Text: "of", Head: 8, Rel: "case"},
		{Text: "the", Head: 8, Rel: "det"}, {Text: "gang", Lemma: "gang", Head: 5, Rel: "nmod"},
	}
	ms := []dyad.Mention{
		{Actor: dyad.Actor{Text: "Arnel Joseph"}, First: 0, Last: 1, Person: true},
		{Actor: dyad.Actor{Code: "GOV", Sectors: []string{"GOV"}, Text: "leader"}, First: 4, Last: 4},
		{Actor: dyad.Actor{Code: "CRM", Sectors: []string{"CRM"}, Text: "gang"}, First: 7, Last: 7},
	}
	a, ok := appositive(toks, ms, 0)
	if !ok || a.Code != "CRM" || a.Country != "" {
		t.Errorf("leader of the gang: %+v, %v; want a bare CRM", a, ok)
	}
	// Not a rank: the description's own word stands.
	toks[4].Text, toks[4].Lemma = "spokesman", "spokesman"
	ms[1].Actor = dyad.Actor{Code: "GOV", Sectors: []string{"GOV"}, Text: "spokesman"}
	if a, ok := appositive(toks, ms, 0); !ok || a.Code != "GOV" {
		t.Errorf("spokesman of the gang: %+v, %v; want GOV", a, ok)
	}
}
