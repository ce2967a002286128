package eval

import (
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/tokenize"
)

// F1 is precision, recall and their harmonic mean, in percent.
type F1 struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func f1(correct, system, gold int) F1 {
	p := float64(correct) / float64(max(system, 1))
	r := float64(correct) / float64(max(gold, 1))
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return F1{Precision: round2(100 * p), Recall: round2(100 * r), F1: round2(100 * f)}
}

// RawScores are the CoNLL 2018 shared task scores of an analysis of raw
// text.
type RawScores struct {
	Sentences F1 `json:"sentences"`
	Tokens    F1 `json:"tokens"`
	Words     F1 `json:"words"`
	UPOS      F1 `json:"upos"`
	XPOS      F1 `json:"xpos"`
	UAS       F1 `json:"uas"`
	LAS       F1 `json:"las"`
}

// GoldText is the raw text of a gold treebank with the byte spans of its
// sentences, tokens and words.
type GoldText struct {
	Text      string
	Sentences []dyad.Span
	Tokens    []dyad.Span   // surface tokens: a multiword token is one
	Words     [][]dyad.Span // per sentence, per word
}

// RawText rebuilds the text of gold: words joined as SpaceAfter says,
// sentences by a space, paragraphs ("# newpar") and documents by a blank
// line. A word of a multiword token gets its own span when the words spell
// the token in order ("do"+"n't" in "don't"), else the token's span.
func RawText(gold []conllu.Sentence) GoldText {
	var b strings.Builder
	var g GoldText
	for i := range gold {
		s := &gold[i]
		if i > 0 {
			_, par := s.Comment("newpar")
			_, doc := s.Comment("newdoc")
			if par || doc {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		start := b.Len()
		words := make([]dyad.Span, len(s.Words))
		for k := 0; k < len(s.Words); {
			r := rangeAt(s, k+1)
			if r == nil {
				a := b.Len()
				b.WriteString(s.Words[k].Form)
				words[k] = dyad.Span{Start: a, End: b.Len()}
				g.Tokens = append(g.Tokens, words[k])
				if k+1 < len(s.Words) && s.SpaceAfter(k) {
					b.WriteString(" ")
				}
				k++
				continue
			}
			a := b.Len()
			b.WriteString(r.Form)
			tok := dyad.Span{Start: a, End: b.Len()}
			g.Tokens = append(g.Tokens, tok)
			splitToken(r.Form, a, s.Words[r.First-1:min(r.Last, len(s.Words))], words[r.First-1:])
			k = r.Last
			if k < len(s.Words) && !strings.Contains(r.Misc, "SpaceAfter=No") {
				b.WriteString(" ")
			}
		}
		g.Sentences = append(g.Sentences, dyad.Span{Start: start, End: b.Len()})
		g.Words = append(g.Words, words)
	}
	g.Text = b.String()
	return g
}

func rangeAt(s *conllu.Sentence, id int) *conllu.Range {
	for i := range s.Tokens {
		if s.Tokens[i].First == id {
			return &s.Tokens[i]
		}
	}
	return nil
}

// splitToken gives each word of a multiword token at offset a its span.
func splitToken(form string, a int, words []conllu.Word, out []dyad.Span) {
	pos := 0
	for i, w := range words {
		k := strings.Index(strings.ToLower(form[pos:]), strings.ToLower(w.Form))
		if k != 0 || i == len(words)-1 && pos+len(w.Form) != len(form) {
			for j := range words {
				out[j] = dyad.Span{Start: a, End: a + len(form)}
			}
			return
		}
		out[i] = dyad.Span{Start: a + pos, End: a + pos + len(w.Form)}
		pos += len(w.Form)
	}
}

// ScoreRaw scores pred, the system's sentences of g.Text, against the gold
// treebank: sentences, tokens and words match when their spans do, and a
// word's head matches when it is the word aligned to the gold head. The
// system's tokens are grouped into surface tokens as UD groups words: a
// clitic written without a space ("'s", "n't") joins the word before it.
func ScoreRaw(gold []conllu.Sentence, g GoldText, pred []dyad.Sentence) RawScores {
	var rs RawScores
	gs := spanSet(g.Sentences)
	ps := make([]dyad.Span, len(pred))
	for i, s := range pred {
		ps[i] = s.Span
	}
	rs.Sentences = f1(common(ps, gs), len(ps), len(gs))
	var sysTok []dyad.Span
	for _, s := range pred {
		sysTok = append(sysTok, surface(s.Tokens)...)
	}
	rs.Tokens = f1(common(sysTok, spanSet(g.Tokens)), len(sysTok), len(g.Tokens))

	// gold words by span, with their head's span
	type gw struct {
		w    *conllu.Word
		head dyad.Span
	}
	goldWords := map[dyad.Span]gw{}
	nGold := 0
	for i := range gold {
		for k := range gold[i].Words {
			w := &gold[i].Words[k]
			h := dyad.Span{Start: -1, End: -1}
			if w.Head > 0 && w.Head <= len(gold[i].Words) {
				h = g.Words[i][w.Head-1]
			}
			goldWords[g.Words[i][k]] = gw{w, h}
			nGold++
		}
	}
	var words, upos, xpos, uas, las, nSys int
	for _, s := range pred {
		for _, t := range s.Tokens {
			nSys++
			gwd, ok := goldWords[t.Span]
			if !ok {
				continue
			}
			words++
			h := dyad.Span{Start: -1, End: -1}
			if t.Head > 0 && t.Head <= len(s.Tokens) {
				h = s.Tokens[t.Head-1].Span
			}
			m := matches(gwd.w, &t, h == gwd.head)
			for j, c := range []*int{&upos, &xpos, nil, &uas, &las} {
				if c != nil && m[j] {
					*c++
				}
			}
		}
	}
	rs.Words = f1(words, nSys, nGold)
	rs.UPOS = f1(upos, nSys, nGold)
	rs.XPOS = f1(xpos, nSys, nGold)
	rs.UAS = f1(uas, nSys, nGold)
	rs.LAS = f1(las, nSys, nGold)
	return rs
}

func spanSet(s []dyad.Span) map[dyad.Span]bool {
	m := make(map[dyad.Span]bool, len(s))
	for _, x := range s {
		m[x] = true
	}
	return m
}

func common(sys []dyad.Span, gold map[dyad.Span]bool) int {
	n := 0
	for _, s := range sys {
		if gold[s] {
			n++
		}
	}
	return n
}

// surface groups tokens into the surface tokens UD writes as multiword
// tokens (tokenize.Joined): a clitic attached to the word before it.
func surface(toks []dyad.Token) []dyad.Span {
	var out []dyad.Span
	for i, t := range toks {
		if i > 0 && tokenize.Joined(toks[i-1], t) {
			out[len(out)-1].End = t.Span.End
			continue
		}
		out = append(out, t.Span)
	}
	return out
}
