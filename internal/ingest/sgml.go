package ingest

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"iter"
	"regexp"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// ReadReuters yields the stories of a Reuters-21578 style SGML file: one
// <REUTERS NEWID="…"> element per story with DATE, TITLE and BODY. Stories
// with no body are skipped; a file over maxBytes is one error.
func ReadReuters(name string, r io.Reader, maxBytes int) iter.Seq2[*dyad.Document, error] {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return func(yield func(*dyad.Document, error) bool) {
		b, err := io.ReadAll(io.LimitReader(r, int64(maxBytes)+1))
		if err != nil {
			yield(nil, fmt.Errorf("%s: read: %w", name, err))
			return
		}
		if len(b) > maxBytes {
			yield(nil, dyad.Errorf(dyad.EINVALID, "%s: larger than the %d MiB limit", name, maxBytes>>20))
			return
		}
		line := 1
		for n := 0; len(b) > 0; n++ {
			i := bytes.Index(b, []byte("<REUTERS"))
			if i < 0 && n == 0 && len(bytes.TrimSpace(b)) > 0 {
				yield(nil, dyad.Errorf(dyad.EINVALID, "%s: no <REUTERS> element: not Reuters-21578 SGML", name))
				return
			}
			if i < 0 {
				return
			}
			j := bytes.Index(b[i:], []byte("</REUTERS>"))
			if j < 0 {
				yield(nil, dyad.Errorf(dyad.EINVALID, "%s:%d: <REUTERS> not closed", name, line+bytes.Count(b[:i], nl)))
				return
			}
			line += bytes.Count(b[:i], nl)
			el := b[i : i+j]
			if doc := reutersDoc(el); doc != nil && !yield(doc, nil) {
				return
			}
			line += bytes.Count(el, nl)
			b = b[i+j:]
		}
	}
}

var (
	nl         = []byte("\n")
	reNewID    = regexp.MustCompile(`NEWID="(\d+)"`)
	reSGMLTags = regexp.MustCompile(`<[^>]*>`)
	reCtl      = regexp.MustCompile(`&#([0-9]|[12][0-9]|3[01]);`) // control characters the wire carried
)

// reutersDoc reads one <REUTERS> element; nil when it has no body.
func reutersDoc(el []byte) *dyad.Document {
	body := sgmlText(between(el, "<BODY>", "</BODY>"))
	if strings.TrimSpace(body) == "" {
		return nil
	}
	doc := &dyad.Document{Title: sgmlText(between(el, "<TITLE>", "</TITLE>")), Text: body, Source: "Reuters"}
	if m := reNewID.FindSubmatch(el); m != nil {
		doc.ID = "reuters-" + string(m[1])
	}
	if d := strings.TrimSpace(string(between(el, "<DATE>", "</DATE>"))); d != "" {
		if t, err := time.Parse("2-Jan-2006 15:04:05", strings.SplitN(d, ".", 2)[0]); err == nil {
			doc.Date = t
		}
	}
	return doc
}

// between returns what lies between the first open and the next close.
func between(b []byte, open, close string) []byte {
	i := bytes.Index(b, []byte(open))
	if i < 0 {
		return nil
	}
	b = b[i+len(open):]
	if j := bytes.Index(b, []byte(close)); j >= 0 {
		return b[:j]
	}
	return b
}

// sgmlText strips tags and control references and unescapes entities.
func sgmlText(b []byte) string {
	b = reCtl.ReplaceAll(b, nil)
	b = reSGMLTags.ReplaceAll(b, nil)
	return strings.TrimSpace(html.UnescapeString(string(b)))
}
