package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
)

// collect drains a reader into document ids (or "ERR: message").
func collect[S ~func(func(*dyad.Document, error) bool)](seq S) []string {
	var out []string
	for doc, err := range seq {
		if err != nil {
			out = append(out, "ERR: "+err.Error())
			continue
		}
		out = append(out, doc.ID+"|"+doc.Title+"|"+doc.Date.Format("2006-01-02")+"|"+doc.Source)
	}
	return out
}

func TestReadCSV(t *testing.T) {
	for _, tt := range []struct {
		name, input string
		cols        ingest.Columns
		want        []string
	}{
		{"OK", "url,date,title,text\nhttps://a.example/1,2020-01-02,Head,Body one.\nhttps://a.example/2,,Two,\"Body, two.\"\n",
			ingest.DefaultColumns(), []string{"in.csv:2|Head|2020-01-02|", "in.csv:3|Two|0001-01-01|"}},
		{"Mapped", "story,body,when\ns1,Text.,\"Mon, 02 Jan 2006 15:04:05 -0700\"\n",
			ingest.Columns{ID: "story", Text: "body", Date: "when"}, []string{"s1||2006-01-02|"}},
		{"BOM", "\xef\xbb\xbfid,text\nx,Hello.\n", ingest.DefaultColumns(), []string{"x||0001-01-01|"}},
		{"ErrNoTextColumn", "id,body\nx,Hello.\n", ingest.DefaultColumns(),
			[]string{`ERR: in.csv:1: no column "text" for the text (columns: ["id" "body"])`}},
		{"ErrRowGoesOn", "id,text,date\na,,\nb,Fine.,\nc,Bad date.,yesterday\nd,Fine.,\n", ingest.DefaultColumns(),
			[]string{`ERR: in.csv:2: field "text": empty`, "b||0001-01-01|", `ERR: in.csv:4: field "date": bad date "yesterday"`, "d||0001-01-01|"}},
		{"ErrQuote", "id,text\na,\"unclosed\n", ingest.DefaultColumns(), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(ingest.ReadCSV("in.csv", strings.NewReader(tt.input), tt.cols, time.Time{}, 0))
			if tt.want == nil { // only: no panic, and an error
				if len(got) == 0 || !strings.HasPrefix(got[0], "ERR: in.csv:") {
					t.Fatalf("input %q: got %q, want a positioned error", tt.input, got)
				}
				return
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("input %q:\ngot  %q\nwant %q", tt.input, got, tt.want)
			}
		})
	}
}

func TestReadRecords(t *testing.T) {
	input := `{"id": 7, "title": "T", "published": "2025-03-14 20:30:26Z", "text": "Body."}
{"id": "b", "text": 12}

{"id": "c", "text": "Fine.", "outlet": "VOA"}
not json
`
	got := collect(ingest.ReadRecords("in.jsonl", strings.NewReader(input), ingest.DefaultColumns(), time.Time{}, 0))
	want := []string{"7|T|2025-03-14|", `ERR: in.jsonl:2: field "text": want a string, got 12`, "c||0001-01-01|VOA", "ERR: in.jsonl:5: malformed JSON: invalid character 'o' in literal null (expecting 'u')"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

// reutersSample is written for this test in the Reuters-21578 layout.
const reutersSample = `<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="11">
<DATE> 3-MAR-1987 09:15:02.10</DATE>
<TEXT>&#2;
<TITLE>MINISTERS MEET &lt;IN&gt; GENEVA</TITLE>
<DATELINE>    GENEVA, March 3 - </DATELINE><BODY>Trade ministers met in Geneva &amp; talked.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="12">
<DATE>3-MAR-1987 09:16:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>NO BODY HERE</TITLE>
&#3;</TEXT>
</REUTERS>
`

func TestReadReuters(t *testing.T) {
	var docs []*dyad.Document
	for doc, err := range ingest.ReadReuters("r.sgm", strings.NewReader(reutersSample), 0) {
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1 (the one with a body)", len(docs))
	}
	d := docs[0]
	if d.ID != "reuters-11" || d.Title != "MINISTERS MEET <IN> GENEVA" || d.Date.Format("2006-01-02 15:04") != "1987-03-03 09:15" ||
		d.Text != "Trade ministers met in Geneva & talked.\n Reuter" {
		t.Fatalf("document=%+v", d)
	}
	// Garbage is an error, not zero stories read in silence.
	if got := collect(ingest.ReadReuters("r.sgm", strings.NewReader("{\"id\": 1}\nnot SGML\n"), 0)); len(got) != 1 || !strings.Contains(got[0], "r.sgm: no <REUTERS> element") {
		t.Fatalf("garbage: got %q, want one error naming r.sgm", got)
	}
	if got := collect(ingest.ReadReuters("r.sgm", strings.NewReader(" \n"), 0)); len(got) != 0 {
		t.Fatalf("blank file: got %q, want nothing", got)
	}
	got := collect(ingest.ReadReuters("r.sgm", strings.NewReader("<REUTERS NEWID=\"1\"><BODY>x"), 0))
	if len(got) != 1 || !strings.Contains(got[0], "r.sgm:1: <REUTERS> not closed") {
		t.Fatalf("unclosed element: got %q", got)
	}
}

const feedSample = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Talks &amp; more</title><link>https://wire.example/1</link><guid>w-1</guid>
<pubDate>Tue, 10 Oct 2023 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Leaders met in Cairo.&lt;/p&gt;&lt;p&gt;They agreed.&lt;/p&gt;</description></item>
<item><title>No text</title><link>https://wire.example/2</link></item>
</channel></rss>`

func TestReadFeed(t *testing.T) {
	items, err := ingest.ReadFeed("f.rss", strings.NewReader(feedSample), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[1].Doc != nil || items[1].Link != "https://wire.example/2" {
		t.Fatalf("items=%+v, want 2, the second with a link and no text", items)
	}
	d := items[0].Doc
	if d.ID != "w-1" || d.Title != "Talks & more" || d.Source != "Example Wire" || d.Text != "Leaders met in Cairo.\n\nThey agreed." ||
		d.Date.Format("2006-01-02") != "2023-10-10" {
		t.Fatalf("document=%+v", d)
	}
	if _, err := ingest.ReadFeed("f.rss", strings.NewReader("<html>"), 0); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Fatalf("not a feed: err=%v, want invalid", err)
	}
}

const pageSample = `<!DOCTYPE html><html><head><title>Ministers meet | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva">
<meta property="article:published_time" content="2023-04-05T10:00:00Z">
<link rel="canonical" href="https://news.example/ministers">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet in Geneva</h1>
<p>Foreign ministers of the two countries met in Geneva on Wednesday to discuss the ceasefire and the exchange of prisoners, officials said.</p>
<p>The talks lasted four hours. Both sides said they would meet again next month to continue the negotiations on a lasting settlement.</p>
<p>Observers said the meeting was the first at this level since the fighting began two years ago, and that it raised hopes of an agreement.</p>
</article><footer>Copyright Example News. All rights reserved.</footer></body></html>`

func TestReadHTML(t *testing.T) {
	d, err := ingest.ReadHTML("page.html", strings.NewReader(pageSample), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "Foreign ministers of the two countries met in Geneva") || strings.Contains(d.Text, "Copyright") {
		t.Fatalf("text=%q, want the article without the footer", d.Text)
	}
	if d.Title != "Ministers meet in Geneva" || d.URL != "https://news.example/ministers" || d.Date.Format("2006-01-02") != "2023-04-05" {
		t.Fatalf("title=%q url=%q date=%s", d.Title, d.URL, d.Date)
	}
	if _, err := ingest.ReadHTML("empty.html", strings.NewReader("<html><body></body></html>"), "", 0); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Fatalf("empty page: err=%v, want invalid", err)
	}
}

func TestExpandAndOpen(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a/one.txt":   "Headline\n\nBody one.",
		"a/two.jsonl": `{"id": "j1", "text": "Body."}` + "\n",
		"a/.hidden":   "x",
		"a/README.md": "# About this corpus",
		"a/LICENSE":   "CC BY",
		"b/one.txt":   "Another body.",
		"c/NOTES.md":  "named on the command line: read",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	srcs, err := ingest.Expand([]string{filepath.Join(dir, "a"), filepath.Join(dir, "b", "*.txt"), "-"})
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 4 {
		t.Fatalf("Expand=%q, want 3 files and stdin (not the folder's README.md and LICENSE)", srcs)
	}
	if named, _ := ingest.Expand([]string{filepath.Join(dir, "c", "NOTES.md")}); len(named) != 1 {
		t.Fatalf("Expand of a named .md file=%q, want it", named)
	}
	opts := ingest.DefaultOptions()
	opts.Stdin = strings.NewReader("From stdin.")
	var ids []string
	for _, s := range srcs {
		for doc, err := range ingest.Open(context.Background(), s, opts) {
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, filepath.Base(doc.ID))
		}
	}
	if got := strings.Join(ids, " "); got != "one.txt j1 one.txt stdin" {
		t.Fatalf("ids=%q, want both one.txt (as paths), j1 and stdin", got)
	}
	if _, err := ingest.Expand([]string{filepath.Join(dir, "*.none")}); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Fatalf("empty glob: err=%v, want invalid", err)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add("id,text\na,Hello.\n")
	f.Add("text\n\"a\"\"b\",x\n")
	f.Add("url,date,title,text\n,2020-01-01,,x\n")
	f.Fuzz(func(t *testing.T, input string) {
		for doc, err := range ingest.ReadCSV("f.csv", strings.NewReader(input), ingest.DefaultColumns(), time.Time{}, 1<<10) {
			if err == nil && strings.TrimSpace(doc.Text) == "" {
				t.Fatalf("input %q: document with empty text", input)
			}
		}
	})
}

func FuzzReadReuters(f *testing.F) {
	f.Add(reutersSample)
	f.Add("<REUTERS NEWID=\"1\"><BODY>&#3;</BODY></REUTERS>")
	f.Fuzz(func(t *testing.T, input string) {
		for doc, err := range ingest.ReadReuters("f.sgm", strings.NewReader(input), 1<<16) {
			if err == nil && strings.TrimSpace(doc.Text) == "" {
				t.Fatalf("input %q: document with empty text", input)
			}
		}
	})
}

// TestReadRecordsUTF8 checks that a JSONL line with bytes that are not
// UTF-8 inside a string, or an escape of half a UTF-16 pair, is an error
// naming file and line, not a story stored with U+FFFD; an escaped U+FFFD
// of the writer's own is text, and the lines around are read.
func TestReadRecordsUTF8(t *testing.T) {
	input := "{\"id\": \"a\", \"text\": \"Talks \xff in Cairo.\"}\n" +
		`{"id": "b", "text": "Talks \udc00 in Cairo."}` + "\n" +
		`{"id": "c", "text": "Talks \ud83d\ude00 and \ufffd in Cairo."}` + "\n" +
		`{"id": "d", "text": "Talks in Cairo.", "title": "\ud800"}` + "\n"
	got := collect(ingest.ReadRecords("in.jsonl", strings.NewReader(input), ingest.DefaultColumns(), time.Time{}, 0))
	want := []string{
		"ERR: in.jsonl:1: not valid UTF-8 (first bad byte at offset 27)",
		`ERR: in.jsonl:2: field "text": \u escape of half a UTF-16 surrogate pair`,
		"c||0001-01-01|",
		`ERR: in.jsonl:4: field "title": \u escape of half a UTF-16 surrogate pair`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

// TestReadFeedBroken checks that a feed whose XML breaks in one entry
// (a control character, a "<" in text, or an entry never ended), which
// the feed parser refuses whole,
// keeps its well-formed entries, and names each broken one by line.
func TestReadFeedBroken(t *testing.T) {
	for _, tt := range []struct {
		name, feed string
		want       []string
	}{
		{"RSS", `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Example Wire</title>
<item><title>One</title><guid>w-1</guid><description>Leaders met in Cairo.</description></item>
<item><title>Two ` + "\x01" + ` bad</title><guid>w-2</guid><description>Broken.</description></item>
<item><title>Three</title><guid>w-3</guid><dc:date>2023-10-11T08:00:00Z</dc:date><description>Talks went on.</description></item>
<item><title>Four</title><guid>w-4</guid><description>Never ended.</description>
</channel></rss>`, []string{"w-1|One|0001-01-01|Example Wire", "ERR: f.rss:4: broken feed entry", "w-3|Three|2023-10-11|Example Wire", "ERR: f.rss:6: broken feed entry"}},
		{"Atom", `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><id>a-1</id><title>One</title><updated>2023-10-10T08:00:00Z</updated><content>Leaders met.</content></entry>
<entry><id>a-2</id><title>Two</title><content>a < b</content></entry>
<entry><id>a-3</id><title>Three</title><updated>2023-10-12T08:00:00Z</updated><content>Talks ended.</content></entry>
</feed>`, []string{"a-1|One|2023-10-10|Atom Wire", "ERR: f.rss:4: broken feed entry", "a-3|Three|2023-10-12|Atom Wire"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opts := ingest.DefaultOptions()
			opts.Format = ingest.Feed
			path := filepath.Join(t.TempDir(), "f.rss")
			if err := os.WriteFile(path, []byte(tt.feed), 0o644); err != nil {
				t.Fatal(err)
			}
			got := collect(ingest.Open(context.Background(), path, opts))
			for i := range got {
				if i < len(tt.want) && strings.HasPrefix(tt.want[i], "ERR: ") {
					got[i] = strings.Replace(got[i], path, "f.rss", 1)
					if strings.HasPrefix(got[i], tt.want[i]) {
						got[i] = tt.want[i]
					}
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// FuzzReadFeed feeds arbitrary bytes to the feed reader, whose broken-XML
// path splits entries by hand: no panic, and every broken entry is named
// by file and a line inside the input.
func FuzzReadFeed(f *testing.F) {
	f.Add(feedSample)
	f.Add("<rss><channel><title>T</title><item><title>\x01</title></item><item><description>x</description></item></channel></rss>")
	f.Add(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>a < b</content></entry><entry><id>x</id></entry></feed>`)
	f.Add("<rss><item><item></item></rss>")
	f.Fuzz(func(t *testing.T, input string) {
		items, err := ingest.ReadFeed("f.rss", strings.NewReader(input), 1<<16)
		if err != nil {
			return
		}
		lines := strings.Count(input, "\n") + 1
		for _, it := range items {
			if it.Err == nil {
				continue
			}
			var n int
			if _, serr := fmt.Sscanf(it.Err.Error(), "f.rss:%d:", &n); serr != nil || n < 1 || n > lines {
				t.Fatalf("input %q: error %q does not name a line in 1..%d", input, it.Err, lines)
			}
		}
	})
}
