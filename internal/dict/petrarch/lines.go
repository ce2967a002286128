package petrarch

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// line is one line of a dictionary file with its comments blanked out.
type line struct {
	text    string // comments replaced by spaces, so columns stay true; right-trimmed
	comment string // the text of a '#' comment, trimmed
	num     int    // 1-based
}

// blank reports whether l holds nothing but white space.
func (l line) blank() bool { return strings.TrimSpace(l.text) == "" }

// indent returns the 0-based index of l's first non-blank byte.
func (l line) indent() int { return len(l.text) - len(strings.TrimLeft(l.text, " \t")) }

var openXML, closeXML = []byte("<!--"), []byte("-->")

// readLines reads r into lines, blanking "<!-- … -->" comments (which may
// span lines) and '#' or TABARI's ';' comments (which run to the end of
// the line). A '#' just after '[' or '#' is text: "[###]" is a null code.
func readLines(r io.Reader) ([]line, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var out []line
	var buf []byte // the line being blanked, reused: only its final text is kept
	inXML := false
	for n := 1; sc.Scan(); n++ {
		b := append(buf[:0], bytes.TrimRight(sc.Bytes(), "\r")...)
		buf = b
		var comment string
		for i := 0; i < len(b); i++ {
			switch {
			case inXML:
				if bytes.HasPrefix(b[i:], closeXML) {
					b[i], b[i+1], b[i+2] = ' ', ' ', ' '
					i += 2
					inXML = false
					continue
				}
				b[i] = ' '
			case bytes.HasPrefix(b[i:], openXML):
				inXML = true
				b[i] = ' '
			case b[i] == '#' && i > 0 && (b[i-1] == '[' || b[i-1] == '#'):
				// "[###]" is a null code, not a comment
			case b[i] == '#', b[i] == ';':
				comment = strings.TrimSpace(string(b[i+1:]))
				for j := i; j < len(b); j++ {
					b[j] = ' '
				}
				i = len(b)
			}
		}
		out = append(out, line{text: string(bytes.TrimRight(b, " \t")), comment: comment, num: n})
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("read: %w", err)
	}
	return out, nil
}

// phrase turns a dictionary phrase into words joined by single spaces:
// underscores are spaces, a trailing underscore (TABARI's "whole word
// only" mark) is dropped.
func phrase(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	return strings.Join(strings.Fields(s), " ")
}
