package segment

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/tokenize"
)

func split(text string) []string {
	var out []string
	for _, s := range Sentences(text, tokenize.Text(text)) {
		out = append(out, s.Text)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"no punctuation at all", []string{"no punctuation at all"}},
		{"He left. She stayed!", []string{"He left.", "She stayed!"}},
		{`"We will win," he said. "Never."`, []string{`"We will win," he said.`, `"Never."`}},
		{`He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"Dr. Smith met Gen. J. Doe in the U.S. Senate.", []string{"Dr. Smith met Gen. J. Doe in the U.S. Senate."}},
		{"He lives in the U.S. The rest live in Japan.", []string{"He lives in the U.S.", "The rest live in Japan."}},
		{"It rose 3.5 percent. Prices fell (slightly.) Then what?", []string{"It rose 3.5 percent.", "Prices fell (slightly.)", "Then what?"}},
		{"Headline here\n\nTOKYO (AP) — Japan voted on Jan. 5. It won.", []string{"Headline here", "TOKYO (AP) —", "Japan voted on Jan. 5.", "It won."}},
		{"WASHINGTON, D.C. -- Talks ended.", []string{"WASHINGTON, D.C. --", "Talks ended."}},
		{"NATO — the alliance — met.", []string{"NATO — the alliance — met."}},
		{"THE END —", []string{"THE END —"}},
		{"wait... and then... It ended.", []string{"wait... and then...", "It ended."}},
		{`"Did they see it?'" asks Lee. They did.`, []string{`"Did they see it?'" asks Lee.`, "They did."}},
		{"We regret the vote.“ Later, the board met.", []string{"We regret the vote.“", "Later, the board met."}},
		{"A fort built ca. 900 B.C. stands here.", []string{"A fort built ca. 900 B.C. stands here."}},
		{"It honours Hank Lowe Jr. Since then, it has grown.", []string{"It honours Hank Lowe Jr.", "Since then, it has grown."}},
		{"Hank Lowe Jr. said no.", []string{"Hank Lowe Jr. said no."}},
	}
	for _, tt := range tests {
		got := split(tt.in)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Sentences(%q)\n got: %q\nwant: %q", tt.in, got, tt.want)
		}
	}
}

func TestLongSentence(t *testing.T) {
	text := strings.Repeat("word, ", 10000)
	ss := Sentences(text, tokenize.Text(text))
	total := 0
	for _, s := range ss {
		if len(s.Tokens) > MaxTokens {
			t.Fatalf("sentence %d has %d tokens, more than %d", s.Index, len(s.Tokens), MaxTokens)
		}
		total += len(s.Tokens)
	}
	if total != 20000 {
		t.Fatalf("got %d tokens in all, want 20000", total)
	}
}

// checkSentences fails unless sentences are ordered, their spans slice
// text, token IDs run 1..n and every token lies inside its sentence.
func checkSentences(t *testing.T, text string) {
	t.Helper()
	toks := tokenize.Text(text)
	ss := Sentences(text, toks)
	prev, n := 0, 0
	for i, s := range ss {
		if s.Index != i || s.Span.Start < prev || s.Span.End > len(text) || s.Span.Start > s.Span.End {
			t.Fatalf("%q: sentence %d: index %d span %v after %d", text, i, s.Index, s.Span, prev)
		}
		if text[s.Span.Start:s.Span.End] != s.Text {
			t.Fatalf("%q: sentence %d: Text %q is not its span", text, i, s.Text)
		}
		for k, tk := range s.Tokens {
			if tk.ID != k+1 || !s.Span.Contains(tk.Span) {
				t.Fatalf("%q: sentence %d token %d: ID %d span %v outside %v", text, i, k, tk.ID, tk.Span, s.Span)
			}
		}
		n += len(s.Tokens)
		prev = s.Span.End
	}
	if n != len(toks) {
		t.Fatalf("%q: sentences hold %d tokens, text has %d", text, n, len(toks))
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"He left. She stayed!", "U.S. The", "\n\n.\n\n", "\xff. A", `"no." Then`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSentences(t, text)
	})
}

func BenchmarkSentences(b *testing.B) {
	text := strings.Repeat("WASHINGTON (AP) — The U.S. Senate on Tuesday voted 52-48 to confirm Gen. Lloyd Austin. Officials said so. ", 100)
	toks := tokenize.Text(text)
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text, toks)
	}
}

func TestAbbreviationBeforeLowerCase(t *testing.T) {
	for _, text := range []string{
		"Killed in what U.S. officials called a raid.",
		"The U.S. and the UN agreed.",
	} {
		if ss := Sentences(text, tokenize.Text(text)); len(ss) != 1 {
			t.Errorf("%q: %d sentences, want 1 (a lower-case word after an abbreviation goes on)", text, len(ss))
		}
	}
	text := "It was made in the U.S. The rest came later."
	if ss := Sentences(text, tokenize.Text(text)); len(ss) != 2 {
		t.Errorf("%q: %d sentences, want 2", text, len(ss))
	}
}
