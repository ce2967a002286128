package source

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Mapping is one CAMEO→PLOVER row of the conversion table.
type Mapping struct {
	Pos     Pos
	Code    string
	Event   string
	Mode    string
	Context []string
}

// ReadMapping reads the CAMEO→PLOVER conversion table. Its lines are
//
//	CODE: EVENT, MODE, CONTEXT[; CONTEXT...]   # comment
//
// with empty MODE or CONTEXT allowed. Lines "CODE: EVENT" with no comma are
// section headings and are skipped, as are comments, blank lines and the
// closing "~~~" rule. A code given twice must map the same way both times.
func ReadMapping(r io.Reader, file string) (map[string]Mapping, error) {
	out := map[string]Mapping{}
	var errs ErrorList
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		pos := Pos{File: file, Line: n, Col: 1}
		m, ok := mappingLine(sc.Text(), pos, &errs)
		if !ok {
			continue
		}
		if old, dup := out[m.Code]; dup && !sameMapping(old, m) {
			errs.Add(pos, "code %s mapped again, differently from %s", m.Code, old.Pos)
			continue
		} else if dup {
			continue
		}
		out[m.Code] = m
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	return out, errs.Err()
}

// mappingLine parses one line; ok is false for lines that hold no mapping.
func mappingLine(line string, pos Pos, errs *ErrorList) (m Mapping, ok bool) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "~") {
		return m, false
	}
	code, rest, found := strings.Cut(line, ":")
	code = strings.TrimSpace(code)
	if !found || !isCode(code) {
		errs.Add(pos, "want CODE: EVENT, MODE, CONTEXT, got %q", line)
		return m, false
	}
	fields := strings.Split(rest, ",")
	if len(fields) == 1 {
		return m, false // section heading
	}
	if len(fields) != 3 {
		errs.Add(pos, "code %s: want 3 comma-separated fields, got %d", code, len(fields))
		return m, false
	}
	m = Mapping{Pos: pos, Code: code, Event: strings.TrimSpace(fields[0]), Mode: strings.TrimSpace(fields[1])}
	for c := range strings.SplitSeq(fields[2], ";") {
		if c = strings.TrimSpace(c); c != "" {
			m.Context = append(m.Context, c)
		}
	}
	if m.Event == "" {
		errs.Add(pos, "code %s: empty PLOVER event", code)
		return m, false
	}
	return m, true
}

func sameMapping(a, b Mapping) bool {
	return a.Event == b.Event && a.Mode == b.Mode && slices.Equal(a.Context, b.Context)
}
