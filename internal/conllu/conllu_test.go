package conllu

import (
	"bufio"
	"errors"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

const sample = `# sent_id = 1
# text = I don't.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	SpaceAfter=No
2	do	do	AUX	VBP	_	3	aux	_	_
3	n't	not	PART	RB	_	0	root	_	_
3.1	x	x	X	X	_	_	_	_	_
4	.	.	PUNCT	.	_	3	punct	_	_

`

func TestRead(t *testing.T) {
	ss, err := Read(strings.NewReader(sample), "s.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 1 || len(ss[0].Words) != 4 || len(ss[0].Tokens) != 1 {
		t.Fatalf("got %+v", ss)
	}
	s := ss[0]
	if txt, _ := s.Comment("text"); txt != "I don't." {
		t.Errorf("text comment %q", txt)
	}
	if s.Words[3].Head != 3 || s.Words[2].Rel != "root" {
		t.Errorf("words %+v", s.Words)
	}
	want := []bool{true, false, false, true}
	for i, w := range want {
		if s.SpaceAfter(i) != w {
			t.Errorf("SpaceAfter(%d) = %v, want %v", i, !w, w)
		}
	}
}

func TestReadErrors(t *testing.T) {
	in := "1\ta\n2\tb\tb\tX\tX\t_\tz\tdep\t_\t_\n\n1\tok\tok\tX\tX\t_\t0\troot\t_\t_\n"
	ss, err := Read(strings.NewReader(in), "bad.conllu")
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("err = %v, want 2 errors", err)
	}
	if got := list[0].Error(); got != "bad.conllu:1: 2 fields, want 10" {
		t.Errorf("first error %q", got)
	}
	if len(ss) != 1 || ss[0].Words[0].Form != "ok" {
		t.Errorf("sentences %+v", ss)
	}
}

func TestWrite(t *testing.T) {
	s := dyad.Sentence{Index: 0, Span: dyad.Span{Start: 0, End: 3}, Text: "Hi.", Tokens: []dyad.Token{
		{ID: 1, Text: "Hi", Span: dyad.Span{Start: 0, End: 2}, Lemma: "hi", UPOS: "INTJ", XPOS: "UH", Head: 0, Rel: "root"},
		{ID: 2, Text: ".", Span: dyad.Span{Start: 2, End: 3}, Lemma: ".", UPOS: "PUNCT", XPOS: ".", Head: 1, Rel: "punct", SpaceAfter: true},
	}}
	var b strings.Builder
	w := bufio.NewWriter(&b)
	if err := Write(w, "d", &s); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	want := "# sent_id = d-1\n# text = Hi.\n# span = 0-3\n" +
		"1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No|Span=0-2\n" +
		"2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\tSpan=2-3\n\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	back, err := Read(strings.NewReader(b.String()), "w")
	if err != nil || len(back) != 1 || len(back[0].Words) != 2 {
		t.Errorf("round trip: %v %+v", err, back)
	}
}
