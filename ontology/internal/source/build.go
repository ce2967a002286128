package source

import (
	"fmt"
	"slices"
	"strings"
)

// Report says what Build left out of the table.
type Report struct {
	// Unmapped lists the codes with no PLOVER mapping (PLOVER dropped them).
	Unmapped []string
	// Unknown lists mappings for codes that are not in the CAMEO list.
	Unknown []Mapping
}

// Build joins the CAMEO rows, the PLOVER mappings and the names into the
// ontology table, sorted by code, and applies Corrections. A root code
// ("03") takes the mapping of its general code ("030"). Every CAMEO code
// needs a name; every name needs a CAMEO code.
func Build(rows []CAMEORow, maps map[string]Mapping, names map[string]string) ([]Entry, Report, error) {
	var rep Report
	var errs []string
	known := map[string]bool{}
	entries := make([]Entry, 0, len(rows))
	for _, r := range rows {
		known[r.Code] = true
		e := Entry{Code: r.Code, Root: r.Root, Name: names[r.Code], Goldstein: r.Goldstein, QuadClass: QuadClass(r.Root)}
		if e.Name == "" {
			errs = append(errs, fmt.Sprintf("%s: code %s has no name in %s", r.Pos, r.Code, NamesFile))
		}
		if e.QuadClass == 0 {
			errs = append(errs, fmt.Sprintf("%s: code %s: root %s has no quad class", r.Pos, r.Code, r.Root))
		}
		if m, ok := maps[r.Code]; ok && len(r.Code) > 2 {
			e.HasPLOVER, e.Event, e.Mode, e.Context = true, m.Event, m.Mode, slices.Clone(m.Context)
		}
		entries = append(entries, e)
	}
	for code := range names {
		if !known[code] {
			errs = append(errs, fmt.Sprintf("%s: name for unknown code %s", NamesFile, code))
		}
	}
	for _, m := range maps {
		if !known[m.Code] {
			rep.Unknown = append(rep.Unknown, m)
		}
	}
	slices.SortFunc(rep.Unknown, func(a, b Mapping) int { return strings.Compare(a.Code, b.Code) })
	slices.SortFunc(entries, func(a, b Entry) int { return strings.Compare(a.Code, b.Code) })
	errs = append(errs, correct(entries)...)
	rep.Unmapped = mapRoots(entries)
	if len(errs) > 0 {
		slices.Sort(errs)
		return nil, rep, fmt.Errorf("build ontology: %s", strings.Join(errs, "\n"))
	}
	return entries, rep, nil
}

// correct applies Corrections to entries and returns a message for each
// correction whose From no longer matches.
func correct(entries []Entry) []string {
	var errs []string
	for _, c := range Corrections {
		i, ok := slices.BinarySearchFunc(entries, c.Code, func(e Entry, code string) int { return strings.Compare(e.Code, code) })
		if !ok {
			errs = append(errs, fmt.Sprintf("correction for unknown code %s", c.Code))
			continue
		}
		e := &entries[i]
		switch c.Field {
		case "mode":
			if e.Mode != c.From {
				errs = append(errs, fmt.Sprintf("correction %s mode: want %q, table has %q", c.Code, c.From, e.Mode))
				continue
			}
			e.Mode = c.To
		case "context":
			if got := strings.Join(e.Context, ";"); got != c.From {
				errs = append(errs, fmt.Sprintf("correction %s context: want %q, table has %q", c.Code, c.From, got))
				continue
			}
			e.Context = nil
			if c.To != "" {
				e.Context = strings.Split(c.To, ";")
			}
		default:
			errs = append(errs, fmt.Sprintf("correction %s: unknown field %q", c.Code, c.Field))
		}
	}
	return errs
}

// mapRoots gives each root code ("03") the corrected mapping of its general
// code ("030") and returns the codes left without a mapping. entries must
// be sorted.
func mapRoots(entries []Entry) (unmapped []string) {
	for i := range entries {
		e := &entries[i]
		if len(e.Code) == 2 && i+1 < len(entries) && entries[i+1].Code == e.Code+"0" {
			g := entries[i+1]
			e.HasPLOVER, e.Event, e.Mode, e.Context = g.HasPLOVER, g.Event, g.Mode, slices.Clone(g.Context)
		}
		if !e.HasPLOVER {
			unmapped = append(unmapped, e.Code)
		}
	}
	return unmapped
}
