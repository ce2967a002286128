package ingest

import (
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// ReadRecords yields one document per non-blank JSONL line, reading the
// fields cols names; values that are not strings are read as their JSON
// text. Dates may be in any form ParseDateLoose knows. A bad line yields an
// error naming name:line and the field; reading goes on.
func ReadRecords(name string, r io.Reader, cols Columns, defDate time.Time, maxBytes int) iter.Seq2[*dyad.Document, error] {
	return readLines(name, r, maxBytes, func(line []byte, n int) (*dyad.Document, error) {
		return recordDoc(line, cols, position(name, n), defDate)
	})
}

// recordDoc decodes one JSON object into a document.
func recordDoc(line []byte, cols Columns, pos string, defDate time.Time) (*dyad.Document, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		return nil, jsonErr(err)
	}
	for _, k := range strings.Split(cols.Text, ",") {
		if v, ok := m[strings.TrimSpace(k)]; ok && len(v) > 0 && v[0] != '"' && string(v) != "null" {
			return nil, fmt.Errorf("field %q: want a string, got %s", k, v)
		}
	}
	get := func(k string) (string, bool) {
		v, ok := m[k]
		if !ok || k == "" || string(v) == "null" {
			return "", false
		}
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s, true
		}
		return string(v), true
	}
	return cols.document(get, pos, defDate, "")
}
