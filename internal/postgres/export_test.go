package postgres

import (
	"time"

	"github.com/dyad-events/dyad"
)

// SetDirect makes d read the events for every call, never the summaries,
// so that tests can compare the two answers.
func (d *DB) SetDirect(direct bool) { d.direct = direct }

// SetCommonHits sets how many matching sentences make a word common, so
// that a small store can take the common word's path.
func (d *DB) SetCommonHits(n int) { d.commonHits = n }

// PageSQL returns the statement and arguments of the first window of
// FindEvents's page for f, as FindEvents runs it, over the window of
// February 2020.
func (d *DB) PageSQL(f dyad.EventFilter) (string, []any, error) {
	c, err := eventCond(f)
	if err != nil {
		return "", nil, err
	}
	if err := afterCond(c, "e", "day", f.After, f.Desc); err != nil {
		return "", nil, err
	}
	c.add("e.day >= ? AND e.day < ?", time.Date(2020, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC))
	return pageQuery(c, pageSize(f.Limit)+1, f.Desc), c.args, nil
}

// SetWords lets (or, false, forbids) FindEvents read a word's events from
// event_words, so that tests can compare the ways.
func (d *DB) SetWords(on bool) { d.noWords = !on }
