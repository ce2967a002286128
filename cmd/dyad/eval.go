package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/eval"
)

// EvalCommand scores dyad against gold data. Its subcommands: parse,
// petrarch, events and confidence.
type EvalCommand struct {
	Env Env
}

// Run runs "dyad eval <what> [flags]".
func (c *EvalCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(c.Env.Stderr, `usage:
	dyad eval parse --gold FILE.conllu [--raw]      tagger and parser against a treebank
	dyad eval petrarch [-v] FILE.xml                PETRARCH validation records
	dyad eval events --gold FILE.xml                events against gold codings
	dyad eval silver [-v] [--json] FILE.jsonl       events against coded real news (the silver set)
	dyad eval actors [-v] [--json] FILE.jsonl       actor mentions against the silver set's sources and targets
	dyad eval confidence [--fit] FILE[:dyad|env]... the calibration of confidence`)
		return dyad.Errorf(dyad.EINVALID, "eval: name what to score (parse, petrarch, events, silver, actors or confidence)")
	}
	switch args[0] {
	case "parse":
		return c.parse(args[1:])
	case "petrarch":
		return c.petrarch(args[1:])
	case "events":
		return c.events(args[1:])
	case "confidence":
		return c.confidence(args[1:])
	case "silver":
		return c.silver(args[1:])
	case "actors":
		return c.actors(args[1:])
	}
	return dyad.Errorf(dyad.EINVALID, "eval: unknown subcommand %q", args[0])
}

// parse runs "dyad eval parse --gold FILE [--raw]".
func (c *EvalCommand) parse(args []string) error {
	fs := flag.NewFlagSet("eval parse", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	gold := fs.String("gold", "", "gold CoNLL-U file")
	raw := fs.Bool("raw", false, "re-tokenise the gold text and report CoNLL 2018 F1 scores")
	var beam beamWidth
	beam.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *gold == "" {
		return dyad.Errorf(dyad.EINVALID, "eval parse: -gold is required")
	}
	sents, err := readConllu(*gold)
	if err != nil {
		return err
	}
	n, err := loadNLP(true, beam)
	if err != nil {
		return err
	}
	var out any
	if *raw {
		g := eval.RawText(sents)
		out = eval.ScoreRaw(sents, g, n.analyze(g.Text))
	} else {
		pred := make([]dyad.Sentence, len(sents))
		for i := range sents {
			pred[i] = goldTokens(&sents[i])
			n.tagger.Tag(&pred[i])
			n.parser.Parse(&pred[i])
		}
		sc, err := eval.ScoreParse(sents, pred)
		if err != nil {
			return err
		}
		out = struct {
			Parser string `json:"parser"`
			eval.ParseScores
		}{n.parser.Mode(), sc}
	}
	enc := json.NewEncoder(c.Env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// goldTokens returns a sentence of the gold words of s, untagged.
func goldTokens(s *conllu.Sentence) dyad.Sentence {
	ds := dyad.Sentence{Tokens: make([]dyad.Token, len(s.Words))}
	for i, w := range s.Words {
		ds.Tokens[i] = dyad.Token{ID: i + 1, Text: w.Form, Head: -1, SpaceAfter: s.SpaceAfter(i)}
	}
	return ds
}
