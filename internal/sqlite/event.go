package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/summary"
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
// otherwise gather every match of each side and sort them. A page with a
// word (Text) is read from the word's list in events_fts, in the same
// order, unless textFirst finds the other filters' events the fewer to
// read.
func (d *DB) FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, string, error) {
	limit := pageSize(f.Limit)
	q, args, err := d.findQuery(ctx, f, limit+1)
	if err != nil {
		return nil, "", err
	}
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

// findQuery returns the query of FindEvents' first n events of f, from
// f's cursor on, with its arguments.
func (d *DB) findQuery(ctx context.Context, f dyad.EventFilter, n int) (string, []any, error) {
	c, err := eventCond(f)
	if err != nil {
		return "", nil, err
	}
	if hasText(f) {
		first, err := d.textFirst(ctx, f, n)
		if err != nil {
			return "", nil, err
		}
		if d.textSide != 0 {
			first = d.textSide > 0
		}
		if first {
			return textPageQuery(f, n)
		}
		for i, w := range c.where {
			if w == textIn {
				c.where[i] = textExists
			}
		}
	}
	if err := d.codeBranches(ctx, c, f); err != nil {
		return "", nil, err
	}
	if err := afterCond(c, "e", f.After, f.Desc); err != nil {
		return "", nil, err
	}
	q, args := pageQuery(c, n, f.Desc)
	return q, args, nil
}

// hasText reports whether f searches for words.
func hasText(f dyad.EventFilter) bool { return f.Text != nil && strings.TrimSpace(*f.Text) != "" }

// textPageQuery returns the query of the first n events of f (checked by
// eventCond), which searches for words, read from events_fts in rowid order (eventKey: the
// events' order), with f's dates and cursor as rowid bounds, and f's
// other filters checked on each event met: the read stops after n
// matches.
func textPageQuery(f dyad.EventFilter, n int) (string, []any, error) {
	o := f
	o.Text, o.From, o.To = nil, nil, nil
	c, err := eventCond(o) // the other filters, on events e
	if err != nil {
		return "", nil, err
	}
	fc := &cond{}
	fc.add("f.events_fts MATCH ?", ftsQuery(*f.Text))
	// f's dates were checked by findQuery's eventCond(f).
	if f.From != nil {
		fc.add("f.rowid >= "+eventKey("?", "0"), *f.From, *f.From, *f.From)
	}
	if f.To != nil {
		fc.add("f.rowid <= "+eventKey("?", strconv.Itoa(keyIDMask)), *f.To, *f.To, *f.To)
	}
	if f.After != "" {
		cur, err := parseCursor(f.After)
		if err != nil {
			return "", nil, err
		}
		op := ">"
		if f.Desc {
			op = "<"
		}
		fc.add("f.rowid "+op+" "+eventKey("?", "?"), cur.date, cur.date, cur.date, cur.id)
	}
	order := " ORDER BY f.rowid LIMIT ?"
	if f.Desc {
		order = " ORDER BY f.rowid DESC LIMIT ?"
	}
	ids := fmt.Sprintf("SELECT f.rowid & %d FROM events_fts f", keyIDMask)
	if len(c.where) > 0 {
		// The CROSS JOIN keeps events_fts outside, read in rowid order.
		ids = fmt.Sprintf("SELECT e.id FROM events_fts f CROSS JOIN events e ON e.id = f.rowid & %d", keyIDMask)
	}
	all := &cond{where: append(slices.Clone(fc.where), c.where...), args: append(slices.Clone(fc.args), c.args...)}
	outer := " ORDER BY " + eventKey("e.date", "e.id") + " LIMIT ?"
	if f.Desc {
		outer = " ORDER BY " + eventKey("e.date", "e.id") + " DESC LIMIT ?"
	}
	q := eventSelect + " WHERE e.id IN (" + ids + all.String() + order + ")" + outer
	return q, append(all.args, n, n), nil
}

// textFirst reports whether a page of f, which searches for words, is
// read from the words' list in events_fts (each event met checked
// against f's other filters: a lookup of its row) rather than from the
// index of f's other filters (each event met checked against the words'
// list: about ten times a lookup). Each read stops after a page. The
// words' side is chosen unless a summary table counts the other filters'
// events (actors and dyads given by root, alone or with dates) and they
// are the cheaper to read: few events, or a word common enough to fill a
// page from them quickly. A document's or a cluster's few events are
// always read from their index. The words' share of the events is
// estimated from their newest textSample matches.
func (d *DB) textFirst(ctx context.Context, f dyad.EventFilter, limit int) (bool, error) {
	o := f
	o.Text = nil
	if summary.OnlyDates(o) {
		return true, nil
	}
	if o.DocID != nil || o.ClusterID != nil {
		return false, nil
	}
	t, _, err := summaryFor(o)
	if err != nil || t == "" {
		return true, err
	}
	nOther, err := d.CountEvents(ctx, o)
	if err != nil {
		return false, err
	}
	var total int
	if err := d.db.QueryRowContext(ctx, "SELECT coalesce(sum(n), 0) FROM event_days").Scan(&total); err != nil {
		return false, fmt.Errorf("find events: text: %w", err)
	}
	if nOther*textWide >= total*limit {
		return true, nil // a page of the words' side reads at most textWide events
	}
	// The words' matches among the newest events: how many of the last
	// textSample, and how many events there are from the oldest of them on.
	var hits, since int
	q := fmt.Sprintf(`WITH w(k) AS (SELECT rowid FROM events_fts WHERE events_fts MATCH ? ORDER BY rowid DESC LIMIT ?),
		s(n, k) AS (SELECT count(*), min(k) FROM w)
		SELECT s.n, coalesce((SELECT sum(n) FROM event_days WHERE s.k >> %d = 0 OR date >= date((s.k >> %d) - 1 + 1721059.5)), 0) FROM s`,
		keyIDBits, keyIDBits)
	if err := d.db.QueryRowContext(ctx, q, ftsQuery(*f.Text), d.textSample).Scan(&hits, &since); err != nil {
		return false, fmt.Errorf("find events: text: %w", err)
	}
	if hits == 0 || nOther == 0 {
		return nOther > 0, nil // either side ends at once
	}
	nWord := float64(hits) // all of them, when fewer than the sample
	if hits >= d.textSample && since > 0 {
		nWord = float64(hits) / float64(since) * float64(total)
	}
	n := float64(limit)
	words := min(n*float64(total)/float64(nOther), nWord) // lookups
	other := 10 * min(n*float64(total)/nWord, float64(nOther))
	return words <= other, nil
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
