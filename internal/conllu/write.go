package conllu

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
)

// Write writes s as one CoNLL-U sentence: "# sent_id", "# text" and
// "# span" comments (the sentence's byte span in its document), then one
// line per token with its byte span in MISC, then a blank line. Words the
// tokenizer split from one surface token ("do" and "n't" of "don't") get a
// range line before them, as in the UD treebanks (tokenize.Joined). docID, when
// not empty, prefixes the sentence id.
func Write(w *bufio.Writer, docID string, s *dyad.Sentence) error {
	id := fmt.Sprint(s.Index + 1)
	if docID != "" {
		id = docID + "-" + id
	}
	fmt.Fprintf(w, "# sent_id = %s\n# text = %s\n# span = %d-%d\n", id, oneLine(s.Text), s.Span.Start, s.Span.End)
	last := -1 // the last token of the multiword token being written
	for i, t := range s.Tokens {
		if i > last {
			if j := multiword(s.Tokens, i); j > i {
				writeRange(w, s.Tokens[i:j+1])
				last = j
			}
		}
		head := "_"
		if t.Head >= 0 {
			head = fmt.Sprint(t.Head)
		}
		misc := fmt.Sprintf("Span=%d-%d", t.Span.Start, t.Span.End)
		if !t.SpaceAfter && i > last {
			misc = "SpaceAfter=No|" + misc
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t_\t%s\t%s\t_\t%s\n", t.ID, field(t.Text),
			field(t.Lemma), field(t.UPOS), field(t.XPOS), head, field(t.Rel), misc)
	}
	_, err := w.WriteString("\n")
	return err
}

// writeRange writes the range line of a multiword token: its words' IDs,
// the surface form they spell, and SpaceAfter=No when the token is
// followed without a space (UD puts it here, not on the words).
func writeRange(w *bufio.Writer, words []dyad.Token) {
	var form strings.Builder
	for _, t := range words {
		form.WriteString(t.Text)
	}
	end := words[len(words)-1]
	misc := fmt.Sprintf("Span=%d-%d", words[0].Span.Start, end.Span.End)
	if !end.SpaceAfter {
		misc = "SpaceAfter=No|" + misc
	}
	fmt.Fprintf(w, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", words[0].ID, end.ID, field(form.String()), misc)
}

// oneLine replaces line breaks and tabs in a comment with spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// field returns s fit for a CoNLL-U field: "_" when empty, no tabs or
// line breaks.
func field(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		return oneLine(s)
	}
	return s
}
