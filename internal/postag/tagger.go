package postag

import (
	"strings"
	"sync"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/linear"
)

// Tagger assigns UPOS, XPOS and lemmas. It is safe for concurrent use.
type Tagger struct {
	m            *Model
	amb, auto    map[string]string
	lemmas       map[string]map[string]string // XPOS, then lower-case form
	rules        map[string]map[string]Rule   // XPOS, then word ending
	pass1, pass2 *linear.Table
	upos, xpos   []string
	pool         sync.Pool
}

// New returns a Tagger for m.
func New(m *Model) *Tagger {
	t := &Tagger{m: m, pass1: linear.NewTable(&m.Pass1), pass2: linear.NewTable(&m.Pass2),
		amb: map[string]string{}, auto: map[string]string{}, lemmas: map[string]map[string]string{}, rules: map[string]map[string]Rule{}}
	for _, p := range m.Amb {
		t.amb[p.Key] = p.Value
	}
	for _, p := range m.Auto {
		t.auto[p.Key] = p.Value
	}
	// Lemma lookups go by tag first, so that tagging builds no
	// "form<TAB>tag" keys.
	for _, p := range m.Lemmas {
		form, xpos, _ := strings.Cut(p.Key, "\t")
		if t.lemmas[xpos] == nil {
			t.lemmas[xpos] = map[string]string{}
		}
		t.lemmas[xpos][form] = p.Value
	}
	for _, p := range m.Rules {
		xpos, end, _ := strings.Cut(p.Key, "\t")
		if t.rules[xpos] == nil {
			t.rules[xpos] = map[string]Rule{}
		}
		t.rules[xpos][end] = p.Rule
	}
	for _, tag := range m.Tags {
		u, x, _ := strings.Cut(tag, " ")
		t.upos = append(t.upos, u)
		t.xpos = append(t.xpos, x)
	}
	// Keep the tag list only: weights and tables are in the tagger's
	// own structures now, and the model's copies can be collected.
	t.m = &Model{Tags: m.Tags}
	t.pool.New = func() any { return &State{} }
	return t
}

// State is the scratch space of one tagging call; it is not safe for
// concurrent use.
type State struct {
	ctx          Context
	forms        []string
	first, final []int
	feats        []uint32
	words        []uint32 // WordFeatures of every word, in runs of wordEnd[i-1]..wordEnd[i]
	wordEnd      []int
	scores       []int32
}

// Tag fills UPOS, XPOS and Lemma of every token of s.
func (t *Tagger) Tag(s *dyad.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	st := t.pool.Get().(*State)
	defer t.pool.Put(st)
	st.forms = st.forms[:0]
	for i := range s.Tokens {
		st.forms = append(st.forms, s.Tokens[i].Text)
	}
	tags := t.TagForms(st, st.forms)
	for i := range s.Tokens {
		tk := &s.Tokens[i]
		tk.UPOS, tk.XPOS = t.upos[tags[i]], t.xpos[tags[i]]
		tk.Lemma = t.Lemma(tk.Text, tk.XPOS)
	}
}

// TagForms returns the class (an index into Model.Tags) of each word; the
// result lives in st and is valid until st's next use.
func (t *Tagger) TagForms(st *State, forms []string) []int {
	st.ctx.Reset(forms, t.amb, t.auto)
	st.wordFeatures()
	st.first = t.pass(st, t.pass1, st.first[:0], nil)
	st.final = t.pass(st, t.pass2, st.final[:0], st.first)
	return st.final
}

// wordFeatures computes the features that do not read tags, once for both
// passes.
func (st *State) wordFeatures() {
	st.words, st.wordEnd = st.words[:0], st.wordEnd[:0]
	for i := range st.ctx.Forms {
		st.words = WordFeatures(st.words, &st.ctx, i)
		st.wordEnd = append(st.wordEnd, len(st.words))
	}
}

func (t *Tagger) pass(st *State, w *linear.Table, tags, right []int) []int {
	n := len(t.m.Tags)
	if cap(st.scores) < n {
		st.scores = make([]int32, n)
	}
	scores := st.scores[:n]
	start := 0
	for i := range st.ctx.Forms {
		end := st.wordEnd[i]
		st.feats = TagFeatures(append(st.feats[:0], st.words[start:end]...), &st.ctx, i, tags, right)
		start = end
		clear(scores)
		w.Score(st.feats, scores)
		best := 0
		for c, v := range scores {
			if v > scores[best] {
				best = c
			}
		}
		tags = append(tags, best)
	}
	return tags
}

// NewState returns scratch space for TagForms.
func NewState() *State { return &State{} }

// FirstPass returns the first pass's classes for forms; the result lives
// in st.
func (t *Tagger) FirstPass(st *State, forms []string) []int {
	st.ctx.Reset(forms, t.amb, t.auto)
	st.wordFeatures()
	st.first = t.pass(st, t.pass1, st.first[:0], nil)
	return st.first
}

// Tags returns the UPOS and XPOS of class c.
func (t *Tagger) Tags(c int) (upos, xpos string) { return t.upos[c], t.xpos[c] }
