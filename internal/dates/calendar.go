package dates

import (
	"time"

	"github.com/dyad-events/dyad"
)

// period is a resolved stretch of days, both ends inclusive.
type period struct {
	from, to time.Time
	prec     dyad.DatePrecision
	rel      bool // resolved against the publication date
}

// day returns midnight UTC of the given calendar day; out-of-range values
// are normalised as time.Date does.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dayOf returns midnight UTC of t's calendar day in t's own location.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return day(y, m, d)
}

// daysIn returns the number of days of month m in year y.
func daysIn(y int, m time.Month) int { return day(y, m+1, 0).Day() }

// validDay reports whether y-m-d is a real calendar day.
func validDay(y int, m time.Month, d int) bool {
	return m >= time.January && m <= time.December && d >= 1 && d <= daysIn(y, m)
}

func dayPeriod(t time.Time, rel bool) period {
	return period{from: t, to: t, prec: dyad.PrecisionDay, rel: rel}
}

func monthPeriod(y int, m time.Month, rel bool) period {
	return period{from: day(y, m, 1), to: day(y, m, daysIn(y, m)), prec: dyad.PrecisionMonth, rel: rel}
}

func yearPeriod(y int, rel bool) period {
	return period{from: day(y, 1, 1), to: day(y, 12, 31), prec: dyad.PrecisionYear, rel: rel}
}

// weekPeriod returns the Monday-to-Sunday week holding t.
func weekPeriod(t time.Time, rel bool) period {
	mon := t.AddDate(0, 0, -mondayIndex(t.Weekday()))
	return period{from: mon, to: mon.AddDate(0, 0, 6), prec: dyad.PrecisionWeek, rel: rel}
}

// mondayIndex numbers weekdays from Monday (0) to Sunday (6).
func mondayIndex(w time.Weekday) int { return (int(w) + 6) % 7 }

// precRank orders precisions from finest to coarsest.
func precRank(p dyad.DatePrecision) int {
	switch p {
	case dyad.PrecisionDay:
		return 0
	case dyad.PrecisionWeek:
		return 1
	case dyad.PrecisionMonth:
		return 2
	}
	return 3
}

// narrow applies "early", "mid" or "late" to a month, year or decade.
func narrow(p period, mod string) period {
	switch p.prec {
	case dyad.PrecisionMonth:
		y, m, _ := p.from.Date()
		switch mod {
		case "early":
			p.to = day(y, m, 10)
		case "mid":
			p.from, p.to = day(y, m, 11), day(y, m, 20)
		case "late":
			p.from = day(y, m, 21)
		}
	case dyad.PrecisionYear:
		y0, y1 := p.from.Year(), p.to.Year()
		if y1 > y0 { // a decade: thirds of ten years
			switch mod {
			case "early":
				p.to = day(y0+3, 12, 31)
			case "mid":
				p.from, p.to = day(y0+4, 1, 1), day(y0+6, 12, 31)
			case "late":
				p.from = day(y0+7, 1, 1)
			}
			return p
		}
		switch mod {
		case "early":
			p.to = day(y0, 4, 30)
		case "mid":
			p.from, p.to = day(y0, 5, 1), day(y0, 8, 31)
		case "late":
			p.from = day(y0, 9, 1)
		}
	}
	return p
}
