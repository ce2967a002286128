package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// maxBulkArgs bounds the values of one multi-row INSERT. SQLite allows
// 32,766, but the driver binds each value with a search over all of
// them: past a few hundred, binding costs more than parsing saves.
const maxBulkArgs = 400

// bulkWriter inserts a load's rows many to a statement: the driver parses
// a statement on every execution, so that one INSERT per row spends a
// fifth of a load parsing. It numbers events and sentences itself (the
// store is empty when a load begins), so that actor rows can name their
// event without asking for its rowid.
type bulkWriter struct {
	now                string
	lastEvent, lastSen int64
	rows               map[string][][]any // by table
	sums               *summaries
}

func newBulkWriter(now time.Time) *bulkWriter {
	return &bulkWriter{now: now.Format(time.RFC3339), rows: map[string][][]any{}, sums: newSummaries()}
}

// bulkTables are the tables a load fills, each with its columns, in the
// order they are written.
var bulkTables = []struct{ name, cols string }{
	{"documents", "id, hash, url, title, text, date, source, ingested, n_sentences, n_events"},
	{"sentences", "id, doc_id, idx, start, end, text"},
	{"events", "id, " + eventColumns},
	{"actors", "event_id, role, code, country, name, text, start, end"},
	{"places", "event_id, name, country, lat, lon, geonames_id"},
	{"quotes", "event_id, text, speaker_code, speaker_text, direct"},
}

// add gathers the rows of one document.
func (b *bulkWriter) add(cd *dyad.CodedDocument) error {
	doc := cd.Doc
	date := ""
	if !doc.Date.IsZero() {
		date = doc.Date.UTC().Format(time.RFC3339)
	}
	b.put("documents", doc.ID, dyad.ContentHash(doc), doc.URL, doc.Title, doc.Text, date, doc.Source, b.now,
		len(cd.Sentences), len(cd.Events))
	sids := make(map[int]int64, len(cd.Sentences))
	for _, s := range cd.Sentences {
		b.lastSen++
		sids[s.Index] = b.lastSen
		b.put("sentences", b.lastSen, doc.ID, s.Index, s.Span.Start, s.Span.End, s.Text)
	}
	for i := range cd.Events {
		ev := &cd.Events[i]
		row, err := eventRow(doc, ev, sids)
		if err != nil {
			return fmt.Errorf("event %s: %w", ev.ID, err)
		}
		b.lastEvent++
		b.put("events", append([]any{b.lastEvent}, row...)...)
		b.details(b.lastEvent, ev)
		b.sums.add(ev)
	}
	return nil
}

// details gathers the actor, place and quote rows of an event.
func (b *bulkWriter) details(id int64, ev *dyad.Event) {
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
				b.put("actors", id, role, a.Code, a.Country, a.Name, a.Text, a.Span.Start, a.Span.End)
			}
		}
	}
	if p := ev.Location; p != nil {
		b.put("places", id, p.Name, p.Country, p.Lat, p.Lon, p.GeoNamesID)
	}
	if q := ev.Quote; q != nil {
		b.put("quotes", id, q.Text, q.Speaker.Code, q.Speaker.Text, q.Direct)
	}
}

func (b *bulkWriter) put(table string, vals ...any) { b.rows[table] = append(b.rows[table], vals) }

// flush writes the gathered rows in tx and forgets them.
func (b *bulkWriter) flush(ctx context.Context, tx *sql.Tx) error {
	for _, t := range bulkTables {
		if err := insertRows(ctx, tx, t.name, t.cols, "", b.rows[t.name]); err != nil {
			return err
		}
		delete(b.rows, t.name)
	}
	return nil
}

// insertRows inserts rows into the columns cols of table, many to a
// statement, each statement ending in suffix (an upsert clause, or "").
func insertRows(ctx context.Context, tx *sql.Tx, table, cols, suffix string, rows [][]any) error {
	ncol := strings.Count(cols, ",") + 1
	per := max(1, maxBulkArgs/ncol)
	one := "(?" + strings.Repeat(", ?", ncol-1) + ")"
	for len(rows) > 0 {
		n := min(per, len(rows))
		q := "INSERT INTO " + table + " (" + cols + ") VALUES " + one + strings.Repeat(", "+one, n-1) + suffix
		args := make([]any, 0, n*ncol)
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		rows = rows[n:]
	}
	return nil
}
