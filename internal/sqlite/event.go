package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
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

// FindEvents returns the events matching f in (date, id) order (newest
// first with f.Desc) and the cursor of the next page, "" after the last. Each filter has an index
// ending in the date, so a page is read in order and the read stops after
// it; newest first, the same index is walked backwards. A disjunction (an actor on either side, a country, an undirected
// dyad) is split into branches, each read in order through its own index
// and cut at the page size, and the branches merged: SQLite would
// otherwise gather every match of each side and sort them.
func (d *DB) FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, string, error) {
	c, err := eventCond(f)
	if err != nil {
		return nil, "", err
	}
	limit := pageSize(f.Limit)
	if err := d.textForm(ctx, c); err != nil {
		return nil, "", err
	}
	if err := afterCond(c, "e", f.After, f.Desc); err != nil {
		return nil, "", err
	}
	q, args := pageQuery(c, limit+1, f.Desc)
	evs, curs, err := d.queryEvents(ctx, q, args...)
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

// pageQuery returns the query of the first n events matching c, in
// (date, id) order or, with desc, its reverse, with its arguments. Branches
// (and a rare word's events, sorted from events_sentence alone) choose
// their page's ids first; the rows are read for those ids only.
func pageQuery(c *cond, n int, desc bool) (string, []any) {
	order := " ORDER BY e.date, e.id LIMIT ?"
	if desc {
		order = " ORDER BY e.date DESC, e.id DESC LIMIT ?"
	}
	bs := c.branches()
	if len(bs) == 1 && !slices.Contains(c.where, textIn) {
		return strings.Replace(eventSelect, "FROM events e", "FROM events e"+hint(c), 1) + c.String() +
			order, append(slices.Clone(c.args), n)
	}
	var parts []string
	var args []any
	for _, b := range bs {
		parts = append(parts, "SELECT id FROM (SELECT e.id FROM events e"+hint(b)+b.String()+order+")")
		args = append(append(args, b.args...), n)
	}
	q := eventSelect + " WHERE e.id IN (" + strings.Join(parts, " UNION ALL ") + ")" + order
	return q, append(args, n)
}

// hint names the index a page of c must walk when the planner's sampled
// statistics mislead it: a dyad (both roots given) walks events_dyad.
// With ANALYZE's bounded sample SQLite took the target's index for
// GOV→USA with quad and CAMEO root on two million events, reading every
// event with the USA as target (2.8 s, against 7 ms on the dyad index).
//
// A country with an event root walks events_*_country_root: on the same
// store the planner walked events_modality (modality=asserted, most
// events) for country + modality + confidence + root, checking each
// event's country (25 ms a page against 3).
func hint(c *cond) string {
	var src, tgt, srcCountry, tgtCountry, root bool
	for _, w := range c.where {
		if strings.Contains(w, " OR ") {
			continue // a disjunction seeks nothing
		}
		src = src || strings.Contains(w, "e.source_root = ?")
		tgt = tgt || strings.Contains(w, "e.target_root = ?")
		srcCountry = srcCountry || w == "e.source_country = ?"
		tgtCountry = tgtCountry || w == "e.target_country = ?"
		root = root || w == "e.root = ?"
	}
	switch {
	case src && tgt:
		return " INDEXED BY events_dyad"
	case srcCountry && root:
		return " INDEXED BY events_source_country_root"
	case tgtCountry && root:
		return " INDEXED BY events_target_country_root"
	}
	return ""
}

// CountEvents returns how many events match f: from a summary table when
// one holds the answer, else from the events' indexes.
func (d *DB) CountEvents(ctx context.Context, f dyad.EventFilter) (int, error) {
	t, c, err := summaryFor(f)
	if err != nil {
		return 0, err
	}
	var q string
	if t != "" {
		q = "SELECT coalesce(sum(e.n), 0) FROM " + t + " e" + c.String()
	} else {
		if c, err = eventCond(f); err != nil {
			return 0, err
		}
		q = "SELECT count(*) FROM events e" + c.String()
	}
	var n int
	if err := d.db.QueryRowContext(ctx, q, c.args...).Scan(&n); err != nil {
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
	if err := eventsChanged(ctx, tx); err != nil {
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

// textForm chooses the form of c's full-text condition, if it has one:
// textExists for a common word, textIn (eventCond's) for a rare one.
func (d *DB) textForm(ctx context.Context, c *cond) error {
	for i, w := range c.where {
		if w != textIn {
			continue
		}
		var n int
		q := "SELECT count(*) FROM (SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?)"
		if err := d.db.QueryRowContext(ctx, q, c.args[c.argIndex(i)], d.commonHits).Scan(&n); err != nil {
			return fmt.Errorf("find events: text: %w", err)
		}
		if n >= d.commonHits {
			c.where[i] = textExists
		}
	}
	return nil
}
