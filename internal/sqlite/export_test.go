package sqlite

import (
	"context"

	"github.com/dyad-events/dyad"
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
