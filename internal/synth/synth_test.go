package synth_test

import (
	"reflect"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/synth"
)

func TestGenerator(t *testing.T) {
	opts := synth.DefaultOptions()
	opts.Events = 20_000
	g := synth.New(opts)
	roots, countries := map[string]int{}, map[string]int{}
	docs, events := 0, 0
	for batch := g.Next(1000); batch != nil; batch = g.Next(1000) {
		n := 0
		for _, cd := range batch {
			docs++
			n += len(cd.Events)
			for _, ev := range cd.Events {
				roots[ev.CAMEO.Root]++
				countries[ev.Source.Country]++
				s := cd.Sentences[ev.Sentence]
				if got := cd.Doc.Text[ev.Source.Span.Start:ev.Source.Span.End]; got != ev.Source.Code {
					t.Fatalf("%s: source span holds %q, want %q", ev.ID, got, ev.Source.Code)
				}
				if cd.Doc.Text[s.Span.Start:s.Span.End] != s.Text || ev.Text != s.Text {
					t.Fatalf("%s: sentence %q does not stand at its span", ev.ID, s.Text)
				}
			}
		}
		if n > 1000 {
			t.Fatalf("batch of %d events, want at most 1000", n)
		}
		events += n
	}
	if events != opts.Events || g.Made() != opts.Events {
		t.Fatalf("made %d events (Made %d), want %d", events, g.Made(), opts.Events)
	}
	// The counted distributions show: root 11 (disapprove) is the
	// commonest, 20 the rarest; the USA the busiest country.
	for r, n := range roots {
		if r != "11" && n >= roots["11"] || r != "20" && n <= roots["20"] {
			t.Errorf("root %s has %d events; 11 has %d, 20 has %d", r, n, roots["11"], roots["20"])
		}
	}
	for c, n := range countries {
		if c != "USA" && n >= countries["USA"] {
			t.Errorf("country %q has %d source events, USA %d: want the USA busiest", c, n, countries["USA"])
		}
	}
	if docs < events/10 || docs > events/2 {
		t.Errorf("%d documents for %d events, want about %d events each", docs, events, synth.DefaultPerDoc)
	}
}

func TestGeneratorSeed(t *testing.T) {
	opts := synth.DefaultOptions()
	opts.Events = 500
	first := func(o synth.Options) []dyad.Event { return synth.New(o).Next(100)[0].Events }
	if a, b := first(opts), first(opts); !reflect.DeepEqual(a, b) {
		t.Fatalf("same seed, different events:\n%+v\n%+v", a[0], b[0])
	}
	other := opts
	other.Seed = 2
	if a, b := first(opts), first(other); reflect.DeepEqual(a, b) {
		t.Fatal("seeds 1 and 2 made the same events")
	}
}
