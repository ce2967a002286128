package depparse

import (
	"fmt"
	"math"
	"slices"
)

// The accurate mode: beam search. A greedy parser commits to the best
// action at every step; the beam keeps the width best partial parses and
// finishes the one that is best over the whole sentence. A parse's score
// is a sum over its actions, and what an action adds depends on the
// model (actionValues):
//
//   - the greedy model's scores are local, comparable only within a step,
//     so they become log-probabilities by a softmax over the valid
//     actions, at a temperature chosen on EWT dev (docs/NLP.md): too cold
//     and the beam is greedy search, too warm and it favours parses that
//     pass through fewer choices;
//   - a model trained for the beam (Model.Global; internal/train,
//     parser_beam.go) adds its scores as they are;
//   - the accurate mode's embedded model is trained for the beam and
//     corrects the greedy one: an action adds Lambda times its score to
//     the greedy model's log-probability. The two models err differently,
//     and together they beat either alone.

// BeamTemperature is the softmax temperature, in units of the model's
// weights (perceptron updates, not int16 steps). Chosen on EWT dev with a
// beam of 8: 22 scored UAS 86.83, 31.5 86.99 and 41 86.03.
const BeamTemperature = 31.5

// WithBeam returns a parser sharing p's model that keeps the width best
// partial parses; width 1 or less is p's greedy search. It is safe for
// concurrent use, and costs about width times as much as greedy parsing.
func (p *Parser) WithBeam(width int) *Parser {
	if max(width, 1) == p.Beam() {
		return p
	}
	q := p.clone()
	q.beam = max(width, 1)
	return q
}

// WithPrior returns a copy of p, a model trained for the beam, that
// corrects the greedy parser g, trained on the same relations: every
// action scores p's Lambda times p's score plus g's log-probability.
func (p *Parser) WithPrior(g *Parser) *Parser {
	q := p.clone()
	q.prior = g
	return q
}

// clone returns a parser sharing p's models and settings, with scratch
// space of its own.
func (p *Parser) clone() *Parser {
	q := &Parser{m: p.m, w: p.w, scale: p.scale, beam: p.beam, global: p.global, prior: p.prior, lambda: p.lambda}
	q.pool.New = func() any { return &State{} }
	return q
}

// Mode says how p parses, for reports: "greedy", "beam 8, greedy model",
// "beam 8, beam model alone" or "beam 8, beam model correcting the greedy
// one (lambda 0.0075)".
func (p *Parser) Mode() string {
	switch {
	case p.Beam() == 1:
		return "greedy"
	case !p.global:
		return fmt.Sprintf("beam %d, greedy model", p.Beam())
	case p.prior == nil:
		return fmt.Sprintf("beam %d, beam model alone", p.Beam())
	}
	return fmt.Sprintf("beam %d, beam model correcting the greedy one (lambda %g)", p.Beam(), float32(p.lambda))
}

// Beam returns the parser's beam width (1 for greedy search).
func (p *Parser) Beam() int { return max(p.beam, 1) }

// beamItem is one partial parse.
type beamItem struct {
	c     Config
	score float64
}

// candidate extends item from by action act (-1: the item is finished).
type candidate struct {
	from, act int
	score     float64
}

// CopyFrom makes c a copy of o.
func (c *Config) CopyFrom(o *Config) {
	c.N, c.B = o.N, o.B
	c.Stack = append(c.Stack[:0], o.Stack...)
	c.Head = append(c.Head[:0], o.Head...)
	c.Label = append(c.Label[:0], o.Label...)
	c.l1, c.l2 = append(c.l1[:0], o.l1...), append(c.l2[:0], o.l2...)
	c.r1, c.r2 = append(c.r1[:0], o.r1...), append(c.r2[:0], o.r2...)
	c.nl, c.nr = append(c.nl[:0], o.nl...), append(c.nr[:0], o.nr...)
	c.sl, c.sr = append(c.sl[:0], o.sl...), append(c.sr[:0], o.sr...)
}

// parseBeam is ParseWords for a beam wider than one; the best parse ends
// in st.Config.
func (p *Parser) parseBeam(st *State, scores []int32) {
	width := p.beam
	if cap(st.beams) < 2*width {
		st.beams = make([]beamItem, 2*width)
	}
	cur, next := st.beams[:1], st.beams[width:width]
	cur[0].c.Reset(len(st.Sent.W) - 1)
	cur[0].score = 0
	temp := BeamTemperature / float64(max(p.scale, 1e-12))
	fronts := &st.fronts
	fronts.reset(len(st.Sent.W)+1, len(scores))
	for {
		cands := st.cands[:0]
		finished := true
		for i := range cur {
			c := &cur[i].c
			switch {
			case c.Terminal():
				cands = append(cands, candidate{i, -1, cur[i].score})
				continue
			case len(c.Stack) == 1:
				cands = append(cands, candidate{i, Shift, cur[i].score})
				finished = false
				continue
			}
			finished = false
			st.feats = StackFeatures(st.feats[:0], &st.Sent, c)
			copy(scores, fronts.sums(p, st, c, 0))
			p.w.Score(st.feats, scores)
			if p.prior != nil {
				st.priorScores = append(st.priorScores[:0], fronts.sums(p.prior, st, c, 1)...)
				p.prior.w.Score(st.feats, st.priorScores)
			}
			valid := c.Valid()
			vals := p.actionValues(st, scores, valid, temp)
			// No item puts more than width actions into the next beam,
			// so only its width best are candidates.
			best := TopActions(st.best[:0], vals, valid, width)
			st.best = best
			for _, a := range best {
				cands = append(cands, candidate{i, a, cur[i].score + vals[a]})
			}
		}
		st.cands = cands
		if finished {
			break
		}
		slices.SortFunc(cands, func(a, b candidate) int {
			return BeamOrder(a.score, a.from, a.act, b.score, b.from, b.act)
		})
		next = next[:min(width, len(cands))]
		for j, cd := range cands[:len(next)] {
			next[j].c.CopyFrom(&cur[cd.from].c)
			if cd.act >= 0 {
				next[j].c.Apply(cd.act)
			}
			next[j].score = cd.score
		}
		cur, next = next, cur[:0]
	}
	best := 0
	for i := range cur {
		if cur[i].score > cur[best].score {
			best = i
		}
	}
	st.Config.CopyFrom(&cur[best].c)
}

// actionValues returns what each action adds to a partial parse's score,
// from the model's scores of a configuration (and, for a model that
// corrects a greedy one, the greedy model's in st.priorScores). A greedy
// model's scores become log-probabilities at temperature temp; a model
// trained for the beam adds its scores as they are or, when it corrects a
// greedy model, adds lambda times them to the greedy model's
// log-probabilities.
func (p *Parser) actionValues(st *State, scores []int32, valid Valid, temp float64) []float64 {
	vals := st.vals[:0]
	switch {
	case !p.global:
		norm := logSumExp(scores, valid, temp)
		for _, v := range scores {
			vals = append(vals, float64(v)/temp-norm)
		}
	case p.prior == nil:
		for _, v := range scores {
			vals = append(vals, float64(v)*float64(p.scale))
		}
	default:
		ps := st.priorScores // parseBeam scored the prior
		pt := BeamTemperature / float64(max(p.prior.scale, 1e-12))
		norm := logSumExp(ps, valid, pt)
		w := p.lambda * float64(p.scale)
		for a, v := range scores {
			vals = append(vals, w*float64(v)+float64(ps[a])/pt-norm)
		}
	}
	st.vals = vals
	return vals
}

// BeamOrder compares two candidates for a beam, each the score, source
// hypothesis and action of one extension: best first, ties to the earlier
// hypothesis and then the lower action, so that a beam's result does not
// depend on how the sort treats equals.
func BeamOrder[S int64 | float64](scoreA S, fromA, actA int, scoreB S, fromB, actB int) int {
	switch {
	case scoreA > scoreB:
		return -1
	case scoreA < scoreB:
		return 1
	case fromA != fromB:
		return fromA - fromB
	}
	return actA - actB
}

// logSumExp returns log Σ exp(scores[a]/temp) over the valid actions.
// Actions more than 45 temperatures below the best are skipped: each would
// add less than e⁻⁴⁵ to a sum of at least 1, and all 255 of them less
// than half of float64's last place, so the result is the same for a
// fraction of the calls to math.Exp.
func logSumExp(scores []int32, valid Valid, temp float64) float64 {
	top, found := int32(math.MinInt32), false
	for a, v := range scores {
		if (v > top || !found) && valid.Allows(a) {
			top, found = v, true
		}
	}
	if !found {
		return 0
	}
	cut := float64(top) - 45*temp
	z := 0.0
	for a, v := range scores {
		if float64(v) > cut && valid.Allows(a) {
			z += math.Exp(float64(v-top) / temp)
		}
	}
	return float64(top)/temp + math.Log(z)
}

// frontSums keeps, for one sentence in the beam, the sums of
// BufferFeatures at each buffer front for the model (0) and the greedy
// model it corrects (1): the items of a beam share fronts, and an item
// keeps its front for about two actions, so each front is scored once
// instead of at every item and step.
type frontSums struct {
	na   int
	have [2][]bool
	sum  [2][]int32 // front b's sums at [b*na : (b+1)*na]
}

func (f *frontSums) reset(fronts, na int) {
	f.na = na
	for m := range f.have {
		f.have[m] = slices.Grow(f.have[m][:0], fronts)[:fronts]
		clear(f.have[m])
		f.sum[m] = slices.Grow(f.sum[m][:0], fronts*na)[:fronts*na]
	}
}

// sums returns model m's (p's) sums of the buffer features at c's front.
func (f *frontSums) sums(p *Parser, st *State, c *Config, m int) []int32 {
	s := f.sum[m][c.B*f.na : (c.B+1)*f.na]
	if !f.have[m][c.B] {
		clear(s)
		st.bfeats = BufferFeatures(st.bfeats[:0], &st.Sent, c)
		p.w.Score(st.bfeats, s)
		f.have[m][c.B] = true
	}
	return s
}
