package dict

import "strings"

// Merge adds o's entries to d; o wins. An actor of o replaces d's actor of
// the same kind, code and name. A person (keyed by name and country) known
// to both is joined: the names and roles of both, o's code when it has
// one. An agent's names join d's agent of the same code and leave any
// other agent. A verb replaces d's verb of the same kind and pattern
// (dict.Verb.Key). Discards are added.
func (d *Dictionary) Merge(o *Dictionary) {
	if o == nil {
		return
	}
	d.mergeActors(o.Actors)
	d.mergeAgents(o.Agents)
	d.mergeVerbs(o.Verbs)
	d.Discards = append(d.Discards, o.Discards...)
}

func (d *Dictionary) mergeActors(as []*Actor) {
	at := make(map[string]int, len(d.Actors))
	for i, a := range d.Actors {
		at[a.key()] = i
	}
	for _, a := range as {
		if i, ok := at[a.key()]; ok {
			if a.Kind == Person {
				d.Actors[i] = joinPerson(d.Actors[i], a)
			} else {
				d.Actors[i] = a
			}
			continue
		}
		at[a.key()] = len(d.Actors)
		d.Actors = append(d.Actors, a)
	}
}

// joinPerson returns a new entry for one person known to two files: b's
// code (when it has one) and position, both sets of names and roles, b's
// role replacing an identical one of a.
func joinPerson(a, b *Actor) *Actor {
	j := *b
	if j.Code == "" {
		j.Code, j.Sectors = a.Code, a.Sectors
	}
	j.Names = addUnique(append([]string(nil), a.Names...), b.Names...)
	j.Roles = nil
	for _, r := range a.Roles {
		if !hasRole(b.Roles, r) {
			j.Roles = append(j.Roles, r)
		}
	}
	j.Roles = append(j.Roles, b.Roles...)
	return &j
}

func hasRole(rs []Role, r Role) bool {
	for _, x := range rs {
		if x.Code == r.Code && x.From.Equal(r.From) && x.To.Equal(r.To) {
			return true
		}
	}
	return false
}

func (d *Dictionary) mergeAgents(as []*Agent) {
	for _, o := range as {
		taken := map[string]bool{}
		for _, n := range o.Names {
			taken[strings.ToLower(n)] = true
		}
		var mine *Agent
		for _, a := range d.Agents {
			if a.Code == o.Code {
				mine = a
				continue
			}
			a.Names = without(a.Names, taken)
		}
		if mine == nil {
			cp := *o
			cp.Names = append([]string(nil), o.Names...)
			d.Agents = append(d.Agents, &cp)
			continue
		}
		mine.Names = addUnique(mine.Names, o.Names...)
	}
}

// without returns names less those in taken (lower-cased).
func without(names []string, taken map[string]bool) []string {
	out := names[:0:0]
	for _, n := range names {
		if !taken[strings.ToLower(n)] {
			out = append(out, n)
		}
	}
	return out
}

func (d *Dictionary) mergeVerbs(vs []*Verb) {
	at := make(map[string]int, len(d.Verbs))
	key := (*Verb).Key
	for i, v := range d.Verbs {
		at[key(v)] = i
	}
	for _, v := range vs {
		if i, ok := at[key(v)]; ok {
			d.Verbs[i] = v
			continue
		}
		at[key(v)] = len(d.Verbs)
		d.Verbs = append(d.Verbs, v)
	}
}
