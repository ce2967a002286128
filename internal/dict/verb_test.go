package dict_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dict"
)

func patterns(vs []*dict.Verb) string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Code+" "+v.Pattern())
	}
	return strings.Join(out, " | ")
}

func TestVerbPattern(t *testing.T) {
	for _, tc := range []struct {
		v    dict.Verb
		want string
	}{
		{dict.Verb{Words: []string{"meet", "with"}}, "meet with"},
		{dict.Verb{Words: []string{"snub"}, Before: []string{"did", "not"}, Tight: []bool{false, true, true}}, "did_not_snub"},
		{dict.Verb{Words: []string{"accept", "money"}, TargetAt: -1, SourceAt: 2}, "+ accept money $"},
		{dict.Verb{Words: []string{"mark", "feast"}, Before: []string{"hosting"}, TargetAt: -2, SourceAt: 2, SourceSkip: 1}, "+ hosting mark feast ^ $"},
		{dict.Verb{Words: []string{"agree"}, SourceAt: -1, Reciprocal: true}, "% agree"},
		{dict.Verb{Words: []string{"agree", "with"}, TargetAt: 2, Reciprocal: true}, "agree with %"},
		{dict.Verb{Words: []string{"spurn"}, SourceAt: -1, SourceSkip: 1, TargetAt: -1}, "$ + spurn"},
		{dict.Verb{Words: []string{"hasten", "talks"}, Heads: []string{"rush"}}, "hasten|rush talks"},
	} {
		if got := tc.v.Pattern(); got != tc.want {
			t.Errorf("Pattern() = %q, want %q", got, tc.want)
		}
	}
	a := dict.Verb{Kind: "verb", Words: []string{"snub"}}
	b := a
	b.Before = []string{"not"}
	if a.Key() == b.Key() {
		t.Errorf("%q and %q have one key", a.Pattern(), b.Pattern())
	}
}

func TestMergeVerbHeads(t *testing.T) {
	verb := func(code string, heads []string, words ...string) *dict.Verb {
		return &dict.Verb{Kind: "verb", Code: code, Words: append([]string{heads[0]}, words...), Heads: heads[1:]}
	}
	// a pattern said again under one head of an entry of several takes
	// that head from it
	d := &dict.Dictionary{Verbs: []*dict.Verb{verb("042", []string{"hasten", "rush", "speed"}, "talks")}}
	d.Merge(&dict.Dictionary{Verbs: []*dict.Verb{verb("043", []string{"rush"}, "talks")}})
	if got, want := patterns(d.Verbs), "042 hasten|speed talks | 043 rush talks"; got != want {
		t.Errorf("merged: %s, want %s", got, want)
	}
	// an entry of several heads replaces one it says again
	d = &dict.Dictionary{Verbs: []*dict.Verb{verb("010", []string{"rush"}, "talks"), verb("020", []string{"meet"})}}
	d.Merge(&dict.Dictionary{Verbs: []*dict.Verb{verb("043", []string{"hasten", "rush"}, "talks")}})
	if got, want := patterns(d.Verbs), "043 hasten|rush talks | 020 meet"; got != want {
		t.Errorf("merged: %s, want %s", got, want)
	}
	if got := d.Index().Verbs("rush talks"); len(got) != 1 || got[0].Code != "043" {
		t.Errorf(`Verbs("rush talks") = %v, want the 043 entry`, got)
	}
}
