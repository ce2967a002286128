package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/dyad-events/dyad"
)

// EventMetas returns the metadata of the events with the given ids. Each
// event is found through event_keys, so only its own month's partition
// is read.
func (d *DB) EventMetas(ctx context.Context, ids []string) (map[string]dyad.EventMeta, error) {
	out := make(map[string]dyad.EventMeta, len(ids))
	rows, err := d.pool.Query(ctx, `SELECT e.event_id, coalesce(c.id, 0), coalesce(c.mentions, 1), coalesce(c.sources, 1),
		coalesce(c.documents, 1), d.url, d.source, d.ingested, d.title, d.date,
		coalesce(s.idx, -1), coalesce(s.start, -1), position('\x0a'::bytea IN convert_to(d.text, 'UTF8'))
		FROM event_keys k JOIN events e ON e.day = k.day AND e.event_id = k.event_id
		JOIN documents d ON d.id = e.doc_id LEFT JOIN clusters c ON c.id = e.cluster_id
		LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx
		WHERE k.event_id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("event metadata: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var m dyad.EventMeta
		var mentions, sources, docs, idx, start, brk int32
		var published *time.Time
		if err := rows.Scan(&id, &m.ClusterID, &mentions, &sources, &docs, &m.URL, &m.Outlet, &m.Ingested,
			&m.Title, &published, &idx, &start, &brk); err != nil {
			return nil, fmt.Errorf("event metadata: %w", err)
		}
		if published != nil {
			m.Published = *published
		}
		m.Lead = dyad.InLead(int(idx), int(start), int(brk)-1)
		m.Mentions, m.Sources, m.Documents = int(mentions), int(sources), int(docs)
		out[id] = m
	}
	return out, rows.Err()
}
