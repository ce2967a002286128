package postgres

// SetDirect makes d read the events for every call, never the summaries,
// so that tests can compare the two answers.
func (d *DB) SetDirect(direct bool) { d.direct = direct }

// SetCommonHits sets how many matching sentences make a word common, so
// that a small store can take the common word's path.
func (d *DB) SetCommonHits(n int) { d.commonHits = n }
