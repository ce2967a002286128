package pipeline

import (
	"context"
	"errors"
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/coref"
	"github.com/dyad-events/dyad/internal/depparse"
	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/extract"
	"github.com/dyad-events/dyad/internal/noise"
	"github.com/dyad-events/dyad/internal/places"
	"github.com/dyad-events/dyad/internal/postag"
	"github.com/dyad-events/dyad/internal/quotes"
	"github.com/dyad-events/dyad/internal/segment"
	"github.com/dyad-events/dyad/internal/tokenize"
)

// DefaultMaxTokens bounds the sentences that are tagged, parsed and coded;
// longer ones are skipped with a note (scraped tables, lists).
const DefaultMaxTokens = 250

// Tagger fills UPOS, XPOS and Lemma of a sentence's tokens.
type Tagger interface{ Tag(s *dyad.Sentence) }

// Parser fills Head and Rel of a tagged sentence's tokens.
type Parser interface{ Parse(s *dyad.Sentence) }

// Options configure a Pipeline.
type Options struct {
	Dict   *dict.Dictionary // nil: dyad's embedded defaults
	Tagger Tagger           // nil: the embedded model, when there is one
	Parser Parser           // nil: the embedded model, when there is one
	// WordOrder skips tagging and parsing: the coder guesses lemmas and
	// works on word order alone (faster, less accurate).
	WordOrder bool
	// Bare skips document understanding (discards, coreference, quotes,
	// event dates and places): events keep the publication date. It
	// exists to measure what understanding costs.
	Bare      bool
	Coder     coder.Options
	MaxTokens int // longer sentences are skipped with a note
	// Rules codes with the dictionaries alone, as PETRARCH-style coders
	// do: no learned event extractor.
	Rules bool
	// Extractor is the learned event extractor; nil: the embedded model,
	// when there is one and Rules is off.
	Extractor *extract.Extractor
	// Recognise adds the actors the learned mention recogniser finds
	// beyond the dictionaries ("gunmen", "Iraqi Kurds", "legal experts"):
	// Mentions, or the embedded model when nil, on parsed sentences. It is
	// off by default: it finds more of the coders' actors, but the event
	// extractor codes fewer events right with them (docs/EVENTS.md).
	Recognise bool
	Mentions  *actor.Recogniser
}

// DefaultOptions returns the options dyad runs with, without models; the
// caller adds the Tagger and Parser it has.
func DefaultOptions() Options {
	return Options{Coder: coder.DefaultOptions(), MaxTokens: DefaultMaxTokens}
}

// Pipeline codes documents. It is safe for concurrent use.
type Pipeline struct {
	opts     Options
	actors   *actor.Matcher
	coder    *coder.Coder
	places   *places.Gazetteer
	discards *dict.Discarder    // the dictionary's discard phrases; nil for none
	extract  *extract.Extractor // nil: the dictionary coder's events stand
	Patterns int                // verb and noun patterns loaded
}

// New loads what opts name and returns a ready Pipeline.
func New(opts Options) (*Pipeline, error) {
	d := opts.Dict
	if d == nil {
		var err error
		if d, err = dict.Default(); err != nil {
			return nil, err
		}
	}
	if opts.MaxTokens <= 0 {
		opts.MaxTokens = DefaultMaxTokens
	}
	c, err := coder.New(d, opts.Coder)
	if err != nil {
		return nil, err
	}
	if err := loadModels(&opts); err != nil {
		return nil, err
	}
	g, err := places.Default()
	if err != nil {
		return nil, err
	}
	x := opts.Extractor
	if x == nil && !opts.Rules && opts.Parser != nil {
		switch x, err = extract.Default(); {
		case errors.Is(err, extract.ErrNoModel):
		case err != nil:
			return nil, err
		}
	}
	if opts.Rules {
		x = nil
	}
	rec, err := mentionModel(opts)
	if err != nil {
		return nil, err
	}
	return &Pipeline{opts: opts, actors: actor.New(d).WithRecogniser(rec), coder: c, places: g, discards: dict.NewDiscarder(d.Discards),
		extract: x, Patterns: c.Patterns()}, nil
}

// Result is what the pipeline found in one document.
type Result struct {
	Doc       *dyad.Document
	Sentences []dyad.Sentence
	Actors    [][]dyad.Mention // per sentence
	Events    []dyad.Event
	Quotes    []dyad.Quote // direct and indirect quotations with speakers
	Notes     []string     // sentences skipped and why
}

// Analyse runs the stages before event coding over doc and returns each
// coded sentence as the event extractor reads it, with the dictionary
// coder's events: the material "dyad train events" learns from.
func (p *Pipeline) Analyse(doc *dyad.Document) []*extract.Sentence {
	var out []*extract.Sentence
	p.code(context.Background(), doc, coding{keep: func(x *extract.Sentence) { out = append(out, x) }})
	return out
}

// coding is what a caller asks of one document's coding besides its
// events.
type coding struct {
	// keep, when given, receives each sentence as the extractor reads it,
	// and the rules' events are kept.
	keep func(*extract.Sentence)
	// lean drops, a part at a time, what storing does not need: tokens,
	// actor mentions and quotations (the events keep theirs).
	lean bool
}

// storyNote says why doc is not coded at all, or is "". It reads the
// whole story, so it runs once per story, not once per part.
func (p *Pipeline) storyNote(doc *dyad.Document) string {
	if !p.opts.Bare && noise.Sports(doc.Title+"\n"+doc.Text) {
		return "sports or entertainment story: not coded"
	}
	if d, ok := p.discards.MatchStory(doc.Title + "\n" + doc.Text); ok {
		return fmt.Sprintf("story discarded by %q (%s): not coded", d.Phrase, d.Pos)
	}
	return ""
}

// codeSentences runs every stage over doc's sentences sents, checking ctx
// before each sentence (context.go), unless note (storyNote's) says the
// story is not coded.
func (p *Pipeline) codeSentences(ctx context.Context, doc *dyad.Document, sents []dyad.Sentence, note string, keep func(*extract.Sentence)) (*Result, error) {
	r := &Result{Doc: doc}
	r.Sentences = sents
	r.Actors = make([][]dyad.Mention, len(r.Sentences))
	skip := make([]bool, len(r.Sentences))
	actors := p.actors.ForStory(doc.Text) // a story the recogniser learned from is read by a fold that did not
	if note != "" {
		r.Notes = append(r.Notes, note)
		return r, nil
	}
	for i := range r.Sentences {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		s := &r.Sentences[i]
		if !p.opts.Bare && noise.Boilerplate(s.Text) {
			r.Notes = append(r.Notes, fmt.Sprintf("sentence %d: caption, byline or page furniture: skipped", s.Index))
			skip[i] = true
			continue
		}
		if d, ok := p.discards.MatchSentence(s.Text); ok {
			r.Notes = append(r.Notes, fmt.Sprintf("sentence %d: discarded by %q (%s)", s.Index, d.Phrase, d.Pos))
			skip[i] = true
			continue
		}
		if n := len(s.Tokens); n > p.opts.MaxTokens {
			r.Notes = append(r.Notes, fmt.Sprintf("sentence %d: %d tokens, over the limit of %d: skipped", s.Index, n, p.opts.MaxTokens))
			skip[i] = true
			continue
		}
		if p.opts.Tagger != nil {
			p.opts.Tagger.Tag(s)
		}
		if p.opts.Parser != nil {
			p.opts.Parser.Parse(s)
		}
		r.Actors[i] = actors.Find(doc.Text, s, doc.Date)
	}
	var where *storyPlaces
	if !p.opts.Bare {
		actors.Repair(doc.Text, r.Sentences, r.Actors, doc.Date)
		coref.ResolveIn(doc.Text, r.Sentences, r.Actors, p.placeCountry(doc, r.Actors))
		r.Quotes = quotes.Find(doc.Text, r.Sentences, r.Actors)
		coref.Speakers(doc.Text, r.Sentences, r.Actors, r.Quotes)
		where = p.newStoryPlaces(doc, r.Actors)
	}
	for i := range r.Sentences {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		if skip[i] {
			continue
		}
		s := &r.Sentences[i]
		evs := p.coder.Code(doc, s, r.Actors[i])
		if p.extract != nil || keep != nil {
			x := extract.NewSentence(s, r.Actors[i], evs, p.coder)
			if keep != nil {
				keep(x)
			} else {
				evs = p.extract.Code(doc, x)
				for k := range evs {
					evs[k].ID = fmt.Sprintf("%s:%d:%d", doc.ID, s.Index, k)
				}
			}
		}
		for k := range evs {
			if where != nil {
				p.understand(doc, s, r.Quotes, &evs[k])
				where.locate(s, &evs[k])
			}
		}
		r.Events = append(r.Events, evs...)
	}
	r.Events = append(p.headline(doc, r.Events, r.Actors), markRepairs(r.Events)...)
	return r, nil
}

// loadModels fills in the embedded tagger and parser that opts leaves nil.
// A binary built without a model codes on word order, as WordOrder does.
// mentionModel returns the recogniser opts ask for: theirs, the embedded
// one, or nil. Rules does not turn it off: the event extractor learns
// from sentences read with the rules' events and these mentions.
func mentionModel(opts Options) (*actor.Recogniser, error) {
	switch {
	case !opts.Recognise || opts.Parser == nil:
		return nil, nil
	case opts.Mentions != nil:
		return opts.Mentions, nil
	}
	r, err := actor.DefaultRecogniser()
	if errors.Is(err, actor.ErrNoMentionModel) {
		return nil, nil
	}
	return r, err
}

func loadModels(opts *Options) error {
	if opts.WordOrder {
		opts.Tagger, opts.Parser = nil, nil
		return nil
	}
	if opts.Tagger == nil {
		t, err := postag.Default()
		switch {
		case errors.Is(err, postag.ErrNoModel):
		case err != nil:
			return err
		default:
			opts.Tagger = t
		}
	}
	if opts.Parser == nil && opts.Tagger != nil {
		p, err := depparse.Default()
		switch {
		case errors.Is(err, depparse.ErrNoModel):
		case err != nil:
			return err
		default:
			opts.Parser = p
		}
	}
	return nil
}

// Mentions reads doc's sentences (segmented, tagged and parsed) and the
// actor mentions the dictionary and name shapes find in each, without the
// learned recogniser or coreference: the material "dyad train mentions"
// learns from. Sentences the pipeline would skip are left with none.
func (p *Pipeline) Mentions(doc *dyad.Document) ([]dyad.Sentence, [][]dyad.Mention) {
	sents := segment.Sentences(doc.Text, tokenize.Text(doc.Text))
	ms := make([][]dyad.Mention, len(sents))
	rules := p.RuleMatcher()
	for i := range sents {
		s := &sents[i]
		if noise.Boilerplate(s.Text) || len(s.Tokens) > p.opts.MaxTokens {
			continue
		}
		if p.opts.Tagger != nil {
			p.opts.Tagger.Tag(s)
		}
		if p.opts.Parser != nil {
			p.opts.Parser.Parse(s)
		}
		ms[i] = rules.Find(doc.Text, s, doc.Date)
	}
	return sents, ms
}

// RuleMatcher returns the pipeline's actor matcher without the learned
// recogniser: the dictionary and the name shapes alone.
func (p *Pipeline) RuleMatcher() *actor.Matcher { return p.actors.WithRecogniser(nil) }
