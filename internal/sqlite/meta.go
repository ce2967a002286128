package sqlite

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// EventMetas returns the metadata of the events with the given ids.
func (d *DB) EventMetas(ctx context.Context, ids []string) (map[string]dyad.EventMeta, error) {
	out := make(map[string]dyad.EventMeta, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), 500)
		q := `SELECT e.event_id, coalesce(c.id, 0), coalesce(c.mentions, 1), coalesce(c.sources, 1),
			coalesce(c.documents, 1), d.url, d.source, d.ingested, d.title, d.date,
			coalesce(s.idx, -1), coalesce(s.start, -1), instr(CAST(d.text AS BLOB), x'0a')
			FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN clusters c ON c.id = e.cluster_id
			LEFT JOIN sentences s ON s.id = e.sentence_id
			WHERE e.event_id IN (?` + strings.Repeat(", ?", n-1) + ")"
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		if err := d.scanMetas(ctx, q, args, out); err != nil {
			return nil, fmt.Errorf("event metadata: %w", err)
		}
		ids = ids[n:]
	}
	return out, nil
}

func (d *DB) scanMetas(ctx context.Context, q string, args []any, out map[string]dyad.EventMeta) error {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, ingested, published string
		var idx, start, brk int
		var m dyad.EventMeta
		if err := rows.Scan(&id, &m.ClusterID, &m.Mentions, &m.Sources, &m.Documents, &m.URL, &m.Outlet, &ingested,
			&m.Title, &published, &idx, &start, &brk); err != nil {
			return err
		}
		m.Ingested, _ = time.Parse(time.RFC3339, ingested)
		m.Published, _ = time.Parse(time.RFC3339, published)
		m.Lead = dyad.InLead(idx, start, brk-1)
		out[id] = m
	}
	return rows.Err()
}
