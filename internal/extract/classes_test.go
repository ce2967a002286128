package extract

import (
	"slices"
	"strings"
	"testing"
)

func TestClasses(t *testing.T) {
	lines := ClassLines(map[string][]int{"met": {1, 7}, "talks": {1, 8}, "bad word": {2, 3}})
	if want := []string{"met 1 7", "talks 1 8"}; !slices.Equal(lines, want) {
		t.Fatalf("ClassLines = %q, want %q", lines, want)
	}
	if NewClasses(nil) != nil {
		t.Errorf("NewClasses(nil) is not nil")
	}
	has := func(names []string, prefix string) bool {
		return slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, prefix) })
	}
	_, x := metSentence()
	_, plain := x.NamedTriggerFeatures(3)
	plainSentence := len(x.SentenceFeatures(nil))
	if has(plain, "class") {
		t.Errorf("class features without classes: %q", plain)
	}
	x.UseClasses(NewClasses(lines))
	_, names := x.NamedTriggerFeatures(3)
	for _, want := range []string{"class=7", "coarse class=1", "class+rel=7|root", "lemma+dependent class=met|obl|<actor>"} {
		if !slices.Contains(names, want) {
			t.Errorf("no feature %s in %q", want, names)
		}
	}
	if len(x.SentenceFeatures(nil)) <= plainSentence {
		t.Errorf("the sentence model reads no classes")
	}
	// A model's classes reach the sentences its extractor reads.
	_, y := metSentence()
	New(&Model{Classes: lines}).Triggers(y)
	if y.fineOf(3) != "7" {
		t.Errorf("the extractor did not give the sentence its model's classes: met is %q", y.fineOf(3))
	}
}
