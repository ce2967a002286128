package server_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/server"
	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/synth"
)

// The API benchmark runs over a synthetic store of DYAD_BENCH_EVENTS
// events (default 100,000), made by internal/synth as dyad bench store
// makes one, built once and kept at DYAD_BENCH_DB (default: the system
// temp dir) for later runs:
//
//	DYAD_BENCH_EVENTS=1000000 go test -run '^$' -bench API -benchtime 200x ./internal/server/

// benchCountries are countries of the synthetic store's actors, among
// its busiest.
var benchCountries = []string{"USA", "RUS", "CHN", "UKR", "ISR", "IRN", "PRK", "KOR", "JPN", "GBR", "FRA", "DEU", "TUR", "SYR", "IRQ", "AFG", "PAK", "IND", "SAU", "EGY",
	"NGA", "ETH", "SDN", "SOM", "LBY", "YEM", "LBN", "PSE", "VEN", "COL", "MEX", "BRA", "ARG", "CUB", "TWN", "PHL", "VNM", "MMR", "THA", "IDN"}

var benchWords = []string{"talks", "border", "missile", "sanctions", "election", "ceasefire", "trade", "troops", "embassy", "protest", "oil", "aid"}

// benchStore opens (building it on first use) the synthetic store.
func benchStore(b *testing.B) (*sqlite.DB, int) {
	n := 100_000
	if v := os.Getenv("DYAD_BENCH_EVENTS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("DYAD_BENCH_EVENTS=%q: want a positive integer", v)
		}
	}
	path := os.Getenv("DYAD_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("dyad-bench-%d.db", n))
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	if have, err := db.CountEvents(ctx, dyad.EventFilter{}); err == nil && have == n {
		if err := db.Optimize(ctx); err != nil { // statistics for indexes a migration added
			b.Fatal(err)
		}
		return db, n
	} else if have != 0 {
		b.Fatalf("%s holds %d events, want %d or none: remove it", path, have, n)
	}
	start := time.Now()
	opts := synth.DefaultOptions()
	opts.Events = n
	g := synth.New(opts)
	// Load builds the indexes after the rows and gathers the planner's
	// statistics, as a store should have after a bulk load.
	if err := db.Load(ctx, func() []*dyad.CodedDocument { return g.Next(50_000) }, nil); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s: %d events in %v", path, n, time.Since(start).Round(time.Second))
	return db, n
}

// BenchmarkAPI measures the common API calls over the synthetic store and
// reports their 50th and 95th percentile latency, JSON encoding included,
// and the process's CPU time per call.
func BenchmarkAPI(b *testing.B) {
	db, n := benchStore(b)
	defer db.Close()
	opts := server.DefaultOptions()
	opts.CacheTTL = time.Nanosecond // measure the store, not the cache
	s, err := server.New(db, opts)
	if err != nil {
		b.Fatal(err)
	}
	months := func(i int) (string, string) {
		t := time.Date(2015+i%10, time.Month(1+i%12), 1, 0, 0, 0, 0, time.UTC)
		return t.Format(time.DateOnly), t.AddDate(0, 1, -1).Format(time.DateOnly)
	}
	pair := func(i int) (string, string) {
		return benchCountries[i%8], benchCountries[(i+1+i/8)%8]
	}
	calls := []struct {
		name string
		url  func(i int) string
	}{
		{"EventsFirstPage", func(i int) string { return "/api/events?limit=100" }},
		{"EventsActorMonth", func(i int) string {
			f, t := months(i)
			return fmt.Sprintf("/api/events?actor=%s&from=%s&to=%s&limit=100", benchCountries[i%10], f, t)
		}},
		{"EventsDyadRootQuad", func(i int) string {
			s, t := pair(i)
			return fmt.Sprintf("/api/events?source=%s&target=%s&quad=4&cameo=19&limit=100", s, t)
		}},
		{"EventsText", func(i int) string { return "/api/events?q=" + benchWords[i%len(benchWords)] + "&limit=50" }},
		{"EventByID", func(i int) string { return fmt.Sprintf("/api/events/synth-%09d:0:0", (i*7919)%(n/10)) }},
		{"SeriesDyadWeekly", func(i int) string {
			s, t := pair(i)
			return fmt.Sprintf("/api/series?source=%s&target=%s&interval=week", s, t)
		}},
		{"SeriesDyadMonthlyUndirected", func(i int) string {
			s, t := pair(i)
			return fmt.Sprintf("/api/series?source=%s&target=%s&undirected=true&interval=month", s, t)
		}},
		{"TopDyadsMonth", func(i int) string {
			f, t := months(i)
			return fmt.Sprintf("/api/top/dyads?from=%s&to=%s&limit=20", f, t)
		}},
		{"TopActorsMonth", func(i int) string {
			f, t := months(i)
			return fmt.Sprintf("/api/top/actors?from=%s&to=%s&limit=20", f, t)
		}},
		{"NetworkMonth", func(i int) string {
			f, t := months(i)
			return fmt.Sprintf("/api/network?from=%s&to=%s&limit=40", f, t)
		}},
		{"ActorsSearch", func(i int) string {
			return "/api/actors?limit=15&q=" + strings.ToLower(benchCountries[i%len(benchCountries)][:1+i%3])
		}},
		{"AlertsQuarter", func(i int) string {
			f, _ := months(i)
			from, _ := time.Parse(time.DateOnly, f)
			return fmt.Sprintf("/api/alerts?from=%s&to=%s", f, from.AddDate(0, 3, -1).Format(time.DateOnly))
		}},
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			var lat []time.Duration
			i := 0
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				req := httptest.NewRequest("GET", c.url(i), nil)
				rec := httptest.NewRecorder()
				t0 := time.Now()
				s.ServeHTTP(rec, req)
				lat = append(lat, time.Since(t0))
				if rec.Code != 200 {
					b.Fatalf("GET %s: status %d\n%s", req.URL, rec.Code, rec.Body)
				}
				i++
			}
			b.ReportMetric(ms(cpuTime()-cpu0)/float64(len(lat)), "cpu-ms/op")
			slices.Sort(lat)
			b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
			b.ReportMetric(ms(lat[min(len(lat)-1, len(lat)*95/100)]), "p95-ms")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// cpuTime returns the CPU time the process has used: on a shared machine
// it measures the calls where wall time measures the other processes too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
