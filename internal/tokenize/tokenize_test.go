package tokenize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

func forms(text string) string {
	toks := Text(text)
	f := make([]string, len(toks))
	for i, t := range toks {
		f[i] = t.Text
	}
	return strings.Join(f, " | ")
}

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Hello, world.", "Hello | , | world | ."},
		{"The U.S. and Dr. Smith met on Jan. 5.", "The | U.S. | and | Dr. | Smith | met | on | Jan. | 5 | ."},
		{"I don't know; they can't, won't.", "I | do | n't | know | ; | they | ca | n't | , | wo | n't | ."},
		{"China's army and the students' union", "China | 's | army | and | the | students | ' | union"},
		{"He’s here and we’ll go.", "He | ’s | here | and | we | ’ll | go | ."},
		{"I cannot go, gonna stay", "I | can | not | go | , | gon | na | stay"},
		{`"We will win," he said.`, `" | We | will | win | , | " | he | said | .`},
		{"(AP) — Japan", "( | AP | ) | — | Japan"},
		{"TOKYO (Reuters) -- Talks", "TOKYO | ( | Reuters | ) | -- | Talks"},
		{"Al-Zaman and a 10-year-old e-mail from a non-profit", "Al | - | Zaman | and | a | 10 | - | year | - | old | e-mail | from | a | non-profit"},
		{"It cost $1,200.50, up 5% on 9/11 at 10:30.", "It | cost | $ | 1,200.50 | , | up | 5 | % | on | 9/11 | at | 10:30 | ."},
		{"Call 713-853-3989 or mail jo.doe@example.com.", "Call | 713-853-3989 | or | mail | jo.doe@example.com | ."},
		{"See https://example.org/a?b=1, (www.voa.com).", "See | https://example.org/a?b=1 | , | ( | www.voa.com | ) | ."},
		{"Wait... What?! No!!", "Wait | ... | What | ?! | No | !!"},
		{"and/or the 1990–1995 war", "and | / | or | the | 1990 | – | 1995 | war"},
		{"It's -5 degrees", "It | 's | -5 | degrees"},
		{"“Yes,” she said.", "“ | Yes | , | ” | she | said | ."},
		{"Mr. O'Brien's", "Mr. | O'Brien | 's"},
		{"at 5 p.m. Friday", "at | 5 | p.m. | Friday"},
		{"a\x00b\x01c", "a | b | c"},
		{"bad \xff\xfe utf8", "bad | utf8"},
		{"東京 で", "東京 | で"},
		{"pre- and post-war", "pre- | and | post-war"},
	}
	for _, tt := range tests {
		if got := forms(tt.in); got != tt.want {
			t.Errorf("Text(%q)\n got: %s\nwant: %s", tt.in, got, tt.want)
		}
	}
}

func TestSpaceAfter(t *testing.T) {
	toks := Text(`He said "no."`)
	var got []bool
	for _, tk := range toks {
		got = append(got, tk.SpaceAfter)
	}
	want := []bool{true, true, false, false, false, true}
	if len(got) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d %q: SpaceAfter %v, want %v", i, toks[i].Text, got[i], want[i])
		}
	}
}

// checkSpans fails unless every token slices text to its form, tokens are
// ordered and disjoint, and forms are non-empty valid UTF-8 without spaces.
func checkSpans(t *testing.T, text string) {
	t.Helper()
	prev := 0
	for i, tk := range Text(text) {
		s := tk.Span
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("%q: token %d %q has span %v after %d", text, i, tk.Text, s, prev)
		}
		if text[s.Start:s.End] != tk.Text {
			t.Fatalf("%q: token %d: span %v slices %q, not %q", text, i, s, text[s.Start:s.End], tk.Text)
		}
		if !utf8.ValidString(tk.Text) || strings.ContainsAny(tk.Text, " \t\n\r") {
			t.Fatalf("%q: token %d %q is invalid UTF-8 or has a space", text, i, tk.Text)
		}
		if tk.Head != -1 {
			t.Fatalf("%q: token %d: Head %d, want -1", text, i, tk.Head)
		}
		prev = s.End
	}
}

func TestSpans(t *testing.T) {
	for _, text := range []string{
		"WASHINGTON (AP) — The U.S. Senate on Tuesday voted 52-48 to confirm Gen. Lloyd Austin's nomination.",
		"“It’s not over,” said Ms. García, 45. «Bien» (see p. 4)…",
		"--- ''' ``` $$$ %%% ... ’’’ ?!?",
		strings.Repeat("word ", 1000),
	} {
		checkSpans(t, text)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Hello, world.", "U.S. don't", "\xff\x00a-b", "“’s”", "a@b.c", "http://x.y/(z)."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text)
	})
}

func BenchmarkText(b *testing.B) {
	text := strings.Repeat("WASHINGTON (AP) — The U.S. Senate on Tuesday voted 52-48 to confirm Gen. Lloyd Austin's nomination, officials said. ", 100)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Text(text)
	}
}

// toks lays words out as the tokenizer would: a word ending in "+" is
// followed by the next with no space.
func toks(words ...string) []dyad.Token {
	var out []dyad.Token
	off := 0
	for i, w := range words {
		glued := strings.HasSuffix(w, "+")
		w = strings.TrimSuffix(w, "+")
		t := dyad.Token{ID: i + 1, Text: w, Span: dyad.Span{Start: off, End: off + len(w)}, Head: 0, Rel: "dep", SpaceAfter: !glued}
		off += len(w)
		if !glued {
			off++
		}
		out = append(out, t)
	}
	return out
}

func TestJoined(t *testing.T) {
	for _, c := range []struct {
		words []string
		xpos  string // of the second word
		want  bool
	}{
		{[]string{"do+", "n't"}, "RB", true},
		{[]string{"It+", "’s"}, "VBZ", true},
		{[]string{"John+", "'s"}, "POS", true},
		{[]string{"they+", "'ll"}, "MD", true},
		{[]string{"can+", "not"}, "RB", true},
		{[]string{"gon+", "na"}, "TO", true},
		{[]string{"do+", "nt"}, "RB", true},
		{[]string{"countries+", "'"}, "POS", true},
		{[]string{"countries+", "'"}, "''", false}, // a closing quote
		{[]string{"do", "n't"}, "RB", false},       // a space between
		{[]string{"can", "not"}, "RB", false},
		{[]string{"he+", "not"}, "RB", false},
		{[]string{"'+", "s"}, "NN", false},
		{[]string{"rock+", "n"}, "CC", false},
		{[]string{"U.S.+", "-"}, "HYPH", false},
	} {
		ts := toks(c.words...)
		ts[1].XPOS = c.xpos
		if got := Joined(ts[0], ts[1]); got != c.want {
			t.Errorf("Joined(%q, %q/%s) = %v, want %v", c.words[0], c.words[1], c.xpos, got, c.want)
		}
	}
}
