package sqlite

import (
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/synth"
)

// planCases are the documented /api/events filters (docs/API.md) and the
// combinations the issue measured. ordered says that a page must be read
// in (date, id) order from an index, with no sort of the matches; walk
// that the page may walk the date index (SCAN … USING INDEX), checking
// each event: no filter, or one too unselective to have an index.
var planCases = []struct {
	name    string
	f       dyad.EventFilter
	ordered bool
	walk    bool
}{
	{"None", dyad.EventFilter{}, true, true},
	{"DateRange", dyad.EventFilter{From: ptr("2015-02-01"), To: ptr("2015-02-28")}, true, false},
	{"ActorRoot", dyad.EventFilter{Actor: ptr("USA")}, true, false},
	{"ActorCode", dyad.EventFilter{Actor: ptr("USAGOV")}, true, false},
	{"ActorMonth", dyad.EventFilter{Actor: ptr("IRN"), From: ptr("2015-02-01"), To: ptr("2015-02-28")}, true, false},
	{"Source", dyad.EventFilter{Source: ptr("PAK")}, true, false},
	{"Target", dyad.EventFilter{Target: ptr("GBR")}, true, false},
	{"Dyad", dyad.EventFilter{Source: ptr("USA"), Target: ptr("PAK")}, true, false},
	{"DyadUndirected", dyad.EventFilter{Source: ptr("USA"), Target: ptr("PAK"), Undirected: true}, true, false},
	{"DyadQuadCAMEO", dyad.EventFilter{Source: ptr("USA"), Target: ptr("AFG"), QuadClass: ptr(4), CAMEO: ptr("19")}, true, false},
	{"Country", dyad.EventFilter{Country: ptr("IRN")}, true, false},
	{"SourceCountry", dyad.EventFilter{SourceCountry: ptr("CHN")}, true, false},
	{"TargetCountry", dyad.EventFilter{TargetCountry: ptr("ISR")}, true, false},
	{"CAMEORoot", dyad.EventFilter{CAMEO: ptr("19")}, true, false},
	{"CAMEOCode", dyad.EventFilter{CAMEO: ptr("190")}, true, false},
	{"CAMEOLeaf", dyad.EventFilter{CAMEO: ptr("0841")}, true, false},
	{"PLOVER", dyad.EventFilter{PLOVER: ptr("ASSAULT")}, true, false},
	{"Quad", dyad.EventFilter{QuadClass: ptr(4)}, true, false},
	{"Modality", dyad.EventFilter{Modality: ptr(dyad.Negated)}, true, false},
	{"MinConfidence", dyad.EventFilter{MinConfidence: ptr(0.9)}, true, true},
	{"CountryModalityConfidenceCAMEO", dyad.EventFilter{Country: ptr("IRN"), Modality: ptr(dyad.Asserted), MinConfidence: ptr(0.5), CAMEO: ptr("19")}, true, false},
	{"CountryCAMEOCode", dyad.EventFilter{Country: ptr("IRN"), CAMEO: ptr("190")}, true, false},
	{"SourceCountryCAMEOLeaf", dyad.EventFilter{SourceCountry: ptr("RUS"), CAMEO: ptr("0841")}, true, false},
	{"Outlet", dyad.EventFilter{DocSource: ptr("Reuters")}, true, false},
	{"DateSource", dyad.EventFilter{DateSource: ptr(dyad.DateFromText)}, true, false},
	{"DyadDateSource", dyad.EventFilter{Source: ptr("USA"), Target: ptr("PAK"), DateSource: ptr(dyad.DateFromText)}, true, false},
	{"Document", dyad.EventFilter{DocID: ptr("synth-000000007")}, false, false},
	{"Cluster", dyad.EventFilter{ClusterID: ptr(int64(3))}, false, false},
	{"TextRare", dyad.EventFilter{Text: ptr("w4999")}, true, false},
	{"TextCommon", dyad.EventFilter{Text: ptr("government")}, true, false},
	{"ActorText", dyad.EventFilter{Actor: ptr("USA"), Text: ptr("government")}, true, false},
	{"TextDateRange", dyad.EventFilter{Text: ptr("government"), From: ptr("2015-02-01"), To: ptr("2015-02-28")}, true, false},
	{"DocumentText", dyad.EventFilter{DocID: ptr("synth-000000007"), Text: ptr("government")}, false, false},
}

func ptr[T any](v T) *T { return &v }

// fullScan matches a plan step that reads the whole events table, and
// sorted one that sorts the matches of a page.
var (
	fullScan = regexp.MustCompile(`^SCAN (e|events)$`)
	walk     = regexp.MustCompile(`^SCAN (e|events) USING`)
	// A sort of the LAST TERM (the ids of one date, where an index
	// orders the date but not the id, as events_dyad) sorts a date's
	// rows at a time and stops with the page: allowed.
	sorted = regexp.MustCompile(`USE TEMP B-TREE FOR (RIGHT PART OF )?ORDER BY`)
	// events_fts read in rowid order, ascending (FTS5's index number 64)
	// or descending (192), with the words matched (M).
	ftsOrdered = regexp.MustCompile(`SCAN f VIRTUAL TABLE INDEX (64|192):M`)
)

// TestQueryPlans fails if a documented filter plans a full scan of the
// events, or sorts a page's matches where an index gives their order,
// oldest first or newest first (an index walked backwards).
// The store is small but analyzed, so the planner weighs the indexes as
// on a large one.
func TestQueryPlans(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, filepath.Join(t.TempDir(), "plan.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	opts := synth.DefaultOptions()
	opts.Events, opts.Days = 30_000, 365
	d.textSample = 1000
	g := synth.New(opts)
	if err := d.Load(ctx, func() []*dyad.CodedDocument { return g.Next(10_000) }, nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range planCases {
		t.Run(tc.name, func(t *testing.T) {
			for _, p := range []struct {
				after string
				desc  bool
			}{{"", false}, {"2015-03-01/100", false}, {"", true}, {"2015-03-01/100", true}} {
				f := tc.f
				f.After, f.Desc = p.after, p.desc
				q, args, err := d.findQuery(ctx, f, 101)
				if err != nil {
					t.Fatal(err)
				}
				plan := explain(t, d, q, args)
				checkPlan(t, plan, q, tc.ordered, tc.walk)
				if tc.f.Source != nil && tc.f.Target != nil && !strings.Contains(strings.Join(plan, "\n"), "events_dyad") {
					t.Errorf("a dyad's page does not walk events_dyad:\n%s\nquery: %s", strings.Join(plan, "\n"), q)
				}
				if (tc.name == "ActorCode" || tc.name == "ActorRoot") && !regexp.MustCompile(`COVERING INDEX events_source .*\n(.*\n)*.*COVERING INDEX events_target `).MatchString(strings.Join(plan, "\n")) {
					t.Errorf("an actor's page does not choose its events from events_source and events_target alone:\n%s\nquery: %s", strings.Join(plan, "\n"), q)
				}
				if hasText(tc.f) && tc.f.DocID == nil && !ftsOrdered.MatchString(strings.Join(plan, "\n")) {
					t.Errorf("a word's page is not read from events_fts in rowid order:\n%s\nquery: %s", strings.Join(plan, "\n"), q)
				}
				if hasText(tc.f) && tc.f.DocID != nil && !strings.Contains(q, textExists) {
					t.Errorf("a document's page with a word does not check its events against the word:\nquery: %s", q)
				}
				if tc.f.CAMEO != nil && (tc.f.Country != nil || tc.f.SourceCountry != nil || tc.f.TargetCountry != nil) &&
					!regexp.MustCompile(`_country_root \(\w+_country=\? AND root=\?`).MatchString(strings.Join(plan, "\n")) {
					t.Errorf("a country's page of one event root does not seek events_*_country_root:\n%s\nquery: %s", strings.Join(plan, "\n"), q)
				}
				if testing.Verbose() {
					t.Logf("%s\n%s", q, strings.Join(plan, "\n"))
				}
			}
		})
	}
}

// checkPlan fails on a full scan of events, a walk of an index where walk
// is not allowed, and a sort of the matches where ordered is set.
func checkPlan(t *testing.T, plan []string, q string, ordered, walkOK bool) {
	t.Helper()
	sorts := 0
	for i, step := range plan {
		if fullScan.MatchString(step) {
			t.Errorf("page plans a full scan of events:\n%s\nquery: %s", strings.Join(plan, "\n"), q)
		}
		if walk.MatchString(step) && !walkOK {
			t.Errorf("page walks an index instead of seeking one:\n%s\nquery: %s", strings.Join(plan, "\n"), q)
		}
		// Branches merged, and a word's page read from events_fts, sort
		// their pages' ids at the end, and only there.
		idsFirst := strings.Contains(q, " UNION ALL ") || strings.Contains(q, "FROM events_fts f")
		if sorted.MatchString(step) && (!idsFirst || i < len(plan)-1) {
			sorts++
		}
	}
	if ordered && sorts > 0 {
		t.Errorf("page sorts its matches:\n%s\nquery: %s", strings.Join(plan, "\n"), q)
	}
}

// explain returns the steps of q's query plan.
func explain(t *testing.T, d *DB, q string, args []any) []string {
	t.Helper()
	rows, err := d.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, aux int
		var detail string
		if err := rows.Scan(&id, &parent, &aux, &detail); err != nil {
			t.Fatal(err)
		}
		out = append(out, detail)
	}
	return out
}

// TestCodeBranches pages through the events of three-digit CAMEO codes,
// oldest and newest first, and compares them with the events whose code
// begins with the digits, in (date, id) order: a page of such a code merges
// branches, one for each code of the range in events_cameo
// (codeBranches). It fails if a code of the range is left out, or the
// branches are merged out of order.
func TestCodeBranches(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, filepath.Join(t.TempDir(), "codes.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	opts := synth.DefaultOptions()
	opts.Events, opts.Days = 20_000, 200
	g := synth.New(opts)
	if err := d.Load(ctx, func() []*dyad.CodedDocument { return g.Next(5_000) }, nil); err != nil {
		t.Fatal(err)
	}
	multi := 0 // codes of more than one code in the store
	for _, code := range []string{"084", "190", "036", "173", "999"} {
		var n int
		if err := d.db.QueryRowContext(ctx, "SELECT count(DISTINCT cameo) FROM events WHERE substr(cameo, 1, 3) = ?", code).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 1 {
			multi++
			q, args, err := d.findQuery(ctx, dyad.EventFilter{CAMEO: ptr(code)}, 101)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(strings.Join(explain(t, d, q, args), "\n"), "INDEX events_cameo (cameo=?)"); got != n {
				t.Errorf("code %s: %d branches read events_cameo, want one for each of its %d codes\nquery: %s", code, got, n, q)
			}
		}
		for _, desc := range []bool{false, true} {
			order := "ORDER BY date, id"
			if desc {
				order = "ORDER BY date DESC, id DESC"
			}
			want := rowsOf(t, d, "SELECT event_id FROM events WHERE substr(cameo, 1, 3) = ? "+order, code)
			var got []string
			f := dyad.EventFilter{CAMEO: ptr(code), Limit: 70, Desc: desc}
			for {
				evs, next, err := d.FindEvents(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, ev := range evs {
					got = append(got, ev.ID)
				}
				if next == "" {
					break
				}
				f.After = next
			}
			if !slices.Equal(got, want) {
				t.Errorf("code %s (desc %v): %d events, want %d (first difference at %d)", code, desc, len(got), len(want), firstMismatch(got, want))
			}
		}
	}
	if multi == 0 {
		t.Fatal("no code of several codes in the store: the branches are not tested")
	}
}

func firstMismatch(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// rowsOf returns the first column of q's rows as text.
func rowsOf(t *testing.T, d *DB, q string, args ...any) []string {
	t.Helper()
	rows, err := d.db.QueryContext(context.Background(), q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}
