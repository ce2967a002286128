package dict

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// maxLine is the longest line Parse accepts, in bytes.
const maxLine = 1 << 20

// Parse reads one dictionary file; name is used in positions. A file may
// hold entries of every kind. Every malformed line is reported: the error
// is then an ErrorList, and the dictionary returned holds the entries that
// parsed. Other errors come from reading r.
func Parse(name string, r io.Reader) (*Dictionary, error) {
	p := &parser{
		file:   name,
		d:      &Dictionary{},
		seen:   map[string]int{},
		agents: map[string]*Agent{},
		verbs:  map[string]*Verb{},

		agentForm: map[string]*Agent{},
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	line := 0
	for sc.Scan() {
		line++
		p.line(line, sc.Text())
	}
	p.uniquePersons()
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			p.errs.Add(Pos{name, line + 1, 1}, "line longer than %d bytes", maxLine)
			return p.d, p.errs
		}
		return p.d, fmt.Errorf("read %s: %w", name, err)
	}
	p.errs.Sort()
	return p.d, p.errs.Err()
}

// parser holds the state of one Parse call.
type parser struct {
	file   string
	d      *Dictionary
	errs   ErrorList
	cur    *Actor            // the entry whose attribute lines follow; nil after agents and verbs
	seen   map[string]int    // actor key → line of its header
	agents map[string]*Agent // code → agent, so that lines for one code merge
	verbs  map[string]*Verb  // kind and pattern → verb

	agentForm map[string]*Agent // lower-cased form → the agent that has it
}

func (p *parser) pos(line, col int) Pos { return Pos{p.file, line, col} }

func (p *parser) errorf(line, col int, format string, args ...any) {
	p.errs.Add(p.pos(line, col), format, args...)
}

// line parses one line of the file.
func (p *parser) line(n int, text string) {
	if !utf8.ValidString(text) {
		col := 1
		for i, r := range text {
			if r == utf8.RuneError {
				col = i + 1
				break
			}
		}
		p.errorf(n, col, "invalid UTF-8")
		return
	}
	text = stripComment(text)
	if text == "" {
		return
	}
	if isSpace(text[0]) {
		p.attr(n, text)
		return
	}
	p.cur = nil
	f := fields(text, 1, 2)
	switch f[0].text {
	case "country":
		p.actor(n, Country, f)
	case "igo":
		p.actor(n, IGO, f)
	case "group":
		p.actor(n, Group, f)
	case "person":
		p.actor(n, Person, f)
	case "agent":
		p.agent(n, f)
	case "verb", "noun":
		p.verb(n, f)
	default:
		p.errorf(n, 1, "unknown entry kind %q (want country, igo, group, person, agent, verb or noun)", f[0].text)
		p.cur = &Actor{} // check its attribute lines all the same
	}
}

// rest returns the field after the keyword, or reports what is missing.
func (p *parser) rest(n int, f []field, keyLen int, what string) (field, bool) {
	if len(f) < 2 || f[1].text == "" {
		p.errorf(n, keyLen+1, "missing %s", what)
		return field{}, false
	}
	return f[1], true
}

// checkItem reports an empty or malformed list item and returns its forms.
func (p *parser) checkItem(n int, it field) ([]string, bool) {
	if it.text == "" {
		p.errorf(n, it.col, "empty item in list")
		return nil, false
	}
	forms, ok := expand(it.text)
	if !ok {
		p.errorf(n, it.col, "bad plural suffix in %q (want word(s))", it.text)
	}
	return forms, ok
}

// addUnique appends the forms to list unless already there.
func addUnique(list []string, forms ...string) []string {
outer:
	for _, f := range forms {
		for _, g := range list {
			if f == g {
				continue outer
			}
		}
		list = append(list, f)
	}
	return list
}
