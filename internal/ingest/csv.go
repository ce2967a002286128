package ingest

import (
	"encoding/csv"
	"errors"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// ReadCSV yields one document per row of a CSV file whose first row names
// the columns; cols says which column holds what. A bad row yields an error
// naming name:line and the column, and reading goes on. A missing text
// column is one error and the end. Rows over maxBytes are errors.
func ReadCSV(name string, r io.Reader, cols Columns, defDate time.Time, maxBytes int) iter.Seq2[*dyad.Document, error] {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return func(yield func(*dyad.Document, error) bool) {
		cr := csv.NewReader(r)
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = true
		head, err := cr.Read()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				yield(nil, dyad.Errorf(dyad.EINVALID, "%s:1: header: %v", name, err))
			}
			return
		}
		idx := map[string]int{}
		for i, h := range head {
			idx[trimBOM(h, i)] = i
		}
		if !hasAny(idx, cols.Text) {
			yield(nil, dyad.Errorf(dyad.EINVALID, "%s:1: no column %q for the text (columns: %q)", name, cols.Text, head))
			return
		}
		for {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			line := 0
			if err == nil && len(rec) > 0 { // FieldPos panics after a failed read
				line, _ = cr.FieldPos(0)
			}
			if !yield(csvRow(name, line, rec, err, idx, cols, defDate, maxBytes)) {
				return
			}
		}
	}
}

// csvRow turns one CSV row (or its read error) into a document.
func csvRow(name string, line int, rec []string, err error, idx map[string]int, cols Columns, defDate time.Time, maxBytes int) (*dyad.Document, error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return nil, dyad.Errorf(dyad.EINVALID, "%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
	} else if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%s:%d: %v", name, line, err)
	}
	size := 0
	for _, f := range rec {
		size += len(f)
	}
	if size > maxBytes {
		return nil, dyad.Errorf(dyad.EINVALID, "%s:%d: row larger than the %d MiB limit", name, line, maxBytes>>20)
	}
	get := func(col string) (string, bool) {
		i, ok := idx[col]
		if !ok || col == "" || i >= len(rec) {
			return "", false
		}
		return rec[i], true
	}
	doc, err := cols.document(get, position(name, line), defDate, "")
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%s:%d: %v", name, line, err)
	}
	return doc, nil
}

// trimBOM drops a byte-order mark before the first column name.
func trimBOM(h string, i int) string {
	if i == 0 && len(h) >= 3 && h[:3] == "\xef\xbb\xbf" {
		return h[3:]
	}
	return h
}

// hasAny reports whether one of the comma-separated names is a column.
func hasAny(idx map[string]int, names string) bool {
	for _, n := range strings.Split(names, ",") {
		if _, ok := idx[strings.TrimSpace(n)]; ok {
			return true
		}
	}
	return false
}
