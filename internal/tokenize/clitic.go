package tokenize

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// clitics are the contracted words UD English writes as words of their
// own, lower case.
var clitics = set("'s", "'re", "'ve", "'ll", "'d", "'m", "n't",
	"’s", "’re", "’ve", "’ll", "’d", "’m", "n’t", "'", "’")

// fused words are written as two words in UD English; the value is the
// length of the first.
var fused = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3, "arent": 3,
	"couldnt": 5, "wouldnt": 5, "shouldnt": 6, "havent": 4, "hasnt": 3,
}

// clitic finds a contraction at the end of text[s:e] ("n't", "'s", "'ll")
// and returns its span, or -1, -1. For a fused word ("cannot") the span is
// its second half ("not").
func (c *chunker) clitic(s, e int) (int, int) {
	w := c.text[s:e]
	if len(w) < 2 {
		return -1, -1
	}
	if !strings.ContainsAny(w, "'’") {
		// only fused words remain possible; all end in "a" or "t"
		if last := w[len(w)-1] | 0x20; len(w) <= 8 && (last == 'a' || last == 't') {
			if k, ok := fused[strings.ToLower(w)]; ok {
				return s + k, e
			}
		}
		return -1, -1
	}
	if clitics[strings.ToLower(w)] {
		return -1, -1
	}
	for _, suf := range []string{"n't", "n’t"} {
		if len(w) > len(suf) && hasSuffixFold(w, suf) {
			return e - len(suf), e
		}
	}
	for _, q := range []string{"'", "’"} {
		i := strings.LastIndex(w, q)
		if i <= 0 || !isAlnum(w[i-1]) {
			continue
		}
		switch strings.ToLower(w[i+len(q):]) {
		case "s", "re", "ve", "ll", "d", "m":
			return s + i, e
		}
	}
	return -1, -1
}

func hasSuffixFold(w, suf string) bool {
	return len(w) >= len(suf) && strings.EqualFold(w[len(w)-len(suf):], suf)
}

// Joined reports whether t is written together with prev, the token
// before it, as one surface token that UD English splits into words (a
// multiword token): a clitic the tokenizer split off ("n't", "'s",
// "'ll"), the second half of a fused word ("not" of "cannot", "na" of
// "gonna"), or the apostrophe of a plural possessive ("countries'") once
// the tagger has tagged it POS, since the same mark closes quotes.
// CoNLL-U output writes such words under a range line, and the raw-text
// scorer counts them as one token, as the treebanks do.
func Joined(prev, t dyad.Token) bool {
	if prev.SpaceAfter || prev.Span.End != t.Span.Start || prev.Text == "" {
		return false
	}
	if last := prev.Text[len(prev.Text)-1]; last == '\'' || last == '`' || strings.HasSuffix(prev.Text, "’") {
		return false
	}
	switch lt := strings.ToLower(t.Text); {
	case lt == "'" || lt == "’":
		return t.XPOS == "POS"
	case clitics[lt]:
		return true
	}
	k, ok := fused[strings.ToLower(prev.Text+t.Text)]
	return ok && k == len(prev.Text)
}
