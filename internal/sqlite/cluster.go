package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/cluster"
)

// Mentions returns every dated event mention with its outlet, in date
// order, for clustering: of the event, its ID, DocID, Date, Source and
// Target code and country, CAMEO and Location.
func (d *DB) Mentions(ctx context.Context) ([]cluster.Mention, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT e.event_id, e.doc_id, e.date, e.source_code, e.source_country,
		e.target_code, e.target_country,
		e.cameo, e.root, e.quad, e.goldstein, e.doc_source, p.name, p.country, p.lat, p.lon
		FROM events e LEFT JOIN places p ON p.event_id = e.id
		WHERE e.date <> '' ORDER BY e.date, e.id`)
	if err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	defer rows.Close()
	var out []cluster.Mention
	for rows.Next() {
		ev := new(dyad.Event)
		var m cluster.Mention
		var pname, pcountry sql.NullString
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&ev.ID, &ev.DocID, &ev.Date, &ev.Source.Code, &ev.Source.Country, &ev.Target.Code, &ev.Target.Country,
			&ev.CAMEO.Code, &ev.CAMEO.Root, &ev.CAMEO.QuadClass, &ev.CAMEO.Goldstein, &m.Outlet,
			&pname, &pcountry, &lat, &lon); err != nil {
			return nil, err
		}
		if pname.Valid {
			ev.Location = &dyad.Place{Name: pname.String, Country: pcountry.String, Lat: lat.Float64, Lon: lon.Float64}
		}
		m.Event = ev
		out = append(out, m)
	}
	return out, rows.Err()
}

// ReplaceClusters replaces every stored cluster with cs, in one
// transaction, and points each listed event at its cluster. Cluster ids
// are assigned in order from 1.
func (d *DB) ReplaceClusters(ctx context.Context, cs []*dyad.Cluster) error {
	_, err := d.replaceClusters(ctx, cs, -1)
	return err
}

// ReplaceClustersAt is ReplaceClusters for clusters made from the mentions
// read after ClusterState returned changes: in the same transaction it
// records them done up to changes, as ClustersDone does, unless clusters
// from a later read were recorded since. Then it changes nothing and
// returns false, so that of two re-clusterings at once (workers, two
// ingests) the older never replaces the newer.
func (d *DB) ReplaceClustersAt(ctx context.Context, cs []*dyad.Cluster, changes int64) (bool, error) {
	return d.replaceClusters(ctx, cs, changes)
}

// replaceClusters replaces the clusters and, when changes >= 0, records
// them done up to changes if no later clustering was.
func (d *DB) replaceClusters(ctx context.Context, cs []*dyad.Cluster, changes int64) (bool, error) {
	d.wmu.Lock()
	defer d.wmu.Unlock()
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if changes >= 0 {
		res, err := tx.ExecContext(ctx, "UPDATE cluster_state SET clustered = ? WHERE id = 1 AND clustered < ?", changes, changes)
		if err != nil {
			return false, fmt.Errorf("cluster state: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return false, nil // a later clustering is stored
		}
	}
	if err := writeClusters(ctx, tx, cs); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// writeClusters replaces the clusters inside tx.
func writeClusters(ctx context.Context, tx *sql.Tx, cs []*dyad.Cluster) error {
	for _, q := range []string{"UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL", "DELETE FROM clusters"} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("clear clusters: %w", err)
		}
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO clusters (id, date, last_date, source, target, cameo, root,
		quad, goldstein, place, mentions, documents, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	upd, err := tx.PrepareContext(ctx, "UPDATE events SET cluster_id = ? WHERE event_id = ?")
	if err != nil {
		return err
	}
	defer upd.Close()
	for i, c := range cs {
		c.ID = int64(i + 1)
		var place any
		if c.Place != nil {
			b, _ := json.Marshal(c.Place)
			place = string(b)
		}
		if _, err := ins.ExecContext(ctx, c.ID, c.Date, c.LastDate, c.Source, c.Target, c.CAMEO, c.Root,
			c.QuadClass, c.Goldstein, place, c.Mentions, c.Documents, c.Sources); err != nil {
			return fmt.Errorf("cluster %d: %w", c.ID, err)
		}
		for _, id := range c.EventIDs {
			if _, err := upd.ExecContext(ctx, c.ID, id); err != nil {
				return fmt.Errorf("cluster %d: %w", c.ID, err)
			}
		}
	}
	return nil
}

const clusterColumns = `c.id, c.date, c.last_date, c.source, c.target, c.cameo, c.root, c.quad, c.goldstein,
	c.place, c.mentions, c.documents, c.sources`

// FindClusterByID returns one cluster with its mention ids. Returns
// ENOTFOUND if there is none.
func (d *DB) FindClusterByID(ctx context.Context, id int64) (*dyad.Cluster, error) {
	cs, err := d.queryClusters(ctx, "SELECT "+clusterColumns+" FROM clusters c WHERE c.id = ?", id)
	if err != nil {
		return nil, fmt.Errorf("find cluster: %w", err)
	}
	if len(cs) == 0 {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "cluster %d not found", id)
	}
	rows, err := d.db.QueryContext(ctx, "SELECT event_id FROM events WHERE cluster_id = ? ORDER BY date, id", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		cs[0].EventIDs = append(cs[0].EventIDs, e)
	}
	return cs[0], rows.Err()
}

// FindClusters returns the clusters having a mention that matches f, in
// (date, id) order, and the cursor of the next page.
func (d *DB) FindClusters(ctx context.Context, f dyad.EventFilter) ([]*dyad.Cluster, string, error) {
	ec, err := eventCond(f)
	if err != nil {
		return nil, "", err
	}
	ec.add("e.cluster_id IS NOT NULL")
	c := &cond{}
	c.add("c.id IN (SELECT e.cluster_id FROM events e"+ec.String()+")", ec.args...)
	if err := afterCond(c, "c", f.After, false); err != nil {
		return nil, "", err
	}
	limit := pageSize(f.Limit)
	q := "SELECT " + clusterColumns + " FROM clusters c" + c.String() + " ORDER BY c.date, c.id LIMIT ?"
	cs, err := d.queryClusters(ctx, q, append(c.args, limit+1)...)
	if err != nil {
		return nil, "", fmt.Errorf("find clusters: %w", err)
	}
	next := ""
	if len(cs) > limit {
		cs = cs[:limit]
		last := cs[limit-1]
		next = eventCursor{date: last.Date, id: last.ID}.String()
	}
	return cs, next, nil
}

func (d *DB) queryClusters(ctx context.Context, q string, args ...any) ([]*dyad.Cluster, error) {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*dyad.Cluster
	for rows.Next() {
		var c dyad.Cluster
		var place sql.NullString
		if err := rows.Scan(&c.ID, &c.Date, &c.LastDate, &c.Source, &c.Target, &c.CAMEO, &c.Root, &c.QuadClass,
			&c.Goldstein, &place, &c.Mentions, &c.Documents, &c.Sources); err != nil {
			return nil, err
		}
		if place.Valid {
			c.Place = new(dyad.Place)
			if err := json.Unmarshal([]byte(place.String), c.Place); err != nil {
				return nil, errors.New("cluster place: " + err.Error())
			}
		}
		out = append(out, &c)
	}
	return out, rows.Err()
}
