package mock

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// match reports whether ev passes every set field of f.
func match(ev *dyad.Event, f *dyad.EventFilter) bool {
	return matchWhen(ev, f) && matchWho(ev, f) && matchWhat(ev, f) && matchFrom(ev, f)
}

func matchWhen(ev *dyad.Event, f *dyad.EventFilter) bool {
	return (f.From == nil || ev.Date >= *f.From) && (f.To == nil || ev.Date <= *f.To)
}

func matchWho(ev *dyad.Event, f *dyad.EventFilter) bool {
	s, t := ev.Source, ev.Target
	if f.Actor != nil && !prefix(s.Code, f.Actor) && !prefix(t.Code, f.Actor) {
		return false
	}
	if f.Country != nil && s.Country != *f.Country && t.Country != *f.Country {
		return false
	}
	if f.SourceCountry != nil && s.Country != *f.SourceCountry {
		return false
	}
	if f.TargetCountry != nil && t.Country != *f.TargetCountry {
		return false
	}
	if prefix(s.Code, f.Source) && prefix(t.Code, f.Target) {
		return true
	}
	return f.Undirected && prefix(t.Code, f.Source) && prefix(s.Code, f.Target)
}

func matchWhat(ev *dyad.Event, f *dyad.EventFilter) bool {
	switch {
	case !prefix(ev.CAMEO.Code, f.CAMEO):
		return false
	case f.PLOVER != nil && !strings.EqualFold(ev.PLOVER.Event, *f.PLOVER):
		return false
	case f.QuadClass != nil && ev.CAMEO.QuadClass != *f.QuadClass:
		return false
	case f.Modality != nil && ev.Modality != *f.Modality:
		return false
	case f.MinConfidence != nil && ev.Confidence < *f.MinConfidence:
		return false
	case f.Text != nil && !containsWords(ev.Text, *f.Text):
		return false
	}
	return true
}

func matchFrom(ev *dyad.Event, f *dyad.EventFilter) bool {
	return (f.DocID == nil || ev.DocID == *f.DocID) && f.ClusterID == nil &&
		(f.DateSource == nil || ev.DateSource == *f.DateSource)
}

// prefix reports whether code starts with *p, or p is nil.
func prefix(code string, p *string) bool {
	return p == nil || strings.HasPrefix(code, *p)
}

// containsWords reports whether every word of q occurs in text, ignoring
// case: a rough stand-in for full-text search.
func containsWords(text, q string) bool {
	text = strings.ToLower(text)
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}
