package petrarch

import (
	"io"
	"regexp"
	"strings"

	"github.com/dyad-events/dyad/internal/dict"
)

// Issue is one phrase of an issues file and the issue it codes.
type Issue struct {
	Category string // the enclosing <ISSUE CATEGORY="…">, or ""
	Phrase   string // words joined by spaces; "n:" noun and "+" joining marks kept
	Code     string // "" for an exclusion
	Exclude  bool   // "~phrase": a phrase that must not code the issue
	Pos      dict.Pos
}

var issueOpen = regexp.MustCompile(`(?i)^<ISSUE\s+CATEGORY\s*=\s*"([^"]*)"[^>]*>$`)

// ParseIssues reads an issues file: "PHRASE [CODE]" lines and "~PHRASE"
// exclusions, optionally inside <ISSUE CATEGORY="…"> … </ISSUE> blocks,
// where a phrase with no code takes the code of the one before it, or the
// block's category.
func ParseIssues(name string, r io.Reader) ([]Issue, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	var (
		out  []Issue
		errs dict.ErrorList
		cat  string
		open bool
		last string // the code of the block's last phrase, for phrases listed under it
	)
	for _, l := range lines {
		if l.blank() {
			continue
		}
		at := l.indent()
		pos := dict.Pos{File: name, Line: l.num, Col: at + 1}
		text := l.text[at:]
		switch {
		case issueOpen.MatchString(text):
			if open {
				errs.Add(pos, "<ISSUE> inside <ISSUE>: missing </ISSUE>")
			}
			cat, open = issueOpen.FindStringSubmatch(text)[1], true
			last = cat // TYPE="COUNTEVENT" blocks list phrases with no code at all
			continue
		case strings.EqualFold(text, "</ISSUE>"):
			if !open {
				errs.Add(pos, "</ISSUE> with no <ISSUE>")
			}
			cat, open, last = "", false, ""
			continue
		case strings.HasPrefix(text, "<"):
			errs.Add(pos, "unknown tag %q", rest(text))
			continue
		}
		if is, ok := issueLine(text, cat, last, pos, &errs); ok {
			out = append(out, is)
			if !is.Exclude {
				last = is.Code
			}
		}
	}
	if open {
		errs.Add(dict.Pos{File: name, Line: len(lines), Col: 1}, "<ISSUE %s> not closed", cat)
	}
	return out, errs.Err()
}

// issueLine reads "~PHRASE" or "PHRASE [CODE]"; inside an <ISSUE> block a
// phrase with no code takes last: the code of the phrase before it, or the
// block's category.
func issueLine(text, cat, last string, pos dict.Pos, errs *dict.ErrorList) (Issue, bool) {
	is := Issue{Category: cat, Pos: pos}
	if strings.HasPrefix(text, "~") {
		is.Exclude, is.Phrase = true, phrase(text[1:])
		if is.Phrase == "" {
			errs.Add(pos, "empty exclusion")
			return is, false
		}
		return is, true
	}
	ob, cb := strings.IndexByte(text, '['), strings.LastIndexByte(text, ']')
	switch {
	case ob < 0 && last != "" && !strings.ContainsAny(text, "[]"):
		is.Phrase, is.Code = phrase(text), last
		return is, true
	case ob < 0:
		errs.Add(pos, "issue phrase has no [CODE]")
		return is, false
	case cb < ob:
		errs.Add(dict.Pos{File: pos.File, Line: pos.Line, Col: pos.Col + ob}, "code not closed: missing ']'")
		return is, false
	case strings.TrimSpace(text[cb+1:]) != "":
		lead := len(text[cb+1:]) - len(strings.TrimLeft(text[cb+1:], " \t"))
		errs.Add(dict.Pos{File: pos.File, Line: pos.Line, Col: pos.Col + cb + 1 + lead}, "unexpected text after the code")
		return is, false
	}
	is.Phrase, is.Code = phrase(text[:ob]), strings.TrimSpace(text[ob+1:cb])
	if is.Phrase == "" || is.Code == "" || strings.ContainsAny(is.Code, " \t") {
		errs.Add(pos, "want PHRASE [CODE]")
		return is, false
	}
	return is, true
}
