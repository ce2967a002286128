package postgres

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestAPIAtScale loads a synthetic archive of DYAD_PG_BENCH events (say
// 10000000) into the schema dyad_bench of the DYAD_TEST_POSTGRES server,
// once (a later run reuses it), then times the calls the API makes most,
// each 40 times with varying arguments, and reports p50 and p95. It fails
// when a call's p95 is over DYAD_PG_BENCH_P95 (default 100ms).
func TestAPIAtScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DYAD_PG_BENCH"))
	if n <= 0 {
		t.Skip("set DYAD_PG_BENCH to a number of events (10000000) to load and time the API's calls at that scale")
	}
	dsn := os.Getenv("DYAD_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("DYAD_TEST_POSTGRES is not set")
	}
	ctx := context.Background()
	db := openBench(t, dsn)
	loadBench(t, ctx, db, n/synthEvents)
	limit := 100 * time.Millisecond
	if v := os.Getenv("DYAD_PG_BENCH_P95"); v != "" {
		limit, _ = time.ParseDuration(v)
	}
	for _, c := range benchCalls(db, n/synthEvents) {
		p50, p95 := timeCall(t, ctx, c.run)
		t.Logf("%-44s p50 %8s  p95 %8s", c.name, p50.Round(10*time.Microsecond), p95.Round(10*time.Microsecond))
		if c.gated && p95 > limit {
			t.Errorf("%s: p95 %s over %s", c.name, p95, limit)
		}
	}
}

// openBench opens the dyad_bench schema on the server.
func openBench(t *testing.T, dsn string) *DB {
	ctx := context.Background()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", "dyad_bench")
	u.RawQuery = q.Encode()
	boot, err := Open(ctx, dsn) // the server's default schema, just to run CREATE SCHEMA
	if err != nil {
		t.Fatal(err)
	}
	_, err = boot.pool.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS dyad_bench")
	boot.Close()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	db, err := Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("opened and migrated in %s", time.Since(start).Round(time.Millisecond)) // a new migration backfills here
	t.Cleanup(func() { db.Close() })
	return db
}

// loadBench loads documents until the archive holds docs of them, without
// the secondary indexes (built once at the end, which is faster), and
// analyzes the tables.
func loadBench(t *testing.T, ctx context.Context, db *DB, docs int) {
	var have int
	if err := db.pool.QueryRow(ctx, "SELECT count(*) FROM documents").Scan(&have); err != nil {
		t.Fatal(err)
	}
	if have >= docs {
		t.Logf("reusing the archive of %d documents in schema dyad_bench", have)
		return
	}
	start := time.Now()
	defs, err := dropIndexes(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	last := time.Now()
	err = loadSynth(ctx, db, have, docs, func(done int) {
		if time.Since(last) > 30*time.Second {
			t.Logf("loaded %d documents (%d events) in %s", done, done*synthEvents, time.Since(start).Round(time.Second))
			last = time.Now()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("COPY of %d documents, %d events: %s", docs-have, (docs-have)*synthEvents, time.Since(start).Round(time.Second))
	idx := time.Now()
	if _, err := db.pool.Exec(ctx, "SET maintenance_work_mem = '1GB'"); err != nil {
		t.Fatal(err)
	}
	for _, def := range defs {
		if _, err := db.pool.Exec(ctx, def); err != nil {
			t.Fatalf("%s: %v", def, err)
		}
	}
	t.Logf("indexes built in %s", time.Since(idx).Round(time.Second))
	if _, err := db.pool.Exec(ctx, "VACUUM ANALYZE"); err != nil {
		t.Fatal(err)
	}
	t.Logf("archive ready in %s", time.Since(start).Round(time.Second))
}

// dropIndexes drops the secondary indexes of events and returns the
// statements that make them again: the migrations' own, so that a load
// interrupted after the drop still ends with every index.
func dropIndexes(ctx context.Context, db *DB) ([]string, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var defs []string
	at := map[string]int{} // index name: its place in defs (a later migration may redefine it)
	for _, name := range names {
		b, err := migrations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "CREATE INDEX events_") {
				def := strings.Replace(line, "CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1)
				idx := strings.Fields(line)[2]
				if i, ok := at[idx]; ok {
					defs[i] = def
				} else {
					at[idx] = len(defs)
					defs = append(defs, def)
				}
				if _, err := db.pool.Exec(ctx, "DROP INDEX IF EXISTS "+idx); err != nil {
					return nil, err
				}
			}
		}
	}
	return defs, nil
}

type benchCall struct {
	name  string
	gated bool // held to the p95 target
	run   func(ctx context.Context, i int) error
}

// benchCalls are the API's common calls, as the dashboard and the JSON
// API make them; i varies the arguments.
func benchCalls(db *DB, docs int) []benchCall {
	month := func(i int) (*string, *string) {
		from := synthStart.AddDate(0, 3*i%117, 0)
		a, b := from.Format("2006-01-02"), from.AddDate(0, 1, -1).Format("2006-01-02")
		return &a, &b
	}
	year := func(i int) (*string, *string) {
		from := synthStart.AddDate(i%10, 0, 0)
		a, b := from.Format("2006-01-02"), from.AddDate(1, 0, -1).Format("2006-01-02")
		return &a, &b
	}
	pair := func(i int) (*string, *string) {
		a, b := synthCountries[i%6], synthCountries[(i+1)%6]
		return &a, &b
	}
	one := func(i int) *string { c := synthCountries[i%20]; return &c }
	var cursor string
	return []benchCall{
		{"FindEvents latest page (limit 100)", true, func(ctx context.Context, i int) error {
			_, _, err := db.FindEvents(ctx, dyad.EventFilter{Limit: 100})
			return err
		}},
		{"FindEvents next pages by cursor", true, func(ctx context.Context, i int) error {
			evs, next, err := db.FindEvents(ctx, dyad.EventFilter{Limit: 100, After: cursor})
			if len(evs) > 0 {
				cursor = next
			}
			return err
		}},
		{"FindEvents dyad in a month", true, func(ctx context.Context, i int) error {
			f, to := month(i)
			s, tg := pair(i)
			_, _, err := db.FindEvents(ctx, dyad.EventFilter{From: f, To: to, Source: s, Target: tg, Limit: 100})
			return err
		}},
		{"FindEvents country + CAMEO root in a month", true, func(ctx context.Context, i int) error {
			f, to := month(i)
			root := synthCodes[i%len(synthCodes)].code[:2]
			_, _, err := db.FindEvents(ctx, dyad.EventFilter{From: f, To: to, Country: one(i), CAMEO: &root, Limit: 100})
			return err
		}},
		{"FindEventByID", true, func(ctx context.Context, i int) error {
			_, err := db.FindEventByID(ctx, fmt.Sprintf("b%08d:0:%d", i*7919%docs, i%synthEvents))
			return err
		}},
		{"CountEvents dyad in a year", true, func(ctx context.Context, i int) error {
			f, to := year(i)
			s, tg := pair(i)
			_, err := db.CountEvents(ctx, dyad.EventFilter{From: f, To: to, Source: s, Target: tg})
			return err
		}},
		{"Series dyad by month, all 10 years", true, func(ctx context.Context, i int) error {
			s, tg := pair(i)
			_, err := db.Series(ctx, dyad.EventFilter{Source: s, Target: tg}, dyad.Month)
			return err
		}},
		{"Series dyad by week, one year", true, func(ctx context.Context, i int) error {
			f, to := year(i)
			s, tg := pair(i)
			_, err := db.Series(ctx, dyad.EventFilter{From: f, To: to, Source: s, Target: tg}, dyad.Week)
			return err
		}},
		{"TopActors in a month", true, func(ctx context.Context, i int) error {
			f, to := month(i)
			_, err := db.TopActors(ctx, dyad.EventFilter{From: f, To: to}, 20)
			return err
		}},
		{"TopDyads in a month", true, func(ctx context.Context, i int) error {
			f, to := month(i)
			_, err := db.TopDyads(ctx, dyad.EventFilter{From: f, To: to}, 20)
			return err
		}},
		{"Network of a country in a month", true, func(ctx context.Context, i int) error {
			f, to := month(i)
			_, err := db.Network(ctx, dyad.EventFilter{From: f, To: to, Actor: one(i)}, 30)
			return err
		}},
		{"FindEvents words in the sentence", true, func(ctx context.Context, i int) error {
			w := fmt.Sprintf("report %d", i*7919%docs)
			_, _, err := db.FindEvents(ctx, dyad.EventFilter{Text: &w, Limit: 100})
			return err
		}},
		{"Series all events by month (whole archive)", false, func(ctx context.Context, i int) error {
			_, err := db.Series(ctx, dyad.EventFilter{}, dyad.Month)
			return err
		}},
		{"CountEvents all (whole archive)", false, func(ctx context.Context, i int) error {
			_, err := db.CountEvents(ctx, dyad.EventFilter{})
			return err
		}},
	}
}

// timeCall runs f 40 times (after 2 warm-up runs) and returns its p50
// and p95; a heavy whole-archive call runs 5 times.
func timeCall(t *testing.T, ctx context.Context, f func(context.Context, int) error) (p50, p95 time.Duration) {
	runs := 40
	var ds []time.Duration
	for i := range runs + 2 {
		start := time.Now()
		if err := f(ctx, i); err != nil {
			t.Fatal(err)
		}
		if i >= 2 {
			ds = append(ds, time.Since(start))
		}
		if i == 4 && time.Since(start) > time.Second {
			break // a whole-archive scan: five runs tell enough
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2], ds[(len(ds)*95+99)/100-1]
}
