package eval

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/depparse"
	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/postag"
)

// RecordCoder codes one record.
type RecordCoder func(r *Record) Coded

// Coded is what a RecordCoder found in a record.
type Coded struct {
	Got    []Coding // the events, as a set
	Actors []string // codes of the actors found, compound actors' members included
	Trace  []string // lines that explain the events (actors, rules), when asked for
}

// ScorePetrarch codes every record with code and scores it. A panic while
// coding a record counts as an exception for that record and the run goes
// on.
func ScorePetrarch(recs []Record, code RecordCoder) *PetrarchReport {
	rep := &PetrarchReport{ByCategory: map[string]*Tally{}, Causes: map[string]int{}}
	for i := range recs {
		r := &recs[i]
		c, perr := codeRecord(code, r)
		outcome := Outcome(r, c.Got)
		if perr != "" {
			outcome = Exception
		}
		rep.add(r.Category, outcome)
		if nonCAMEO(r) {
			rep.NonCAMEO++
		}
		if outcome != Exact {
			cause := Cause(r, outcome, c)
			rep.Causes[cause]++
			rep.Failures = append(rep.Failures, Failure{ID: r.ID, Category: r.Category, Outcome: outcome, Cause: cause,
				Text: r.Text, Want: r.Expect, Got: c.Got, Expect: expectation(r), Err: perr, Trace: c.Trace})
		}
	}
	return rep
}

func (rep *PetrarchReport) add(cat, outcome string) {
	rep.Tally.add(outcome)
	t := rep.ByCategory[cat]
	if t == nil {
		t = &Tally{}
		rep.ByCategory[cat] = t
	}
	t.add(outcome)
}

// codeRecord calls code, turning a panic into a message.
func codeRecord(code RecordCoder, r *Record) (c Coded, perr string) {
	defer func() {
		if v := recover(); v != nil {
			stack := strings.Split(string(debug.Stack()), "\n")
			if len(stack) > 12 {
				stack = stack[:12]
			}
			c, perr = Coded{Trace: stack}, fmt.Sprint(v)
		}
	}()
	return code(r), ""
}

// PetrarchOptions configure NewPetrarchCoder.
type PetrarchOptions struct {
	// GoldParse codes each record's own CoNLL-U <Parse> tree (the UD
	// variants of the files) in place of dyad's parser, to tell parser
	// errors from coder errors. dyad's tagger still gives tags and lemmas.
	GoldParse bool
	GoldTags  bool // with GoldParse, take the parse's tags and lemmas too
	WordOrder bool // code on word order, with no tagger or parser
	Trace     bool // explain each record: actors found, rules fired (for failure lists)
	Beam      int  // above 1, dyad's parser keeps this many partial parses (the accurate mode)
	// Model codes with the learned event extractor too. Records test the
	// dictionaries they ship with, so by default the dictionaries alone
	// code them (pipeline.Options.Rules).
	Model bool
}

// NewPetrarchCoder returns a RecordCoder that runs dyad's pipeline with the
// dictionaries of env; the pipeline drops what the environment's discards
// match, as PETRARCH does. The coder is not safe for concurrent use.
func NewPetrarchCoder(env *EnvDict, opts PetrarchOptions) (RecordCoder, error) {
	return NewCoder(env.Dict, opts)
}

// NewCoder returns a RecordCoder that runs dyad's pipeline with d (nil:
// dyad's defaults), which applies d's discards. The coder is not safe for
// concurrent use.
func NewCoder(d *dict.Dictionary, opts PetrarchOptions) (RecordCoder, error) {
	popts := pipeline.DefaultOptions()
	popts.Dict, popts.WordOrder, popts.Rules = d, opts.WordOrder, !opts.Model
	popts.Coder.OwnCodes = true // validation verbs use codes beyond CAMEO
	var gold *goldParser
	if opts.GoldParse {
		gold = &goldParser{}
		if t, err := postag.Default(); err == nil && !opts.GoldTags {
			gold.tagger = t
		}
		popts.Tagger, popts.Parser = gold, gold
	}
	if opts.Beam > 1 && !opts.GoldParse && !opts.WordOrder {
		ps, err := depparse.ForBeam(opts.Beam)
		if err != nil {
			return nil, fmt.Errorf("parser: %w", err)
		}
		popts.Parser = ps
	}
	p, err := pipeline.New(popts)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	return func(r *Record) Coded {
		if gold != nil {
			if err := gold.set(r.Text, r.Parse); err != nil {
				return Coded{Trace: []string{"gold parse: " + err.Error()}}
			}
		}
		doc := &dyad.Document{ID: r.ID, Text: r.Text, Date: r.Date}
		res := p.Code(doc)
		c := Coded{Got: Codings(res.Events), Actors: actorCodes(res)}
		if opts.Trace {
			c.Trace = trace(res)
		}
		return c
	}, nil
}

// actorCodes returns the codes of the actors res found, as PETRARCH writes
// them, members of compound actors included.
func actorCodes(res *pipeline.Result) []string {
	var out []string
	for _, ms := range res.Actors {
		for _, m := range ms {
			out = append(out, actorCode(m.Actor))
			for _, a := range m.Members {
				out = append(out, actorCode(a))
			}
		}
	}
	return out
}

// trace describes what the pipeline found: actors and events with rules.
func trace(res *pipeline.Result) []string {
	var out []string
	for i, ms := range res.Actors {
		if len(ms) == 0 {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "actors[%d]:", i)
		for _, m := range ms {
			code := m.Code
			if code == "" {
				code = "-"
			}
			fmt.Fprintf(&b, " %q=%s", m.Text, code)
		}
		out = append(out, b.String())
	}
	for _, e := range res.Events {
		out = append(out, fmt.Sprintf("event: %s %s %s (%s)", actorCode(e.Source), actorCode(e.Target), e.CAMEO.Code, e.Evidence.Rule))
	}
	return append(out, res.Notes...)
}

// Analysis names what a coder built with opts reads sentences with: the
// records' trees, dyad's tagger and parser, or word order (asked for, or
// because the binary has no parser model).
func Analysis(opts PetrarchOptions) string {
	_, terr := postag.Default()
	_, perr := depparse.Default()
	switch {
	case opts.GoldParse && terr == nil && !opts.GoldTags:
		return "gold trees, dyad tags"
	case opts.GoldParse:
		return "gold trees and tags"
	case opts.WordOrder:
		return "word order"
	case terr != nil:
		return "word order (no tagger model)"
	case perr != nil:
		return "dyad tags, word order (no parser model)"
	}
	return "dyad tags and trees"
}
