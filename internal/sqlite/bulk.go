package sqlite

import (
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// bulkTables are the tables a load fills, each with its columns, in the
// order they are written.
var bulkTables = [nTables]struct{ name, cols string }{
	{"documents", "id, hash, url, title, text, date, source, ingested, n_sentences, n_events"},
	{"sentences", "id, doc_id, idx, start, end, text"},
	{"events", "id, " + eventColumns},
	{"actors", "event_id, role, code, country, name, text, start, end"},
	{"places", "event_id, name, country, lat, lon, geonames_id"},
	{"quotes", "event_id, text, speaker_code, speaker_text, direct"},
}

// Indexes into bulkTables and loadChunk.rows.
const (
	tDocuments = iota
	tSentences
	tEvents
	tActors
	tPlaces
	tQuotes
	nTables
)

// loadChunk is one batch of documents turned into rows, ready to write.
type loadChunk struct {
	rows      [nTables][][]any // by table, in bulkTables' order
	text      []textRow        // the events_fts rows, for textLoad
	documents int
	events    int
	sums      *summaries // counts to write with this chunk, or nil
}

// rowMaker turns documents into rows (encoding each event's record) and
// counts the summaries, apart from writing them, so that a load does
// this work on one core while SQLite writes on another. It numbers events
// and sentences itself (the store is empty when a load begins), so that
// actor rows can name their event without asking for its rowid.
type rowMaker struct {
	now                string
	lastEvent, lastSen int64
	sums               *summaries
	names              map[[2]string]*actorName // by code and name: the rows of actor_names
}

// actorName is a row of actor_names: how many actor rows carry a code
// under a name, and the greatest of their countries (as SQL's max).
type actorName struct {
	country string
	n       int64
}

func newRowMaker(now time.Time) *rowMaker {
	return &rowMaker{now: now.Format(time.RFC3339), sums: newSummaries(), names: map[[2]string]*actorName{}}
}

// chunk returns the rows of batch. When the counts held in memory have
// grown past maxSums rows, the chunk carries them, to be written with it.
func (m *rowMaker) chunk(batch []*dyad.CodedDocument, maxSums int) (*loadChunk, error) {
	c := &loadChunk{documents: len(batch)}
	for _, cd := range batch {
		if err := m.add(c, cd); err != nil {
			return nil, fmt.Errorf("document %s: %w", cd.Doc.ID, err)
		}
	}
	if m.sums.size() >= maxSums {
		c.sums, m.sums = m.sums, newSummaries()
	}
	return c, nil
}

// add gathers the rows of one document.
func (m *rowMaker) add(c *loadChunk, cd *dyad.CodedDocument) error {
	doc := cd.Doc
	date := ""
	if !doc.Date.IsZero() {
		date = doc.Date.UTC().Format(time.RFC3339)
	}
	c.put(tDocuments, doc.ID, dyad.ContentHash(doc), doc.URL, doc.Title, doc.Text, date, doc.Source, m.now,
		len(cd.Sentences), len(cd.Events))
	sids := make(map[int]int64, len(cd.Sentences))
	text := make(map[int]string, len(cd.Sentences))
	for _, s := range cd.Sentences {
		m.lastSen++
		sids[s.Index], text[s.Index] = m.lastSen, s.Text
		c.put(tSentences, m.lastSen, doc.ID, s.Index, s.Span.Start, s.Span.End, s.Text)
	}
	for i := range cd.Events {
		ev := &cd.Events[i]
		row, err := eventRow(doc, ev, sids)
		if err != nil {
			return fmt.Errorf("event %s: %w", ev.ID, err)
		}
		m.lastEvent++
		c.put(tEvents, append([]any{m.lastEvent}, row...)...)
		if _, ok := sids[ev.Sentence]; ok {
			c.text = append(c.text, textRow{keyOf(ev.Date, m.lastEvent), text[ev.Sentence]})
		}
		m.details(c, m.lastEvent, ev)
		m.sums.add(ev)
		c.events++
	}
	return nil
}

// details gathers the actor, place and quote rows of an event, and
// counts its actors' names.
func (m *rowMaker) details(c *loadChunk, id int64, ev *dyad.Event) {
	for _, r := range []struct {
		role string
		a    dyad.Actor
	}{{"source", ev.Source}, {"target", ev.Target}} {
		for k, a := range append([]dyad.Actor{r.a}, r.a.Members...) {
			role := r.role
			if k > 0 {
				role += "_member"
			}
			if !a.IsZero() || a.Text != "" {
				c.put(tActors, id, role, a.Code, a.Country, a.Name, a.Text, a.Span.Start, a.Span.End)
				m.countName(a)
			}
		}
	}
	if p := ev.Location; p != nil {
		c.put(tPlaces, id, p.Name, p.Country, p.Lat, p.Lon, p.GeoNamesID)
	}
	if q := ev.Quote; q != nil {
		c.put(tQuotes, id, q.Text, q.Speaker.Code, q.Speaker.Text, q.Direct)
	}
}

// countName counts an actor row in actor_names, as its insert trigger
// does.
func (m *rowMaker) countName(a dyad.Actor) {
	if a.Code == "" {
		return
	}
	k := [2]string{a.Code, a.Name}
	x := m.names[k]
	if x == nil {
		x = &actorName{country: a.Country}
		m.names[k] = x
	}
	x.n++
	x.country = max(x.country, a.Country)
}

// writeNames writes the counted actor names into the empty actor_names.
func (m *rowMaker) writeNames(c *rawConn) error {
	return writeRows(c, "INSERT INTO actor_names (code, name, country, n) VALUES (?, ?, ?, ?)", 2,
		func(put func([3]string, []any) error) error {
			return eachSorted(m.names, func(k [2]string) [3]string { return [3]string{k[0], k[1]} },
				func(x *actorName) []any { return []any{x.country, x.n} }, put)
		})
}

func (c *loadChunk) put(table int, vals ...any) { c.rows[table] = append(c.rows[table], vals) }

// bulkWriter writes chunks through prepared statements of a rawConn.
type bulkWriter struct {
	c     *rawConn
	stmts [nTables]*rawStmt // INSERT, by table
	sums  summaryWriter
}

func newBulkWriter(c *rawConn) (*bulkWriter, error) {
	b := &bulkWriter{c: c}
	for i, t := range bulkTables {
		n := strings.Count(t.cols, ",") + 1
		st, err := c.prepare("INSERT INTO " + t.name + " (" + t.cols + ") VALUES (?" + strings.Repeat(", ?", n-1) + ")")
		if err != nil {
			b.close()
			return nil, fmt.Errorf("prepare %s: %w", t.name, err)
		}
		b.stmts[i] = st
	}
	return b, nil
}

func (b *bulkWriter) close() {
	for _, st := range b.stmts {
		if st != nil {
			st.close()
		}
	}
}

// write inserts the rows of c, and its counts if it carries them.
func (b *bulkWriter) write(c *loadChunk) error {
	for i, rows := range c.rows {
		for _, r := range rows {
			if err := b.stmts[i].exec(r...); err != nil {
				return fmt.Errorf("%s: %w", bulkTables[i].name, err)
			}
		}
	}
	if c.sums != nil {
		if err := b.sums.write(b.c, c.sums); err != nil {
			return fmt.Errorf("summaries: %w", err)
		}
	}
	return nil
}
