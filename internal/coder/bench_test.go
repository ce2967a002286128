package coder_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/testingutil"
)

var parseBlock = regexp.MustCompile(`(?s)<Parse>\s*(.*?)\s*</Parse>`)

// parsedNews returns the parsed news sentences of the PETR2 gold records in
// ../shared, or nil when they are absent.
func parsedNews(tb testing.TB) ([]dyad.Sentence, string) {
	b, err := os.ReadFile(testingutil.SharedData(tb, "universalpetrarch", "PETR2_GSR_validation.xml"))
	if err != nil {
		tb.Fatal(err)
	}
	var text strings.Builder
	var out []dyad.Sentence
	for _, m := range parseBlock.FindAllSubmatch(b, -1) {
		css, err := conllu.Read(strings.NewReader(string(m[1])+"\n\n"), "gsr")
		if err != nil {
			continue
		}
		for _, cs := range css {
			s := dyad.Sentence{Index: len(out)}
			start := text.Len()
			for _, w := range cs.Words {
				b := text.Len()
				text.WriteString(w.Form)
				s.Tokens = append(s.Tokens, dyad.Token{ID: w.ID, Text: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS,
					Head: w.Head, Rel: w.Rel, Span: dyad.Span{Start: b, End: text.Len()}})
				text.WriteByte(' ')
			}
			s.Span = dyad.Span{Start: start, End: text.Len()}
			out = append(out, s)
		}
	}
	full := text.String()
	for i := range out {
		out[i].Text = full[out[i].Span.Start:out[i].Span.End]
	}
	return out, full
}

// BenchmarkCodeParsed measures coding already-parsed news sentences with
// dyad's default dictionaries: actor recognition and event coding, per
// sentence, on one core.
func BenchmarkCodeParsed(b *testing.B) {
	ss, text := parsedNews(b)
	d, err := dict.Default()
	if err != nil {
		b.Fatal(err)
	}
	m := actor.New(d)
	c, err := coder.New(d, coder.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	doc := &dyad.Document{ID: "gsr", Text: text}
	b.ReportAllocs()
	n, evs := 0, 0
	start := testingutil.CPUTime()
	for b.Loop() {
		s := &ss[n%len(ss)]
		evs += len(c.Code(doc, s, m.Find(text, s, doc.Date)))
		n++
	}
	testingutil.ReportCPU(b, start, n)
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(evs)/float64(n), "events/sentence")
}
