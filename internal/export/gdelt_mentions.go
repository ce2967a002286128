package export

import (
	"bufio"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// GDELTMentionColumns are the 16 columns of the GDELT 2.0 mentions table,
// in order. The file has no header row, as GDELT's own files do.
var GDELTMentionColumns = []string{
	"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
	"MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
	"InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
}

// GDELTMentions writes the GDELT 2.0 mentions table: one row per event
// mention (a coded sentence), joined to the GDELT event table on
// GLOBALEVENTID. EventTimeDate is the event's DATEADDED and
// MentionTimeDate the story's publication time (else its time of
// storing). MentionType is 1 (web) with a URL and 6 (other) without;
// MentionSourceName is the outlet, else the URL's host. SentenceID counts
// from 1; the offsets are bytes of the story's text (GDELT's are
// characters: the same for ASCII); InRawText is 0 when an actor was found
// through coreference; Confidence is dyad's confidence as a percentage.
// The document length, tone and translation columns are empty. Rows are
// written when Flush is called, as EventTimeDate needs every mention.
type GDELTMentions struct {
	bw       *bufio.Writer
	events   map[int64]*gdeltEvent
	mentions []gdeltMention
}

type gdeltMention struct {
	ev *dyad.Event
	m  Meta
	e  *gdeltEvent
}

// NewGDELTMentions returns a GDELT mentions-table writer on w.
func NewGDELTMentions(w io.Writer) *GDELTMentions {
	return &GDELTMentions{bw: bufio.NewWriter(w), events: map[int64]*gdeltEvent{}}
}

// Write adds ev as a lone mention.
func (g *GDELTMentions) Write(ev *dyad.Event) error { return g.WriteMeta(ev, nil) }

// WriteMeta adds ev as a mention of its real-world event.
func (g *GDELTMentions) WriteMeta(ev *dyad.Event, m *Meta) error {
	e := gatherEvent(g.events, ev, m)
	g.mentions = append(g.mentions, gdeltMention{ev: ev, m: *meta(m), e: e})
	return nil
}

// Written returns the number of mentions gathered.
func (g *GDELTMentions) Written() (int, string) { return len(g.mentions), "event mentions" }

// Flush writes the rows, grouped by event in the event table's order.
func (g *GDELTMentions) Flush() error {
	order := map[int64]int{}
	for i, e := range sortedEvents(g.events) {
		order[e.id] = i
	}
	slices.SortStableFunc(g.mentions, func(a, b gdeltMention) int { return order[a.e.id] - order[b.e.id] })
	for _, mn := range g.mentions {
		if _, err := g.bw.WriteString(strings.Join(mentionRow(mn), "\t") + "\n"); err != nil {
			return err
		}
	}
	return g.bw.Flush()
}

// mentionRow returns the 16 fields of one mention.
func mentionRow(mn gdeltMention) []string {
	ev, m := mn.ev, &mn.m
	at := m.Published
	if at.IsZero() {
		at = m.Ingested
	}
	typ, name, id := "1", m.Outlet, m.URL
	if id == "" {
		typ, id = "6", ev.DocID
	}
	if name == "" {
		name = host(m.URL)
	}
	raw := "1"
	if ev.Source.Resolved != "" || ev.Target.Resolved != "" {
		raw = "0"
	}
	row := []string{strconv.FormatInt(mn.e.id, 10), gdeltTime(mn.e.added), gdeltTime(at), typ, name, id,
		strconv.Itoa(ev.Sentence + 1), offset(ev.Source), offset(ev.Target), strconv.Itoa(ev.Evidence.VerbSpan.Start),
		raw, strconv.Itoa(int(math.Round(ev.Confidence * 100))), "", "", "", ""}
	for i, f := range row {
		row[i] = clean(f)
	}
	return row
}

// offset is where actor a stands, -1 when there is none (GDELT's value
// for a missing actor).
func offset(a dyad.Actor) string {
	if a.IsZero() {
		return "-1"
	}
	return strconv.Itoa(a.Span.Start)
}

// host returns the host of a URL, or "".
func host(url string) string {
	_, rest, ok := strings.Cut(url, "://")
	if !ok {
		return ""
	}
	h, _, _ := strings.Cut(rest, "/")
	return strings.TrimPrefix(h, "www.")
}
