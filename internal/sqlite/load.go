package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/dyad-events/dyad"
)

// LoadBatch is how many documents Load commits at a time by default.
const LoadBatch = 20_000

// LoadProgress is what Load reports as it goes.
type LoadProgress struct {
	Stage     string        // "insert", "fts", "names", "index", "analyze"
	Documents int           // stored so far
	Events    int           // stored so far
	Elapsed   time.Duration // since Load began
}

// Load bulk-loads the documents that next returns (nil when there are no
// more) into an empty store, for building large benchmark stores: it
// drops the secondary indexes and the triggers of the tables it fills,
// inserts batch by batch with foreign-key checks off (adding each batch's
// counts to the summaries), then builds the indexes, the full-text index
// and the actor names in one pass each and puts the triggers back. progress, if not nil, is called
// after each batch and stage. It returns ECONFLICT if the store holds
// documents, and a constraint error if a document repeats one already
// loaded (an id, content hash or URL). A load that is interrupted leaves a store without its
// indexes: delete the file and load again.
func (d *DB) Load(ctx context.Context, next func() []*dyad.CodedDocument, progress func(LoadProgress)) (err error) {
	start := time.Now()
	report := func(p LoadProgress) {
		if progress != nil {
			p.Elapsed = time.Since(start)
			progress(p)
		}
	}
	d.wmu.Lock()
	defer d.wmu.Unlock()
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 1)").Scan(&n); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if n > 0 {
		return dyad.Errorf(dyad.ECONFLICT, "%s holds documents: load into a new store", d.path)
	}
	ddl, err := dropForLoad(ctx, conn)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	restored := false
	defer func() { // on failure, put back what can be put back
		if err != nil && !restored {
			for _, q := range ddl {
				conn.ExecContext(context.WithoutCancel(ctx), q)
			}
		}
	}()
	for _, p := range []string{"PRAGMA foreign_keys = OFF", "PRAGMA synchronous = OFF", "PRAGMA cache_size = -1048576"} {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return err
		}
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
	var p LoadProgress
	b := newBulkWriter(d.Now().UTC())
	for batch := next(); batch != nil; batch = next() {
		if err := d.loadBatch(ctx, conn, b, batch); err != nil {
			return fmt.Errorf("load: %w", err)
		}
		p.Stage, p.Documents = "insert", p.Documents+len(batch)
		for _, cd := range batch {
			p.Events += len(cd.Events)
		}
		report(p)
	}
	for _, st := range []struct{ stage, sql string }{
		{"fts", "INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')"},
		{"names", "INSERT INTO actor_names (code, name, country, n) SELECT code, name, max(country), count(*) FROM actors WHERE code <> '' GROUP BY code, name"},
	} {
		if _, err := conn.ExecContext(ctx, st.sql); err != nil {
			return fmt.Errorf("load: %s: %w", st.stage, err)
		}
		p.Stage = st.stage
		report(p)
	}
	restored = true
	for _, q := range ddl { // indexes, then triggers
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("load: %s: %w", q, err)
		}
	}
	p.Stage = "index"
	report(p)
	if _, err := conn.ExecContext(ctx, "PRAGMA analysis_limit=2000; ANALYZE"); err != nil {
		return fmt.Errorf("load: analyze: %w", err)
	}
	p.Stage = "analyze"
	report(p)
	return nil
}

// loadTables are the tables whose secondary indexes and triggers Load
// drops while it inserts.
const loadTables = "'events', 'sentences', 'actors', 'places', 'quotes'"

// dropForLoad drops the secondary indexes and triggers of the loaded
// tables and returns the statements that make them again, indexes first.
func dropForLoad(ctx context.Context, conn *sql.Conn) ([]string, error) {
	rows, err := conn.QueryContext(ctx, `SELECT type, name, sql FROM sqlite_master
		WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (`+loadTables+`)
		ORDER BY type = 'trigger', name`)
	if err != nil {
		return nil, err
	}
	var ddl, drops []string
	for rows.Next() {
		var typ, name, q string
		if err := rows.Scan(&typ, &name, &q); err != nil {
			rows.Close()
			return nil, err
		}
		ddl, drops = append(ddl, q), append(drops, fmt.Sprintf("DROP %s %q", typ, name))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, q := range drops {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return nil, err
		}
	}
	return ddl, nil
}

// loadBatch inserts one batch of documents in one transaction.
func (d *DB) loadBatch(ctx context.Context, conn *sql.Conn, b *bulkWriter, batch []*dyad.CodedDocument) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, cd := range batch {
		if err := b.add(cd); err != nil {
			return fmt.Errorf("document %s: %w", cd.Doc.ID, err)
		}
	}
	if err := b.flush(ctx, tx); err != nil {
		return err
	}
	if err := b.sums.write(ctx, tx); err != nil {
		return fmt.Errorf("summaries: %w", err)
	}
	b.sums = newSummaries()
	return tx.Commit()
}
