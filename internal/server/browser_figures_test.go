package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/server"
)

// figuresServer serves the fixture from SQLite with headlines, URLs and
// real-world events, plus two historical events (1905, 1950) of the kind
// stories recall, which must not stretch the overview's time axis.
func figuresServer(t *testing.T) http.Handler {
	evs := fixture()
	for _, year := range []string{"1905-06-01", "1950-06-25"} {
		ev := event("history-"+year, year, threat, dyad.Historical)
		ev.DatePrecision = dyad.PrecisionYear
		evs = append(evs, ev)
	}
	docs := codedDocs(evs)
	for _, d := range docs {
		d.Doc.Title, d.Doc.URL = "Headline of "+d.Doc.ID, "https://example.org/"+d.Doc.ID
	}
	db := MustSQLite(t, nil)
	ctx := context.Background()
	if _, err := db.CreateDocuments(ctx, docs); err != nil {
		t.Fatal(err)
	}
	ms, err := db.Mentions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ReplaceClusters(ctx, cluster.Group(ms, cluster.DefaultOptions())); err != nil {
		t.Fatal(err)
	}
	s, err := server.New(db, server.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// text returns the text of the first node matching sel.
func (b *browser) text(sel string) string {
	b.t.Helper()
	var s string
	b.run("text of "+sel, chromedp.Text(sel, &s, chromedp.ByQuery))
	return strings.TrimSpace(s)
}

// eval evaluates a JavaScript expression into v.
func (b *browser) eval(expr string, v any) {
	b.t.Helper()
	b.run("evaluate "+expr, chromedp.Evaluate(expr, v))
}

// TestBrowserFiguresMatchAPI reads each page's main figures in the
// browser and checks them against the API's answers.
func TestBrowserFiguresMatchAPI(t *testing.T) {
	var api http.Handler
	b := newBrowserOn(t, func() http.Handler { api = figuresServer(t); return api })

	t.Run("Overview", func(t *testing.T) {
		b.open("/")
		var all page
		getJSON(t, api, "/api/events?count=true&limit=1", 200, &all)
		if got := b.text("main section h2 small"); got != fmt.Sprintf("(%d in all)", *all.Count) {
			t.Errorf("overview total %q, API count %d", got, *all.Count)
		}
		// The time axis: the dense span of 2016, the outliers named apart.
		var xs []string
		b.eval(`Array.from(document.querySelectorAll("svg.chart text[text-anchor=middle]")).map(e => e.textContent)`, &xs)
		if len(xs) == 0 || xs[0] < "2016" {
			t.Errorf("x axis starts at %v, want the dense span of 2016", xs)
		}
		if w := b.text("#window"); !strings.Contains(w, "2 events fall outside it (the data runs from 1905-06-01") {
			t.Errorf("window note %q, want the 2 historical events named", w)
		}
		// The y axis ends at the busiest month of the span.
		var series struct{ Points []dyad.SeriesPoint }
		getJSON(t, api, "/api/series?interval=month&from=2016-01-01", 200, &series)
		most := 0
		for _, p := range series.Points {
			most = max(most, p.Events)
		}
		var ys []string
		b.eval(`Array.from(document.querySelectorAll("svg.chart text[text-anchor=end]")).map(e => e.textContent)`, &ys)
		if len(ys) == 0 || ys[len(ys)-1] != strconv.Itoa(most) {
			t.Errorf("y axis labels %v, want the top at the busiest month's %d events", ys, most)
		}
		// The busiest country: its actors' events summed from the API.
		var top struct{ Actors []dyad.ActorCount }
		getJSON(t, api, "/api/top/actors?limit=500", 200, &top)
		sum := map[string]int{}
		best := ""
		for _, a := range top.Actors {
			sum[a.Country] += a.Events
			if a.Country != "" && (best == "" || sum[a.Country] > sum[best]) {
				best = a.Country
			}
		}
		row := b.text("#top-actors tbody tr")
		if f := strings.Fields(row); len(f) < 2 || f[0] != best || f[len(f)-1] != strconv.Itoa(sum[best]) {
			t.Errorf("top country row %q, want %s with %d events", row, best, sum[best])
		}
		// Names beside the busiest dyad's codes, as the actor search has them.
		var names struct{ Actors []dyad.ActorCount }
		getJSON(t, api, "/api/actors?q=CHNGOV&limit=5", 200, &names)
		if len(names.Actors) == 0 || names.Actors[0].Name == "" {
			t.Fatalf("actor search has no name for CHNGOV: %+v", names)
		}
		if row := b.text("#top-dyads tbody tr"); !strings.Contains(row, names.Actors[0].Name) {
			t.Errorf("busiest dyad row %q has no name (want %q)", row, names.Actors[0].Name)
		}
		b.shot("figures-overview")
		b.noErrors("/")
	})

	t.Run("EventPage", func(t *testing.T) {
		var pg struct {
			Events []struct {
				ID    string `json:"id"`
				DocID string `json:"doc_id"`
			} `json:"events"`
		}
		getJSON(t, api, "/api/events?from=2016-08-01&to=2016-08-07&dyad=USA-PRK&cameo=190&limit=1", 200, &pg)
		if len(pg.Events) == 0 {
			t.Fatal("no USA-PRK attack in the week of 2016-08-01")
		}
		id, doc := pg.Events[0].ID, pg.Events[0].DocID
		var cl struct {
			Clusters []struct {
				ID       int64    `json:"id"`
				Mentions int      `json:"mentions"`
				EventIDs []string `json:"event_ids"`
			} `json:"clusters"`
		}
		getJSON(t, api, "/api/clusters?from=2016-08-01&to=2016-08-07&limit=100", 200, &cl)
		mentions := 0
		for _, c := range cl.Clusters {
			var full struct {
				Mentions int      `json:"mentions"`
				EventIDs []string `json:"event_ids"`
			}
			getJSON(t, api, fmt.Sprintf("/api/clusters/%d", c.ID), 200, &full)
			for _, e := range full.EventIDs {
				if e == id {
					mentions = full.Mentions
				}
			}
		}
		if mentions == 0 {
			t.Fatalf("event %s is in no cluster", id)
		}
		b.open("/events/" + url.PathEscape(id))
		if story := b.text("#story"); !strings.Contains(story, "Headline of "+doc) {
			t.Errorf("story line %q, want the headline", story)
		}
		var href string
		b.eval(`document.getElementById("article-link").href`, &href)
		if href != "https://example.org/"+doc {
			t.Errorf("article link %q", href)
		}
		if n := b.count("#others tbody tr.event"); n != mentions-1 {
			t.Errorf("%d other reports listed, the cluster has %d mentions", n, mentions)
		}
		b.open("/events/history-1905-06-01:0:0")
		if d := b.text("#event-date"); !strings.HasPrefix(d, "1905 (year precision") {
			t.Errorf("year-precision date shown as %q, want 1905", d)
		}
		b.noErrors("event page")
	})

	t.Run("DyadBothDirections", func(t *testing.T) {
		b.open("/dyad?source=USA&target=PRK&undirected=true")
		if h := b.text("main section h2"); !strings.HasPrefix(h, "USA ↔ PRK") || !strings.Contains(h, "both directions") {
			t.Errorf("title %q, want USA ↔ PRK (both directions)", h)
		}
		// PRK's threats of 1905 and 1950 stay off the weekly axis.
		if w := b.text("#window"); !strings.Contains(w, "2 events fall outside it") {
			t.Errorf("dyad window note %q", w)
		}
		var xs []string
		b.eval(`Array.from(document.querySelectorAll("#dyad-chart svg text[text-anchor=middle]")).map(e => e.textContent)`, &xs)
		if len(xs) == 0 || xs[0] < "2016" {
			t.Errorf("dyad x axis starts at %v, want 2016", xs)
		}
	})

	t.Run("EventsOrder", func(t *testing.T) {
		// The list is newest first by default, as the API's default
		// order; "oldest first" asks sort=date. Its rows are the API's
		// first page in that order.
		rowIDs := `Array.from(document.querySelectorAll("table.events tbody td.date a")).map(a => decodeURIComponent(a.pathname.slice("/events/".length)))`
		for _, tt := range []struct{ page, api, selected string }{
			{"/events", "/api/events?limit=50", "-date"},
			{"/events?sort=date", "/api/events?limit=50&sort=date", "date"},
			{"/events?sort=-date", "/api/events?limit=50&sort=-date", "-date"},
		} {
			b.open(tt.page)
			var got []string
			b.eval(rowIDs, &got)
			var pg page
			getJSON(t, api, tt.api, 200, &pg)
			var want []string
			for _, ev := range pg.Events {
				want = append(want, ev.ID)
			}
			if len(want) < 2 || strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s lists %v,\nAPI %s gives %v", tt.page, got, tt.api, want)
			}
			if pg.Events[0].Date == pg.Events[len(pg.Events)-1].Date {
				t.Errorf("%s: one date on the page, the order is not tested", tt.api)
			}
			var sel string
			b.eval(`document.querySelector("#event-sort").value`, &sel)
			if sel != tt.selected {
				t.Errorf("%s: order menu on %q, want %q", tt.page, sel, tt.selected)
			}
		}
		var newest, oldest page
		getJSON(t, api, "/api/events?limit=1", 200, &newest)
		getJSON(t, api, "/api/events?limit=1&sort=date", 200, &oldest)
		if newest.Events[0].Date <= oldest.Events[0].Date {
			t.Errorf("default first event dated %s, oldest-first %s: want the newest first", newest.Events[0].Date, oldest.Events[0].Date)
		}
	})

	t.Run("EventsSort", func(t *testing.T) {
		b.open("/events?sort=date")
		b.run("sort by date", chromedp.Click("table.events thead th", chromedp.ByQuery))
		var dates []string
		b.eval(`Array.from(document.querySelectorAll("table.events tbody td.date")).map(e => e.dataset.sort)`, &dates)
		for i := 1; i < len(dates); i++ {
			if dates[i] > dates[i-1] {
				t.Fatalf("after a click on Date, row %d (%s) is newer than row %d (%s)", i+1, dates[i], i, dates[i-1])
			}
		}
		if len(dates) < 2 {
			t.Fatalf("%d rows", len(dates))
		}
		b.noErrors("/events")
	})
}
