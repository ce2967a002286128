package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/dyad-events/dyad"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrationLock is the advisory lock key under which migrations and
// partition creation run, so that workers starting together take turns.
const migrationLock = 0x647961640001 // "dyad" 1

// DB is an open dyad database on a PostgreSQL server. It is safe for
// concurrent use by many goroutines and many processes.
type DB struct {
	pool *pgxpool.Pool

	mu    sync.Mutex
	parts map[string]bool // partitions known to exist, by name
	span  string          // what one partition holds: spanMonth or spanYear (0008)

	// Now returns the time stamped on new rows; tests replace it.
	Now func() time.Time

	// direct makes every call read the events, never the summaries:
	// tests compare the two.
	direct bool

	commonHits int  // a word matching this many sentences is common (textForm)
	noWords    bool // tests: never read a word's events from event_words
}

// useSummaries reports whether a call whose filter the summaries serve
// (serves) should read them.
func (d *DB) useSummaries(serves bool) bool { return serves && !d.direct }

var (
	_ dyad.EventStore    = (*DB)(nil)
	_ dyad.DocumentStore = (*DB)(nil)
)

// IsDSN reports whether s names a PostgreSQL database (a postgres:// or
// postgresql:// URL) rather than a SQLite file.
func IsDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database dsn (a postgres:// URL or key=value
// string; search_path may pick the schema) and migrates it to the current
// schema.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "bad database address: %v", err)
	}
	// JIT compiles a plan over many partitions for seconds (the planner
	// costs every partition before pruning) to save milliseconds; off,
	// unless the address sets it.
	if _, ok := cfg.ConnConfig.RuntimeParams["jit"]; !ok {
		cfg.ConnConfig.RuntimeParams["jit"] = "off"
	}
	// Planning a statement over a hundred monthly partitions costs some
	// 50–200 ms, against a millisecond or two to run it. pgx prepares each
	// statement once per connection; with a generic plan the server plans
	// it once too and prunes the partitions when it runs (the dates are
	// parameters). Statements whose best plan depends on a value take
	// different SQL (a common word, a summary) rather than a custom plan.
	if _, ok := cfg.ConnConfig.RuntimeParams["plan_cache_mode"]; !ok {
		cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_generic_plan"
	}
	// Parallel workers cost more to start than the API's statements take,
	// and ten clients already share the cores.
	if _, ok := cfg.ConnConfig.RuntimeParams["max_parallel_workers_per_gather"]; !ok {
		cfg.ConnConfig.RuntimeParams["max_parallel_workers_per_gather"] = "0"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	d := &DB{pool: pool, parts: map[string]bool{}, Now: time.Now, commonHits: commonHits}
	if err := d.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("migrate: %w", err)
	}
	if err := d.partitionSpan(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open: %w", err)
	}
	return d, nil
}

// Close closes every connection.
func (d *DB) Close() error { d.pool.Close(); return nil }

// Pool returns the underlying connection pool, for tools and tests.
func (d *DB) Pool() *pgxpool.Pool { return d.pool }

// Version returns the schema version of the database.
func (d *DB) Version(ctx context.Context) (int, error) {
	var v int
	err := d.pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM dyad_migrations").Scan(&v)
	return v, err
}

// migrate applies, in order and each in its own transaction, every
// embedded migration newer than the database's version.
func (d *DB) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	return pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLock); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS dyad_migrations (
			version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
			return err
		}
		var cur int
		if err := tx.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM dyad_migrations").Scan(&cur); err != nil {
			return err
		}
		if cur > len(names) {
			return dyad.Errorf(dyad.ECONFLICT, "database schema %d is newer than this dyad (%d): upgrade dyad", cur, len(names))
		}
		for i, name := range names[cur:] {
			b, err := migrations.ReadFile(name)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, string(b)); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if _, err := tx.Exec(ctx, "INSERT INTO dyad_migrations (version, name) VALUES ($1, $2)", cur+i+1, name); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		return nil
	})
}
