package petrarch

import (
	"strings"
	"time"
)

// Pivot is the year that splits TABARI's two-digit years: "YYMMDD" with
// YY < Pivot is 20YY, otherwise 19YY.
const Pivot = 30

// parseRestriction reads the date part of a code block: "<D" (before D),
// ">D" (on or after D) or "D-D" (both inclusive; either may be left
// open). D is YYYYMMDD or YYMMDD.
func parseRestriction(s string) (from, to time.Time, msg string) {
	switch {
	case strings.HasPrefix(s, "<"):
		d, m := parseDate(s[1:])
		if m != "" {
			return from, to, m
		}
		return from, d.AddDate(0, 0, -1), ""
	case strings.HasPrefix(s, ">"):
		d, m := parseDate(s[1:])
		return d, to, m
	}
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return from, to, "bad date restriction " + quote(s) + ": want <DATE, >DATE or DATE-DATE"
	}
	if a == "" && b == "" {
		return from, to, "empty date range " + quote(s)
	}
	if a != "" { // "-D": open start
		if from, msg = parseDate(a); msg != "" {
			return from, to, msg
		}
	}
	if b != "" { // "D-": open end
		if to, msg = parseDate(b); msg != "" {
			return from, to, msg
		}
	}
	if !to.IsZero() && to.Before(from) {
		return from, to, "date range " + quote(s) + " ends before it starts"
	}
	return from, to, ""
}

// parseDate reads YYYYMMDD or YYMMDD.
func parseDate(s string) (time.Time, string) {
	bad := func() (time.Time, string) {
		return time.Time{}, "bad date " + quote(s) + ": want YYYYMMDD or YYMMDD"
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return bad()
		}
	}
	var y, m, d int
	switch len(s) {
	case 8:
		y, m, d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:])
	case 6:
		y, m, d = atoi(s[:2]), atoi(s[2:4]), atoi(s[4:])
		if y < Pivot {
			y += 2000
		} else {
			y += 1900
		}
	default:
		return bad()
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, "no such day " + quote(s)
	}
	return t, ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
