package petrarch

import (
	"io"
	"strings"

	"github.com/dyad-events/dyad/internal/dict"
)

// Verbs is a verbs file: synsets, verb blocks and transformations.
type Verbs struct {
	Synsets    map[string]*Synset // by name, without '&' and trailing '_'
	Blocks     []*VerbBlock
	Transforms []*Transform
}

// Synset is a named word list ("&CURRENCY"), usable in patterns. A member
// may itself be "&OTHER".
type Synset struct {
	Name    string
	Members []string // phrases, words joined by spaces
	Pos     dict.Pos
}

// VerbBlock is a "--- VERB [CODE] ---" block: the verbs that share its
// patterns, and the patterns.
type VerbBlock struct {
	Head     string // the header's verb, as written
	Code     Code   // the code of a bare verb of the block
	Verbs    []*VerbForm
	Patterns []*Pattern
	Pos      dict.Pos
}

// VerbForm is a verb of a block: one word ("ABANDON") or several, with '+'
// marking the verb in a multi-word form ("WIRE_+TAP", "+BREAK_DOWN").
type VerbForm struct {
	Words []string // upper case as written
	Verb  int      // index in Words of the verb itself
	Forms []string // irregular forms from "{…}", as written
	Code  *Code    // a code of its own, when the line gives one
	Pos   dict.Pos
}

// Code is an event code of a verb or pattern: "042", or a pair "032:033"
// whose second code is the reverse event (target to source). An empty
// Event with a Reverse (":173") codes the reverse event only; both empty
// is the null code "---".
type Code struct {
	Event, Reverse string
}

// String returns the code as written in brackets.
func (c Code) String() string {
	switch {
	case c.Event == "" && c.Reverse == "":
		return "---"
	case c.Reverse == "":
		return c.Event
	}
	return c.Event + ":" + c.Reverse
}

// Transform is a PETRARCH-2 transformation, "~ a (a b ATTACK) SAY = a b 015":
// an event embedded under a verb becomes another event.
type Transform struct {
	Left, Right string // the two sides of '=', trimmed
	Pos         dict.Pos
}

// ParseVerbs reads a verbs file in the PETRARCH-1 or PETRARCH-2 style.
// Every malformed line is reported in a dict.ErrorList with the verbs read.
func ParseVerbs(name string, r io.Reader) (*Verbs, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	p := &verbParser{file: name, v: &Verbs{Synsets: map[string]*Synset{}}}
	for _, l := range lines {
		if !l.blank() {
			p.line(l)
		}
	}
	p.resolve()
	return p.v, p.errs.Err()
}

// verbParser holds the state of ParseVerbs.
type verbParser struct {
	file   string
	v      *Verbs
	errs   dict.ErrorList
	synset *Synset    // the synset whose members are being read
	block  *VerbBlock // the block whose lines are being read
}

func (p *verbParser) pos(l line, col int) dict.Pos {
	return dict.Pos{File: p.file, Line: l.num, Col: col + 1}
}

// line reads one non-blank line.
func (p *verbParser) line(l line) {
	at := l.indent()
	text := l.text[at:]
	switch {
	case strings.HasPrefix(text, "---"):
		p.header(l, at)
	case strings.HasPrefix(text, "&"):
		p.block = nil
		nm := synsetName(text[1:])
		if nm == "" || strings.ContainsAny(nm, " \t[]{}()") {
			p.errs.Add(p.pos(l, at), "bad synset name %q", text)
			p.synset = nil
			return
		}
		if _, dup := p.v.Synsets[nm]; dup {
			p.errs.Add(p.pos(l, at), "synset &%s defined twice", nm)
		}
		p.synset = &Synset{Name: nm, Pos: p.pos(l, at)}
		p.v.Synsets[nm] = p.synset
	case strings.HasPrefix(text, "~"):
		p.transform(l, at)
	case strings.HasPrefix(text, "-"):
		p.pattern(l, at)
	case strings.HasPrefix(text, "+") && p.synset != nil:
		// PETRARCH-2 members may be groups: "+(TO THE END)".
		// A member of joiners alone ("+_") spells no word and is bad too.
		if m := strings.Trim(text[1:], " \t(){}"); phrase(m) != "" && !strings.ContainsAny(m, "[]{}()") {
			p.synset.Members = append(p.synset.Members, phrase(m))
		} else {
			p.errs.Add(p.pos(l, at), "bad synset member %q", text)
		}
	case p.block != nil:
		p.verbForm(l, at)
	default:
		p.errs.Add(p.pos(l, at), "%q is outside a verb block or synset", rest(text))
	}
}

// synsetName returns a synset's name without its trailing '_'.
func synsetName(s string) string {
	return strings.ToUpper(strings.TrimRight(strings.TrimSpace(s), "_"))
}

// header reads "--- VERB [CODE] ---".
func (p *verbParser) header(l line, at int) {
	p.synset = nil
	// The closing "---" may be lost to a comment: "--- TROUBLED [---] # NOUN ---".
	text := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l.text[at+3:]), "---"))
	ob, cb := strings.IndexByte(text, '['), strings.IndexByte(text, ']')
	if ob < 0 || cb < ob {
		p.errs.Add(p.pos(l, at), "verb block header has no [CODE]")
		p.block = nil
		return
	}
	b := &VerbBlock{Head: phrase(text[:ob]), Pos: p.pos(l, at)}
	code, msg := parseCode(text[ob+1 : cb])
	switch {
	case b.Head == "":
		p.errs.Add(p.pos(l, at), "verb block header has no verb")
	case msg != "":
		p.errs.Add(p.pos(l, strings.Index(l.text, "[")), "%s", msg)
	}
	b.Code = code
	p.block = b
	p.v.Blocks = append(p.v.Blocks, b)
}

// parseCode reads the inside of a code's brackets.
func parseCode(s string) (Code, string) {
	s = strings.TrimSpace(s)
	a, b, pair := strings.Cut(s, ":")
	if s == "" || strings.ContainsAny(s, " \t") || pair && a == "" && b == "" {
		return Code{}, "bad event code " + quote(s)
	}
	for _, c := range []string{a, b} {
		if c != "" && !validCode(c) {
			return Code{}, "bad event code " + quote(s)
		}
	}
	return Code{Event: nullCode(a), Reverse: nullCode(b)}, ""
}

// verbForm reads "VERB {FORMS} [CODE]" or "+VERB_PARTICLE {…}".
func (p *verbParser) verbForm(l line, at int) {
	text := l.text[at:]
	f := &VerbForm{Pos: p.pos(l, at)}
	head, tail := text, ""
	if i := strings.IndexAny(text, "{["); i >= 0 {
		head, tail = text[:i], text[i:]
	}
	if !p.formTail(l, at+len(head), tail, f) {
		return
	}
	ws := strings.Fields(strings.ReplaceAll(head, "_", " "))
	f.Verb = -1
	for i, w := range ws {
		if strings.HasPrefix(w, "+") {
			if f.Verb >= 0 || len(w) == 1 {
				p.errs.Add(p.pos(l, at), "verb form %q marks the verb twice or marks nothing", strings.TrimSpace(head))
				return
			}
			f.Verb, w = i, w[1:]
		}
		if strings.ContainsAny(w, "+*$%^&()") {
			p.errs.Add(p.pos(l, at), "bad word %q in a verb form", w)
			return
		}
		f.Words = append(f.Words, strings.ToUpper(w))
	}
	if len(f.Words) == 0 {
		p.errs.Add(p.pos(l, at), "empty verb form")
		return
	}
	if f.Verb < 0 {
		f.Verb = 0
	}
	p.block.Verbs = append(p.block.Verbs, f)
}

// formTail reads the "{FORMS}" and "[CODE]" after a verb form.
func (p *verbParser) formTail(l line, col int, tail string, f *VerbForm) bool {
	for tail = strings.TrimSpace(tail); tail != ""; tail = strings.TrimSpace(tail) {
		col = strings.LastIndex(l.text, tail)
		closer := map[byte]byte{'{': '}', '[': ']'}[tail[0]]
		end := strings.IndexByte(tail, closer)
		if closer == 0 || end < 0 {
			p.errs.Add(p.pos(l, col), "unexpected %q after a verb form", rest(tail))
			return false
		}
		inner := tail[1:end]
		if closer == '}' {
			for _, w := range strings.Fields(inner) {
				f.Forms = append(f.Forms, w)
			}
		} else {
			c, msg := parseCode(inner)
			if msg != "" {
				p.errs.Add(p.pos(l, col), "%s", msg)
				return false
			}
			f.Code = &c
		}
		tail = tail[end+1:]
	}
	return true
}

// transform reads "~ LEFT = RIGHT".
func (p *verbParser) transform(l line, at int) {
	left, right, ok := strings.Cut(l.text[at+1:], "=")
	left, right = strings.TrimSpace(left), strings.TrimSpace(right)
	if !ok || left == "" || right == "" {
		p.errs.Add(p.pos(l, at), "transformation needs LEFT = RIGHT")
		return
	}
	if strings.Count(left, "(") != strings.Count(left, ")") {
		p.errs.Add(p.pos(l, at), "unbalanced parentheses in a transformation")
		return
	}
	p.v.Transforms = append(p.v.Transforms, &Transform{Left: left, Right: right, Pos: p.pos(l, at)})
}
