package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync"

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

// New loads what opts name and returns a ready Pipeline. The models, the
// gazetteer and the dictionaries do not depend on each other, and loading
// them is most of a command's start-up: they load at once, one goroutine
// each, so that start-up takes the longest of them (the parser's) rather
// than their sum wherever a second core is free.
func New(opts Options) (*Pipeline, error) {
	if opts.MaxTokens <= 0 {
		opts.MaxTokens = DefaultMaxTokens
	}
	d := opts.Dict
	var (
		c     *coder.Coder
		am    *actor.Matcher
		g     *places.Gazetteer
		x     = opts.Extractor
		xErr  error
		rec   *actor.Recogniser
		recOK = opts.Recognise && opts.Mentions == nil && !opts.WordOrder
	)
	// The extractor and the recogniser need the parser: they load beside
	// it, and are dropped below if there turns out to be none (a binary
	// built without models).
	wantX := x == nil && !opts.Rules && !opts.WordOrder
	errs := parallel(
		func() (err error) {
			if d == nil {
				if d, err = dict.Default(); err != nil {
					return err
				}
			}
			// The coder's patterns and the actor matcher's index are
			// apart too (and large for big dictionaries).
			errs := parallel(
				func() (err error) { c, err = coder.New(d, opts.Coder); return err },
				func() error { am = actor.New(d); return nil },
			)
			return errs[0]
		},
		func() error { return loadModels(&opts) },
		func() (err error) { g, err = places.Default(); return err },
		func() error {
			if wantX {
				x, xErr = extract.Default()
			}
			return nil
		},
		func() (err error) {
			if recOK {
				rec, err = actor.DefaultRecogniser()
			}
			return err
		},
	)
	for _, err := range errs[:3] { // in the order a sequential load met them
		if err != nil {
			return nil, err
		}
	}
	if wantX {
		switch {
		case opts.Parser == nil:
			x = nil
		case errors.Is(xErr, extract.ErrNoModel):
			x = nil
		case xErr != nil:
			return nil, xErr
		}
	}
	if opts.Rules {
		x = nil
	}
	switch err := errs[4]; {
	case !opts.Recognise || opts.Parser == nil:
		rec = nil
	case opts.Mentions != nil:
		rec = opts.Mentions
	case errors.Is(err, actor.ErrNoMentionModel):
		rec = nil
	case err != nil:
		return nil, err
	}
	return &Pipeline{opts: opts, actors: am.WithRecogniser(rec), coder: c, places: g, discards: dict.NewDiscarder(d.Discards),
		extract: x, Patterns: c.Patterns()}, nil
}

// Preload starts decoding, in the background, the embedded models and
// gazetteer that New(opts) will use, and returns at once: a caller that
// has slow work of its own before New (reading large dictionaries) gets
// them loaded on another core meanwhile. New waits for what is still
// loading; errors are New's to report.
func Preload(opts Options) {
	if opts.WordOrder {
		go places.Default()
		return
	}
	load := []func(){func() { places.Default() }}
	if opts.Tagger == nil {
		load = append(load, func() { postag.Default() })
	}
	if opts.Parser == nil {
		load = append(load, func() { depparse.Default() })
	}
	if opts.Extractor == nil && !opts.Rules {
		load = append(load, func() { extract.Default() })
	}
	if opts.Recognise && opts.Mentions == nil {
		load = append(load, func() { actor.DefaultRecogniser() })
	}
	for _, f := range load {
		go f()
	}
}

// parallel runs each fn on a goroutine of its own and returns their
// errors, in the order of fns, when all have returned.
func parallel(fns ...func() error) []error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	wg.Add(len(fns))
	for i, fn := range fns {
		go func() {
			defer wg.Done()
			errs[i] = fn()
		}()
	}
	wg.Wait()
	return errs
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
	// The dictionary coder's events of every sentence first: the
	// extractor reads each sentence with what the rest of the story
	// reports (extract.InStory).
	rules := make([][]dyad.Event, len(r.Sentences))
	xs := make([]*extract.Sentence, len(r.Sentences))
	for i := range r.Sentences {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		if skip[i] {
			continue
		}
		rules[i] = p.coder.Code(doc, &r.Sentences[i], r.Actors[i])
		if p.extract != nil || keep != nil {
			xs[i] = extract.NewSentence(&r.Sentences[i], r.Actors[i], rules[i], p.coder)
		}
	}
	extract.InStory(xs, coref.Focus(r.Actors))
	var day storyDay
	for i := range r.Sentences {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		if skip[i] {
			continue
		}
		s := &r.Sentences[i]
		evs := rules[i]
		if x := xs[i]; x != nil {
			if keep != nil {
				keep(x)
			} else {
				evs = p.extract.Code(doc, x)
				for k := range evs {
					evs[k].ID = fmt.Sprintf("%s:%d:%d", doc.ID, s.Index, k)
				}
			}
		}
		if where != nil {
			for k := range evs {
				p.understand(doc, s, r.Quotes, &evs[k])
			}
			day.dates(doc, s, evs)
			for k := range evs {
				where.locate(s, &evs[k])
			}
			day.learn(doc, evs)
		}
		r.Events = append(r.Events, evs...)
	}
	r.Events = append(p.headline(doc, r.Events, r.Actors), markRepairs(r.Events)...)
	return r, nil
}

// loadModels fills in the embedded tagger and parser that opts leaves nil,
// decoding the two at once. A binary built without a tagger model codes
// on word order, as WordOrder does.
func loadModels(opts *Options) error {
	if opts.WordOrder {
		opts.Tagger, opts.Parser = nil, nil
		return nil
	}
	var (
		p    *depparse.Parser
		pErr error
	)
	parse := opts.Parser == nil
	errs := parallel(
		func() error {
			if parse {
				p, pErr = depparse.Default()
			}
			return nil
		},
		func() error {
			if opts.Tagger != nil {
				return nil
			}
			t, err := postag.Default()
			switch {
			case errors.Is(err, postag.ErrNoModel):
			case err != nil:
				return err
			default:
				opts.Tagger = t
			}
			return nil
		},
	)
	if errs[1] != nil {
		return errs[1]
	}
	if parse && opts.Tagger != nil {
		switch {
		case errors.Is(pErr, depparse.ErrNoModel):
		case pErr != nil:
			return pErr
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
