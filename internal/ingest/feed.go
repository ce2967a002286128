package ingest

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/dyad-events/dyad"
)

// FeedItem is one entry of an RSS, Atom or JSON feed: the document made of
// its own text, and the link to the full article; or, in a feed whose XML
// is broken, the error of an entry that could not be read.
type FeedItem struct {
	Doc  *dyad.Document // nil when the entry carries no text
	Link string
	Err  error // the entry is broken (name:line); Doc and Link are empty
}

// ReadFeed parses an RSS, Atom or JSON feed. Each entry becomes a document
// from its content (else its summary), with the feed's title as source;
// Link lets the caller fetch the full article instead. When the XML is
// broken, the entries are read one by one: the well-formed ones are kept
// and each broken one is an item with Err.
func ReadFeed(name string, r io.Reader, maxBytes int) ([]FeedItem, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(maxBytes)))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if items, ok := recoverItems(name, data); ok {
			return items, nil
		}
		return nil, dyad.Errorf(dyad.EINVALID, "%s: not a feed: %v", name, err)
	}
	return feedItems(name, f, 0), nil
}

// feedItems makes f's entries into items; an entry without id or link is
// named name#N, N counted from first+1.
func feedItems(name string, f *gofeed.Feed, first int) []FeedItem {
	items := make([]FeedItem, 0, len(f.Items))
	for i, it := range f.Items {
		fi := FeedItem{Link: it.Link}
		text := stripHTML(it.Content)
		if text == "" {
			text = stripHTML(it.Description)
		}
		if text != "" {
			doc := &dyad.Document{ID: firstNonEmpty(it.GUID, it.Link, fmt.Sprintf("%s#%d", name, first+i+1)),
				Title: stripHTML(it.Title), Text: text, Source: f.Title, URL: it.Link}
			if it.PublishedParsed != nil {
				doc.Date = it.PublishedParsed.UTC()
			} else if it.UpdatedParsed != nil {
				doc.Date = it.UpdatedParsed.UTC()
			}
			fi.Doc = doc
		}
		items = append(items, fi)
	}
	return items
}

var (
	reBlock = regexp.MustCompile(`(?i)</?(p|br|div|li|h[1-6])\b[^>]*>`)
	reTag   = regexp.MustCompile(`<[^>]*>`)
	reSpace = regexp.MustCompile(`[ \t]+`)
	reLines = regexp.MustCompile(`\n\s*\n+`)
)

// stripHTML turns a feed's HTML snippet into paragraphs of plain text.
func stripHTML(s string) string {
	s = reBlock.ReplaceAllString(s, "\n\n")
	s = html.UnescapeString(reTag.ReplaceAllString(s, ""))
	s = reSpace.ReplaceAllString(s, " ")
	return strings.TrimSpace(reLines.ReplaceAllString(s, "\n\n"))
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
