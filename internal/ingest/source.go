package ingest

import (
	"context"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad"
)

// Format is an input format.
type Format string

// Formats.
const (
	Text    Format = "text"    // one story per file, first line may be the headline
	JSONL   Format = "jsonl"   // one story per line
	CSV     Format = "csv"     // one story per row, columns named in the first row
	HTML    Format = "html"    // one article page per file
	Feed    Format = "feed"    // RSS, Atom or JSON feed
	Reuters Format = "reuters" // Reuters-21578 SGML
)

// DetectFormat guesses the format of a source from its name.
func DetectFormat(name string) Format {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".jsonl", ".ndjson", ".json":
		return JSONL
	case ".csv":
		return CSV
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".rss", ".atom", ".xml":
		return Feed
	case ".sgm", ".sgml":
		return Reuters
	}
	if isURL(name) {
		return HTML
	}
	return Text
}

// Options say how sources are read.
type Options struct {
	Format   Format    // "": by each source's name (DetectFormat)
	Columns  Columns   // CSV columns and JSONL keys
	Date     time.Time // publication date of stories that carry none
	MaxBytes int       // largest story, line or row; 0: DefaultMaxBytes
	Fetch    bool      // fetch the articles feed entries link to
	Client   *http.Client
	Stdin    io.Reader
	Read     *atomic.Int64 // if set, counts the bytes read from local files, for progress
}

// DefaultOptions returns the options of a plain ingest.
func DefaultOptions() Options {
	return Options{Columns: DefaultColumns(), MaxBytes: DefaultMaxBytes, Client: &http.Client{Timeout: 30 * time.Second}, Stdin: os.Stdin}
}

// Expand turns command-line sources into a list: a folder becomes the
// files under it (hidden ones left out), a glob its matches; "-" (stdin)
// and URLs stay as they are. A source that names nothing is an error.
func Expand(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		switch {
		case a == "-" || isURL(a):
			out = append(out, a)
		case strings.ContainsAny(a, "*?["):
			m, err := filepath.Glob(a)
			if err != nil || len(m) == 0 {
				return nil, dyad.Errorf(dyad.EINVALID, "%s: matches no file", a)
			}
			for _, name := range m {
				files, err := walk(name)
				if err != nil {
					return nil, err
				}
				out = append(out, files...)
			}
		default:
			files, err := walk(a)
			if err != nil {
				return nil, err
			}
			out = append(out, files...)
		}
	}
	return out, nil
}

// walk returns name if it is a file, or the files under it, sorted.
func walk(name string) ([]string, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%s: %v", name, unwrapPath(err))
	}
	if !st.IsDir() {
		return []string{name}, nil
	}
	var out []string
	err = filepath.WalkDir(name, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != name && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && !isDoc(d.Name()) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%s: %v", name, unwrapPath(err))
	}
	sort.Strings(out)
	return out, nil
}

// isDoc reports whether a file in a folder is the folder's documentation
// (README.md, LICENSE, NOTICE, CHANGELOG, any .md file), which a corpus
// folder often holds beside its stories and which is not news. A file
// named on the command line is read whatever its name.
func isDoc(name string) bool {
	up := strings.ToUpper(name)
	for _, p := range []string{"README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG"} {
		if strings.HasPrefix(up, p) {
			return true
		}
	}
	return strings.HasSuffix(up, ".MD")
}

// Size returns the total size of the local files among srcs, for progress.
func Size(srcs []string) int64 {
	var n int64
	for _, s := range srcs {
		if st, err := os.Stat(s); err == nil && s != "-" && !isURL(s) {
			n += st.Size()
		}
	}
	return n
}

// Open yields the documents of one source: a file, "-" for stdin, or an
// http(s) URL (a page or a feed).
func Open(ctx context.Context, src string, opts Options) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		f := opts.Format
		if f == "" {
			f = DetectFormat(src)
		}
		rc, label, err := open(ctx, src, opts)
		if err != nil {
			yield(nil, err)
			return
		}
		defer rc.Close()
		var r io.Reader = rc
		if opts.Read != nil && src != "-" && !isURL(src) {
			r = &countingReader{r: rc, n: opts.Read}
		}
		for doc, err := range read(ctx, f, label, r, src, opts) {
			if !yield(doc, err) {
				return
			}
		}
	}
}

// read yields the documents of one opened source in format f.
func read(ctx context.Context, f Format, label string, r io.Reader, src string, opts Options) iter.Seq2[*dyad.Document, error] {
	one := func(doc *dyad.Document, err error) iter.Seq2[*dyad.Document, error] {
		return func(yield func(*dyad.Document, error) bool) { yield(doc, err) }
	}
	switch f {
	case JSONL:
		return ReadRecords(label, r, opts.Columns, opts.Date, opts.MaxBytes)
	case CSV:
		return ReadCSV(label, r, opts.Columns, opts.Date, opts.MaxBytes)
	case Reuters:
		return ReadReuters(label, r, opts.MaxBytes)
	case HTML:
		page := ""
		if isURL(src) {
			page = src
		}
		return one(ReadHTML(label, r, page, opts.MaxBytes))
	case Feed:
		return feedDocs(ctx, label, r, opts)
	case Text:
		doc, err := ReadText(label, r, opts.Date, opts.MaxBytes)
		if doc != nil && src != "-" {
			doc.ID = src // the path, so that equal names in two folders stay apart
		}
		return one(doc, err)
	}
	return one(nil, dyad.Errorf(dyad.EINVALID, "%s: unknown format %q", label, f))
}

// open opens a file, stdin or URL and returns a label for messages.
func open(ctx context.Context, src string, opts Options) (io.ReadCloser, string, error) {
	switch {
	case src == "-":
		if opts.Stdin == nil {
			return nil, "", dyad.Errorf(dyad.EINVALID, "stdin: not available")
		}
		return io.NopCloser(opts.Stdin), "stdin", nil
	case isURL(src):
		rc, err := Fetch(ctx, opts.Client, src)
		return rc, src, err
	}
	f, err := os.Open(src)
	if err != nil {
		return nil, "", dyad.Errorf(dyad.EINVALID, "%s: cannot open: %v", src, unwrapPath(err))
	}
	return f, src, nil
}

// Fetch GETs url and returns its body; a status other than 200 is an
// EINVALID error.
func Fetch(ctx context.Context, c *http.Client, url string) (io.ReadCloser, error) {
	if c == nil {
		c = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%s: %v", url, err)
	}
	req.Header.Set("User-Agent", "dyad (event data; +https://github.com/dyad-events/dyad)")
	resp, err := c.Do(req)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%s: %v", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, dyad.Errorf(dyad.EINVALID, "%s: HTTP %s", url, resp.Status)
	}
	return resp.Body, nil
}

// feedDocs yields a feed's entries, fetching each linked article when
// opts.Fetch is set (falling back to the entry's own text).
func feedDocs(ctx context.Context, label string, r io.Reader, opts Options) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		items, err := ReadFeed(label, r, opts.MaxBytes)
		if err != nil {
			yield(nil, err)
			return
		}
		for _, it := range items {
			if it.Err != nil {
				if !yield(nil, it.Err) {
					return
				}
				continue
			}
			doc := it.Doc
			if opts.Fetch && it.Link != "" {
				if page, err := fetchArticle(ctx, it.Link, opts); err == nil {
					doc = mergeFeed(page, it.Doc)
				} else if doc == nil && !yield(nil, err) {
					return
				}
			}
			if doc != nil && !yield(doc, nil) {
				return
			}
		}
	}
}

// fetchArticle fetches and extracts one linked article.
func fetchArticle(ctx context.Context, link string, opts Options) (*dyad.Document, error) {
	rc, err := Fetch(ctx, opts.Client, link)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return ReadHTML(link, rc, link, opts.MaxBytes)
}

// mergeFeed fills what the page lacks from its feed entry.
func mergeFeed(page, entry *dyad.Document) *dyad.Document {
	if entry == nil {
		return page
	}
	if page.Title == "" {
		page.Title = entry.Title
	}
	if page.Date.IsZero() {
		page.Date = entry.Date
	}
	if page.Source == "" {
		page.Source = entry.Source
	}
	return page
}

func isURL(s string) bool { return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") }

// unwrapPath drops the path from a *fs.PathError, which the caller names.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// countingReader adds the bytes it reads to n.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}
