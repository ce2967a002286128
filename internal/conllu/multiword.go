package conllu

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// Joined reports whether t is written together with prev, the token
// before it, as one surface token that UD English splits into words (a
// multiword token): a clitic ("n't", "'s", "'ll") or the second half of a
// fused word ("not" of "cannot", "na" of "gonna") that follows prev with
// no space, or the apostrophe of a plural possessive ("countries'") once
// the tagger has tagged it POS. The tokenizer splits these; Write joins
// them again on a range line, and the raw-text scorer counts them as one
// token, as the treebanks do.
func Joined(prev, t dyad.Token) bool {
	if prev.SpaceAfter || prev.Span.End != t.Span.Start || prev.Text == "" {
		return false
	}
	if last := prev.Text[len(prev.Text)-1]; last == '\'' || strings.HasSuffix(prev.Text, "’") || last == '`' {
		return false
	}
	switch strings.ToLower(strings.ReplaceAll(t.Text, "’", "'")) {
	case "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "nt":
		return true
	case "'":
		return t.XPOS == "POS"
	case "not":
		return strings.EqualFold(prev.Text, "can")
	case "na", "ta":
		switch strings.ToLower(prev.Text) {
		case "gon", "wan", "got":
			return true
		}
	}
	return false
}

// multiword returns the index of the last token of the multiword token
// that starts at toks[i]: i itself when toks[i+1] does not join it.
func multiword(toks []dyad.Token, i int) int {
	j := i
	for j+1 < len(toks) && Joined(toks[j], toks[j+1]) {
		j++
	}
	return j
}
