package train

import (
	"strings"

	"github.com/dyad-events/dyad/internal/conllu"
)

// GUMHeldOut returns the GUM document names that splits.md (given as its
// text) marks dev, test or test2; they are kept out of training.
func GUMHeldOut(splits string) map[string]bool {
	out := map[string]bool{}
	section := ""
	for _, line := range strings.Split(splits, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "## ") {
			section = strings.TrimSpace(line[3:])
			continue
		}
		if section != "train" && strings.HasPrefix(line, "* ") {
			out[strings.TrimSpace(line[2:])] = true
		}
	}
	return out
}

// forms returns the word forms of s.
func forms(s *conllu.Sentence) []string {
	f := make([]string, len(s.Words))
	for i, w := range s.Words {
		f[i] = w.Form
	}
	return f
}
