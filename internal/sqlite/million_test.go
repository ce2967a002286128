package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
)

// TestMillionEvents builds (or reuses) a store of one million synthetic
// events and times one-dyad time-series queries against the 50 ms target
// (CPU time of the best of 9, since wall time on a shared machine measures
// the other processes too).
// Set DYAD_MILLION_DB to the database path to run it; it takes minutes the
// first time.
//
// The events are drawn from a fixed seed: 100,000 documents of 10 events,
// dates uniform over 2010–2019, 40 countries with Zipf-like weights (the
// busiest about 15% of actors, as the USA is in GDELT) and 4 sectors,
// 20 CAMEO codes.
func TestMillionEvents(t *testing.T) {
	path := os.Getenv("DYAD_MILLION_DB")
	if path == "" {
		t.Skip("set DYAD_MILLION_DB=/path/to/million.db to build and query a 1M-event store")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if st, _ := db.Stats(ctx); st.Events < 1_000_000 {
		start := time.Now()
		fillMillion(t, db)
		t.Logf("built 1,000,000 events in %s", time.Since(start).Round(time.Second))
	}
	for _, q := range []struct {
		name string
		f    dyad.EventFilter
		by   dyad.Interval
	}{
		{"BusiestDyadMonth", dyad.EventFilter{Source: strp("C00"), Target: strp("C01")}, dyad.Month},
		{"BusiestDyadDayGOV", dyad.EventFilter{Source: strp("C00GOV"), Target: strp("C01GOV")}, dyad.Day},
		{"DyadWeekRange", dyad.EventFilter{Source: strp("C00"), Target: strp("C05"), From: strp("2015-01-01"), To: strp("2016-12-31")}, dyad.Week},
		{"RareDyadUndirected", dyad.EventFilter{Source: strp("C30"), Target: strp("C31"), Undirected: true}, dyad.Month},
	} {
		best, bestCPU := time.Hour, time.Hour
		var pts []dyad.SeriesPoint
		for range 9 {
			t0, c0 := time.Now(), cpuTime()
			pts, err = db.Series(ctx, q.f, q.by)
			if err != nil {
				t.Fatal(err)
			}
			best, bestCPU = min(best, time.Since(t0)), min(bestCPU, cpuTime()-c0)
		}
		n := 0
		for _, p := range pts {
			n += p.Events
		}
		t.Logf("%-20s %5d periods, %6d events, best of 9: %s wall, %s CPU", q.name, len(pts), n,
			best.Round(time.Microsecond), bestCPU.Round(time.Microsecond))
		if bestCPU > 50*time.Millisecond { // CPU, not wall: the machine is shared
			t.Errorf("%s took %s of CPU, over the 50 ms target", q.name, bestCPU)
		}
	}
}

// TestMillionEventsOther logs the time of the other calls the server
// makes, on the same store; no target is asserted.
func TestMillionEventsOther(t *testing.T) {
	path := os.Getenv("DYAD_MILLION_DB")
	if path == "" {
		t.Skip("set DYAD_MILLION_DB (see TestMillionEvents)")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	month := dyad.EventFilter{From: strp("2015-03-01"), To: strp("2015-03-31")}
	dy := dyad.EventFilter{Source: strp("C00"), Target: strp("C01"), Limit: 100}
	for _, c := range []struct {
		name string
		fn   func() error
	}{
		{"FindEventsDyadPage", func() error { _, _, err := db.FindEvents(ctx, dy); return err }},
		{"CountEventsDyad", func() error { _, err := db.CountEvents(ctx, dy); return err }},
		{"TopActorsMonth", func() error { _, err := db.TopActors(ctx, month, 20); return err }},
		{"TopDyadsMonth", func() error { _, err := db.TopDyads(ctx, month, 20); return err }},
		{"NetworkMonth", func() error { _, err := db.Network(ctx, month, 50); return err }},
	} {
		best, bestCPU := time.Hour, time.Hour
		for range 5 {
			t0, c0 := time.Now(), cpuTime()
			if err := c.fn(); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			best, bestCPU = min(best, time.Since(t0)), min(bestCPU, cpuTime()-c0)
		}
		t.Logf("%-20s best of 5: %s wall, %s CPU", c.name, best.Round(time.Microsecond), bestCPU.Round(time.Microsecond))
	}
}

func fillMillion(t *testing.T, db *sqlite.DB) {
	r := rand.New(rand.NewPCG(1, 2))
	countries := make([]string, 40)
	weights := make([]float64, 40)
	total := 0.0
	for i := range countries {
		countries[i] = fmt.Sprintf("C%02d", i)
		weights[i] = 1 / float64(i+1)
		total += weights[i]
	}
	pick := func() string {
		x := r.Float64() * total
		for i, w := range weights {
			if x -= w; x <= 0 {
				return countries[i]
			}
		}
		return countries[0]
	}
	sectors := []string{"", "GOV", "MIL", "OPP"}
	codes := []string{"010", "020", "036", "040", "042", "043", "051", "057", "061", "071", "111", "112", "120", "130", "138", "141", "163", "173", "190", "193"}
	base := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	for b := range 1000 {
		var batch []*dyad.CodedDocument
		for d := range 100 {
			id := fmt.Sprintf("m%06d", b*100+d)
			date := base.AddDate(0, 0, r.IntN(3652))
			text := "Synthetic story " + id + "."
			cd := &dyad.CodedDocument{Doc: &dyad.Document{ID: id, Text: text, Date: date, Source: "Synth"},
				Sentences: []dyad.Sentence{{Span: dyad.Span{End: len(text)}, Text: text}}}
			for k := range 10 {
				sc, tc := pick(), pick()
				code := codes[r.IntN(len(codes))]
				quad := 1 + r.IntN(4)
				cd.Events = append(cd.Events, dyad.Event{Schema: 1, ID: fmt.Sprintf("%s:0:%d", id, k), DocID: id,
					Date:     date.Format("2006-01-02"),
					Source:   dyad.Actor{Code: sc + sectors[r.IntN(4)], Country: sc},
					Target:   dyad.Actor{Code: tc + sectors[r.IntN(4)], Country: tc},
					CAMEO:    dyad.CAMEO{Code: code, Root: code[:2], QuadClass: quad, Goldstein: float64(r.IntN(21) - 10)},
					Modality: dyad.Asserted, Confidence: r.Float64()})
			}
			batch = append(batch, cd)
		}
		if _, err := db.CreateDocuments(context.Background(), batch); err != nil {
			t.Fatal(err)
		}
	}
}

func strp(s string) *string { return &s }

// cpuTime returns the CPU time the process has used, user and system: on
// a loaded machine the wall time of a query measures the other processes.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
