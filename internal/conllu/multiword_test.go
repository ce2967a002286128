package conllu

import (
	"bufio"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/segment"
	"github.com/dyad-events/dyad/internal/tokenize"
)

func TestWriteMultiword(t *testing.T) {
	text := "They'll cannot go."
	s := segment.Sentences(text, tokenize.Text(text))[0]
	var b strings.Builder
	w := bufio.NewWriter(&b)
	if err := Write(w, "", &s); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	var ranges []string
	for _, line := range strings.Split(b.String(), "\n") {
		if f := strings.Split(line, "\t"); len(f) == 10 && strings.Contains(f[0], "-") {
			ranges = append(ranges, f[0]+" "+f[1]+" "+f[9])
		}
	}
	want := []string{"1-2 They'll Span=0-7", "3-4 cannot Span=8-14"}
	if strings.Join(ranges, "|") != strings.Join(want, "|") {
		t.Errorf("range lines %q, want %q\n%s", ranges, want, b.String())
	}
	back, err := Read(strings.NewReader(b.String()), "w")
	if err != nil || len(back) != 1 {
		t.Fatalf("round trip: %v %+v", err, back)
	}
	r := back[0]
	if len(r.Words) != 6 || len(r.Tokens) != 2 || r.Tokens[1].First != 3 || r.Tokens[1].Last != 4 || r.Tokens[1].Form != "cannot" {
		t.Fatalf("read back %+v", r)
	}
	// SpaceAfter=No sits on the words outside multiword tokens only: "go"
	// before "." has it, "They" inside "They'll" does not need it.
	for i, want := range []bool{false, true, false, true, false, true} {
		if got := r.SpaceAfter(i); got != want {
			t.Errorf("word %d %q: SpaceAfter %v, want %v", i+1, r.Words[i].Form, got, want)
		}
	}
}

// FuzzWrite writes the tokens of any text as dyad parse does (untagged
// but for possessive apostrophes, unparsed) and reads them back: the file
// must read without error, with every word, and every range line must
// spell its words.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{"I don't know.", "The countries' leaders can't, won't. Gonna go!", "''s 's n't", "a'\"'\x00'", "cannot\n\ncannot"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var b strings.Builder
		w := bufio.NewWriter(&b)
		words := 0
		for _, s := range segment.Sentences(text, tokenize.Text(text)) {
			for i := range s.Tokens {
				if s.Tokens[i].Text == "'" || s.Tokens[i].Text == "’" {
					s.Tokens[i].XPOS = "POS"
				}
			}
			words += len(s.Tokens)
			if err := Write(w, "f", &s); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		back, err := Read(strings.NewReader(b.String()), "fuzz")
		if err != nil {
			t.Fatalf("%q: reading back: %v\n%s", text, err, b.String())
		}
		n := 0
		for _, s := range back {
			n += len(s.Words)
			for _, r := range s.Tokens {
				var form strings.Builder
				for _, wd := range s.Words[r.First-1 : r.Last] {
					form.WriteString(wd.Form)
				}
				if form.String() != r.Form || r.Last <= r.First {
					t.Errorf("%q: range %d-%d %q over %q", text, r.First, r.Last, r.Form, form.String())
				}
			}
		}
		if n != words {
			t.Errorf("%q: wrote %d words, read %d", text, words, n)
		}
	})
}
