package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/extract"
	"github.com/dyad-events/dyad/internal/train"
)

// classes runs "dyad train classes [flags] [FILES]": groups the words of
// raw news (and the UD treebank's training text) by the company they keep
// in dyad's own parses, for the event models' class features (dyad train
// events -classes FILE).
func (c *TrainCommand) classes(args []string) error {
	fs := flag.NewFlagSet("train classes", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	data := fs.String("data", dataPath(), "`DIR` of the training data, whose corpora, silver training files and UD treebank are read when no FILES are named (default: $"+dataEnv+")")
	exclude := fs.String("exclude", "", "silver `FILE` whose stories are left out: any text holding one of its sentences (default: the silver dev file under -data)")
	out := fs.String("o", "", "classes `FILE` to write (\"lemma coarse fine\" lines)")
	opt := train.DefaultClusterOptions()
	fs.IntVar(&opt.MinCount, "min-count", opt.MinCount, "how often a lemma must occur to get a class")
	fs.IntVar(&opt.Passes, "passes", opt.Passes, "passes over the words per granularity")
	coarse := fs.Int("coarse", opt.Classes[0], "classes of the coarse grouping")
	fine := fs.Int("fine", opt.Classes[1], "classes of the fine grouping")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: dyad train classes -o FILE [flags] [FILES]\n\nFILES are .jsonl, .csv or text corpora, or .conllu treebanks; by default the news corpora under -data\n(not Reuters: its licence is research-only), the silver training files and UD EWT's training part.")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return dyad.Errorf(dyad.EINVALID, "train classes: name the output with -o FILE")
	}
	opt.Classes = []int{*coarse, *fine}
	logf := func(format string, a ...any) {
		fmt.Fprintf(c.Env.Stderr, time.Now().Format("15:04:05 ")+format+"\n", a...)
	}
	files := fs.Args()
	if len(files) == 0 {
		if *data == "" {
			return dyad.Errorf(dyad.EINVALID, "train classes: with no FILES the corpora are read under the training data's folder: name it with -data DIR or %s", dataEnv)
		}
		if _, err := os.Stat(*data); err != nil {
			return dyad.Errorf(dyad.EINVALID, "train classes: %v (with no FILES the corpora are read under -data DIR)", err)
		}
		corp := filepath.Join(*data, "corpora")
		np, _ := filepath.Glob(filepath.Join(corp, "news-permissive", "*.jsonl"))
		sort.Strings(np)
		files = append(np, filepath.Join(corp, "voa", "voa_stories.jsonl"),
			filepath.Join(corp, "wikinews", "wikinews_2019.csv"), filepath.Join(corp, "wikinews", "wikinews_2020.csv"),
			filepath.Join(*data, "gold", "silver", "train.jsonl"), filepath.Join(*data, "gold", "silver", "train-wikinews.jsonl"),
			filepath.Join(*data, "ud", "ewt", "en_ewt-ud-train.conllu"))
	}
	if *exclude == "" {
		*exclude = filepath.Join(*data, "gold", "silver", "dev.jsonl")
	}
	var held []string
	if *exclude != "none" {
		dev, err := eval.ReadSilver(*exclude)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "train classes: -exclude: %v (name the silver file to leave out with -exclude FILE, or none)", err)
		}
		held = heldSentences(dev)
	}
	n, err := loadNLP(true, 1)
	if err != nil {
		return err
	}
	var sents []conllu.Sentence
	seen := map[string]bool{}
	dropped := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".conllu") {
			ss, err := readConllu(f)
			if err != nil {
				return err
			}
			sents = append(sents, ss...)
			logf("train classes: %s read, %d sentences in all", f, len(sents))
			continue
		}
		texts, err := readCorpus(f)
		if err != nil {
			return err
		}
		for _, t := range texts {
			if seen[t] {
				continue
			}
			seen[t] = true
			if holds(t, held) {
				dropped++
				continue
			}
			for _, s := range n.analyze(t) {
				sents = append(sents, asConllu(&s))
			}
		}
		logf("train classes: %s read, %d sentences in all", f, len(sents))
	}
	logf("train classes: %d texts left out as holding a sentence of %s", dropped, *exclude)
	table := train.WordClusters(sents, opt, c.Env.Stderr)
	w, err := os.Create(*out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for _, l := range extract.ClassLines(table) {
		fmt.Fprintln(bw, l)
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	logf("train classes: wrote %s (%d lemmas)", *out, len(table))
	return nil
}

// heldSentences returns the openings of the sentences of stories that
// must not be learned from (long enough to name their sentence alone).
func heldSentences(stories []eval.SilverStory) []string {
	var out []string
	for _, st := range stories {
		for _, s := range st.Sentences {
			t := strings.TrimSpace(s.Text)
			if len(t) > 40 {
				out = append(out, t[:40])
			}
		}
	}
	return out
}

// holds reports whether text contains any of keys.
func holds(text string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(text, k) {
			return true
		}
	}
	return false
}

// asConllu turns a tagged and parsed sentence into the form the word
// grouping reads.
func asConllu(s *dyad.Sentence) conllu.Sentence {
	out := conllu.Sentence{Words: make([]conllu.Word, len(s.Tokens))}
	for i, t := range s.Tokens {
		out.Words[i] = conllu.Word{ID: i + 1, Form: t.Text, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS, Head: t.Head, Rel: t.Rel}
	}
	return out
}
