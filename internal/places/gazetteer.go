package places

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dyad-events/dyad"
)

//go:embed gazetteer.tsv.gz
var gazetteerData []byte

// Place is a place as dyad reports it.
type Place = dyad.Place

// Kinds of gazetteer entries.
const (
	kindCountry = 'c' // a country or territory with an ISO 3166-1 code
	kindRegion  = 'r' // a first-level region (state, province, governorate)
	kindCapital = 'k' // a national capital
	kindCity    = 'p' // another populated place
)

// entry is one place of the gazetteer with what ranking needs.
type entry struct {
	place dyad.Place
	kind  byte
	admin string // alpha-2 "." first-level code, for cities and regions
	pop   int
}

// Gazetteer holds the places dyad knows by name. It is read-only once
// built and safe for concurrent use.
type Gazetteer struct {
	entries  []entry
	index    map[string][]int32 // normalised name -> entries, best first
	prefixes map[string]bool    // normalised proper word prefixes of names
}

// Default returns the embedded gazetteer, decompressed and indexed on first
// use. Every call returns the same *Gazetteer.
func Default() (*Gazetteer, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Gazetteer, error) {
	g, err := Read(bytes.NewReader(gazetteerData))
	if err != nil {
		return nil, fmt.Errorf("embedded gazetteer: %w", err)
	}
	return g, nil
})

// Read builds a gazetteer from the gzip-compressed TSV written by the
// generator. Malformed lines are reported together, with line numbers, as
// a *dyad.Error with code EINVALID.
func Read(r io.Reader) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer zr.Close()
	g := &Gazetteer{index: map[string][]int32{}, prefixes: map[string]bool{}}
	sc := bufio.NewScanner(zr)
	var bad []string
	for line := 1; sc.Scan(); line++ {
		e, names, err := parseLine(sc.Text())
		if err != nil {
			bad = append(bad, fmt.Sprintf("gazetteer:%d:1: %v", line, err))
			continue
		}
		g.add(e, names)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	if len(bad) > 0 {
		if len(bad) > 10 {
			bad = append(bad[:10], fmt.Sprintf("and %d more", len(bad)-10))
		}
		return nil, dyad.Errorf(dyad.EINVALID, "%s", strings.Join(bad, "\n"))
	}
	for _, ids := range g.index {
		sort.SliceStable(ids, func(i, j int) bool { return g.better(ids[i], ids[j]) })
	}
	return g, nil
}

// better orders candidates: countries, then national capitals, then
// regions and other places by population, except that a place beats the
// region of the same name that holds it ("New York" is the city).
func (g *Gazetteer) better(a, b int32) bool {
	ea, eb := &g.entries[a], &g.entries[b]
	if ra, rb := kindRank(ea.kind), kindRank(eb.kind); ra != rb {
		return ra < rb
	}
	if ea.admin != "" && ea.admin == eb.admin && ea.kind != eb.kind {
		return ea.kind == kindCity
	}
	return ea.pop > eb.pop
}

func kindRank(k byte) int {
	switch k {
	case kindCountry:
		return 0
	case kindCapital:
		return 1
	}
	return 2
}

// parseLine reads one generator line: kind, id, name, aliases, country,
// admin, population, latitude, longitude.
func parseLine(s string) (entry, []string, error) {
	f := strings.Split(s, "\t")
	if len(f) != 9 {
		return entry{}, nil, fmt.Errorf("%d fields, want 9", len(f))
	}
	id, err1 := strconv.Atoi(f[1])
	pop, err2 := strconv.Atoi(f[6])
	lat, err3 := strconv.ParseFloat(f[7], 64)
	lon, err4 := strconv.ParseFloat(f[8], 64)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || len(f[0]) != 1 || f[2] == "" {
		return entry{}, nil, fmt.Errorf("bad field in %q", s)
	}
	e := entry{
		place: dyad.Place{Name: f[2], Country: f[4], Lat: lat, Lon: lon, GeoNamesID: id},
		kind:  f[0][0], admin: f[5], pop: pop,
	}
	names := []string{f[2]}
	if f[3] != "" {
		names = append(names, strings.Split(f[3], "|")...)
	}
	return e, names, nil
}

// add indexes e under each of its names.
func (g *Gazetteer) add(e entry, names []string) {
	id := int32(len(g.entries))
	g.entries = append(g.entries, e)
	seen := map[string]bool{}
	for _, n := range names {
		k := normalize(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		g.index[k] = append(g.index[k], id)
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' {
				g.prefixes[k[:i]] = true
			}
		}
	}
}

// Lookup returns every place called name (case, diacritics and punctuation
// aside), best first: countries, then populated places by population, then
// regions. It returns nil for an unknown name.
func (g *Gazetteer) Lookup(name string) []dyad.Place {
	return g.places(g.index[normalize(name)])
}

func (g *Gazetteer) places(ids []int32) []dyad.Place {
	if len(ids) == 0 {
		return nil
	}
	out := make([]dyad.Place, len(ids))
	for i, id := range ids {
		out[i] = g.entries[id].place
	}
	return out
}

// Len returns the number of places in g.
func (g *Gazetteer) Len() int { return len(g.entries) }
