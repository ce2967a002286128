package pipeline

import (
	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dates"
	"github.com/dyad-events/dyad/internal/places"
)

// understand fills what the sentence around an event says of it: the date
// attached to its clause (and so whether it is historical) and the
// quotation it was coded from.
func (p *Pipeline) understand(doc *dyad.Document, s *dyad.Sentence, qs []dyad.Quote, ev *dyad.Event) {
	for _, q := range qs {
		if q.Span.Contains(ev.Evidence.VerbSpan) {
			q := q
			ev.Quote = &q
			break
		}
	}
	m, ok := clauseDate(doc, s, ev.Evidence.VerbSpan)
	if !ok {
		return
	}
	ev.Date, ev.DatePrecision, ev.DateSource = m.Date.Format("2006-01-02"), m.Precision, dyad.DateFromText
	if ev.Modality == dyad.Asserted && !doc.Date.IsZero() && dates.Historical(m, doc.Date) {
		ev.Modality = dyad.Historical
	}
}

// clauseDate returns the date expression of s in the verb's clause,
// nearest the verb.
func clauseDate(doc *dyad.Document, s *dyad.Sentence, verb dyad.Span) (dates.Mention, bool) {
	ms := dates.Find(s.Text, doc.Date)
	if len(ms) == 0 {
		return dates.Mention{}, false
	}
	return dates.Nearest(s.Text, ms, dyad.Span{Start: verb.Start - s.Span.Start, End: verb.End - s.Span.Start})
}

// storyPlaces holds what place rules need of the whole story.
type storyPlaces struct {
	g        *places.Gazetteer
	prior    []string    // the story's countries, most mentioned first
	dateline *dyad.Place // the dateline's place, if any
}

func (p *Pipeline) newStoryPlaces(doc *dyad.Document) *storyPlaces {
	sp := &storyPlaces{g: p.places, prior: p.places.Prior(p.places.Find(doc.Text))}
	if dl, ok := p.places.DatelinePlace(doc.Text, sp.prior); ok {
		sp.dateline = &dl
	}
	return sp
}

// locate sets the event's place: its clause's, else the dateline's.
func (sp *storyPlaces) locate(s *dyad.Sentence, ev *dyad.Event) {
	pl, ok := sp.g.EventPlace(places.EventContext{Sentence: s.Text, Offset: s.Span.Start,
		Verb: ev.Evidence.VerbSpan, Dateline: sp.dateline, Prior: sp.prior})
	if ok {
		ev.Location = &pl
	}
}
