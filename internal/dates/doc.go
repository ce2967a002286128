// Package dates implements the recognition of date expressions in news text
// and their resolution against the publication date.
//
// Find scans a text once with a hand-written lexer and matcher (no regular
// expressions) and returns every date expression it recognises: absolute
// dates ("9 Sept. 2016", "September 9", "2016-09-09", "9/9/2016"), months
// and years in context ("in September", "since 2008", "in the 1990s"),
// relative expressions ("yesterday", "on Thursday", "last week", "earlier
// this month", "three days ago") and ranges ("from 5 to 7 September",
// "between 2010 and 2012"). Each Mention carries the first and last day of
// the period it names and a precision (day, week, month, year).
//
// The rules, including how a year is chosen when the text gives none, are
// listed in docs/DATES_PLACES.md.
package dates
