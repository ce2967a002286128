package ingest

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/mmcdole/gofeed"

	"github.com/dyad-events/dyad"
)

var (
	reRoot      = regexp.MustCompile(`<(rss|feed)\b[^>]*>`)
	reItemStart = regexp.MustCompile(`<(item|entry)[\s>]`)
	reTitle     = regexp.MustCompile(`(?s)<title\b[^>]*>.*?</title\s*>`)
)

// recoverItems reads a feed whose XML is broken one entry at a time, so
// that the well-formed entries are kept: each entry, from its start tag
// to its end tag, is parsed alone inside the feed's own root element (its
// namespaces) and title. An entry that does not parse, or never ends, is
// an item with Err set naming name and the entry's line. It returns false
// when the input has no RSS or Atom root or no entry.
func recoverItems(name string, data []byte) ([]FeedItem, bool) {
	root := reRoot.FindSubmatchIndex(data)
	starts := reItemStart.FindAllSubmatchIndex(data, -1)
	if root == nil || len(starts) == 0 {
		return nil, false
	}
	kind := string(data[root[2]:root[3]]) // rss or feed
	elem := "item"
	if kind == "feed" {
		elem = "entry"
	}
	head := data[:starts[0][0]]
	open := append([]byte(nil), data[root[0]:root[1]]...)
	if kind == "rss" {
		open = append(open, "<channel>"...)
	}
	if t := reTitle.Find(head); t != nil && parses(envelope(open, kind, t, nil)) {
		open = append(open, t...)
	}
	var items []FeedItem
	for i, s := range starts {
		end := len(data)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		line := 1 + bytes.Count(data[:s[0]], []byte("\n"))
		chunk := data[s[0]:end]
		stop := bytes.LastIndex(chunk, []byte("</"+elem))
		if string(data[s[2]:s[3]]) != elem || stop < 0 {
			items = append(items, badItem(name, line, fmt.Errorf("<%s> not closed", elem)))
			continue
		}
		if gt := bytes.IndexByte(chunk[stop:], '>'); gt >= 0 {
			chunk = chunk[:stop+gt+1]
		}
		f, err := gofeed.NewParser().Parse(bytes.NewReader(envelope(open, kind, nil, chunk)))
		if err != nil || len(f.Items) != 1 {
			items = append(items, badItem(name, line, err))
			continue
		}
		items = append(items, feedItems(name, f, i)...)
	}
	return items, true
}

// envelope wraps an entry in the feed's root (open) and closes it.
func envelope(open []byte, kind string, extra, chunk []byte) []byte {
	b := append(append(append([]byte(nil), open...), extra...), chunk...)
	if kind == "rss" {
		return append(b, "</channel></rss>"...)
	}
	return append(b, "</feed>"...)
}

// parses reports whether b parses as a feed.
func parses(b []byte) bool {
	_, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	return err == nil
}

// badItem is an entry that could not be read.
func badItem(name string, line int, err error) FeedItem {
	if err == nil {
		err = fmt.Errorf("not one entry")
	}
	return FeedItem{Err: dyad.Errorf(dyad.EINVALID, "%s:%d: broken feed entry: %v", name, line, err)}
}
