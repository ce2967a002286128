package depparse

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// taggedNews returns a few tagged sentences for the beam tests.
func taggedNews() []*dyad.Sentence {
	raw := []struct{ words, upos, xpos string }{
		{"Rebels attacked the town on Tuesday .", "NOUN VERB DET NOUN ADP PROPN PUNCT", "NNS VBD DT NN IN NNP ."},
		{"The minister said the talks would resume in Geneva next week .", "DET NOUN VERB DET NOUN AUX VERB ADP PROPN ADJ NOUN PUNCT", "DT NN VBD DT NNS MD VB IN NNP JJ NN ."},
		{"Japan and South Korea urged China to press North Korea , officials said .", "PROPN CCONJ PROPN PROPN VERB PROPN PART VERB PROPN PROPN PUNCT NOUN VERB PUNCT", "NNP CC NNP NNP VBD NNP TO VB NNP NNP , NNS VBD ."},
	}
	var out []*dyad.Sentence
	for _, r := range raw {
		s := sentence(strings.Fields(r.words)...)
		u, x := strings.Fields(r.upos), strings.Fields(r.xpos)
		for i := range s.Tokens {
			s.Tokens[i].UPOS, s.Tokens[i].XPOS = u[i], x[i]
		}
		out = append(out, s)
	}
	return out
}

func heads(s *dyad.Sentence) (h []int, rel []string) {
	for _, t := range s.Tokens {
		h, rel = append(h, t.Head), append(rel, t.Rel)
	}
	return
}

// TestBeamOfOneIsGreedy runs the beam machinery with room for one parse:
// the best action by log-probability is the best by score, so it must
// give the greedy parser's trees.
func TestBeamOfOneIsGreedy(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Skip(err)
	}
	one := p.WithBeam(2)
	one.beam = 1 // parseBeam's bookkeeping, width one
	for _, s := range taggedNews() {
		greedy := *s
		greedy.Tokens = slices.Clone(s.Tokens)
		p.Parse(&greedy)
		st := NewState()
		var forms, xpos, upos []string
		for _, tk := range s.Tokens {
			forms, xpos, upos = append(forms, tk.Text), append(xpos, tk.XPOS), append(upos, tk.UPOS)
		}
		st.Sent.Reset(forms, xpos, upos)
		st.Config.Reset(len(forms))
		one.parseBeam(st, make([]int32, 2*len(p.Labels())+1))
		for i, tk := range greedy.Tokens {
			if st.Config.Head[i+1] != tk.Head {
				t.Fatalf("%s: word %d: beam of one attaches to %d, greedy to %d", forms, i+1, st.Config.Head[i+1], tk.Head)
			}
		}
	}
}

// TestBeamTrees checks that the beam gives one tree per sentence, the same
// on every run, and works on the empty model and on long input.
func TestBeamTrees(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Skip(err)
	}
	b := p.WithBeam(8)
	if b.Beam() != 8 || p.Beam() != 1 {
		t.Fatalf("beam widths %d and %d, want 8 and 1", b.Beam(), p.Beam())
	}
	for _, s := range taggedNews() {
		b.Parse(s)
		checkTree(t, s)
		h1, r1 := heads(s)
		b.Parse(s)
		h2, r2 := heads(s)
		if !slices.Equal(h1, h2) || !slices.Equal(r1, r2) {
			t.Errorf("two beam parses of %q differ", s.Tokens[0].Text)
		}
	}
	e := emptyParser().WithBeam(4)
	for _, n := range []int{0, 1, 2, 7, 300} {
		s := sentence(strings.Fields(strings.Repeat("w ", n))...)
		e.Parse(s)
		checkTree(t, s)
	}
}

// TestBeamConcurrent shares one beam parser between goroutines; run it
// with -race.
func TestBeamConcurrent(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Skip(err)
	}
	b := p.WithBeam(4)
	done := make(chan *dyad.Sentence)
	for g := 0; g < 4; g++ {
		go func() {
			s := taggedNews()[g%3]
			b.Parse(s)
			done <- s
		}()
	}
	for range 4 {
		checkTree(t, <-done)
	}
}
