package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// ClusterState returns the store's count of event writes and whether the
// clusters are behind it: pending from the first document stored or
// recoded after the last re-clustering until ClustersDone records a count
// at least as high. Read it before reading the mentions to cluster.
func (d *DB) ClusterState(ctx context.Context) (changes int64, pending bool, err error) {
	var done int64
	err = d.pool.QueryRow(ctx, "SELECT changes, clustered FROM cluster_state WHERE id = 1").Scan(&changes, &done)
	if err != nil {
		return 0, false, fmt.Errorf("cluster state: %w", err)
	}
	return changes, done < changes, nil
}

// ClustersDone records that the stored clusters cover every event write
// up to changes, a count ClusterState returned before the clustering read
// its mentions. A later write keeps the state pending.
func (d *DB) ClustersDone(ctx context.Context, changes int64) error {
	_, err := d.pool.Exec(ctx, "UPDATE cluster_state SET clustered = greatest(clustered, $1) WHERE id = 1", changes)
	if err != nil {
		return fmt.Errorf("cluster state: %w", err)
	}
	return nil
}

// eventsChanged marks, inside tx, that the clusters are behind the
// events. Writers call it last, after their other rows, so that the one
// row it locks is held only until their commit.
func eventsChanged(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, "UPDATE cluster_state SET changes = changes + 1 WHERE id = 1"); err != nil {
		return fmt.Errorf("cluster state: %w", err)
	}
	return nil
}
