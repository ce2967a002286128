package quotes_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/quotes"
)

// tokens splits s on spaces, keeping quotation marks and final punctuation
// as tokens of their own.
func sentence(text string, start int) dyad.Sentence {
	s := dyad.Sentence{Span: dyad.Span{Start: start, End: start + len(text)}, Text: text}
	i := 0
	for i < len(text) {
		if text[i] == ' ' {
			i++
			continue
		}
		j := i + 1
		if !strings.ContainsRune("\",.:", rune(text[i])) {
			for j < len(text) && !strings.ContainsRune(" \",.:", rune(text[j])) {
				j++
			}
		}
		s.Tokens = append(s.Tokens, dyad.Token{ID: len(s.Tokens) + 1, Text: text[i:j], Span: dyad.Span{Start: start + i, End: start + j}})
		i = j
	}
	return s
}

func at(s dyad.Sentence, word string, a dyad.Actor) dyad.Mention {
	for k, t := range s.Tokens {
		if t.Text == word {
			a.Span = t.Span
			return dyad.Mention{Actor: a, First: k, Last: k}
		}
	}
	panic("no token " + word)
}

func TestFind(t *testing.T) {
	usa := dyad.Actor{Code: "USAGOV"}
	jpn := dyad.Actor{Code: "JPNGOV"}
	for _, tt := range []struct {
		name, text, speaker string
		actor               dyad.Actor
		want                string // quotation text
		direct              bool
	}{
		{"OK/AfterTold", `"We will not accept it," Blinken told reporters.`, "Blinken", usa, "We will not accept it,", true},
		{"OK/SaidBefore", `Sugiyama said: "Japan stands firm."`, "Sugiyama", jpn, "Japan stands firm.", true},
		{"OK/SaidSpeaker", `"No," said Sugiyama.`, "Sugiyama", jpn, "No,", true},
		{"OK/Indirect", `Sugiyama said Japan would coordinate with Seoul.`, "Sugiyama", jpn, "Japan would coordinate with Seoul", false},
		{"OK/IndirectThat", `Blinken said that talks were over.`, "Blinken", usa, "talks were over", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := sentence(tt.text, 0)
			ms := [][]dyad.Mention{{at(s, tt.speaker, tt.actor)}}
			qs := quotes.Find(tt.text, []dyad.Sentence{s}, ms)
			if len(qs) != 1 {
				t.Fatalf("%q: %d quotations %+v, want 1", tt.text, len(qs), qs)
			}
			q := qs[0]
			if q.Text != tt.want || q.Direct != tt.direct || q.Speaker.Code != tt.actor.Code {
				t.Errorf("%q: got {%q direct=%v speaker=%s}, want {%q direct=%v speaker=%s}", tt.text, q.Text, q.Direct, q.Speaker.Code, tt.want, tt.direct, tt.actor.Code)
			}
		})
	}
	t.Run("OK/NoSpeaker", func(t *testing.T) {
		text := `"Nothing," the sign read.`
		qs := quotes.Find(text, []dyad.Sentence{sentence(text, 0)}, [][]dyad.Mention{nil})
		if len(qs) != 1 || qs[0].Speaker.Code != "" {
			t.Fatalf("got %+v, want one quotation without a speaker", qs)
		}
	})
}

// TestFindPart checks that Find reads quotation marks only within the
// sentences it is given: a long story is coded a part at a time, and
// each part must not return the quotations of the whole story again.
func TestFindPart(t *testing.T) {
	first := `"We will not accept it," Blinken told reporters.`
	second := `Sugiyama said: "Japan stands firm."`
	text := first + "\n\n" + second
	s2 := sentence(second, len(first)+2)
	got := quotes.Find(text, []dyad.Sentence{s2}, [][]dyad.Mention{nil})
	if len(got) != 1 || got[0].Text != "Japan stands firm." || text[got[0].Span.Start:got[0].Span.End] != got[0].Text {
		t.Fatalf("Find(second sentence of %q) = %+v, want the one quotation %q with its span in the story", text, got, "Japan stands firm.")
	}
}

// TestSpeakerGoesOn: a quotation that names no speaker, opening in the
// sentence after an attributed one, is the same speaker's; one further on,
// after a sentence of the reporter's own, is nobody's.
func TestSpeakerGoesOn(t *testing.T) {
	tur := dyad.Actor{Code: "TURGOV"}
	first := `"We will retaliate," Erdogan said.`
	second := `"We want peace."`
	third := `The talks ended.`
	fourth := `"We are ready."`
	text := first + " " + second + " " + third + " " + fourth
	var sents []dyad.Sentence
	off := 0
	for _, s := range []string{first, second, third, fourth} {
		sents = append(sents, sentence(s, off))
		off += len(s) + 1
	}
	ms := [][]dyad.Mention{{at(sents[0], "Erdogan", tur)}, nil, nil, nil}
	qs := quotes.Find(text, sents, ms)
	var got []string
	for _, q := range qs {
		got = append(got, q.Text+"="+q.Speaker.Code)
	}
	want := []string{"We will retaliate,=TURGOV", "We want peace.=TURGOV", "We are ready.="}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
