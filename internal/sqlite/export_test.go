package sqlite

import (
	"context"
	"fmt"

	"github.com/dyad-events/dyad"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// SetLoadSummaryRows sets how many summary rows a load holds in memory,
// so that a small load writes them more than once; it returns the undo.
func SetLoadSummaryRows(n int) func() {
	old := loadSummaryRows
	loadSummaryRows = n
	return func() { loadSummaryRows = old }
}

// TopDyadsRange is TopDyads' bounded answer for a long range; ok is false
// where TopDyads would sum the whole range instead.
func (d *DB) TopDyadsRange(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.DyadCount, bool, error) {
	return d.topDyadsRange(ctx, f, limit)
}

// SQLite counts its memory only when told to before it starts, which a
// test binary's init does before any test opens a store (modernc builds
// it with SQLITE_DEFAULT_MEMSTATUS=0).
func init() {
	tls := libc.NewTLS()
	defer tls.Close()
	va := libc.Xmalloc(tls, 8)
	defer libc.Xfree(tls, va)
	if rc := lib.Xsqlite3_config(tls, lib.SQLITE_CONFIG_MEMSTATUS, libc.VaList(va, int32(1))); rc != lib.SQLITE_OK {
		panic(fmt.Sprintf("sqlite3_config(SQLITE_CONFIG_MEMSTATUS): %d", rc))
	}
}

// MemoryHighwater returns the most memory SQLite has held since the last
// call, in bytes, across the process's connections, and starts counting
// again from what it holds now.
func MemoryHighwater() int64 {
	tls := libc.NewTLS()
	defer tls.Close()
	return int64(lib.Xsqlite3_memory_highwater(tls, 1))
}

// OpenWriterCache is OpenWriter with a page cache of cache bytes.
func OpenWriterCache(ctx context.Context, path string, cache int64) (*DB, error) {
	set := writerSettings
	set.cache = cache
	return openMigrated(ctx, path, set)
}

// EventKey is the SQL of an events_fts rowid for the SQL expressions of
// an event's date and id (filter.go).
var EventKey = eventKey
