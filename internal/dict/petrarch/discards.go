package petrarch

import (
	"io"
	"strings"

	"github.com/dyad-events/dyad/internal/dict"
)

// Discard is a phrase whose presence drops a sentence from coding, or with
// Story set ("+PHRASE") the whole story (sports results, weather,
// entertainment).
type Discard = dict.Discard

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

// Discards finds discard phrases in text: dict.Discarder, which the
// pipeline applies to a dictionary's Discards.
type Discards = dict.Discarder

// NewDiscards indexes ds for Match.
func NewDiscards(ds []Discard) *Discards { return dict.NewDiscarder(ds) }
