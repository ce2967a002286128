package dates

import "time"

// HistoricalDays is how many days before publication a period must end for
// Historical to call it historical. Two weeks keeps "last week" current and
// makes "last month" historical only when the month ended well before.
const HistoricalDays = 14

// Historical reports whether m ends more than HistoricalDays days before
// the publication day of pub. It is false when pub is zero.
func Historical(m Mention, pub time.Time) bool {
	if pub.IsZero() {
		return false
	}
	return m.End.Before(dayOf(pub).AddDate(0, 0, -HistoricalDays))
}
