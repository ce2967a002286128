package postgres

import (
	"context"
	"fmt"

	"github.com/dyad-events/dyad"
)

// EventMetas returns the metadata of the events with the given ids. Each
// event is found through event_keys, so only its own month's partition
// is read.
func (d *DB) EventMetas(ctx context.Context, ids []string) (map[string]dyad.EventMeta, error) {
	out := make(map[string]dyad.EventMeta, len(ids))
	rows, err := d.pool.Query(ctx, `SELECT e.event_id, coalesce(c.id, 0), coalesce(c.mentions, 1), coalesce(c.sources, 1),
		coalesce(c.documents, 1), d.url, d.source, d.ingested
		FROM event_keys k JOIN events e ON e.day = k.day AND e.event_id = k.event_id
		JOIN documents d ON d.id = e.doc_id LEFT JOIN clusters c ON c.id = e.cluster_id
		WHERE k.event_id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("event metadata: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var m dyad.EventMeta
		var mentions, sources, docs int32
		if err := rows.Scan(&id, &m.ClusterID, &mentions, &sources, &docs, &m.URL, &m.Outlet, &m.Ingested); err != nil {
			return nil, fmt.Errorf("event metadata: %w", err)
		}
		m.Mentions, m.Sources, m.Documents = int(mentions), int(sources), int(docs)
		out[id] = m
	}
	return out, rows.Err()
}
