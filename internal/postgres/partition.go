package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// undated is the day stored for an event without a date: it sorts before
// every real date, as the empty string does in SQLite, and lives in a
// partition of its own.
var undated = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)

// eventDay parses an event's YYYY-MM-DD date; anything else is undated.
func eventDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return undated
	}
	return t
}

// dayString formats a stored day back into the event's date string.
func dayString(t time.Time) string {
	if t.Year() <= 1 {
		return ""
	}
	return t.Format("2006-01-02")
}

// Spans of a partition (dyad_partitions, 0008).
const (
	spanMonth = "month" // stores made before 0008
	spanYear  = "year"
)

// partitionOf returns the name of the events partition holding day under
// span, and its bounds: the first day it holds and the first it does not.
func partitionOf(span string, day time.Time) (name string, first, next time.Time) {
	if span == spanMonth {
		first = time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
		return fmt.Sprintf("events_p%04d%02d", day.Year(), int(day.Month())), first, first.AddDate(0, 1, 0)
	}
	first = time.Date(day.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	return fmt.Sprintf("events_p%04d", day.Year()), first, first.AddDate(1, 0, 0)
}

// partitionSpan reads the store's span of a partition.
func (d *DB) partitionSpan(ctx context.Context) error {
	return d.pool.QueryRow(ctx, "SELECT span FROM dyad_partitions WHERE id = 1").Scan(&d.span)
}

// ensurePartitions creates the partitions of events that the days need
// and that do not exist yet, in a transaction of their own under the
// advisory lock (creating a partition locks the parent table briefly).
func (d *DB) ensurePartitions(ctx context.Context, days map[time.Time]bool) error {
	type bounds struct{ first, next time.Time }
	missing := map[string]bounds{}
	d.mu.Lock()
	for day := range days {
		if name, first, next := partitionOf(d.span, day); !d.parts[name] {
			missing[name] = bounds{first, next}
		}
	}
	d.mu.Unlock()
	if len(missing) == 0 {
		return nil
	}
	err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLock); err != nil {
			return err
		}
		for name, b := range missing {
			if err := createPartition(ctx, tx, name, b.first, b.next); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("partitions: %w", err)
	}
	d.mu.Lock()
	for name := range missing {
		d.parts[name] = true
	}
	d.mu.Unlock()
	return nil
}
