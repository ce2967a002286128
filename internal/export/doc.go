// Package export implements the writers of coded events: JSONL (the event
// record of docs/FORMAT.md) and a readable TSV table.
package export
