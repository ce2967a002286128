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
	// The verbs merge beside the actors and agents: each part of d is
	// touched by one merge alone.
	done := make(chan struct{})
	go func() {
		defer close(done)
		d.mergeVerbs(o.Verbs)
	}()
	d.mergeActors(o.Actors)
	d.mergeAgents(o.Agents)
	<-done
	d.Discards = append(d.Discards, o.Discards...)
}

func (d *Dictionary) mergeActors(as []*Actor) {
	at := make(map[string]int, len(d.Actors)+len(as))
	for i, a := range d.Actors {
		at[a.key()] = i
	}
	for _, a := range as {
		k := a.key()
		if i, ok := at[k]; ok {
			if a.Kind == Person {
				d.Actors[i] = joinPerson(d.Actors[i], a)
			} else {
				d.Actors[i] = a
			}
			continue
		}
		at[k] = len(d.Actors)
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
	if j.Died.IsZero() {
		j.Died = a.Died
	}
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
	// owners indexes d's agents by lower-cased name, so that a name taken
	// by o leaves the agents holding it without a pass over all of d's
	// agents for each of o's (quadratic for Phoenix-size files).
	owners := map[string][]*Agent{}
	byCode := map[string]*Agent{} // the last agent of each code, as a scan would find
	own := func(a *Agent, names []string) {
		for _, n := range names {
			k := strings.ToLower(n)
			if l := owners[k]; len(l) == 0 || l[len(l)-1] != a {
				owners[k] = append(l, a)
			}
		}
	}
	for _, a := range d.Agents {
		own(a, a.Names)
		byCode[a.Code] = a
	}
	for _, o := range as {
		taken := map[string]bool{}
		for _, n := range o.Names {
			taken[strings.ToLower(n)] = true
		}
		for k := range taken {
			var keep []*Agent
			for _, a := range owners[k] {
				if a.Code == o.Code {
					keep = append(keep, a)
					continue
				}
				a.Names = without(a.Names, taken)
			}
			owners[k] = keep
		}
		mine := byCode[o.Code]
		if mine == nil {
			cp := *o
			cp.Names = append([]string(nil), o.Names...)
			d.Agents = append(d.Agents, &cp)
			own(&cp, cp.Names)
			byCode[cp.Code] = &cp
			continue
		}
		mine.Names = addUnique(mine.Names, o.Names...)
		own(mine, o.Names)
	}
}

// mergeVerbs adds vs to d's verbs. A verb of vs replaces every pattern of
// d it says again under any of its heads: the first such entry of d
// takes its place; the others lose that head, or go when it was their
// only one.
func (d *Dictionary) mergeVerbs(vs []*Verb) {
	type at struct{ i, h int } // entry, head (0: Words[0], k: Heads[k-1])
	n := 0
	for _, v := range d.Verbs {
		n += 1 + len(v.Heads)
	}
	for _, v := range vs {
		n += 1 + len(v.Heads)
	}
	where := make(map[string]at, n) // sized: growing it rehashed every key (Phoenix has 240,000)
	for i, v := range d.Verbs {
		for h, k := range v.HeadKeys() {
			where[k] = at{i, h}
		}
	}
	dropped := map[int]map[int]bool{} // entry → heads it loses
	for _, v := range vs {
		keys, p := v.HeadKeys(), -1
		for _, k := range keys {
			w, ok := where[k]
			switch {
			case !ok || dropped[w.i][w.h]:
			case p < 0 && len(d.Verbs[w.i].Heads) == 0:
				d.Verbs[w.i], p = v, w.i
			default:
				if dropped[w.i] == nil {
					dropped[w.i] = map[int]bool{}
				}
				dropped[w.i][w.h] = true
			}
		}
		if p < 0 {
			p = len(d.Verbs)
			d.Verbs = append(d.Verbs, v)
		}
		for h, k := range keys {
			where[k] = at{p, h}
		}
	}
	if len(dropped) == 0 {
		return
	}
	out := d.Verbs[:0]
	for i, v := range d.Verbs {
		if drop := dropped[i]; drop != nil {
			v = v.without(drop)
		}
		if v != nil {
			out = append(out, v)
		}
	}
	d.Verbs = out
}

// without returns a copy of v less the heads in drop (0: Words[0]), or nil
// when none is left.
func (v *Verb) without(drop map[int]bool) *Verb {
	var heads []string
	for h, w := range append([]string{v.Words[0]}, v.Heads...) {
		if !drop[h] {
			heads = append(heads, w)
		}
	}
	if len(heads) == 0 {
		return nil
	}
	c := *v
	c.Words = append([]string{heads[0]}, v.Words[1:]...)
	c.Heads = heads[1:]
	if len(c.Heads) == 0 {
		c.Heads = nil
	}
	return &c
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
