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
