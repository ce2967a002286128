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

// partitionName is the name of the events partition holding day's month.
func partitionName(day time.Time) string {
	return fmt.Sprintf("events_p%04d%02d", day.Year(), int(day.Month()))
}

// ensurePartitions creates the monthly partitions of events that the days
// need and that do not exist yet, in a transaction of their own under the
// advisory lock (creating a partition locks the parent table briefly).
func (d *DB) ensurePartitions(ctx context.Context, days map[time.Time]bool) error {
	months := map[string]time.Time{}
	d.mu.Lock()
	for day := range days {
		first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
		if name := partitionName(first); !d.parts[name] {
			months[name] = first
		}
	}
	d.mu.Unlock()
	if len(months) == 0 {
		return nil
	}
	err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLock); err != nil {
			return err
		}
		for name, first := range months {
			if err := createPartition(ctx, tx, name, first); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("partitions: %w", err)
	}
	d.mu.Lock()
	for name := range months {
		d.parts[name] = true
	}
	d.mu.Unlock()
	return nil
}
