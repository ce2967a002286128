package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// readRegions returns the first-level subdivisions of ISO 3166-2 for which
// the cities file gives a position: every US state (GeoNames uses the ISO
// state code as admin code), Canadian province and Australian state (see
// geonamesAdmin) and, elsewhere, every subdivision named like
// the seat city of a GeoNames first-level division ("Idlib", "Kandahar").
// The position is the population-weighted centre of the division's cities;
// the population, their sum. Others are left out: the data hold no
// coordinates for them.
func readRegions(path string, cities []entry, cc3 map[string]string) ([]entry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read regions: %w", err)
	}
	var raw map[string][]struct {
		Code, Name, Type, Parent string
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("parse regions: %w", err)
	}
	byAdmin := map[string][]entry{}
	byName := map[string]string{} // alpha-2 + name -> admin key of a same-named city
	for _, c := range cities {
		byAdmin[c.admin] = append(byAdmin[c.admin], c)
		byName[c.admin[:2]+"\t"+c.name] = c.admin
	}
	var out []entry
	for _, r := range raw["3166-2"] {
		if r.Parent != "" || len(r.Code) < 4 {
			continue
		}
		cc2, sub := r.Code[:2], r.Code[3:]
		code, ok := cc3[cc2]
		if !ok {
			continue
		}
		admin := ""
		if cc2 == "US" {
			admin = "US." + sub
		} else if a, ok := geonamesAdmin[r.Code]; ok {
			admin = cc2 + "." + a
		} else if a, ok := byName[cc2+"\t"+r.Name]; ok {
			admin = a
		}
		members := byAdmin[admin]
		if admin == "" || len(members) == 0 {
			continue
		}
		e := entry{kind: 'r', name: r.Name, cc3: code, admin: admin}
		var w float64
		for _, c := range members {
			e.pop += c.pop
			w += float64(c.pop)
			e.lat += c.lat * float64(c.pop)
			e.lon += c.lon * float64(c.pop)
		}
		e.lat /= w
		e.lon /= w
		if strings.HasPrefix(r.Code, "US-") {
			e.aliases = append(e.aliases, usStateAbbrev(sub)...)
		}
		out = append(out, e)
	}
	return out, nil
}

// usStateAbbrev returns the AP-style abbreviation of a few US states used
// in datelines ("PARIS, Texas"); the two-letter codes are too ambiguous to
// match as words.
func usStateAbbrev(code string) []string {
	if a, ok := apStates[code]; ok {
		return []string{a}
	}
	return nil
}

// geonamesAdmin maps ISO 3166-2 codes to GeoNames first-level admin codes
// where they differ and the country matters to news: Canada and Australia.
var geonamesAdmin = map[string]string{
	"CA-AB": "01", "CA-BC": "02", "CA-MB": "03", "CA-NB": "04", "CA-NL": "05",
	"CA-NS": "07", "CA-ON": "08", "CA-PE": "09", "CA-QC": "10", "CA-SK": "11",
	"CA-YT": "12", "CA-NT": "13", "CA-NU": "14",
	"AU-ACT": "01", "AU-NSW": "02", "AU-NT": "03", "AU-QLD": "04", "AU-SA": "05",
	"AU-TAS": "06", "AU-VIC": "07", "AU-WA": "08",
}
