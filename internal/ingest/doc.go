// Package ingest implements the readers that turn input files into
// dyad.Documents: plain text (the first line may be a headline) and JSONL
// (one story per line).
//
// Readers never stop at a bad record. Each yields a document or an error
// that names the place (file, line, field); the caller records the error and
// goes on with the next record.
package ingest
