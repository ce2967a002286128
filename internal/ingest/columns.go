package ingest

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// Columns names the fields (CSV columns or JSONL keys) a record's parts are
// read from. An empty name means the record has no such field; a
// comma-separated list names candidates, the first present wins.
type Columns struct {
	ID     string // empty or missing: the id is FILE:LINE
	Text   string // required
	Title  string
	Date   string
	URL    string
	Source string
}

// DefaultColumns returns the field names dyad's own records use.
func DefaultColumns() Columns {
	return Columns{ID: "id", Text: "text", Title: "title,headline", Date: "date,published,pubdate,publish_date",
		URL: "url,link", Source: "source,outlet"}
}

// looseLayouts are the publication dates accepted in records besides
// DateLayouts: what feeds, CSV dumps and news APIs write.
var looseLayouts = []string{
	"2006-01-02 15:04:05Z", "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04:05Z0700",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006", "January 2, 2006",
	"02-Jan-2006 15:04:05.00", "2006/01/02",
}

// ParseDateLoose parses a publication date in one of DateLayouts or the
// other common forms of news records.
func ParseDateLoose(s string) (time.Time, error) {
	if t, err := ParseDate(s); err == nil {
		return t, nil
	}
	s = strings.TrimSpace(s)
	for _, l := range looseLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q", s)
}

// fieldGetter returns a record's value for a field name.
type fieldGetter func(name string) (string, bool)

// document builds a Document from one record at pos (FILE:LINE). Errors
// name the field.
func (c Columns) document(raw fieldGetter, pos string, defDate time.Time, source string) (*dyad.Document, error) {
	// get returns the value of the first present field of names, and
	// that field's name for messages (names itself when none is present).
	get := func(names string) (string, string, bool) {
		for _, n := range strings.Split(names, ",") {
			if v, ok := raw(strings.TrimSpace(n)); ok {
				return v, strings.TrimSpace(n), true
			}
		}
		return "", names, false
	}
	text, tname, ok := get(c.Text)
	switch {
	case !ok:
		return nil, fmt.Errorf("field %q: missing", tname)
	case strings.TrimSpace(text) == "":
		return nil, fmt.Errorf("field %q: empty", tname)
	}
	if err := checkText([]byte(text)); err != nil {
		return nil, fmt.Errorf("field %q: %v", tname, err)
	}
	doc := &dyad.Document{ID: pos, Text: text, Date: defDate, Source: source}
	if id, _, ok := get(c.ID); ok && strings.TrimSpace(id) != "" {
		doc.ID = strings.TrimSpace(id)
	}
	doc.Title, _, _ = get(c.Title)
	doc.URL, _, _ = get(c.URL)
	if s, _, ok := get(c.Source); ok && s != "" {
		doc.Source = s
	}
	if d, dname, ok := get(c.Date); ok && strings.TrimSpace(d) != "" {
		t, err := ParseDateLoose(d)
		if err != nil {
			return nil, fmt.Errorf("field %q: %v", dname, err)
		}
		doc.Date = t
	}
	return doc, nil
}

// position is the default id of record n of a file: its base name and
// line.
func position(name string, n int) string {
	return filepath.Base(name) + ":" + strconv.Itoa(n)
}
