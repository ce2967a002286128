package places

import (
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
)

// Mention is a place name found in a text.
type Mention struct {
	Span       dyad.Span    // bytes of the text given to Find
	Text       string       // the name as written
	Candidates []dyad.Place // every place so called, best first
	// Prep is the lower-case preposition just before the name ("in",
	// "at", "near", "from", …), or "" when there is none.
	Prep string

	ids []int32 // gazetteer entries of Candidates
}

// maxWords bounds the length of a name in words.
const maxWords = 7

// Find returns the place names in text, longest match first and without
// overlap. A name starts and ends with a capitalised word ("Rio de
// Janeiro"), spans only spaces, and is left out when it reads as part of a
// longer proper name: after a capitalised word that does not start the
// sentence ("President Jackson") or before one ("Washington Post"). Names
// in the stop list ("Reading", "Split", "Nice") are found only after a
// locative preposition. A name followed by ", Region" or ", Country" that
// contains some of its candidates keeps only those ("Paris, Texas").
func (g *Gazetteer) Find(text string) []Mention {
	ws := words(text)
	var out []Mention
	for i := 0; i < len(ws); i++ {
		if !ws[i].upper {
			continue
		}
		j, ids := g.longest(text, ws, i)
		if ids == nil {
			continue
		}
		m, ok := g.mention(text, ws, i, j, ids)
		if !ok {
			continue
		}
		if m.Prep == "" && len(out) > 0 && coordinated(text, out[len(out)-1], m) {
			m.Prep = out[len(out)-1].Prep // "in Jenin and Nablus"
		}
		out = append(out, m)
		i = j
		if m.Span.End > ws[j].end { // a qualifier was taken in
			for i+1 < len(ws) && ws[i+1].start < m.Span.End {
				i++
			}
		}
	}
	return out
}

// longest returns the last word and the entries of the longest name
// starting at word i, or nil.
func (g *Gazetteer) longest(text string, ws []word, i int) (int, []int32) {
	best, bestIDs := -1, []int32(nil)
	key := ""
	for j := i; j < len(ws) && j < i+maxWords; j++ {
		if j > i && !ws[j].joined {
			break
		}
		k := normalize(ws[j].text)
		if key != "" {
			k = key + " " + k
		}
		key = k
		if ids, ok := g.index[key]; ok && hasUpper(ws[j].text) && caseOK(key, ws[i:j+1]) {
			best, bestIDs = j, ids
		}
		if !g.prefixes[key] {
			break
		}
	}
	return best, bestIDs
}

// caseOK keeps short keys ("us", "uk") to words written in capitals, so
// that "Us" at the start of a sentence is not the United States.
func caseOK(key string, ws []word) bool {
	if len(key) > 3 {
		return true
	}
	for _, w := range ws {
		for _, r := range w.text {
			if r >= 'a' && r <= 'z' {
				return false
			}
		}
	}
	return true
}

// mention applies the context rules to the name ws[i..j] and builds its
// Mention.
func (g *Gazetteer) mention(text string, ws []word, i, j int, ids []int32) (Mention, bool) {
	prep := prepBefore(ws, i)
	key := normalize(text[ws[i].start:ws[j].end])
	if neverNames[key] || stopNames[key] && prep == "" {
		return Mention{}, false
	}
	if i == j && allCaps(ws[i].text) && len(key) > 3 && g.entries[ids[0]].kind != kindCountry {
		return Mention{}, false // "PISA", "NICE" in running text are acronyms
	}
	if i > 0 && ws[i].joined && ws[i-1].upper && !ws[i-1].sentStart && !modifiers[normalize(ws[i-1].text)] {
		return Mention{}, false
	}
	if j+1 < len(ws) && ws[j+1].joined && ws[j+1].upper && !followers[normalize(ws[j+1].text)] {
		return Mention{}, false
	}
	m := Mention{Span: dyad.Span{Start: ws[i].start, End: ws[j].end}, Prep: prep, ids: ids}
	if q, end, ok := g.qualify(text, ws, j, ids); ok {
		ids, m.ids, m.Span.End = q, q, end
	}
	m.Text = text[m.Span.Start:m.Span.End]
	m.Candidates = g.places(ids)
	return m, true
}

// qualify narrows candidates by a following ", Texas" or ", Lebanon": it
// returns the candidates inside that region or country and the end of the
// qualifier.
func (g *Gazetteer) qualify(text string, ws []word, j int, ids []int32) ([]int32, int, bool) {
	k := j + 1
	if k >= len(ws) || !ws[k].upper || ws[k].joined || text[ws[j].end:ws[k].start] != ", " {
		return nil, 0, false
	}
	var best []int32
	bestEnd := 0
	for n := k; n < len(ws) && n < k+3; n++ {
		if n > k && !ws[n].joined {
			break
		}
		outer := g.index[normalize(text[ws[k].start:ws[n].end])]
		var in []int32
		for _, id := range ids {
			if g.within(id, outer) {
				in = append(in, id)
			}
		}
		if len(in) > 0 { // keep looking: "Saudi Arabia" beats "Saudi"
			best, bestEnd = in, ws[n].end
		}
	}
	return best, bestEnd, best != nil
}

// hasUpper reports whether w has an upper-case letter, as the last word of
// a name must ("Deir ez-Zor").
func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// allCaps reports whether w has letters and no lower-case one.
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// within reports whether entry id lies in one of the regions or countries
// outer.
func (g *Gazetteer) within(id int32, outer []int32) bool {
	e := &g.entries[id]
	for _, o := range outer {
		oe := &g.entries[o]
		switch {
		case o == id:
		case oe.kind == kindCountry && e.kind != kindCountry && oe.place.Country == e.place.Country:
			return true
		case oe.kind == kindRegion && e.kind == kindCity && oe.admin != "" && oe.admin == e.admin:
			return true
		}
	}
	return false
}

// prepBefore returns the locative preposition before word i, looking
// through up to three modifiers ("in the", "in northern", "at the
// eastern"), or "".
func prepBefore(ws []word, i int) string {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if !ws[k+1].joined {
			return ""
		}
		w := normalize(ws[k].text)
		if locatives[w] {
			return w
		}
		if !modifiers[w] || w == "in" || w == "at" {
			return ""
		}
	}
	return ""
}

// coordinated reports whether only ", ", " and ", " or " or ", and "
// separate two mentions, so that the second shares the first's preposition.
func coordinated(text string, a, b Mention) bool {
	if a.Span.End > b.Span.Start {
		return false
	}
	switch text[a.Span.End:b.Span.Start] {
	case " and ", " or ", ", and ", ", or ":
		return true
	case ", ":
		// a comma alone lists places only when the list goes on: "in
		// Jenin, Nablus and Hebron", not "In Geneva, Iran met …"
		rest := text[b.Span.End:]
		for _, next := range []string{", ", " and ", " or "} {
			if strings.HasPrefix(rest, next) {
				return true
			}
		}
	}
	return false
}
