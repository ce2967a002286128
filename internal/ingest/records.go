package ingest

import (
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"
	"unicode/utf8"

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
	// The decoder would make bad bytes and half surrogate pairs U+FFFD
	// without a word; plain text refuses them, and so does JSONL.
	if err := checkText(line); err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		return nil, jsonErr(err)
	}
	if err := checkEscapes(m); err != nil {
		return nil, err
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

// checkEscapes rejects a string value with a \u escape of half a UTF-16
// surrogate pair, which the decoder turns into U+FFFD: it finds more
// U+FFFD in the decoded value than the raw one spells.
func checkEscapes(m map[string]json.RawMessage) error {
	for k, v := range m {
		var s string
		if len(v) == 0 || v[0] != '"' || json.Unmarshal(v, &s) != nil {
			continue
		}
		raw := string(v)
		spelt := strings.Count(strings.ToLower(raw), `\ufffd`) + strings.Count(raw, string(utf8.RuneError))
		if strings.Count(s, string(utf8.RuneError)) > spelt {
			return fmt.Errorf("field %q: \\u escape of half a UTF-16 surrogate pair", k)
		}
	}
	return nil
}
