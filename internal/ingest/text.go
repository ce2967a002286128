package ingest

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// DefaultMaxBytes bounds one document or one JSONL line. Larger inputs are
// reported as errors instead of exhausting memory.
const DefaultMaxBytes = 16 << 20

// ReadText reads one plain-text story from r. name becomes the document ID
// (the base name of the file, or "stdin"). When the first line is followed
// by a blank line it is taken as the headline and kept in Title; Text is
// then the rest, so that spans refer to the body.
func ReadText(name string, r io.Reader, date time.Time, maxBytes int) (*dyad.Document, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(maxBytes)+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	if len(b) > maxBytes {
		return nil, dyad.Errorf(dyad.EINVALID, "%s: larger than the %d MiB limit", name, maxBytes>>20)
	}
	if err := checkText(b); err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%s: %v", name, err)
	}
	title, body := splitHeadline(string(b))
	if strings.TrimSpace(body) == "" {
		return nil, dyad.Errorf(dyad.EINVALID, "%s: empty document", name)
	}
	return &dyad.Document{ID: filepath.Base(name), Title: title, Text: body, Date: date}, nil
}

// checkText rejects input that is not text: invalid UTF-8 or NUL bytes.
func checkText(b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("binary data (NUL byte at offset %d), not text", i)
	}
	if !utf8.Valid(b) {
		return fmt.Errorf("not valid UTF-8 (first bad byte at offset %d)", firstInvalid(b))
	}
	return nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// splitHeadline returns the first line as a title when a blank line follows
// it, and the text after the blank line as the body.
func splitHeadline(s string) (title, body string) {
	s = strings.TrimPrefix(s, "\ufeff")
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return "", s
	}
	rest := s[i+1:]
	j := strings.IndexByte(rest, '\n')
	if j < 0 || strings.TrimSpace(rest[:j]) != "" {
		return "", s
	}
	head := strings.TrimSpace(s[:i])
	if head == "" || len(head) > 300 {
		return "", s
	}
	return head, rest[j+1:]
}
