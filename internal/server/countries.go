package server

import (
	"cmp"
	"context"
	"slices"

	"github.com/dyad-events/dyad"
)

// The dashboard aggregates actors to their countries (or international
// organisations) by default: USA, USAGOV and USAMIL are one actor, the
// United States. Actors with no country (bare sectors such as GOV or CVL,
// unidentified armed forces) are shown apart, as they name no party.

// byCountry folds actor counts into one count per country, named after
// the actor whose code is the country (USA: "United States") when there is
// one, and returns the actors with no country apart. Both are sorted by
// events. A country's count adds its actors' counts, so an event between
// two of its own actors counts twice; the network, which has the dyads,
// counts it once.
func byCountry(as []dyad.ActorCount) (countries, apart []dyad.ActorCount) {
	idx := map[string]int{}
	for _, a := range as {
		c := a.Country
		if c == "" {
			apart = append(apart, a)
			continue
		}
		i, ok := idx[c]
		if !ok {
			i = len(countries)
			idx[c] = i
			countries = append(countries, dyad.ActorCount{Code: c, Country: c})
		}
		countries[i].Events += a.Events
		if a.Code == c && a.Name != "" {
			countries[i].Name = a.Name
		}
	}
	byEvents := func(a, b dyad.ActorCount) int { return cmp.Or(b.Events-a.Events, cmp.Compare(a.Code, b.Code)) }
	slices.SortStableFunc(countries, byEvents)
	slices.SortStableFunc(apart, byEvents)
	return countries, apart
}

// networkByCountry folds a network's nodes and edges into countries,
// keeping the n busiest edges between two different countries; edges
// within a country and nodes with no country are left out.
// countries maps actor codes to countries where the network's nodes do
// not say (the SQLite store's nodes carry codes only).
func networkByCountry(net *dyad.Network, n int, countries map[string]string) *dyad.Network {
	country := map[string]string{}
	for i, a := range net.Nodes {
		if a.Country == "" {
			net.Nodes[i].Country = countries[a.Code]
		}
		country[a.Code] = net.Nodes[i].Country
	}
	type pair struct{ s, t string }
	idx := map[pair]int{}
	var edges []dyad.DyadCount
	for _, e := range net.Edges {
		s, t := country[e.Source], country[e.Target]
		if s == "" || t == "" || s == t {
			continue
		}
		i, ok := idx[pair{s, t}]
		if !ok {
			i = len(edges)
			idx[pair{s, t}] = i
			edges = append(edges, dyad.DyadCount{Source: s, Target: t})
		}
		d := &edges[i]
		d.Events += e.Events
		d.GoldsteinSum += e.GoldsteinSum
		for q := range 4 {
			d.Quad[q] += e.Quad[q]
		}
	}
	slices.SortStableFunc(edges, func(a, b dyad.DyadCount) int { return b.Events - a.Events })
	edges = edges[:min(n, len(edges))]
	nodes, _ := byCountry(net.Nodes)
	used := map[string]int{}
	for i := range edges {
		edges[i].GoldsteinMean = edges[i].GoldsteinSum / float64(edges[i].Events)
		used[edges[i].Source] += edges[i].Events
		used[edges[i].Target] += edges[i].Events
	}
	out := &dyad.Network{Edges: edges}
	for _, a := range nodes {
		if used[a.Code] > 0 {
			a.Events = used[a.Code] // events on the edges shown
			out.Nodes = append(out.Nodes, a)
		}
	}
	return out
}

// nameActors fills in the names a ranking left out (the stores rank codes
// without names) from the store's actor search, when it has one: the name
// stored most often with exactly that code.
func (s *Server) nameActors(ctx context.Context, as []dyad.ActorCount) error {
	sr, ok := s.store.(actorSearcher)
	if !ok {
		return nil
	}
	for i := range as {
		if as[i].Name != "" {
			continue
		}
		found, err := sr.SearchActors(ctx, as[i].Code, 50)
		if err != nil {
			return err
		}
		for _, f := range found {
			if f.Code == as[i].Code && f.Name != "" {
				as[i].Name = f.Name
				break
			}
		}
	}
	return nil
}

// dyadNames returns the names of the actors of ds, by code, as far as the
// store's actor search knows them.
func (s *Server) dyadNames(ctx context.Context, ds []dyad.DyadCount) (map[string]string, error) {
	var as []dyad.ActorCount
	seen := map[string]bool{}
	for _, d := range ds {
		for _, c := range []string{d.Source, d.Target} {
			if !seen[c] {
				seen[c] = true
				as = append(as, dyad.ActorCount{Code: c})
			}
		}
	}
	if err := s.nameActors(ctx, as); err != nil {
		return nil, err
	}
	names := make(map[string]string, len(as))
	for _, a := range as {
		if a.Name != "" {
			names[a.Code] = a.Name
		}
	}
	return names, nil
}
