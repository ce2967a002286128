package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// record is one JSONL story as users write it.
type record struct {
	ID     *string `json:"id"`
	Text   *string `json:"text"`
	Title  string  `json:"title"`
	Date   string  `json:"date"`
	Source string  `json:"source"`
	URL    string  `json:"url"`
}

// DateLayouts are the publication date forms accepted in JSONL "date"
// fields and by --date.
var DateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"}

// ParseDate parses a publication date in one of DateLayouts.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range DateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q (want YYYY-MM-DD or RFC 3339)", s)
}

// ReadJSONL yields one document per non-blank line of r. A bad line yields
// an error naming name:line and the field; reading goes on with the next
// line. Lines longer than maxBytes are skipped with an error, without
// holding them in memory. defDate is used when a record has no date.
func ReadJSONL(name string, r io.Reader, defDate time.Time, maxBytes int) iter.Seq2[*dyad.Document, error] {
	return readLines(name, r, maxBytes, func(line []byte, _ int) (*dyad.Document, error) {
		return parseRecord(line, defDate)
	})
}

// readLines yields parse's document for each non-blank line of r, with
// errors that name name:line. A line over maxBytes is an error and is
// skipped without holding it in memory; a failing reader ends the sequence
// after its error.
func readLines(name string, r io.Reader, maxBytes int, parse func(line []byte, n int) (*dyad.Document, error)) iter.Seq2[*dyad.Document, error] {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return func(yield func(*dyad.Document, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		for n := 1; ; n++ {
			line, err := readLine(br, maxBytes)
			if errors.Is(err, io.EOF) && line == nil {
				return
			}
			var doc *dyad.Document
			failed := false
			switch {
			case errors.Is(err, errLong):
				err = dyad.Errorf(dyad.EINVALID, "%s:%d: line longer than the %d MiB limit", name, n, maxBytes>>20)
			case err != nil && !errors.Is(err, io.EOF):
				err, failed = fmt.Errorf("%s:%d: read: %w", name, n, err), true
			case len(bytes.TrimSpace(line)) == 0:
				continue
			default:
				doc, err = parse(line, n)
				if err != nil {
					err = dyad.Errorf(dyad.EINVALID, "%s:%d: %v", name, n, err)
				}
			}
			if !yield(doc, err) || failed {
				return // the reader itself failed: nothing more can be read
			}
		}
	}
}

var errLong = errors.New("line too long")

// readLine returns the next line without its newline. A line over max bytes
// is drained and reported as errLong. At the end it returns the last line
// (if any) with io.EOF, then nil, io.EOF.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var buf []byte
	long := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !long {
			if len(buf)+len(chunk) > max+1 {
				long, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil && len(buf) == 0 && !long:
			return nil, err
		case long:
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return []byte{}, errLong
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

// parseRecord decodes one JSONL line into a Document.
func parseRecord(line []byte, defDate time.Time) (*dyad.Document, error) {
	if err := checkText(line); err != nil {
		return nil, err
	}
	var rec record
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&rec); err != nil {
		return nil, jsonErr(err)
	}
	if dec.More() {
		return nil, fmt.Errorf("malformed JSON: more than one value on the line")
	}
	switch {
	case rec.ID == nil || strings.TrimSpace(*rec.ID) == "":
		return nil, fmt.Errorf("field \"id\": missing or empty")
	case rec.Text == nil:
		return nil, fmt.Errorf("field \"text\": missing")
	case strings.TrimSpace(*rec.Text) == "":
		return nil, fmt.Errorf("field \"text\": empty")
	}
	doc := &dyad.Document{ID: *rec.ID, Title: rec.Title, Text: *rec.Text, Source: rec.Source, URL: rec.URL, Date: defDate}
	if rec.Date != "" {
		d, err := ParseDate(rec.Date)
		if err != nil {
			return nil, fmt.Errorf("field \"date\": %v", err)
		}
		doc.Date = d
	}
	return doc, nil
}

// jsonErr rewrites decoder errors so that a type error names the field.
func jsonErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("field %q: want %s, got %s", te.Field, te.Type, te.Value)
	}
	return fmt.Errorf("malformed JSON: %v", err)
}
