package sqlite

import (
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/summary"
)

// The summary tables of migration 0004, kept by triggers in the
// transaction that writes the events, answer a call instead of the events
// when its filter asks only what they hold:
//
//   - event_days: dates only (counts and series of the whole archive);
//   - event_dyad_days: dates, and Source, Target or Actor given as a
//     three-letter root (Undirected or not). Its columns source_root,
//     target_root and date are named as in events, so eventCond's WHERE
//     clause (alias e) applies to it unchanged;
//   - event_root_days: dates and one root on one side (Source or Target)
//     or either (Actor): one actor's series reads a row a day, where
//     event_dyad_days holds a row a day for each of its partners;
//   - event_actor_months and event_pair_months: dates only, for top
//     actors and dyads: whole months from them, the days of a month cut
//     by from or to from the events (rangeParts).

// summaryFor returns the summary table that answers counts and series
// for f exactly, with its WHERE clause (alias e), or "" when none does.
func summaryFor(f dyad.EventFilter) (string, *cond, error) {
	table, role, root := summary.Table(f)
	if table == "" {
		return "", nil, nil
	}
	if table == "event_root_days" {
		c := &cond{}
		if err := dateCond(c, f.From, ">="); err != nil {
			return "", nil, err
		}
		if err := dateCond(c, f.To, "<="); err != nil {
			return "", nil, err
		}
		c.add("e.role = ? AND e.root = ?", role, root)
		return table, c, nil
	}
	c, err := eventCond(f)
	if err != nil {
		return "", nil, err
	}
	return table, c, nil
}

// rangeParts splits the dates from–to (inclusive; nil is open) into the
// months a monthly summary answers, lo to hi inclusive ("all" when the
// range is open at both ends; ok is false for none), and the days
// (inclusive pairs) at either end that the events must answer.
func rangeParts(from, to *string) (lo, hi string, ok bool, days [][2]string) {
	if from == nil && to == nil {
		return "all", "all", true, nil
	}
	if from != nil && to != nil && *from > *to {
		return "", "", false, nil
	}
	lo, hi = "", "9999-12" // '' is the month of undated events; "all" sorts after 9999-12
	if from != nil && to != nil && (*from)[:7] == (*to)[:7] {
		t, _ := time.Parse(time.DateOnly, *to)
		if last := time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC); !strings.HasSuffix(*from, "-01") || t.Day() != last.Day() {
			return "", "", false, [][2]string{{*from, *to}} // within one month
		}
	}
	if from != nil {
		t, _ := time.Parse(time.DateOnly, *from)
		lo = t.Format("2006-01")
		if t.Day() != 1 {
			next := time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC)
			days = append(days, [2]string{*from, next.AddDate(0, 0, -1).Format(time.DateOnly)})
			lo = next.Format("2006-01")
		}
	}
	if to != nil {
		t, _ := time.Parse(time.DateOnly, *to)
		hi = t.Format("2006-01")
		if last := time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC); t.Day() != last.Day() {
			days = append(days, [2]string{t.Format("2006-01") + "-01", *to})
			hi = t.AddDate(0, 0, -t.Day()).Format("2006-01")
		}
	}
	return lo, hi, lo <= hi, days
}

// monthsUnion returns the SQL of rows (cols…) from a monthly summary
// table over the range from–to and, for the days at either end, the rows
// of each of sels (SELECTs of the same columns, without FROM, on events
// e, each followed by its extra condition), with their arguments.
func monthsUnion(table, cols string, from, to *string, sels ...[2]string) (string, []any) {
	lo, hi, ok, days := rangeParts(from, to)
	var parts []string
	var args []any
	if ok {
		parts = append(parts, "SELECT "+cols+" FROM "+table+" WHERE month >= ? AND month <= ?")
		args = append(args, lo, hi)
	}
	for _, d := range days {
		for _, s := range sels {
			parts = append(parts, s[0]+" FROM events e WHERE e.date >= ? AND e.date <= ?"+s[1])
			args = append(args, d[0], d[1])
		}
	}
	if len(parts) == 0 { // from after to
		return "SELECT " + cols + " FROM " + table + " WHERE 0", nil
	}
	return strings.Join(parts, " UNION ALL "), args
}
