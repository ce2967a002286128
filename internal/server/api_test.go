package server_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/mock"
	"github.com/dyad-events/dyad/internal/server"
)

func TestHealth(t *testing.T) {
	var got map[string]string
	getJSON(t, newFixtureServer(t), "/healthz", 200, &got)
	if got["status"] != "ok" {
		t.Fatalf("GET /healthz = %v, want status ok", got)
	}
}

func TestEventsFilters(t *testing.T) {
	s := newFixtureServer(t)
	// The fixture (fixture_test.go): 40 weeks from 2016-01-04 with 40
	// accusations USAGOV→PRKGOV (112), 14 threats PRKGOV→USAGOV (138,
	// future), 40 consultations CHNGOV→USAGOV (040), 20 aid JPNGOV→KORGOV
	// (070) and, from week 30, 30 attacks USAMIL→PRKMIL (190).
	tests := []struct {
		query string
		want  int
	}{
		{"", 144},
		{"actor=PRK", 84},
		{"actor=prkgov", 54},
		{"source=USA&target=PRK", 70},
		{"source=PRK&target=USA", 14},
		{"source=PRK&target=USA&undirected=true", 84},
		{"country=JPN", 20},
		{"source_country=CHN", 40},
		{"target_country=KOR", 20},
		{"cameo=19", 30},
		{"cameo=190", 30},
		{"root=04", 40},
		{"plover=consult", 40},
		{"quad=4", 30},
		{"quad=3", 54},
		{"modality=future", 14},
		{"min_confidence=0.8", 144},
		{"min_confidence=0.9", 0},
		{"q=trade", 40},
		{"q=NUCLEAR+strike", 14},
		{"from=2016-01-04&to=2016-01-10", 4},
		{"from=2016-10-04", 5},
		{"to=2016-01-04", 1},
		{"doc_id=story-2016-01-04-0", 1},
		{"actor=USA&quad=4&from=2016-08-01&to=2016-08-07", 3},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var p page
			getJSON(t, s, "/api/events?count=true&limit=1000&"+tt.query, 200, &p)
			if p.Count == nil || *p.Count != tt.want || len(p.Events) != tt.want {
				t.Fatalf("GET /api/events?%s: count %v, %d events; want %d", tt.query, p.Count, len(p.Events), tt.want)
			}
		})
	}
}

func TestEventsPaging(t *testing.T) {
	s := newFixtureServer(t)
	// sort: "" is the documented default, newest first.
	for _, tt := range []struct {
		sort string
		desc bool
	}{{"", true}, {"-date", true}, {"date", false}} {
		t.Run("sort="+tt.sort, func(t *testing.T) {
			seen := map[string]bool{}
			var order []string
			next, pages := "", 0
			for {
				var p page
				getJSON(t, s, "/api/events?limit=50&sort="+url.QueryEscape(tt.sort)+"&after="+url.QueryEscape(next), 200, &p)
				pages++
				for _, ev := range p.Events {
					if seen[ev.ID] {
						t.Fatalf("page %d repeats event %s", pages, ev.ID)
					}
					if n := len(order); n > 0 {
						if last := order[n-1]; ev.Date < last && !tt.desc || ev.Date > last && tt.desc {
							t.Fatalf("page %d: event %s dated %s after %s", pages, ev.ID, ev.Date, last)
						}
					}
					seen[ev.ID] = true
					order = append(order, ev.Date)
				}
				if next = p.Next; next == "" {
					break
				}
				if pages > 10 {
					t.Fatal("paging does not end")
				}
			}
			if len(seen) != 144 || pages != 3 {
				t.Fatalf("paged %d events in %d pages, want 144 in 3", len(seen), pages)
			}
			if order[0] == order[len(order)-1] {
				t.Fatalf("all events on one date %s: the order is not tested", order[0])
			}
		})
	}
}

func TestBadParameters(t *testing.T) {
	s := newFixtureServer(t)
	tests := []struct {
		target string
		want   string // in the message
	}{
		{"/api/events?from=2016-13-01", "from: want a date"},
		{"/api/events?from=2016-02-01&to=2016-01-01", "after to"},
		{"/api/events?limit=0", "limit: want an integer from 1 to 1000"},
		{"/api/events?limit=5000", "limit"},
		{"/api/events?limit=ten", "limit"},
		{"/api/events?quad=5", "quad"},
		{"/api/events?sort=newest", "sort: want date (oldest first) or -date (newest first)"},
		{"/api/events?date_source=guess", "date_source: want text or publication"},
		{"/api/series?sort=date", "sort: unknown parameter"},
		{"/api/events?modality=maybe", "modality: want one of"},
		{"/api/events?min_confidence=2", "min_confidence"},
		{"/api/events?cameo=abc", "cameo: bad value"},
		{"/api/events?actor=US%27%3BDROP", "actor: bad value"},
		{"/api/events?country=USAX", "country"},
		{"/api/events?undirected=perhaps", "undirected"},
		{"/api/events?q=" + strings.Repeat("x", 201), "q: longer than 200"},
		{"/api/events?quad=9&limit=-1", "limit: want an integer from 1 to 1000, got \"-1\"; quad: want an integer from 1 to 4, got \"9\""},
		{"/api/series?interval=year", "interval: want day, week or month"},
		{"/api/top/actors?limit=501", "limit"},
		{"/api/top/dyads?limit=x", "limit"},
		{"/api/network?from=yesterday", "from"},
		{"/api/actors?limit=1000", "limit"},
		{"/api/alerts?window=1", "window"},
		{"/api/alerts?threshold=0", "threshold"},
		{"/api/alerts?dyads=1000", "dyads"},
		{"/api/clusters/abc", "bad cluster id"},
		{"/api/clusters?to=now", "to"},
		{"/api/events?after=" + strings.Repeat("c", 501), "cursor too long"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			var e apiError
			getJSON(t, s, tt.target, 400, &e)
			if e.Error.Code != "invalid" || !strings.Contains(e.Error.Message, tt.want) {
				t.Fatalf("GET %s: error %+v, want code invalid and a message containing %q", tt.target, e.Error, tt.want)
			}
		})
	}
}

func TestEvent(t *testing.T) {
	s := newFixtureServer(t)
	t.Run("OK", func(t *testing.T) {
		var ev struct {
			ID    string `json:"id"`
			Text  string `json:"text"`
			Marks []struct {
				Role       string
				Start, End int
			} `json:"marks"`
		}
		getJSON(t, s, "/api/events/story-2016-01-04-0:0:0", 200, &ev)
		var got []string
		for _, m := range ev.Marks {
			got = append(got, m.Role+"="+ev.Text[m.Start:m.End])
		}
		want := "[source=Washington verb=accused target=Pyongyang]"
		if fmt.Sprint(got) != want {
			t.Fatalf("marks of %q = %v, want %s", ev.Text, got, want)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		var e apiError
		getJSON(t, s, "/api/events/nope:0:0", 404, &e)
		if e.Error.Code != "not_found" || !strings.Contains(e.Error.Message, "nope") {
			t.Fatalf("error %+v, want not_found naming the id", e.Error)
		}
	})
}

func TestSeries(t *testing.T) {
	s := newFixtureServer(t)
	tests := []struct {
		query  string
		points int
		first  string // period: events, quad counts, mean Goldstein
	}{
		{"source=USA&target=PRK", 40, "2016-01-04: 1 [0 0 1 0] -2.0"},
		{"source=USA&target=PRK&interval=month", 10, "2016-01-01: 4 [0 0 4 0] -2.0"},
		{"source=USA&target=PRK&interval=daily&from=2016-08-01&to=2016-08-07", 4, "2016-08-01: 1 [0 0 1 0] -2.0"},
		{"source=PRK&target=USA&undirected=true&interval=week&to=2016-01-10", 1, "2016-01-04: 2 [0 0 2 0] -4.5"},
		{"source=XXX&target=YYY", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got struct {
				Interval string
				Points   []struct {
					Period        string
					Events        int
					Quad          [4]int
					GoldsteinMean float64 `json:"goldstein_mean"`
				}
			}
			getJSON(t, s, "/api/series?"+tt.query, 200, &got)
			if len(got.Points) != tt.points {
				t.Fatalf("GET /api/series?%s: %d points, want %d", tt.query, len(got.Points), tt.points)
			}
			if tt.points == 0 {
				return
			}
			p := got.Points[0]
			if g := fmt.Sprintf("%s: %d %v %.1f", p.Period, p.Events, p.Quad, p.GoldsteinMean); g != tt.first {
				t.Errorf("first point %s, want %s", g, tt.first)
			}
		})
	}
}

func TestRankings(t *testing.T) {
	s := newFixtureServer(t)
	t.Run("TopActors", func(t *testing.T) {
		var got struct{ Actors []struct{ Code string } }
		getJSON(t, s, "/api/top/actors?limit=2", 200, &got)
		if g := fmt.Sprint(got.Actors); g != "[{USAGOV} {PRKGOV}]" {
			t.Fatalf("top actors %s, want [{USAGOV} {PRKGOV}]", g)
		}
	})
	t.Run("TopDyads", func(t *testing.T) {
		var got struct {
			Dyads []struct {
				Source, Target string
				Events         int
			}
		}
		getJSON(t, s, "/api/top/dyads?limit=3&quad=4", 200, &got)
		if g := fmt.Sprint(got.Dyads); g != "[{USAMIL PRKMIL 30}]" {
			t.Fatalf("top conflict dyads %s, want [{USAMIL PRKMIL 30}]", g)
		}
	})
	t.Run("Network", func(t *testing.T) {
		var got struct {
			Nodes []struct{ Code string }
			Edges []struct{ Source, Target string }
		}
		getJSON(t, s, "/api/network?limit=2&from=2016-01-01&to=2016-12-31", 200, &got)
		if len(got.Edges) != 2 || len(got.Nodes) != 3 {
			t.Fatalf("network %+v, want 2 edges joining 3 actors", got)
		}
	})
	t.Run("NetworkEmpty", func(t *testing.T) {
		var got map[string][]any
		getJSON(t, s, "/api/network?from=2030-01-01", 200, &got)
		if got["nodes"] == nil || got["edges"] == nil || len(got["nodes"])+len(got["edges"]) != 0 {
			t.Fatalf("empty network %v, want empty lists (not null)", got)
		}
	})
}

func TestActors(t *testing.T) {
	s := newFixtureServer(t)
	tests := []struct{ q, want string }{
		{"korea", "[PRKGOV PRKMIL KORGOV]"},
		{"usa", "[USAGOV USAMIL]"},
		{"JAP", "[JPNGOV]"},
		{"zz", "[]"},
	}
	for _, tt := range tests {
		var got struct{ Actors []struct{ Code string } }
		getJSON(t, s, "/api/actors?q="+tt.q, 200, &got)
		var codes []string
		for _, a := range got.Actors {
			codes = append(codes, a.Code)
		}
		if g := fmt.Sprint(codes); g != tt.want && !(tt.want == "[]" && len(codes) == 0) {
			t.Errorf("GET /api/actors?q=%s: %s, want %s", tt.q, g, tt.want)
		}
	}
}

func TestClusters(t *testing.T) {
	s := newFixtureServer(t)
	var got map[string]any
	getJSON(t, s, "/api/clusters", 200, &got)
	if l, ok := got["clusters"].([]any); !ok || len(l) != 0 {
		t.Fatalf("clusters %v, want an empty list", got)
	}
	var e apiError
	getJSON(t, s, "/api/clusters/7", 404, &e)
	if e.Error.Code != "not_found" {
		t.Fatalf("GET /api/clusters/7: %+v, want not_found", e)
	}
}

func TestAlerts(t *testing.T) {
	s := newFixtureServer(t)
	type alerts struct {
		From, To string
		Dyads    int
		Alerts   []struct {
			Source, Target, Week string
			Score                float64
		}
	}
	t.Run("KnownBreak", func(t *testing.T) {
		var got alerts
		getJSON(t, s, "/api/alerts?from=2016-01-01&to=2016-12-31", 200, &got)
		if len(got.Alerts) == 0 {
			t.Fatalf("no alerts over the fixture year; want USA→PRK from 2016-08-01: %+v", got)
		}
		first := got.Alerts[len(got.Alerts)-1] // latest first
		if first.Source != "USA" || first.Target != "PRK" || first.Week != "2016-08-01" {
			t.Fatalf("earliest alert %+v, want USA→PRK in the week of 2016-08-01", first)
		}
		for _, a := range got.Alerts {
			if a.Source != "USA" || a.Target != "PRK" {
				t.Errorf("unexpected alert %+v: only USA→PRK escalates", a)
			}
		}
	})
	t.Run("DefaultPeriod", func(t *testing.T) {
		var got alerts
		getJSON(t, s, "/api/alerts", 200, &got)
		if got.To != "2016-10-07" || got.From != "2016-07-18" {
			t.Fatalf("default period %s to %s, want the twelve weeks to the latest event, 2016-07-18 to 2016-10-07", got.From, got.To)
		}
	})
	t.Run("HighThreshold", func(t *testing.T) {
		var got alerts
		getJSON(t, s, "/api/alerts?from=2016-01-01&threshold=20", 200, &got)
		if len(got.Alerts) != 0 {
			t.Fatalf("threshold 20: %d alerts, want none", len(got.Alerts))
		}
	})
	t.Run("BeforeTheBreak", func(t *testing.T) {
		var got alerts
		getJSON(t, s, "/api/alerts?to=2016-07-31", 200, &got)
		if len(got.Alerts) != 0 {
			t.Fatalf("alerts before the break: %+v", got.Alerts)
		}
	})
}

func TestOpenAPI(t *testing.T) {
	s := newFixtureServer(t)
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	getJSON(t, s, "/api/openapi.json", 200, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi = %q, want 3.x", doc.OpenAPI)
	}
	want := map[string]string{
		"/healthz": "get", "/metrics": "get", "/api/openapi.json": "get", "/api/events": "get", "/api/events/{id}": "get",
		"/api/series": "get", "/api/top/actors": "get", "/api/top/dyads": "get", "/api/network": "get",
		"/api/actors": "get", "/api/clusters": "get", "/api/clusters/{id}": "get", "/api/alerts": "get",
		"/api/code": "post",
	}
	for path, method := range want {
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("openapi.json does not document %s %s", strings.ToUpper(method), path)
		}
	}
	if len(doc.Paths) != len(want) {
		t.Errorf("openapi.json documents %d paths, the server has %d", len(doc.Paths), len(want))
	}
}

// TestAlertsOnlyParties adds two dyads that escalate as USA→PRK does: one
// between bare sectors with no country (UAF→CVL), one between countries
// (SYR→TUR). Only the second may alert.
func TestAlertsOnlyParties(t *testing.T) {
	evs := fixture()
	sectors := kind{"UAF", "", "gunmen", "attacked", "CVL", "", "villagers", "190", "19", "use conventional military force", "ASSAULT", 4, -10, "."}
	states := kind{"SYRMIL", "Syria", "Syrian troops", "attacked", "TURMIL", "Turkey", "Turkish troops", "190", "19", "use conventional military force", "ASSAULT", 4, -10, "."}
	for w := range fixtureWeeks {
		n := 1
		if w >= breakWeek {
			n = 6
		}
		for i := range n {
			date := fixtureStart.AddDate(0, 0, 7*w+i%5).Format(time.DateOnly)
			for _, k := range []kind{sectors, states} {
				ev := event(fmt.Sprintf("extra-%s-%s-%d", k.src, date, i), date, k, dyad.Asserted)
				if k.src == "UAF" {
					ev.Source.Country, ev.Target.Country = "", ""
				}
				evs = append(evs, ev)
			}
		}
	}
	s, err := server.New(mock.NewMemory(evs), server.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Alerts []struct{ Source, Target string }
	}
	getJSON(t, s, "/api/alerts?from=2016-01-01&to=2016-12-31", 200, &got)
	pairs := map[string]bool{}
	for _, a := range got.Alerts {
		pairs[a.Source+"-"+a.Target] = true
	}
	if pairs["UAF-CVL"] || !pairs["SYR-TUR"] || !pairs["USA-PRK"] {
		t.Fatalf("alerting dyads %v, want SYR-TUR and USA-PRK and not UAF-CVL", pairs)
	}
}

// TestAlertsOnlyTextDated adds two dyads that escalate as USA→PRK does:
// SYR→TUR's events are dated by their stories' publication (background
// mentions, as a story today recalling an old war), IRN→ISR's by their
// own sentences. Only IRN→ISR may alert, over the in-memory store and
// over SQLite (whose alerts read its own dyad ranking and quad series).
func TestAlertsOnlyTextDated(t *testing.T) {
	evs := fixture()
	recalled := kind{"SYRMIL", "Syria", "Syrian troops", "attacked", "TURMIL", "Turkey", "Turkish troops", "190", "19", "use conventional military force", "ASSAULT", 4, -10, "."}
	dated := kind{"IRNMIL", "Iran", "Iranian forces", "attacked", "ISRMIL", "Israel", "Israeli troops", "190", "19", "use conventional military force", "ASSAULT", 4, -10, "."}
	for w := range fixtureWeeks {
		n := 1
		if w >= breakWeek {
			n = 6
		}
		for i := range n {
			date := fixtureStart.AddDate(0, 0, 7*w+i%5).Format(time.DateOnly)
			for _, k := range []kind{recalled, dated} {
				ev := event(fmt.Sprintf("extra-%s-%s-%d", k.src, date, i), date, k, dyad.Asserted)
				if k.src == "SYRMIL" {
					ev.DateSource = dyad.DateFromPublication
				}
				evs = append(evs, ev)
			}
		}
	}
	for _, st := range []struct {
		name  string
		store dyad.EventStore
	}{{"Memory", mock.NewMemory(evs)}, {"SQLite", MustSQLite(t, evs)}} {
		t.Run(st.name, func(t *testing.T) {
			s, err := server.New(st.store, server.DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				Alerts []struct{ Source, Target string }
			}
			getJSON(t, s, "/api/alerts?from=2016-01-01&to=2016-12-31", 200, &got)
			pairs := map[string]bool{}
			for _, a := range got.Alerts {
				pairs[a.Source+"-"+a.Target] = true
			}
			if pairs["SYR-TUR"] || !pairs["IRN-ISR"] || !pairs["USA-PRK"] {
				t.Fatalf("alerting dyads %v, want IRN-ISR and USA-PRK and not SYR-TUR", pairs)
			}
			// The publication-dated events are there: the events list
			// finds them, and the date_source filter tells them apart.
			var pub, txt page
			getJSON(t, s, "/api/events?count=true&limit=1&source=SYR&target=TUR&date_source=publication", 200, &pub)
			getJSON(t, s, "/api/events?count=true&limit=1&source=SYR&target=TUR&date_source=text", 200, &txt)
			if *pub.Count == 0 || *txt.Count != 0 {
				t.Fatalf("SYR→TUR: %d publication-dated and %d text-dated events, want some and none", *pub.Count, *txt.Count)
			}
		})
	}
}
