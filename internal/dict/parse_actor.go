package dict

import (
	"strings"
	"time"
)

// actor parses an actor header: "KIND CODE Canonical Name". When the
// header is bad, its attribute lines are still checked, against a scratch
// entry that is not kept.
func (p *parser) actor(n int, k Kind, f []field) {
	a := &Actor{Kind: k, Pos: p.pos(n, 1)}
	p.cur = a
	r, ok := p.rest(n, f, len(f[0].text), "code and name")
	if !ok {
		return
	}
	g := fields(r.text, r.col, 2)
	code, col := g[0].text, g[0].col
	if len(g) < 2 {
		p.errorf(n, col+len(code), "missing name after code %s", code)
		return
	}
	a.Name = g[1].text
	a.Names = []string{a.Name}
	if msg := a.setCode(code); msg != "" {
		p.errorf(n, col, "%s", msg)
		return
	}
	if k != Person && !p.unique(a) { // a person's country may come from a later role line
		return
	}
	p.d.Actors = append(p.d.Actors, a)
}

// unique records a's key and reports a duplicate.
func (p *parser) unique(a *Actor) bool {
	key := a.key()
	if first, dup := p.seen[key]; dup {
		p.errorf(a.Pos.Line, 1, "duplicate %s %s (first at line %d)", a.Kind, keyName(a), first)
		return false
	}
	p.seen[key] = a.Pos.Line
	return true
}

// uniquePersons reports people entered twice, once all lines are read, and
// drops the later entries.
func (p *parser) uniquePersons() {
	kept := p.d.Actors[:0]
	for _, a := range p.d.Actors {
		if a.Kind != Person || p.unique(a) {
			kept = append(kept, a)
		}
	}
	p.d.Actors = kept
}

// setCode validates code for a's kind and sets Code, Country and Sectors.
// It returns a message when the code is bad.
func (a *Actor) setCode(code string) string {
	switch a.Kind {
	case Person:
		if code == "-" {
			return ""
		}
		if !isCode(code) {
			return "bad person code " + quote(code) + " (want - or upper-case letters in threes, e.g. USAELI)"
		}
		a.Code, a.Country, a.Sectors = code, code[:3], sectorsOf(code, 1)
	case IGO:
		if !isCode(code) || !strings.HasPrefix(code, "IGO") || len(code) < 6 {
			return "bad IGO code " + quote(code) + " (want IGO then letters in threes, e.g. IGOUNO)"
		}
		a.Code, a.Country, a.Sectors = code, code, sectorsOf(code, 2)
	case Group:
		if !isCode(code) || len(code) < 6 {
			return "bad group code " + quote(code) + " (want country, sector and id, e.g. AFGREBTAL)"
		}
		a.Code, a.Country, a.Sectors = code, code[:3], sectorsOf(code, 1)
	default:
		if !isCode(code) {
			return "bad country code " + quote(code) + " (want ISO alpha-3, then sectors: USA, USAGOV)"
		}
		a.Code, a.Country, a.Sectors = code, code[:3], sectorsOf(code, 1)
	}
	return ""
}

// countryOf returns the country part of a code: the first three letters,
// or for an IGO the whole code.
func countryOf(code string) string {
	if strings.HasPrefix(code, "IGO") {
		return code
	}
	return code[:3]
}

func quote(s string) string { return `"` + s + `"` }

// key identifies an actor for duplicate checks and Merge: its kind, code
// and name, or for a person the name and country. Two entries may share a
// code (the European Commission and the European Parliament are both
// IGOEUREEC) but not a code and a name.
func (a *Actor) key() string {
	if a.Kind == Person {
		return "person\x00" + strings.ToLower(a.Name) + "\x00" + a.Country
	}
	return a.Kind.String() + "\x00" + a.Code + "\x00" + strings.ToLower(a.Name)
}

func keyName(a *Actor) string {
	if a.Kind == Person {
		return quote(a.Name)
	}
	return a.Code + " " + quote(a.Name)
}

// attr parses an indented attribute line of the current actor.
func (p *parser) attr(n int, text string) {
	f := fields(text, 1, 2)
	if p.cur == nil {
		p.errorf(n, f[0].col, "indented line outside an actor entry")
		return
	}
	key := f[0].text
	r, ok := p.rest(n, f, f[0].col+len(key)-1, "value after "+key)
	if !ok {
		return
	}
	a := p.cur
	switch key {
	case "name":
		a.Names = p.list(n, r, a.Names)
	case "adj":
		a.Adjectives = p.list(n, r, a.Adjectives)
	case "capital":
		a.Capitals = p.list(n, r, a.Capitals)
	case "country":
		if !isCode(r.text) {
			p.errorf(n, r.col, "bad country %q (want an ISO alpha-3 or IGO code)", r.text)
			return
		}
		a.Country = r.text
	case "sector":
		for _, it := range split(r) {
			if _, ok := Sectors[it.text]; !ok {
				p.errorf(n, it.col, "unknown sector %q", it.text)
				continue
			}
			a.Sectors = addUnique(a.Sectors, it.text)
		}
	case "role":
		p.role(n, r)
	case "died":
		p.died(n, r)
	default:
		p.errorf(n, f[0].col, "unknown attribute %q (want name, adj, capital, country, sector, role or died)", key)
	}
}

// list parses "a; b(s); c" onto list.
func (p *parser) list(n int, r field, list []string) []string {
	for _, it := range split(r) {
		if forms, ok := p.checkItem(n, it); ok {
			list = addUnique(list, forms...)
		}
	}
	return list
}

// role parses "CODE FROM TO [Title]" for the current actor.
func (p *parser) role(n int, r field) {
	g := fields(r.text, r.col, 4)
	if len(g) < 3 {
		end := r.col + len(r.text)
		p.errorf(n, end, "missing role dates (want CODE FROM TO [title])")
		return
	}
	if !isCode(g[0].text) {
		p.errorf(n, g[0].col, "bad role code %q (want upper-case letters in threes, e.g. USAGOV)", g[0].text)
		return
	}
	from, err1 := parseDate(g[1].text, false)
	if err1 != "" {
		p.errorf(n, g[1].col, "bad start date %q: %s", g[1].text, err1)
	}
	to, err2 := parseDate(g[2].text, true)
	if err2 != "" {
		p.errorf(n, g[2].col, "bad end date %q: %s", g[2].text, err2)
	}
	if err1 != "" || err2 != "" {
		return
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		p.errorf(n, g[2].col, "role ends (%s) before it starts (%s)", g[2].text, g[1].text)
		return
	}
	role := Role{Code: g[0].text, From: from, To: to}
	if len(g) == 4 {
		role.Title = g[3].text
	}
	a := p.cur
	a.Roles = append(a.Roles, role)
	if a.Country == "" && a.Kind == Person {
		a.Country = countryOf(role.Code)
	}
}

// died parses "YYYY-MM-DD", the day the current person died in office.
func (p *parser) died(n int, r field) {
	a := p.cur
	if a.Kind != Person {
		p.errorf(n, r.col, "died on a %s (only a person dies in office)", a.Kind)
		return
	}
	if len(r.text) != len("2006-01-02") {
		p.errorf(n, r.col, "bad date of death %q (want YYYY-MM-DD)", r.text)
		return
	}
	d, msg := parseDate(r.text, false)
	if msg != "" {
		p.errorf(n, r.col, "bad date of death %q: %s", r.text, msg)
		return
	}
	a.Died = d
}

// parseDate reads YYYY, YYYY-MM, YYYY-MM-DD or "-" (open). A partial date
// stands for its first day, or with end set, its last day.
func parseDate(s string, end bool) (time.Time, string) {
	if s == "-" {
		return time.Time{}, ""
	}
	var layout string
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	default:
		return time.Time{}, "want YYYY-MM-DD, YYYY-MM, YYYY or -"
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return time.Time{}, "want YYYY-MM-DD, YYYY-MM, YYYY or -"
	}
	if end {
		switch len(s) {
		case 4:
			t = t.AddDate(1, 0, -1)
		case 7:
			t = t.AddDate(0, 1, -1)
		}
	}
	return t, ""
}
