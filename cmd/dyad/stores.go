package main

import (
	"context"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/postgres"
	"github.com/dyad-events/dyad/internal/sqlite"
)

// ingestStore is what dyad ingest writes to: a SQLite file or a
// PostgreSQL database, through the wrappers below.
type ingestStore interface {
	CreateDocuments(ctx context.Context, docs []*dyad.CodedDocument) (int, error)
	DocumentKeys(ctx context.Context) (*dyad.DocumentKeys, error)
	clusterStore
	Optimize(ctx context.Context) error
	Close() error
}

// clusterStore is what regrouping mentions into real-world events reads
// and writes.
type clusterStore interface {
	Mentions(ctx context.Context) ([]cluster.Mention, error)
	ClusterState(ctx context.Context) (changes int64, pending bool, err error)
	ReplaceClustersAt(ctx context.Context, cs []*dyad.Cluster, changes int64) (bool, error)
}

// openIngestStore opens (creating it if need be) the SQLite file or the
// PostgreSQL database that db names. A SQLite file is opened as a writer
// (sqlite.OpenWriter: no memory map, a small page cache), which ingest
// and clustering are.
func openIngestStore(ctx context.Context, db string) (ingestStore, error) {
	if postgres.IsDSN(db) {
		st, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "--db: %v", err)
		}
		return st, nil
	}
	st, err := sqlite.OpenWriter(ctx, db)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// recodeStore is what dyad recode reads and rewrites.
type recodeStore interface {
	FindDocuments(ctx context.Context, f dyad.DocumentFilter) ([]*dyad.StoredDocument, string, error)
	FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, string, error)
	ReplaceCoding(ctx context.Context, docID string, sents []dyad.Sentence, evs []dyad.Event) (*dyad.EventDiff, error)
	clusterStore
	Close() error
}

// openRecodeStore opens a PostgreSQL address, or a SQLite file that must
// exist, as a writer (see openIngestStore).
func openRecodeStore(ctx context.Context, db string) (recodeStore, error) {
	if postgres.IsDSN(db) {
		st, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "--db: %v", err)
		}
		return st, nil
	}
	if err := mustExist(db); err != nil {
		return nil, err
	}
	st, err := sqlite.OpenWriter(ctx, db)
	if err != nil {
		return nil, err
	}
	return st, nil
}
