package dict

import (
	"strings"
	"unicode"
)

// agent parses "agent CODE form; form(s); …".
func (p *parser) agent(n int, f []field) {
	r, ok := p.rest(n, f, len("agent"), "code and names")
	if !ok {
		return
	}
	g := fields(r.text, r.col, 2)
	code := g[0].text
	if !isCode(code) {
		p.errorf(n, g[0].col, "bad agent code %q (want sector codes such as GOV or GOVMIL)", code)
		return
	}
	if len(g) < 2 {
		p.errorf(n, g[0].col+len(code), "missing names after agent code %s", code)
		return
	}
	for _, c := range chunks(code) {
		if _, ok := Sectors[c]; !ok {
			p.errorf(n, g[0].col, "unknown sector %q in agent code %s", c, code)
			return
		}
	}
	ag := p.agents[code]
	if ag == nil {
		ag = &Agent{Code: code, Pos: p.pos(n, 1)}
		p.agents[code] = ag
		p.d.Agents = append(p.d.Agents, ag)
	}
	for _, it := range split(g[1]) {
		forms, ok := p.checkItem(n, it)
		if !ok {
			continue
		}
		for _, f := range forms {
			k := strings.ToLower(f)
			if old, dup := p.agentForm[k]; dup && old.Code != code {
				p.errorf(n, it.col, "agent form %q already given to %s at line %d", f, old.Code, old.Pos.Line)
				continue
			}
			p.agentForm[k] = ag
			ag.Names = addUnique(ag.Names, f)
		}
	}
}

// verb parses "verb CODE lemma …" or "noun CODE lemma …".
func (p *parser) verb(n int, f []field) {
	kind := f[0].text
	r, ok := p.rest(n, f, len(kind), "code and pattern")
	if !ok {
		return
	}
	g := fields(r.text, r.col, 2)
	code := g[0].text
	if !isDigits(code) || len(code) < 2 || len(code) > 4 {
		p.errorf(n, g[0].col, "bad CAMEO code %q (want 2 to 4 digits)", code)
		return
	}
	if len(g) < 2 {
		p.errorf(n, g[0].col+len(code), "missing pattern after code %s", code)
		return
	}
	pat := g[1]
	for i, c := range pat.text {
		if unicode.IsUpper(c) {
			p.errorf(n, pat.col+i, "pattern %q must be lower case", pat.text)
			return
		}
	}
	key := kind + "\x00" + pat.text
	if old := p.verbs[key]; old != nil {
		if old.Code != code {
			p.errorf(n, g[0].col, "%s %q already coded %s at line %d", kind, pat.text, old.Code, old.Pos.Line)
		}
		return
	}
	words := strings.Fields(pat.text) // a field of other spaces ("\f") holds no word
	if len(words) == 0 {
		p.errorf(n, pat.col, "pattern %q has no word", pat.text)
		return
	}
	v := &Verb{Kind: kind, Code: code, Words: words, Pos: p.pos(n, 1)}
	p.verbs[key] = v
	p.d.Verbs = append(p.d.Verbs, v)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
