package eval_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/eval"
)

// FuzzParseRecords feeds arbitrary files to the records reader: it may
// refuse them, but must not panic, and every record it returns has text
// and a line inside the input.
func FuzzParseRecords(f *testing.F) {
	f.Add(records)
	for _, s := range []string{
		`<Sentence id="a"><Text>x</Text></Sentence>`,
		`<Sentence id='a' date = "990101"/><EventCoding noevents="True"/><Text>a &amp; b</Text>`,
		"<Sentence><Parse>1\tA\ta\tX\tX\t_\t0\troot\t_\t_</Parse>",
		`<Environment><Verbfile>, ,</Verbfile></Environment><Sentence/><!-- <Text>`,
		`<Sentences></Sentences><Sentence id="late"><Text>t</Text>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		rf, err := eval.ParseRecords("f.xml", src)
		if err != nil {
			return
		}
		lines := strings.Count(src, "\n") + 1
		for _, r := range rf.Records {
			if r.Text == "" || r.Line < 1 || r.Line > lines {
				t.Fatalf("record %+v: empty text or line outside 1..%d", r, lines)
			}
		}
	})
}
