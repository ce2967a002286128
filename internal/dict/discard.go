package dict

import (
	"strings"
	"unicode"
)

// Discarder finds discard phrases in text. Build it with NewDiscarder; it
// is read-only and safe for concurrent use. A nil Discarder finds nothing.
type Discarder struct {
	byFirst map[string][]discardWords
}

type discardWords struct {
	words []string
	d     Discard
}

// NewDiscarder indexes ds for Match; nil when ds is empty.
func NewDiscarder(ds []Discard) *Discarder {
	if len(ds) == 0 {
		return nil
	}
	x := &Discarder{byFirst: map[string][]discardWords{}}
	for _, d := range ds {
		w := discardSplit(d.Phrase)
		if len(w) > 0 {
			x.byFirst[w[0]] = append(x.byFirst[w[0]], discardWords{w, d})
		}
	}
	return x
}

// Match returns the first discard, of either kind, whose words occur in
// text as whole words, case-insensitively, and whether there is one.
func (x *Discarder) Match(text string) (Discard, bool) {
	return x.match(text, func(Discard) bool { return true })
}

// MatchStory is Match for story discards only.
func (x *Discarder) MatchStory(text string) (Discard, bool) {
	return x.match(text, func(d Discard) bool { return d.Story })
}

// MatchSentence is Match for sentence discards only.
func (x *Discarder) MatchSentence(text string) (Discard, bool) {
	return x.match(text, func(d Discard) bool { return !d.Story })
}

func (x *Discarder) match(text string, keep func(Discard) bool) (Discard, bool) {
	if x == nil {
		return Discard{}, false
	}
	ws := discardSplit(text)
	for i, w := range ws {
		for _, c := range x.byFirst[w] {
			if keep(c.d) && i+len(c.words) <= len(ws) && equalWords(ws[i:i+len(c.words)], c.words) {
				return c.d, true
			}
		}
	}
	return Discard{}, false
}

// discardSplit splits s into lower-case words of letters, digits, '-' and
// '\”.
func discardSplit(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
