package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/conllu"
)

// goldParser stands in for dyad's tagger and parser: it copies a record's
// own CoNLL-U tree onto the tokens dyad's tokenizer made, aligning words
// to tokens by their bytes in the text. A token with no gold word is
// attached to the root. Tags and lemmas come from dyad's tagger when
// there is one (the UDPipe 1 lemmas of the UD record files are often
// wrong: "fired" → "fi"), else from the parse.
type goldParser struct {
	tagger interface{ Tag(*dyad.Sentence) } // dyad's tagger, or nil

	cache map[string]*goldParser // by record text and parse: benchmarks code records again

	words []conllu.Word
	heads []int       // per word: index of the head word, -1 for the root
	spans []dyad.Span // per word: bytes in the text; Start -1 when not found
}

// set loads the parse of the next record, whose text is text.
func (g *goldParser) set(text, parse string) error {
	key := text + "\x00" + parse
	if c, ok := g.cache[key]; ok {
		g.words, g.heads, g.spans = c.words, c.heads, c.spans
		return nil
	}
	g.words, g.heads, g.spans = nil, nil, nil
	if strings.TrimSpace(parse) == "" || strings.HasPrefix(strings.TrimSpace(parse), "(") {
		return fmt.Errorf("no CoNLL-U parse in the record")
	}
	sents, err := conllu.Read(strings.NewReader(parse+"\n\n"), "parse")
	if err != nil {
		return err
	}
	for _, s := range sents {
		base := len(g.words)
		for _, w := range s.Words {
			h := -1
			if w.Head > 0 {
				h = base + w.Head - 1
			}
			g.words = append(g.words, w)
			g.heads = append(g.heads, h)
		}
	}
	g.align(text)
	if g.cache == nil {
		g.cache = map[string]*goldParser{}
	}
	g.cache[key] = &goldParser{words: g.words, heads: g.heads, spans: g.spans}
	return nil
}

// align finds each word's bytes in text, left to right.
func (g *goldParser) align(text string) {
	cur := 0
	g.spans = make([]dyad.Span, len(g.words))
	for i, w := range g.words {
		for cur < len(text) && (text[cur] == ' ' || text[cur] == '\n' || text[cur] == '\t') {
			cur++
		}
		at := -1
		if strings.HasPrefix(text[cur:], w.Form) {
			at = cur
		} else if k := strings.Index(text[cur:min(len(text), cur+40)], w.Form); k >= 0 && w.Form != "" {
			at = cur + k
		}
		if at < 0 {
			g.spans[i] = dyad.Span{Start: -1, End: -1}
			continue
		}
		g.spans[i] = dyad.Span{Start: at, End: at + len(w.Form)}
		cur = at + len(w.Form)
	}
}

// wordAt returns the index of the word covering byte b, or -1.
func (g *goldParser) wordAt(b int) int {
	i := sort.Search(len(g.spans), func(i int) bool { return g.spans[i].End > b })
	for ; i < len(g.spans); i++ {
		if g.spans[i].Start < 0 {
			continue
		}
		if g.spans[i].Start <= b && b < g.spans[i].End {
			return i
		}
		break
	}
	return -1
}

// Tag tags s and copies the gold tree onto it.
func (g *goldParser) Tag(s *dyad.Sentence) {
	if g.tagger != nil {
		g.tagger.Tag(s)
	}
	of := make([]int, len(s.Tokens))
	first := map[int]int{}
	for i, t := range s.Tokens {
		of[i] = g.wordAt(t.Span.Start)
		if _, ok := first[of[i]]; !ok && of[i] >= 0 {
			first[of[i]] = i
		}
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		w := of[i]
		t.Head, t.Rel = 0, "root"
		if w < 0 {
			continue
		}
		gw := g.words[w]
		if g.tagger == nil {
			t.UPOS, t.XPOS, t.Lemma = gw.UPOS, gw.XPOS, strings.ToLower(gw.Lemma)
			if t.Lemma == "_" {
				t.Lemma = ""
			}
		}
		if f := first[w]; f != i {
			t.Head, t.Rel = f+1, "flat"
			continue
		}
		if h := g.heads[w]; h >= 0 {
			if f, ok := first[h]; ok {
				t.Head, t.Rel = f+1, udv2(gw.Rel)
			}
		}
	}
}

// Parse does nothing: Tag has copied the tree.
func (g *goldParser) Parse(*dyad.Sentence) {}

// udv1 maps the UD v1 relations of older parses (UDPipe 1 models) to
// their UD v2 names, which dyad's coder reads.
var udv1 = map[string]string{
	"dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "auxpass": "aux:pass",
	"mwe": "fixed", "name": "flat", "neg": "advmod", "remnant": "orphan", "foreign": "flat:foreign",
}

// udv2 returns rel in UD v2 terms.
func udv2(rel string) string {
	if r, ok := udv1[rel]; ok {
		return r
	}
	return rel
}
