// Package sqlite implements dyad's EventStore and DocumentStore on an
// embedded SQLite database (pure Go, no cgo).
//
// The schema is versioned by PRAGMA user_version and migrated forward from
// the embedded migrations/*.sql files when a database is opened. The
// database runs in WAL mode: readers do not block the writer, and a process
// killed at any moment leaves the file intact, with every document either
// fully stored or absent.
package sqlite
