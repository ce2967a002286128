package conllu

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
)

// Write writes s as one CoNLL-U sentence: "# sent_id", "# text" and
// "# span" comments (the sentence's byte span in its document), then one
// line per token with its byte span in MISC, then a blank line. docID, when
// not empty, prefixes the sentence id.
func Write(w *bufio.Writer, docID string, s *dyad.Sentence) error {
	id := fmt.Sprint(s.Index + 1)
	if docID != "" {
		id = docID + "-" + id
	}
	fmt.Fprintf(w, "# sent_id = %s\n# text = %s\n# span = %d-%d\n", id, oneLine(s.Text), s.Span.Start, s.Span.End)
	for _, t := range s.Tokens {
		head := "_"
		if t.Head >= 0 {
			head = fmt.Sprint(t.Head)
		}
		misc := fmt.Sprintf("Span=%d-%d", t.Span.Start, t.Span.End)
		if !t.SpaceAfter {
			misc = "SpaceAfter=No|" + misc
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t_\t%s\t%s\t_\t%s\n", t.ID, field(t.Text),
			field(t.Lemma), field(t.UPOS), field(t.XPOS), head, field(t.Rel), misc)
	}
	_, err := w.WriteString("\n")
	return err
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
