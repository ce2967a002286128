package eval

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/conllu"
)

// ParseScores are tagging and parsing accuracies on gold tokenisation, in
// percent. Punctuation is scored like any other word, as in CoNLL 2018.
// LAS compares universal relations (the part before ":"), as CoNLL 2018
// does; LASFull compares relations with their subtypes.
type ParseScores struct {
	Sentences int     `json:"sentences"`
	Words     int     `json:"words"`
	UPOS      float64 `json:"upos"`
	XPOS      float64 `json:"xpos"`
	Lemma     float64 `json:"lemma"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`
	LASFull   float64 `json:"las_full"`
}

// ScoreParse scores pred, the system's analysis of gold's words, against
// gold. pred[i] must have one token per word of gold[i].
func ScoreParse(gold []conllu.Sentence, pred []dyad.Sentence) (ParseScores, error) {
	if len(gold) != len(pred) {
		return ParseScores{}, fmt.Errorf("score parse: %d gold sentences, %d predicted", len(gold), len(pred))
	}
	var c [6]int
	n := 0
	for i := range gold {
		g, p := gold[i].Words, pred[i].Tokens
		if len(g) != len(p) {
			return ParseScores{}, fmt.Errorf("score parse: sentence %d: %d gold words, %d predicted", i+1, len(g), len(p))
		}
		for k := range g {
			n++
			m := matches(&g[k], &p[k], g[k].Head == p[k].Head)
			for j := range c {
				if m[j] {
					c[j]++
				}
			}
		}
	}
	pct := func(x int) float64 { return round2(100 * float64(x) / float64(max(n, 1))) }
	return ParseScores{Sentences: len(gold), Words: n, UPOS: pct(c[0]), XPOS: pct(c[1]),
		Lemma: pct(c[2]), UAS: pct(c[3]), LAS: pct(c[4]), LASFull: pct(c[5])}, nil
}

// matches reports which of UPOS, XPOS, lemma, head, universal relation
// with head, and full relation with head agree; headOK says whether the
// heads correspond.
func matches(g *conllu.Word, p *dyad.Token, headOK bool) [6]bool {
	return [6]bool{
		g.UPOS == p.UPOS,
		g.XPOS == p.XPOS,
		g.Lemma == p.Lemma,
		headOK,
		headOK && universal(g.Rel) == universal(p.Rel),
		headOK && g.Rel == p.Rel,
	}
}

func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

func round2(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }
