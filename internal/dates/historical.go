package dates

import "time"

// HistoricalDays is how many days before publication the middle of a period
// must be for Historical to call it historical. Two weeks keeps "last week"
// current and makes "last month" historical, as news coders code it ("weeks,
// months or years earlier"): on dev, modality agreement 83.5 -> 84.5 % when
// the middle replaced the period's end.
const HistoricalDays = 14

// Historical reports whether m ended before the publication day of pub and
// its middle is more than HistoricalDays days before it. It is false when
// pub is zero.
func Historical(m Mention, pub time.Time) bool {
	if pub.IsZero() {
		return false
	}
	if !m.End.Before(dayOf(pub)) {
		return false // "this year", "since May": the period runs to the story
	}
	mid := m.Date.Add(m.End.Sub(m.Date) / 2)
	return mid.Before(dayOf(pub).AddDate(0, 0, -HistoricalDays))
}
