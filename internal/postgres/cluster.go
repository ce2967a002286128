package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/cluster"
)

// ReplaceClusters replaces every stored cluster with cs, in one
// transaction, and points each listed event at its cluster. Cluster ids
// are assigned in order from 1.
func (d *DB) ReplaceClusters(ctx context.Context, cs []*dyad.Cluster) error {
	_, err := d.replaceClusters(ctx, cs, -1)
	return err
}

// errLaterClusters rolls back a clustering older than the stored one.
var errLaterClusters = errors.New("a later clustering is stored")

// ReplaceClustersAt is ReplaceClusters for clusters made from the mentions
// read after ClusterState returned changes: in the same transaction it
// records them done up to changes, as ClustersDone does, unless clusters
// from a later read were recorded since. Then it changes nothing and
// returns false, so that of two re-clusterings at once (workers, two
// ingests) the older never replaces the newer. The state row is locked
// last, only until the commit, as writers of events lock it.
func (d *DB) ReplaceClustersAt(ctx context.Context, cs []*dyad.Cluster, changes int64) (bool, error) {
	ok, err := d.replaceClusters(ctx, cs, changes)
	if errors.Is(err, errLaterClusters) {
		return false, nil
	}
	return ok, err
}

// replaceClusters replaces the clusters and, when changes >= 0, records
// them done up to changes if no later clustering was.
func (d *DB) replaceClusters(ctx context.Context, cs []*dyad.Cluster, changes int64) (bool, error) {
	var crows [][]any
	var eids []string
	var cids []int64
	for i, c := range cs {
		c.ID = int64(i + 1)
		var place *string
		if c.Place != nil {
			b, err := json.Marshal(c.Place)
			if err != nil {
				return false, fmt.Errorf("cluster %d: %w", c.ID, err)
			}
			s := string(b)
			place = &s
		}
		crows = append(crows, []any{c.ID, eventDay(c.Date), eventDay(c.LastDate), c.Source, c.Target, c.CAMEO, c.Root,
			int16(c.QuadClass), float32(c.Goldstein), place, int32(c.Mentions), int32(c.Documents), int32(c.Sources)})
		for _, id := range c.EventIDs {
			eids, cids = append(eids, id), append(cids, c.ID)
		}
	}
	err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		for _, q := range []string{"UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL", "DELETE FROM clusters"} {
			if _, err := tx.Exec(ctx, q); err != nil {
				return err
			}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"clusters"}, []string{"id", "date", "last_date", "source", "target",
			"cameo", "root", "quad", "goldstein", "place", "mentions", "documents", "sources"}, pgx.CopyFromRows(crows)); err != nil {
			return err
		}
		// Join through event_keys so that each update finds its partition.
		_, err := tx.Exec(ctx, `UPDATE events e SET cluster_id = u.cid
			FROM unnest($1::text[], $2::bigint[]) AS u(eid, cid) JOIN event_keys k ON k.event_id = u.eid
			WHERE e.event_id = u.eid AND e.day = k.day`, eids, cids)
		if err != nil || changes < 0 {
			return err
		}
		tag, err := tx.Exec(ctx, "UPDATE cluster_state SET clustered = $1 WHERE id = 1 AND clustered < $1", changes)
		if err == nil && tag.RowsAffected() == 0 {
			err = errLaterClusters
		}
		return err
	})
	if errors.Is(err, errLaterClusters) {
		return false, err
	}
	if err != nil {
		return false, fmt.Errorf("replace clusters: %w", err)
	}
	return true, nil
}

const clusterColumns = `c.id, c.date, c.last_date, c.source, c.target, c.cameo, c.root, c.quad, c.goldstein,
	c.place, c.mentions, c.documents, c.sources`

// FindClusterByID returns one cluster with its mention ids. Returns
// ENOTFOUND if there is none.
func (d *DB) FindClusterByID(ctx context.Context, id int64) (*dyad.Cluster, error) {
	cs, err := d.queryClusters(ctx, "SELECT "+clusterColumns+" FROM clusters c WHERE c.id = $1", id)
	if err != nil {
		return nil, fmt.Errorf("find cluster: %w", err)
	}
	if len(cs) == 0 {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "cluster %d not found", id)
	}
	rows, err := d.pool.Query(ctx, "SELECT event_id FROM events WHERE cluster_id = $1 ORDER BY day, id", id)
	if err != nil {
		return nil, fmt.Errorf("find cluster: %w", err)
	}
	if cs[0].EventIDs, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
		return nil, fmt.Errorf("find cluster: %w", err)
	}
	return cs[0], nil
}

// FindClusters returns the clusters having a mention that matches f, in
// (date, id) order, and the cursor of the next page.
func (d *DB) FindClusters(ctx context.Context, f dyad.EventFilter) ([]*dyad.Cluster, string, error) {
	c, err := eventCond(f)
	if err != nil {
		return nil, "", err
	}
	c.add("e.cluster_id IS NOT NULL")
	sub := "SELECT e.cluster_id FROM events e" + c.String()
	c.where = []string{"c.id IN (" + sub + ")"}
	if err := afterCond(c, "c", "date", f.After, false); err != nil {
		return nil, "", err
	}
	limit := pageSize(f.Limit)
	q := "SELECT " + clusterColumns + " FROM clusters c" + c.String() + " ORDER BY c.date, c.id LIMIT " + c.arg(limit+1)
	cs, err := d.queryClusters(ctx, q, c.args...)
	if err != nil {
		return nil, "", fmt.Errorf("find clusters: %w", err)
	}
	next := ""
	if len(cs) > limit {
		cs = cs[:limit]
		last := cs[limit-1]
		next = cursor{day: eventDay(last.Date), id: last.ID}.String()
	}
	return cs, next, nil
}

func (d *DB) queryClusters(ctx context.Context, q string, args ...any) ([]*dyad.Cluster, error) {
	rows, err := d.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*dyad.Cluster
	for rows.Next() {
		var c dyad.Cluster
		var date, last time.Time
		var quad int16
		var gold float32
		var ms, ds, ss int32
		var place *string
		if err := rows.Scan(&c.ID, &date, &last, &c.Source, &c.Target, &c.CAMEO, &c.Root, &quad,
			&gold, &place, &ms, &ds, &ss); err != nil {
			return nil, err
		}
		c.Date, c.LastDate, c.QuadClass, c.Goldstein = dayString(date), dayString(last), int(quad), float64(gold)
		c.Mentions, c.Documents, c.Sources = int(ms), int(ds), int(ss)
		if place != nil {
			c.Place = new(dyad.Place)
			if err := json.Unmarshal([]byte(*place), c.Place); err != nil {
				return nil, errors.New("cluster place: " + err.Error())
			}
		}
		out = append(out, &c)
	}
	return out, rows.Err()
}

// Mentions returns every dated event mention with its outlet, in date
// order, for clustering (as internal/sqlite's Mentions does).
func (d *DB) Mentions(ctx context.Context) ([]cluster.Mention, error) {
	rows, err := d.pool.Query(ctx, "SELECT e.record, e.doc_source FROM events e WHERE e.day > $1 ORDER BY e.day, e.id", undated)
	if err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	defer rows.Close()
	var out []cluster.Mention
	for rows.Next() {
		var rec string
		m := cluster.Mention{Event: new(dyad.Event)}
		if err := rows.Scan(&rec, &m.Outlet); err != nil {
			return nil, fmt.Errorf("mentions: %w", err)
		}
		if err := json.Unmarshal([]byte(rec), m.Event); err != nil {
			return nil, fmt.Errorf("mentions: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Optimize does nothing: PostgreSQL's autovacuum keeps the statistics,
// and an ANALYZE of a large archive after every ingest would cost more
// than it gives. It is here so that ingest can treat both stores alike.
func (d *DB) Optimize(ctx context.Context) error { return nil }
