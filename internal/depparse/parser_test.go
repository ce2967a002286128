package depparse

import (
	"bytes"
	"errors"
	"io"
	"math"
	"path"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/linear"
	"github.com/dyad-events/dyad/internal/testingutil"
)

// follow runs the oracle: from the start it takes the first zero-cost
// action (labelled with the gold label) until the end, and returns the
// heads it built.
func follow(t *testing.T, head []int) []int {
	t.Helper()
	var c Config
	c.Reset(len(head) - 1)
	for steps := 0; !c.Terminal(); steps++ {
		if steps > 4*len(head) {
			t.Fatalf("heads %v: oracle does not terminate", head)
		}
		sh, l, r := c.Costs(head)
		switch {
		case sh == 0:
			c.Apply(Shift)
		case l == 0:
			c.Apply(Left(0))
		case r == 0:
			c.Apply(Right(0))
		default:
			t.Fatalf("heads %v: no zero-cost action at stack %v buffer %d (costs %d %d %d)", head, c.Stack, c.B, sh, l, r)
		}
	}
	return c.Head
}

func TestOracle(t *testing.T) {
	tests := [][]int{
		{-1, 0},
		{-1, 2, 0, 2},          // a ← b → c
		{-1, 2, 0, 4, 2, 2},    // subject, verb, det, object, punct
		{-1, 0, 1, 2, 3, 4},    // a right-branching chain
		{-1, 5, 5, 5, 5, 0},    // all dependents on the left
		{-1, 3, 3, 0, 5, 3, 3}, // mixed
	}
	for _, head := range tests {
		got := follow(t, head)
		for i := 1; i < len(head); i++ {
			if got[i] != head[i] {
				t.Errorf("heads %v: oracle built %v", head, got[1:])
				break
			}
		}
	}
}

// checkTree fails unless s's tokens form one tree with a single root.
func checkTree(t *testing.T, s *dyad.Sentence) {
	t.Helper()
	n := len(s.Tokens)
	roots := 0
	for i, tk := range s.Tokens {
		if tk.Head < 0 || tk.Head > n || tk.Head == i+1 {
			t.Fatalf("token %d: head %d out of range or itself", i+1, tk.Head)
		}
		if tk.Head == 0 {
			roots++
			if tk.Rel != "root" {
				t.Fatalf("token %d: root with relation %q", i+1, tk.Rel)
			}
		}
		// walking up must reach the root within n steps
		h, steps := tk.Head, 0
		for h != 0 && steps <= n {
			h = s.Tokens[h-1].Head
			steps++
		}
		if h != 0 {
			t.Fatalf("token %d: cycle", i+1)
		}
	}
	if n > 0 && roots != 1 {
		t.Fatalf("%d roots, want 1", roots)
	}
}

func sentence(words ...string) *dyad.Sentence {
	s := &dyad.Sentence{}
	for i, w := range words {
		s.Tokens = append(s.Tokens, dyad.Token{ID: i + 1, Text: w, UPOS: "NOUN", XPOS: "NN", Head: -1})
	}
	return s
}

// emptyParser has no weights: every action scores zero, which exercises
// the transition system alone.
func emptyParser() *Parser {
	return New(&Model{Labels: []string{"root", "dep", "punct"}, Weights: linear.Weights{Classes: 7, Scale: 1}})
}

func TestParseEmptyModel(t *testing.T) {
	p := emptyParser()
	for _, n := range []int{0, 1, 2, 7, 10000} {
		s := sentence(strings.Fields(strings.Repeat("w ", n))...)
		p.Parse(s)
		checkTree(t, s)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("The army attacked the town .")
	f.Add("")
	f.Add("\xff \x00 東京")
	p := emptyParser()
	f.Fuzz(func(t *testing.T, text string) {
		s := sentence(strings.Fields(text)...)
		p.Parse(s)
		checkTree(t, s)
	})
}

func TestDefault(t *testing.T) {
	p, err := Default()
	if errors.Is(err, ErrNoModel) {
		t.Skip("no parser model embedded")
	}
	if err != nil {
		t.Fatal(err)
	}
	s := sentence("Rebels", "attacked", "the", "town", ".")
	tags := [][2]string{{"NOUN", "NNS"}, {"VERB", "VBD"}, {"DET", "DT"}, {"NOUN", "NN"}, {"PUNCT", "."}}
	for i := range s.Tokens {
		s.Tokens[i].UPOS, s.Tokens[i].XPOS = tags[i][0], tags[i][1]
	}
	p.Parse(s)
	checkTree(t, s)
	want := []struct {
		head int
		rel  string
	}{{2, "nsubj"}, {0, "root"}, {4, "det"}, {2, "obj"}, {2, "punct"}}
	for i, w := range want {
		if s.Tokens[i].Head != w.head || s.Tokens[i].Rel != w.rel {
			t.Errorf("%s: got %d %s, want %d %s", s.Tokens[i].Text, s.Tokens[i].Head, s.Tokens[i].Rel, w.head, w.rel)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	p, err := Default()
	if err != nil {
		b.Skip(err)
	}
	words := strings.Fields("The United Nations Security Council on Tuesday condemned the attack on the embassy , which killed 12 people , and called for an investigation .")
	tags := strings.Fields("DET PROPN PROPN PROPN PROPN ADP PROPN VERB DET NOUN ADP DET NOUN PUNCT PRON VERB NUM NOUN PUNCT CCONJ VERB ADP DET NOUN PUNCT")
	xtags := strings.Fields("DT NNP NNP NNP NNP IN NNP VBD DT NN IN DT NN , WDT VBD CD NNS , CC VBD IN DT NN .")
	s := sentence(words...)
	for i := range s.Tokens {
		s.Tokens[i].UPOS, s.Tokens[i].XPOS = tags[i], xtags[i]
	}
	b.ReportAllocs()
	for b.Loop() {
		p.Parse(s)
	}
}

// TestConcurrent parses from several goroutines with the shared default
// parser; run it with -race.
func TestConcurrent(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Skip(err)
	}
	done := make(chan *dyad.Sentence)
	for g := 0; g < 4; g++ {
		go func(g int) {
			s := sentence(strings.Fields(strings.Repeat("officials said rebels attacked the town . ", g+1))...)
			p.Parse(s)
			done <- s
		}(g)
	}
	for range 4 {
		checkTree(t, <-done)
	}
}

// BenchmarkFeatures measures feature extraction alone, over the
// configurations of a fixed action sequence (shift every word, then attach
// each to the one below it), so it needs no model.
func BenchmarkFeatures(b *testing.B) {
	words := strings.Fields("The United Nations Security Council on Tuesday condemned the attack on the embassy , which killed 12 people , and called for an investigation .")
	xtags := strings.Fields("DT NNP NNP NNP NNP IN NNP VBD DT NN IN DT NN , WDT VBD CD NNS , CC VBD IN DT NN .")
	tags := strings.Fields("DET PROPN PROPN PROPN PROPN ADP PROPN VERB DET NOUN ADP DET NOUN PUNCT PRON VERB NUM NOUN PUNCT CCONJ VERB ADP DET NOUN PUNCT")
	var s Sentence
	var c Config
	var feats []uint32
	for b.Loop() {
		s.Reset(words, xtags, tags)
		c.Reset(len(words))
		for !c.Terminal() {
			feats = Features(feats[:0], &s, &c)
			if c.CanShift() {
				c.Apply(Shift)
			} else {
				c.Apply(Right(1))
			}
		}
	}
}

// TestDecodeRejects checks that a model file that cannot be parsed with is
// refused when it is read, with the reason.
func TestDecodeRejects(t *testing.T) {
	for _, c := range []struct {
		name string
		m    Model
		want string
	}{
		{"no labels", Model{}, "0 labels"},
		{"negative lambda", Model{Labels: []string{"root"}, Global: true, Lambda: -1}, "lambda"},
		{"NaN lambda", Model{Labels: []string{"root"}, Global: true, Lambda: float32(math.NaN())}, "lambda"},
		{"lambda on a greedy model", Model{Labels: []string{"root"}, Lambda: 0.01}, "lambda"},
	} {
		var b bytes.Buffer
		if err := Encode(&b, &c.m); err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(&b); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
	var b bytes.Buffer
	ok := Model{Labels: []string{"root"}, Global: true, Lambda: 0.01}
	if err := Encode(&b, &ok); err != nil {
		t.Fatal(err)
	}
	if m, err := Decode(&b); err != nil || m.Lambda != 0.01 || !m.Global {
		t.Errorf("a valid beam model: %+v, %v", m, err)
	}
}

// BenchmarkLoad decodes each embedded model and builds its scoring table,
// as Default and ForBeam do on first use (docs/NLP.md, load target 1 s).
func BenchmarkLoad(b *testing.B) {
	for _, name := range []string{ModelFile, BeamModelFile} {
		raw, err := modelFS.ReadFile(name)
		if err != nil {
			b.Skip(err)
		}
		b.Run(path.Base(name), func(b *testing.B) {
			testingutil.BenchLoad(b, raw, func(r io.Reader) error {
				m, err := Decode(r)
				if err == nil {
					New(m)
				}
				return err
			})
		})
	}
}

// TestFrontSums checks the greedy parser's shortcut, the buffer features'
// sums kept while the front does not move, against scoring every feature
// at every step.
func TestFrontSums(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Skip(err)
	}
	st := NewState()
	texts := []string{
		"Rebels said on Monday that the army had shelled two villages near the border .",
		"The talks , which began in May , ended without a deal .",
		"Police arrested 12 people .",
		"The minister , who resigned , was replaced by her deputy on Friday after the vote .",
	}
	for _, tx := range texts[:4] { // one-word sentences too, all with one State
		texts = append(texts, strings.Fields(tx)[0])
	}
	for _, text := range texts {
		words := strings.Fields(text)
		tags := make([]string, len(words)) // untagged: two ways of scoring are compared, not trees
		p.ParseWords(st, words, tags, tags)
		got := append([]int(nil), st.Config.Head...)
		gotL := append([]int(nil), st.Config.Label...)

		var s Sentence
		s.Reset(words, tags, tags)
		var c Config
		c.Reset(len(words))
		scores := make([]int32, 2*len(p.Labels())+1)
		var feats []uint32
		for !c.Terminal() {
			if len(c.Stack) == 1 {
				c.Apply(Shift)
				continue
			}
			feats = Features(feats[:0], &s, &c)
			clear(scores)
			p.w.Score(feats, scores)
			c.Apply(Best(&c, scores))
		}
		for i := 1; i <= len(words); i++ {
			if got[i] != c.Head[i] || gotL[i] != c.Label[i] {
				t.Errorf("%q: word %d: head %d label %d, want %d %d", text, i, got[i], gotL[i], c.Head[i], c.Label[i])
			}
		}
	}
}
