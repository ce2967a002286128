package ingest

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/markusmobius/go-trafilatura"

	"github.com/dyad-events/dyad"
)

// ReadHTML extracts the main text of one article page with its title,
// date and URL (trafilatura's article extraction: boilerplate, navigation
// and comments are left out). pageURL is where the page came from, "" for
// a file; the id is the page's URL, else the file's base name.
func ReadHTML(name string, r io.Reader, pageURL string, maxBytes int) (*dyad.Document, error) {
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
	opts := trafilatura.Options{ExcludeComments: true, EnableFallback: true}
	if u, err := url.Parse(pageURL); err == nil && pageURL != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.Extract(bytes.NewReader(b), opts)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%s: no article text: %v", name, err)
	}
	text := strings.TrimSpace(res.ContentText)
	if text == "" {
		return nil, dyad.Errorf(dyad.EINVALID, "%s: no article text", name)
	}
	md := res.Metadata
	doc := &dyad.Document{ID: filepath.Base(name), Title: md.Title, Text: text, Date: md.Date.UTC(), Source: md.Sitename, URL: md.URL}
	if md.Date.IsZero() {
		doc.Date = md.Date
	}
	if doc.URL == "" {
		doc.URL = pageURL
	}
	if doc.URL != "" {
		doc.ID = doc.URL
	}
	return doc, nil
}
