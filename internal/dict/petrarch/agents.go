package petrarch

import (
	"io"
	"strings"

	"github.com/dyad-events/dyad/internal/dict"
)

// AgentEntry is one line of an agents file, after "!X!" substitution: a
// role noun, its plurals and the code it adds to a country's.
type AgentEntry struct {
	Phrase  string   // words joined by spaces, as written ("FOREIGN MINISTER")
	Plurals []string // given in "{…}", or made by the English rules; empty for "{}"
	Code    string   // sector code(s), without the '~': "GOV", "GOVMED"
	Prefix  bool     // "[NGO~]": the code goes before the country's
	Pos     dict.Pos
}

// ParseAgents reads an agents file. "!X! = A, B" lines define
// substitutions used by later lines ("CONGRESS!PERSON!"); each line using
// one stands for one entry per value. Every malformed line is reported.
func ParseAgents(name string, r io.Reader) ([]*AgentEntry, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	subst := map[string][]string{}
	var (
		out  []*AgentEntry
		errs dict.ErrorList
	)
	for _, l := range lines {
		if l.blank() {
			continue
		}
		at := l.indent()
		pos := dict.Pos{File: name, Line: l.num, Col: at + 1}
		text := l.text[at:]
		if strings.HasPrefix(text, "!") && strings.Contains(text, "=") {
			k, vals, ok := parseSubst(text)
			if !ok {
				errs.Add(pos, "bad substitution: want !NAME! = A, B, …")
				continue
			}
			subst[k] = vals
			continue
		}
		e, ok := agentLine(l, at, pos, &errs)
		if !ok {
			continue
		}
		out = append(out, expandAgent(e, subst, &errs, 0)...)
	}
	return out, errs.Err()
}

// parseSubst reads "!NAME! = A, B, C".
func parseSubst(s string) (key string, vals []string, ok bool) {
	k, v, _ := strings.Cut(s, "=")
	k = strings.TrimSpace(k)
	if len(k) < 3 || !strings.HasSuffix(k, "!") || strings.Count(k, "!") != 2 {
		return "", nil, false
	}
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			vals = append(vals, x)
		}
	}
	return k, vals, len(vals) > 0
}

// agentLine reads "PHRASE {PLURALS} [~CODE]" from column at of l.
func agentLine(l line, at int, pos dict.Pos, errs *dict.ErrorList) (*AgentEntry, bool) {
	text := l.text
	ob := strings.IndexByte(text[at:], '[')
	if ob < 0 {
		errs.Add(pos, "agent has no [~CODE]")
		return nil, false
	}
	ob += at
	cb := strings.IndexByte(text[ob:], ']')
	if cb < 0 {
		errs.Add(dict.Pos{File: pos.File, Line: l.num, Col: ob + 1}, "code not closed: missing ']'")
		return nil, false
	}
	cb += ob
	if tail := strings.TrimSpace(text[cb+1:]); tail != "" {
		errs.Add(dict.Pos{File: pos.File, Line: l.num, Col: cb + 2 + strings.Index(text[cb+1:], tail)}, "unexpected %q after the code", tail)
		return nil, false
	}
	e := &AgentEntry{Pos: pos}
	head := text[at:ob]
	if bo := strings.IndexByte(head, '{'); bo >= 0 {
		bc := strings.IndexByte(head, '}')
		if bc < bo {
			errs.Add(dict.Pos{File: pos.File, Line: l.num, Col: at + bo + 1}, "plurals not closed: missing '}'")
			return nil, false
		}
		for _, p := range strings.Fields(head[bo+1 : bc]) {
			e.Plurals = append(e.Plurals, phrase(p))
		}
		if e.Plurals == nil {
			e.Plurals = []string{}
		}
		head = head[:bo]
	}
	if e.Phrase = phrase(head); e.Phrase == "" {
		errs.Add(pos, "agent has no phrase")
		return nil, false
	}
	code := strings.TrimSpace(text[ob+1 : cb])
	switch {
	case strings.HasPrefix(code, "~"):
		e.Code = strings.TrimSpace(code[1:])
	case strings.HasSuffix(code, "~"):
		e.Code, e.Prefix = strings.TrimSpace(code[:len(code)-1]), true
	default:
		errs.Add(dict.Pos{File: pos.File, Line: l.num, Col: ob + 1}, "agent code %q has no '~': want [~CODE] or [CODE~]", code)
		return nil, false
	}
	if !validCode(e.Code) {
		errs.Add(dict.Pos{File: pos.File, Line: l.num, Col: ob + 1}, "bad agent code %q", code)
		return nil, false
	}
	e.Code = strings.ToUpper(e.Code)
	return e, true
}

// expandAgent replaces a "!X!" in e's phrase by each of its values,
// depth substitutions deep already. A value may hold another
// substitution, but no chain is longer than there are substitutions: a
// longer one loops ("!P! = a !P!"), and is an error, not an endless
// expansion.
func expandAgent(e *AgentEntry, subst map[string][]string, errs *dict.ErrorList, depth int) []*AgentEntry {
	i := strings.IndexByte(e.Phrase, '!')
	if i < 0 {
		return []*AgentEntry{e}
	}
	j := strings.IndexByte(e.Phrase[i+1:], '!')
	if j < 0 {
		errs.Add(e.Pos, "substitution in %q not closed: missing '!'", e.Phrase)
		return nil
	}
	key := e.Phrase[i : i+j+2]
	vals, ok := subst[key]
	if !ok {
		errs.Add(e.Pos, "unknown substitution %s", key)
		return nil
	}
	if depth >= len(subst) {
		errs.Add(e.Pos, "substitutions in %q loop: a value names its own substitution", e.Phrase)
		return nil
	}
	var out []*AgentEntry
	for _, v := range vals {
		cp := *e
		cp.Phrase = phrase(e.Phrase[:i] + v + e.Phrase[i+j+2:])
		out = append(out, expandAgent(&cp, subst, errs, depth+1)...)
	}
	return out
}

// Forms returns the phrase and its plurals; when the file gave none, the
// plural made by the English rules on the last word.
func (e *AgentEntry) Forms() []string {
	if e.Plurals != nil {
		return append([]string{e.Phrase}, e.Plurals...)
	}
	return []string{e.Phrase, plural(e.Phrase)}
}

// plural returns the English plural of a phrase's last word, in the
// phrase's case.
func plural(p string) string {
	up := strings.ToUpper(p)
	lower := up != p
	suffix := func(s string) string {
		if lower {
			return strings.ToLower(s)
		}
		return s
	}
	switch {
	case strings.HasSuffix(up, "MAN"):
		return p[:len(p)-2] + suffix("EN")
	case strings.HasSuffix(up, "Y") && len(up) > 1 && !strings.ContainsRune("AEIOU", rune(up[len(up)-2])):
		return p[:len(p)-1] + suffix("IES")
	case strings.HasSuffix(up, "S"), strings.HasSuffix(up, "X"), strings.HasSuffix(up, "Z"),
		strings.HasSuffix(up, "CH"), strings.HasSuffix(up, "SH"):
		return p + suffix("ES")
	}
	return p + suffix("S")
}
