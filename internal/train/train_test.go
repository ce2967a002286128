package train

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/depparse"
	"github.com/dyad-events/dyad/internal/postag"
)

func TestGUMHeldOut(t *testing.T) {
	splits := "# Splits\n\n## dev\n\n  * GUM_a\n  * GUM_b\n\n## test\n\n  * GUM_c\n\n## test2\n\n  * GENTLE_d\n"
	got := GUMHeldOut(splits)
	for _, name := range []string{"GUM_a", "GUM_b", "GUM_c", "GENTLE_d"} {
		if !got[name] {
			t.Errorf("%s not held out: %v", name, got)
		}
	}
	if len(got) != 4 {
		t.Errorf("held out %v, want 4 documents", got)
	}
}

func TestPerceptronAverage(t *testing.T) {
	p := newPerceptron(2)
	f := []uint32{7}
	p.update(f, 1, 0, 1) // at c=1: class 1 +1, class 0 -1
	for range 3 {
		p.tick()
	}
	fz := p.freeze(0)
	// averaged over c=4 ticks: w - u/c = 1 - 1/4 for class 1
	if len(fz.keys) != 1 || len(fz.w) != 2 || fz.w[1] != 0.75 || fz.w[0] != -0.75 {
		t.Fatalf("frozen %+v, want ±0.75", fz)
	}
	if fz := p.freeze(1); len(fz.keys) != 0 {
		t.Errorf("prune 1 kept %+v", fz)
	}
}

const tiny = `1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	towns	town	NOUN	NNS	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

1	Soldiers	soldier	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	villages	village	NOUN	NNS	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

`

// TestTinyModels trains both models on a toy treebank and checks that they
// learn it and that training is deterministic.
func TestTinyModels(t *testing.T) {
	sents := tinyTreebank(t)
	topt := DefaultTaggerOptions()
	topt.Epochs, topt.Folds, topt.Prune = 3, 2, 0
	tm, err := Tagger(sents, topt)
	if err != nil {
		t.Fatal(err)
	}
	popt := DefaultParserOptions()
	popt.Epochs, popt.Folds, popt.Tagger, popt.Prune = 5, 0, topt, 0 // few updates: keep small weights
	pm, err := Parser(sents, popt)
	if err != nil {
		t.Fatal(err)
	}
	var b1, b2 strings.Builder
	if err := postag.Encode(&b1, tm); err != nil {
		t.Fatal(err)
	}
	tm2, _ := Tagger(sents, topt)
	postag.Encode(&b2, tm2)
	if b1.String() != b2.String() {
		t.Error("two tagger trainings gave different bytes")
	}
	tg, ps := postag.New(tm), depparse.New(pm)
	st := postag.NewState()
	classes := tg.TagForms(st, []string{"Rebels", "attacked", "villages", "."})
	var upos []string
	for _, c := range classes {
		u, _ := tg.Tags(c)
		upos = append(upos, u)
	}
	if got := strings.Join(upos, " "); got != "NOUN VERB NOUN PUNCT" {
		t.Errorf("tags %s", got)
	}
	if l := tg.Lemma("towns", "NNS"); l != "town" {
		t.Errorf("lemma of towns: %q", l)
	}
	pst := depparse.NewState()
	ps.ParseWords(pst, []string{"Rebels", "attacked", "villages", "."}, []string{"NNS", "VBD", "NNS", "."}, upos)
	if got := pst.Config.Head[1:]; got[0] != 2 || got[1] != 0 || got[2] != 2 || got[3] != 2 {
		t.Errorf("heads %v, want [2 0 2 2]", got)
	}
}

// tinyTreebank is the toy treebank five times over.
func tinyTreebank(t *testing.T) []conllu.Sentence {
	t.Helper()
	var sents []conllu.Sentence
	for range 5 {
		ss, err := conllu.Read(strings.NewReader(tiny+devText), "tiny")
		if err != nil {
			t.Fatal(err)
		}
		sents = append(sents, ss...)
	}
	return sents
}

// TestTinyBeamModel trains the accurate mode's model, globally with a
// beam, on the toy treebank: it must say it was trained for the beam,
// parse every toy sentence right with one, and come out the same twice.
func TestTinyBeamModel(t *testing.T) {
	sents := tinyTreebank(t)
	opt := DefaultParserOptions()
	opt.Epochs, opt.Folds, opt.Prune, opt.Beam = 5, 0, 0, 4
	m, err := Parser(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Global {
		t.Error("a model trained with a beam is not marked Global")
	}
	p := depparse.New(m).WithBeam(4)
	for _, g := range sents[:3] {
		s := &dyad.Sentence{}
		for _, w := range g.Words {
			s.Tokens = append(s.Tokens, dyad.Token{Text: w.Form, UPOS: w.UPOS, XPOS: w.XPOS})
		}
		p.Parse(s)
		for k, w := range g.Words {
			if s.Tokens[k].Head != w.Head || s.Tokens[k].Rel != w.Rel {
				t.Errorf("%s: %d %s, want %d %s", w.Form, s.Tokens[k].Head, s.Tokens[k].Rel, w.Head, w.Rel)
			}
		}
	}
	m2, err := Parser(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	var b1, b2 strings.Builder
	depparse.Encode(&b1, m)
	depparse.Encode(&b2, m2)
	if b1.String() != b2.String() {
		t.Error("two beam trainings gave different bytes")
	}
}

// TestBeamModelCorrectsPrior trains a beam model as a correction to a
// greedy one: the weight of the correction must be one of those offered,
// chosen on dev, and a greedy model trained on other relations refused.
func TestBeamModelCorrectsPrior(t *testing.T) {
	sents := tinyTreebank(t)
	dev, err := conllu.Read(strings.NewReader(devText), "dev")
	if err != nil {
		t.Fatal(err)
	}
	gopt := DefaultParserOptions()
	gopt.Epochs, gopt.Folds, gopt.Prune = 3, 0, 0
	greedy, err := Parser(sents, gopt)
	if err != nil {
		t.Fatal(err)
	}
	opt := DefaultBeamParserOptions()
	opt.Epochs, opt.Folds, opt.Prune, opt.Beam, opt.SelectFrom, opt.Dev = 3, 0, 0, 4, 1, dev
	opt.Prior, opt.Lambdas = depparse.New(greedy), []float64{0.01, 0.05}
	var lines []string
	opt.Logf = func(f string, a ...any) { lines = append(lines, fmt.Sprintf(f, a...)) }
	m, err := Parser(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	if m.Lambda != 0.01 && m.Lambda != 0.05 {
		t.Errorf("lambda %g, want 0.01 or 0.05", m.Lambda)
	}
	if n := strings.Count(strings.Join(lines, "\n"), "(lambda "); n != 6 {
		t.Errorf("%d dev scores with a lambda, want 3 epochs × 2:\n%s", n, strings.Join(lines, "\n"))
	}
	other, err := conllu.Read(strings.NewReader(strings.ReplaceAll(tiny, "obj", "dobj")), "other")
	if err != nil {
		t.Fatal(err)
	}
	og, err := Parser(other, gopt)
	if err != nil {
		t.Fatal(err)
	}
	opt.Prior = depparse.New(og)
	if _, err := Parser(sents, opt); err == nil || !strings.Contains(err.Error(), `relation "obj"`) {
		t.Errorf("a greedy model without the relation obj: error %v", err)
	}
	// A treebank with fewer relations than the greedy model is fine: the
	// correction numbers them as the greedy model does.
	opt.Prior = depparse.New(greedy)
	few, err := conllu.Read(strings.NewReader(devText), "few")
	if err != nil {
		t.Fatal(err)
	}
	fm, err := Parser(few, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(fm.Labels, greedy.Labels) {
		t.Errorf("relations %v, want the greedy model's %v", fm.Labels, greedy.Labels)
	}
}

// TestParserExtra trains with sentences parsed by dyad itself beside the
// treebank: their relations and trees must be learned.
func TestParserExtra(t *testing.T) {
	sents := tinyTreebank(t)
	extra, err := conllu.Read(strings.NewReader(strings.Repeat(`1	Yesterday	yesterday	NOUN	NN	_	3	obl:tmod	_	_
2	rebels	rebel	NOUN	NNS	_	3	nsubj	_	_
3	attacked	attack	VERB	VBD	_	0	root	_	_
4	.	.	PUNCT	.	_	3	punct	_	_

`, 5)), "extra")
	if err != nil {
		t.Fatal(err)
	}
	opt := DefaultParserOptions()
	opt.Epochs, opt.Folds, opt.Prune, opt.Extra, opt.ExtraKnownOnly = 5, 2, 0, extra, false
	opt.Tagger.Epochs, opt.Tagger.Folds = 2, 0
	m, err := Parser(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(m.Labels, "obl:tmod") {
		t.Fatalf("relations %v: the extra sentences' obl:tmod is missing", m.Labels)
	}
	s := &dyad.Sentence{}
	for _, w := range extra[0].Words {
		s.Tokens = append(s.Tokens, dyad.Token{Text: w.Form, UPOS: w.UPOS, XPOS: w.XPOS})
	}
	depparse.New(m).Parse(s)
	if s.Tokens[0].Head != 3 || s.Tokens[0].Rel != "obl:tmod" {
		t.Errorf("Yesterday: %d %s, want 3 obl:tmod", s.Tokens[0].Head, s.Tokens[0].Rel)
	}

	// Kept to the treebank's features, the news adds none of its own
	// (such as those of its word "Yesterday", which the treebank lacks).
	opt.ExtraKnownOnly = true
	known, err := Parser(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	if k, all := len(known.Weights.Deltas), len(m.Weights.Deltas); k >= all {
		t.Errorf("%d features kept to the treebank's, %d with the news's own: want fewer", k, all)
	}
}

func TestParserNoSentences(t *testing.T) {
	if _, err := Parser(nil, DefaultParserOptions()); err == nil {
		t.Error("no error for an empty treebank")
	}
	if _, err := Tagger(nil, DefaultTaggerOptions()); err == nil {
		t.Error("no error for an empty treebank")
	}
}

// TestParserKeepsBestEpoch trains with a dev set and checks that the model
// returned is the epoch that scored best on it, as the log reports each.
func TestParserKeepsBestEpoch(t *testing.T) {
	sents, err := conllu.Read(strings.NewReader(strings.Repeat(tiny, 3)+devText), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	dev, err := conllu.Read(strings.NewReader(devText), "dev")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	opt := DefaultParserOptions()
	opt.Epochs, opt.Folds, opt.Prune, opt.SelectFrom, opt.Dev = 4, 0, 0, 1, dev
	opt.Logf = func(f string, a ...any) { lines = append(lines, fmt.Sprintf(f, a...)) }
	m, err := Parser(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	bestLAS, bestEpoch, scored := -1.0, 0, 0
	for _, l := range lines {
		var e int
		var uas, las float64
		if n, _ := fmt.Sscanf(l, "parser: epoch %d: dev UAS %f LAS %f", &e, &uas, &las); n == 3 {
			scored++
			if las > bestLAS {
				bestLAS, bestEpoch = las, e
			}
		}
	}
	if scored != 4 {
		t.Fatalf("%d epochs scored on dev, want 4:\n%s", scored, strings.Join(lines, "\n"))
	}
	if want := fmt.Sprintf("parser: kept epoch %d ", bestEpoch); !strings.HasPrefix(lines[len(lines)-1], want) {
		t.Errorf("last line %q, want it to start %q", lines[len(lines)-1], want)
	}
	if _, las := scoreDev(depparse.New(m), dev); math.Abs(las-bestLAS) > 0.005 {
		t.Errorf("returned model scores LAS %.2f on dev, the best epoch %.2f", las, bestLAS)
	}
}

const devText = `1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	arrested	arrest	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	protesters	protester	NOUN	NNS	_	2	obj	_	_
5	in	in	ADP	IN	_	6	case	_	_
6	Cairo	Cairo	PROPN	NNP	_	2	obl	_	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	_	_

`

// TestTaggerKeepsBestEpoch trains with a dev set and checks that each
// pass keeps the epoch that tagged it best, and that the returned tagger
// scores what the log says.
func TestTaggerKeepsBestEpoch(t *testing.T) {
	sents, err := conllu.Read(strings.NewReader(strings.Repeat(tiny, 3)+devText), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	dev, err := conllu.Read(strings.NewReader(devText+tiny), "dev")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	opt := DefaultTaggerOptions()
	opt.Epochs, opt.Folds, opt.Prune, opt.SelectFrom, opt.Dev = 4, 2, 0, 1, dev
	opt.Logf = func(f string, a ...any) { lines = append(lines, fmt.Sprintf(f, a...)) }
	m, err := Tagger(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, pass := range []string{"first", "second"} {
		bu, bx, be, scored := -1, -1, 0, 0
		kept := -1
		for _, l := range lines {
			var e, u, x int
			if n, _ := fmt.Sscanf(l, "tagger: "+pass+" pass, epoch %d: dev UPOS %d XPOS %d right", &e, &u, &x); n == 3 {
				scored++
				if u > bu || u == bu && x > bx {
					bu, bx, be = u, x, e
				}
			}
			fmt.Sscanf(l, "tagger: "+pass+" pass: kept epoch %d", &kept)
		}
		if scored != 4 || kept != be {
			t.Errorf("%s pass: %d epochs scored, kept %d, best %d:\n%s", pass, scored, kept, be, strings.Join(lines, "\n"))
		}
		if pass == "second" {
			if u, x := devTags(dev).score(postag.New(m), false); u != bu || x != bx {
				t.Errorf("returned tagger: UPOS %d XPOS %d right, the best epoch %d %d", u, x, bu, bx)
			}
		}
	}
}

// TestUnlabelledClasses trains a tagger with raw sentences beside the
// treebank and checks that words only the raw text has get the classes
// their contexts gave them, and that words seen too rarely get none.
func TestUnlabelledClasses(t *testing.T) {
	var sents []conllu.Sentence
	for range 5 {
		ss, err := conllu.Read(strings.NewReader(tiny), "tiny")
		if err != nil {
			t.Fatal(err)
		}
		sents = append(sents, ss...)
	}
	raw := [][]string{
		strings.Fields("Insurgents attacked villages ."),
		strings.Fields("Insurgents attacked towns ."),
		strings.Fields("Militias attacked towns ."),
	}
	opt := DefaultTaggerOptions()
	opt.Epochs, opt.Folds, opt.Prune, opt.Unlabelled, opt.AutoMin = 3, 2, 0, raw, 2
	m, err := Tagger(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	auto := map[string]string{}
	for _, p := range m.Auto {
		auto[p.Key] = p.Value
	}
	noun := -1
	for i, tag := range m.Tags {
		if tag == "NOUN NNS" {
			noun = i
		}
	}
	if got, want := auto["insurgents"], fmt.Sprint(noun); got != want {
		t.Errorf("insurgents: class %q, want %q (NOUN NNS) of %v", got, want, m.Tags)
	}
	if c, ok := auto["militias"]; ok {
		t.Errorf("militias, seen once, has class %q", c)
	}
	if len(auto["attacked"]) == 0 {
		t.Error("attacked has no class")
	}
}
