package dates

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// fields are the parts of a date as written; zero means absent.
type fields struct {
	y, m, d int
	decade  bool // y is the first year of a decade ("the 1990s")
}

// item is an absolute date as written, possibly a range inside one
// expression ("5-7 September", "September 5-7").
type item struct {
	a, b   fields // b is set when ranged
	ranged bool
	next   int // the token after the item
}

// absolute matches an absolute date at token i. bare allows a month or year
// standing alone without a context word, and a bare day number (for the
// first half of a range); the caller has checked the context.
func (p *parser) absolute(i int, bare bool) (item, bool) {
	if i >= len(p.toks) {
		return item{}, false
	}
	if p.toks[i].kind == tNum {
		return p.dayFirst(i, bare)
	}
	return p.monthFirst(i, bare)
}

// dayFirst matches "9 September", "9th of Sept. 2016", "5-7 September",
// a decade ("1990s") or a year in context ("in 2008").
func (p *parser) dayFirst(i int, bare bool) (item, bool) {
	if y, next, ok := p.decade(i); ok {
		return item{a: fields{y: y, decade: true}, next: next}, true
	}
	if y, next, ok := p.bareYear(i, bare); ok {
		return item{a: fields{y: y}, next: next}, true
	}
	d, j, ok := p.day(i)
	if !ok {
		return item{}, false
	}
	it, jd := item{a: fields{d: d}}, j
	if p.rangeDash(j) {
		if d2, k, ok := p.day(j + 1); ok && d2 > d {
			it.b, it.ranged, j = fields{d: d2}, true, k
		}
	}
	if p.wordAt(j) == "of" {
		j++
	}
	m, j, ok := p.month(j)
	if !ok {
		if bare && !it.ranged {
			return item{a: fields{d: d}, next: jd}, true
		}
		return item{}, false
	}
	y, j := p.optYear(j)
	if it.ranged {
		it.b.m, it.b.y = m, y
	} else {
		it.a.m, it.a.y = m, y
	}
	it.next = j
	return it, true
}

// monthFirst matches "September 9", "Sept. 9, 2016", "September 5-7",
// "September 2016", "September of 2016" and, in context, "September".
func (p *parser) monthFirst(i int, bare bool) (item, bool) {
	m, j, ok := p.month(i)
	if !ok {
		return item{}, false
	}
	if d, k, ok := p.day(j); ok && !p.yearLike(j) {
		it := item{a: fields{m: m, d: d}}
		if p.rangeDash(k) {
			if d2, k2, ok := p.day(k + 1); ok && d2 > d {
				it.b, it.ranged, k = fields{m: m, d: d2}, true, k2
			}
		}
		y, k := p.optYear(k)
		it.a.y, it.b.y = y, y
		it.next = k
		return it, true
	}
	k := j
	if p.wordAt(k) == "of" || p.punctAt(k, ",") {
		k++
	}
	if y, k2, ok := p.year(k); ok {
		return item{a: fields{y: y, m: m}, next: k2}, true
	}
	if bare || monthContext[p.prevWord(i)] {
		return item{a: fields{m: m}, next: j}, true
	}
	return item{}, false
}

// month matches a capitalised month name or abbreviation, with the period
// an abbreviation may carry.
func (p *parser) month(i int) (int, int, bool) {
	if i >= len(p.toks) || p.toks[i].kind != tWord || !capitalised(p.toks[i].text) {
		return 0, i, false
	}
	m, ok := months[p.toks[i].lower]
	if !ok {
		return 0, i, false
	}
	if abbrev(p.toks[i].lower) && p.punctAt(i+1, ".") && p.glued(i+1) &&
		i+2 < len(p.toks) && p.toks[i+2].kind == tNum {
		return int(m), i + 2, true
	}
	return int(m), i + 1, true
}

// abbrev reports whether w is a shortened month name ("Sept"), which may
// carry a period; the period is taken only before a day or year, so that a
// sentence's full stop stays out of the match.
func abbrev(w string) bool { return len(w) <= 4 && w != "may" && w != "june" && w != "july" }

// day matches a day of the month, 1 to 31, with an optional ordinal suffix.
func (p *parser) day(i int) (int, int, bool) {
	if i >= len(p.toks) || p.toks[i].kind != tNum || len(p.toks[i].text) > 2 || p.inNumber(i) {
		return 0, i, false
	}
	d, _ := strconv.Atoi(p.toks[i].text)
	if d < 1 || d > 31 {
		return 0, i, false
	}
	j := p.afterDay(i)
	if j < 0 {
		return 0, i, false
	}
	return d, j, true
}

// afterDay returns the token after a day number and its ordinal suffix, or
// -1 when another word is glued to it ("5km").
func (p *parser) afterDay(i int) int {
	if p.glued(i+1) && p.toks[i+1].kind == tWord {
		switch p.toks[i+1].lower {
		case "st", "nd", "rd", "th":
			return i + 2
		}
		return -1
	}
	return i + 1
}

// year matches a four-digit year from 1000 to 2199 that is not part of a
// larger number.
func (p *parser) year(i int) (int, int, bool) {
	if !p.yearLike(i) {
		return 0, i, false
	}
	y, _ := strconv.Atoi(p.toks[i].text)
	return y, i + 1, true
}

func (p *parser) yearLike(i int) bool {
	if i >= len(p.toks) || p.toks[i].kind != tNum || len(p.toks[i].text) != 4 || p.inNumber(i) {
		return false
	}
	if p.glued(i+1) && p.toks[i+1].kind == tWord {
		return false
	}
	c := p.toks[i].text[0]
	return c == '1' || c == '2' && p.toks[i].text[1] <= '1'
}

// optYear matches an optional ", 2016" or " 2016" after a day and month.
func (p *parser) optYear(j int) (int, int) {
	k := j
	if p.punctAt(k, ",") {
		k++
	}
	if y, k2, ok := p.year(k); ok {
		return y, k2
	}
	return 0, j
}

// bareYear matches a year standing alone: after a context word ("in 2008",
// "since 2008") unless bare, between 1800 and 2100, and not followed by
// a noun that shows it counts things ("in 2000 cases").
func (p *parser) bareYear(i int, bare bool) (int, int, bool) {
	y, j, ok := p.year(i)
	if !ok || y < 1800 || y > 2100 {
		return 0, i, false
	}
	if !bare && !yearContext[p.prevWord(i)] && !p.yearBeforeNoun(i, j) {
		return 0, i, false
	}
	if countNouns[p.wordAt(j)] || p.punctAt(j, "%") {
		return 0, i, false
	}
	return y, j, true
}

// yearBeforeNoun reports whether the year at i, ending before token j,
// modifies a singular noun after "the": "the 2004 bombing", "the 2016
// election" (not "the 2000 residents": a plural counts).
func (p *parser) yearBeforeNoun(i, j int) bool {
	if p.prevWord(i) != "the" || j >= len(p.toks) || !p.toks[j].space {
		return false
	}
	w := p.toks[j].text
	if w == "" || strings.HasSuffix(w, "s") {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return true
}

// decade matches "1990s", "1990's" and "1990’s"; a year ending in 00
// before 2000 names a century ("the 1800s"; "the 2000s" is a decade).
func (p *parser) decade(i int) (int, int, bool) {
	t := &p.toks[i]
	if len(t.text) != 4 || t.text[3] != '0' || p.inNumber(i) {
		return 0, i, false
	}
	y, _ := strconv.Atoi(t.text)
	if y < 1800 || y > 2090 {
		return 0, i, false
	}
	j := i + 1
	if (p.punctAt(j, "'") || p.punctAt(j, "’")) && p.glued(j) {
		j++
	}
	if p.glued(j) && p.wordAt(j) == "s" {
		return y, j + 1, true
	}
	return 0, i, false
}

// inNumber reports whether the digits at token i belong to a larger number
// or quantity: "5,000", "2.5", "$2016", "#2016", "20%".
func (p *parser) inNumber(i int) bool {
	if p.glued(i) && i >= 1 {
		prev := p.toks[i-1].text
		if prev == "$" || prev == "#" || prev == "€" || prev == "£" {
			return true
		}
		if (prev == "," || prev == ".") && i >= 2 && p.toks[i-2].kind == tNum && p.glued(i-1) {
			return true
		}
	}
	if j := i + 1; p.glued(j) {
		nt := p.toks[j].text
		if nt == "%" {
			return true
		}
		if (nt == "," || nt == ".") && p.glued(j+1) && p.toks[j+1].kind == tNum {
			return true
		}
	}
	return false
}

// rangeDash reports whether token i joins the two days of a range: a
// hyphen or dash, or the word "to".
func (p *parser) rangeDash(i int) bool {
	if i >= len(p.toks) {
		return false
	}
	switch p.toks[i].text {
	case "-", "–", "—", "to", "through":
		return true
	}
	return false
}

// numeric matches ISO dates (2016-09-09, 2016/09/09), US slashed dates
// (9/9/2016, month first) and European dotted dates (9.9.2016, day first).
// All parts are glued together; a two-digit year means 19xx or 20xx,
// whichever is nearer 2000 ("9/9/16" is 2016, "9/9/87" is 1987).
func (p *parser) numeric(i int) (period, int, bool) {
	if !p.glued(i+1) || !p.glued(i+2) || !p.glued(i+3) || !p.glued(i+4) {
		return period{}, i, false
	}
	sep := p.toks[i+1].text
	if p.toks[i+3].text != sep || sep != "-" && sep != "/" && sep != "." {
		return period{}, i, false
	}
	if p.toks[i+2].kind != tNum || p.toks[i+4].kind != tNum {
		return period{}, i, false
	}
	if p.glued(i) && (p.toks[i-1].kind == tNum || p.toks[i-1].text == sep) {
		return period{}, i, false
	}
	if p.glued(i+5) && p.toks[i+5].text == sep && p.glued(i+6) {
		return period{}, i, false
	}
	a, b, c := p.toks[i].text, p.toks[i+2].text, p.toks[i+4].text
	var y, m, d int
	switch {
	case len(a) == 4 && sep != "." && len(b) <= 2 && len(c) <= 2:
		y, m, d = atoi(a), atoi(b), atoi(c)
	case sep == "/" && len(a) <= 2 && len(b) <= 2 && (len(c) == 4 || len(c) == 2):
		m, d, y = atoi(a), atoi(b), fullYear(c)
	case sep == "." && len(a) <= 2 && len(b) <= 2 && len(c) == 4:
		d, m, y = atoi(a), atoi(b), atoi(c)
	default:
		return period{}, i, false
	}
	if y < 1000 || !validDay(y, time.Month(m), d) {
		return period{}, i, false
	}
	return dayPeriod(day(y, time.Month(m), d), false), i + 5, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func fullYear(s string) int {
	y := atoi(s)
	if len(s) == 2 {
		if y < 50 {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}
