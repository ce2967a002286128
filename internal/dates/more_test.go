package dates_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dates"
)

func TestFindSeveral(t *testing.T) {
	text := "The two sides met on Monday and again on Sept. 14, after talks that ran from 2010 to 2012 collapsed last year."
	want := []string{
		"Monday 2016-09-12..2016-09-12 day",
		"Sept. 14 2016-09-14..2016-09-14 day",
		"from 2010 to 2012 2010-01-01..2012-12-31 year",
		"last year 2015-01-01..2015-12-31 year",
	}
	got := dates.Find(text, thu)
	if len(got) != len(want) {
		t.Fatalf("Find(%q) = %s, want %d mentions %q", text, show(got), len(want), want)
	}
	for i, m := range got {
		if g := describe(m); g != want[i] {
			t.Errorf("mention %d of %q:\n got %s\nwant %s", i, text, g, want[i])
		}
	}
}

func TestFindRelativeFlag(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"on 9 September 2016", false},
		{"on 9 September", true},
		{"yesterday", true},
		{"in 2008", false},
		{"since 2008", true},
	}
	for _, tt := range tests {
		got := dates.Find(tt.text, thu)
		if len(got) != 1 || got[0].Relative != tt.want {
			t.Errorf("Find(%q): got %s Relative=%v, want one mention with Relative=%v", tt.text, show(got), len(got) == 1 && got[0].Relative, tt.want)
		}
	}
}

func TestFindPubLocation(t *testing.T) {
	// Only the publication's own calendar day counts, whatever its zone.
	tokyo := time.FixedZone("JST", 9*3600)
	pub := time.Date(2016, 9, 16, 1, 0, 0, 0, tokyo) // still 15 September in UTC
	got := dates.Find("yesterday", pub)
	if len(got) != 1 || got[0].Date.Format(time.DateOnly) != "2016-09-15" {
		t.Errorf("Find(yesterday, %v) = %s, want 2016-09-15", pub, show(got))
	}
}

func TestHistorical(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"yesterday", false},
		{"last week", false},
		{"in 2008", true},
		{"three weeks ago", true},
		{"last month", true}, // ends 31 August, 15 days before publication
		{"earlier this month", false},
		{"this year", false}, // runs to the story, though its middle is weeks back
		{"next year", false},
	}
	for _, tt := range tests {
		ms := dates.Find(tt.text, thu)
		if len(ms) != 1 {
			t.Fatalf("Find(%q) = %s, want one mention", tt.text, show(ms))
		}
		if got := dates.Historical(ms[0], thu); got != tt.want {
			t.Errorf("Historical(%s, %s) = %v, want %v", describe(ms[0]), thu.Format(time.DateOnly), got, tt.want)
		}
	}
	if dates.Historical(dates.Mention{}, time.Time{}) {
		t.Errorf("Historical with zero publication date = true, want false")
	}
	// Early in a month, "last month" ended days ago, but most of it is
	// weeks back: the coders call its events historical.
	early := time.Date(2016, 9, 5, 0, 0, 0, 0, time.UTC)
	if ms := dates.Find("last month", early); len(ms) != 1 || !dates.Historical(ms[0], early) {
		t.Errorf("last month on %s: %s, want one historical mention", early.Format(time.DateOnly), show(ms))
	}
}

func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text)
	}
	f.Add("from 5 to 7 Sept. 2016-09-09 9/9/16 1990’s between May and")
	f.Add("since since since Thursday, ")
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range dates.Find(text, thu) {
			if m.Span.Start < 0 || m.Span.End > len(text) || m.Span.Start >= m.Span.End {
				t.Fatalf("Find(%q): span %v out of bounds", text, m.Span)
			}
			if text[m.Span.Start:m.Span.End] != m.Text {
				t.Fatalf("Find(%q): span %v is %q, Text %q", text, m.Span, text[m.Span.Start:m.Span.End], m.Text)
			}
			if m.End.Before(m.Date) {
				t.Fatalf("Find(%q): %s ends before it starts", text, describe(m))
			}
		}
	})
}

// story is a made-up wire story with a date every few sentences.
const story = `SEOUL — North Korea fired two missiles into the sea on Thursday, the
military said, a week after the United Nations tightened sanctions. The launch
came days before talks planned for September 20 in Geneva. Some 5,000 troops
remain on alert along the border, where tensions have run high since 2013.
Officials said 12 people were hurt in clashes last week, and that a meeting
between the two sides on 9 Sept. 2016 ended without agreement. Resolution 2270
was adopted in March. The army may respond, a spokesman said yesterday.
`

func BenchmarkFind(b *testing.B) {
	for _, n := range []int{1, 16, 256} {
		text := strings.Repeat(story, n)
		b.Run(sizeName(len(text)), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				dates.Find(text, thu)
			}
		})
	}
}

func sizeName(n int) string {
	switch {
	case n >= 1<<20:
		return itoa(n>>20) + "MB"
	case n >= 1<<10:
		return itoa(n>>10) + "KB"
	}
	return itoa(n) + "B"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
