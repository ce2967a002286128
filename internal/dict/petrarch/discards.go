package petrarch

import (
	"io"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/internal/dict"
)

// Discard is a phrase whose presence drops a sentence from coding, or with
// Story set the whole story (sports results, weather, entertainment).
type Discard struct {
	Phrase string // words joined by spaces, as written
	Story  bool   // "+PHRASE": discard the story, not only the sentence
	Pos    dict.Pos
}

// ParseDiscards reads a discards file: one phrase a line, "+" for a
// story-level discard.
func ParseDiscards(name string, r io.Reader) ([]Discard, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	var (
		out  []Discard
		errs dict.ErrorList
	)
	for _, l := range lines {
		if l.blank() {
			continue
		}
		at := l.indent()
		d := Discard{Pos: dict.Pos{File: name, Line: l.num, Col: at + 1}}
		text := l.text[at:]
		if strings.HasPrefix(text, "+") {
			d.Story, text = true, text[1:]
		}
		if strings.ContainsAny(text, "[]{}") {
			errs.Add(d.Pos, "unexpected bracket in a discard phrase")
			continue
		}
		if d.Phrase = phrase(text); d.Phrase == "" {
			errs.Add(d.Pos, "empty discard phrase")
			continue
		}
		out = append(out, d)
	}
	return out, errs.Err()
}

// Discards finds discard phrases in text. Build it with NewDiscards; it is
// read-only and safe for concurrent use.
type Discards struct {
	byFirst map[string][]discardWords
}

type discardWords struct {
	words []string
	d     Discard
}

// NewDiscards indexes ds for Match.
func NewDiscards(ds []Discard) *Discards {
	x := &Discards{byFirst: map[string][]discardWords{}}
	for _, d := range ds {
		w := words(d.Phrase)
		if len(w) > 0 {
			x.byFirst[w[0]] = append(x.byFirst[w[0]], discardWords{w, d})
		}
	}
	return x
}

// Match returns the first discard whose words occur in text as whole
// words, case-insensitively, and whether there is one.
func (x *Discards) Match(text string) (Discard, bool) {
	if x == nil {
		return Discard{}, false
	}
	ws := words(text)
	for i, w := range ws {
		for _, c := range x.byFirst[w] {
			if i+len(c.words) <= len(ws) && equal(ws[i:i+len(c.words)], c.words) {
				return c.d, true
			}
		}
	}
	return Discard{}, false
}

// words splits s into lower-case words of letters, digits, '-' and '\”.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
