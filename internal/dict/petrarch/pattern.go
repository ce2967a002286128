package petrarch

import (
	"strings"

	"github.com/dyad-events/dyad/internal/dict"
)

// Pattern is one "- … * … [CODE]" line of a verb block: the words and
// places around the verb ('*') that must be found for Code to apply.
type Pattern struct {
	Pre  []Elem // before the verb, in order
	Post []Elem // after the verb, in order
	// VerbTight says the verb is joined to the element before it by '_'
	// ("IN_*"): no words between.
	VerbTight bool
	Code      Code
	Note      string // the line's '#' comment; PETRARCH-2 files name the verb it came from
	Text      string // the pattern as written, between "-" and "["
	Pos       dict.Pos
}

// ElemKind is the kind of a pattern element.
type ElemKind int

// Pattern element kinds.
const (
	Word       ElemKind = iota // a literal word
	SynsetRef                  // "&NAME": any member of a synset
	Source                     // "$": the source actor
	Target                     // "+": the target actor
	Skip                       // "^": an actor to skip over
	Compound                   // "%": one actor standing for source and target
	Phrase                     // "(…)": a prepositional phrase (PETRARCH-2)
	NounPhrase                 // "{…}": a noun phrase (PETRARCH-2)
)

var elemNames = [...]string{"word", "synset", "source", "target", "skip", "compound", "phrase", "noun phrase"}

// String names k.
func (k ElemKind) String() string {
	if k < 0 || int(k) >= len(elemNames) {
		return "ElemKind(?)"
	}
	return elemNames[k]
}

// Elem is one element of a pattern.
type Elem struct {
	Kind  ElemKind
	Text  string // the word (upper case) or synset name
	Tight bool   // joined to the element before by '_': no words between
	Sub   []Elem // the elements of a Phrase or NounPhrase
	Col   int    // 1-based column in the line
}

// pattern reads "- PRE * POST [CODE]".
func (p *verbParser) pattern(l line, at int) {
	if p.block == nil {
		p.errs.Add(p.pos(l, at), "pattern outside a verb block")
		return
	}
	text := l.text
	ob, cb := strings.LastIndexByte(text, '['), strings.LastIndexByte(text, ']')
	switch {
	case ob < 0:
		p.errs.Add(p.pos(l, at), "pattern has no [CODE]")
		return
	case cb < ob:
		p.errs.Add(p.pos(l, ob), "code not closed: missing ']'")
		return
	case strings.TrimSpace(text[cb+1:]) != "":
		p.errs.Add(p.pos(l, cb+1), "unexpected text after the code")
		return
	}
	code, msg := parseCode(text[ob+1 : cb])
	if msg != "" {
		p.errs.Add(p.pos(l, ob), "%s", msg)
		return
	}
	body := text[at+1 : ob]
	elems, col, msg := lexPattern(body, at+2)
	if msg != "" {
		p.errs.Add(p.pos(l, col-1), "%s", msg)
		return
	}
	star := -1
	for i, e := range elems {
		if e.Kind == Word && e.Text == "*" {
			if star >= 0 {
				p.errs.Add(p.pos(l, e.Col-1), "pattern has two verbs ('*')")
				return
			}
			star = i
		}
	}
	if star < 0 {
		p.errs.Add(p.pos(l, at), "pattern has no verb ('*')")
		return
	}
	pat := &Pattern{Pre: elems[:star], Post: elems[star+1:], VerbTight: elems[star].Tight, Code: code, Note: l.comment,
		Text: strings.TrimSpace(body), Pos: p.pos(l, at)}
	p.block.Patterns = append(p.block.Patterns, pat)
}

// lexPattern splits a pattern body (starting at column col) into elements;
// '*' is returned as a Word "*". On error it returns the column and a
// message.
func lexPattern(s string, col int) ([]Elem, int, string) {
	type frame struct {
		kind  ElemKind
		elems []Elem
		col   int
		close byte
		tight bool // the group was joined to the element before it by '_'
	}
	stack := []frame{{}}
	tight := false
	push := func(e Elem) {
		e.Tight = tight
		tight = false
		top := &stack[len(stack)-1]
		top.elems = append(top.elems, e)
	}
	for i := 0; i < len(s); {
		c := s[i]
		at := col + i
		switch c {
		case ' ', '\t':
			i++
			continue
		case '_':
			tight = true
			i++
			continue
		case '*':
			push(Elem{Kind: Word, Text: "*", Col: at})
		case '$':
			push(Elem{Kind: Source, Col: at})
		case '+':
			push(Elem{Kind: Target, Col: at})
		case '^':
			push(Elem{Kind: Skip, Col: at})
		case '%':
			push(Elem{Kind: Compound, Col: at})
		case '(', '{':
			k, cl := Phrase, byte(')')
			if c == '{' {
				k, cl = NounPhrase, '}'
			}
			if len(stack) > 1 && stack[len(stack)-1].kind == NounPhrase {
				return nil, at, "group inside a noun phrase"
			}
			stack = append(stack, frame{kind: k, col: at, close: cl, tight: tight})
			tight = false
			i++
			continue
		case ')', '}':
			top := stack[len(stack)-1]
			if len(stack) == 1 || top.close != c {
				return nil, at, "unexpected " + quote(string(c))
			}
			if len(top.elems) == 0 {
				return nil, at, "empty group"
			}
			stack = stack[:len(stack)-1]
			tight = top.tight
			push(Elem{Kind: top.kind, Sub: top.elems, Col: top.col})
		case '&':
			j := i + 1
			for j < len(s) && (isWordByte(s[j]) && s[j] != '-' || s[j] == '_') {
				j++
			}
			if j == i+1 {
				return nil, at, "'&' with no synset name"
			}
			push(Elem{Kind: SynsetRef, Text: strings.ToUpper(s[i+1 : j]), Col: at})
			i = j
			continue
		default:
			if !isWordByte(c) {
				return nil, at, "unexpected " + quote(string(c))
			}
			j := i
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			push(Elem{Kind: Word, Text: strings.ToUpper(s[i:j]), Col: at})
			i = j
			continue
		}
		i++
	}
	if len(stack) > 1 {
		return nil, stack[len(stack)-1].col, "group not closed: missing " + quote(string(stack[len(stack)-1].close))
	}
	return stack[0].elems, 0, ""
}

// isWordByte reports whether c may be part of a pattern word.
func isWordByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
		c == '-' || c == '\'' || c == '.' || c == ',' || c == '/' || c == ':' || c >= 0x80
}

// resolve checks every synset reference, splitting "&NAME_WORD" into the
// longest known synset name and tight words.
func (p *verbParser) resolve() {
	for _, s := range p.v.Synsets {
		for _, m := range s.Members {
			if strings.HasPrefix(m, "&") {
				if _, ok := p.v.Synsets[synsetName(m[1:])]; !ok {
					p.errs.Add(s.Pos, "synset &%s has unknown member %s", s.Name, m)
				}
			}
		}
	}
	for _, b := range p.v.Blocks {
		for _, pat := range b.Patterns {
			pat.Pre = p.resolveElems(pat.Pre, pat.Pos)
			pat.Post = p.resolveElems(pat.Post, pat.Pos)
		}
	}
	p.errs.Sort()
}

func (p *verbParser) resolveElems(es []Elem, pos dict.Pos) []Elem {
	var out []Elem
	for _, e := range es {
		switch e.Kind {
		case Phrase, NounPhrase:
			e.Sub = p.resolveElems(e.Sub, pos)
		case SynsetRef:
			name, words, ok := p.splitSynset(e.Text)
			if !ok {
				p.errs.Add(dict.Pos{File: pos.File, Line: pos.Line, Col: e.Col}, "unknown synset &%s", strings.TrimRight(e.Text, "_"))
				continue
			}
			e.Text = name
			out = append(out, e)
			for _, w := range words {
				out = append(out, Elem{Kind: Word, Text: w, Tight: true, Col: e.Col})
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

// splitSynset finds the longest known synset name that raw starts with, up
// to an underscore; the rest are words.
func (p *verbParser) splitSynset(raw string) (string, []string, bool) {
	parts := strings.Split(raw, "_")
	for n := len(parts); n > 0; n-- {
		name := synsetName(strings.Join(parts[:n], "_"))
		if _, ok := p.v.Synsets[name]; ok {
			var words []string
			for _, w := range parts[n:] {
				if w != "" {
					words = append(words, w)
				}
			}
			return name, words, true
		}
	}
	return "", nil, false
}
