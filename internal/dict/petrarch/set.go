package petrarch

import (
	"github.com/dyad-events/dyad/internal/dict"
)

// Set is everything read from a set of PETRARCH files: the entries of each
// kind, in file order.
type Set struct {
	Actors   []*ActorEntry
	Agents   []*AgentEntry
	Verbs    []*Verbs
	Discards []Discard
	Issues   []Issue
}

// Add appends o's entries to s.
func (s *Set) Add(o *Set) {
	s.Actors = append(s.Actors, o.Actors...)
	s.Agents = append(s.Agents, o.Agents...)
	s.Verbs = append(s.Verbs, o.Verbs...)
	s.Discards = append(s.Discards, o.Discards...)
	s.Issues = append(s.Issues, o.Issues...)
}

// Report counts what Set.Dictionary converted and what dict's types could
// not hold. Lost maps a short description to how many entries it hit.
type Report struct {
	Actors, Agents, Verbs int // dict entries made
	Patterns              int // verb patterns read, before conversion
	Lost                  map[string]int
}

func (r *Report) lose(what string, n int) {
	if n == 0 {
		return
	}
	if r.Lost == nil {
		r.Lost = map[string]int{}
	}
	r.Lost[what] += n
}

// Dictionary converts s into dyad's types, as faithfully as they allow,
// and reports what was lost. Issues have no counterpart in dict and are
// left out.
func (s *Set) Dictionary() (*dict.Dictionary, Report) {
	var r, rv Report
	d := &dict.Dictionary{}
	// The verbs convert beside the actors and agents: neither reads the
	// other, and Phoenix has many of both.
	done := make(chan struct{})
	go func() {
		defer close(done)
		var es []coded
		for _, v := range s.Verbs {
			convertVerbs(v, func(e *dict.Verb, c Code) { es = append(es, coded{e, c}) }, &rv)
		}
		d.Verbs = keepFirst(es, &rv)
	}()
	for _, a := range s.Actors {
		d.Actors = append(d.Actors, convertActor(a, &r))
	}
	for _, a := range s.Agents {
		if ag := convertAgent(a, &r); ag != nil {
			d.Agents = append(d.Agents, ag)
		}
	}
	<-done
	r.Patterns += rv.Patterns
	for what, n := range rv.Lost {
		r.lose(what, n)
	}
	d.Discards = append(d.Discards, s.Discards...)
	r.Actors, r.Agents, r.Verbs = len(d.Actors), len(d.Agents), len(d.Verbs)
	return d, r
}
