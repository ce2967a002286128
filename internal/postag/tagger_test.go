package postag

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/testingutil"
)

func sentence(words ...string) *dyad.Sentence {
	s := &dyad.Sentence{}
	for i, w := range words {
		s.Tokens = append(s.Tokens, dyad.Token{ID: i + 1, Text: w, Head: -1})
	}
	return s
}

func loadDefault(tb testing.TB) *Tagger {
	t, err := Default()
	if errors.Is(err, ErrNoModel) {
		tb.Skip("no tagger model embedded")
	}
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func TestTag(t *testing.T) {
	tg := loadDefault(t)
	tests := []struct{ words, upos, lemmas string }{
		{"Rebels attacked the town on Tuesday .", "NOUN VERB DET NOUN ADP PROPN PUNCT", "rebel attack the town on Tuesday ."},
		{"The minister was n't arrested by police", "DET NOUN AUX PART VERB ADP NOUN", "the minister be not arrest by police"},
		{"China 's leaders met Obama", "PROPN PART NOUN VERB PROPN", "China 's leader meet Obama"},
	}
	for _, tt := range tests {
		s := sentence(strings.Fields(tt.words)...)
		tg.Tag(s)
		var upos, lemmas []string
		for _, tk := range s.Tokens {
			upos = append(upos, tk.UPOS)
			lemmas = append(lemmas, tk.Lemma)
		}
		if got := strings.Join(upos, " "); got != tt.upos {
			t.Errorf("%s\n got UPOS: %s\nwant UPOS: %s", tt.words, got, tt.upos)
		}
		if got := strings.Join(lemmas, " "); got != tt.lemmas {
			t.Errorf("%s\n got lemmas: %s\nwant lemmas: %s", tt.words, got, tt.lemmas)
		}
	}
}

func TestTagBadInput(t *testing.T) {
	tg := loadDefault(t)
	for _, words := range [][]string{nil, {""}, {"\xff\xfe"}, {"東京", "で"}, strings.Fields(strings.Repeat("x ", 10000))} {
		s := sentence(words...)
		tg.Tag(s)
		for i, tk := range s.Tokens {
			if tk.UPOS == "" || tk.XPOS == "" {
				t.Fatalf("%d words: token %d untagged", len(words), i)
			}
		}
	}
}

func FuzzTag(f *testing.F) {
	f.Add("The army attacked .")
	f.Add("\xff \x00 東京")
	f.Fuzz(func(t *testing.T, text string) {
		tg := loadDefault(t)
		s := sentence(strings.Fields(text)...)
		tg.Tag(s)
		for i, tk := range s.Tokens {
			if tk.UPOS == "" {
				t.Fatalf("%q: token %d untagged", text, i)
			}
		}
	})
}

func TestShapeNormalize(t *testing.T) {
	tests := []struct{ in, shape, norm string }{
		{"Hello", "Xxx", "hello"},
		{"U.S.", "X.X.", "u.s."},
		{"1,200", "d,dd", "0,000"},
		{"東京", "xx", "東京"},
	}
	for _, tt := range tests {
		if got := shape(tt.in); got != tt.shape {
			t.Errorf("shape(%q) = %q, want %q", tt.in, got, tt.shape)
		}
		if got := Normalize(tt.in); got != tt.norm {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.norm)
		}
	}
}

func BenchmarkTag(b *testing.B) {
	tg := loadDefault(b)
	s := sentence(strings.Fields("The United Nations Security Council on Tuesday condemned the attack on the embassy , which killed 12 people , and called for an investigation .")...)
	b.ReportAllocs()
	for b.Loop() {
		tg.Tag(s)
	}
}

// BenchmarkLoad decodes the embedded model and builds its two scoring
// tables, as Default does on first use (docs/NLP.md, load target 1 s).
func BenchmarkLoad(b *testing.B) {
	raw, err := modelFS.ReadFile(ModelFile)
	if err != nil {
		b.Skip(err)
	}
	testingutil.BenchLoad(b, raw, func(r io.Reader) error {
		m, err := Decode(r)
		if err == nil {
			New(m)
		}
		return err
	})
}
