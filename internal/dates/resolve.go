package dates

import (
	"time"
)

// resolveItem turns an absolute item into a period, choosing a missing year
// from the publication date: the most recent such day or month on or before
// publication, or, when fut, the first on or after it.
func (p *parser) resolveItem(it item, fut bool) (period, bool) {
	if !it.ranged {
		return p.resolveFields(it.a, fut)
	}
	return p.resolveRange(it.a, it.b, fut)
}

func (p *parser) resolveFields(f fields, fut bool) (period, bool) {
	m := time.Month(f.m)
	switch {
	case f.decade:
		last := f.y + 9
		if f.y%100 == 0 && f.y < 2000 { // "the 1800s" is a century; "the 2000s" a decade
			last = f.y + 99
		}
		return period{from: day(f.y, 1, 1), to: day(last, 12, 31), prec: yearPeriod(f.y, false).prec}, true
	case f.y > 0 && f.m > 0 && f.d > 0:
		if !validDay(f.y, m, f.d) {
			return period{}, false
		}
		return dayPeriod(day(f.y, m, f.d), false), true
	case f.y > 0 && f.m > 0:
		return monthPeriod(f.y, m, false), true
	case f.y > 0 && f.d == 0:
		return yearPeriod(f.y, false), true
	case p.pub.IsZero():
		return period{}, false
	case f.m > 0 && f.d > 0:
		y := p.pub.Year()
		t := day(y, m, f.d)
		if fut && t.Before(p.pub) {
			y++
		} else if !fut && t.After(p.pub) {
			y--
		}
		if !validDay(y, m, f.d) {
			return period{}, false
		}
		return dayPeriod(day(y, m, f.d), true), true
	case f.m > 0:
		y, pm := p.pub.Year(), p.pub.Month()
		if fut && m < pm {
			y++
		} else if !fut && m > pm {
			y--
		}
		return monthPeriod(y, m, true), true
	}
	return period{}, false
}

// resolveRange resolves "5 to 7 September", "March to May 2016": the first
// half borrows the month and year it lacks from the second, and two halves
// without a year fall in the same year (or the next, when the second comes
// earlier in the calendar).
func (p *parser) resolveRange(a, b fields, fut bool) (period, bool) {
	if a.decade != b.decade {
		return period{}, false
	}
	if a.d > 0 && a.m == 0 {
		a.m = b.m
	}
	if a.m > 0 && a.y == 0 {
		a.y = b.y
	}
	if b.d > 0 && b.m == 0 {
		b.m, b.y = a.m, a.y
	}
	if (a.m == 0) != (b.m == 0) && a.d == 0 && b.d == 0 {
		return period{}, false // "between 2010 and May" is not a range we read
	}
	pa, ok := p.resolveFields(a, fut)
	if !ok {
		return period{}, false
	}
	if b.y == 0 && b.m > 0 {
		b.y = pa.from.Year()
		if pb, ok := p.resolveFields(b, fut); ok && pb.to.Before(pa.from) {
			b.y++
		}
	}
	pb, ok := p.resolveFields(b, fut)
	if !ok || pb.to.Before(pa.from) {
		return period{}, false
	}
	prec := pa.prec
	if precRank(pb.prec) > precRank(prec) {
		prec = pb.prec
	}
	return period{from: pa.from, to: pb.to, prec: prec, rel: pa.rel || pb.rel}, true
}

// rangeFrom matches "between X and Y" and "from X to Y" (also "until",
// "through", "till" and a dash), where X and Y are absolute dates and X may
// be a bare day ("from 5 to 7 September").
func (p *parser) rangeFrom(i int) (period, int, bool) {
	a, ok := p.absolute(i+1, true)
	if !ok || a.ranged {
		return period{}, i, false
	}
	j := a.next
	if j >= len(p.toks) {
		return period{}, i, false
	}
	switch c := p.toks[j].text; {
	case p.toks[i].lower == "between" && p.toks[j].lower == "and":
	case p.toks[i].lower == "from" && (c == "-" || c == "–" || c == "—"):
	case p.toks[i].lower == "from":
		switch p.toks[j].lower {
		case "to", "until", "till", "through", "thru":
		default:
			return period{}, i, false
		}
	default:
		return period{}, i, false
	}
	b, ok := p.absolute(j+1, true)
	if !ok || b.ranged || b.a.m == 0 && b.a.y == 0 && (b.a.d == 0 || a.a.m == 0) {
		return period{}, i, false
	}
	per, ok := p.resolveRange(a.a, b.a, p.future(i))
	return per, b.next, ok
}
