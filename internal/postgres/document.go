package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-events/dyad"
)

const docColumns = "id, hash, url, title, text, date, source, ingested, n_sentences, n_events, error"

// FindDocumentByID returns a stored document. Returns ENOTFOUND if there is
// none.
func (d *DB) FindDocumentByID(ctx context.Context, id string) (*dyad.StoredDocument, error) {
	doc, err := scanDocument(d.pool.QueryRow(ctx, "SELECT "+docColumns+" FROM documents WHERE id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "document %q not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("find document: %w", err)
	}
	return doc, nil
}

// FindDocuments returns the documents matching f in id order, and the
// cursor of the next page.
func (d *DB) FindDocuments(ctx context.Context, f dyad.DocumentFilter) ([]*dyad.StoredDocument, string, error) {
	c := &cond{}
	if f.Source != nil {
		c.add("source = ?", *f.Source)
	}
	if f.From != nil {
		t, err := parseDay(*f.From)
		if err != nil {
			return nil, "", err
		}
		c.add("date >= ?", t)
	}
	if f.To != nil {
		t, err := parseDay(*f.To)
		if err != nil {
			return nil, "", err
		}
		c.add("date < ?", t.AddDate(0, 0, 1))
	}
	if f.HasError != nil {
		if *f.HasError {
			c.add("error <> ''")
		} else {
			c.add("error = ''")
		}
	}
	if f.After != "" {
		c.add("id > ?", f.After)
	}
	limit := pageSize(f.Limit)
	q := "SELECT " + docColumns + " FROM documents" + c.String() + " ORDER BY id LIMIT " + c.arg(limit+1)
	rows, err := d.pool.Query(ctx, q, c.args...)
	if err != nil {
		return nil, "", fmt.Errorf("find documents: %w", err)
	}
	defer rows.Close()
	var out []*dyad.StoredDocument
	for rows.Next() {
		doc, err := scanDocument(rows)
		if err != nil {
			return nil, "", fmt.Errorf("find documents: %w", err)
		}
		out = append(out, doc)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("find documents: %w", err)
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = out[limit-1].ID
	}
	return out, next, nil
}

// scanDocument reads one row of docColumns.
func scanDocument(s pgx.Row) (*dyad.StoredDocument, error) {
	var doc dyad.StoredDocument
	var date *time.Time
	var ns, ne int32
	err := s.Scan(&doc.ID, &doc.Hash, &doc.URL, &doc.Title, &doc.Text, &date, &doc.Source,
		&doc.Ingested, &ns, &ne, &doc.Error)
	if err != nil {
		return nil, err
	}
	if date != nil {
		doc.Date = date.UTC()
	}
	doc.Ingested = doc.Ingested.UTC()
	doc.Sentences, doc.Events = int(ns), int(ne)
	return &doc, nil
}

// InputError is one input that could not be read, coded or stored.
type InputError struct {
	Input   string
	Message string
	At      time.Time
}

// Errors returns the recorded input errors, oldest first.
func (d *DB) Errors(ctx context.Context) ([]InputError, error) {
	rows, err := d.pool.Query(ctx, "SELECT input, message, at FROM errors ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("errors: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByPos[InputError])
	if err != nil {
		return nil, fmt.Errorf("errors: %w", err)
	}
	return out, nil
}

// Stats counts what the database holds.
type Stats struct {
	Documents, Sentences, Events, Clusters, Errors int
}

// Stats returns the row counts of the main tables (exact counts: slow on
// a large archive).
func (d *DB) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	err := d.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),
		(SELECT count(*) FROM events), (SELECT count(*) FROM clusters),
		(SELECT count(*) FROM errors)`).Scan(&s.Documents, &s.Sentences, &s.Events, &s.Clusters, &s.Errors)
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}

// DocumentKeys returns the hashes, URLs and ids of every stored document.
func (d *DB) DocumentKeys(ctx context.Context) (*dyad.DocumentKeys, error) {
	k := dyad.NewDocumentKeys()
	rows, err := d.pool.Query(ctx, "SELECT id, hash, url FROM documents")
	if err != nil {
		return nil, fmt.Errorf("document keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, hash, u string
		if err := rows.Scan(&id, &hash, &u); err != nil {
			return nil, fmt.Errorf("document keys: %w", err)
		}
		k.Add(id, hash, u)
	}
	return k, rows.Err()
}
