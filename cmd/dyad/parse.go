package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/depparse"
	"github.com/dyad-events/dyad/internal/postag"
	"github.com/dyad-events/dyad/internal/segment"
	"github.com/dyad-events/dyad/internal/tokenize"
)

// ParseCommand writes the sentences of plain-text files as CoNLL-U.
type ParseCommand struct {
	Env Env
}

// nlp is the NLP front end: tokenizer, splitter, tagger and parser.
type nlp struct {
	tagger *postag.Tagger
	parser *depparse.Parser
}

// loadNLP loads the embedded models; beam > 1 parses with a beam of that
// width (docs/NLP.md, "accurate mode").
func loadNLP(parse bool, beam beamWidth) (*nlp, error) {
	t, err := postag.Default()
	if err != nil {
		return nil, err
	}
	n := &nlp{tagger: t}
	if parse {
		if n.parser, err = depparse.ForBeam(beam.width()); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// beamWidth is the --beam flag, the parser's beam width; the zero value
// is 1, greedy parsing. Widths below 1 are refused when the flag is parsed.
type beamWidth int

func (b *beamWidth) String() string { return strconv.Itoa(b.width()) }

func (b *beamWidth) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return err
	}
	if n < 1 {
		return fmt.Errorf("--beam %d keeps no parse; want 1 or more", n)
	}
	*b = beamWidth(n)
	return nil
}

func (b *beamWidth) width() int {
	if b == nil {
		return 1
	}
	return max(int(*b), 1)
}

// register adds --beam to fs.
func (b *beamWidth) register(fs *flag.FlagSet) {
	fs.Var(b, "beam", "parse with a beam of `N` partial parses (1: greedy, the fast default; 8: the accurate mode, about ten times slower and 1.6 UAS better on EWT)")
}

// analyze splits text into sentences and tags and parses each.
func (n *nlp) analyze(text string) []dyad.Sentence {
	ss := segment.Sentences(text, tokenize.Text(text))
	for i := range ss {
		n.tagger.Tag(&ss[i])
		if n.parser != nil {
			n.parser.Parse(&ss[i])
		}
	}
	return ss
}

// Run runs "dyad parse [-tags-only] [FILE...]".
func (c *ParseCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	tagsOnly := fs.Bool("tags-only", false, "tag without parsing")
	var beam beamWidth
	beam.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: dyad parse [-tags-only] [-beam N] [FILE...]\n\nParse plain-text files (stdin when none are given) and write CoNLL-U.")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	n, err := loadNLP(!*tagsOnly, beam)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(c.Env.Stdout)
	defer w.Flush()
	if fs.NArg() == 0 {
		b, err := io.ReadAll(c.Env.Stdin)
		if err != nil {
			return fmt.Errorf("read stdin: %w", err)
		}
		return c.write(w, "stdin", string(b), n)
	}
	for _, name := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "%v", err)
		}
		if err := c.write(w, filepath.Base(name), string(b), n); err != nil {
			return err
		}
	}
	return nil
}

func (c *ParseCommand) write(w *bufio.Writer, doc, text string, n *nlp) error {
	fmt.Fprintf(w, "# newdoc id = %s\n", doc)
	for _, s := range n.analyze(text) {
		if err := conllu.Write(w, doc, &s); err != nil {
			return fmt.Errorf("write CoNLL-U: %w", err)
		}
	}
	return nil
}
