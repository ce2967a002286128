package train

import (
	"fmt"
	"math/rand"
	"slices"

	"github.com/dyad-events/dyad/internal/depparse"
)

// Global training for the accurate mode. The greedy parser learns one
// decision at a time; a beam parser trained that way gains little from
// its beam, because its scores were never meant to be added up over a
// sentence. Here the beam decodes every training sentence with the
// current weights, and the perceptron update compares whole action
// sequences (Zhang and Clark 2008): the best gold prefix against the
// beam's best at the step where the latter wins by the most (the
// max-violation update of Huang, Fayong and Guo 2012, which learns in
// fewer epochs than stopping where gold first falls off the beam).
//
// Gold is not one action sequence: arc-hybrid often has several ways to
// the same tree, so a hypothesis counts as gold while the dynamic oracle
// says it has lost no more gold arcs than the best one could (none, but
// for crossing arcs), and the gold prefix of a step is the best-scoring
// such hypothesis. Updating against one fixed sequence instead would
// punish the beam for finding the right tree another way.
//
// The model learns on its own here; the greedy model it will correct
// joins it only where Parser picks the epoch and the weight of the
// correction on dev, with the two scoring together as they will parse.

// beamHyp is a partial parse during training.
type beamHyp struct {
	c     depparse.Config
	score int64
	acts  []int
	cost  int  // gold arcs lost so far (counted while gold)
	gold  bool // has lost no more than the best possible
}

// beamCand extends hypothesis from by action act.
type beamCand struct {
	from, act int
	score     int64
	cost      int
}

// beamTrainer holds one training beam's scratch space.
type beamTrainer struct {
	width    int
	sent     depparse.Sentence
	cur, nxt []beamHyp
	gold     [1]beamHyp // the best gold prefix; outside the beam once it falls off
	cands    []beamCand
	scores   [][]int32 // per hypothesis; the last is the gold prefix's
	costs    [][]int   // per hypothesis, for gold ones
	feats    []uint32
	best     []int
	maxGold  []int
	maxPred  []int
	replayC  depparse.Config
}

func newBeamTrainer(width, na int) *beamTrainer {
	bt := &beamTrainer{width: width}
	bt.cur, bt.nxt = make([]beamHyp, width), make([]beamHyp, width)
	bt.scores, bt.costs = make([][]int32, width+1), make([][]int, width+1)
	for i := range bt.scores {
		bt.scores[i], bt.costs[i] = make([]int32, na), make([]int, na)
	}
	return bt
}

// trainParserBeam trains a parser for a beam of opt.Beam.
func trainParserBeam(d *parseData, nlabels int, opt ParserOptions, keep func(*perceptron, int)) {
	na := 2*nlabels + 1
	p := newPerceptron(na)
	bt := newBeamTrainer(opt.Beam, na)
	updates := 0
	sentence := func(_, si int) {
		if bt.sentence(p, d, si) {
			updates++
		}
		p.tick()
	}
	report := func(int) string {
		r := fmt.Sprintf(" (beam %d): %.2f%% of training sentences updated", opt.Beam, 100*float64(updates)/float64(max(len(d.forms), 1)))
		updates = 0
		return r
	}
	epochs(len(d.forms), p, rand.New(rand.NewSource(opt.Seed)), opt, keep, sentence, report)
}

// expand scores hypothesis h (slot k of the score buffers) and, when it is
// gold, the cost of each of its actions; it returns whether it scored.
func (bt *beamTrainer) expand(p *perceptron, h *beamHyp, k int, head, label []int) bool {
	if len(h.c.Stack) == 1 {
		return false // a forced shift, never scored
	}
	bt.feats = depparse.Features(bt.feats[:0], &bt.sent, &h.c)
	clear(bt.scores[k])
	p.score(bt.feats, bt.scores[k])
	if h.gold {
		actionCosts(&h.c, head, label, bt.costs[k])
	}
	return true
}

// sentence decodes sentence si with the beam and, when the beam's best
// parse outscores every gold one at some step, updates p at the step of the
// largest violation. It reports whether it updated.
func (bt *beamTrainer) sentence(p *perceptron, d *parseData, si int) bool {
	n := len(d.forms[si])
	bt.sent.Reset(d.forms[si], d.xpos[si], d.upos[si])
	head, label := d.head[si], d.label[si]
	cur := bt.cur[:1]
	cur[0].c.Reset(n)
	cur[0].score, cur[0].acts, cur[0].cost, cur[0].gold = 0, cur[0].acts[:0], 0, true
	g := &bt.gold[0]
	g.c.Reset(n)
	g.score, g.acts, g.cost, g.gold = 0, g.acts[:0], 0, true
	maxViol, maxStep := int64(0), -1
	for !cur[0].c.Terminal() {
		// Every hypothesis takes 2n actions, so all finish together.
		cands := bt.cands[:0]
		goldIn := false
		for i := range cur {
			h := &cur[i]
			goldIn = goldIn || h.gold
			if !bt.expand(p, h, i, head, label) {
				cands = append(cands, beamCand{i, depparse.Shift, h.score, h.cost})
				continue
			}
			bt.best = depparse.TopActions(bt.best[:0], bt.scores[i], h.c.Valid(), bt.width)
			for _, a := range bt.best {
				c := beamCand{i, a, h.score + int64(bt.scores[i][a]), h.cost}
				if h.gold {
					c.cost += bt.costs[i][a]
				}
				cands = append(cands, c)
			}
		}
		// The best gold prefix one action on: the best extension of a
		// gold hypothesis that loses the fewest gold arcs, over the whole
		// beam, or from the gold prefix outside it.
		from, gs := cur, 0
		if !goldIn {
			from, gs = bt.gold[:], bt.width
			bt.expand(p, g, gs, head, label)
		}
		ng := beamCand{from: -1}
		consider := func(c beamCand) {
			if ng.from < 0 || c.cost < ng.cost || c.cost == ng.cost && c.score > ng.score {
				ng = c
			}
		}
		for i := range from {
			h := &from[i]
			switch {
			case !h.gold:
			case len(h.c.Stack) == 1:
				consider(beamCand{i, depparse.Shift, h.score, h.cost})
			default:
				sc := bt.scores[gs+i]
				for a, ca := range bt.costs[gs+i] {
					if ca >= 0 {
						consider(beamCand{i, a, h.score + int64(sc[a]), h.cost + ca})
					}
				}
			}
		}
		bt.cands = cands
		slices.SortFunc(cands, func(a, b beamCand) int {
			return depparse.BeamOrder(a.score, a.from, a.act, b.score, b.from, b.act)
		})
		nxt := bt.nxt[:min(bt.width, len(cands))]
		for j, cd := range cands[:len(nxt)] {
			h := &nxt[j]
			src := &cur[cd.from]
			h.c.CopyFrom(&src.c)
			h.c.Apply(cd.act)
			h.acts = append(append(h.acts[:0], src.acts...), cd.act)
			h.score, h.cost = cd.score, cd.cost
			h.gold = src.gold && cd.cost == ng.cost
		}
		// The new gold prefix.
		src := &from[ng.from]
		if goldIn {
			g.c.CopyFrom(&src.c)
			g.acts = append(g.acts[:0], src.acts...)
		}
		g.c.Apply(ng.act)
		g.acts = append(g.acts, ng.act)
		g.score, g.cost, g.gold = ng.score, ng.cost, true
		bt.cur, bt.nxt = bt.nxt, bt.cur
		cur = nxt
		if !cur[0].gold {
			if v := cur[0].score - g.score; v >= 0 && (maxStep < 0 || v > maxViol) {
				maxViol, maxStep = v, len(g.acts)
				bt.maxGold = append(bt.maxGold[:0], g.acts...)
				bt.maxPred = append(bt.maxPred[:0], cur[0].acts...)
			}
		}
	}
	if maxStep < 0 {
		return false
	}
	k := 0
	for k < maxStep && bt.maxGold[k] == bt.maxPred[k] {
		k++
	}
	bt.replay(p, n, bt.maxGold, k, 1)
	bt.replay(p, n, bt.maxPred, k, -1)
	return true
}

// replay applies acts to a fresh configuration and moves the weight of
// every action from position from on by d, with the features it was
// scored with. Forced shifts are never scored, so they are not updated.
func (bt *beamTrainer) replay(p *perceptron, n int, acts []int, from int, d int32) {
	c := &bt.replayC
	c.Reset(n)
	for i, a := range acts {
		if i >= from && len(c.Stack) > 1 {
			bt.feats = depparse.Features(bt.feats[:0], &bt.sent, c)
			p.addAll(bt.feats, a, d)
		}
		c.Apply(a)
	}
}
