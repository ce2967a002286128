package train

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/linear"
)

// MentionOptions are the settings of mention-recogniser training.
type MentionOptions struct {
	Epochs  int     // passes over the data
	Seed    int64   // shuffling seed
	Prune   float64 // averaged weights smaller than this are dropped
	MinHead int     // a head word's role is kept when the coders gave it this often
	Margin  float64 // how much more the outside tag must score to win (MentionModel.Margin)
	Folds   int     // taggers trained each without a part of the stories (MentionModel.Folds); 0 for none
	Logf    func(format string, args ...any)
}

// DefaultMentionOptions returns the settings the embedded model was
// trained with.
func DefaultMentionOptions() MentionOptions {
	return MentionOptions{Epochs: 5, Seed: 1, Prune: 0.5, MinHead: 3, Margin: 8, Folds: 4, Logf: func(string, ...any) {}}
}

// MentionStory is a silver story as the dictionary reads it: its
// sentences (tagged and parsed) and the mentions found in each.
type MentionStory struct {
	Story    *eval.SilverStory
	Sents    []dyad.Sentence
	Mentions [][]dyad.Mention
}

// mentionSentence is one training sentence: its token features and the
// gold tags.
type mentionSentence struct {
	feats [][]uint32
	upos  []string
	tags  []int
}

// Mentions trains the mention recogniser on the actors the silver coders
// gave the events of stories: every source and target whose words stand
// in a sentence with events marks its tokens, the other tokens of those
// sentences are outside. m supplies the features (the dictionary's
// matcher, without a recogniser).
func Mentions(m *actor.Matcher, stories []MentionStory, opt MentionOptions) (*actor.MentionModel, error) {
	var data []mentionSentence
	var fold []int // the fold each sentence of data is left out of
	roles := map[string]map[string]int{}
	actors := 0
	var seen []uint64
	for _, st := range stories {
		h := actor.TextHash(st.Story.Doc.Text)
		seen = append(seen, h)
		for _, gs := range st.Story.Sentences {
			if len(gs.Events) == 0 {
				continue
			}
			for i := range st.Sents {
				s := &st.Sents[i]
				if s.Span.Start < gs.Span.Start || s.Span.End > gs.Span.End || len(s.Tokens) == 0 {
					continue
				}
				x := mentionSentence{feats: m.MentionFeatures(s, st.Mentions[i]), tags: make([]int, len(s.Tokens))}
				for _, t := range s.Tokens {
					x.upos = append(x.upos, t.UPOS)
				}
				for _, g := range goldSpans(st.Story.Doc.Text, &gs) {
					first, last := -1, -1
					for k, t := range s.Tokens {
						if t.Span.Start < g.span.End && t.Span.End > g.span.Start {
							if first < 0 {
								first = k
							}
							last = k
						}
					}
					if first < 0 {
						continue
					}
					actors++
					if x.tags[first] != actor.TagI { // inside an actor just marked: one actor
						x.tags[first] = actor.TagB
					}
					for k := first + 1; k <= last; k++ {
						x.tags[k] = actor.TagI
					}
					key := actor.HeadKey(s.Tokens, first, last)
					if roles[key] == nil {
						roles[key] = map[string]int{}
					}
					r := g.role
					if r == "" {
						r = "-"
					}
					roles[key][r]++
				}
				data = append(data, x)
				fold = append(fold, int(h%uint64(max(opt.Folds, 1))))
			}
		}
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("train mentions: no sentences with events")
	}
	opt.Logf("mentions: %d sentences with events, %d gold actors on their words", len(data), actors)
	mm := &actor.MentionModel{Tags: trainTagger(data, opt), Margin: opt.Margin}
	if opt.Folds > 1 {
		for f := range opt.Folds {
			var part []mentionSentence
			for i, x := range data {
				if fold[i] != f {
					part = append(part, x)
				}
			}
			opt.Logf("mentions: fold %d of %d: %d sentences", f+1, opt.Folds, len(part))
			mm.Folds = append(mm.Folds, trainTagger(part, opt))
		}
		slices.Sort(seen)
		mm.Seen = slices.Compact(seen)
	}
	for w, c := range roles {
		r, n, all := "", 0, 0
		for role, k := range c {
			all += k
			if k > n || k == n && role < r {
				r, n = role, k
			}
		}
		if n >= opt.MinHead && 2*n > all {
			mm.Roles = append(mm.Roles, w+" "+r)
		}
	}
	slices.Sort(mm.Roles)
	opt.Logf("mentions: %d head words with a role", len(mm.Roles))
	return mm, nil
}

// goldActor is a gold source or target placed in the story text.
type goldActor struct {
	span dyad.Span
	role string
}

// goldSpans places the sources and targets of gs's events in text: on
// the first occurrence of their words in the sentence.
func goldSpans(text string, gs *eval.SilverSentence) []goldActor {
	var out []goldActor
	for _, ev := range gs.Events {
		for _, a := range []*eval.SilverActor{ev.Source, ev.Target} {
			if a == nil || strings.TrimSpace(a.Text) == "" {
				continue
			}
			k := eval.WordIndex(gs.Text, a.Text)
			if k < 0 {
				continue
			}
			start := gs.Span.Start + k
			out = append(out, goldActor{span: dyad.Span{Start: start, End: start + len(a.Text)}, role: strings.ToUpper(a.Role)})
		}
	}
	return out
}

// trainTagger trains the greedy tagger on data, the previous gold tag as
// history, and returns its averaged, pruned weights.
func trainTagger(data []mentionSentence, opt MentionOptions) linear.Weights {
	p := newPerceptron(actor.NumTags)
	var buf []uint32
	scores := make([]int32, actor.NumTags)
	shuffledEpochs(len(data), EventOptions{Epochs: opt.Epochs, Seed: opt.Seed}, func(e int, order []int) {
		right, all := 0, 0
		for _, i := range order {
			x := data[i]
			prev := actor.NumTags
			for k, f := range x.feats {
				buf = actor.WithTag(buf, f, prev, x.upos[k])
				clear(scores)
				p.score(buf, scores)
				best := 0
				for c := 1; c < len(scores); c++ {
					if scores[c] > scores[best] {
						best = c
					}
				}
				if best == x.tags[k] {
					right++
				}
				all++
				p.update(buf, x.tags[k], best, 1)
				p.tick()
				prev = x.tags[k]
			}
		}
		opt.Logf("mentions: epoch %d: %.4f of tokens tagged right", e+1, float64(right)/float64(max(all, 1)))
	})
	w := weights(p.freeze(opt.Prune), actor.NumTags)
	linear.Levels(w.Q, linear.StoredLevels)
	return w
}
