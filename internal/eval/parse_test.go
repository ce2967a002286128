package eval

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/depparse"
	"github.com/dyad-events/dyad/internal/postag"
	"github.com/dyad-events/dyad/internal/segment"
	"github.com/dyad-events/dyad/internal/testingutil"
	"github.com/dyad-events/dyad/internal/tokenize"
)

const tiny = `# newpar
# text = I don't know.
1	I	I	PRON	PRP	_	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	SpaceAfter=No
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# text = Ok
1	Ok	ok	INTJ	UH	_	0	root	_	_

`

func TestRawText(t *testing.T) {
	gold, err := conllu.Read(strings.NewReader(tiny), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	g := RawText(gold)
	if g.Text != "I don't know. Ok" {
		t.Fatalf("text %q", g.Text)
	}
	if len(g.Tokens) != 5 || g.Words[0][2] != (dyad.Span{Start: 4, End: 7}) {
		t.Fatalf("tokens %v words %v", g.Tokens, g.Words)
	}
	// a perfect system scores 100 everywhere
	var pred []dyad.Sentence
	for i, s := range gold {
		ds := dyad.Sentence{Span: g.Sentences[i]}
		for k, w := range s.Words {
			ds.Tokens = append(ds.Tokens, dyad.Token{ID: k + 1, Text: w.Form, Span: g.Words[i][k],
				UPOS: w.UPOS, XPOS: w.XPOS, Head: w.Head, Rel: w.Rel, SpaceAfter: s.SpaceAfter(k)})
		}
		pred = append(pred, ds)
	}
	rs := ScoreRaw(gold, g, pred)
	for name, f := range map[string]F1{"sentences": rs.Sentences, "tokens": rs.Tokens, "words": rs.Words, "las": rs.LAS} {
		if f.F1 != 100 {
			t.Errorf("%s F1 = %v, want 100", name, f.F1)
		}
	}
	ps, err := ScoreParse(gold, pred)
	if err != nil || ps.UPOS != 100 || ps.LAS != 100 || ps.Words != 6 {
		t.Errorf("ScoreParse = %+v, %v", ps, err)
	}
	pred[0].Tokens[0].Rel = "obj"
	if ps, _ := ScoreParse(gold, pred); ps.UAS != 100 || ps.LAS != 83.33 {
		t.Errorf("after a wrong label: %+v", ps)
	}
}

// sharedData returns the project's data folder, skipping the test when it
// is absent (testingutil.SharedData).
func sharedData(t *testing.T) string { return testingutil.SharedData(t) }

func models(t *testing.T) (*postag.Tagger, *depparse.Parser) {
	tg, err := postag.Default()
	if errors.Is(err, postag.ErrNoModel) {
		t.Skip(err)
	} else if err != nil {
		t.Fatal(err)
	}
	ps, err := depparse.Default()
	if errors.Is(err, depparse.ErrNoModel) {
		t.Skip(err)
	} else if err != nil {
		t.Fatal(err)
	}
	return tg, ps
}

// TestEWTFloor holds the embedded models to the accuracy they reached on
// EWT test when committed (docs/NLP.md), less a small margin.
func TestEWTFloor(t *testing.T) {
	data := sharedData(t)
	tg, ps := models(t)
	f, err := os.Open(filepath.Join(data, "ud", "ewt", "en_ewt-ud-test.conllu"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	gold, err := conllu.Read(f, "en_ewt-ud-test.conllu")
	if err != nil {
		t.Fatal(err)
	}
	pred := make([]dyad.Sentence, len(gold))
	for i := range gold {
		for k, w := range gold[i].Words {
			pred[i].Tokens = append(pred[i].Tokens, dyad.Token{ID: k + 1, Text: w.Form, Head: -1})
		}
		tg.Tag(&pred[i])
		ps.Parse(&pred[i])
	}
	sc, err := ScoreParse(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("EWT test, gold tokens: %+v", sc)
	if sc.UPOS < floorUPOS || sc.UAS < floorUAS || sc.LAS < floorLAS {
		t.Errorf("UPOS %.2f UAS %.2f LAS %.2f, floors %.2f %.2f %.2f", sc.UPOS, sc.UAS, sc.LAS, floorUPOS, floorUAS, floorLAS)
	}
	beam, err := depparse.ForBeam(8)
	if err != nil {
		t.Fatal(err)
	}
	for i := range pred {
		beam.Parse(&pred[i])
	}
	if sc, err = ScoreParse(gold, pred); err != nil {
		t.Fatal(err)
	}
	t.Logf("EWT test, gold tokens, beam of 8: %+v", sc)
	if sc.UAS < floorBeamUAS || sc.LAS < floorBeamLAS {
		t.Errorf("beam of 8: UAS %.2f LAS %.2f, floors %.2f %.2f", sc.UAS, sc.LAS, floorBeamUAS, floorBeamLAS)
	}
	g := RawText(gold)
	ss := segment.Sentences(g.Text, tokenize.Text(g.Text))
	rs := ScoreRaw(gold, g, ss)
	t.Logf("EWT test, raw text: tokens %+v sentences %+v", rs.Tokens, rs.Sentences)
	if rs.Tokens.F1 < floorTokens {
		t.Errorf("token F1 %.2f, floor %.2f", rs.Tokens.F1, floorTokens)
	}
}
