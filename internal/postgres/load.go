package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/dyad-events/dyad"
)

// LoadProgress is what Load reports as it goes.
type LoadProgress struct {
	Stage     string        // "insert", "summaries", "words", "index", "analyze"
	Documents int           // stored so far
	Events    int           // stored so far
	Elapsed   time.Duration // since Load began
}

// loadTables are the tables whose secondary indexes Load drops before the
// rows go in and builds again after: one sorted build per index instead of
// ten million scattered insertions (the GIN indexes of the words above
// all). Unique indexes stay: they decide which documents are new.
var loadTables = []string{"documents", "sentences", "event_keys", "events", "event_words"}

// loadKeys are the tables whose primary keys Load drops and adds again:
// keys no row of a load can break (an event's id comes from a sequence;
// a document's sentence indexes are checked before, sortBatch), so that a
// duplicate found only at the end cannot sink the load. The keys that
// decide which documents and event ids are new stay.
var loadKeys = []string{"sentences", "events", "event_words"}

// loadTriggers are the statement triggers that keep the summaries and the
// words per statement; Load computes both once, from all the events.
var loadTriggers = []string{"events_summary_insert", "event_words_insert"}

// Load bulk-loads the documents next returns (nil when done) into an
// empty store, for benchmark stores of millions of events: the rows go in
// with COPY and without the triggers of the summaries and of event_words,
// which are computed once at the end with one INSERT ... SELECT ... GROUP
// BY each (dyad_rebuild_summaries), and the secondary indexes are built
// after the rows. The store it makes is the one CreateDocuments makes
// batch by batch (TestLoadMatchesCreate).
//
// It is one transaction: it holds the tables locked until it commits, and
// a failed or interrupted load leaves the store as it was, empty. A
// document is skipped or recorded as an error as CreateDocuments does.
func (d *DB) Load(ctx context.Context, next func() []*dyad.CodedDocument, progress func(LoadProgress)) error {
	start := time.Now()
	var p LoadProgress
	report := func(stage string) {
		if progress != nil {
			p.Stage, p.Elapsed = stage, time.Since(start)
			progress(p)
		}
	}
	conn, err := d.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer conn.Release()
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	// A no-op after Commit; after a cancelled context, still rolled back.
	defer tx.Rollback(context.WithoutCancel(ctx))

	// No other writer from here on: one that stored documents after the
	// check below would find its rows counted twice.
	if _, err := tx.Exec(ctx, "LOCK TABLE documents, events IN EXCLUSIVE MODE"); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	var held bool
	if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM events)").Scan(&held); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if held {
		return dyad.Errorf(dyad.ECONFLICT, "load: the store already holds documents: load into an empty one")
	}
	// Sorts and index builds in memory; the plans of the final statements
	// are the load's own (its connection goes back to the pool unchanged:
	// SET LOCAL ends with the transaction).
	for _, q := range []string{"SET LOCAL maintenance_work_mem = '1GB'", "SET LOCAL work_mem = '256MB'",
		"SET LOCAL plan_cache_mode = auto"} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return fmt.Errorf("load: %w", err)
		}
	}
	for _, t := range loadTriggers {
		if _, err := tx.Exec(ctx, "ALTER TABLE events DISABLE TRIGGER "+t); err != nil {
			return fmt.Errorf("load: %w", err)
		}
	}
	keys, err := dropLoadKeys(ctx, tx)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	indexes, err := dropLoadIndexes(ctx, tx)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}

	// The next batch is made while this one is copied; next is not called
	// after Load returns.
	batches := make(chan []*dyad.CodedDocument, 1)
	stop, done := make(chan struct{}), make(chan struct{})
	defer func() { close(stop); <-done }()
	go func() {
		defer close(done)
		defer close(batches)
		for b := next(); b != nil; b = next() {
			select {
			case batches <- b:
			case <-stop:
				return
			}
		}
	}()
	parts := map[string]bool{}
	for docs := range batches {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, err := d.loadBatch(ctx, tx, docs, parts)
		if err != nil {
			return fmt.Errorf("load: %w", err)
		}
		p.Documents += n
		for _, cd := range docs {
			if cd != nil {
				p.Events += len(cd.Events)
			}
		}
		report("insert")
	}
	if _, err := tx.Exec(ctx, "SELECT dyad_rebuild_summaries(NULL, NULL)"); err != nil {
		return fmt.Errorf("load: summaries: %w", err)
	}
	report("summaries")
	if _, err := tx.Exec(ctx, `INSERT INTO event_words (day, id, words)
		SELECT e.day, e.id, to_tsvector('simple', s.text) FROM events e
		JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx`); err != nil {
		return fmt.Errorf("load: words: %w", err)
	}
	report("words")
	for _, def := range append(keys, indexes...) {
		if _, err := tx.Exec(ctx, def); err != nil {
			return fmt.Errorf("load: %s: %w", def, err)
		}
	}
	report("index")
	for _, t := range loadTriggers {
		if _, err := tx.Exec(ctx, "ALTER TABLE events ENABLE TRIGGER "+t); err != nil {
			return fmt.Errorf("load: %w", err)
		}
	}
	if p.Documents > 0 {
		if err := eventsChanged(ctx, tx); err != nil {
			return fmt.Errorf("load: %w", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	d.mu.Lock()
	for name := range parts {
		d.parts[name] = true
	}
	d.mu.Unlock()
	// Vacuumed, every table's pages are marked all-visible, so that
	// index-only scans (a page's keys, a pair's months for top dyads)
	// read no table pages, and the first readers set no hint bits;
	// analysed, every table has statistics before the first query. Left
	// to autovacuum, the partitions are vacuumed while the first queries
	// run.
	if err := d.vacuum(ctx); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	report("analyze")
	return nil
}

// vacuum vacuums and analyses every table a load writes.
func (d *DB) vacuum(ctx context.Context) error {
	_, err := d.pool.Exec(ctx, "VACUUM (ANALYZE) event_days, event_dyad_days, event_actor_days, event_root_days,"+
		" event_actor_months, event_pair_months, events, event_words, event_keys, sentences, documents, errors, cluster_state")
	return err
}

// dropLoadIndexes drops the secondary, non-unique indexes of loadTables and
// returns the statements that make them again. On a partitioned table
// the index is the parent's: dropped, every partition's goes with it;
// made again, every partition gets one.
func dropLoadIndexes(ctx context.Context, tx pgx.Tx) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
		FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema() AND t.relname = ANY($1) AND NOT i.indisunique
		ORDER BY t.relname, c.relname`, loadTables)
	if err != nil {
		return nil, err
	}
	type index struct{ Name, Def string }
	idx, err := pgx.CollectRows(rows, pgx.RowToStructByPos[index])
	if err != nil {
		return nil, err
	}
	defs := make([]string, 0, len(idx))
	for _, ix := range idx {
		if _, err := tx.Exec(ctx, "DROP INDEX "+ix.Name); err != nil {
			return nil, err
		}
		// A partitioned table's index is defined ON ONLY the parent (its
		// partitions' are attached one by one): made again, it is made on
		// every partition.
		defs = append(defs, strings.Replace(ix.Def, " ON ONLY ", " ON ", 1))
	}
	return defs, nil
}

// dropLoadKeys drops the primary keys of loadKeys and returns the
// statements that add them again.
func dropLoadKeys(ctx context.Context, tx pgx.Tx) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT format('ALTER TABLE %I.%I', n.nspname, t.relname), quote_ident(c.conname),
			pg_get_constraintdef(c.oid)
		FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema() AND t.relname = ANY($1) AND c.contype = 'p'
		ORDER BY t.relname`, loadKeys)
	if err != nil {
		return nil, err
	}
	type key struct{ Table, Name, Def string }
	ks, err := pgx.CollectRows(rows, pgx.RowToStructByPos[key])
	if err != nil {
		return nil, err
	}
	defs := make([]string, 0, len(ks))
	for _, k := range ks {
		if _, err := tx.Exec(ctx, k.Table+" DROP CONSTRAINT "+k.Name); err != nil {
			return nil, err
		}
		defs = append(defs, k.Table+" ADD CONSTRAINT "+k.Name+" "+k.Def)
	}
	return defs, nil
}

// loadBatch stores one batch inside the load's transaction as
// CreateDocuments would: with COPY, or should a COPY fail (an event id
// stored under another document), one document at a time, each in a
// savepoint, recording the faulty ones as errors.
func (d *DB) loadBatch(ctx context.Context, tx pgx.Tx, docs []*dyad.CodedDocument, parts map[string]bool) (int, error) {
	b, days := sortBatch(docs, d.Now().UTC().Truncate(time.Microsecond))
	if err := createPartitions(ctx, tx, d.span, days, parts); err != nil {
		return 0, err
	}
	for _, e := range b.errs {
		if err := recordError(ctx, tx, e[0], e[1], b.now); err != nil {
			return 0, err
		}
	}
	sp, err := tx.Begin(ctx)
	if err != nil {
		return 0, err
	}
	n, err := copyDocuments(ctx, sp, b.docs, b.now)
	if err == nil {
		return n, sp.Commit(ctx)
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return 0, err
	}
	if err := sp.Rollback(ctx); err != nil {
		return 0, err
	}
	return storeEach(ctx, tx, b)
}

// createPartitions creates, in tx, the partitions of events and
// event_words that days need under span and that parts (those made so
// far) lacks.
func createPartitions(ctx context.Context, tx pgx.Tx, span string, days map[time.Time]bool, parts map[string]bool) error {
	for day := range days {
		name, first, next := partitionOf(span, day)
		if parts[name] {
			continue
		}
		if err := createPartition(ctx, tx, name, first, next); err != nil {
			return err
		}
		parts[name] = true
	}
	return nil
}

// createPartition creates the partitions of events and of their words
// (0007) from the day first to next, unless they exist.
func createPartition(ctx context.Context, tx pgx.Tx, name string, first, next time.Time) error {
	for _, t := range []struct{ parent, name string }{{"events", name}, {"event_words", "event_words_" + strings.TrimPrefix(name, "events_")}} {
		q := fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s PARTITION OF %s FOR VALUES FROM ('%s') TO ('%s')",
			pgx.Identifier{t.name}.Sanitize(), t.parent, first.Format("2006-01-02"), next.Format("2006-01-02"))
		if _, err := tx.Exec(ctx, q); err != nil {
			return fmt.Errorf("partition %s: %w", t.name, err)
		}
	}
	return nil
}
