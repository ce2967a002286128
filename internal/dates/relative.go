package dates

import (
	"time"

	"github.com/dyad-events/dyad"
)

// relative matches expressions resolved against the publication date:
// "today", "yesterday", "last week", "earlier this month", "the past
// year", "over the weekend", "last Thursday", "next September".
func (p *parser) relative(i int) (period, int, bool) {
	if p.pub.IsZero() {
		return period{}, i, false
	}
	pub := p.pub
	switch w := p.toks[i].lower; w {
	case "today", "tonight":
		return dayPeriod(pub, true), i + 1, true
	case "yesterday":
		return dayPeriod(pub.AddDate(0, 0, -1), true), i + 1, true
	case "tomorrow":
		return dayPeriod(pub.AddDate(0, 0, 1), true), i + 1, true
	case "the":
		switch p.wordAt(i + 1) {
		case "past", "last":
			return p.past(i + 2)
		case "coming":
			return p.coming(i + 2)
		case "weekend":
			return p.weekend("", i), i + 2, true
		}
	case "over":
		if p.wordAt(i+1) == "the" && p.wordAt(i+2) == "weekend" {
			return p.weekend("", i), i + 3, true
		}
	case "past":
		return p.past(i + 1)
	case "coming":
		return p.coming(i + 1)
	case "earlier", "later":
		return p.partOfThis(w, i)
	case "last", "next", "this":
		return p.lastNextThis(w, i)
	}
	return period{}, i, false
}

// lastNextThis matches "last week", "next month", "this year", "last
// night", "this morning", "last weekend", "last Thursday", "next May".
func (p *parser) lastNextThis(mod string, i int) (period, int, bool) {
	pub, j := p.pub, i+1
	step := 0
	switch mod {
	case "last":
		step = -1
	case "next":
		step = 1
	}
	switch p.wordAt(j) {
	case "week":
		return weekPeriod(pub.AddDate(0, 0, 7*step), true), j + 1, true
	case "month":
		y, m, _ := pub.Date()
		return monthPeriod(y, m+time.Month(step), true), j + 1, true
	case "year":
		return yearPeriod(pub.Year()+step, true), j + 1, true
	case "weekend":
		return p.weekend(mod, i), j + 1, true
	case "night":
		if mod == "last" {
			return dayPeriod(pub.AddDate(0, 0, -1), true), j + 1, true
		}
		if mod == "this" {
			return dayPeriod(pub, true), j + 1, true
		}
	case "morning", "afternoon", "evening":
		if mod == "this" {
			return dayPeriod(pub, true), j + 1, true
		}
	}
	if per, _, next, ok := p.weekdayAt(j, mod); ok {
		return per, next, true
	}
	if m, next, ok := p.month(j); ok && !p.dayOrYearAt(next) {
		y, pm := pub.Year(), int(pub.Month())
		switch {
		case mod == "last" && m >= pm:
			y--
		case mod == "next" && m <= pm:
			y++
		}
		return monthPeriod(y, time.Month(m), true), next, true
	}
	return period{}, i, false
}

// dayOrYearAt reports whether a day or a year follows, as in "last May 5",
// which is left to the absolute matcher.
func (p *parser) dayOrYearAt(i int) bool {
	_, _, d := p.day(i)
	return d || p.yearLike(i)
}

// partOfThis matches "earlier this week/month/year" (from the start of the
// period to publication), "later this week/month/year" (from publication
// to its end) and "earlier today", "later today".
func (p *parser) partOfThis(w string, i int) (period, int, bool) {
	pub := p.pub
	if p.wordAt(i+1) == "today" {
		return dayPeriod(pub, true), i + 2, true
	}
	if p.wordAt(i+1) != "this" {
		return period{}, i, false
	}
	var per period
	switch p.wordAt(i + 2) {
	case "week":
		per = weekPeriod(pub, true)
	case "month":
		per = monthPeriod(pub.Year(), pub.Month(), true)
	case "year":
		per = yearPeriod(pub.Year(), true)
	default:
		return period{}, i, false
	}
	if w == "earlier" {
		per.to = pub
	} else {
		per.from = pub
	}
	return per, i + 3, true
}

// past matches the unit of "the past week", "past month", "the last year":
// the stretch ending on the publication day.
func (p *parser) past(j int) (period, int, bool) {
	pub := p.pub
	var from time.Time
	var prec dyad.DatePrecision
	switch p.wordAt(j) {
	case "week":
		from, prec = pub.AddDate(0, 0, -6), dyad.PrecisionWeek
	case "month":
		from, prec = pub.AddDate(0, -1, 1), dyad.PrecisionMonth
	case "year":
		from, prec = pub.AddDate(-1, 0, 1), dyad.PrecisionYear
	default:
		return period{}, j, false
	}
	return period{from: from, to: pub, prec: prec, rel: true}, j + 1, true
}

// coming matches the unit of "the coming week" or "coming month": the
// stretch starting the day after publication.
func (p *parser) coming(j int) (period, int, bool) {
	from := p.pub.AddDate(0, 0, 1)
	switch p.wordAt(j) {
	case "week":
		return period{from: from, to: from.AddDate(0, 0, 6), prec: dyad.PrecisionWeek, rel: true}, j + 1, true
	case "month":
		return period{from: from, to: from.AddDate(0, 1, -1), prec: dyad.PrecisionMonth, rel: true}, j + 1, true
	}
	return period{}, j, false
}

// weekend resolves a Saturday–Sunday weekend. With no modifier (or "this")
// it is the most recent one begun on or before publication, or, after a
// future cue, the first one ending on or after it; "last" is the one
// before the current, "next" the one after.
func (p *parser) weekend(mod string, i int) period {
	pub := p.pub
	back := (int(pub.Weekday()) - int(time.Saturday) + 7) % 7 // days since Saturday
	sat := pub.AddDate(0, 0, -back)
	switch {
	case mod == "last":
		if back <= 1 { // published during a weekend
			sat = sat.AddDate(0, 0, -7)
		}
	case mod == "next":
		sat = sat.AddDate(0, 0, 7)
	case p.future(i) && back > 1:
		sat = sat.AddDate(0, 0, 7)
	}
	return period{from: sat, to: sat.AddDate(0, 0, 1), prec: dyad.PrecisionWeek, rel: true}
}

// weekdayAt matches a capitalised weekday at token j ("on Thursday",
// "Thursday's meeting"), possibly followed by the absolute date it names
// ("Thursday, September 9"), which then wins. mod is "last", "next", "this"
// or "".
//
// Without modifier, a weekday is the most recent such day on or before
// publication, unless a future cue precedes it ("will meet on Thursday"):
// then it is the first such day on or after publication. "last Thursday" is
// the most recent strictly before publication, "next Thursday" the first
// strictly after it, "this Thursday" the one in publication's Monday-to-
// Sunday week.
func (p *parser) weekdayAt(j int, mod string) (period, int, int, bool) {
	if j >= len(p.toks) || p.toks[j].kind != tWord || !capitalised(p.toks[j].text) {
		return period{}, 0, 0, false
	}
	wd, ok := weekdays[p.toks[j].lower]
	if !ok {
		return period{}, 0, 0, false
	}
	k := j + 1
	if p.punctAt(k, ",") {
		k++
	}
	if mod == "" {
		if it, ok := p.absolute(k, false); ok && !it.ranged && it.a.d > 0 {
			if per, ok := p.withWeekday(it.a, wd); ok {
				return per, j, it.next, true
			}
			if per, ok := p.resolveItem(it, p.future(j)); ok {
				return per, j, it.next, true
			}
		}
	}
	if p.pub.IsZero() {
		return period{}, 0, 0, false
	}
	pub := p.pub
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	fwd := (7 - back) % 7
	var t time.Time
	switch {
	case mod == "last":
		if back == 0 {
			back = 7
		}
		t = pub.AddDate(0, 0, -back)
	case mod == "next":
		if fwd == 0 {
			fwd = 7
		}
		t = pub.AddDate(0, 0, fwd)
	case mod == "this":
		t = pub.AddDate(0, 0, mondayIndex(wd)-mondayIndex(pub.Weekday()))
	case p.future(j):
		t = pub.AddDate(0, 0, fwd)
	default:
		t = pub.AddDate(0, 0, -back)
	}
	return dayPeriod(t, true), j, j + 1, true
}

// ago matches "three days ago", "2 weeks ago", "a year ago". Weeks keep
// week precision, months month precision (the whole month), years year
// precision (the whole year).
func (p *parser) ago(i int) (period, int, bool) {
	if p.pub.IsZero() || i+2 >= len(p.toks) || p.wordAt(i+2) != "ago" {
		return period{}, i, false
	}
	n, ok := numberWords[p.wordAt(i)]
	if !ok && p.toks[i].kind == tNum && len(p.toks[i].text) <= 3 && !p.inNumber(i) {
		n, ok = atoi(p.toks[i].text), true
	}
	if !ok {
		return period{}, i, false
	}
	pub := p.pub
	switch p.wordAt(i + 1) {
	case "day", "days":
		return dayPeriod(pub.AddDate(0, 0, -n), true), i + 3, true
	case "week", "weeks":
		t := pub.AddDate(0, 0, -7*n)
		return period{from: t, to: t, prec: dyad.PrecisionWeek, rel: true}, i + 3, true
	case "month", "months":
		y, m, _ := pub.Date()
		return monthPeriod(y, m-time.Month(n), true), i + 3, true
	case "year", "years":
		return yearPeriod(pub.Year()-n, true), i + 3, true
	}
	return period{}, i, false
}

// withWeekday resolves a month and day without year that a weekday names
// ("Sunday, Oct. 9"): the year, of the one before publication to the one
// after, in which that day falls on that weekday, nearest publication.
func (p *parser) withWeekday(f fields, wd time.Weekday) (period, bool) {
	if f.y != 0 || f.m == 0 || p.pub.IsZero() {
		return period{}, false
	}
	var best time.Time
	for y := p.pub.Year() - 1; y <= p.pub.Year()+1; y++ {
		if !validDay(y, time.Month(f.m), f.d) {
			continue
		}
		t := day(y, time.Month(f.m), f.d)
		if t.Weekday() == wd && (best.IsZero() || absDays(t.Sub(p.pub)) < absDays(best.Sub(p.pub))) {
			best = t
		}
	}
	if best.IsZero() {
		return period{}, false
	}
	return dayPeriod(best, true), true
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
