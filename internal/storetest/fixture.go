package storetest

import (
	"fmt"
	"time"

	"github.com/dyad-events/dyad"
)

// Fixture returns n coded documents: document i has one sentence and one
// event, alternating USAGOV→CHNGOV 036 and RUSMIL→UKRMIL 190 (in Kyiv) on
// days 2020-01-01+i, from outlets VOA and Wire in turn. Every third
// event (i = 0, 3, 6, ...) is dated by its sentence (DateFromText), the
// others by their document's publication date.
func Fixture(n int) []*dyad.CodedDocument {
	out := make([]*dyad.CodedDocument, 0, n)
	for i := range n {
		id := fmt.Sprintf("doc%03d", i)
		text := fmt.Sprintf("Story %d happened.", i)
		doc := &dyad.Document{ID: id, Text: text, Source: []string{"VOA", "Wire"}[i%2],
			Date: time.Date(2020, 1, 1+i, 0, 0, 0, 0, time.UTC), URL: "https://example.org/" + id}
		ev := dyad.Event{Schema: 1, ID: id + ":0:0", DocID: id, Text: text, Date: doc.Date.Format("2006-01-02"),
			Modality: dyad.Asserted, Confidence: 0.5 + float64(i%2)/4,
			Source: dyad.Actor{Code: "USAGOV", Country: "USA", Text: "Washington"},
			Target: dyad.Actor{Code: "CHNGOV", Country: "CHN", Text: "Beijing"},
			CAMEO:  dyad.CAMEO{Code: "036", Root: "03", Goldstein: 4, QuadClass: 1},
			PLOVER: dyad.PLOVER{Event: "CONSULT"}, DatePrecision: dyad.PrecisionDay, DateSource: dyad.DateFromPublication}
		if i%3 == 0 {
			ev.DateSource = dyad.DateFromText
		}
		if i%2 == 1 {
			ev.Source = dyad.Actor{Code: "RUSMIL", Country: "RUS", Text: "Russian troops"}
			ev.Target = dyad.Actor{Code: "UKRMIL", Country: "UKR", Text: "Ukrainian forces"}
			ev.CAMEO = dyad.CAMEO{Code: "190", Root: "19", Goldstein: -10, QuadClass: 4}
			ev.PLOVER = dyad.PLOVER{Event: "FIGHT"}
			ev.Location = &dyad.Place{Name: "Kyiv", Country: "UKR", Lat: 50.45, Lon: 30.52}
		}
		out = append(out, &dyad.CodedDocument{Doc: doc,
			Sentences: []dyad.Sentence{{Index: 0, Span: dyad.Span{End: len(text)}, Text: text}},
			Events:    []dyad.Event{ev}})
	}
	return out
}

func ptr[T any](v T) *T { return &v }
