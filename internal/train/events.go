package train

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/extract"
	"github.com/dyad-events/dyad/internal/linear"
)

// EventOptions are the settings of event-extractor training.
type EventOptions struct {
	Epochs int   // passes over the data per model
	Seed   int64 // shuffling seed of the first model
	// Ensemble is how many models of each kind are trained, on shuffles
	// from Seed, Seed+1, …, and averaged into one: a single perceptron's
	// dev scores swing by ±2 points from shuffle to shuffle.
	Ensemble int
	Prune    float64 // averaged weights smaller than this are dropped
	// PosWeight is the step of a trigger-model update on a missed event
	// (a false one steps 1): events are rare among words, and a missed
	// one costs recall that no threshold wins back.
	PosWeight int
	// SentencePosWeight and ArgPosWeight are the same for the sentence
	// model's missed roots and the argument model's missed sources and
	// targets.
	SentencePosWeight, ArgPosWeight int
	// Margin is how far the trigger model's right class must beat the
	// best wrong one before an instance counts as learned (0: a plain
	// perceptron, updating on mistakes only); ArgMargin the same for
	// the argument model, and SentenceMargin how far from 0 the sentence
	// model's score of each root must lie on the right side.
	Margin, ArgMargin, SentenceMargin int
	// Classes are the word classes the features read, as
	// extract.Model.Classes lists them (none: no class features).
	Classes []string
	Logf    func(format string, args ...any)
}

// DefaultEventOptions returns the settings the embedded model was trained
// with.
func DefaultEventOptions() EventOptions {
	return EventOptions{Epochs: 4, Seed: 1, Ensemble: 10, Prune: 0.5, PosWeight: 2, SentencePosWeight: 5, ArgPosWeight: 1,
		Margin: 50, SentenceMargin: 100, Logf: func(string, ...any) {}}
}

// Analysed is a silver story as dyad reads it: its sentences (tagged and
// parsed), their actor mentions and the dictionary coder's events, each
// sentence ready for the extractor's models.
type Analysed struct {
	Story *eval.SilverStory
	Sents []*extract.Sentence
}

// eventData is the training material drawn from analysed stories.
type eventData struct {
	trig  []instance // one per candidate token
	snt   []multi    // one per sentence
	arg   []instance // one per (gold trigger, mention)
	mod   []instance // one per gold trigger
	codes map[string]map[string]int
	// untargeted and domestic count, per root, the coders' events with
	// no target and those whose target is the source's own country.
	untargeted, domestic map[string]int
	// alignment counts, for the log
	events, triggers, sources, targets int
}

type instance struct {
	feats []uint32
	class int
}

// Events trains the event extractor on analysed silver stories.
func Events(stories []Analysed, opt EventOptions) (*extract.Model, error) {
	cl := extract.NewClasses(opt.Classes)
	for _, a := range stories {
		for _, x := range a.Sents {
			x.UseClasses(cl)
		}
	}
	d := eventInstances(stories)
	if len(d.trig) == 0 {
		return nil, fmt.Errorf("train events: no training sentences")
	}
	opt.Logf("events: %d gold events, %d triggers aligned, %d sources and %d targets found among dyad's mentions",
		d.events, d.triggers, d.sources, d.targets)
	opt.Logf("events: %d trigger, %d argument and %d modality instances", len(d.trig), len(d.arg), len(d.mod))
	m := &extract.Model{Classes: opt.Classes}
	m.Trigger = ensemble(extract.NumRoots, opt, func(o EventOptions) frozen {
		return trainInstances("trigger", d.trig, extract.NumRoots, o.PosWeight, o.Margin, o)
	})
	m.Arg = ensemble(extract.NumArgClasses, opt, func(o EventOptions) frozen {
		return trainInstances("argument", d.arg, extract.NumArgClasses, o.ArgPosWeight, o.ArgMargin, o)
	})
	m.Modality = ensemble(len(extract.Modalities), opt, func(o EventOptions) frozen {
		return trainInstances("modality", d.mod, len(extract.Modalities), 1, 0, o)
	})
	m.Sentence = ensemble(extract.NumRoots, opt, func(o EventOptions) frozen { return trainMulti(d.snt, extract.NumRoots, o) })
	for k, c := range d.codes {
		m.WordCodes = append(m.WordCodes, k+" "+best(c))
	}
	slices.Sort(m.WordCodes)
	for c := 1; c < extract.NumRoots; c++ {
		if r := extract.ClassRoot(c); d.domestic[r] > d.untargeted[r] {
			m.Domestic = append(m.Domestic, r)
		}
	}
	opt.Logf("events: roots coded against the source's own country when no target is named: %v", m.Domestic)
	return m, nil
}

// ensemble trains opt.Ensemble models with train, each on shuffles from
// its own seed, and returns their mean as stored weights.
func ensemble(classes int, opt EventOptions, train func(EventOptions) frozen) linear.Weights {
	n := max(opt.Ensemble, 1)
	fzs := make([]frozen, n)
	for k := range fzs {
		o := opt
		o.Seed = opt.Seed + int64(k)
		fzs[k] = train(o)
	}
	w := weights(meanFrozen(fzs).prune(opt.Prune), classes)
	linear.Levels(w.Q, linear.StoredLevels)
	return w
}

// trainInstances trains an averaged perceptron on xs and returns its
// pruned weights. A missed instance of a class other than 0 (an event,
// a source or target) moves the weights posWeight steps.
func trainInstances(name string, xs []instance, classes int, posWeight, margin int, opt EventOptions) frozen {
	p := newPerceptron(classes)
	scores := make([]int32, classes)
	shuffledEpochs(len(xs), opt, func(e int, order []int) {
		right := 0
		for _, i := range order {
			x := &xs[i]
			clear(scores)
			p.score(x.feats, scores)
			b := 0
			for c := range scores {
				if scores[c] > scores[b] {
					b = c
				}
			}
			step := int32(1)
			if x.class != 0 {
				step = int32(max(posWeight, 1))
			}
			if b == x.class {
				right++
				if margin > 0 {
					o := -1
					for c := range scores {
						if c != b && (o < 0 || scores[c] > scores[o]) {
							o = c
						}
					}
					if scores[b]-scores[o] < int32(margin) {
						p.update(x.feats, x.class, o, step)
					}
				}
			} else {
				p.update(x.feats, x.class, b, step)
			}
			p.tick()
		}
		opt.Logf("events: %s model, epoch %d: %.2f%% of training instances right", name, e+1, 100*float64(right)/float64(max(len(xs), 1)))
	})
	return p.freeze(opt.Prune)
}

// eventInstances aligns the coders' events to dyad's tokens and mentions
// and draws the instances of the three models.
func eventInstances(stories []Analysed) *eventData {
	d := &eventData{codes: map[string]map[string]int{}, untargeted: map[string]int{}, domestic: map[string]int{}}
	for _, a := range stories {
		st := a.Story
		// The gold events of each dyad sentence: those of the silver
		// sentence it starts in.
		for _, x := range a.Sents {
			gi := st.At(x.S.Span.Start)
			var gold []eval.SilverEvent
			var gs *eval.SilverSentence
			if gi >= 0 {
				gs = &st.Sentences[gi]
				gold = gs.Events
			}
			label := map[int]int{}
			type goldAt struct {
				ev *eval.SilverEvent
				t  int
			}
			var aligned []goldAt
			for k := range gold {
				g := &gold[k]
				d.events++
				root := ""
				if len(g.CAMEO) >= 2 {
					root = g.CAMEO[:2]
				}
				c := extract.RootClass(root)
				if c == 0 {
					continue
				}
				switch src := eval.SilverActorKey(g.Source); {
				case g.Target == nil:
					d.untargeted[root]++
				case len(src) == 3 && src != "IGO" && eval.SilverActorKey(g.Target) == src:
					d.domestic[root]++
				}
				t := alignTrigger(x, gs, g.Trigger)
				if t < 0 {
					continue
				}
				d.triggers++
				if label[t] == 0 {
					label[t] = c
				}
				aligned = append(aligned, goldAt{g, t})
				key := x.Lemma(t) + " " + root
				if d.codes[key] == nil {
					d.codes[key] = map[string]int{}
				}
				d.codes[key][g.CAMEO]++
			}
			for _, i := range x.Candidates() {
				d.trig = append(d.trig, instance{x.TriggerFeatures(i, nil), label[i]})
			}
			has := make([]bool, extract.NumRoots)
			for _, g := range gold {
				if len(g.CAMEO) >= 2 {
					has[extract.RootClass(g.CAMEO[:2])] = true
				}
			}
			d.snt = append(d.snt, multi{x.SentenceFeatures(nil), has})
			// Arguments and modality: once per aligned trigger and root.
			seen := map[string]bool{}
			for _, ga := range aligned {
				root := ga.ev.CAMEO[:2]
				k := fmt.Sprint(ga.t, root)
				if seen[k] {
					continue
				}
				seen[k] = true
				srcs, tgts := map[int]bool{}, map[int]bool{}
				for _, o := range aligned {
					if o.t != ga.t || o.ev.CAMEO[:2] != root {
						continue
					}
					for _, m := range alignActor(x, gs, o.ev.Source) {
						srcs[m] = true
					}
					for _, m := range alignActor(x, gs, o.ev.Target) {
						if !srcs[m] {
							tgts[m] = true
						}
					}
				}
				d.sources += len(srcs)
				d.targets += len(tgts)
				for m := range x.Mentions {
					c := extract.ArgNone
					switch {
					case srcs[m]:
						c = extract.ArgSource
					case tgts[m]:
						c = extract.ArgTarget
					}
					d.arg = append(d.arg, instance{x.ArgFeatures(ga.t, m, root, nil), c})
				}
				mc := 0
				for i, md := range extract.Modalities {
					if string(md) == ga.ev.Modality {
						mc = i
					}
				}
				d.mod = append(d.mod, instance{x.ModalityFeatures(ga.t, root, nil), mc})
			}
		}
	}
	return d
}

// find returns the byte offset in the document of words within silver
// sentence gs (case folded), or -1.
func find(gs *eval.SilverSentence, words string) int {
	words = strings.TrimSpace(words)
	if words == "" || gs == nil {
		return -1
	}
	i := strings.Index(strings.ToLower(gs.Text), strings.ToLower(words))
	if i < 0 {
		return -1
	}
	return gs.Span.Start + i
}

// tokensIn returns the tokens of x within bytes [start, end).
func tokensIn(x *extract.Sentence, start, end int) []int {
	var out []int
	for i, t := range x.S.Tokens {
		if t.Span.Start < end && t.Span.End > start {
			out = append(out, i)
		}
	}
	return out
}

// alignTrigger returns the token of x that carries the coders' trigger:
// among the candidate tokens the trigger's words cover, the one whose
// head lies outside them, else the first; -1 when none. A trigger not
// found whole ("killed ... rebels") is looked for by its first word, then
// its last.
func alignTrigger(x *extract.Sentence, gs *eval.SilverSentence, trigger string) int {
	tries := []string{trigger}
	if ws := strings.Fields(strings.ReplaceAll(trigger, "...", " ")); len(ws) > 1 {
		tries = append(tries, ws[0], ws[len(ws)-1])
	}
	cand := map[int]bool{}
	for _, i := range x.Candidates() {
		cand[i] = true
	}
	for _, w := range tries {
		b := find(gs, w)
		if b < 0 {
			continue
		}
		toks := tokensIn(x, b, b+len(w))
		first := -1
		for _, i := range toks {
			if !cand[i] {
				continue
			}
			if first < 0 {
				first = i
			}
			if h := x.S.Tokens[i].Head - 1; h < toks[0] || h > toks[len(toks)-1] {
				return i
			}
		}
		if first >= 0 {
			return first
		}
	}
	return -1
}

// alignActor returns the mentions of x that stand for the coders' actor:
// those over its words with its country, else any over its words.
func alignActor(x *extract.Sentence, gs *eval.SilverSentence, a *eval.SilverActor) []int {
	if a == nil {
		return nil
	}
	b := find(gs, a.Text)
	if b < 0 {
		return nil
	}
	end := b + len(strings.TrimSpace(a.Text))
	key := eval.SilverActorKey(a)
	var over, keyed []int
	for k, m := range x.Mentions {
		if m.Span.Start < end && m.Span.End > b {
			over = append(over, k)
			if eval.DyadActorKey(m.Actor) == key {
				keyed = append(keyed, k)
			}
		}
	}
	if len(keyed) > 0 {
		return keyed
	}
	return over
}

// multi is an instance with a yes or no for every class.
type multi struct {
	feats []uint32
	has   []bool
}

// trainMulti trains a multi-label averaged perceptron: one linear score
// per class, positive for yes, learned together over shared feature rows
// (class 0 unused), so one pass over the features scores every class.
func trainMulti(xs []multi, classes int, opt EventOptions) frozen {
	p := newPerceptron(classes)
	scores := make([]int32, classes)
	shuffledEpochs(len(xs), opt, func(e int, order []int) {
		right, total := 0, 0
		for _, i := range order {
			x := &xs[i]
			clear(scores)
			p.score(x.feats, scores)
			for c := 1; c < classes; c++ {
				total++
				switch {
				case x.has[c] && scores[c] <= int32(opt.SentenceMargin):
					p.addAll(x.feats, c, int32(max(opt.SentencePosWeight, 1)))
				case !x.has[c] && scores[c] > -int32(opt.SentenceMargin):
					p.addAll(x.feats, c, -1)
				default:
					right++
				}
			}
			p.tick()
		}
		opt.Logf("events: sentence model, epoch %d: %.2f%% of (sentence, root) decisions right", e+1, 100*float64(right)/float64(max(total, 1)))
	})
	return p.freeze(opt.Prune)
}

// shuffledEpochs calls pass once an epoch (from 0) with the indexes of n
// instances in an order shuffled anew each epoch from opt.Seed.
func shuffledEpochs(n int, opt EventOptions, pass func(e int, order []int)) {
	rng := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	for e := 0; e < opt.Epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		pass(e, order)
	}
}
