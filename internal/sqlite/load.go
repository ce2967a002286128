package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
)

// LoadBatch is how many documents Load commits at a time by default.
const LoadBatch = 20_000

// LoadProgress is what Load reports as it goes.
type LoadProgress struct {
	Stage     string        // "insert", "names", "index", "summaries", "fts", "analyze"
	Documents int           // stored so far
	Events    int           // stored so far
	Elapsed   time.Duration // since Load began
}

// loadSummaryRows is how many summary rows a load keeps in memory before
// adding them to the tables. Held for a whole load, the counts are written
// once, in key order; a load of ten million events fits (11.6 million rows
// before event_root_weeks, at about 150 bytes a row), a larger one writes
// them more than once. At 8 million the ten-million-event load wrote them
// at 5.6 million events, which cost about 100 s, and again at the end by
// upsert.
var loadSummaryRows = 20_000_000 // a variable for the tests of its upserts

// Load bulk-loads the documents that next returns (nil when there are no
// more) into an empty store, for building large benchmark stores. It
// writes through a connection of its own (rawConn) with the journal off
// and without syncing, so a failure or a crash leaves a broken file: load
// into a new file, never into a store that holds data you want (Load
// refuses one that holds documents). It drops the secondary indexes and
// the triggers of the tables it fills, inserts batch by batch with
// foreign-key checks off, counting the summaries and actor names in
// memory, then builds the indexes in one pass each, puts the triggers
// back and turns the journal (WAL) on again. The full-text index and the
// summary tables are written beside all that, each in a file of its own
// by a goroutine of its own (textLoad, sideFile), and copied in after the
// indexes. progress,
// if not nil, is called after each batch and stage. It returns ECONFLICT
// if the store holds documents, EINVALID for an in-memory store, and a
// constraint error if a document repeats one already loaded (an id,
// content hash or URL). A failed or interrupted load is not rolled back
// and its indexes are not rebuilt (at ten million events that alone takes
// many minutes): delete the file and load again.
func (d *DB) Load(ctx context.Context, next func() []*dyad.CodedDocument, progress func(LoadProgress)) (err error) {
	start := time.Now()
	report := func(p LoadProgress) {
		if progress != nil {
			p.Elapsed = time.Since(start)
			progress(p)
		}
	}
	if d.path == ":memory:" || strings.HasPrefix(d.path, "file::memory:") {
		return dyad.Errorf(dyad.EINVALID, "load: an in-memory store cannot be bulk-loaded")
	}
	d.wmu.Lock()
	defer d.wmu.Unlock()
	var n int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 1)").Scan(&n); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if n > 0 {
		return dyad.Errorf(dyad.ECONFLICT, "%s holds documents: load into a new store", d.path)
	}
	// The pool's idle connections keep the WAL open, and SQLite leaves WAL
	// mode only when no other connection has it open: close them.
	d.db.SetMaxIdleConns(0)
	defer d.db.SetMaxIdleConns(MaxIdleConns)
	c, err := openRaw(d.path)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer c.close()
	// The index builds read the events table once each: through a memory
	// map (as far as SQLite maps, 2 GB), not a read call per page.
	if err := c.exec("PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 2147418112"); err != nil {
		return fmt.Errorf("load: pragmas: %w", err)
	}
	// No journal: a failed load is not rolled back but thrown away. Should
	// another connection hold the WAL open (a reader while loading), the
	// load goes on in WAL mode, slower.
	if mode, perr := c.pragma("PRAGMA journal_mode = OFF"); perr == nil && mode == "off" {
		defer func() { // err is Load's result here
			if _, e := c.pragma("PRAGMA journal_mode = WAL"); e != nil && err == nil {
				err = fmt.Errorf("load: journal: %w", e)
			}
		}()
	}
	ddl, err := dropForLoad(c)
	if err != nil {
		return fmt.Errorf("load: drop: %w", err)
	}
	var create string
	if err := c.query("SELECT sql FROM sqlite_master WHERE name = 'events_fts'", func(cols []string) error {
		create = cols[0]
		return nil
	}); err != nil || create == "" {
		return fmt.Errorf("load: events_fts: %v", err)
	}
	text, err := startTextLoad(d.path, create)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer text.remove()
	b, err := newBulkWriter(c)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer b.close()
	m := newRowMaker(d.Now().UTC())
	chunks, stop := makeChunks(m, next)
	defer stop()
	var p LoadProgress
	for ch := range chunks {
		if ch.err != nil {
			return fmt.Errorf("load: %w", ch.err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		text.send(ch.chunk.text)
		if err := inTx(c, func() error { return b.write(ch.chunk) }); err != nil {
			return fmt.Errorf("load: %w", err)
		}
		p.Stage, p.Documents, p.Events = "insert", p.Documents+ch.chunk.documents, p.Events+ch.chunk.events
		report(p)
	}
	text.end() // its index is built while the store's indexes are
	if err := ctx.Err(); err != nil {
		return err
	}
	// The summaries are written into a file of their own too, while the
	// indexes are built, and copied in after them; counts a load wrote
	// already (the chunks carry them past loadSummaryRows) are added to
	// by upsert, into the store.
	var sums *sideFile
	if b.sums.wrote {
		if err := inTx(c, func() error { return b.sums.write(c, m.sums) }); err != nil {
			return fmt.Errorf("load: summaries: %w", err)
		}
		p.Stage = "summaries"
		report(p)
	} else {
		var creates []string
		if err := c.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN ('"+strings.Join(summaryTables, "', '")+"') ORDER BY name",
			func(cols []string) error {
				creates = append(creates, cols[0])
				return nil
			}); err != nil || len(creates) != len(summaryTables) {
			return fmt.Errorf("load: summary tables: %d of %d (%v)", len(creates), len(summaryTables), err)
		}
		sums, err = startSide(d.path, "sums", func(sc *rawConn) error {
			if err := sc.exec(strings.Join(creates, "; ")); err != nil {
				return err
			}
			var w summaryWriter
			return inTx(sc, func() error { return w.write(sc, m.sums) })
		})
		if err != nil {
			return fmt.Errorf("load: %w", err)
		}
		defer sums.remove()
	}
	if err := inTx(c, func() error { return m.writeNames(c) }); err != nil {
		return fmt.Errorf("load: names: %w", err)
	}
	p.Stage = "names"
	report(p)
	// SQLite's sorter holds the keys of an index being built in one
	// growing buffer, spilling runs to temporary files past cache_size,
	// only when temporary files are files: with temp_store = MEMORY it
	// allocates each key on its own (ten million allocations an index at
	// ten million events); the builds took 15-20% longer at a million.
	if err := c.exec("PRAGMA temp_store = FILE"); err != nil {
		return fmt.Errorf("load: pragmas: %w", err)
	}
	run := func(ddl []loadDDL) error {
		for _, q := range ddl {
			if err := c.exec(q.sql); err != nil {
				return fmt.Errorf("load: %s: %w", q.sql, err)
			}
		}
		return nil
	}
	var later []loadDDL // the summary tables' indexes, when those come later; the triggers
	for _, q := range ddl {
		if q.typ == "trigger" || sums != nil && slices.Contains(summaryTables, q.table) {
			later = append(later, q)
			continue
		}
		if err := run([]loadDDL{q}); err != nil {
			return err
		}
	}
	p.Stage = "index"
	report(p)
	if sums != nil {
		if err := sums.wait(); err != nil {
			return fmt.Errorf("load: summaries: %w", err)
		}
		if err := sums.copyTables(c, summaryTables); err != nil {
			return fmt.Errorf("load: summaries: %w", err)
		}
		sums.remove() // its disk, now (1-2 GB at ten million events)
		p.Stage = "summaries"
		report(p)
	}
	if err := run(later); err != nil {
		return err
	}
	if err := text.wait(); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if err := text.copyText(c); err != nil {
		return fmt.Errorf("load: full-text index: %w", err)
	}
	text.remove()
	p.Stage = "fts"
	report(p)
	if err := c.exec("PRAGMA analysis_limit=2000; ANALYZE"); err != nil {
		return fmt.Errorf("load: analyze: %w", err)
	}
	p.Stage = "analyze"
	report(p)
	return nil
}

// textLoadStart and textLoadDone set FTS5 up for textLoad's writes and
// back: it writes a segment for each transaction, and for each key that
// does not ascend. During the load it does not merge them as they pile up
// (automerge 0, crisismerge at its most: merging 200 segments of a
// ten-million-event load as they came cost more than writing them);
// textLoadDone merges every segment into one ('optimize'): a common
// word's check per event (MATCH with rowid =) opens the word's list in
// every segment. The defaults are put back for the writes that follow.
const (
	textLoadStart = "INSERT INTO events_fts(events_fts, rank) VALUES ('automerge', 0);" +
		" INSERT INTO events_fts(events_fts, rank) VALUES ('crisismerge', 2000);" +
		" INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', 268435456)"
	textLoadDone = "INSERT INTO events_fts(events_fts) VALUES ('optimize');" +
		" INSERT INTO events_fts(events_fts, rank) VALUES ('automerge', 4);" +
		" INSERT INTO events_fts(events_fts, rank) VALUES ('crisismerge', 16);" +
		" INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', 1048576)"
)

// inTx runs f in a transaction of c.
func inTx(c *rawConn, f func() error) error {
	if err := c.exec("BEGIN IMMEDIATE"); err != nil {
		return err
	}
	if err := f(); err != nil {
		c.exec("ROLLBACK")
		return err
	}
	return c.exec("COMMIT")
}

// loadTables are the tables whose secondary indexes and triggers Load
// drops while it inserts. The summary tables are among them: their
// secondary indexes, kept while the summaries are written, put each row
// into indexes in another order than the table's (a page split here and
// there); built afterwards, each is one sort.
const loadTables = "'events', 'sentences', 'actors', 'places', 'quotes', 'event_dyad_days', 'event_pair_months'"

// loadDDL is a statement that makes an index or a trigger of a table.
type loadDDL struct{ typ, table, sql string }

// dropForLoad drops the secondary indexes and triggers of the loaded
// tables and returns the statements that make them again, indexes first.
func dropForLoad(c *rawConn) ([]loadDDL, error) {
	var ddl []loadDDL
	var drops []string
	err := c.query(`SELECT type, name, tbl_name, sql FROM sqlite_master
		WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (`+loadTables+`)
		ORDER BY type = 'trigger', name`, func(cols []string) error {
		ddl, drops = append(ddl, loadDDL{cols[0], cols[2], cols[3]}), append(drops, fmt.Sprintf("DROP %s %q", cols[0], cols[1]))
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, q := range drops {
		if err := c.exec(q); err != nil {
			return nil, err
		}
	}
	return ddl, nil
}

// chunkOrErr is what makeChunks sends: a chunk, or the error that ends
// them.
type chunkOrErr struct {
	chunk *loadChunk
	err   error
}

// makeChunks turns the batches that next returns into chunks on a
// goroutine of its own, one chunk ahead of the writer. stop ends it early
// and waits for it; after the channel closes, m.sums holds the counts no
// chunk carried.
func makeChunks(m *rowMaker, next func() []*dyad.CodedDocument) (<-chan chunkOrErr, func()) {
	out := make(chan chunkOrErr, 1)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer close(out)
		for batch := next(); batch != nil; batch = next() {
			c, err := m.chunk(batch, loadSummaryRows)
			select {
			case out <- chunkOrErr{c, err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	var once sync.Once
	return out, func() {
		once.Do(func() { close(done) })
		<-finished
	}
}
