package source

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CAMEORow is one row of the CAMEO code list: the facts dyad keeps.
type CAMEORow struct {
	Pos       Pos
	Code      string
	Root      string
	Goldstein float64
}

// ReadCAMEO reads the CAMEO code list, a CSV file whose header names at
// least the columns code, goldstein and root_code. The name and
// description columns are ignored: dyad writes its own names.
func ReadCAMEO(r io.Reader, file string) ([]CAMEORow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("cameo header %s: %w", file, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, want := range []string{"code", "goldstein", "root_code"} {
		if _, ok := col[want]; !ok {
			return nil, fmt.Errorf("cameo header %s: no column %q", file, want)
		}
	}
	var rows []CAMEORow
	var errs ErrorList
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		pos := Pos{File: file, Line: line, Col: 1}
		if err != nil {
			errs.Add(pos, "%v", err)
			continue
		}
		if row, ok := cameoRow(rec, col, pos, &errs); ok {
			rows = append(rows, row)
		}
	}
	return rows, errs.Err()
}

// cameoRow checks and converts one CSV record.
func cameoRow(rec []string, col map[string]int, pos Pos, errs *ErrorList) (CAMEORow, bool) {
	field := func(name string) string {
		if i := col[name]; i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	row := CAMEORow{Pos: pos, Code: field("code"), Root: field("root_code")}
	g, err := strconv.ParseFloat(field("goldstein"), 64)
	switch {
	case !isCode(row.Code):
		errs.Add(pos, "bad CAMEO code %q", row.Code)
	case len(row.Root) != 2 || !strings.HasPrefix(row.Code, row.Root):
		errs.Add(pos, "code %s: bad root %q", row.Code, row.Root)
	case err != nil || g < -10 || g > 10:
		errs.Add(pos, "code %s: bad Goldstein value %q", row.Code, field("goldstein"))
	default:
		row.Goldstein = g
		return row, true
	}
	return row, false
}

// isCode reports whether s looks like a CAMEO event code: 2 to 4 digits.
func isCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
