package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/datadir"
	"github.com/dyad-events/dyad/internal/depparse"
	"github.com/dyad-events/dyad/internal/postag"
	"github.com/dyad-events/dyad/internal/segment"
	"github.com/dyad-events/dyad/internal/tokenize"
	"github.com/dyad-events/dyad/internal/train"
)

// dataEnv names the environment variable that says where the project's
// training data lie (package datadir). Each training command's own flag
// (-ud, -silver, -data) overrides it.
const dataEnv = datadir.Env

// dataPath returns the path parts name in the training data's folder, or
// "" when DYAD_DATA is unset.
func dataPath(parts ...string) string { return datadir.Path(parts...) }

// TrainCommand learns the tagger or the parser model from UD treebanks.
type TrainCommand struct {
	Env Env
}

// Run runs "dyad train tagger|parser [flags]".
func (c *TrainCommand) Run(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "events" {
		return c.events(args[1:])
	}
	if len(args) > 0 && args[0] == "classes" {
		return c.classes(args[1:])
	}
	if len(args) > 0 && args[0] == "mentions" {
		return c.mentions(args[1:])
	}
	if len(args) == 0 || (args[0] != "tagger" && args[0] != "parser") {
		fmt.Fprintln(c.Env.Stderr, "usage: dyad train tagger|parser [-ud DIR] [-o FILE] [-seed N] [-beam N] [-teacher DIR]\n       dyad train events [-silver DIR] [-o FILE] [-seed N] [-epochs N]\n       dyad train mentions [-silver DIR] [-o FILE] [-seed N] [-epochs N]\n       dyad train classes -o FILE [-data DIR] [FILES]")
		return dyad.Errorf(dyad.EINVALID, "train: want tagger, parser, events, mentions or classes")
	}
	what := args[0]
	fs := flag.NewFlagSet("train "+what, flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	ud := fs.String("ud", dataPath("ud"), "folder with ewt/ and gum/ treebanks (default: ud/ under $"+dataEnv+")")
	var o string
	out := &o
	outputFlag(fs, out, "model `FILE` to write (default the embedded model's path under internal/)")
	alias(fs, "out", "output")
	seed := fs.Int64("seed", 0, "random seed (0: the default: 1 for the tagger, 4 for the greedy parser, 5 for the beam model)")
	epochs := fs.Int("epochs", 0, "training epochs (0: the default)")
	gum := fs.Bool("gum", true, "also train on the GUM documents splits.md does not hold out")
	folds := fs.Int("folds", 0, "jackknife folds (0: the default, 4); the parser trains on tags from taggers trained on the other folds")
	dev := fs.String("dev", "", "a CoNLL-U `FILE` to pick the best epoch on, tagged by the embedded tagger for the parser (parser default: EWT dev under -ud; tagger default and \"none\": train exactly -epochs)")
	uptrain := fs.Bool("uptrain", true, "greedy parser only: also learn from the -unlabelled news as the accurate mode (-teacher) tags and parses it")
	teacherBeam := fs.Int("teacher-beam", 16, "with -uptrain: the accurate mode's beam `width` for parsing the news")
	teacher := fs.String("teacher", "", "with -uptrain: a `DIR` holding the greedy and beam models (parser.gob.zst, parser-beam.gob.zst) whose accurate mode parses the news (default: the embedded ones)")
	beam := fs.Int("beam", 0, "parser only: train the accurate mode's model, for beam search of this `width`, instead of the greedy one (written to "+depparse.BeamModelFile+")")
	unlab := fs.String("unlabelled", "", "comma-separated corpus `FILES` (.jsonl, .csv, text) of raw news whose first-pass tags become a tagger feature (default: the VOA and Wikinews corpora beside -ud; \"none\" for none)")
	if err := parseArgs(fs, args[1:]); err != nil {
		return err
	}
	sents, err := readTreebank(*ud, *gum)
	if err != nil {
		return err
	}
	logf := func(format string, a ...any) {
		fmt.Fprintf(c.Env.Stderr, time.Now().Format("15:04:05 ")+format+"\n", a...)
	}
	logf("train %s: %d sentences", what, len(sents))
	var devSents []conllu.Sentence
	switch {
	case *dev == "none", *dev == "" && what == "tagger":
		// The tagger picks epochs on dev only when asked: on EWT dev its
		// best epochs scored no better on test than the last.
	case *dev == "":
		*dev = filepath.Join(*ud, "ewt", "en_ewt-ud-dev.conllu")
		fallthrough
	default:
		if what == "tagger" {
			devSents, err = readConllu(*dev)
		} else {
			devSents, err = taggedDev(*dev)
		}
		if err != nil {
			return err
		}
	}
	raw, err := unlabelled(*unlab, *ud)
	if err != nil {
		return err
	}
	if what == "tagger" {
		return c.trainTagger(sents, devSents, raw, *out, *seed, *epochs, *folds, logf)
	}
	var extra []conllu.Sentence
	if *uptrain && *beam <= 1 {
		if extra, err = accurateParses(raw, *teacher, *teacherBeam); err != nil {
			return err
		}
		logf("train parser: %d sentences of unlabelled news parsed with a beam of %d to learn from", len(extra), *teacherBeam)
	}
	return c.trainParser(sents, devSents, raw, extra, *out, *seed, *epochs, *folds, *beam, logf)
}

// unlabelled returns the sentences (as words) of the corpus files named in
// list, or of the VOA and Wikinews corpora beside the treebanks when list
// is empty. Reuters is never a default: its licence is research-only, and
// the tagger model is distributed.
func unlabelled(list, ud string) ([][]string, error) {
	var files []string
	switch list {
	case "none":
		return nil, nil
	case "":
		c := filepath.Join(filepath.Dir(ud), "corpora")
		files = []string{filepath.Join(c, "voa", "voa_stories.jsonl"),
			filepath.Join(c, "wikinews", "wikinews_2019.csv"), filepath.Join(c, "wikinews", "wikinews_2020.csv")}
	default:
		files = strings.Split(list, ",")
	}
	var out [][]string
	for _, f := range files {
		texts, err := readCorpus(f)
		if err != nil && list == "" {
			return nil, dyad.Errorf(dyad.EINVALID, "%v (the default unlabelled news beside -ud; name others with -unlabelled FILES, or -unlabelled none)", err)
		}
		if err != nil {
			return nil, err
		}
		for _, t := range texts {
			for _, s := range segment.Sentences(t, tokenize.Text(t)) {
				w := make([]string, len(s.Tokens))
				for i, tk := range s.Tokens {
					w[i] = tk.Text
				}
				out = append(out, w)
			}
		}
	}
	return out, nil
}

// taggedDev reads a CoNLL-U file and replaces its gold tags with the
// embedded tagger's, as the parser will see them.
func taggedDev(path string) ([]conllu.Sentence, error) {
	sents, err := readConllu(path)
	if err != nil {
		return nil, err
	}
	tg, err := postag.Default()
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "tag %s: %v (train the tagger first, or pass -dev none)", path, err)
	}
	st := postag.NewState()
	for i := range sents {
		s := &sents[i]
		fs := make([]string, len(s.Words))
		for k, w := range s.Words {
			fs[k] = w.Form
		}
		for k, cl := range tg.TagForms(st, fs) {
			s.Words[k].UPOS, s.Words[k].XPOS = tg.Tags(cl)
		}
	}
	return sents, nil
}

func (c *TrainCommand) trainTagger(sents, dev []conllu.Sentence, raw [][]string, out string, seed int64, epochs, folds int, logf func(string, ...any)) error {
	opt := train.DefaultTaggerOptions()
	opt.Logf, opt.Dev, opt.Unlabelled = logf, dev, raw
	if seed != 0 {
		opt.Seed = seed
	}
	if epochs > 0 {
		opt.Epochs = epochs
	}
	if folds > 0 {
		opt.Folds = folds
	}
	m, err := train.Tagger(sents, opt)
	if err != nil {
		return err
	}
	if out == "" {
		out = filepath.Join("internal", "postag", postag.ModelFile)
	}
	return writeModel(out, func(f *os.File) error { return postag.Encode(f, m) }, logf)
}

// accurateParses tags and parses the words of each raw sentence in the
// accurate mode of the parser models in dir (default: the embedded ones).
func accurateParses(raw [][]string, dir string, width int) ([]conllu.Sentence, error) {
	tg, err := postag.Default()
	if err != nil {
		return nil, err
	}
	ps, err := teacherParser(dir, width)
	if err != nil {
		return nil, err
	}
	out := make([]conllu.Sentence, 0, len(raw))
	for _, words := range raw {
		var s dyad.Sentence
		for _, w := range words {
			s.Tokens = append(s.Tokens, dyad.Token{Text: w})
		}
		if len(s.Tokens) == 0 {
			continue
		}
		tg.Tag(&s)
		ps.Parse(&s)
		cs := conllu.Sentence{Words: make([]conllu.Word, len(s.Tokens))}
		for i, t := range s.Tokens {
			cs.Words[i] = conllu.Word{ID: i + 1, Form: t.Text, UPOS: t.UPOS, XPOS: t.XPOS, Head: t.Head, Rel: t.Rel}
		}
		out = append(out, cs)
	}
	return out, nil
}

// teacherParser returns the accurate mode of the models in dir, or the
// embedded accurate mode when dir is empty.
func teacherParser(dir string, width int) (*depparse.Parser, error) {
	if dir == "" {
		return depparse.ForBeam(width)
	}
	var ps [2]*depparse.Parser
	for i, name := range []string{depparse.ModelFile, depparse.BeamModelFile} {
		path := filepath.Join(dir, filepath.Base(name))
		f, err := os.Open(path)
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "-teacher: %v", err)
		}
		m, err := depparse.Decode(f)
		f.Close()
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "-teacher %s: %v", path, err)
		}
		ps[i] = depparse.New(m)
	}
	return depparse.Accurate(ps[0], ps[1], width)
}

func (c *TrainCommand) trainParser(sents, dev []conllu.Sentence, raw [][]string, extra []conllu.Sentence, out string, seed int64, epochs, folds, beam int, logf func(string, ...any)) error {
	opt := train.DefaultParserOptions()
	if beam > 1 {
		// The accurate mode's model corrects the embedded greedy one.
		opt = train.DefaultBeamParserOptions()
		opt.Beam = beam
		g, err := depparse.Default()
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "train parser -beam: %v (train the greedy parser first, and let go run rebuild)", err)
		}
		opt.Prior = g
	}
	opt.Logf, opt.Dev, opt.Tagger.Unlabelled, opt.Extra = logf, dev, raw, extra
	if seed != 0 {
		opt.Seed = seed
	}
	if epochs > 0 {
		opt.Epochs = epochs
	}
	if folds > 0 {
		opt.Folds = folds
	}
	m, err := train.Parser(sents, opt)
	if err != nil {
		return err
	}
	if out == "" {
		out = filepath.Join("internal", "depparse", depparse.ModelFile)
		if beam > 1 {
			out = filepath.Join("internal", "depparse", depparse.BeamModelFile)
		}
	}
	return writeModel(out, func(f *os.File) error { return depparse.Encode(f, m) }, logf)
}

func writeModel(path string, enc func(*os.File) error, logf func(string, ...any)) error {
	f, err := os.Create(path)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "write model: %v", err)
	}
	if err := enc(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if st, err := os.Stat(path); err == nil {
		logf("wrote %s (%.1f MB)", path, float64(st.Size())/1e6)
	}
	return nil
}

// readTreebank reads EWT train and, with gum, the GUM documents that
// splits.md does not mark dev or test, in name order.
func readTreebank(dir string, gum bool) ([]conllu.Sentence, error) {
	if dir == "" {
		return nil, dyad.Errorf(dyad.EINVALID, "training reads the UD English treebanks (ewt/ and gum/ as Universal Dependencies ships them): name their folder with -ud DIR, or the training data's with %s", dataEnv)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, dyad.Errorf(dyad.EINVALID, "-ud %s: no such folder; training reads the UD English treebanks from it (ewt/ and gum/ as Universal Dependencies ships them)", dir)
	}
	files := []string{filepath.Join(dir, "ewt", "en_ewt-ud-train.conllu")}
	if gum {
		splits, err := os.ReadFile(filepath.Join(dir, "gum", "splits.md"))
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "read GUM splits: %v", err)
		}
		held := train.GUMHeldOut(string(splits))
		names, _ := filepath.Glob(filepath.Join(dir, "gum", "GUM_*.conllu"))
		sort.Strings(names)
		for _, n := range names {
			if !held[strings.TrimSuffix(filepath.Base(n), ".conllu")] {
				files = append(files, n)
			}
		}
	}
	var all []conllu.Sentence
	for _, f := range files {
		ss, err := readConllu(f)
		if err != nil {
			return nil, err
		}
		all = append(all, ss...)
	}
	return all, nil
}

func readConllu(path string) ([]conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%v", err)
	}
	defer f.Close()
	ss, err := conllu.Read(f, path)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%v", err)
	}
	return ss, nil
}
