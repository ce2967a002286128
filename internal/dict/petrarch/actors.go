package petrarch

import (
	"io"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/dict"
)

// ActorEntry is one entry of a TABARI/PETRARCH actor file: a name, its
// synonyms and its code blocks.
type ActorEntry struct {
	Name     string   // the first phrase, words joined by spaces, as written ("UNITED NATIONS")
	Synonyms []string // "+" lines, the same way
	Codes    []CodeBlock
	Pos      dict.Pos
}

// CodeBlock is one "[CODE …]" of an actor: a code, optionally restricted
// to a span of dates. From and To are inclusive days at UTC midnight; zero
// is open.
type CodeBlock struct {
	Code     string   // "" for the null codes "---", "+++" and "###"
	Alts     []string // further codes of a "[A/B/C]" block
	From, To time.Time
	Pos      dict.Pos
}

// Dated reports whether b is restricted in time.
func (b CodeBlock) Dated() bool { return !b.From.IsZero() || !b.To.IsZero() }

// ParseActors reads an actor file. Every malformed line is reported in a
// dict.ErrorList; the entries read are returned with it.
func ParseActors(name string, r io.Reader) ([]*ActorEntry, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	var (
		out  []*ActorEntry
		cur  *ActorEntry
		errs dict.ErrorList
	)
	for _, l := range lines {
		if l.blank() {
			continue
		}
		at := l.indent()
		pos := dict.Pos{File: name, Line: l.num, Col: at + 1}
		text := l.text[at:]
		switch {
		case at > 0 && text[0] != '[':
			errs.Add(pos, "indented line is not a [CODE] block (a synonym starts with '+')")
		case at > 0 || text[0] == '[':
			if cur == nil {
				errs.Add(pos, "code block with no actor before it")
				continue
			}
			cur.Codes = append(cur.Codes, codeBlocks(name, l, at, &errs)...)
		case text[0] == '+':
			if cur == nil {
				errs.Add(pos, "synonym with no actor before it")
				continue
			}
			syn, codes := actorLine(name, l, at+1, &errs)
			if syn != "" {
				cur.Synonyms = append(cur.Synonyms, syn)
			}
			cur.Codes = append(cur.Codes, codes...)
		default:
			nm, codes := actorLine(name, l, at, &errs)
			if nm == "" {
				continue
			}
			cur = &ActorEntry{Name: nm, Codes: codes, Pos: pos}
			out = append(out, cur)
		}
	}
	return out, errs.Err()
}

// actorLine reads "NAME [CODE …]…" from column at of l.
func actorLine(file string, l line, at int, errs *dict.ErrorList) (string, []CodeBlock) {
	text := l.text
	end := strings.IndexByte(text[at:], '[')
	if end < 0 {
		end = len(text)
	} else {
		end += at
	}
	if c := strings.IndexAny(text[at:end], "]{}"); c >= 0 {
		errs.Add(dict.Pos{File: file, Line: l.num, Col: at + c + 1}, "unexpected %q in a name", text[at+c])
		return "", nil
	}
	nm := phrase(text[at:end])
	if nm == "" {
		errs.Add(dict.Pos{File: file, Line: l.num, Col: at + 1}, "empty name")
		return "", nil
	}
	return nm, codeBlocks(file, l, end, errs)
}

// codeBlocks reads every "[…]" from column at of l to its end.
func codeBlocks(file string, l line, at int, errs *dict.ErrorList) []CodeBlock {
	var out []CodeBlock
	text := l.text
	for i := at; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t':
			i++
			continue
		case c != '[':
			errs.Add(dict.Pos{File: file, Line: l.num, Col: i + 1}, "unexpected %q after a code block", rest(text[i:]))
			return out
		}
		end := strings.IndexByte(text[i:], ']')
		if end < 0 {
			errs.Add(dict.Pos{File: file, Line: l.num, Col: i + 1}, "code block not closed: missing ']'")
			return out
		}
		pos := dict.Pos{File: file, Line: l.num, Col: i + 1}
		if b, msg := parseCodeBlock(text[i+1 : i+end]); msg != "" {
			errs.Add(pos, "%s", msg)
		} else {
			b.Pos = pos
			out = append(out, b)
		}
		i += end + 1
	}
	return out
}

// rest returns the first word of s, for error messages.
func rest(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

// parseCodeBlock reads the inside of "[CODE]", "[CODE <D]", "[CODE >D]" or
// "[CODE D-D]"; msg is non-empty when it is malformed.
func parseCodeBlock(s string) (b CodeBlock, msg string) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return b, "empty code block"
	}
	codes := strings.Split(f[0], "/")
	for _, c := range codes {
		if !validCode(c) {
			return b, "bad actor code " + quote(f[0])
		}
	}
	b.Code, b.Alts = nullCode(codes[0]), codes[1:]
	if len(f) == 1 {
		return b, ""
	}
	var err string
	b.From, b.To, err = parseRestriction(strings.Join(f[1:], ""))
	return b, err
}

// validCode reports whether c is made of letters, digits and the null
// marks.
func validCode(c string) bool {
	if c == "" {
		return false
	}
	for i := 0; i < len(c); i++ {
		ch := c[i]
		if !(ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '+' || ch == '#') {
			return false
		}
	}
	return true
}

// nullCode returns "" for TABARI's null codes and c, upper-cased, otherwise.
func nullCode(c string) string {
	switch c {
	case "---", "+++", "###":
		return ""
	}
	return strings.ToUpper(c)
}

func quote(s string) string { return "\"" + s + "\"" }
