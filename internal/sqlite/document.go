package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/dyad-events/dyad"
)

// CreateDocuments stores docs in one transaction, each inside its own
// savepoint: a document is stored with all its sentences and events or not
// at all. A document whose hash, URL or id is already stored is skipped; a
// CodedDocument with Err set is recorded in the errors table. It returns
// how many documents were stored.
func (d *DB) CreateDocuments(ctx context.Context, docs []*dyad.CodedDocument) (int, error) {
	d.wmu.Lock()
	defer d.wmu.Unlock()
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	w, err := newWriter(ctx, tx, d.Now().UTC())
	if err != nil {
		return 0, err
	}
	defer w.close()
	n := 0
	for _, cd := range docs {
		ok, err := w.document(cd)
		if err != nil {
			return 0, err
		}
		if ok {
			n++
		}
	}
	if n > 0 {
		if err := eventsChanged(ctx, tx); err != nil {
			return 0, err
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("commit: %w", err)
	}
	return n, nil
}

// document stores one coded document inside a savepoint and reports
// whether it was new. A failure of the document's own rows is recorded as
// its error; only a failure to record that is returned.
func (w *writer) document(cd *dyad.CodedDocument) (bool, error) {
	if cd.Doc == nil {
		return false, nil
	}
	if cd.Err != nil {
		return false, w.recordError(cd.Doc.ID, cd.Err.Error())
	}
	if _, err := w.tx.ExecContext(w.ctx, "SAVEPOINT doc"); err != nil {
		return false, err
	}
	ok, err := w.insertDocument(cd)
	if err != nil {
		if _, rerr := w.tx.ExecContext(w.ctx, "ROLLBACK TO doc"); rerr != nil {
			return false, rerr
		}
		ok = false
		if rerr := w.recordError(cd.Doc.ID, "store: "+err.Error()); rerr != nil {
			return false, rerr
		}
	}
	_, err = w.tx.ExecContext(w.ctx, "RELEASE doc")
	return ok, err
}

// recordError keeps one input's error; the same error twice is kept once.
func (w *writer) recordError(input, msg string) error {
	_, err := w.tx.ExecContext(w.ctx,
		"INSERT INTO errors (input, message, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
		input, msg, w.now.Format(time.RFC3339))
	return err
}

// FindDocumentByID returns a stored document. Returns ENOTFOUND if there is
// none.
func (d *DB) FindDocumentByID(ctx context.Context, id string) (*dyad.StoredDocument, error) {
	row := d.db.QueryRowContext(ctx, "SELECT "+docColumns+" FROM documents WHERE id = ?", id)
	doc, err := scanDocument(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "document %q not found", id)
	}
	return doc, err
}

// FindDocuments returns the documents matching f in id order, and the
// cursor of the next page.
func (d *DB) FindDocuments(ctx context.Context, f dyad.DocumentFilter) ([]*dyad.StoredDocument, string, error) {
	var where []string
	var args []any
	add := func(cond string, a ...any) { where = append(where, cond); args = append(args, a...) }
	if f.Source != nil {
		add("source = ?", *f.Source)
	}
	if f.From != nil {
		add("date >= ?", *f.From)
	}
	if f.To != nil {
		add("substr(date, 1, 10) <= ?", *f.To)
	}
	if f.HasError != nil {
		if *f.HasError {
			add("error <> ''")
		} else {
			add("error = ''")
		}
	}
	if f.After != "" {
		add("id > ?", f.After)
	}
	limit := pageSize(f.Limit)
	q := "SELECT " + docColumns + " FROM documents" + whereClause(where) + " ORDER BY id LIMIT ?"
	rows, err := d.db.QueryContext(ctx, q, append(args, limit+1)...)
	if err != nil {
		return nil, "", fmt.Errorf("find documents: %w", err)
	}
	defer rows.Close()
	var out []*dyad.StoredDocument
	for rows.Next() {
		doc, err := scanDocument(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, doc)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = out[limit-1].ID
	}
	return out, next, nil
}

const docColumns = "id, hash, url, title, text, date, source, ingested, n_sentences, n_events, error"

// scanDocument reads one row of docColumns.
func scanDocument(s interface{ Scan(...any) error }) (*dyad.StoredDocument, error) {
	var doc dyad.StoredDocument
	var date, ingested string
	err := s.Scan(&doc.ID, &doc.Hash, &doc.URL, &doc.Title, &doc.Text, &date, &doc.Source,
		&ingested, &doc.Sentences, &doc.Events, &doc.Error)
	if err != nil {
		return nil, err
	}
	doc.Date, _ = time.Parse(time.RFC3339, date)
	doc.Ingested, _ = time.Parse(time.RFC3339, ingested)
	return &doc, nil
}

// DocumentKeys returns the hashes, URLs and ids of every stored document.
func (d *DB) DocumentKeys(ctx context.Context) (*dyad.DocumentKeys, error) {
	k := dyad.NewDocumentKeys()
	rows, err := d.db.QueryContext(ctx, "SELECT id, hash, url FROM documents")
	if err != nil {
		return nil, fmt.Errorf("document keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, hash, u string
		if err := rows.Scan(&id, &hash, &u); err != nil {
			return nil, err
		}
		k.Add(id, hash, u)
	}
	return k, rows.Err()
}

// InputError is one input that could not be read, coded or stored.
type InputError struct {
	Input   string
	Message string
	At      time.Time
}

// Errors returns the recorded input errors, oldest first.
func (d *DB) Errors(ctx context.Context) ([]InputError, error) {
	rows, err := d.db.QueryContext(ctx, "SELECT input, message, at FROM errors ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("errors: %w", err)
	}
	defer rows.Close()
	var out []InputError
	for rows.Next() {
		var e InputError
		var at string
		if err := rows.Scan(&e.Input, &e.Message, &at); err != nil {
			return nil, err
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Stats counts what the database holds.
type Stats struct {
	Documents, Sentences, Events, Clusters, Errors int
}

// Stats returns the row counts of the main tables.
func (d *DB) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	err := d.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),
		(SELECT count(*) FROM events), (SELECT count(*) FROM clusters),
		(SELECT count(*) FROM errors)`).Scan(&s.Documents, &s.Sentences, &s.Events, &s.Clusters, &s.Errors)
	return s, err
}
