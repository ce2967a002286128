package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/dyad-events/dyad"
)

const eventSelect = `SELECT e.id, e.day, e.record, coalesce(s.text, '') FROM events e
	LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx`

// FindEventByID returns one event mention with its sentence. Returns
// ENOTFOUND if there is none.
func (d *DB) FindEventByID(ctx context.Context, id string) (*dyad.Event, error) {
	// The day from event_keys prunes the scan to one partition.
	evs, _, err := d.queryEvents(ctx, eventSelect+
		" WHERE e.event_id = $1 AND e.day = (SELECT k.day FROM event_keys k WHERE k.event_id = $1)", id)
	if err != nil {
		return nil, fmt.Errorf("find event: %w", err)
	}
	if len(evs) == 0 {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "event %q not found", id)
	}
	return evs[0], nil
}

// FindEvents returns the events matching f in (date, id) order (newest
// first with f.Desc) and the cursor of the next page, "" after the last.
func (d *DB) FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, string, error) {
	c, err := eventCond(f)
	if err != nil {
		return nil, "", err
	}
	if err := afterCond(c, "e", "day", f.After, f.Desc); err != nil {
		return nil, "", err
	}
	limit := pageSize(f.Limit)
	if err := d.textForm(ctx, c, f); err != nil {
		return nil, "", err
	}
	var evs []*dyad.Event
	var curs []cursor
	if f.DocID != nil || f.ClusterID != nil {
		// A document's or a cluster's few events, from their index.
		evs, curs, err = d.queryEvents(ctx, pageQuery(c, limit+1, f.Desc), c.args...)
	} else {
		evs, curs, err = d.pageByWindows(ctx, c, f, limit+1)
	}
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

// pageByWindows reads the first n events matching c (FindEvents's
// condition for f) window by window of months, in page order: a month,
// then two, four and so on, until n are found or the months run out.
// Each window is the same statement (so one generic plan, see Open) with
// other bounds on the day: the server leaves out the other partitions
// when it starts, so that a plan that gathers and sorts every match (the
// generic plan's guess for a filter it cannot know the share of) sorts a
// window's, and a plan that walks events in order stops at the window's
// end.
func (d *DB) pageByWindows(ctx context.Context, c *cond, f dyad.EventFilter, n int) ([]*dyad.Event, []cursor, error) {
	months, err := d.pageMonths(ctx, f)
	if err != nil || len(months) == 0 {
		return nil, nil, err
	}
	if f.Desc {
		slices.Reverse(months)
	}
	lo, hi := len(c.args), len(c.args)+1
	c.add("e.day >= ? AND e.day < ?", undated, undated)
	q := pageQuery(c, n, f.Desc)
	if c.textWords {
		q = wordsPageQuery(c, n, f.Desc, "$"+strconv.Itoa(lo+1), "$"+strconv.Itoa(hi+1))
	}
	var evs []*dyad.Event
	var curs []cursor
	for i, size := 0, 1; i < len(months) && len(evs) < n; i, size = i+size, size*2 {
		win := months[i:min(i+size, len(months))]
		first, last := win[0], win[len(win)-1]
		if f.Desc {
			first, last = last, first
		}
		c.args[lo], c.args[hi] = first, last.AddDate(0, 1, 0)
		e, cs, err := d.queryEvents(ctx, q, c.args...)
		if err != nil {
			return nil, nil, err
		}
		evs, curs = append(evs, e...), append(curs, cs...)
	}
	return evs[:min(n, len(evs))], curs[:min(n, len(curs))], nil
}

// pageMonths returns the months (first days, ascending; undated events'
// 0001-01-01 first) that may hold events of f's page: from the first to
// the last day with events, within f's dates and its cursor.
func (d *DB) pageMonths(ctx context.Context, f dyad.EventFilter) ([]time.Time, error) {
	var first, last *time.Time
	var undatedN int64
	err := d.pool.QueryRow(ctx, `SELECT (SELECT min(day) FROM event_days WHERE day > $1), (SELECT max(day) FROM event_days),
		coalesce((SELECT n FROM event_days WHERE day = $1), 0)`, undated).Scan(&first, &last, &undatedN)
	if err != nil {
		return nil, err
	}
	lo, hi := undated, undated
	if last != nil {
		hi = *last
	}
	if f.From != nil {
		t, err := parseDay(*f.From)
		if err != nil {
			return nil, err
		}
		lo = t
	}
	if f.To != nil {
		t, err := parseDay(*f.To)
		if err != nil {
			return nil, err
		}
		hi = minTime(hi, t)
	}
	if f.After != "" {
		cur, err := parseCursor(f.After)
		if err != nil {
			return nil, err
		}
		if f.Desc {
			hi = minTime(hi, cur.day)
		} else if cur.day.After(lo) {
			lo = cur.day
		}
	}
	var months []time.Time
	if lo.Equal(undated) && undatedN > 0 {
		months = append(months, undated)
	}
	if first == nil {
		return months, nil
	}
	if lo.Before(*first) {
		lo = *first
	}
	for m := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(hi); m = m.AddDate(0, 1, 0) {
		months = append(months, m)
	}
	return months, nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// commonHits is how many matching sentences make a word common, by
// default.
const commonHits = 20000

// textSample is how many of the newest sentences estimate a word's share.
const textSample = 200

// textForm chooses how a text search reads its page. A rare word reads
// its events from event_words, month by month in page order
// (wordsPageQuery); a common word walks the events (or the other filters'
// index) in page order and checks each event's own sentence: a month of
// a common word's matches in event_words is tens of thousands, sorted for
// a page of a hundred. Either way the document-gathering clause, which
// counts and series keep, is dropped from c; its placeholder stays
// referenced, as the statement's parameters must be.
func (d *DB) textForm(ctx context.Context, c *cond, f dyad.EventFilter) error {
	if c.textAny < 0 {
		return nil
	}
	c.where[c.textAny] = c.textArg + "::text IS NOT NULL"
	if f.DocID != nil || f.ClusterID != nil || d.noWords {
		return nil // a few events, each checked against its sentence
	}
	// The word's share of the newest sentences, times the sentences the
	// statistics count: counting up to commonHits matches from the index
	// reads the whole list of a common word's (millions at ten million
	// events) before the first.
	var hits int
	var total float64
	q := `SELECT (SELECT count(*) FROM (SELECT s.text FROM sentences s ORDER BY s.doc_id DESC, s.idx DESC LIMIT ` + strconv.Itoa(textSample) + `) AS s
		WHERE to_tsvector('simple', s.text) @@ plainto_tsquery('simple', $1)), (SELECT reltuples FROM pg_class WHERE oid = 'sentences'::regclass)`
	if err := d.pool.QueryRow(ctx, q, c.textWord).Scan(&hits, &total); err != nil {
		return fmt.Errorf("find events: text: %w", err)
	}
	n := int(float64(hits) / textSample * total)
	if total < textSample { // never analyzed (-1), or small: count
		q := `SELECT count(*) FROM (SELECT 1 FROM sentences s
			WHERE to_tsvector('simple', s.text) @@ plainto_tsquery('simple', $1) LIMIT $2) AS x`
		if err := d.pool.QueryRow(ctx, q, c.textWord, d.commonHits).Scan(&n); err != nil {
			return fmt.Errorf("find events: text: %w", err)
		}
	}
	if n < d.commonHits {
		c.textWords = true
		c.where[c.textAny+1] = c.textCheck + "::text IS NOT NULL"
		return nil
	}
	// A common word: each event's words are sought by its key, which
	// the index walked in page order holds, instead of its sentence
	// (another table's key, on the event's row) parsed.
	c.where[c.textAny+1] = `coalesce((SELECT w.words @@ plainto_tsquery('simple', ` + c.textCheck + `) FROM event_words w
		WHERE w.id = e.id AND w.day = e.day), false)`
	return nil
}

// wordsPageQuery returns the query of the first n events matching c in
// (day, id) order (desc: reversed) whose words (event_words) hold c's
// text, within the window of days from the placeholder lo to hi: the
// window's partitions of event_words give the word's events from their
// GIN index, sorted; each is read by primary key (a subquery of its own,
// fenced by OFFSET 0: the planner, which cannot know how many the word
// has, would otherwise join the window's every event by hash) and checked
// against c.
func wordsPageQuery(c *cond, n int, desc bool, lo, hi string) string {
	order := " ORDER BY m.day, m.id LIMIT " + strconv.Itoa(n)
	inner := " ORDER BY w.day, w.id"
	if desc {
		order = " ORDER BY m.day DESC, m.id DESC LIMIT " + strconv.Itoa(n)
		inner = " ORDER BY w.day DESC, w.id DESC"
	}
	return `SELECT e.id, e.day, e.record, coalesce(s.text, '') FROM (SELECT w.day, w.id FROM event_words w
		WHERE w.words @@ plainto_tsquery('simple', ` + c.textArg + `) AND w.day >= ` + lo + ` AND w.day < ` + hi + inner + `) AS m
	CROSS JOIN LATERAL (SELECT e.* FROM events e WHERE e.day = m.day AND e.id = m.id AND ` + strings.Join(c.where, " AND ") + ` OFFSET 0) AS e
	LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx` + order
}

// pageQuery returns the query of the first n events matching c in (day,
// id) order. A disjunction (an actor on either side, a country, an
// undirected dyad) is split into branches, each read in order through its
// own index and cut at n, and the branches merged: the planner would
// otherwise gather every match of both sides and sort them. With desc the
// order is reversed (indexes walked backwards).
//
// The limit is written into the statement, not passed: a generic plan
// (see Open) costs a parameter limit as a tenth of the rows, and would
// sort every match rather than walk an index in order.
func pageQuery(c *cond, n int, desc bool) string {
	lim := strconv.Itoa(n)
	order := " ORDER BY e.day, e.id LIMIT " + lim
	if desc {
		order = " ORDER BY e.day DESC, e.id DESC LIMIT " + lim
	}
	bs := c.branches()
	outer := strings.Replace(order, " LIMIT "+lim, "", 1)
	if len(bs) == 1 && !c.keysFirst {
		// The page first, then its sentences: joined before the limit,
		// a plan that sorts a window's matches would read the sentence
		// of each (a seek into ten million sentences, mostly not cached).
		return `SELECT e.id, e.day, e.record, coalesce(s.text, '') FROM (SELECT e.id, e.day, e.record, e.doc_id, e.sentence_idx
		FROM events e` + c.String() + order + `) AS e
	LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx` + outer
	}
	// The page's keys first (UNION: an event may match two branches),
	// then its rows by primary key: a semi-join of events against the
	// keys would walk every event before the cursor. (So too a branch
	// alone with keysFirst.)
	var parts []string
	for _, b := range bs {
		parts = append(parts, "(SELECT e.day, e.id FROM events e WHERE "+strings.Join(b, " AND ")+order+")")
	}
	uorder := " ORDER BY day, id LIMIT " + lim
	if desc {
		uorder = " ORDER BY day DESC, id DESC LIMIT " + lim
	}
	keys := strings.Join(parts, " UNION ") + uorder
	if len(parts) == 1 {
		keys = strings.TrimSuffix(strings.TrimPrefix(parts[0], "("), ")")
	}
	return `SELECT e.id, e.day, e.record, coalesce(s.text, '') FROM (` + keys + `) AS u
	JOIN events e ON e.day = u.day AND e.id = u.id
	LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx` + outer
}

// CountEvents returns how many events match f.
func (d *DB) CountEvents(ctx context.Context, f dyad.EventFilter) (int, error) {
	c, err := eventCond(f)
	if err != nil {
		return 0, err
	}
	q := "SELECT count(*) FROM events e" + c.String()
	t, sc, err := d.countSummary(f)
	if err != nil {
		return 0, err
	}
	if t != "" {
		c, q = sc, "SELECT coalesce(sum(e.n), 0)::bigint FROM "+t+" e"+sc.String()
	}
	var n int64
	if err := d.pool.QueryRow(ctx, q, c.args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return int(n), nil
}

// querier is a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// queryEvents runs a query of eventSelect's columns and decodes the rows.
func (d *DB) queryEvents(ctx context.Context, q string, args ...any) ([]*dyad.Event, []cursor, error) {
	return queryEvents(ctx, d.pool, q, args...)
}

func queryEvents(ctx context.Context, db querier, q string, args ...any) ([]*dyad.Event, []cursor, error) {
	rows, err := db.Query(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var evs []*dyad.Event
	var curs []cursor
	for rows.Next() {
		var cur cursor
		var rec, text string
		if err := rows.Scan(&cur.id, &cur.day, &rec, &text); err != nil {
			return nil, nil, err
		}
		ev := new(dyad.Event)
		if err := json.Unmarshal([]byte(rec), ev); err != nil {
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
// sentences when sents is not nil (the segmenter changed), as dyad recode
// does.
func (d *DB) ReplaceCoding(ctx context.Context, docID string, sents []dyad.Sentence, evs []dyad.Event) (*dyad.EventDiff, error) {
	doc, err := d.FindDocumentByID(ctx, docID)
	if err != nil {
		return nil, err
	}
	if id := duplicateEvent(evs); id != "" {
		return nil, dyad.Errorf(dyad.EINVALID, "event %s: duplicate id", id)
	}
	days := map[time.Time]bool{}
	for i := range evs {
		days[eventDay(evs[i].Date)] = true
	}
	if err := d.ensurePartitions(ctx, days); err != nil {
		return nil, err
	}
	var old []*dyad.Event
	for try := 0; ; try++ {
		err = pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
			// Lock the document row so that two re-codings take turns.
			if _, err := tx.Exec(ctx, "SELECT 1 FROM documents WHERE id = $1 FOR UPDATE", docID); err != nil {
				return err
			}
			var err error
			if old, _, err = queryEvents(ctx, tx, eventSelect+" WHERE e.doc_id = $1 ORDER BY e.id", docID); err != nil {
				return fmt.Errorf("old events: %w", err)
			}
			if sents != nil {
				if err := replaceSentences(ctx, tx, docID, sents); err != nil {
					return fmt.Errorf("sentences: %w", err)
				}
			}
			if err := replaceRows(ctx, tx, &doc.Document, evs); err != nil {
				return err
			}
			return eventsChanged(ctx, tx)
		})
		// The delete and the insert each update the summaries: against a
		// concurrent writer the two may deadlock; try again.
		var pe *pgconn.PgError
		if err == nil || !errors.As(err, &pe) || !isRetryable(pe) || try >= maxRetries {
			break
		}
		time.Sleep(time.Duration(try+1) * 20 * time.Millisecond)
	}
	if err != nil {
		return nil, fmt.Errorf("replace events: %w", err)
	}
	return dyad.DiffEvents(old, evs), nil
}

// replaceRows deletes a document's event rows and copies in evs.
func replaceRows(ctx context.Context, tx pgx.Tx, doc *dyad.Document, evs []dyad.Event) error {
	for _, q := range []string{"DELETE FROM events WHERE doc_id = $1", "DELETE FROM event_keys WHERE doc_id = $1"} {
		if _, err := tx.Exec(ctx, q, doc.ID); err != nil {
			return err
		}
	}
	idx := map[int]bool{}
	rows, err := tx.Query(ctx, "SELECT idx FROM sentences WHERE doc_id = $1", doc.ID)
	if err != nil {
		return err
	}
	sents, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return err
	}
	for _, s := range sents {
		idx[int(s)] = true
	}
	var keys, evRows [][]any
	for i := range evs {
		row, err := eventRow(doc, &evs[i], idx)
		if err != nil {
			return err
		}
		evRows = append(evRows, row)
		keys = append(keys, []any{row[0], row[1], row[3]})
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"event_keys"}, []string{"event_id", "doc_id", "day"}, pgx.CopyFromRows(keys)); err != nil {
		return err
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"events"}, eventColumns, pgx.CopyFromRows(evRows)); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "UPDATE documents SET n_events = $2 WHERE id = $1", doc.ID, len(evs))
	return err
}

// replaceSentences deletes a document's sentences and copies in sents.
func replaceSentences(ctx context.Context, tx pgx.Tx, docID string, sents []dyad.Sentence) error {
	if _, err := tx.Exec(ctx, "DELETE FROM sentences WHERE doc_id = $1", docID); err != nil {
		return err
	}
	rows := make([][]any, len(sents))
	for i, s := range sents {
		rows[i] = []any{docID, s.Index, s.Span.Start, s.Span.End, s.Text}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"sentences"}, []string{"doc_id", "idx", "start", "end", "text"}, pgx.CopyFromRows(rows)); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, "UPDATE documents SET n_sentences = $2 WHERE id = $1", docID, len(sents))
	return err
}
