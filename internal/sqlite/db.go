package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// DefaultBusyTimeout is how long a connection waits for a lock held by
// another process before failing.
const DefaultBusyTimeout = 10 * time.Second

// MaxIdleConns is how many open connections the pool keeps between
// queries. database/sql keeps two by default, so a server answering a few
// requests at once (alerts read four series at a time) closed a connection
// after nearly every query and lost its page cache with it.
const MaxIdleConns = 8

// MmapSize is how many bytes of the file each connection reads through a
// memory map; pages past it go through the connection's page cache.
const MmapSize = 256 << 20

// CacheSize is the most each connection keeps in its page cache, in
// bytes. A query server rereads the same pages, and keeps them.
const CacheSize = 64 << 20

// WriterCacheSize is CacheSize for a store opened with OpenWriter. A
// transaction keeps the pages it changed in the cache until it commits
// or the cache is full, when they go to the write-ahead log: the cache
// bounds what a large transaction holds (storing one story of 123,000
// sentences held 125 MB outside the Go heap with CacheSize). Below 32
// MiB, storing small documents into a store of 20,000 events
// (BenchmarkCreateDocuments) slowed down: 1,114-1,158 µs an event with 8
// MiB, 857-889 with 32, 913-1,017 with CacheSize.
const WriterCacheSize = 32 << 20

// DB is an open dyad database. It is safe for concurrent use; writes are
// serialized.
type DB struct {
	db   *sql.DB
	path string
	wmu  sync.Mutex // one writer at a time, so transactions never deadlock

	textSample int // how many of a word's events FindEvents reads to weigh it (filter.go)
	textSide   int // tests: 1 reads a word's pages from events_fts, -1 from the other filters' indexes

	// Now returns the time stamped on new rows; tests replace it.
	Now func() time.Time
}

var (
	_ dyad.EventStore    = (*DB)(nil)
	_ dyad.DocumentStore = (*DB)(nil)
)

// Open opens (creating if needed) the database at path and migrates it to
// the current schema. Use ":memory:" for a private in-memory database.
func Open(ctx context.Context, path string) (*DB, error) {
	return openMigrated(ctx, path, serverSettings)
}

// openMigrated opens the database at path with set and migrates it.
func openMigrated(ctx context.Context, path string, set settings) (*DB, error) {
	d, err := open(path, false, set)
	if err != nil {
		return nil, err
	}
	if err := d.migrate(ctx); err != nil {
		d.db.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	return d, nil
}

// OpenWriter is Open for a process that writes the store in large
// transactions and reads each page about once (dyad ingest, recode,
// workers, re-clustering), not for one that answers queries. It maps no
// part of the file into memory and keeps a page cache of at most
// WriterCacheSize a connection, where Open maps MmapSize and caches
// CacheSize. Pages read through a map count in the process's resident
// memory as long as the connection lives, once per connection that read
// them: re-clustering after ingesting one 15 MiB story mapped 94 MB of
// the store, and with a page cache of CacheSize besides, that ingest
// peaked at 487,436 KB, and at 368,676 KB with OpenWriter
// (docs/CORPUS.md, "Work and memory").
func OpenWriter(ctx context.Context, path string) (*DB, error) {
	return openMigrated(ctx, path, writerSettings)
}

// settings are the memory settings of a DB's connections.
type settings struct {
	mmap, cache int64 // bytes
}

var (
	serverSettings = settings{mmap: MmapSize, cache: CacheSize}
	writerSettings = settings{mmap: 0, cache: WriterCacheSize}
)

// OpenReadOnly opens the existing database at path for reading only, as
// dyad serve does: the file is opened read-only and every connection
// refuses writes (query_only), so nothing done through the DB can change
// it. It does not migrate: a database with an older schema is an
// ECONFLICT error that says so (any command that writes, such as dyad
// ingest, migrates it).
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	if path == ":memory:" {
		return nil, dyad.Errorf(dyad.EINVALID, "a read-only in-memory database would be empty")
	}
	d, err := open(path, true, serverSettings)
	if err != nil {
		return nil, err
	}
	cur, err := d.Version(ctx)
	if err != nil {
		d.db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	if cur != len(names) {
		d.db.Close()
		return nil, dyad.Errorf(dyad.ECONFLICT, "%s has schema %d, this dyad reads %d: open it once with a command that writes it (dyad ingest) to migrate it", path, cur, len(names))
	}
	return d, nil
}

// open opens the database at path with the connection settings every DB
// uses, read-only or not, and the memory settings set.
func open(path string, readOnly bool, set settings) (*DB, error) {
	q := url.Values{}
	pragmas := []string{
		fmt.Sprintf("busy_timeout(%d)", DefaultBusyTimeout.Milliseconds()),
		fmt.Sprintf("cache_size(%d)", -(set.cache >> 10)), // negative: in KiB
		// Read the first set.mmap bytes (MmapSize; none for a writer)
		// through a memory map: the connections share the OS's copy of
		// those pages instead of each reading them into its own cache.
		// Each connection maps on its
		// own, so RSS counts a mapped page once per connection that
		// touched it: the bound keeps MaxIdleConns x the file (13 GB
		// reported for a 1.3 GB store) from reading as real memory.
		fmt.Sprintf("mmap_size(%d)", set.mmap),
	}
	if readOnly {
		q.Set("mode", "ro")
		pragmas = append(pragmas, "query_only(1)")
	} else {
		pragmas = append(pragmas,
			"foreign_keys(1)",
			"journal_mode(WAL)",
			// NORMAL in WAL mode: a crash may lose the last commits, never
			// corrupt the file; a re-run stores what was lost.
			"synchronous(NORMAL)")
		// Transactions take the write lock when they begin, so that two
		// processes opening a new file do not both migrate it, and a
		// writer never fails to upgrade a read lock.
		q.Set("_txlock", "immediate")
	}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	dsn := "file:" + path + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if path == ":memory:" {
		db.SetMaxOpenConns(1) // every connection would see its own database
	}
	// Keep connections open between queries: closing one frees its page
	// cache and the next query re-reads the pages from the file.
	db.SetMaxIdleConns(MaxIdleConns)
	return &DB{db: db, path: path, Now: time.Now, textSample: textSample}, nil
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// ReleaseMemory closes the connections the pool keeps idle, and with them
// what SQLite holds per connection: a page cache of up to CacheSize
// (WriterCacheSize with OpenWriter), and what a large transaction left
// (128 MB after storing one story of 123,000 sentences with CacheSize).
// The next queries open connections anew. An in-memory database, which
// lives in its one connection, is left alone.
func (d *DB) ReleaseMemory() {
	if d.path == ":memory:" {
		return
	}
	d.db.SetMaxIdleConns(0)
	d.db.SetMaxIdleConns(MaxIdleConns)
}

// Optimize gathers the statistics SQLite's planner needs to pick the
// right index (without them it takes events_target for dyad queries), with
// a bounded sample so it stays quick on a large store. Run it after a load.
func (d *DB) Optimize(ctx context.Context) error {
	_, err := d.db.ExecContext(ctx, "PRAGMA analysis_limit=2000; ANALYZE")
	if err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}

// SQL returns the underlying handle, for tools and tests.
func (d *DB) SQL() *sql.DB { return d.db }

// Version returns the schema version of the database.
func (d *DB) Version(ctx context.Context) (int, error) {
	var v int
	err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// IntegrityCheck runs PRAGMA integrity_check and returns its verdict, "ok"
// for a sound database.
func (d *DB) IntegrityCheck(ctx context.Context) (string, error) {
	rows, err := d.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		out = append(out, s)
	}
	return strings.Join(out, "; "), rows.Err()
}

// migrate applies, in order, each embedded migration newer than the
// database's user_version, each in its own transaction.
func (d *DB) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	cur, err := d.Version(ctx)
	if err != nil {
		return err
	}
	if cur > len(names) {
		return dyad.Errorf(dyad.ECONFLICT, "database schema %d is newer than this dyad (%d): upgrade dyad", cur, len(names))
	}
	for i, name := range names {
		v := i + 1
		if v <= cur {
			continue
		}
		if err := d.apply(ctx, name, v); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// apply runs one migration file and sets user_version to v.
func (d *DB) apply(ctx context.Context, name string, v int) error {
	b, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var cur int // another process may have migrated while we waited for the lock
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&cur); err != nil {
		return err
	}
	if cur >= v {
		return nil
	}
	if _, err := tx.ExecContext(ctx, string(b)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(v)); err != nil {
		return err
	}
	return tx.Commit()
}
