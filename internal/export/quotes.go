package export

import (
	"encoding/json"
	"io"

	"github.com/dyad-events/dyad"
)

// quoteRecord is one line of `dyad code --quotes`.
type quoteRecord struct {
	DocID  string     `json:"doc_id"`
	Quote  dyad.Quote `json:"quote"`
	Events []string   `json:"events"` // ids of the events coded from the quotation
}

// WriteQuotes writes one JSON line per quotation of a document, with the
// ids of the events coded from inside it.
func WriteQuotes(w io.Writer, docID string, qs []dyad.Quote, evs []dyad.Event) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, q := range qs {
		rec := quoteRecord{DocID: docID, Quote: q, Events: []string{}}
		for _, ev := range evs {
			if q.Span.Contains(ev.Evidence.VerbSpan) {
				rec.Events = append(rec.Events, ev.ID)
			}
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return nil
}
