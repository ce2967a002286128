// Package postgres implements dyad's event and document stores on
// PostgreSQL, for archives of hundreds of millions of events and many
// analysts querying at once.
//
// It holds the same data and answers the same queries as internal/sqlite
// (both pass internal/storetest). What differs is underneath: documents,
// sentences and events are bulk-loaded with COPY; the events table is
// partitioned by month of the event date, partitions created on first
// use; full-text search uses a GIN index over the sentences; and schema
// migrations are embedded and applied under an advisory lock, so that
// many workers may start at once.
package postgres
