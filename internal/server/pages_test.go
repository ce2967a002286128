package server_test

import (
	"net/url"
	"strings"
	"testing"
)

func TestPages(t *testing.T) {
	s := newFixtureServer(t)
	tests := []struct {
		target string
		status int
		want   []string // in the HTML
	}{
		{"/", 200, []string{"Events by month", `<rect class="q4"`, "Most active countries", `<a href="/events?country=USA">USA</a>`, "2016-08-01", "USA → PRK"}},
		{"/?level=actor", 200, []string{"Most active actors", "USAGOV</a>"}},
		{"/?from=2016-09-01&interval=day", 200, []string{"Events by day"}},
		{"/dyad", 200, []string{"Pick two actors"}},
		{"/dyad?source=usa&target=prk", 200, []string{"USA → PRK: cooperation and conflict", `class="point"`, `<path class="line"`}},
		{"/dyad?source=USA&target=PRK&period=2016-08-01", 200, []string{`id="events"`, "Events in the week of 2016-08-01", `<mark class="verb" title="verb">fired on</mark>`, "point selected"}},
		{"/dyad?source=USA&target=PRK&interval=month", 200, []string{"per month"}},
		{"/network", 200, []string{`class="edge"`, "USA → PRK", `stroke="#`, "by actor code"}},
		{"/network?level=actor", 200, []string{`class="edge"`, "USAGOV → PRKGOV", `name="level" value="actor"`}},
		{"/events", 200, []string{`<span id="event-count">144</span>`, "Next page"}},
		{"/events?actor=JPN&modality=asserted", 200, []string{`<span id="event-count">20</span>`, `<mark class="source" title="source">Tokyo</mark>`, `<option selected>asserted</option>`}},
		{"/events/" + url.PathEscape("story-2016-01-04-0:0:0"), 200, []string{"verb “accused”", "Pyongyang"}},
		{"/code", 200, []string{`<textarea name="text"`}},
		{"/events?quad=7", 400, []string{"quad: want an integer"}},
		{"/events/nope", 404, []string{"no event"}},
		{"/nowhere", 404, []string{"no page /nowhere"}},
		{"/static/app.css", 200, []string{"--q4"}},
		{"/static/app.js", 200, []string{"/api/actors"}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			code, body, _ := do(t, s, "GET", tt.target, "", "")
			if code != tt.status {
				t.Fatalf("GET %s: status %d, want %d\n%.800s", tt.target, code, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: no %q in the page", tt.target, w)
				}
			}
		})
	}
}

func TestCodePage(t *testing.T) {
	s := newFixtureServer(t)
	form := url.Values{"text": {"Washington accused Pyongyang of lying."}, "date": {"2016-10-27"}}.Encode()
	code, body, _ := do(t, s, "POST", "/code", "application/x-www-form-urlencoded", form)
	if code != 200 || !strings.Contains(body, "1 events") || !strings.Contains(body, `<mark class="verb" title="verb">accused</mark>`) {
		t.Fatalf("POST /code: status %d, want 200 with one highlighted event\n%.2000s", code, body)
	}
	if strings.Contains(body, "/events/pasted") {
		t.Errorf("POST /code links its unstored events to /events/pasted…")
	}
	code, body, _ = do(t, s, "POST", "/code", "application/x-www-form-urlencoded", "text=")
	if code != 400 || !strings.Contains(body, "text: empty") {
		t.Fatalf("POST /code with no text: status %d, want 400 naming the empty text", code)
	}
}
