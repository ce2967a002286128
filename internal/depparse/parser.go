package depparse

import (
	"math"
	"sync"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/linear"
)

// Parser assigns heads and relations. It is safe for concurrent use.
type Parser struct {
	m      *Model
	w      *linear.Table
	scale  float32 // of the stored weights, for the beam's softmax
	beam   int     // partial parses kept; 0 or 1 is greedy search
	global bool    // the model was trained for the beam: add raw scores
	prior  *Parser // for a global model: the greedy model it corrects
	lambda float64 // the global model's weight against the prior
	pool   sync.Pool
}

// New returns a Parser for m.
func New(m *Model) *Parser {
	// Keep the labels only: the stored weights are in the table now, and
	// the model's copy of them can be collected.
	p := &Parser{m: &Model{Labels: m.Labels}, w: linear.NewTable(&m.Weights), scale: m.Weights.Scale, global: m.Global, lambda: float64(m.Lambda)}
	p.pool.New = func() any { return &State{} }
	return p
}

// Labels returns the model's relations, indexed by label number.
func (p *Parser) Labels() []string { return p.m.Labels }

// State is the scratch space of one parse; it is not safe for concurrent
// use.
type State struct {
	Sent              Sentence
	Config            Config
	forms, xpos, upos []string
	feats             []uint32
	scores            []int32
	front             []int32 // the greedy parser's sums of BufferFeatures at one front
	fronts            frontSums
	bfeats            []uint32
	priorScores       []int32
	vals              []float64  // each action's log-score in the beam
	beams             []beamItem // the beam's current and next items
	cands             []candidate
	best              []int // one item's best actions
}

// NewState returns scratch space for ParseWords.
func NewState() *State { return &State{} }

// Parse fills Head (0 for the root) and Rel of every token of s, which
// must be tagged.
func (p *Parser) Parse(s *dyad.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	st := p.pool.Get().(*State)
	defer p.pool.Put(st)
	st.forms, st.xpos, st.upos = st.forms[:0], st.xpos[:0], st.upos[:0]
	for _, t := range s.Tokens {
		st.forms = append(st.forms, t.Text)
		st.xpos = append(st.xpos, t.XPOS)
		st.upos = append(st.upos, t.UPOS)
	}
	p.ParseWords(st, st.forms, st.xpos, st.upos)
	for i := range s.Tokens {
		s.Tokens[i].Head = st.Config.Head[i+1]
		s.Tokens[i].Rel = p.m.Labels[st.Config.Label[i+1]]
		if s.Tokens[i].Head == 0 {
			s.Tokens[i].Rel = "root"
		}
	}
}

// ParseWords parses the words with the given forms and tags; the result is
// st.Config.Head and st.Config.Label, indexed by word (1..n).
func (p *Parser) ParseWords(st *State, forms, xpos, upos []string) {
	st.Sent.Reset(forms, xpos, upos)
	c := &st.Config
	c.Reset(len(forms))
	na := 2*len(p.m.Labels) + 1
	if cap(st.scores) < na {
		st.scores = make([]int32, na)
	}
	scores := st.scores[:na]
	if p.beam > 1 {
		p.parseBeam(st, scores)
		return
	}
	if cap(st.front) < na {
		st.front = make([]int32, na)
	}
	front, frontAt := st.front[:na], -1 // frontAt: the buffer front of front's sums
	for !c.Terminal() {
		if len(c.Stack) == 1 {
			// Only the root is on the stack, so SHIFT is the one valid
			// action: no need to score.
			c.Apply(Shift)
			continue
		}
		// Scores are integer sums, so adding the buffer's features once
		// per front and the rest per action gives the same scores.
		if frontAt != c.B {
			st.feats = BufferFeatures(st.feats[:0], &st.Sent, c)
			clear(front)
			p.w.Score(st.feats, front)
			frontAt = c.B
		}
		st.feats = StackFeatures(st.feats[:0], &st.Sent, c)
		copy(scores, front)
		p.w.Score(st.feats, scores)
		c.Apply(Best(c, scores))
	}
}

// Best returns the valid action with the highest score.
func Best(c *Config, scores []int32) int {
	valid := c.Valid()
	best, bs := -1, int32(math.MinInt32)
	for a, s := range scores {
		if valid.Allows(a) && (s > bs || best < 0) {
			best, bs = a, s
		}
	}
	return best
}
