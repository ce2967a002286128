package dict_test

import (
	"testing"

	"github.com/dyad-events/dyad/internal/dict"
)

func TestDiscarder(t *testing.T) {
	x := dict.NewDiscarder([]dict.Discard{{Phrase: "final whistle", Story: true}, {Phrase: "HOROSCOPE"}})
	for _, tc := range []struct {
		text                 string
		any, story, sentence string
	}{
		{"After the final whistle, fans left.", "final whistle", "final whistle", ""},
		{"Your horoscope: calm.", "HOROSCOPE", "", "HOROSCOPE"},
		{"The finality of whistles.", "", "", ""},
	} {
		for _, m := range []struct {
			name  string
			match func(string) (dict.Discard, bool)
			want  string
		}{{"Match", x.Match, tc.any}, {"MatchStory", x.MatchStory, tc.story}, {"MatchSentence", x.MatchSentence, tc.sentence}} {
			d, ok := m.match(tc.text)
			if ok != (m.want != "") || d.Phrase != m.want {
				t.Errorf("%s(%q) = %q, %v; want %q", m.name, tc.text, d.Phrase, ok, m.want)
			}
		}
	}
	var none *dict.Discarder
	if _, ok := none.Match("anything"); ok || dict.NewDiscarder(nil) != nil {
		t.Error("a nil Discarder matched, or NewDiscarder(nil) is not nil")
	}
}
