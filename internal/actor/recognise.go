package actor

import (
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/linear"
)

// MentionModel is the learned mention recogniser in its stored form: a
// tagger's weights over MentionFeatures and the roles the coders gave
// the head words of the actors it learned from.
type MentionModel struct {
	Tags    linear.Weights
	Roles   []string // "head ROLE" lines: "experts -", "gunmen UAF"
	Trained string   // what it was trained on, for the record
	// Margin is how much more (in perceptron updates) the outside tag
	// must score than an actor's tag to win.
	Margin float64
	// Folds are taggers each trained without a part of the training
	// stories, and Seen the TextHash of every training story, ascending:
	// story h was left out of fold h % len(Folds). A story the tagger
	// learned from is read by the fold that did not see it, so that
	// models trained on dyad's reading of those stories (the event
	// extractor) learn from mentions as good as on news never seen, not
	// from a recital of the answers.
	Folds []linear.Weights
	Seen  []uint64
}

// TextHash identifies a story's text for MentionModel.Seen (64-bit FNV-1a).
func TextHash(text string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(text))
	return h.Sum64()
}

// Encode writes mm in dyad's stored model form.
func (mm *MentionModel) Encode(w io.Writer) error { return linear.Encode(w, mm) }

// DecodeMentionModel reads a model Encode wrote.
func DecodeMentionModel(r io.Reader) (*MentionModel, error) { return linear.Decode[MentionModel](r) }

// MentionModelFile is the embedded recogniser's path inside the model
// directory.
const MentionModelFile = "model/mentions.gob.zst"

//go:embed model
var modelFS embed.FS

// ErrNoMentionModel reports that the binary was built without a mention
// model.
var ErrNoMentionModel = errors.New("no mention model embedded: run dyad train mentions")

// Recogniser finds the actors a dictionary misses by a learned tagger:
// descriptions ("legal experts", "the forestry department"), groups and
// names. It is read-only and safe for concurrent use.
type Recogniser struct {
	table *linear.Table
	roles map[string]string // head word → role ("-": the coders gave none)
	// margin is how much more an outside tag must score than an actor's
	// to win: a recogniser that finds more, as the words must still code.
	margin int32
	folds  []*Recogniser // see MentionModel.Folds
	seen   []uint64
}

// NewRecogniser returns the recogniser of model mm.
func NewRecogniser(mm *MentionModel) *Recogniser {
	r := &Recogniser{table: linear.NewTable(&mm.Tags), roles: map[string]string{}, margin: int32(mm.Margin / float64(max(mm.Tags.Scale, 1e-9)))}
	for _, l := range mm.Roles {
		if w, role, ok := strings.Cut(l, " "); ok {
			r.roles[w] = role
		}
	}
	for i := range mm.Folds {
		f := *r
		f.table = linear.NewTable(&mm.Folds[i])
		f.margin = int32(mm.Margin / float64(max(mm.Folds[i].Scale, 1e-9)))
		r.folds = append(r.folds, &f)
	}
	r.seen = mm.Seen
	return r
}

// For returns the recogniser to read the story text with: the fold that
// did not learn from it when it is a training story, else r.
func (r *Recogniser) For(text string) *Recogniser {
	if r == nil || len(r.folds) == 0 || len(r.seen) == 0 {
		return r
	}
	h := TextHash(text)
	if _, ok := slices.BinarySearch(r.seen, h); !ok {
		return r
	}
	return r.folds[h%uint64(len(r.folds))]
}

// DefaultRecogniser returns the recogniser of the embedded model, loading
// it on first use; ErrNoMentionModel when there is none.
func DefaultRecogniser() (*Recogniser, error) { return loadRecogniser() }

var loadRecogniser = sync.OnceValues(func() (*Recogniser, error) {
	f, err := linear.OpenEmbedded(modelFS, MentionModelFile, ErrNoMentionModel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	mm, err := DecodeMentionModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", MentionModelFile, err)
	}
	return NewRecogniser(mm), nil
})

// ForStory returns the matcher to read the story text with: m, or a copy
// whose recogniser is the fold that did not learn from text
// (MentionModel.Folds).
func (m *Matcher) ForStory(text string) *Matcher {
	if r := m.rec.For(text); r != m.rec {
		return m.WithRecogniser(r)
	}
	return m
}

// WithRecogniser returns a copy of m that adds the mentions r finds to
// the dictionary's (nil: none).
func (m *Matcher) WithRecogniser(r *Recogniser) *Matcher {
	c := *m
	c.rec = r
	return &c
}

// Tag returns the tag (TagO, TagB, TagI) of each token, decoded greedily
// left to right from the token features feats.
func (r *Recogniser) Tag(s *dyad.Sentence, feats [][]uint32) []int {
	tags := make([]int, len(feats))
	var scores [NumTags]int32
	var buf []uint32
	prev := tagBefore
	for i, f := range feats {
		buf = WithTag(buf, f, prev, s.Tokens[i].UPOS)
		scores = [NumTags]int32{}
		r.table.Score(buf, scores[:])
		best := TagB
		if scores[TagI] > scores[TagB] {
			best = TagI
		}
		if scores[TagO] >= scores[best]+r.margin {
			best = TagO
		}
		if best == TagI && prev != TagB && prev != TagI {
			best = TagB
		}
		tags[i] = best
		prev = best
	}
	return tags
}

// recognise adds to ms the actors the recogniser tags that no mention
// covers, coded from their own words (a demonym, a head word whose role
// the coders agree on) and marked Unknown, so that coreference may give
// them the story's country. Words that yield no code are left out.
func (m *Matcher) recognise(text string, s *dyad.Sentence, ms []dyad.Mention) []dyad.Mention {
	if m.rec == nil || len(s.Tokens) == 0 {
		return ms
	}
	tags := m.rec.Tag(s, m.MentionFeatures(s, ms))
	covered := make([]bool, len(s.Tokens))
	for _, mn := range ms {
		for k := max(mn.First, 0); k <= mn.Last && k < len(covered); k++ {
			covered[k] = true
		}
	}
	var add []dyad.Mention
	for i := 0; i < len(tags); i++ {
		if tags[i] != TagB {
			continue
		}
		j := i
		for j+1 < len(tags) && tags[j+1] == TagI {
			j++
		}
		free := true
		for k := i; k <= j; k++ {
			free = free && !covered[k]
		}
		if free {
			if mn, ok := m.described(text, s.Tokens, i, j); ok {
				add = append(add, mn)
			}
		}
		i = j
	}
	if len(add) == 0 {
		return ms
	}
	ms = append(ms, add...)
	sortMentions(ms)
	return ms
}

// described codes the actor over tokens [i, j] that the recogniser found:
// its country from a demonym among its words ("Turkish", "Chinese
// rivals"), its role from its head word, a name standing alone a person
// of no known country. ok is false when the words give no code.
func (m *Matcher) described(text string, toks []dyad.Token, i, j int) (dyad.Mention, bool) {
	for i < j && skipWord(toks[i]) {
		i++
	}
	h := headOf(toks, i, j)
	if toks[h].UPOS == "PRON" || toks[h].UPOS == "DET" || toks[h].UPOS == "PUNCT" || toks[h].UPOS == "NUM" {
		return dyad.Mention{}, false
	}
	country := ""
	for k := i; k <= j; k++ {
		for _, e := range m.ix.Actors(toks[k].Text) {
			if e.Form == dict.FormAdjective && e.Actor.Kind == dict.Country {
				country = e.Actor.Country
			}
		}
	}
	role := m.rec.roles[headKey(toks[h])]
	if role == "" {
		role = m.agentSector(strings.ToLower(toks[h].Text))
	}
	words := text[toks[i].Span.Start:toks[j].Span.End]
	a := dyad.Actor{Name: words, Text: words, Span: dyad.Span{Start: toks[i].Span.Start, End: toks[j].Span.End}}
	mn := dyad.Mention{First: i, Last: j, Unknown: true}
	switch {
	case role != "" && role != "-":
		a.Code, a.Sectors = role, []string{role}
		if country != "" {
			a.Code, a.Country = country+role, country
		}
	case country != "":
		a.Code, a.Country = country, country
	case toks[h].UPOS == "PROPN" && role == "":
		mn.Person = true // a name: coreference gives it the story's country
	default:
		return dyad.Mention{}, false
	}
	mn.Actor = a
	return mn, true
}

// headOf returns the token of [i, j] whose head lies outside it, the last
// such when the tree is missing.
func headOf(toks []dyad.Token, i, j int) int {
	for k := i; k <= j; k++ {
		if h := toks[k].Head - 1; toks[k].Head <= 0 || h < i || h > j {
			if toks[k].Head >= 0 {
				return k
			}
		}
	}
	return j
}

// headKey is the key of a head word in the role table: its lemma, or its
// lower-cased words when untagged.
func headKey(t dyad.Token) string {
	if t.Lemma != "" {
		return t.Lemma
	}
	return strings.ToLower(t.Text)
}

// skipWord reports whether t opens an actor's words without naming it: a
// quote mark, a bracket.
func skipWord(t dyad.Token) bool { return t.UPOS == "PUNCT" || quoteOrBracket(t.Text) }

// HeadKey returns the role-table key of the head of the words [i, j] of
// toks, for training.
func HeadKey(toks []dyad.Token, i, j int) string { return headKey(toks[headOf(toks, i, j)]) }
