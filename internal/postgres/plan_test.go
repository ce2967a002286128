package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/storetest"
)

// TestQueryPlans checks the plans of pages as the store's connections
// make them (generic, see Open): one side of an actor walks its root's
// (day, id) index with the code checked on the entry, a dyad its pair's,
// a modality its own, and the partitions outside a window are left out
// when the statement starts. Sequential scans are off: the test store is
// small enough for the planner to prefer them to any index.
func TestQueryPlans(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	r := rand.New(rand.NewPCG(5, 6))
	storetest.MustCreate(t, db, randomDocs(r, 0, 200))
	if _, err := db.Pool().Exec(ctx, "ANALYZE"); err != nil {
		t.Fatal(err)
	}
	neg := dyad.Negated
	for _, tt := range []struct {
		name string
		f    dyad.EventFilter
		want []string
	}{
		{"actor root", dyad.EventFilter{Actor: ptr("USA")}, []string{"source_root_day_id_source_code_idx", "target_root_day_id_target_code_idx"}},
		{"actor code", dyad.EventFilter{Source: ptr("USAGOV")}, []string{"source_root_day_id_source_code_idx"}},
		{"dyad", dyad.EventFilter{Source: ptr("RUS"), Target: ptr("UKR"), CAMEO: ptr("19")}, []string{"source_root_target_root_day_id"}},
		// The keys from the dyad's index alone, quad class and root
		// checked on its entries, then the rows by key.
		{"dyad quad cameo", dyad.EventFilter{Source: ptr("RUS"), Target: ptr("UKR"), QuadClass: ptr(4), CAMEO: ptr("19")},
			[]string{"Index Only Scan using events_p2020_source_root_target_root_day_id", "events_p2020_pkey"}},
		{"modality", dyad.EventFilter{Modality: &neg}, []string{"modality_day_id_idx"}},
	} {
		q, args, err := db.PageSQL(tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		err = pgx.BeginFunc(ctx, db.Pool(), func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
				return err
			}
			// A statement prepared in SQL, so that EXPLAIN shows the
			// generic plan: given through the protocol, EXPLAIN's
			// parameters are planned as constants.
			if _, err := tx.Exec(ctx, "DEALLOCATE ALL; PREPARE page AS "+q); err != nil {
				return err
			}
			lits := make([]string, len(args))
			for i, a := range args {
				lits[i] = literal(a)
			}
			rows, err := tx.Query(ctx, "EXPLAIN (ANALYZE, COSTS OFF) EXECUTE page("+strings.Join(lits, ", ")+")")
			if err != nil {
				return err
			}
			plan, err = pgx.CollectRows(rows, pgx.RowTo[string])
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		text := strings.Join(plan, "\n")
		for _, w := range append(tt.want, "Subplans Removed") {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the plan does not use %s:\n%s", tt.name, w, text)
			}
		}
		if strings.Contains(text, "Sort Key: e.day, e.id") && !strings.Contains(text, "Sort Key: e_") {
			t.Errorf("%s: the plan sorts the events:\n%s", tt.name, text)
		}
	}
}

// literal writes a statement argument as SQL.
func literal(a any) string {
	switch v := a.(type) {
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	case time.Time:
		return "'" + v.Format("2006-01-02") + "'"
	default:
		return fmt.Sprint(v)
	}
}
