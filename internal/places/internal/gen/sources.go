package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// country is a country with the alpha-2 code that cities refer to.
type country struct {
	entry
	cc2, cca3 string
}

// readCountries reads countries.json: common and official names, useful
// alternative spellings, alpha codes and centroid.
func readCountries(path string) ([]country, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read countries: %w", err)
	}
	var raw []struct {
		Name struct {
			Common, Official string
		}
		CCA2, CCA3   string
		AltSpellings []string
		LatLng       []float64
		Demonyms     map[string]struct{ F, M string }
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("parse countries: %w", err)
	}
	var out []country
	for _, r := range raw {
		if len(r.LatLng) != 2 || r.CCA3 == "" {
			continue
		}
		seen := map[string]bool{r.Name.Common: true}
		for _, d := range r.Demonyms { // "Thai" is a people, not a place
			seen[d.F], seen[d.M] = true, true
		}
		var aliases []string
		add := func(s string) {
			if s != "" && !seen[s] && usefulAlias(s) {
				seen[s] = true
				aliases = append(aliases, s)
			}
		}
		add(r.Name.Official)
		for _, s := range r.AltSpellings {
			if len(strings.Fields(s)) <= 4 { // "Prathet" alone, long official forms
				add(s)
			}
		}
		for _, s := range countryAliases[r.CCA3] {
			add(s)
		}
		out = append(out, country{
			entry: entry{kind: 'c', name: r.Name.Common, aliases: aliases, cc3: r.CCA3,
				lat: r.LatLng[0], lon: r.LatLng[1]},
			cc2: r.CCA2, cca3: r.CCA3,
		})
	}
	return out, nil
}

// badAliases are alternative spellings that read as ordinary words or
// names in English news ("Island" for Iceland, "Mann" for the Isle of Man).
var badAliases = map[string]bool{
	"Island": true, "Mann": true, "Mannin": true, "Prathet": true, "Lao": true,
	"Viti": true, "Nijar": true, "Sarnam": true, "Jabuuti": true, "Gabuuti": true,
	"Buliwya": true, "Wuliwya": true, "Dzayer": true, "Naoero": true, "Guiana": true,
}

// usefulAlias keeps alternative names a news text could use: Latin script,
// no inverted forms ("Korea, Republic of"), no two-letter codes.
func usefulAlias(s string) bool {
	if len(s) < 3 || badAliases[s] || strings.Contains(s, ",") || strings.Contains(s, "(") {
		return false
	}
	for _, r := range s {
		if r > 0x24F && r != '’' {
			return false
		}
	}
	return true
}

// readCities reads the GeoNames cities file.
func readCities(path string, cc3 map[string]string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read cities: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var out []entry
	var bad []string
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			continue // header
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 9 {
			bad = append(bad, fmt.Sprintf("%s:%d: %d fields, want 9", path, line, len(c)))
			continue
		}
		id, err1 := strconv.Atoi(c[0])
		pop, err2 := strconv.Atoi(c[6])
		lat, err3 := strconv.ParseFloat(c[7], 64)
		lon, err4 := strconv.ParseFloat(c[8], 64)
		code, ok := cc3[c[3]]
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || !ok {
			bad = append(bad, fmt.Sprintf("%s:%d: bad number or unknown country %q", path, line, c[3]))
			continue
		}
		kind := byte('p')
		if c[5] == "PPLC" {
			kind = 'k' // a national capital
		}
		out = append(out, entry{kind: kind, id: id, name: c[1], cc3: code,
			admin: c[3] + "." + c[4], pop: pop, lat: lat, lon: lon})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read cities: %w", err)
	}
	for _, b := range bad {
		fmt.Fprintln(os.Stderr, "gen: skipped", b)
	}
	return out, nil
}

// addCityAliases adds the English names news uses for some cities, "St."
// for "Saint", and the part before a comma ("Washington, D.C.").
func addCityAliases(cities []entry) {
	for i := range cities {
		e := &cities[i]
		if rest, ok := strings.CutPrefix(e.name, "Saint "); ok {
			e.aliases = append(e.aliases, "St. "+rest)
		}
		if before, _, ok := strings.Cut(e.name, ","); ok {
			e.aliases = append(e.aliases, before)
		}
		if arabic[e.cc3] {
			e.aliases = append(e.aliases, arabicVariants(e.name)...)
		}
		for _, a := range cityAliases {
			if a.name == e.name && a.cc3 == e.cc3 {
				e.aliases = append(e.aliases, a.alias)
			}
		}
	}
}

// arabicVariants returns the forms news uses for transliterated Arabic
// names: without the article ("Al Başrah" -> "Başrah") and with a final
// "-ah" as "-a" ("Basra", "Raqqa").
func arabicVariants(name string) []string {
	var out []string
	if a, ok := strings.CutSuffix(name, "ah"); ok && !strings.Contains(name, " ") {
		out = append(out, a+"a")
	}
	for _, art := range []string{"Al ", "Ar ", "As ", "Ash ", "An ", "Ad ", "Az ", "At ", "Adh ", "Al-", "El "} {
		if rest, ok := strings.CutPrefix(name, art); ok && len(rest) > 3 {
			out = append(out, rest)
			if a, ok := strings.CutSuffix(rest, "ah"); ok {
				out = append(out, a+"a")
			}
			break
		}
	}
	return out
}

// arabic are the countries whose place names are transliterated Arabic.
var arabic = map[string]bool{
	"IRQ": true, "SYR": true, "YEM": true, "SAU": true, "LBY": true, "EGY": true,
	"JOR": true, "LBN": true, "PSE": true, "ARE": true, "OMN": true, "KWT": true,
	"QAT": true, "BHR": true, "SDN": true, "DZA": true, "TUN": true, "MAR": true,
	"MRT": true,
}
