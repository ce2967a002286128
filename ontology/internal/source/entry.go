package source

import (
	"fmt"
	"strings"
)

// Entry is one row of the generated ontology table.
type Entry struct {
	Code      string
	Root      string
	Name      string // dyad's own short name
	Goldstein float64
	QuadClass int

	// PLOVER coding; HasPLOVER is false for codes PLOVER dropped.
	HasPLOVER bool
	Event     string
	Mode      string
	Context   []string
}

// Pos is a position in an input file.
type Pos struct {
	File string
	Line int
	Col  int
}

// String renders p as file:line:col.
func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Error is an input error at a position.
type Error struct {
	Pos Pos
	Msg string
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList collects input errors so a reader can report every bad line.
type ErrorList []*Error

// Add appends an error at pos.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Error implements the error interface.
func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// QuadClass returns the quad class of a CAMEO root ("01".."20"): 1 verbal
// cooperation (01–05), 2 material cooperation (06–08), 3 verbal conflict
// (09–13), 4 material conflict (14–20); 0 for anything else.
func QuadClass(root string) int {
	if len(root) != 2 || root[0] < '0' || root[0] > '2' || root[1] < '0' || root[1] > '9' {
		return 0
	}
	switch n := int(root[0]-'0')*10 + int(root[1]-'0'); {
	case n >= 1 && n <= 5:
		return 1
	case n >= 6 && n <= 8:
		return 2
	case n >= 9 && n <= 13:
		return 3
	case n >= 14 && n <= 20:
		return 4
	}
	return 0
}
