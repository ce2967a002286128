package train

import (
	"fmt"
	"math/rand"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/linear"
	"github.com/dyad-events/dyad/internal/postag"
)

// TaggerOptions are the settings of tagger training.
type TaggerOptions struct {
	Epochs int     // passes over the data per model
	Folds  int     // jackknife folds for the second pass's input tags
	Seed   int64   // shuffling seed
	Prune  float64 // averaged weights smaller than this are dropped
	Logf   func(format string, args ...any)
}

// DefaultTaggerOptions returns the settings the embedded model was
// trained with.
func DefaultTaggerOptions() TaggerOptions {
	return TaggerOptions{Epochs: 10, Folds: 4, Seed: 1, Prune: 0.5, Logf: func(string, ...any) {}}
}

// tagData is a treebank prepared for tagger training.
type tagData struct {
	forms [][]string
	gold  [][]int
}

// Tagger trains a tagger model on sents.
func Tagger(sents []conllu.Sentence, opt TaggerOptions) (*postag.Model, error) {
	if len(sents) == 0 {
		return nil, fmt.Errorf("train tagger: no sentences")
	}
	m := &postag.Model{}
	classes := map[string]int{}
	var d tagData
	for i := range sents {
		s := &sents[i]
		g := make([]int, len(s.Words))
		for k, w := range s.Words {
			tag := w.UPOS + " " + w.XPOS
			c, ok := classes[tag]
			if !ok {
				c = len(m.Tags)
				classes[tag] = c
				m.Tags = append(m.Tags, tag)
			}
			g[k] = c
		}
		d.forms = append(d.forms, forms(s))
		d.gold = append(d.gold, g)
	}
	if len(m.Tags) > 255 {
		return nil, fmt.Errorf("train tagger: %d tags, at most 255", len(m.Tags))
	}
	amb := ambiguity(d, len(m.Tags))
	lem, rules := lemmas(sents)
	m.Amb, m.Lemmas, m.Rules = postag.Pairs(amb), postag.Pairs(lem), postag.RulePairs(rules)

	// The second pass learns from first-pass tags as they will be at run
	// time: each fold is tagged by a first pass trained without it.
	first := make([][]int, len(d.forms))
	for k := 0; k < opt.Folds; k++ {
		var in, out []int
		for i := range d.forms {
			if i%opt.Folds == k {
				out = append(out, i)
			} else {
				in = append(in, i)
			}
		}
		p := trainPass(d, in, amb, nil, len(m.Tags), opt, opt.Seed+int64(k))
		tg := taggerFor(m, p.freeze(opt.Prune), nil)
		st := postag.NewState()
		for _, i := range out {
			first[i] = append([]int(nil), tg.FirstPass(st, d.forms[i])...)
		}
		opt.Logf("tagger: fold %d/%d done", k+1, opt.Folds)
	}
	all := make([]int, len(d.forms))
	for i := range all {
		all[i] = i
	}
	p1 := trainPass(d, all, amb, nil, len(m.Tags), opt, opt.Seed)
	p2 := trainPass(d, all, amb, first, len(m.Tags), opt, opt.Seed+100)
	m.Pass1 = weights(p1.freeze(opt.Prune), len(m.Tags))
	m.Pass2 = weights(p2.freeze(opt.Prune), len(m.Tags))
	opt.Logf("tagger: %d tags, %d+%d features, %d+%d weights", len(m.Tags),
		len(m.Pass1.Counts), len(m.Pass2.Counts), len(m.Pass1.Q), len(m.Pass2.Q))
	return m, nil
}

// taggerFor returns a tagger whose first pass is fz.
func taggerFor(m *postag.Model, fz frozen, _ []int) *postag.Tagger {
	mm := *m
	mm.Pass1 = weights(fz, len(m.Tags))
	mm.Pass2 = mm.Pass1
	return postag.New(&mm)
}

func weights(fz frozen, classes int) linear.Weights {
	q, scale := linear.Quantize(fz.w)
	return linear.Weights{Classes: classes, Deltas: deltas(fz.keys), Counts: fz.counts, Class: fz.class, Q: q, Scale: scale}
}

// trainPass trains one pass on the sentences idx; right, when not nil,
// gives the first-pass tags the second pass sees.
func trainPass(d tagData, idx []int, amb map[string]string, right [][]int, classes int, opt TaggerOptions, seed int64) *perceptron {
	p := newPerceptron(classes)
	rng := rand.New(rand.NewSource(seed))
	order := append([]int(nil), idx...)
	var ctx postag.Context
	var feats []uint32
	scores := make([]float32, classes)
	for e := 0; e < opt.Epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			ctx.Reset(d.forms[si], amb)
			var r []int
			if right != nil {
				r = right[si]
			}
			tags := make([]int, 0, len(d.forms[si]))
			for i := range d.forms[si] {
				feats = postag.Features(feats[:0], &ctx, i, tags, r)
				clear(scores)
				p.score(feats, scores)
				best := 0
				for c, v := range scores {
					if v > scores[best] {
						best = c
					}
				}
				g := d.gold[si][i]
				if best == g {
					correct++
				} else {
					p.update(feats, g, best, 1)
				}
				total++
				p.tick()
				tags = append(tags, best)
			}
		}
		opt.Logf("tagger: epoch %d: %.2f%% of training words right", e+1, 100*float64(correct)/float64(max(total, 1)))
	}
	return p
}

// ambiguity returns each frequent word's ambiguity class: the tags it
// takes at least 5% of the time, as a sorted list of class numbers. Words
// seen once are left out, so training sees unknown words as tagging will.
func ambiguity(d tagData, classes int) map[string]string {
	counts := map[string][]int{}
	for si, f := range d.forms {
		for i, w := range f {
			k := postag.Normalize(w)
			c := counts[k]
			if c == nil {
				c = make([]int, classes)
				counts[k] = c
			}
			c[d.gold[si][i]]++
		}
	}
	amb := map[string]string{}
	for w, c := range counts {
		total := 0
		for _, n := range c {
			total += n
		}
		if total < 2 {
			continue
		}
		var parts []string
		for cl, n := range c {
			if n > 0 && float64(n) >= 0.05*float64(total) {
				parts = append(parts, strconv.Itoa(cl))
			}
		}
		sort.Strings(parts)
		amb[w] = strings.Join(parts, ",")
	}
	return amb
}
