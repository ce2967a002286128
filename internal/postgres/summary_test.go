package postgres_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/postgres"
	"github.com/dyad-events/dyad/internal/storetest"
)

// randomDocs returns n documents numbered from first, each with up to
// four events between a few actors (some compound, some without a code,
// one code under two countries), over three months, some undated.
func randomDocs(r *rand.Rand, first, n int) []*dyad.CodedDocument {
	actors := []dyad.Actor{
		{Code: "USAGOV", Country: "USA"}, {Code: "USA", Country: "USA"}, {Code: "CHNGOV", Country: "CHN"},
		{Code: "RUSMIL", Country: "RUS"}, {Code: "UKRMIL", Country: "UKR"}, {Code: "UKR", Country: "UKR"},
		{Code: "IGOUNO", Country: ""}, {Code: "IGOUNO", Country: "USA"}, {Code: "", Country: "FRA"},
		{Members: []dyad.Actor{{Code: "FRAGOV", Country: "FRA"}, {Code: "DEUGOV", Country: "DEU"}}},
	}
	codes := []dyad.CAMEO{{Code: "036", Root: "03", QuadClass: 1, Goldstein: 4}, {Code: "042", Root: "04", QuadClass: 1, Goldstein: 1.9},
		{Code: "071", Root: "07", QuadClass: 2, Goldstein: 7.4}, {Code: "112", Root: "11", QuadClass: 3, Goldstein: -2},
		{Code: "190", Root: "19", QuadClass: 4, Goldstein: -10}, {Code: "010", Root: "01", QuadClass: 0, Goldstein: 0}}
	events := func(id string) []dyad.Event {
		evs := make([]dyad.Event, r.IntN(5))
		for k := range evs {
			date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(90)).Format("2006-01-02")
			if r.IntN(10) == 0 {
				date = ""
			}
			evs[k] = dyad.Event{Schema: 1, ID: fmt.Sprintf("%s:0:%d:%d", id, k, r.IntN(1000)), DocID: id, Date: date,
				Source: actors[r.IntN(len(actors))], Target: actors[r.IntN(len(actors))], CAMEO: codes[r.IntN(len(codes))]}
		}
		return evs
	}
	var out []*dyad.CodedDocument
	for i := first; i < first+n; i++ {
		id := fmt.Sprintf("r%04d", i)
		text := fmt.Sprintf("Random story %d.", i)
		out = append(out, &dyad.CodedDocument{Doc: &dyad.Document{ID: id, Text: text},
			Sentences: []dyad.Sentence{{Span: dyad.Span{End: len(text)}, Text: text}}, Events: events(id)})
	}
	return out
}

// TestSummariesMatchEvents checks that the calls the summaries answer
// give what the events give, after inserts, re-codings (which delete),
// re-clustering, a direct UPDATE of summarised columns across partitions
// and a rebuild.
func TestSummariesMatchEvents(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	r := rand.New(rand.NewPCG(7, 8))
	for b := range 4 {
		storetest.MustCreate(t, db, randomDocs(r, 50*b, 50))
	}
	checkSummaries(t, db, "after inserts")

	for i := 0; i < 200; i += 3 {
		id := fmt.Sprintf("r%04d", i)
		evs := randomDocs(r, i, 1)[0].Events
		if _, err := db.ReplaceEvents(ctx, id, evs); err != nil {
			t.Fatalf("ReplaceEvents(%s): %v", id, err)
		}
	}
	checkSummaries(t, db, "after re-coding a third of the documents")

	var cs []*dyad.Cluster
	evs, _, err := db.FindEvents(ctx, dyad.EventFilter{Limit: 20, From: ptr("2020-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		cs = append(cs, &dyad.Cluster{Date: ev.Date, LastDate: ev.Date, EventIDs: []string{ev.ID}, Mentions: 1, Documents: 1, Sources: 1})
	}
	if err := db.ReplaceClusters(ctx, cs); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, db, "after clustering")

	// February's events move four weeks on (most into March's partition),
	// under other actors and codes.
	tag, err := db.Pool().Exec(ctx, `UPDATE events SET day = day + 28, source_root = 'ZZZ', source_code = 'ZZZGOV',
		quad = 3, goldstein = -4.5 WHERE day >= '2020-02-01' AND day < '2020-03-01'`)
	if err != nil || tag.RowsAffected() == 0 {
		t.Fatalf("UPDATE: %v, %d rows", err, tag.RowsAffected())
	}
	checkSummaries(t, db, "after an UPDATE moved events between partitions")

	if _, err := db.Pool().Exec(ctx, "SELECT dyad_rebuild_summaries(NULL, NULL)"); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, db, "after a rebuild")

	if _, err := db.Pool().Exec(ctx, "DELETE FROM events"); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, db, "after deleting every event")
}

// summaryFilters are filters the summaries serve.
var summaryFilters = []dyad.EventFilter{
	{},
	{From: ptr("2020-01-10"), To: ptr("2020-02-20")},
	{From: ptr("2020-03-01")},
	{Source: ptr("USA")},
	{Target: ptr("ukr")},
	{Actor: ptr("IGO")},
	{Source: ptr("RUS"), Target: ptr("UKR"), From: ptr("2020-01-15")},
	{Source: ptr("UKR"), Target: ptr("RUS"), Undirected: true},
	{Source: ptr("USA"), Target: ptr("USA"), Undirected: true},
	{Actor: ptr("FRA"), Limit: 5},
	// Months whole and cut, for the monthly summaries.
	{From: ptr("2020-01-01"), To: ptr("2020-02-29")},
	{From: ptr("2020-01-15"), To: ptr("2020-03-31")},
	{From: ptr("2020-02-01"), To: ptr("2020-02-29")},
	{From: ptr("2020-02-01"), To: ptr("2020-03-17")},
	{To: ptr("2020-02-29")},
	{To: ptr("2020-02-10")},
	{From: ptr("2020-03-01"), To: ptr("2020-01-01")},
	{Source: ptr("UKR"), Undirected: true, From: ptr("2020-02-01")},
	{Target: ptr("IGO"), To: ptr("2020-02-10")},
}

// checkSummaries compares each call with the summaries and without, and
// each summary table with a recount from the events.
func checkSummaries(t *testing.T, db *postgres.DB, when string) {
	t.Helper()
	ctx := context.Background()
	for _, f := range summaryFilters {
		var n [2]int
		var series [2][]dyad.SeriesPoint
		var top [2][]dyad.ActorCount
		var dyads [2]string
		for i, direct := range []bool{false, true} {
			db.SetDirect(direct)
			var err error
			if n[i], err = db.CountEvents(ctx, f); err != nil {
				t.Fatal(err)
			}
			for _, by := range []dyad.Interval{dyad.Day, dyad.Week, dyad.Month} {
				pts, err := db.Series(ctx, f, by)
				if err != nil {
					t.Fatal(err)
				}
				series[i] = append(series[i], pts...)
			}
			if top[i], err = db.TopActors(ctx, f, 100); err != nil {
				t.Fatal(err)
			}
			for _, limit := range []int{1, 4, 40, 300} {
				x, err := db.TopDyads(ctx, f, limit)
				if err != nil {
					t.Fatal(err)
				}
				dyads[i] += fmt.Sprintf("limit %d: %v\n", limit, x)
			}
		}
		db.SetDirect(false)
		if n[0] != n[1] {
			t.Errorf("%s: CountEvents(%s)=%d from the summary, %d from the events", when, show(f), n[0], n[1])
		}
		if len(series[0]) != len(series[1]) {
			t.Errorf("%s: Series(%s) has %d points from the summary, %d from the events", when, show(f), len(series[0]), len(series[1]))
		} else {
			for k := range series[0] {
				a, b := series[0][k], series[1][k]
				if a.Period != b.Period || a.Events != b.Events || a.Quad != b.Quad || !near(a.GoldsteinSum, b.GoldsteinSum) {
					t.Errorf("%s: Series(%s) point %d: %+v from the summary, %+v from the events", when, show(f), k, a, b)
				}
			}
		}
		if dyads[0] != dyads[1] {
			t.Errorf("%s: TopDyads(%s) from the summary:\n%sfrom the events:\n%s", when, show(f), dyads[0], dyads[1])
		}
		if fmt.Sprint(top[0]) != fmt.Sprint(top[1]) {
			t.Errorf("%s: TopActors(%s)=%v from the summary, %v from the events", when, show(f), top[0], top[1])
		}
	}
	// The tables themselves: no row at zero, and every row as a recount.
	var bad int
	err := db.Pool().QueryRow(ctx, `SELECT
		(SELECT count(*) FROM event_dyad_days s FULL JOIN (
			SELECT source_root, target_root, day, count(*) AS n, count(*) FILTER (WHERE quad = 4) AS q4, sum(goldstein::float8) AS g
			FROM events GROUP BY 1, 2, 3) e USING (source_root, target_root, day)
		WHERE s.n IS DISTINCT FROM e.n OR s.q4 IS DISTINCT FROM e.q4 OR abs(s.goldstein - e.g) > 1e-9 OR s.n <= 0)
		+ (SELECT count(*) FROM event_actor_days s FULL JOIN (
			SELECT day, code, country, count(*) AS n FROM (SELECT day, source_code AS code, source_country AS country FROM events
				UNION ALL SELECT day, target_code, target_country FROM events) x WHERE code <> '' GROUP BY 1, 2, 3) e
			USING (day, code, country) WHERE s.n IS DISTINCT FROM e.n OR s.n <= 0)
		+ (SELECT count(*) FROM event_days s FULL JOIN (
			SELECT day, count(*) AS n, count(*) FILTER (WHERE quad = 1) AS q1, sum(goldstein::float8) AS g
			FROM events GROUP BY 1) e USING (day)
		WHERE s.n IS DISTINCT FROM e.n OR s.q1 IS DISTINCT FROM e.q1 OR abs(s.goldstein - e.g) > 1e-9 OR s.n <= 0)
		+ (SELECT count(*) FROM event_root_days s FULL JOIN (
			SELECT role, root, day, count(*) AS n, count(*) FILTER (WHERE quad = 2) AS q2, sum(goldstein::float8) AS g FROM (
				SELECT 'source' AS role, source_root AS root, day, quad, goldstein FROM events
				UNION ALL SELECT 'target', target_root, day, quad, goldstein FROM events
				UNION ALL SELECT 'actor', source_root, day, quad, goldstein FROM events
				UNION ALL SELECT 'actor', target_root, day, quad, goldstein FROM events WHERE target_root <> source_root) x
			WHERE root <> '' GROUP BY 1, 2, 3) e USING (role, root, day)
		WHERE s.n IS DISTINCT FROM e.n OR s.q2 IS DISTINCT FROM e.q2 OR abs(s.goldstein - e.g) > 1e-9 OR s.n <= 0)
		+ (SELECT count(*) FROM event_actor_months s FULL JOIN (
			SELECT m.month, code, country, count(*) AS n FROM (SELECT day, source_code AS code, source_country AS country FROM events
				UNION ALL SELECT day, target_code, target_country FROM events) x
			CROSS JOIN LATERAL (VALUES (date_trunc('month', x.day)::date), ('infinity')) m (month)
			WHERE code <> '' GROUP BY 1, 2, 3) e
			USING (month, code, country) WHERE s.n IS DISTINCT FROM e.n OR s.n <= 0)
		+ (SELECT count(*) FROM event_pair_months s FULL JOIN (
			SELECT m.month, source_code, target_code, count(*) AS n, count(*) FILTER (WHERE quad = 3) AS q3, sum(goldstein::float8) AS g
			FROM events CROSS JOIN LATERAL (VALUES (date_trunc('month', day)::date), ('infinity')) m (month)
			WHERE source_code <> '' AND target_code <> '' GROUP BY 1, 2, 3) e USING (month, source_code, target_code)
		WHERE s.n IS DISTINCT FROM e.n OR s.q3 IS DISTINCT FROM e.q3 OR abs(s.goldstein - e.g) > 1e-9 OR s.n <= 0)
		+ (SELECT count(*) FROM event_words w FULL JOIN (
			SELECT e.day, e.id, to_tsvector('simple', s.text) AS words FROM events e
			JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx) e USING (day, id)
		WHERE w.words IS DISTINCT FROM e.words)`).Scan(&bad)
	if err != nil || bad != 0 {
		t.Errorf("%s: %d summary rows differ from a recount of the events (%v)", when, bad, err)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func show(f dyad.EventFilter) string {
	s := ""
	for _, x := range []struct {
		k string
		v *string
	}{{"from", f.From}, {"to", f.To}, {"actor", f.Actor}, {"source", f.Source}, {"target", f.Target}} {
		if x.v != nil {
			s += x.k + "=" + *x.v + " "
		}
	}
	if f.Undirected {
		s += "undirected"
	}
	return s
}

func ptr[T any](v T) *T { return &v }
