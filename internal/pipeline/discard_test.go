package pipeline_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// TestDiscards checks that a dictionary's discard phrases drop the
// sentence, or for a story discard the whole story, before coding.
func TestDiscards(t *testing.T) {
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	mine := &dict.Dictionary{Discards: []dict.Discard{
		{Phrase: "penalty shootout", Story: true},
		{Phrase: "in a dream"},
	}}
	d.Merge(mine)
	opts := pipeline.DefaultOptions()
	opts.Dict = d
	p, err := pipeline.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want int // events
		note string
	}{
		{"Japan criticized China on Monday.", 1, ""},
		{"In a dream, Japan criticized China. Japan criticized China on Monday.", 1, `sentence 0: discarded by "in a dream"`},
		{"Japan criticized China after a penalty shootout.", 0, `story discarded by "penalty shootout"`},
	} {
		r := p.Code(&dyad.Document{ID: "t", Text: tc.text})
		notes := strings.Join(r.Notes, "; ")
		if len(r.Events) != tc.want || !strings.Contains(notes, tc.note) {
			t.Errorf("%q: %d events, notes %q; want %d events and a note %q", tc.text, len(r.Events), notes, tc.want, tc.note)
		}
	}
}
