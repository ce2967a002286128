// Package places implements dyad's gazetteer and the rules that tell where
// an event happened.
//
// The gazetteer is compiled from reference data by ./internal/gen (go
// generate) and embedded, gzip-compressed: 250 countries with centroids and
// alternative names, first-level regions where the data give a position, and
// the 24,000 GeoNames places of 15,000 people or more with their GeoNames
// ids. Default loads it once and is safe for concurrent use.
//
// Find lists the place names in a text (longest match, capitalised, with a
// stop list of names that are also common words); Resolve picks one
// candidate using the story's countries as a prior; Dateline reads a
// story's dateline; EventPlace applies the event-place rule: a place
// introduced by "in", "at", "near" … in the event's clause, else the
// dateline, else none. docs/DATES_PLACES.md lists the rules and known gaps.
package places

//go:generate go run ./internal/gen
