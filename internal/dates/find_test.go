package dates_test

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dates"
)

// thu is the publication date of most cases: Thursday 15 September 2016.
var thu = time.Date(2016, 9, 15, 14, 30, 0, 0, time.UTC)

const (
	day   = dyad.PrecisionDay
	week  = dyad.PrecisionWeek
	month = dyad.PrecisionMonth
	year  = dyad.PrecisionYear
)

type findCase struct {
	name string
	text string
	pub  time.Time
	// want: the matched words, first day, last day ("" = same), precision.
	// An empty match means no date must be found.
	match, from, to string
	prec            dyad.DatePrecision
}

var findCases = []findCase{
	// Absolute, day first.
	{"DayMonth", "Talks opened on 9 September in Geneva.", thu, "9 September", "2016-09-09", "", day},
	{"DayAbbrevYear", "The accord of 9 Sept. 2016 held.", thu, "9 Sept. 2016", "2016-09-09", "", day},
	{"DayAbbrevNoDot", "Signed 9 Sep 2016.", thu, "9 Sep 2016", "2016-09-09", "", day},
	{"Ordinal", "On the 9th of September, troops left.", thu, "9th of September", "2016-09-09", "", day},
	{"OrdinalMonth", "Elections held on 3rd March 2012.", thu, "3rd March 2012", "2012-03-03", "", day},
	{"DayMonthCommaYear", "He died on 1 May, 2011.", thu, "1 May, 2011", "2011-05-01", "", day},
	// Absolute, month first.
	{"MonthDay", "Rebels attacked on September 9.", thu, "September 9", "2016-09-09", "", day},
	{"MonthDayYear", "It began Sept. 9, 2016, officials said.", thu, "Sept. 9, 2016", "2016-09-09", "", day},
	{"MonthDayYearNoComma", "It began September 9 2001.", thu, "September 9 2001", "2001-09-09", "", day},
	{"MonthDayOrdinal", "Set for November 8th.", thu, "November 8th", "2016-11-08", "", day},
	{"MonthDayPastYear", "Fighting on October 3 killed dozens.", thu, "October 3", "2015-10-03", "", day},
	{"MonthDayFuture", "The vote will be held on October 3.", thu, "October 3", "2016-10-03", "", day},
	{"MonthDayFutureDue", "A ruling is due December 1.", thu, "December 1", "2016-12-01", "", day},
	{"MonthDayToBe", "The election, to be held on October 3, was called.", thu, "October 3", "2016-10-03", "", day},
	{"MonthYear", "Inflation rose in September 2015.", thu, "September 2015", "2015-09-01", "2015-09-30", month},
	{"MonthOfYear", "In March of 2011 protests began.", thu, "March of 2011", "2011-03-01", "2011-03-31", month},
	{"MonthAbbrevYear", "Since Feb. 2014 the war has gone on.", thu, "Since Feb. 2014", "2014-02-01", "2016-09-15", month},
	{"LeapDay", "Seen on Feb 29, 2016.", thu, "Feb 29, 2016", "2016-02-29", "", day},
	// Numeric.
	{"ISO", "Dated 2016-09-09 in the file.", thu, "2016-09-09", "2016-09-09", "", day},
	{"ISOTime", "At 2016-09-09T10:00Z the blast.", thu, "2016-09-09", "2016-09-09", "", day},
	{"ISOSlash", "Dated 2016/09/09.", thu, "2016/09/09", "2016-09-09", "", day},
	{"USSlash", "Filed 9/8/2016 in court.", thu, "9/8/2016", "2016-09-08", "", day},
	{"USSlashShortYear", "Filed 12/1/15 in court.", thu, "12/1/15", "2015-12-01", "", day},
	{"DottedEuropean", "Am 3.10.1990 vereint.", thu, "3.10.1990", "1990-10-03", "", day},
	// Months alone.
	{"InMonthPast", "Talks collapsed in March.", thu, "March", "2016-03-01", "2016-03-31", month},
	{"InMonthSame", "Clashes in September left 5 dead.", thu, "September", "2016-09-01", "2016-09-30", month},
	{"InMonthLastYear", "Talks collapsed in November.", thu, "November", "2015-11-01", "2015-11-30", month},
	{"InMonthFuture", "Elections will be held in November.", thu, "November", "2016-11-01", "2016-11-30", month},
	{"LastMonthName", "He resigned last September.", thu, "last September", "2015-09-01", "2015-09-30", month},
	{"NextMonthName", "A summit is planned for next May.", thu, "next May", "2017-05-01", "2017-05-31", month},
	{"EarlyMonth", "In early August the army advanced.", thu, "early August", "2016-08-01", "2016-08-10", month},
	{"MidMonth", "By mid-July the city fell.", thu, "mid-July", "2016-07-11", "2016-07-20", month},
	{"LateMonthYear", "In late March 2003 troops crossed.", thu, "late March 2003", "2003-03-21", "2003-03-31", month},
	// Years and decades.
	{"InYear", "The regime fell in 2008.", thu, "2008", "2008-01-01", "2008-12-31", year},
	{"SinceYear", "Since 2008 the dispute has simmered.", thu, "Since 2008", "2008-01-01", "2016-09-15", year},
	{"ByYear", "Troops will leave by 2020.", thu, "2020", "2020-01-01", "2020-12-31", year},
	{"LateYear", "In late 2015 talks resumed.", thu, "late 2015", "2015-09-01", "2015-12-31", year},
	{"Decade", "Violence rose in the 1990s.", thu, "1990s", "1990-01-01", "1999-12-31", year},
	{"DecadeApostrophe", "In the 1980's the war raged.", thu, "1980's", "1980-01-01", "1989-12-31", year},
	{"Century", "Founded in the 1800s.", thu, "1800s", "1800-01-01", "1899-12-31", year},
	{"Noughties", "Born in the 2000s.", thu, "2000s", "2000-01-01", "2009-12-31", year},
	{"EarlyDecade", "In the early 2000s, the rebels rose.", thu, "early 2000s", "2000-01-01", "2003-12-31", year},
	// Ranges.
	{"DayRange", "Talks ran from 5 to 7 September.", thu, "5 to 7 September", "2016-09-05", "2016-09-07", day},
	{"DayDashRange", "The summit, 5-7 September 2015, ended.", thu, "5-7 September 2015", "2015-09-05", "2015-09-07", day},
	{"MonthDayDashRange", "Meetings on Sept. 12-14 were tense.", thu, "Sept. 12-14", "2016-09-12", "2016-09-14", day},
	{"BetweenYears", "Between 2010 and 2012 the war raged.", thu, "Between 2010 and 2012", "2010-01-01", "2012-12-31", year},
	{"FromToYears", "It ruled from 1996 to 2001.", thu, "from 1996 to 2001", "1996-01-01", "2001-12-31", year},
	{"BetweenMonths", "Between March and May 2016 prices rose.", thu, "Between March and May 2016", "2016-03-01", "2016-05-31", month},
	{"FromDayToDay", "from September 1 to September 4 the city was shut", thu, "from September 1 to September 4", "2016-09-01", "2016-09-04", day},
	{"BetweenDays", "between 5 and 7 September", thu, "between 5 and 7 September", "2016-09-05", "2016-09-07", day},
	// Relative: days.
	{"Today", "Police said today that two died.", thu, "today", "2016-09-15", "", day},
	{"Yesterday", "Rebels shelled the town yesterday.", thu, "yesterday", "2016-09-14", "", day},
	{"Tomorrow", "Leaders meet tomorrow.", thu, "tomorrow", "2016-09-16", "", day},
	{"LastNight", "Gunmen struck last night.", thu, "last night", "2016-09-14", "", day},
	{"ThisMorning", "Explosions shook the city this morning.", thu, "this morning", "2016-09-15", "", day},
	{"DaysAgo", "He was freed three days ago.", thu, "three days ago", "2016-09-12", "", day},
	{"DigitsDaysAgo", "He was freed 10 days ago.", thu, "10 days ago", "2016-09-05", "", day},
	{"WeeksAgo", "The town fell two weeks ago.", thu, "two weeks ago", "2016-09-01", "", week},
	{"YearAgo", "A year ago the talks failed.", thu, "A year ago", "2015-01-01", "2015-12-31", year},
	// Relative: weekdays (pub is a Thursday).
	{"OnWeekday", "The minister met rebels on Tuesday.", thu, "Tuesday", "2016-09-13", "", day},
	{"OnWeekdaySameDay", "Troops withdrew on Thursday.", thu, "Thursday", "2016-09-15", "", day},
	{"WeekdayAfterPub", "Troops withdrew on Friday.", thu, "Friday", "2016-09-09", "", day},
	{"WeekdayPossessive", "Saturday's bombing killed 12.", thu, "Saturday", "2016-09-10", "", day},
	{"WeekdayFuture", "The leaders will meet on Friday.", thu, "Friday", "2016-09-16", "", day},
	{"WeekdayReportedPast", "He will resign, aides said on Monday.", thu, "Monday", "2016-09-12", "", day},
	{"LastWeekday", "It happened last Thursday.", thu, "last Thursday", "2016-09-08", "", day},
	{"NextWeekday", "Talks resume next Monday.", thu, "next Monday", "2016-09-19", "", day},
	{"ThisWeekday", "Talks resume this Saturday.", thu, "this Saturday", "2016-09-17", "", day},
	{"WeekdayWithDate", "On Friday, September 9, 2016, it rained.", thu, "Friday, September 9, 2016", "2016-09-09", "", day},
	{"WeekdayPicksYear", "On Sunday, Oct. 9, rebels attacked.", thu, "Sunday, Oct. 9", "2016-10-09", "", day},
	{"WeekdayPicksPastYear", "On Friday, Oct. 9, rebels attacked.", thu, "Friday, Oct. 9", "2015-10-09", "", day},
	// Relative: weeks, months, years.
	{"LastWeek", "Fighting flared last week.", thu, "last week", "2016-09-05", "2016-09-11", week},
	{"ThisWeek", "Fighting flared this week.", thu, "this week", "2016-09-12", "2016-09-18", week},
	{"NextWeek", "Talks resume next week.", thu, "next week", "2016-09-19", "2016-09-25", week},
	{"EarlierThisMonth", "Earlier this month the army moved.", thu, "Earlier this month", "2016-09-01", "2016-09-15", month},
	{"LaterThisYear", "Polls are due later this year.", thu, "later this year", "2016-09-15", "2016-12-31", year},
	{"LastMonth", "Prices fell last month.", thu, "last month", "2016-08-01", "2016-08-31", month},
	{"LastMonthJanuary", "Prices fell last month.", time.Date(2017, 1, 10, 0, 0, 0, 0, time.UTC), "last month", "2016-12-01", "2016-12-31", month},
	{"NextYear", "Polls are due next year.", thu, "next year", "2017-01-01", "2017-12-31", year},
	{"PastWeek", "Over the past week 40 died.", thu, "the past week", "2016-09-09", "2016-09-15", week},
	{"Weekend", "Protests spread over the weekend.", thu, "over the weekend", "2016-09-10", "2016-09-11", week},
	{"WeekendFuture", "Protesters will march this weekend.", thu, "this weekend", "2016-09-17", "2016-09-18", week},
	// Traps: numbers that are not dates, words that are not dates.
	{"Troops", "Some 5,000 troops were sent.", thu, "", "", "", ""},
	{"Resolution", "UN resolution 2270 tightened sanctions.", thu, "", "", "", ""},
	{"BareYearNoContext", "It sent 2016 troops.", thu, "", "", "", ""},
	{"InCountedYear", "Police were deployed in 2000 cases.", thu, "", "", "", ""},
	{"Money", "It cost $2015 in fees.", thu, "", "", "", ""},
	{"Decimal", "Growth was 20.16 percent.", thu, "", "", "", ""},
	{"Percent", "Turnout in 2012% no.", thu, "", "", "", ""},
	{"ModalMay", "The army may attack.", thu, "", "", "", ""},
	{"NameMay", "Theresa May met Merkel.", thu, "", "", "", ""},
	{"MarchVerb", "Thousands march on the capital.", thu, "", "", "", ""},
	{"NineEleven", "Attacks like 9/11 shaped policy.", thu, "", "", "", ""},
	{"Score", "They won 3-1 on aggregate.", thu, "", "", "", ""},
	{"Distance", "Fired from 5km away in March.", thu, "March", "2016-03-01", "2016-03-31", month},
	{"Time", "The blast came at 1800 GMT.", thu, "", "", "", ""},
	{"InvalidDate", "Dated 2016-02-30.", thu, "", "", "", ""},
	{"LowerMonth", "They will march in step.", thu, "", "", "", ""},
	// No publication date: relative forms are skipped, absolute kept.
	{"NoPubRelative", "Rebels attacked yesterday.", time.Time{}, "", "", "", ""},
	{"NoPubWeekday", "Rebels attacked on Monday.", time.Time{}, "", "", "", ""},
	{"NoPubPartial", "Rebels attacked on September 9.", time.Time{}, "", "", "", ""},
	{"NoPubAbsolute", "Rebels attacked on September 9, 2016.", time.Time{}, "September 9, 2016", "2016-09-09", "", day},
	{"NoPubYear", "Rebels attacked in 2008.", time.Time{}, "2008", "2008-01-01", "2008-12-31", year},
}

func TestFind(t *testing.T) {
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			got := dates.Find(tc.text, tc.pub)
			if tc.match == "" {
				if len(got) != 0 {
					t.Fatalf("Find(%q, %s) = %s, want none", tc.text, tc.pub.Format(time.DateOnly), show(got))
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("Find(%q, %s) = %s, want one match %q", tc.text, tc.pub.Format(time.DateOnly), show(got), tc.match)
			}
			to := tc.to
			if to == "" {
				to = tc.from
			}
			m := got[0]
			g := describe(m)
			w := tc.match + " " + tc.from + ".." + to + " " + string(tc.prec)
			if g != w {
				t.Errorf("Find(%q, %s):\n got %s\nwant %s", tc.text, tc.pub.Format(time.DateOnly), g, w)
			}
			if tc.text[m.Span.Start:m.Span.End] != m.Text {
				t.Errorf("Span %v covers %q, Text is %q", m.Span, tc.text[m.Span.Start:m.Span.End], m.Text)
			}
		})
	}
}

func describe(m dates.Mention) string {
	return m.Text + " " + m.Date.Format(time.DateOnly) + ".." + m.End.Format(time.DateOnly) + " " + string(m.Precision)
}

func show(ms []dates.Mention) string {
	s := "["
	for i, m := range ms {
		if i > 0 {
			s += "; "
		}
		s += describe(m)
	}
	return s + "]"
}

func TestYearBeforeNoun(t *testing.T) {
	pub := time.Date(2020, 3, 10, 0, 0, 0, 0, time.UTC)
	for text, want := range map[string]int{
		"A trial opened over the 2004 bombing of a base.": 1,
		"He won the 2016 election.":                       1,
		"The 2000 residents fled.":                        0,
		"the 2000 soldiers":                               0,
		"Rebels killed 2004 people.":                      0,
		"the 1999 Constitution":                           0,
	} {
		if got := len(dates.Find(text, pub)); got != want {
			t.Errorf("%q: %d dates, want %d", text, got, want)
		}
	}
}

func TestBareWeekday(t *testing.T) {
	pub := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	for text, want := range map[string]bool{
		"They met on Tuesday.":         true,
		"Talks Tuesday.":               true,
		"After Tuesday's talks.":       true,
		"They met last Tuesday.":       false,
		"They met on March 4.":         false,
		"They met Tuesday, March 4.":   false,
		"They met on Tuesday in 2019.": true,
	} {
		ms := dates.Find(text, pub)
		if len(ms) == 0 {
			t.Errorf("%q: no date", text)
			continue
		}
		if got := ms[0].BareWeekday(); got != want {
			t.Errorf("%q: %q BareWeekday() = %v, want %v", text, ms[0].Text, got, want)
		}
	}
}
