package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/dyad-events/dyad"
)

// maxRetries is how often a batch is retried after a deadlock or a
// serialization failure with another writer.
const maxRetries = 5

// eventColumns are the columns COPY fills in events.
var eventColumns = []string{"event_id", "doc_id", "sentence_idx", "day",
	"source_root", "source_code", "source_country", "target_root", "target_code", "target_country",
	"cameo", "root", "quad", "goldstein", "plover", "modality", "confidence", "doc_source", "date_source", "record"}

// CreateDocuments stores docs in one transaction: a document is stored
// with all its sentences and events or not at all. A document whose hash,
// URL or id is already stored (or comes earlier in docs) is skipped; a
// CodedDocument with Err set, or whose rows cannot be stored, is recorded
// in the errors table. It returns how many documents were stored.
//
// The rows go in with COPY. Should a COPY fail (an event id stored under
// another document), the batch is stored again one document at a time,
// each in a savepoint, so that only the faulty documents are left out.
func (d *DB) CreateDocuments(ctx context.Context, docs []*dyad.CodedDocument) (int, error) {
	b, err := d.prepare(ctx, docs)
	if err != nil {
		return 0, err
	}
	slow := false
	for try := 0; ; try++ {
		n, err := d.storeBatch(ctx, b, slow)
		if err == nil {
			return n, nil
		}
		var pe *pgconn.PgError
		switch {
		case errors.As(err, &pe) && isRetryable(pe) && try < maxRetries:
			time.Sleep(time.Duration(try+1) * 20 * time.Millisecond)
		case errors.As(err, &pe) && !slow: // some document's rows: find which
			slow = true
		default:
			return 0, fmt.Errorf("store documents: %w", err)
		}
	}
}

// isRetryable reports a deadlock or serialization failure.
func isRetryable(pe *pgconn.PgError) bool { return pe.Code == "40P01" || pe.Code == "40001" }

// batch is a set of documents ready to store.
type batch struct {
	docs []*dyad.CodedDocument // without Err, sorted by hash
	errs [][2]string           // input, message
	now  time.Time
}

// prepare sorts out the documents that failed before the store, checks
// each document's events for duplicate ids, orders the rest by hash (so
// that concurrent writers lock rows in the same order) and creates the
// partitions the events need.
func (d *DB) prepare(ctx context.Context, docs []*dyad.CodedDocument) (*batch, error) {
	b, days := sortBatch(docs, d.Now().UTC().Truncate(time.Microsecond))
	if err := d.ensurePartitions(ctx, days); err != nil {
		return nil, err
	}
	return b, nil
}

// sortBatch is prepare without the partitions: the batch, and the days
// of its events.
func sortBatch(docs []*dyad.CodedDocument, now time.Time) (*batch, map[time.Time]bool) {
	b := &batch{now: now}
	days := map[time.Time]bool{}
	for _, cd := range docs {
		switch {
		case cd == nil || cd.Doc == nil:
			continue
		case cd.Err != nil:
			b.errs = append(b.errs, [2]string{cd.Doc.ID, cd.Err.Error()})
			continue
		}
		if id := duplicateEvent(cd.Events); id != "" {
			b.errs = append(b.errs, [2]string{cd.Doc.ID, fmt.Sprintf("store: event %s: duplicate id", id)})
			continue
		}
		if i := duplicateSentence(cd.Sentences); i >= 0 {
			b.errs = append(b.errs, [2]string{cd.Doc.ID, fmt.Sprintf("store: sentence %d: duplicate index", i)})
			continue
		}
		b.docs = append(b.docs, cd)
		for i := range cd.Events {
			days[eventDay(cd.Events[i].Date)] = true
		}
	}
	hash := make(map[*dyad.CodedDocument]string, len(b.docs))
	for _, cd := range b.docs {
		hash[cd] = dyad.ContentHash(cd.Doc)
	}
	sort.SliceStable(b.docs, func(i, j int) bool { return hash[b.docs[i]] < hash[b.docs[j]] })
	return b, days
}

// duplicateSentence returns an index two sentences share, or -1.
func duplicateSentence(ss []dyad.Sentence) int {
	seen := make(map[int]bool, len(ss))
	for _, s := range ss {
		if seen[s.Index] {
			return s.Index
		}
		seen[s.Index] = true
	}
	return -1
}

func duplicateEvent(evs []dyad.Event) string {
	seen := make(map[string]bool, len(evs))
	for i := range evs {
		if seen[evs[i].ID] {
			return evs[i].ID
		}
		seen[evs[i].ID] = true
	}
	return ""
}

// storeBatch stores b in one transaction: all documents with one COPY per
// table, or with slow set, each in its own savepoint.
func (d *DB) storeBatch(ctx context.Context, b *batch, slow bool) (int, error) {
	n := 0
	err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		n = 0
		for _, e := range b.errs {
			if err := recordError(ctx, tx, e[0], e[1], b.now); err != nil {
				return err
			}
		}
		var err error
		if slow {
			n, err = storeEach(ctx, tx, b)
		} else {
			n, err = copyDocuments(ctx, tx, b.docs, b.now)
		}
		if err != nil || n == 0 {
			return err
		}
		return eventsChanged(ctx, tx)
	})
	return n, err
}

// storeEach stores b's documents one at a time, each in its savepoint.
func storeEach(ctx context.Context, tx pgx.Tx, b *batch) (int, error) {
	n := 0
	for _, cd := range b.docs {
		ok, err := storeOne(ctx, tx, cd, b.now)
		if err != nil {
			return 0, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// storeOne stores one document inside a savepoint; a failure of its own
// rows is recorded as its error.
func storeOne(ctx context.Context, tx pgx.Tx, cd *dyad.CodedDocument, now time.Time) (bool, error) {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return false, err
	}
	n, err := copyDocuments(ctx, sp, []*dyad.CodedDocument{cd}, now)
	if err == nil {
		return n == 1, sp.Commit(ctx)
	}
	if rerr := sp.Rollback(ctx); rerr != nil {
		return false, rerr
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && isRetryable(pe) {
		return false, err
	}
	return false, recordError(ctx, tx, cd.Doc.ID, "store: "+err.Error(), now)
}

// recordError keeps one input's error; the same error twice is kept once.
func recordError(ctx context.Context, tx pgx.Tx, input, msg string, now time.Time) error {
	if len(msg) > 2000 {
		msg = msg[:2000]
	}
	_, err := tx.Exec(ctx, "INSERT INTO errors (input, message, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", input, msg, now)
	return err
}

// copyDocuments inserts the document rows, skipping those already
// stored, then COPYs the new documents' sentences, event keys and events.
func copyDocuments(ctx context.Context, tx pgx.Tx, docs []*dyad.CodedDocument, now time.Time) (int, error) {
	fresh, err := insertDocuments(ctx, tx, docs, now)
	if err != nil || len(fresh) == 0 {
		return 0, err
	}
	var sents, keys, evs [][]any
	for _, cd := range fresh {
		idx := make(map[int]bool, len(cd.Sentences))
		for _, s := range cd.Sentences {
			sents = append(sents, []any{cd.Doc.ID, s.Index, s.Span.Start, s.Span.End, s.Text})
			idx[s.Index] = true
		}
		for i := range cd.Events {
			row, err := eventRow(cd.Doc, &cd.Events[i], idx)
			if err != nil {
				return 0, fmt.Errorf("event %s: %w", cd.Events[i].ID, err)
			}
			evs = append(evs, row)
			keys = append(keys, []any{row[0], row[1], row[3]})
		}
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"sentences", []string{"doc_id", "idx", "start", "end", "text"}, sents},
		{"event_keys", []string{"event_id", "doc_id", "day"}, keys},
		{"events", eventColumns, evs},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return 0, fmt.Errorf("copy %s: %w", c.table, err)
		}
	}
	return len(fresh), nil
}

// insertDocuments inserts the document rows in one statement and returns
// the documents that were new.
func insertDocuments(ctx context.Context, tx pgx.Tx, docs []*dyad.CodedDocument, now time.Time) ([]*dyad.CodedDocument, error) {
	n := len(docs)
	ids, hashes, urls, titles, texts, sources := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	dates, counts, nevs := make([]*time.Time, n), make([]int32, n), make([]int32, n)
	for i, cd := range docs {
		doc := cd.Doc
		ids[i], hashes[i], urls[i], titles[i], texts[i], sources[i] = doc.ID, dyad.ContentHash(doc), doc.URL, doc.Title, doc.Text, doc.Source
		if !doc.Date.IsZero() {
			t := doc.Date.UTC()
			dates[i] = &t
		}
		counts[i], nevs[i] = int32(len(cd.Sentences)), int32(len(cd.Events))
	}
	rows, err := tx.Query(ctx, `INSERT INTO documents (id, hash, url, title, text, date, source, ingested, n_sentences, n_events)
		SELECT id, hash, url, title, text, date, source, $7, ns, ne
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $8::text[], $9::int[], $10::int[])
			WITH ORDINALITY AS t(id, hash, url, title, text, date, source, ns, ne, ord)
		ORDER BY ord
		ON CONFLICT DO NOTHING RETURNING id`, ids, hashes, urls, titles, texts, dates, now, sources, counts, nevs)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	added, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	isNew := make(map[string]bool, len(added))
	for _, id := range added {
		isNew[id] = true
	}
	var fresh []*dyad.CodedDocument
	for _, cd := range docs {
		if isNew[cd.Doc.ID] {
			fresh = append(fresh, cd)
			delete(isNew, cd.Doc.ID) // a repeated id is new only once
		}
	}
	return fresh, nil
}

// eventRow is one event's row of eventColumns; idx holds the document's
// sentence indexes.
func eventRow(doc *dyad.Document, ev *dyad.Event, idx map[int]bool) ([]any, error) {
	rec := *ev
	rec.Text = "" // kept once, in sentences
	b, err := json.Marshal(&rec)
	if err != nil {
		return nil, err
	}
	var sent *int32
	if idx[ev.Sentence] {
		s := int32(ev.Sentence)
		sent = &s
	}
	src, tgt := actorCode(ev.Source), actorCode(ev.Target)
	return []any{ev.ID, doc.ID, sent, eventDay(ev.Date),
		root3(src), src, ev.Source.Country, root3(tgt), tgt, ev.Target.Country,
		ev.CAMEO.Code, ev.CAMEO.Root, int16(ev.CAMEO.QuadClass), float32(ev.CAMEO.Goldstein),
		ev.PLOVER.Event, string(ev.Modality), float32(ev.Confidence), doc.Source, string(ev.DateSource), string(b)}, nil
}

// actorCode is the code an actor is filed under; a compound actor with no
// code of its own is filed under its first member's.
func actorCode(a dyad.Actor) string {
	if a.Code == "" && len(a.Members) > 0 {
		return a.Members[0].Code
	}
	return a.Code
}

// root3 returns the first three letters of a code: its country or IGO
// part, on which the dyad index seeks.
func root3(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}
