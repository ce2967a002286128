package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
)

const eventSelect = `SELECT e.id, e.date, e.record, coalesce(s.text, '') FROM events e
	LEFT JOIN sentences s ON s.id = e.sentence_id`

// FindEventByID returns one event mention with its sentence. Returns
// ENOTFOUND if there is none.
func (d *DB) FindEventByID(ctx context.Context, id string) (*dyad.Event, error) {
	evs, _, err := d.queryEvents(ctx, eventSelect+" WHERE e.event_id = ?", id)
	if err != nil {
		return nil, fmt.Errorf("find event: %w", err)
	}
	if len(evs) == 0 {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "event %q not found", id)
	}
	return evs[0], nil
}

// FindEvents returns the events matching f in (date, id) order and the
// cursor of the next page, "" after the last.
func (d *DB) FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, string, error) {
	c, err := eventCond(f)
	if err != nil {
		return nil, "", err
	}
	limit := pageSize(f.Limit)
	if i, common, err := d.commonText(ctx, c); err != nil {
		return nil, "", err
	} else if common {
		return d.findByScan(ctx, c, i, f.After, limit)
	}
	if err := afterCond(c, "e", f.After); err != nil {
		return nil, "", err
	}
	q := eventSelect + c.String() + " ORDER BY e.date, e.id LIMIT ?"
	evs, curs, err := d.queryEvents(ctx, q, append(c.args, limit+1)...)
	if err != nil {
		return nil, "", fmt.Errorf("find events: %w", err)
	}
	next := ""
	if len(evs) > limit {
		evs = evs[:limit]
		next = curs[limit-1].String()
	}
	return evs, next, nil
}

// CountEvents returns how many events match f.
func (d *DB) CountEvents(ctx context.Context, f dyad.EventFilter) (int, error) {
	c, err := eventCond(f)
	if err != nil {
		return 0, err
	}
	var n int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM events e"+c.String(), c.args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return n, nil
}

// queryEvents runs a query of eventSelect's columns and decodes the rows.
func (d *DB) queryEvents(ctx context.Context, q string, args ...any) ([]*dyad.Event, []eventCursor, error) {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var evs []*dyad.Event
	var curs []eventCursor
	for rows.Next() {
		var cur eventCursor
		var rec []byte
		var text string
		if err := rows.Scan(&cur.id, &cur.date, &rec, &text); err != nil {
			return nil, nil, err
		}
		ev := new(dyad.Event)
		if err := json.Unmarshal(rec, ev); err != nil {
			return nil, nil, fmt.Errorf("event row %d: %w", cur.id, err)
		}
		ev.Text = text
		evs = append(evs, ev)
		curs = append(curs, cur)
	}
	return evs, curs, rows.Err()
}

// ReplaceEvents swaps the stored events of a document for evs in one
// transaction and reports what changed. Returns ENOTFOUND if the document
// is not stored. The document's events leave their clusters; re-cluster
// afterwards.
func (d *DB) ReplaceEvents(ctx context.Context, docID string, evs []dyad.Event) (*dyad.EventDiff, error) {
	return d.ReplaceCoding(ctx, docID, nil, evs)
}

// ReplaceCoding is ReplaceEvents that also replaces the document's
// sentences when sents is not nil (the segmenter changed).
func (d *DB) ReplaceCoding(ctx context.Context, docID string, sents []dyad.Sentence, evs []dyad.Event) (*dyad.EventDiff, error) {
	doc, err := d.FindDocumentByID(ctx, docID)
	if err != nil {
		return nil, err
	}
	old, _, err := d.queryEvents(ctx, eventSelect+" WHERE e.doc_id = ? ORDER BY e.id", docID)
	if err != nil {
		return nil, fmt.Errorf("old events: %w", err)
	}
	d.wmu.Lock()
	defer d.wmu.Unlock()
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "DELETE FROM events WHERE doc_id = ?", docID); err != nil {
		return nil, fmt.Errorf("delete events: %w", err)
	}
	w, err := newWriter(ctx, tx, d.Now().UTC())
	if err != nil {
		return nil, err
	}
	defer w.close()
	if sents != nil {
		if err := w.replaceSentences(docID, sents); err != nil {
			return nil, err
		}
	}
	sids, err := sentenceIDs(ctx, tx, docID)
	if err != nil {
		return nil, err
	}
	if err := w.insertEvents(&doc.Document, evs, sids, true); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return dyad.DiffEvents(old, evs), nil
}

// replaceSentences deletes a document's sentences and inserts sents.
func (w *writer) replaceSentences(docID string, sents []dyad.Sentence) error {
	if _, err := w.tx.ExecContext(w.ctx, "DELETE FROM sentences WHERE doc_id = ?", docID); err != nil {
		return fmt.Errorf("delete sentences: %w", err)
	}
	for _, s := range sents {
		if _, err := w.sentence.ExecContext(w.ctx, docID, s.Index, s.Span.Start, s.Span.End, s.Text); err != nil {
			return fmt.Errorf("sentence %d: %w", s.Index, err)
		}
	}
	_, err := w.tx.ExecContext(w.ctx, "UPDATE documents SET n_sentences = ? WHERE id = ?", len(sents), docID)
	return err
}

// sentenceIDs maps a document's sentence indexes to their row ids.
func sentenceIDs(ctx context.Context, tx *sql.Tx, docID string) (map[int]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT idx, id FROM sentences WHERE doc_id = ?", docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[int]int64{}
	for rows.Next() {
		var idx int
		var id int64
		if err := rows.Scan(&idx, &id); err != nil {
			return nil, err
		}
		m[idx] = id
	}
	return m, rows.Err()
}

// commonText reports whether c has a full-text condition whose words are
// common (commonHits matching sentences or more), and its index in c.
func (d *DB) commonText(ctx context.Context, c *cond) (int, bool, error) {
	for i, w := range c.where {
		if w != textIn {
			continue
		}
		var n int
		q := "SELECT count(*) FROM (SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?)"
		if err := d.db.QueryRowContext(ctx, q, c.args[c.argIndex(i)], commonHits).Scan(&n); err != nil {
			return 0, false, fmt.Errorf("find events: text: %w", err)
		}
		return i, n >= commonHits, nil
	}
	return 0, false, nil
}

// scanChunk is how many events findByScan reads at a time.
const scanChunk = 2000

// findByScan pages through a common word's events: it gathers the word's
// sentences once, then reads the other conditions' events in date order,
// a chunk at a time, keeping those whose sentence has the word. Letting
// SQLite drive from the matches instead fetches and sorts a twelfth of a
// large store for one page.
func (d *DB) findByScan(ctx context.Context, c *cond, text int, after string, limit int) ([]*dyad.Event, string, error) {
	match, err := d.textMatches(ctx, c.args[c.argIndex(text)])
	if err != nil {
		return nil, "", err
	}
	rest := c.without(text)
	var ids []int64
	for len(ids) <= limit {
		rc := rest.clone()
		if err := afterCond(rc, "e", after); err != nil {
			return nil, "", err
		}
		rows, err := d.db.QueryContext(ctx, "SELECT e.id, e.date, e.sentence_id FROM events e"+rc.String()+
			" ORDER BY e.date, e.id LIMIT ?", append(rc.args, scanChunk)...)
		if err != nil {
			return nil, "", fmt.Errorf("find events: %w", err)
		}
		n := 0
		var cur eventCursor
		for rows.Next() && len(ids) <= limit {
			var sid sql.NullInt64
			if err := rows.Scan(&cur.id, &cur.date, &sid); err != nil {
				rows.Close()
				return nil, "", fmt.Errorf("find events: %w", err)
			}
			n++
			if sid.Valid && match[sid.Int64] {
				ids = append(ids, cur.id)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, "", fmt.Errorf("find events: %w", err)
		}
		if n < scanChunk || len(ids) > limit {
			break
		}
		after = cur.String()
	}
	if len(ids) == 0 {
		return nil, "", nil
	}
	marks := strings.Repeat(",?", len(ids))[1:]
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	evs, curs, err := d.queryEvents(ctx, eventSelect+" WHERE e.id IN ("+marks+") ORDER BY e.date, e.id", args...)
	if err != nil {
		return nil, "", fmt.Errorf("find events: %w", err)
	}
	next := ""
	if len(evs) > limit {
		evs = evs[:limit]
		next = curs[limit-1].String()
	}
	return evs, next, nil
}

// textMatches returns the sentences that match an FTS5 query.
func (d *DB) textMatches(ctx context.Context, query any) (map[int64]bool, error) {
	rows, err := d.db.QueryContext(ctx, "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?", query)
	if err != nil {
		return nil, fmt.Errorf("find events: text: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}
