package postgres

// SetDirect makes d read the events for every call, never the summaries,
// so that tests can compare the two answers.
func (d *DB) SetDirect(direct bool) { d.direct = direct }
