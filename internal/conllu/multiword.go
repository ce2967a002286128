package conllu

import (
	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/tokenize"
)

// multiword returns the index of the last token of the multiword token
// that starts at toks[i] (tokenize.Joined): i itself when toks[i+1] does
// not join it.
func multiword(toks []dyad.Token, i int) int {
	j := i
	for j+1 < len(toks) && tokenize.Joined(toks[j], toks[j+1]) {
		j++
	}
	return j
}
