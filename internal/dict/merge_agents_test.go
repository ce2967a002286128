package dict

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// mergeAgentsByScan is mergeAgents as it was written first, one pass over
// d's agents per agent of o: the reference the indexed version must match.
func (d *Dictionary) mergeAgentsByScan(as []*Agent) {
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

// TestMergeAgentsIndexed checks that mergeAgents does what a scan does, on
// random agents whose names and codes collide often (in case too).
func TestMergeAgentsIndexed(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	agents := func(n int) []*Agent {
		var out []*Agent
		for range n {
			a := &Agent{Code: fmt.Sprintf("~A%d", r.IntN(8))}
			for range 1 + r.IntN(4) {
				name := fmt.Sprintf("name%d", r.IntN(30))
				if r.IntN(3) == 0 {
					name = strings.ToUpper(name)
				}
				a.Names = append(a.Names, name)
			}
			out = append(out, a)
		}
		return out
	}
	clone := func(as []*Agent) []*Agent {
		var out []*Agent
		for _, a := range as {
			cp := *a
			cp.Names = append([]string(nil), a.Names...)
			out = append(out, &cp)
		}
		return out
	}
	for i := range 200 {
		base, add := agents(r.IntN(12)), agents(r.IntN(12))
		got, want := &Dictionary{Agents: clone(base)}, &Dictionary{Agents: clone(base)}
		got.mergeAgents(clone(add))
		want.mergeAgentsByScan(clone(add))
		if !reflect.DeepEqual(got.Agents, want.Agents) {
			t.Fatalf("case %d: merging %v into %v:\n got %v\nwant %v", i, deref(add), deref(base), deref(got.Agents), deref(want.Agents))
		}
	}
}

func deref(as []*Agent) []Agent {
	out := make([]Agent, len(as))
	for i, a := range as {
		out[i] = *a
	}
	return out
}
