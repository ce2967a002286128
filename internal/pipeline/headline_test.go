package pipeline_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// TestHeadline checks that a document's Title is coded as a headline,
// and that a headline event the body tells again is dropped: exactly with
// the dictionary coder, and among what it codes with the learned
// extractor (which may code more).
func TestHeadline(t *testing.T) {
	for _, rules := range []bool{true, false} {
		opts := pipeline.DefaultOptions()
		opts.Rules = rules
		p, err := pipeline.New(opts)
		if err != nil {
			t.Fatal(err)
		}
		testHeadline(t, p, rules)
	}
}

func testHeadline(t *testing.T, p *pipeline.Pipeline, exact bool) {
	events := func(doc *dyad.Document) string {
		var out []string
		for _, ev := range p.Code(doc).Events {
			s := fmt.Sprintf("%d %s %s %s", ev.Sentence, ev.CAMEO.Code, ev.Source.Code, ev.Target.Code)
			if ev.Headline {
				s += " headline=" + doc.Title[ev.Evidence.VerbSpan.Start:ev.Evidence.VerbSpan.End]
			}
			out = append(out, s)
		}
		return strings.Join(out, "; ")
	}
	for _, tt := range []struct {
		name string
		doc  dyad.Document
		want string
	}{
		{"Coded", dyad.Document{ID: "a", Title: "Japan criticizes China over island dispute", Text: "Rain fell in Osaka."},
			"-1 111 JPN CHN headline=criticizes"},
		{"Deduplicated", dyad.Document{ID: "b", Title: "Japan criticizes China", Text: "Japan criticized China on Monday."},
			"0 111 JPN CHN"},
		{"StoryCountry", dyad.Document{ID: "d", Title: "Police arrested protesters", Text: "Rain fell across Japan on Monday."},
			"-1 173 JPNCOP JPNCVL headline=arrested"},
		{"BodyOpensWithTitle", dyad.Document{ID: "c", Title: "Japan criticizes China", Text: "Japan criticizes China\n\nRain fell."},
			"0 111 JPN CHN"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := events(&tt.doc)
			if !exact && strings.Contains("; "+got+"; ", "; "+tt.want+"; ") {
				return
			}
			if got != tt.want {
				t.Errorf("title %q, text %q:\n got %s\nwant %s", tt.doc.Title, tt.doc.Text, got, tt.want)
			}
		})
	}
}
