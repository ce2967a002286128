package pipeline

import (
	"fmt"
	"io"
	"strings"
)

// Explain writes, sentence by sentence, the actors found, the events coded
// and the rule behind each, for people checking why dyad coded what it did.
func (r *Result) Explain(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("== %s", r.Doc.ID)
	if r.Doc.Title != "" {
		ew.printf(" — %s", r.Doc.Title)
	}
	if !r.Doc.Date.IsZero() {
		ew.printf(" (%s)", r.Doc.Date.Format("2006-01-02"))
	}
	ew.printf("\n")
	for i, s := range r.Sentences {
		ew.printf("\n[%d] %s\n", s.Index, strings.TrimSpace(s.Text))
		for _, m := range r.Actors[i] {
			role := "actor"
			if m.Place {
				role = "place"
			}
			ew.printf("    %-6s %-22s %q\n", role, m.Code, m.Text)
		}
		n := 0
		for _, ev := range r.Events {
			if ev.Sentence != s.Index {
				continue
			}
			n++
			ew.printf("    event  %s %s -> %s  %s %q [%s, %s] (%.2f)\n", ev.CAMEO.Code, code(ev.Source.Code), code(ev.Target.Code),
				ev.PLOVER.Event, ev.Evidence.Verb, ev.Modality, ev.Evidence.Rule, ev.Confidence)
		}
		if n == 0 {
			ew.printf("    no event\n")
		}
	}
	for _, note := range r.Notes {
		ew.printf("note: %s\n", note)
	}
	return ew.err
}

func code(c string) string {
	if c == "" {
		return "-"
	}
	return c
}

// errWriter keeps the first write error so a long report is written with
// one check at the end.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
