package eval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestGoldParserAligns copies a CoNLL-U parse onto tokens that split and
// join words differently, and onto a second sentence.
func TestGoldParserAligns(t *testing.T) {
	text := "Arnor's army attacked Gondor. It fled."
	parse := strings.Join([]string{
		"1\tArnor\tArnor\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No",
		"2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_",
		"3\tarmy\tarmy\tNOUN\tNN\t_\t4\tnsubj\t_\t_",
		"4\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_",
		"5\tGondor.\tGondor\tPROPN\tNNP\t_\t4\tdobj\t_\t_",
		"",
		"1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_",
		"2\tfled\tflee\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No",
		"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
	}, "\n")
	g := &goldParser{}
	if err := g.set(text, parse); err != nil {
		t.Fatal(err)
	}
	// dyad's tokens: "Gondor" and "." are two tokens where the parse has one word.
	words := []string{"Arnor", "'s", "army", "attacked", "Gondor", "."}
	s := sentence(text, 0, words)
	g.Tag(&s)
	want := "Arnor/PROPN/3/nmod:poss 's/PART/1/case army/NOUN/4/nsubj attacked/VERB/0/root Gondor/PROPN/4/obj ./PROPN/5/flat"
	if got := render(s); got != want {
		t.Errorf("sentence 1:\n got %s\nwant %s", got, want)
	}
	s2 := sentence(text, strings.Index(text, "It"), []string{"It", "fled", "."})
	g.Tag(&s2)
	if got, want := render(s2), "It/PRON/2/nsubj fled/VERB/0/root ./PUNCT/2/punct"; got != want {
		t.Errorf("sentence 2:\n got %s\nwant %s", got, want)
	}
}

// sentence builds the tokens of words, found in order in text from byte at.
func sentence(text string, at int, words []string) dyad.Sentence {
	var s dyad.Sentence
	for i, w := range words {
		k := strings.Index(text[at:], w) + at
		s.Tokens = append(s.Tokens, dyad.Token{ID: i + 1, Text: w, Span: dyad.Span{Start: k, End: k + len(w)}, Head: -1})
		at = k + len(w)
	}
	return s
}

func render(s dyad.Sentence) string {
	var out []string
	for _, t := range s.Tokens {
		out = append(out, fmt.Sprintf("%s/%s/%d/%s", t.Text, t.UPOS, t.Head, t.Rel))
	}
	return strings.Join(out, " ")
}
