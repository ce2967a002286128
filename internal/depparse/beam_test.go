package depparse

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/linear"
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

// TestForBeam checks which model each width gets: the greedy one for 1,
// and for wider beams the model trained for the beam when the binary
// embeds one.
func TestForBeam(t *testing.T) {
	greedy, err := Default()
	if err != nil {
		t.Skip(err)
	}
	if p, err := ForBeam(1); err != nil || p != greedy {
		t.Errorf("ForBeam(1) = %p, %v; want the greedy parser %p", p, err, greedy)
	}
	p, err := ForBeam(8)
	if err != nil {
		t.Fatal(err)
	}
	if p.Beam() != 8 {
		t.Errorf("ForBeam(8) has a beam of %d", p.Beam())
	}
	if m := greedy.Mode(); m != "greedy" {
		t.Errorf("greedy parser's mode %q", m)
	}
	if m := p.Mode(); !strings.HasPrefix(m, "beam 8, ") {
		t.Errorf("ForBeam(8)'s mode %q", m)
	}
	_, statErr := fs.Stat(modelFS, BeamModelFile)
	if embedded := statErr == nil; p.global != embedded {
		t.Errorf("beam model embedded: %v; ForBeam(8) parses with a model trained for the beam: %v", embedded, p.global)
	}
	if p.global && p.lambda > 0 && p.prior != greedy {
		t.Errorf("the beam model corrects the greedy one (lambda %g) but parses without it", p.lambda)
	}
	for _, s := range taggedNews() {
		p.Parse(s)
		checkTree(t, s)
	}
}

// TestPriorAlone gives a model trained for the beam no weight against the
// greedy model it corrects: the beam must then find the greedy model's
// own beam parses, so the two models' scores are combined as documented.
func TestPriorAlone(t *testing.T) {
	greedy, err := Default()
	if err != nil {
		t.Skip(err)
	}
	// Any weights will do for the corrector: they count for nothing.
	corr := New(&Model{Labels: greedy.Labels(), Global: true, Weights: linear.Weights{
		Classes: 2*len(greedy.Labels()) + 1, Deltas: []uint32{tmpl(0)}, Counts: []uint16{1}, Class: []uint8{1}, Q: []int16{1000}, Scale: 1}})
	mixed, alone := corr.WithPrior(greedy).WithBeam(4), greedy.WithBeam(4)
	for _, s := range taggedNews() {
		a, b := *s, *s
		a.Tokens, b.Tokens = slices.Clone(s.Tokens), slices.Clone(s.Tokens)
		mixed.Parse(&a)
		alone.Parse(&b)
		ha, ra := heads(&a)
		hb, rb := heads(&b)
		if !slices.Equal(ha, hb) || !slices.Equal(ra, rb) {
			t.Errorf("%s: with a weightless corrector %v %v, the greedy model's beam %v %v", s.Tokens[0].Text, ha, ra, hb, rb)
		}
	}
	// With weight, the corrector's one feature (present in every
	// configuration) favours LEFT with label 0 (root) wherever LEFT is
	// valid, so every word but the last is a left dependent so labelled.
	corr.lambda = 1
	mixed = corr.WithPrior(greedy).WithBeam(4)
	s := taggedNews()[0]
	mixed.Parse(s)
	checkTree(t, s)
	for _, tk := range s.Tokens[:len(s.Tokens)-1] {
		if tk.Head != 0 && tk.Rel != greedy.Labels()[0] {
			t.Errorf("%s attached as %s: the corrector did not count", tk.Text, tk.Rel)
			break
		}
	}
}
