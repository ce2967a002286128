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
	// Dev, when given, holds gold-tagged sentences; from epoch SelectFrom
	// on, each pass is scored on them after every epoch and its best
	// epoch kept, so Epochs is a ceiling (the jackknife folds train all
	// of it).
	Dev []conllu.Sentence
	// Unlabelled holds sentences of raw text (their words). When given, a
	// first pass trained on the treebank tags them, and each word's tags
	// there (AutoMin occurrences or more) become a feature: news words
	// the treebank never saw get a hint from the contexts they did appear in.
	Unlabelled [][]string
	AutoMin    int
	SelectFrom int
	Logf       func(format string, args ...any)
}

// DefaultTaggerOptions returns the settings the embedded model was
// trained with.
func DefaultTaggerOptions() TaggerOptions {
	return TaggerOptions{Epochs: 10, Folds: 4, Seed: 1, Prune: 0.5, SelectFrom: 5, AutoMin: 2, Logf: func(string, ...any) {}}
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
	all := make([]int, len(d.forms))
	for i := range all {
		all[i] = i
	}
	var auto map[string]string
	if len(opt.Unlabelled) > 0 {
		p := trainPass(d, all, amb, nil, nil, len(m.Tags), opt, opt.Seed+200, nil)
		auto = autoClasses(taggerFor(m, p.freeze(opt.Prune), nil), opt.Unlabelled, opt.AutoMin)
		m.Auto = postag.Pairs(auto)
		opt.Logf("tagger: %d words of %d unlabelled sentences have a class", len(auto), len(opt.Unlabelled))
	}

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
		p := trainPass(d, in, amb, auto, nil, len(m.Tags), opt, opt.Seed+int64(k), nil)
		tg := taggerFor(m, p.freeze(opt.Prune), nil)
		st := postag.NewState()
		for _, i := range out {
			first[i] = append([]int(nil), tg.FirstPass(st, d.forms[i])...)
		}
		opt.Logf("tagger: fold %d/%d done", k+1, opt.Folds)
	}
	dev := devTags(opt.Dev)
	m.Pass1 = bestPass(d, all, amb, auto, nil, m, opt, opt.Seed, "first", func(w linear.Weights) (int, int) {
		mm := *m
		mm.Pass1, mm.Pass2 = w, w
		return dev.score(postag.New(&mm), true)
	})
	m.Pass2 = bestPass(d, all, amb, auto, first, m, opt, opt.Seed+100, "second", func(w linear.Weights) (int, int) {
		mm := *m
		mm.Pass2 = w
		return dev.score(postag.New(&mm), false)
	})
	// The stored form: 128 magnitudes a pass (linear.Levels).
	linear.Levels(m.Pass1.Q, linear.StoredLevels)
	linear.Levels(m.Pass2.Q, linear.StoredLevels)
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

// bestPass trains one pass and returns its weights after the last epoch
// or, with a dev set, after the epoch whose weights score best on it
// (UPOS first, then XPOS).
func bestPass(d tagData, idx []int, amb, auto map[string]string, right [][]int, m *postag.Model, opt TaggerOptions, seed int64,
	name string, score func(linear.Weights) (upos, xpos int)) linear.Weights {
	var best linear.Weights
	bu, bx, be := -1, -1, 0
	trainPass(d, idx, amb, auto, right, len(m.Tags), opt, seed, func(p *perceptron, e int) {
		last := e == opt.Epochs
		if len(opt.Dev) == 0 || e < opt.SelectFrom {
			if last {
				best = weights(p.freeze(opt.Prune), len(m.Tags))
			}
			return
		}
		w := weights(p.freeze(opt.Prune), len(m.Tags))
		u, x := score(w)
		opt.Logf("tagger: %s pass, epoch %d: dev UPOS %d XPOS %d right", name, e, u, x)
		if u > bu || u == bu && x > bx {
			best, bu, bx, be = w, u, x, e
		}
	})
	if len(opt.Dev) > 0 {
		opt.Logf("tagger: %s pass: kept epoch %d", name, be)
	}
	return best
}

// devSet is a dev treebank's words and gold tags.
type devSet struct {
	forms      [][]string
	upos, xpos [][]string
}

func devTags(sents []conllu.Sentence) devSet {
	var d devSet
	for i := range sents {
		s := &sents[i]
		u, x := make([]string, len(s.Words)), make([]string, len(s.Words))
		for k, w := range s.Words {
			u[k], x[k] = w.UPOS, w.XPOS
		}
		d.forms = append(d.forms, forms(s))
		d.upos, d.xpos = append(d.upos, u), append(d.xpos, x)
	}
	return d
}

// score returns how many dev words tg tags right, by the first pass only
// or by both.
func (d devSet) score(tg *postag.Tagger, firstOnly bool) (upos, xpos int) {
	st := postag.NewState()
	for i, f := range d.forms {
		var cls []int
		if firstOnly {
			cls = tg.FirstPass(st, f)
		} else {
			cls = tg.TagForms(st, f)
		}
		for k, c := range cls {
			u, x := tg.Tags(c)
			if u == d.upos[i][k] {
				upos++
			}
			if x == d.xpos[i][k] {
				xpos++
			}
		}
	}
	return
}

// trainPass trains one pass on the sentences idx; right, when not nil,
// gives the first-pass tags the second pass sees. after, when not nil, is
// called at the end of every epoch.
func trainPass(d tagData, idx []int, amb, auto map[string]string, right [][]int, classes int, opt TaggerOptions, seed int64, after func(*perceptron, int)) *perceptron {
	p := newPerceptron(classes)
	rng := rand.New(rand.NewSource(seed))
	order := append([]int(nil), idx...)
	var ctx postag.Context
	var feats []uint32
	scores := make([]int32, classes)
	for e := 0; e < opt.Epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			ctx.Reset(d.forms[si], amb, auto)
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
		if after != nil {
			after(p, e+1)
		}
	}
	return p
}

// autoClasses tags the unlabelled sentences with tg's first pass and
// returns, for each word seen at least min times, the classes it took at
// least a fifth of the time, as a sorted list of class numbers.
func autoClasses(tg *postag.Tagger, sents [][]string, min int) map[string]string {
	counts := map[string]map[int]int{}
	st := postag.NewState()
	for _, s := range sents {
		for k, c := range tg.FirstPass(st, s) {
			w := postag.Normalize(s[k])
			if counts[w] == nil {
				counts[w] = map[int]int{}
			}
			counts[w][c]++
		}
	}
	auto := map[string]string{}
	for w, byClass := range counts {
		total := 0
		for _, n := range byClass {
			total += n
		}
		if total < min {
			continue
		}
		var parts []string
		for c, n := range byClass {
			if 5*n >= total {
				parts = append(parts, strconv.Itoa(c))
			}
		}
		sort.Strings(parts)
		auto[w] = strings.Join(parts, ",")
	}
	return auto
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
