package pipeline

import (
	"sort"
	"strings"
)

// UnknownName is a proper name that no dictionary entry codes, with how
// often it was seen.
type UnknownName struct {
	Name     string
	Count    int    // sentences it stands in
	InEvents int    // of those, sentences that yielded an event
	Example  string // the first sentence it was seen in
	DocID    string // and its document
}

// Unknowns counts the uncoded names of coded documents, so dictionaries
// can grow where the news goes. It is not safe for concurrent use.
type Unknowns struct {
	p     *Pipeline
	names map[string]*UnknownName
}

// Unknowns returns an empty tally of the names this pipeline's
// dictionaries and gazetteer do not know.
func (p *Pipeline) Unknowns() *Unknowns { return &Unknowns{p: p, names: map[string]*UnknownName{}} }

// Add counts the uncoded names of one coded document.
func (u *Unknowns) Add(r *Result) {
	for i := range r.Sentences {
		s := &r.Sentences[i]
		withEvent := false
		for _, ev := range r.Events {
			withEvent = withEvent || ev.Sentence == s.Index
		}
		seen := map[string]bool{}
		for _, sp := range u.p.actors.Unknown(r.Doc.Text, s, r.Actors[i]) {
			name := r.Doc.Text[sp.Start:sp.End]
			if seen[name] || len(u.p.places.Lookup(name)) > 0 {
				continue // places are not actors the dictionary misses
			}
			seen[name] = true
			n, ok := u.names[name]
			if !ok {
				n = &UnknownName{Name: name, Example: strings.TrimSpace(s.Text), DocID: r.Doc.ID}
				u.names[name] = n
			}
			n.Count++
			if withEvent {
				n.InEvents++
			}
		}
	}
}

// Top returns the k most frequent names (all when k <= 0), most frequent
// first, then those seen in event sentences, then by name.
func (u *Unknowns) Top(k int) []UnknownName {
	out := make([]UnknownName, 0, len(u.names))
	for _, n := range u.names {
		out = append(out, *n)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.InEvents != b.InEvents {
			return a.InEvents > b.InEvents
		}
		return a.Name < b.Name
	})
	if k > 0 && k < len(out) {
		out = out[:k]
	}
	return out
}
