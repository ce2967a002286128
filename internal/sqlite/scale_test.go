package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
	"github.com/dyad-events/dyad/internal/synth"
)

// downgrade4 takes a store back to schema 3: it drops what migration 0004
// made, as a store written before it lacks.
func downgrade4(tb testing.TB, db *sqlite.DB) {
	tb.Helper()
	downgrade6(tb, db)
	ctx := context.Background()
	rows, err := db.SQL().QueryContext(ctx, `SELECT type, name FROM sqlite_master
		WHERE (type = 'index' AND name IN ('events_root', 'events_code3', 'events_source_country', 'events_target_country',
			'events_quad', 'events_modality', 'events_plover', 'events_outlet', 'events_sentence'))
		OR (type = 'table' AND name IN ('event_days', 'event_dyad_days', 'event_root_days', 'event_actor_months', 'event_pair_months'))
		OR (type = 'trigger' AND name LIKE 'events_summary_%')`)
	if err != nil {
		tb.Fatal(err)
	}
	var drops []string
	for rows.Next() {
		var typ, name string
		if err := rows.Scan(&typ, &name); err != nil {
			tb.Fatal(err)
		}
		drops = append(drops, "DROP "+typ+" "+name)
	}
	rows.Close()
	for _, q := range append(drops, "PRAGMA user_version = 3") {
		if _, err := db.SQL().ExecContext(ctx, q); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
}

// downgrade7 undoes migration 0007 (the country and root indexes, the
// date in events_sentence),
// leaving a store of schema 6.
func downgrade7(tb testing.TB, db *sqlite.DB) {
	tb.Helper()
	for _, q := range []string{"DROP INDEX events_source_country_root", "DROP INDEX events_target_country_root",
		"DROP INDEX events_sentence", "CREATE INDEX events_sentence ON events(sentence_id)", "PRAGMA user_version = 6"} {
		if _, err := db.SQL().ExecContext(context.Background(), q); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
}

// downgrade6 undoes migrations 0007 and 0006 (the date_source column and
// its indexes), leaving a store of schema 5.
func downgrade6(tb testing.TB, db *sqlite.DB) {
	tb.Helper()
	downgrade7(tb, db)
	for _, q := range []string{"DROP INDEX events_date_source", "DROP INDEX events_date_source_dyad",
		"ALTER TABLE events DROP COLUMN date_source", "PRAGMA user_version = 5"} {
		if _, err := db.SQL().ExecContext(context.Background(), q); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
}

// synthDocs returns n synthetic events' documents.
func synthDocs(n int) []*dyad.CodedDocument {
	opts := synth.DefaultOptions()
	opts.Events, opts.Days = n, 120
	return synth.New(opts).Next(n)
}

// summaryQueries read each summary table in key order, Goldstein sums
// rounded so that sums added in another order compare equal.
var summaryQueries = []string{
	"SELECT date, n, q1, q2, q3, q4, round(goldstein, 6) FROM event_days ORDER BY 1",
	"SELECT source_root, target_root, date, n, q1, q2, q3, q4, round(goldstein, 6) FROM event_dyad_days ORDER BY 1, 2, 3",
	"SELECT role, root, date, n, q1, q2, q3, q4, round(goldstein, 6) FROM event_root_days ORDER BY 1, 2, 3",
	"SELECT role, root, week, n, q1, q2, q3, q4, round(goldstein, 6) + 0.0 FROM event_root_weeks ORDER BY 1, 2, 3", // + 0.0: -0 is 0
	"SELECT month, code, country, n FROM event_actor_months ORDER BY 1, 2, 3",
	"SELECT month, source_code, target_code, n, q1, q2, q3, q4, round(goldstein, 6) FROM event_pair_months ORDER BY 1, 2, 3",
}

// recountQueries count the same from the events.
var recountQueries = []string{
	"SELECT date, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), round(total(goldstein), 6) FROM events GROUP BY 1 ORDER BY 1",
	`SELECT source_root, target_root, date, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), round(total(goldstein), 6)
		FROM events GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
	`SELECT role, root, date, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), round(total(goldstein), 6) FROM (
		SELECT 'source' AS role, source_root AS root, date, quad, goldstein FROM events WHERE source_root <> ''
		UNION ALL SELECT 'target', target_root, date, quad, goldstein FROM events WHERE target_root <> ''
		UNION ALL SELECT 'actor', r.root, date, quad, goldstein FROM events
			JOIN (SELECT source_root AS root FROM events UNION SELECT target_root FROM events) AS r
			ON r.root IN (events.source_root, events.target_root) WHERE r.root <> '')
		GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
	`SELECT role, root, CASE WHEN date(date) = date THEN date(date, '-6 days', 'weekday 1') ELSE date END AS week,
		count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), round(total(goldstein), 6) + 0.0 FROM (
		SELECT 'source' AS role, source_root AS root, date, quad, goldstein FROM events WHERE source_root <> ''
		UNION ALL SELECT 'target', target_root, date, quad, goldstein FROM events WHERE target_root <> ''
		UNION ALL SELECT 'actor', r.root, date, quad, goldstein FROM events
			JOIN (SELECT source_root AS root FROM events UNION SELECT target_root FROM events) AS r
			ON r.root IN (events.source_root, events.target_root) WHERE r.root <> '')
		GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
	`SELECT month, code, country, count(*) FROM (
		SELECT CASE m.k WHEN 0 THEN substr(date, 1, 7) ELSE 'all' END AS month, source_code AS code, source_country AS country FROM events, (SELECT 0 AS k UNION ALL SELECT 1) AS m WHERE source_code <> ''
		UNION ALL
		SELECT CASE m.k WHEN 0 THEN substr(date, 1, 7) ELSE 'all' END, target_code, target_country FROM events, (SELECT 0 AS k UNION ALL SELECT 1) AS m WHERE target_code <> '')
		GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
	`SELECT CASE m.k WHEN 0 THEN substr(date, 1, 7) ELSE 'all' END, source_code, target_code, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), round(total(goldstein), 6)
		FROM events, (SELECT 0 AS k UNION ALL SELECT 1) AS m WHERE source_code <> '' AND target_code <> '' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
}

// rowsOf returns the rows of q, one string each.
func rowsOf(tb testing.TB, db *sqlite.DB, q string) []string {
	tb.Helper()
	rows, err := db.SQL().QueryContext(context.Background(), q)
	if err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			tb.Fatal(err)
		}
		out = append(out, fmt.Sprint(vals...))
	}
	return out
}

// checkSummaries fails unless every summary table holds what a recount
// of the events gives.
func checkSummaries(tb testing.TB, db *sqlite.DB) {
	tb.Helper()
	for i, q := range summaryQueries {
		got, want := rowsOf(tb, db, q), rowsOf(tb, db, recountQueries[i])
		if len(want) == 0 {
			tb.Fatalf("%s: the recount is empty", recountQueries[i])
		}
		if diff := firstDiff(want, got); diff != "" {
			tb.Fatalf("%s: recount and summary differ: %s", q, diff)
		}
	}
	checkEventText(tb, db)
}

// checkEventText fails unless events_fts holds one row for each event
// with a sentence, under the key of its date and id, and a word matches
// the events whose sentence holds it (as FTS5's default tokenizer splits
// and folds the words), for a few words of the store.
func checkEventText(tb testing.TB, db *sqlite.DB) {
	tb.Helper()
	q := "SELECT " + sqlite.EventKey("date", "id") + " FROM events WHERE sentence_id IS NOT NULL ORDER BY 1"
	if diff := firstDiff(rowsOf(tb, db, q), rowsOf(tb, db, "SELECT rowid FROM events_fts ORDER BY 1")); diff != "" {
		tb.Fatalf("events_fts rowids and the events' keys differ: %s", diff)
	}
	rows, err := db.SQL().Query("SELECT e.id, s.text FROM events e JOIN sentences s ON s.id = e.sentence_id ORDER BY e.id")
	if err != nil {
		tb.Fatal(err)
	}
	want := map[string][]string{}
	seen := map[string]bool{}
	var words []string
	for rows.Next() {
		var id, text string
		if err := rows.Scan(&id, &text); err != nil {
			tb.Fatal(err)
		}
		in := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if !in[w] {
				in[w] = true
				want[w] = append(want[w], id)
			}
			if !seen[w] && len(words) < 12 {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	rows.Close()
	if len(words) == 0 {
		tb.Fatal("no words in the store's sentences")
	}
	for _, w := range words {
		got := rowsOf(tb, db, "SELECT rowid & 2199023255551 FROM events_fts WHERE events_fts MATCH '\""+w+"\"' ORDER BY 1")
		if diff := firstDiff(want[w], got); diff != "" {
			tb.Fatalf("events_fts MATCH %q: %s", w, diff)
		}
	}
}

// TestSummariesTriggers checks that the triggers keep the summaries equal
// to a recount through inserts, re-codings (deletes) and updates.
func TestSummariesTriggers(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	docs := synthDocs(3000)
	MustCreate(t, db, docs)
	checkSummaries(t, db)
	for _, cd := range docs[:40] { // drop the first event of each, change the code of another
		evs := slices.Clone(cd.Events[1:])
		if len(evs) > 0 {
			evs[0].CAMEO = dyad.CAMEO{Code: "190", Root: "19", QuadClass: 4, Goldstein: -10}
			evs[0].Source.Code = "ZZZGOV"
		}
		if _, err := db.ReplaceEvents(ctx, cd.Doc.ID, evs); err != nil {
			t.Fatal(err)
		}
	}
	checkSummaries(t, db)
	for i, cd := range docs[40:50] { // new sentences, read by the events' text search
		sents := []dyad.Sentence{{Index: 0, Text: fmt.Sprintf("Zebras crossed %d rivers.", i)}, {Index: 1, Text: "Nothing here."}}
		evs := slices.Clone(cd.Events)
		for k := range evs {
			evs[k].Sentence = k % 2
		}
		if _, err := db.ReplaceCoding(ctx, cd.Doc.ID, sents, evs); err != nil {
			t.Fatal(err)
		}
	}
	checkSummaries(t, db)
	if _, err := db.SQL().ExecContext(ctx, "UPDATE events SET date = '2001-02-03', quad = 1 WHERE id % 7 = 0"); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, db)
	// A sentence deleted under its events (ON DELETE SET NULL) leaves the
	// text search; an undated event keeps its text under day 0.
	if _, err := db.SQL().ExecContext(ctx, "DELETE FROM sentences WHERE id IN (SELECT sentence_id FROM events WHERE id % 11 = 0)"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, "UPDATE events SET date = '' WHERE id % 13 = 0"); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, db)
}

// TestSummariesMigration checks that migration 0004 fills the summaries
// of a store written before it.
func TestSummariesMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	MustCreate(t, db, synthDocs(2000))
	downgrade4(t, db)
	db.Close()
	if db, err = sqlite.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.Version(ctx); v < 4 {
		t.Fatalf("schema %d after opening, want at least 4", v)
	}
	checkSummaries(t, db)
}

// TestLoad checks that a bulk load makes the store CreateDocuments makes:
// the same rows, indexes, triggers, full-text index and summaries.
func TestLoad(t *testing.T) {
	docs := synthDocs(5000)
	want := MustOpenDB(t)
	MustCreate(t, want, docs)
	t.Run("OneWrite", func(t *testing.T) { testLoad(t, want, docs) })
	t.Run("Upserts", func(t *testing.T) { // the counts are written after every batch
		defer sqlite.SetLoadSummaryRows(1000)()
		testLoad(t, want, docs)
	})
	t.Run("NewestFirst", func(t *testing.T) { // the full-text rows' keys descend: written after the load
		back := slices.Clone(docs)
		slices.Reverse(back)
		want := MustOpenDB(t)
		MustCreate(t, want, back)
		testLoad(t, want, back)
	})
}

// testLoad loads docs in two batches and compares the store with want.
func testLoad(t *testing.T, want *sqlite.DB, docs []*dyad.CodedDocument) {
	ctx := context.Background()
	got := MustOpenDB(t)
	batches := [][]*dyad.CodedDocument{docs[:100], docs[100:]}
	var stages []string
	err := got.Load(ctx, func() []*dyad.CodedDocument {
		if len(batches) == 0 {
			return nil
		}
		b := batches[0]
		batches = batches[1:]
		return b
	}, func(p sqlite.LoadProgress) { stages = append(stages, p.Stage) })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(stages, "insert") || stages[len(stages)-1] != "analyze" {
		t.Errorf("progress stages %v, want inserts and analyze last", stages)
	}
	checkSummaries(t, got)
	for _, q := range []string{
		"SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY 1, 2",
		"SELECT event_id, doc_id, sentence_id, date, source_code, target_code, cameo, confidence, record, typeof(record), typeof(sentence_id) FROM events ORDER BY id",
		"SELECT id, typeof(url), typeof(n_events) FROM documents ORDER BY id",
		"SELECT event_id, role, code, text, start FROM actors ORDER BY event_id, role",
		"SELECT id, hash, n_sentences, n_events FROM documents ORDER BY id",
		"SELECT code, name, country, n FROM actor_names ORDER BY 1, 2",
		"SELECT rowid FROM events_fts WHERE events_fts MATCH 'talks' ORDER BY 1",
	} {
		if diff := firstDiff(rowsOf(t, want, q), rowsOf(t, got, q)); diff != "" {
			t.Fatalf("%s: CreateDocuments and Load differ: %s", q, diff)
		}
	}
	// The full-text index, built in a file of its own and copied in, passes
	// FTS5's own check, takes the deletes and updates that follow, and its
	// file is gone.
	var dbFile string
	if err := got.SQL().QueryRowContext(ctx, "SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&dbFile); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(dbFile + ".fts-*"); len(left) > 0 {
		t.Errorf("Load left %v behind", left)
	}
	for _, q := range []string{
		"INSERT INTO events_fts (events_fts, rank) VALUES ('integrity-check', 0)",
		"DELETE FROM documents WHERE id IN (SELECT id FROM documents ORDER BY id LIMIT 40)",
		"UPDATE events SET date = '2014-12-31' WHERE id % 97 = 0",
		"INSERT INTO events_fts (events_fts, rank) VALUES ('integrity-check', 0)",
	} {
		if _, err := got.SQL().ExecContext(ctx, q); err != nil {
			t.Fatalf("after Load, %s: %v", q, err)
		}
	}
	checkEventText(t, got)
	var mode string // the load turns the journal off while it writes, and on again
	if err := got.SQL().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode after Load = %q (%v), want wal", mode, err)
	}
	if err := got.Load(ctx, func() []*dyad.CodedDocument { return nil }, nil); dyad.ErrorCode(err) != dyad.ECONFLICT {
		t.Fatalf("Load into a full store: %v, want ECONFLICT", err)
	}
}

// firstDiff describes the first difference between two lists of rows,
// "" when they are equal.
func firstDiff(want, got []string) string {
	for i := range min(len(want), len(got)) {
		if want[i] != got[i] {
			return fmt.Sprintf("row %d: want %q, got %q", i, want[i], got[i])
		}
	}
	if len(want) != len(got) {
		return fmt.Sprintf("%d rows, want %d", len(got), len(want))
	}
	return ""
}

// TestSummariesAnswer checks that the calls the summaries answer give what
// the events give. MinConfidence 0 matches every synthetic event but is
// a filter the summaries do not hold, so it makes a call read the events.
func TestSummariesAnswer(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	MustCreate(t, db, synthDocs(4000)) // 2015-01-01 to 2015-04-30
	zero := 0.0
	ranges := [][2]string{
		{"", ""}, {"2015-01-01", ""}, {"", "2015-02-28"}, {"2015-01-10", "2015-03-20"}, {"2015-02-01", "2015-02-28"},
		{"2015-02-03", "2015-02-17"}, {"2015-01-31", "2015-02-01"}, {"2015-03-01", "2015-04-15"}, {"2015-02-15", "2015-03-31"},
		{"2015-04-02", "2015-03-01"}, {"2014-12-30", "2015-01-02"},
		{"2015-01-01", "2015-04-30"}, {"2015-01-05", "2015-04-20"}, {"", "2015-03-31"}, {"2015-02-01", ""}, {"2015-01-20", "2015-03-10"},
		{"2015-01-05", "2015-01-11"}, {"2015-01-06", "2015-01-10"}, {"2015-01-07", "2015-01-13"}, {"2015-01-12", "2015-02-01"}, {"2015-01-11", "2015-01-12"},
	}
	bounded := 0 // ranges topDyadsRange answered
	for _, r := range ranges {
		var f dyad.EventFilter
		if r[0] != "" {
			f.From = &r[0]
		}
		if r[1] != "" {
			f.To = &r[1]
		}
		ev := f
		ev.MinConfidence = &zero
		name := r[0] + "/" + r[1]
		check := func(what string, got, want any, err1, err2 error) {
			t.Helper()
			if err1 != nil || err2 != nil {
				t.Fatalf("%s %s: %v, %v", what, name, err1, err2)
			}
			if g, w := fmt.Sprintf("%.5v", got), fmt.Sprintf("%.5v", want); g != w {
				t.Errorf("%s %s from the summaries:\n%s\nfrom the events:\n%s", what, name, g, w)
			}
		}
		a1, e1 := db.TopActors(ctx, f, 15)
		a2, e2 := db.TopActors(ctx, ev, 15)
		check("TopActors", a1, a2, e1, e2)
		d1, e1 := db.TopDyads(ctx, f, 15)
		d2, e2 := db.TopDyads(ctx, ev, 15)
		check("TopDyads", d1, d2, e1, e2)
		if f.From != nil || f.To != nil {
			d3, ok, e3 := db.TopDyadsRange(ctx, f, 15)
			if ok {
				bounded++
				check("TopDyadsRange", d3, d2, e3, e2)
			}
			for _, n := range []int{1, 4, 40, 300} { // one round or several
				d3, ok, e3 := db.TopDyadsRange(ctx, f, n)
				d2, e2 := db.TopDyads(ctx, ev, n)
				if ok {
					check(fmt.Sprintf("TopDyadsRange limit %d", n), d3, d2, e3, e2)
				}
			}
		}
		n1, e1 := db.CountEvents(ctx, f)
		n2, e2 := db.CountEvents(ctx, ev)
		check("CountEvents", n1, n2, e1, e2)
		s1, e1 := db.Series(ctx, f, dyad.Week)
		s2, e2 := db.Series(ctx, ev, dyad.Week)
		check("Series", s1, s2, e1, e2)
		for _, dy := range []dyad.EventFilter{{Source: strp("USA")}, {Target: strp("GBR")}, {Actor: strp("GBR")}, {Source: strp("IGO"), Undirected: true},
			{Source: strp("USA"), Target: strp("PAK"), Undirected: true}, {Source: strp("USA"), Target: strp("USA")}} {
			dy.From, dy.To = f.From, f.To
			dev := dy
			dev.MinConfidence = &zero
			for _, by := range []dyad.Interval{dyad.Month, dyad.Week, dyad.Day} {
				s1, e1 := db.Series(ctx, dy, by)
				s2, e2 := db.Series(ctx, dev, by)
				check(fmt.Sprintf("Series %s %+v", by, dy), s1, s2, e1, e2)
			}
			n1, e1 := db.CountEvents(ctx, dy)
			n2, e2 := db.CountEvents(ctx, dev)
			check(fmt.Sprintf("CountEvents %+v", dy), n1, n2, e1, e2)
		}
	}
	if bounded < 5 {
		t.Errorf("TopDyadsRange answered %d ranges, want the 5 of two months or more", bounded)
	}
}
